#pragma once
// A station pack from the officer, shown whole before anything of it is used: who prepared
// it and when, the survey, the settings it starts the station with and its "You said, we
// did" cards. A volunteer confirms it is from the officer it names; an officer just uses it.
#include "ui/screen.h"
#include "ui/staff_host.h"

namespace yousaid::ui {

class StationPackScreen : public Screen {
public:
    explicit StationPackScreen(StaffHost& host) : host_(host) {}
    const char* Name() const override { return "station_pack"; }
    void DrawContent(FrameContext& frame) override;
    int FooterRows() const override { return 2; }
    void DrawFooter(FrameContext& frame) override;

private:
    StaffHost& host_;
};

}  // namespace yousaid::ui
