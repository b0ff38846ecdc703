#include "core/analytics/tabulate.h"

#include <algorithm>
#include <tuple>
#include <cmath>
#include <memory>
#include <unordered_map>
#include <utility>

#include "core/analytics/disclosure_audit.h"
#include "core/analytics/tabulate_groups.h"
#include "core/responses/response.h"

namespace yousaid {

namespace {

using tabulation::FieldGroups;
using tabulation::FineCells;
using tabulation::JoinNames;
using tabulation::KeyIndex;
using tabulation::ResolvedEntry;
using tabulation::ResolveEntry;

bool IsDigit(char character) { return character >= '0' && character <= '9'; }

}  // namespace


double PercentOf(std::int64_t part, std::int64_t whole) {
    return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

namespace {

// ---- what each answer code means for the tables -----------------------------------------

enum class SatisfactionClass : std::uint8_t {
    kNotCounted = 0,  // no answer, skipped, prefer not to say, or outside the item's scale
    kNegative = 1,    // a valid answer that is not positive
    kPositive = 2,
    kDontKnow = 3,    // in the denominator only with include_dont_know
};

}  // namespace

bool IsSatisfactionItem(const Question& question) {
    if (question.role != QuestionRole::kItem) return false;
    switch (question.kind) {
        case QuestionKind::kSingleChoice:
        case QuestionKind::kMultipleChoice:
        case QuestionKind::kScale1To5:
        case QuestionKind::kYesSometimesNo:
            return !question.positive_option_ids.empty();
        case QuestionKind::kRating0To10:
        case QuestionKind::kBeforeAndNow:
            return question.positive_at_least.has_value();
        case QuestionKind::kNumber:
        case QuestionKind::kShortText:
            return false;
    }
    return false;
}

namespace {

std::vector<MeanPart> MeanPartsOf(const Question& question) {
    if (question.role != QuestionRole::kItem) return {};
    switch (question.kind) {
        case QuestionKind::kScale1To5:
        case QuestionKind::kRating0To10:
            return {MeanPart::kValue};
        case QuestionKind::kBeforeAndNow:
            return {MeanPart::kBefore, MeanPart::kNow, MeanPart::kChange};
        default:
            return {};
    }
}

std::string MeanLabel(const Question& question, MeanPart part) {
    switch (part) {
        case MeanPart::kValue:
            return question.id;
        case MeanPart::kBefore:
            return question.id + ":before";
        case MeanPart::kNow:
            return question.id + ":now";
        case MeanPart::kChange:
            return question.id + ":change";
    }
    return question.id;
}

}  // namespace

std::vector<std::string> MeanMeasureLabels(const Survey& survey) {
    std::vector<std::string> labels;
    for (const Question& question : survey.questions) {
        for (const MeanPart part : MeanPartsOf(question)) labels.push_back(MeanLabel(question, part));
    }
    return labels;
}

namespace {

// Per-code lookup tables for one question, built once per tabulation.
struct CodeAttributes {
    std::vector<SatisfactionClass> satisfaction;
    // For each mean part of the question: the code's value, and whether it has one.
    std::vector<std::vector<std::int32_t>> values;
    std::vector<std::vector<std::uint8_t>> has_value;
};

CodeAttributes AttributesOf(const Question& question, const QuestionCodebook& codebook,
                            const std::vector<MeanPart>& parts) {
    const std::size_t code_count = codebook.CodeCount();
    CodeAttributes attributes;
    attributes.satisfaction.assign(code_count, SatisfactionClass::kNotCounted);
    attributes.values.assign(parts.size(), std::vector<std::int32_t>(code_count, 0));
    attributes.has_value.assign(parts.size(), std::vector<std::uint8_t>(code_count, 0));
    auto set_value = [&](std::size_t code, MeanPart part, std::int32_t value) {
        for (std::size_t index = 0; index < parts.size(); ++index) {
            if (parts[index] == part) {
                attributes.values[index][code] = value;
                attributes.has_value[index][code] = 1;
            }
        }
    };
    for (std::size_t option_index = 0; option_index < question.options.size(); ++option_index) {
        const Option& option = question.options[option_index];
        const std::size_t code = codebook.OptionCode(option_index);
        if (option.non_substantive == NonSubstantive::kDontKnow) {
            attributes.satisfaction[code] = SatisfactionClass::kDontKnow;
        } else if (option.non_substantive == NonSubstantive::kPreferNotToSay) {
            attributes.satisfaction[code] = SatisfactionClass::kNotCounted;
        } else if (KindAnswersWithOptions(question.kind)) {
            attributes.satisfaction[code] =
                question.IsPositiveOption(option.id) ? SatisfactionClass::kPositive : SatisfactionClass::kNegative;
            if (question.kind == QuestionKind::kScale1To5 && option.value) set_value(code, MeanPart::kValue, *option.value);
        }
    }
    const std::size_t base = codebook.ValueBase();
    const std::int32_t threshold = question.positive_at_least.value_or(0);
    switch (question.kind) {
        case QuestionKind::kRating0To10:
            for (std::int32_t value = 0; value <= 10; ++value) {
                const std::size_t code = base + static_cast<std::size_t>(value);
                attributes.satisfaction[code] =
                    value >= threshold ? SatisfactionClass::kPositive : SatisfactionClass::kNegative;
                set_value(code, MeanPart::kValue, value);
            }
            break;
        case QuestionKind::kBeforeAndNow:
            for (std::int32_t before = 0; before <= 10; ++before) {
                for (std::int32_t now = 0; now <= 10; ++now) {
                    const std::size_t code = base + static_cast<std::size_t>(before * 11 + now);
                    attributes.satisfaction[code] =
                        now >= threshold ? SatisfactionClass::kPositive : SatisfactionClass::kNegative;
                    set_value(code, MeanPart::kBefore, before);
                    set_value(code, MeanPart::kNow, now);
                    set_value(code, MeanPart::kChange, now - before);
                }
            }
            break;
        case QuestionKind::kMultipleChoice:
            attributes.satisfaction[base] = SatisfactionClass::kNegative;
            attributes.satisfaction[base + 1] = SatisfactionClass::kPositive;
            break;
        default:
            break;
    }
    return attributes;
}


// ---- means from integer sums ------------------------------------------------------------------

struct IntegerMoments {
    std::int64_t count = 0;
    std::int64_t sum = 0;
    std::int64_t sum_of_squares = 0;
};

// t(0.975, nu) for nu >= 1000 from the Cornish-Fisher expansion in 1/nu (Abramowitz & Stegun
// 26.7.5, terms to nu^-4): its truncation error there is below 4e-16 relative (checked
// against mpmath), i.e. at double rounding, and it costs nanoseconds instead of the
// microseconds of solving the incomplete beta function. Large groups all have large nu.
constexpr std::int64_t kSeriesDegreesOfFreedom = 1000;

double StudentT975BySeries(double nu) {
    const double z = kZFor95PercentConfidence;
    const double z2 = z * z;
    const double g1 = (z2 + 1.0) * z / 4.0;
    const double g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
    const double g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
    const double g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;
    return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu;
}

class StudentTCache {
public:
    double QuantileFor(std::int64_t degrees_of_freedom) {
        if (degrees_of_freedom >= kSeriesDegreesOfFreedom) {
            return StudentT975BySeries(static_cast<double>(degrees_of_freedom));
        }
        const auto found = cache_.find(degrees_of_freedom);
        if (found != cache_.end()) return found->second;
        // The same expression MeanAccumulator::Summary uses, so both give identical intervals.
        const double probability = 1.0 - (1.0 - 0.95) / 2.0;
        const auto quantile = StudentTQuantile(probability, static_cast<double>(degrees_of_freedom));
        const double value = quantile.value_or(std::nan(""));
        cache_.emplace(degrees_of_freedom, value);
        return value;
    }

private:
    std::unordered_map<std::int64_t, double> cache_;
};

// Exact: the sums are integers, so the sum of squared deviations n*Sxx - Sx^2 has no rounding
// until the final division.
MeanSummary SummariseMoments(const IntegerMoments& moments, StudentTCache& t_cache) {
    MeanSummary summary;
    summary.count = moments.count;
    if (moments.count == 0) return summary;
    const double n = static_cast<double>(moments.count);
    const double mean = static_cast<double>(moments.sum) / n;
    summary.mean = mean;
    if (moments.count < 2) return summary;
    const std::int64_t scaled_squares = moments.count * moments.sum_of_squares - moments.sum * moments.sum;
    const double variance = static_cast<double>(scaled_squares) / (n * (n - 1.0));
    const double standard_deviation = std::sqrt(std::max(variance, 0.0));
    summary.standard_deviation = standard_deviation;
    const double t = t_cache.QuantileFor(moments.count - 1);
    if (std::isnan(t)) return summary;
    const double half_width = t * standard_deviation / std::sqrt(n);
    summary.confidence_interval = Interval{mean - half_width, mean + half_width};
    return summary;
}

std::string DateOfMilliseconds(std::int64_t milliseconds) {
    if (milliseconds <= 0) return {};
    return FormatIso8601Utc(milliseconds).substr(0, 10);
}

}  // namespace

// ---- public helpers ----------------------------------------------------------------------

Breakdown ParseBreakdown(std::string_view text) {
    Breakdown breakdown;
    std::string normalised(text);
    for (char& character : normalised) {
        if (character == ',') character = '*';
    }
    for (const std::string& part : SplitCrossing(normalised)) {
        if (!part.empty()) breakdown.dimensions.push_back(part);
    }
    return breakdown;
}

const char* ChangeOutcomeName(ChangeOutcome outcome) {
    switch (outcome) {
        case ChangeOutcome::kImproved:
            return "improved";
        case ChangeOutcome::kWorse:
            return "worse";
        case ChangeOutcome::kNoSignificantChange:
            return "no significant change";
        case ChangeOutcome::kSuppressed:
            return "suppressed";
        case ChangeOutcome::kNotAvailable:
            return "";
    }
    return "";
}

bool NaturalLess(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (IsDigit(a[i]) && IsDigit(b[j])) {
            std::size_t i_end = i;
            std::size_t j_end = j;
            while (i_end < a.size() && IsDigit(a[i_end])) ++i_end;
            while (j_end < b.size() && IsDigit(b[j_end])) ++j_end;
            std::size_t i_start = i;
            std::size_t j_start = j;
            while (i_start + 1 < i_end && a[i_start] == '0') ++i_start;
            while (j_start + 1 < j_end && b[j_start] == '0') ++j_start;
            const std::string_view a_digits = a.substr(i_start, i_end - i_start);
            const std::string_view b_digits = b.substr(j_start, j_end - j_start);
            if (a_digits.size() != b_digits.size()) return a_digits.size() < b_digits.size();
            if (a_digits != b_digits) return a_digits < b_digits;
            i = i_end;
            j = j_end;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    if ((a.size() - i) != (b.size() - j)) return (a.size() - i) < (b.size() - j);
    return a < b;  // "07" and "7": a stable, total order
}

std::vector<Problem> CheckPopulation(const Population& population, const Survey& survey) {
    std::vector<Problem> problems;
    for (const PopulationEntry& entry : population.entries) {
        ResolveEntry(survey, entry, &problems, population.file_name);
    }
    return problems;
}

// ---- the report's finders ----------------------------------------------------------------------

namespace {
// The position of the first element that `matches`, as the report's row indexes count.
template <class Container, class Predicate>
std::optional<std::uint32_t> IndexWhere(const Container& items, Predicate matches) {
    for (std::size_t index = 0; index < items.size(); ++index) {
        if (matches(items[index])) return static_cast<std::uint32_t>(index);
    }
    return std::nullopt;
}
}  // namespace

std::optional<std::uint32_t> AnalyticsReport::FindWave(std::string_view wave) const {
    return IndexWhere(waves, [&](const std::string& candidate) { return candidate == wave; });
}

std::optional<std::uint32_t> AnalyticsReport::FindBreakdown(std::string_view dimension) const {
    return IndexWhere(breakdowns, [&](const auto& candidate) { return candidate.dimension == dimension; });
}

std::optional<std::uint32_t> AnalyticsReport::FindGroup(std::uint32_t breakdown, std::string_view group) const {
    if (breakdown >= breakdowns.size()) return std::nullopt;
    return IndexWhere(breakdowns[breakdown].groups, [&](const std::string& candidate) { return candidate == group; });
}

std::optional<std::uint32_t> AnalyticsReport::FindSatisfactionQuestion(std::string_view question_id) const {
    return IndexWhere(satisfaction_question_ids, [&](const std::string& candidate) { return candidate == question_id; });
}

std::optional<std::uint32_t> AnalyticsReport::FindMeanMeasure(std::string_view label) const {
    return IndexWhere(mean_measures, [&](const auto& candidate) { return candidate.label == label; });
}

const ReturnRateRow* AnalyticsReport::FindReturnRate(std::uint32_t wave, std::uint32_t breakdown,
                                                     std::uint32_t group) const {
    if (wave >= waves.size() || breakdown >= breakdowns.size() || group >= breakdowns[breakdown].groups.size()) {
        return nullptr;
    }
    return &return_rates[group_row_offsets[wave * breakdowns.size() + breakdown] + group];
}

const SatisfactionRow* AnalyticsReport::FindSatisfaction(std::uint32_t wave, std::uint32_t breakdown,
                                                         std::uint32_t group, std::uint32_t question) const {
    if (wave >= waves.size() || breakdown >= breakdowns.size() || group >= breakdowns[breakdown].groups.size() ||
        question >= satisfaction_questions.size()) {
        return nullptr;
    }
    const std::size_t group_row = group_row_offsets[wave * breakdowns.size() + breakdown] + group;
    return &satisfaction[group_row * satisfaction_questions.size() + question];
}

const MeanRow* AnalyticsReport::FindMean(std::uint32_t wave, std::uint32_t breakdown, std::uint32_t group,
                                         std::uint32_t measure) const {
    if (wave >= waves.size() || breakdown >= breakdowns.size() || group >= breakdowns[breakdown].groups.size() ||
        measure >= mean_measures.size()) {
        return nullptr;
    }
    const std::size_t group_row = group_row_offsets[wave * breakdowns.size() + breakdown] + group;
    return &means[group_row * mean_measures.size() + measure];
}

const ChangeRow* AnalyticsReport::FindChange(std::uint32_t breakdown, std::uint32_t group, std::uint32_t question,
                                             std::uint32_t wave) const {
    // Change rows are in order of breakdown, group, question and wave.
    const auto key = [](const ChangeRow& row) { return std::make_tuple(row.breakdown, row.group, row.question, row.wave); };
    const auto wanted = std::make_tuple(breakdown, group, question, wave);
    const auto found = std::lower_bound(changes.begin(), changes.end(), wanted,
                                        [&key](const ChangeRow& row, const auto& value) { return key(row) < value; });
    return found != changes.end() && key(*found) == wanted ? &*found : nullptr;
}

// ---- tabulation ----------------------------------------------------------------------------
//
// TabulateReport is a pipeline of steps over one Tabulation, each filling the report's
// tables or the working state the next steps read:
//   1. waves and baseline            ResolveWaves, ChooseBaseline
//   2. breakdowns and cells          ResolveBreakdowns, BuildFields
//   3. groups and invited counts     PlaceGroups
//   4. return rates                  CountReturns, WarnOfMissingInvitedCounts
//   5. the counting pass             CountAnswers
//   6. satisfaction, means, change   SatisfactionRows, MeanRows, ChangeRows
//   7. suppression                   Suppress
// A step that finds the input unusable adds a Problem; the pipeline stops after the step.

namespace {

constexpr std::size_t kStatusCount = 3;  // complete, partial, refused: ResponseStatus 0-2

struct SatisfactionCounts {
    std::int64_t positive = 0;
    std::int64_t negative = 0;
    std::int64_t dont_know = 0;
};

// One breakdown while tabulating. A group is addressed by its key, the mixed-radix
// combination of its fields' groups (0 for "all"); only keys that occur get a group.
struct BreakdownWork {
    std::string dimension;
    std::vector<DimensionField> resolved;    // 0, 1 or 2
    std::vector<const FieldGroups*> fields;  // parallel to resolved
    std::vector<std::size_t> field_slots;    // each field's place in Tabulation::fields
    std::vector<std::uint64_t> group_keys;   // in report order (ascending keys)
    KeyIndex group_of_key;                   // key -> report group
    std::vector<std::uint32_t> row_cell;     // counting per breakdown: wave * groups + group
    std::vector<std::uint32_t> fine_cell;    // counting by fine cells: the same, per fine cell
    std::vector<std::vector<std::uint32_t>> linked_sets;  // over report groups
    std::vector<std::optional<std::int64_t>> invited;     // [wave * groups + group]

    std::size_t GroupCount() const { return group_keys.size(); }
    std::uint64_t SecondCount() const { return fields.size() == 2 ? fields[1]->labels.size() : 1; }
    std::uint64_t KeySpace() const {
        std::uint64_t space = 1;
        for (const FieldGroups* field : fields) space *= field->labels.size();
        return space;
    }
    std::uint64_t KeyOf(std::uint32_t first, std::uint32_t second) const {
        if (fields.empty()) return 0;
        return fields.size() == 1 ? first : first * SecondCount() + second;
    }
    std::uint64_t RowKey(std::size_t row) const {
        if (fields.empty()) return 0;
        return KeyOf(fields[0]->row_group[row], fields.size() == 2 ? fields[1]->row_group[row] : 0);
    }
    std::string LabelOf(std::uint64_t key) const {
        if (fields.empty()) return kAllGroup;
        if (fields.size() == 1) return fields[0]->labels[key];
        return fields[0]->labels[key / SecondCount()] + kCrossingSeparator + fields[1]->labels[key % SecondCount()];
    }
};

struct PopulationMatch {
    const PopulationEntry* entry = nullptr;
    ResolvedEntry resolved;
};

// Everything the steps share.
struct Tabulation {
    Tabulation(const EncodedResponses& encoded, const AnalyticsOptions& chosen, const Population* people,
               const CommentThemeInput* tags)
        : responses(encoded), survey(encoded.survey()), options(chosen), population(people), themes(tags),
          rows(encoded.RowCount()) {}

    const EncodedResponses& responses;
    const Survey& survey;
    const AnalyticsOptions& options;
    const Population* population;
    const CommentThemeInput* themes;  // may be null: no theme table
    const std::size_t rows;
    AnalyticsReport report;
    std::vector<Problem> problems;  // why the report cannot be made

    std::vector<PopulationMatch> entries;  // population entries, resolved
    // 1. waves
    std::uint32_t wave_count = 0;
    std::vector<std::uint32_t> row_wave;  // per respondent
    std::vector<bool> wave_has_rows;
    // 2. breakdowns and cells
    std::vector<BreakdownWork> breakdowns;  // [0] is "all"
    std::vector<std::unique_ptr<FieldGroups>> fields;  // every field of every breakdown, once
    FineCells fine;
    // 3. groups: rows of each table per question (every group of every breakdown in every wave)
    std::size_t group_rows = 0;
    // 5. counts, [group row * items + item]
    std::vector<SatisfactionCounts> satisfaction_counts;
    std::vector<IntegerMoments> moments;
    // 6. the follow-up waves compared with the baseline
    std::vector<std::uint32_t> follow_ups;

    bool UsesFineCells() const { return report.counting_used == CountingStrategy::kFineCells; }
    std::size_t GroupRow(std::uint32_t wave, std::size_t breakdown, std::size_t group) const {
        return report.group_row_offsets[wave * breakdowns.size() + breakdown] + group;
    }
    std::size_t Cell(std::uint32_t wave, const BreakdownWork& breakdown, std::size_t group) const {
        return static_cast<std::size_t>(wave) * breakdown.GroupCount() + group;
    }
    void Refuse(std::string message) { problems.push_back(Problem::Saying(std::move(message))); }
};

// ---- 0. options and population ----

void CheckOptions(Tabulation& t) {
    if (t.options.min_cell < 0) t.Refuse("the minimum cell size cannot be negative");
    if (!(t.options.significance_level > 0.0 && t.options.significance_level < 1.0)) {
        t.Refuse("the significance level must be between 0 and 1");
    }
}

void ResolvePopulation(Tabulation& t) {
    if (t.population == nullptr) return;
    for (const PopulationEntry& entry : t.population->entries) {
        if (auto resolved = ResolveEntry(t.survey, entry, &t.problems, t.population->file_name)) {
            t.entries.push_back(PopulationMatch{&entry, std::move(*resolved)});
        }
    }
}

// ---- 1. waves and baseline ----

// Every wave with responses and every wave the population names, in natural order; each
// respondent's wave and the latest submission date of each wave.
void ResolveWaves(Tabulation& t) {
    AnalyticsReport& report = t.report;
    const std::vector<std::string>& data_waves = t.responses.FieldValues(ResponseField::kWave);
    report.waves = data_waves;
    for (const PopulationMatch& match : t.entries) {
        const std::string& wave = match.entry->wave;
        if (!wave.empty() && std::find(report.waves.begin(), report.waves.end(), wave) == report.waves.end()) {
            report.waves.push_back(wave);
            report.warnings.push_back(t.population->file_name + ": row " + std::to_string(match.entry->row) +
                                      ": wave " + Quoted(wave) + " has no responses");
        }
    }
    std::sort(report.waves.begin(), report.waves.end(),
              [](const std::string& a, const std::string& b) { return NaturalLess(a, b); });
    t.wave_count = static_cast<std::uint32_t>(report.waves.size());
    std::vector<std::uint32_t> wave_of_code(data_waves.size());
    report.wave_latest_submitted_date.assign(report.waves.size(), std::string());
    for (std::size_t code = 0; code < data_waves.size(); ++code) {
        wave_of_code[code] = *report.FindWave(data_waves[code]);
        report.wave_latest_submitted_date[wave_of_code[code]] =
            DateOfMilliseconds(t.responses.LatestSubmittedByWave()[code]);
    }
    if (t.rows == 0) {
        // Exit 0 with empty tables would look like a report; say why it is empty.
        report.warnings.push_back("no responses: every table is empty (do the response files hold only a header?)");
    }
    t.row_wave.resize(t.rows);
    t.wave_has_rows.assign(report.waves.size(), false);
    const std::vector<std::uint32_t>& codes = t.responses.FieldCodes(ResponseField::kWave);
    for (std::size_t row = 0; row < t.rows; ++row) {
        t.row_wave[row] = wave_of_code[codes[row]];
        t.wave_has_rows[t.row_wave[row]] = true;
    }
}

// The wave asked for, which must have responses, or else the first wave that has some.
void ChooseBaseline(Tabulation& t) {
    AnalyticsReport& report = t.report;
    if (t.options.baseline_wave.empty()) {
        for (std::uint32_t wave = 0; wave < t.wave_count; ++wave) {
            if (t.wave_has_rows[wave]) {
                report.baseline_wave = wave;
                break;
            }
        }
    } else {
        const auto baseline = report.FindWave(t.options.baseline_wave);
        if (!baseline || !t.wave_has_rows[*baseline]) {
            std::vector<std::string> with_rows;
            for (std::uint32_t wave = 0; wave < t.wave_count; ++wave) {
                if (t.wave_has_rows[wave]) with_rows.push_back(report.waves[wave]);
            }
            t.Refuse("baseline wave " + Quoted(t.options.baseline_wave) + " has no responses (waves with responses: " +
                     (with_rows.empty() ? std::string("none") : JoinNames(with_rows)) + ")");
            return;
        }
        report.baseline_wave = *baseline;
    }
    if (report.baseline_wave) report.options.baseline_wave = report.waves[*report.baseline_wave];
}

// ---- 2. breakdowns and cells ----

// The fields of one requested breakdown; nullopt (with a problem) when it cannot be used.
std::optional<std::vector<DimensionField>> ResolveBreakdown(Tabulation& t, const Breakdown& breakdown) {
    if (breakdown.dimensions.size() > 2) {
        t.Refuse("a breakdown crosses at most two dimensions, not " + JoinNames(breakdown.dimensions, kCrossingSeparator));
        return std::nullopt;
    }
    std::vector<DimensionField> fields;
    for (const std::string& name : breakdown.dimensions) {
        const auto field = ResolveDimension(t.survey, name);
        if (!field) {
            t.Refuse("unknown breakdown dimension " + Quoted(name) + " (known: " +
                     JoinNames(KnownDimensionNames(t.survey)) + ")");
            return std::nullopt;
        }
        fields.push_back(*field);
    }
    if (fields.size() == 2 && fields[0].name == fields[1].name) {
        t.Refuse("a breakdown cannot cross " + Quoted(fields[0].name) + " with itself");
        return std::nullopt;
    }
    return fields;
}

// "all" first, then each breakdown asked for, once.
void ResolveBreakdowns(Tabulation& t) {
    t.breakdowns.emplace_back();
    t.breakdowns.back().dimension = kAllDimension;
    for (const Breakdown& breakdown : t.options.breakdowns) {
        if (breakdown.dimensions.empty()) continue;
        if (breakdown.dimensions.size() == 1 && breakdown.dimensions[0] == kAllDimension) continue;
        auto fields = ResolveBreakdown(t, breakdown);
        if (!fields) continue;
        std::vector<std::string> names;
        for (const DimensionField& field : *fields) names.push_back(field.name);
        const std::string dimension = JoinNames(names, kCrossingSeparator);
        const bool seen = std::any_of(t.breakdowns.begin(), t.breakdowns.end(),
                                      [&](const BreakdownWork& work) { return work.dimension == dimension; });
        if (seen) continue;
        t.breakdowns.emplace_back();
        t.breakdowns.back().dimension = dimension;
        t.breakdowns.back().resolved = std::move(*fields);
    }
}

// The groups of one field, built once however many breakdowns use it; the population's
// labels join so that invited-only groups are reported.
std::size_t FieldSlot(Tabulation& t, const DimensionField& field) {
    for (std::size_t slot = 0; slot < t.fields.size(); ++slot) {
        if (t.fields[slot]->field.name == field.name) return slot;
    }
    std::vector<std::string> extra_labels;
    for (const PopulationMatch& match : t.entries) {
        for (std::size_t index = 0; index < match.resolved.fields.size(); ++index) {
            if (match.resolved.fields[index].name == field.name) extra_labels.push_back(match.resolved.labels[index]);
        }
    }
    t.fields.push_back(std::make_unique<FieldGroups>(
        tabulation::BuildFieldGroups(t.responses, field, t.row_wave, t.report.waves, extra_labels)));
    return t.fields.size() - 1;
}

// Each breakdown's fields, and how to count. Fine cells, unless nearly every respondent is
// a fine cell of their own (many or large dimensions): then each breakdown counts its
// respondents directly.
void BuildFields(Tabulation& t) {
    for (BreakdownWork& breakdown : t.breakdowns) {
        for (const DimensionField& field : breakdown.resolved) breakdown.field_slots.push_back(FieldSlot(t, field));
    }
    for (BreakdownWork& breakdown : t.breakdowns) {
        for (const std::size_t slot : breakdown.field_slots) breakdown.fields.push_back(t.fields[slot].get());
    }
    if (t.options.counting != CountingStrategy::kPerBreakdown) {
        t.fine = tabulation::BuildFineCells(t.row_wave, t.wave_count, t.fields);
    }
    const bool fine = t.fine.count > 0 &&
                      (t.options.counting == CountingStrategy::kFineCells || t.fine.count * 4 <= t.rows);
    t.report.counting_used = fine ? CountingStrategy::kFineCells : CountingStrategy::kPerBreakdown;
}

// ---- 3. groups and invited counts ----

std::uint64_t FineCellKey(const Tabulation& t, const BreakdownWork& breakdown, std::size_t cell) {
    const std::size_t stride = t.fields.size();
    std::uint32_t parts[2] = {0, 0};
    for (std::size_t index = 0; index < breakdown.field_slots.size(); ++index) {
        parts[index] = t.fine.field_group[cell * stride + breakdown.field_slots[index]];
    }
    return breakdown.KeyOf(parts[0], parts[1]);
}

// The population entries for this breakdown, with the key of the group each names.
std::vector<std::pair<const PopulationEntry*, std::uint64_t>> MatchPopulation(const Tabulation& t,
                                                                             const BreakdownWork& breakdown) {
    std::vector<std::pair<const PopulationEntry*, std::uint64_t>> matches;
    const std::size_t field_count = breakdown.fields.size();
    for (const PopulationMatch& match : t.entries) {
        const ResolvedEntry& resolved = match.resolved;
        if (resolved.fields.size() != field_count) continue;
        std::uint32_t parts[2] = {0, 0};
        bool matches_fields = true;
        // "year_group×school" given for the breakdown school×year_group counts too.
        const bool swapped = field_count == 2 && resolved.fields[0].name == breakdown.resolved[1].name &&
                             resolved.fields[1].name == breakdown.resolved[0].name;
        for (std::size_t index = 0; index < field_count; ++index) {
            const std::size_t given = swapped ? field_count - 1 - index : index;
            if (resolved.fields[given].name != breakdown.resolved[index].name) {
                matches_fields = false;
                break;
            }
            parts[index] = breakdown.fields[index]->index.at(resolved.labels[given]);
        }
        if (matches_fields) matches.emplace_back(match.entry, breakdown.KeyOf(parts[0], parts[1]));
    }
    return matches;
}

// The groups that occur (in responses or the population), in ascending key order; false,
// with a problem, when there are more than a report can hold.
bool CollectGroups(Tabulation& t, BreakdownWork& breakdown,
                   const std::vector<std::pair<const PopulationEntry*, std::uint64_t>>& matches) {
    KeyIndex seen(breakdown.KeySpace());
    if (breakdown.fields.empty()) seen.Insert(0);
    if (t.UsesFineCells()) {
        for (std::size_t cell = 0; cell < t.fine.count; ++cell) seen.Insert(FineCellKey(t, breakdown, cell));
    } else {
        for (std::size_t row = 0; row < t.rows; ++row) seen.Insert(breakdown.RowKey(row));
    }
    for (const auto& match : matches) seen.Insert(match.second);
    if (seen.size() > kMaxGroupsPerBreakdown) {
        t.Refuse("the breakdown " + Quoted(breakdown.dimension) + " has " + std::to_string(seen.size()) +
                 " groups, more than the " + std::to_string(kMaxGroupsPerBreakdown) +
                 " a report can hold; choose a breakdown with fewer groups");
        return false;
    }
    breakdown.group_keys = seen.keys();
    std::sort(breakdown.group_keys.begin(), breakdown.group_keys.end());
    breakdown.group_of_key = KeyIndex(breakdown.KeySpace());
    for (const std::uint64_t key : breakdown.group_keys) breakdown.group_of_key.Insert(key);
    return true;
}

// Each respondent's (or fine cell's) cell: wave * groups + group.
void MapCells(Tabulation& t, BreakdownWork& breakdown) {
    const std::size_t groups = breakdown.GroupCount();
    if (t.UsesFineCells()) {
        breakdown.fine_cell.resize(t.fine.count);
        for (std::size_t cell = 0; cell < t.fine.count; ++cell) {
            breakdown.fine_cell[cell] = static_cast<std::uint32_t>(
                t.fine.wave[cell] * groups + breakdown.group_of_key.At(FineCellKey(t, breakdown, cell)));
        }
        return;
    }
    breakdown.row_cell.resize(t.rows);
    for (std::size_t row = 0; row < t.rows; ++row) {
        breakdown.row_cell[row] =
            static_cast<std::uint32_t>(t.row_wave[row] * groups + breakdown.group_of_key.At(breakdown.RowKey(row)));
    }
}

// Invited counts: a row for the wave wins over a row for every wave.
void SetInvited(const Tabulation& t, BreakdownWork& breakdown,
                const std::vector<std::pair<const PopulationEntry*, std::uint64_t>>& matches) {
    breakdown.invited.assign(t.wave_count * breakdown.GroupCount(), std::nullopt);
    std::vector<bool> set_for_wave(breakdown.invited.size(), false);
    for (const auto& [entry, key] : matches) {
        const std::uint32_t group = breakdown.group_of_key.At(key);
        for (std::uint32_t wave = 0; wave < t.wave_count; ++wave) {
            const bool for_this_wave = entry->wave == t.report.waves[wave];
            if (!entry->wave.empty() && !for_this_wave) continue;
            const std::size_t cell = t.Cell(wave, breakdown, group);
            if (set_for_wave[cell] && !for_this_wave) continue;
            breakdown.invited[cell] = entry->invited;
            if (for_this_wave) set_for_wave[cell] = true;
        }
    }
}

// Sets of groups whose total is published: the breakdown, and each row and column of a
// crossing (their totals are the one-way breakdowns).
void LinkSets(BreakdownWork& breakdown) {
    if (breakdown.fields.empty()) return;
    std::vector<std::uint32_t> all_groups(breakdown.GroupCount());
    for (std::uint32_t index = 0; index < all_groups.size(); ++index) all_groups[index] = index;
    breakdown.linked_sets.push_back(all_groups);
    if (breakdown.fields.size() != 2) return;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_first;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_second;
    std::vector<std::uint64_t> first_order;
    std::vector<std::uint64_t> second_order;
    for (std::uint32_t index = 0; index < breakdown.GroupCount(); ++index) {
        const std::uint64_t first = breakdown.group_keys[index] / breakdown.SecondCount();
        const std::uint64_t second = breakdown.group_keys[index] % breakdown.SecondCount();
        if (by_first.find(first) == by_first.end()) first_order.push_back(first);
        if (by_second.find(second) == by_second.end()) second_order.push_back(second);
        by_first[first].push_back(index);
        by_second[second].push_back(index);
    }
    std::sort(second_order.begin(), second_order.end());
    for (const std::uint64_t first : first_order) breakdown.linked_sets.push_back(by_first[first]);
    for (const std::uint64_t second : second_order) breakdown.linked_sets.push_back(by_second[second]);
}

void PlaceGroups(Tabulation& t) {
    for (BreakdownWork& breakdown : t.breakdowns) {
        const auto matches = MatchPopulation(t, breakdown);
        if (!CollectGroups(t, breakdown, matches)) continue;
        MapCells(t, breakdown);
        SetInvited(t, breakdown, matches);
        LinkSets(breakdown);
        ReportBreakdown described;
        described.dimension = breakdown.dimension;
        for (const DimensionField& field : breakdown.resolved) described.fields.push_back(field.name);
        for (const std::uint64_t key : breakdown.group_keys) described.groups.push_back(breakdown.LabelOf(key));
        t.report.breakdowns.push_back(std::move(described));
    }
    if (!t.problems.empty()) return;
    // Row offsets: every (wave, breakdown) block holds all of the breakdown's groups.
    t.report.group_row_offsets.resize(t.wave_count * t.breakdowns.size());
    for (std::uint32_t wave = 0; wave < t.wave_count; ++wave) {
        for (std::size_t b = 0; b < t.breakdowns.size(); ++b) {
            t.report.group_row_offsets[wave * t.breakdowns.size() + b] = t.group_rows;
            t.group_rows += t.breakdowns[b].GroupCount();
        }
    }
}

// ---- 4. return rates ----

// Complete, partial and refused counts of every cell of one breakdown.
std::vector<std::int64_t> CountStatuses(const Tabulation& t, const BreakdownWork& breakdown,
                                        const std::vector<std::int64_t>& fine_status_counts) {
    std::vector<std::int64_t> counts(t.wave_count * breakdown.GroupCount() * kStatusCount, 0);
    if (t.UsesFineCells()) {
        for (std::size_t fine_cell = 0; fine_cell < t.fine.count; ++fine_cell) {
            const std::size_t cell = breakdown.fine_cell[fine_cell];
            for (std::size_t status = 0; status < kStatusCount; ++status) {
                counts[cell * kStatusCount + status] += fine_status_counts[fine_cell * kStatusCount + status];
            }
        }
        return counts;
    }
    for (std::size_t row = 0; row < t.rows; ++row) {
        const auto status = static_cast<std::size_t>(t.responses.Status(row));
        if (status < kStatusCount) ++counts[breakdown.row_cell[row] * kStatusCount + status];
    }
    return counts;
}

void FillReturnRate(Tabulation& t, ReturnRateRow& out, const BreakdownWork& breakdown) {
    const std::int64_t responded = out.complete + out.partial + out.refused;
    if (out.invited && *out.invited > 0) {
        out.rr1_percent = PercentOf(out.complete, *out.invited);
        out.rr2_percent = PercentOf(out.complete + out.partial, *out.invited);
        if (out.complete + out.partial > *out.invited) {
            t.report.warnings.push_back("wave " + Quoted(t.report.waves[out.wave]) + ", " + breakdown.dimension + " " +
                                        Quoted(t.report.breakdowns[out.breakdown].groups[out.group]) + ": " +
                                        std::to_string(out.complete + out.partial) + " responses but only " +
                                        std::to_string(*out.invited) + " invited; check the population file");
        }
    } else if (responded > 0) {
        // Nobody invited (an event stall) or no invited count: AAPOR's COOP1.
        out.coop1_percent = PercentOf(out.complete, responded);
    }
}

void CountReturns(Tabulation& t) {
    std::vector<std::int64_t> fine_status_counts;
    if (t.UsesFineCells()) {
        fine_status_counts.assign(t.fine.count * kStatusCount, 0);
        for (std::size_t row = 0; row < t.rows; ++row) {
            const auto status = static_cast<std::size_t>(t.responses.Status(row));
            if (status < kStatusCount) ++fine_status_counts[t.fine.row_fine[row] * kStatusCount + status];
        }
    }
    t.report.return_rates.resize(t.group_rows);
    for (std::size_t b = 0; b < t.breakdowns.size(); ++b) {
        const BreakdownWork& breakdown = t.breakdowns[b];
        const std::vector<std::int64_t> counts = CountStatuses(t, breakdown, fine_status_counts);
        for (std::uint32_t wave = 0; wave < t.wave_count; ++wave) {
            for (std::uint32_t group = 0; group < breakdown.GroupCount(); ++group) {
                const std::size_t cell = t.Cell(wave, breakdown, group);
                ReturnRateRow& out = t.report.return_rates[t.GroupRow(wave, b, group)];
                out.wave = wave;
                out.breakdown = static_cast<std::uint32_t>(b);
                out.group = group;
                out.invited = breakdown.invited[cell];
                out.complete = counts[cell * kStatusCount + static_cast<std::size_t>(ResponseStatus::kComplete)];
                out.partial = counts[cell * kStatusCount + static_cast<std::size_t>(ResponseStatus::kPartial)];
                out.refused = counts[cell * kStatusCount + static_cast<std::size_t>(ResponseStatus::kRefused)];
                FillReturnRate(t, out, breakdown);
            }
        }
    }
}

// "a, b, c and 4 more"
std::string ListSome(const std::vector<std::string>& names, std::size_t listed) {
    std::string text;
    for (std::size_t index = 0; index < names.size() && index < listed; ++index) {
        text += (index == 0 ? "" : ", ") + names[index];
    }
    if (names.size() > listed) text += " and " + std::to_string(names.size() - listed) + " more";
    return text;
}

// Groups with responses but no invited count get cooperation rates instead of return rates.
void WarnOfMissingInvitedCounts(Tabulation& t) {
    if (t.population == nullptr) return;
    for (std::size_t b = 0; b < t.breakdowns.size(); ++b) {
        std::vector<std::string> missing;
        bool any_invited = false;
        for (std::uint32_t group = 0; group < t.breakdowns[b].GroupCount(); ++group) {
            bool has_responses = false;
            bool has_invited = false;
            for (std::uint32_t wave = 0; wave < t.wave_count; ++wave) {
                const ReturnRateRow& row = t.report.return_rates[t.GroupRow(wave, b, group)];
                has_invited = has_invited || row.invited.has_value();
                has_responses = has_responses || row.complete + row.partial + row.refused > 0;
            }
            any_invited = any_invited || has_invited;
            if (has_responses && !has_invited) missing.push_back(t.report.breakdowns[b].groups[group]);
        }
        if (missing.empty()) continue;
        if (!any_invited) {
            t.report.warnings.push_back(t.breakdowns[b].dimension + ": " + t.population->file_name +
                                        " has no invited counts for this breakdown (return rates not given; "
                                        "cooperation rates shown instead)");
        } else {
            t.report.warnings.push_back(t.breakdowns[b].dimension + ": no invited count for " + ListSome(missing, 10) +
                                        " (return rates not given; cooperation rates shown instead)");
        }
    }
}

// ---- 5. the counting pass ----

// The questions that get a satisfaction figure or means, in survey order.
std::vector<std::size_t> ChooseTabulatedQuestions(Tabulation& t) {
    std::vector<std::size_t> tabulated;
    for (std::size_t index = 0; index < t.survey.questions.size(); ++index) {
        const Question& question = t.survey.questions[index];
        const bool satisfaction = IsSatisfactionItem(question);
        const std::vector<MeanPart> parts = MeanPartsOf(question);
        if (satisfaction) {
            t.report.satisfaction_questions.push_back(index);
            t.report.satisfaction_question_ids.push_back(question.id);
        }
        for (const MeanPart part : parts) {
            t.report.mean_measures.push_back(MeanMeasure{index, part, MeanLabel(question, part)});
        }
        if (satisfaction || !parts.empty()) tabulated.push_back(index);
    }
    return tabulated;
}

// What one question adds to the counts, and where.
struct QuestionCounting {
    std::size_t question_index = 0;
    std::vector<MeanPart> parts;
    CodeAttributes attributes;
    std::size_t code_count = 0;
    std::optional<std::size_t> satisfaction_slot;  // in report.satisfaction_questions
    std::size_t first_measure = 0;                 // in report.mean_measures
};

QuestionCounting PrepareQuestion(const Tabulation& t, std::size_t question_index) {
    const Question& question = t.survey.questions[question_index];
    const QuestionCodebook& codebook = t.responses.Codebook(question_index);
    QuestionCounting counting;
    counting.question_index = question_index;
    counting.parts = MeanPartsOf(question);
    counting.attributes = AttributesOf(question, codebook, counting.parts);
    counting.code_count = codebook.CodeCount();
    const auto& slots = t.report.satisfaction_questions;
    const auto found = std::find(slots.begin(), slots.end(), question_index);
    if (found != slots.end()) counting.satisfaction_slot = static_cast<std::size_t>(found - slots.begin());
    const auto& measures = t.report.mean_measures;
    while (counting.first_measure < measures.size() &&
           measures[counting.first_measure].question_index != question_index) {
        ++counting.first_measure;
    }
    return counting;
}

// Answers by code in every cell of one breakdown: [cell * codes + code].
void CountCells(const Tabulation& t, const BreakdownWork& breakdown, const QuestionCounting& question,
                const std::vector<std::uint32_t>& fine_counts, std::vector<std::uint32_t>& counts) {
    const std::size_t code_count = question.code_count;
    counts.assign(t.wave_count * breakdown.GroupCount() * code_count, 0);
    std::uint32_t* count_data = counts.data();
    if (t.UsesFineCells()) {
        for (std::size_t fine_cell = 0; fine_cell < t.fine.count; ++fine_cell) {
            std::uint32_t* target = count_data + static_cast<std::size_t>(breakdown.fine_cell[fine_cell]) * code_count;
            const std::uint32_t* source = fine_counts.data() + fine_cell * code_count;
            for (std::size_t code = 0; code < code_count; ++code) target[code] += source[code];
        }
        return;
    }
    const std::uint32_t* cell_of_row = breakdown.row_cell.data();
    const std::uint16_t* code_of_row = t.responses.AnswerCodes(question.question_index).data();
    for (std::size_t row = 0; row < t.rows; ++row) {
        ++count_data[static_cast<std::size_t>(cell_of_row[row]) * code_count + code_of_row[row]];
    }
}

void AddSatisfaction(const QuestionCounting& question, const std::uint32_t* cell_counts, SatisfactionCounts& out) {
    for (std::size_t code = 0; code < question.code_count; ++code) {
        switch (question.attributes.satisfaction[code]) {
            case SatisfactionClass::kPositive:
                out.positive += cell_counts[code];
                break;
            case SatisfactionClass::kNegative:
                out.negative += cell_counts[code];
                break;
            case SatisfactionClass::kDontKnow:
                out.dont_know += cell_counts[code];
                break;
            case SatisfactionClass::kNotCounted:
                break;
        }
    }
}

void AddMoments(const QuestionCounting& question, std::size_t part, const std::uint32_t* cell_counts,
                IntegerMoments& out) {
    const std::vector<std::int32_t>& values = question.attributes.values[part];
    const std::vector<std::uint8_t>& has_value = question.attributes.has_value[part];
    for (std::size_t code = 0; code < question.code_count; ++code) {
        if (!has_value[code] || cell_counts[code] == 0) continue;
        const std::int64_t count = cell_counts[code];
        const std::int64_t value = values[code];
        out.count += count;
        out.sum += count * value;
        out.sum_of_squares += count * value * value;
    }
}

// Adds one breakdown's cell counts into its groups' satisfaction counts and moments.
void AddCellsToGroups(Tabulation& t, std::size_t b, const QuestionCounting& question,
                      const std::vector<std::uint32_t>& counts) {
    const std::size_t satisfaction_count = t.report.satisfaction_questions.size();
    const std::size_t measure_count = t.report.mean_measures.size();
    const BreakdownWork& breakdown = t.breakdowns[b];
    for (std::uint32_t wave = 0; wave < t.wave_count; ++wave) {
        for (std::size_t group = 0; group < breakdown.GroupCount(); ++group) {
            const std::uint32_t* cell_counts = counts.data() + t.Cell(wave, breakdown, group) * question.code_count;
            const std::size_t group_row = t.GroupRow(wave, b, group);
            if (question.satisfaction_slot) {
                AddSatisfaction(question, cell_counts,
                                t.satisfaction_counts[group_row * satisfaction_count + *question.satisfaction_slot]);
            }
            for (std::size_t part = 0; part < question.parts.size(); ++part) {
                AddMoments(question, part, cell_counts,
                           t.moments[group_row * measure_count + question.first_measure + part]);
            }
        }
    }
}

// One pass per question: each respondent's answer counted into their fine cell (or, per
// breakdown, into their cell), then cells into groups.
void CountAnswers(Tabulation& t) {
    const std::vector<std::size_t> tabulated = ChooseTabulatedQuestions(t);
    t.satisfaction_counts.assign(t.group_rows * t.report.satisfaction_questions.size(), SatisfactionCounts{});
    t.moments.assign(t.group_rows * t.report.mean_measures.size(), IntegerMoments{});
    std::vector<std::uint32_t> counts;
    std::vector<std::uint32_t> fine_counts;
    for (const std::size_t question_index : tabulated) {
        const QuestionCounting question = PrepareQuestion(t, question_index);
        if (t.UsesFineCells()) {
            fine_counts.assign(t.fine.count * question.code_count, 0);
            const std::uint32_t* fine_of_row = t.fine.row_fine.data();
            const std::uint16_t* code_of_row = t.responses.AnswerCodes(question_index).data();
            std::uint32_t* fine_data = fine_counts.data();
            // The hot loop: one increment per respondent, no lookups.
            for (std::size_t row = 0; row < t.rows; ++row) {
                ++fine_data[static_cast<std::size_t>(fine_of_row[row]) * question.code_count + code_of_row[row]];
            }
        }
        for (std::size_t b = 0; b < t.breakdowns.size(); ++b) {
            CountCells(t, t.breakdowns[b], question, fine_counts, counts);
            AddCellsToGroups(t, b, question, counts);
        }
    }
}

// ---- 6. satisfaction, means and change ----

// Rows are [group row * items + item]; `fill(row, group row, item)` sets the figures.
template <class Row, class Fill>
void FillRows(const Tabulation& t, std::vector<Row>& rows, std::size_t items, Fill fill) {
    rows.resize(t.group_rows * items);
    for (std::uint32_t wave = 0; wave < t.wave_count; ++wave) {
        for (std::size_t b = 0; b < t.breakdowns.size(); ++b) {
            for (std::size_t group = 0; group < t.breakdowns[b].GroupCount(); ++group) {
                const std::size_t group_row = t.GroupRow(wave, b, group);
                for (std::size_t item = 0; item < items; ++item) {
                    Row& row = rows[group_row * items + item];
                    row.wave = wave;
                    row.breakdown = static_cast<std::uint32_t>(b);
                    row.group = static_cast<std::uint32_t>(group);
                    fill(row, group_row * items + item, item);
                }
            }
        }
    }
}

void SatisfactionRows(Tabulation& t) {
    FillRows(t, t.report.satisfaction, t.report.satisfaction_questions.size(),
             [&t](SatisfactionRow& out, std::size_t index, std::size_t question) {
                 const SatisfactionCounts& in = t.satisfaction_counts[index];
                 out.question = static_cast<std::uint32_t>(question);
                 out.positive = in.positive;
                 out.dont_know = in.dont_know;
                 out.valid = in.positive + in.negative + (t.options.include_dont_know ? in.dont_know : 0);
                 if (out.valid > 0) {
                     out.percent = PercentOf(out.positive, out.valid);
                     const auto interval = WilsonInterval(out.positive, out.valid);
                     out.interval_percent = Interval{interval->low * 100.0, interval->high * 100.0};
                 }
             });
}

void MeanRows(Tabulation& t) {
    StudentTCache t_cache;
    FillRows(t, t.report.means, t.report.mean_measures.size(),
             [&t, &t_cache](MeanRow& out, std::size_t index, std::size_t measure) {
                 out.measure = static_cast<std::uint32_t>(measure);
                 const IntegerMoments& moments = t.moments[index];
                 // Summarised only where primary suppression cannot hide it: the t quantile is dear.
                 if (moments.count < t.options.min_cell) {
                     out.summary.count = moments.count;
                 } else {
                     out.summary = SummariseMoments(moments, t_cache);
                 }
             });
}

ChangeOutcome OutcomeOf(ChangeVerdict verdict) {
    switch (verdict) {
        case ChangeVerdict::Improved:
            return ChangeOutcome::kImproved;
        case ChangeVerdict::Worse:
            return ChangeOutcome::kWorse;
        case ChangeVerdict::NoSignificantChange:
            return ChangeOutcome::kNoSignificantChange;
    }
    return ChangeOutcome::kNotAvailable;
}

ChangeRow CompareWithBaseline(const Tabulation& t, const SatisfactionRow& before, const SatisfactionRow& after) {
    ChangeRow change;
    change.breakdown = after.breakdown;
    change.group = after.group;
    change.question = after.question;
    change.baseline_wave = before.wave;
    change.wave = after.wave;
    change.baseline_percent = before.percent;
    change.percent = after.percent;
    const auto compared =
        CompareProportions(Proportion{before.positive, before.valid}, Proportion{after.positive, after.valid},
                           ImprovementDirection::HigherIsBetter, t.options.significance_level);
    if (!compared) return change;  // kNotAvailable
    change.change_points = compared->change_in_points;
    change.interval_points = compared->interval_in_points;
    change.p_value = compared->p_value;
    change.outcome = OutcomeOf(compared->verdict);
    return change;
}

// Change rows in order breakdown, group, question, follow-up wave, and one (still empty)
// tally of outcomes per breakdown, group and follow-up wave.
void ChangeRows(Tabulation& t) {
    if (!t.report.baseline_wave) return;
    const std::uint32_t baseline = *t.report.baseline_wave;
    // Only later waves: a change reads forwards, from the baseline to the wave.
    for (std::uint32_t wave = baseline + 1; wave < t.wave_count; ++wave) {
        if (t.wave_has_rows[wave]) t.follow_ups.push_back(wave);
    }
    const std::size_t satisfaction_count = t.report.satisfaction_questions.size();
    t.report.changes.reserve(t.group_rows / std::max<std::size_t>(t.wave_count, 1) * satisfaction_count *
                             t.follow_ups.size());
    for (std::size_t b = 0; b < t.breakdowns.size(); ++b) {
        for (std::uint32_t group = 0; group < t.breakdowns[b].GroupCount(); ++group) {
            for (std::size_t question = 0; question < satisfaction_count; ++question) {
                const SatisfactionRow& before =
                    t.report.satisfaction[t.GroupRow(baseline, b, group) * satisfaction_count + question];
                for (const std::uint32_t wave : t.follow_ups) {
                    const SatisfactionRow& after =
                        t.report.satisfaction[t.GroupRow(wave, b, group) * satisfaction_count + question];
                    t.report.changes.push_back(CompareWithBaseline(t, before, after));
                }
            }
            for (const std::uint32_t wave : t.follow_ups) {
                ChangeCountRow tally;
                tally.breakdown = static_cast<std::uint32_t>(b);
                tally.group = group;
                tally.baseline_wave = baseline;
                tally.wave = wave;
                t.report.change_counts.push_back(tally);
            }
        }
    }
}

// Comments carrying each theme, per wave and group: each tag counted into its respondent's
// cell of every breakdown, as answers are.
void CommentThemeRows(Tabulation& t) {
    if (t.themes == nullptr) return;
    AnalyticsReport& report = t.report;
    report.has_comment_themes = true;
    report.comment_theme_items = t.themes->items;
    const std::size_t items = report.comment_theme_items.size();
    std::vector<std::int64_t> counts(t.group_rows * items, 0);
    for (std::size_t b = 0; b < t.breakdowns.size(); ++b) {
        const BreakdownWork& breakdown = t.breakdowns[b];
        for (const auto& [row, item] : t.themes->tags) {
            if (row >= t.rows || item >= items) continue;
            const std::uint32_t cell =
                t.UsesFineCells() ? breakdown.fine_cell[t.fine.row_fine[row]] : breakdown.row_cell[row];
            const std::size_t group_row = t.GroupRow(static_cast<std::uint32_t>(cell / breakdown.GroupCount()), b,
                                                     cell % breakdown.GroupCount());
            ++counts[group_row * items + item];
        }
    }
    FillRows(t, report.comment_themes, items, [&counts](CommentThemeRow& out, std::size_t index, std::size_t item) {
        out.item = static_cast<std::uint32_t>(item);
        out.comments = counts[index];
    });
}

// ---- 7. suppression ----

// What each group of every breakdown counts, in the order of one wave's group rows: the
// disclosure audit's cells.
std::vector<AuditConditions> GroupConditions(const Tabulation& t) {
    std::vector<AuditConditions> cells;
    for (const BreakdownWork& breakdown : t.breakdowns) {
        for (const std::uint64_t key : breakdown.group_keys) {
            AuditConditions conditions;
            const std::uint64_t second_count = breakdown.SecondCount();
            for (std::size_t field = 0; field < breakdown.fields.size(); ++field) {
                const std::uint64_t value =
                    breakdown.fields.size() == 1 ? key : (field == 0 ? key / second_count : key % second_count);
                conditions.emplace_back(static_cast<std::uint32_t>(breakdown.field_slots[field]),
                                        static_cast<std::uint32_t>(value));
            }
            cells.push_back(std::move(conditions));
        }
    }
    return cells;
}

// The one place bases meet the suppression rules: for a table whose rows are [group row *
// items + item], each wave and item is suppressed together: primary and secondary
// suppression per breakdown (SuppressSmallCells), then the rows another table's figures
// would reveal (`revealed_elsewhere(group row, item)`), then the disclosure audit across
// every breakdown. Returns how many rows each rule hid (the revealed ones count as audit).
template <class Row, class BaseOf, class RevealedElsewhere>
SuppressionTally MarkSuppressed(const Tabulation& t, const AuditSystem& system, std::vector<Row>& rows,
                                std::size_t items, BaseOf base_of, RevealedElsewhere revealed_elsewhere) {
    SuppressionTally tally;
    std::vector<std::int64_t> bases;
    std::vector<bool> hidden;
    for (std::uint32_t wave = 0; wave < t.wave_count; ++wave) {
        const std::size_t first_row = t.GroupRow(wave, 0, 0);
        for (std::size_t item = 0; item < items; ++item) {
            bases.clear();
            hidden.clear();
            for (const BreakdownWork& breakdown : t.breakdowns) {
                const std::size_t offset = bases.size();
                for (std::size_t group = 0; group < breakdown.GroupCount(); ++group) {
                    bases.push_back(base_of(rows[(first_row + offset + group) * items + item]));
                }
                const std::vector<std::int64_t> own(bases.begin() + static_cast<std::ptrdiff_t>(offset), bases.end());
                const std::vector<bool> by_rule = SuppressSmallCells(own, t.options.min_cell, breakdown.linked_sets);
                hidden.insert(hidden.end(), by_rule.begin(), by_rule.end());
            }
            for (std::size_t cell = 0; cell < bases.size(); ++cell) {
                const bool primary = bases[cell] > 0 && bases[cell] < t.options.min_cell;
                tally.primary += primary ? 1 : 0;
                tally.secondary += hidden[cell] && !primary ? 1 : 0;
                if (!hidden[cell] && revealed_elsewhere(first_row + cell, item)) {
                    hidden[cell] = true;
                    ++tally.audit;
                }
            }
            tally.audit += static_cast<std::int64_t>(AuditSuppression(system, bases, hidden));
            for (std::size_t cell = 0; cell < bases.size(); ++cell) {
                rows[(first_row + cell) * items + item].suppressed = hidden[cell];
            }
        }
    }
    return tally;
}

// Per satisfaction question, the mean measures of the same question. For these the two
// tables share a figure: valid minus don't know is each measure's n (docs/analytics.md, "The
// disclosure audit").
std::vector<std::vector<std::size_t>> MeasuresOfSatisfactionQuestions(const AnalyticsReport& report) {
    std::vector<std::vector<std::size_t>> measures(report.satisfaction_questions.size());
    for (std::size_t slot = 0; slot < measures.size(); ++slot) {
        for (std::size_t measure = 0; measure < report.mean_measures.size(); ++measure) {
            if (report.mean_measures[measure].question_index == report.satisfaction_questions[slot]) {
                measures[slot].push_back(measure);
            }
        }
    }
    return measures;
}

// What suppression hides is cleared, so that nothing downstream can show it.
void Clear(ReturnRateRow& row) {
    row.complete = row.partial = row.refused = 0;  // `invited` stays: it is the officer's own figure
    row.rr1_percent.reset();
    row.rr2_percent.reset();
    row.coop1_percent.reset();
}
void Clear(SatisfactionRow& row) {
    row.positive = row.valid = row.dont_know = 0;
    row.percent.reset();
    row.interval_percent.reset();
}
void Clear(MeanRow& row) { row.summary = MeanSummary{}; }
void Clear(CommentThemeRow& row) { row.comments = 0; }
void Clear(ChangeRow& row) {
    row.baseline_percent.reset();
    row.percent.reset();
    row.change_points.reset();
    row.interval_points.reset();
    row.p_value.reset();
    row.outcome = ChangeOutcome::kSuppressed;
    row.suppressed = true;
}

template <class Row>
void ClearSuppressed(std::vector<Row>& rows) {
    for (Row& row : rows) {
        if (row.suppressed) Clear(row);
    }
}

// A change is suppressed when either of its two figures is; then each tally counts its
// change rows' outcomes.
void SuppressChanges(Tabulation& t) {
    const std::size_t satisfaction_count = t.report.satisfaction_questions.size();
    const std::size_t follow_up_count = t.follow_ups.size();
    for (std::size_t index = 0; index < t.report.changes.size(); ++index) {
        ChangeRow& change = t.report.changes[index];
        const auto shown = [&](std::uint32_t wave) {
            return !t.report.satisfaction[t.GroupRow(wave, change.breakdown, change.group) * satisfaction_count +
                                          change.question]
                        .suppressed;
        };
        if (!shown(change.baseline_wave) || !shown(change.wave)) Clear(change);
        ChangeCountRow& tally =
            t.report.change_counts[index / (satisfaction_count * follow_up_count) * follow_up_count +
                                   index % follow_up_count];
        switch (change.outcome) {
            case ChangeOutcome::kImproved:
                ++tally.improved;
                break;
            case ChangeOutcome::kWorse:
                ++tally.worse;
                break;
            case ChangeOutcome::kNoSignificantChange:
                ++tally.no_significant_change;
                break;
            case ChangeOutcome::kSuppressed:
                ++tally.suppressed;
                break;
            case ChangeOutcome::kNotAvailable:
                ++tally.not_available;
                break;
        }
    }
}

void Suppress(Tabulation& t) {
    AnalyticsReport& report = t.report;
    const AuditSystem system = BuildAuditSystem(GroupConditions(t));
    const auto revealed_nowhere = [](std::size_t, std::size_t) { return false; };
    const auto responses = [](const ReturnRateRow& row) { return row.complete + row.partial + row.refused; };
    report.return_rates_hidden = MarkSuppressed(t, system, report.return_rates, 1, responses, revealed_nowhere);
    report.means_hidden = MarkSuppressed(t, system, report.means, report.mean_measures.size(),
                                         [](const MeanRow& row) { return row.summary.count; }, revealed_nowhere);
    // Means first: a shown satisfaction row gives its question's mean n (valid - don't know),
    // so a hidden means row hides its satisfaction row too. The other way round nothing leaks
    // (docs/analytics.md), so the two audits stay apart otherwise.
    const std::vector<std::vector<std::size_t>> linked_measures = MeasuresOfSatisfactionQuestions(report);
    const std::size_t measure_count = report.mean_measures.size();
    report.satisfaction_hidden = MarkSuppressed(
        t, system, report.satisfaction, report.satisfaction_questions.size(),
        [](const SatisfactionRow& row) { return row.valid; },
        [&](std::size_t group_row, std::size_t question) {
            const std::vector<std::size_t>& measures = linked_measures[question];
            return std::any_of(measures.begin(), measures.end(), [&](std::size_t measure) {
                return report.means[group_row * measure_count + measure].suppressed;
            });
        });
    if (report.has_comment_themes) {
        report.comment_themes_hidden =
            MarkSuppressed(t, system, report.comment_themes, report.comment_theme_items.size(),
                           [](const CommentThemeRow& row) { return row.comments; }, revealed_nowhere);
        ClearSuppressed(report.comment_themes);
    }
    SuppressChanges(t);
    ClearSuppressed(report.return_rates);
    ClearSuppressed(report.satisfaction);
    ClearSuppressed(report.means);
}

}  // namespace

Result<AnalyticsReport> TabulateReport(const EncodedResponses& responses, const AnalyticsOptions& options,
                                       const Population* population, const CommentThemeInput* themes) {
    Tabulation t(responses, options, population, themes);
    t.report.survey_id = t.survey.id;
    t.report.survey_version = t.survey.version;
    t.report.options = options;
    using Step = void (*)(Tabulation&);
    for (const Step step : {CheckOptions, ResolvePopulation}) step(t);
    if (!t.problems.empty()) return Result<AnalyticsReport>::Failure(std::move(t.problems));
    for (const Step step : {ResolveWaves, ChooseBaseline, ResolveBreakdowns, BuildFields, PlaceGroups, CountReturns,
                            WarnOfMissingInvitedCounts, CountAnswers, SatisfactionRows, MeanRows, ChangeRows,
                            CommentThemeRows, Suppress}) {
        step(t);
        if (!t.problems.empty()) return Result<AnalyticsReport>::Failure(std::move(t.problems));
    }
    return Result<AnalyticsReport>::Success(std::move(t.report));
}

}  // namespace yousaid
