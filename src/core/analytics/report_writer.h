#pragma once
// The report as downloads: CSV tables that Excel opens correctly (UTF-8 BOM, CRLF, RFC 4180
// quoting, text cells neutralised against formula injection) and one JSON document for BI
// tools, all written from the column schema in report_tables.h. Percentages are numbers
// from 0 to 100, unrounded; rounding is for display only. An empty figure (no valid
// answers, suppressed) is an empty cell in CSV and null in JSON.
#include <optional>
#include <string>
#include <vector>

#include "core/analytics/kpi.h"
#include "core/analytics/report_tables.h"
#include "core/analytics/tabulate.h"

namespace yousaid {

// The one place a report's non-integer figures get their digits: the double nearest to the
// figure at 12 significant digits (integers and non-finite values unchanged). The files print
// it in full; display text (display_text.h) rounds it further.
double ReportFigure(double value);

// One table as CSV: a header of its column names, then a line per row (columns that are
// for JSON only are left out).
std::string TableCsv(const ReportTable& table);
// Every table in one document, after the survey, options, waves and breakdowns; `kpis` may
// be null (no KPI file: "kpis" is null).
std::string SummaryJson(const AnalyticsReport& report, const std::vector<KpiResult>* kpis);

struct ReportFile {
    std::string name;   // e.g. "return_rates.csv"
    std::string bytes;
};

// Every file of a report, in the order the README lists them; kpis.csv only with KPIs.
std::vector<ReportFile> BuildReportFiles(const AnalyticsReport& report, const std::vector<KpiResult>* kpis);
// Their names alone, and one of them by name (nothing for a name that is not one of them):
// the workspace lists the files without writing them, and writes one when it is asked for.
std::vector<std::string> ReportFileNames(const AnalyticsReport& report, const std::vector<KpiResult>* kpis);
std::optional<ReportFile> BuildReportFile(const AnalyticsReport& report, const std::vector<KpiResult>* kpis,
                                          const std::string& name);

}  // namespace yousaid
