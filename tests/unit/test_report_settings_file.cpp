// The workspace's settings for the figures, kept on the device: a versioned file that
// round-trips, refuses what it cannot read by name (a newer version above all), and, read
// against a survey that has changed, leaves out only the breakdowns the survey lost.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analytics_test_support.h"
#include "core/analytics/report_settings_file.h"

using namespace yousaid;

namespace {

std::string Message(const std::string& text) { return ParseReportSettingsJson(text, "report_settings.json").Message(); }

}  // namespace

TEST_CASE("The settings for the figures round-trip through their file") {
    KeptReportSettings kept;
    kept.settings.breakdowns = {"school", "phase,school", "a \"quoted\" name"};
    kept.settings.min_cell = 5;
    kept.settings.include_dont_know = true;
    kept.settings.baseline_wave = "2024";
    kept.settings.input_files = {{"survey", "pupil.json", std::string(64, 'a')}};
    kept.shown = {"2025", "phase,school", "Ash", "change"};
    const Result<KeptReportSettings> read = ParseReportSettingsJson(ReportSettingsJson(kept), "report_settings.json");
    REQUIRE(read.ok());
    CHECK(read.value->settings.breakdowns == kept.settings.breakdowns);
    REQUIRE(read.value->settings.min_cell.has_value());
    CHECK(*read.value->settings.min_cell == 5);
    CHECK(read.value->settings.include_dont_know);
    CHECK(read.value->settings.baseline_wave == "2024");
    CHECK(read.value->settings.input_files.empty());  // they describe the data, not a choice
    CHECK(read.value->shown.reported_wave == "2025");
    CHECK(read.value->shown.breakdown == "phase,school");
    CHECK(read.value->shown.group == "Ash");
    CHECK(read.value->shown.order == "change");
}

TEST_CASE("The default settings round-trip too: no minimum cell is kept as the default, not a number") {
    const std::string json = ReportSettingsJson({});
    CHECK(json.find("\"min_cell\":null") != std::string::npos);
    CHECK(json.find("\"format\":\"yousaid-report-settings\"") != std::string::npos);
    CHECK(json.find("\"version\":1") != std::string::npos);
    const Result<KeptReportSettings> read = ParseReportSettingsJson(json, "report_settings.json");
    REQUIRE(read.ok());
    CHECK_FALSE(read.value->settings.min_cell.has_value());
    CHECK(read.value->settings.breakdowns.empty());
    CHECK(read.value->shown.order == "question");
}

TEST_CASE("A settings file that cannot be read says why, by file and place") {
    const std::string bad_json = Message("{\"format\": \"yousaid-report-settings\", \"version\": 1,");
    CHECK(bad_json.find("report_settings.json") != std::string::npos);
    CHECK(bad_json.find("not a JSON object") != std::string::npos);
    CHECK(Message("{\"format\": \"yousaid-kpi-overrides\", \"version\": 1}").find("format") != std::string::npos);
    CHECK(Message("{\"format\": \"yousaid-report-settings\", \"version\": \"1\"}").find("version") != std::string::npos);
    const std::string wrong_types = Message(
        "{\"format\": \"yousaid-report-settings\", \"version\": 1, \"settings\": {\"breakdowns\": [\"school\", 3], "
        "\"min_cell\": 0, \"include_dont_know\": \"yes\"}, \"shown\": {\"order\": \"alphabetical\"}}");
    CHECK(wrong_types.find("settings.breakdowns[1]: needs text") != std::string::npos);
    CHECK(wrong_types.find("settings.min_cell") != std::string::npos);
    CHECK(wrong_types.find("settings.include_dont_know: needs true or false") != std::string::npos);
    CHECK(wrong_types.find("shown.order") != std::string::npos);
}

TEST_CASE("A settings file from a newer Yousaid is refused with a clear message, not half read") {
    const std::string message = Message("{\"format\": \"yousaid-report-settings\", \"version\": 2, \"settings\": {}}");
    CHECK(message.find("report_settings.json") != std::string::npos);
    CHECK(message.find("version") != std::string::npos);
    CHECK(message.find("written by a newer version of Yousaid (format 2; this version reads format 1 and older); "
                       "update the app to read it") != std::string::npos);
}

TEST_CASE("A file from before a member was added keeps that member's default") {
    const Result<KeptReportSettings> read = ParseReportSettingsJson(
        "{\"format\": \"yousaid-report-settings\", \"version\": 1, \"settings\": {\"breakdowns\": [\"school\"]}}",
        "report_settings.json");
    REQUIRE(read.ok());
    CHECK(read.value->settings.breakdowns == std::vector<std::string>{"school"});
    CHECK_FALSE(read.value->settings.min_cell.has_value());
    CHECK(read.value->shown.breakdown.empty());
}

TEST_CASE("Breakdowns naming a dimension the survey no longer has are left out, each named") {
    const Survey survey = analytics_test::TestSurvey();
    ReportSettings settings;
    settings.breakdowns = {"school", "year_group", "phase,school", "school,year_group", "phase"};
    const std::vector<Problem> problems = DropUnknownBreakdowns(settings, survey, "report_settings.json");
    CHECK(settings.breakdowns == std::vector<std::string>{"school", "phase,school", "phase"});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].file == "report_settings.json");
    CHECK(problems[0].path == "settings.breakdowns[1]");
    CHECK(problems[0].ToString().find("'year_group'") != std::string::npos);
    CHECK(problems[0].ToString().find("test_survey") != std::string::npos);
    CHECK(problems[1].path == "settings.breakdowns[3]");
    CHECK(DropUnknownBreakdowns(settings, survey, "report_settings.json").empty());
}

TEST_CASE("The survey last shown round-trips; a damaged memory file is named") {
    const Result<std::string> read = ParseWorkspaceMemoryJson(WorkspaceMemoryJson("pupil"), "workspace.json");
    REQUIRE(read.ok());
    CHECK(*read.value == "pupil");
    const std::string newer = ParseWorkspaceMemoryJson("{\"format\": \"yousaid-workspace\", \"version\": 9, \"survey\": \"x\"}",
                                                       "workspace.json").Message();
    CHECK(newer.find("newer version") != std::string::npos);
    CHECK(ParseWorkspaceMemoryJson("[]", "workspace.json").Message().find("workspace.json") != std::string::npos);
}
