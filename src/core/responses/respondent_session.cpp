#include "core/responses/respondent_session.h"

#include <stdexcept>

#include "core/responses/answer_checking.h"

namespace yousaid {

RespondentSession::RespondentSession(const Survey& survey, SessionSettings settings)
    : survey_(&survey), settings_(std::move(settings)) {
    if (!survey_->HasLanguage(settings_.language)) settings_.language = kEnglish;
}

void RespondentSession::SetLanguage(const std::string& language) {
    if (survey_->HasLanguage(language)) settings_.language = language;
}

void RespondentSession::Begin(std::int64_t now_ms) {
    if (step_ != SessionStep::kWelcome) return;
    started_at_ms_ = now_ms;
    step_ = SessionStep::kConsent;
}

void RespondentSession::AgreeToTakePart() {
    if (step_ != SessionStep::kConsent) return;
    const std::vector<const Question*> shown = ShownQuestions();
    if (shown.empty()) {
        step_ = SessionStep::kCheck;
        return;
    }
    step_ = SessionStep::kQuestion;
    current_question_id_ = shown.front()->id;
}

Response RespondentSession::Decline(std::int64_t now_ms, const RandomBytesFunction& random) {
    answers_.clear();
    Response refusal = MakeResponse(ResponseStatus::kRefused, now_ms, random);
    step_ = SessionStep::kFinished;
    return refusal;
}

std::vector<const Question*> RespondentSession::ShownQuestions() const {
    return yousaid::ShownQuestions(*survey_, answers_);
}

const Question* RespondentSession::CurrentQuestion() const {
    if (step_ != SessionStep::kQuestion) return nullptr;
    return survey_->FindQuestion(current_question_id_);
}

int RespondentSession::CurrentShownIndex() const {
    const std::vector<const Question*> shown = ShownQuestions();
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (shown[i]->id == current_question_id_) return static_cast<int>(i);
    }
    return -1;
}

int RespondentSession::CurrentQuestionNumber() const { return CurrentShownIndex() + 1; }

int RespondentSession::ShownQuestionCount() const { return static_cast<int>(ShownQuestions().size()); }

const Answer* RespondentSession::AnswerTo(const std::string& question_id) const {
    const auto found = answers_.find(question_id);
    return found == answers_.end() ? nullptr : &found->second;
}

std::optional<std::string> RespondentSession::SetAnswer(const Answer& answer) {
    const Question* question = CurrentQuestion();
    if (question == nullptr) return std::string("there is no question on screen");
    if (auto problem = CheckAnswer(*question, answer)) return problem;
    answers_[question->id] = answer;
    DropHiddenAnswers();
    return std::nullopt;
}

void RespondentSession::ClearAnswer() {
    if (const Question* question = CurrentQuestion()) {
        answers_.erase(question->id);
        DropHiddenAnswers();
    }
}

void RespondentSession::DropHiddenAnswers() {
    // Hiding a question hides what depends on it, so repeat until nothing changes.
    bool dropped = true;
    while (dropped) {
        dropped = false;
        for (auto it = answers_.begin(); it != answers_.end();) {
            if (!IsQuestionShown(*survey_, it->first, answers_)) {
                it = answers_.erase(it);
                dropped = true;
            } else {
                ++it;
            }
        }
    }
}

bool RespondentSession::CanGoNext() const {
    const Question* question = CurrentQuestion();
    if (question == nullptr) return false;
    const Answer* answer = AnswerTo(question->id);
    return answer != nullptr && CountsAsAnswered(*answer);
}

bool RespondentSession::CanSkip() const {
    const Question* question = CurrentQuestion();
    return question != nullptr && !question->required;
}

void RespondentSession::GoToShownIndex(int index) {
    const std::vector<const Question*> shown = ShownQuestions();
    if (returning_to_check_ || index >= static_cast<int>(shown.size())) {
        returning_to_check_ = false;
        step_ = SessionStep::kCheck;
        current_question_id_.clear();
        return;
    }
    current_question_id_ = shown[static_cast<std::size_t>(index)]->id;
}

void RespondentSession::Next() {
    if (!CanGoNext()) return;
    GoToShownIndex(CurrentShownIndex() + 1);
}

void RespondentSession::Skip() {
    if (!CanSkip()) return;
    // A skip is recorded, so analytics can tell "saw it and moved on" from "never shown".
    answers_[current_question_id_] = Answer::Skipped();
    DropHiddenAnswers();
    GoToShownIndex(CurrentShownIndex() + 1);
}

void RespondentSession::Back() {
    if (step_ == SessionStep::kCheck) {
        const std::vector<const Question*> shown = ShownQuestions();
        if (shown.empty()) {
            step_ = SessionStep::kConsent;
            return;
        }
        step_ = SessionStep::kQuestion;
        current_question_id_ = shown.back()->id;
        return;
    }
    if (step_ == SessionStep::kConsent) {
        step_ = SessionStep::kWelcome;
        return;
    }
    if (step_ != SessionStep::kQuestion) return;
    returning_to_check_ = false;
    const int index = CurrentShownIndex();
    if (index <= 0) {
        step_ = SessionStep::kConsent;
        return;
    }
    GoToShownIndex(index - 1);
}

void RespondentSession::Change(const std::string& question_id) {
    if (step_ != SessionStep::kCheck || !IsQuestionShown(*survey_, question_id, answers_)) return;
    step_ = SessionStep::kQuestion;
    current_question_id_ = question_id;
    returning_to_check_ = true;
}

void RespondentSession::OpenQuestion(const std::string& question_id) {
    if (survey_->FindQuestion(question_id) == nullptr) return;
    step_ = SessionStep::kQuestion;
    current_question_id_ = question_id;
    returning_to_check_ = false;
}

bool RespondentSession::CanSubmit() const {
    return step_ == SessionStep::kCheck &&
           CheckAnswerSet(*survey_, answers_, Completeness::kComplete).empty();
}

Response RespondentSession::Submit(std::int64_t now_ms, const RandomBytesFunction& random) {
    if (!CanSubmit()) throw std::logic_error("the survey cannot be submitted yet");
    Response response = MakeResponse(ResponseStatus::kComplete, now_ms, random);
    step_ = SessionStep::kFinished;
    return response;
}

Response RespondentSession::PartialResponse(std::int64_t now_ms, const RandomBytesFunction& random) const {
    return MakeResponse(ResponseStatus::kPartial, now_ms, random);
}

Response RespondentSession::MakeResponse(ResponseStatus status, std::int64_t now_ms,
                                         const RandomBytesFunction& random) const {
    Response response;
    response.id = ResponseId::Generate(random);
    response.survey_id = survey_->id;
    response.survey_version = survey_->version;
    response.wave = settings_.wave;
    response.station_id = settings_.station_id;
    response.event_id = settings_.event_id;
    response.started_at_ms = started_at_ms_ != 0 ? started_at_ms_ : now_ms;
    response.submitted_at_ms = now_ms;
    response.status = status;
    response.answer_mode = settings_.answer_mode;
    response.language = settings_.language;
    if (status != ResponseStatus::kRefused) response.answers = answers_;
    return response;
}

}  // namespace yousaid
