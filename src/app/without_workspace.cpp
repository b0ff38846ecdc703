// The station tablet's app: no officer workspace, so none of the statistics engine is
// linked into what a tablet downloads (see workspace_feature.h).
#include "app/workspace_feature.h"

namespace yousaid::app {

std::unique_ptr<WorkspaceFeature> MakeWorkspaceFeature(const std::map<std::string, Survey>&, OfficerPaths,
                                                       WorkspaceServices) {
    return nullptr;
}

}  // namespace yousaid::app
