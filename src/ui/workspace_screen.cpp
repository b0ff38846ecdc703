#include "ui/workspace_screen.h"

#include <imgui.h>

#include <algorithm>
#include <numeric>
#include <utility>

#include "core/analytics/display_text.h"
#include "ui/figure_table.h"
#include "ui/staff_widgets.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

constexpr float kWorkspaceColumnEm = 90.0f;

const std::vector<std::pair<WorkspaceView, const char*>> kViews = {
    {WorkspaceView::kOverview, "Overview"},       {WorkspaceView::kReturnRates, "Return rates"},
    {WorkspaceView::kSatisfaction, "Satisfaction"}, {WorkspaceView::kMeans, "Means"},
    {WorkspaceView::kTargets, "Targets"},         {WorkspaceView::kDownloads, "Downloads"},
    {WorkspaceView::kData, "Settings"},
};

// Where the figures on screen come from: the wave reported, the baseline, the breakdown
// and group shown.
struct Scope {
    std::uint32_t wave = 0;
    std::optional<std::uint32_t> baseline;
    std::uint32_t breakdown = 0;
    std::uint32_t group = 0;
};

Scope ScopeOf(const AnalyticsReport& report, const WorkspaceChoices& choices) {
    Scope scope;
    const std::optional<std::uint32_t> chosen = report.FindWave(choices.reported_wave);
    scope.wave = chosen ? *chosen : static_cast<std::uint32_t>(report.waves.size() - 1);
    if (report.baseline_wave && *report.baseline_wave < scope.wave) scope.baseline = report.baseline_wave;
    scope.breakdown = static_cast<std::uint32_t>(std::min(choices.shown_breakdown, report.breakdowns.size() - 1));
    const std::size_t groups = report.breakdowns[scope.breakdown].groups.size();
    scope.group = static_cast<std::uint32_t>(groups == 0 ? 0 : std::min(choices.shown_group, groups - 1));
    return scope;
}

std::string QuestionText(const AnalyticsReport& report, const Survey& survey, std::uint32_t question) {
    return survey.questions[report.satisfaction_questions[question]].text.English();
}

std::string SatisfactionText(const SatisfactionRow* row) {
    if (row == nullptr || row->suppressed) return kHiddenFigureText;
    if (!row->percent) return "no answers";
    return DisplayPercent(*row->percent);
}

std::string VerdictText(const ChangeRow* row) {
    if (row == nullptr) return "";
    switch (row->outcome) {
        case ChangeOutcome::kImproved: return "+ improved";
        case ChangeOutcome::kWorse: return "- worse";
        case ChangeOutcome::kNoSignificantChange: return "= no significant change";
        case ChangeOutcome::kSuppressed: return kHiddenFigureText;
        case ChangeOutcome::kNotAvailable: return "no answers";
    }
    return "";
}

std::string ChangeText(const ChangeRow* row) {
    if (row == nullptr) return "";
    if (row->suppressed) return kHiddenFigureText;
    if (!row->change_points) return "no answers";
    std::string text = DisplayPoints(*row->change_points);
    if (row->interval_points) {
        text += " (" + DisplayDecimal(row->interval_points->low, 1) + " to " + DisplayDecimal(row->interval_points->high, 1) + ")";
    }
    return text;
}

// A bar from 0 to 100% with its 95% interval as a whisker; a hidden figure draws no bar
// (an empty bar would read as 0%), and its words go in the cell beside it.
void PercentBar(const FrameContext& frame, const SatisfactionRow* row, ImVec4 colour, const ImVec2& min,
                const ImVec2& max) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float width = max.x - min.x;
    const float mid = (min.y + max.y) * 0.5f;
    draw->AddRect(min, max, ToU32(frame.theme.border));
    if (row == nullptr || row->suppressed || !row->percent) return;
    const auto x_of = [&](double percent) { return min.x + width * static_cast<float>(std::clamp(percent, 0.0, 100.0) / 100.0); };
    draw->AddRectFilled(ImVec2(min.x, min.y + 2), ImVec2(x_of(*row->percent), max.y - 2), ToU32(colour));
    if (row->interval_percent) {
        const ImU32 ink = ToU32(frame.theme.text);
        const float low = x_of(row->interval_percent->low);
        const float high = x_of(row->interval_percent->high);
        draw->AddLine(ImVec2(low, mid), ImVec2(high, mid), ink, 2.0f);
        draw->AddLine(ImVec2(low, min.y + 3), ImVec2(low, max.y - 3), ink, 2.0f);
        draw->AddLine(ImVec2(high, min.y + 3), ImVec2(high, max.y - 3), ink, 2.0f);
    }
}

std::string ReturnRateText(const std::optional<double>& percent, bool suppressed) {
    if (suppressed) return kHiddenFigureText;
    return percent ? DisplayPercent(*percent) : std::string("-");
}

}  // namespace

void WorkspaceScreen::DrawContent(FrameContext& frame) {
    const Survey* survey = host_.CurrentSurvey();
    frame.title = survey != nullptr ? "Figures: " + survey->title.English() : std::string("Figures");
    frame.announcement = frame.title;
    BeginColumn(kWorkspaceColumnEm);
    Heading(frame, frame.title);
    if (BigButton(frame, "workspace_back", "Back to the officer's page", ButtonKind::Secondary, true, ColumnWidth() * 0.4f)) {
        host_.LeaveWorkspace();
    }
    const OfficerReport* report = host_.Report();
    for (const Problem& problem : host_.Problems()) StaffWarning(frame, problem.ToString());
    const WorkspaceView view = host_.Choices().view;
    if (view == WorkspaceView::kData) {
        DrawData(frame);
    } else if (report == nullptr) {
        Paragraph(survey == nullptr ? "The officer store holds no responses yet. Import the files from the stations first."
                                    : "There are no figures for these settings yet.");
        if (!host_.Problems().empty()) Paragraph("Change the settings under \"Settings\".");
    } else {
        // KPIs and downloads are the same whichever wave or group is on screen.
        if (view != WorkspaceView::kTargets && view != WorkspaceView::kDownloads) DrawScope(frame, *report);
        switch (view) {
            case WorkspaceView::kOverview: DrawOverview(frame, *report); break;
            case WorkspaceView::kReturnRates: DrawReturnRates(frame, *report); break;
            case WorkspaceView::kSatisfaction: DrawSatisfaction(frame, *report); break;
            case WorkspaceView::kMeans: DrawMeans(frame, *report); break;
            case WorkspaceView::kTargets: DrawTargets(frame, *report); break;
            case WorkspaceView::kDownloads: DrawDownloads(frame); break;
            case WorkspaceView::kData: break;
        }
    }
    EndColumn();
}

// Each tab starts at its top.
std::string WorkspaceScreen::PartShown() const { return std::to_string(static_cast<int>(host_.Choices().view)); }

// The tabs stay pinned below the scrolling view, in reach however far down a table goes.
void WorkspaceScreen::DrawFooter(FrameContext& frame) {
    BeginColumn(kWorkspaceColumnEm);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ColumnWidth() - spacing * static_cast<float>(kViews.size() - 1)) / static_cast<float>(kViews.size());
    for (std::size_t index = 0; index < kViews.size(); ++index) {
        const auto& [view, label] = kViews[index];
        const bool shown = view == host_.Choices().view;
        if (index > 0) ImGui::SameLine();
        if (BigButton(frame, "workspace_view:" + std::to_string(index), label,
                      shown ? ButtonKind::Primary : ButtonKind::Secondary, true, width,
                      std::string(label) + (shown ? ", shown" : ""))) {
            WorkspaceChoices choices = host_.Choices();
            choices.view = view;
            host_.SetChoices(choices);
        }
    }
    EndColumn();
}

// The wave and the breakdown on screen: one breakdown at a time, from the report's list.
void WorkspaceScreen::DrawScope(FrameContext& frame, const OfficerReport& officer) {
    const AnalyticsReport& report = officer.report;
    WorkspaceChoices choices = host_.Choices();
    const Scope scope = ScopeOf(report, choices);
    std::vector<std::pair<std::string, std::string>> waves;
    for (const std::string& wave : report.waves) waves.emplace_back(wave, "Wave " + wave);
    BoldParagraph(frame, "Wave reported" + std::string(scope.baseline ? " (baseline " + report.waves[*scope.baseline] + ")" : ""));
    const int wave = TileRow(frame, "reported_wave", waves, report.waves[scope.wave], 6);
    if (wave >= 0) {
        choices.reported_wave = report.waves[static_cast<std::size_t>(wave)];
        host_.SetChoices(choices);
    }
    // The overview is about everyone; the other views show one breakdown at a time.
    if (choices.view == WorkspaceView::kOverview) {
        ImGui::Separator();
        return;
    }
    std::vector<std::pair<std::string, std::string>> breakdowns;
    for (const ReportBreakdown& breakdown : report.breakdowns) {
        breakdowns.emplace_back(breakdown.dimension, breakdown.dimension == "all" ? "Everyone" : "By " + breakdown.dimension);
    }
    BoldParagraph(frame, "Breakdown shown");
    const int breakdown = TileRow(frame, "shown_breakdown", breakdowns, report.breakdowns[scope.breakdown].dimension, 6);
    if (breakdown >= 0) {
        choices.shown_breakdown = static_cast<std::size_t>(breakdown);
        choices.shown_group = 0;
        host_.SetChoices(choices);
    }
    ImGui::Separator();
}

void WorkspaceScreen::DrawOverview(FrameContext& frame, const OfficerReport& officer) {
    const AnalyticsReport& report = officer.report;
    const Scope scope = ScopeOf(report, host_.Choices());
    Heading(frame, "Responses and return rates");
    for (std::uint32_t wave = 0; wave < report.waves.size(); ++wave) {
        const ReturnRateRow* row = report.FindReturnRate(wave, 0, 0);
        if (row == nullptr) continue;
        std::string rate = row->rr1_percent ? "return rate (RR1) " + DisplayPercent(*row->rr1_percent) + " of " +
                                                  CountText(static_cast<std::uint64_t>(row->invited.value_or(0))) + " invited"
                           : row->coop1_percent ? "cooperation rate (COOP1) " + DisplayPercent(*row->coop1_percent)
                                                : std::string("no rate");
        Paragraph("Wave " + report.waves[wave] + (report.baseline_wave == wave ? " (baseline)" : "") + ": " +
                  CountText(static_cast<std::uint64_t>(row->complete)) + " complete, " +
                  CountText(static_cast<std::uint64_t>(row->partial)) + " partial, " +
                  CountText(static_cast<std::uint64_t>(row->refused)) + " said no; " + rate + ".");
    }
    if (const std::optional<std::uint32_t> overall = OverallSatisfactionQuestion(report, *host_.CurrentSurvey())) {
        Heading(frame, "Overall satisfaction");
        const SatisfactionRow* row = report.FindSatisfaction(scope.wave, 0, 0, *overall);
        std::string line = QuestionText(report, *host_.CurrentSurvey(), *overall) + " " + SatisfactionText(row);
        if (row && !row->suppressed && row->interval_percent) {
            line += " positive (95% interval " + DisplayDecimal(row->interval_percent->low, 1) + " to " +
                    DisplayDecimal(row->interval_percent->high, 1) + ")";
        }
        const ChangeRow* change = scope.baseline ? report.FindChange(0, 0, *overall, scope.wave) : nullptr;
        if (change != nullptr) {
            line += "; " + ChangeText(change) + " on " + report.waves[*scope.baseline] + ", " + VerdictText(change);
        }
        Paragraph(line + ".");
    }
    if (scope.baseline) {
        Heading(frame, "Questions against the baseline");
        for (const ChangeCountRow& row : report.change_counts) {
            if (row.breakdown != 0 || row.wave != scope.wave) continue;
            Paragraph(std::to_string(row.improved) + " improved, " + std::to_string(row.no_significant_change) +
                      " did not change significantly, " + std::to_string(row.worse) + " got worse (wave " +
                      report.waves[row.wave] + " against " + report.waves[row.baseline_wave] + ").");
        }
    }
    if (officer.kpis) {
        std::map<std::string, int> statuses;
        for (const KpiResult& kpi : *officer.kpis) ++statuses[KpiStatusName(kpi.status)];
        std::string counts;
        for (const auto& [status, count] : statuses) counts += (counts.empty() ? "" : ", ") + std::to_string(count) + " " + status;
        Heading(frame, "Targets");
        Paragraph(counts + ".");
    }
    Heading(frame, "Small numbers and warnings");
    const SuppressionTally& hidden = report.satisfaction_hidden;
    Paragraph(CountText(static_cast<std::uint64_t>(hidden.primary + hidden.secondary + hidden.audit)) +
              " satisfaction figures and " +
              CountText(static_cast<std::uint64_t>(report.return_rates_hidden.primary + report.return_rates_hidden.secondary +
                                                   report.return_rates_hidden.audit)) +
              " return-rate figures are hidden because they rest on, or would reveal, groups smaller than " +
              std::to_string(report.options.min_cell) + ".");
    for (const std::string& warning : report.warnings) Paragraph(warning);
}

void WorkspaceScreen::DrawReturnRates(FrameContext& frame, const OfficerReport& officer) {
    const AnalyticsReport& report = officer.report;
    const Scope scope = ScopeOf(report, host_.Choices());
    const ReportBreakdown& breakdown = report.breakdowns[scope.breakdown];
    Heading(frame, "Return rates, wave " + report.waves[scope.wave]);
    const std::vector<FigureColumn> columns = {{"Group", 3},   {"Invited", 1.2f}, {"Complete", 1.2f}, {"Partial", 1.2f},
                                               {"Said no", 1.2f}, {"RR1", 1.6f},   {"RR2", 1.6f},      {"COOP1", 1.6f}};
    FigureRows rows;
    rows.count = breakdown.groups.size();
    const auto row_of = [&report, scope](std::size_t group) {
        return report.FindReturnRate(scope.wave, scope.breakdown, static_cast<std::uint32_t>(group));
    };
    rows.cell = [&](std::size_t group, std::size_t column) -> std::string {
        const ReturnRateRow* row = row_of(group);
        if (column == 0) return breakdown.groups[group];
        if (row == nullptr) return "";
        switch (column) {
            case 1: return row->invited ? CountText(static_cast<std::uint64_t>(*row->invited)) : std::string("not known");
            case 2: return row->suppressed ? kHiddenFigureText : CountText(static_cast<std::uint64_t>(row->complete));
            case 3: return row->suppressed ? kHiddenFigureText : CountText(static_cast<std::uint64_t>(row->partial));
            case 4: return row->suppressed ? kHiddenFigureText : CountText(static_cast<std::uint64_t>(row->refused));
            case 5: return ReturnRateText(row->rr1_percent, row->suppressed);
            case 6: return ReturnRateText(row->rr2_percent, row->suppressed);
            default: return ReturnRateText(row->coop1_percent, row->suppressed);
        }
    };
    rows.spoken = [&](std::size_t group) {
        std::string sentence = breakdown.groups[group] + ", wave " + report.waves[scope.wave] + ":";
        for (std::size_t column = 1; column < columns.size(); ++column) {
            sentence += " " + columns[column].header + " " + rows.cell(group, column) + (column + 1 < columns.size() ? "," : ".");
        }
        return sentence;
    };
    FigureTable(frame, "return_rates", columns, rows);
}

// The group compared with everyone (one at a time, stepped through: a crossing can have
// hundreds) and the order of the questions.
void WorkspaceScreen::DrawSatisfactionControls(FrameContext& frame, const AnalyticsReport& report) {
    WorkspaceChoices choices = host_.Choices();
    const Scope scope = ScopeOf(report, choices);
    const ReportBreakdown& breakdown = report.breakdowns[scope.breakdown];
    if (scope.breakdown != 0) {
        const std::size_t count = breakdown.groups.size();
        BoldParagraph(frame, "Group compared with everyone: " + breakdown.groups[scope.group] + " (" +
                                 std::to_string(scope.group + 1) + " of " + std::to_string(count) + ")");
        const float third = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 3.0f;
        if (BigButton(frame, "previous_group", "Previous group", ButtonKind::Secondary, scope.group > 0, third)) {
            choices.shown_group = scope.group - 1;
            host_.SetChoices(choices);
        }
        ImGui::SameLine();
        if (BigButton(frame, "next_group", "Next group", ButtonKind::Secondary, scope.group + 1 < count, third)) {
            choices.shown_group = scope.group + 1;
            host_.SetChoices(choices);
        }
    }
    const std::vector<std::pair<std::string, std::string>> orders = {
        {"question", "Question order"}, {"change", "By change"}, {"percent", "By percent"}};
    BoldParagraph(frame, "Order");
    const int order = TileRow(frame, "satisfaction_order", orders, orders[static_cast<std::size_t>(choices.order)].first);
    if (order >= 0) {
        choices.order = static_cast<SatisfactionOrder>(order);
        host_.SetChoices(choices);
    }
}

void WorkspaceScreen::DrawSatisfaction(FrameContext& frame, const OfficerReport& officer) {
    const AnalyticsReport& report = officer.report;
    const Survey& survey = *host_.CurrentSurvey();
    WorkspaceChoices choices = host_.Choices();
    const Scope scope = ScopeOf(report, choices);
    const ReportBreakdown& breakdown = report.breakdowns[scope.breakdown];
    DrawSatisfactionControls(frame, report);
    choices = host_.Choices();
    std::vector<std::uint32_t> questions(report.satisfaction_questions.size());
    std::iota(questions.begin(), questions.end(), 0u);
    const auto key = [&](std::uint32_t question) -> double {
        if (choices.order == SatisfactionOrder::kChange) {
            const ChangeRow* change = report.FindChange(scope.breakdown, scope.group, question, scope.wave);
            return change && change->change_points && !change->suppressed ? *change->change_points : -1e9;
        }
        const SatisfactionRow* row = report.FindSatisfaction(scope.wave, scope.breakdown, scope.group, question);
        return row && row->percent && !row->suppressed ? *row->percent : -1e9;
    };
    if (choices.order != SatisfactionOrder::kQuestionOrder) {
        std::stable_sort(questions.begin(), questions.end(), [&](auto a, auto b) { return key(a) > key(b); });
    }
    const std::string group_name = scope.breakdown == 0 ? "Everyone" : breakdown.groups[scope.group];
    const std::string wave_name = report.waves[scope.wave];
    const std::string baseline_name = scope.baseline ? report.waves[*scope.baseline] : std::string();
    Heading(frame, "Percent positive: " + group_name + ", wave " + wave_name +
                       (scope.baseline ? " against " + baseline_name : std::string()));
    std::vector<FigureColumn> columns = {{"Question", 3.4f}, {scope.baseline ? baseline_name : "Baseline", 0.8f},
                                         {wave_name, 0.8f}, {"Baseline, then " + wave_name + ", with 95% intervals", 1.8f},
                                         {"Change (95% interval)", 1.9f}, {"Verdict", 1.3f}};
    if (scope.breakdown != 0) columns.push_back({"Everyone, " + wave_name, 0.9f});
    const auto baseline_row = [&](std::uint32_t q) {
        return scope.baseline ? report.FindSatisfaction(*scope.baseline, scope.breakdown, scope.group, q) : nullptr;
    };
    const auto wave_row = [&](std::uint32_t q) { return report.FindSatisfaction(scope.wave, scope.breakdown, scope.group, q); };
    FigureRows rows;
    rows.count = questions.size();
    rows.cell = [&](std::size_t index, std::size_t column) -> std::string {
        const std::uint32_t q = questions[index];
        switch (column) {
            case 0: return QuestionText(report, survey, q);
            case 1: return scope.baseline ? SatisfactionText(baseline_row(q)) : std::string("-");
            case 2: return SatisfactionText(wave_row(q));
            case 3: return "";
            case 4: return scope.baseline ? ChangeText(report.FindChange(scope.breakdown, scope.group, q, scope.wave)) : "-";
            case 5: return scope.baseline ? VerdictText(report.FindChange(scope.breakdown, scope.group, q, scope.wave)) : "-";
            default: return SatisfactionText(report.FindSatisfaction(scope.wave, 0, 0, q));
        }
    };
    rows.draw = [&](std::size_t index, std::size_t, const ImVec2& min, const ImVec2& max) {
        const std::uint32_t q = questions[index];
        const float half = (max.y - min.y) * 0.5f;
        PercentBar(frame, baseline_row(q), frame.theme.secondary_active, min, ImVec2(max.x, min.y + half));
        PercentBar(frame, wave_row(q), frame.theme.primary, ImVec2(min.x, min.y + half), max);
    };
    rows.spoken = [&](std::size_t index) {
        const std::uint32_t q = questions[index];
        const SatisfactionRow* row = wave_row(q);
        std::string sentence = QuestionText(report, survey, q) + ", " + group_name + ", " + wave_name + ": " +
                               SatisfactionText(row);
        if (row && !row->suppressed && row->percent) sentence += " positive";
        if (row && !row->suppressed && row->interval_percent) {
            sentence += ", 95% interval " + DisplayDecimal(row->interval_percent->low, 1) + " to " +
                        DisplayDecimal(row->interval_percent->high, 1);
        }
        const ChangeRow* change = scope.baseline ? report.FindChange(scope.breakdown, scope.group, q, scope.wave) : nullptr;
        if (change && !change->suppressed && change->change_points) {
            sentence += ", " + DisplayPoints(*change->change_points) + " on " + baseline_name + ", " +
                        ChangeOutcomeName(change->outcome);
        }
        return sentence + ".";
    };
    FigureTable(frame, "satisfaction", columns, rows);
}

void WorkspaceScreen::DrawMeans(FrameContext& frame, const OfficerReport& officer) {
    const AnalyticsReport& report = officer.report;
    const Scope scope = ScopeOf(report, host_.Choices());
    const std::string group_name = scope.breakdown == 0 ? "Everyone" : report.breakdowns[scope.breakdown].groups[scope.group];
    Heading(frame, "Means: " + group_name + ", wave " + report.waves[scope.wave]);
    const std::vector<FigureColumn> columns = {{"Measure", 3}, {"n", 1}, {"Mean", 1}, {"SD", 1}, {"95% interval", 2}};
    const auto row_of = [&](std::size_t m) {
        return report.FindMean(scope.wave, scope.breakdown, scope.group, static_cast<std::uint32_t>(m));
    };
    FigureRows rows;
    rows.count = report.mean_measures.size();
    rows.cell = [&](std::size_t m, std::size_t column) -> std::string {
        const MeanRow* row = row_of(m);
        if (column == 0) return report.mean_measures[m].label;
        if (row == nullptr) return "";
        if (row->suppressed) return kHiddenFigureText;
        const MeanSummary& summary = row->summary;
        switch (column) {
            case 1: return CountText(static_cast<std::uint64_t>(summary.count));
            case 2: return summary.mean ? DisplayDecimal(*summary.mean, 2) : "-";
            case 3: return summary.standard_deviation ? DisplayDecimal(*summary.standard_deviation, 2) : "-";
            default:
                return summary.confidence_interval ? DisplayDecimal(summary.confidence_interval->low, 2) + " to " +
                                                         DisplayDecimal(summary.confidence_interval->high, 2)
                                                   : "-";
        }
    };
    rows.spoken = [&](std::size_t m) {
        return report.mean_measures[m].label + ": n " + rows.cell(m, 1) + ", mean " + rows.cell(m, 2) + ", SD " +
               rows.cell(m, 3) + ", 95% interval " + rows.cell(m, 4) + ".";
    };
    FigureTable(frame, "means", columns, rows);
}

void WorkspaceScreen::DrawTargets(FrameContext& frame, const OfficerReport& officer) {
    Heading(frame, "Targets");
    if (!officer.kpis) {
        Paragraph("No KPI file is loaded for this survey. Load one under \"Data and settings\".");
        return;
    }
    const std::vector<KpiResult>& kpis = *officer.kpis;
    const std::vector<FigureColumn> columns = {{"KPI", 3}, {"Target", 1}, {"Value", 1.3f}, {"Status", 1.3f}, {"Why", 3.5f}};
    FigureRows rows;
    rows.count = kpis.size();
    rows.cell = [&](std::size_t k, std::size_t column) -> std::string {
        const KpiResult& kpi = kpis[k];
        switch (column) {
            case 0: return kpi.definition.description.empty() ? kpi.definition.id : kpi.definition.description;
            case 1: return kpi.definition.target ? DisplayDecimal(*kpi.definition.target, 1) : "-";
            case 2: return kpi.suppressed ? kHiddenFigureText : kpi.value ? DisplayDecimal(*kpi.value, 1) : "not known";
            case 3: return KpiStatusName(kpi.status);
            default: return kpi.definition.status_override ? "Officer's override: " + kpi.definition.override_note
                                                           : kpi.suggestion.reason;
        }
    };
    rows.spoken = [&](std::size_t k) {
        return rows.cell(k, 0) + ": target " + rows.cell(k, 1) + ", value " + rows.cell(k, 2) + ", " + rows.cell(k, 3) +
               ". " + rows.cell(k, 4);
    };
    FigureTable(frame, "kpis", columns, rows);
    DrawKpiOverride(frame, kpis);
}

// The officer's own status for a KPI, with a note: kept on the device, and in every download
// as kpis.csv's status_override and override_note.
void WorkspaceScreen::DrawKpiOverride(FrameContext& frame, const std::vector<KpiResult>& kpis) {
    Heading(frame, "Your own status for a KPI");
    std::vector<std::pair<std::string, std::string>> choices;
    for (const KpiResult& kpi : kpis) choices.emplace_back(kpi.definition.id, kpi.definition.id);
    const int chosen = TileRow(frame, "override_kpi", choices, override_kpi_, 4);
    if (chosen >= 0) {
        override_kpi_ = choices[static_cast<std::size_t>(chosen)].first;
        override_note_.clear();
        for (const KpiOverride& entry : host_.KpiOverrides()) {
            if (entry.kpi == override_kpi_) override_note_ = entry.note;
        }
    }
    if (override_kpi_.empty()) return;
    TextField(frame, "override_note", "Why (goes into the downloads beside the status)", override_note_, 300);
    const std::vector<KpiStatus> statuses = {KpiStatus::kMet, KpiStatus::kOnTrack, KpiStatus::kPartiallyMet,
                                             KpiStatus::kNotOnTrack, KpiStatus::kNotKnown};
    std::vector<std::pair<std::string, std::string>> options;
    for (const KpiStatus status : statuses) options.emplace_back(KpiStatusName(status), KpiStatusName(status));
    options.emplace_back("suggested", "Use the suggested status");
    std::string current = "suggested";
    for (const KpiOverride& entry : host_.KpiOverrides()) {
        if (entry.kpi == override_kpi_) current = KpiStatusName(entry.status);
    }
    BoldParagraph(frame, "Status of " + override_kpi_);
    const int status = TileRow(frame, "override_status", options, current, 3);
    if (status < 0) return;
    const auto index = static_cast<std::size_t>(status);
    host_.SetKpiOverride(override_kpi_, index < statuses.size() ? std::optional<KpiStatus>(statuses[index]) : std::nullopt,
                         override_note_);
}

void WorkspaceScreen::DrawDownloads(FrameContext& frame) {
    Heading(frame, "Downloads");
    Paragraph("The same files as scripts/yousaid report writes for these settings, byte for byte. Hidden cells are "
              "empty in the CSVs and null in summary.json.");
    const float half = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    int index = 0;
    for (const std::string& name : host_.FileNames()) {
        if (index++ % 2 == 1) ImGui::SameLine();
        if (BigButton(frame, "download:" + name, "Download " + name, ButtonKind::Secondary, true, half)) host_.Download(name);
    }
    if (!host_.DownloadNotice().empty()) BoldParagraph(frame, host_.DownloadNotice());
}

}  // namespace yousaid::ui

namespace yousaid::ui {

namespace {

void SideFileBlock(FrameContext& frame, const std::string& id, const std::string& what, const SideFileState& state,
                   WorkspaceHost& host, void (WorkspaceHost::*choose)(), void (WorkspaceHost::*remove)()) {
    BoldParagraph(frame, what);
    Paragraph(state.file_name.empty() ? "None loaded." : "In use: " + state.file_name);
    for (const Problem& problem : state.problems) StaffWarning(frame, problem.ToString());
    const float half = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (BigButton(frame, "load_" + id, "Load a " + what + " file", ButtonKind::Secondary, true, half)) (host.*choose)();
    ImGui::SameLine();
    if (BigButton(frame, "remove_" + id, "Remove the " + what + " file", ButtonKind::Secondary, !state.file_name.empty(),
                  half)) {
        (host.*remove)();
    }
}

}  // namespace

void WorkspaceScreen::DrawData(FrameContext& frame) {
    const std::vector<const Survey*>& surveys = host_.SurveysHeld();
    if (surveys.size() > 1) {
        std::vector<std::pair<std::string, std::string>> options;
        for (const Survey* survey : surveys) options.emplace_back(survey->id, survey->title.English());
        BoldParagraph(frame, "Survey");
        const int chosen = TileRow(frame, "workspace_survey", options, host_.Choices().survey_id);
        if (chosen >= 0) {
            WorkspaceChoices choices = host_.Choices();
            choices.survey_id = options[static_cast<std::size_t>(chosen)].first;
            host_.SetChoices(choices);
        }
    }
    if (host_.CurrentSurvey() == nullptr) return;
    Heading(frame, "What the officer store holds");
    for (const WaveCounts& wave : host_.HeldByWave()) {
        Paragraph("Wave " + wave.wave + ": " + CountText(wave.complete) + " complete, " + CountText(wave.partial) +
                  " partial, " + CountText(wave.refused) + " said no.");
    }
    std::string places;
    for (const std::string& place : host_.StationsAndEvents()) places += (places.empty() ? "" : "; ") + place;
    Paragraph("From: " + places + ".");
    SideFileBlock(frame, "population", "population", host_.Population(), host_, &WorkspaceHost::ChoosePopulationFile,
                  &WorkspaceHost::RemovePopulationFile);
    SideFileBlock(frame, "kpis", "KPI", host_.Kpis(), host_, &WorkspaceHost::ChooseKpiFile, &WorkspaceHost::RemoveKpiFile);
    DrawSettings(frame);
}

void WorkspaceScreen::DrawSettings(FrameContext& frame) {
    const Survey& survey = *host_.CurrentSurvey();
    ReportSettings settings = host_.Settings();
    bool changed = false;
    Heading(frame, "Settings for the figures");
    // The settings kept from the last visit, where they could not all be used: said here,
    // beside the settings that replace them.
    for (const Problem& problem : host_.SettingsProblems()) StaffWarning(frame, problem.ToString());
    std::vector<std::pair<std::string, std::string>> baselines = {{"", "The first wave"}};
    for (const WaveCounts& wave : host_.HeldByWave()) baselines.emplace_back(wave.wave, "Wave " + wave.wave);
    BoldParagraph(frame, "Baseline wave");
    const int baseline = TileRow(frame, "baseline_wave", baselines, settings.baseline_wave, 6);
    if (baseline >= 0) {
        settings.baseline_wave = baselines[static_cast<std::size_t>(baseline)].first;
        changed = true;
    }
    BoldParagraph(frame, "Breakdowns in the report");
    for (std::size_t index = 0; index < settings.breakdowns.size(); ++index) {
        if (BigButton(frame, "remove_breakdown:" + settings.breakdowns[index], "Remove: by " + settings.breakdowns[index],
                      ButtonKind::Secondary)) {
            settings.breakdowns.erase(settings.breakdowns.begin() + static_cast<std::ptrdiff_t>(index));
            changed = true;
            break;
        }
    }
    std::vector<std::pair<std::string, std::string>> dimensions;
    for (const std::string& name : DemographicDimensionNames(survey)) {
        if (std::find(settings.breakdowns.begin(), settings.breakdowns.end(), name) == settings.breakdowns.end()) {
            dimensions.emplace_back(name, "Add: by " + name);
        }
    }
    const int added = TileRow(frame, "add_breakdown", dimensions, "", 4);
    if (added >= 0) {
        settings.breakdowns.push_back(dimensions[static_cast<std::size_t>(added)].first);
        changed = true;
    }
    TextField(frame, "crossing", "Any other breakdown, or a crossing of two, e.g. school,year_group", breakdown_text_, 80);
    if (BigButton(frame, "add_crossing", "Add this breakdown", ButtonKind::Secondary, !breakdown_text_.empty())) {
        settings.breakdowns.push_back(breakdown_text_);
        breakdown_text_.clear();
        changed = true;
    }
    const std::int64_t min_cell = settings.min_cell.value_or(kDefaultMinimumCell);
    const std::vector<std::pair<std::string, std::string>> minimums = {{"3", "3"}, {"5", "5"}, {"10", "10"},
                                                                       {"15", "15"}, {"20", "20"}};
    BoldParagraph(frame, "Smallest group shown (minimum cell)");
    const int minimum = TileRow(frame, "min_cell", minimums, std::to_string(min_cell), 5);
    if (minimum >= 0) {
        const std::int64_t value = std::stoll(minimums[static_cast<std::size_t>(minimum)].first);
        // Below 5, a figure can point at one or two children: it needs a second, deliberate step.
        if (value < 5) {
            unconfirmed_min_cell_ = value;
        } else {
            settings.min_cell = value;
            unconfirmed_min_cell_ = 0;
            changed = true;
        }
    }
    if (unconfirmed_min_cell_ > 0) {
        StaffWarning(frame, "Groups as small as " + std::to_string(unconfirmed_min_cell_) +
                                " people could let someone work out who said what. Publish figures this small only "
                                "if your council's policy allows it.");
        if (BigButton(frame, "confirm_min_cell", "Show groups as small as " + std::to_string(unconfirmed_min_cell_))) {
            settings.min_cell = unconfirmed_min_cell_;
            unconfirmed_min_cell_ = 0;
            changed = true;
        }
    }
    if (ChoiceTile(frame, "include_dont_know", "\"Don't know\" counts as an answer", settings.include_dont_know,
                   ItemRole::Checkbox, {})) {
        settings.include_dont_know = !settings.include_dont_know;
        changed = true;
    }
    if (changed) host_.SetSettings(settings);
}

}  // namespace yousaid::ui
