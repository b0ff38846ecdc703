#pragma once
// A survey station's settings, kept on the device: what the volunteer sets up in the staff
// area at the start of an event, and the station's own id. Saved as versioned JSON (cereal)
// so a file pulled off a tablet can be read by eye.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>

#include "core/responses/response.h"  // AnswerMode, RandomBytesFunction
#include "core/station/settings_file.h"

#include "core/base/problem.h"

namespace yousaid {

inline constexpr std::int32_t kMinIdleTimeoutSeconds = 30;
inline constexpr std::int32_t kMaxIdleTimeoutSeconds = 1800;
inline constexpr std::int32_t kDefaultIdleTimeoutSeconds = 180;
inline constexpr char kDefaultStationName[] = "Tablet";

struct StationConfig {
    // Which survey the station runs, e.g. "parent_carer"; empty until one is chosen.
    std::string survey_id;
    // Which round of the survey, e.g. "2026" or "2026-spring": baseline and change compare
    // waves. Letters, digits, - and _.
    std::string wave;
    std::string event_name;  // e.g. "Local Offer fayre"; empty when not at an event
    std::string event_date;  // YYYY-MM-DD, or empty
    std::string place;       // e.g. "Brookfield Community Centre"; may be empty
    // What the volunteer calls this tablet, e.g. "Tablet 3"; used in export file names.
    std::string station_name = kDefaultStationName;
    // 32 lowercase hex digits (128 random bits), made once per device and stamped on every
    // response it collects. Never shown as a name: it tells tablets apart, not people.
    std::string station_id;
    std::string default_language = "en";  // BCP 47-shaped: en, pl, pt-BR
    AnswerMode default_answer_mode = AnswerMode::kSelf;
    // No touch for this long: "Are you still there?", then the session closes, so the next
    // person never sees the last one's answers.
    std::int32_t idle_timeout_seconds = kDefaultIdleTimeoutSeconds;
    // When a session closes unfinished: keep its answers as a partial response, or discard them.
    bool keep_partial_answers = true;

    friend bool operator==(const StationConfig& a, const StationConfig& b) {
        return a.survey_id == b.survey_id && a.wave == b.wave && a.event_name == b.event_name &&
               a.event_date == b.event_date && a.place == b.place && a.station_name == b.station_name &&
               a.station_id == b.station_id && a.default_language == b.default_language &&
               a.default_answer_mode == b.default_answer_mode && a.idle_timeout_seconds == b.idle_timeout_seconds &&
               a.keep_partial_answers == b.keep_partial_answers;
    }
    friend bool operator!=(const StationConfig& a, const StationConfig& b) { return !(a == b); }

    template <class Archive>
    void save(Archive& archive, const std::uint32_t /*version*/) const {
        archive(cereal::make_nvp("survey_id", survey_id), cereal::make_nvp("wave", wave),
                cereal::make_nvp("event_name", event_name), cereal::make_nvp("event_date", event_date),
                cereal::make_nvp("place", place), cereal::make_nvp("station_name", station_name),
                cereal::make_nvp("station_id", station_id), cereal::make_nvp("default_language", default_language),
                cereal::make_nvp("default_answer_mode", std::string(AnswerModeName(default_answer_mode))),
                cereal::make_nvp("idle_timeout_seconds", idle_timeout_seconds),
                cereal::make_nvp("keep_partial_answers", keep_partial_answers));
    }

    template <class Archive>
    void load(Archive& archive, const std::uint32_t version) {
        if (version > kSerialVersion) throw NewerVersionError("the station settings file", version, kSerialVersion);
        std::string mode_name;
        archive(cereal::make_nvp("survey_id", survey_id), cereal::make_nvp("wave", wave),
                cereal::make_nvp("event_name", event_name), cereal::make_nvp("event_date", event_date),
                cereal::make_nvp("place", place), cereal::make_nvp("station_name", station_name),
                cereal::make_nvp("station_id", station_id), cereal::make_nvp("default_language", default_language),
                cereal::make_nvp("default_answer_mode", mode_name),
                cereal::make_nvp("idle_timeout_seconds", idle_timeout_seconds),
                cereal::make_nvp("keep_partial_answers", keep_partial_answers));
        const auto mode = ParseAnswerMode(mode_name);
        if (!mode) throw cereal::Exception("unknown default answer mode '" + mode_name + "'");
        default_answer_mode = *mode;
    }

    static constexpr std::uint32_t kSerialVersion = 1;
};

// The settings of a device that has none yet: a fresh station id from `fill_random`, the
// wave set to the UTC year of `now_ms`, everything else as in StationConfig above.
StationConfig DefaultStationConfig(const RandomBytesFunction& fill_random, std::int64_t now_ms);

// Every problem, in field order; empty when the settings may be saved and used. Each names
// its JSON key as the field (e.g. "event_date") and says what is wrong in a sentence for the
// volunteer (e.g. "The event date is not a real day. There is no 30 February 2026.").
std::vector<Problem> ValidateStationConfig(const StationConfig& config);

// Station setup as the volunteer filled it in, ready to save: the event date as typed
// (14/03/2026, 14.03.2026, 2026-03-14; see ReadTypedDate) becomes YYYY-MM-DD. Otherwise
// every problem, in field order, each naming its field, as ValidateStationConfig.
Result<StationConfig> ReadStationSetup(StationConfig draft);

// A new station id: 32 lowercase hex digits from 16 bytes of `fill_random`.
std::string NewStationId(const RandomBytesFunction& fill_random);

// Refuses settings with problems (see ValidateStationConfig), so a saved file always loads:
// the failure names the first validation problem, or the file error.
// Replaces the file in one step. Never throws.
Status SaveStationConfig(const StationConfig& config, const std::string& path) noexcept;

enum class StationConfigLoadStatus {
    kLoaded,
    kRepaired,    // read, but some values were unusable and are back to their defaults: see notes
    kMissing,     // no file yet: defaults (with a fresh station id); save them
    kTooNew,      // written by a newer Yousaid: defaults here; do not save over it unasked
    kUnreadable,  // damaged: defaults, keeping the old station id if it could be found
};

struct StationConfigLoadResult {
    StationConfigLoadStatus status = StationConfigLoadStatus::kUnreadable;
    StationConfig config;            // always usable (valid), whatever the status
    std::vector<std::string> notes;  // what was wrong and what was done about it, in words
};

// Never throws. Whatever is in the file (or not), the station gets valid settings to run
// with; the status says whether they are what was saved. A station id is kept whenever one
// can be found, because responses already collected carry it.
StationConfigLoadResult LoadStationConfig(const std::string& path, const RandomBytesFunction& fill_random,
                                          std::int64_t now_ms) noexcept;

// A safe piece of a file name: lowercase a-z, 0-9 and single hyphens, no hyphen at either
// end, at most `max_length` characters. Latin letters with accents become their base letter
// ("Zażółć" -> "zazolc", "Straße" -> "strasse"); apostrophes vanish ("St Mary's" ->
// "st-marys"); anything else separates words. May be empty.
std::string FileNamePart(std::string_view text, std::size_t max_length);

// The name of a responses export, e.g. "tablet-3_local-offer-fayre_2026-03-14.yousaid":
// station name, event name (left out when empty), and the event's date, or the UTC date of
// `export_time_ms` when the station has no event date.
// Only safe ASCII, never empty parts: a station name with nothing usable becomes "station".
std::string ExportFileName(const StationConfig& config, std::int64_t export_time_ms);

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::StationConfig, yousaid::StationConfig::kSerialVersion)
