#pragma once
// "Last time, you told us": the officer's "You said, we did" cards, one at a time, after the
// welcome screen and before consent. Young people answer the next survey more readily when
// they can see what the last one changed.
#include <cstddef>

#include "ui/respondent_host.h"
#include "ui/screen.h"

namespace yousaid::ui {

class YouSaidScreen : public Screen {
public:
    explicit YouSaidScreen(RespondentHost& host) : host_(host) {}
    const char* Name() const override { return "you_said"; }
    void DrawContent(FrameContext& frame) override;
    int FooterRows() const override { return 1; }
    void DrawFooter(FrameContext& frame) override;
    std::string PartShown() const override { return std::to_string(shown_); }
    // A new person starts at the first card.
    void Reset() { shown_ = 0; }

private:
    RespondentHost& host_;
    std::size_t shown_ = 0;  // which card
};

}  // namespace yousaid::ui
