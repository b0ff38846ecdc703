#include "app/app.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/base/file_io.h"
#include "core/crypto/sha256.h"
#include "core/survey/survey_loader.h"
#include "platform/accessible_layer.h"
#include "platform/durable_storage.h"
#include "platform/platform.h"
#include "ui/staff_widgets.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace yousaid::app {

namespace {
// ImGui lays out a new screen over two frames: sizes are measured, and the scroll back to
// the top is applied, in the first; the second draws the settled result.
constexpr int kFramesAfterScreenChange = 2;


}  // namespace

void SecureRandom(std::uint8_t* out, std::size_t count) { platform::FillSecureRandom(out, count); }

App::App(const std::string& asset_dir, const std::string& data_dir)
    : data_dir_(data_dir),
      station_pin_(data_dir + "/staff_pin.json"),
      officer_pin_(data_dir + "/officer_pin.json"),
      fonts_(asset_dir + "/fonts") {
    LoadSurveys(asset_dir + "/surveys");
    station_ = DefaultStationConfig(SecureRandom, NowMs());
    // A link can open a station on a given survey (?survey=parent_carer) for this visit.
    survey_from_address_ = platform::QueryParameter("survey");
    ApplyTestTimings();
    StartNewSession();
    last_input_ms_ = NowMs();
    test_mode_ = platform::IsTestMode();
    // The officer's page opens at the staff PIN pad: it has no respondent screens.
    if (workspace_) OpenStaffArea();
}

std::int64_t App::NowMs() const { return platform::NowUtcMilliseconds(); }

void App::LoadSurveys(const std::string& survey_dir) {
    std::error_code error;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(survey_dir, error)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
        // A survey file is tens of kilobytes; anything near this is not one.
        constexpr std::uint64_t kMaxSurveyFileBytes = 8u * 1024u * 1024u;
        const FileReadResult bytes = ReadWholeFile(file, kMaxSurveyFileBytes);
        const std::string name = std::filesystem::path(file).filename().string();
        SurveyLoadResult result = bytes.outcome == FileReadOutcome::kRead ? SurveyLoader::LoadFromText(bytes.bytes, name)
                                                                          : SurveyLoader::LoadFromFile(file);
        if (result.Ok()) {
            // report.html names the survey file the figures were made with, by its digest.
            survey_files_[result.survey->id] = {name, Sha256Hex(ComputeSha256(bytes.bytes))};
            survey_texts_[result.survey->id] = bytes.bytes;
            surveys_.emplace(result.survey->id, std::move(*result.survey));
        } else {
            survey_problems_[std::filesystem::path(file).filename().string()] = result.ProblemsText();
            std::fprintf(stderr, "%s\n", result.ProblemsText().c_str());
        }
    }
}

void App::ApplyTestTimings() {
    const std::string language = platform::QueryParameter("lang");
    if (!language.empty()) station_.default_language = language;
    // Shorter waits make timeouts testable; only honoured on a test page.
    if (!platform::IsTestMode()) return;
    const auto seconds = [](const std::string& text, std::int32_t fallback) {
        return text.empty() ? fallback : static_cast<std::int32_t>(std::max(1, std::atoi(text.c_str())));
    };
    test_idle_timeout_seconds_ = seconds(platform::QueryParameter("idle"), 0);
    still_there_seconds_ = seconds(platform::QueryParameter("still_there"), still_there_seconds_);
    staff_door_hold_ms_ = 1000 * seconds(platform::QueryParameter("door_hold"), 2);
    if (platform::QueryParameter("keep_partial") == "0") test_discard_partial_ = true;
}

std::int32_t App::IdleTimeoutSeconds() const {
    return test_idle_timeout_seconds_ > 0 ? test_idle_timeout_seconds_ : station_.idle_timeout_seconds;
}

bool App::KeepPartialAnswers() const { return station_.keep_partial_answers && !test_discard_partial_; }

std::string App::ActiveSurveyId() const {
    // A link can open a station on a given survey (?survey=parent_carer) for this visit; a
    // station that never chose one runs the shipped pupil survey.
    if (!survey_from_address_.empty()) return survey_from_address_;
    return station_.survey_id.empty() ? std::string("pupil") : station_.survey_id;
}

const Survey* App::ActiveSurvey() const {
    const auto found = surveys_.find(ActiveSurveyId());
    return found != surveys_.end() ? &found->second : nullptr;
}

// Which file failed and why, for the staff area, when the station's survey did not load.
std::string App::SurveyProblemText() const {
    const std::string id = ActiveSurveyId();
    std::string text = "This station's survey \"" + id + "\" is not loaded, so nobody can start it.";
    const auto own_file = survey_problems_.find(id + ".json");
    if (own_file != survey_problems_.end()) {
        text += " Its file did not load:\n" + own_file->second;
    } else if (!survey_problems_.empty()) {
        text += " These survey files did not load:";
        for (const auto& [file, problems] : survey_problems_) text += "\n" + problems;
    } else {
        text += " No survey file with that id is on this device.";
    }
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text + "\nChoose one of the surveys in Station setup.";
}

std::string App::EventId() const {
    if (station_.event_name.empty()) return {};
    const std::string name = FileNamePart(station_.event_name, 40);
    return station_.event_date.empty() ? name : name + "_" + station_.event_date;
}

void App::LoadDeviceFiles() {
    const StationConfigLoadResult config = LoadStationConfig(data_dir_ + "/station.json", SecureRandom, NowMs());
    station_ = config.config;
    for (const std::string& note : config.notes) std::fprintf(stderr, "station settings: %s\n", note.c_str());
    if (config.status == StationConfigLoadStatus::kMissing) SaveStationConfig(station_, data_dir_ + "/station.json");
    // Surveys a volunteer loaded from a file earlier are on the device too.
    std::error_code error;
    std::vector<std::pair<std::string, std::string>> loaded_surveys;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir_ + "/surveys", error)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        loaded_surveys.emplace_back(entry.path().filename().string(), text.str());
    }
    AddSurveyFiles(loaded_surveys, false);
    LoadStationCards();
    LoadStationKeys();
    for (StoredPin* pin : {&station_pin_, &officer_pin_}) {
        const std::string problem = pin->Load();
        if (!problem.empty()) notice_ = problem;
    }
    ApplyTestTimings();
    draft_config_ = station_;
    device_files_loaded_ = true;
}

void App::StartNewSession() {
    SessionSettings settings;
    settings.wave = station_.wave;
    settings.station_id = station_.station_id;
    settings.event_id = EventId();
    settings.answer_mode = station_.default_answer_mode;
    settings.language = station_.default_language;
    const Survey* survey = ActiveSurvey();
    session_ = std::make_unique<RespondentSession>(survey != nullptr ? *survey : no_survey_, settings);
    respondent_.Reset();
    display_ = ui::DisplaySettings{};
    shown_seconds_ = -1;
    save_confirmation_ = SaveConfirmation::kWaiting;
    nothing_to_save_ = false;
    save_failed_ = false;
    corner_held_since_ms_ = 0;
    platform::StopSpeaking();
}

bool App::PrepareFonts(float device_pixel_ratio) {
    const float size = display_.BodyTextSize();
    const bool rebuilt = fonts_.EnsureBuilt(device_pixel_ratio, size, display_.dyslexia_font);
    if (rebuilt || applied_high_contrast_ != display_.high_contrast || applied_text_size_ != size) {
        ui::ApplyTheme(CurrentTheme(), size);
        applied_high_contrast_ = display_.high_contrast;
        applied_text_size_ = size;
    }
    return rebuilt;
}

const ui::Theme& App::CurrentTheme() const {
    return display_.high_contrast ? ui::HighContrastTheme() : ui::DefaultTheme();
}

ui::Screen& App::CurrentScreen() {
    if (staff_.IsOpen()) return staff_.CurrentScreen();
    return respondent_.ScreenFor(respondent_.State(session_->Step()));
}

std::string App::CurrentScreenName() const { return const_cast<App*>(this)->CurrentScreen().Name(); }

void App::HandleDragScroll() {
    // ImGui 1.86 has no touch scrolling: a vertical drag scrolls the screen and cancels the tap.
    const ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, ImGui::GetFontSize() * 0.5f)) return;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->ScrollMax.y <= 0.0f) return;
    ImGui::SetScrollY(std::clamp(window->Scroll.y - io.MouseDelta.y, 0.0f, window->ScrollMax.y));
    ImGui::ClearActiveID();
}

void App::DrawFrame(const ui::ExternalInput& input) {
    items_.Clear();
    if (frames_to_settle_ > 0) --frames_to_settle_;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoBackground;  // the frame is cleared to this colour already
    ImGui::Begin("##screen", nullptr, flags);
    // Every word the widgets draw is published for screen readers; on a test page ImGui's own
    // record of the text it drew is kept too, so tests can check that nothing was left out.
    const ui::PublishedText published(items_);
    if (test_mode_) ImGui::LogToBuffer();
    ui::FrameContext frame{CurrentTheme(), fonts_.Fonts(), items_, input, {}, {}, {}, {}};
    ui::Screen& screen = CurrentScreen();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button_row = std::max(CurrentTheme().min_touch_target, ImGui::GetFontSize() * 2.3f) + style.ItemSpacing.y;
    const int footer_rows = screen.FooterRows();
    const float footer_height = footer_rows > 0 ? button_row * static_cast<float>(footer_rows) + style.WindowPadding.y : 0.0f;
    // The content scrolls; the footer with Back and Next stays in reach.
    ImGui::BeginChild("##content", ImVec2(0, -footer_height), false);
    if (scroll_to_top_) {
        ImGui::SetScrollY(0.0f);
        scroll_to_top_ = false;
    }
    screen.DrawContent(frame);
    // Room below the last item, so scrolling to the end shows it whole.
    ImGui::Dummy(ImVec2(0.0f, style.WindowPadding.y));
    HandleDragScroll();
    ImGui::EndChild();
    if (footer_rows > 0) {
        const ImVec2 line_start = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(0, line_start.y - style.ItemSpacing.y * 0.5f),
                                            ImVec2(io.DisplaySize.x, line_start.y - style.ItemSpacing.y * 0.5f),
                                            ui::ToU32(CurrentTheme().border), 1.0f);
        screen.DrawFooter(frame);
    }
    // The staff corner is unmarked, but a hold on it shows a ring filling under the finger, so
    // that staff know it is working; a quick tap shows nothing worth a respondent's notice.
    if (!staff_.IsOpen() && corner_held_since_ms_ != 0) {
        ui::DrawHoldRing(ImGui::GetForegroundDrawList(), CurrentTheme(), io.MousePos, StaffDoorProgress());
    }
    if (test_mode_) {
        drawn_text_ = ImGui::GetCurrentContext()->LogBuffer.c_str();
        ImGui::LogFinish();
    }
    ImGui::End();
    title_ = frame.title;
    announcement_ = frame.announcement;
    speech_text_ = frame.speech_text;
    // A tap on a disabled control changes what the screen says: draw it settled.
    if (!frame.disabled_tap.empty()) frames_to_settle_ = kFramesAfterScreenChange;
    // A new screen or question starts at the top and needs frames to lay itself out.
    const std::string view = ViewKey();
    if (view != last_view_key_) {
        frames_to_settle_ = kFramesAfterScreenChange;
        scroll_to_top_ = true;
        platform::StopSpeaking();
    }
    last_view_key_ = view;
}

std::string App::ViewKey() const {
    const Question* question = session_->CurrentQuestion();
    const ui::Screen& screen = const_cast<App*>(this)->CurrentScreen();
    return std::string(screen.Name()) + ":" + (question != nullptr ? question->id : std::string()) + ":" +
           screen.PartShown();
}

bool App::Tick(std::int64_t now_ms) {
    bool changed = TickStorage();
    if (TakeShareOutcome()) changed = true;
    if (staff_.IsOpen()) return TickStaffArea(now_ms) || changed;
    if (TickStaffDoor(now_ms)) return true;
    if (TickRespondent(now_ms)) changed = true;
    if (TickSaveConfirmation()) changed = true;
    return changed;
}

// The browser's storage becoming ready: the device's files, then the station's store.
bool App::TickStorage() {
    if (!platform::PersistentStorageReady()) return false;
    bool changed = false;
    if (!device_files_loaded_) {
        LoadDeviceFiles();
        if (session_->Step() == SessionStep::kWelcome) StartNewSession();
        changed = true;
    }
    if (!store_open_) {
        const ResponseStoreOpenReport report = store_.Open(data_dir_ + "/responses.yslog");
        store_open_ = report.ok;
        store_message_ = report.Summary();
        if (!report.ok) std::fprintf(stderr, "response store: %s\n", store_message_.c_str());
        // The officer store's count is part of what clearing the station says it leaves.
        if (workspace_) {
            workspace_->OpenStore();
        } else {
            CountOfficerStoreOnTablet();
        }
        changed = true;
    }
    return changed;
}

bool App::TickStaffArea(std::int64_t now_ms) {
    ImportPickedFiles();
    if (TickImport()) return true;
    // Tabulated here, once per change of data or settings, never while drawing a frame.
    if (workspace_ && staff_.Page() == ui::StaffPage::kWorkspace && workspace_->Refresh()) return true;
    // The staff area closes itself when left alone, like the respondent screens, and
    // whoever was signed in is signed out.
    if (now_ms - last_input_ms_ >= static_cast<std::int64_t>(IdleTimeoutSeconds()) * 1000) {
        LeaveStaffArea();
        return true;
    }
    const ui::StaffPage page = staff_.Page();
    const bool on_pin_pad = page == ui::StaffPage::kPin || page == ui::StaffPage::kOfficerPin;
    if (!on_pin_pad) return false;
    const int locked = PinPad(page == ui::StaffPage::kPin ? ui::PinPurpose::kStation : ui::PinPurpose::kOfficer)
                           .seconds_locked;
    if (locked == shown_seconds_) return false;
    shown_seconds_ = locked;
    return true;
}

// The welcome screen's corner, held for two seconds, opens the staff area's PIN pad.
bool App::TickStaffDoor(std::int64_t now_ms) {
    if (corner_held_since_ms_ == 0 || now_ms - corner_held_since_ms_ < staff_door_hold_ms_) return false;
    corner_held_since_ms_ = 0;
    OpenStaffArea();
    return true;
}

bool App::TickRespondent(std::int64_t now_ms) {
    const std::int64_t idle_ms = now_ms - last_input_ms_;
    const bool idle = idle_ms >= static_cast<std::int64_t>(IdleTimeoutSeconds()) * 1000;
    const RespondentState state = respondent_.State(session_->Step());
    if (session_->Step() == SessionStep::kWelcome && !respondent_.ClosedEarly()) {
        // Someone changed the text size or language and walked away: the next person starts fresh.
        if (!idle || !(respondent_.SettingsOpen() || display_.text_size != ui::TextSize::kStandard ||
                       display_.high_contrast || display_.dyslexia_font ||
                       session_->Language() != station_.default_language)) {
            return false;
        }
        StartNewSession();
        return true;
    }
    // The thank-you page never leads back to the start: left alone, it moves on to who the
    // person can contact, which then waits like any other screen.
    if (state == RespondentState::kThankYou) {
        if (!idle) return false;
        respondent_.SetFinishPage(1);
        last_input_ms_ = now_ms;
        return true;
    }
    if (state != RespondentState::kStillThere) {
        if (!idle) return false;
        respondent_.StartAskingStillThere(now_ms);
        return true;
    }
    const int left = SecondsBeforeTimeout();
    if (left <= 0) {
        CloseAfterTimeout();
        return true;
    }
    if (left == shown_seconds_) return false;
    shown_seconds_ = left;
    return true;
}

// A save confirmed by the browser changes the thank-you screen, once.
bool App::TickSaveConfirmation() {
    if (session_->Step() != SessionStep::kFinished || save_failed_ || nothing_to_save_ || save_generation_ == 0 ||
        platform::DurableGeneration() < save_generation_ || save_confirmation_ == SaveConfirmation::kShown) {
        return false;
    }
    save_confirmation_ = SaveConfirmation::kShown;
    return true;
}

int App::SecondsBeforeTimeout() const {
    if (!respondent_.AskingStillThere()) return still_there_seconds_;
    const std::int64_t left_ms =
        static_cast<std::int64_t>(still_there_seconds_) * 1000 - (NowMs() - respondent_.StillThereSinceMs());
    return static_cast<int>(std::max<std::int64_t>(0, (left_ms + 999) / 1000));
}

void App::StillHere() {
    respondent_.StopAskingStillThere();
    shown_seconds_ = -1;
    last_input_ms_ = NowMs();
}

// Nobody answered "Are you still there?". Once the signposting page has been seen, the next
// person starts; before that, the answers so far are closed (kept, if the station keeps
// partial answers) and the signposting page shows: nothing ends a survey without it.
void App::CloseAfterTimeout() {
    const bool signposting_seen = respondent_.ClosedEarly() ||
                                  (session_->Step() == SessionStep::kFinished && respondent_.FinishPage() == 1);
    if (signposting_seen) {
        StartNewSession();
        return;
    }
    const bool answered_something = session_->HasStarted() && !session_->Answers().empty();
    if (answered_something && KeepPartialAnswers()) {
        Save(session_->PartialResponse(NowMs(), SecureRandom));
    }
    respondent_.CloseEarly();
    shown_seconds_ = -1;
    last_input_ms_ = NowMs();
}

void App::Save(const Response& response) {
    save_failed_ = false;
    if (!store_open_) {
        save_failed_ = true;
        return;
    }
    // On a sealing station the answers are sealed before anything is stored: the tablet never
    // keeps them in the clear, and a response that cannot be sealed is not saved at all.
    const double sealing_from = platform::PageClockMilliseconds();
    const Result<Response> kept = ForTheStore(response);
    if (kept.ok() && kept.value->IsSealed()) last_seal_ms_ = platform::PageClockMilliseconds() - sealing_from;
    if (!kept.ok()) {
        save_failed_ = true;
        std::fprintf(stderr, "could not seal a response: %s\n", kept.Message().c_str());
        return;
    }
    const StoreAddResult result = store_.Add(*kept.value);
    if (!result.Saved()) {
        save_failed_ = true;
        std::fprintf(stderr, "could not save a response: %s\n", result.message.c_str());
        return;
    }
    Sync();
}

void App::Submit() {
    if (!session_->CanSubmit()) return;
    const Response response = session_->Submit(NowMs(), SecureRandom);
    nothing_to_save_ = false;
    Save(response);
    respondent_.SetFinishPage(0);
    last_input_ms_ = NowMs();
}

void App::Decline() {
    Save(session_->Decline(NowMs(), SecureRandom));
    nothing_to_save_ = true;
    respondent_.SetFinishPage(0);
    last_input_ms_ = NowMs();
}

void App::FinishAndReset() { StartNewSession(); }

ui::SaveState App::LastSaveState() const {
    if (nothing_to_save_) return ui::SaveState::kNothingToSave;
    if (save_failed_) return ui::SaveState::kFailed;
    const platform::StorageStatus status = platform::CurrentStorageStatus();
    if (platform::DurableGeneration() >= save_generation_) return ui::SaveState::kSaved;
    if (!status.last_sync_error.empty() && !status.sync_in_flight) return ui::SaveState::kFailed;
    return ui::SaveState::kSaving;
}

bool App::ReadAloudAvailable() const { return platform::SpeechAvailable(session_->Language()); }

void App::ReadAloud(const std::string& text) { platform::Speak(text, session_->Language()); }

}  // namespace yousaid::app
