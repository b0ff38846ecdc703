#include "ui/theme.h"

namespace yousaid::ui {

namespace {
ImVec4 Rgb(int r, int g, int b) { return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f, 1.0f); }
}  // namespace

const Theme& DefaultTheme() {
    static const Theme theme = [] {
        Theme t;
        t.background = Rgb(247, 244, 238);
        t.surface = Rgb(255, 255, 255);
        t.surface_hovered = Rgb(240, 244, 252);
        t.text = Rgb(31, 36, 48);
        t.muted_text = Rgb(84, 92, 107);  // 6.3:1 on the background
        t.primary = Rgb(24, 90, 192);
        t.primary_hovered = Rgb(18, 77, 169);
        t.primary_active = Rgb(13, 63, 144);
        t.on_primary = Rgb(255, 255, 255);
        t.secondary = Rgb(226, 224, 220);
        t.secondary_hovered = Rgb(214, 211, 206);
        t.secondary_active = Rgb(200, 197, 192);
        t.danger = Rgb(178, 34, 34);  // white on it 6.5:1
        t.danger_hovered = Rgb(153, 27, 27);
        t.danger_active = Rgb(127, 22, 22);
        t.on_danger = Rgb(255, 255, 255);
        t.border = Rgb(150, 156, 168);
        t.selected_fill = Rgb(222, 234, 252);
        t.selected_border = Rgb(24, 90, 192);
        t.focus_ring = Rgb(196, 84, 0);
        t.face = Rgb(255, 214, 92);
        t.face_features = Rgb(60, 45, 20);
        return t;
    }();
    return theme;
}

const Theme& HighContrastTheme() {
    static const Theme theme = [] {
        Theme t;
        t.background = Rgb(0, 0, 0);
        t.surface = Rgb(0, 0, 0);
        t.surface_hovered = Rgb(40, 40, 40);
        t.text = Rgb(255, 255, 255);
        t.muted_text = Rgb(230, 230, 230);
        t.primary = Rgb(255, 230, 0);
        t.primary_hovered = Rgb(255, 240, 90);
        t.primary_active = Rgb(230, 200, 0);
        t.on_primary = Rgb(0, 0, 0);
        t.secondary = Rgb(0, 0, 0);
        t.secondary_hovered = Rgb(50, 50, 50);
        t.secondary_active = Rgb(80, 80, 80);
        // Salmon, apart from the yellow primary and the black secondary; black on it 8:1.
        t.danger = Rgb(255, 120, 120);
        t.danger_hovered = Rgb(255, 150, 150);
        t.danger_active = Rgb(230, 95, 95);
        t.on_danger = Rgb(0, 0, 0);
        t.border = Rgb(255, 255, 255);
        t.selected_fill = Rgb(60, 55, 0);
        t.selected_border = Rgb(255, 230, 0);
        t.focus_ring = Rgb(0, 255, 255);
        t.face = Rgb(255, 230, 0);
        t.face_features = Rgb(0, 0, 0);
        return t;
    }();
    return theme;
}

void ApplyTheme(const Theme& theme, float font_size) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    const float em = font_size;
    style.WindowPadding = ImVec2(em, em * 0.75f);
    style.FramePadding = ImVec2(em * 0.8f, em * 0.5f);
    style.ItemSpacing = ImVec2(em * 0.6f, em * 0.6f);
    style.ItemInnerSpacing = ImVec2(em * 0.4f, em * 0.4f);
    style.FrameRounding = em * theme.rounding_em;
    style.FrameBorderSize = 2.0f;
    style.WindowRounding = 0.0f;
    style.WindowBorderSize = 0.0f;
    style.ScrollbarSize = em * 0.9f;
    style.ScrollbarRounding = em * 0.45f;
    style.GrabMinSize = em;
    ImVec4* colors = style.Colors;
    colors[ImGuiCol_WindowBg] = theme.background;
    // Children sit on a frame already cleared to the background colour; filling them again
    // costs a full-screen pass per frame, which a software GPU (SwiftShader) feels at DPR 2.
    colors[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    colors[ImGuiCol_PopupBg] = theme.background;
    colors[ImGuiCol_Text] = theme.text;
    colors[ImGuiCol_TextDisabled] = theme.muted_text;
    colors[ImGuiCol_Button] = theme.secondary;
    colors[ImGuiCol_ButtonHovered] = theme.secondary_hovered;
    colors[ImGuiCol_ButtonActive] = theme.secondary_active;
    colors[ImGuiCol_Border] = theme.border;
    colors[ImGuiCol_FrameBg] = theme.surface;
    colors[ImGuiCol_ScrollbarBg] = theme.background;
    colors[ImGuiCol_ScrollbarGrab] = theme.border;
    colors[ImGuiCol_NavHighlight] = theme.focus_ring;
    ImGui::GetStyle() = style;
}

}  // namespace yousaid::ui
