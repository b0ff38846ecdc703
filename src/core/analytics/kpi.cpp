#include "core/analytics/kpi.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "core/io/csv.h"
#include "core/analytics/population.h"

namespace yousaid {

namespace {

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string Lowercase(std::string_view text) {
    std::string lower;
    for (const char character : text) {
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(character))));
    }
    return lower;
}

// "On track" -> "on_track": how status names are compared.
std::string StatusKey(std::string_view text) {
    std::string key;
    for (const char character : Lowercase(TrimCellSpaces(text))) key.push_back(character == ' ' ? '_' : character);
    return key;
}

std::string FormatNumber(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

bool IsLeapYear(std::int32_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::int32_t DaysInMonth(std::int32_t year, std::int32_t month) {
    static constexpr std::int32_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && IsLeapYear(year)) return 29;
    return kDays[month - 1];
}

std::optional<std::int32_t> ParseDigits(std::string_view text) {
    if (text.empty() || text.size() > 4) return std::nullopt;
    std::int32_t value = 0;
    for (const char character : text) {
        if (character < '0' || character > '9') return std::nullopt;
        value = value * 10 + (character - '0');
    }
    return value;
}

bool Reaches(KpiDirection direction, double value, double target) {
    return direction == KpiDirection::kLower ? value <= target : value >= target;
}

bool Better(KpiDirection direction, double value, double reference) {
    return direction == KpiDirection::kLower ? value < reference : value > reference;
}

}  // namespace

const char* KpiDirectionName(KpiDirection direction) {
    switch (direction) {
        case KpiDirection::kHigher:
            return "higher";
        case KpiDirection::kLower:
            return "lower";
        case KpiDirection::kContextual:
            return "contextual";
    }
    return "higher";
}

std::optional<KpiDirection> ParseKpiDirection(std::string_view name) {
    const std::string key = Lowercase(TrimCellSpaces(name));
    if (key == "higher" || key == "higher is better") return KpiDirection::kHigher;
    if (key == "lower" || key == "lower is better") return KpiDirection::kLower;
    if (key == "contextual") return KpiDirection::kContextual;
    return std::nullopt;
}

const char* KpiStatusName(KpiStatus status) {
    switch (status) {
        case KpiStatus::kMet:
            return "Met";
        case KpiStatus::kOnTrack:
            return "On track";
        case KpiStatus::kPartiallyMet:
            return "Partially met";
        case KpiStatus::kNotOnTrack:
            return "Not on track";
        case KpiStatus::kNotKnown:
            return "Not known";
    }
    return "Not known";
}

std::optional<KpiStatus> ParseKpiStatus(std::string_view name) {
    const std::string key = StatusKey(name);
    for (const KpiStatus status : {KpiStatus::kMet, KpiStatus::kOnTrack, KpiStatus::kPartiallyMet,
                                   KpiStatus::kNotOnTrack, KpiStatus::kNotKnown}) {
        if (key == StatusKey(KpiStatusName(status))) return status;
    }
    return std::nullopt;
}

const char* KpiStatisticName(KpiStatistic statistic) {
    switch (statistic) {
        case KpiStatistic::kPercentPositive:
            return "percent_positive";
        case KpiStatistic::kMean:
            return "mean";
        case KpiStatistic::kReturnRate:
            return "rr2";
        case KpiStatistic::kReturnRateComplete:
            return "rr1";
        case KpiStatistic::kCooperationRate:
            return "coop1";
    }
    return "percent_positive";
}

std::optional<KpiStatistic> ParseKpiStatistic(std::string_view name) {
    const std::string key = Lowercase(TrimCellSpaces(name));
    for (const KpiStatistic statistic : {KpiStatistic::kPercentPositive, KpiStatistic::kMean, KpiStatistic::kReturnRate,
                                         KpiStatistic::kReturnRateComplete, KpiStatistic::kCooperationRate}) {
        if (key == KpiStatisticName(statistic)) return statistic;
    }
    return std::nullopt;
}

std::optional<CalendarDate> CalendarDate::Parse(std::string_view text) {
    const std::string trimmed = TrimCellSpaces(text);
    CalendarDate date;
    if (trimmed.size() == 10 && trimmed[4] == '-' && trimmed[7] == '-') {
        const auto year = ParseDigits(std::string_view(trimmed).substr(0, 4));
        const auto month = ParseDigits(std::string_view(trimmed).substr(5, 2));
        const auto day = ParseDigits(std::string_view(trimmed).substr(8, 2));
        if (!year || !month || !day) return std::nullopt;
        date = CalendarDate{*year, *month, *day};
    } else {
        // UK order, as Excel writes dates in a UK locale: 31/03/2025 (or 1/3/2025).
        const std::size_t first = trimmed.find('/');
        const std::size_t second = first == std::string::npos ? first : trimmed.find('/', first + 1);
        if (second == std::string::npos) return std::nullopt;
        const auto day = ParseDigits(std::string_view(trimmed).substr(0, first));
        const auto month = ParseDigits(std::string_view(trimmed).substr(first + 1, second - first - 1));
        const std::string_view year_text = std::string_view(trimmed).substr(second + 1);
        const auto year = year_text.size() == 4 ? ParseDigits(year_text) : std::nullopt;
        if (!year || !month || !day) return std::nullopt;
        date = CalendarDate{*year, *month, *day};
    }
    if (date.year < 1900 || date.month < 1 || date.month > 12 || date.day < 1 ||
        date.day > DaysInMonth(date.year, date.month)) {
        return std::nullopt;
    }
    return date;
}

std::string CalendarDate::ToIso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(year), static_cast<int>(month),
                  static_cast<int>(day));
    return buffer;
}

KpiLoadResult ParseKpiCsv(std::string_view bytes, const std::string& file_name) {
    KpiLoadResult result;
    auto problem = [&](std::uint32_t row, const std::string& field, const std::string& message) {
        result.problems.push_back(Problem{file_name, row, "", field, message});
    };
    const CsvReadResult csv = ReadCsv(bytes);
    if (!csv.ok) {
        problem(csv.error.row, "", csv.error.Describe());
        return result;
    }
    if (csv.rows.empty() || IsBlankCsvRow(csv.rows.front())) {
        problem(0, "", "the file is empty; it needs a header with at least kpi,target,direction");
        return result;
    }
    const CsvRow& header_row = csv.rows.front();
    // checkpoint_N_date / checkpoint_N_target, for any N the officer used.
    std::map<std::int32_t, std::pair<std::string, std::string>> checkpoint_columns;
    std::vector<std::string> optional_columns = {"description",   "statistic",      "question",       "theme",
                                                 "dimension",     "group",          "wave",           "measured_on",
                                                 "baseline_value", "status_override", "override_note"};
    for (const std::string& cell : header_row) {
        const std::string name = Lowercase(TrimCellSpaces(cell));
        const std::string prefix = "checkpoint_";
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::size_t underscore = name.find('_', prefix.size());
        if (underscore == std::string::npos) continue;
        const auto number = ParseDigits(std::string_view(name).substr(prefix.size(), underscore - prefix.size()));
        const std::string suffix = name.substr(underscore + 1);
        if (!number || (suffix != "date" && suffix != "target")) continue;
        auto& pair = checkpoint_columns[*number];
        (suffix == "date" ? pair.first : pair.second) = name;
        optional_columns.push_back(name);
    }
    const CsvHeader header = CsvHeader::Map(header_row, {"kpi", "target", "direction"}, optional_columns);
    if (!header.ok()) {
        problem(1, "", header.Describe());
        return result;
    }
    for (const auto& [number, names] : checkpoint_columns) {
        if (names.first.empty()) {
            problem(1, names.second, "has no matching column checkpoint_" + std::to_string(number) + "_date");
        }
    }
    if (!result.problems.empty()) return result;

    KpiFile file;
    file.file_name = file_name;
    std::map<std::string, std::uint32_t> first_row_of;
    for (std::size_t index = 1; index < csv.rows.size(); ++index) {
        const CsvRow& cells = csv.rows[index];
        if (IsBlankCsvRow(cells)) continue;
        const auto row = static_cast<std::uint32_t>(index + 1);
        auto cell = [&](std::string_view name) {
            const auto at = header.IndexOf(name);
            return at && *at < cells.size() ? TrimCellSpaces(cells[*at]) : std::string();
        };
        const std::size_t problems_before = result.problems.size();
        KpiDefinition kpi;
        kpi.row = row;
        kpi.id = cell("kpi");
        kpi.description = cell("description");
        if (kpi.id.empty()) problem(row, "kpi", "is empty; give each KPI a short name");
        if (!kpi.id.empty()) {
            const auto [found, inserted] = first_row_of.emplace(kpi.id, row);
            if (!inserted) problem(row, "kpi", Quoted(kpi.id) + " is already used in row " + std::to_string(found->second));
        }
        const std::string statistic = cell("statistic");
        if (!statistic.empty()) {
            if (const auto parsed = ParseKpiStatistic(statistic)) {
                kpi.statistic = *parsed;
            } else {
                problem(row, "statistic", Quoted(statistic) + " is not one of percent_positive, mean, rr2, rr1, coop1");
            }
        }
        kpi.question = cell("question");
        kpi.theme = cell("theme");
        const std::string dimension = cell("dimension");
        const std::string group = cell("group");
        if (!dimension.empty()) kpi.dimension = dimension;
        if (!group.empty()) kpi.group = group;
        if (dimension.empty() != group.empty()) {
            problem(row, dimension.empty() ? "dimension" : "group", "give both dimension and group, or neither");
        }
        const std::string direction = cell("direction");
        if (const auto parsed = ParseKpiDirection(direction)) {
            kpi.direction = *parsed;
        } else {
            problem(row, "direction", Quoted(direction) + " is not one of higher, lower, contextual");
        }
        const std::string target = cell("target");
        if (!target.empty()) {
            if (const auto parsed = ParseDecimalCell(target)) {
                kpi.target = *parsed;
            } else {
                problem(row, "target", Quoted(target) + " is not a number (write 90 for 90%)");
            }
        } else if (kpi.direction != KpiDirection::kContextual) {
            problem(row, "target", "is empty; only a contextual KPI can have no target");
        }
        kpi.wave = cell("wave");
        const std::string measured_on = cell("measured_on");
        if (!measured_on.empty()) {
            kpi.measured_on = CalendarDate::Parse(measured_on);
            if (!kpi.measured_on) problem(row, "measured_on", Quoted(measured_on) + " is not a date (2025-03-31 or 31/03/2025)");
        }
        const std::string baseline = cell("baseline_value");
        if (!baseline.empty()) {
            kpi.baseline_value = ParseDecimalCell(baseline);
            if (!kpi.baseline_value) problem(row, "baseline_value", Quoted(baseline) + " is not a number");
        }
        for (const auto& [number, names] : checkpoint_columns) {
            const std::string date_text = cell(names.first);
            const std::string target_text = names.second.empty() ? std::string() : cell(names.second);
            if (date_text.empty()) {
                if (!target_text.empty()) problem(row, names.first, "is empty but its target is given");
                continue;
            }
            KpiCheckpoint checkpoint;
            const auto date = CalendarDate::Parse(date_text);
            if (!date) {
                problem(row, names.first, Quoted(date_text) + " is not a date (2025-03-31 or 31/03/2025)");
                continue;
            }
            checkpoint.date = *date;
            if (!target_text.empty()) {
                checkpoint.target = ParseDecimalCell(target_text);
                if (!checkpoint.target) {
                    problem(row, names.second, Quoted(target_text) + " is not a number");
                    continue;
                }
            }
            kpi.checkpoints.push_back(checkpoint);
        }
        std::stable_sort(kpi.checkpoints.begin(), kpi.checkpoints.end(),
                         [](const KpiCheckpoint& a, const KpiCheckpoint& b) { return a.date < b.date; });
        for (std::size_t at = 1; at < kpi.checkpoints.size(); ++at) {
            if (kpi.checkpoints[at].date == kpi.checkpoints[at - 1].date) {
                problem(row, "", "two checkpoints share the date " + kpi.checkpoints[at].date.ToIso());
            }
        }
        const std::string override_text = cell("status_override");
        kpi.override_note = cell("override_note");
        if (!override_text.empty()) {
            kpi.status_override = ParseKpiStatus(override_text);
            if (!kpi.status_override) {
                problem(row, "status_override",
                        Quoted(override_text) + " is not one of Met, On track, Partially met, Not on track, Not known");
            }
        }
        if (result.problems.size() == problems_before) file.kpis.push_back(std::move(kpi));
    }
    if (result.problems.empty()) result.file = std::move(file);
    return result;
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
    }
    return figure;
}

}  // namespace

std::vector<KpiResult> AssessKpis(const AnalyticsReport& report, const Survey& survey, const KpiFile& file) {
    std::vector<KpiResult> results;
    for (const KpiDefinition& kpi : file.kpis) {
        KpiResult result;
        result.definition = kpi;
        // The wave assessed: the one named, else the latest wave with responses.
        if (!kpi.wave.empty()) {
            result.wave = report.FindWave(kpi.wave);
        } else {
            for (std::size_t index = report.waves.size(); index-- > 0;) {
                const ReturnRateRow* overall = report.FindReturnRate(static_cast<std::uint32_t>(index), 0, 0);
                const bool has_rows = overall != nullptr &&
                                      (overall->suppressed || overall->complete + overall->partial + overall->refused > 0);
                if (has_rows) {
                    result.wave = static_cast<std::uint32_t>(index);
                    break;
                }
            }
        }
        if (kpi.measured_on) {
            result.measured_on = kpi.measured_on;
        } else if (result.wave && !report.wave_latest_submitted_date[*result.wave].empty()) {
            result.measured_on = CalendarDate::Parse(report.wave_latest_submitted_date[*result.wave]);
        }

        // The group: the KPI's dimension as the report names it.
        std::optional<std::uint32_t> breakdown;
        std::optional<std::uint32_t> group;
        if (kpi.dimension == kAllDimension) {
            breakdown = 0;
            group = 0;
        } else {
            std::vector<std::string> names;
            for (const std::string& part : SplitCrossing(kpi.dimension)) {
                const auto field = ResolveDimension(survey, part);
                names.push_back(field ? field->name : part);
            }
            std::string dimension;
            for (const std::string& name : names) dimension += (dimension.empty() ? "" : kCrossingSeparator) + name;
            breakdown = report.FindBreakdown(dimension);
            if (breakdown) {
                std::string label;
                for (const std::string& part : SplitCrossing(kpi.group)) {
                    label += (label.empty() ? "" : kCrossingSeparator) + part;
                }
                group = report.FindGroup(*breakdown, label);
            }
        }

        KpiStatusInputs inputs;
        inputs.direction = kpi.direction;
        inputs.target = kpi.target;
        inputs.checkpoints = kpi.checkpoints;
        inputs.measured_on = result.measured_on;
        if (result.wave && breakdown && group) {
            const Figure now = FigureFor(report, survey, kpi, *result.wave, *breakdown, *group);
            result.value = now.value;
            result.interval = now.interval;
            result.base = now.base;
            result.suppressed = now.suppressed;
        }
        if (kpi.baseline_value) {
            result.baseline_value = kpi.baseline_value;
        } else if (report.baseline_wave && breakdown && group && result.wave && *result.wave > *report.baseline_wave) {
            // Progress reads forwards: a wave before the baseline has no baseline figure.
            result.baseline_wave = report.baseline_wave;
            result.baseline_value = FigureFor(report, survey, kpi, *report.baseline_wave, *breakdown, *group).value;
        }
        inputs.value = result.value;
        inputs.baseline = result.baseline_value;
        result.suggestion = SuggestKpiStatus(inputs);
        if (kpi.direction == KpiDirection::kContextual || result.value) {
            // The rule's own reason stands.
        } else if (!result.wave) {
            result.suggestion.reason = kpi.wave.empty() ? "no wave has responses"
                                                        : "no responses in wave " + Quoted(kpi.wave);
        } else if (!group) {
            result.suggestion.reason = "no responses or invited count for " + kpi.dimension + " " + Quoted(kpi.group);
        } else if (result.suppressed) {
            result.suggestion.reason = "suppressed: fewer answers than the minimum cell size";
        }
        result.status = kpi.status_override.value_or(result.suggestion.status);
        results.push_back(std::move(result));
    }
    return results;
}

}  // namespace yousaid
