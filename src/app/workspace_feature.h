#pragma once
// The officer's workspace as the rest of the app sees it. Only the officer's page
// (officer.html) links the workspace, and with it the statistics engine; the station
// tablet's app links src/app/without_workspace.cpp instead, so a tablet never downloads
// officer code. MakeWorkspaceFeature is defined once in each of the two.
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "core/storage/response_store.h"
#include "core/survey/survey.h"
#include "ui/screen.h"

namespace yousaid::app {

// What the file picker was opened for, so the files chosen go to the right place.
enum class SideFileKind { kPopulation, kKpis };

struct WorkspaceServices {
    std::function<void(SideFileKind)> pick_side_file;  // opens the file picker
    std::function<void()> sync;                         // makes written files durable
    std::function<void()> leave;                        // back to the officer's home
};

class WorkspaceFeature {
public:
    virtual ~WorkspaceFeature() = default;
    // The officer store changed (an import, a clear): the next Refresh encodes it again.
    virtual void NoteStoreChanged() = 0;
    // Tabulates when the data, a file or a setting changed since the last time; true when it did.
    virtual bool Refresh() = 0;
    // A population or KPI file chosen in the picker: kept on the device when it reads
    // cleanly against the survey, otherwise refused with every problem listed.
    virtual void AcceptSideFile(SideFileKind kind, const std::string& name, const std::string& bytes) = 0;
    // Removes the population and KPI files of every survey (clearing the officer store).
    virtual void ForgetSideFiles() = 0;
    virtual ui::Screen& Screen() = 0;
};

// The workspace on the officer's page; nullptr in the station tablet's app.
std::unique_ptr<WorkspaceFeature> MakeWorkspaceFeature(const std::map<std::string, Survey>& surveys,
                                                       const ResponseStore& store, std::string folder,
                                                       WorkspaceServices services);

}  // namespace yousaid::app
