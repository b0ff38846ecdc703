// The officer's KPI overrides kept on the device: a versioned file that round-trips, refuses
// what it cannot read by name, and lands in the KPI file as its own override columns would.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/analytics/kpi_overrides.h"

using namespace yousaid;

TEST_CASE("KPI overrides round-trip through their file, quotes and all") {
    const std::vector<KpiOverride> overrides = {
        {"take_part", KpiStatus::kOnTrack, "Larkhill returned \"paper\" forms after the tablets left"},
        {"feel_safe", KpiStatus::kNotKnown, ""}};
    const Result<std::vector<KpiOverride>> read = ParseKpiOverridesJson(KpiOverridesJson(overrides), "kpi_overrides.json");
    REQUIRE(read.ok());
    REQUIRE(read.value->size() == 2);
    CHECK((*read.value)[0].kpi == "take_part");
    CHECK((*read.value)[0].status == KpiStatus::kOnTrack);
    CHECK((*read.value)[0].note == overrides[0].note);
    CHECK((*read.value)[1].status == KpiStatus::kNotKnown);
}

TEST_CASE("A KPI overrides file that cannot be read says why, by place") {
    const auto message = [](const std::string& text) {
        return ParseKpiOverridesJson(text, "kpi_overrides.json").Message();
    };
    CHECK(message("{\"format\": \"yousaid-kpi-overrides\", \"version\": 2, \"overrides\": []}")
              .find("newer version") != std::string::npos);
    CHECK(message("not json").find("not a JSON object") != std::string::npos);
    CHECK(message("{\"format\": \"something-else\", \"version\": 1, \"overrides\": []}").find("format") != std::string::npos);
    const std::string bad_status = message(
        "{\"format\": \"yousaid-kpi-overrides\", \"version\": 1, \"overrides\": [{\"kpi\": \"a\", \"status\": \"Fine\"}]}");
    CHECK(bad_status.find("overrides[0].status") != std::string::npos);
    CHECK(bad_status.find("kpi_overrides.json") != std::string::npos);
}

TEST_CASE("An override replaces the KPI file's own, and one for an unknown KPI changes nothing") {
    KpiFile file;
    file.kpis.resize(2);
    file.kpis[0].id = "feel_safe";
    file.kpis[1].id = "take_part";
    file.kpis[1].status_override = KpiStatus::kMet;
    file.kpis[1].override_note = "from the CSV";
    ApplyKpiOverrides(file, {{"take_part", KpiStatus::kOnTrack, "paper forms"}, {"no_such_kpi", KpiStatus::kMet, ""}});
    CHECK_FALSE(file.kpis[0].status_override.has_value());
    REQUIRE(file.kpis[1].status_override.has_value());
    CHECK(*file.kpis[1].status_override == KpiStatus::kOnTrack);
    CHECK(file.kpis[1].override_note == "paper forms");
}
