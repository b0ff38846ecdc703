// The staff screens: PIN, the station's live view, setup, officer import, clearing.
#include "ui/staff_screens.h"

#include <cstdio>

#include <imgui.h>

#include "core/responses/response.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

constexpr float kColumnEm = 32.0f;

std::string Megabytes(double bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", bytes / 1.0e6);
    return text;
}

void Notice(const FrameContext& frame, const StaffHost& host) {
    if (host.Notice().empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, frame.theme.primary);
    BoldParagraph(frame, host.Notice());
    ImGui::PopStyleColor();
}

void Warning(const FrameContext& frame, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, frame.theme.focus_ring);
    BoldParagraph(frame, text);
    ImGui::PopStyleColor();
}

// A row of choice tiles, one per option; returns the index chosen this frame, or -1.
int TileRow(FrameContext& frame, const std::string& group, const std::vector<std::pair<std::string, std::string>>& options,
            const std::string& current) {
    int chosen = -1;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int per_row = std::min<int>(static_cast<int>(options.size()), 3);
    const float width = (ColumnWidth() - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (i % static_cast<std::size_t>(per_row) != 0) ImGui::SameLine();
        if (ChoiceTile(frame, group + ":" + options[i].first, options[i].second, options[i].first == current,
                       ItemRole::Radio, group, width)) {
            chosen = static_cast<int>(i);
        }
    }
    return chosen;
}

}  // namespace

void StaffPinScreen::Reset() {
    digits_.clear();
    first_choice_.clear();
    message_.clear();
}

void StaffPinScreen::DrawContent(FrameContext& frame) {
    const bool choosing = !host_.HasPin();
    frame.title = choosing ? (first_choice_.empty() ? "Choose a staff PIN" : "Enter the new PIN again")
                           : "Enter the staff PIN";
    frame.announcement = frame.title + (message_.empty() ? "" : ". " + message_);
    BeginColumn(20.0f);
    VerticalGap(0.5f);
    Heading(frame, frame.title);
    if (choosing) Paragraph("4 to 8 digits. Only staff and volunteers should know it.", true);
    const int locked = host_.SecondsLocked();
    if (locked > 0) {
        Warning(frame, "Too many wrong tries. Try again in " + std::to_string(locked) + " seconds.");
    } else if (!message_.empty()) {
        Warning(frame, message_);
    }
    // Dots, not digits: someone may be looking over the volunteer's shoulder.
    std::string dots;
    for (std::size_t i = 0; i < digits_.size(); ++i) dots += i == 0 ? "*" : " *";
    ImGui::PushFont(frame.fonts.title);
    ImGui::TextUnformatted(dots.empty() ? " " : dots.c_str());
    ImGui::PopFont();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float key = (ColumnWidth() - 2 * spacing) / 3.0f;
    const char* keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Delete", "0", "OK"};
    for (int i = 0; i < 12; ++i) {
        if (i % 3 != 0) ImGui::SameLine();
        const std::string label = keys[i];
        const bool is_ok = label == "OK";
        const bool enabled = locked == 0 && (!is_ok || digits_.size() >= 4);
        if (!BigButton(frame, "pin:" + label, label, is_ok ? ButtonKind::Primary : ButtonKind::Secondary, enabled, key)) continue;
        if (label == "Delete") {
            if (!digits_.empty()) digits_.pop_back();
        } else if (!is_ok) {
            if (digits_.size() < 8) digits_ += label;
        } else if (!choosing) {
            message_ = host_.TryPin(digits_);
            digits_.clear();
        } else if (first_choice_.empty()) {
            first_choice_ = digits_;
            digits_.clear();
            message_.clear();
        } else if (first_choice_ != digits_) {
            message_ = "The two PINs were different. Choose a PIN again.";
            first_choice_.clear();
            digits_.clear();
        } else {
            message_ = host_.ChoosePin(digits_);
            if (!message_.empty()) first_choice_.clear();
            digits_.clear();
        }
    }
    VerticalGap(0.5f);
    if (BigButton(frame, "staff_cancel", "Cancel", ButtonKind::Secondary)) {
        Reset();
        host_.LeaveStaffArea();
    }
    EndColumn();
}

void StaffHomeScreen::DrawContent(FrameContext& frame) {
    const StationOverview overview = host_.Overview();
    const StationConfig& config = host_.DraftConfig();
    frame.title = "Survey station: " + config.station_name;
    frame.announcement = frame.title;
    BeginColumn(kColumnEm);
    Heading(frame, frame.title);
    std::string where = config.event_name.empty() ? std::string("No event set") : config.event_name;
    if (!config.event_date.empty()) where += ", " + config.event_date;
    if (!config.place.empty()) where += ", " + config.place;
    Paragraph(where + ". Wave " + config.wave + ".", true);
    Notice(frame, host_);
    for (const std::string& warning : overview.warnings) Warning(frame, warning);
    ImGui::Separator();
    for (const SurveyTally& tally : overview.surveys) {
        BoldParagraph(frame, tally.survey_title);
        Paragraph(std::to_string(tally.today) + " today, " + std::to_string(tally.total) + " in total: " +
                  std::to_string(tally.complete) + " complete, " + std::to_string(tally.partial) + " partial, " +
                  std::to_string(tally.refused) + " said no");
    }
    if (overview.surveys.empty()) Paragraph("No responses on this device yet.");
    Paragraph(overview.last_response_time.empty() ? std::string("No response yet today.")
                                                  : "Last response at " + overview.last_response_time + ".");
    Paragraph(overview.everything_saved ? std::string("Everything is saved on this device.")
                                        : "Not everything is saved: " + overview.save_problem);
    Paragraph(std::to_string(overview.not_exported) + " responses not yet exported.");
    if (overview.storage_used_bytes >= 0 && overview.storage_available_bytes >= 0) {
        Paragraph("Storage: " + Megabytes(overview.storage_used_bytes) + " used, " +
                  Megabytes(overview.storage_available_bytes) + " available.", true);
    }
    ImGui::Separator();
    const float half = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (BigButton(frame, "export", "Export responses", ButtonKind::Primary, true, half)) host_.ExportResponses(false);
    ImGui::SameLine();
    if (BigButton(frame, "export_json", "Export as JSON", ButtonKind::Secondary, true, half)) host_.ExportResponses(true);
    if (BigButton(frame, "station_setup", "Station setup", ButtonKind::Secondary, true, half)) host_.GoTo(StaffPage::kSetup);
    ImGui::SameLine();
    if (BigButton(frame, "officer_import", "Officer: import files", ButtonKind::Secondary, true, half)) {
        host_.GoTo(StaffPage::kImport);
    }
    if (BigButton(frame, "clear_device", "Clear this device", ButtonKind::Secondary, true, half)) host_.GoTo(StaffPage::kClear);
    ImGui::SameLine();
    if (BigButton(frame, "leave_staff", "Back to the survey", ButtonKind::Primary, true, half)) host_.LeaveStaffArea();
    EndColumn();
}

void StationSetupScreen::DrawContent(FrameContext& frame) {
    StationConfig& config = host_.DraftConfig();
    frame.title = "Station setup";
    frame.announcement = frame.title;
    BeginColumn(kColumnEm);
    Heading(frame, frame.title);
    for (const Problem& problem : problems_) Warning(frame, problem.message);
    BoldParagraph(frame, "Survey");
    std::vector<std::pair<std::string, std::string>> surveys;
    for (const auto& [id, survey] : host_.Surveys()) surveys.emplace_back(id, survey.title.English());
    const int survey_choice = TileRow(frame, "survey", surveys, config.survey_id);
    if (BigButton(frame, "load_survey", "Load a survey file", ButtonKind::Secondary)) host_.ChooseSurveyFile();
    Notice(frame, host_);
    if (survey_choice >= 0) {
        config.survey_id = surveys[static_cast<std::size_t>(survey_choice)].first;
        const Survey& survey = host_.Surveys().at(config.survey_id);
        if (!survey.HasLanguage(config.default_language)) config.default_language = "en";
    }
    TextField(frame, "wave", "Wave (for example the year)", config.wave, 20);
    TextField(frame, "event_name", "Event", config.event_name, 80);
    TextField(frame, "event_date", "Event date (YYYY-MM-DD)", config.event_date, 10);
    TextField(frame, "place", "Place", config.place, 80);
    TextField(frame, "station_name", "Station name (used in export file names)", config.station_name, 40);
    const auto found = host_.Surveys().find(config.survey_id);
    if (found != host_.Surveys().end() && found->second.languages.size() > 1) {
        BoldParagraph(frame, "Language respondents start in");
        std::vector<std::pair<std::string, std::string>> languages;
        for (const std::string& language : found->second.languages) {
            languages.emplace_back(language, language == "pl" ? "Polski" : (language == "en" ? "English" : language));
        }
        const int language_choice = TileRow(frame, "default_language", languages, config.default_language);
        if (language_choice >= 0) config.default_language = languages[static_cast<std::size_t>(language_choice)].first;
    }
    BoldParagraph(frame, "How answers are usually given");
    const std::vector<std::pair<std::string, std::string>> modes = {
        {"self", "By the person"}, {"helped_by_adult", "Helped by an adult"},
        {"on_behalf", "On someone's behalf"}, {"by_phone", "By phone"}};
    const int mode_choice = TileRow(frame, "answer_mode", modes, std::string(AnswerModeName(config.default_answer_mode)));
    if (mode_choice >= 0) {
        if (auto mode = ParseAnswerMode(modes[static_cast<std::size_t>(mode_choice)].first)) config.default_answer_mode = *mode;
    }
    BoldParagraph(frame, "Ask \"Are you still there?\" after");
    const std::vector<std::pair<std::string, std::string>> timeouts = {
        {"60", "1 minute"}, {"180", "3 minutes"}, {"300", "5 minutes"}, {"600", "10 minutes"}};
    const int timeout_choice = TileRow(frame, "idle_timeout", timeouts, std::to_string(config.idle_timeout_seconds));
    if (timeout_choice >= 0) config.idle_timeout_seconds = std::stoi(timeouts[static_cast<std::size_t>(timeout_choice)].first);
    if (ChoiceTile(frame, "keep_partial", "Keep unfinished answers when someone walks away", config.keep_partial_answers,
                   ItemRole::Checkbox, {})) {
        config.keep_partial_answers = !config.keep_partial_answers;
    }
    EndColumn();
}

void StationSetupScreen::DrawFooter(FrameContext& frame) {
    BeginColumn(kColumnEm);
    const float half = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (BigButton(frame, "setup_cancel", "Back", ButtonKind::Secondary, true, half)) {
        problems_.clear();
        host_.GoTo(StaffPage::kHome);
    }
    ImGui::SameLine();
    if (BigButton(frame, "setup_save", "Save", ButtonKind::Primary, true, half)) {
        problems_ = host_.SaveDraftConfig();
        if (problems_.empty()) host_.GoTo(StaffPage::kHome);
    }
    EndColumn();
}

void OfficerImportScreen::DrawContent(FrameContext& frame) {
    frame.title = "Import response files";
    frame.announcement = frame.title;
    BeginColumn(kColumnEm);
    Heading(frame, frame.title);
    Paragraph("Choose the files exported from each tablet (.yousaid), their JSON exports, or response CSVs. "
              "They are merged into this device's officer store; a file loaded twice is counted once.");
    if (BigButton(frame, "choose_files", "Choose files")) host_.ChooseFilesToImport();
    for (const std::string& line : host_.ImportLines()) Paragraph(line);
    Notice(frame, host_);
    VerticalGap(0.5f);
    if (BigButton(frame, "import_back", "Back", ButtonKind::Secondary)) host_.GoTo(StaffPage::kHome);
    EndColumn();
}

void ClearDeviceScreen::DrawContent(FrameContext& frame) {
    const StationOverview overview = host_.Overview();
    const bool confirming = host_.Page() == StaffPage::kClearConfirm;
    frame.title = confirming ? "Are you sure? This cannot be undone." : "Clear this device";
    frame.announcement = frame.title;
    BeginColumn(kColumnEm);
    Heading(frame, frame.title);
    std::uint64_t total = 0;
    for (const SurveyTally& tally : overview.surveys) total += tally.total;
    Paragraph("This removes all " + std::to_string(total) + " responses from this device.");
    const bool unexported = overview.not_exported > 0;
    if (unexported) {
        Warning(frame, std::to_string(overview.not_exported) + " responses have not been exported yet. "
                       "Export them first, or they are lost.");
        if (ChoiceTile(frame, "accept_loss", "I understand: " + std::to_string(overview.not_exported) +
                                                 " responses that were never exported will be lost",
                       accept_loss_, ItemRole::Checkbox, {})) {
            accept_loss_ = !accept_loss_;
        }
    }
    const bool allowed = !unexported || accept_loss_;
    if (!confirming) {
        if (BigButton(frame, "clear_continue", "Clear the device", ButtonKind::Primary, allowed)) host_.GoTo(StaffPage::kClearConfirm);
    } else if (BigButton(frame, "clear_confirm", "Yes, clear everything", ButtonKind::Primary, allowed)) {
        host_.ClearDevice();
        accept_loss_ = false;
    }
    if (BigButton(frame, "clear_cancel", "Cancel", ButtonKind::Secondary)) {
        accept_loss_ = false;
        host_.GoTo(StaffPage::kHome);
    }
    EndColumn();
}

}  // namespace yousaid::ui
