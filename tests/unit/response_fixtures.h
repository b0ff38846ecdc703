#pragma once
// Shared by the store, transfer and import tests: a survey with every question kind,
// responses that pass CheckResponse against it, and scratch files.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "core/responses/answer_checking.h"
#include "core/responses/response.h"
#include "core/survey/survey.h"
#include "core/survey/survey_loader.h"

namespace response_fixtures {

inline const char* const kSurveyJson = R"({
  "id": "transfer_test", "version": 2, "languages": ["en"],
  "title": "Transfer test", "introduction": "This is not a test.",
  "questions": [
    {"id": "phase", "kind": "single_choice", "role": "demographic", "dimension": "phase", "required": true,
     "text": "Where do you learn?",
     "options": [{"id": "primary", "text": "Primary"}, {"id": "secondary", "text": "Secondary"},
                 {"id": "prefer_not_to_say", "text": "Prefer not to say", "non_substantive": "prefer_not_to_say"}]},
    {"id": "feelings", "kind": "multiple_choice", "text": "How do you feel?",
     "options": [{"id": "happy", "text": "Happy"}, {"id": "calm", "text": "Calm"}, {"id": "worried", "text": "Worried"},
                 {"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"}]},
    {"id": "safe", "kind": "scale_1_5", "text": "I feel safe at school.",
     "options": [{"id": "strongly_disagree", "text": "Strongly disagree", "value": 1},
                 {"id": "disagree", "text": "Disagree", "value": 2},
                 {"id": "neither", "text": "Neither", "value": 3},
                 {"id": "agree", "text": "Agree", "value": 4},
                 {"id": "strongly_agree", "text": "Strongly agree", "value": 5}]},
    {"id": "listened", "kind": "yes_sometimes_no", "text": "Do people listen to you?",
     "options": [{"id": "yes", "text": "Yes"}, {"id": "sometimes", "text": "Sometimes"}, {"id": "no", "text": "No"},
                 {"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"}]},
    {"id": "happiness", "kind": "rating_0_10", "text": "How happy are you?",
     "options": [{"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"}]},
    {"id": "age", "kind": "number", "min": 4, "max": 25, "text": "How old are you?"},
    {"id": "understanding", "kind": "before_and_now", "text": "How well do you understand it?",
     "before_label": "Before support", "now_label": "Now",
     "options": [{"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"}]},
    {"id": "better", "kind": "short_text", "max_length": 500, "text": "What would make things better?",
     "options": [{"id": "prefer_not_to_say", "text": "Prefer not to say", "non_substantive": "prefer_not_to_say"}]}
  ]})";

inline yousaid::Survey TestSurvey() {
    yousaid::SurveyLoadResult result = yousaid::SurveyLoader::LoadFromText(kSurveyJson, "transfer_test.json");
    REQUIRE_MESSAGE(result.Ok(), result.ProblemsText());
    return *result.survey;
}

// A deterministic id: `seed` fills the bytes, so ids are distinct per seed.
inline yousaid::ResponseId IdFor(std::uint32_t seed) {
    yousaid::ResponseId id;
    id.high = 0x5EED000000000000ull | seed;
    id.low = 0x0123456789ABCDEFull ^ (static_cast<std::uint64_t>(seed) * 0x9E3779B97F4A7C15ull);
    return id;
}

// A valid complete response to TestSurvey(); `seed` varies every answer.
inline yousaid::Response MakeResponse(std::uint32_t seed) {
    using yousaid::Answer;
    yousaid::Response response;
    response.id = IdFor(seed);
    response.survey_id = "transfer_test";
    response.survey_version = 2;
    response.wave = seed % 3 == 0 ? "2025" : "2026";
    response.station_id = "tablet-" + std::to_string(seed % 4);
    response.event_id = seed % 2 == 0 ? "local-offer-fayre" : "";
    response.started_at_ms = 1767225600000 + static_cast<std::int64_t>(seed) * 60000;
    response.submitted_at_ms = response.started_at_ms + 300123;
    response.status = yousaid::ResponseStatus::kComplete;
    response.answer_mode = seed % 5 == 0 ? yousaid::AnswerMode::kHelpedByAdult : yousaid::AnswerMode::kSelf;
    response.language = "en";
    response.answers["phase"] = Answer::Choice(seed % 2 == 0 ? "primary" : "secondary");
    if (seed % 4 == 0) {
        response.answers["feelings"] = Answer::Choices({"dont_know"});
    } else {
        response.answers["feelings"] = Answer::Choices({"happy", seed % 3 == 0 ? "worried" : "calm"});
    }
    response.answers["safe"] = Answer::Choice(seed % 2 == 0 ? "agree" : "strongly_agree");
    response.answers["listened"] = seed % 7 == 0 ? Answer::Skipped() : Answer::Choice("sometimes");
    response.answers["happiness"] =
        seed % 6 == 0 ? Answer::Choice("dont_know") : Answer::Integer(static_cast<std::int32_t>(seed % 11));
    response.answers["age"] = Answer::Integer(static_cast<std::int32_t>(4 + seed % 22));
    response.answers["understanding"] = Answer::BeforeAndNow(static_cast<std::int32_t>(seed % 5),
                                                             static_cast<std::int32_t>(5 + seed % 6));
    if (seed % 3 == 1) {
        response.answers["better"] = Answer::Text("More time, \"please\", with teachers;\nthanks " +
                                                  std::to_string(seed) + " \xC3\xA9\xE2\x82\xAC");
    }
    return response;
}

inline std::vector<yousaid::Response> MakeResponses(std::uint32_t first, std::uint32_t count) {
    std::vector<yousaid::Response> responses;
    for (std::uint32_t seed = first; seed < first + count; ++seed) responses.push_back(MakeResponse(seed));
    return responses;
}

// A fresh directory per test case, removed afterwards.
class ScratchDirectory {
public:
    ScratchDirectory() {
        std::random_device random;
        for (int attempt = 0; attempt < 100; ++attempt) {
            const std::filesystem::path candidate =
                std::filesystem::temp_directory_path() / ("yousaid_transfer_" + std::to_string(random()));
            std::error_code error;
            if (std::filesystem::create_directory(candidate, error)) {
                path_ = candidate;
                return;
            }
        }
        FAIL("cannot create a temporary directory");
    }
    ~ScratchDirectory() {
        std::error_code error;
        std::filesystem::remove_all(path_, error);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;

    std::string File(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

inline std::string ReadBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void WriteBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace response_fixtures
