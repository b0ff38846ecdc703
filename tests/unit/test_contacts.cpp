// The signposting screen's contacts: read from the survey file, checked against its
// questions, and chosen for the person by their answer (an age band), never leaving anyone
// without the contact meant for them.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/survey/survey_loader.h"

using yousaid::Contact;
using yousaid::Survey;
using yousaid::SurveyLoader;
using yousaid::SurveyLoadResult;

namespace {

SurveyLoadResult LoadShipped(const std::string& name) {
    return SurveyLoader::LoadFromFile(std::string(YOUSAID_SOURCE_DIR) + "/assets/surveys/" + name);
}

// A survey asking for an age band, with the given "contacts" block.
std::string SurveyWithContacts(const std::string& contacts) {
    return R"({"id": "test", "version": 1, "title": "Test", "introduction": "Intro", "languages": ["en", "pl"],
      "questions": [
        {"id": "age_band", "kind": "single_choice", "text": "How old are you?",
         "options": [{"id": "under_19", "text": "Under 19"}, {"id": "age_19_25", "text": "19 to 25"},
                     {"id": "prefer_not_to_say", "text": "Rather not say", "non_substantive": "prefer_not_to_say"}]},
        {"id": "feeling", "kind": "rating_0_10", "text": "How do you feel?"}],
      "contacts": )" + contacts + "}";
}

bool HasProblem(const SurveyLoadResult& result, const std::string& path, const std::string& message_part) {
    return std::any_of(result.problems.begin(), result.problems.end(), [&](const yousaid::Problem& problem) {
        return problem.path == path && problem.message.find(message_part) != std::string::npos;
    });
}

std::vector<std::string> NamesFor(const Survey& survey, const std::optional<std::string>& answer) {
    std::vector<std::string> names;
    for (const Contact* contact : survey.contacts.For(answer)) names.push_back(contact->name.English());
    return names;
}

const std::string kAgeContacts = R"({"depends_on": "age_band", "list": [
    {"name": {"en": "Childline", "pl": "Childline"}, "number": "0800 1111", "web": "childline.org.uk",
     "helps_with": "For anyone under 19", "hours": "Any time", "for_answers": ["under_19"]},
    {"name": "Samaritans", "number": "116 123", "helps_with": "For anyone", "for_answers": ["age_19_25"]},
    {"name": "The person running this survey", "helps_with": "Here today"}]})";

}  // namespace

TEST_CASE("contacts: a contacts block is read with every field") {
    const SurveyLoadResult result = SurveyLoader::LoadFromText(SurveyWithContacts(kAgeContacts), "test.json");
    REQUIRE_MESSAGE(result.Ok(), result.ProblemsText());
    const yousaid::SurveyContacts& contacts = result.survey->contacts;
    CHECK(contacts.depends_on == "age_band");
    REQUIRE(contacts.contacts.size() == 3);
    const Contact& childline = contacts.contacts[0];
    CHECK(childline.name.In("pl") == "Childline");
    CHECK(childline.number == "0800 1111");
    CHECK(childline.web == "childline.org.uk");
    CHECK(childline.helps_with.English() == "For anyone under 19");
    CHECK(childline.hours.English() == "Any time");
    CHECK(childline.for_answers == std::vector<std::string>{"under_19"});
    CHECK(contacts.contacts[2].number.empty());
    CHECK(contacts.contacts[2].for_answers.empty());
}

TEST_CASE("contacts: chosen by the age band, with everyone's contacts always there") {
    const SurveyLoadResult result = SurveyLoader::LoadFromText(SurveyWithContacts(kAgeContacts), "test.json");
    REQUIRE(result.Ok());
    const Survey& survey = *result.survey;
    using Names = std::vector<std::string>;
    CHECK(NamesFor(survey, std::string("under_19")) == Names{"Childline", "The person running this survey"});
    CHECK(NamesFor(survey, std::string("age_19_25")) == Names{"Samaritans", "The person running this survey"});
    // Not known: skipped or hidden (no answer), or an answer no contact names: everyone's.
    const Names all{"Childline", "Samaritans", "The person running this survey"};
    CHECK(NamesFor(survey, std::nullopt) == all);
    CHECK(NamesFor(survey, std::string("prefer_not_to_say")) == all);
}

TEST_CASE("contacts: mistakes in the contacts block are reported with their paths") {
    SUBCASE("depends_on names a question that is not single choice") {
        const auto result = SurveyLoader::LoadFromText(
            SurveyWithContacts(R"({"depends_on": "feeling", "list": [{"name": "A", "helps_with": "B"}]})"), "t.json");
        CHECK(HasProblem(result, "contacts.depends_on", "not a single_choice question"));
        CHECK_FALSE(result.Ok());
    }
    SUBCASE("an answer that is not an option, and for_answers without depends_on") {
        auto result = SurveyLoader::LoadFromText(
            SurveyWithContacts(R"({"depends_on": "age_band", "list": [
                {"name": "A", "helps_with": "B", "for_answers": ["age_99"]}]})"), "t.json");
        CHECK(HasProblem(result, "contacts.list[0].for_answers", "'age_99' is not an option of question 'age_band'"));
        result = SurveyLoader::LoadFromText(
            SurveyWithContacts(R"({"list": [{"name": "A", "helps_with": "B", "for_answers": ["under_19"]}]})"), "t.json");
        CHECK(HasProblem(result, "contacts.list[0].for_answers", "needs \"depends_on\""));
    }
    SUBCASE("missing name and help, a number that cannot be dialled, unknown fields, an empty list") {
        auto result = SurveyLoader::LoadFromText(
            SurveyWithContacts(R"({"list": [{"number": "call us", "phone": "1"}]})"), "t.json");
        CHECK(HasProblem(result, "contacts.list[0].name", "missing English text"));
        CHECK(HasProblem(result, "contacts.list[0].helps_with", "missing English text"));
        CHECK(HasProblem(result, "contacts.list[0].number", "phone number"));
        CHECK(HasProblem(result, "contacts.list[0].phone", "unknown field"));
        result = SurveyLoader::LoadFromText(SurveyWithContacts(R"({"list": []})"), "t.json");
        CHECK(HasProblem(result, "contacts.list", "at least one contact"));
        result = SurveyLoader::LoadFromText(
            SurveyWithContacts(R"({"list": [{"name": {"en": "A", "de": "A"}, "helps_with": "B"}]})"), "t.json");
        CHECK(HasProblem(result, "contacts.list[0].name.de", "not declared"));
    }
}

TEST_CASE("contacts: every shipped survey ends with contacts that fit the person") {
    using Names = std::vector<std::string>;
    SUBCASE("pupils: Childline") {
        const auto pupil = LoadShipped("pupil.json");
        REQUIRE(pupil.Ok());
        CHECK(NamesFor(*pupil.survey, std::nullopt) == Names{"Childline"});
        CHECK(pupil.survey->contacts.contacts[0].number == "0800 1111");
    }
    SUBCASE("pledge: Childline under 19, the leaving care contacts and Samaritans from 19, all when not known") {
        const auto pledge = LoadShipped("pledge.json");
        REQUIRE(pledge.Ok());
        const Survey& survey = *pledge.survey;
        const yousaid::Question* age_band = survey.FindQuestion(survey.contacts.depends_on);
        REQUIRE(age_band != nullptr);
        // The promise "the last screen tells you who you can contact" holds for every age asked.
        for (const yousaid::Option& option : age_band->options) {
            CAPTURE(option.id);
            CHECK_FALSE(NamesFor(survey, option.id).empty());
        }
        for (const char* young : {"under_11", "age_11_15", "age_16_17"}) {
            CAPTURE(young);
            CHECK(NamesFor(survey, std::string(young)) == Names{"Childline"});
        }
        const Names leavers{"Your personal adviser (leaving care worker)", "The council's leaving care team", "Samaritans"};
        CHECK(NamesFor(survey, std::string("age_21_25")) == leavers);
        // 18 to 20 straddles the 19th birthday: both Childline and the care leavers' contacts.
        const Names straddling = NamesFor(survey, std::string("age_18_20"));
        CHECK(straddling.size() == 4);
        CHECK(straddling.front() == "Childline");
        CHECK(NamesFor(survey, std::nullopt).size() == 4);
        CHECK(NamesFor(survey, std::string("prefer_not_to_say")).size() == 4);
        const auto samaritans = std::find_if(survey.contacts.contacts.begin(), survey.contacts.contacts.end(),
                                             [](const Contact& contact) { return contact.name.English() == "Samaritans"; });
        REQUIRE(samaritans != survey.contacts.contacts.end());
        CHECK(samaritans->number == "116 123");
    }
    SUBCASE("parents and carers: SENDIASS and the Local Offer, in English and Polish") {
        const auto parents = LoadShipped("parent_carer.json");
        REQUIRE(parents.Ok());
        const Names names = NamesFor(*parents.survey, std::nullopt);
        REQUIRE(names.size() == 2);
        CHECK(names[0].find("SENDIASS") == 0);
        CHECK(names[1] == "The Local Offer");
        for (const Contact& contact : parents.survey->contacts.contacts) CHECK(contact.helps_with.Has("pl"));
    }
}
