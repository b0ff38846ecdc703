#pragma once
// One way from an officer's inputs to the report: the CLI's flags and the browser
// workspace's settings both become ReportSettings, and both get their figures and their
// files from ProduceOfficerReport, so the two can never disagree about a byte.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/encoded_responses.h"
#include "core/analytics/kpi.h"
#include "core/analytics/population.h"
#include "core/analytics/report_writer.h"
#include "core/analytics/tabulate.h"
#include "core/base/problem.h"

namespace yousaid {

// One file the figures were made from, as report.html lists it, so that a reader can check
// which files a board paper rests on. The CLI lists the files it was given; the browser
// lists the files it imported (the survey by its file name in assets/surveys, e.g.
// "pupil.json"). report.html lists them sorted by role and name, so the order they are
// given in does not matter; the same files give the same bytes from the CLI and the browser.
// Make one with DescribeInputFile.
struct ReportInputFile {
    std::string role;    // "survey", "responses", "population", "kpis"
    std::string name;    // the file's name, without its folder
    std::string sha256;  // 64 lowercase hex digits of the file's bytes
};
ReportInputFile DescribeInputFile(std::string role, std::string name, std::string_view bytes);

// What an officer asks for, in the words of the CLI's flags.
struct ReportSettings {
    std::vector<std::string> breakdowns;   // each like --by: "school" or "school,year_group"
    std::optional<std::int64_t> min_cell;  // empty: kDefaultMinimumCell
    bool include_dont_know = false;
    std::string baseline_wave;             // empty: the first wave with responses
    // Only for report.html's list of inputs: no figure depends on it.
    std::vector<ReportInputFile> input_files;
};

// The engine's options for these settings: every breakdown checked against the survey
// (an unknown dimension is a problem naming the ones there are), then the breakdowns the
// KPIs need.
Result<AnalyticsOptions> ResolveReportSettings(const ReportSettings& settings, const Survey& survey,
                                               const KpiFile* kpis);

struct OfficerReport {
    AnalyticsReport report;
    std::optional<std::vector<KpiResult>> kpis;  // with a KPI file only
    // What report.html needs besides the figures: the questions' wording and sections, and
    // the settings and input files to list.
    Survey survey;
    ReportSettings settings;

    // Every file `scripts/yousaid report` writes, byte for byte (the tables, summary.json
    // and report.html); their names; one of them.
    std::vector<ReportFile> Files() const;
    std::vector<std::string> FileNames() const;
    std::optional<ReportFile> File(const std::string& name) const;
};

// Tabulates the responses and assesses the KPIs. `population` and `kpis` may be null; with
// `themes` (comment_themes.h) the report has the comment themes table too.
Result<OfficerReport> ProduceOfficerReport(const EncodedResponses& responses, const ReportSettings& settings,
                                           const Population* population, const KpiFile* kpis,
                                           const CommentThemeInput* themes = nullptr);

// The survey's overall-satisfaction question (the one whose theme is "overall"), as an index
// into the report's satisfaction questions; nothing when the survey has none.
std::optional<std::uint32_t> OverallSatisfactionQuestion(const AnalyticsReport& report, const Survey& survey);

// A population or KPI file read and checked against the survey, with every problem named
// by file, row and field: the same parsers and checks for the CLI and the workspace.
Result<Population> ReadPopulationFile(std::string_view bytes, const std::string& file_name, const Survey& survey);
Result<KpiFile> ReadKpiFile(std::string_view bytes, const std::string& file_name, const Survey& survey);

}  // namespace yousaid
