// The station's settings: defaults for a new device, a clear message per field, files that
// are missing, damaged or from a newer version, and safe export file names.
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/station/station_config.h"
#include "response_fixtures.h"

using namespace yousaid;
using response_fixtures::ReadBytes;
using response_fixtures::ScratchDirectory;
using response_fixtures::WriteBytes;

namespace {

constexpr std::int64_t kStart = 1773480000000;  // 2026-03-14T09:20:00Z
const char* const kFirstId = "0102030405060708090a0b0c0d0e0f10";  // what CountingRandom(1) makes
const char* const kKeptId = "00112233445566778899aabbccddeeff";

RandomBytesFunction CountingRandom(std::uint8_t first = 1) {
    auto next = std::make_shared<std::uint8_t>(first);
    return [next](std::uint8_t* out, std::size_t count) {
        for (std::size_t index = 0; index < count; ++index) out[index] = (*next)++;
    };
}

StationConfig ValidConfig() {
    StationConfig config = DefaultStationConfig(CountingRandom(), kStart);
    config.survey_id = "parent_carer";
    config.event_name = "Local Offer fayre";
    config.event_date = "2026-03-14";
    config.place = "Brookfield Community Centre";
    config.station_name = "Tablet 3";
    config.default_language = "pl";
    config.default_answer_mode = AnswerMode::kHelpedByAdult;
    config.idle_timeout_seconds = 240;
    config.keep_partial_answers = false;
    return config;
}

std::vector<std::string> Messages(const StationConfig& config) {
    std::vector<std::string> messages;
    for (const Problem& problem : ValidateStationConfig(config)) messages.push_back(problem.message);
    return messages;
}

std::string OnlyMessage(const StationConfig& config) {
    const std::vector<std::string> messages = Messages(config);
    REQUIRE(messages.size() == 1);
    return messages.front();
}

// A settings file as SaveStationConfig writes it, with the version and values to vary.
std::string ConfigFile(const std::string& version, const std::string& idle_timeout, const std::string& event_date,
                       const std::string& station_id, const std::string& answer_mode = "self") {
    return R"({ "station_config": { "cereal_class_version": )" + version +
           R"(, "survey_id": "pupil", "wave": "2026", "event_name": "Transitions fayre", "event_date": ")" +
           event_date + R"(", "place": "Town Hall", "station_name": "Tablet 2", "station_id": ")" + station_id +
           R"(", "default_language": "en", "default_answer_mode": ")" + answer_mode +
           R"(", "idle_timeout_seconds": )" + idle_timeout + R"(, "keep_partial_answers": true } })";
}

}  // namespace

TEST_CASE("station: a new device gets valid defaults and a station id from the random source") {
    const StationConfig config = DefaultStationConfig(CountingRandom(), kStart);
    CHECK(config.survey_id.empty());
    CHECK(config.wave == "2026");
    CHECK(config.event_name.empty());
    CHECK(config.event_date.empty());
    CHECK(config.station_name == "Tablet");
    CHECK(config.station_id == kFirstId);
    CHECK(config.default_language == "en");
    CHECK(config.default_answer_mode == AnswerMode::kSelf);
    CHECK(config.idle_timeout_seconds == 180);
    CHECK(config.keep_partial_answers);
    CHECK(Messages(config).empty());
    CHECK(DefaultStationConfig(CountingRandom(17), kStart).station_id != config.station_id);
}

TEST_CASE("station: event dates are YYYY-MM-DD and real days") {
    StationConfig config = ValidConfig();
    for (const char* good : {"2026-03-14", "2024-02-29", "2000-02-29", "2026-12-31", "2000-01-01", "2099-12-31", ""}) {
        config.event_date = good;
        CAPTURE(good);
        CHECK(Messages(config).empty());
    }
    config.event_date = "2026-02-30";
    CHECK(OnlyMessage(config) == "The event date is not a real day. There is no 30 February 2026.");
    config.event_date = "2025-02-29";
    CHECK(OnlyMessage(config) == "The event date is not a real day. There is no 29 February 2025.");
    config.event_date = "2100-02-29";
    CHECK(OnlyMessage(config) == "The event date is not a real day. There is no 29 February 2100.");
    config.event_date = "2026-13-01";
    CHECK(OnlyMessage(config) ==
          "The event date is not a real day. There is no month 13: type the date as day/month/year, for example "
          "14/03/2026.");
    config.event_date = "2026-04-31";
    CHECK(OnlyMessage(config) == "The event date is not a real day. There is no 31 April 2026.");
    config.event_date = "2026-00-10";
    CHECK(OnlyMessage(config) ==
          "The event date is not a real day. There is no month 0: type the date as day/month/year, for example "
          "14/03/2026.");
    // Stored dates are ISO; what a volunteer types is read by ReadStationSetup first.
    config.event_date = "14/03/2026";
    CHECK(OnlyMessage(config) == "The event date '14/03/2026' is not written as year-month-day, like 2026-03-14.");
    config.event_date = "2026-3-14";
    CHECK(OnlyMessage(config) == "The event date '2026-3-14' is not written as year-month-day, like 2026-03-14.");
    config.event_date = "2026-03-14 ";
    CHECK(OnlyMessage(config) == "The event date '2026-03-14 ' is not written as year-month-day, like 2026-03-14.");
    config.event_date = "1926-03-14";
    CHECK(OnlyMessage(config) == "Check the year of the event date: 1926 is not between 2000 and 2099.");
}

TEST_CASE("station: setup reads the event date as a UK volunteer types it, and keeps it as YYYY-MM-DD") {
    StationConfig draft = ValidConfig();
    for (const char* typed : {"14/03/2026", "14/3/2026", " 14-03-2026 ", "14.03.2026", "2026-03-14"}) {
        CAPTURE(typed);
        draft.event_date = typed;
        const Result<StationConfig> read = ReadStationSetup(draft);
        REQUIRE(read.ok());
        CHECK(read.value->event_date == "2026-03-14");
    }
    draft.event_date = "  ";
    REQUIRE(ReadStationSetup(draft).ok());
    CHECK(ReadStationSetup(draft).value->event_date.empty());

    draft.event_date = "31/02/2026";
    Result<StationConfig> read = ReadStationSetup(draft);
    REQUIRE(read.problems.size() == 1);
    CHECK(read.problems[0].field == "event_date");
    CHECK(read.problems[0].message == "There is no 31 February 2026.");
    draft.event_date = "March the 14th";
    CHECK(ReadStationSetup(draft).problems[0].message == "Type the date as day/month/year, for example 14/03/2026.");
    draft.event_date = "14/03/1926";
    CHECK(ReadStationSetup(draft).problems[0].message ==
          "Check the year of the event date: 1926 is not between 2000 and 2099.");

    // The date's problem keeps its place among the others, once.
    draft.wave = "";
    draft.event_date = "31/02/2026";
    draft.station_name = "";
    read = ReadStationSetup(draft);
    std::vector<std::string> fields;
    for (const Problem& problem : read.problems) fields.push_back(problem.field);
    CHECK(fields == std::vector<std::string>{"wave", "event_date", "station_name"});
}

TEST_CASE("station: the idle timeout is 30 to 1800 seconds") {
    StationConfig config = ValidConfig();
    config.idle_timeout_seconds = 30;
    CHECK(Messages(config).empty());
    config.idle_timeout_seconds = 1800;
    CHECK(Messages(config).empty());
    config.idle_timeout_seconds = 29;
    CHECK(OnlyMessage(config) == "The wait before \"Are you still there?\" must be between 30 and 1800 seconds, not 29.");
    config.idle_timeout_seconds = 1801;
    CHECK(OnlyMessage(config) == "The wait before \"Are you still there?\" must be between 30 and 1800 seconds, not 1801.");
}

TEST_CASE("station: every field with a problem gets its own message, in field order") {
    StationConfig config = ValidConfig();
    config.survey_id = "Parent Carer";
    config.wave = "2026 spring";
    config.event_name = "Fayre\nday";
    config.event_date = "2026-02-30";
    config.place = std::string("Hall \xff");
    config.station_name = "   ";
    config.station_id = "not-an-id";
    config.default_language = "Polish";
    config.idle_timeout_seconds = 0;
    const std::vector<Problem> problems = ValidateStationConfig(config);
    std::vector<std::pair<std::string, std::string>> got;
    for (const Problem& problem : problems) got.emplace_back(problem.field, problem.message);
    const std::vector<std::pair<std::string, std::string>> expected{
        {"survey_id", "The survey id 'Parent Carer' can only have lowercase letters, digits and _ (like parent_carer)."},
        {"wave", "A wave can only have letters, digits, - and _, up to 32 of them, for example 2026 or 2026-spring. "
                 "'2026 spring' has others."},
        {"event_name", "The event name must be on one line."},
        {"event_date", "The event date is not a real day. There is no 30 February 2026."},
        {"place", "The place has characters that cannot be read. Type it again."},
        {"station_name", "Give the station a name, for example Tablet 3."},
        {"station_id", "The station id 'not-an-id' is damaged: it is not 32 lowercase hex digits."},
        {"default_language", "The starting language 'Polish' is not a language code like en, pl or pt-BR."},
        {"idle_timeout_seconds", "The wait before \"Are you still there?\" must be between 30 and 1800 seconds, not 0."},
    };
    CHECK(got == expected);
}

TEST_CASE("station: names may use any language; length counts characters, not bytes") {
    StationConfig config = ValidConfig();
    config.station_name = "Stoisko Łódź 3";
    config.event_name = "Zażółć gęślą jaźń – dzień otwarty";
    config.place = "Ратуша";
    CHECK(Messages(config).empty());
    std::string forty;
    for (int index = 0; index < 40; ++index) forty += "ż";  // 80 bytes, 40 characters
    config.station_name = forty;
    CHECK(Messages(config).empty());
    config.station_name = forty + "a";
    CHECK(OnlyMessage(config) == "The station name is too long: it has 41 characters, and 40 fit.");
    config.station_name = "";
    CHECK(OnlyMessage(config) == "Give the station a name, for example Tablet 3.");
    config = ValidConfig();
    config.wave = "";
    CHECK(OnlyMessage(config) == "Type a wave, for example 2026.");
    config.wave = "2026-spring_2";
    CHECK(Messages(config).empty());
    config.default_language = "pt-BR";
    CHECK(Messages(config).empty());
    config.station_id = "0102030405060708090A0B0C0D0E0F10";  // ids are written in lowercase
    CHECK(OnlyMessage(config) == "The station id '0102030405060708090A0B0C0D0E0F10' is damaged: it is not 32 lowercase hex digits.");
}

TEST_CASE("station: save and load give back the same settings, as readable JSON") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("station.json");
    const StationConfig config = ValidConfig();
    const Status saved = SaveStationConfig(config, path);
    REQUIRE(saved.ok());
    const std::string bytes = ReadBytes(path);
    CHECK(bytes.find("\"cereal_class_version\": 1") != std::string::npos);
    CHECK(bytes.find("\"default_answer_mode\": \"helped_by_adult\"") != std::string::npos);
    CHECK(bytes.find("\"event_date\": \"2026-03-14\"") != std::string::npos);

    const StationConfigLoadResult loaded = LoadStationConfig(path, CountingRandom(200), kStart);
    CHECK(loaded.status == StationConfigLoadStatus::kLoaded);
    CHECK(loaded.notes.empty());
    CHECK(loaded.config == config);
    CHECK(ReadBytes(path + ".tmp").empty());
}

TEST_CASE("station: every answer mode survives a round trip") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("station.json");
    for (const AnswerMode mode : {AnswerMode::kSelf, AnswerMode::kHelpedByAdult, AnswerMode::kOnBehalf, AnswerMode::kByPhone}) {
        StationConfig config = ValidConfig();
        config.default_answer_mode = mode;
        REQUIRE(SaveStationConfig(config, path).ok());
        const StationConfigLoadResult loaded = LoadStationConfig(path, CountingRandom(), kStart);
        CHECK(loaded.status == StationConfigLoadStatus::kLoaded);
        CHECK(loaded.config.default_answer_mode == mode);
    }
}

TEST_CASE("station: a missing file gives defaults with a fresh station id") {
    ScratchDirectory scratch;
    const StationConfigLoadResult loaded = LoadStationConfig(scratch.File("station.json"), CountingRandom(), kStart);
    CHECK(loaded.status == StationConfigLoadStatus::kMissing);
    CHECK(loaded.notes.empty());
    CHECK(loaded.config == DefaultStationConfig(CountingRandom(), kStart));
    CHECK(loaded.config.station_id == kFirstId);
}

TEST_CASE("station: saving refuses settings with problems and keeps the old file") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("station.json");
    REQUIRE(SaveStationConfig(ValidConfig(), path).ok());
    StationConfig bad = ValidConfig();
    bad.event_date = "2026-02-30";
    const Status refused = SaveStationConfig(bad, path);
    CHECK_FALSE(refused.ok());
    CHECK(refused.Message() == "the settings were not saved: The event date is not a real day. There is no 30 February 2026.");
    CHECK(LoadStationConfig(path, CountingRandom(), kStart).config == ValidConfig());

    const Status no_folder = SaveStationConfig(ValidConfig(), scratch.File("no/such/station.json"));
    CHECK_FALSE(no_folder.ok());
    CHECK(no_folder.Message().rfind("the settings were not saved: cannot create ", 0) == 0);
}

TEST_CASE("station: unusable values in a file are put back to their defaults, with notes") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("station.json");
    WriteBytes(path, ConfigFile("1", "5", "2026-02-30", kKeptId));
    const StationConfigLoadResult loaded = LoadStationConfig(path, CountingRandom(), kStart);
    CHECK(loaded.status == StationConfigLoadStatus::kRepaired);
    const std::vector<std::string> expected_notes{
        "The event date is not a real day. There is no 30 February 2026; the event date is now empty",
        "The wait before \"Are you still there?\" must be between 30 and 1800 seconds, not 5; the idle timeout is now 180 seconds",
    };
    CHECK(loaded.notes == expected_notes);
    CHECK(loaded.config.event_date.empty());
    CHECK(loaded.config.idle_timeout_seconds == 180);
    CHECK(loaded.config.station_id == kKeptId);
    CHECK(loaded.config.event_name == "Transitions fayre");  // the good values stay
    CHECK(Messages(loaded.config).empty());

    WriteBytes(path, ConfigFile("1", "180", "2026-03-14", "bad"));
    const StationConfigLoadResult new_id = LoadStationConfig(path, CountingRandom(), kStart);
    CHECK(new_id.status == StationConfigLoadStatus::kRepaired);
    CHECK(new_id.config.station_id == kFirstId);
    CHECK(new_id.notes ==
          std::vector<std::string>{"The station id 'bad' is damaged: it is not 32 lowercase hex digits; a new station id was made"});
}

TEST_CASE("station: a file from a newer version is refused; the station keeps its id") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("station.json");
    WriteBytes(path, ConfigFile("2", "180", "2026-03-14", kKeptId));
    const StationConfigLoadResult loaded = LoadStationConfig(path, CountingRandom(), kStart);
    CHECK(loaded.status == StationConfigLoadStatus::kTooNew);
    REQUIRE(loaded.notes.size() == 2);
    CHECK(loaded.notes[0] ==
          "the station settings file was written by a newer version of Yousaid (format 2; this version reads format 1 "
          "and older); update the app to read it; the station is back to its default settings");
    CHECK(loaded.notes[1] == "the station id was kept");
    CHECK(loaded.config.station_id == kKeptId);
    CHECK(loaded.config.event_name.empty());
    CHECK(Messages(loaded.config).empty());
}

TEST_CASE("station: a value of the wrong type is named, and the station id kept") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("station.json");
    WriteBytes(path, ConfigFile("1", "5000000000", "2026-03-14", kKeptId));
    const StationConfigLoadResult loaded = LoadStationConfig(path, CountingRandom(), kStart);
    CHECK(loaded.status == StationConfigLoadStatus::kUnreadable);
    REQUIRE(loaded.notes.size() == 2);
    CHECK(loaded.notes[0] ==
          "the station settings file is damaged: idle_timeout_seconds: expected a whole number from -2147483648 to "
          "2147483647; the station is back to its default settings");
    CHECK(loaded.config.station_id == kKeptId);
}

TEST_CASE("station: a damaged file gives defaults, keeping the station id when it can be found") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("station.json");

    // Readable JSON with an answer mode this version does not know: the id is still there.
    WriteBytes(path, ConfigFile("1", "180", "2026-03-14", kKeptId, "by_carrier_pigeon"));
    StationConfigLoadResult loaded = LoadStationConfig(path, CountingRandom(), kStart);
    CHECK(loaded.status == StationConfigLoadStatus::kUnreadable);
    CHECK(loaded.config.station_id == kKeptId);
    REQUIRE(loaded.notes.size() == 2);
    CHECK(loaded.notes[0] ==
          "the station settings file is damaged: unknown default answer mode 'by_carrier_pigeon'; the station is back "
          "to its default settings");
    CHECK(loaded.notes[1] == "the station id was kept");

    for (const std::string& bytes : {std::string(), std::string("{ \"station_config\": { \"station_id\": "),
                                     ConfigFile("1", "\"180\"", "2026-03-14", "bad id"),
                                     std::string(R"({ "station_config": [] })")}) {
        CAPTURE(bytes);
        WriteBytes(path, bytes);
        loaded = LoadStationConfig(path, CountingRandom(), kStart);
        CHECK(loaded.status == StationConfigLoadStatus::kUnreadable);
        CHECK(loaded.config.station_id == kFirstId);
        CHECK(loaded.notes.back() == "a new station id was made");
        CHECK(Messages(loaded.config).empty());
    }
}

TEST_CASE("station: export file names are safe, lowercase and dated") {
    StationConfig config = ValidConfig();
    CHECK(ExportFileName(config, kStart) == "tablet-3_local-offer-fayre_2026-03-14.yousaid");
    config.event_name.clear();
    CHECK(ExportFileName(config, kStart) == "tablet-3_2026-03-14.yousaid");
    config.event_name = "  ***  ";  // nothing usable: left out like an empty one
    CHECK(ExportFileName(config, kStart) == "tablet-3_2026-03-14.yousaid");
    config.station_name = "Zażółć";
    config.event_name = "St Mary's — Hall #2!";
    CHECK(ExportFileName(config, kStart) == "zazolc_st-marys-hall-2_2026-03-14.yousaid");
    config.station_name = "Планшет";  // no safe letters at all
    config.event_name = "";
    CHECK(ExportFileName(config, kStart) == "station_2026-03-14.yousaid");
    config.station_name = "Планшет 7";
    CHECK(ExportFileName(config, kStart) == "7_2026-03-14.yousaid");
}

TEST_CASE("station: export file names carry the event's date, or the UTC date of the export without one") {
    StationConfig config = ValidConfig();
    constexpr std::int64_t kLater = 1780000000000;  // 2026-05-28, weeks after the event
    CHECK(ExportFileName(config, kLater) == "tablet-3_local-offer-fayre_2026-03-14.yousaid");
    config.event_date.clear();
    constexpr std::int64_t kMidnight = 1773446400000;  // 2026-03-14T00:00:00Z
    CHECK(ExportFileName(config, kMidnight - 1) == "tablet-3_local-offer-fayre_2026-03-13.yousaid");
    CHECK(ExportFileName(config, kMidnight) == "tablet-3_local-offer-fayre_2026-03-14.yousaid");
}

TEST_CASE("station: file name parts transliterate Latin letters and keep within their length") {
    CHECK(FileNamePart("Zażółć gęślą jaźń", 64) == "zazolc-gesla-jazn");
    CHECK(FileNamePart("Straße Æsir Œuvre Þing Øre", 64) == "strasse-aesir-oeuvre-thing-ore");
    CHECK(FileNamePart("Crème brûlée, São Paulo, Şişli, Čapek", 64) == "creme-brulee-sao-paulo-sisli-capek");
    CHECK(FileNamePart("  --Tablet__3--  ", 64) == "tablet-3");
    CHECK(FileNamePart("a\xff\xfe" "b", 64) == "a-b");  // stray bytes separate words
    CHECK(FileNamePart("1\xc3\x97" "2", 64) == "1-2");  // U+00D7 MULTIPLICATION SIGN is no letter
    CHECK(FileNamePart("Tablet 3", 6) == "tablet");
    CHECK(FileNamePart("Tablet 3", 7) == "tablet");  // no hyphen left at the end
    CHECK(FileNamePart("", 10).empty());
    StationConfig config = ValidConfig();
    config.station_name = "The Very Long Name Of A Survey Station";
    config.event_name.clear();
    const std::string name = ExportFileName(config, kStart);
    CHECK(name == "the-very-long-name-of-a-survey-s_2026-03-14.yousaid");
    for (const char character : name) {
        CHECK(((character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') || character == '-' ||
               character == '_' || character == '.'));
    }
}
