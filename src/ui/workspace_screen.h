#pragma once
// The officer's workspace: the figures of the officer store, on this device. Tabs for the
// overview, return rates, satisfaction against the baseline, means, targets, downloads and
// the data and settings; each view draws from the report the host tabulated.
#include <string>
#include <utility>
#include <vector>

#include "ui/comments_view.h"
#include "ui/actions_view.h"
#include "ui/keys_view.h"
#include "ui/screen.h"
#include "ui/workspace_host.h"

namespace yousaid::ui {

// Choices laid out in a flowing row: a group's label, then its tiles sized to their words;
// a group goes on to the next line only when the column is full.
class TileFlow {
public:
    explicit TileFlow(FrameContext& frame);
    // The group's label and tiles; returns the index chosen this frame, or -1.
    int Group(const std::string& label, const std::string& group,
              const std::vector<std::pair<std::string, std::string>>& options, const std::string& current);
    // Before `width` pixels of other controls: on this row if they fit, else on the next.
    void Place(float width);
    // A label centred on the row's height; returns the row's top.
    float Label(const std::string& text);
    float LabelWidth(const std::string& text) const;

private:
    void Start(bool same_row);  // on the row so far, or on the next

    FrameContext& frame_;
    float width_;  // the column's
    float right_;
    float row_height_;
    float end_ = 0.0f;  // the right edge of the last thing placed; 0 before the first
};

class WorkspaceScreen : public Screen {
public:
    explicit WorkspaceScreen(WorkspaceHost& host) : host_(host), actions_view_(host), keys_view_(host.KeyControls()) {}
    const char* Name() const override { return "workspace"; }
    void DrawContent(FrameContext& frame) override;
    // A second row while sealed answers are being opened: their progress bar, in sight on any
    // tab (the officer unlocks at the foot of the Keys tab).
    int FooterRows() const override { return host_.Sealed().opening ? 2 : 1; }
    void DrawFooter(FrameContext& frame) override;
    std::string PartShown() const override;
    // The officer left the figures: whatever was typed in the Keys view is wiped.
    void WipeTyped() { keys_view_.Wipe(); }

private:
    void DrawScope(FrameContext& frame, const OfficerReport& report);
    void DrawOverview(FrameContext& frame, const OfficerReport& report);
    void DrawReturnRates(FrameContext& frame, const OfficerReport& report);
    void DrawSatisfaction(FrameContext& frame, const OfficerReport& report);
    void DrawSatisfactionControls(FrameContext& frame, const AnalyticsReport& report, TileFlow& flow);
    void DrawMeans(FrameContext& frame, const OfficerReport& report);
    void DrawTargets(FrameContext& frame, const OfficerReport& report);
    void DrawKpiOverride(FrameContext& frame, const std::vector<KpiResult>& kpis);
    void DrawDownloads(FrameContext& frame);
    void DrawData(FrameContext& frame);
    void DrawImportMore(FrameContext& frame);
    void DrawSettings(FrameContext& frame);

    WorkspaceHost& host_;
    std::string breakdown_text_;       // a breakdown being typed ("school,year_group")
    std::int64_t unconfirmed_min_cell_ = 0;  // a minimum below 5 waiting for confirmation
    StationPackForm pack_form_;  // the Downloads view's station pack
    std::string override_kpi_;   // the KPI whose status the officer is overriding
    std::string override_note_;
    WorkspaceView drawn_view_ = WorkspaceView::kOverview;  // the view of the last frame
    CommentsViewState comments_state_;
    ActionsView actions_view_;  // "You said, we did" (actions_view.h)
    KeysView keys_view_;        // the officer's keys (keys_view.h)
};

}  // namespace yousaid::ui
