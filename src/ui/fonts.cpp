#include "ui/fonts.h"

#include <imgui.h>

namespace yousaid::ui {

namespace {
// Latin, Latin-1, Latin Extended-A (Polish and other community languages in Latin script),
// and general punctuation (curly quotes, dashes, ellipsis).
const ImWchar kGlyphRanges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0};
}  // namespace

bool FontLibrary::EnsureBuilt(float device_pixel_ratio, float body_size) {
    if (device_pixel_ratio == built_ratio_ && body_size == built_size_) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    const std::string regular = font_dir_ + "/NotoSans-Regular.ttf";
    const std::string bold = font_dir_ + "/NotoSans-Bold.ttf";
    const float scale = device_pixel_ratio;
    fonts_.body = io.Fonts->AddFontFromFileTTF(regular.c_str(), body_size * scale, &config, kGlyphRanges);
    fonts_.bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), body_size * scale, &config, kGlyphRanges);
    fonts_.title = io.Fonts->AddFontFromFileTTF(bold.c_str(), body_size * 1.75f * scale, &config, kGlyphRanges);
    if (fonts_.body == nullptr || fonts_.bold == nullptr || fonts_.title == nullptr) {
        // ImGui's built-in font keeps the app usable, if plain, when a font file is missing.
        last_error_ = "could not load fonts from " + font_dir_;
        io.Fonts->Clear();
        ImFontConfig fallback;
        fallback.SizePixels = body_size * scale;
        ImFont* builtin = io.Fonts->AddFontDefault(&fallback);
        fonts_.body = fonts_.bold = fonts_.title = builtin;
    }
    io.FontGlobalScale = 1.0f / scale;
    io.FontDefault = fonts_.body;
    io.Fonts->Build();
    fonts_.body_size = body_size;
    built_ratio_ = device_pixel_ratio;
    built_size_ = body_size;
    return true;
}

}  // namespace yousaid::ui
