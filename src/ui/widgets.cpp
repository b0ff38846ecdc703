#include "ui/widgets.h"

#include <algorithm>

#include <imgui.h>

namespace yousaid::ui {

namespace {
float column_indent = 0.0f;
float column_width = 0.0f;

void RecordLastItem(FrameContext& frame, const char* id, const std::string& label, ItemRole role,
                    bool enabled, bool checked) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    frame.items.Add(InteractiveItem{id, label, role, min.x, min.y, max.x - min.x, max.y - min.y,
                                    enabled, checked});
}
}  // namespace

bool BigButton(FrameContext& frame, const char* id, const std::string& label, ButtonKind kind,
               bool enabled) {
    const Theme& theme = frame.theme;
    const float height = std::max(theme.min_touch_target, ImGui::GetFontSize() * 2.4f);
    const float width = std::max(ColumnWidth(), theme.min_touch_target);
    int pushed_colors = 0;
    if (kind == ButtonKind::Primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, theme.primary);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme.primary_hovered);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme.primary_active);
        ImGui::PushStyleColor(ImGuiCol_Text, theme.on_primary);
        pushed_colors = 4;
    }
    ImGui::PushFont(frame.fonts.bold);
    ImGui::BeginDisabled(!enabled);
    ImGui::PushID(id);
    const bool pressed = ImGui::Button(label.c_str(), ImVec2(width, height));
    ImGui::PopID();
    ImGui::EndDisabled();
    ImGui::PopFont();
    ImGui::PopStyleColor(pushed_colors);
    RecordLastItem(frame, id, label, ItemRole::Button, enabled, false);
    return pressed && enabled;
}

void Paragraph(const std::string& text, bool muted) {
    if (muted) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text.c_str());
    if (muted) ImGui::PopStyleColor();
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

float ColumnWidth() {
    return column_width > 0 ? column_width : ImGui::GetContentRegionAvail().x;
}

}  // namespace yousaid::ui
