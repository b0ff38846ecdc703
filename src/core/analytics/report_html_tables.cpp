// report.html's tables (from the one column schema in report_tables.h) and its notes: the
// method, small numbers, the settings and the input files.
#include <algorithm>
#include <set>
#include <tuple>

#include "core/analytics/chart_svg.h"
#include "core/analytics/display_text.h"
#include "core/analytics/report_html.h"
#include "core/analytics/report_request.h"
#include "core/analytics/report_tables.h"

namespace yousaid {

namespace {

// Figures a suppressed row still shows: the officer's own numbers, not the responses'.
// (Dates and the override are not figures either.)
const std::set<std::string> kShownWhenSuppressed = {"invited",       "target",        "checkpoint_target",
                                                    "checkpoint_date", "measured_on", "status_override",
                                                    "override_note"};
// The KPI table's columns on paper: the rest (intervals, bases, checkpoint dates...) are in
// kpis.csv; all 24 would not fit across A4.
const std::set<std::string> kKpiColumnsOnPaper = {"kpi",    "description", "dimension",        "group",
                                                  "wave",   "value",       "target",           "checkpoint_target",
                                                  "reason", "suggested_status", "status_override", "override_note",
                                                  "status"};

const char* TableTitle(const std::string& name) {
    if (name == "return_rates") return "Return rates";
    if (name == "satisfaction") return "Satisfaction";
    if (name == "means") return "Means";
    if (name == "change") return "Change against the baseline";
    if (name == "change_counts") return "Change counts";
    if (name == "kpis") return "KPIs";
    if (name == "comment_themes") return "Comment themes";
    return "Table";
}

std::vector<std::size_t> ColumnsOnPaper(const ReportTable& table) {
    std::vector<std::size_t> columns;
    for (std::size_t column = 0; column < table.columns.size(); ++column) {
        const ReportColumn& described = table.columns[column];
        // "suppressed" is said by the hidden cells themselves.
        if (described.use == ColumnUse::kJsonOnly || described.name == "suppressed") continue;
        if (table.name == "kpis" && kKpiColumnsOnPaper.count(described.name) == 0) continue;
        columns.push_back(column);
    }
    return columns;
}

std::optional<std::size_t> ColumnNamed(const ReportTable& table, const std::string& name) {
    for (std::size_t column = 0; column < table.columns.size(); ++column) {
        if (table.columns[column].name == name) return column;
    }
    return std::nullopt;
}

// Short words (waves, "all", statuses) must not break mid-word on a narrow page; longer
// texts may, so that no table is wider than A4.
constexpr std::size_t kUnbrokenTextLength = 8;

std::string NumberText(const std::string& column, double value) {
    if (column == "p_value") return value < 0.001 ? "<0.001" : DisplayDecimal(value, 3);
    if (column == "change_pp") return DisplaySignedNumber(value, 1);
    if (column == "mean" || column == "sd" || column == "value" || column == "baseline_value" || column == "target" ||
        column == "checkpoint_target") {
        return DisplayDecimal(value, column == "mean" || column == "sd" ? 2 : 1);
    }
    return DisplayDecimal(value, 1);  // percentages, points and their intervals
}

std::string CellHtml(const ReportTable& table, std::size_t row, std::size_t column, bool suppressed) {
    const std::string& name = table.columns[column].name;
    const ReportCell cell = table.Cell(row, column);
    const bool figure = cell.kind == ReportCell::Kind::kInteger || cell.kind == ReportCell::Kind::kNumber ||
                        cell.kind == ReportCell::Kind::kEmpty || (cell.kind == ReportCell::Kind::kText && name == "verdict");
    if (suppressed && figure && kShownWhenSuppressed.count(name) == 0) {
        return std::string("<td class=\"hidden\">") + kHiddenFigureText + "</td>";
    }
    switch (cell.kind) {
        case ReportCell::Kind::kText:
            return std::string(cell.text.size() <= kUnbrokenTextLength ? "<td class=\"short\">" : "<td class=\"long\">") +
                   MarkupEscaped(cell.text) + "</td>";
        case ReportCell::Kind::kInteger:
            return "<td class=\"number\">" + DisplayCount(cell.integer) + "</td>";
        case ReportCell::Kind::kNumber:
            return "<td class=\"number\">" + MarkupEscaped(NumberText(name, cell.number)) + "</td>";
        case ReportCell::Kind::kFlag:
            return std::string("<td>") + (cell.flag ? "yes" : "no") + "</td>";
        case ReportCell::Kind::kEmpty:
        case ReportCell::Kind::kList:
            break;
    }
    return "<td></td>";
}

// Crossings are left out on paper (their rows run to thousands); the CSV files hold them.
bool RowOnPaper(const ReportTable& table, std::size_t row, std::optional<std::size_t> dimension_column) {
    if (!dimension_column || table.name == "kpis") return true;
    return table.Cell(row, *dimension_column).text.find(kCrossingSeparator) == std::string::npos;
}

std::string TableHtml(const ReportTable& table) {
    const std::vector<std::size_t> columns = ColumnsOnPaper(table);
    const std::optional<std::size_t> suppressed_column = ColumnNamed(table, "suppressed");
    const std::optional<std::size_t> dimension_column = ColumnNamed(table, "dimension");
    std::string html = "<h3>" + std::string(TableTitle(table.name)) + "</h3>\n<table><thead><tr>";
    for (const std::size_t column : columns) {
        // "baseline percent" wraps between words where "baseline_percent" would break inside one.
        std::string header = table.columns[column].name;
        std::replace(header.begin(), header.end(), '_', ' ');
        html += "<th>" + MarkupEscaped(header) + "</th>";
    }
    html += "</tr></thead><tbody>\n";
    std::size_t shown = 0;
    for (std::size_t row = 0; row < table.row_count; ++row) {
        if (!RowOnPaper(table, row, dimension_column)) continue;
        const bool suppressed = suppressed_column && table.Cell(row, *suppressed_column).flag;
        html += "<tr>";
        for (const std::size_t column : columns) html += CellHtml(table, row, column, suppressed);
        html += "</tr>\n";
        ++shown;
    }
    html += "</tbody></table>\n";
    if (table.name == "comment_themes") {
        html += "<p class=\"muted\">How many comments carry each theme the officer gave them. The comments "
                "themselves are never in the report: they may identify someone.</p>\n";
    }
    if (shown < table.row_count) {
        html += "<p class=\"muted\">" + DisplayCount(static_cast<std::int64_t>(table.row_count - shown)) +
                " rows of crossed breakdowns are left out here; " + MarkupEscaped(table.name) + ".csv holds them.</p>\n";
    }
    return html;
}

constexpr const char* kMethodNotes = R"(<section id="method">
<h2>Method</h2>
<p><strong>Return rates.</strong> RR1 is complete responses as a percentage of those invited; RR2 adds partial responses; COOP1 (for stalls and events, where nobody is invited) is complete responses as a percentage of everyone who started, complete, partial or refused.</p>
<p><strong>Satisfaction</strong> is the percentage of valid answers that are positive, with a Wilson 95% interval. &#8220;Don&#39;t know&#8221; joins the denominator only when the settings say so; &#8220;prefer not to say&#8221; never does.</p>
<p><strong>Means</strong> of 0-10, 1-5 and number questions carry a Student-t 95% interval; before-and-now questions also give the paired change.</p>
<p><strong>Change against the baseline</strong> is in percentage points, with a Newcombe hybrid score 95% interval; the verdict (improved, no significant change, worse) comes from a two-sided pooled two-proportion z-test at the 5% level.</p>
<h2>Small numbers</h2>
<p>A figure whose base is below the minimum cell size is hidden (primary suppression). So that no published total reveals a hidden group, the next smallest group is hidden too where one alone would be (secondary suppression), and an audit of everything published together hides more until no hidden count can be derived exactly. Every hidden figure reads &#8220;hidden: small numbers&#8221;, whichever rule hid it; it is never shown as 0 and never drawn as a bar.</p>
<p>Percentages are shown to one decimal and counts with thousands separators; the CSV files and summary.json hold the unrounded figures.</p>
</section>
)";

std::string SettingsHtml(const OfficerReport& officer) {
    const AnalyticsReport& report = officer.report;
    std::string breakdowns;
    for (std::size_t breakdown = 1; breakdown < report.breakdowns.size(); ++breakdown) {
        breakdowns += (breakdowns.empty() ? "" : ", ") + report.breakdowns[breakdown].dimension;
    }
    return "<section id=\"settings\"><h2>Settings</h2><table><tbody>"
           "<tr><th>breakdowns</th><td>" + MarkupEscaped(breakdowns.empty() ? "none (everyone only)" : breakdowns) +
           "</td></tr><tr><th>minimum cell size</th><td>" + DisplayCount(report.options.min_cell) +
           "</td></tr><tr><th>don&#39;t know counts as an answer</th><td>" +
           (report.options.include_dont_know ? "yes" : "no") + "</td></tr><tr><th>baseline wave</th><td>" +
           MarkupEscaped(report.baseline_wave ? report.waves[*report.baseline_wave] : std::string("none")) +
           "</td></tr><tr><th>significance level</th><td>" + DisplayDecimal(report.options.significance_level, 2) +
           "</td></tr></tbody></table></section>\n";
}

std::string InputsHtml(const OfficerReport& officer) {
    std::string html = "<section id=\"inputs\"><h2>Input files</h2>";
    if (officer.settings.input_files.empty()) return html + "<p>The input files were not listed.</p></section>\n";
    // In a fixed order (by role, then name), so that the CLI, given files in any order, and
    // the browser, importing them in any order, write the same bytes.
    std::vector<ReportInputFile> files = officer.settings.input_files;
    auto role_rank = [](const std::string& role) {
        static const std::vector<std::string> kRoles = {"survey", "responses", "population", "kpis", "themes"};
        return std::find(kRoles.begin(), kRoles.end(), role) - kRoles.begin();
    };
    std::sort(files.begin(), files.end(), [&](const ReportInputFile& a, const ReportInputFile& b) {
        return std::make_tuple(role_rank(a.role), a.role, a.name, a.sha256) <
               std::make_tuple(role_rank(b.role), b.role, b.name, b.sha256);
    });
    html += "<table><thead><tr><th>role</th><th>file</th><th>SHA-256</th></tr></thead><tbody>";
    for (const ReportInputFile& file : files) {
        html += "<tr><td>" + MarkupEscaped(file.role) + "</td><td>" + MarkupEscaped(file.name) + "</td><td><code>" +
                MarkupEscaped(file.sha256) + "</code></td></tr>";
    }
    return html + "</tbody></table></section>\n";
}

}  // namespace

std::string ReportTablesHtml(const OfficerReport& officer) {
    std::string html = "<section id=\"tables\"><h2>Tables</h2>\n<p>Everyone and each breakdown on its own; "
                       "crossed breakdowns are in the CSV files.</p>\n";
    for (const ReportTable& table : ReportTables(officer.report, officer.kpis ? &*officer.kpis : nullptr)) {
        html += TableHtml(table);
    }
    return html + "</section>\n";
}

std::string ReportNotesHtml(const OfficerReport& officer) {
    return kMethodNotes + SettingsHtml(officer) + InputsHtml(officer);
}

}  // namespace yousaid
