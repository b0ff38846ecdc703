#pragma once
#include <string>

namespace yousaid::ui {

// Settings a respondent can change for themselves; reset for the next person.
enum class TextSize { kStandard = 0, kLarge = 1, kExtraLarge = 2 };

struct DisplaySettings {
    TextSize text_size = TextSize::kStandard;
    bool high_contrast = false;
    bool dyslexia_font = false;

    // Body text in CSS pixels; the largest still fits a 1024x768 tablet.
    float BodyTextSize() const {
        switch (text_size) {
            case TextSize::kStandard: return 24.0f;
            case TextSize::kLarge: return 30.0f;
            case TextSize::kExtraLarge: return 36.0f;
        }
        return 24.0f;
    }
};

}  // namespace yousaid::ui
