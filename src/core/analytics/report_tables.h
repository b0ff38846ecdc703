#pragma once
// One column schema per report table. Each table of the report (return rates, satisfaction,
// means, change, change counts, KPIs) is described once, as columns that each name
// themselves and say how to get their value from a row; the CSV files, summary.json and the
// workspace's on-screen tables are all written from that one description, so adding a
// column is one line. No file I/O here: the browser renders tables from it directly.
//
// Usage:
//   const ReportTable table = SatisfactionTable(report);
//   for (std::size_t row = 0; row < table.row_count; ++row)
//       for (std::size_t column = 0; column < table.columns.size(); ++column)
//           if (table.columns[column].use != ColumnUse::kJsonOnly) Show(table.Cell(row, column));
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/analytics/kpi.h"
#include "core/analytics/tabulate.h"

namespace yousaid {

// One value of a table, before any format is chosen. An empty value (no valid answers,
// suppressed, not applicable) is an empty CSV cell and null in JSON.
struct ReportCell {
    enum class Kind : std::uint8_t { kEmpty, kText, kInteger, kNumber, kFlag, kList };
    Kind kind = Kind::kEmpty;
    std::string text;          // kText
    std::int64_t integer = 0;  // kInteger
    double number = 0.0;       // kNumber: unrounded (rounding is for display only)
    bool flag = false;         // kFlag
    // kList: records (e.g. a KPI's checkpoints), each a value per name in list_fields.
    std::vector<std::string> list_fields;
    std::vector<std::vector<ReportCell>> list;

    static ReportCell Empty() { return ReportCell{}; }
    static ReportCell Text(std::string value);
    static ReportCell Integer(std::int64_t value);
    static ReportCell Number(double value);
    static ReportCell Flag(bool value);
    // Empty when there is no value.
    static ReportCell Integer(const std::optional<std::int64_t>& value);
    static ReportCell Number(const std::optional<double>& value);
};

// Where a column appears.
enum class ColumnUse : std::uint8_t {
    kEverywhere,  // the CSV file, summary.json and on-screen tables
    kCsvOnly,     // the CSV file and on-screen tables: the spreadsheet's reading of a figure
    kJsonOnly,    // summary.json only: detail a spreadsheet cell cannot hold (lists, extra counts)
};

struct ReportColumn {
    std::string name;  // the CSV header and the JSON key
    ColumnUse use = ColumnUse::kEverywhere;
};

// One table of the report. It refers to the report (and KPI results) it was made from,
// which must outlive it.
struct ReportTable {
    std::string name;  // "return_rates": the CSV file's stem and summary.json's key
    std::vector<ReportColumn> columns;
    std::size_t row_count = 0;
    std::function<ReportCell(std::size_t row, std::size_t column)> cell;

    ReportCell Cell(std::size_t row, std::size_t column) const { return cell(row, column); }
};

// wave,dimension,group,invited,complete,partial,refused,rr1,rr2,coop1,suppressed
ReportTable ReturnRatesTable(const AnalyticsReport& report);
// wave,dimension,group,question,positive,valid,(dont_know: JSON only),percent,ci_low,ci_high,suppressed
ReportTable SatisfactionTable(const AnalyticsReport& report);
// wave,dimension,group,question,n,mean,sd,ci_low,ci_high,suppressed
ReportTable MeansTable(const AnalyticsReport& report);
// dimension,group,question,baseline_wave,wave,baseline_percent,percent,change_pp,
// ci_low_pp,ci_high_pp,p_value,verdict,suppressed
ReportTable ChangeTable(const AnalyticsReport& report);
// dimension,group,baseline_wave,wave,improved,no_significant_change,worse,suppressed,not_available
ReportTable ChangeCountsTable(const AnalyticsReport& report);
// kpi,description,statistic,question,theme,dimension,group,direction,target,(checkpoints:
// JSON only),wave,measured_on,value,ci_low,ci_high,base,(baseline_wave: CSV only),
// baseline_value,checkpoint_date,checkpoint_target,suggested_status,reason,
// status_override,override_note,status,suppressed
ReportTable KpisTable(const AnalyticsReport& report, const std::vector<KpiResult>& kpis);

// wave,dimension,group,question,theme,comments,suppressed: comments carrying each theme (with
// theme tags only; never any comment's text)
ReportTable CommentThemesTable(const AnalyticsReport& report);

// Every table in the order of the report's files; the KPI table only when `kpis` is given,
// the comment themes table only when the report was tabulated with theme tags.
std::vector<ReportTable> ReportTables(const AnalyticsReport& report, const std::vector<KpiResult>* kpis);

}  // namespace yousaid
