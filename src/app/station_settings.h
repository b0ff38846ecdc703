#pragma once
#include <cstdint>
#include <string>

#include "core/response.h"

namespace yousaid::app {

// How this tablet runs its survey. The staff area sets these; until it has, they come from
// the page's address (?survey=parent_carer) or the defaults below.
struct StationSettings {
    std::string survey_id = "pupil";
    std::string wave;         // defaults to the current year
    std::string station_id;   // a random id made once per device
    std::string event_id;
    AnswerMode answer_mode = AnswerMode::kSelf;
    std::string language = "en";
    std::int32_t idle_timeout_seconds = 180;   // no touch for this long: "Are you still there?"
    std::int32_t still_there_seconds = 30;     // then this long to answer before the session closes
    std::int32_t finish_return_seconds = 20;   // the thank-you screens return to the start after this
    bool keep_partial_answers = true;          // on a timeout: keep what was given, or discard it
};

}  // namespace yousaid::app
