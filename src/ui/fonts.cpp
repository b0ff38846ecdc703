#include "ui/fonts.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
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
// A font's line height (hhea ascender minus descender) per em, from its 'head' and 'hhea'
// tables; 0 when the file cannot be read. ImGui sizes a font by that line height, so two
// fonts of one "size" show letters of different sizes when it differs: OpenDyslexic's is
// 1.75 em and Noto Sans's 1.36, which made dyslexia-friendly letters look a fifth smaller.
float LineHeightPerEm(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto u16 = [&](std::size_t at) {
        return at + 2 <= bytes.size() ? static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 8 |
                                            static_cast<unsigned char>(bytes[at + 1])
                                      : 0u;
    };
    const auto u32 = [&](std::size_t at) { return u16(at) << 16 | u16(at + 2); };
    const auto s16 = [&](std::size_t at) { return static_cast<float>(static_cast<std::int16_t>(u16(at))); };
    std::size_t head = 0;
    std::size_t hhea = 0;
    const unsigned tables = u16(4);
    for (unsigned i = 0; i < tables; ++i) {
        const std::size_t record = 12 + 16 * static_cast<std::size_t>(i);
        const std::string tag = record + 4 <= bytes.size() ? bytes.substr(record, 4) : std::string();
        if (tag == "head") head = u32(record + 8);
        if (tag == "hhea") hhea = u32(record + 8);
    }
    const float units_per_em = static_cast<float>(u16(head + 18));
    if (head == 0 || hhea == 0 || units_per_em <= 0.0f) return 0.0f;
    return (s16(hhea + 4) - s16(hhea + 6)) / units_per_em;
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
    // Every font shows letters as big as Noto Sans's at the chosen size (see LineHeightPerEm).
    const float reference = LineHeightPerEm(font_dir_ + "/NotoSans-Regular.ttf");
    const float own = LineHeightPerEm(regular);
    const bool resized = reference > 0.0f && own > reference;
    const float same_letters = resized ? own / reference : 1.0f;
    const float scale = device_pixel_ratio * same_letters;
    // A font with a taller line box than Noto's (OpenDyslexic has half an em of nothing
    // above its capitals) gets lines a little taller than Noto's instead, its letters moved
    // up into the middle of them: the letters keep their size, the lines their spacing.
    const float line_per_em = resized ? std::max(reference * 1.06f, 1.0f) : own;
    const auto add = [&](const std::string& file, float size, const ImWchar* ranges = kGlyphRanges) {
        if (resized) config.GlyphOffset.y = -(own - line_per_em) * 0.5f * size * scale / own;
        return io.Fonts->AddFontFromFileTTF(file.c_str(), size * scale, &config, ranges);
    };
    fonts_.body = add(regular, body_size);
    fonts_.bold = add(bold, body_size);
    // Titles grow less than the body text, so extra-large text still leaves room for answers,
    // but always stay a step above a question, which stays a step above the body.
    const float question_size = body_size * 1.2f;
    const float title_size = std::max(question_size * 1.2f, std::min(body_size * 1.75f, 44.0f));
    fonts_.title = add(bold, title_size);
    fonts_.question = add(bold, question_size);
    // Counts on the volunteer's live view: digits and the thousands comma, so a large size
    // costs the atlas little.
    static const ImWchar kFigureRanges[] = {0x002C, 0x002C, 0x0030, 0x0039, 0};
    const float figure_size = std::max(64.0f, std::min(body_size * 3.2f, 110.0f));
    fonts_.figure = add(bold, figure_size, kFigureRanges);
    if (fonts_.figure == nullptr) fonts_.figure = fonts_.title;
    last_error_.clear();
    if (fonts_.body == nullptr || fonts_.bold == nullptr || fonts_.title == nullptr || fonts_.question == nullptr) {
        // ImGui's built-in font keeps the app usable, if plain, when a font file is missing.
        last_error_ = "could not load fonts from " + font_dir_;
        io.Fonts->Clear();
        ImFontConfig fallback;
        fallback.SizePixels = body_size * device_pixel_ratio;
        ImFont* builtin = io.Fonts->AddFontDefault(&fallback);
        fonts_.body = fonts_.bold = fonts_.title = fonts_.question = fonts_.figure = builtin;
    }
    io.FontGlobalScale = 1.0f / device_pixel_ratio;
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
    // The line height, set once the atlas is built (building sets it from the raster size).
    if (resized && last_error_.empty()) {
        for (ImFont* font : {fonts_.body, fonts_.bold, fonts_.title, fonts_.question}) font->FontSize *= line_per_em / own;
    }
    fonts_.body_size = body_size;
    built_ratio_ = device_pixel_ratio;
    built_size_ = body_size;
    built_dyslexia_ = dyslexia_font;
    return true;
}

}  // namespace yousaid::ui
