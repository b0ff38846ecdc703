// The volunteer's screens: the station's live view, setup and clearing its responses.
#include "ui/staff_screens.h"

#include <cstdio>

#include <imgui.h>

#include "core/responses/response.h"
#include "ui/staff_widgets.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

std::string Megabytes(double bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", bytes / 1.0e6);
    return text;
}

}  // namespace

void StaffHomeScreen::DrawContent(FrameContext& frame) {
    const StationOverview overview = host_.Overview();
    const StationConfig& config = host_.DraftConfig();
    frame.title = "Survey station: " + config.station_name;
    frame.announcement = frame.title;
    for (const std::string& warning : overview.warnings) frame.announcement += (warning == overview.warnings.front() ? ". " : " ") + warning;
    BeginColumn(kStaffColumnEm);
    Heading(frame, frame.title);
    std::string where = config.event_name.empty() ? std::string("No event set") : config.event_name;
    if (!config.event_date.empty()) where += ", " + config.event_date;
    if (!config.place.empty()) where += ", " + config.place;
    Paragraph(where + ". Wave " + config.wave + ".", true);
    StaffNotice(frame, host_);
    for (const std::string& warning : overview.warnings) StaffWarning(frame, warning);
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
    SaveStatusParagraph(overview);
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
    // The officer signs in with their own PIN (chosen here the first time) unless already in.
    if (BigButton(frame, "officer_area", "Officer", ButtonKind::Secondary, true, half)) {
        host_.GoTo(host_.Role() == StaffRole::kOfficer ? StaffPage::kOfficerHome : StaffPage::kOfficerPin);
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
    BeginColumn(kStaffColumnEm);
    Heading(frame, frame.title);
    for (const Problem& problem : problems_) StaffWarning(frame, problem.message);
    BoldParagraph(frame, "Survey");
    std::vector<std::pair<std::string, std::string>> surveys;
    for (const auto& [id, survey] : host_.Surveys()) surveys.emplace_back(id, survey.title.English());
    const int survey_choice = TileRow(frame, "survey", surveys, config.survey_id);
    if (BigButton(frame, "load_survey", "Load a survey file", ButtonKind::Secondary)) host_.ChooseSurveyFile();
    StaffNotice(frame, host_);
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
    BeginColumn(kStaffColumnEm);
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

void ClearDeviceScreen::DrawContent(FrameContext& frame) {
    const StationOverview overview = host_.Overview();
    const bool confirming = host_.Page() == StaffPage::kClearConfirm;
    frame.title = confirming ? "Are you sure? This cannot be undone." : "Clear this device";
    // What goes and what stays, in numbers: the two stores must never be confused.
    const std::string removes = "This removes " + ResponsesText(overview.station_responses) + " from this station.";
    const std::string leaves =
        overview.imported_responses > 0
            ? "It leaves " + CountText(overview.imported_responses) + " imported " +
                  (overview.imported_responses == 1 ? "response" : "responses") + ", which only the officer can clear."
            : std::string("There are no imported responses on this device.");
    frame.announcement = frame.title + ". " + removes + " " + leaves;
    BeginColumn(kStaffColumnEm);
    Heading(frame, frame.title);
    Paragraph(removes);
    Paragraph(leaves, overview.imported_responses == 0);
    const bool unexported = overview.not_exported > 0;
    AcceptLossOfUnexported(frame, overview.not_exported, accept_loss_);
    const TwoStepClear steps{"clear", "Clear this station's responses",
                             "Yes, clear " + ResponsesText(overview.station_responses), StaffPage::kClearConfirm,
                             StaffPage::kHome};
    if (TwoStepClearButtons(frame, host_, steps, confirming, !unexported || accept_loss_)) host_.ClearDevice();
    if (host_.Page() != StaffPage::kClear && host_.Page() != StaffPage::kClearConfirm) accept_loss_ = false;
    EndColumn();
}

}  // namespace yousaid::ui
