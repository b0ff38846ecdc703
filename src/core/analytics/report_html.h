#pragma once
// report.html: the whole report as one self-contained, printable page, for a board paper.
// It holds the overview, every chart as inline SVG (chart_svg.h), the tables, the method
// and suppression notes, the settings and the input files with their SHA-256. Inline CSS,
// no script, and no URL of any kind, so opening it makes no request and it reads the same
// offline; printed ("Save as PDF" included) it fits A4. The same bytes for the same
// report, natively and in WebAssembly: no timestamp, no locale, figures through
// display_text.h. Every text from the survey or the files is escaped.
#include <string>

namespace yousaid {

struct OfficerReport;

inline constexpr const char* kReportHtmlName = "report.html";

std::string ReportHtml(const OfficerReport& officer);

// Its last sections (report_html_tables.cpp): the tables, then the method and small-numbers
// notes, the settings and the input files.
std::string ReportTablesHtml(const OfficerReport& officer);
std::string ReportNotesHtml(const OfficerReport& officer);

}  // namespace yousaid
