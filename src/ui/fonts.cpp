#include "ui/fonts.h"

#include <algorithm>

#include <imgui.h>

namespace yousaid::ui {

namespace {
// The characters the fonts were cut down to at build time (YOUSAID_GLYPH_RANGES in
// cmake/app.cmake): pairs of first and last, then 0.
const ImWchar kGlyphRanges[] = {YOUSAID_GLYPH_RANGES, 0};
}  // namespace

bool FontLibrary::EnsureBuilt(float device_pixel_ratio, float body_size, bool dyslexia_font) {
    if (device_pixel_ratio == built_ratio_ && body_size == built_size_ && dyslexia_font == built_dyslexia_) {
        return false;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    // Horizontal oversampling buys sub-pixel placement on 1x screens; on a 2x screen the
    // glyphs are already drawn at device resolution, and a single sample halves the atlas
    // (less to bake and upload at every start).
    config.OversampleH = device_pixel_ratio >= 2.0f ? 1 : 2;
    config.OversampleV = 1;
    // OpenDyslexic's weighted letter bottoms help some readers with dyslexia keep lines apart.
    const std::string regular = font_dir_ + (dyslexia_font ? "/OpenDyslexic-Regular.otf" : "/NotoSans-Regular.ttf");
    const std::string bold = font_dir_ + (dyslexia_font ? "/OpenDyslexic-Bold.otf" : "/NotoSans-Bold.ttf");
    const float scale = device_pixel_ratio;
    fonts_.body = io.Fonts->AddFontFromFileTTF(regular.c_str(), body_size * scale, &config, kGlyphRanges);
    fonts_.bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), body_size * scale, &config, kGlyphRanges);
    // Titles grow less than the body text, so extra-large text still leaves room for answers.
    const float title_size = std::max(body_size * 1.25f, std::min(body_size * 1.75f, 44.0f));
    fonts_.title = io.Fonts->AddFontFromFileTTF(bold.c_str(), title_size * scale, &config, kGlyphRanges);
    fonts_.question = io.Fonts->AddFontFromFileTTF(bold.c_str(), body_size * 1.25f * scale, &config, kGlyphRanges);
    last_error_.clear();
    if (fonts_.body == nullptr || fonts_.bold == nullptr || fonts_.title == nullptr || fonts_.question == nullptr) {
        // ImGui's built-in font keeps the app usable, if plain, when a font file is missing.
        last_error_ = "could not load fonts from " + font_dir_;
        io.Fonts->Clear();
        ImFontConfig fallback;
        fallback.SizePixels = body_size * scale;
        ImFont* builtin = io.Fonts->AddFontDefault(&fallback);
        fonts_.body = fonts_.bold = fonts_.title = fonts_.question = builtin;
    }
    io.FontGlobalScale = 1.0f / scale;
    io.FontDefault = fonts_.body;
    io.Fonts->Build();
    fonts_.body_size = body_size;
    built_ratio_ = device_pixel_ratio;
    built_size_ = body_size;
    built_dyslexia_ = dyslexia_font;
    return true;
}

}  // namespace yousaid::ui
