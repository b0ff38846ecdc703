#pragma once
// One person's way through a survey on a shared tablet: welcome, agreement to take part,
// one question at a time (following the survey's conditions), a check of every answer,
// submit. The UI draws whatever step this says; all the rules live here so they are tested
// without a screen.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/responses/answer.h"
#include "core/responses/response.h"
#include "core/survey/survey.h"

namespace yousaid {

struct SessionSettings {
    std::string wave;
    std::string station_id;
    std::string event_id;
    AnswerMode answer_mode = AnswerMode::kSelf;
    std::string language = kEnglish;
};

enum class SessionStep {
    kWelcome,   // what the survey is for, who sees the answers, "this is not a test"
    kConsent,   // a yes/no agreement to take part
    kQuestion,  // one question
    kCheck,     // every answer listed, each with a way to change it
    kFinished,  // submitted (or declined): the UI shows thank-you and signposting
};

class RespondentSession {
public:
    RespondentSession(const Survey& survey, SessionSettings settings);

    const Survey& GetSurvey() const { return *survey_; }
    const SessionSettings& Settings() const { return settings_; }
    SessionStep Step() const { return step_; }
    const std::string& Language() const { return settings_.language; }
    void SetLanguage(const std::string& language);

    // Welcome -> consent; the clock for "started at" starts here.
    void Begin(std::int64_t now_ms);
    // Consent -> the first shown question (or the check screen for an empty survey).
    void AgreeToTakePart();
    // Consent declined: a refusal with no answers, for the station to count. Session ends.
    Response Decline(std::int64_t now_ms, const RandomBytesFunction& random);

    // The question on screen (kQuestion only), its 1-based number among the questions this
    // person will be shown, and how many that is: "question 4 of 12".
    const Question* CurrentQuestion() const;
    int CurrentQuestionNumber() const;
    int ShownQuestionCount() const;
    const Answer* AnswerTo(const std::string& question_id) const;
    const AnswerMap& Answers() const { return answers_; }
    std::vector<const Question*> ShownQuestions() const;

    // Records an answer to the current question after checking it; nullopt when accepted,
    // otherwise the reason. Answers to questions that this hides are dropped.
    std::optional<std::string> SetAnswer(const Answer& answer);
    // Removes the answer to the current question (e.g. a toggle turned off again).
    void ClearAnswer();

    // Next is allowed once the current question is answered; Skip only on optional ones.
    bool CanGoNext() const;
    bool CanSkip() const;
    void Next();
    void Skip();
    // To the previous shown question, or back to the consent step from the first one.
    void Back();
    // From the check screen: open a question; Next then returns to the check screen.
    void Change(const std::string& question_id);
    // Goes straight to any question of the survey, shown to this person or not, with no
    // answers given: how a layout test opens every question without answering its way there.
    void OpenQuestion(const std::string& question_id);

    bool CanSubmit() const;
    // Check -> finished, returning the complete response to store.
    Response Submit(std::int64_t now_ms, const RandomBytesFunction& random);
    // What the person has given so far, as a partial response (for an idle timeout).
    bool HasStarted() const { return step_ == SessionStep::kQuestion || step_ == SessionStep::kCheck; }
    Response PartialResponse(std::int64_t now_ms, const RandomBytesFunction& random) const;

private:
    Response MakeResponse(ResponseStatus status, std::int64_t now_ms, const RandomBytesFunction& random) const;
    void DropHiddenAnswers();
    void GoToShownIndex(int index);
    int CurrentShownIndex() const;

    const Survey* survey_;
    SessionSettings settings_;
    SessionStep step_ = SessionStep::kWelcome;
    std::string current_question_id_;
    bool returning_to_check_ = false;
    std::int64_t started_at_ms_ = 0;
    AnswerMap answers_;
};

}  // namespace yousaid
