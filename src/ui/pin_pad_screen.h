#pragma once
// A PIN pad: the station PIN, the officer PIN, or a new station PIN chosen by the officer.
// Entering checks the PIN; choosing asks for it twice. What happens next is the app's call.
#include <string>

#include "ui/screen.h"
#include "ui/staff_host.h"

namespace yousaid::ui {

class PinPadScreen : public Screen {
public:
    PinPadScreen(StaffHost& host, PinPurpose purpose) : host_(host), purpose_(purpose) {}
    const char* Name() const override;
    void DrawContent(FrameContext& frame) override;
    void Reset();

private:
    std::string Title(const PinPadState& state) const;
    void DrawKeys(FrameContext& frame, const PinPadState& state);
    void Press(const std::string& key, const PinPadState& state);
    void DrawLinks(FrameContext& frame);

    StaffHost& host_;
    PinPurpose purpose_;
    std::string digits_;
    std::string first_choice_;  // choosing a PIN: the first entry, waiting for the repeat
    std::string message_;
};

}  // namespace yousaid::ui
