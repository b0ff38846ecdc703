#pragma once
// Targets and their status. An officer lists KPIs in a CSV (one row per KPI, see
// docs/analytics.md "KPI file"); each gets a suggested status from the figures by the rule
// in SuggestKpiStatus, and the officer may override it with a note, shown beside it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/tabulate.h"
#include "core/analytics/officer_input.h"
#include "core/base/calendar.h"
#include "core/survey/survey.h"

namespace yousaid {

enum class KpiDirection : std::int32_t {
    kHigher = 0,      // higher is better
    kLower = 1,       // lower is better
    kContextual = 2,  // monitored, not judged: no status is suggested
};

enum class KpiStatus : std::int32_t {
    kMet = 0,
    kOnTrack = 1,
    kPartiallyMet = 2,
    kNotOnTrack = 3,
    kNotKnown = 4,
};

// What a KPI measures.
enum class KpiStatistic : std::int32_t {
    kPercentPositive = 0,  // satisfaction of a question, or of a theme (pooled over its questions)
    kMean = 1,             // mean of a question (for before-and-now: "id:now", "id:change", ...)
    kReturnRate = 2,       // RR2: complete and partial responses / invited
    kReturnRateComplete = 3,  // RR1: complete responses / invited
    kCooperationRate = 4,  // COOP1, for event stalls
    // "You said, we did": done / (all - dropped) of the action list (core/actions), never from
    // a KPI file. It counts actions, not people, so no small-number suppression applies.
    kActionsDone = 5,
};

const char* KpiDirectionName(KpiDirection direction);  // "higher", "lower", "contextual"
std::optional<KpiDirection> ParseKpiDirection(std::string_view name);
const char* KpiStatusName(KpiStatus status);  // "Met", "On track", "Partially met", ...
// Case-insensitive, spaces or underscores: "on track", "ON_TRACK" and "On track" all match.
std::optional<KpiStatus> ParseKpiStatus(std::string_view name);
// "percent_positive", "mean", "rr2", "rr1", "coop1", "actions_done"
const char* KpiStatisticName(KpiStatistic statistic);
std::optional<KpiStatistic> ParseKpiStatistic(std::string_view name);

struct KpiCheckpoint {
    CalendarDate date;
    std::optional<double> target;  // empty: the KPI's final target
};

struct KpiDefinition {
    std::string id;
    std::string description;
    KpiStatistic statistic = KpiStatistic::kPercentPositive;
    std::string question;   // a question id (or a means label such as "id:change")
    std::string theme;      // or a theme; exactly one of question and theme for percent_positive
    std::string dimension = kAllDimension;  // which group the KPI is about
    std::string group = kAllGroup;
    std::optional<double> target;  // percent (0-100) or scale value; empty only if contextual
    KpiDirection direction = KpiDirection::kHigher;
    std::string wave;  // the wave assessed; empty: the latest wave with responses
    std::optional<CalendarDate> measured_on;  // empty: the latest submission date of that wave
    std::optional<double> baseline_value;     // empty: the figure in the baseline wave
    std::vector<KpiCheckpoint> checkpoints;   // in date order
    std::optional<KpiStatus> status_override;
    std::string override_note;
    std::uint32_t row = 0;
};

struct KpiFile {
    std::string file_name;
    std::vector<KpiDefinition> kpis;
};

// Reads the KPI CSV. Columns (any order, names case-insensitive): kpi, target, direction
// (required); description, statistic, question, theme, dimension, group, wave, measured_on,
// baseline_value, status_override, override_note, and checkpoint_N_date /
// checkpoint_N_target for N = 1, 2, ... Every problem is listed with its row and column;
// the file is given only when there are none.
Result<KpiFile> ParseKpiCsv(std::string_view bytes, const std::string& file_name);

// Problems that need the survey: unknown questions or themes, a question with no
// satisfaction or mean figure, an unknown dimension. Empty when all is well.
std::vector<Problem> CheckKpis(const KpiFile& file, const Survey& survey);

// Breakdowns the KPIs need beyond the overall one, to add to AnalyticsOptions.
std::vector<Breakdown> BreakdownsNeededByKpis(const KpiFile& file);

// ---- the status rule (docs/analytics.md, "KPI status") ----

struct KpiStatusInputs {
    KpiDirection direction = KpiDirection::kHigher;
    std::optional<double> value;     // the figure now; empty when unknown or suppressed
    std::optional<double> baseline;  // the figure at the baseline
    std::optional<double> target;    // the final target
    std::vector<KpiCheckpoint> checkpoints;  // in date order; the last date is the deadline
    std::optional<CalendarDate> measured_on;
};

struct KpiSuggestion {
    KpiStatus status = KpiStatus::kNotKnown;
    std::string reason;  // one sentence for the board report
    std::optional<KpiCheckpoint> checkpoint;  // the checkpoint compared with, if any
};

KpiSuggestion SuggestKpiStatus(const KpiStatusInputs& inputs);

struct KpiResult {
    KpiDefinition definition;
    std::optional<std::uint32_t> wave;  // index into the report's waves
    std::optional<std::uint32_t> baseline_wave;
    std::optional<CalendarDate> measured_on;
    std::optional<double> value;
    std::optional<Interval> interval;  // 95% interval of value, where there is one
    std::optional<std::int64_t> base;  // valid answers, n, or invited
    std::optional<double> baseline_value;
    bool suppressed = false;
    KpiSuggestion suggestion;
    KpiStatus status = KpiStatus::kNotKnown;  // the override if given, else the suggestion
};

// Looks each KPI's figures up in the report (tabulated from `survey`) and applies the rule.
// The report must include BreakdownsNeededByKpis; a KPI whose group or wave has no figures
// is Not known. A theme's figure pools its questions' positive and valid answers, and is
// suppressed when any of them is.
std::vector<KpiResult> AssessKpis(const AnalyticsReport& report, const Survey& survey, const KpiFile& file);

}  // namespace yousaid
