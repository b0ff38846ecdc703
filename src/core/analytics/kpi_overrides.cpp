#include "core/analytics/kpi_overrides.h"

#include "core/io/versioned_json.h"

namespace yousaid {

namespace {

constexpr const char* kFormatName = "yousaid-kpi-overrides";

std::optional<KpiOverride> ReadOverride(const rapidjson::Value& entry, const std::string& path,
                                        const std::string& file_name, std::vector<Problem>& problems) {
    if (!entry.IsObject() || !entry.HasMember("kpi") || !entry["kpi"].IsString() || !entry.HasMember("status") ||
        !entry["status"].IsString()) {
        problems.push_back(JsonFileProblem(file_name, path, "needs a \"kpi\" and a \"status\", both text"));
        return std::nullopt;
    }
    KpiOverride read;
    read.kpi = entry["kpi"].GetString();
    const std::optional<KpiStatus> status = ParseKpiStatus(entry["status"].GetString());
    if (!status) {
        problems.push_back(JsonFileProblem(file_name, path + ".status", "is not one of Met, On track, Partially met, Not on track, Not known"));
        return std::nullopt;
    }
    read.status = *status;
    if (entry.HasMember("note") && entry["note"].IsString()) read.note = entry["note"].GetString();
    return read;
}

}  // namespace

std::string KpiOverridesJson(const std::vector<KpiOverride>& overrides) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    StartVersionedJson(writer, kFormatName, kKpiOverridesFormatVersion);
    writer.Key("overrides");
    writer.StartArray();
    for (const KpiOverride& entry : overrides) {
        writer.StartObject();
        writer.Key("kpi");
        writer.String(entry.kpi.c_str(), static_cast<rapidjson::SizeType>(entry.kpi.size()));
        writer.Key("status");
        writer.String(KpiStatusName(entry.status));
        writer.Key("note");
        writer.String(entry.note.c_str(), static_cast<rapidjson::SizeType>(entry.note.size()));
        writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

Result<std::vector<KpiOverride>> ParseKpiOverridesJson(std::string_view text, const std::string& file_name) {
    using Parsed = Result<std::vector<KpiOverride>>;
    rapidjson::Document document;
    if (std::optional<Problem> problem = ParseVersionedJson(text, kFormatName, kKpiOverridesFormatVersion, file_name,
                                                            "a KPI overrides file", document)) {
        return Parsed::Failure(std::move(*problem));
    }
    if (!document.HasMember("overrides") || !document["overrides"].IsArray()) {
        return Parsed::Failure(JsonFileProblem(file_name, "overrides", "needs a list"));
    }
    std::vector<KpiOverride> overrides;
    std::vector<Problem> problems;
    const rapidjson::Value& list = document["overrides"];
    for (rapidjson::SizeType index = 0; index < list.Size(); ++index) {
        const std::string path = "overrides[" + std::to_string(index) + "]";
        if (std::optional<KpiOverride> read = ReadOverride(list[index], path, file_name, problems)) {
            overrides.push_back(std::move(*read));
        }
    }
    if (!problems.empty()) return Parsed::Failure(std::move(problems));
    return Parsed::Success(std::move(overrides));
}

void ApplyKpiOverrides(KpiFile& file, const std::vector<KpiOverride>& overrides) {
    for (const KpiOverride& entry : overrides) {
        for (KpiDefinition& kpi : file.kpis) {
            if (kpi.id != entry.kpi) continue;
            kpi.status_override = entry.status;
            kpi.override_note = entry.note;
        }
    }
}

}  // namespace yousaid
