#pragma once
#include "ui/screen.h"

namespace yousaid::ui {

// The first thing a person sees on the tablet.
class StartScreen : public Screen {
public:
    const char* Name() const override { return "start"; }
    void DrawContent(FrameContext& frame) override;
};

// What taking part means, in plain words, before any question.
class HowItWorksScreen : public Screen {
public:
    const char* Name() const override { return "how_it_works"; }
    void DrawContent(FrameContext& frame) override;
};

}  // namespace yousaid::ui
