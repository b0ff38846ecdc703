#pragma once
// The workspace's "You said, we did" view: the action list of the survey shown, in order,
// with its KPI, an editor for one item at a time (English and Polish), moving items up and
// down, the backup file's download and load (with conflicts listed), and the action CSV and
// posters. State in, intents out: the host keeps the list, checks links and writes files.
#include <string>
#include <utility>
#include <vector>

#include "core/actions/action_list.h"
#include "ui/screen.h"
#include "ui/workspace_host.h"

namespace yousaid::ui {

class ActionsView {
public:
    explicit ActionsView(WorkspaceHost& host) : host_(host) {}
    void Draw(FrameContext& frame);
    // A finding's "add to You said, we did" button, for the satisfaction view: adds the item
    // and opens it here, in the editor.
    void AddFrom(const ActionFinding& finding);
    // Below the satisfaction table: a button per question whose figure (and, with a baseline,
    // whose change) is published for this wave and group; hidden figures get none.
    // "Add to You said, we did" for each theme of `question`'s comments with a published count
    // (its name only: a comment's words are never quoted).
    void DrawThemeButtons(FrameContext& frame, const OfficerReport& officer, const std::string& question);
    void DrawFindingButtons(FrameContext& frame, const OfficerReport& officer, const ActionFinding& scope,
                            const std::vector<std::size_t>& questions);

private:
    void DrawSummary(FrameContext& frame, const std::string& survey_id);
    void DrawFileButtons(FrameContext& frame);
    void DrawItem(FrameContext& frame, const ActionItem& item, std::size_t position, std::size_t count);
    void DrawEditor(FrameContext& frame);
    void StartEditing(const ActionItem& item);

    WorkspaceHost& host_;
    std::string editing_id_;  // the item open in the editor; empty for none
    ActionItem draft_;
    std::string language_ = "en";
    // The draft's texts in the language shown, and the due date as typed.
    std::string you_said_;
    std::string we_will_;
    std::string we_did_;
    std::string due_text_;
    std::string due_problem_;
};

}  // namespace yousaid::ui
