#include "ui/workspace_screen.h"

#include <imgui.h>

#include <algorithm>
#include <numeric>
#include <utility>

#include "core/analytics/display_text.h"
#include "ui/chart_view.h"
#include "ui/sealed_summary_view.h"
#include "ui/comments_view.h"
#include "ui/figure_table.h"
#include "ui/staff_widgets.h"
#include "ui/station_pack_export.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

constexpr float kWorkspaceColumnEm = 90.0f;

const std::vector<std::pair<WorkspaceView, const char*>> kViews = {
    {WorkspaceView::kOverview, "Overview"},       {WorkspaceView::kReturnRates, "Return rates"},
    {WorkspaceView::kSatisfaction, "Satisfaction"}, {WorkspaceView::kMeans, "Means"},
    {WorkspaceView::kTargets, "Targets"},         {WorkspaceView::kDownloads, "Downloads"},
    {WorkspaceView::kComments, "Comments"},       {WorkspaceView::kActions, "You said, we did"},
    {WorkspaceView::kKeys, "Keys"},               {WorkspaceView::kData, "Settings"},
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

std::string SatisfactionText(const SatisfactionRow* row) {
    if (row == nullptr || row->suppressed) return kHiddenFigureText;
    if (!row->percent) return "no answers";
    return DisplayPercent(*row->percent);
}

std::string ReturnRateText(const std::optional<double>& percent, bool suppressed) {
    if (suppressed) return kHiddenFigureText;
    return percent ? DisplayPercent(*percent) : std::string("-");
}

}  // namespace

TileFlow::TileFlow(FrameContext& frame)
    : frame_(frame),
      width_(ColumnWidth()),
      right_(ImGui::GetCursorScreenPos().x + width_),
      row_height_(std::max(frame.theme.min_touch_target, ImGui::GetFontSize() * 2.3f)) {}

float TileFlow::LabelWidth(const std::string& text) const {
    ImGui::PushFont(frame_.fonts.bold);
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::PopFont();
    return width;
}

void TileFlow::Place(float width) {
    Start(end_ > 0.0f && end_ + ImGui::GetStyle().ItemSpacing.x * 3.0f + width <= right_);
}

void TileFlow::Start(bool same_row) {
    if (same_row) ImGui::SameLine(0.0f, ImGui::GetStyle().ItemSpacing.x * 3.0f);
    end_ = 1.0f;  // something is on the row
}

// Centred on the row's height; returns the row's top, where what follows it starts.
float TileFlow::Label(const std::string& text) {
    const float top = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(top + (row_height_ - ImGui::GetFontSize()) * 0.5f);
    BoldParagraph(frame_, text);
    end_ = ImGui::GetItemRectMax().x;
    return top;
}

int TileFlow::Group(const std::string& label, const std::string& group,
                    const std::vector<std::pair<std::string, std::string>>& options, const std::string& current) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const auto tile_width = [&](const std::string& text) { return LabelWidth(text) + ImGui::GetFontSize() * 3.6f; };
    const float label_width = LabelWidth(label);
    // How many tiles would follow the label on this row, and the whole group's width.
    std::size_t fitting = 0;
    bool fits = end_ > 0.0f;
    float x = end_ + spacing * 3.0f + label_width;
    float whole = label_width;
    for (const auto& option : options) {
        const float width = spacing + tile_width(option.second);
        fits = fits && x + width <= right_;
        if (fits) ++fitting;
        x += width;
        whole += width;
    }
    // The group stays on this row if it fits, or half of it does; otherwise it starts the
    // next row (wrapping there if it is wider than the column).
    const bool stays = fitting > 0 && (fitting * 2 >= options.size() || whole > width_);
    Start(stays);
    const float top = Label(label);
    int chosen = -1;
    for (std::size_t index = 0; index < options.size(); ++index) {
        const float width = tile_width(options[index].second);
        if (index == 0) {
            ImGui::SameLine();
            ImGui::SetCursorPosY(top);
        } else if (end_ + spacing + width <= right_) {
            ImGui::SameLine();
        }
        if (ChoiceTile(frame_, group + ":" + options[index].first, options[index].second, options[index].first == current,
                       ItemRole::Radio, group, width)) {
            chosen = static_cast<int>(index);
        }
        end_ = ImGui::GetItemRectMax().x;
    }
    return chosen;
}

void WorkspaceScreen::DrawContent(FrameContext& frame) {
    const Survey* survey = host_.CurrentSurvey();
    frame.title = survey != nullptr ? "Figures: " + survey->title.English() : std::string("Figures");
    frame.announcement = frame.title;
    BeginColumn(kWorkspaceColumnEm);
    // The title and the way back share a row: the first screen is for figures.
    const float back_width = ColumnWidth() * 0.3f;
    const float row_left = ImGui::GetCursorPosX();
    ImGui::PushTextWrapPos(row_left + ColumnWidth() - back_width - ImGui::GetFontSize());
    Heading(frame, frame.title);
    ImGui::PopTextWrapPos();
    ImGui::SameLine(row_left + ColumnWidth() - back_width);
    if (BigButton(frame, "workspace_back", "Back to the officer's page", ButtonKind::Secondary, true, back_width)) {
        host_.LeaveWorkspace();
    }
    const OfficerReport* report = host_.Report();
    for (const Problem& problem : host_.Problems()) StaffWarning(frame, problem.ToString());
    DrawSealedSummary(frame, host_.Sealed());
    const WorkspaceView view = host_.Choices().view;
    // Another tab starts at its top, not where the last one was scrolled to.
    if (view != drawn_view_) ImGui::SetScrollY(0.0f);
    drawn_view_ = view;
    if (view == WorkspaceView::kData) {
        DrawData(frame);
    } else if (view == WorkspaceView::kActions) {
        actions_view_.Draw(frame);
    } else if (view == WorkspaceView::kKeys) {
        // Keys are needed before any figures exist: a station needs a public key first.
        keys_view_.Draw(frame);
    } else if (report == nullptr) {
        if (host_.Sealed().responses == 0) {
            Paragraph(survey == nullptr ? "The officer store holds no responses yet. Import the files from the stations first."
                                        : "There are no figures for these settings yet.");
        }
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
            case WorkspaceView::kData:
            case WorkspaceView::kActions:
            case WorkspaceView::kKeys: break;
            case WorkspaceView::kComments:
                DrawCommentsView(frame, host_, comments_state_, *report, [&] {
                    actions_view_.DrawThemeButtons(frame, *report, host_.Comments().question);
                });
                break;
        }
    }
    EndColumn();
}

// Each tab starts at its top.
std::string WorkspaceScreen::PartShown() const { return std::to_string(static_cast<int>(host_.Choices().view)); }

// The tabs stay pinned below the scrolling view, in reach however far down a table goes.
void WorkspaceScreen::DrawFooter(FrameContext& frame) {
    BeginColumn(kWorkspaceColumnEm);
    DrawOpeningProgress(frame, host_.Sealed());
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

// The wave and the breakdown on screen (one breakdown at a time, from the report's list),
// and the satisfaction view's own choices, flowing in as few rows as the width allows.
void WorkspaceScreen::DrawScope(FrameContext& frame, const OfficerReport& officer) {
    const AnalyticsReport& report = officer.report;
    WorkspaceChoices choices = host_.Choices();
    const Scope scope = ScopeOf(report, choices);
    TileFlow flow(frame);
    std::vector<std::pair<std::string, std::string>> waves;
    for (const std::string& wave : report.waves) waves.emplace_back(wave, wave);
    // Short labels, so that the choices take one row on a laptop: the headings below name
    // the baseline.
    const int wave = flow.Group("Wave", "reported_wave", waves, report.waves[scope.wave]);
    if (wave >= 0) {
        choices.reported_wave = report.waves[static_cast<std::size_t>(wave)];
        host_.SetChoices(choices);
    }
    // The overview is about everyone; the other views show one breakdown at a time.
    if (choices.view != WorkspaceView::kOverview) {
        std::vector<std::pair<std::string, std::string>> breakdowns;
        for (const ReportBreakdown& breakdown : report.breakdowns) {
            breakdowns.emplace_back(breakdown.dimension, breakdown.dimension == "all" ? "Everyone" : breakdown.dimension);
        }
        const int breakdown =
            flow.Group("Breakdown", "shown_breakdown", breakdowns, report.breakdowns[scope.breakdown].dimension);
        if (breakdown >= 0) {
            choices.shown_breakdown = static_cast<std::size_t>(breakdown);
            choices.shown_group = 0;
            host_.SetChoices(choices);
        }
    }
    if (choices.view == WorkspaceView::kSatisfaction) DrawSatisfactionControls(frame, report, flow);
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
        const std::string heading = "Wave " + report.waves[wave] + (report.baseline_wave == wave ? " (baseline)" : "") + ": ";
        // A hidden row's counts are not known here: saying 0 would be a figure, and a wrong one.
        if (row->suppressed) {
            Paragraph(heading + kHiddenFigureText + ".");
            continue;
        }
        Paragraph(heading + CountText(static_cast<std::uint64_t>(row->complete)) + " complete, " +
                  CountText(static_cast<std::uint64_t>(row->partial)) + " partial, " +
                  CountText(static_cast<std::uint64_t>(row->refused)) + " said no; " + rate + ".");
    }
    ChartView(frame, ReturnRatesChart(officer, 0), ColumnWidth() * 0.6f);
    if (const std::optional<std::uint32_t> overall = OverallSatisfactionQuestion(report, *host_.CurrentSurvey())) {
        // The question's own row of the satisfaction and change charts, side by side.
        Heading(frame, "Overall satisfaction");
        const ChartDescription percent = WithRowsInOrder(SatisfactionChart(officer, 0, 0, scope.wave), {*overall});
        Paragraph(percent.rows.front().spoken + ".");
        const bool compared = percent.series.size() > 1;
        const float gap = ImGui::GetStyle().ItemSpacing.x * 4.0f;
        ChartView(frame, percent, compared ? (ColumnWidth() - gap) * 0.55f : 0.0f);
        if (compared) {
            ImGui::SameLine(0.0f, gap);
            ChartView(frame, WithRowsInOrder(ChangeChart(officer, 0, 0, scope.wave), {*overall}),
                      (ColumnWidth() - gap) * 0.45f);
        }
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
    const ChartDescription chart = ReturnRatesChart(officer, scope.breakdown);
    Heading(frame, chart.title + ", every wave");
    ChartView(frame, chart);
    Heading(frame, "Return rates, wave " + report.waves[scope.wave]);
    // "Complete" must fit its column on a 1024-pixel screen without breaking.
    const std::vector<FigureColumn> columns = {{"Group", 2.2f},   {"Invited", 1.3f}, {"Complete", 1.3f}, {"Partial", 1.3f},
                                               {"Said no", 1.3f}, {"RR1", 1.4f},   {"RR2", 1.4f},      {"COOP1", 1.4f}};
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
        // Every wave's rate, as the chart above shows them.
        return sentence + " Every wave: " + chart.rows[group].spoken + ".";
    };
    FigureTable(frame, "return_rates", columns, rows);
}

// The order of the questions and the group compared with everyone (one at a time, stepped
// through: a crossing can have hundreds).
void WorkspaceScreen::DrawSatisfactionControls(FrameContext& frame, const AnalyticsReport& report, TileFlow& flow) {
    WorkspaceChoices choices = host_.Choices();
    const Scope scope = ScopeOf(report, choices);
    const std::vector<std::pair<std::string, std::string>> orders = {
        {"question", "Question order"}, {"change", "By change"}, {"percent", "By percent"}};
    const int order = flow.Group("Order", "satisfaction_order", orders, orders[static_cast<std::size_t>(choices.order)].first);
    if (order >= 0) {
        choices.order = static_cast<SatisfactionOrder>(order);
        host_.SetChoices(choices);
    }
    if (scope.breakdown == 0) return;
    const ReportBreakdown& breakdown = report.breakdowns[scope.breakdown];
    const std::size_t count = breakdown.groups.size();
    const float button = ImGui::GetFontSize() * 5.0f;
    const std::string label = "Group " + std::to_string(scope.group + 1) + " of " + std::to_string(count) + ": " +
                              breakdown.groups[scope.group];
    flow.Place(button * 2.0f + flow.LabelWidth(label));
    if (BigButton(frame, "previous_group", "Previous", ButtonKind::Secondary, scope.group > 0, button, "Previous group")) {
        choices.shown_group = scope.group - 1;
        host_.SetChoices(choices);
    }
    ImGui::SameLine();
    if (BigButton(frame, "next_group", "Next", ButtonKind::Secondary, scope.group + 1 < count, button, "Next group")) {
        choices.shown_group = scope.group + 1;
        host_.SetChoices(choices);
    }
    ImGui::SameLine();
    flow.Label(label);
}

namespace {

ChartRowOrder RowOrderOf(SatisfactionOrder order) {
    switch (order) {
        case SatisfactionOrder::kChange: return ChartRowOrder::kByChange;
        case SatisfactionOrder::kPercent: return ChartRowOrder::kByValue;
        case SatisfactionOrder::kQuestionOrder: break;
    }
    return ChartRowOrder::kAsBuilt;
}

// "+ improved": the verdict's symbol as a character beside its word, for the table (in the
// order of VerdictSymbol: none, up, down, circle).
std::string VerdictCell(const ChartVerdict& verdict) {
    static const char* const kMarks[] = {"", "+ ", "- ", "= "};
    return kMarks[static_cast<int>(verdict.symbol)] + verdict.word;
}

// In question order, a chart per section of the survey, its caption ending with the
// section's title, as the survey groups its questions; sorted, one chart (a sort mixes the
// sections). Captions are in the body's bold, not headings: the first screen is for the
// figures.
void ChartBySection(const FrameContext& frame, const ChartDescription& chart, bool by_section,
                    const std::string& caption) {
    if (!by_section) {
        BoldParagraph(frame, caption);
        ChartView(frame, chart);
        return;
    }
    for (std::size_t start = 0; start < chart.rows.size();) {
        std::size_t end = start + 1;
        while (end < chart.rows.size() && chart.rows[end].section == chart.rows[start].section) ++end;
        std::vector<std::size_t> run(end - start);
        std::iota(run.begin(), run.end(), start);
        const std::string& section = chart.rows[start].section;
        BoldParagraph(frame, section.empty() ? caption : caption + " \xE2\x80\x94 " + section);
        ChartView(frame, WithRowsInOrder(chart, run));
        start = end;
    }
}

// Small trend lines, one per question, three to a row.
void TrendGrid(const FrameContext& frame, const OfficerReport& officer, const Scope& scope,
               const std::vector<std::size_t>& questions) {
    constexpr std::size_t kPerRow = 3;
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 3.0f;
    const float width = (ColumnWidth() - spacing * (kPerRow - 1)) / kPerRow;
    for (std::size_t index = 0; index < questions.size(); ++index) {
        if (index % kPerRow != 0) ImGui::SameLine(0.0f, spacing);
        ChartView(frame, TrendChart(officer, scope.breakdown, scope.group, static_cast<std::uint32_t>(questions[index])),
                  width);
    }
}

}  // namespace

// Per question: the percent positive in the baseline and the reported wave with their
// intervals, the change as a diverging bar, the trend where there are more than two waves,
// and every figure again in the table (whose rows are what a screen reader reads).
void WorkspaceScreen::DrawSatisfaction(FrameContext& frame, const OfficerReport& officer) {
    const AnalyticsReport& report = officer.report;
    const WorkspaceChoices& choices = host_.Choices();
    const Scope scope = ScopeOf(report, choices);
    const ChartDescription percent = SatisfactionChart(officer, scope.breakdown, scope.group, scope.wave);
    const std::vector<std::size_t> order = OrderedRows(percent, RowOrderOf(choices.order));
    const bool compared = percent.series.size() > 1;
    const ChartDescription change =
        compared ? WithRowsInOrder(ChangeChart(officer, scope.breakdown, scope.group, scope.wave), order) : ChartDescription{};
    const std::string group_name = scope.breakdown == 0 ? "Everyone" : report.breakdowns[scope.breakdown].groups[scope.group];
    const std::string wave_name = report.waves[scope.wave];
    const std::string against = compared ? " against " + percent.series.front() : std::string();
    const bool by_section = choices.order == SatisfactionOrder::kQuestionOrder;
    ChartBySection(frame, WithRowsInOrder(percent, order), by_section,
                   "Percent positive, " + group_name + ", wave " + wave_name + against + ", with 95% intervals");
    if (compared) {
        VerticalGap(0.5f);
        ChartBySection(frame, change, by_section,
                       "Change in points, " + group_name + ", wave " + wave_name + against + ", with 95% intervals");
    }
    if (report.waves.size() > 2) {
        VerticalGap(0.5f);
        BoldParagraph(frame, "Trends across every wave: percent positive, with 95% intervals");
        TrendGrid(frame, officer, scope, order);
    }
    std::vector<FigureColumn> columns = {{"Question", 3.4f}, {compared ? percent.series.front() : "Baseline", 1.5f},
                                         {wave_name, 1.5f}, {"Change (95% interval)", 1.8f}, {"Verdict", 1.4f}};
    if (scope.breakdown != 0) columns.push_back({"Everyone, " + wave_name, 0.9f});
    FigureRows rows;
    rows.count = order.size();
    rows.cell = [&](std::size_t index, std::size_t column) -> std::string {
        const ChartRow& row = percent.rows[order[index]];
        switch (column) {
            case 0: return row.label;
            case 1: return compared ? row.values.front().label : std::string("-");
            case 2: return row.values.back().label;
            case 3: return compared ? change.rows[index].values.front().label : std::string("-");
            case 4: return compared ? VerdictCell(row.verdict) : std::string("-");
            default: {
                const auto q = static_cast<std::uint32_t>(order[index]);
                return SatisfactionText(report.FindSatisfaction(scope.wave, 0, 0, q));
            }
        }
    };
    rows.spoken = [&](std::size_t index) {
        const std::string sentence = percent.rows[order[index]].spoken;
        return scope.breakdown == 0 ? sentence + "." : sentence + "; everyone, " + wave_name + ": " + rows.cell(index, 5) + ".";
    };
    FigureTable(frame, "satisfaction", columns, rows);
    ActionFinding shown;
    shown.wave = wave_name;
    shown.dimension = report.breakdowns[scope.breakdown].dimension;
    shown.group = scope.breakdown == 0 ? std::string(kAllGroup) : group_name;
    actions_view_.DrawFindingButtons(frame, officer, shown, order);
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
    for (const KpiResult& kpi : kpis) {
        // The action KPI's status follows its list: it is changed there, not overridden.
        if (kpi.definition.statistic != KpiStatistic::kActionsDone) choices.emplace_back(kpi.definition.id, kpi.definition.id);
    }
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
    VerticalGap(0.6f);
    DrawStationPackExport(frame, host_, pack_form_);
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
    BoldParagraph(frame, "Files imported");
    for (const ImportedFileRow& file : host_.ImportedFiles()) {
        Paragraph(file.name + ", imported " + file.imported + ": " + CountText(file.added) + " added (" + file.format + ").");
    }
    DrawImportMore(frame);
    SideFileBlock(frame, "population", "population", host_.Population(), host_, &WorkspaceHost::ChoosePopulationFile,
                  &WorkspaceHost::RemovePopulationFile);
    SideFileBlock(frame, "kpis", "KPI", host_.Kpis(), host_, &WorkspaceHost::ChooseKpiFile, &WorkspaceHost::RemoveKpiFile);
    DrawSettings(frame);
}

// Importing from here keeps the keys unlocked, so sealed answers open as they are read.
void WorkspaceScreen::DrawImportMore(FrameContext& frame) {
    const ImportBatchView& batch = host_.ImportBatch();
    if (BigButton(frame, "workspace_import", "Import more files", ButtonKind::Secondary, !batch.progress.has_value())) {
        host_.ChooseFilesToImport();
    }
    if (batch.progress) ImportProgressBlock(frame, *batch.progress);
    ImportOutcomes(frame, batch.files);
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
