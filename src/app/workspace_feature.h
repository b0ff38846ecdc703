#pragma once
// The officer's workspace as the rest of the app sees it. Only the officer's page
// (officer.html) links the workspace, and with it the statistics engine; the station
// tablet's app links src/app/without_workspace.cpp instead, so a tablet never downloads
// officer code. MakeWorkspaceFeature is defined once in each of the two.
#include <functional>
#include <map>
#include <memory>
#include <string>

#include <cstdint>
#include <optional>
#include <vector>

#include "platform/file_exchange.h"
#include "core/survey/survey.h"
#include "ui/screen.h"
#include "ui/staff_host.h"

namespace yousaid::app {

// What the file picker was opened for, so the files chosen go to the right place.
// kActions: an action list backup; kOfficerKey: a private key file to unlock.
enum class SideFileKind { kPopulation, kKpis, kActions, kOfficerKey };

struct WorkspaceServices {
    std::function<void(SideFileKind)> pick_side_file;  // opens the file picker
    std::function<void()> pick_response_files;         // opens it for files to import
    std::function<const ui::ImportBatchView&()> import_batch;  // the import under way or just made
    std::function<void()> sync;                         // makes written files durable
    std::function<void()> leave;                        // back to the officer's home
    std::function<std::int64_t()> now_ms;
    // The survey file a survey was loaded from, as report.html lists it: name and SHA-256.
    std::function<std::pair<std::string, std::string>(const std::string& survey_id)> survey_file;
    // The survey file's text, as a station pack carries it; empty when unknown.
    std::function<std::string(const std::string& survey_id)> survey_text;
};

class WorkspaceFeature {
public:
    virtual ~WorkspaceFeature() = default;
    // The device's storage is ready, or the known surveys changed: (re)opens the officer
    // store, moving an officer.yslog of an earlier version into it.
    virtual void OpenStore() = 0;
    virtual std::uint64_t ImportedCount() const = 0;
    // Response files chosen for import: read a slice at a time by TickImport, so that the
    // page stays responsive through 100,000 responses.
    virtual void QueueImport(std::vector<platform::PickedFile> files) = 0;
    // Import work until `deadline_ms` (NowMs) or the queue is empty; each file finished goes
    // to `finished`, as the import screen says it. True when anything changed.
    virtual bool TickImport(std::int64_t deadline_ms, std::vector<ui::ImportedFileOutcome>& finished) = 0;
    virtual std::optional<ui::ImportProgress> ImportProgress() const = 0;
    // What the store holds, by survey and wave: "Pupil survey, wave 2025: 412 complete, ...".
    virtual std::vector<std::string> Holdings() const = 0;
    // Removes the officer store and the officer's files of every survey.
    virtual void ClearStore() = 0;
    // Tabulates when the data, a file or a setting changed since the last time; true when it did.
    virtual bool Refresh() = 0;
    // A population or KPI file chosen in the picker: kept on the device when it reads
    // cleanly against the survey, otherwise refused with every problem listed.
    virtual void AcceptSideFile(SideFileKind kind, const std::string& name, const std::string& bytes) = 0;
    virtual ui::Screen& Screen() = 0;
    // The officer left the figures (another page, the idle timeout, signing out): every
    // unlocked key, and every passphrase typed, is wiped.
    virtual void Left() = 0;
    // The figures open at their Keys view next.
    virtual void ShowKeys() = 0;
};

// Where the officer's things live in the device's data folder.
struct OfficerPaths {
    std::string store;        // the officer store's segments
    std::string legacy_log;   // officer.yslog of an earlier version
    std::string side_files;   // population, KPI, override and settings files, by survey
    std::string actions;      // the "You said, we did" list, of every survey
};
OfficerPaths OfficerPathsIn(const std::string& data_dir);

// The workspace on the officer's page; nullptr in the station tablet's app.
std::unique_ptr<WorkspaceFeature> MakeWorkspaceFeature(const std::map<std::string, Survey>& surveys,
                                                       OfficerPaths paths, WorkspaceServices services);

}  // namespace yousaid::app
