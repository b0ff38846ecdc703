#pragma once
// The officer's workspace: the figures of the officer store, on this device. Tabs for the
// overview, return rates, satisfaction against the baseline, means, targets, downloads and
// the data and settings; each view draws from the report the host tabulated.
#include "ui/screen.h"
#include "ui/workspace_host.h"

namespace yousaid::ui {

class WorkspaceScreen : public Screen {
public:
    explicit WorkspaceScreen(WorkspaceHost& host) : host_(host) {}
    const char* Name() const override { return "workspace"; }
    void DrawContent(FrameContext& frame) override;
    int FooterRows() const override { return 1; }
    void DrawFooter(FrameContext& frame) override;
    std::string PartShown() const override;

private:
    void DrawScope(FrameContext& frame, const OfficerReport& report);
    void DrawOverview(FrameContext& frame, const OfficerReport& report);
    void DrawReturnRates(FrameContext& frame, const OfficerReport& report);
    void DrawSatisfaction(FrameContext& frame, const OfficerReport& report);
    void DrawSatisfactionControls(FrameContext& frame, const AnalyticsReport& report);
    void DrawMeans(FrameContext& frame, const OfficerReport& report);
    void DrawTargets(FrameContext& frame, const OfficerReport& report);
    void DrawKpiOverride(FrameContext& frame, const std::vector<KpiResult>& kpis);
    void DrawDownloads(FrameContext& frame);
    void DrawData(FrameContext& frame);
    void DrawSettings(FrameContext& frame);

    WorkspaceHost& host_;
    std::string breakdown_text_;       // a breakdown being typed ("school,year_group")
    std::int64_t unconfirmed_min_cell_ = 0;  // a minimum below 5 waiting for confirmation
    std::string override_kpi_;   // the KPI whose status the officer is overriding
    std::string override_note_;
};

}  // namespace yousaid::ui
