#pragma once
// Reading the comments (free-text answers) the officer store holds: one question's comments,
// searched and filtered by wave, station and event, newest first. Never by a demographic
// group: writers in small groups are easy to identify, and comments filtered by the groups
// that are shown would give away the hidden groups' comments by difference.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/officer/officer_store.h"
#include "core/survey/survey.h"

namespace yousaid {

struct CommentFilter {
    std::size_t question_index = 0;  // a free-text question of the survey
    std::string search;              // words the comment contains, ignoring case; empty: any
    std::string wave;                // empty: any
    std::string station;             // kNoValueGroup ("(none)"): responses without one
    std::string event;
};

// One comment found: where it is in the held survey, and what it is shown with.
struct FoundComment {
    std::size_t text_index = 0;  // into HeldSurvey::texts
    std::uint32_t row = 0;
    ResponseId response;
    std::int64_t submitted_at_ms = 0;
    std::string wave;
    std::string station;
    std::string event;
};

// The questions a comment can answer: the survey's free-text questions, in survey order.
std::vector<std::size_t> CommentQuestions(const Survey& survey);

// The comments that match, newest first (the later row first on the same time). The search
// ignores case for the letters A-Z and looks for the text as typed, spaces and all.
std::vector<FoundComment> FindComments(const HeldSurvey& held, const CommentFilter& filter);

// Case-insensitive (A-Z) containment, as the search does it.
bool ContainsIgnoringCase(const std::string& text, const std::string& wanted);

}  // namespace yousaid
