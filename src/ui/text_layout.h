#pragma once
// Words laid out in lines the way a person expects: lines break between words (at spaces,
// and after a hyphen or slash, as in "zadowolony/-a"), never inside one unless a single word
// is wider than the whole line, which the layout reports so that a caller can choose a
// smaller size instead. The same layout draws the words, measures them and places a caret,
// so what is drawn, what is measured and where the caret shows always agree.
#include <cstddef>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace yousaid::ui {

struct TextLine {
    std::size_t begin = 0;  // byte offsets into the text; the spaces a break eats are between lines
    std::size_t end = 0;
    float width = 0;
};

struct TextLayout {
    std::vector<TextLine> lines;
    float width = 0;         // the widest line
    float height = 0;        // lines times line height
    float line_height = 0;
    bool words_broken = false;  // some word was wider than the line and had to be split
};

TextLayout LayOutText(ImFont* font, float size, std::string_view text, float wrap_width);

// The widest piece of the text that cannot be broken without splitting a word.
float WidestWord(ImFont* font, float size, std::string_view text);

// The size, at most `size` and at least `size * floor`, at which every word of the text fits
// in `width`: large text on a narrow screen shrinks a label with a long word ("niezadowolony")
// rather than cut the word in two.
float SizeToFitWords(ImFont* font, float size, std::string_view text, float width, float floor = 0.55f);

// Where a caret before byte `caret` of the text stands, from the layout's top left.
ImVec2 CaretOffset(ImFont* font, float size, std::string_view text, const TextLayout& layout, std::size_t caret);

// Draws the laid-out lines from `origin`, each line aligned within `box_width` (0 left,
// 0.5 centred).
void DrawTextLayout(ImDrawList* draw_list, ImFont* font, float size, const ImVec2& origin, ImU32 colour,
                    std::string_view text, const TextLayout& layout, float align = 0.0f, float box_width = 0.0f);

}  // namespace yousaid::ui
