#include "ui/actions_view.h"

#include <algorithm>

#include <imgui.h>

#include "core/actions/action_report.h"
#include "core/analytics/display_text.h"
#include "ui/staff_widgets.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

std::string TextOrEmpty(const TranslatableText& text, const std::string& language) {
    return text.Has(language) ? text.In(language) : std::string();
}

void SetOrClear(TranslatableText& text, const std::string& language, const std::string& words) {
    TranslatableText kept;
    for (const auto& [other, other_words] : text.ByLanguage()) {
        if (other != language) kept.Set(other, other_words);
    }
    if (!words.empty()) kept.Set(language, words);
    text = kept;
}

// What the item's figure says today: quoted afresh from the report, or why it is not.
std::string FigureLine(const ActionItem& item, const OfficerReport* report) {
    switch (item.finding.kind) {
        case FindingKind::kNone: return "Rests on no figure.";
        case FindingKind::kTheme: return "From the comments' theme \"" + item.finding.theme + "\" (comments are never quoted).";
        case FindingKind::kQuestion:
        case FindingKind::kChange: break;
    }
    const std::optional<std::string> quoted = report ? QuoteFinding(item.finding, *report) : std::nullopt;
    if (quoted) return "Figure now: " + *quoted;
    return "Figure not shown: it is hidden (small numbers) or no longer in these figures (" + item.finding.question + ").";
}

}  // namespace

void ActionsView::AddFrom(const ActionFinding& finding) {
    const std::string id = host_.Actions().AddAction(finding);
    if (const ActionItem* item = host_.Actions().ActionItems().Find(id)) StartEditing(*item);
    WorkspaceChoices choices = host_.Choices();
    choices.view = WorkspaceView::kActions;
    host_.SetChoices(choices);
}

void ActionsView::DrawFindingButtons(FrameContext& frame, const OfficerReport& officer, const ActionFinding& scope,
                                     const std::vector<std::size_t>& questions) {
    BoldParagraph(frame, "Add to \"You said, we did\" from a figure (hidden figures cannot be quoted)");
    const float third = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 3.0f;
    int placed = 0;
    for (const FindingKind kind : {FindingKind::kQuestion, FindingKind::kChange}) {
        for (const std::size_t question : questions) {
            ActionFinding finding = scope;
            finding.kind = kind;
            finding.question = officer.report.satisfaction_question_ids[question];
            const std::optional<std::string> quoted = QuoteFinding(finding, officer);
            if (!quoted) continue;
            const std::string figure = quoted->substr(0, quoted->find(':'));
            if (placed++ % 3 != 0) ImGui::SameLine();
            const std::string label = (kind == FindingKind::kChange ? "Change, " : "") + finding.question + ": " + figure;
            if (BigButton(frame, "action_from:" + std::string(FindingKindName(kind)) + ":" + finding.question, label,
                          ButtonKind::Secondary, true, third, "Add to You said, we did: " + *quoted)) {
                AddFrom(finding);
            }
        }
    }
}

void ActionsView::DrawThemeButtons(FrameContext& frame, const OfficerReport& officer, const std::string& question) {
    const AnalyticsReport& report = officer.report;
    if (report.waves.empty()) return;
    // The wave the theme counts above show: only a theme counted there, and not hidden, is offered.
    const std::optional<std::uint32_t> chosen = report.FindWave(host_.Choices().reported_wave);
    const std::uint32_t wave = chosen ? *chosen : static_cast<std::uint32_t>(report.waves.size() - 1);
    std::vector<std::string> themes;
    for (const CommentThemeRow& row : report.comment_themes) {
        const CommentThemeItem& item = report.comment_theme_items[row.item];
        if (row.wave != wave || row.breakdown != 0 || row.suppressed || row.comments <= 0 || item.question != question) {
            continue;
        }
        if (std::find(themes.begin(), themes.end(), item.theme) == themes.end()) themes.push_back(item.theme);
    }
    if (themes.empty()) return;
    BoldParagraph(frame, "Add to \"You said, we did\" from a theme (its name only: comments are never quoted)");
    const float third = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 3.0f;
    int placed = 0;
    for (const std::string& theme : themes) {
        if (placed++ % 3 != 0) ImGui::SameLine();
        if (BigButton(frame, "action_from:theme:" + theme, "Theme: " + theme, ButtonKind::Secondary, true, third,
                      "Add to You said, we did from the theme " + theme)) {
            ActionFinding finding;
            finding.kind = FindingKind::kTheme;
            finding.theme = theme;
            finding.question = question;
            AddFrom(finding);
        }
    }
}

void ActionsView::StartEditing(const ActionItem& item) {
    editing_id_ = item.id;
    draft_ = item;
    you_said_ = TextOrEmpty(item.you_said, language_);
    we_will_ = TextOrEmpty(item.we_will, language_);
    we_did_ = TextOrEmpty(item.we_did, language_);
    due_text_ = item.due ? item.due->ToUk() : std::string();
    due_problem_.clear();
}

void ActionsView::Draw(FrameContext& frame) {
    const Survey* survey = host_.CurrentSurvey();
    Heading(frame, "You said, we did");
    if (survey == nullptr) {
        Paragraph("Import responses first: each item answers a survey's findings.");
        return;
    }
    DrawSummary(frame, survey->id);
    const ActionsNotice& notice = host_.Actions().Notice();
    if (!notice.message.empty()) BoldParagraph(frame, notice.message);
    for (const Problem& problem : notice.problems) StaffWarning(frame, problem.ToString());
    for (const std::string& conflict : notice.conflicts) StaffWarning(frame, "Conflict: " + conflict);
    DrawFileButtons(frame);
    const std::vector<const ActionItem*> items = host_.Actions().ActionItems().ForSurvey(survey->id);
    if (items.empty()) {
        Paragraph("No items yet. Add one from nothing here, or from a figure on the Satisfaction view.");
    }
    for (std::size_t index = 0; index < items.size(); ++index) {
        ImGui::Separator();
        DrawItem(frame, *items[index], index, items.size());
        if (items[index]->id == editing_id_) DrawEditor(frame);
    }
}

// The KPI as the Targets view and kpis.csv give it, and its target.
void ActionsView::DrawSummary(FrameContext& frame, const std::string& survey_id) {
    const ActionList& list = host_.Actions().ActionItems();
    const ActionProgress progress = ProgressOf(list, survey_id);
    const KpiResult kpi = ActionKpi(list, survey_id);
    const std::string target = DisplayPercent(list.TargetPercent());
    BoldParagraph(frame, std::to_string(progress.done) + " of " + std::to_string(progress.Counted()) + " actions done (" +
                             (kpi.value ? DisplayPercent(*kpi.value) : std::string("none counted")) + "), not counting " +
                             std::to_string(progress.dropped) + " dropped. Target " + target + ": " +
                             KpiStatusName(kpi.status) + ".");
    Paragraph("This counts actions, not people, so no figure is hidden for small numbers.", true);
    std::vector<std::pair<std::string, std::string>> targets;
    for (const int percent : {50, 60, 70, 80, 90}) targets.emplace_back(std::to_string(percent), std::to_string(percent) + "%");
    const int chosen = TileRow(frame, "action_target", targets, std::to_string(static_cast<int>(list.TargetPercent())), 5);
    if (chosen >= 0) host_.Actions().SetActionTarget(std::stod(targets[static_cast<std::size_t>(chosen)].first));
}

void ActionsView::DrawFileButtons(FrameContext& frame) {
    const float third = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 3.0f;
    if (BigButton(frame, "action_add", "Add an item", ButtonKind::Primary, true, third)) AddFrom(ActionFinding{});
    ImGui::SameLine();
    if (BigButton(frame, "action_backup", "Download the backup file", ButtonKind::Secondary, true, third)) {
        host_.Actions().DownloadActionBackup();
    }
    ImGui::SameLine();
    if (BigButton(frame, "action_load", "Load a backup file", ButtonKind::Secondary, true, third)) {
        host_.Actions().ChooseActionBackup();
    }
    const OfficerReport* report = host_.Report();
    if (report == nullptr) return;
    int index = 0;
    for (const std::string& name : ActionFileNames(host_.Actions().ActionItems(), *report)) {
        if (index++ % 3 != 0) ImGui::SameLine();
        if (BigButton(frame, "download:" + name, "Download " + name, ButtonKind::Secondary, true, third)) host_.Download(name);
    }
    if (!host_.DownloadNotice().empty()) Paragraph(host_.DownloadNotice());
}

void ActionsView::DrawItem(FrameContext& frame, const ActionItem& item, std::size_t position, std::size_t count) {
    const std::string said = item.you_said.IsEmpty() ? std::string("(not written yet)") : item.you_said.English();
    BoldParagraph(frame, std::to_string(position + 1) + ". You said: " + said);
    Paragraph(FigureLine(item, host_.Report()));
    const TranslatableText& action = item.ActionText();
    Paragraph(std::string(item.status == ActionStatus::kDone ? "We did: " : "We will: ") +
              (action.IsEmpty() ? std::string("(not written yet)") : action.English()));
    Paragraph("Status: " + std::string(ActionStatusLabel(item.status)) + ". Owner: " +
                  (item.owner.empty() ? std::string("none") : item.owner) +
                  ". Due: " + (item.due ? item.due->InWords() : std::string("no date")) + "." +
                  (item.you_said.Has(kPolish) ? " In Polish too." : ""),
              true);
    const float quarter = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x * 2.0f) / 3.0f;
    const std::string name = "item " + std::to_string(position + 1);
    const bool open = item.id == editing_id_;
    if (BigButton(frame, "action_edit:" + std::to_string(position), open ? "Close" : "Edit", ButtonKind::Secondary, true,
                  quarter, (open ? "Close " : "Edit ") + name)) {
        if (open) editing_id_.clear();
        else StartEditing(item);
    }
    ImGui::SameLine();
    if (BigButton(frame, "action_up:" + std::to_string(position), "Move up", ButtonKind::Secondary, position > 0, quarter,
                  "Move " + name + " up")) {
        host_.Actions().MoveAction(item.id, -1);
    }
    ImGui::SameLine();
    if (BigButton(frame, "action_down:" + std::to_string(position), "Move down", ButtonKind::Secondary,
                  position + 1 < count, quarter, "Move " + name + " down")) {
        host_.Actions().MoveAction(item.id, +1);
    }
}

void ActionsView::DrawEditor(FrameContext& frame) {
    const std::vector<std::pair<std::string, std::string>> languages = {{kEnglish, "English"}, {kPolish, "Polski (for parents)"}};
    BoldParagraph(frame, "Language of the texts below");
    const int language = TileRow(frame, "action_language", languages, language_, 2);
    if (language >= 0) {
        SetOrClear(draft_.you_said, language_, you_said_);
        SetOrClear(draft_.we_will, language_, we_will_);
        SetOrClear(draft_.we_did, language_, we_did_);
        language_ = languages[static_cast<std::size_t>(language)].first;
        you_said_ = TextOrEmpty(draft_.you_said, language_);
        we_will_ = TextOrEmpty(draft_.we_will, language_);
        we_did_ = TextOrEmpty(draft_.we_did, language_);
    }
    TextField(frame, "action_you_said", "You said (plain words a 10-year-old can read)", you_said_, 300);
    TextField(frame, "action_we_will", "We will", we_will_, 300);
    TextField(frame, "action_we_did", "We did", we_did_, 300);
    TextField(frame, "action_owner", "Owner", draft_.owner, 120);
    TextField(frame, "action_due", "Due date (31/03/2027)", due_text_, 20);
    if (!due_problem_.empty()) FieldProblem(frame, due_problem_);
    TextField(frame, "action_evidence", "Evidence note", draft_.evidence, 300);
    std::vector<std::pair<std::string, std::string>> statuses;
    for (const ActionStatus status : kAllActionStatuses) statuses.emplace_back(ActionStatusName(status), ActionStatusLabel(status));
    BoldParagraph(frame, "Status");
    const int status = TileRow(frame, "action_status", statuses, ActionStatusName(draft_.status), 4);
    if (status >= 0) draft_.status = kAllActionStatuses[status];
    const bool on_tablets = !draft_.station_surveys.empty();
    if (ChoiceTile(frame, "action_on_tablets", "Show it on this survey's station tablets", on_tablets, ItemRole::Checkbox, {})) {
        draft_.station_surveys = on_tablets ? std::vector<std::string>{} : std::vector<std::string>{draft_.survey_id};
    }
    const float half = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (BigButton(frame, "action_save", "Save this item", ButtonKind::Primary, true, half)) {
        SetOrClear(draft_.you_said, language_, you_said_);
        SetOrClear(draft_.we_will, language_, we_will_);
        SetOrClear(draft_.we_did, language_, we_did_);
        draft_.due.reset();
        due_problem_.clear();
        if (!due_text_.empty()) {
            const Result<CalendarDate> due = ReadTypedDate(due_text_);
            if (!due.ok()) {
                due_problem_ = due.problems.front().message;
                return;
            }
            draft_.due = *due.value;
        }
        host_.Actions().EditAction(draft_);
        editing_id_.clear();
    }
    ImGui::SameLine();
    if (BigButton(frame, "action_cancel", "Cancel", ButtonKind::Secondary, true, half)) editing_id_.clear();
}

}  // namespace yousaid::ui
