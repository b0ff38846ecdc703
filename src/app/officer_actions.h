#pragma once
// The officer's "You said, we did" list on this device: read when the device's storage is
// ready, written (in one step) after every change, and merged with a backup file another
// officer saved. A file that cannot be read, or is from a newer Yousaid, changes nothing held.
#include <cstdint>
#include <functional>
#include <string>

#include "core/actions/action_list.h"
#include "core/analytics/report_request.h"
#include "app/workspace_feature.h"
#include "ui/actions_host.h"

namespace yousaid::app {

class OfficerActions : public ui::ActionsHost {
public:
    struct Context {
        std::function<const OfficerReport*()> report;    // the report shown, or nullptr
        std::function<std::string()> survey_id;          // the survey shown
        std::function<void()> changed;                   // the list changed: KPI row and downloads
    };
    OfficerActions(std::string path, const WorkspaceServices& services, Context context)
        : path_(std::move(path)), services_(services), context_(std::move(context)) {}

    // Reads the list kept on the device (none yet: an empty list).
    void Load();
    // A backup file chosen in the picker: merged in, with the conflicts listed.
    void MergeBackup(const std::string& name, const std::string& bytes);

    // ui::ActionsHost
    const ActionList& ActionItems() const override { return list_; }
    std::string AddAction(const ActionFinding& finding) override;
    void EditAction(const ActionItem& item) override;
    void MoveAction(const std::string& id, int step) override;
    void SetActionTarget(double percent) override;
    void DownloadActionBackup() override;
    void ChooseActionBackup() override { services_.pick_side_file(SideFileKind::kActions); }
    const ui::ActionsNotice& Notice() const override { return notice_; }

private:
    // Writes the list; on failure the notice says so and the list stays as it is in memory.
    void Keep();

    std::string path_;
    const WorkspaceServices& services_;
    Context context_;
    ActionList list_;
    bool readable_ = true;  // false: the kept file could not be read, and is not overwritten unasked
    ui::ActionsNotice notice_;
};

}  // namespace yousaid::app
