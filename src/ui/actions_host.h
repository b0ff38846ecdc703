#pragma once
// What the "You said, we did" view (actions_view.h) needs from the app: the action list kept
// on the device, the edits it asks for, and the backup file's download and load, with what
// the last load or refusal said.
#include <string>
#include <vector>

#include "core/actions/action_list.h"
#include "core/base/problem.h"

namespace yousaid::ui {

struct ActionsNotice {
    std::string message;                // "Loaded backup.json: 1 added, ..." or "Saved ..."
    std::vector<Problem> problems;      // a refused file or link, or a list not kept
    std::vector<std::string> conflicts;  // one line per item edited on both devices
};

class ActionsHost {
public:
    virtual ~ActionsHost() = default;
    virtual const ActionList& ActionItems() const = 0;
    // Adds an item for the survey shown, resting on `finding` (kNone: on nothing). A finding
    // that is hidden or not in the report is refused, as the notice says. The new id, or "".
    virtual std::string AddAction(const ActionFinding& finding) = 0;
    virtual void EditAction(const ActionItem& item) = 0;
    virtual void MoveAction(const std::string& id, int step) = 0;
    virtual void SetActionTarget(double percent) = 0;
    virtual void DownloadActionBackup() = 0;
    virtual void ChooseActionBackup() = 0;  // opens the file picker; the file merges in
    virtual const ActionsNotice& Notice() const = 0;
};

}  // namespace yousaid::ui
