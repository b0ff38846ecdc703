#pragma once
// The staff area: reached by holding the welcome screen's top-left corner, behind a PIN.
#include <string>

#include "ui/screen.h"
#include "ui/staff_host.h"

namespace yousaid::ui {

class StaffPinScreen : public Screen {
public:
    explicit StaffPinScreen(StaffHost& host) : host_(host) {}
    const char* Name() const override { return "staff_pin"; }
    void DrawContent(FrameContext& frame) override;
    void Reset();

private:
    StaffHost& host_;
    std::string digits_;
    std::string first_choice_;  // choosing a PIN: the first entry, waiting for the repeat
    std::string message_;
};

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

class OfficerImportScreen : public Screen {
public:
    explicit OfficerImportScreen(StaffHost& host) : host_(host) {}
    const char* Name() const override { return "officer_import"; }
    void DrawContent(FrameContext& frame) override;

private:
    StaffHost& host_;
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
