// Welcome, consent, one question at a time, and the check of every answer.
#include "ui/respondent_screens.h"

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/interface_text.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

constexpr float kColumnEm = 30.0f;
// The toolbar and the progress line keep to the standard text size: a person who
// chose the largest text needs the room for the question and its answers.
constexpr float kToolbarTextSize = 24.0f;

// Back on the left and the main action on the right, each half the column.
float HalfWidth() { return (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f; }

}  // namespace

void DrawRespondentToolbar(FrameContext& frame, RespondentHost& host, ToolbarButtons shown, const Progress& progress) {
    RespondentSession& session = host.Session();
    const std::string& language = session.Language();
    const std::vector<std::string>& languages = session.GetSurvey().languages;
    const SmallerText smaller(kToolbarTextSize);
    const float em = ImGui::GetFontSize();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float row_x = ImGui::GetCursorPosX();
    const bool speech = host.ReadAloudAvailable();
    const bool settings = shown == ToolbarButtons::kAll;
    const bool switch_language = languages.size() > 1;
    const int buttons = (speech ? 1 : 0) + (settings ? 1 : 0);
    const int in_row = buttons + (switch_language ? 1 : 0);
    // Buttons share the row; on a narrow screen each takes its share of the column.
    const float share = in_row > 0 ? (ColumnWidth() - spacing * static_cast<float>(in_row - 1)) / static_cast<float>(in_row)
                                   : ColumnWidth();
    const float button_width = std::min(em * 8.5f, share);
    const float total = button_width * static_cast<float>(buttons) + spacing * static_cast<float>(std::max(buttons - 1, 0));
    const float row_top = ImGui::GetCursorPosY();
    float language_width = 0.0f;
    std::string names;
    if (switch_language) {
        names = LanguageNames(languages);
        const float wanted = std::max(ImGui::CalcTextSize(names.c_str()).x + em * 1.6f, button_width);
        language_width = std::min(wanted, ColumnWidth() - total - (buttons > 0 ? spacing : 0.0f));
    }
    // The progress line takes the room between the buttons, where there is enough of it.
    const float room = ColumnWidth() - total - language_width - spacing * 2.0f;
    const bool progress_beside = !progress.caption.empty() && room >= em * 7.0f && in_row > 0;
    if (switch_language) {
        // The way to another language comes first, named in every language ("English /
        // Polski"), so someone who cannot read the current one still finds theirs on any screen.
        if (BigButton(frame, "language", names, ButtonKind::Secondary, true, language_width)) {
            const auto current = std::find(languages.begin(), languages.end(), language);
            const auto next = current == languages.end() || current + 1 == languages.end() ? languages.begin() : current + 1;
            session.SetLanguage(*next);
        }
        if (buttons > 0 || progress_beside) ImGui::SameLine();
    }
    if (progress_beside) {
        ImGui::BeginGroup();
        ProgressBar(frame, progress.fraction, progress.caption, room);
        ImGui::EndGroup();
        if (buttons > 0) {
            ImGui::SameLine();
            ImGui::SetCursorPosY(row_top);
        }
    }
    if (buttons > 0) {
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), row_x + ColumnWidth() - total));
        if (speech) {
            if (BigButton(frame, "read_aloud", Say(Phrase::kReadAloud, language), ButtonKind::Secondary, true, button_width)) {
                host.ReadAloud(frame.speech_text);
            }
            if (settings) ImGui::SameLine();
        }
        if (settings && BigButton(frame, "settings", Say(Phrase::kSettings, language), ButtonKind::Secondary, true, button_width)) {
            host.OpenSettings();
        }
    }
    if (!progress.caption.empty() && !progress_beside) ProgressBar(frame, progress.fraction, progress.caption);
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

namespace {

// The section a question belongs to, when it opens it for this person (the first of its
// section among the questions they are shown), so that a heading such as "More about you
// (you can skip these)" comes before the questions it warns of.
struct SectionStart {
    const Section* section = nullptr;
    bool first_in_section = false;
};

SectionStart SectionOf(const RespondentSession& session, const Question& question) {
    SectionStart start;
    start.section = session.GetSurvey().FindSection(question.section_id);
    if (start.section == nullptr) return start;
    const std::vector<const Question*> shown = session.ShownQuestions();
    const int index = session.CurrentQuestionNumber() - 1;
    start.first_in_section = index <= 0 || index > static_cast<int>(shown.size()) ||
                             shown[static_cast<std::size_t>(index - 1)]->section_id != question.section_id;
    return start;
}

}  // namespace

void QuestionScreen::DrawContent(FrameContext& frame) {
    RespondentSession& session = host_.Session();
    const Question* question = session.CurrentQuestion();
    if (question == nullptr) return;
    const std::string& language = session.Language();
    const int number = session.CurrentQuestionNumber();
    const int count = session.ShownQuestionCount();
    const std::string progress = Say(Phrase::kQuestionOf, language, number, count);
    const SectionStart section = SectionOf(session, *question);
    std::string section_words;
    if (section.section != nullptr && section.first_in_section) {
        section_words = section.section->title.In(language) + ". ";
        if (!section.section->introduction.IsEmpty()) section_words += section.section->introduction.In(language) + " ";
    }
    frame.title = question->text.In(language);
    frame.announcement = progress + ". " + section_words + frame.title;
    frame.speech_text = section_words + frame.title;
    if (!question->help.IsEmpty()) frame.speech_text += " " + question->help.In(language);
    for (const Option& option : question->options) frame.speech_text += ". " + option.text.In(language);
    // A tap on the disabled Next is explained until the question changes or is answered.
    if (explaining_question_id_ != question->id || session.CanGoNext()) explaining_question_id_.clear();
    if (!explaining_question_id_.empty()) frame.announcement = WhyNextIsDisabled(session, language);

    BeginColumn(kColumnEm);
    {
        const SmallerText smaller(kToolbarTextSize);
        const float fraction = count > 0 ? static_cast<float>(number) / static_cast<float>(count) : 0.0f;
        DrawRespondentToolbar(frame, host_, ToolbarButtons::kAll, Progress{progress, fraction});
        if (section.section != nullptr) {
            BoldParagraph(frame, section.section->title.In(language));
            if (section.first_in_section && !section.section->introduction.IsEmpty()) {
                Paragraph(section.section->introduction.In(language), true);
            }
        }
    }
    QuestionHeading(frame, frame.title);
    if (!question->help.IsEmpty()) Paragraph(question->help.In(language), true);
    VerticalGap(0.2f);
    const std::size_t first_answer = frame.items.Items().size();
    answer_input_.Draw(frame, session);
    EndColumn();
    if (AnswersBelowTheFold(frame, first_answer)) MoreBelowCue(frame, Say(Phrase::kMoreAnswersBelow, language));
}

bool QuestionScreen::AnswersBelowTheFold(const FrameContext& frame, std::size_t first_answer) {
    const std::vector<InteractiveItem>& items = frame.items.Items();
    const float bottom = ImGui::GetCurrentWindow()->ClipRect.Max.y;
    for (std::size_t i = first_answer; i < items.size(); ++i) {
        const InteractiveItem& item = items[i];
        if (item.role == ItemRole::Text || item.fully_visible) continue;
        if (item.y + item.height > bottom) return true;
    }
    return false;
}

std::string QuestionScreen::WhyNextIsDisabled(const RespondentSession& session, const std::string& language) {
    return Say(session.CanSkip() ? Phrase::kChooseOrSkip : Phrase::kChooseToGoOn, language);
}

int QuestionScreen::FooterRows() const { return explaining_question_id_.empty() ? 1 : 2; }

void QuestionScreen::DrawFooter(FrameContext& frame) {
    RespondentSession& session = host_.Session();
    const Question* question = session.CurrentQuestion();
    if (question == nullptr) return;
    const std::string& language = session.Language();
    BeginColumn(kColumnEm);
    if (session.CanGoNext()) explaining_question_id_.clear();
    if (!explaining_question_id_.empty()) {
        const float line = std::max(frame.theme.min_touch_target, ImGui::GetFontSize() * 2.3f);
        const float top = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(top + (line - ImGui::GetFontSize()) * 0.5f);
        ImGui::PushStyleColor(ImGuiCol_Text, frame.theme.focus_ring);
        BoldParagraph(frame, WhyNextIsDisabled(session, language));
        ImGui::PopStyleColor();
        ImGui::SetCursorPosY(top + line + ImGui::GetStyle().ItemSpacing.y);
    }
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
        DescribeLastItem(frame, WhyNextIsDisabled(session, language));
    }
    if (frame.disabled_tap == "next") explaining_question_id_ = question->id;
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
