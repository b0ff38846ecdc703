// Welcome, consent, one question at a time, and the check of every answer.
#include "ui/respondent_screens.h"


#include <imgui.h>

#include "ui/interface_text.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

constexpr float kColumnEm = 30.0f;

// Back on the left and the main action on the right, each half the column.
float HalfWidth() { return (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f; }

}  // namespace

void DrawRespondentToolbar(FrameContext& frame, RespondentHost& host) {
    const std::string& language = host.Session().Language();
    const float em = ImGui::GetFontSize();
    const float button_width = em * 8.5f;
    const bool speech = host.ReadAloudAvailable();
    const int buttons = speech ? 2 : 1;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float total = button_width * static_cast<float>(buttons) + spacing * static_cast<float>(buttons - 1);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ColumnWidth() - total);
    if (speech) {
        if (BigButton(frame, "read_aloud", Say(Phrase::kReadAloud, language), ButtonKind::Secondary, true, button_width)) {
            host.ReadAloud(frame.speech_text);
        }
        ImGui::SameLine();
    }
    if (BigButton(frame, "settings", Say(Phrase::kSettings, language), ButtonKind::Secondary, true, button_width)) {
        host.OpenSettings();
    }
}

void WelcomeScreen::DrawContent(FrameContext& frame) {
    // The staff area's door: an unmarked corner that opens only when held for two seconds,
    // so a curious tap never leads a respondent there.
    const ImVec2 start = ImGui::GetCursorPos();
    const float corner = ImGui::GetFontSize() * 3.0f;
    ImGui::SetCursorScreenPos(ImGui::GetWindowPos());
    const RegionState door = InteractiveRegion(frame, "staff_corner", ImVec2(corner, corner), ItemRole::Button, "Staff area");
    host_.StaffCorner(door.held, frame.input.WasActivated("staff_corner"));
    ImGui::SetCursorPos(start);
    if (!host_.SurveyAvailable()) {
        DrawNotReady(frame);
        return;
    }
    RespondentSession& session = host_.Session();
    const Survey& survey = session.GetSurvey();
    const std::string& language = session.Language();
    BeginColumn(kColumnEm);
    frame.title = survey.title.In(language);
    frame.speech_text = frame.title + ". " + survey.introduction.In(language) + " " + Say(Phrase::kNotATest, language) +
                        " " + Say(Phrase::kAnonymous, language) + " " + Say(Phrase::kCanSkip, language);
    frame.announcement = frame.title;
    DrawRespondentToolbar(frame, host_);
    Heading(frame, frame.title);
    Paragraph(survey.introduction.In(language));
    VerticalGap(0.3f);
    BoldParagraph(frame, Say(Phrase::kNotATest, language));
    Paragraph(Say(Phrase::kAnonymous, language) + " " + Say(Phrase::kWhoSees, language));
    Paragraph(Say(Phrase::kCanSkip, language));
    if (survey.languages.size() > 1) {
        VerticalGap(0.3f);
        BoldParagraph(frame, Say(Phrase::kLanguage, language));
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        const float width = (ColumnWidth() - gap * static_cast<float>(survey.languages.size() - 1)) /
                            static_cast<float>(survey.languages.size());
        bool first = true;
        for (const std::string& offered : survey.languages) {
            if (!first) ImGui::SameLine();
            first = false;
            if (ChoiceTile(frame, "language:" + offered, LanguageName(offered), offered == language, ItemRole::Radio,
                           "language", width)) {
                session.SetLanguage(offered);
            }
        }
    }
    EndColumn();
}

void WelcomeScreen::DrawNotReady(FrameContext& frame) {
    const std::string& language = host_.Session().Language();
    BeginColumn(kColumnEm);
    frame.title = Say(Phrase::kStationNotReady, language);
    frame.announcement = frame.title + ". " + Say(Phrase::kAskStaff, language);
    frame.speech_text = frame.announcement;
    VerticalGap(1.0f);
    Heading(frame, frame.title);
    Paragraph(Say(Phrase::kAskStaff, language));
    EndColumn();
}

void WelcomeScreen::DrawFooter(FrameContext& frame) {
    RespondentSession& session = host_.Session();
    const std::string& language = session.Language();
    BeginColumn(kColumnEm);
    const bool ready = host_.ReadyForRespondents();
    const std::string label = !host_.SurveyAvailable() ? Say(Phrase::kAskStaff, language)
                              : ready                  ? Say(Phrase::kStart, language)
                                                       : Say(Phrase::kGettingReady, language);
    if (BigButton(frame, "start", label, ButtonKind::Primary, ready) && ready) session.Begin(host_.NowMs());
    EndColumn();
}

void ConsentScreen::DrawContent(FrameContext& frame) {
    RespondentSession& session = host_.Session();
    const std::string& language = session.Language();
    BeginColumn(kColumnEm);
    frame.title = Say(Phrase::kConsentQuestion, language);
    frame.announcement = frame.title;
    frame.speech_text = frame.title + " " + Say(Phrase::kConsentYes, language) + ". " + Say(Phrase::kConsentNo, language) + ".";
    DrawRespondentToolbar(frame, host_);
    VerticalGap(1.0f);
    Heading(frame, frame.title);
    Paragraph(Say(Phrase::kCanSkip, language));
    VerticalGap(0.6f);
    if (BigButton(frame, "consent_yes", Say(Phrase::kConsentYes, language))) session.AgreeToTakePart();
    if (BigButton(frame, "consent_no", Say(Phrase::kConsentNo, language), ButtonKind::Secondary)) host_.Decline();
    VerticalGap(0.6f);
    if (BigButton(frame, "back", Say(Phrase::kBack, language), ButtonKind::Secondary, true, HalfWidth())) session.Back();
    EndColumn();
}

void QuestionScreen::DrawContent(FrameContext& frame) {
    RespondentSession& session = host_.Session();
    const Question* question = session.CurrentQuestion();
    if (question == nullptr) return;
    const std::string& language = session.Language();
    const int number = session.CurrentQuestionNumber();
    const int count = session.ShownQuestionCount();
    const std::string progress = Say(Phrase::kQuestionOf, language, number, count);
    frame.title = question->text.In(language);
    frame.announcement = progress + ". " + frame.title;
    frame.speech_text = frame.title;
    if (!question->help.IsEmpty()) frame.speech_text += " " + question->help.In(language);
    for (const Option& option : question->options) frame.speech_text += ". " + option.text.In(language);

    BeginColumn(kColumnEm);
    DrawRespondentToolbar(frame, host_);
    ProgressBar(frame, count > 0 ? static_cast<float>(number) / static_cast<float>(count) : 0.0f, progress);
    VerticalGap(0.2f);
    QuestionHeading(frame, frame.title);
    if (!question->help.IsEmpty()) Paragraph(question->help.In(language), true);
    VerticalGap(0.2f);
    answer_input_.Draw(frame, session);
    EndColumn();
}

int QuestionScreen::FooterRows() const { return 1; }

void QuestionScreen::DrawFooter(FrameContext& frame) {
    RespondentSession& session = host_.Session();
    if (session.CurrentQuestion() == nullptr) return;
    const std::string& language = session.Language();
    BeginColumn(kColumnEm);
    // Back, Skip (optional questions only) and Next share one row, always in reach.
    const bool can_skip = session.CanSkip();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = can_skip ? (ColumnWidth() - 2.0f * spacing) / 3.0f : HalfWidth();
    if (BigButton(frame, "back", Say(Phrase::kBack, language), ButtonKind::Secondary, true, width)) session.Back();
    if (can_skip) {
        ImGui::SameLine();
        if (BigButton(frame, "skip", Say(Phrase::kSkip, language), ButtonKind::Secondary, true, width)) session.Skip();
    }
    ImGui::SameLine();
    if (BigButton(frame, "next", Say(Phrase::kNext, language), ButtonKind::Primary, session.CanGoNext(), width)) {
        session.Next();
    }
    // A screen reader finds the unusable Next and says why.
    if (!session.CanGoNext()) {
        DescribeLastItem(frame, Say(can_skip ? Phrase::kChooseAnswerOrSkip : Phrase::kChooseAnswer, language));
    }
    EndColumn();
}

void CheckScreen::DrawContent(FrameContext& frame) {
    RespondentSession& session = host_.Session();
    const std::string& language = session.Language();
    frame.title = Say(Phrase::kCheckTitle, language);
    frame.announcement = frame.title;
    frame.speech_text = frame.title + ". " + Say(Phrase::kCheckIntro, language);
    BeginColumn(kColumnEm);
    DrawRespondentToolbar(frame, host_);
    Heading(frame, frame.title);
    Paragraph(Say(Phrase::kCheckIntro, language));
    const float em = ImGui::GetFontSize();
    const float change_width = em * 6.0f;
    for (const Question* question : session.ShownQuestions()) {
        ImGui::Separator();
        const Answer* answer = session.AnswerTo(question->id);
        const std::string summary = answer != nullptr ? DescribeAnswer(*question, *answer, language)
                                                      : Say(Phrase::kNotAnswered, language);
        const float text_width = ColumnWidth() - change_width - ImGui::GetStyle().ItemSpacing.x;
        const float row_x = ImGui::GetCursorPosX();
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(row_x + text_width);
        BoldParagraph(frame, question->text.In(language));
        Paragraph(summary, answer == nullptr || answer->IsSkipped());
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::SetCursorPosX(row_x + text_width + ImGui::GetStyle().ItemSpacing.x);
        if (BigButton(frame, "change:" + question->id, Say(Phrase::kChange, language), ButtonKind::Secondary, true,
                      change_width, Say(Phrase::kChange, language) + ": " + question->text.In(language))) {
            session.Change(question->id);
        }
    }
    ImGui::Separator();
    EndColumn();
}

void CheckScreen::DrawFooter(FrameContext& frame) {
    RespondentSession& session = host_.Session();
    const std::string& language = session.Language();
    BeginColumn(kColumnEm);
    if (BigButton(frame, "back", Say(Phrase::kBack, language), ButtonKind::Secondary, true, HalfWidth())) session.Back();
    ImGui::SameLine();
    if (BigButton(frame, "submit", Say(Phrase::kSubmit, language), ButtonKind::Primary, session.CanSubmit(), HalfWidth())) {
        host_.Submit();
    }
    EndColumn();
}

}  // namespace yousaid::ui
