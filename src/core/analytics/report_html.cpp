#include "core/analytics/report_html.h"

#include <algorithm>
#include <map>

#include "core/analytics/chart.h"
#include "core/analytics/chart_svg.h"
#include "core/analytics/display_text.h"
#include "core/analytics/report_request.h"
#include "core/analytics/report_tables.h"

namespace yousaid {

namespace {

// Printed on A4 portrait (186 mm between 12 mm margins is about 700 CSS pixels): charts are
// drawn 640 wide and shrink with the page; tables break between rows and repeat their
// header; nothing is positioned, so nothing can be clipped.
constexpr const char* kStyle = R"(
:root { color: #1f2430; background: #ffffff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 11pt; line-height: 1.4; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; }
h1 { font-size: 18pt; margin: 0 0 0.5rem; }
h2 { font-size: 14pt; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #969ca8; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 1rem 0 0.25rem; break-after: avoid; page-break-after: avoid; }
p, li { max-width: 48rem; }
.muted { color: #545c6b; }
figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 0.25rem; }
svg.chart { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #c8c5c0; padding: 2px 4px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f0eee9; }
td.number { text-align: right; white-space: nowrap; }
td.short { white-space: nowrap; }
td.long { min-width: 4.5em; }
td.hidden { color: #545c6b; font-style: italic; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 8pt; overflow-wrap: anywhere; }
@page { size: A4; margin: 12mm; }
@media print { body { max-width: none; padding: 0; } section { break-before: auto; } }
)";

std::string Escaped(const std::string& text) { return MarkupEscaped(text); }

std::string Element(const char* tag, const std::string& escaped_content) {
    return std::string("<") + tag + ">" + escaped_content + "</" + tag + ">";
}

std::string ReportedWaveName(const AnalyticsReport& report) { return report.waves.empty() ? "-" : report.waves.back(); }

std::string BaselineName(const AnalyticsReport& report) {
    return report.baseline_wave ? report.waves[*report.baseline_wave] : std::string("-");
}

std::string Header(const OfficerReport& officer) {
    const AnalyticsReport& report = officer.report;
    const std::string title = officer.survey.title.IsEmpty() ? report.survey_id : officer.survey.title.English();
    std::string waves;
    for (const std::string& wave : report.waves) waves += (waves.empty() ? "" : ", ") + wave;
    return "<header>" + Element("h1", Escaped(title) + ": report") + "<p>Survey " + Escaped(report.survey_id) +
           ", version " + std::to_string(report.survey_version) + ". Waves: " + Escaped(waves.empty() ? "none" : waves) +
           ". Baseline: " + Escaped(BaselineName(report)) + ". Reported wave: " + Escaped(ReportedWaveName(report)) +
           ".</p></header>\n";
}

std::string RateText(const ReturnRateRow& row) {
    if (row.suppressed) return kHiddenFigureText;
    if (row.rr1_percent) return "RR1 " + DisplayPercent(*row.rr1_percent);
    if (row.coop1_percent) return "COOP1 " + DisplayPercent(*row.coop1_percent);
    return "-";
}

std::string Cell(const std::string& text, const char* css_class = nullptr) {
    return css_class == nullptr ? Element("td", Escaped(text))
                                : std::string("<td class=\"") + css_class + "\">" + Escaped(text) + "</td>";
}

std::string FigureCell(const std::string& text) {
    return Cell(text, text == kHiddenFigureText ? "hidden" : "number");
}

std::string WavesTable(const AnalyticsReport& report) {
    std::string html = "<table><thead><tr><th>wave</th><th>responses</th><th>complete</th><th>partial</th>"
                       "<th>refused</th><th>return rate</th></tr></thead><tbody>";
    for (std::uint32_t wave = 0; wave < report.waves.size(); ++wave) {
        const ReturnRateRow* row = report.FindReturnRate(wave, 0, 0);
        if (row == nullptr) continue;
        auto count = [&](std::int64_t value) { return row->suppressed ? std::string(kHiddenFigureText) : DisplayCount(value); };
        html += "<tr>" + Cell(report.waves[wave]) + FigureCell(count(row->complete + row->partial + row->refused)) +
                FigureCell(count(row->complete)) + FigureCell(count(row->partial)) + FigureCell(count(row->refused)) +
                FigureCell(RateText(*row)) + "</tr>";
    }
    return html + "</tbody></table>\n";
}

std::string ChangeCountsText(const AnalyticsReport& report) {
    for (const ChangeCountRow& row : report.change_counts) {
        if (row.breakdown != 0 || row.group != 0 || row.wave + 1 != report.waves.size()) continue;
        return "<p>" + Escaped(report.waves[row.wave]) + " against " + Escaped(report.waves[row.baseline_wave]) +
               ", everyone: " + DisplayCount(row.improved) + " questions improved, " +
               DisplayCount(row.no_significant_change) + " did not change significantly, " + DisplayCount(row.worse) +
               " got worse, " + DisplayCount(row.suppressed) + " hidden because of small numbers, " +
               DisplayCount(row.not_available) + " without figures in both waves.</p>\n";
    }
    return "<p>No change against the baseline: the report has one wave.</p>\n";
}

std::string KpiCountsText(const OfficerReport& officer) {
    if (!officer.kpis) return "<p>No KPI file was given.</p>\n";
    std::map<KpiStatus, std::int64_t> counts;
    for (const KpiResult& result : *officer.kpis) ++counts[result.status];
    std::string html = "<p>KPIs: ";
    for (const auto& [status, count] : counts) {
        html += (status == counts.begin()->first ? "" : ", ") + Escaped(KpiStatusName(status)) + " " + DisplayCount(count);
    }
    return html + ".</p>\n";
}

std::string HiddenCountsText(const AnalyticsReport& report) {
    auto hidden = [](const SuppressionTally& tally) { return DisplayCount(tally.primary + tally.secondary + tally.audit); };
    return "<p>Figures hidden because of small numbers: " + hidden(report.return_rates_hidden) + " return-rate rows, " +
           hidden(report.satisfaction_hidden) + " satisfaction rows, " + hidden(report.means_hidden) + " means rows" +
           (report.has_comment_themes ? ", " + hidden(report.comment_themes_hidden) + " comment theme rows" : "") +
           ". Each reads &#8220;" + kHiddenFigureText + "&#8221;.</p>\n";
}

std::string Overview(const OfficerReport& officer) {
    const AnalyticsReport& report = officer.report;
    std::string html = "<section id=\"overview\">" + Element("h2", "Overview") + WavesTable(report);
    if (const auto overall = OverallSatisfactionQuestion(report, officer.survey)) {
        const ChartDescription satisfaction = SatisfactionChart(officer, 0, 0);
        html += "<p><strong>Overall:</strong> " + Escaped(satisfaction.rows[*overall].spoken) + ".</p>\n";
    }
    html += ChangeCountsText(report) + KpiCountsText(officer) + HiddenCountsText(report);
    if (!report.warnings.empty()) {
        html += Element("h3", "Warnings") + "<ul>";
        for (const std::string& warning : report.warnings) html += Element("li", Escaped(warning));
        html += "</ul>\n";
    }
    return html + "</section>\n";
}

std::string Figure(const ChartDescription& chart) {
    return "<figure><figcaption>" + Escaped(chart.title) + "</figcaption>" + ChartSvg(chart) + "<p class=\"muted\">" +
           Escaped(chart.description) + "</p></figure>\n";
}

bool IsCrossing(const std::string& dimension) { return dimension.find(kCrossingSeparator) != std::string::npos; }

std::string Charts(const OfficerReport& officer) {
    const AnalyticsReport& report = officer.report;
    std::string html = "<section id=\"charts\">" + Element("h2", "Charts");
    for (std::uint32_t breakdown = 0; breakdown < report.breakdowns.size(); ++breakdown) {
        if (!IsCrossing(report.breakdowns[breakdown].dimension)) html += Figure(ReturnRatesChart(officer, breakdown));
    }
    if (!report.satisfaction_questions.empty() && !report.waves.empty()) {
        html += Figure(SatisfactionChart(officer, 0, 0));
        if (report.waves.size() > 1) html += Figure(ChangeChart(officer, 0, 0));
    }
    // A trend says more than a comparison only with a third wave.
    if (report.waves.size() > 2) {
        for (std::uint32_t question = 0; question < report.satisfaction_questions.size(); ++question) {
            html += Figure(TrendChart(officer, 0, 0, question));
        }
    }
    return html + "</section>\n";
}

}  // namespace

std::string ReportHtml(const OfficerReport& officer) {
    const std::string title = officer.survey.title.IsEmpty() ? officer.report.survey_id : officer.survey.title.English();
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
           Escaped(title) + ": report</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" + Header(officer) +
           Overview(officer) + Charts(officer) + ReportTablesHtml(officer) + ReportNotesHtml(officer) +
           "</body>\n</html>\n";
}

}  // namespace yousaid
