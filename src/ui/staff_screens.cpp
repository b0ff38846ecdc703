// The volunteer's screens: the station's live view, setup and clearing its responses.
#include "ui/staff_screens.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "core/responses/response.h"
#include "ui/sealing_keys_view.h"
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

namespace {

// "Our pupil survey" (the survey respondents are answering), or what the station is missing.
std::string ActiveSurveyTitle(const StaffHost& host, const std::string& survey_id) {
    const auto found = host.Surveys().find(survey_id);
    if (found != host.Surveys().end()) return found->second.title.English();
    return survey_id.empty() ? std::string("none chosen yet") : survey_id;
}

// "Local Offer fayre, 14/03/2026, Town Hall. Wave 2026."
std::string EventLine(const StationConfig& config) {
    std::string where = config.event_name.empty() ? std::string("no event set") : config.event_name;
    if (const auto date = CalendarDate::FromIso(config.event_date)) where += ", " + date->ToUk();
    if (!config.place.empty()) where += ", " + config.place;
    return where + ". Wave " + config.wave + ".";
}

// The active survey's counts in figures read from a metre away: today and the total, then
// how they ended. Surveys this station ran before are a line each below.
void LiveFigures(const FrameContext& frame, const StationOverview& overview) {
    SurveyTally active;
    for (const SurveyTally& tally : overview.surveys) {
        if (tally.survey_id == overview.active_survey_id) active = tally;
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ColumnWidth() - spacing) * 0.5f;
    const float third = (ColumnWidth() - 2 * spacing) / 3.0f;
    FigureTile(frame, active.today, "today", half);
    ImGui::SameLine();
    FigureTile(frame, active.total, "in total", half);
    FigureTile(frame, active.complete, "complete", third);
    ImGui::SameLine();
    FigureTile(frame, active.partial, "partial", third);
    ImGui::SameLine();
    FigureTile(frame, active.refused, "said no", third);
    for (const SurveyTally& tally : overview.surveys) {
        if (tally.survey_id == overview.active_survey_id) continue;
        Paragraph("Also on this device, " + tally.survey_title + ": " + std::to_string(tally.total) + " in total (" +
                      std::to_string(tally.complete) + " complete, " + std::to_string(tally.partial) + " partial, " +
                      std::to_string(tally.refused) + " said no).", true);
    }
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
    BoldParagraph(frame, "Survey: " + ActiveSurveyTitle(host_, overview.active_survey_id));
    BoldParagraph(frame, "Event: " + EventLine(config));
    StaffNotice(frame, host_);
    for (const std::string& warning : overview.warnings) StaffWarning(frame, warning);
    if (!host_.HasWorkspace()) DrawSealingKeys(frame, host_);
    LiveFigures(frame, overview);
    Paragraph(overview.last_response_time.empty() ? std::string("No response yet today.")
                                                  : "Last response at " + overview.last_response_time + ".");
    SaveStatusParagraph(overview);
    Paragraph(ResponsesText(overview.not_exported) + " not yet exported.");
    if (overview.storage_used_bytes >= 0 && overview.storage_available_bytes >= 0) {
        Paragraph("Storage: " + Megabytes(overview.storage_used_bytes) + " used, " +
                  Megabytes(overview.storage_available_bytes) + " available.", true);
    }
    ImGui::Separator();
    DrawButtons(frame, overview);
    EndColumn();
}

void StaffHomeScreen::DrawButtons(FrameContext& frame, const StationOverview& overview) {
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
    if (BigButton(frame, "leave_staff", "Back to the survey", ButtonKind::Primary)) host_.LeaveStaffArea();
    // Apart from the others, in the danger colour, saying what goes.
    VerticalGap(0.6f);
    if (BigButton(frame, "clear_device", "Delete this station's " + ResponsesText(overview.station_responses),
                  ButtonKind::Danger)) {
        host_.GoTo(StaffPage::kClear);
    }
}

void StationSetupScreen::DrawContent(FrameContext& frame) {
    StationConfig& config = host_.DraftConfig();
    frame.title = "Station setup";
    frame.announcement = frame.title;
    for (const Problem& problem : problems_) frame.announcement += ". " + problem.message;
    BeginColumn(kStaffColumnEm);
    Heading(frame, frame.title);
    Paragraph("Given a station pack by your officer? It sets up the survey, these settings and the \"You said, "
              "we did\" cards in one step.");
    if (BigButton(frame, "load_pack", "Load a station pack", ButtonKind::Secondary)) host_.ChooseStationPack();
    // The keys come with the pack: their words show here, where the volunteer reads them back.
    if (!host_.HasWorkspace()) DrawSealingKeys(frame, host_);
    // Problems that belong to no field on this screen (a file that could not be written).
    for (const Problem& problem : problems_) {
        if (!HasField(problem.field)) ShowProblem(frame, problem);
    }
    BoldParagraph(frame, "Survey");
    ProblemsFor(frame, "survey_id");
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
    Field(frame, "wave", "Wave (for example the year)", config.wave, 20);
    Field(frame, "event_name", "Event", config.event_name, 80);
    Field(frame, "event_date", "Event date (day/month/year, for example 14/03/2026)", config.event_date, 10);
    Paragraph("Or set the date with the buttons:", true);
    const auto today = CalendarDate::FromIso(host_.Today());
    DateStepper(frame, "event_date", config.event_date, today ? *today : CalendarDate{2026, 1, 1});
    Field(frame, "place", "Place", config.place, 80);
    Field(frame, "station_name", "Station name (used in export file names)", config.station_name, 40);
    DrawChoices(frame, config);

    scroll_to_problem_ = false;
    EndColumn();
}

bool StationSetupScreen::HasField(const std::string& field) {
    for (const char* shown : {"survey_id", "wave", "event_name", "event_date", "place", "station_name"}) {
        if (field == shown) return true;
    }
    return false;
}

void StationSetupScreen::Field(FrameContext& frame, const std::string& id, const std::string& label, std::string& value,
                               int max_length) {
    // The problem goes between the label and the box, as GOV.UK forms put it, so that the
    // volunteer reads what is wrong before retyping.
    const bool wrong = std::any_of(problems_.begin(), problems_.end(), [&](const Problem& problem) { return problem.field == id; });
    const ImVec2 top = ImGui::GetCursorScreenPos();
    if (!wrong) {
        TextField(frame, id, label, value, max_length);
        return;
    }
    BoldParagraph(frame, label);
    ProblemsFor(frame, id);
    const auto typed = frame.input.text_changes.find(id);
    if (typed != frame.input.text_changes.end()) value = typed->second;
    TextBox(frame, id, label, value, max_length, "Tap here to type", ImGui::GetFontSize() * 2.2f);
    // A bar down the side marks the whole field, not only its message.
    const float x = top.x - ImGui::GetFontSize() * 0.5f;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, top.y), ImVec2(x, ImGui::GetItemRectMax().y),
                                        ToU32(frame.theme.danger), ImGui::GetFontSize() * 0.25f);
}

void StationSetupScreen::ProblemsFor(FrameContext& frame, const std::string& field) {
    for (const Problem& problem : problems_) {
        if (problem.field == field) ShowProblem(frame, problem);
    }
}

void StationSetupScreen::ShowProblem(FrameContext& frame, const Problem& problem) {
    // The first problem comes into view after Save: the volunteer's keyboard may have left
    // the screen anywhere.
    if (scroll_to_problem_) {
        ImGui::SetScrollHereY(0.2f);
        scroll_to_problem_ = false;
    }
    FieldProblem(frame, problem.message);
}

void StationSetupScreen::DrawChoices(FrameContext& frame, StationConfig& config) {
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
}

void StationSetupScreen::DrawFooter(FrameContext& frame) {
    BeginColumn(kStaffColumnEm);
    const float half = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (BigButton(frame, "setup_cancel", "Back", ButtonKind::Secondary, true, half)) host_.GoTo(StaffPage::kHome);
    ImGui::SameLine();
    // A good save opens the live view (the app's call); problems stay here, each by its field.
    if (BigButton(frame, "setup_save", "Save", ButtonKind::Primary, true, half)) {
        problems_ = host_.SaveDraftConfig();
        scroll_to_problem_ = !problems_.empty();
    }
    EndColumn();
}

void ClearDeviceScreen::DrawContent(FrameContext& frame) {
    const StationOverview overview = host_.Overview();
    const bool confirming = host_.Page() == StaffPage::kClearConfirm;
    frame.title = confirming ? "Are you sure? This cannot be undone." : "Delete this station's responses";
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
    const TwoStepClear steps{"clear", "Delete " + ResponsesText(overview.station_responses) + " from this station",
                             "Yes, delete " + ResponsesText(overview.station_responses) + " for good",
                             StaffPage::kClearConfirm, StaffPage::kHome};
    if (TwoStepClearButtons(frame, host_, steps, confirming, !unexported || accept_loss_)) host_.ClearDevice();
    if (host_.Page() != StaffPage::kClear && host_.Page() != StaffPage::kClearConfirm) accept_loss_ = false;
    EndColumn();
}

}  // namespace yousaid::ui
