#pragma once
// The action list against a report: the figure each item rests on, looked up afresh in the
// current report (never a stored copy) and never shown when it is hidden; the KPI "share of
// actions done"; and the downloads (actions.csv and the "You said, we did" posters). The CLI
// (`--actions FILE`) and the workspace both write these files here, byte for byte the same.
#include <optional>
#include <string>
#include <vector>

#include "core/actions/action_list.h"
#include "core/analytics/kpi.h"
#include "core/analytics/report_request.h"
#include "core/analytics/report_writer.h"

namespace yousaid {

// ---- the figure an item rests on ----

// The figure in words, e.g. "43.8%: Do you feel listened to in your meetings? (Everyone,
// wave 2025)" or "+5.2 points since 2024: ...", in `language` where the survey has it.
// Nothing for an item without a figure (none, or a theme: a comment's words are never
// quoted), and nothing when the figure is hidden (small numbers) or not in this report.
std::optional<std::string> QuoteFinding(const ActionFinding& finding, const OfficerReport& officer,
                                        const std::string& language = kEnglish);

// Whether an item may be linked to this figure: a problem when it is hidden by the
// small-numbers rules, or the report has no such question, wave or group.
Status CheckFindingLinkable(const ActionFinding& finding, const OfficerReport& officer);

// The day of the latest edit of a survey's items (UTC): the poster's date and the KPI's
// measurement date, the same wherever and whenever the files are written.
std::optional<CalendarDate> LatestEditDate(const ActionList& list, const std::string& survey_id);

// ---- the KPI: share of actions done ----

inline constexpr const char* kActionKpiId = "you_said_we_did";

struct ActionProgress {
    std::int64_t all = 0;
    std::int64_t dropped = 0;
    std::int64_t done = 0;
    std::int64_t Counted() const { return all - dropped; }
    std::optional<double> Percent() const;  // done / (all - dropped); nothing when none count
};
ActionProgress ProgressOf(const ActionList& list, const std::string& survey_id);

// The KPI row for a survey's items: value done / (all - dropped) in percent, the list's
// target, direction higher, status by SuggestKpiStatus (the rule every KPI uses). It counts
// actions, not people: no small-number suppression applies.
KpiResult ActionKpi(const ActionList& list, const std::string& survey_id);

// Puts the KPI row in the report's KPIs (making the KPI table if there was none) when the
// list has items for the report's survey, replacing the row an earlier call added; without
// items, takes that row out again (and the table, if it held nothing else).
void AddActionKpi(OfficerReport& officer, const ActionList& list);

// ---- downloads ----

inline constexpr const char* kActionsCsvName = "actions.csv";

enum class PosterSize { kA4, kA3 };

// One row per item of the report's survey, in order; Excel-safe (csv.h).
std::string ActionsCsv(const ActionList& list, const OfficerReport& officer);

// The printable poster: one self-contained HTML page (inline CSS, no script, no URL), large
// type, the done items first, then those in progress and planned (dropped ones are left
// out), the survey's title and the date of the latest edit. `language` "en" or "pl".
std::string PosterHtml(const ActionList& list, const OfficerReport& officer, PosterSize size,
                       const std::string& language);

// "you_said_we_did_A4.html", "you_said_we_did_pl_A3.html"
std::string PosterFileName(PosterSize size, const std::string& language);

// actions.csv and the posters (A4 and A3 in English, and in Polish when any item has Polish
// text), when the list has items for the report's survey; none otherwise.
std::vector<std::string> ActionFileNames(const ActionList& list, const OfficerReport& officer);
std::vector<ReportFile> ActionFiles(const ActionList& list, const OfficerReport& officer);
std::optional<ReportFile> ActionFile(const ActionList& list, const OfficerReport& officer, const std::string& name);

}  // namespace yousaid
