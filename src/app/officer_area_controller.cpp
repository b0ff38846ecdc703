#include "app/officer_area_controller.h"

namespace yousaid::app {

using ui::StaffPage;
using ui::StaffRole;

OfficerAreaController::OfficerAreaController(ui::StaffHost& host, ui::Screen* workspace)
    : officer_pin_screen_(host, ui::PinPurpose::kOfficer),
      station_pin_reset_screen_(host, ui::PinPurpose::kNewStationPin),
      home_screen_(host),
      import_screen_(host),
      clear_everything_screen_(host),
      forgot_pin_screen_(host),
      keys_screen_(host) {
    // The officer PIN pad opens without a role: it is how an officer in, when the station
    // PIN is forgotten. Choosing the officer PIN needs the station PIN first (the app checks).
    // A forgotten officer PIN needs the station PIN, so that clearing the officer store can
    // never become a way to the station's own responses.
    table_ = {
        {StaffPage::kOfficerPin, StaffRole::kNone, &officer_pin_screen_},
        {StaffPage::kOfficerHome, StaffRole::kOfficer, &home_screen_},
        {StaffPage::kImport, StaffRole::kOfficer, &import_screen_},
        {StaffPage::kStationPinReset, StaffRole::kOfficer, &station_pin_reset_screen_},
        {StaffPage::kClearEverything, StaffRole::kOfficer, &clear_everything_screen_},
        {StaffPage::kClearEverythingConfirm, StaffRole::kOfficer, &clear_everything_screen_},
        {StaffPage::kForgotOfficerPin, StaffRole::kVolunteer, &forgot_pin_screen_},
        {StaffPage::kForgotOfficerPinConfirm, StaffRole::kVolunteer, &forgot_pin_screen_},
        // A volunteer's PIN never reaches the keys a station seals to.
        {StaffPage::kOfficerKeys, StaffRole::kOfficer, &keys_screen_},
    };
    if (workspace != nullptr) table_.push_back({StaffPage::kWorkspace, StaffRole::kOfficer, workspace});
}

void OfficerAreaController::ResetPinPads() {
    officer_pin_screen_.Reset();
    station_pin_reset_screen_.Reset();
}

}  // namespace yousaid::app
