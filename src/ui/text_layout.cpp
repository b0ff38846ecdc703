#include "ui/text_layout.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace yousaid::ui {

namespace {

float Width(ImFont* font, float size, std::string_view text, std::size_t begin, std::size_t end) {
    if (end <= begin) return 0.0f;
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data() + begin, text.data() + end).x;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// Where the piece starting at `begin` ends: after a hyphen or slash (the break point is kept
// on the line), or at the next space or line end.
std::size_t PieceEnd(std::string_view text, std::size_t begin) {
    std::size_t at = begin;
    while (at < text.size() && !IsSpace(text[at]) && text[at] != '\n') {
        const char c = text[at++];
        // "-a" after a slash is an ending, not a word: no break right after a piece's first mark.
        const bool mark = (c == '-' || c == '/') && at - 1 > begin;
        if (mark && at < text.size() && !IsSpace(text[at]) && text[at] != '\n') break;
    }
    return at;
}

// The byte after the UTF-8 character at `at`.
std::size_t NextCharacter(std::string_view text, std::size_t at) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    return at;
}

// Splits a piece wider than the line, character by character (the last resort).
std::size_t SplitTooWide(ImFont* font, float size, std::string_view text, std::size_t begin, std::size_t end,
                         float room) {
    std::size_t cut = NextCharacter(text, begin);
    while (cut < end) {
        const std::size_t next = NextCharacter(text, cut);
        if (Width(font, size, text, begin, next) > room) break;
        cut = next;
    }
    return cut;
}

}  // namespace

TextLayout LayOutText(ImFont* font, float size, std::string_view text, float wrap_width) {
    TextLayout layout;
    layout.line_height = size;
    TextLine line;
    std::size_t at = 0;
    const auto finish_line = [&](std::size_t end) {
        line.end = end;
        line.width = Width(font, size, text, line.begin, line.end);
        layout.width = std::max(layout.width, line.width);
        layout.lines.push_back(line);
    };
    while (at <= text.size()) {
        if (at == text.size()) {
            finish_line(at);
            break;
        }
        if (text[at] == '\n') {
            finish_line(at);
            line = TextLine{};
            line.begin = ++at;
            continue;
        }
        // The spaces before a piece stay with the line, unless the piece starts a new one.
        std::size_t piece_begin = at;
        while (piece_begin < text.size() && IsSpace(text[piece_begin])) ++piece_begin;
        const std::size_t piece_end = PieceEnd(text, piece_begin);
        if (Width(font, size, text, line.begin, piece_end) <= wrap_width || piece_begin == line.begin) {
            if (piece_begin == line.begin && Width(font, size, text, piece_begin, piece_end) > wrap_width) {
                const std::size_t cut = SplitTooWide(font, size, text, piece_begin, piece_end, wrap_width);
                layout.words_broken = true;
                finish_line(cut);
                line = TextLine{};
                line.begin = cut;
                at = cut;
                continue;
            }
            at = piece_end;
            continue;
        }
        // The piece goes to the next line; the spaces before it are eaten by the break.
        finish_line(at);
        line = TextLine{};
        line.begin = piece_begin;
        at = piece_begin;
    }
    layout.height = layout.line_height * static_cast<float>(layout.lines.size());
    return layout;
}

float WidestWord(ImFont* font, float size, std::string_view text) {
    float widest = 0.0f;
    std::size_t at = 0;
    while (at < text.size()) {
        while (at < text.size() && (IsSpace(text[at]) || text[at] == '\n')) ++at;
        const std::size_t end = PieceEnd(text, at);
        widest = std::max(widest, Width(font, size, text, at, end));
        at = std::max(end, at + 1);
    }
    return widest;
}

float SizeToFitWords(ImFont* font, float size, std::string_view text, float width, float floor) {
    const float widest = WidestWord(font, size, text);
    if (widest <= width || widest <= 0.0f) return size;
    // Glyph widths grow with the size, so one proportion fits; the floor keeps text readable.
    return std::max(size * floor, std::floor(size * width / widest * 100.0f) / 100.0f);
}

ImVec2 CaretOffset(ImFont* font, float size, std::string_view text, const TextLayout& layout, std::size_t caret) {
    caret = std::min(caret, text.size());
    std::size_t index = 0;
    for (std::size_t i = 0; i < layout.lines.size(); ++i) {
        if (layout.lines[i].begin <= caret) index = i;
    }
    if (layout.lines.empty()) return ImVec2(0.0f, 0.0f);
    const TextLine& line = layout.lines[index];
    // A caret in the spaces a wrap ate stays at the end of the line they followed.
    const float x = Width(font, size, text, line.begin, std::min(caret, line.end));
    return ImVec2(x, layout.line_height * static_cast<float>(index));
}

void DrawTextLayout(ImDrawList* draw_list, ImFont* font, float size, const ImVec2& origin, ImU32 colour,
                    std::string_view text, const TextLayout& layout, float align, float box_width) {
    float y = origin.y;
    for (const TextLine& line : layout.lines) {
        const float x = origin.x + std::max(0.0f, (box_width - line.width) * align);
        draw_list->AddText(font, size, ImVec2(std::floor(x), std::floor(y)), colour, text.data() + line.begin,
                           text.data() + line.end);
        y += layout.line_height;
    }
}

}  // namespace yousaid::ui
