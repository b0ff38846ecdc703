#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "ui/fonts.h"
#include "ui/interactive_items.h"
#include "ui/screen.h"

namespace yousaid::app {

// Owns the screens and which one is showing; draws one frame of ImGui content.
class App {
public:
    explicit App(const std::string& asset_dir);

    // Rebuilds fonts when the pixel ratio changed; true if the GPU font texture must be
    // recreated before the next frame.
    bool PrepareFonts(float device_pixel_ratio);
    // Draws the current screen into a full-window ImGui window (between NewFrame and Render).
    void DrawFrame();
    // True while something changes without input (a screen switch settling, an animation).
    bool WantsAnotherFrame() const { return frames_to_settle_ > 0; }

    const std::string& CurrentScreenName() const { return current_; }
    const ui::InteractiveItemList& Items() const { return items_; }
    std::string FrameReportJson(std::uint64_t frame_number, int css_width, int css_height,
                                float device_pixel_ratio) const;

private:
    void Add(std::unique_ptr<ui::Screen> screen);

    ui::FontLibrary fonts_;
    ui::InteractiveItemList items_;
    std::map<std::string, std::unique_ptr<ui::Screen>> screens_;
    std::string current_ = "start";
    int frames_to_settle_ = 0;
};

}  // namespace yousaid::app
