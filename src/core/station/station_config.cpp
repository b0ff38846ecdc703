// cereal's json.hpp comes first so RapidJSON (used directly below to rescue a station id
// from a damaged file) is configured exactly as cereal configures it everywhere else.
#include "core/io/json_document.h"


#include "core/station/station_config.h"

#include <algorithm>
#include <array>
#include <exception>
#include <optional>
#include <sstream>
#include <utility>

#include "core/base/calendar.h"
#include "core/base/file_io.h"
#include "core/base/text.h"
#include "core/base/utf8.h"
#include "core/survey/identifiers.h"

namespace yousaid {

namespace {

// A settings file is under a kilobyte; anything much larger is not one.
constexpr std::size_t kMaxStationConfigFileBytes = 64 * 1024;
constexpr std::size_t kMaxStationNameLength = 40;  // in characters (code points)
constexpr std::size_t kMaxEventNameLength = 80;
constexpr std::size_t kMaxPlaceLength = 80;
constexpr std::size_t kMaxWaveLength = 32;
constexpr std::int32_t kMinEventYear = 2000;  // a year outside these is a typo, not an event
constexpr std::int32_t kMaxEventYear = 2099;
constexpr std::size_t kMaxStationNamePartLength = 32;  // in export file names
constexpr std::size_t kMaxEventNamePartLength = 48;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLetterOrDigit(char c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || IsAsciiUpper(c); }

// The length of the UTF-8 sequence at `offset` and its code point, or 0 if it is not valid UTF-8.
std::size_t DecodeUtf8(std::string_view text, std::size_t offset, std::uint32_t& code_point) {
    const std::size_t length = Utf8SequenceLength(text, offset);
    if (length > 0) code_point = Utf8CodePointAt(text, offset, length);
    return length;
}

// Free text a volunteer typed (station name, event name, place): valid UTF-8, on one line,
// and short enough for a screen heading and a file name. `label` starts a sentence ("The place").
std::optional<std::string> TextProblem(std::string_view label, std::string_view text, std::size_t max_length) {
    std::size_t characters = 0;
    for (std::size_t offset = 0; offset < text.size();) {
        std::uint32_t code_point = 0;
        const std::size_t length = DecodeUtf8(text, offset, code_point);
        if (length == 0) return std::string(label) + " has characters that cannot be read. Type it again.";
        if (code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F)) {
            return std::string(label) + " must be on one line.";
        }
        offset += length;
        ++characters;
    }
    if (characters > max_length) {
        return std::string(label) + " is too long: it has " + std::to_string(characters) + " characters, and " +
               std::to_string(max_length) + " fit.";
    }
    return std::nullopt;
}

bool IsBlank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool IsValidStationId(std::string_view id) {
    return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
               return IsAsciiDigit(c) || (c >= 'a' && c <= 'f');
           });
}

// The stored event date: ISO (YYYY-MM-DD), a day that exists, in a year an event can be in.
// Station setup reads what the volunteer typed first (ReadStationSetup).
std::optional<std::string> EventDateProblem(std::string_view date) {
    if (date.empty()) return std::nullopt;
    const std::optional<CalendarDate> parsed = CalendarDate::ReadIsoShape(date);
    if (!parsed) return "The event date " + Quoted(date) + " is not written as year-month-day, like 2026-03-14.";
    if (!parsed->IsValid()) return "The event date is not a real day. " + ReadTypedDate(date).problems.front().message;
    if (parsed->year < kMinEventYear || parsed->year > kMaxEventYear) {
        return "Check the year of the event date: " + std::to_string(parsed->year) + " is not between " +
               std::to_string(kMinEventYear) + " and " + std::to_string(kMaxEventYear) + ".";
    }
    return std::nullopt;
}

std::string YearOf(std::int64_t time_ms) { return FormatIso8601Utc(time_ms).substr(0, 4); }

std::string DateOf(std::int64_t time_ms) { return FormatIso8601Utc(time_ms).substr(0, 10); }

// Puts the default back into one field that failed validation; says what it became.
std::string ResetField(StationConfig& config, const std::string& field, const RandomBytesFunction& fill_random,
                       std::int64_t now_ms) {
    const StationConfig defaults;
    if (field == "survey_id") {
        config.survey_id = defaults.survey_id;
        return "no survey is chosen";
    }
    if (field == "wave") {
        config.wave = YearOf(now_ms);
        return "the wave is now " + config.wave;
    }
    if (field == "event_name") {
        config.event_name.clear();
        return "the event name is now empty";
    }
    if (field == "event_date") {
        config.event_date.clear();
        return "the event date is now empty";
    }
    if (field == "place") {
        config.place.clear();
        return "the place is now empty";
    }
    if (field == "station_name") {
        config.station_name = defaults.station_name;
        return "the station name is now " + config.station_name;
    }
    if (field == "station_id") {
        config.station_id = NewStationId(fill_random);
        return "a new station id was made";
    }
    if (field == "default_language") {
        config.default_language = defaults.default_language;
        return "the default language is now " + config.default_language;
    }
    if (field == "idle_timeout_seconds") {
        config.idle_timeout_seconds = defaults.idle_timeout_seconds;
        return "the idle timeout is now " + std::to_string(config.idle_timeout_seconds) + " seconds";
    }
    return "";
}

// From a file that cereal could not read: the station id, if the file still has a valid one.
std::optional<std::string> RescueStationId(const std::string& bytes) {
    try {
        rapidjson::Document document;
        ParseJson(document, bytes);
        if (document.HasParseError() || !document.IsObject()) return std::nullopt;
        const auto config = document.FindMember("station_config");
        if (config == document.MemberEnd() || !config->value.IsObject()) return std::nullopt;
        const auto id = config->value.FindMember("station_id");
        if (id == config->value.MemberEnd() || !id->value.IsString()) return std::nullopt;
        std::string text(id->value.GetString(), id->value.GetStringLength());
        if (!IsValidStationId(text)) return std::nullopt;
        return text;
    } catch (const std::exception&) {  // cereal configures RapidJSON to throw on internal errors
        return std::nullopt;
    }
}

// One entry per code point from U+00C0 to U+017F (Latin-1 Supplement letters and Latin
// Extended-A: French, German, Polish, Portuguese, Romanian, Czech, Turkish and more), the
// lowercase ASCII it becomes in a file name; empty for the two signs in that range (x, /).
// Made from Unicode's compatibility decompositions (NFKD) with the accents dropped, plus
// the letters that have none: ae, d, o, th, ss, l, ij, n, oe, t, s.
constexpr std::array<const char*, 0x180 - 0xC0> kLatinToAscii{{
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",     // U+00C0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",    // U+00D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",     // U+00E0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",     // U+00F0
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",      // U+0100
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",      // U+0110
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",      // U+0120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",    // U+0130
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",      // U+0140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",    // U+0150
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",      // U+0160
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",      // U+0170
}};

}  // namespace

std::string NewStationId(const RandomBytesFunction& fill_random) { return ResponseId::Generate(fill_random).ToHex(); }

StationConfig DefaultStationConfig(const RandomBytesFunction& fill_random, std::int64_t now_ms) {
    StationConfig config;
    config.wave = YearOf(now_ms);
    config.station_id = NewStationId(fill_random);
    return config;
}

std::vector<Problem> ValidateStationConfig(const StationConfig& config) {
    std::vector<Problem> problems;
    const auto report = [&](const char* field, std::string message) {
        Problem problem;
        problem.field = field;
        problem.message = std::move(message);
        problems.push_back(std::move(problem));
    };

    if (!config.survey_id.empty() && !IsValidIdentifier(config.survey_id)) {
        report("survey_id", "The survey id " + Quoted(config.survey_id) +
                                " can only have lowercase letters, digits and _ (like parent_carer).");
    }
    if (config.wave.empty()) {
        report("wave", "Type a wave, for example 2026.");
    } else if (config.wave.size() > kMaxWaveLength ||
               !std::all_of(config.wave.begin(), config.wave.end(),
                            [](char c) { return IsAsciiLetterOrDigit(c) || c == '-' || c == '_'; })) {
        report("wave", "A wave can only have letters, digits, - and _, up to " + std::to_string(kMaxWaveLength) +
                           " of them, for example 2026 or 2026-spring. " + Quoted(config.wave) + " has others.");
    }
    if (auto problem = TextProblem("The event name", config.event_name, kMaxEventNameLength)) {
        report("event_name", std::move(*problem));
    }
    if (auto problem = EventDateProblem(config.event_date)) report("event_date", std::move(*problem));
    if (auto problem = TextProblem("The place", config.place, kMaxPlaceLength)) report("place", std::move(*problem));
    if (auto problem = TextProblem("The station name", config.station_name, kMaxStationNameLength)) {
        report("station_name", std::move(*problem));
    } else if (IsBlank(config.station_name)) {
        report("station_name", "Give the station a name, for example Tablet 3.");
    }
    if (!IsValidStationId(config.station_id)) {
        report("station_id", "The station id " + Quoted(config.station_id) + " is damaged: it is not 32 lowercase hex digits.");
    }
    if (!IsValidLanguageCode(config.default_language)) {
        report("default_language", "The starting language " + Quoted(config.default_language) +
                                       " is not a language code like en, pl or pt-BR.");
    }
    if (config.idle_timeout_seconds < kMinIdleTimeoutSeconds || config.idle_timeout_seconds > kMaxIdleTimeoutSeconds) {
        report("idle_timeout_seconds", "The wait before \"Are you still there?\" must be between " +
                                           std::to_string(kMinIdleTimeoutSeconds) + " and " +
                                           std::to_string(kMaxIdleTimeoutSeconds) + " seconds, not " +
                                           std::to_string(config.idle_timeout_seconds) + ".");
    }
    return problems;
}

Result<StationConfig> ReadStationSetup(StationConfig draft) {
    std::vector<Problem> date_problems;
    if (!TrimSpaces(draft.event_date).empty()) {
        const Result<CalendarDate> date = ReadTypedDate(draft.event_date);
        if (date.ok()) {
            draft.event_date = date.value->ToIso();
        } else {
            Problem problem = date.problems.front();
            problem.field = "event_date";
            date_problems.push_back(std::move(problem));
        }
    } else {
        draft.event_date.clear();
    }
    std::vector<Problem> problems = ValidateStationConfig(draft);
    // A date that could not be read is said once, in the words for what was typed.
    if (!date_problems.empty()) {
        problems.erase(std::remove_if(problems.begin(), problems.end(),
                                      [](const Problem& problem) { return problem.field == "event_date"; }),
                       problems.end());
        const auto place = std::find_if(problems.begin(), problems.end(), [](const Problem& problem) {
            return problem.field != "survey_id" && problem.field != "wave" && problem.field != "event_name";
        });
        problems.insert(place, date_problems.front());
    }
    if (!problems.empty()) return Result<StationConfig>::Failure(std::move(problems));
    return Result<StationConfig>::Success(std::move(draft));
}

Status SaveStationConfig(const StationConfig& config, const std::string& path) noexcept {
    try {
        const std::vector<Problem> problems = ValidateStationConfig(config);
        if (!problems.empty()) return Status::Failure("the settings were not saved: " + problems.front().message);
        std::ostringstream json;
        {
            cereal::JSONOutputArchive archive(json);
            archive(cereal::make_nvp("station_config", config));
        }  // the archive writes its closing brace when it goes out of scope
        json << '\n';
        const Status replaced = ReplaceSettingsFile(path, json.str());
        if (!replaced.ok()) return Status::Failure("the settings were not saved: " + replaced.Message());
        return replaced;
    } catch (const std::exception& error) {
        return Status::Failure(std::string("the settings were not saved: ") + error.what());
    }
}

StationConfigLoadResult LoadStationConfig(const std::string& path, const RandomBytesFunction& fill_random,
                                          std::int64_t now_ms) noexcept {
    StationConfigLoadResult result;
    try {
        const FileReadResult file = ReadWholeFile(path, kMaxStationConfigFileBytes);
        if (file.outcome == FileReadOutcome::kMissing) {
            result.status = StationConfigLoadStatus::kMissing;
            result.config = DefaultStationConfig(fill_random, now_ms);
            return result;
        }
        // Defaults for every failure below; the old station id if the file still shows it.
        const auto fall_back = [&](StationConfigLoadStatus status, const std::string& why) {
            result.status = status;
            result.config = DefaultStationConfig(fill_random, now_ms);
            result.notes.push_back(why + "; the station is back to its default settings");
            if (const auto rescued_id = RescueStationId(file.bytes)) {
                result.config.station_id = *rescued_id;
                result.notes.push_back("the station id was kept");
            } else {
                result.notes.push_back("a new station id was made");
            }
        };
        if (file.outcome != FileReadOutcome::kRead) {
            fall_back(StationConfigLoadStatus::kUnreadable, "the station settings file cannot be read: " + file.error);
            return result;
        }
        const Status shape = CheckJsonShape(
            file.bytes, "station_config", StationConfig::kSerialVersion,
            {{"survey_id", JsonFieldType::kString}, {"wave", JsonFieldType::kString},
             {"event_name", JsonFieldType::kString}, {"event_date", JsonFieldType::kString},
             {"place", JsonFieldType::kString}, {"station_name", JsonFieldType::kString},
             {"station_id", JsonFieldType::kString}, {"default_language", JsonFieldType::kString},
             {"default_answer_mode", JsonFieldType::kString}, {"idle_timeout_seconds", JsonFieldType::kInt32},
             {"keep_partial_answers", JsonFieldType::kBool}});
        if (!shape.ok()) {
            fall_back(StationConfigLoadStatus::kUnreadable, "the station settings file is damaged: " + shape.Message());
            return result;
        }
        StationConfig config;
        try {
            std::istringstream json(file.bytes);
            cereal::JSONInputArchive archive(json);
            archive(cereal::make_nvp("station_config", config));
        } catch (const NewerVersionError& error) {
            fall_back(StationConfigLoadStatus::kTooNew, error.what());
            return result;
        } catch (const std::exception& error) {
            fall_back(StationConfigLoadStatus::kUnreadable,
                      std::string("the station settings file is damaged: ") + error.what());
            return result;
        }
        result.status = StationConfigLoadStatus::kLoaded;
        for (const Problem& problem : ValidateStationConfig(config)) {
            result.status = StationConfigLoadStatus::kRepaired;
            std::string what = problem.message;
            if (!what.empty() && what.back() == '.') what.pop_back();
            result.notes.push_back(what + "; " + ResetField(config, problem.field, fill_random, now_ms));
        }
        result.config = std::move(config);
    } catch (const std::exception& error) {
        result.status = StationConfigLoadStatus::kUnreadable;
        result.notes.push_back(std::string("the station settings could not be loaded: ") + error.what());
        try {
            result.config = DefaultStationConfig(fill_random, now_ms);
        } catch (const std::exception&) {
            result.config = StationConfig();  // nothing better is possible without randomness
        }
    }
    return result;
}

std::string FileNamePart(std::string_view text, std::size_t max_length) {
    std::string part;
    bool separator_pending = false;
    const auto append = [&](std::string_view letters) {
        if (separator_pending && !part.empty()) part.push_back('-');
        separator_pending = false;
        part += letters;
    };
    for (std::size_t offset = 0; offset < text.size();) {
        std::uint32_t code_point = 0;
        std::size_t length = DecodeUtf8(text, offset, code_point);
        if (length == 0) {  // a stray byte: a word break, like any other unusable character
            separator_pending = true;
            offset += 1;
            continue;
        }
        offset += length;
        if (code_point == '\'' || code_point == 0x2019) continue;  // "St Mary's" -> "st-marys"
        if (code_point < 0x80 && IsAsciiLetterOrDigit(static_cast<char>(code_point))) {
            const char ascii = static_cast<char>(code_point);
            append(std::string(1, IsAsciiUpper(ascii) ? static_cast<char>(ascii - 'A' + 'a') : ascii));
        } else if (code_point >= 0xC0 && code_point < 0x180 && *kLatinToAscii[code_point - 0xC0] != '\0') {
            append(kLatinToAscii[code_point - 0xC0]);
        } else {
            separator_pending = true;
        }
    }
    if (part.size() > max_length) part.resize(max_length);
    while (!part.empty() && part.back() == '-') part.pop_back();
    return part;
}

std::string ExportFileName(const StationConfig& config, std::int64_t export_time_ms) {
    std::string name = FileNamePart(config.station_name, kMaxStationNamePartLength);
    if (name.empty()) name = "station";
    const std::string event = FileNamePart(config.event_name, kMaxEventNamePartLength);
    if (!event.empty()) name += "_" + event;
    // The event's day names the file (the officer files them by event); a station set up
    // without one falls back to the day of the export.
    const std::optional<CalendarDate> event_day = CalendarDate::FromIso(config.event_date);
    name += "_" + (event_day ? event_day->ToIso() : DateOf(export_time_ms)) + ".yousaid";
    return name;
}

}  // namespace yousaid
