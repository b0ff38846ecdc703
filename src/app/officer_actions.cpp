#include "app/officer_actions.h"

#include <filesystem>

#include "core/actions/action_report.h"
#include "core/base/file_io.h"
#include "core/station/settings_file.h"
#include "platform/file_exchange.h"
#include "platform/platform.h"

namespace yousaid::app {

namespace {

constexpr std::uint64_t kMaxActionFileBytes = 16u * 1024u * 1024u;

}  // namespace

void OfficerActions::Load() {
    list_ = ActionList{};
    notice_ = {};
    readable_ = true;
    std::error_code error;
    if (!std::filesystem::exists(path_, error)) return;
    const FileReadResult file = ReadWholeFile(path_, kMaxActionFileBytes);
    const std::string name = std::filesystem::path(path_).filename().string();
    Result<ActionList> read = file.outcome == FileReadOutcome::kRead
                                  ? ParseActionListJson(file.bytes, name)
                                  : Result<ActionList>::Failure(name + ": " + (file.error.empty() ? "could not be read" : file.error));
    if (!read.ok()) {
        // Kept as it is (one from a newer Yousaid stays readable there) until the officer acts.
        readable_ = false;
        notice_.problems = read.problems;
        notice_.problems.push_back(Problem::Saying("The action list kept on this device was not read; nothing in it is changed."));
        return;
    }
    list_ = std::move(*read.value);
}

void OfficerActions::Keep() {
    context_.changed();
    if (!readable_) {
        notice_.problems = {Problem::Saying("The action list kept on this device could not be read, so it is not "
                                            "overwritten. Download a backup of it from a device that reads it.")};
        return;
    }
    const Status saved = ReplaceSettingsFile(path_, ActionListJson(list_));
    if (!saved.ok()) {
        notice_.problems = {Problem::Saying("The action list was not kept on this device: " + saved.Message())};
    } else {
        services_.sync();
    }
}

std::string OfficerActions::AddAction(const ActionFinding& finding) {
    notice_ = {};
    const OfficerReport* report = context_.report();
    if (finding.kind != FindingKind::kNone) {
        const Status linkable = report != nullptr ? CheckFindingLinkable(finding, *report)
                                                  : Status::Failure("There are no figures to link to.");
        if (!linkable.ok()) {
            notice_.problems = linkable.problems;
            return {};
        }
    }
    ActionItem item;
    item.survey_id = context_.survey_id();
    item.finding = finding;
    item.station_surveys = {item.survey_id};
    const std::string id = list_.Add(std::move(item), platform::FillSecureRandom, services_.now_ms());
    notice_.message = "Added an item. Write what they said, and what you will do.";
    Keep();
    return id;
}

void OfficerActions::EditAction(const ActionItem& item) {
    notice_ = {};
    if (!list_.Edit(item, services_.now_ms())) return;
    notice_.message = "Saved.";
    Keep();
}

void OfficerActions::MoveAction(const std::string& id, int step) {
    notice_ = {};
    if (list_.Move(id, step, services_.now_ms())) Keep();
}

void OfficerActions::SetActionTarget(double percent) {
    notice_ = {};
    list_.SetTargetPercent(percent);
    Keep();
}

void OfficerActions::DownloadActionBackup() {
    const std::string bytes = ActionListJson(list_);
    const platform::DownloadOutcome outcome = platform::OfferDownload(kActionListFileName, bytes, "application/json");
    notice_ = {};
    notice_.message = outcome == platform::DownloadOutcome::kUnavailable
                          ? "This browser cannot save files. Try another browser."
                          : "Saved " + std::string(kActionListFileName) + " (" + std::to_string(list_.Items().size()) +
                                " items). Another officer can load it on their device.";
}

void OfficerActions::MergeBackup(const std::string& name, const std::string& bytes) {
    notice_ = {};
    const Result<ActionList> read = ParseActionListJson(bytes, name);
    if (!read.ok()) {
        notice_.problems = read.problems;
        notice_.problems.push_back(Problem::Saying("Nothing was loaded; the list on this device is as it was."));
        return;
    }
    const ActionMergeReport merged = MergeActionLists(list_, *read.value);
    notice_.message = "Loaded " + name + ": " + merged.Summary();
    for (const ActionConflict& conflict : merged.conflicts) {
        notice_.conflicts.push_back("\"" + conflict.you_said + "\" was changed on both devices; kept the newer edit (" +
                                    (conflict.kept_incoming ? "from the file, " + EditTimeText(conflict.incoming_edited_at_ms)
                                                            : "on this device, " + EditTimeText(conflict.held_edited_at_ms)) +
                                    ").");
    }
    Keep();
}

}  // namespace yousaid::app
