#include "ui/theme.h"

namespace yousaid::ui {

const Theme& DefaultTheme() {
    static const Theme theme;
    return theme;
}

void ApplyTheme(const Theme& theme, float font_size) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    const float em = font_size;
    style.WindowPadding = ImVec2(em, em);
    style.FramePadding = ImVec2(em * 0.8f, em * 0.5f);
    style.ItemSpacing = ImVec2(em * 0.6f, em * 0.6f);
    style.ItemInnerSpacing = ImVec2(em * 0.4f, em * 0.4f);
    style.FrameRounding = em * theme.rounding_em;
    style.WindowRounding = 0.0f;
    style.WindowBorderSize = 0.0f;
    style.ScrollbarSize = em * 0.9f;
    style.ScrollbarRounding = em * 0.45f;
    style.GrabMinSize = em;
    ImVec4* colors = style.Colors;
    colors[ImGuiCol_WindowBg] = theme.background;
    colors[ImGuiCol_Text] = theme.text;
    colors[ImGuiCol_TextDisabled] = theme.muted_text;
    colors[ImGuiCol_Button] = theme.secondary;
    colors[ImGuiCol_ButtonHovered] = theme.secondary_hovered;
    colors[ImGuiCol_ButtonActive] = theme.secondary_active;
    colors[ImGuiCol_NavHighlight] = theme.primary;
    ImGui::GetStyle() = style;
}

}  // namespace yousaid::ui
