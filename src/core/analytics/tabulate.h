#pragma once
// The figures officers take to their boards (docs/analytics.md defines each one): return
// rates, satisfaction, means, change against the baseline wave, each per wave and per group
// of any breakdown, with small groups suppressed. The same code runs in the browser and in
// the yousaid_report command-line tool.
//
// Usage:
//   EncodedResponses responses = EncodedResponses::FromResponses(survey, loaded);
//   AnalyticsOptions options;  options.breakdowns = {{"school"}, {"school", "year_group"}};
//   Result<AnalyticsReport> report = TabulateReport(responses, options, &population);
//   if (!report.ok()) show DescribeProblems(report.problems);
//
// The report holds rows addressed by index (wave, breakdown, group, question) so that it is
// compact and fast to build; its name tables turn indices into labels. A suppressed row has
// every figure cleared (counts 0, optionals empty) before the report is returned, so nothing
// downstream can show what suppression hides.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analytics/encoded_responses.h"
#include "core/analytics/officer_input.h"
#include "core/analytics/population.h"
#include "core/analytics/statistics.h"
#include "core/analytics/suppression.h"
#include "core/base/problem.h"

namespace yousaid {

inline constexpr const char* kAllDimension = "all";
inline constexpr const char* kAllGroup = "all";
// Joins the two names of a crossing, in dimensions ("school×year_group") and in groups
// ("brookfield_primary×year_5"). U+00D7 MULTIPLICATION SIGN, UTF-8 encoded.
inline constexpr const char* kCrossingSeparator = "\xC3\x97";
inline constexpr std::int64_t kDefaultMinimumCell = 10;
// The most groups one breakdown may have. A crossing of two number questions (ages, say)
// could otherwise ask for millions of groups, each a row of every table, and exhaust the
// browser's memory; a table that long is no use to a reader anyway.
inline constexpr std::size_t kMaxGroupsPerBreakdown = 10000;

// One way to slice the figures: one dimension, or a crossing of two.
struct Breakdown {
    std::vector<std::string> dimensions;  // one or two names ResolveDimension accepts
};

// Parses "school" or "school,year_group" (also "school×year_group") into a Breakdown.
Breakdown ParseBreakdown(std::string_view text);

// How the engine counts (the figures are the same either way; tests compare the two).
enum class CountingStrategy : std::int32_t {
    kAutomatic = 0,     // fine cells unless there are more than a quarter as many as respondents
    kFineCells = 1,     // count each question once per combination of wave and breakdown fields
    kPerBreakdown = 2,  // count each question once per breakdown
};

struct AnalyticsOptions {
    // Cells whose base is below this are suppressed (GP Patient Survey and Ofsted Parent
    // View publish from 10; councils with small cohorts use 5).
    std::int64_t min_cell = kDefaultMinimumCell;
    // "Don't know" answers join satisfaction denominators ("prefer not to say" never does).
    bool include_dont_know = false;
    // The wave others are compared with; empty means the first wave that has responses.
    std::string baseline_wave;
    // Breakdowns besides the overall one, which is always first.
    std::vector<Breakdown> breakdowns;
    // Significance level of the change verdict.
    double significance_level = 0.05;
    CountingStrategy counting = CountingStrategy::kAutomatic;
};

struct ReportBreakdown {
    std::string dimension;            // "all", "school", "school×year_group"
    std::vector<std::string> fields;  // resolved names of the one or two dimensions
    std::vector<std::string> groups;  // labels, in report order
};

// What a means row measures.
enum class MeanPart : std::int32_t {
    kValue = 0,   // scale_1_5 (1-5) and rating_0_10 (0-10) answers
    kBefore = 1,  // before_and_now: the "before" rating
    kNow = 2,     // before_and_now: the "now" rating
    kChange = 3,  // before_and_now: now - before, paired
};

struct MeanMeasure {
    std::size_t question_index = 0;
    MeanPart part = MeanPart::kValue;
    std::string label;  // question id, with ":before", ":now" or ":change" for the parts
};

struct ReturnRateRow {
    std::uint32_t wave = 0;
    std::uint32_t breakdown = 0;
    std::uint32_t group = 0;
    std::optional<std::int64_t> invited;  // kept when suppressed: it is the officer's own figure
    std::int64_t complete = 0;
    std::int64_t partial = 0;
    std::int64_t refused = 0;
    std::optional<double> rr1_percent;    // complete / invited, when invited > 0
    std::optional<double> rr2_percent;    // (complete + partial) / invited, when invited > 0
    std::optional<double> coop1_percent;  // complete / (complete + partial + refused), when
                                          // nobody was invited or the invited count is unknown
    bool suppressed = false;
};

struct SatisfactionRow {
    std::uint32_t wave = 0;
    std::uint32_t breakdown = 0;
    std::uint32_t group = 0;
    std::uint32_t question = 0;  // index into AnalyticsReport::satisfaction_questions
    std::int64_t positive = 0;
    std::int64_t valid = 0;      // the denominator (with "don't know" when asked for)
    std::int64_t dont_know = 0;  // "don't know" answers, whether or not in `valid`
    std::optional<double> percent;
    std::optional<Interval> interval_percent;  // Wilson 95%, in percent
    bool suppressed = false;
};

struct MeanRow {
    std::uint32_t wave = 0;
    std::uint32_t breakdown = 0;
    std::uint32_t group = 0;
    std::uint32_t measure = 0;  // index into AnalyticsReport::mean_measures
    MeanSummary summary;        // n, mean, sample SD, Student-t 95% interval
    bool suppressed = false;
};

enum class ChangeOutcome : std::int32_t {
    kImproved = 0,
    kWorse = 1,
    kNoSignificantChange = 2,
    kSuppressed = 3,
    kNotAvailable = 4,  // no valid answers in one of the two waves
};
// "improved", "worse", "no significant change", "suppressed", "" (not available).
const char* ChangeOutcomeName(ChangeOutcome outcome);

struct ChangeRow {
    std::uint32_t breakdown = 0;
    std::uint32_t group = 0;
    std::uint32_t question = 0;  // index into AnalyticsReport::satisfaction_questions
    std::uint32_t baseline_wave = 0;
    std::uint32_t wave = 0;
    std::optional<double> baseline_percent;
    std::optional<double> percent;
    std::optional<double> change_points;        // percentage points, follow-up minus baseline
    std::optional<Interval> interval_points;    // Newcombe hybrid score 95%, in points
    std::optional<double> p_value;              // pooled two-proportion z-test, two-sided
    ChangeOutcome outcome = ChangeOutcome::kNotAvailable;
    bool suppressed = false;
};

// How many questions improved, did not change, or got worse for one group and wave.
struct ChangeCountRow {
    std::uint32_t breakdown = 0;
    std::uint32_t group = 0;
    std::uint32_t baseline_wave = 0;
    std::uint32_t wave = 0;
    std::int64_t improved = 0;
    std::int64_t no_significant_change = 0;
    std::int64_t worse = 0;
    std::int64_t suppressed = 0;
    std::int64_t not_available = 0;
};

// The officer's theme tags on comments (free-text answers), as the tabulation counts them;
// comment_themes.h builds this from the tags file. An item is one theme on one question.
struct CommentThemeItem {
    std::size_t question_index = 0;  // the free-text question
    std::string question;            // its id
    std::string theme;
};
struct CommentThemeInput {
    std::vector<CommentThemeItem> items;  // in report order: by question, then theme
    // (respondent row, item): each comment carrying each theme, once.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> tags;
};

// How many comments to one question carry one theme, for one group and wave. Its count is
// its own base: a theme few people raised in a small group is as telling as an answer.
struct CommentThemeRow {
    std::uint32_t wave = 0;
    std::uint32_t breakdown = 0;
    std::uint32_t group = 0;
    std::uint32_t item = 0;  // index into AnalyticsReport::comment_theme_items
    std::int64_t comments = 0;
    bool suppressed = false;
};

// How many rows of a table each suppression rule hid (docs/analytics.md, "Small numbers").
struct SuppressionTally {
    std::int64_t primary = 0;    // 0 < base < min_cell
    std::int64_t secondary = 0;  // so that no published total reveals one hidden group
    std::int64_t audit = 0;      // so that no hidden figure is derivable from everything published
};

struct AnalyticsReport {
    std::string survey_id;
    std::int32_t survey_version = 0;
    AnalyticsOptions options;
    std::vector<std::string> waves;  // in natural order ("wave 2" before "wave 10")
    std::optional<std::uint32_t> baseline_wave;  // empty when no wave has responses
    // The latest submission date seen in each wave, "YYYY-MM-DD"; empty when unknown.
    std::vector<std::string> wave_latest_submitted_date;
    std::vector<ReportBreakdown> breakdowns;  // [0] is "all"
    std::vector<std::size_t> satisfaction_questions;  // survey question indices
    std::vector<std::string> satisfaction_question_ids;
    std::vector<MeanMeasure> mean_measures;

    // Rows in order wave, breakdown, group, question (change rows: breakdown, group,
    // question, wave). Every group of every breakdown has a row in every wave.
    std::vector<ReturnRateRow> return_rates;
    std::vector<SatisfactionRow> satisfaction;
    std::vector<MeanRow> means;
    std::vector<ChangeRow> changes;
    std::vector<ChangeCountRow> change_counts;
    std::vector<std::string> warnings;  // e.g. more responses than people invited
    // Rows hidden by each suppression rule, per table (change rows follow satisfaction).
    SuppressionTally return_rates_hidden;
    SuppressionTally satisfaction_hidden;
    SuppressionTally means_hidden;
    // With theme tags only (TabulateReport's `themes`): rows in order wave, breakdown, group, item.
    bool has_comment_themes = false;
    std::vector<CommentThemeItem> comment_theme_items;
    std::vector<CommentThemeRow> comment_themes;
    SuppressionTally comment_themes_hidden;

    // Finders: nullptr when out of range.
    std::optional<std::uint32_t> FindWave(std::string_view wave) const;
    std::optional<std::uint32_t> FindBreakdown(std::string_view dimension) const;
    std::optional<std::uint32_t> FindGroup(std::uint32_t breakdown, std::string_view group) const;
    std::optional<std::uint32_t> FindSatisfactionQuestion(std::string_view question_id) const;
    std::optional<std::uint32_t> FindMeanMeasure(std::string_view label) const;
    const ReturnRateRow* FindReturnRate(std::uint32_t wave, std::uint32_t breakdown, std::uint32_t group) const;
    const SatisfactionRow* FindSatisfaction(std::uint32_t wave, std::uint32_t breakdown, std::uint32_t group,
                                            std::uint32_t question) const;
    const MeanRow* FindMean(std::uint32_t wave, std::uint32_t breakdown, std::uint32_t group,
                            std::uint32_t measure) const;
    // The change from the baseline to `wave` (a wave after it); nullptr when there is none.
    const ChangeRow* FindChange(std::uint32_t breakdown, std::uint32_t group, std::uint32_t question,
                                std::uint32_t wave) const;

    // Row offsets of the first group of each (wave, breakdown), filled by TabulateReport.
    std::vector<std::size_t> group_row_offsets;  // index wave * breakdowns + breakdown
    // How the figures were counted: kFineCells or kPerBreakdown (for tests and benchmarks;
    // kFineCells falls back to kPerBreakdown when the fine cells cannot be keyed).
    CountingStrategy counting_used = CountingStrategy::kAutomatic;
};

// Tabulates every figure. `population` may be null (no invited counts: return rates then
// show counts and cooperation rates only). Never throws on bad input: fails with problems
// for an unknown breakdown dimension, a breakdown with more than kMaxGroupsPerBreakdown
// groups, a baseline wave without responses, a population entry that names an unknown
// dimension or group (as CheckPopulation reports them), min_cell < 0 or a significance
// level outside (0, 1). With `themes`, the comment theme table too, through the same
// suppression and disclosure audit as every other table.
Result<AnalyticsReport> TabulateReport(const EncodedResponses& responses, const AnalyticsOptions& options,
                                       const Population* population = nullptr,
                                       const CommentThemeInput* themes = nullptr);

// Problems with a population file's dimensions and groups against a survey, each naming
// the file, row and field. Empty when every entry can be used.
std::vector<Problem> CheckPopulation(const Population& population, const Survey& survey);

// 100 * part / whole in one division, so the result is the double nearest the exact
// percentage (56 of 100 is 56, not 56.00000000000001 as 0.56 * 100 would give). Every
// percentage in the report is computed this way. `whole` must be > 0.
double PercentOf(std::int64_t part, std::int64_t whole);

// Which questions get a satisfaction figure: items with positive options, or a
// positive_at_least on a 0-10 kind (before-and-now: the "now" rating).
bool IsSatisfactionItem(const Question& question);
// The labels of every means row the survey gives: "id" for scale_1_5 and rating_0_10 items,
// "id:before", "id:now" and "id:change" for before_and_now items.
std::vector<std::string> MeanMeasureLabels(const Survey& survey);

// Compares wave names so that digit runs compare as numbers: "wave 2" < "wave 10",
// "2024" < "2025" < "2025-autumn".
bool NaturalLess(std::string_view a, std::string_view b);

}  // namespace yousaid
