#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

namespace yousaid::ui {

namespace {
float column_indent = 0.0f;
float column_width = 0.0f;
InteractiveItemList* published_text = nullptr;

// Publishes the ImGui item just drawn, a block of text, with its rectangle.
void PublishDrawnText(const std::string& text, TextKind kind) {
    if (published_text == nullptr) return;
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    const float reach = clip.GetHeight();
    const bool near_view = max.y >= clip.Min.y - reach && min.y <= clip.Max.y + reach;
    published_text->AddText(text, kind, min.x, min.y, max.x - min.x, max.y - min.y, near_view);
}

// The one way the widgets draw a block of words: wrapped to the column, and published.
void DrawTextBlock(ImFont* font, const std::string& text, TextKind kind) {
    if (font != nullptr) ImGui::PushFont(font);
    ImGui::TextWrapped("%s", text.c_str());
    if (font != nullptr) ImGui::PopFont();
    PublishDrawnText(text, kind);
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

// Text centred in a rectangle, wrapped to its width.
void DrawCentredText(ImDrawList* draw_list, const ImVec2& min, const ImVec2& max, const std::string& text,
                     ImU32 colour, ImFont* font) {
    const float size = ImGui::GetFontSize();
    const float wrap = std::max(1.0f, max.x - min.x - size * 0.4f);
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str());
    // ImGui aligns wrapped lines to the left; centre each line separately.
    float y = min.y + std::max(0.0f, (max.y - min.y - extent.y) * 0.5f);
    const char* line = text.c_str();
    const char* end = line + text.size();
    while (line < end) {
        const char* line_end = font->CalcWordWrapPositionA(size / font->FontSize, line, end, wrap);
        if (line_end == line) line_end = line + 1;
        const ImVec2 line_size = font->CalcTextSizeA(size, FLT_MAX, 0.0f, line, line_end);
        const float x = min.x + (max.x - min.x - line_size.x) * 0.5f;
        draw_list->AddText(font, size, ImVec2(std::floor(x), std::floor(y)), colour, line, line_end);
        y += size * 1.0f + 2.0f;
        line = line_end;
        while (line < end && (*line == ' ' || *line == '\n')) ++line;
    }
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
    const bool primary = kind == ButtonKind::Primary;
    const bool danger = kind == ButtonKind::Danger;
    ImVec4 fill = danger ? theme.danger : (primary ? theme.primary : theme.secondary);
    if (state.held) fill = danger ? theme.danger_active : (primary ? theme.primary_active : theme.secondary_active);
    else if (state.hovered) fill = danger ? theme.danger_hovered : (primary ? theme.primary_hovered : theme.secondary_hovered);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    const float alpha = enabled ? 1.0f : 0.4f;
    fill.w *= alpha;
    draw_list->AddRectFilled(min, max, ToU32(fill), rounding);
    if (kind == ButtonKind::Secondary) draw_list->AddRect(min, max, ToU32(theme.border), rounding, 0, 2.0f);
    ImVec4 text_colour = danger ? theme.on_danger : (primary ? theme.on_primary : theme.text);
    text_colour.w *= alpha;
    DrawCentredText(draw_list, min, max, label, ToU32(text_colour), frame.fonts.bold);
    return state.pressed;
}

void DrawTick(ImDrawList* draw_list, const ImVec2& min, const ImVec2& max, ImU32 colour, float thickness) {
    const float w = max.x - min.x;
    const float h = max.y - min.y;
    const ImVec2 points[3] = {ImVec2(min.x + w * 0.18f, min.y + h * 0.52f), ImVec2(min.x + w * 0.42f, min.y + h * 0.76f),
                              ImVec2(min.x + w * 0.84f, min.y + h * 0.26f)};
    draw_list->AddPolyline(points, 3, colour, 0, thickness);
}

bool ChoiceTile(FrameContext& frame, const std::string& id, const std::string& label, bool selected,
                ItemRole role, const std::string& group, float width) {
    const Theme& theme = frame.theme;
    const float em = ImGui::GetFontSize();
    const float tile_width = width > 0 ? width : ColumnWidth();
    const float marker = em * 1.3f;
    const float text_left = em * 0.8f + marker + em * 0.7f;
    const float wrap = std::max(1.0f, tile_width - text_left - em * 0.8f);
    const ImVec2 text_size = frame.fonts.body->CalcTextSizeA(em, FLT_MAX, wrap, label.c_str());
    const float height = std::max({theme.min_touch_target, em * 2.3f, text_size.y + em * 1.1f});
    const RegionState state = InteractiveRegion(frame, id, ImVec2(tile_width, height), role, label, true, selected, group);
    const ImVec2 min = ImGui::GetItemRectMin();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    DrawTileFrame(theme, state, selected, theme.selected_fill, 4.0f);
    const ImVec2 marker_min(min.x + em * 0.8f, min.y + (height - marker) * 0.5f);
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
    draw_list->AddText(selected ? frame.fonts.bold : frame.fonts.body, em,
                       ImVec2(min.x + text_left, min.y + (height - text_size.y) * 0.5f), ToU32(theme.text),
                       label.c_str(), nullptr, wrap);
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
    DrawCentredText(draw_list, min, max, text, ToU32(selected ? theme.on_primary : theme.text), frame.fonts.bold);
    if (selected) {
        const float tick = side * 0.3f;
        DrawTick(draw_list, ImVec2(max.x - tick - 3, min.y + 3), ImVec2(max.x - 3, min.y + tick + 3), ToU32(theme.on_primary), 3.0f);
    }
    return state.pressed;
}

bool FaceTile(FrameContext& frame, const std::string& id, int scale_value, const std::string& label,
              bool selected, const std::string& group, const ImVec2& size) {
    const Theme& theme = frame.theme;
    const RegionState state = InteractiveRegion(frame, id, size, ItemRole::Radio, label, true, selected, group);
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    DrawTileFrame(theme, state, selected, theme.selected_fill, 5.0f);
    const float width = max.x - min.x;
    const float radius = std::min(width * 0.34f, (max.y - min.y) * 0.26f);
    const ImVec2 centre(min.x + width * 0.5f, min.y + radius + ImGui::GetFontSize() * 0.5f);
    draw_list->AddCircleFilled(centre, radius, ToU32(theme.face), 40);
    draw_list->AddCircle(centre, radius, ToU32(theme.face_features), 40, 2.5f);
    const ImU32 features = ToU32(theme.face_features);
    const float eye = std::max(2.5f, radius * 0.11f);
    draw_list->AddCircleFilled(ImVec2(centre.x - radius * 0.35f, centre.y - radius * 0.22f), eye, features, 16);
    draw_list->AddCircleFilled(ImVec2(centre.x + radius * 0.35f, centre.y - radius * 0.22f), eye, features, 16);
    // The mouth bends from a frown (1) through a straight line (3) to a wide smile (5).
    const float curve = (static_cast<float>(scale_value) - 3.0f) / 2.0f;
    const float mouth_y = centre.y + radius * 0.38f - curve * radius * 0.12f;
    const ImVec2 left(centre.x - radius * 0.45f, mouth_y);
    const ImVec2 right(centre.x + radius * 0.45f, mouth_y);
    const ImVec2 control(centre.x, mouth_y + curve * radius * 0.5f);
    draw_list->AddBezierQuadratic(left, control, right, features, std::max(2.5f, radius * 0.09f), 24);
    if (selected) {
        const float tick = ImGui::GetFontSize() * 1.2f;
        const ImVec2 badge_min(max.x - tick - 6, min.y + 6);
        const ImVec2 badge_max(max.x - 6, min.y + tick + 6);
        draw_list->AddRectFilled(badge_min, badge_max, ToU32(theme.selected_border), 6.0f);
        DrawTick(draw_list, badge_min, badge_max, ToU32(theme.on_primary), 3.0f);
    }
    const ImVec2 text_min(min.x + 4, centre.y + radius + ImGui::GetFontSize() * 0.3f);
    DrawCentredText(draw_list, text_min, ImVec2(max.x - 4, max.y - 4), label, ToU32(theme.text),
                    selected ? frame.fonts.bold : frame.fonts.body);
    return state.pressed;
}

void TextBox(FrameContext& frame, const std::string& id, const std::string& accessible_label,
             const std::string& text, int max_length, const std::string& placeholder, float height) {
    const Theme& theme = frame.theme;
    const float width = ColumnWidth();
    const RegionState state = InteractiveRegion(frame, id, ImVec2(width, std::max(height, theme.min_touch_target)),
                                                ItemRole::TextField, accessible_label);
    frame.items.Last().value = text;
    frame.items.Last().max_length = max_length;
    frame.items.Last().placeholder = placeholder;
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
    draw_list->PushClipRect(min, max, true);
    if (text.empty()) {
        draw_list->AddText(frame.fonts.body, em, text_pos, ToU32(theme.muted_text), placeholder.c_str(), nullptr, wrap);
    } else {
        draw_list->AddText(frame.fonts.body, em, text_pos, ToU32(theme.text), text.c_str(), nullptr, wrap);
    }
    if (state.focused) {
        // A caret after the last character shows where typing goes.
        const ImVec2 extent = frame.fonts.body->CalcTextSizeA(em, FLT_MAX, wrap, text.c_str());
        const float line_height = em;
        const char* last_line = text.c_str() + text.rfind('\n') + 1;
        const ImVec2 last = frame.fonts.body->CalcTextSizeA(em, FLT_MAX, wrap, last_line);
        const float caret_x = text_pos.x + (text.empty() ? 0.0f : (extent.y > line_height * 1.5f ? last.x : extent.x)) + 2;
        const float caret_y = text_pos.y + std::max(0.0f, extent.y - line_height);
        draw_list->AddLine(ImVec2(caret_x, caret_y), ImVec2(caret_x, caret_y + line_height), ToU32(theme.text), 2.0f);
    }
    draw_list->PopClipRect();
}

bool TextField(FrameContext& frame, const std::string& id, const std::string& label, std::string& value,
               int max_length) {
    BoldParagraph(frame, label);
    bool changed = false;
    const auto typed = frame.input.text_changes.find(id);
    if (typed != frame.input.text_changes.end() && typed->second != value) {
        value = typed->second;
        changed = true;
    }
    TextBox(frame, id, label, value, max_length, "Tap here to type", ImGui::GetFontSize() * 2.2f);
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

void ProgressBar(const FrameContext& frame, float fraction, const std::string& caption) {
    const Theme& theme = frame.theme;
    Paragraph(caption, true);
    const float width = ColumnWidth();
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
