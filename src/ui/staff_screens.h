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
    void DrawButtons(FrameContext& frame, const StationOverview& overview);

    StaffHost& host_;
};

class StationSetupScreen : public Screen {
public:
    explicit StationSetupScreen(StaffHost& host) : host_(host) {}
    const char* Name() const override { return "station_setup"; }
    void DrawContent(FrameContext& frame) override;
    int FooterRows() const override { return 1; }
    void DrawFooter(FrameContext& frame) override;
    // A new visit: the last visit's problems are no longer news.
    void Reset() {
        problems_.clear();
        scroll_to_problem_ = false;
    }

private:
    static bool HasField(const std::string& field);
    // A text field with its problems, if any, between its label and its box.
    void Field(FrameContext& frame, const std::string& id, const std::string& label, std::string& value,
               int max_length);
    void ProblemsFor(FrameContext& frame, const std::string& field);
    void ShowProblem(FrameContext& frame, const Problem& problem);
    void DrawChoices(FrameContext& frame, StationConfig& config);

    StaffHost& host_;
    std::vector<Problem> problems_;  // from the last Save, each drawn by its field
    bool scroll_to_problem_ = false;  // Save found problems: bring the first into view
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
