#pragma once
// The officer's workspace: the figures, computed on this device by the same engine as
// `scripts/yousaid report`, for the responses in the officer store. Holds the settings, the
// population and KPI files (kept on the device beside the store) and the report, which is
// tabulated again only when the data, a file or a setting changes.
#include <cstdint>
#include <deque>
#include <memory>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/analytics/comment_themes.h"
#include "core/analytics/encoded_responses.h"
#include "core/analytics/report_request.h"
#include "core/analytics/report_settings_file.h"
#include "core/crypto/sealed_box.h"
#include "core/officer/officer_import.h"
#include "core/officer/officer_store.h"
#include "core/survey/survey.h"
#include "app/officer_actions.h"
#include "app/officer_keys.h"
#include "app/workspace_feature.h"
#include "ui/workspace_host.h"
#include "ui/workspace_screen.h"

namespace yousaid::app {

class OfficerWorkspace : public WorkspaceFeature, public ui::WorkspaceHost {
public:
    OfficerWorkspace(const std::map<std::string, Survey>& surveys, OfficerPaths paths, WorkspaceServices services);

    // WorkspaceFeature
    void OpenStore() override;
    std::uint64_t ImportedCount() const override { return store_ ? store_->Count() : 0; }
    void QueueImport(std::vector<platform::PickedFile> files) override;
    bool TickImport(std::int64_t deadline_ms, std::vector<ui::ImportedFileOutcome>& finished) override;
    std::optional<ui::ImportProgress> ImportProgress() const override;
    std::vector<std::string> Holdings() const override;
    void ClearStore() override;
    bool Refresh() override;
    void AcceptSideFile(SideFileKind kind, const std::string& name, const std::string& bytes) override;
    ui::Screen& Screen() override { return screen_; }
    void Left() override;
    void ShowKeys() override { choices_.view = ui::WorkspaceView::kKeys; }
    // The keys unlocked on this page (memory only), for the store to open sealed segments with.
    const Keyring& Keys() const { return keys_.Ring(); }

    // ui::WorkspaceHost
    const std::vector<const Survey*>& SurveysHeld() const override { return surveys_held_; }
    const Survey* CurrentSurvey() const override;
    const ui::WorkspaceChoices& Choices() const override { return choices_; }
    void SetChoices(const ui::WorkspaceChoices& choices) override;
    const ReportSettings& Settings() const override { return settings_; }
    void SetSettings(const ReportSettings& settings) override;
    const OfficerReport* Report() const override { return report_ ? &*report_ : nullptr; }
    const std::vector<Problem>& Problems() const override { return problems_; }
    const std::vector<Problem>& SettingsProblems() const override { return settings_problems_; }
    const std::vector<ui::WaveCounts>& HeldByWave() const override { return held_.by_wave; }
    const ui::SealedSummary& Sealed() const override { return sealed_; }
    const std::vector<std::string>& StationsAndEvents() const override { return held_.places; }
    const std::vector<ui::ImportedFileRow>& ImportedFiles() const override { return held_.files; }
    const ui::SideFileState& Population() const override { return population_state_; }
    const ui::SideFileState& Kpis() const override { return kpi_state_; }
    void ChoosePopulationFile() override { services_.pick_side_file(SideFileKind::kPopulation); }
    void ChooseFilesToImport() override { services_.pick_response_files(); }
    const ui::ImportBatchView& ImportBatch() const override { return services_.import_batch(); }
    void ChooseKpiFile() override { services_.pick_side_file(SideFileKind::kKpis); }
    void RemovePopulationFile() override { RemoveSideFile(SideFileKind::kPopulation); }
    void RemoveKpiFile() override { RemoveSideFile(SideFileKind::kKpis); }
    const std::vector<KpiOverride>& KpiOverrides() const override { return kpi_overrides_; }
    void SetKpiOverride(const std::string& kpi, std::optional<KpiStatus> status, const std::string& note) override;
    void Download(const std::string& file_name) override;
    const std::string& DownloadNotice() const override { return download_notice_; }
    std::vector<StationCard> StationPackCards() const override;
    std::vector<std::string> StationPackKeys() const override;
    void DownloadStationPack(const ui::StationPackForm& form) override;
    const std::vector<std::string>& FileNames() const override { return file_names_; }
    void LeaveWorkspace() override { services_.leave(); }
    // Comments and their themes (officer_comments.cpp).
    const ui::CommentsShown& Comments() const override { return comments_; }
    const ui::CommentChoices& CommentFilter() const override { return comment_choices_; }
    void SetCommentFilter(const ui::CommentChoices& choices) override;
    void AddCommentTheme(std::size_t comment, const std::string& theme) override;
    void RemoveCommentTheme(std::size_t comment, const std::string& theme) override;
    ui::ActionsHost& Actions() override { return actions_; }
    ui::KeysHost& KeyControls() override { return keys_; }

private:
    // After every change of the keyring: the store is opened again, with the keys now unlocked.
    void KeyringChanged();
    // The action list changed: its KPI row and its downloads follow, without tabulating again.
    void ActionsChanged();
    std::string SideFolder(SideFileKind kind) const;
    std::string KpiOverridesPath() const;
    void LoadSideFiles();
    // The settings and the figures shown, kept per survey (report_settings.json) with the
    // survey last shown (workspace.json), so that a reload shows the same figures.
    std::string KeptSettingsPath() const;
    std::string MemoryPath() const { return folder_ + "/" + kWorkspaceMemoryFileName; }
    void LoadKeptSettings();
    void SaveKeptSettings();
    std::string RememberedSurvey();
    ShownFigures ShownNow() const;
    void ApplyShown(const ShownFigures& shown);
    void RemoveSideFile(SideFileKind kind);
    // What the store holds: its surveys, and the current survey's waves, places and files.
    void SummariseStore();
    void SummariseSealed();
    // A slice of opening the sealed answers waiting in the store (after an unlock).
    void TickOpening(std::int64_t deadline_ms);
    // The current survey's responses in the store (of the survey's current version).
    const EncodedResponses* Encoded() const;
    // Every survey this page knows, for the store and the imports to read against.
    std::vector<Survey> KnownSurveys() const;
    std::vector<ReportInputFile> InputFiles() const;
    void Tabulate();
    // Comments and their themes (officer_comments.cpp). The tags are kept beside the store's
    // segments (themes.json), which clearing the store leaves, so that tags hold again once
    // the same files are imported again.
    std::string ThemesPath() const;
    void LoadThemes();
    void SaveThemes();
    // The comments listed, worked out again when the store, the tags or the filter changed;
    // true when it was.
    bool RefreshComments();
    // The tags as the report counts them, for the current survey; nothing before the officer
    // has named a theme (or while the themes file cannot be read).
    std::optional<CommentThemeInput> ThemeInput() const;

    const std::map<std::string, Survey>& surveys_;
    OfficerPaths paths_;
    std::string folder_;  // the side files, one folder per survey and kind
    std::unique_ptr<OfficerStore> store_;
    std::vector<Problem> store_problems_;  // from opening the store
    std::deque<platform::PickedFile> import_queue_;
    std::optional<OfficerImportJob> import_job_;
    std::optional<OfficerStore::Opening> opening_;
    ui::SealedSummary sealed_;
    std::size_t import_files_started_ = 0;
    std::size_t import_files_total_ = 0;
    WorkspaceServices services_;
    OfficerActions actions_;
    bool file_taken_ = false;  // a backup or key file was taken in since the last frame
    OfficerKeys keys_;
    std::uint64_t keyring_generation_ = 0;  // changes of the keyring so far
    bool reopen_after_import_ = false;     // the keyring changed while an import held the store
    ui::WorkspaceScreen screen_{*this};

    ui::WorkspaceChoices choices_;
    ReportSettings settings_;
    std::optional<yousaid::Population> population_;
    std::optional<KpiFile> kpis_;  // with the officer's overrides applied
    std::vector<KpiOverride> kpi_overrides_;
    ui::SideFileState population_state_;
    ui::SideFileState kpi_state_;
    std::optional<ReportInputFile> population_input_;
    std::optional<ReportInputFile> kpi_input_;

    std::uint64_t inputs_generation_ = 1;  // settings, survey, side files
    std::uint64_t tabulated_store_generation_ = 0;
    std::uint64_t summarised_generation_ = 0;
    std::string summarised_survey_id_;
    std::vector<const Survey*> surveys_held_;
    struct HeldBySurvey {
        std::vector<ui::WaveCounts> by_wave;
        std::vector<std::string> places;  // stations, "station at event"
        std::vector<ui::ImportedFileRow> files;
    };
    HeldBySurvey held_;
    std::uint64_t tabulated_generation_ = 0;
    std::optional<OfficerReport> report_;
    std::vector<Problem> problems_;
    std::vector<Problem> settings_problems_;   // the kept settings' file, when it could not be used
    std::optional<ShownFigures> pending_shown_;  // read back, waiting for a report to find them in
    std::string saved_settings_json_;            // what the kept file holds, so that only changes are written
    std::string saved_memory_json_;
    std::vector<std::string> file_names_;
    bool themes_in_report_ = false;  // the report has a theme table (themes.json is offered)
    std::string download_notice_;

    ThemeTags themes_;
    bool themes_readable_ = true;  // false: themes.json is kept as it is, and nothing is tagged
    std::vector<Problem> theme_problems_;
    ui::CommentChoices comment_choices_;
    ui::CommentsShown comments_;
    std::vector<CommentKey> comment_keys_;  // parallel to comments_.comments
    bool comments_stale_ = true;
    std::uint64_t comments_store_generation_ = 0;
    std::string comments_survey_id_;
};

}  // namespace yousaid::app
