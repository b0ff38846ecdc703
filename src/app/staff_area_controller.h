#pragma once
// The staff area: which page shows, who is signed in, and the table that says which role
// each page needs. Opening the door shows the PIN pad and signs nobody in; every move to a
// page, and every frame drawn, is checked against the table.
#include <cstdint>
#include <vector>

#include "app/officer_area_controller.h"
#include "app/staff_authentication.h"
#include "app/staff_screen_table.h"
#include "ui/pin_pad_screen.h"
#include "ui/staff_screens.h"
#include "ui/station_pack_screen.h"

namespace yousaid::app {

class StaffAreaController {
public:
    // `workspace` is the officer's workspace screen, or nullptr where the app has none.
    StaffAreaController(ui::StaffHost& host, ui::Screen* workspace);

    bool IsOpen() const { return open_; }
    // The door was opened: the station PIN pad, nobody signed in.
    void OpenAtPin();
    // Left, timed out or reloaded: closed, and nobody signed in.
    void Close();

    ui::StaffPage Page() const { return page_; }
    bool MayShow(ui::StaffPage page) const;
    // Moves to `page` when the area is open and the signed-in role may see it.
    bool GoTo(ui::StaffPage page);
    // The page's screen; the PIN pad whenever the page is not (or no longer) allowed.
    ui::Screen& CurrentScreen();

    StaffAuthentication& Auth() { return auth_; }
    const StaffAuthentication& Auth() const { return auth_; }
    void ResetPinPads();

private:
    const StaffScreenEntry* Find(ui::StaffPage page) const;

    StaffAuthentication auth_;
    bool open_ = false;
    ui::StaffPage page_ = ui::StaffPage::kPin;
    ui::PinPadScreen pin_screen_;
    ui::StaffHomeScreen home_screen_;
    ui::StationSetupScreen setup_screen_;
    ui::StationPackScreen pack_screen_;
    ui::ClearDeviceScreen clear_screen_;
    OfficerAreaController officer_;
    std::vector<StaffScreenEntry> table_;
};

}  // namespace yousaid::app
