#pragma once
// The report as downloads: CSV tables that Excel opens correctly (UTF-8 BOM, CRLF, RFC 4180
// quoting, text cells neutralised against formula injection) and one JSON document for BI
// tools. Percentages are numbers from 0 to 100, unrounded; rounding is for display only. An
// empty figure (no valid answers, suppressed) is an empty cell in CSV and null in JSON.
#include <string>
#include <vector>

#include "core/analytics/tabulate.h"
#include "core/analytics/kpi.h"

namespace yousaid {

// wave,dimension,group,invited,complete,partial,refused,rr1,rr2,coop1,suppressed
std::string ReturnRatesCsv(const AnalyticsReport& report);
// wave,dimension,group,question,positive,valid,percent,ci_low,ci_high,suppressed
std::string SatisfactionCsv(const AnalyticsReport& report);
// wave,dimension,group,question,n,mean,sd,ci_low,ci_high,suppressed
std::string MeansCsv(const AnalyticsReport& report);
// dimension,group,question,baseline_wave,wave,baseline_percent,percent,change_pp,
// ci_low_pp,ci_high_pp,p_value,verdict,suppressed
std::string ChangeCsv(const AnalyticsReport& report);
// dimension,group,baseline_wave,wave,improved,no_significant_change,worse,suppressed,not_available
std::string ChangeCountsCsv(const AnalyticsReport& report);
// kpi,description,statistic,question,theme,dimension,group,direction,target,wave,measured_on,
// value,ci_low,ci_high,base,baseline_wave,baseline_value,checkpoint_date,checkpoint_target,
// suggested_status,reason,status_override,override_note,status,suppressed
std::string KpisCsv(const AnalyticsReport& report, const std::vector<KpiResult>& kpis);
// Everything above in one document; `kpis` may be null (no KPI file).
std::string SummaryJson(const AnalyticsReport& report, const std::vector<KpiResult>* kpis);

struct ReportFile {
    std::string name;   // e.g. "return_rates.csv"
    std::string bytes;
};

// Every file of a report, in the order the README lists them; kpis.csv only with KPIs.
std::vector<ReportFile> BuildReportFiles(const AnalyticsReport& report, const std::vector<KpiResult>* kpis);

}  // namespace yousaid
