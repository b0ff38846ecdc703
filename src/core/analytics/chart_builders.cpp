// The charts an officer's report offers, each built from the report's rows into one
// ChartDescription (chart.h). Every hidden figure becomes a value with `hidden` set and
// kHiddenFigureText as its label, so no renderer can draw it as a bar of 0%.
#include <algorithm>
#include <cmath>

#include "core/analytics/chart.h"
#include "core/analytics/display_text.h"
#include "core/analytics/report_request.h"

namespace yousaid {

namespace {

constexpr int kTargetTicks = 5;

std::uint32_t ReportedWave(const AnalyticsReport& report, std::optional<std::uint32_t> reported_wave) {
    if (reported_wave && *reported_wave < report.waves.size()) return *reported_wave;
    return report.waves.empty() ? 0 : static_cast<std::uint32_t>(report.waves.size() - 1);
}

// The baseline, then the reported wave (once when they are the same).
std::vector<std::uint32_t> ComparedWaves(const AnalyticsReport& report, std::uint32_t reported) {
    std::vector<std::uint32_t> waves;
    if (report.baseline_wave && *report.baseline_wave != reported) waves.push_back(*report.baseline_wave);
    if (reported < report.waves.size()) waves.push_back(reported);
    return waves;
}

std::string QuestionLabel(const OfficerReport& officer, std::uint32_t question) {
    const std::size_t index = officer.report.satisfaction_questions[question];
    if (index < officer.survey.questions.size() && !officer.survey.questions[index].text.IsEmpty()) {
        return officer.survey.questions[index].text.English();
    }
    return officer.report.satisfaction_question_ids[question];
}

std::string SectionTitle(const OfficerReport& officer, std::uint32_t question) {
    const std::size_t index = officer.report.satisfaction_questions[question];
    if (index >= officer.survey.questions.size()) return "";
    const Section* section = officer.survey.FindSection(officer.survey.questions[index].section_id);
    return section == nullptr ? std::string() : section->title.English();
}

// The change in points where it is shown (not hidden), for sorting.
std::optional<double> ShownChange(const ChangeRow* change) {
    if (change == nullptr || change->suppressed) return std::nullopt;
    return change->change_points;
}

std::string GroupLabel(const AnalyticsReport& report, std::uint32_t breakdown, std::uint32_t group) {
    const ReportBreakdown& shown = report.breakdowns[breakdown];
    if (shown.dimension == kAllDimension) return "everyone";
    return shown.dimension + " " + shown.groups[group];
}

// A label as the start of a sentence: "I feel safe." would read "I feel safe., 2025: ...".
std::string SpokenLabel(const std::string& label) {
    return !label.empty() && label.back() == '.' ? label.substr(0, label.size() - 1) : label;
}

std::string IntervalText(double low, double high) { return DisplayDecimal(low, 1) + " to " + DisplayDecimal(high, 1); }

ChartValue PercentValue(const SatisfactionRow* row) {
    ChartValue value;
    if (row != nullptr && row->suppressed) {
        value.hidden = true;
        value.label = kHiddenFigureText;
    } else if (row == nullptr || !row->percent) {
        value.label = "no answers";
    } else {
        value.value = *row->percent;
        value.label = DisplayPercent(*row->percent);
        if (row->interval_percent) {
            value.low = row->interval_percent->low;
            value.high = row->interval_percent->high;
            value.label += " (" + IntervalText(value.low.value(), value.high.value()) + ")";
        }
    }
    return value;
}

// "72.4% positive, 95% interval 68.1 to 76.3", or the reason there is no figure.
std::string SpokenPercent(const ChartValue& value) {
    if (!value.value) return value.label;
    std::string spoken = DisplayPercent(*value.value) + " positive";
    if (value.low) spoken += ", 95% interval " + IntervalText(*value.low, *value.high);
    return spoken;
}

ChartVerdict VerdictOf(const ChangeRow* change) {
    if (change == nullptr || change->suppressed) return {};
    switch (change->outcome) {
        case ChangeOutcome::kImproved:
            return {ChangeOutcomeName(change->outcome), VerdictSymbol::kUpTriangle};
        case ChangeOutcome::kWorse:
            return {ChangeOutcomeName(change->outcome), VerdictSymbol::kDownTriangle};
        case ChangeOutcome::kNoSignificantChange:
            return {ChangeOutcomeName(change->outcome), VerdictSymbol::kCircle};
        case ChangeOutcome::kSuppressed:
        case ChangeOutcome::kNotAvailable:
            break;
    }
    return {};
}

// ", up 5.2 points on 2024, improved" (or "down", "no change"); empty without a change.
std::string SpokenChange(const AnalyticsReport& report, const ChangeRow* change) {
    if (change == nullptr) return "";
    const std::string baseline = report.waves[change->baseline_wave];
    if (change->suppressed) return ", change on " + baseline + " " + kHiddenFigureText;
    if (!change->change_points) return "";
    const double points = *change->change_points;
    const std::string size = DisplayDecimal(std::fabs(points), 1);
    std::string spoken = size == "0.0" ? ", no change on " + baseline
                                       : (points > 0 ? ", up " : ", down ") + size + " points on " + baseline;
    const ChartVerdict verdict = VerdictOf(change);
    if (!verdict.word.empty()) spoken += ", " + verdict.word;
    return spoken;
}

}  // namespace

ChartDescription SatisfactionChart(const OfficerReport& officer, std::uint32_t breakdown, std::uint32_t group,
                                   std::optional<std::uint32_t> reported_wave) {
    const AnalyticsReport& report = officer.report;
    const std::uint32_t reported = ReportedWave(report, reported_wave);
    const std::vector<std::uint32_t> waves = ComparedWaves(report, reported);
    ChartDescription chart;
    chart.kind = ChartKind::kBarsWithIntervals;
    chart.title = "Satisfaction, " + GroupLabel(report, breakdown, group);
    chart.description = "Percent positive per question";
    for (const std::uint32_t wave : waves) {
        chart.series.push_back(report.waves[wave]);
        chart.description += (wave == waves.front() ? " in " : " and ") + report.waves[wave];
    }
    chart.description += ", with 95% intervals.";
    chart.axis = NiceAxis(0.0, 100.0, ChartUnit::kPercent, kTargetTicks, "% positive");
    for (std::uint32_t question = 0; question < report.satisfaction_questions.size(); ++question) {
        ChartRow row;
        row.label = QuestionLabel(officer, question);
        for (const std::uint32_t wave : waves) {
            row.values.push_back(PercentValue(report.FindSatisfaction(wave, breakdown, group, question)));
        }
        const ChangeRow* change = waves.size() > 1 ? report.FindChange(breakdown, group, question, reported) : nullptr;
        row.verdict = VerdictOf(change);
        row.section = SectionTitle(officer, question);
        row.change = ShownChange(change);
        // The reported wave first, as a reader asks about now before then.
        row.spoken = SpokenLabel(row.label) + ", " + report.waves[reported] + ": " + SpokenPercent(row.values.back()) +
                     SpokenChange(report, change);
        if (waves.size() > 1) row.spoken += "; " + report.waves[waves.front()] + ": " + SpokenPercent(row.values.front());
        chart.rows.push_back(std::move(row));
    }
    return chart;
}

ChartDescription ChangeChart(const OfficerReport& officer, std::uint32_t breakdown, std::uint32_t group,
                             std::optional<std::uint32_t> reported_wave) {
    const AnalyticsReport& report = officer.report;
    const std::uint32_t reported = ReportedWave(report, reported_wave);
    ChartDescription chart;
    chart.kind = ChartKind::kDivergingChange;
    chart.title = "Change against the baseline, " + GroupLabel(report, breakdown, group);
    const std::string baseline = report.baseline_wave ? report.waves[*report.baseline_wave] : std::string("-");
    chart.series = {report.waves.empty() ? std::string() : report.waves[reported] + " on " + baseline};
    chart.description = "Change in percentage points per question, " + chart.series[0] + ", with 95% intervals.";
    double extent = 10.0;  // at least +-10 points, so that small changes do not fill the axis
    for (std::uint32_t question = 0; question < report.satisfaction_questions.size(); ++question) {
        const ChangeRow* change = report.FindChange(breakdown, group, question, reported);
        ChartRow row;
        row.label = QuestionLabel(officer, question);
        ChartValue value;
        if (change != nullptr && change->suppressed) {
            value.hidden = true;
            value.label = kHiddenFigureText;
        } else if (change == nullptr || !change->change_points) {
            value.label = "no change figure";
        } else {
            value.value = *change->change_points;
            value.label = DisplayPoints(*change->change_points);
            extent = std::max(extent, std::fabs(*change->change_points));
            if (change->interval_points) {
                value.low = change->interval_points->low;
                value.high = change->interval_points->high;
                value.label += " (" + IntervalText(*value.low, *value.high) + ")";
                extent = std::max({extent, std::fabs(*value.low), std::fabs(*value.high)});
            }
        }
        row.values.push_back(std::move(value));
        row.verdict = VerdictOf(change);
        row.section = SectionTitle(officer, question);
        row.change = ShownChange(change);
        // "Feel safe, 2025, up 5.2 points on 2024, improved, 95% interval 1.0 to 9.4".
        row.spoken = SpokenLabel(row.label) + ", " + report.waves[reported] + SpokenChange(report, change);
        if (row.values[0].low) row.spoken += ", 95% interval " + IntervalText(*row.values[0].low, *row.values[0].high);
        if (!row.values[0].value && !row.values[0].hidden) row.spoken += ", " + row.values[0].label;
        chart.rows.push_back(std::move(row));
    }
    chart.axis = NiceAxis(-extent, extent, ChartUnit::kPoints, kTargetTicks + 1, "change in points");
    return chart;
}

ChartDescription ReturnRatesChart(const OfficerReport& officer, std::uint32_t breakdown) {
    const AnalyticsReport& report = officer.report;
    ChartDescription chart;
    chart.kind = ChartKind::kGroupedBars;
    chart.title = "Return rates, " + (report.breakdowns[breakdown].dimension == kAllDimension
                                          ? std::string("everyone")
                                          : "by " + report.breakdowns[breakdown].dimension);
    chart.description = "Return rate per group and wave: RR1 (complete responses of those invited) where the "
                        "invited count is known, otherwise COOP1 (complete responses of those asked).";
    chart.series = report.waves;
    double highest = 100.0;  // above 100% only when more responded than were invited
    for (std::uint32_t group = 0; group < report.breakdowns[breakdown].groups.size(); ++group) {
        ChartRow row;
        row.label = report.breakdowns[breakdown].dimension == kAllDimension ? std::string("everyone")
                                                                            : report.breakdowns[breakdown].groups[group];
        row.spoken = row.label;
        for (std::uint32_t wave = 0; wave < report.waves.size(); ++wave) {
            const ReturnRateRow* rates = report.FindReturnRate(wave, breakdown, group);
            ChartValue value;
            if (rates != nullptr && rates->suppressed) {
                value.hidden = true;
                value.label = kHiddenFigureText;
            } else if (rates != nullptr && (rates->rr1_percent || rates->coop1_percent)) {
                value.value = rates->rr1_percent ? *rates->rr1_percent : *rates->coop1_percent;
                value.label = (rates->rr1_percent ? "RR1 " : "COOP1 ") + DisplayPercent(*value.value);
                highest = std::max(highest, *value.value);
            } else {
                value.label = "no responses";
            }
            row.spoken += (wave == 0 ? ", " : "; ") + report.waves[wave] + ": " + value.label;
            row.values.push_back(std::move(value));
        }
        chart.rows.push_back(std::move(row));
    }
    chart.axis = NiceAxis(0.0, highest, ChartUnit::kPercent, kTargetTicks, "% returned");
    return chart;
}

ChartDescription TrendChart(const OfficerReport& officer, std::uint32_t breakdown, std::uint32_t group,
                            std::uint32_t question) {
    const AnalyticsReport& report = officer.report;
    ChartDescription chart;
    chart.kind = ChartKind::kTrendLine;
    ChartRow row;
    row.label = QuestionLabel(officer, question);
    chart.title = SpokenLabel(row.label) + ", " + GroupLabel(report, breakdown, group);
    chart.description = "Percent positive in every wave, with 95% intervals.";
    chart.series = report.waves;
    chart.axis = NiceAxis(0.0, 100.0, ChartUnit::kPercent, kTargetTicks, "% positive");
    row.spoken = SpokenLabel(row.label);
    for (std::uint32_t wave = 0; wave < report.waves.size(); ++wave) {
        row.values.push_back(PercentValue(report.FindSatisfaction(wave, breakdown, group, question)));
        row.spoken += (wave == 0 ? ", " : "; ") + report.waves[wave] + ": " + SpokenPercent(row.values.back());
    }
    chart.rows.push_back(std::move(row));
    return chart;
}

}  // namespace yousaid
