#pragma once
// The answer part of a question screen, one drawing per question kind: smiley faces for
// 1-5 scales, eleven numbered squares for 0-10, big tiles for choices, a typing box for text.
#include <map>
#include <string>
#include <utility>

#include "core/responses/respondent_session.h"
#include "ui/frame_context.h"

namespace yousaid::ui {

class AnswerInput {
public:
    // Draws the inputs for the session's current question and records what is chosen.
    void Draw(FrameContext& frame, RespondentSession& session);
    // Forgets half-made answers (a "before" without a "now"): called between respondents.
    void Reset() { pending_before_and_now_.clear(); }

private:
    void DrawChoices(FrameContext& frame, RespondentSession& session, const Question& question, bool substantive);
    void DrawMultipleChoice(FrameContext& frame, RespondentSession& session, const Question& question);
    void DrawFaces(FrameContext& frame, RespondentSession& session, const Question& question);
    void DrawNumberRow(FrameContext& frame, RespondentSession& session, const Question& question);
    void DrawNumberGrid(FrameContext& frame, RespondentSession& session, const Question& question);
    void DrawText(FrameContext& frame, RespondentSession& session, const Question& question);
    void DrawBeforeAndNow(FrameContext& frame, RespondentSession& session, const Question& question);

    // Before-and-now needs both ratings; the first one chosen waits here until the second.
    std::map<std::string, std::pair<int, int>> pending_before_and_now_;
};

// A short description of an answer for the check screen, e.g. "Agree" or "7 out of 10".
std::string DescribeAnswer(const Question& question, const Answer& answer, const std::string& language);

}  // namespace yousaid::ui
