// The station pack: the survey, the starting settings and the "You said, we did" cards an
// officer hands a volunteer in one file, and the cards a tablet keeps afterwards.
#include <doctest/doctest.h>

#include <string>

#include "core/base/file_io.h"
#include "core/station/station_pack.h"
#include "edited_text.h"

using namespace yousaid;
using yousaid::testing::Edited;

namespace {

std::string ShippedSurveyText(const std::string& name) {
    const FileReadResult read = ReadWholeFile(std::string(YOUSAID_SOURCE_DIR) + "/assets/surveys/" + name, 1 << 20);
    REQUIRE(read.outcome == FileReadOutcome::kRead);
    return read.bytes;
}

StationCard Card(const std::string& id, const std::string& you_said, const std::string& we_did) {
    StationCard card;
    card.id = id;
    card.you_said.Set("en", you_said);
    card.we_did.Set("en", we_did);
    return card;
}

StationPack ParentPack() {
    StationPack pack;
    pack.prepared_by = "Sam Patel";
    pack.prepared_on = "2026-12-02";
    pack.survey_text = ShippedSurveyText("parent_carer.json");
    pack.defaults.wave = "2026-autumn";
    pack.defaults.default_language = "pl";
    pack.defaults.default_answer_mode = AnswerMode::kHelpedByAdult;
    pack.defaults.idle_timeout_seconds = 240;
    pack.defaults.keep_partial_answers = false;
    StationCard card = Card("a1", "Forms were hard to find", "put every form on one page of the Local Offer");
    card.you_said.Set("pl", "Formularze by\xC5\x82y trudne do znalezienia");
    pack.cards.push_back(card);
    pack.cards.push_back(Card("a2", "You waited <too long> for \"replies\"", "answer within 10 working days"));
    return pack;
}


}  // namespace

TEST_CASE("station pack: written and read back whole, survey, settings and cards") {
    const StationPack written = ParentPack();
    const std::string json = StationPackJson(written);
    const Result<StationPack> read = ReadStationPack(json, "pack.json");
    REQUIRE_MESSAGE(read.ok(), read.Message());
    const StationPack& pack = *read.value;
    CHECK(pack.prepared_by == "Sam Patel");
    CHECK(pack.prepared_on == "2026-12-02");
    CHECK(pack.survey.id == "parent_carer");
    CHECK(pack.survey.questions.size() > 5);
    CHECK(pack.defaults.wave == "2026-autumn");
    CHECK(pack.defaults.default_language == "pl");
    CHECK(pack.defaults.default_answer_mode == AnswerMode::kHelpedByAdult);
    CHECK(pack.defaults.idle_timeout_seconds == 240);
    CHECK_FALSE(pack.defaults.keep_partial_answers);
    REQUIRE(pack.cards.size() == 2);
    CHECK(pack.cards[0].id == "a1");
    CHECK(pack.cards[0].you_said.In("pl") == "Formularze by\xC5\x82y trudne do znalezienia");
    CHECK(pack.cards[1].you_said.English() == "You waited <too long> for \"replies\"");
    CHECK(pack.cards[1].we_did.In("pl") == "answer within 10 working days");  // English where not translated
    // Written again, byte for byte: nothing is lost or reordered on the way through.
    CHECK(StationPackJson(pack) == json);
    CHECK(StationPackFileName(pack) == "station_pack_parent_carer_2026-12-02.json");
}

TEST_CASE("station pack: a newer version, a damaged file or the wrong kind of file is refused by name") {
    const std::string json = StationPackJson(ParentPack());
    const auto newer = ReadStationPack(Edited(json, "\"version\":2", "\"version\":3"), "pack.json");
    REQUIRE_FALSE(newer.ok());
    CHECK(newer.Message().find("pack.json") != std::string::npos);
    CHECK(newer.Message().find("newer") != std::string::npos);

    const auto cut = ReadStationPack(json.substr(0, json.size() / 2), "pack.json");
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.Message().find("pack.json") != std::string::npos);

    const auto other = ReadStationPack(R"({"format": "yousaid-kpi-overrides", "version": 1, "overrides": []})", "kpis.json");
    REQUIRE_FALSE(other.ok());
    CHECK(other.Message() == "kpis.json: format: is not \"yousaid-station-pack\"");

    CHECK_FALSE(ReadStationPack("", "empty.json").ok());
    CHECK_FALSE(ReadStationPack("\xEF\xBB\xBF", "bom.json").ok());
}

TEST_CASE("station pack: every problem is placed, in the survey, the settings and the cards") {
    std::string json = StationPackJson(ParentPack());
    json = Edited(json, "\"wave\":\"2026-autumn\"", "\"wave\":\"2026 autumn!\"");
    json = Edited(json, "\"idle_timeout_seconds\":240", "\"idle_timeout_seconds\":5");
    json = Edited(json, "\"you_said\":{\"en\":\"You waited", "\"you_said\":{\"fr\":\"Vous\",\"xx-\":\"?\",\"de\":\"You waited");
    json = Edited(json, "\"prepared_by\":\"Sam Patel\"", "\"prepared_by\":\"  \"");
    const auto read = ReadStationPack(json, "pack.json");
    REQUIRE_FALSE(read.ok());
    const std::string message = read.Message();
    CHECK(message.find("station_defaults.wave") != std::string::npos);
    CHECK(message.find("station_defaults.idle_timeout_seconds") != std::string::npos);
    CHECK(message.find("cards[1].you_said: needs an English text") != std::string::npos);
    CHECK(message.find("cards[1].you_said.xx-") != std::string::npos);
    CHECK(message.find("prepared_by") != std::string::npos);

    // A survey that does not load is named with its place inside the pack.
    const std::string broken = Edited(StationPackJson(ParentPack()), "\"kind\":", "\"kind_of\":");
    const auto survey = ReadStationPack(broken, "pack.json");
    REQUIRE_FALSE(survey.ok());
    CHECK(survey.Message().find("pack.json: survey.sections[0].questions[0].kind: required field is missing") !=
          std::string::npos);
}

TEST_CASE("station pack: at most three cards, each short enough to read at a glance") {
    StationPack pack = ParentPack();
    pack.cards.push_back(Card("a3", "three", "three"));
    CHECK(ReadStationPack(StationPackJson(pack), "pack.json").ok());
    pack.cards.push_back(Card("a4", "four", "four"));
    const auto four = ReadStationPack(StationPackJson(pack), "pack.json");
    REQUIRE_FALSE(four.ok());
    CHECK(four.Message().find("at most 3") != std::string::npos);

    pack.cards.resize(1);
    pack.cards[0].we_did.Set("en", std::string(kMaxCardTextLength + 1, 'x'));
    const auto long_card = ReadStationPack(StationPackJson(pack), "pack.json");
    REQUIRE_FALSE(long_card.ok());
    CHECK(long_card.Message().find("cards[0].we_did.en") != std::string::npos);

    pack.cards.clear();  // a pack with no cards is a survey and settings only
    CHECK(ReadStationPack(StationPackJson(pack), "pack.json").ok());
}

TEST_CASE("station cards: the tablet's copy round-trips and refuses damage") {
    StationCards cards;
    cards.survey_id = "pupil";
    cards.prepared_by = "Sam Patel";
    cards.cards = {Card("a1", "The toilets were dirty", "clean them twice a day")};
    const std::string json = StationCardsJson(cards);
    const auto read = ReadStationCards(json, "station_cards.json");
    REQUIRE_MESSAGE(read.ok(), read.Message());
    CHECK(read.value->survey_id == "pupil");
    CHECK(read.value->prepared_by == "Sam Patel");
    REQUIRE(read.value->cards.size() == 1);
    CHECK(read.value->cards[0].we_did.English() == "clean them twice a day");
    CHECK(StationCardsJson(*read.value) == json);

    CHECK_FALSE(ReadStationCards(json.substr(0, 30), "station_cards.json").ok());
    CHECK_FALSE(ReadStationCards(Edited(json, "\"survey_id\":\"pupil\"", "\"survey_id\":\"\""), "station_cards.json").ok());
}
