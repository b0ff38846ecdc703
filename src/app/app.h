#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/responses/respondent_session.h"
#include "core/storage/response_store.h"
#include "core/station/staff_pin.h"
#include "core/station/station_config.h"
#include "core/survey/survey.h"
#include "platform/durable_storage.h"
#include "ui/display_settings.h"
#include "ui/fonts.h"
#include "ui/frame_context.h"
#include "ui/interactive_items.h"
#include "ui/respondent_host.h"
#include "ui/staff_host.h"
#include "app/respondent_flow.h"
#include "app/workspace_feature.h"
#include "app/staff_area_controller.h"
#include "app/stored_pin.h"

namespace yousaid::app {


// The platform's secure random source, in the shape core's RandomBytesFunction takes.
void SecureRandom(std::uint8_t* out, std::size_t count);

// Owns the surveys, the station's settings, both response stores and the respondent's
// session; the respondent flow and the staff area controller choose which screen draws.
// Saving, timeouts and the checks on who may do what live here; screens only draw and ask.
class App : public ui::RespondentHost, public ui::StaffHost {
public:
    App(const std::string& asset_dir, const std::string& data_dir);

    // Rebuilds fonts when the pixel ratio or the person's text settings changed; true if the
    // GPU font texture must be recreated before the next frame.
    bool PrepareFonts(float device_pixel_ratio);
    // Draws the current screen into a full-window ImGui window (between NewFrame and Render).
    void DrawFrame(const ui::ExternalInput& input);
    // Called on every pass of the loop; true when time alone changed what shows (a countdown,
    // a timeout, storage becoming ready).
    bool Tick(std::int64_t now_ms);
    void NoteInput(std::int64_t now_ms) { last_input_ms_ = now_ms; }
    // True while something changes without input (a screen settling).
    bool WantsAnotherFrame() const { return frames_to_settle_ > 0; }
    // Something moves on screen with no input (the ring filling while the staff corner is
    // held): one frame per animation frame, not the idle loop's clock checks.
    bool Animating() const { return corner_held_since_ms_ != 0; }
    // How much of the two-second hold on the staff corner is done, 0 to 1; 0 when not held.
    float StaffDoorProgress() const;

    std::string CurrentScreenName() const;
    const ui::InteractiveItemList& Items() const { return items_; }
    // What the accessible HTML layer needs: screen, heading, announcement, items.
    std::string AccessibleScreenJson() const;
    // What the frame loop knows about the frame it just drew.
    struct DrawnFrame {
        std::uint64_t number = 0;
        int css_width = 0;
        int css_height = 0;
        float device_pixel_ratio = 1.0f;
        // Whether the loop will draw again without new input, and when (page clock) it took
        // the input this frame answers: together they let a test see that the app has
        // finished answering a tap, without waiting out a quiet spell.
        bool more_frames_due = false;
        double input_taken_at_ms = 0.0;
    };
    // The test hook's report: the same, plus frame facts and storage state.
    std::string FrameReportJson(const DrawnFrame& frame) const;
    // A browser test's request through the test hook, honoured on a test page only:
    // "show_question" opens a survey's question directly, in a language and with display
    // settings ({survey, question, language, textSize 0-2, highContrast, dyslexiaFont}), so a
    // layout test need not answer its way there.
    void RunTestCommand(const std::string& name, const std::string& json);

    // ui::RespondentHost
    RespondentSession& Session() override { return *session_; }
    std::int64_t NowMs() const override;
    bool ReadyForRespondents() const override { return store_open_ && SurveyAvailable(); }
    // A station whose keys file could not be read takes no answers (the welcome screen asks
    // for staff): it was set up to seal, and must never fall back to storing answers in the clear.
    bool SurveyAvailable() const override { return ActiveSurvey() != nullptr && station_keys_problem_.empty(); }
    void Submit() override;
    void Decline() override;
    void FinishAndReset() override;
    ui::SaveState LastSaveState() const override;
    bool ReadAloudAvailable() const override;
    void ReadAloud(const std::string& text) override;
    ui::DisplaySettings& Display() override { return display_; }
    void OpenSettings() override { respondent_.SetSettingsOpen(true); }
    void CloseSettings() override { respondent_.SetSettingsOpen(false); }
    int SecondsBeforeTimeout() const override;
    void StillHere() override;
    int FinishPage() const override { return respondent_.FinishPage(); }
    void NextFinishPage() override { respondent_.SetFinishPage(1); }
    const std::vector<StationCard>& YouSaidCards() const override;
    void CardsDone() override { respondent_.SetCardsDone(); }
    void StaffCorner(bool held, bool activated) override;

    // ui::StaffHost
    ui::StaffPage Page() const override { return staff_.Page(); }
    ui::StaffRole Role() const override { return staff_.Auth().Role(); }
    void GoTo(ui::StaffPage page) override;
    void LeaveStaffArea() override;
    ui::PinPadState PinPad(ui::PinPurpose purpose) const override;
    std::string SubmitPin(ui::PinPurpose purpose, const std::string& pin) override;
    bool HasOfficerPin() const override { return officer_pin_.HasPin(); }
    std::string NewPinProblem(const std::string& pin) const override;
    const std::map<std::string, Survey>& Surveys() const override { return surveys_; }
    StationConfig& DraftConfig() override { return draft_config_; }
    std::vector<Problem> SaveDraftConfig() override;
    std::string Today() const override;
    ui::StationOverview Overview() const override;
    void ExportResponses(bool as_json) override;
    void ChooseFilesToImport() override;
    void ChooseSurveyFile() override;
    void ChooseStationPack() override;
    const StationPack* PendingStationPack() const override { return pending_pack_ ? &*pending_pack_ : nullptr; }
    void UseStationPack() override;
    void DiscardStationPack() override;
    const StationKeys& SealingKeys() const override { return station_keys_; }
    const std::string& SealingKeysProblem() const override { return station_keys_problem_; }
    void ChooseOfficerKeyFile() override;
    void RemoveOfficerKey(const std::string& key_id) override;
    const ui::ImportBatchView& ImportBatch() const override { return import_batch_; }
    void ClearDevice() override;
    void ClearEverything() override;
    void ForgetOfficerPin() override;
    const std::string& Notice() const override { return notice_; }
    bool HasWorkspace() const override { return workspace_ != nullptr; }
    void OpenOfficerPage() override;
    void OpenKeys() override;

private:
    // What the screen shows once a saved response is confirmed by the browser.
    enum class SaveConfirmation { kWaiting, kShown };

    void LoadSurveys(const std::string& survey_dir);
    void ApplyTestTimings();
    void LoadDeviceFiles();
    void ImportPickedFiles();
    // Notes the responses as exported in `file_name` (only the transfer file counts: it is
    // what the officer imports) and says so.
    void NoteExport(const std::vector<ResponseId>& ids, const std::string& file_name, bool transfer_file,
                    const char* verb);
    bool TakeShareOutcome();
    void AddSurveyFiles(const std::vector<std::pair<std::string, std::string>>& files, bool keep_on_device);
    void TakeStationPack(const std::string& file_name, const std::string& bytes);
    void LoadStationCards();
    // Sealing (app/station_keys_use.cpp).
    void LoadStationKeys();
    void TakePublicKeyFile(const std::string& file_name, const std::string& bytes);
    // Writes `keys` as the station's keys file and seals to them from now on; on failure the
    // station's keys are unchanged and the notice says why.
    bool ReplaceStationKeys(const StationKeys& keys);
    // The keys of a pack being used: set when the station has none or an officer uses it; a
    // volunteer cannot change keys the station already has. Says what happened.
    std::string UsePackKeys(const StationKeys& pack_keys);
    // What the store keeps of `response`: sealed to the station's keys when it has any.
    Result<Response> ForTheStore(const Response& response) const;
    void Sync() { save_generation_ = platform::RequestDurableSync(); }
    std::int32_t IdleTimeoutSeconds() const;
    bool KeepPartialAnswers() const;
    // The survey this station runs, or nullptr when it did not load (never another one).
    const Survey* ActiveSurvey() const;
    std::string ActiveSurveyId() const;
    std::string SurveyProblemText() const;
    std::string EventId() const;
    void StartNewSession();
    void Save(const Response& response);
    void CloseAfterTimeout();
    ui::Screen& CurrentScreen();
    std::string ViewKey() const;
    const ui::Theme& CurrentTheme() const;
    void HandleDragScroll();
    void DrawScreen(ui::Screen& screen, ui::FrameContext& frame);

    // App::Tick's parts, each for one state of the app.
    bool TickStorage();
    bool TickStaffArea(std::int64_t now_ms);
    bool TickStaffDoor(std::int64_t now_ms);
    bool TickRespondent(std::int64_t now_ms);
    bool TickSaveConfirmation();

    // Staff requests: true when the signed-in role may make them; otherwise says so.
    bool Allowed(ui::StaffRole needed);
    void OpenStaffArea();
    std::string SubmitStationPin(const std::string& pin);
    std::string SubmitOfficerPin(const std::string& pin);
    std::string ResetStationPin(const std::string& pin);
    std::string ChooseOrCheckPin(StoredPin& stored, const std::string& pin, ui::StaffRole role, ui::StaffPage page,
                                 const char* chosen_notice);
    void SignInAndGo(ui::StaffRole role, ui::StaffPage page);
    // Imported responses: the workspace's store on the officer's page; on a tablet, counted
    // from the store's files when storage opens and after a clear.
    std::uint64_t ImportedCount() const;
    void CountOfficerStoreOnTablet();
    void RemoveOfficerStore();
    bool TickImport();
    bool ShowFilesBeingRead(const platform::FilesBeingRead& reading);
    app::WorkspaceServices WorkspaceServices();
    void PickSideFile(SideFileKind kind);
    void RemoveStore(ResponseStore& store, const std::string& file);
    void StartImportBatch();

    std::string data_dir_;
    std::map<std::string, Survey> surveys_;
    // Survey files that did not load: file name -> every problem, in words.
    std::map<std::string, std::string> survey_problems_;
    // What the respondent session holds while the station's survey did not load: nothing
    // to answer, and the welcome screen asks for a member of staff.
    Survey no_survey_;
    StationConfig station_;        // in use
    StationConfig draft_config_;   // being edited in station setup
    std::string survey_from_address_;
    bool device_files_loaded_ = false;
    StoredPin station_pin_;
    StoredPin officer_pin_;
    std::int64_t corner_held_since_ms_ = 0;
    std::string notice_;
    // An export waiting on the share sheet: counted as exported only once it is handed on,
    // so closing the sheet can never make unexported answers look safe to clear.
    struct PendingShare {
        std::vector<ResponseId> ids;
        std::string file_name;
        bool transfer_file = false;
    };
    std::optional<PendingShare> pending_share_;
    ui::ImportBatchView import_batch_;
    // Survey id -> the file it was loaded from and the SHA-256 of its bytes (report.html).
    std::map<std::string, std::pair<std::string, std::string>> survey_files_;
    // Survey id -> the file's text, as a station pack carries it.
    std::map<std::string, std::string> survey_texts_;
    // What the open file picker is for.
    enum class PickPurpose { kResponses, kSurvey, kStationPack, kPublicKey, kPopulation, kKpis, kActions, kOfficerKey };
    PickPurpose picking_ = PickPurpose::kResponses;
    std::uint64_t officer_count_on_tablet_ = 0;
    // A station pack chosen and checked, waiting on its page to be used or put aside.
    std::optional<StationPack> pending_pack_;
    // The cards of the last pack used (for the survey they name); none when there are none.
    StationCards station_cards_;
    // The officers' public keys every response is sealed to; none: answers are not sealed.
    StationKeys station_keys_;
    // Why the station's keys file could not be read; while set, the station takes no answers.
    std::string station_keys_problem_;
    std::int32_t test_idle_timeout_seconds_ = 0;  // a test page's shorter wait, when set
    // How long the welcome screen's unmarked corner is held to open the staff area (a test
    // page may ask for longer, to look at the ring while it fills).
    std::int64_t staff_door_hold_ms_ = 2000;
    bool test_discard_partial_ = false;
    std::int32_t still_there_seconds_ = 30;    // then this long to answer before the session closes
    std::unique_ptr<RespondentSession> session_;
    ResponseStore store_;
    bool store_open_ = false;
    std::string store_message_;

    ui::FontLibrary fonts_;
    ui::DisplaySettings display_;
    ui::InteractiveItemList items_;
    bool test_mode_ = false;
    std::string drawn_text_;  // test pages: every line of text ImGui drew in the last frame
    std::string title_;
    std::string announcement_;
    std::string speech_text_;

    // Only on the officer's page (officer.html); the station tablet's app has none.
    std::unique_ptr<WorkspaceFeature> workspace_ =
        MakeWorkspaceFeature(surveys_, OfficerPathsIn(data_dir_), WorkspaceServices());
    RespondentFlow respondent_{*this};
    StaffAreaController staff_{*this, workspace_ ? &workspace_->Screen() : nullptr};
    std::string last_view_key_;
    bool scroll_to_top_ = false;

    std::int64_t last_input_ms_ = 0;
    int shown_seconds_ = -1;  // the countdown (still there, PIN lock) last drawn; -1 none
    SaveConfirmation save_confirmation_ = SaveConfirmation::kWaiting;
    bool nothing_to_save_ = false;
    bool save_failed_ = false;
    // How long the last response saved took to seal, in the page's milliseconds; negative
    // until one is sealed here. For the frame report (bench/sealing_browser.mjs reads it).
    double last_seal_ms_ = -1;
    std::uint64_t save_generation_ = 0;
    int frames_to_settle_ = 0;
    bool applied_high_contrast_ = false;
    float applied_text_size_ = 0;
};

}  // namespace yousaid::app
