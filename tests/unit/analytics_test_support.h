#pragma once
// Shared by the analytics tests: a small survey with every kind analytics tabulates, and a
// way to write responses down compactly. Header-only, in an anonymous namespace, so each test
// file gets its own copy.
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/analytics/tabulate.h"
#include "core/responses/response.h"
#include "core/survey/survey_loader.h"

namespace analytics_test {

inline const char* const kTestSurveyJson = R"({
  "id": "test_survey", "version": 3, "title": "Test", "introduction": "Test", "languages": ["en"],
  "option_sets": {
    "scale": {"options": [
      {"id": "s1", "text": "1", "value": 1}, {"id": "s2", "text": "2", "value": 2},
      {"id": "s3", "text": "3", "value": 3}, {"id": "s4", "text": "4", "value": 4},
      {"id": "s5", "text": "5", "value": 5},
      {"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"},
      {"id": "prefer_not_to_say", "text": "Prefer not to say", "non_substantive": "prefer_not_to_say"}]}
  },
  "questions": [
    {"id": "phase", "kind": "single_choice", "role": "demographic", "dimension": "phase", "text": "Phase",
     "options": [{"id": "primary", "text": "Primary"}, {"id": "secondary", "text": "Secondary"},
                 {"id": "prefer_not_to_say", "text": "Prefer not to say", "non_substantive": "prefer_not_to_say"}]},
    {"id": "school", "kind": "single_choice", "role": "demographic", "dimension": "school", "text": "School",
     "options": [{"id": "ash", "text": "Ash"}, {"id": "beech", "text": "Beech"}, {"id": "cedar", "text": "Cedar"},
                 {"id": "prefer_not_to_say", "text": "Prefer not to say", "non_substantive": "prefer_not_to_say"}]},
    {"id": "support", "kind": "scale_1_5", "theme": "support", "text": "Support", "options": "scale"},
    {"id": "support_3_plus", "kind": "scale_1_5", "theme": "support", "text": "Support, 3 or more",
     "options": "scale", "positive": ["s3", "s4", "s5"]},
    {"id": "helped", "kind": "yes_sometimes_no", "text": "Helped",
     "options": [{"id": "yes", "text": "Yes"}, {"id": "sometimes", "text": "Sometimes"}, {"id": "no", "text": "No"},
                 {"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"},
                 {"id": "prefer_not_to_say", "text": "Prefer not to say", "non_substantive": "prefer_not_to_say"}]},
    {"id": "happiness", "kind": "rating_0_10", "text": "Happy", "positive_at_least": 7,
     "options": [{"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"}]},
    {"id": "understanding", "kind": "before_and_now", "text": "Understanding", "before_label": "Before",
     "now_label": "Now", "positive_at_least": 7},
    {"id": "comments", "kind": "short_text", "text": "Comments", "max_length": 200}
  ]
})";

inline yousaid::Survey TestSurvey() {
    const yousaid::SurveyLoadResult loaded = yousaid::SurveyLoader::LoadFromText(kTestSurveyJson, "test_survey.json");
    if (!loaded.Ok()) throw std::runtime_error(loaded.ProblemsText());
    return *loaded.survey;
}

// Builds responses with sequential ids.
class ResponseList {
public:
    explicit ResponseList(const yousaid::Survey& survey) : survey_id_(survey.id), version_(survey.version) {}

    yousaid::Response& Add(const std::string& wave, yousaid::ResponseStatus status,
                           std::initializer_list<std::pair<const std::string, yousaid::Answer>> answers) {
        yousaid::Response response;
        response.id.low = ++next_id_;
        response.survey_id = survey_id_;
        response.survey_version = version_;
        response.wave = wave;
        response.status = status;
        response.answers = yousaid::AnswerMap(answers);
        responses_.push_back(std::move(response));
        return responses_.back();
    }

    // `count` complete responses with the same answers.
    void AddMany(int count, const std::string& wave,
                 std::initializer_list<std::pair<const std::string, yousaid::Answer>> answers) {
        for (int index = 0; index < count; ++index) Add(wave, yousaid::ResponseStatus::kComplete, answers);
    }

    const std::vector<yousaid::Response>& All() const { return responses_; }

private:
    std::string survey_id_;
    std::int32_t version_;
    std::uint64_t next_id_ = 0;
    std::vector<yousaid::Response> responses_;
};

// The README's demo report (the command in test_analytics_files.cpp), tabulated.
yousaid::AnalyticsReport DemoAnalyticsReport();

inline yousaid::Answer Choice(const char* option_id) { return yousaid::Answer::Choice(option_id); }

// The satisfaction row for a wave, dimension, group and question, by name.
inline const yousaid::SatisfactionRow& SatisfactionFor(const yousaid::AnalyticsReport& report, const std::string& wave,
                                                       const std::string& dimension, const std::string& group,
                                                       const std::string& question) {
    const auto w = report.FindWave(wave);
    const auto b = report.FindBreakdown(dimension);
    if (!w || !b) throw std::runtime_error("no wave " + wave + " or dimension " + dimension);
    const auto g = report.FindGroup(*b, group);
    const auto q = report.FindSatisfactionQuestion(question);
    if (!g || !q) throw std::runtime_error("no group " + group + " or question " + question);
    return *report.FindSatisfaction(*w, *b, *g, *q);
}

inline const yousaid::ReturnRateRow& ReturnRateFor(const yousaid::AnalyticsReport& report, const std::string& wave,
                                                   const std::string& dimension, const std::string& group) {
    const auto w = report.FindWave(wave);
    const auto b = report.FindBreakdown(dimension);
    if (!w || !b) throw std::runtime_error("no wave " + wave + " or dimension " + dimension);
    const auto g = report.FindGroup(*b, group);
    if (!g) throw std::runtime_error("no group " + group);
    return *report.FindReturnRate(*w, *b, *g);
}

inline const yousaid::MeanRow& MeanFor(const yousaid::AnalyticsReport& report, const std::string& wave,
                                       const std::string& dimension, const std::string& group,
                                       const std::string& measure) {
    const auto w = report.FindWave(wave);
    const auto b = report.FindBreakdown(dimension);
    if (!w || !b) throw std::runtime_error("no wave " + wave + " or dimension " + dimension);
    const auto g = report.FindGroup(*b, group);
    const auto m = report.FindMeanMeasure(measure);
    if (!g || !m) throw std::runtime_error("no group " + group + " or measure " + measure);
    return *report.FindMean(*w, *b, *g, *m);
}

inline const yousaid::ChangeRow& ChangeFor(const yousaid::AnalyticsReport& report, const std::string& dimension,
                                           const std::string& group, const std::string& question) {
    const auto b = report.FindBreakdown(dimension);
    if (!b) throw std::runtime_error("no dimension " + dimension);
    const auto g = report.FindGroup(*b, group);
    const auto q = report.FindSatisfactionQuestion(question);
    if (!g || !q) throw std::runtime_error("no group " + group + " or question " + question);
    for (const yousaid::ChangeRow& row : report.changes) {
        if (row.breakdown == *b && row.group == *g && row.question == *q) return row;
    }
    throw std::runtime_error("no change row");
}

inline yousaid::Result<yousaid::AnalyticsReport> TryTabulate(const yousaid::Survey& survey,
                                                             const ResponseList& responses,
                                                             const yousaid::AnalyticsOptions& options = {},
                                                             const yousaid::Population* population = nullptr) {
    const auto encoded = yousaid::EncodedResponses::FromResponses(survey, responses.All());
    if (!encoded.ok()) return yousaid::Result<yousaid::AnalyticsReport>::Failure(encoded.problems);
    return yousaid::TabulateReport(*encoded.value, options, population);
}

// The report; a test that expected one fails with the problems that stopped it.
inline yousaid::AnalyticsReport Tabulate(const yousaid::Survey& survey, const ResponseList& responses,
                                         const yousaid::AnalyticsOptions& options = {},
                                         const yousaid::Population* population = nullptr) {
    yousaid::Result<yousaid::AnalyticsReport> report = TryTabulate(survey, responses, options, population);
    if (!report.ok()) throw std::runtime_error("no report: " + yousaid::DescribeProblems(report.problems));
    return std::move(*report.value);
}

// Every problem that stopped the report, one a line; empty when there is a report.
inline std::string TabulationProblems(const yousaid::Survey& survey, const ResponseList& responses,
                                      const yousaid::AnalyticsOptions& options = {},
                                      const yousaid::Population* population = nullptr) {
    const yousaid::Result<yousaid::AnalyticsReport> report = TryTabulate(survey, responses, options, population);
    return report.ok() ? std::string() : yousaid::DescribeProblems(report.problems);
}

inline yousaid::Population PopulationFrom(const std::string& csv) {
    yousaid::Result<yousaid::Population> loaded = yousaid::ParsePopulationCsv(csv, "population.csv");
    if (!loaded.ok()) throw std::runtime_error(yousaid::DescribeProblems(loaded.problems));
    return *loaded.value;
}

}  // namespace analytics_test
