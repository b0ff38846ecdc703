#pragma once
// The officer's screens, behind the officer PIN: the officer store and importing into it,
// resetting the station PIN, clearing everything, and the way out of a forgotten officer PIN.
#include "ui/screen.h"
#include "ui/staff_host.h"

namespace yousaid::ui {

class OfficerHomeScreen : public Screen {
public:
    explicit OfficerHomeScreen(StaffHost& host) : host_(host) {}
    const char* Name() const override { return "officer_home"; }
    void DrawContent(FrameContext& frame) override;

private:
    StaffHost& host_;
};

class OfficerImportScreen : public Screen {
public:
    explicit OfficerImportScreen(StaffHost& host) : host_(host) {}
    const char* Name() const override { return "officer_import"; }
    void DrawContent(FrameContext& frame) override;

private:
    StaffHost& host_;
};

class ClearEverythingScreen : public Screen {
public:
    explicit ClearEverythingScreen(StaffHost& host) : host_(host) {}
    const char* Name() const override { return "clear_everything"; }
    void DrawContent(FrameContext& frame) override;

private:
    StaffHost& host_;
    bool accept_loss_ = false;
};

class ForgotOfficerPinScreen : public Screen {
public:
    explicit ForgotOfficerPinScreen(StaffHost& host) : host_(host) {}
    const char* Name() const override { return "forgot_officer_pin"; }
    void DrawContent(FrameContext& frame) override;

private:
    StaffHost& host_;
};

}  // namespace yousaid::ui
