#pragma once
// The volunteer's screens, behind the station PIN (ui/pin_pad_screen.h): the live view,
// station setup and clearing this station's responses.
#include <string>

#include "ui/screen.h"
#include "ui/staff_host.h"

namespace yousaid::ui {

class StaffHomeScreen : public Screen {
public:
    explicit StaffHomeScreen(StaffHost& host) : host_(host) {}
    const char* Name() const override { return "staff_home"; }
    void DrawContent(FrameContext& frame) override;

private:
    StaffHost& host_;
};

class StationSetupScreen : public Screen {
public:
    explicit StationSetupScreen(StaffHost& host) : host_(host) {}
    const char* Name() const override { return "station_setup"; }
    void DrawContent(FrameContext& frame) override;
    int FooterRows() const override { return 1; }
    void DrawFooter(FrameContext& frame) override;

private:
    StaffHost& host_;
    std::vector<Problem> problems_;
};

class ClearDeviceScreen : public Screen {
public:
    explicit ClearDeviceScreen(StaffHost& host) : host_(host) {}
    const char* Name() const override { return "clear_device"; }
    void DrawContent(FrameContext& frame) override;

private:
    StaffHost& host_;
    bool accept_loss_ = false;
};

}  // namespace yousaid::ui
