// Answers: what fits a question, which questions are shown, and what makes a whole
// answer set valid for a partial or a complete response.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/responses/answer_checking.h"
#include "core/survey/survey_loader.h"

using yousaid::Answer;
using yousaid::AnswerMap;
using yousaid::CheckAnswer;
using yousaid::CheckAnswerSet;
using yousaid::Completeness;
using yousaid::Question;
using yousaid::Survey;

namespace {

// Every kind, with conditions of each test, in one small survey.
const char* const kTestSurvey = R"({
  "id": "answers", "version": 2, "title": "T", "introduction": "I", "languages": ["en"],
  "questions": [
    {"id": "pet", "kind": "single_choice", "text": "Pet?", "required": true,
     "options": [{"id": "cat", "text": "Cat"}, {"id": "dog", "text": "Dog"}, {"id": "fish", "text": "Fish"},
                 {"id": "pnts", "text": "Prefer not to say", "non_substantive": "prefer_not_to_say"}]},
    {"id": "cat_name", "kind": "short_text", "text": "Cat's name?", "max_length": 5,
     "condition": {"question": "pet", "equals": "cat"}},
    {"id": "walks", "kind": "number", "text": "Walks a day?", "min": 0, "max": 6, "required": true,
     "condition": {"question": "pet", "one_of": ["dog", "fish"]},
     "options": [{"id": "dk", "text": "Don't know", "non_substantive": "dont_know"}]},
    {"id": "snacks", "kind": "multiple_choice", "text": "Snacks?", "max_choices": 2,
     "options": [{"id": "fruit", "text": "Fruit"}, {"id": "crisps", "text": "Crisps"}, {"id": "cake", "text": "Cake"},
                 {"id": "pnts", "text": "Prefer not to say", "non_substantive": "prefer_not_to_say"}]},
    {"id": "cake_often", "kind": "yes_sometimes_no", "text": "Cake often?",
     "condition": {"question": "snacks", "equals": "cake"},
     "options": [{"id": "yes", "text": "Yes"}, {"id": "sometimes", "text": "Sometimes"}, {"id": "no", "text": "No"},
                 {"id": "dk", "text": "Don't know", "non_substantive": "dont_know"}]},
    {"id": "mood", "kind": "scale_1_5", "text": "Mood?",
     "options": [{"id": "m1", "text": "1", "value": 1}, {"id": "m2", "text": "2", "value": 2},
                 {"id": "m3", "text": "3", "value": 3}, {"id": "m4", "text": "4", "value": 4},
                 {"id": "m5", "text": "5", "value": 5}, {"id": "dk", "text": "?", "non_substantive": "dont_know"}]},
    {"id": "why_good_mood", "kind": "short_text", "text": "Why?", "max_length": 50,
     "condition": {"question": "mood", "at_least": 4}},
    {"id": "happiness", "kind": "rating_0_10", "text": "Happy?", "positive_at_least": 7,
     "options": [{"id": "dk", "text": "Don't know", "non_substantive": "dont_know"}]},
    {"id": "what_helps", "kind": "short_text", "text": "What helps?", "max_length": 50,
     "condition": {"question": "happiness", "at_least": 8}},
    {"id": "understanding", "kind": "before_and_now", "text": "Understanding?",
     "before_label": "Before", "now_label": "Now"},
    {"id": "tell_more", "kind": "short_text", "text": "Tell us more", "max_length": 50,
     "condition": {"question": "understanding", "at_least": 7}}
  ]})";

Survey TestSurvey() {
    const auto result = yousaid::SurveyLoader::LoadFromText(kTestSurvey, "answers.json");
    REQUIRE_MESSAGE(result.Ok(), result.ProblemsText());
    return *result.survey;
}

const Question& QuestionOf(const Survey& survey, const std::string& id) {
    const Question* question = survey.FindQuestion(id);
    REQUIRE(question != nullptr);
    return *question;
}

bool Contains(const std::vector<std::string>& problems, const std::string& part) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& problem) { return problem.find(part) != std::string::npos; });
}

std::vector<std::string> ShownIds(const Survey& survey, const AnswerMap& answers) {
    std::vector<std::string> ids;
    for (const Question* question : yousaid::ShownQuestions(survey, answers)) ids.push_back(question->id);
    return ids;
}

}  // namespace

TEST_CASE("survey: answers must match the question's kind") {
    const Survey survey = TestSurvey();
    const auto wrong = CheckAnswer(QuestionOf(survey, "pet"), Answer::Integer(3));
    REQUIRE(wrong.has_value());
    CHECK(*wrong == "question 'pet': a single_choice question cannot take an answer of kind integer");
    CHECK(CheckAnswer(QuestionOf(survey, "snacks"), Answer::Choice("fruit")).has_value());
    CHECK(CheckAnswer(QuestionOf(survey, "happiness"), Answer::Text("7")).has_value());
    CHECK(CheckAnswer(QuestionOf(survey, "understanding"), Answer::Integer(5)).has_value());
    CHECK(CheckAnswer(QuestionOf(survey, "cat_name"), Answer::BeforeAndNow(1, 2)).has_value());
    CHECK(CheckAnswer(QuestionOf(survey, "mood"), Answer::Choices({"m1"})).has_value());
}

TEST_CASE("survey: answers to option questions must name an existing option") {
    const Survey survey = TestSurvey();
    CHECK_FALSE(CheckAnswer(QuestionOf(survey, "pet"), Answer::Choice("dog")).has_value());
    const auto unknown = CheckAnswer(QuestionOf(survey, "pet"), Answer::Choice("hamster"));
    REQUIRE(unknown.has_value());
    CHECK(*unknown == "question 'pet': 'hamster' is not one of its options");
    CHECK(CheckAnswer(QuestionOf(survey, "snacks"), Answer::Choices({"fruit", "sweets"})).has_value());
    CHECK_FALSE(CheckAnswer(QuestionOf(survey, "mood"), Answer::Choice("m5")).has_value());
    CHECK_FALSE(CheckAnswer(QuestionOf(survey, "cake_often"), Answer::Choice("sometimes")).has_value());
}

TEST_CASE("survey: multiple choice keeps non-substantive options alone and respects max_choices") {
    const Survey survey = TestSurvey();
    const Question& snacks = QuestionOf(survey, "snacks");
    CHECK_FALSE(CheckAnswer(snacks, Answer::Choices({"fruit", "cake"})).has_value());
    CHECK_FALSE(CheckAnswer(snacks, Answer::Choices({"pnts"})).has_value());
    const auto combined = CheckAnswer(snacks, Answer::Choices({"fruit", "pnts"}));
    REQUIRE(combined.has_value());
    CHECK(combined->find("cannot be chosen together") != std::string::npos);
    const auto too_many = CheckAnswer(snacks, Answer::Choices({"fruit", "crisps", "cake"}));
    REQUIRE(too_many.has_value());
    CHECK(too_many->find("at most 2") != std::string::npos);
    CHECK(CheckAnswer(snacks, Answer::Choices({})).has_value());
}

TEST_CASE("survey: numeric answers must be in range") {
    const Survey survey = TestSurvey();
    const Question& happiness = QuestionOf(survey, "happiness");
    CHECK_FALSE(CheckAnswer(happiness, Answer::Integer(0)).has_value());
    CHECK_FALSE(CheckAnswer(happiness, Answer::Integer(10)).has_value());
    const auto above = CheckAnswer(happiness, Answer::Integer(11));
    REQUIRE(above.has_value());
    CHECK(*above == "question 'happiness': 11 is above the maximum 10");
    CHECK(CheckAnswer(happiness, Answer::Integer(-1)).has_value());

    const Question& walks = QuestionOf(survey, "walks");
    CHECK_FALSE(CheckAnswer(walks, Answer::Integer(6)).has_value());
    CHECK(CheckAnswer(walks, Answer::Integer(7)).has_value());

    const Question& understanding = QuestionOf(survey, "understanding");
    CHECK_FALSE(CheckAnswer(understanding, Answer::BeforeAndNow(2, 8)).has_value());
    const auto bad_now = CheckAnswer(understanding, Answer::BeforeAndNow(2, 12));
    REQUIRE(bad_now.has_value());
    CHECK(bad_now->find("now: 12 is above the maximum 10") != std::string::npos);
}

TEST_CASE("survey: non-numeric kinds take their non-substantive options, and only those") {
    const Survey survey = TestSurvey();
    CHECK_FALSE(CheckAnswer(QuestionOf(survey, "happiness"), Answer::Choice("dk")).has_value());
    CHECK_FALSE(CheckAnswer(QuestionOf(survey, "walks"), Answer::Choice("dk")).has_value());
    CHECK(CheckAnswer(QuestionOf(survey, "happiness"), Answer::Choice("m1")).has_value());
    CHECK(CheckAnswer(QuestionOf(survey, "understanding"), Answer::Choice("dk")).has_value());
}

TEST_CASE("survey: text answers are limited in characters, not bytes") {
    const Survey survey = TestSurvey();
    const Question& cat_name = QuestionOf(survey, "cat_name");
    CHECK_FALSE(CheckAnswer(cat_name, Answer::Text("Tiddl")).has_value());
    CHECK_FALSE(CheckAnswer(cat_name, Answer::Text("Łatka")).has_value());  // 5 characters, 6 bytes
    const auto too_long = CheckAnswer(cat_name, Answer::Text("Tiddles"));
    REQUIRE(too_long.has_value());
    CHECK(too_long->find("7 characters, at most 5") != std::string::npos);
    CHECK(CheckAnswer(cat_name, Answer::Text("")).has_value());
    CHECK(CheckAnswer(cat_name, Answer::Text("\xC3")).has_value());  // cut-off UTF-8
}

TEST_CASE("survey: a skip is allowed only on optional questions") {
    const Survey survey = TestSurvey();
    CHECK_FALSE(CheckAnswer(QuestionOf(survey, "snacks"), Answer::Skipped()).has_value());
    const auto required = CheckAnswer(QuestionOf(survey, "pet"), Answer::Skipped());
    REQUIRE(required.has_value());
    CHECK(required->find("required and cannot be skipped") != std::string::npos);
}

TEST_CASE("survey: conditions with equals, one_of and at_least") {
    const Survey survey = TestSurvey();
    AnswerMap answers;
    CHECK(ShownIds(survey, answers) ==
          std::vector<std::string>{"pet", "snacks", "mood", "happiness", "understanding"});

    answers["pet"] = Answer::Choice("cat");
    CHECK(yousaid::IsQuestionShown(survey, "cat_name", answers));
    CHECK_FALSE(yousaid::IsQuestionShown(survey, "walks", answers));
    answers["pet"] = Answer::Choice("fish");
    CHECK_FALSE(yousaid::IsQuestionShown(survey, "cat_name", answers));
    CHECK(yousaid::IsQuestionShown(survey, "walks", answers));
    answers["pet"] = Answer::Choice("pnts");
    CHECK_FALSE(yousaid::IsQuestionShown(survey, "walks", answers));

    // equals on a multiple choice answer means "includes".
    answers["snacks"] = Answer::Choices({"fruit", "cake"});
    CHECK(yousaid::IsQuestionShown(survey, "cake_often", answers));
    answers["snacks"] = Answer::Choices({"fruit"});
    CHECK_FALSE(yousaid::IsQuestionShown(survey, "cake_often", answers));

    // at_least on a scale compares the option's value, not its position.
    answers["mood"] = Answer::Choice("m3");
    CHECK_FALSE(yousaid::IsQuestionShown(survey, "why_good_mood", answers));
    answers["mood"] = Answer::Choice("m4");
    CHECK(yousaid::IsQuestionShown(survey, "why_good_mood", answers));
    answers["mood"] = Answer::Choice("dk");  // "don't know" is not a number
    CHECK_FALSE(yousaid::IsQuestionShown(survey, "why_good_mood", answers));

    answers["happiness"] = Answer::Integer(7);
    CHECK_FALSE(yousaid::IsQuestionShown(survey, "what_helps", answers));
    answers["happiness"] = Answer::Integer(8);
    CHECK(yousaid::IsQuestionShown(survey, "what_helps", answers));
    answers["happiness"] = Answer::Skipped();
    CHECK_FALSE(yousaid::IsQuestionShown(survey, "what_helps", answers));

    // at_least on before-and-now looks at "now".
    answers["understanding"] = Answer::BeforeAndNow(9, 3);
    CHECK_FALSE(yousaid::IsQuestionShown(survey, "tell_more", answers));
    answers["understanding"] = Answer::BeforeAndNow(2, 7);
    CHECK(yousaid::IsQuestionShown(survey, "tell_more", answers));

    CHECK_FALSE(yousaid::IsQuestionShown(survey, "no_such_question", answers));
}

TEST_CASE("survey: shown questions come in survey order and hiding cascades") {
    const Survey survey = TestSurvey();
    AnswerMap answers;
    answers["pet"] = Answer::Choice("cat");
    answers["snacks"] = Answer::Choices({"cake"});
    answers["mood"] = Answer::Choice("m5");
    answers["happiness"] = Answer::Integer(9);
    answers["understanding"] = Answer::BeforeAndNow(1, 8);
    CHECK(ShownIds(survey, answers) ==
          std::vector<std::string>{"pet", "cat_name", "snacks", "cake_often", "mood", "why_good_mood", "happiness",
                                   "what_helps", "understanding", "tell_more"});

    // A question that is itself hidden cannot make another one show, whatever its stale answer.
    const auto cascade = yousaid::SurveyLoader::LoadFromText(R"({"id": "c", "version": 1, "title": "T",
        "introduction": "I", "languages": ["en"], "questions": [
        {"id": "a", "kind": "single_choice", "text": "A", "options": [{"id": "y", "text": "Y"}, {"id": "n", "text": "N"}]},
        {"id": "b", "kind": "single_choice", "text": "B", "condition": {"question": "a", "equals": "y"},
         "options": [{"id": "y", "text": "Y"}, {"id": "n", "text": "N"}]},
        {"id": "c", "kind": "short_text", "text": "C", "max_length": 9, "condition": {"question": "b", "equals": "y"}}]})",
                                                             "cascade.json");
    REQUIRE(cascade.Ok());
    AnswerMap stale{{"a", Answer::Choice("n")}, {"b", Answer::Choice("y")}};
    CHECK(ShownIds(*cascade.survey, stale) == std::vector<std::string>{"a"});
}

TEST_CASE("survey: answer sets reject answers to hidden and unknown questions") {
    const Survey survey = TestSurvey();
    AnswerMap answers{{"pet", Answer::Choice("dog")}, {"walks", Answer::Integer(2)},
                      {"cat_name", Answer::Text("Tom")}, {"colour", Answer::Choice("red")}};
    const auto problems = CheckAnswerSet(survey, answers, Completeness::kPartial);
    CHECK(problems.size() == 2);
    CHECK(Contains(problems, "question 'cat_name': has an answer but is not shown"));
    CHECK(Contains(problems, "question 'colour': there is no such question"));
}

TEST_CASE("survey: a complete answer set needs every shown required question answered") {
    const Survey survey = TestSurvey();
    AnswerMap answers{{"pet", Answer::Choice("dog")}};
    CHECK(CheckAnswerSet(survey, answers, Completeness::kPartial).empty());
    const auto missing = CheckAnswerSet(survey, answers, Completeness::kComplete);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == "question 'walks': is required but has no answer");

    // A "don't know" counts as answered; a skip does not.
    answers["walks"] = Answer::Choice("dk");
    CHECK(CheckAnswerSet(survey, answers, Completeness::kComplete).empty());
    answers["walks"] = Answer::Skipped();
    CHECK(Contains(CheckAnswerSet(survey, answers, Completeness::kComplete), "cannot be skipped"));

    // Required questions that are hidden are not needed; optional ones may be skipped.
    AnswerMap cat{{"pet", Answer::Choice("cat")}, {"snacks", Answer::Skipped()}, {"happiness", Answer::Integer(4)}};
    CHECK(CheckAnswerSet(survey, cat, Completeness::kComplete).empty());
    CHECK(CheckAnswerSet(survey, AnswerMap{}, Completeness::kComplete) ==
          std::vector<std::string>{"question 'pet': is required but has no answer"});

    // Invalid answers are reported for partial responses too.
    AnswerMap invalid{{"pet", Answer::Choice("cat")}, {"happiness", Answer::Integer(42)}};
    CHECK(Contains(CheckAnswerSet(survey, invalid, Completeness::kPartial), "42 is above the maximum 10"));
}

TEST_CASE("survey: the shipped parent carer survey asks about the Local Offer's use only if it is known") {
    const auto loaded = yousaid::SurveyLoader::LoadFromFile(std::string(YOUSAID_SOURCE_DIR) +
                                                            "/assets/surveys/parent_carer.json");
    REQUIRE(loaded.Ok());
    const Survey& survey = *loaded.survey;
    AnswerMap answers{{"send_status", Answer::Choice("sen_support")}, {"phase", Answer::Choice("primary")},
                      {"local_offer_known", Answer::Choice("no")}};
    CHECK_FALSE(yousaid::IsQuestionShown(survey, "local_offer_useful", answers));
    CHECK_FALSE(yousaid::IsQuestionShown(survey, "annual_review_involved", answers));
    answers["local_offer_known"] = Answer::Choice("yes");
    answers["local_offer_useful"] = Answer::Choice("sometimes");
    answers["graduated_response_understanding"] = Answer::BeforeAndNow(2, 8);
    answers["what_would_make_things_better"] = Answer::Text("Odpowiedzi na e-maile w terminie.");
    CHECK(yousaid::IsQuestionShown(survey, "local_offer_useful", answers));
    CHECK(CheckAnswerSet(survey, answers, Completeness::kComplete).empty());
    // The welcome screen promises that any question can be skipped, screening ones included.
    answers["send_status"] = Answer::Skipped();
    CHECK(CheckAnswerSet(survey, answers, Completeness::kComplete).empty());
}
