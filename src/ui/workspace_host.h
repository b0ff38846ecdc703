#pragma once
// What the officer's workspace screen needs from the app: the settings it edits, the report
// tabulated for them (once per change of data or settings, never per frame), and the
// requests it makes (downloads, the population and KPI files).
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/analytics/kpi_overrides.h"
#include "core/analytics/report_request.h"
#include "core/base/problem.h"
#include "core/station/station_pack.h"
#include "core/survey/survey.h"
#include "ui/actions_host.h"
#include "ui/keys_host.h"
#include "ui/staff_host.h"

namespace yousaid::ui {

// The workspace's views, in the order of its tabs.
enum class WorkspaceView {
    kOverview, kReturnRates, kSatisfaction, kMeans, kTargets, kDownloads, kData, kComments, kActions, kKeys
};

// How the satisfaction view orders its questions.
enum class SatisfactionOrder { kQuestionOrder, kChange, kPercent };

// What the workspace shows, beside the report's own settings.
struct WorkspaceChoices {
    std::string survey_id;
    std::string reported_wave;     // empty: the latest wave
    std::size_t shown_breakdown = 0;  // index into the report's breakdowns; 0 is "all"
    std::size_t shown_group = 0;      // the group compared with everyone (satisfaction)
    WorkspaceView view = WorkspaceView::kOverview;
    SatisfactionOrder order = SatisfactionOrder::kQuestionOrder;
};

// One side file of a survey's report (population or KPIs): its name, or its problems.
struct SideFileState {
    std::string file_name;          // empty when none is loaded
    std::vector<Problem> problems;  // from the last file chosen, when it was refused
};

// The store's responses of one survey, by wave, for the data view.
struct WaveCounts {
    std::string wave;
    std::size_t complete = 0;
    std::size_t partial = 0;
    std::size_t refused = 0;
};

// One imported file, for the data view: "pupil_2025.csv, 2 Dec 2026 14:05, 412 added".
struct ImportedFileRow {
    std::string name;
    std::string imported;  // when, in the device's time
    std::uint64_t added = 0;
    std::string format;
};

// What the officer types for a station pack (the survey is the one on screen).
struct StationPackForm {
    std::string prepared_by;
    std::string wave;
    std::string language = "en";
};

// The comments view's choices: one free-text question's comments, searched, and filtered by
// wave, station and event (never by a demographic group: comments_view.h says why).
struct CommentChoices {
    std::string question;  // a question id; empty: the survey's first free-text question
    std::string search;
    std::string wave;  // empty: any
    std::string station;
    std::string event;
};

// One comment as the view shows it.
struct CommentLine {
    std::string text;
    std::string about;  // "Wave 2025, kingsdown-academy-tablet, 25 Feb 2025 11:14"
    std::vector<std::string> themes;
};

// What the comments view lists, worked out once per change of the store, the tags or the
// choices, not per frame.
struct CommentsShown {
    std::vector<std::pair<std::string, std::string>> questions;  // free-text questions: id, wording
    std::string question;                                        // the one shown
    std::vector<std::string> waves, stations, events;            // to filter by
    std::vector<CommentLine> comments;                           // newest first
    std::vector<std::string> themes;                             // every theme the officer has named
    bool can_tag = true;            // false while the themes file cannot be read (it is kept as it is)
    std::vector<Problem> problems;  // the themes file's, or a save that failed
};

// What the officer store holds sealed and not opened here (docs/sealing.md): counts only,
// from the fields that stay readable, until a key that opens them is unlocked.
struct SealedSummary {
    std::uint64_t responses = 0;  // held sealed, not opened
    struct Row {
        std::string survey_title;
        std::string wave;
        std::string place;  // station, or "station at event"; empty: the wave's total
        std::uint64_t complete = 0;
        std::uint64_t partial = 0;
        std::uint64_t refused = 0;
        std::optional<std::int64_t> invited;  // a wave's total, from the population file
    };
    std::vector<Row> rows;  // by survey and wave, each wave's total first, then by place
    bool keys_unlocked = false;
    std::optional<double> opening;      // 0 to 1 while sealed answers are being opened
    std::vector<std::string> unopened;  // "file: response id: why", when keys are unlocked
};

class WorkspaceHost {
public:
    virtual ~WorkspaceHost() = default;

    // Surveys the officer store holds responses for.
    virtual const std::vector<const Survey*>& SurveysHeld() const = 0;
    virtual const Survey* CurrentSurvey() const = 0;
    virtual const WorkspaceChoices& Choices() const = 0;
    virtual void SetChoices(const WorkspaceChoices& choices) = 0;
    virtual const ReportSettings& Settings() const = 0;
    virtual void SetSettings(const ReportSettings& settings) = 0;

    // The report for the current survey and settings; nullptr while there is none (no
    // responses, or problems with the settings, which Problems() lists).
    virtual const OfficerReport* Report() const = 0;
    virtual const std::vector<Problem>& Problems() const = 0;
    // Why the settings kept on the device (from the last visit) were not all used.
    virtual const std::vector<Problem>& SettingsProblems() const = 0;
    // Of the current survey; worked out once per change of the store, not per frame.
    virtual const std::vector<WaveCounts>& HeldByWave() const = 0;
    virtual const SealedSummary& Sealed() const = 0;
    virtual const std::vector<std::string>& StationsAndEvents() const = 0;
    virtual const std::vector<ImportedFileRow>& ImportedFiles() const = 0;
    // More response files imported from here: the keys unlocked here stay unlocked, so that
    // sealed answers are opened as they are read (the officer's import page is outside the
    // workspace, and leaving the workspace wipes the keys).
    virtual void ChooseFilesToImport() = 0;
    virtual const ImportBatchView& ImportBatch() const = 0;

    virtual const SideFileState& Population() const = 0;
    virtual const SideFileState& Kpis() const = 0;
    virtual void ChoosePopulationFile() = 0;
    virtual void ChooseKpiFile() = 0;
    virtual void RemovePopulationFile() = 0;
    virtual void RemoveKpiFile() = 0;
    // The officer's own KPI statuses, kept on the device and in every download.
    virtual const std::vector<KpiOverride>& KpiOverrides() const = 0;
    // Sets (or, without a status, removes) the override of one KPI.
    virtual void SetKpiOverride(const std::string& kpi, std::optional<KpiStatus> status, const std::string& note) = 0;

    // Offers one of the report's files (OfficerReport::Files) as a browser download.
    virtual void Download(const std::string& file_name) = 0;
    virtual const std::vector<std::string>& FileNames() const = 0;  // of the current report
    virtual const std::string& DownloadNotice() const = 0;
    // The "You said, we did" cards a station pack of the current survey carries (at most
    // kMaxStationCards): items chosen for its tablets, done ones first.
    virtual std::vector<StationCard> StationPackCards() const = 0;
    // The keys a station pack made now carries, each as "Sam Patel's key: island plum garden mint".
    virtual std::vector<std::string> StationPackKeys() const = 0;
    // Offers the pack as a download; problems (a blank name, a bad wave) go to DownloadNotice.
    virtual void DownloadStationPack(const StationPackForm& form) = 0;
    virtual void LeaveWorkspace() = 0;

    // Comments and their themes (the officer's own tags, kept on the device).
    virtual const CommentsShown& Comments() const = 0;
    virtual const CommentChoices& CommentFilter() const = 0;
    virtual void SetCommentFilter(const CommentChoices& choices) = 0;
    // `comment` indexes Comments().comments.
    virtual void AddCommentTheme(std::size_t comment, const std::string& theme) = 0;
    virtual void RemoveCommentTheme(std::size_t comment, const std::string& theme) = 0;
    // "You said, we did": the action list and its backup file.
    virtual ActionsHost& Actions() = 0;
    // The officer's keys: unlocking, locking and making them.
    virtual KeysHost& KeyControls() = 0;
};

}  // namespace yousaid::ui
