#pragma once
// What a respondent sees and what counts as a valid answer. The respondent flow, the
// response store and the importer all use these, so a response file from any tablet is
// judged by the same rules that shaped it.
#include <optional>
#include <string>
#include <vector>

#include "core/responses/answer.h"
#include "core/responses/response.h"
#include "core/survey/survey.h"

namespace yousaid {

// nullopt when `answer` fits `question` (kind, option ids, range, text length);
// otherwise a sentence naming the question, e.g. "question 'age': 130 is above the maximum 18".
std::optional<std::string> CheckAnswer(const Question& question, const Answer& answer);

// Whether `answer` holds the condition's test, given the question it refers to.
// A skip or a missing answer never holds it; neither does a non-substantive option for
// "at_least" (a "don't know" is not a number).
bool ConditionHolds(const Condition& condition, const Question& referenced, const Answer* answer);

// The questions a respondent would see, in order, given the answers so far. A condition
// holds only if the question it looks at is itself shown and answered accordingly, so
// hiding one question also hides everything that depends on it.
std::vector<const Question*> ShownQuestions(const Survey& survey, const AnswerMap& answers);
bool IsQuestionShown(const Survey& survey, const std::string& question_id, const AnswerMap& answers);

// A skip is not an answer; a non-substantive option ("don't know") is.
bool CountsAsAnswered(const Answer& answer);

enum class Completeness {
    kPartial,   // each answer must be valid; unanswered questions are fine
    kComplete,  // also: every shown required question is answered
};

// Every problem with a set of answers: answers to unknown or hidden questions, invalid
// answers, and (for kComplete) required questions left unanswered. Empty when all is well.
std::vector<std::string> CheckAnswerSet(const Survey& survey, const AnswerMap& answers, Completeness completeness);

// CheckAnswerSet for a stored response, plus the response's own fields: the right
// survey and version, and no answers on a refusal. For a sealed response, only the readable
// fields: its answers are checked once it is opened.
std::vector<std::string> CheckResponse(const Survey& survey, const Response& response);

}  // namespace yousaid
