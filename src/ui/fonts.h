#pragma once
#include <string>

struct ImFont;

namespace yousaid::ui {

struct FontSet {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* title = nullptr;     // screen titles
    ImFont* question = nullptr;  // question text: bold, a little larger than the body
    ImFont* figure = nullptr;    // the live view's counts, read from a metre away: digits only
    float body_size = 0;  // in CSS pixels
};

// Loads Debian's Noto Sans into ImGui's atlas. Glyphs are rasterised at the device's pixel
// ratio and drawn scaled down by it, so text is crisp at DPR 1 and 2 alike.
class FontLibrary {
public:
    explicit FontLibrary(std::string font_dir) : font_dir_(std::move(font_dir)) {}

    // Rebuilds the atlas when the pixel ratio or text size changed; true if it did.
    bool EnsureBuilt(float device_pixel_ratio, float body_size, bool dyslexia_font);
    const FontSet& Fonts() const { return fonts_; }
    const std::string& LastError() const { return last_error_; }

private:
    std::string font_dir_;
    FontSet fonts_;
    float built_ratio_ = 0;
    float built_size_ = 0;
    bool built_dyslexia_ = false;
    std::string last_error_;
};

}  // namespace yousaid::ui
