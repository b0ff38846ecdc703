#pragma once
// The officer's own verdicts on KPIs, set in the workspace and kept on the device beside the
// KPI file: "Larkhill returned paper forms after the tablets left". Applied to the KPI file
// before the report is made, an override is in every download exactly as the CSV's own
// status_override and override_note columns would put it.
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/kpi.h"
#include "core/base/problem.h"

namespace yousaid {

struct KpiOverride {
    std::string kpi;  // the KPI's id
    KpiStatus status = KpiStatus::kNotKnown;
    std::string note;
};

inline constexpr int kKpiOverridesFormatVersion = 1;

// {"format": "yousaid-kpi-overrides", "version": 1, "overrides": [{"kpi", "status", "note"}]}
std::string KpiOverridesJson(const std::vector<KpiOverride>& overrides);
// Every problem named by its place in the file; a newer version is refused by name.
Result<std::vector<KpiOverride>> ParseKpiOverridesJson(std::string_view text, const std::string& file_name);

// Sets each named KPI's status_override and override_note (an override replaces the one
// in the file). Overrides for KPIs the file does not have are ignored.
void ApplyKpiOverrides(KpiFile& file, const std::vector<KpiOverride>& overrides);

}  // namespace yousaid
