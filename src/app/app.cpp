#include "app/app.h"

#include <imgui.h>

#include "ui/start_screen.h"
#include "ui/theme.h"

namespace yousaid::app {

namespace {
constexpr float kBodyTextSize = 24.0f;  // CSS pixels: comfortable on a tablet at arm's length
// ImGui lays out a new screen over a couple of frames (sizes measured in the first).
constexpr int kFramesAfterScreenChange = 3;
}  // namespace

App::App(const std::string& asset_dir) : fonts_(asset_dir + "/fonts") {
    Add(std::make_unique<ui::StartScreen>());
    Add(std::make_unique<ui::HowItWorksScreen>());
}

void App::Add(std::unique_ptr<ui::Screen> screen) {
    const std::string name = screen->Name();
    screens_[name] = std::move(screen);
}

bool App::PrepareFonts(float device_pixel_ratio) {
    if (!fonts_.EnsureBuilt(device_pixel_ratio, kBodyTextSize)) return false;
    ui::ApplyTheme(ui::DefaultTheme(), kBodyTextSize);
    return true;
}

void App::DrawFrame() {
    items_.Clear();
    if (frames_to_settle_ > 0) --frames_to_settle_;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##screen", nullptr, flags);
    ui::FrameContext frame{ui::DefaultTheme(), fonts_.Fonts(), items_, {}};
    screens_.at(current_)->DrawContent(frame);
    ImGui::End();
    if (!frame.requested_screen.empty() && screens_.count(frame.requested_screen) != 0) {
        current_ = frame.requested_screen;
        frames_to_settle_ = kFramesAfterScreenChange;
    }
}

}  // namespace yousaid::app
