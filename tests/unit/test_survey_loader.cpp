// Survey files: the shipped surveys load cleanly, and every kind of mistake a survey
// designer can make is reported with the file name and its JSON path.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <cereal/archives/portable_binary.hpp>

#include "core/survey/survey_loader.h"

using yousaid::NonSubstantive;
using yousaid::Question;
using yousaid::QuestionKind;
using yousaid::QuestionRole;
using yousaid::Survey;
using yousaid::SurveyLoader;
using yousaid::SurveyLoadResult;

namespace {

std::string SurveyPath(const std::string& name) {
    return std::string(YOUSAID_SOURCE_DIR) + "/assets/surveys/" + name;
}

SurveyLoadResult Load(const std::string& json) { return SurveyLoader::LoadFromText(json, "test.json"); }

// True if some problem sits at exactly `path` and its message contains `message_part`.
bool HasProblem(const SurveyLoadResult& result, const std::string& path, const std::string& message_part) {
    return std::any_of(result.problems.begin(), result.problems.end(), [&](const yousaid::Problem& problem) {
        return problem.path == path && problem.message.find(message_part) != std::string::npos;
    });
}

// A small valid survey; each test breaks one thing in it.
std::string SurveyWithQuestions(const std::string& questions, const std::string& languages = R"(["en"])") {
    return R"({"id": "test", "version": 1, "title": "Test", "introduction": "Intro", "languages": )" + languages +
           R"(, "questions": [)" + questions + "]}";
}

const std::string kChoiceQuestion =
    R"({"id": "colour", "kind": "single_choice", "text": "Colour?",
        "options": [{"id": "red", "text": "Red"}, {"id": "blue", "text": "Blue"}]})";

}  // namespace

TEST_CASE("survey: each shipped survey loads with zero problems") {
    for (const char* name : {"pledge.json", "parent_carer.json", "pupil.json"}) {
        CAPTURE(name);
        const SurveyLoadResult result = SurveyLoader::LoadFromFile(SurveyPath(name));
        CHECK_MESSAGE(result.problems.empty(), result.ProblemsText());
        REQUIRE(result.Ok());
        const Survey& survey = *result.survey;
        CHECK(survey.version == 1);
        CHECK(survey.id + ".json" == name);
        CHECK(survey.questions.size() >= 12);
        CHECK(survey.questions.size() <= 30);
        CHECK(survey.HasLanguage("en"));

        std::set<std::string> dimensions;
        std::size_t conditions = 0;
        for (const Question& question : survey.questions) {
            CAPTURE(question.id);
            if (question.condition) ++conditions;
            if (question.role == QuestionRole::kDemographic) {
                dimensions.insert(question.dimension);
                const bool has_prefer_not_to_say =
                    std::any_of(question.options.begin(), question.options.end(), [](const yousaid::Option& option) {
                        return option.non_substantive == NonSubstantive::kPreferNotToSay;
                    });
                CHECK(has_prefer_not_to_say);
                CHECK_FALSE(question.dimension.empty());
            } else if (question.kind != QuestionKind::kShortText) {
                CHECK_FALSE(question.theme.empty());
            }
            if (question.kind == QuestionKind::kScale1To5 || question.kind == QuestionKind::kYesSometimesNo) {
                CHECK_FALSE(question.positive_option_ids.empty());
            }
        }
        CHECK(conditions >= 1);
        CHECK(dimensions.count("care_status") == 1);
    }
}

TEST_CASE("survey: shipped surveys carry the breakdown dimensions analytics needs") {
    const auto dimensions_of = [](const char* name) {
        std::set<std::string> dimensions;
        const auto result = SurveyLoader::LoadFromFile(SurveyPath(name));
        REQUIRE(result.Ok());
        for (const auto& question : result.survey->questions) {
            if (question.role == QuestionRole::kDemographic) dimensions.insert(question.dimension);
        }
        return dimensions;
    };
    const auto pledge = dimensions_of("pledge.json");
    CHECK(pledge.count("age_band") == 1);
    const auto parent = dimensions_of("parent_carer.json");
    for (const char* dimension : {"send_status", "phase", "school", "age_band"}) CHECK(parent.count(dimension) == 1);
    const auto pupil = dimensions_of("pupil.json");
    for (const char* dimension : {"year_group", "school", "phase", "send_status", "age"}) {
        CHECK(pupil.count(dimension) == 1);
    }
}

TEST_CASE("survey: the parent carer survey is fully translated into Polish") {
    const auto result = SurveyLoader::LoadFromFile(SurveyPath("parent_carer.json"));
    REQUIRE(result.Ok());
    CHECK(result.survey->languages == std::vector<std::string>{"en", "pl"});
    const auto missing = yousaid::FindMissingTranslations(*result.survey, "pl");
    std::string listed;
    for (const auto& where : missing) listed += where + "\n";
    CHECK_MESSAGE(missing.empty(), listed);
    const Question* school = result.survey->FindQuestion("school_send_support");
    REQUIRE(school != nullptr);
    CHECK(school->text.In("pl").find("zadowoleni") != std::string::npos);
    // A language with no translation falls back to English rather than showing nothing.
    CHECK(school->text.In("cy") == school->text.English());
}

TEST_CASE("survey: a valid file becomes a survey with options, positives and conditions") {
    const auto result = Load(SurveyWithQuestions(kChoiceQuestion + "," + R"(
        {"id": "how_happy", "kind": "scale_1_5", "text": "Happy?", "theme": "happiness",
         "options": [{"id": "v1", "text": "1", "value": 1}, {"id": "v2", "text": "2", "value": 2},
                     {"id": "v3", "text": "3", "value": 3}, {"id": "v4", "text": "4", "value": 4},
                     {"id": "v5", "text": "5", "value": 5},
                     {"id": "dk", "text": "Don't know", "non_substantive": "dont_know"}],
         "condition": {"question": "colour", "one_of": ["red", "blue"]}})"));
    REQUIRE_MESSAGE(result.Ok(), result.ProblemsText());
    const Question* scale = result.survey->FindQuestion("how_happy");
    REQUIRE(scale != nullptr);
    CHECK(scale->kind == QuestionKind::kScale1To5);
    CHECK(scale->positive_option_ids == std::set<std::string>{"v4", "v5"});  // top two boxes by default
    CHECK(scale->FindOption("dk")->non_substantive == NonSubstantive::kDontKnow);
    REQUIRE(scale->condition.has_value());
    CHECK(scale->condition->option_ids == std::vector<std::string>{"red", "blue"});
    CHECK(scale->theme == "happiness");
}

TEST_CASE("survey: the problem text names the file and the JSON path") {
    std::string questions;
    for (int index = 0; index < 4; ++index) {
        questions += R"({"id": "q)" + std::to_string(index) + R"(", "kind": "short_text", "text": "T", "max_length": 10},)";
    }
    questions += R"({"id": "q4", "kind": "single_choice", "text": "T",
                     "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c", "text": {"pl": "C"}}]})";
    const auto result = SurveyLoader::LoadFromText(SurveyWithQuestions(questions, R"(["en", "pl"])"), "pupil.json");
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].ToString() == "pupil.json: questions[4].options[2].text: missing English text");
    CHECK_FALSE(result.Ok());
}

TEST_CASE("survey: unknown kind is reported") {
    const auto result = Load(SurveyWithQuestions(R"({"id": "q", "kind": "slider", "text": "T"})"));
    CHECK(HasProblem(result, "questions[0].kind", "unknown kind 'slider'"));
}

TEST_CASE("survey: duplicate question ids are reported") {
    const auto result = Load(SurveyWithQuestions(kChoiceQuestion + "," + kChoiceQuestion));
    CHECK(HasProblem(result, "questions[1].id", "duplicate question id 'colour' (first used at questions[0])"));
}

TEST_CASE("survey: duplicate option ids are reported") {
    const auto result = Load(SurveyWithQuestions(R"({"id": "q", "kind": "single_choice", "text": "T",
        "options": [{"id": "a", "text": "A"}, {"id": "a", "text": "Also A"}]})"));
    CHECK(HasProblem(result, "questions[0].options[1].id", "duplicate option id 'a'"));
}

TEST_CASE("survey: a condition on a later, missing or own question is reported") {
    const auto later = Load(SurveyWithQuestions(R"({"id": "first", "kind": "short_text", "text": "T", "max_length": 5,
        "condition": {"question": "colour", "equals": "red"}},)" + kChoiceQuestion));
    CHECK(HasProblem(later, "questions[0].condition.question", "comes later (questions[1])"));

    const auto missing = Load(SurveyWithQuestions(kChoiceQuestion + R"(, {"id": "q", "kind": "short_text", "text": "T",
        "max_length": 5, "condition": {"question": "flavour", "equals": "red"}})"));
    CHECK(HasProblem(missing, "questions[1].condition.question", "'flavour', which does not exist"));

    const auto itself = Load(SurveyWithQuestions(R"({"id": "q", "kind": "single_choice", "text": "T",
        "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}], "condition": {"question": "q", "equals": "a"}})"));
    CHECK(HasProblem(itself, "questions[0].condition.question", "itself"));
}

TEST_CASE("survey: a condition value that is not an option of that question is reported") {
    const auto equals = Load(SurveyWithQuestions(kChoiceQuestion + R"(, {"id": "q", "kind": "short_text", "text": "T",
        "max_length": 5, "condition": {"question": "colour", "equals": "green"}})"));
    CHECK(HasProblem(equals, "questions[1].condition.equals", "'green' is not an option of question 'colour'"));

    const auto one_of = Load(SurveyWithQuestions(kChoiceQuestion + R"(, {"id": "q", "kind": "short_text", "text": "T",
        "max_length": 5, "condition": {"question": "colour", "one_of": ["red", "pink"]}})"));
    CHECK(HasProblem(one_of, "questions[1].condition.one_of[1]", "'pink' is not an option"));
    CHECK_FALSE(HasProblem(one_of, "questions[1].condition.one_of[0]", ""));

    const auto at_least_on_choice = Load(SurveyWithQuestions(kChoiceQuestion + R"(, {"id": "q", "kind": "short_text",
        "text": "T", "max_length": 5, "condition": {"question": "colour", "at_least": 3}})"));
    CHECK(HasProblem(at_least_on_choice, "questions[1].condition.at_least", "has no number to compare"));

    const auto out_of_range = Load(SurveyWithQuestions(R"({"id": "r", "kind": "rating_0_10", "text": "T"},
        {"id": "q", "kind": "short_text", "text": "T", "max_length": 5, "condition": {"question": "r", "at_least": 11}})"));
    CHECK(HasProblem(out_of_range, "questions[1].condition.at_least", "outside the range 0..10"));

    const auto two_tests = Load(SurveyWithQuestions(kChoiceQuestion + R"(, {"id": "q", "kind": "short_text", "text": "T",
        "max_length": 5, "condition": {"question": "colour", "equals": "red", "at_least": 1}})"));
    CHECK(HasProblem(two_tests, "questions[1].condition", "exactly one of"));
}

TEST_CASE("survey: a positive option that does not exist is reported") {
    const auto result = Load(SurveyWithQuestions(R"({"id": "q", "kind": "single_choice", "text": "T",
        "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"},
                    {"id": "dk", "text": "Don't know", "non_substantive": "dont_know"}],
        "positive": ["a", "c", "dk"]})"));
    CHECK(HasProblem(result, "questions[0].positive[1]", "positive option 'c' does not exist"));
    CHECK(HasProblem(result, "questions[0].positive[2]", "cannot count as positive"));
    CHECK_FALSE(HasProblem(result, "questions[0].positive[0]", ""));
}

TEST_CASE("survey: missing English text is reported, whether absent, empty or untranslated") {
    const auto result = Load(SurveyWithQuestions(R"({"id": "q", "kind": "short_text", "max_length": 5},
        {"id": "r", "kind": "short_text", "max_length": 5, "text": ""},
        {"id": "s", "kind": "short_text", "max_length": 5, "text": {"pl": "Pytanie"}})",
                                                 R"(["en", "pl"])"));
    CHECK(HasProblem(result, "questions[0].text", "missing English text"));
    CHECK(HasProblem(result, "questions[1].text", "English text is empty"));
    CHECK(HasProblem(result, "questions[2].text", "missing English text"));
}

TEST_CASE("survey: a translation language not declared is reported") {
    const auto result = Load(SurveyWithQuestions(
        R"({"id": "q", "kind": "short_text", "max_length": 5, "text": {"en": "Question", "de": "Frage"}})"));
    CHECK(HasProblem(result, "questions[0].text.de", "translation language 'de' is not declared in languages"));

    const auto no_english = Load(R"({"id": "t", "version": 1, "title": "T", "introduction": "I", "languages": ["pl"],
        "questions": [{"id": "q", "kind": "short_text", "max_length": 5, "text": "Q"}]})");
    CHECK(HasProblem(no_english, "languages", "must include \"en\""));
}

TEST_CASE("survey: wrong JSON types are reported") {
    const auto result = Load(R"({"id": 7, "version": "1", "title": ["T"], "introduction": "I", "languages": "en",
        "questions": [{"id": "q", "kind": "single_choice", "text": "T", "required": "yes", "options": 3},
                      {"id": "n", "kind": "number", "text": "N", "min": 0, "max": 1.5}, "not a question"]})");
    CHECK(HasProblem(result, "id", "must be a string (found a number)"));
    CHECK(HasProblem(result, "version", "must be a whole number (found a string)"));
    CHECK(HasProblem(result, "title", "must be a string or an object of translations"));
    CHECK(HasProblem(result, "languages", "must be a list (found a string)"));
    CHECK(HasProblem(result, "questions[0].required", "must be true or false"));
    CHECK(HasProblem(result, "questions[0].options", "must be a list of options or the name of an option set"));
    CHECK(HasProblem(result, "questions[1].max", "must be a whole number (found a number)"));
    CHECK(HasProblem(result, "questions[2]", "must be an object (found a string)"));
    CHECK_FALSE(result.Ok());
}

TEST_CASE("survey: the loader reports several problems at once and never half-loads") {
    const auto result = Load(R"({"id": "Bad Id", "version": 0, "title": "T", "introduction": "I", "languages": ["en"],
        "questions": [
          {"id": "q", "kind": "dial", "text": "T"},
          {"id": "q", "kind": "single_choice", "text": "T", "requried": true,
           "options": [{"id": "a", "text": "A"}, {"id": "a", "text": "B"}]},
          {"id": "z", "kind": "rating_0_10", "text": "T", "condition": {"question": "later", "equals": "x"}}
        ]})");
    CHECK_FALSE(result.Ok());
    CHECK_FALSE(result.survey.has_value());
    CHECK(HasProblem(result, "id", "'Bad Id'"));
    CHECK(HasProblem(result, "version", "must be 1 or more"));
    CHECK(HasProblem(result, "questions[0].kind", "unknown kind"));
    CHECK(HasProblem(result, "questions[1].id", "duplicate question id"));
    CHECK(HasProblem(result, "questions[1].requried", "unknown field"));
    CHECK(HasProblem(result, "questions[1].options[1].id", "duplicate option id"));
    CHECK(HasProblem(result, "questions[2].condition.question", "does not exist"));
    CHECK(result.problems.size() >= 7);
    for (const auto& problem : result.problems) CHECK(problem.file == "test.json");
}

TEST_CASE("survey: malformed JSON is reported with line and offset, without throwing") {
    const std::string text = "{\n  \"id\": \"x\",\n  \"version\": 1\n  \"title\": \"T\"\n}";
    const std::string file_name = "test.json";
    static_assert(noexcept(SurveyLoader::LoadFromText(text, file_name)), "bad input must never throw");
    const SurveyLoadResult result = Load(text);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message.find("malformed JSON at line 4, column 3") != std::string::npos);
    CHECK(result.problems[0].message.find("offset") != std::string::npos);
    CHECK(result.problems[0].ToString().rfind("test.json: malformed JSON", 0) == 0);
    CHECK_FALSE(result.Ok());
}

TEST_CASE("survey: hostile or empty input never throws and never loads") {
    const std::string file_name = "test.json";
    static_assert(noexcept(SurveyLoader::LoadFromText(std::string_view(), file_name)), "bad input must never throw");
    const std::vector<std::string> inputs = {
        "",
        "null",
        "[]",
        "\"just a string\"",
        std::string(100000, '['),
        "{\"id\": \"\xff\xfe\"}",
        R"({"id": "x", "version": 99999999999999999999, "languages": [], "questions": {}})",
        R"({"id": "x", "version": 1, "title": {"en": 1}, "introduction": {}, "languages": ["en", "en", "English"],
            "option_sets": [], "sections": [], "questions": []})",
        R"({"id": "x", "version": 1, "title": "T", "introduction": "I", "languages": ["en"],
            "questions": [{"id": "q", "kind": "multiple_choice", "text": "T", "options": "missing_set",
                           "condition": [], "positive": "a", "max_choices": 0}]})",
    };
    for (const auto& input : inputs) {
        CAPTURE(input.substr(0, 80));
        const SurveyLoadResult result = Load(input);
        CHECK_FALSE(result.Ok());
        REQUIRE_FALSE(result.problems.empty());
        for (const auto& problem : result.problems) {
            CHECK(problem.file == "test.json");
            CHECK_FALSE(problem.message.empty());
        }
    }
}

TEST_CASE("survey: a file written for a newer format or with an unknown audience is refused") {
    const auto result = Load(R"({"format_version": 2, "id": "t", "version": 1, "title": "T", "introduction": "I",
        "audience": "grown_ups", "languages": ["en"], "questions": [{"id": "q", "kind": "rating_0_10", "text": "Q"}]})");
    CHECK(HasProblem(result, "format_version", "this app reads survey format 1, not 2"));
    CHECK(HasProblem(result, "audience", "unknown audience 'grown_ups'"));
    CHECK_FALSE(result.Ok());
}

TEST_CASE("survey: a missing file is a problem, not a crash") {
    const auto result = SurveyLoader::LoadFromFile(SurveyPath("no_such_survey.json"));
    CHECK_FALSE(result.Ok());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].file == "no_such_survey.json");
}

TEST_CASE("survey: kind rules are checked") {
    const auto scale = Load(SurveyWithQuestions(R"({"id": "s", "kind": "scale_1_5", "text": "T",
        "options": [{"id": "a", "text": "A", "value": 1}, {"id": "b", "text": "B", "value": 2}]})"));
    CHECK(HasProblem(scale, "questions[0].options", "five options with \"value\" 1, 2, 3, 4, 5"));

    const auto yes_no = Load(SurveyWithQuestions(R"({"id": "y", "kind": "yes_sometimes_no", "text": "T",
        "options": [{"id": "yes", "text": "Yes"}, {"id": "no", "text": "No"}]})"));
    CHECK(HasProblem(yes_no, "questions[0].options", "yes, sometimes, no"));

    const auto rating = Load(SurveyWithQuestions(R"({"id": "r", "kind": "rating_0_10", "text": "T",
        "positive_at_least": 12, "min": 1, "options": [{"id": "a", "text": "A"}]})"));
    CHECK(HasProblem(rating, "questions[0].positive_at_least", "between 0 and 10"));
    CHECK(HasProblem(rating, "questions[0].min", "only applies to number questions"));
    CHECK(HasProblem(rating, "questions[0].options", "may only list non-substantive options"));

    const auto number = Load(SurveyWithQuestions(R"({"id": "n", "kind": "number", "text": "T", "min": 5, "max": 1},
        {"id": "t", "kind": "short_text", "text": "T"},
        {"id": "b", "kind": "before_and_now", "text": "T"})"));
    CHECK(HasProblem(number, "questions[0].max", "must not be below min"));
    CHECK(HasProblem(number, "questions[1].max_length", "required field is missing"));
    CHECK(HasProblem(number, "questions[2].before_label", "missing English text"));
    CHECK(HasProblem(number, "questions[2].now_label", "missing English text"));

    const auto demographic = Load(SurveyWithQuestions(R"({"id": "d", "kind": "single_choice", "text": "T",
        "role": "demographic", "dimension": "school", "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]})"));
    CHECK(HasProblem(demographic, "questions[0].options", "needs a \"prefer not to say\" option"));
}

TEST_CASE("survey: option sets are shared, and their problems are reported where they are written") {
    const auto good = Load(R"({"id": "t", "version": 1, "title": "T", "introduction": "I", "languages": ["en"],
        "option_sets": {"ysn": {"options": [{"id": "yes", "text": "Yes"}, {"id": "sometimes", "text": "Sometimes"},
                                            {"id": "no", "text": "No"}], "positive": ["yes"]}},
        "questions": [{"id": "a", "kind": "yes_sometimes_no", "text": "A", "options": "ysn"},
                      {"id": "b", "kind": "yes_sometimes_no", "text": "B", "options": "ysn", "positive": ["sometimes", "yes"]}]})");
    REQUIRE_MESSAGE(good.Ok(), good.ProblemsText());
    CHECK(good.survey->questions[0].positive_option_ids == std::set<std::string>{"yes"});
    CHECK(good.survey->questions[1].positive_option_ids == std::set<std::string>{"sometimes", "yes"});
    CHECK(good.survey->questions[1].options.size() == 3);

    const auto bad = Load(R"({"id": "t", "version": 1, "title": "T", "introduction": "I", "languages": ["en"],
        "option_sets": {"ysn": {"options": [{"id": "yes"}], "positive": ["maybe"]}},
        "questions": [{"id": "a", "kind": "single_choice", "text": "A", "options": "nope"}]})");
    CHECK(HasProblem(bad, "option_sets.ysn.options[0].text", "missing English text"));
    CHECK(HasProblem(bad, "option_sets.ysn.positive[0]", "'maybe' does not exist"));
    CHECK(HasProblem(bad, "questions[0].options", "unknown option set 'nope'"));
}

TEST_CASE("survey: sections give questions their section and paths") {
    const auto result = Load(R"({"id": "t", "version": 1, "title": "T", "introduction": "I", "languages": ["en"],
        "sections": [{"id": "one", "title": "One", "questions": [{"id": "a", "kind": "short_text", "text": "A", "max_length": 9}]},
                     {"id": "two", "title": "Two", "questions": [{"id": "b", "kind": "short_text", "text": "B"}]}]})");
    CHECK(HasProblem(result, "sections[1].questions[0].max_length", "required field is missing"));

    const auto good = Load(R"({"id": "t", "version": 1, "title": "T", "introduction": "I", "languages": ["en"],
        "sections": [{"id": "one", "title": "One", "questions": [{"id": "a", "kind": "short_text", "text": "A", "max_length": 9}]},
                     {"id": "two", "title": "Two", "questions": [{"id": "b", "kind": "rating_0_10", "text": "B"}]}]})");
    REQUIRE_MESSAGE(good.Ok(), good.ProblemsText());
    CHECK(good.survey->sections.size() == 2);
    CHECK(good.survey->questions[1].section_id == "two");
    CHECK(good.survey->FindSection("two")->title.English() == "Two");
}

TEST_CASE("survey: a loaded survey survives a cereal round trip") {
    const auto loaded = SurveyLoader::LoadFromFile(SurveyPath("parent_carer.json"));
    REQUIRE(loaded.Ok());
    std::stringstream buffer;
    {
        cereal::PortableBinaryOutputArchive archive(buffer);
        archive(*loaded.survey);
    }
    Survey copy;
    {
        cereal::PortableBinaryInputArchive archive(buffer);
        archive(copy);
    }
    CHECK(copy == *loaded.survey);
}

TEST_CASE("survey: a number with thousands of digits is a problem, not a crash (found by fuzzing)") {
    // Debian's RapidJSON crashed on this in full-precision mode; the loader must survive it.
    const std::string zeros = "0." + std::string(5000, '0') + "1";
    const yousaid::SurveyLoadResult as_document = yousaid::SurveyLoader::LoadFromText(zeros, "zeros.json");
    CHECK_FALSE(as_document.Ok());
    const std::string in_field = R"({"id": "x", "version": )" + zeros + R"(, "title": "t", "introduction": "i",
        "languages": ["en"], "questions": []})";
    const yousaid::SurveyLoadResult as_version = yousaid::SurveyLoader::LoadFromText(in_field, "zeros.json");
    CHECK_FALSE(as_version.Ok());
    CHECK(as_version.ProblemsText().find("version") != std::string::npos);
}
