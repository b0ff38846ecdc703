#pragma once
#include <string>

#include "ui/fonts.h"
#include "ui/interactive_items.h"
#include "ui/theme.h"

namespace yousaid::ui {

// What a screen needs to draw one frame, and what it hands back to the app.
struct FrameContext {
    const Theme& theme;
    const FontSet& fonts;
    InteractiveItemList& items;
    // A screen asks to move on by naming the next screen; the app switches after the frame.
    std::string requested_screen;
};

}  // namespace yousaid::ui
