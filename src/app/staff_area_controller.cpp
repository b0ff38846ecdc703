#include "app/staff_area_controller.h"

namespace yousaid::app {

using ui::StaffPage;
using ui::StaffRole;

StaffAreaController::StaffAreaController(ui::StaffHost& host, ui::Screen* workspace)
    : pin_screen_(host, ui::PinPurpose::kStation),
      home_screen_(host),
      setup_screen_(host),
      pack_screen_(host),
      clear_screen_(host),
      officer_(host, workspace) {
    table_ = {
        {StaffPage::kPin, StaffRole::kNone, &pin_screen_},
        {StaffPage::kHome, StaffRole::kVolunteer, &home_screen_},
        {StaffPage::kSetup, StaffRole::kVolunteer, &setup_screen_},
        {StaffPage::kStationPack, StaffRole::kVolunteer, &pack_screen_},
        {StaffPage::kClear, StaffRole::kVolunteer, &clear_screen_},
        {StaffPage::kClearConfirm, StaffRole::kVolunteer, &clear_screen_},
    };
    table_.insert(table_.end(), officer_.Table().begin(), officer_.Table().end());
}

void StaffAreaController::OpenAtPin() {
    auth_.End();
    open_ = true;
    page_ = StaffPage::kPin;
    ResetPinPads();
}

void StaffAreaController::Close() {
    auth_.End();
    open_ = false;
    page_ = StaffPage::kPin;
    ResetPinPads();
}

const StaffScreenEntry* StaffAreaController::Find(StaffPage page) const {
    for (const StaffScreenEntry& entry : table_) {
        if (entry.page == page) return &entry;
    }
    return nullptr;
}

bool StaffAreaController::MayShow(StaffPage page) const {
    const StaffScreenEntry* entry = Find(page);
    return open_ && entry != nullptr && auth_.Allows(entry->needs);
}

bool StaffAreaController::GoTo(StaffPage page) {
    if (!MayShow(page)) return false;
    if (page == StaffPage::kSetup && page_ != StaffPage::kSetup) setup_screen_.Reset();
    page_ = page;
    return true;
}

ui::Screen& StaffAreaController::CurrentScreen() {
    // Belt and braces: a role that ended (or a page set some other way) shows the PIN pad.
    if (!MayShow(page_)) page_ = StaffPage::kPin;
    return *Find(page_)->screen;
}

void StaffAreaController::ResetPinPads() {
    pin_screen_.Reset();
    officer_.ResetPinPads();
}

}  // namespace yousaid::app
