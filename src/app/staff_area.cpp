// The staff area's door, pages, PINs and clearing, as the app provides them. Who is signed
// in lives in the staff area controller; every page change and request checks it.
#include <algorithm>
#include <filesystem>

#include "app/app.h"
#include "core/base/calendar.h"
#include "platform/platform.h"

namespace yousaid::app {

std::string App::NewPinProblem(const std::string& pin) const {
    const std::optional<std::string> problem = StaffPinRuleProblem(pin);
    return problem ? *problem : std::string();
}

OfficerPaths OfficerPathsIn(const std::string& data_dir) {
    return {data_dir + "/officer_store", data_dir + "/officer.yslog", data_dir + "/officer_files",
            data_dir + "/officer_actions.json"};
}

using ui::StaffPage;
using ui::StaffRole;

void App::StaffCorner(bool held, bool activated) {
    if (activated) {
        OpenStaffArea();
        return;
    }
    if (!held) {
        corner_held_since_ms_ = 0;
    } else if (corner_held_since_ms_ == 0) {
        corner_held_since_ms_ = NowMs();
    }
}

float App::StaffDoorProgress() const {
    if (corner_held_since_ms_ == 0) return 0.0f;
    const double held = static_cast<double>(NowMs() - corner_held_since_ms_) / static_cast<double>(staff_door_hold_ms_);
    return static_cast<float>(std::clamp(held, 0.0, 1.0));
}

void App::OpenStaffArea() {
    if (workspace_) workspace_->Left();
    staff_.OpenAtPin();
    notice_.clear();
    import_batch_ = {};
    shown_seconds_ = -1;
    last_input_ms_ = NowMs();
}

void App::GoTo(StaffPage page) {
    // The controller refuses a page the signed-in role may not see.
    if (!staff_.GoTo(page)) return;
    // Keys unlocked in the figures stay only while the officer is there.
    if (workspace_ && page != StaffPage::kWorkspace) workspace_->Left();
    const bool pin_pad = page == StaffPage::kPin || page == StaffPage::kOfficerPin || page == StaffPage::kStationPinReset;
    if (pin_pad) staff_.ResetPinPads();
    // Setup edits a copy; anywhere else (the live view) shows the settings in use.
    draft_config_ = station_;
    if (page == StaffPage::kSetup) {
        // Shown as a UK volunteer writes dates; saving reads it back (ReadStationSetup).
        if (const auto date = CalendarDate::FromIso(station_.event_date)) draft_config_.event_date = date->ToUk();
    }
    if (page != StaffPage::kImport && !import_batch_.progress) import_batch_ = {};
    // What happened is said once, on the page it happened for (callers set it after GoTo):
    // "PIN saved" is no longer news on the next page.
    notice_.clear();
    last_input_ms_ = NowMs();
}

void App::OpenOfficerPage() {
    if (Allowed(StaffRole::kOfficer)) platform::OpenPage("officer.html");
}

void App::OpenKeys() {
    if (!workspace_ || !Allowed(StaffRole::kOfficer)) return;
    workspace_->ShowKeys();
    GoTo(StaffPage::kWorkspace);
}

void App::LeaveStaffArea() {
    if (workspace_) workspace_->Left();
    staff_.Close();
    // The officer's page has no respondent screens: leaving signs out, back to the PIN pad.
    if (workspace_) {
        OpenStaffArea();
        return;
    }
    notice_.clear();
    import_batch_ = {};
    StartNewSession();
    last_input_ms_ = NowMs();
}

bool App::Allowed(StaffRole needed) {
    if (staff_.IsOpen() && staff_.Auth().Allows(needed)) return true;
    notice_ = needed == StaffRole::kOfficer ? "Only the officer can do that: enter the officer PIN first."
                                             : "Enter the staff PIN first.";
    return false;
}

void App::SignInAndGo(StaffRole role, StaffPage page) {
    staff_.Auth().SignIn(role, NowMs());
    GoTo(page);
}

ui::PinPadState App::PinPad(ui::PinPurpose purpose) const {
    ui::PinPadState state;
    const std::int64_t now = NowMs();
    switch (purpose) {
        case ui::PinPurpose::kStation:
            state.choosing = !station_pin_.HasPin() && !station_pin_.Damaged();
            state.seconds_locked = station_pin_.SecondsLocked(now);
            if (station_pin_.Damaged()) {
                state.available = false;
                state.why_unavailable = "The staff PIN file cannot be read. The officer can set a new station PIN.";
            }
            break;
        case ui::PinPurpose::kOfficer:
            state.choosing = !officer_pin_.HasPin();
            state.seconds_locked = officer_pin_.SecondsLocked(now);
            // The officer PIN is chosen after the station PIN, never instead of it.
            if (state.choosing && !staff_.Auth().Allows(StaffRole::kVolunteer)) {
                state.available = false;
                state.why_unavailable = "No officer PIN has been set on this device. Enter the station PIN, "
                                        "then choose Officer to set one.";
            }
            break;
        case ui::PinPurpose::kNewStationPin:
            state.choosing = true;
            state.available = staff_.Auth().Allows(StaffRole::kOfficer);
            state.why_unavailable = "Only the officer can reset the station PIN.";
            break;
    }
    return state;
}

std::string App::SubmitPin(ui::PinPurpose purpose, const std::string& pin) {
    if (!staff_.IsOpen()) return "The staff area is closed.";
    last_input_ms_ = NowMs();
    switch (purpose) {
        case ui::PinPurpose::kStation: return SubmitStationPin(pin);
        case ui::PinPurpose::kOfficer: return SubmitOfficerPin(pin);
        case ui::PinPurpose::kNewStationPin: return ResetStationPin(pin);
    }
    return {};
}

// Chooses the PIN when there is none yet, otherwise checks it; either way signs in as `role`.
std::string App::ChooseOrCheckPin(StoredPin& stored, const std::string& pin, StaffRole role, StaffPage page,
                                  const char* chosen_notice) {
    std::string message;
    const bool choosing = !stored.HasPin();
    if (choosing) {
        message = stored.Set(pin, NowMs());
    } else if (stored.Check(pin, NowMs(), message)) {
        message.clear();
    }
    // A chosen PIN, and the wrong-try count, must survive a reload.
    Sync();
    if (!message.empty()) return message;
    SignInAndGo(role, page);
    if (choosing) notice_ = chosen_notice;
    return {};
}

std::string App::SubmitStationPin(const std::string& pin) {
    if (station_pin_.Damaged()) return PinPad(ui::PinPurpose::kStation).why_unavailable;
    return ChooseOrCheckPin(station_pin_, pin, StaffRole::kVolunteer, StaffPage::kHome,
                            "PIN saved. You will need it to open the staff area.");
}

std::string App::SubmitOfficerPin(const std::string& pin) {
    // The officer PIN is chosen after the station PIN, never instead of it.
    if (!officer_pin_.HasPin() && !staff_.Auth().Allows(StaffRole::kVolunteer)) {
        return PinPad(ui::PinPurpose::kOfficer).why_unavailable;
    }
    return ChooseOrCheckPin(officer_pin_, pin, StaffRole::kOfficer, StaffPage::kOfficerHome,
                            "Officer PIN saved. You will need it to import files and to clear the officer store.");
}

std::string App::ResetStationPin(const std::string& pin) {
    if (!Allowed(StaffRole::kOfficer)) return notice_;
    const std::string problem = station_pin_.Set(pin, NowMs());
    if (!problem.empty()) return problem;
    Sync();
    GoTo(StaffPage::kOfficerHome);
    notice_ = "New station PIN saved. Tell the station's volunteers.";
    return {};
}

void App::RemoveStore(ResponseStore& store, const std::string& file) {
    std::error_code ignored;
    std::filesystem::remove(data_dir_ + "/" + file, ignored);
    // A missing file opens as an empty store.
    const ResponseStoreOpenReport report = store.Open(data_dir_ + "/" + file);
    if (&store == &store_) store_open_ = report.ok;
}

void App::RemoveOfficerStore() {
    const OfficerPaths paths = OfficerPathsIn(data_dir_);
    std::error_code ignored;
    if (workspace_) {
        workspace_->ClearStore();
    } else {
        std::filesystem::remove_all(paths.store, ignored);
        std::filesystem::remove_all(paths.side_files, ignored);
        std::filesystem::remove(paths.actions, ignored);
    }
    std::filesystem::remove(paths.legacy_log, ignored);
    CountOfficerStoreOnTablet();
}

void App::ClearDevice() {
    if (!Allowed(StaffRole::kVolunteer)) return;
    const std::size_t removed = store_open_ ? store_.Count() : 0;
    RemoveStore(store_, "responses.yslog");
    Sync();
    GoTo(StaffPage::kHome);
    const std::uint64_t left = ImportedCount();
    notice_ = "This station's responses have been cleared: " + ui::ResponsesText(removed) + " removed." +
              (left > 0 ? " The officer store still holds " + ui::ResponsesText(left) + "." : std::string());
}

void App::ClearEverything() {
    if (!Allowed(StaffRole::kOfficer)) return;
    RemoveStore(store_, "responses.yslog");
    RemoveOfficerStore();
    Sync();
    GoTo(StaffPage::kOfficerHome);
    notice_ = "Everything on this device has been cleared: this station's responses, the officer store and the "
              "officer's files (figure settings, comment themes, the action list).";
}

void App::ForgetOfficerPin() {
    // The station PIN is needed: a new officer PIN can reset the station PIN.
    if (!Allowed(StaffRole::kVolunteer)) return;
    RemoveOfficerStore();
    officer_pin_.Forget();
    Sync();
    staff_.Auth().LowerTo(StaffRole::kVolunteer);
    GoTo(StaffPage::kOfficerPin);
    notice_ = "The officer store and the officer PIN have been cleared. Choose a new officer PIN, then "
              "import the transfer files again.";
}

}  // namespace yousaid::app
