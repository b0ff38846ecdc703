#include "ui/pin_pad_screen.h"

#include <imgui.h>

#include "ui/staff_widgets.h"
#include "ui/widgets.h"

namespace yousaid::ui {

const char* PinPadScreen::Name() const {
    switch (purpose_) {
        case PinPurpose::kStation: return "staff_pin";
        case PinPurpose::kOfficer: return "officer_pin";
        case PinPurpose::kNewStationPin: return "station_pin_reset";
    }
    return "staff_pin";
}

void PinPadScreen::Reset() {
    digits_.clear();
    first_choice_.clear();
    message_.clear();
}

std::string PinPadScreen::Title(const PinPadState& state) const {
    const bool repeat = !first_choice_.empty();
    switch (purpose_) {
        case PinPurpose::kStation:
            if (!state.choosing) return "Enter the staff PIN";
            return repeat ? "Enter the new PIN again" : "Choose a staff PIN";
        case PinPurpose::kOfficer:
            if (!state.choosing) return "Enter the officer PIN";
            return repeat ? "Enter the new officer PIN again" : "Choose an officer PIN";
        case PinPurpose::kNewStationPin:
            return repeat ? "Enter the new station PIN again" : "Choose a new station PIN";
    }
    return {};
}

void PinPadScreen::DrawContent(FrameContext& frame) {
    const PinPadState state = host_.PinPad(purpose_);
    frame.title = state.available ? Title(state) : (purpose_ == PinPurpose::kOfficer ? "Officer PIN" : "Staff PIN");
    frame.announcement = frame.title + (message_.empty() ? "" : ". " + message_);
    BeginColumn(20.0f);
    VerticalGap(0.5f);
    Heading(frame, frame.title);
    StaffNotice(frame, host_);
    if (purpose_ == PinPurpose::kStation && state.choosing) {
        Paragraph("Whoever sets this PIN controls the station: its settings, its responses and clearing them. "
                  "4 to 8 digits. Only staff and volunteers should know it.", true);
    } else if (purpose_ == PinPurpose::kOfficer && state.choosing) {
        Paragraph("The officer PIN opens imported responses, and can reset a forgotten station PIN. "
                  "4 to 8 digits, known only to the officer.", true);
    } else if (state.choosing) {
        Paragraph("4 to 8 digits. Tell the station's volunteers.", true);
    }
    if (!state.available) {
        StaffWarning(frame, state.why_unavailable);
    } else if (state.seconds_locked > 0) {
        StaffWarning(frame, "Too many wrong tries. Try again in " + std::to_string(state.seconds_locked) + " seconds.");
    } else if (!message_.empty()) {
        StaffWarning(frame, message_);
    }
    if (state.available) DrawKeys(frame, state);
    VerticalGap(0.5f);
    DrawLinks(frame);
    EndColumn();
}

void PinPadScreen::DrawKeys(FrameContext& frame, const PinPadState& state) {
    // Dots, not digits: someone may be looking over the volunteer's shoulder.
    std::string dots;
    for (std::size_t i = 0; i < digits_.size(); ++i) dots += i == 0 ? "*" : " *";
    const std::size_t count = digits_.size();
    TitleLine(frame, dots.empty() ? " " : dots,
              count == 0 ? std::string("No digits entered")
                         : std::to_string(count) + (count == 1 ? " digit entered" : " digits entered"));
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float key = (ColumnWidth() - 2 * spacing) / 3.0f;
    const char* keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Delete", "0", "OK"};
    for (int i = 0; i < 12; ++i) {
        if (i % 3 != 0) ImGui::SameLine();
        const std::string label = keys[i];
        const bool is_ok = label == "OK";
        const bool enabled = state.seconds_locked == 0 && (!is_ok || digits_.size() >= 4);
        const bool pressed = BigButton(frame, "pin:" + label, label, is_ok ? ButtonKind::Primary : ButtonKind::Secondary,
                                       enabled, key);
        // On a laptop the PIN is typed: the digits and Backspace work as the keys on screen
        // (Enter stays with the focused button, which it presses).
        if (!is_ok) frame.items.Last().key_shortcut = label == "Delete" ? "Backspace" : label;
        if (pressed) Press(label, state);
    }
}

void PinPadScreen::Press(const std::string& key, const PinPadState& state) {
    if (key == "Delete") {
        if (!digits_.empty()) digits_.pop_back();
        return;
    }
    if (key != "OK") {
        if (digits_.size() < 8) digits_ += key;
        return;
    }
    const std::string entered = digits_;
    digits_.clear();
    if (!state.choosing) {
        message_ = host_.SubmitPin(purpose_, entered);
    } else if (first_choice_.empty()) {
        // A PIN too easy to guess is refused at once, not after it has been typed twice.
        message_ = host_.NewPinProblem(entered);
        if (message_.empty()) first_choice_ = entered;
    } else if (first_choice_ != entered) {
        message_ = "The two PINs were different. Choose a PIN again.";
        first_choice_.clear();
    } else {
        first_choice_.clear();
        message_ = host_.SubmitPin(purpose_, entered);
    }
}

void PinPadScreen::DrawLinks(FrameContext& frame) {
    const StaffRole role = host_.Role();
    if (purpose_ == PinPurpose::kStation && host_.HasOfficerPin()) {
        // A forgotten station PIN: the officer opens the staff area with theirs and resets it.
        if (BigButton(frame, "officer_sign_in", "Officer PIN", ButtonKind::Secondary)) host_.GoTo(StaffPage::kOfficerPin);
    }
    if (purpose_ == PinPurpose::kOfficer && role != StaffRole::kNone && host_.HasOfficerPin()) {
        if (BigButton(frame, "forgot_officer_pin", "Forgotten the officer PIN?", ButtonKind::Secondary)) {
            host_.GoTo(StaffPage::kForgotOfficerPin);
        }
    }
    const bool back_inside = role != StaffRole::kNone;
    if (BigButton(frame, "staff_cancel", back_inside ? "Back" : "Cancel", ButtonKind::Secondary)) {
        Reset();
        if (purpose_ == PinPurpose::kNewStationPin) {
            host_.GoTo(StaffPage::kOfficerHome);
        } else if (back_inside) {
            host_.GoTo(StaffPage::kHome);
        } else {
            host_.LeaveStaffArea();
        }
    }
}

}  // namespace yousaid::ui
