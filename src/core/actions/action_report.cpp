#include "core/actions/action_report.h"

#include <algorithm>

#include "core/analytics/display_text.h"
#include "core/actions/action_words.h"

namespace yousaid {

namespace {

struct FoundFinding {
    std::uint32_t wave = 0;
    std::uint32_t breakdown = 0;
    std::uint32_t group = 0;
    std::uint32_t question = 0;
};

// Where a question or change finding is in the report, or why it is not there.
Result<FoundFinding> Locate(const ActionFinding& finding, const AnalyticsReport& report) {
    using Found = Result<FoundFinding>;
    FoundFinding found;
    const std::optional<std::uint32_t> question = report.FindSatisfactionQuestion(finding.question);
    if (!question) return Found::Failure("The report has no satisfaction figure for question " + finding.question + ".");
    found.question = *question;
    if (report.waves.empty()) return Found::Failure("The report has no waves.");
    const std::optional<std::uint32_t> wave =
        finding.wave.empty() ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(report.waves.size() - 1))
                             : report.FindWave(finding.wave);
    if (!wave) return Found::Failure("The report has no wave " + finding.wave + ".");
    found.wave = *wave;
    const std::optional<std::uint32_t> breakdown = report.FindBreakdown(finding.dimension);
    if (!breakdown) return Found::Failure("The report has no breakdown by " + finding.dimension + ".");
    found.breakdown = *breakdown;
    const std::optional<std::uint32_t> group = report.FindGroup(*breakdown, finding.group);
    if (!group) return Found::Failure("The report has no group " + finding.group + ".");
    found.group = *group;
    return Found::Success(found);
}

constexpr const char* kHiddenRefusal =
    "That figure is hidden (small numbers), so it cannot be linked or quoted.";

// The figure's value in words, or the problem that keeps it off the page.
Result<std::string> FigureWords(const ActionFinding& finding, const AnalyticsReport& report, const FoundFinding& at,
                                const ActionWords& words) {
    using Figure = Result<std::string>;
    if (finding.kind == FindingKind::kQuestion) {
        const SatisfactionRow* row = report.FindSatisfaction(at.wave, at.breakdown, at.group, at.question);
        if (row == nullptr || row->suppressed) return Figure::Failure(kHiddenRefusal);
        if (!row->percent) return Figure::Failure("That figure has no answers to quote.");
        return Figure::Success(DisplayPercent(*row->percent));
    }
    const ChangeRow* row = report.FindChange(at.breakdown, at.group, at.question, at.wave);
    if (row == nullptr) return Figure::Failure("There is no change against the baseline for that wave.");
    if (row->suppressed) return Figure::Failure(kHiddenRefusal);
    if (!row->change_points) return Figure::Failure("That change has no answers to quote.");
    return Figure::Success(DisplayPoints(*row->change_points) + " " + words.since + " " + report.waves[row->baseline_wave]);
}

Result<std::string> Quote(const ActionFinding& finding, const OfficerReport& officer, const std::string& language) {
    using Quoted = Result<std::string>;
    if (finding.kind == FindingKind::kNone || finding.kind == FindingKind::kTheme) {
        return Quoted::Failure("This item rests on no figure.");
    }
    const Result<FoundFinding> at = Locate(finding, officer.report);
    if (!at.ok()) return Quoted::Failure(at.problems);
    const ActionWords& words = WordsIn(language);
    Result<std::string> figure = FigureWords(finding, officer.report, *at.value, words);
    if (!figure.ok()) return figure;
    const Question* question = officer.survey.FindQuestion(finding.question);
    const std::string text = question != nullptr ? question->text.In(language) : finding.question;
    const std::string group = at.value->breakdown == 0 ? words.everyone : finding.group;
    return Quoted::Success(*figure.value + ": " + text + " (" + group + ", " + words.wave + " " +
                           officer.report.waves[at.value->wave] + ")");
}

}  // namespace

std::optional<std::string> QuoteFinding(const ActionFinding& finding, const OfficerReport& officer,
                                        const std::string& language) {
    return Quote(finding, officer, language).value;
}

Status CheckFindingLinkable(const ActionFinding& finding, const OfficerReport& officer) {
    if (finding.kind == FindingKind::kNone) return Succeeded();
    if (finding.kind == FindingKind::kTheme) {
        return finding.theme.empty() ? Status::Failure("A theme finding needs the theme's name.") : Succeeded();
    }
    const Result<std::string> quoted = Quote(finding, officer, kEnglish);
    return quoted.ok() ? Succeeded() : Status::Failure(quoted.problems);
}

std::optional<double> ActionProgress::Percent() const {
    if (Counted() <= 0) return std::nullopt;
    return PercentOf(done, Counted());
}

ActionProgress ProgressOf(const ActionList& list, const std::string& survey_id) {
    ActionProgress progress;
    for (const ActionItem* item : list.ForSurvey(survey_id)) {
        ++progress.all;
        progress.dropped += item->status == ActionStatus::kDropped;
        progress.done += item->status == ActionStatus::kDone;
    }
    return progress;
}

std::optional<CalendarDate> LatestEditDate(const ActionList& list, const std::string& survey_id) {
    std::int64_t latest = 0;
    for (const ActionItem* item : list.ForSurvey(survey_id)) latest = std::max(latest, item->edited_at_ms);
    if (latest <= 0) return std::nullopt;
    return CalendarDate::FromDaysSinceEpoch(latest / 86400000);
}

KpiResult ActionKpi(const ActionList& list, const std::string& survey_id) {
    const ActionProgress progress = ProgressOf(list, survey_id);
    KpiResult result;
    KpiDefinition& kpi = result.definition;
    kpi.id = kActionKpiId;
    kpi.description = "Actions done in \"You said, we did\" (of those not dropped)";
    kpi.statistic = KpiStatistic::kActionsDone;
    kpi.target = list.TargetPercent();
    kpi.direction = KpiDirection::kHigher;
    result.measured_on = LatestEditDate(list, survey_id);
    result.value = progress.Percent();
    result.base = progress.Counted();
    KpiStatusInputs inputs;
    inputs.direction = kpi.direction;
    inputs.target = kpi.target;
    inputs.value = result.value;
    inputs.measured_on = result.measured_on;
    result.suggestion = SuggestKpiStatus(inputs);
    if (!result.value) result.suggestion.reason = "no actions that are not dropped";
    result.status = result.suggestion.status;
    return result;
}

void AddActionKpi(OfficerReport& officer, const ActionList& list) {
    if (officer.kpis) {
        std::vector<KpiResult>& kpis = *officer.kpis;
        kpis.erase(std::remove_if(kpis.begin(), kpis.end(),
                                  [](const KpiResult& kpi) { return kpi.definition.statistic == KpiStatistic::kActionsDone; }),
                   kpis.end());
        if (kpis.empty()) officer.kpis.reset();
    }
    if (list.ForSurvey(officer.report.survey_id).empty()) return;
    if (!officer.kpis) officer.kpis.emplace();
    officer.kpis->push_back(ActionKpi(list, officer.report.survey_id));
}

}  // namespace yousaid
