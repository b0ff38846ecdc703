#include "core/analytics/kpi.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/base/enum_names.h"
#include "core/base/text.h"
#include "core/io/csv.h"
#include "core/analytics/population.h"

namespace yousaid {

namespace {

// "On track" -> "on_track": how status names are compared.
std::string StatusKey(std::string_view text) {
    std::string key;
    for (const char character : AsciiLowercase(TrimSpaces(text))) key.push_back(character == ' ' ? '_' : character);
    return key;
}

std::string FormatNumber(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

bool Reaches(KpiDirection direction, double value, double target) {
    return direction == KpiDirection::kLower ? value <= target : value >= target;
}

bool Better(KpiDirection direction, double value, double reference) {
    return direction == KpiDirection::kLower ? value < reference : value > reference;
}

}  // namespace

namespace {

constexpr EnumNames<KpiDirection, 3> kDirectionNames{{
    {KpiDirection::kHigher, "higher"},
    {KpiDirection::kLower, "lower"},
    {KpiDirection::kContextual, "contextual"},
}};

constexpr EnumNames<KpiStatus, 5> kStatusNames{{
    {KpiStatus::kMet, "Met"},
    {KpiStatus::kOnTrack, "On track"},
    {KpiStatus::kPartiallyMet, "Partially met"},
    {KpiStatus::kNotOnTrack, "Not on track"},
    {KpiStatus::kNotKnown, "Not known"},
}};

constexpr EnumNames<KpiStatistic, 6> kStatisticNames{{
    {KpiStatistic::kPercentPositive, "percent_positive"},
    {KpiStatistic::kMean, "mean"},
    {KpiStatistic::kReturnRate, "rr2"},
    {KpiStatistic::kReturnRateComplete, "rr1"},
    {KpiStatistic::kCooperationRate, "coop1"},
    {KpiStatistic::kActionsDone, "actions_done"},
}};

}  // namespace

// The names are string literals, so data() ends in a NUL.
const char* KpiDirectionName(KpiDirection direction) { return NameOf(kDirectionNames, direction).data(); }

std::optional<KpiDirection> ParseKpiDirection(std::string_view name) {
    const std::string key = AsciiLowercase(TrimSpaces(name));
    if (key == "higher is better") return KpiDirection::kHigher;
    if (key == "lower is better") return KpiDirection::kLower;
    return ValueOf(kDirectionNames, key);
}

const char* KpiStatusName(KpiStatus status) { return NameOf(kStatusNames, status).data(); }

std::optional<KpiStatus> ParseKpiStatus(std::string_view name) {
    const std::string key = StatusKey(name);
    for (const auto& entry : kStatusNames) {
        if (key == StatusKey(entry.second)) return entry.first;
    }
    return std::nullopt;
}

const char* KpiStatisticName(KpiStatistic statistic) { return NameOf(kStatisticNames, statistic).data(); }

std::optional<KpiStatistic> ParseKpiStatistic(std::string_view name) {
    return ValueOf(kStatisticNames, AsciiLowercase(TrimSpaces(name)));
}

namespace {

constexpr const char* kNotADate = " is not a date (2025-03-31 or 31/03/2025)";

// checkpoint_N_date and checkpoint_N_target, for any N the officer used: N -> (date column,
// target column), either name empty when that column is absent.
using CheckpointColumns = std::map<std::int32_t, std::pair<std::string, std::string>>;

CheckpointColumns FindCheckpointColumns(const CsvRow& header_row) {
    CheckpointColumns columns;
    const std::string prefix = "checkpoint_";
    for (const std::string& cell : header_row) {
        const std::string name = NormaliseCsvColumnName(cell);
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::size_t underscore = name.find('_', prefix.size());
        if (underscore == std::string::npos) continue;
        const std::string_view digits = std::string_view(name).substr(prefix.size(), underscore - prefix.size());
        const bool plain = digits.size() <= 4 && digits.find_first_not_of("0123456789") == std::string_view::npos;
        const std::string suffix = name.substr(underscore + 1);
        if (!plain || digits.empty() || (suffix != "date" && suffix != "target")) continue;
        auto& pair = columns[ParseWholeNumber32(digits).value_or(0)];
        (suffix == "date" ? pair.first : pair.second) = name;
    }
    return columns;
}

// Maps the header; false (with problems) when it cannot be used.
bool MapKpiHeader(OfficerCsvFile& file, const CheckpointColumns& checkpoint_columns) {
    std::vector<std::string> optional_columns = {"description",   "statistic",      "question",       "theme",
                                                 "dimension",     "group",          "wave",           "measured_on",
                                                 "baseline_value", "status_override", "override_note"};
    for (const auto& entry : checkpoint_columns) {
        for (const std::string& name : {entry.second.first, entry.second.second}) {
            if (!name.empty()) optional_columns.push_back(name);
        }
    }
    if (!file.MapHeader({"kpi", "target", "direction"}, optional_columns)) return false;
    for (const auto& [number, names] : checkpoint_columns) {
        if (names.first.empty()) {
            file.Report(1, names.second, "has no matching column checkpoint_" + std::to_string(number) + "_date");
        }
    }
    return file.Problems().empty();
}

// An optional number cell: empty leaves `value` alone; anything else must be a number.
void ReadOptionalDecimal(const OfficerCsvRow& row, const std::string& column, OfficerCsvFile& file,
                         std::optional<double>& value) {
    const std::string text = row.Cell(column);
    if (text.empty()) return;
    value = ParseDecimal(text);
    if (!value) file.Report(row.Number(), column, Quoted(text) + " is not a number");
}

void ReadKpiTarget(const OfficerCsvRow& row, OfficerCsvFile& file, KpiDefinition& kpi) {
    const std::string direction = row.Cell("direction");
    if (const auto parsed = ParseKpiDirection(direction)) {
        kpi.direction = *parsed;
    } else {
        file.Report(row.Number(), "direction", Quoted(direction) + " is not one of higher, lower, contextual");
    }
    const std::string target = row.Cell("target");
    if (!target.empty()) {
        if (const auto parsed = ParseDecimal(target)) {
            kpi.target = *parsed;
        } else {
            file.Report(row.Number(), "target", Quoted(target) + " is not a number (write 90 for 90%)");
        }
    } else if (kpi.direction != KpiDirection::kContextual) {
        file.Report(row.Number(), "target", "is empty; only a contextual KPI can have no target");
    }
}

void ReadKpiCheckpoints(const OfficerCsvRow& row, const CheckpointColumns& checkpoint_columns, OfficerCsvFile& file,
                        KpiDefinition& kpi) {
    for (const auto& entry : checkpoint_columns) {
        const std::string& date_column = entry.second.first;
        const std::string& target_column = entry.second.second;
        const std::string date_text = row.Cell(date_column);
        if (date_text.empty()) {
            if (!target_column.empty() && !row.Cell(target_column).empty()) {
                file.Report(row.Number(), date_column, "is empty but its target is given");
            }
            continue;
        }
        const auto date = CalendarDate::Parse(date_text);
        if (!date) {
            file.Report(row.Number(), date_column, Quoted(date_text) + kNotADate);
            continue;
        }
        KpiCheckpoint checkpoint;
        checkpoint.date = *date;
        const std::size_t problems_before = file.Problems().size();
        if (!target_column.empty()) ReadOptionalDecimal(row, target_column, file, checkpoint.target);
        if (file.Problems().size() == problems_before) kpi.checkpoints.push_back(checkpoint);
    }
    std::stable_sort(kpi.checkpoints.begin(), kpi.checkpoints.end(),
                     [](const KpiCheckpoint& a, const KpiCheckpoint& b) { return a.date < b.date; });
    for (std::size_t at = 1; at < kpi.checkpoints.size(); ++at) {
        if (kpi.checkpoints[at].date == kpi.checkpoints[at - 1].date) {
            file.Report(row.Number(), "", "two checkpoints share the date " + kpi.checkpoints[at].date.ToIso());
        }
    }
}

// `first_row_of`: the row each KPI name was first seen on, so a repeat is named.
KpiDefinition ReadKpiRow(const OfficerCsvRow& row, const CheckpointColumns& checkpoint_columns, OfficerCsvFile& file,
                         std::map<std::string, std::uint32_t>& first_row_of) {
    KpiDefinition kpi;
    kpi.row = row.Number();
    kpi.id = row.Cell("kpi");
    kpi.description = row.Cell("description");
    if (kpi.id.empty()) {
        file.Report(kpi.row, "kpi", "is empty; give each KPI a short name");
    } else if (const auto [found, inserted] = first_row_of.emplace(kpi.id, kpi.row); !inserted) {
        file.Report(kpi.row, "kpi", Quoted(kpi.id) + " is already used in row " + std::to_string(found->second));
    }
    const std::string statistic = row.Cell("statistic");
    if (!statistic.empty()) {
        if (const auto parsed = ParseKpiStatistic(statistic)) {
            kpi.statistic = *parsed;
        } else {
            file.Report(kpi.row, "statistic", Quoted(statistic) + " is not one of percent_positive, mean, rr2, rr1, coop1");
        }
    }
    kpi.question = row.Cell("question");
    kpi.theme = row.Cell("theme");
    const std::string dimension = row.Cell("dimension");
    const std::string group = row.Cell("group");
    if (!dimension.empty()) kpi.dimension = dimension;
    if (!group.empty()) kpi.group = group;
    if (dimension.empty() != group.empty()) {
        file.Report(kpi.row, dimension.empty() ? "dimension" : "group", "give both dimension and group, or neither");
    }
    ReadKpiTarget(row, file, kpi);
    kpi.wave = row.Cell("wave");
    const std::string measured_on = row.Cell("measured_on");
    if (!measured_on.empty()) {
        kpi.measured_on = CalendarDate::Parse(measured_on);
        if (!kpi.measured_on) file.Report(kpi.row, "measured_on", Quoted(measured_on) + kNotADate);
    }
    ReadOptionalDecimal(row, "baseline_value", file, kpi.baseline_value);
    ReadKpiCheckpoints(row, checkpoint_columns, file, kpi);
    const std::string override_text = row.Cell("status_override");
    kpi.override_note = row.Cell("override_note");
    if (!override_text.empty()) {
        kpi.status_override = ParseKpiStatus(override_text);
        if (!kpi.status_override) {
            file.Report(kpi.row, "status_override",
                        Quoted(override_text) + " is not one of Met, On track, Partially met, Not on track, Not known");
        }
    }
    return kpi;
}

}  // namespace

Result<KpiFile> ParseKpiCsv(std::string_view bytes, const std::string& file_name) {
    OfficerCsvFile file(file_name);
    if (!file.Read(bytes, "a header with at least kpi,target,direction")) return file.Finish<KpiFile>(std::nullopt);
    const CheckpointColumns checkpoint_columns = FindCheckpointColumns(file.HeaderRow());
    if (!MapKpiHeader(file, checkpoint_columns)) return file.Finish<KpiFile>(std::nullopt);
    KpiFile kpis;
    kpis.file_name = file_name;
    std::map<std::string, std::uint32_t> first_row_of;
    file.ForEachRow([&](const OfficerCsvRow& row) {
        const std::size_t problems_before = file.Problems().size();
        KpiDefinition kpi = ReadKpiRow(row, checkpoint_columns, file, first_row_of);
        if (file.Problems().size() == problems_before) kpis.kpis.push_back(std::move(kpi));
    });
    return file.Finish(std::optional<KpiFile>(std::move(kpis)));
}

std::vector<Problem> CheckKpis(const KpiFile& file, const Survey& survey) {
    std::vector<Problem> problems;
    const std::vector<std::string> mean_labels = MeanMeasureLabels(survey);
    for (const KpiDefinition& kpi : file.kpis) {
        auto problem = [&](const std::string& field, const std::string& message) {
            problems.push_back(Problem{file.file_name, kpi.row, "", field, message});
        };
        switch (kpi.statistic) {
            case KpiStatistic::kPercentPositive:
                if (kpi.question.empty() == kpi.theme.empty()) {
                    problem(kpi.question.empty() ? "question" : "theme",
                            "give either a question or a theme for a percent_positive KPI");
                } else if (!kpi.question.empty()) {
                    const Question* question = survey.FindQuestion(kpi.question);
                    if (question == nullptr) {
                        problem("question", "unknown question " + Quoted(kpi.question) + " in survey " + Quoted(survey.id));
                    } else if (!IsSatisfactionItem(*question)) {
                        problem("question", "question " + Quoted(kpi.question) +
                                                " has no satisfaction figure (it has no positive answers)");
                    }
                } else {
                    bool found = false;
                    for (const Question& question : survey.questions) {
                        found = found || (question.theme == kpi.theme && IsSatisfactionItem(question));
                    }
                    if (!found) problem("theme", "no question with a satisfaction figure has the theme " + Quoted(kpi.theme));
                }
                break;
            case KpiStatistic::kMean:
                if (kpi.question.empty()) {
                    problem("question", "a mean KPI needs a question");
                } else if (std::find(mean_labels.begin(), mean_labels.end(), kpi.question) == mean_labels.end()) {
                    std::string known;
                    for (const std::string& label : mean_labels) known += (known.empty() ? "" : ", ") + label;
                    problem("question", "no mean for " + Quoted(kpi.question) + " (means exist for: " + known + ")");
                }
                if (!kpi.theme.empty()) problem("theme", "a mean KPI takes a question, not a theme");
                break;
            case KpiStatistic::kReturnRate:
            case KpiStatistic::kReturnRateComplete:
            case KpiStatistic::kCooperationRate:
                if (!kpi.question.empty()) problem("question", "a return or cooperation rate KPI takes no question");
                if (!kpi.theme.empty()) problem("theme", "a return or cooperation rate KPI takes no theme");
                break;
            case KpiStatistic::kActionsDone:
                problem("statistic", "actions_done comes from the \"You said, we did\" action list, not from a KPI file");
                break;
        }
        if (kpi.dimension != kAllDimension || kpi.group != kAllGroup) {
            Population single;
            single.file_name = file.file_name;
            single.entries.push_back(PopulationEntry{"", kpi.dimension, kpi.group, 0, kpi.row});
            for (Problem& found : CheckPopulation(single, survey)) problems.push_back(std::move(found));
        }
    }
    return problems;
}

std::vector<Breakdown> BreakdownsNeededByKpis(const KpiFile& file) {
    std::vector<Breakdown> breakdowns;
    for (const KpiDefinition& kpi : file.kpis) {
        if (kpi.dimension == kAllDimension) continue;
        breakdowns.push_back(Breakdown{SplitCrossing(kpi.dimension)});
    }
    return breakdowns;
}

KpiSuggestion SuggestKpiStatus(const KpiStatusInputs& inputs) {
    KpiSuggestion suggestion;
    auto suggest = [&suggestion](KpiStatus status, std::string reason) {
        suggestion.status = status;
        suggestion.reason = std::move(reason);
        return suggestion;
    };
    const char* compare_word = inputs.direction == KpiDirection::kLower ? "at or below" : "at or above";
    if (inputs.direction == KpiDirection::kContextual) {
        return suggest(KpiStatus::kNotKnown, "contextual measure: monitored, not judged against a target");
    }
    if (!inputs.value) return suggest(KpiStatus::kNotKnown, "no figure (no valid answers, or suppressed)");
    if (!inputs.target) return suggest(KpiStatus::kNotKnown, "no target");
    const double value = *inputs.value;
    const double target = *inputs.target;
    if (Reaches(inputs.direction, value, target)) {
        return suggest(KpiStatus::kMet, FormatNumber(value) + " is " + compare_word + " the target " + FormatNumber(target));
    }
    const bool has_deadline = !inputs.checkpoints.empty();
    if (has_deadline && !inputs.measured_on) {
        return suggest(KpiStatus::kNotKnown, "target not reached and no measurement date to compare with the checkpoints");
    }
    if (has_deadline && *inputs.measured_on < inputs.checkpoints.back().date) {
        std::optional<KpiCheckpoint> due;
        for (const KpiCheckpoint& checkpoint : inputs.checkpoints) {
            if (checkpoint.date <= *inputs.measured_on) due = checkpoint;
        }
        if (due) {
            suggestion.checkpoint = due;
            const double expected = due->target.value_or(target);
            if (Reaches(inputs.direction, value, expected)) {
                return suggest(KpiStatus::kOnTrack, FormatNumber(value) + " is " + compare_word + " the checkpoint of " +
                                                        due->date.ToIso() + " (" + FormatNumber(expected) + ")");
            }
            return suggest(KpiStatus::kNotOnTrack, FormatNumber(value) + " is short of the checkpoint of " +
                                                       due->date.ToIso() + " (" + FormatNumber(expected) + ")");
        }
        if (!inputs.baseline) {
            return suggest(KpiStatus::kNotKnown, "no checkpoint due yet and no baseline to compare with");
        }
        if (!Better(inputs.direction, *inputs.baseline, value)) {
            return suggest(KpiStatus::kOnTrack, "no checkpoint due yet; " + FormatNumber(value) +
                                                    " is no worse than the baseline " + FormatNumber(*inputs.baseline));
        }
        return suggest(KpiStatus::kNotOnTrack, "no checkpoint due yet; " + FormatNumber(value) +
                                                   " is worse than the baseline " + FormatNumber(*inputs.baseline));
    }
    // The deadline has passed (or the KPI has no dates): judged on the final target.
    if (inputs.baseline && Better(inputs.direction, value, *inputs.baseline)) {
        return suggest(KpiStatus::kPartiallyMet, "target " + FormatNumber(target) + " not reached, but " +
                                                     FormatNumber(value) + " is better than the baseline " +
                                                     FormatNumber(*inputs.baseline));
    }
    if (!inputs.baseline) {
        return suggest(KpiStatus::kNotOnTrack, "target " + FormatNumber(target) + " not reached (" + FormatNumber(value) +
                                                   "), and no baseline to show progress");
    }
    return suggest(KpiStatus::kNotOnTrack, "target " + FormatNumber(target) + " not reached, and " + FormatNumber(value) +
                                               " is no better than the baseline " + FormatNumber(*inputs.baseline));
}

namespace {

struct Figure {
    std::optional<double> value;
    std::optional<Interval> interval;
    std::optional<std::int64_t> base;
    bool suppressed = false;
    bool available = false;  // the wave and group exist in the report
};

Figure FigureFor(const AnalyticsReport& report, const Survey& survey, const KpiDefinition& kpi, std::uint32_t wave,
                 std::uint32_t breakdown, std::uint32_t group) {
    Figure figure;
    switch (kpi.statistic) {
        case KpiStatistic::kPercentPositive: {
            std::vector<std::uint32_t> questions;
            if (!kpi.question.empty()) {
                if (const auto found = report.FindSatisfactionQuestion(kpi.question)) questions.push_back(*found);
            } else {
                for (std::size_t index = 0; index < report.satisfaction_questions.size(); ++index) {
                    if (survey.questions[report.satisfaction_questions[index]].theme == kpi.theme) {
                        questions.push_back(static_cast<std::uint32_t>(index));
                    }
                }
            }
            if (questions.empty()) return figure;
            std::int64_t positive = 0;
            std::int64_t valid = 0;
            for (const std::uint32_t question : questions) {
                const SatisfactionRow* row = report.FindSatisfaction(wave, breakdown, group, question);
                if (row == nullptr) return figure;
                figure.available = true;
                if (row->suppressed) {
                    figure.suppressed = true;
                    return figure;
                }
                positive += row->positive;
                valid += row->valid;
            }
            figure.base = valid;
            if (valid > 0) {
                figure.value = PercentOf(positive, valid);
                const auto interval = WilsonInterval(positive, valid);
                figure.interval = Interval{interval->low * 100.0, interval->high * 100.0};
            }
            return figure;
        }
        case KpiStatistic::kMean: {
            const auto measure = report.FindMeanMeasure(kpi.question);
            if (!measure) return figure;
            const MeanRow* row = report.FindMean(wave, breakdown, group, *measure);
            if (row == nullptr) return figure;
            figure.available = true;
            figure.suppressed = row->suppressed;
            if (row->suppressed) return figure;
            figure.base = row->summary.count;
            figure.value = row->summary.mean;
            figure.interval = row->summary.confidence_interval;
            return figure;
        }
        case KpiStatistic::kReturnRate:
        case KpiStatistic::kReturnRateComplete:
        case KpiStatistic::kCooperationRate: {
            const ReturnRateRow* row = report.FindReturnRate(wave, breakdown, group);
            if (row == nullptr) return figure;
            figure.available = true;
            figure.suppressed = row->suppressed;
            if (row->suppressed) return figure;
            if (kpi.statistic == KpiStatistic::kCooperationRate) {
                figure.value = row->coop1_percent;
                figure.base = row->complete + row->partial + row->refused;
            } else {
                figure.value =
                    kpi.statistic == KpiStatistic::kReturnRate ? row->rr2_percent : row->rr1_percent;
                figure.base = row->invited;
            }
            return figure;
        }
        case KpiStatistic::kActionsDone: break;  // from the action list (core/actions)
    }
    return figure;
}

}  // namespace

namespace {

// The wave a KPI is assessed in: the one it names, else the latest wave with responses.
std::optional<std::uint32_t> AssessedWave(const AnalyticsReport& report, const KpiDefinition& kpi) {
    if (!kpi.wave.empty()) return report.FindWave(kpi.wave);
    for (std::size_t index = report.waves.size(); index-- > 0;) {
        const ReturnRateRow* overall = report.FindReturnRate(static_cast<std::uint32_t>(index), 0, 0);
        const bool has_rows =
            overall != nullptr && (overall->suppressed || overall->complete + overall->partial + overall->refused > 0);
        if (has_rows) return static_cast<std::uint32_t>(index);
    }
    return std::nullopt;
}

// The KPI's group as the report indexes it: its breakdown (the dimension as the report
// names it) and the group within it; either missing when the report has none such.
struct KpiGroup {
    std::optional<std::uint32_t> breakdown;
    std::optional<std::uint32_t> group;

    bool Found() const { return breakdown && group; }
};

KpiGroup FindKpiGroup(const AnalyticsReport& report, const Survey& survey, const KpiDefinition& kpi) {
    if (kpi.dimension == kAllDimension) return KpiGroup{0, 0};
    KpiGroup found;
    std::string dimension;
    for (const std::string& part : SplitCrossing(kpi.dimension)) {
        const auto field = ResolveDimension(survey, part);
        dimension += (dimension.empty() ? "" : kCrossingSeparator) + (field ? field->name : part);
    }
    found.breakdown = report.FindBreakdown(dimension);
    if (!found.breakdown) return found;
    std::string label;
    for (const std::string& part : SplitCrossing(kpi.group)) label += (label.empty() ? "" : kCrossingSeparator) + part;
    found.group = report.FindGroup(*found.breakdown, label);
    return found;
}

// Why there is no value to judge, when the rule's own reason would not say.
void ExplainMissingValue(const KpiDefinition& kpi, const KpiGroup& where, KpiResult& result) {
    if (kpi.direction == KpiDirection::kContextual || result.value) return;  // the rule's own reason stands
    if (!result.wave) {
        result.suggestion.reason = kpi.wave.empty() ? "no wave has responses" : "no responses in wave " + Quoted(kpi.wave);
    } else if (!where.group) {
        result.suggestion.reason = "no responses or invited count for " + kpi.dimension + " " + Quoted(kpi.group);
    } else if (result.suppressed) {
        result.suggestion.reason = "suppressed: fewer answers than the minimum cell size";
    }
}

KpiResult AssessKpi(const AnalyticsReport& report, const Survey& survey, const KpiDefinition& kpi) {
    KpiResult result;
    result.definition = kpi;
    result.wave = AssessedWave(report, kpi);
    if (kpi.measured_on) {
        result.measured_on = kpi.measured_on;
    } else if (result.wave && !report.wave_latest_submitted_date[*result.wave].empty()) {
        result.measured_on = CalendarDate::Parse(report.wave_latest_submitted_date[*result.wave]);
    }
    const KpiGroup where = FindKpiGroup(report, survey, kpi);
    if (result.wave && where.Found()) {
        const Figure now = FigureFor(report, survey, kpi, *result.wave, *where.breakdown, *where.group);
        result.value = now.value;
        result.interval = now.interval;
        result.base = now.base;
        result.suppressed = now.suppressed;
    }
    if (kpi.baseline_value) {
        result.baseline_value = kpi.baseline_value;
    } else if (report.baseline_wave && where.Found() && result.wave && *result.wave > *report.baseline_wave) {
        // Progress reads forwards: a wave before the baseline has no baseline figure.
        result.baseline_wave = report.baseline_wave;
        result.baseline_value = FigureFor(report, survey, kpi, *report.baseline_wave, *where.breakdown, *where.group).value;
    }
    KpiStatusInputs inputs;
    inputs.direction = kpi.direction;
    inputs.target = kpi.target;
    inputs.checkpoints = kpi.checkpoints;
    inputs.measured_on = result.measured_on;
    inputs.value = result.value;
    inputs.baseline = result.baseline_value;
    result.suggestion = SuggestKpiStatus(inputs);
    ExplainMissingValue(kpi, where, result);
    result.status = kpi.status_override.value_or(result.suggestion.status);
    return result;
}

}  // namespace

std::vector<KpiResult> AssessKpis(const AnalyticsReport& report, const Survey& survey, const KpiFile& file) {
    std::vector<KpiResult> results;
    for (const KpiDefinition& kpi : file.kpis) results.push_back(AssessKpi(report, survey, kpi));
    return results;
}

}  // namespace yousaid
