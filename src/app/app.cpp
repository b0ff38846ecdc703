#include "app/app.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/survey/survey_loader.h"
#include "platform/accessible_layer.h"
#include "platform/durable_storage.h"
#include "platform/platform.h"
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
    : data_dir_(data_dir), fonts_(asset_dir + "/fonts") {
    LoadSurveys(asset_dir + "/surveys");
    station_ = DefaultStationConfig(SecureRandom, NowMs());
    // A link can open a station on a given survey (?survey=parent_carer) for this visit.
    survey_from_address_ = platform::QueryParameter("survey");
    ApplyTestTimings();
    StartNewSession();
    last_input_ms_ = NowMs();
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
        SurveyLoadResult result = SurveyLoader::LoadFromFile(file);
        if (result.Ok()) {
            surveys_.emplace(result.survey->id, std::move(*result.survey));
        } else {
            survey_problems_.push_back(result.ProblemsText());
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
    finish_return_seconds_ = seconds(platform::QueryParameter("finish_return"), finish_return_seconds_);
    if (platform::QueryParameter("keep_partial") == "0") test_discard_partial_ = true;
}

std::int32_t App::IdleTimeoutSeconds() const {
    return test_idle_timeout_seconds_ > 0 ? test_idle_timeout_seconds_ : station_.idle_timeout_seconds;
}

bool App::KeepPartialAnswers() const { return station_.keep_partial_answers && !test_discard_partial_; }

const Survey& App::ActiveSurvey() const {
    for (const std::string& id : {survey_from_address_, station_.survey_id, std::string("pupil")}) {
        const auto found = surveys_.find(id);
        if (found != surveys_.end()) return found->second;
    }
    return surveys_.begin()->second;
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
    StaffPinLoadResult pin = LoadStaffPin(data_dir_ + "/staff_pin.json");
    if (pin.status == StaffPinLoadStatus::kLoaded) staff_pin_ = std::move(pin.staff_pin);
    if (!pin.message.empty()) notice_ = pin.message;
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
    session_ = std::make_unique<RespondentSession>(ActiveSurvey(), settings);
    question_screen_.Reset();
    display_ = ui::DisplaySettings{};
    settings_open_ = false;
    finish_page_ = 0;
    still_there_since_ms_ = 0;
    shown_countdown_ = -1;
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
    if (staff_open_) {
        switch (staff_page_) {
            case ui::StaffPage::kPin: return staff_pin_screen_;
            case ui::StaffPage::kHome: return staff_home_screen_;
            case ui::StaffPage::kSetup: return station_setup_screen_;
            case ui::StaffPage::kImport: return officer_import_screen_;
            case ui::StaffPage::kClear:
            case ui::StaffPage::kClearConfirm: return clear_device_screen_;
        }
    }
    if (still_there_since_ms_ != 0) return still_there_screen_;
    if (settings_open_) return settings_screen_;
    switch (session_->Step()) {
        case SessionStep::kWelcome: return welcome_screen_;
        case SessionStep::kConsent: return consent_screen_;
        case SessionStep::kQuestion: return question_screen_;
        case SessionStep::kCheck: return check_screen_;
        case SessionStep::kFinished: return finish_page_ == 0 ? static_cast<ui::Screen&>(thank_you_screen_)
                                                              : static_cast<ui::Screen&>(signposting_screen_);
    }
    return welcome_screen_;
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
    ui::FrameContext frame{CurrentTheme(), fonts_.Fonts(), items_, input, {}, {}, {}};
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
    ImGui::End();
    title_ = frame.title;
    announcement_ = frame.announcement;
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
    return CurrentScreenName() + ":" + (question != nullptr ? question->id : std::string());
}

bool App::Tick(std::int64_t now_ms) {
    bool needs_frame = false;
    if (!device_files_loaded_ && platform::PersistentStorageReady()) {
        LoadDeviceFiles();
        if (session_->Step() == SessionStep::kWelcome) StartNewSession();
        needs_frame = true;
    }
    if (TakeShareOutcome()) needs_frame = true;
    if (staff_open_) {
        ImportPickedFiles();
        // The staff area closes itself when left alone, like the respondent screens.
        if (now_ms - last_input_ms_ >= static_cast<std::int64_t>(IdleTimeoutSeconds()) * 1000) {
            LeaveStaffArea();
            return true;
        }
        const int locked = SecondsLocked();
        if (staff_page_ == ui::StaffPage::kPin && locked != shown_countdown_) {
            shown_countdown_ = locked;
            needs_frame = true;
        }
        return needs_frame;
    }
    if (corner_held_since_ms_ != 0 && now_ms - corner_held_since_ms_ >= 2000) {
        corner_held_since_ms_ = 0;
        GoTo(ui::StaffPage::kPin);
        staff_open_ = staff_page_;
        needs_frame = true;
    }
    if (!store_open_ && platform::PersistentStorageReady()) {
        const ResponseStoreOpenReport report = store_.Open(data_dir_ + "/responses.yslog");
        store_open_ = report.ok;
        store_message_ = report.Summary();
        if (!report.ok) std::fprintf(stderr, "response store: %s\n", store_message_.c_str());
        needs_frame = true;
    }
    const SessionStep step = session_->Step();
    const std::int64_t idle_ms = now_ms - last_input_ms_;
    if (step == SessionStep::kFinished) {
        if (idle_ms >= static_cast<std::int64_t>(finish_return_seconds_) * 1000) {
            FinishAndReset();
            needs_frame = true;
        }
    } else if (step == SessionStep::kWelcome) {
        // Someone changed the text size or language and walked away: the next person starts fresh.
        if (idle_ms >= static_cast<std::int64_t>(IdleTimeoutSeconds()) * 1000 &&
            (settings_open_ || display_.text_size != ui::TextSize::kStandard || display_.high_contrast ||
             display_.dyslexia_font || session_->Language() != station_.default_language)) {
            StartNewSession();
            needs_frame = true;
        }
    } else if (still_there_since_ms_ == 0) {
        if (idle_ms >= static_cast<std::int64_t>(IdleTimeoutSeconds()) * 1000) {
            still_there_since_ms_ = now_ms;
            needs_frame = true;
        }
    } else {
        const int left = SecondsBeforeTimeout();
        if (left <= 0) {
            CloseAfterTimeout();
            needs_frame = true;
        } else if (left != shown_countdown_) {
            shown_countdown_ = left;
            needs_frame = true;
        }
    }
    // A save confirmed by the browser changes the thank-you screen.
    if (step == SessionStep::kFinished && !save_failed_ && !nothing_to_save_ && save_generation_ > 0 &&
        platform::DurableGeneration() >= save_generation_ && shown_countdown_ != -2) {
        shown_countdown_ = -2;
        needs_frame = true;
    }
    return needs_frame;
}

int App::SecondsBeforeTimeout() const {
    if (still_there_since_ms_ == 0) return still_there_seconds_;
    const std::int64_t left_ms = static_cast<std::int64_t>(still_there_seconds_) * 1000 - (NowMs() - still_there_since_ms_);
    return static_cast<int>(std::max<std::int64_t>(0, (left_ms + 999) / 1000));
}

void App::StillHere() {
    still_there_since_ms_ = 0;
    shown_countdown_ = -1;
    last_input_ms_ = NowMs();
}

void App::CloseAfterTimeout() {
    const bool answered_something = session_->HasStarted() && !session_->Answers().empty();
    if (answered_something && KeepPartialAnswers()) {
        Save(session_->PartialResponse(NowMs(), SecureRandom));
    }
    StartNewSession();
}

void App::Save(const Response& response) {
    save_failed_ = false;
    if (!store_open_) {
        save_failed_ = true;
        return;
    }
    const StoreAddResult result = store_.Add(response);
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
    finish_page_ = 0;
    last_input_ms_ = NowMs();
}

void App::Decline() {
    Save(session_->Decline(NowMs(), SecureRandom));
    nothing_to_save_ = true;
    finish_page_ = 0;
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
