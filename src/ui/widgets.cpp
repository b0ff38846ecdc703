#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/base/utf8.h"
#include "core/crypto/sealed_box.h"
#include "ui/text_layout.h"

namespace yousaid::ui {

namespace {
float column_indent = 0.0f;
float column_width = 0.0f;
InteractiveItemList* published_text = nullptr;

// Publishes the ImGui item just drawn, a block of text, with its rectangle.
void PublishDrawnText(const std::string& text, TextKind kind, bool words_broken = false) {
    if (published_text == nullptr) return;
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    const float reach = clip.GetHeight();
    const bool near_view = max.y >= clip.Min.y - reach && min.y <= clip.Max.y + reach;
    InteractiveItem* item = published_text->AddText(text, kind, min.x, min.y, max.x - min.x, max.y - min.y, near_view);
    if (item == nullptr) return;
    item->text_x = min.x;
    item->text_y = min.y;
    item->text_width = max.x - min.x;
    item->text_height = max.y - min.y;
    item->words_broken = words_broken;
    item->fully_visible = min.y >= clip.Min.y - 0.5f && max.y <= clip.Max.y + 0.5f && min.x >= clip.Min.x - 0.5f &&
                          max.x <= clip.Max.x + 0.5f;
}

// How wide a wrapped paragraph may be here: to the column's (or the window's) wrap position.
float WrapWidthHere() {
    const float wrap_pos = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    return ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), wrap_pos < 0.0f ? 0.0f : wrap_pos);
}

// The one way the widgets draw a block of words: wrapped to the column between words, a
// little smaller when one word is wider than the column, and published.
void DrawTextBlock(ImFont* font, const std::string& text, TextKind kind) {
    ImFont* used = font != nullptr ? font : ImGui::GetFont();
    const float old_scale = used->Scale;
    ImGui::PushFont(used);
    const float size = ImGui::GetFontSize();
    const float wrap = WrapWidthHere();
    const float fitted = SizeToFitWords(used, size, text, wrap);
    if (fitted < size) {
        ImGui::PopFont();
        used->Scale = old_scale * fitted / size;
        ImGui::PushFont(used);
    }
    ImGui::TextWrapped("%s", text.c_str());
    const bool broken = WidestWord(used, ImGui::GetFontSize(), text) > wrap + 0.5f;
    // The scale goes back before the font is popped, which measures the font it returns to.
    used->Scale = old_scale;
    ImGui::PopFont();
    PublishDrawnText(text, kind, broken);
}

void DrawFocusRing(const FrameContext& frame, const ImVec2& min, const ImVec2& max) {
    const float gap = 3.0f;
    const float thickness = 4.0f;
    // The ring sits outside the control, and a control at the column's edge would lose that
    // side to the window's clipping: the clip widens sideways into the window's padding (not
    // up or down, where the scrolling region ends at the pinned footer).
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    const float reach = gap + thickness;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    draw_list->PushClipRect(ImVec2(clip.Min.x - reach, clip.Min.y), ImVec2(clip.Max.x + reach, clip.Max.y), false);
    draw_list->AddRect(ImVec2(min.x - gap, min.y - gap), ImVec2(max.x + gap, max.y + gap), ToU32(frame.theme.focus_ring),
                       ImGui::GetStyle().FrameRounding + gap, 0, thickness);
    draw_list->PopClipRect();
}

// Where a control's words were drawn.
struct DrawnLabel {
    ImVec2 min;
    ImVec2 max;
    bool words_broken = false;
};

// Text in a rectangle, wrapped between words to its width (smaller if a word is wider),
// each line aligned (0 left, 0.5 centred) and the block centred vertically, or from the top.
DrawnLabel DrawLabelIn(ImDrawList* draw_list, const ImVec2& min, const ImVec2& max, const std::string& text,
                       ImU32 colour, ImFont* font, float align, bool centre_vertically = true, bool fit_height = false) {
    const float em = ImGui::GetFontSize();
    const float side = align > 0.0f ? em * 0.2f : 0.0f;
    const float wrap = std::max(1.0f, max.x - min.x - side * 2.0f);
    float size = SizeToFitWords(font, em, text, wrap);
    TextLayout layout = LayOutText(font, size, text, wrap);
    // A button keeps its height: words that need more lines than it has get smaller instead.
    const float room = max.y - min.y - em * 0.3f;
    while (fit_height && layout.height > room && size > em * 0.55f) {
        size *= 0.92f;
        layout = LayOutText(font, size, text, wrap);
    }
    const float top = centre_vertically ? min.y + std::max(0.0f, (max.y - min.y - layout.height) * 0.5f) : min.y;
    DrawTextLayout(draw_list, font, size, ImVec2(min.x + side, top), colour, text, layout, align, wrap);
    DrawnLabel drawn;
    const float left = min.x + side + std::max(0.0f, (wrap - layout.width) * align);
    drawn.min = ImVec2(std::floor(left), std::floor(top));
    drawn.max = ImVec2(drawn.min.x + layout.width, drawn.min.y + layout.height);
    drawn.words_broken = layout.words_broken;
    return drawn;
}

// Notes on the control just added where its words are, for tests.
void RecordLabel(FrameContext& frame, const DrawnLabel& drawn) {
    InteractiveItem& item = frame.items.Last();
    item.text_x = drawn.min.x;
    item.text_y = drawn.min.y;
    item.text_width = drawn.max.x - drawn.min.x;
    item.text_height = drawn.max.y - drawn.min.y;
    item.words_broken = drawn.words_broken;
}

// The height of words laid out in `width` the way DrawLabelIn lays them out.
float LabelHeight(ImFont* font, const std::string& text, float width) {
    const float em = ImGui::GetFontSize();
    return LayOutText(font, SizeToFitWords(font, em, text, width), text, width).height;
}

// The frame every answer tile shares: filled by state, with a thicker border when chosen.
void DrawTileFrame(const Theme& theme, const RegionState& state, bool selected, const ImVec4& selected_fill,
                   float selected_border_width) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    const ImVec4& fill = selected ? selected_fill : (state.hovered ? theme.surface_hovered : theme.surface);
    draw_list->AddRectFilled(min, max, ImGui::ColorConvertFloat4ToU32(fill), rounding);
    draw_list->AddRect(min, max, ImGui::ColorConvertFloat4ToU32(selected ? theme.selected_border : theme.border),
                       rounding, 0, selected ? selected_border_width : 2.0f);
}

// A press and release inside the rectangle, without a drag: how a tap on a disabled control
// is told apart (ImGui gives disabled items no clicks of their own).
bool TappedHere(const ImVec2& min, const ImVec2& max) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsMouseReleased(ImGuiMouseButton_Left)) return false;
    const float slop = ImGui::GetFontSize() * 0.5f;
    if (io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] > slop * slop) return false;
    const ImRect rect(min, max);
    const ImVec2 pressed_at = io.MouseClickedPos[ImGuiMouseButton_Left];
    return rect.Contains(pressed_at) && ImGui::GetCurrentWindow()->ClipRect.Contains(pressed_at);
}

}  // namespace

ImU32 ToU32(const ImVec4& colour) { return ImGui::ColorConvertFloat4ToU32(colour); }

RegionState InteractiveRegion(FrameContext& frame, const std::string& id, const ImVec2& size, ItemRole role,
                              const std::string& label, bool enabled, bool checked, const std::string& group) {
    RegionState state;
    ImGui::PushID(id.c_str());
    ImGui::BeginDisabled(!enabled);
    state.pressed = ImGui::InvisibleButton("##region", size);
    state.hovered = ImGui::IsItemHovered();
    state.held = ImGui::IsItemActive();
    ImGui::EndDisabled();
    ImGui::PopID();
    if (enabled && frame.input.WasActivated(id)) state.pressed = true;
    if (!enabled) state.pressed = false;
    state.focused = frame.input.focused_item == id;
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    if (!enabled && (frame.input.WasActivated(id) || TappedHere(min, max))) frame.disabled_tap = id;
    if (state.focused) {
        DrawFocusRing(frame, min, max);
        // Bring the keyboard's place into view when it moves there, on screens that scroll.
        const float window_top = ImGui::GetWindowPos().y;
        const float window_bottom = window_top + ImGui::GetWindowHeight();
        if (frame.input.focus_moved && (min.y < window_top || max.y > window_bottom)) ImGui::SetScrollHereY(0.5f);
    }
    InteractiveItem item;
    item.id = id;
    item.label = label;
    item.role = role;
    item.x = min.x;
    item.y = min.y;
    item.width = max.x - min.x;
    item.height = max.y - min.y;
    item.enabled = enabled;
    item.checked = checked;
    item.hovered = state.hovered;
    const ImVec4 clip = ImGui::GetCurrentWindow()->ClipRect.ToVec4();
    item.fully_visible = min.x >= clip.x - 0.5f && min.y >= clip.y - 0.5f && max.x <= clip.z + 0.5f && max.y <= clip.w + 0.5f;
    item.group = group;
    frame.items.Add(std::move(item));
    return state;
}

bool BigButton(FrameContext& frame, const std::string& id, const std::string& label, ButtonKind kind,
               bool enabled, float width, const std::string& accessible_label) {
    const Theme& theme = frame.theme;
    const float height = std::max(theme.min_touch_target, ImGui::GetFontSize() * 2.3f);
    const float button_width = std::max(width > 0 ? width : ColumnWidth(), theme.min_touch_target);
    const RegionState state = InteractiveRegion(frame, id, ImVec2(button_width, height), ItemRole::Button,
                                                accessible_label.empty() ? label : accessible_label, enabled);
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    // A button that cannot be used yet looks plainer (secondary), not faded.
    const bool primary = kind == ButtonKind::Primary && enabled;
    const bool danger = kind == ButtonKind::Danger && enabled;
    ImVec4 fill = danger ? theme.danger : (primary ? theme.primary : theme.secondary);
    if (enabled && state.held) fill = danger ? theme.danger_active : (primary ? theme.primary_active : theme.secondary_active);
    else if (enabled && state.hovered) fill = danger ? theme.danger_hovered : (primary ? theme.primary_hovered : theme.secondary_hovered);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    draw_list->AddRectFilled(min, max, ToU32(fill), rounding);
    if (!primary && !danger) draw_list->AddRect(min, max, ToU32(theme.border), rounding, 0, 2.0f);
    // Its words keep the contrast of muted text (4.5:1 or more), so it can still be read.
    const ImVec4 text_colour = !enabled ? theme.muted_text : danger ? theme.on_danger : primary ? theme.on_primary : theme.text;
    RecordLabel(frame, DrawLabelIn(draw_list, min, max, label, ToU32(text_colour), frame.fonts.bold, 0.5f, true, true));
    return state.pressed;
}

void DrawTick(ImDrawList* draw_list, const ImVec2& min, const ImVec2& max, ImU32 colour, float thickness) {
    const float w = max.x - min.x;
    const float h = max.y - min.y;
    const ImVec2 points[3] = {ImVec2(min.x + w * 0.18f, min.y + h * 0.52f), ImVec2(min.x + w * 0.42f, min.y + h * 0.76f),
                              ImVec2(min.x + w * 0.84f, min.y + h * 0.26f)};
    draw_list->AddPolyline(points, 3, colour, 0, thickness);
}

namespace {

// The sizes inside a choice tile: its padding, its round or square marker and where its words
// start. They stop growing past a point, so large text keeps room for its words.
struct ChoiceTileMetrics {
    float pad = 0;
    float marker = 0;
    float text_left = 0;
    float text_width = 0;
};

ChoiceTileMetrics ChoiceMetrics(float tile_width, bool compact) {
    const float em = ImGui::GetFontSize();
    ChoiceTileMetrics metrics;
    metrics.pad = std::min(em * (compact ? 0.45f : 0.8f), compact ? 14.0f : 20.0f);
    metrics.marker = std::min(em * (compact ? 1.0f : 1.3f), 34.0f);
    metrics.text_left = metrics.pad * 2.0f + metrics.marker;
    metrics.text_width = std::max(1.0f, tile_width - metrics.text_left - metrics.pad);
    return metrics;
}

}  // namespace

float ChoiceTileHeight(const FrameContext& frame, const std::string& label, float width, bool compact) {
    const float em = ImGui::GetFontSize();
    const float tile_width = width > 0 ? width : ColumnWidth();
    // Measured in bold, the wider of the two faces, so choosing never re-wraps the words.
    const float text = LabelHeight(frame.fonts.bold, label, ChoiceMetrics(tile_width, compact).text_width);
    if (compact) return std::max(frame.theme.min_touch_target, text + em * 0.5f);
    return std::max({frame.theme.min_touch_target, em * 2.3f, text + em * 1.1f});
}

float WidestLabelWord(const FrameContext& frame, const std::string& label) {
    return WidestWord(frame.fonts.bold, ImGui::GetFontSize(), label);
}

float ChoiceTileTextWidth(float tile_width, bool compact) { return ChoiceMetrics(tile_width, compact).text_width; }

bool ChoiceTile(FrameContext& frame, const std::string& id, const std::string& label, bool selected,
                ItemRole role, const std::string& group, float width, float height, bool compact) {
    const Theme& theme = frame.theme;
    const float tile_width = width > 0 ? width : ColumnWidth();
    const ChoiceTileMetrics metrics = ChoiceMetrics(tile_width, compact);
    const float tile_height = height > 0 ? height : ChoiceTileHeight(frame, label, tile_width, compact);
    const RegionState state = InteractiveRegion(frame, id, ImVec2(tile_width, tile_height), role, label, true, selected, group);
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    DrawTileFrame(theme, state, selected, theme.selected_fill, 4.0f);
    const float marker = metrics.marker;
    const ImVec2 marker_min(min.x + metrics.pad, min.y + (tile_height - marker) * 0.5f);
    const ImVec2 marker_max(marker_min.x + marker, marker_min.y + marker);
    const ImVec2 centre((marker_min.x + marker_max.x) * 0.5f, (marker_min.y + marker_max.y) * 0.5f);
    if (role == ItemRole::Radio) {
        draw_list->AddCircle(centre, marker * 0.5f, ToU32(theme.text), 32, 2.5f);
        if (selected) draw_list->AddCircleFilled(centre, marker * 0.5f, ToU32(theme.selected_border), 32);
    } else {
        draw_list->AddRect(marker_min, marker_max, ToU32(theme.text), 4.0f, 0, 2.5f);
        if (selected) draw_list->AddRectFilled(marker_min, marker_max, ToU32(theme.selected_border), 4.0f);
    }
    if (selected) DrawTick(draw_list, marker_min, marker_max, ToU32(theme.on_primary), 3.5f);
    const ImVec2 text_min(min.x + metrics.text_left, min.y);
    const ImVec2 text_max(text_min.x + metrics.text_width, max.y);
    RecordLabel(frame, DrawLabelIn(draw_list, text_min, text_max, label, ToU32(theme.text),
                                   selected ? frame.fonts.bold : frame.fonts.body, 0.0f));
    return state.pressed;
}

bool NumberTile(FrameContext& frame, const std::string& id, const std::string& text,
                const std::string& accessible_label, bool selected, const std::string& group, float size) {
    const Theme& theme = frame.theme;
    const float side = std::max(size, theme.min_touch_target);
    const RegionState state = InteractiveRegion(frame, id, ImVec2(side, side), ItemRole::Radio, accessible_label, true, selected, group);
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    DrawTileFrame(theme, state, selected, theme.primary, 4.0f);
    RecordLabel(frame, DrawLabelIn(draw_list, min, max, text, ToU32(selected ? theme.on_primary : theme.text),
                                   frame.fonts.bold, 0.5f, true, true));
    if (selected) {
        const float tick = side * 0.3f;
        DrawTick(draw_list, ImVec2(max.x - tick - 3, min.y + 3), ImVec2(max.x - 3, min.y + tick + 3), ToU32(theme.on_primary), 3.0f);
    }
    return state.pressed;
}

namespace {

// A face of radius `radius` at `centre`: its mouth bends from a frown (1) through a straight
// line (3) to a wide smile (5).
void DrawFace(ImDrawList* draw_list, const Theme& theme, const ImVec2& centre, float radius, int scale_value) {
    draw_list->AddCircleFilled(centre, radius, ToU32(theme.face), 40);
    draw_list->AddCircle(centre, radius, ToU32(theme.face_features), 40, 2.5f);
    const ImU32 features = ToU32(theme.face_features);
    const float eye = std::max(2.5f, radius * 0.11f);
    draw_list->AddCircleFilled(ImVec2(centre.x - radius * 0.35f, centre.y - radius * 0.22f), eye, features, 16);
    draw_list->AddCircleFilled(ImVec2(centre.x + radius * 0.35f, centre.y - radius * 0.22f), eye, features, 16);
    const float curve = (static_cast<float>(scale_value) - 3.0f) / 2.0f;
    const float mouth_y = centre.y + radius * 0.38f - curve * radius * 0.12f;
    const ImVec2 left(centre.x - radius * 0.45f, mouth_y);
    const ImVec2 right(centre.x + radius * 0.45f, mouth_y);
    const ImVec2 control(centre.x, mouth_y + curve * radius * 0.5f);
    draw_list->AddBezierQuadratic(left, control, right, features, std::max(2.5f, radius * 0.09f), 24);
}

void DrawSelectedBadge(ImDrawList* draw_list, const Theme& theme, const ImVec2& top_right, float side) {
    const ImVec2 badge_min(top_right.x - side, top_right.y);
    const ImVec2 badge_max(top_right.x, top_right.y + side);
    draw_list->AddRectFilled(badge_min, badge_max, ToU32(theme.selected_border), 6.0f);
    DrawTick(draw_list, badge_min, badge_max, ToU32(theme.on_primary), 3.0f);
}

}  // namespace

FaceTileShape FaceTileShape::Standing(float width, float face_height, float label_height) {
    const float em = ImGui::GetFontSize();
    FaceTileShape shape;
    shape.size = ImVec2(width, face_height + label_height + em * 0.7f);
    shape.face = face_height;
    return shape;
}

FaceTileShape FaceTileShape::Lying(float width, float height, float face) {
    FaceTileShape shape;
    shape.size = ImVec2(width, height);
    shape.face = face;
    shape.beside = true;
    return shape;
}

float FaceLabelWidth(const FaceTileShape& shape) {
    const float em = ImGui::GetFontSize();
    if (!shape.beside) return std::max(1.0f, shape.size.x - em * 0.4f - 8.0f);
    return std::max(1.0f, shape.size.x - shape.face - em * 0.9f);
}

float FaceLabelHeight(const FrameContext& frame, const std::string& label, float width) {
    return LabelHeight(frame.fonts.bold, label, width);
}

bool FaceTile(FrameContext& frame, const std::string& id, int scale_value, const std::string& label,
              bool selected, const std::string& group, const FaceTileShape& shape) {
    const Theme& theme = frame.theme;
    const RegionState state = InteractiveRegion(frame, id, shape.size, ItemRole::Radio, label, true, selected, group);
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    DrawTileFrame(theme, state, selected, theme.selected_fill, 5.0f);
    const float em = ImGui::GetFontSize();
    ImFont* font = selected ? frame.fonts.bold : frame.fonts.body;
    const float badge = std::min(em * 1.2f, 30.0f);
    if (shape.beside) {
        // Face on the left, words beside it: the scale as a list, when words are long.
        const float radius = shape.face * 0.42f;
        const ImVec2 centre(min.x + em * 0.3f + shape.face * 0.5f, (min.y + max.y) * 0.5f);
        DrawFace(draw_list, theme, centre, radius, scale_value);
        if (selected) DrawSelectedBadge(draw_list, theme, ImVec2(min.x + em * 0.3f + shape.face + badge * 0.3f, min.y + 4), badge * 0.8f);
        const ImVec2 text_min(min.x + shape.face + em * 0.6f, min.y);
        RecordLabel(frame, DrawLabelIn(draw_list, text_min, ImVec2(text_min.x + FaceLabelWidth(shape), max.y), label,
                                       ToU32(theme.text), font, 0.0f));
        return state.pressed;
    }
    const float width = max.x - min.x;
    const float radius = std::min(width * 0.34f, shape.face * 0.5f - em * 0.25f);
    const ImVec2 centre(min.x + width * 0.5f, min.y + shape.face * 0.5f + em * 0.15f);
    DrawFace(draw_list, theme, centre, radius, scale_value);
    if (selected) DrawSelectedBadge(draw_list, theme, ImVec2(max.x - 6, min.y + 6), badge);
    const ImVec2 text_min(min.x + (width - FaceLabelWidth(shape)) * 0.5f - em * 0.2f, min.y + shape.face + em * 0.3f);
    RecordLabel(frame, DrawLabelIn(draw_list, text_min, ImVec2(max.x - (text_min.x - min.x), max.y - em * 0.2f), label,
                                   ToU32(theme.text), font, 0.5f, false));
    return state.pressed;
}

namespace {

// The caret's byte offset: where the keyboard bridge says, kept on a character boundary
// within the text (it may lag a frame behind a change the app made).
std::size_t CaretIn(const FrameContext& frame, const std::string& id, const std::string& text) {
    const auto found = frame.input.carets.find(id);
    std::size_t caret = text.size();
    if (found != frame.input.carets.end() && found->second.position >= 0) {
        caret = std::min(text.size(), static_cast<std::size_t>(found->second.position));
    }
    while (caret > 0 && caret < text.size() && (static_cast<unsigned char>(text[caret]) & 0xC0) == 0x80) --caret;
    return caret;
}

}  // namespace

void TextBox(FrameContext& frame, const std::string& id, const std::string& accessible_label,
             const std::string& text, int max_length, const std::string& placeholder, float height) {
    const Theme& theme = frame.theme;
    const float width = ColumnWidth();
    const RegionState state = InteractiveRegion(frame, id, ImVec2(width, std::max(height, theme.min_touch_target)),
                                                ItemRole::TextField, accessible_label);
    InteractiveItem& item = frame.items.Last();
    item.value = text;
    item.max_length = max_length;
    item.placeholder = placeholder;
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    const float rounding = ImGui::GetStyle().FrameRounding;
    draw_list->AddRectFilled(min, max, ToU32(theme.surface), rounding);
    draw_list->AddRect(min, max, ToU32(state.focused ? theme.selected_border : theme.border), rounding, 0,
                       state.focused ? 4.0f : 2.5f);
    const ImVec2 text_pos(min.x + em * 0.6f, min.y + em * 0.5f);
    const float wrap = width - em * 1.2f;
    ImFont* font = frame.fonts.body;
    const std::string& shown = text.empty() ? placeholder : text;
    // One layout draws the words and places the caret, so the caret is where typing goes.
    const TextLayout layout = LayOutText(font, em, shown, wrap);
    draw_list->PushClipRect(min, max, true);
    DrawTextLayout(draw_list, font, em, text_pos, ToU32(text.empty() ? theme.muted_text : theme.text), shown, layout);
    if (state.focused) {
        const std::size_t caret = text.empty() ? 0 : CaretIn(frame, id, text);
        const ImVec2 offset = text.empty() ? ImVec2(0, 0) : CaretOffset(font, em, text, layout, caret);
        const float caret_x = text_pos.x + offset.x + 1.0f;
        const float caret_y = text_pos.y + offset.y;
        draw_list->AddLine(ImVec2(caret_x, caret_y), ImVec2(caret_x, caret_y + layout.line_height), ToU32(theme.text), 2.0f);
        item.caret = static_cast<int>(caret);
        item.caret_x = caret_x;
        item.caret_y = caret_y;
        item.caret_height = layout.line_height;
    }
    draw_list->PopClipRect();
}

namespace {

// What was typed into `id` since the last frame replaces `value` (its old bytes overwritten:
// it may have been a passphrase); true when it changed it.
bool TakeTypedText(const FrameContext& frame, const std::string& id, std::string& value) {
    const auto typed = frame.input.text_changes.find(id);
    if (typed == frame.input.text_changes.end() || typed->second == value) return false;
    WipeText(value);
    value = typed->second;
    return true;
}

}  // namespace

bool TextField(FrameContext& frame, const std::string& id, const std::string& label, std::string& value,
               int max_length) {
    BoldParagraph(frame, label);
    const bool changed = TakeTypedText(frame, id, value);
    TextBox(frame, id, label, value, max_length, "Tap here to type", ImGui::GetFontSize() * 2.2f);
    return changed;
}

bool MaskedField(FrameContext& frame, const std::string& id, const std::string& label, std::string& value,
                 int max_length) {
    BoldParagraph(frame, label);
    const bool changed = TakeTypedText(frame, id, value);
    const Theme& theme = frame.theme;
    const float em = ImGui::GetFontSize();
    const RegionState state = InteractiveRegion(frame, id, ImVec2(ColumnWidth(), std::max(em * 2.2f, theme.min_touch_target)),
                                                ItemRole::TextField, label);
    const std::size_t characters = CountUtf8CodePoints(value).value_or(value.size());
    InteractiveItem& item = frame.items.Last();
    item.masked = true;
    item.entered = static_cast<int>(characters);
    item.max_length = max_length;
    item.placeholder = "Tap here to type";
    if (characters > 0) {
        item.description = std::to_string(characters) + (characters == 1 ? " character entered" : " characters entered");
    }
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    draw_list->AddRectFilled(min, max, ToU32(theme.surface), rounding);
    draw_list->AddRect(min, max, ToU32(state.focused ? theme.selected_border : theme.border), rounding, 0,
                       state.focused ? 4.0f : 2.5f);
    draw_list->PushClipRect(min, max, true);
    // One dot per character: how much is typed shows, never what.
    const float radius = em * 0.18f;
    const float step = em * 0.55f;
    const float centre_y = (min.y + max.y) * 0.5f;
    float x = min.x + em * 0.6f + radius;
    for (std::size_t dot = 0; dot < characters; ++dot, x += step) {
        draw_list->AddCircleFilled(ImVec2(x, centre_y), radius, ToU32(theme.text));
    }
    if (characters == 0) {
        draw_list->AddText(frame.fonts.body, em, ImVec2(min.x + em * 0.6f, min.y + em * 0.5f), ToU32(theme.muted_text),
                           "Tap here to type");
    }
    if (state.focused) {
        const float caret_x = min.x + em * 0.6f + static_cast<float>(characters) * step;
        draw_list->AddLine(ImVec2(caret_x, centre_y - em * 0.6f), ImVec2(caret_x, centre_y + em * 0.6f), ToU32(theme.text),
                           2.0f);
    }
    draw_list->PopClipRect();
    return changed;
}

PublishedText::PublishedText(InteractiveItemList& items) { published_text = &items; }

PublishedText::~PublishedText() { published_text = nullptr; }

void Heading(const FrameContext& frame, const std::string& text) { DrawTextBlock(frame.fonts.title, text, TextKind::Heading); }

void QuestionHeading(const FrameContext& frame, const std::string& text) {
    DrawTextBlock(frame.fonts.question, text, TextKind::Heading);
}

void Paragraph(const std::string& text, bool muted) {
    if (muted) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    DrawTextBlock(nullptr, text, TextKind::Body);
    if (muted) ImGui::PopStyleColor();
}

void BoldParagraph(const FrameContext& frame, const std::string& text) { DrawTextBlock(frame.fonts.bold, text, TextKind::Label); }

void LargeParagraph(const FrameContext& frame, const std::string& text) {
    DrawTextBlock(frame.fonts.question, text, TextKind::Body);
}

void TitleLine(const FrameContext& frame, const std::string& text, const std::string& spoken) {
    ImGui::PushFont(frame.fonts.title);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopFont();
    PublishDrawnText(spoken, TextKind::Body);
}

void PublishLastText(const std::string& text) { PublishDrawnText(text, TextKind::Body); }

void DescribeLastItem(FrameContext& frame, const std::string& description) { frame.items.Last().description = description; }

void VerticalGap(float em) { ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * em)); }

void MoreBelowCue(const FrameContext& frame, const std::string& text) {
    const Theme& theme = frame.theme;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImFont* font = frame.fonts.bold;
    const float body = ImGui::GetFontSize();
    const float arrow = body * 0.6f;
    // At most the standard size, on up to two lines: large text on a phone leaves it no room.
    const float em = std::min(body, 26.0f);
    const float pad = em * 0.8f;
    const float most = window->InnerRect.GetWidth() - arrow - pad * 3.0f;
    const float size = SizeToFitWords(font, em, text, most);
    const TextLayout layout = LayOutText(font, size, text, most);
    const float width = layout.width + arrow + pad * 3.0f;
    const float height = layout.height + em * 0.6f;
    const float centre_x = (window->InnerRect.Min.x + window->InnerRect.Max.x) * 0.5f;
    const ImVec2 min(std::floor(centre_x - width * 0.5f), window->InnerRect.Max.y - height - 2.0f);
    const ImVec2 max(min.x + width, min.y + height);
    ImDrawList* draw_list = window->DrawList;
    draw_list->PushClipRect(window->InnerRect.Min, window->InnerRect.Max, false);
    draw_list->AddRectFilled(min, max, ToU32(theme.primary), std::min(height * 0.5f, em));
    const ImVec2 text_min(min.x + pad, min.y + em * 0.3f);
    DrawTextLayout(draw_list, font, size, text_min, ToU32(theme.on_primary), text, layout, 0.5f, layout.width);
    // A downward arrow after the words (the fonts are cut down to letters, so it is drawn).
    const float arrow_x = max.x - pad - arrow * 0.5f;
    const float arrow_y = (min.y + max.y) * 0.5f;
    draw_list->AddTriangleFilled(ImVec2(arrow_x - arrow * 0.5f, arrow_y - arrow * 0.3f),
                                 ImVec2(arrow_x + arrow * 0.5f, arrow_y - arrow * 0.3f),
                                 ImVec2(arrow_x, arrow_y + arrow * 0.4f), ToU32(theme.on_primary));
    draw_list->PopClipRect();
    if (published_text == nullptr) return;
    InteractiveItem* item = published_text->AddText(text, TextKind::Body, min.x, min.y, width, height, true);
    if (item == nullptr) return;
    item->id = "more_below";
    item->text_x = text_min.x;
    item->text_y = text_min.y;
    item->text_width = layout.width;
    item->text_height = layout.height;
    item->words_broken = layout.words_broken;
}

SmallerText::SmallerText(float most_size) {
    const float size = ImGui::GetFontSize();
    if (size <= most_size) return;
    const float ratio = most_size / size;
    ImGui::SetWindowFontScale(ratio);
    // The gaps between the smaller things shrink with them.
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing.x * ratio, spacing.y * ratio));
    scaled_ = true;
}

SmallerText::~SmallerText() {
    if (!scaled_) return;
    ImGui::PopStyleVar();
    ImGui::SetWindowFontScale(1.0f);
}

void ProgressBar(const FrameContext& frame, float fraction, const std::string& caption, float width) {
    const Theme& theme = frame.theme;
    Paragraph(caption, true);
    if (width <= 0) width = ColumnWidth();
    const float height = ImGui::GetFontSize() * 0.5f;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    draw_list->AddRectFilled(min, max, ToU32(theme.secondary), height * 0.5f);
    const float filled = std::clamp(fraction, 0.0f, 1.0f) * width;
    if (filled > 0) draw_list->AddRectFilled(min, ImVec2(min.x + filled, max.y), ToU32(theme.primary), height * 0.5f);
    draw_list->AddRect(min, max, ToU32(theme.border), height * 0.5f, 0, 1.5f);
    ImGui::Dummy(ImVec2(width, height));
}

float BeginColumn(float max_width_em) {
    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(available, max_width_em * ImGui::GetFontSize());
    column_indent = std::max(0.0f, (available - width) * 0.5f);
    column_width = width;
    if (column_indent > 0) ImGui::Indent(column_indent);
    ImGui::PushItemWidth(width);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(width, 0.0f));
    return width;
}

void EndColumn() {
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
    ImGui::PopItemWidth();
    if (column_indent > 0) ImGui::Unindent(column_indent);
    column_indent = 0.0f;
    column_width = 0.0f;
}

float ColumnWidth() { return column_width > 0 ? column_width : ImGui::GetContentRegionAvail().x; }

}  // namespace yousaid::ui
