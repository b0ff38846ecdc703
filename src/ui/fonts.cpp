#include "ui/fonts.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <imgui.h>

namespace yousaid::ui {

namespace {
// The characters the fonts were cut down to at build time (YOUSAID_GLYPH_RANGES in
// cmake/app.cmake): pairs of first and last, then 0.
const ImWchar kGlyphRanges[] = {YOUSAID_GLYPH_RANGES, 0};

// ImGui draws a character no font has with the font's fallback glyph, '?' unless the font has
// U+FFFD. A '?' in place of a typed "ș" or emoji looks as if the words were changed, so each
// font gets its own U+FFFD: an empty box, the usual sign of a character that cannot be shown.
// The answer itself keeps the real character.
constexpr ImWchar kPlaceholderCodepoint = 0xFFFD;

int AddPlaceholderGlyph(ImFont* font, float pixel_size) {
    const int width = std::max(3, static_cast<int>(pixel_size * 0.5f));
    const int height = std::max(4, static_cast<int>(pixel_size * 0.62f));
    // The box sits on the baseline like a capital letter (ImGui measures from the line's top).
    const ImVec2 offset(pixel_size * 0.06f, pixel_size * 0.78f - static_cast<float>(height));
    return ImGui::GetIO().Fonts->AddCustomRectFontGlyph(font, kPlaceholderCodepoint, width, height,
                                                        pixel_size * 0.62f, offset);
}

// Draws the box's outline into the built one-byte atlas.
void PaintPlaceholderGlyph(ImFontAtlas& atlas, int rect_index, float pixel_size) {
    const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(rect_index);
    if (rect == nullptr || !rect->IsPacked() || atlas.TexPixelsAlpha8 == nullptr) return;
    const int thickness = std::max(1, static_cast<int>(pixel_size * 0.07f + 0.5f));
    for (int y = 0; y < rect->Height; ++y) {
        for (int x = 0; x < rect->Width; ++x) {
            const bool edge = x < thickness || y < thickness || x >= rect->Width - thickness ||
                              y >= rect->Height - thickness;
            atlas.TexPixelsAlpha8[(rect->Y + y) * atlas.TexWidth + rect->X + x] = edge ? 0xFF : 0x00;
        }
    }
}
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
    // Counts on the volunteer's live view: digits and the thousands comma, so a large size
    // costs the atlas little.
    static const ImWchar kFigureRanges[] = {0x002C, 0x002C, 0x0030, 0x0039, 0};
    const float figure_size = std::max(64.0f, std::min(body_size * 3.2f, 110.0f));
    fonts_.figure = io.Fonts->AddFontFromFileTTF(bold.c_str(), figure_size * scale, &config, kFigureRanges);
    if (fonts_.figure == nullptr) fonts_.figure = fonts_.title;
    last_error_.clear();
    if (fonts_.body == nullptr || fonts_.bold == nullptr || fonts_.title == nullptr || fonts_.question == nullptr) {
        // ImGui's built-in font keeps the app usable, if plain, when a font file is missing.
        last_error_ = "could not load fonts from " + font_dir_;
        io.Fonts->Clear();
        ImFontConfig fallback;
        fallback.SizePixels = body_size * scale;
        ImFont* builtin = io.Fonts->AddFontDefault(&fallback);
        fonts_.body = fonts_.bold = fonts_.title = fonts_.question = fonts_.figure = builtin;
    }
    io.FontGlobalScale = 1.0f / scale;
    io.FontDefault = fonts_.body;
    std::vector<std::pair<int, float>> placeholders;
    for (const ImFontConfig& source : io.Fonts->ConfigData) {
        placeholders.emplace_back(AddPlaceholderGlyph(source.DstFont, source.SizePixels), source.SizePixels);
    }
    // Alpha8 is the atlas the canvas renderer uploads; building it here lets the boxes be
    // painted into it before then.
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    for (const auto& [index, size] : placeholders) PaintPlaceholderGlyph(*io.Fonts, index, size);
    fonts_.body_size = body_size;
    built_ratio_ = device_pixel_ratio;
    built_size_ = body_size;
    built_dyslexia_ = dyslexia_font;
    return true;
}

}  // namespace yousaid::ui
