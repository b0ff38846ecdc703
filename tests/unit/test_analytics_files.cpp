// The officer's files around the analytics engine: the population CSV, the KPI file and its
// status rule, and the downloads (CSV and JSON).
#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/io/json_document.h"

#include "analytics_test_support.h"
#include "demo_officer_report.h"
#include "core/analytics/tabulate.h"
#include "core/io/csv.h"
#include "core/analytics/kpi.h"
#include "core/analytics/population.h"
#include "core/analytics/report_writer.h"
#include "core/base/file_io.h"
#include "core/crypto/sha256.h"
#include "core/responses/response_set.h"
#include "core/storage/response_import.h"
#include "core/survey/survey_loader.h"

using analytics_test::Choice;
using analytics_test::ResponseList;
using yousaid::AnalyticsOptions;
using yousaid::CalendarDate;
using yousaid::KpiCheckpoint;
using yousaid::KpiDirection;
using yousaid::KpiStatus;
using yousaid::KpiStatusInputs;
using yousaid::ResponseStatus;

namespace {

bool AnyProblemIs(const std::vector<yousaid::Problem>& problems, std::uint32_t row, const std::string& field,
                  const std::string& words) {
    for (const auto& problem : problems) {
        if (problem.row == row && problem.field == field && problem.ToString().find(words) != std::string::npos) {
            return true;
        }
    }
    return false;
}

CalendarDate Date(const char* text) { return *CalendarDate::Parse(text); }

std::vector<std::vector<std::string>> CsvRows(const std::string& bytes) {
    const yousaid::Result<yousaid::CsvTable> read = yousaid::ReadCsv(bytes);
    REQUIRE(read.ok());
    return read.value->rows;
}

}  // namespace

TEST_CASE("analytics: population file parses, with problems named by file, row and field") {
    const auto good = yousaid::ParsePopulationCsv(
        "\xEF\xBB\xBFwave,dimension,group,invited\r\n,all,all,\"1,250\"\r\n2025,school,ash, 310 \r\n\r\n", "pop.csv");
    REQUIRE(good.ok());
    REQUIRE(good.value->entries.size() == 2);
    CHECK(good.value->entries[0].invited == 1250);
    CHECK(good.value->entries[0].wave.empty());
    CHECK(good.value->entries[1].invited == 310);
    CHECK(good.value->entries[1].row == 3);

    const auto bad = yousaid::ParsePopulationCsv(
        "wave,dimension,group,invited\n2025,school,ash,ten\n2025,school,,5\n2025,school,ash,-3\n"
        "2025,school,beech,4\n2025,school,beech,5\n2025,school,cedar,12.5\n",
        "pop.csv");
    CHECK_FALSE(bad.ok());
    CHECK(AnyProblemIs(bad.problems, 2, "invited", "'ten' is not a whole number"));
    CHECK(AnyProblemIs(bad.problems, 3, "group", "is empty"));
    CHECK(AnyProblemIs(bad.problems, 4, "invited", "'-3'"));
    CHECK(AnyProblemIs(bad.problems, 6, "group", "already given in row 5"));
    CHECK(AnyProblemIs(bad.problems, 7, "invited", "'12.5'"));
    CHECK(bad.problems[0].ToString() == "pop.csv: row 2, field 'invited': 'ten' is not a whole number of people (0 or more)");

    const auto no_header = yousaid::ParsePopulationCsv("school,ash,10\n", "pop.csv");
    CHECK_FALSE(no_header.problems.empty());
    CHECK(no_header.problems[0].row == 1);

    // Dimensions and groups are checked against the survey.
    const yousaid::Survey survey = analytics_test::TestSurvey();
    const yousaid::Population population = analytics_test::PopulationFrom(
        "wave,dimension,group,invited\n,shcool,ash,10\n,school,oak,10\n,all,everyone,5\n"
        ",school*phase,ash,3\n,answer_mode,by_pigeon,2\n,school\xC3\x97phase,ash\xC3\x97primary,4\n,event,anything,0\n");
    const auto problems = yousaid::CheckPopulation(population, survey);
    CHECK(AnyProblemIs(problems, 2, "dimension", "unknown dimension 'shcool'"));
    CHECK(AnyProblemIs(problems, 3, "group", "'oak' is not an option of question 'school'"));
    CHECK(AnyProblemIs(problems, 4, "group", "one group 'all'"));
    CHECK(AnyProblemIs(problems, 5, "group", "needs 2 values"));
    CHECK(AnyProblemIs(problems, 6, "group", "unknown answer mode"));
    CHECK(problems.size() == 5);  // rows 7 and 8 are fine
    // The tabulation refuses the same entries with the same problems, and does not throw.
    const auto tabulated = analytics_test::TryTabulate(survey, ResponseList(survey), {}, &population);
    CHECK_FALSE(tabulated.ok());
    CHECK(yousaid::DescribeProblems(tabulated.problems) == yousaid::DescribeProblems(problems));
}

TEST_CASE("analytics: the invited count of everyone in a wave: its own row wins over the row for every wave") {
    const auto population = yousaid::ParsePopulationCsv(
        "wave,dimension,group,invited\n,all,all,1000\n2025,all,all,1200\n2025,school,ash,300\n", "pop.csv");
    REQUIRE(population.ok());
    CHECK(yousaid::InvitedEveryone(*population.value, "2025") == 1200);
    CHECK(yousaid::InvitedEveryone(*population.value, "2024") == 1000);
    const auto by_school_only = yousaid::ParsePopulationCsv("wave,dimension,group,invited\n2025,school,ash,300\n", "pop.csv");
    REQUIRE(by_school_only.ok());
    CHECK_FALSE(yousaid::InvitedEveryone(*by_school_only.value, "2025").has_value());
}

TEST_CASE("analytics: KPI status rule") {
    KpiStatusInputs inputs;
    inputs.direction = KpiDirection::kHigher;
    inputs.target = 80.0;
    inputs.baseline = 60.0;
    inputs.checkpoints = {{Date("2025-03-31"), 65.0}, {Date("2025-09-30"), 70.0}, {Date("2026-03-31"), std::nullopt}};

    // Met whenever the final target is reached.
    inputs.value = 80.0;
    inputs.measured_on = Date("2025-01-15");
    CHECK(yousaid::SuggestKpiStatus(inputs).status == KpiStatus::kMet);

    // Before the deadline: against the latest checkpoint due.
    inputs.value = 66.0;
    inputs.measured_on = Date("2025-04-01");
    auto suggestion = yousaid::SuggestKpiStatus(inputs);
    CHECK(suggestion.status == KpiStatus::kOnTrack);
    REQUIRE(suggestion.checkpoint.has_value());
    CHECK(suggestion.checkpoint->date == Date("2025-03-31"));
    inputs.measured_on = Date("2025-09-30");  // the 70 checkpoint is due on its own date
    CHECK(yousaid::SuggestKpiStatus(inputs).status == KpiStatus::kNotOnTrack);
    // No checkpoint due yet: against the baseline.
    inputs.measured_on = Date("2025-01-15");
    CHECK(yousaid::SuggestKpiStatus(inputs).status == KpiStatus::kOnTrack);
    inputs.value = 55.0;
    CHECK(yousaid::SuggestKpiStatus(inputs).status == KpiStatus::kNotOnTrack);
    inputs.baseline.reset();
    CHECK(yousaid::SuggestKpiStatus(inputs).status == KpiStatus::kNotKnown);
    inputs.baseline = 60.0;

    // At or after the deadline: better than baseline is partly met, otherwise not on track.
    inputs.measured_on = Date("2026-03-31");
    inputs.value = 75.0;
    CHECK(yousaid::SuggestKpiStatus(inputs).status == KpiStatus::kPartiallyMet);
    inputs.value = 60.0;
    CHECK(yousaid::SuggestKpiStatus(inputs).status == KpiStatus::kNotOnTrack);
    // No dates at all: judged as at the deadline.
    inputs.checkpoints.clear();
    inputs.measured_on.reset();
    inputs.value = 70.0;
    CHECK(yousaid::SuggestKpiStatus(inputs).status == KpiStatus::kPartiallyMet);

    // Lower is better mirrors everything.
    KpiStatusInputs lower;
    lower.direction = KpiDirection::kLower;
    lower.target = 20.0;
    lower.baseline = 30.0;
    lower.value = 19.5;
    CHECK(yousaid::SuggestKpiStatus(lower).status == KpiStatus::kMet);
    lower.value = 25.0;
    CHECK(yousaid::SuggestKpiStatus(lower).status == KpiStatus::kPartiallyMet);
    lower.value = 31.0;
    CHECK(yousaid::SuggestKpiStatus(lower).status == KpiStatus::kNotOnTrack);

    // Not known: no figure, contextual, or dates needed but no measurement date.
    KpiStatusInputs unknown;
    unknown.target = 50.0;
    CHECK(yousaid::SuggestKpiStatus(unknown).status == KpiStatus::kNotKnown);
    unknown.value = 40.0;
    unknown.direction = KpiDirection::kContextual;
    CHECK(yousaid::SuggestKpiStatus(unknown).status == KpiStatus::kNotKnown);
    unknown.direction = KpiDirection::kHigher;
    unknown.checkpoints = {{Date("2025-03-31"), 45.0}};
    CHECK(yousaid::SuggestKpiStatus(unknown).status == KpiStatus::kNotKnown);
}

TEST_CASE("analytics: KPI file, assessment and officer override") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    responses.AddMany(48, "2024", {{"phase", Choice("primary")}, {"helped", Choice("yes")}, {"support", Choice("s4")}});
    responses.AddMany(32, "2024", {{"phase", Choice("primary")}, {"helped", Choice("no")}, {"support", Choice("s2")}});
    responses.AddMany(56, "2025", {{"phase", Choice("primary")}, {"helped", Choice("yes")}, {"support", Choice("s5")}});
    responses.AddMany(14, "2025", {{"phase", Choice("secondary")}, {"helped", Choice("no")}, {"support", Choice("s3")}});

    const std::string kpi_csv =
        "kpi,description,statistic,question,theme,dimension,group,target,direction,measured_on,"
        "checkpoint_1_date,checkpoint_1_target,checkpoint_2_date,checkpoint_2_target,status_override,override_note\r\n"
        "helped_90,More than 90% feel helped,,helped,,,,90,higher,2025-07-01,2025-03-31,70,2026-03-31,,,\r\n"
        "support_theme,Support theme,percent_positive,,support,,,60,higher,01/07/2025,,,,,,\r\n"
        "primary_helped,Primary,,helped,,phase,primary,95,higher,2025-07-01,,,,,partially met,\"Small cohort; see narrative\"\r\n"
        "context,Context only,,helped,,,,,contextual,,,,,,,\r\n";
    const auto parsed = yousaid::ParseKpiCsv(kpi_csv, "kpis.csv");
    REQUIRE_MESSAGE(parsed.ok(), yousaid::DescribeProblems(parsed.problems));
    const yousaid::KpiFile& file = *parsed.value;
    REQUIRE(file.kpis.size() == 4);
    CHECK(file.kpis[1].measured_on == Date("2025-07-01"));
    CHECK(file.kpis[0].checkpoints.size() == 2);
    CHECK(*file.kpis[2].status_override == KpiStatus::kPartiallyMet);
    CHECK(yousaid::CheckKpis(file, survey).empty());

    AnalyticsOptions options;
    options.breakdowns = yousaid::BreakdownsNeededByKpis(file);
    const auto report = analytics_test::Tabulate(survey, responses, options);
    const auto results = yousaid::AssessKpis(report, survey, file);
    REQUIRE(results.size() == 4);

    // helped: 48/80 = 60% at baseline, 56/70 = 80% now; 80 >= the 70 checkpoint of 2025-03-31.
    CHECK(report.waves[*results[0].wave] == "2025");
    CHECK(*results[0].value == doctest::Approx(80.0));
    CHECK(*results[0].baseline_value == doctest::Approx(60.0));
    CHECK(*results[0].base == 70);
    CHECK(results[0].suggestion.status == KpiStatus::kOnTrack);
    CHECK(results[0].status == KpiStatus::kOnTrack);

    // Theme "support" pools support (4-5) and support_3_plus (unanswered): 56 of 70 = 80% >= 60.
    CHECK(*results[1].value == doctest::Approx(80.0));
    CHECK(results[1].suggestion.status == KpiStatus::kMet);

    // Primary: 56/56 = 100% >= 95 -> Met suggested, but the officer's override stands beside it.
    CHECK(*results[2].value == doctest::Approx(100.0));
    CHECK(results[2].suggestion.status == KpiStatus::kMet);
    CHECK(results[2].status == KpiStatus::kPartiallyMet);
    CHECK(results[2].definition.override_note == "Small cohort; see narrative");

    CHECK(results[3].suggestion.status == KpiStatus::kNotKnown);

    const auto rows = CsvRows(yousaid::TableCsv(yousaid::KpisTable(report, results)));
    REQUIRE(rows.size() == 5);
    CHECK(rows[0][19] == "suggested_status");
    CHECK(rows[3][19] == "Met");
    CHECK(rows[3][21] == "Partially met");
    CHECK(rows[3][22] == "Small cohort; see narrative");
    CHECK(rows[3][23] == "Partially met");

    // Problems: unknown question, bad direction, bad date, a theme that does not exist.
    const auto bad = yousaid::ParseKpiCsv(
        "kpi,question,target,direction,measured_on,status_override\n"
        "a,helped,90,upwards,2025-02-30,\n"
        "b,helped,ninety,higher,,\n"
        "c,helped,90,higher,,done\n",
        "kpis.csv");
    CHECK(AnyProblemIs(bad.problems, 2, "direction", "'upwards'"));
    CHECK(AnyProblemIs(bad.problems, 2, "measured_on", "'2025-02-30' is not a date"));
    CHECK(AnyProblemIs(bad.problems, 3, "target", "'ninety'"));
    CHECK(AnyProblemIs(bad.problems, 4, "status_override", "'done'"));
    const auto unknown = yousaid::ParseKpiCsv(
        "kpi,question,theme,target,direction\nq,helpd,,90,higher\nt,,no_theme,90,higher\nc,comments,,90,higher\n",
        "kpis.csv");
    REQUIRE(unknown.ok());
    const auto problems = yousaid::CheckKpis(*unknown.value, survey);
    CHECK(AnyProblemIs(problems, 2, "question", "unknown question 'helpd'"));
    CHECK(AnyProblemIs(problems, 3, "theme", "'no_theme'"));
    CHECK(AnyProblemIs(problems, 4, "question", "no satisfaction figure"));
}

TEST_CASE("analytics: downloads are RFC 4180 with a BOM, neutralised text, empty cells and JSON null") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    for (int index = 0; index < 12; ++index) {
        responses.Add("2025", ResponseStatus::kComplete, {{"helped", Choice("yes")}}).event_id = "=HYPERLINK(\"x\")";
    }
    for (int index = 0; index < 3; ++index) {
        responses.Add("2025", ResponseStatus::kComplete, {{"helped", Choice("no")}}).event_id = "fayre, main hall";
    }
    AnalyticsOptions options;
    options.breakdowns = {yousaid::ParseBreakdown("event")};
    const auto report = analytics_test::Tabulate(survey, responses, options);
    const auto files = yousaid::BuildReportFiles(report, nullptr);
    std::vector<std::string> names;
    for (const auto& file : files) names.push_back(file.name);
    CHECK(names == std::vector<std::string>{"return_rates.csv", "satisfaction.csv", "means.csv", "change.csv",
                                            "change_counts.csv", "summary.json"});

    const std::string satisfaction = yousaid::TableCsv(yousaid::SatisfactionTable(report));
    CHECK(satisfaction.compare(0, 3, "\xEF\xBB\xBF") == 0);
    CHECK(satisfaction.find("\r\n") != std::string::npos);
    CHECK(satisfaction.find("nan") == std::string::npos);
    const auto rows = CsvRows(satisfaction);
    CHECK(rows[0] == std::vector<std::string>{"wave", "dimension", "group", "question", "positive", "valid",
                                              "percent", "ci_low", "ci_high", "suppressed"});
    bool saw_neutralised = false;
    bool saw_suppressed = false;
    for (const auto& row : rows) {
        if (row[3] != "helped") continue;
        if (row[2] == "'=HYPERLINK(\"x\")") {
            saw_neutralised = true;
            // 12 of 15, but "fayre" (3) is suppressed, so this one is too.
            CHECK(row[9] == "1");
        }
        if (row[2] == "fayre, main hall") {
            saw_suppressed = true;
            CHECK(row[4].empty());
            CHECK(row[5].empty());
            CHECK(row[6].empty());
            CHECK(row[9] == "1");
        }
        if (row[1] == "all") {
            CHECK(row[4] == "12");
            CHECK(row[5] == "15");
            CHECK(row[6] == "80");
        }
    }
    CHECK(saw_neutralised);
    CHECK(saw_suppressed);

    rapidjson::Document json;
    const std::string summary = yousaid::SummaryJson(report, nullptr);
    json.Parse(summary.c_str());
    REQUIRE_FALSE(json.HasParseError());
    CHECK(json["survey"]["id"] == "test_survey");
    CHECK(json["kpis"].IsNull());
    bool saw_null = false;
    for (const auto& row : json["satisfaction"].GetArray()) {
        if (row["suppressed"].GetBool()) {
            CHECK(row["percent"].IsNull());
            CHECK(row["valid"].IsNull());
            saw_null = true;
        }
    }
    CHECK(saw_null);
    // One wave only: no change rows, but the file still has its header.
    CHECK(CsvRows(yousaid::TableCsv(yousaid::ChangeTable(report))).size() == 1);
}

TEST_CASE("analytics files: non-integer figures at 12 significant digits, counts as integers") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    responses.AddMany(10, "2025", {{"helped", Choice("yes")}});
    responses.AddMany(20, "2025", {{"helped", Choice("no")}});
    const auto report = analytics_test::Tabulate(survey, responses, AnalyticsOptions{});
    bool saw_helped = false;
    for (const auto& row : CsvRows(yousaid::TableCsv(yousaid::SatisfactionTable(report)))) {
        if (row[3] != "helped") continue;
        saw_helped = true;
        CHECK(row[4] == "10");
        CHECK(row[5] == "30");
        CHECK(row[6] == "33.3333333333");  // 10 of 30, not 33.333333333333336
    }
    CHECK(saw_helped);
    const std::string summary = yousaid::SummaryJson(report, nullptr);
    CHECK(summary.find("\"percent\":33.3333333333,") != std::string::npos);
}

TEST_CASE("analytics: change reads forwards: nothing is compared with a later baseline") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    // 2024: 10 of 18 (55.6%); 2025: 20 of 22 (90.9%). With the baseline 2025, nothing follows it.
    responses.AddMany(10, "2024", {{"helped", Choice("yes")}});
    responses.AddMany(8, "2024", {{"helped", Choice("no")}});
    responses.AddMany(20, "2025", {{"helped", Choice("yes")}});
    responses.AddMany(2, "2025", {{"helped", Choice("no")}});
    AnalyticsOptions options;
    options.baseline_wave = "2025";
    const auto report = analytics_test::Tabulate(survey, responses, options);
    CHECK(report.changes.empty());
    CHECK(report.change_counts.empty());
    CHECK(CsvRows(yousaid::TableCsv(yousaid::ChangeTable(report))).size() == 1);
    CHECK(CsvRows(yousaid::TableCsv(yousaid::ChangeCountsTable(report))).size() == 1);

    const auto parsed = yousaid::ParseKpiCsv("kpi,question,target,direction,wave\r\n"
                                             "helped_2024,helped,95,higher,2024\r\n"
                                             "helped_2025,helped,95,higher,2025\r\n",
                                             "kpis.csv");
    REQUIRE_MESSAGE(parsed.ok(), yousaid::DescribeProblems(parsed.problems));
    const auto results = yousaid::AssessKpis(report, survey, *parsed.value);
    REQUIRE(results.size() == 2);
    for (const auto& result : results) {
        CHECK_FALSE(result.baseline_value.has_value());  // neither wave comes after the baseline
        CHECK_FALSE(result.baseline_wave.has_value());
        CHECK(result.suggestion.status == yousaid::KpiStatus::kNotOnTrack);
    }
    rapidjson::Document json;
    const std::string summary = yousaid::SummaryJson(report, &results);
    json.Parse(summary.c_str());
    REQUIRE_FALSE(json.HasParseError());
    CHECK(json["change"].GetArray().Size() == 0);
    CHECK(json["change_counts"].GetArray().Size() == 0);
    CHECK(json["kpis"][0]["baseline_value"].IsNull());

    // With the baseline 2024, 2025 reads forwards: 55.6% to 90.9%, improved.
    options.baseline_wave = "2024";
    const auto forwards = analytics_test::Tabulate(survey, responses, options);
    const auto helped = *forwards.FindSatisfactionQuestion("helped");
    std::size_t compared = 0;
    for (const auto& row : forwards.changes) {
        if (row.question != helped || row.breakdown != 0) continue;
        ++compared;
        CHECK(forwards.waves[row.baseline_wave] == "2024");
        CHECK(forwards.waves[row.wave] == "2025");
        CHECK(row.outcome == yousaid::ChangeOutcome::kImproved);
    }
    CHECK(compared == 1);
}

namespace {

std::string ReadRepositoryFile(const std::string& relative_path) {
    const yousaid::FileReadResult read =
        yousaid::ReadWholeFile(std::string(YOUSAID_SOURCE_DIR) + "/" + relative_path, std::uint64_t{1} << 26);
    if (read.outcome != yousaid::FileReadOutcome::kRead) throw std::runtime_error(relative_path + ": " + read.error);
    return read.bytes;
}

// What yousaid_report writes for the README's demo command (demo_officer_report.h).
std::vector<yousaid::ReportFile> DemoReportFiles() { return demo_report::DemoOfficerReport().Files(); }

}  // namespace

// The figures and their formatting must not drift unnoticed: the demo report's files hash
// to what yousaid_report wrote before the engine was split into steps and the writers into
// one column schema. On a deliberate change, rerun the demo command above and update
// tests/fixtures/report_demo/SHA256SUMS (sha256sum * in the output folder).
//
// The same list holds for the WebAssembly build: every non-integer figure is printed at 12
// significant digits, so the last-bit differences of musl's and glibc's math functions never
// reach the files.
namespace analytics_test {
yousaid::AnalyticsReport DemoAnalyticsReport() { return demo_report::DemoOfficerReport().report; }
}  // namespace analytics_test

constexpr const char* kDemoReportSums = "tests/fixtures/report_demo/SHA256SUMS";

TEST_CASE("analytics files: the demo report is byte-identical to the recorded one") {
    std::map<std::string, std::string> expected;
    std::istringstream sums(ReadRepositoryFile(kDemoReportSums));
    std::string hash;
    std::string name;
    while (sums >> hash >> name) expected[name] = hash;
    REQUIRE(expected.size() == 8);
    const std::vector<yousaid::ReportFile> files = DemoReportFiles();
    CHECK(files.size() == expected.size());
    for (const yousaid::ReportFile& file : files) {
        INFO(file.name);
        CHECK(yousaid::Sha256Hex(yousaid::ComputeSha256(file.bytes)) == expected[file.name]);
    }
}

TEST_CASE("analytics files: FindChange finds every change row of the demo, and nothing else") {
    const yousaid::AnalyticsReport& report = demo_report::DemoOfficerReport().report;
    REQUIRE_FALSE(report.changes.empty());
    for (const yousaid::ChangeRow& row : report.changes) {
        CHECK(report.FindChange(row.breakdown, row.group, row.question, row.wave) == &row);
    }
    const yousaid::ChangeRow& first = report.changes.front();
    CHECK(report.FindChange(first.breakdown, first.group, first.question, first.baseline_wave) == nullptr);
    CHECK(report.FindChange(static_cast<std::uint32_t>(report.breakdowns.size()), 0, 0, first.wave) == nullptr);
}
