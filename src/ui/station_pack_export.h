#pragma once
// The officer's "Station pack" block on the workspace's Downloads view: the current survey,
// the settings tablets start with, and the "You said, we did" cards chosen for that survey's
// tablets, in one file for a volunteer to load.
#include "ui/frame_context.h"
#include "ui/workspace_host.h"

namespace yousaid::ui {

void DrawStationPackExport(FrameContext& frame, WorkspaceHost& host, StationPackForm& form);

}  // namespace yousaid::ui
