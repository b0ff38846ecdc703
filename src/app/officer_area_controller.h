#pragma once
// The officer area's pages: the officer PIN, the officer store and import, resetting the
// station PIN, clearing everything and the way out of a forgotten officer PIN.
#include <vector>

#include "app/staff_screen_table.h"
#include "ui/officer_screens.h"
#include "ui/pin_pad_screen.h"
#include "ui/sealing_keys_view.h"

namespace yousaid::app {

class OfficerAreaController {
public:
    OfficerAreaController(ui::StaffHost& host, ui::Screen* workspace);
    const std::vector<StaffScreenEntry>& Table() const { return table_; }
    void ResetPinPads();

private:
    ui::PinPadScreen officer_pin_screen_;
    ui::PinPadScreen station_pin_reset_screen_;
    ui::OfficerHomeScreen home_screen_;
    ui::OfficerImportScreen import_screen_;
    ui::ClearEverythingScreen clear_everything_screen_;
    ui::ForgotOfficerPinScreen forgot_pin_screen_;
    ui::OfficerKeysScreen keys_screen_;
    std::vector<StaffScreenEntry> table_;
};

}  // namespace yousaid::app
