#pragma once
#include <map>
#include <set>
#include <string>

#include "ui/fonts.h"
#include "ui/interactive_items.h"
#include "ui/theme.h"

namespace yousaid::ui {

// What people did through the accessible HTML layer (screen reader, keyboard, on-screen
// keyboard) since the last frame; widgets treat an activation exactly like a tap.
struct ExternalInput {
    std::set<std::string> activated;
    std::map<std::string, std::string> text_changes;
    std::string focused_item;  // keyboard focus, drawn as a ring on the canvas
    // The focus moved to focused_item since the last frame: the screen scrolls to show it
    // then, and only then, so that the wheel can still scroll away from a focused text box.
    bool focus_moved = false;

    // Where each text field's insertion point and selection end are, as byte offsets into
    // its text, as the keyboard bridge last told; kept until it tells again.
    struct Caret {
        int position = -1;
        int selection_end = -1;
    };
    std::map<std::string, Caret> carets;

    bool WasActivated(const std::string& id) const { return activated.count(id) != 0; }
};

// What a screen needs to draw one frame, and what it hands back to the app.
struct FrameContext {
    const Theme& theme;
    const FontSet& fonts;
    InteractiveItemList& items;
    const ExternalInput& input;
    // The screen's heading and the text announced to screen readers when it changes.
    std::string title;
    std::string announcement;
    // What the read-aloud button says on this screen.
    std::string speech_text;
    // A disabled control tapped (or activated from the accessible layer) this frame, so the
    // screen can say why it is disabled; empty when none.
    std::string disabled_tap;
};

}  // namespace yousaid::ui
