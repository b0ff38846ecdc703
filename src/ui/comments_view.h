#pragma once
// The workspace's Comments view: one free-text question's comments, searched and filtered by
// wave, station and event, newest first, each with the officer's themes (add one, new or
// already named; remove one); and how many comments carry each theme, per wave and group,
// hidden where the numbers are small, as every table is.
//
// No filter by demographic group: writers in small groups are easy to identify, and the
// comments of the groups shown would give away a hidden group's by difference.
#include <cstddef>
#include <functional>
#include <string>

#include "core/analytics/report_request.h"
#include "ui/frame_context.h"
#include "ui/workspace_host.h"

namespace yousaid::ui {

// What the view remembers between frames.
struct CommentsViewState {
    std::size_t shown = 0;            // comments listed so far ("Show more" adds a page)
    std::size_t adding_to = SIZE_MAX;  // the comment whose theme is being chosen
    std::string new_theme;            // typed for it
    std::string search;               // as typed, before it is applied
};

// `after_counts` draws beneath the theme counts (the buttons that start an action from a theme).
void DrawCommentsView(FrameContext& frame, WorkspaceHost& host, CommentsViewState& state, const OfficerReport& officer,
                      const std::function<void()>& after_counts = {});

}  // namespace yousaid::ui
