#pragma once
// The screens a young person or parent sees, in order. Each draws from the session's state.
#include <string>

#include "ui/answer_input.h"
#include "ui/respondent_host.h"
#include "ui/screen.h"

namespace yousaid::ui {

// Which buttons the toolbar shows. The "are you still there?" prompt leaves out Settings:
// the settings screen could not show until the prompt is answered.
enum class ToolbarButtons { kAll, kWithoutSettings };

// The language, read-aloud and settings buttons at the top of every respondent screen.
// A question screen's progress line ("Question 4 of 12" and a bar), which the toolbar shows
// beside its buttons when there is room.
struct Progress {
    std::string caption;
    float fraction = 0.0f;
};
void DrawRespondentToolbar(FrameContext& frame, RespondentHost& host, ToolbarButtons shown = ToolbarButtons::kAll,
                           const Progress& progress = {});

class WelcomeScreen : public Screen {
public:
    explicit WelcomeScreen(RespondentHost& host) : host_(host) {}
    const char* Name() const override { return "welcome"; }
    void DrawContent(FrameContext& frame) override;
    int FooterRows() const override { return 1; }
    void DrawFooter(FrameContext& frame) override;

private:
    void DrawNotReady(FrameContext& frame);

    RespondentHost& host_;
};

class ConsentScreen : public Screen {
public:
    explicit ConsentScreen(RespondentHost& host) : host_(host) {}
    const char* Name() const override { return "consent"; }
    void DrawContent(FrameContext& frame) override;

private:
    RespondentHost& host_;
};

class QuestionScreen : public Screen {
public:
    explicit QuestionScreen(RespondentHost& host) : host_(host) {}
    const char* Name() const override { return "question"; }
    void DrawContent(FrameContext& frame) override;
    int FooterRows() const override;
    void DrawFooter(FrameContext& frame) override;
    void Reset() {
        answer_input_.Reset();
        explaining_question_id_.clear();
    }

private:
    static std::string WhyNextIsDisabled(const RespondentSession& session, const std::string& language);
    // Whether a control drawn since `first_answer` is cut off by the bottom of the screen.
    static bool AnswersBelowTheFold(const FrameContext& frame, std::size_t first_answer);

    RespondentHost& host_;
    AnswerInput answer_input_;
    // The question whose disabled Next was tapped: the footer says why until it is answered.
    std::string explaining_question_id_;
};

class CheckScreen : public Screen {
public:
    explicit CheckScreen(RespondentHost& host) : host_(host) {}
    const char* Name() const override { return "check"; }
    void DrawContent(FrameContext& frame) override;
    int FooterRows() const override { return 1; }
    void DrawFooter(FrameContext& frame) override;

private:
    RespondentHost& host_;
};

class ThankYouScreen : public Screen {
public:
    explicit ThankYouScreen(RespondentHost& host) : host_(host) {}
    const char* Name() const override { return "thank_you"; }
    void DrawContent(FrameContext& frame) override;

private:
    RespondentHost& host_;
};

class SignpostingScreen : public Screen {
public:
    explicit SignpostingScreen(RespondentHost& host) : host_(host) {}
    const char* Name() const override { return "signposting"; }
    void DrawContent(FrameContext& frame) override;

private:
    RespondentHost& host_;
};

class DisplaySettingsScreen : public Screen {
public:
    explicit DisplaySettingsScreen(RespondentHost& host) : host_(host) {}
    const char* Name() const override { return "settings"; }
    void DrawContent(FrameContext& frame) override;
    int FooterRows() const override { return 1; }
    void DrawFooter(FrameContext& frame) override;

private:
    RespondentHost& host_;
};

class StillThereScreen : public Screen {
public:
    explicit StillThereScreen(RespondentHost& host) : host_(host) {}
    const char* Name() const override { return "still_there"; }
    void DrawContent(FrameContext& frame) override;

private:
    int AnnouncedSeconds(int seconds_left);

    RespondentHost& host_;
    int announced_seconds_ = -1;  // the seconds left last put in the announcement
};

}  // namespace yousaid::ui
