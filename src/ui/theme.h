#pragma once
#include <imgui.h>

namespace yousaid::ui {

// Colours and spacing, sized in font units so layouts hold at every text size and DPR.
struct Theme {
    ImVec4 background{0.969f, 0.957f, 0.933f, 1.0f};
    ImVec4 text{0.122f, 0.141f, 0.188f, 1.0f};
    ImVec4 muted_text{0.33f, 0.36f, 0.42f, 1.0f};
    ImVec4 primary{0.094f, 0.353f, 0.753f, 1.0f};
    ImVec4 primary_hovered{0.071f, 0.302f, 0.663f, 1.0f};
    ImVec4 primary_active{0.051f, 0.247f, 0.565f, 1.0f};
    ImVec4 on_primary{1.0f, 1.0f, 1.0f, 1.0f};
    ImVec4 secondary{0.886f, 0.878f, 0.863f, 1.0f};
    ImVec4 secondary_hovered{0.839f, 0.827f, 0.808f, 1.0f};
    ImVec4 secondary_active{0.784f, 0.773f, 0.753f, 1.0f};
    // Touch targets: at least 48 CSS pixels tall, and never closer than half that apart.
    float min_touch_target = 48.0f;
    float rounding_em = 0.45f;
};

const Theme& DefaultTheme();
// Applies the theme to ImGui's style for the current font size.
void ApplyTheme(const Theme& theme, float font_size);

}  // namespace yousaid::ui
