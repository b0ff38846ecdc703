#pragma once
#include <string>

#include "ui/frame_context.h"

namespace yousaid::ui {

// One screen of the app. Screens draw from state; they hold no statistics or file formats.
class Screen {
public:
    virtual ~Screen() = default;
    // Stable name, published to tests and the accessible layer ("start", "how_it_works").
    virtual const char* Name() const = 0;
    virtual void DrawContent(FrameContext& frame) = 0;
    // Rows of buttons pinned below the scrolling content (Back/Next), so they are always in
    // reach however long the question is; 0 for none.
    virtual int FooterRows() const { return 0; }
    virtual void DrawFooter(FrameContext&) {}
    // Which part of the screen is shown, for screens with parts of their own (the
    // workspace's tabs): a new part starts at its top, like a new screen, so nothing moves
    // under the pointer after it is drawn.
    virtual std::string PartShown() const { return {}; }
};

}  // namespace yousaid::ui
