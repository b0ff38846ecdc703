#include "ui/comments_view.h"

#include <imgui.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "core/analytics/display_text.h"
#include "ui/figure_table.h"
#include "ui/staff_host.h"
#include "ui/staff_widgets.h"
#include "ui/widgets.h"
#include "ui/workspace_screen.h"

namespace yousaid::ui {

namespace {

// Comments listed at a time: each is a few controls, and a list of hundreds would be laid
// out and published every frame.
constexpr std::size_t kCommentsPerPage = 25;
constexpr int kMaxThemeLength = 60;

using Options = std::vector<std::pair<std::string, std::string>>;

// "Any" first, then each value ("(none)" for responses without one).
Options FilterOptions(const std::vector<std::string>& values) {
    Options options{{"", "Any"}};
    for (const std::string& value : values) {
        options.emplace_back(value.empty() ? kNoValueGroup : value, value.empty() ? kNoValueGroup : value);
    }
    return options;
}

// One filter as a row of tiles; true when the choice changed `value`.
bool FilterGroup(TileFlow& flow, const std::string& label, const std::string& group,
                 const std::vector<std::string>& values, std::string& value) {
    const Options options = FilterOptions(values);
    const int chosen = flow.Group(label, group, options, value);
    if (chosen < 0 || options[static_cast<std::size_t>(chosen)].first == value) return false;
    value = options[static_cast<std::size_t>(chosen)].first;
    return true;
}

// True when the officer changed a filter: the list is another list.
bool DrawFilters(FrameContext& frame, WorkspaceHost& host, const CommentsShown& shown) {
    CommentChoices choices = host.CommentFilter();
    bool changed = false;
    TileFlow flow(frame);
    if (shown.questions.size() > 1) {
        const int question = flow.Group("Question", "comment_question", shown.questions, shown.question);
        if (question >= 0) {
            choices.question = shown.questions[static_cast<std::size_t>(question)].first;
            changed = true;
        }
    }
    changed |= FilterGroup(flow, "Wave", "comment_wave", shown.waves, choices.wave);
    changed |= FilterGroup(flow, "Station", "comment_station", shown.stations, choices.station);
    changed |= FilterGroup(flow, "Event", "comment_event", shown.events, choices.event);
    changed |= TextField(frame, "comment_search", "Search the comments", choices.search, 100);
    if (changed) host.SetCommentFilter(choices);
    return changed;
}

// Buttons side by side, on to the next line when the column is full.
class ButtonFlow {
public:
    explicit ButtonFlow(float indent) : left_(ImGui::GetCursorPosX() + indent), right_(left_ - indent + ColumnWidth()) {
        ImGui::SetCursorPosX(left_);
    }
    bool Button(FrameContext& frame, const std::string& id, const std::string& label, const std::string& spoken,
                ButtonKind kind = ButtonKind::Secondary) {
        const float width = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFontSize() * 2.0f;
        if (end_ > 0.0f && end_ + ImGui::GetStyle().ItemSpacing.x + width <= right_) {
            ImGui::SameLine();
        } else if (end_ > 0.0f) {
            ImGui::SetCursorPosX(left_);
        }
        const bool pressed = BigButton(frame, id, label, kind, true, width, spoken);
        end_ = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX();
        return pressed;
    }

private:
    float left_;
    float right_;
    float end_ = 0.0f;
};

// The themes the comment could be given: a new one typed, or one already named.
void DrawThemeChooser(FrameContext& frame, WorkspaceHost& host, CommentsViewState& state, std::size_t index,
                      const CommentLine& comment) {
    const std::string id = std::to_string(index);
    TextField(frame, "new_theme", "A new theme for this comment", state.new_theme, kMaxThemeLength);
    ButtonFlow buttons(0.0f);
    if (buttons.Button(frame, "add_new_theme", "Add this theme", "Add the theme typed", ButtonKind::Primary) &&
        !state.new_theme.empty()) {
        host.AddCommentTheme(index, state.new_theme);
        state.new_theme.clear();
        state.adding_to = SIZE_MAX;
    }
    for (const std::string& theme : host.Comments().themes) {
        if (std::find(comment.themes.begin(), comment.themes.end(), theme) != comment.themes.end()) continue;
        if (buttons.Button(frame, "add_theme:" + id + ":" + theme, "+ " + theme, "Add the theme " + theme)) {
            host.AddCommentTheme(index, theme);
            state.adding_to = SIZE_MAX;
        }
    }
    if (buttons.Button(frame, "cancel_theme", "Cancel", "Add no theme")) state.adding_to = SIZE_MAX;
}

void DrawComment(FrameContext& frame, WorkspaceHost& host, CommentsViewState& state, std::size_t index,
                 const CommentLine& comment) {
    const std::string id = std::to_string(index);
    ImGui::Separator();
    Paragraph(comment.text);
    Paragraph(comment.about, true);
    ButtonFlow buttons(0.0f);
    for (const std::string& theme : comment.themes) {
        // The theme's name, and a cross that takes it off the comment.
        if (buttons.Button(frame, "remove_theme:" + id + ":" + theme, theme + "  \xC3\x97",
                           "Theme " + theme + ": remove it from this comment")) {
            host.RemoveCommentTheme(index, theme);
        }
    }
    if (!host.Comments().can_tag || state.adding_to == index) {
        if (state.adding_to == index) DrawThemeChooser(frame, host, state, index, comment);
        return;
    }
    if (buttons.Button(frame, "tag_comment:" + id, "Add a theme", "Add a theme to this comment")) {
        state.adding_to = index;
        state.new_theme.clear();
    }
}

// Comments to the question shown carrying each theme: everyone, then each group of the
// breakdown on screen, in the wave on screen. Hidden cells read as they do in every table.
void DrawThemeCounts(FrameContext& frame, const AnalyticsReport& report, const WorkspaceChoices& choices,
                     const CommentsShown& shown) {
    const std::string& question = shown.question;
    const std::optional<std::uint32_t> chosen_wave = report.FindWave(choices.reported_wave);
    const std::uint32_t wave = chosen_wave ? *chosen_wave : static_cast<std::uint32_t>(report.waves.size() - 1);
    const auto breakdown = static_cast<std::uint32_t>(std::min(choices.shown_breakdown, report.breakdowns.size() - 1));
    Heading(frame, "Themes: wave " + report.waves[wave] +
                       (breakdown == 0 ? std::string() : ", by " + report.breakdowns[breakdown].dimension));
    // (item, breakdown, group) for everyone and each group shown.
    std::vector<const CommentThemeRow*> rows;
    for (const CommentThemeRow& row : report.comment_themes) {
        if (row.wave == wave && (row.breakdown == 0 || row.breakdown == breakdown) &&
            report.comment_theme_items[row.item].question == question) {
            rows.push_back(&row);
        }
    }
    if (rows.empty()) {
        Paragraph(shown.can_tag ? "No comment has a theme yet. Add themes to the comments below and their counts appear here."
                                : "No theme counts while the themes file cannot be read (below).");
        return;
    }
    const auto group_name = [&](const CommentThemeRow& row) {
        return row.breakdown == 0 ? std::string("Everyone") : report.breakdowns[row.breakdown].groups[row.group];
    };
    const auto count_text = [](const CommentThemeRow& row) {
        return row.suppressed ? std::string(kHiddenFigureText) : CountText(static_cast<std::uint64_t>(row.comments));
    };
    FigureRows table;
    table.count = rows.size();
    table.cell = [&](std::size_t row, std::size_t column) -> std::string {
        const CommentThemeRow& counted = *rows[row];
        if (column == 0) return report.comment_theme_items[counted.item].theme;
        if (column == 1) return group_name(counted);
        return count_text(counted);
    };
    table.spoken = [&](std::size_t row) {
        const CommentThemeRow& counted = *rows[row];
        return report.comment_theme_items[counted.item].theme + ", " + group_name(counted) + ": " + count_text(counted) +
               (counted.suppressed ? "." : " comments.");
    };
    FigureTable(frame, "comment_themes", {{"Theme", 3}, {"Group", 3}, {"Comments", 2}}, table);
}

}  // namespace

void DrawCommentsView(FrameContext& frame, WorkspaceHost& host, CommentsViewState& state, const OfficerReport& officer,
                      const std::function<void()>& after_counts) {
    const CommentsShown& shown = host.Comments();
    DrawThemeCounts(frame, officer.report, host.Choices(), shown);
    if (after_counts) after_counts();
    Heading(frame, "Comments");
    StaffWarning(frame, "Comments may identify someone. Read them here, and do not copy them into reports, emails "
                        "or notes. Only the theme counts above leave this page.");
    for (const Problem& problem : shown.problems) StaffWarning(frame, problem.ToString());
    if (shown.questions.empty()) {
        Paragraph("This survey has no free-text questions.");
        return;
    }
    if (DrawFilters(frame, host, shown)) {
        state.shown = 0;
        state.adding_to = SIZE_MAX;
    }
    const std::size_t listed = std::min(shown.comments.size(), std::max(state.shown, kCommentsPerPage));
    BoldParagraph(frame, shown.comments.empty() ? "No comments match."
                         : CountText(shown.comments.size()) + (shown.comments.size() == 1 ? " comment" : " comments") +
                               ", newest first" +
                               (listed < shown.comments.size() ? "; the first " + CountText(listed) + " shown" : "") +
                               ".");
    for (std::size_t index = 0; index < listed; ++index) DrawComment(frame, host, state, index, shown.comments[index]);
    if (listed < shown.comments.size() &&
        BigButton(frame, "more_comments", "Show " + CountText(std::min(kCommentsPerPage, shown.comments.size() - listed)) +
                                              " more", ButtonKind::Secondary)) {
        state.shown = listed + kCommentsPerPage;
    }
}

}  // namespace yousaid::ui
