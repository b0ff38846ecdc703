// The respondent's way through a survey: consent, conditions, skip, back, change, submit.
#include <doctest/doctest.h>

#include <cstring>

#include "core/responses/answer_checking.h"
#include "core/responses/respondent_session.h"
#include "core/survey/survey_loader.h"

using namespace yousaid;

namespace {

const char* const kSurveyJson = R"({
  "id": "session_test", "version": 3, "languages": ["en", "pl"],
  "title": "Test", "introduction": "This is not a test.",
  "questions": [
    {"id": "known", "kind": "single_choice", "required": true, "text": "Have you heard of the Local Offer?",
     "options": [{"id": "yes", "text": "Yes"}, {"id": "no", "text": "No"}]},
    {"id": "useful", "kind": "yes_sometimes_no", "text": "Was it useful?",
     "condition": {"question": "known", "equals": "yes"},
     "options": [{"id": "yes", "text": "Yes"}, {"id": "sometimes", "text": "Sometimes"}, {"id": "no", "text": "No"}]},
    {"id": "happiness", "kind": "rating_0_10", "text": "How happy are you?"},
    {"id": "better", "kind": "short_text", "max_length": 200, "text": "What would make things better?"}
  ]})";

Survey LoadTestSurvey() {
    SurveyLoadResult result = SurveyLoader::LoadFromText(kSurveyJson, "session_test.json");
    REQUIRE_MESSAGE(result.Ok(), result.ProblemsText());
    return *result.survey;
}

void CountingRandom(std::uint8_t* out, std::size_t count) {
    static std::uint8_t next = 1;
    for (std::size_t i = 0; i < count; ++i) out[i] = next++;
}

SessionSettings Settings() {
    SessionSettings settings;
    settings.wave = "2026";
    settings.station_id = "tablet-3";
    settings.event_id = "local-offer-fayre";
    settings.answer_mode = AnswerMode::kHelpedByAdult;
    return settings;
}

}  // namespace

TEST_CASE("session: the whole way through, with a condition, a skip, a back and a change") {
    const Survey survey = LoadTestSurvey();
    RespondentSession session(survey, Settings());
    CHECK(session.Step() == SessionStep::kWelcome);
    session.Begin(1000);
    CHECK(session.Step() == SessionStep::kConsent);
    session.AgreeToTakePart();
    REQUIRE(session.Step() == SessionStep::kQuestion);
    CHECK(session.CurrentQuestion()->id == "known");
    // "useful" is hidden until "known" is yes: three shown questions.
    CHECK(session.ShownQuestionCount() == 3);
    CHECK(session.CurrentQuestionNumber() == 1);
    CHECK_FALSE(session.CanGoNext());
    CHECK_FALSE(session.CanSkip());  // required

    CHECK_FALSE(session.SetAnswer(Answer::Choice("yes")).has_value());
    CHECK(session.ShownQuestionCount() == 4);
    session.Next();
    CHECK(session.CurrentQuestion()->id == "useful");
    CHECK(session.CurrentQuestionNumber() == 2);
    CHECK(session.SetAnswer(Answer::Choice("maybe")).has_value());  // not an option
    CHECK_FALSE(session.SetAnswer(Answer::Choice("sometimes")).has_value());
    session.Next();
    CHECK(session.CurrentQuestion()->id == "happiness");
    CHECK(session.SetAnswer(Answer::Integer(11)).has_value());  // out of range
    CHECK_FALSE(session.SetAnswer(Answer::Integer(8)).has_value());
    session.Back();
    CHECK(session.CurrentQuestion()->id == "useful");
    CHECK(session.AnswerTo("useful")->option_id == "sometimes");  // kept when going back
    session.Next();
    session.Next();
    CHECK(session.CurrentQuestion()->id == "better");
    CHECK(session.CanSkip());
    session.Skip();
    REQUIRE(session.Step() == SessionStep::kCheck);
    CHECK(session.AnswerTo("better")->IsSkipped());

    // Change "known" to no from the check screen: "useful" disappears with its answer,
    // and Next goes straight back to the check screen.
    session.Change("known");
    REQUIRE(session.Step() == SessionStep::kQuestion);
    CHECK_FALSE(session.SetAnswer(Answer::Choice("no")).has_value());
    CHECK(session.AnswerTo("useful") == nullptr);
    session.Next();
    REQUIRE(session.Step() == SessionStep::kCheck);
    REQUIRE(session.CanSubmit());

    const Response response = session.Submit(5000, CountingRandom);
    CHECK(session.Step() == SessionStep::kFinished);
    CHECK(response.status == ResponseStatus::kComplete);
    CHECK(response.survey_id == "session_test");
    CHECK(response.survey_version == 3);
    CHECK(response.wave == "2026");
    CHECK(response.station_id == "tablet-3");
    CHECK(response.event_id == "local-offer-fayre");
    CHECK(response.answer_mode == AnswerMode::kHelpedByAdult);
    CHECK(response.started_at_ms == 1000);
    CHECK(response.submitted_at_ms == 5000);
    CHECK_FALSE(response.id.IsNil());
    REQUIRE(response.answers.size() == 3);
    CHECK(response.answers.at("known").option_id == "no");
    CHECK(response.answers.at("happiness").value == 8);
    CHECK(response.answers.at("better").IsSkipped());
    CHECK(CheckResponse(survey, response).empty());
}

TEST_CASE("session: declining to take part gives a refusal with no answers") {
    const Survey survey = LoadTestSurvey();
    RespondentSession session(survey, Settings());
    session.Begin(10);
    const Response refusal = session.Decline(20, CountingRandom);
    CHECK(refusal.status == ResponseStatus::kRefused);
    CHECK(refusal.answers.empty());
    CHECK(session.Step() == SessionStep::kFinished);
    CHECK(CheckResponse(survey, refusal).empty());
}

TEST_CASE("session: back from the first question returns to consent, then welcome") {
    const Survey survey = LoadTestSurvey();
    RespondentSession session(survey, Settings());
    session.Begin(10);
    session.AgreeToTakePart();
    session.Back();
    CHECK(session.Step() == SessionStep::kConsent);
    session.Back();
    CHECK(session.Step() == SessionStep::kWelcome);
}

TEST_CASE("session: a partial response holds only what was answered so far") {
    const Survey survey = LoadTestSurvey();
    RespondentSession session(survey, Settings());
    session.Begin(10);
    session.AgreeToTakePart();
    CHECK(session.HasStarted());
    CHECK_FALSE(session.SetAnswer(Answer::Choice("yes")).has_value());
    session.Next();
    const Response partial = session.PartialResponse(99, CountingRandom);
    CHECK(partial.status == ResponseStatus::kPartial);
    CHECK(partial.answers.size() == 1);
    CHECK(CheckResponse(survey, partial).empty());
    CHECK_FALSE(session.CanSubmit());
    CHECK_THROWS_AS(session.Submit(100, CountingRandom), std::logic_error);
}

TEST_CASE("session: the language must be one the survey offers") {
    const Survey survey = LoadTestSurvey();
    SessionSettings settings = Settings();
    settings.language = "fr";
    RespondentSession session(survey, settings);
    CHECK(session.Language() == "en");
    session.SetLanguage("pl");
    CHECK(session.Language() == "pl");
    session.SetLanguage("de");
    CHECK(session.Language() == "pl");
}

TEST_CASE("session: a layout test can open any question directly, shown or not") {
    const Survey survey = LoadTestSurvey();
    RespondentSession session(survey, Settings());
    session.Begin(1000);
    session.AgreeToTakePart();
    // "useful" is hidden until "known" is yes, yet it opens, with nothing answered.
    session.OpenQuestion("useful");
    REQUIRE(session.CurrentQuestion() != nullptr);
    CHECK(session.CurrentQuestion()->id == "useful");
    CHECK(session.Answers().empty());
    session.OpenQuestion("better");
    CHECK(session.CurrentQuestion()->id == "better");
    // An id the survey does not have leaves the session where it was.
    session.OpenQuestion("no_such_question");
    CHECK(session.CurrentQuestion()->id == "better");
}
