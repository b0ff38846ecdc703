#pragma once
// The keys a station seals its responses to, as the volunteer and the officer see them: each
// key's name and its id as four words, which the volunteer can read back to the officer on
// the phone; a warning when the station seals to nothing; and the officer's page for loading
// and removing public key files.
#include "ui/screen.h"
#include "ui/staff_host.h"

namespace yousaid::ui {

// "Answers are sealed to: Sam Patel's key: island plum garden mint, ..." or the warning that
// they are not (or that the keys file could not be read, in the danger colour).
void DrawSealingKeys(FrameContext& frame, const StaffHost& host);

class OfficerKeysScreen : public Screen {
public:
    explicit OfficerKeysScreen(StaffHost& host) : host_(host) {}
    const char* Name() const override { return "officer_keys"; }
    void DrawContent(FrameContext& frame) override;

private:
    StaffHost& host_;
};

}  // namespace yousaid::ui
