#pragma once
// One row per staff or officer page: the screen that draws it and the role it needs. Adding
// a page is one screen file plus one row in its controller's table.
#include "ui/screen.h"
#include "ui/staff_host.h"

namespace yousaid::app {

struct StaffScreenEntry {
    ui::StaffPage page;
    ui::StaffRole needs;
    ui::Screen* screen;
};

}  // namespace yousaid::app
