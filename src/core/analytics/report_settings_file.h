#pragma once
// The officer's settings for the figures, kept on the device so that a reload (or the next
// morning) shows the same figures: one small versioned file per survey, beside its KPI
// overrides, and one naming the survey last shown. Read back with every problem named; a
// file that cannot be read leaves the defaults in place, it never stops the workspace.
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/report_request.h"
#include "core/base/problem.h"
#include "core/survey/survey.h"

namespace yousaid {

inline constexpr int kReportSettingsFormatVersion = 1;
inline constexpr const char* kReportSettingsFileName = "report_settings.json";
inline constexpr int kWorkspaceMemoryFormatVersion = 1;
inline constexpr const char* kWorkspaceMemoryFileName = "workspace.json";

// How the satisfaction view orders its questions, by the names the file keeps.
inline constexpr const char* kSatisfactionOrderNames[] = {"question", "change", "percent"};

// What the workspace shows within the report, by name rather than by position: a breakdown
// added or removed moves the others, and a name still finds its own.
struct ShownFigures {
    std::string reported_wave;  // empty: the latest wave
    std::string breakdown;      // a breakdown as written ("school,year_group"); empty: everyone
    std::string group;          // the group compared with everyone; empty: the first
    std::string order = kSatisfactionOrderNames[0];
};

struct KeptReportSettings {
    ReportSettings settings;  // its input_files are not kept: they describe the data, not a choice
    ShownFigures shown;
};

// {"format": "yousaid-report-settings", "version": 1,
//  "settings": {"breakdowns": [...], "min_cell": 10 or null, "include_dont_know": false, "baseline_wave": ""},
//  "shown": {"reported_wave": "", "breakdown": "", "group": "", "order": "question"}}
std::string ReportSettingsJson(const KeptReportSettings& kept);
// Every problem named by the file and its place in it; a newer version is refused by name.
Result<KeptReportSettings> ParseReportSettingsJson(std::string_view text, const std::string& file_name);

// Drops the breakdowns naming a dimension the survey does not have (it may have changed
// since the file was written), each with a problem naming it and the file, so that the rest
// of the settings still make figures.
std::vector<Problem> DropUnknownBreakdowns(ReportSettings& settings, const Survey& survey, const std::string& file_name);

// {"format": "yousaid-workspace", "version": 1, "survey": "pupil"}: the survey last shown.
std::string WorkspaceMemoryJson(const std::string& survey_id);
Result<std::string> ParseWorkspaceMemoryJson(std::string_view text, const std::string& file_name);

}  // namespace yousaid
