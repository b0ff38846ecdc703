#pragma once
#include <imgui.h>

namespace yousaid::ui {

// Colours and spacing, sized in font units so layouts hold at every text size and DPR.
// Selection is never shown by colour alone: selected answers also get a tick and a thick
// border, so the themes only have to keep contrast.
struct Theme {
    ImVec4 background;
    ImVec4 surface;            // answer tiles
    ImVec4 surface_hovered;
    ImVec4 text;
    ImVec4 muted_text;
    ImVec4 primary;            // main action buttons, selected answers
    ImVec4 primary_hovered;
    ImVec4 primary_active;
    ImVec4 on_primary;
    ImVec4 secondary;          // Back, Skip
    ImVec4 secondary_hovered;
    ImVec4 secondary_active;
    ImVec4 danger;             // buttons that delete responses: never mistaken for a primary one
    ImVec4 danger_hovered;
    ImVec4 danger_active;
    ImVec4 on_danger;
    ImVec4 border;
    ImVec4 selected_fill;      // a chosen answer tile
    ImVec4 selected_border;
    ImVec4 focus_ring;         // keyboard focus
    ImVec4 face;               // smiley faces
    ImVec4 face_features;
    float min_touch_target = 48.0f;  // CSS pixels
    float rounding_em = 0.45f;
};

const Theme& DefaultTheme();
const Theme& HighContrastTheme();
// Applies the theme to ImGui's style for the current font size.
void ApplyTheme(const Theme& theme, float font_size);

}  // namespace yousaid::ui
