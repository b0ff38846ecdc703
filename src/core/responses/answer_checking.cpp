#include "core/responses/answer_checking.h"

#include <algorithm>
#include <cstddef>
#include <optional>

#include "core/base/text.h"
#include "core/base/utf8.h"

namespace yousaid {

namespace {


std::string Prefix(const Question& question) { return "question " + Quoted(question.id) + ": "; }

std::string DescribeKind(const Question& question) { return std::string(QuestionKindName(question.kind)); }

std::optional<std::string> WrongKind(const Question& question, const Answer& answer) {
    return Prefix(question) + "a " + DescribeKind(question) + " question cannot take an answer of kind " +
           std::string(AnswerKindName(answer.kind));
}

std::optional<std::string> CheckRange(const Question& question, std::int32_t value, const char* what) {
    if (value < question.min_value) {
        return Prefix(question) + what + std::to_string(value) + " is below the minimum " +
               std::to_string(question.min_value);
    }
    if (value > question.max_value) {
        return Prefix(question) + what + std::to_string(value) + " is above the maximum " +
               std::to_string(question.max_value);
    }
    return std::nullopt;
}

}  // namespace

bool CountsAsAnswered(const Answer& answer) { return !answer.IsSkipped(); }

std::optional<std::string> CheckAnswer(const Question& question, const Answer& answer) {
    if (answer.kind == AnswerKind::kSkipped) {
        if (question.required) return Prefix(question) + "this question is required and cannot be skipped";
        return std::nullopt;
    }
    if (answer.kind == AnswerKind::kOption) {
        if (question.kind == QuestionKind::kMultipleChoice) return WrongKind(question, answer);
        const Option* option = question.FindOption(answer.option_id);
        if (!option) return Prefix(question) + Quoted(answer.option_id) + " is not one of its options";
        if (!KindAnswersWithOptions(question.kind) && option->IsSubstantive()) {
            return Prefix(question) + "a " + DescribeKind(question) + " question only takes its non-substantive " +
                   "options as choices, not " + Quoted(answer.option_id);
        }
        return std::nullopt;
    }
    switch (question.kind) {
        case QuestionKind::kMultipleChoice: {
            if (answer.kind != AnswerKind::kOptions) return WrongKind(question, answer);
            if (answer.option_ids.empty()) {
                return Prefix(question) + "no option chosen; record a skip instead of an empty choice";
            }
            for (const auto& option_id : answer.option_ids) {
                const Option* option = question.FindOption(option_id);
                if (!option) return Prefix(question) + Quoted(option_id) + " is not one of its options";
                if (!option->IsSubstantive() && answer.option_ids.size() > 1) {
                    return Prefix(question) + Quoted(option_id) + " cannot be chosen together with other options";
                }
            }
            if (question.max_choices > 0 && answer.option_ids.size() > static_cast<std::size_t>(question.max_choices)) {
                return Prefix(question) + std::to_string(answer.option_ids.size()) +
                       " options chosen, at most " + std::to_string(question.max_choices) + " allowed";
            }
            return std::nullopt;
        }
        case QuestionKind::kRating0To10:
        case QuestionKind::kNumber:
            if (answer.kind != AnswerKind::kInteger) return WrongKind(question, answer);
            return CheckRange(question, answer.value, "");
        case QuestionKind::kShortText: {
            if (answer.kind != AnswerKind::kText) return WrongKind(question, answer);
            // Code points, not bytes: max_length is what the respondent sees as characters;
            // invalid UTF-8 must not reach a CSV file.
            const auto length = CountUtf8CodePoints(answer.text);
            if (!length) return Prefix(question) + "the text is not valid UTF-8";
            if (*length == 0) return Prefix(question) + "the text is empty; record a skip instead";
            if (*length > static_cast<std::size_t>(question.max_length)) {
                return Prefix(question) + "the text has " + std::to_string(*length) + " characters, at most " +
                       std::to_string(question.max_length) + " allowed";
            }
            return std::nullopt;
        }
        case QuestionKind::kBeforeAndNow:
            if (answer.kind != AnswerKind::kBeforeAndNow) return WrongKind(question, answer);
            if (auto problem = CheckRange(question, answer.before, "before: ")) return problem;
            return CheckRange(question, answer.now, "now: ");
        case QuestionKind::kSingleChoice:
        case QuestionKind::kScale1To5:
        case QuestionKind::kYesSometimesNo:
            return WrongKind(question, answer);
    }
    return WrongKind(question, answer);
}

bool ConditionHolds(const Condition& condition, const Question& referenced, const Answer* answer) {
    if (!answer || answer->IsSkipped()) return false;
    if (condition.test == ConditionTest::kAtLeast) {
        switch (answer->kind) {
            case AnswerKind::kOption: {
                if (referenced.kind != QuestionKind::kScale1To5) return false;
                const Option* option = referenced.FindOption(answer->option_id);
                return option && option->value && *option->value >= condition.at_least;
            }
            case AnswerKind::kInteger:
                return answer->value >= condition.at_least;
            case AnswerKind::kBeforeAndNow:
                return answer->now >= condition.at_least;
            case AnswerKind::kSkipped:
            case AnswerKind::kOptions:
            case AnswerKind::kText:
                return false;
        }
        return false;
    }
    const auto listed = [&](const std::string& option_id) {
        return std::find(condition.option_ids.begin(), condition.option_ids.end(), option_id) !=
               condition.option_ids.end();
    };
    if (answer->kind == AnswerKind::kOption) return listed(answer->option_id);
    if (answer->kind == AnswerKind::kOptions) {
        return std::any_of(answer->option_ids.begin(), answer->option_ids.end(), listed);
    }
    return false;
}

namespace {

// Whether each question (by its index in the survey) is shown, given the answers. Flags by
// index rather than a set of ids: every response of a large file is checked.
std::vector<bool> ShownFlags(const Survey& survey, const AnswerMap& answers) {
    std::vector<bool> shown(survey.questions.size(), false);
    for (std::size_t index = 0; index < survey.questions.size(); ++index) {
        const Question& question = survey.questions[index];
        bool visible = true;
        if (question.condition) {
            const Condition& condition = *question.condition;
            const std::optional<std::size_t> referenced = survey.QuestionIndex(condition.question_id);
            const auto answer = answers.find(condition.question_id);
            visible = referenced && shown[*referenced] &&
                      ConditionHolds(condition, survey.questions[*referenced],
                                     answer == answers.end() ? nullptr : &answer->second);
        }
        shown[index] = visible;
    }
    return shown;
}

}  // namespace

std::vector<const Question*> ShownQuestions(const Survey& survey, const AnswerMap& answers) {
    const std::vector<bool> flags = ShownFlags(survey, answers);
    std::vector<const Question*> shown;
    for (std::size_t index = 0; index < survey.questions.size(); ++index) {
        if (flags[index]) shown.push_back(&survey.questions[index]);
    }
    return shown;
}

bool IsQuestionShown(const Survey& survey, const std::string& question_id, const AnswerMap& answers) {
    const auto shown = ShownQuestions(survey, answers);
    return std::any_of(shown.begin(), shown.end(),
                       [&](const Question* question) { return question->id == question_id; });
}

std::vector<std::string> CheckAnswerSet(const Survey& survey, const AnswerMap& answers, Completeness completeness) {
    std::vector<std::string> problems;
    const std::vector<bool> shown = ShownFlags(survey, answers);
    for (const auto& [question_id, answer] : answers) {
        const std::optional<std::size_t> index = survey.QuestionIndex(question_id);
        if (!index) {
            problems.push_back("question " + Quoted(question_id) + ": there is no such question in survey " +
                               Quoted(survey.id));
            continue;
        }
        const Question* question = &survey.questions[*index];
        if (!shown[*index]) {
            // An answer to a hidden question means the respondent went back and changed an
            // earlier answer; keeping it would count an answer to a question nobody asked.
            problems.push_back("question " + Quoted(question_id) +
                               ": has an answer but is not shown (its condition does not hold)");
            continue;
        }
        if (auto problem = CheckAnswer(*question, answer)) problems.push_back(*problem);
    }
    if (completeness == Completeness::kComplete) {
        for (std::size_t index = 0; index < survey.questions.size(); ++index) {
            const Question& question = survey.questions[index];
            if (!shown[index] || !question.required) continue;
            if (answers.find(question.id) == answers.end()) {
                problems.push_back("question " + Quoted(question.id) + ": is required but has no answer");
            }
            // A skip on a required question is already reported by CheckAnswer.
        }
    }
    return problems;
}

std::vector<std::string> CheckResponse(const Survey& survey, const Response& response) {
    std::vector<std::string> problems;
    if (response.survey_id != survey.id || response.survey_version != survey.version) {
        problems.push_back("response is for survey " + Quoted(response.survey_id) + " version " +
                           std::to_string(response.survey_version) + ", not " + Quoted(survey.id) + " version " +
                           std::to_string(survey.version));
        return problems;
    }
    if (response.id.IsNil()) problems.push_back("response has no id");
    // A sealed response's answers are checked when it is opened, with a key.
    if (response.IsSealed()) {
        if (!response.answers.empty() || !response.language.empty()) {
            problems.push_back("a sealed response shows no language or answers");
        }
        return problems;
    }
    if (response.status == ResponseStatus::kRefused) {
        if (!response.answers.empty()) problems.push_back("a refused response cannot hold answers");
        return problems;
    }
    const Completeness completeness =
        response.status == ResponseStatus::kComplete ? Completeness::kComplete : Completeness::kPartial;
    auto answer_problems = CheckAnswerSet(survey, response.answers, completeness);
    problems.insert(problems.end(), answer_problems.begin(), answer_problems.end());
    return problems;
}

}  // namespace yousaid
