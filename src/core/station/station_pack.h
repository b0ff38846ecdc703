#pragma once
// A station pack: what an officer hands a volunteer to set up a tablet in one step. The
// survey file, the station's starting settings, and the "You said, we did" cards the
// tablet shows young people before the survey ("You told us ... so we ...").
//
// One versioned JSON file ("yousaid-station-pack"), readable by eye. It is checked whole
// before anything of it is used: a damaged or newer pack changes nothing on the tablet.
// Version 2 adds the officers' public keys the station seals responses to (optional; a
// version 1 pack still loads, and carries none).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/problem.h"
#include "core/responses/response.h"
#include "core/station/station_keys.h"
#include "core/survey/survey.h"
#include "core/survey/translatable_text.h"

namespace yousaid {

inline constexpr int kStationPackFormatVersion = 2;
// The cards screen shows at most this many; a pack may not carry more.
inline constexpr std::size_t kMaxStationCards = 3;
inline constexpr std::size_t kMaxCardTextLength = 400;

// "You told us <you_said> so we <we_did>", in each language the officer wrote.
struct StationCard {
    std::string id;  // the action item's id, so a card can be traced to the officer's list
    TranslatableText you_said;
    TranslatableText we_did;
};

// The settings a pack starts a station with. The event, the place and the tablet's name
// stay the volunteer's to type on the day.
struct StationDefaults {
    std::string wave;
    std::string default_language = "en";
    AnswerMode default_answer_mode = AnswerMode::kSelf;
    std::int32_t idle_timeout_seconds = 180;
    bool keep_partial_answers = true;
};

struct StationPack {
    std::string prepared_by;  // the officer's name, said back to the volunteer before use
    std::string prepared_on;  // YYYY-MM-DD
    std::string survey_text;  // the survey file, as the survey loader reads it
    Survey survey;            // the survey_text, loaded (set by ReadStationPack)
    StationDefaults defaults;
    std::vector<StationCard> cards;
    // The keys the station seals to once the pack is used; none: the pack leaves the
    // station's keys as they are.
    StationKeys public_keys;
};

// The pack as a file. `pack.survey_text` must be a survey file that loads.
std::string StationPackJson(const StationPack& pack);

// Reads a pack and checks every part of it: the format and version, the survey (as the
// survey loader does), the settings (as station setup does) and each card. Every problem is
// placed by file and JSON path ("cards[1].you_said.en"). Never throws.
Result<StationPack> ReadStationPack(std::string_view text, const std::string& file_name);

// The cards a tablet keeps after a pack is applied, for the survey they belong to.
struct StationCards {
    std::string survey_id;
    std::string prepared_by;
    std::vector<StationCard> cards;
};

std::string StationCardsJson(const StationCards& cards);
Result<StationCards> ReadStationCards(std::string_view text, const std::string& file_name);

// "station_pack_pupil_2026-12-02.json".
std::string StationPackFileName(const StationPack& pack);

}  // namespace yousaid
