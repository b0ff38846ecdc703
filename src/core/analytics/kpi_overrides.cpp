#include "core/analytics/kpi_overrides.h"

#include "core/io/json_document.h"

namespace yousaid {

namespace {

constexpr const char* kFormatName = "yousaid-kpi-overrides";

Problem AtPath(const std::string& file_name, std::string path, std::string message) {
    Problem problem = Problem::Saying(std::move(message));
    problem.file = file_name;
    problem.path = std::move(path);
    return problem;
}

std::optional<KpiOverride> ReadOverride(const rapidjson::Value& entry, const std::string& path,
                                        const std::string& file_name, std::vector<Problem>& problems) {
    if (!entry.IsObject() || !entry.HasMember("kpi") || !entry["kpi"].IsString() || !entry.HasMember("status") ||
        !entry["status"].IsString()) {
        problems.push_back(AtPath(file_name, path, "needs a \"kpi\" and a \"status\", both text"));
        return std::nullopt;
    }
    KpiOverride read;
    read.kpi = entry["kpi"].GetString();
    const std::optional<KpiStatus> status = ParseKpiStatus(entry["status"].GetString());
    if (!status) {
        problems.push_back(AtPath(file_name, path + ".status", "is not one of Met, On track, Partially met, Not on track, Not known"));
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
    writer.StartObject();
    writer.Key("format");
    writer.String(kFormatName);
    writer.Key("version");
    writer.Int(kKpiOverridesFormatVersion);
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
    document.Parse<rapidjson::kParseStopWhenDoneFlag>(text.data(), text.size());
    if (document.HasParseError() || !document.IsObject()) {
        return Parsed::Failure(AtPath(file_name, "", "is not a KPI overrides file (not a JSON object)"));
    }
    if (!document.HasMember("format") || !document["format"].IsString() || document["format"].GetString() != std::string(kFormatName)) {
        return Parsed::Failure(AtPath(file_name, "format", "is not \"" + std::string(kFormatName) + "\""));
    }
    if (!document.HasMember("version") || !document["version"].IsInt() || document["version"].GetInt() < 1) {
        return Parsed::Failure(AtPath(file_name, "version", "needs a whole number from 1"));
    }
    if (document["version"].GetInt() > kKpiOverridesFormatVersion) {
        return Parsed::Failure(AtPath(file_name, "version", "was written by a newer version of Yousaid; update the app to read it"));
    }
    if (!document.HasMember("overrides") || !document["overrides"].IsArray()) {
        return Parsed::Failure(AtPath(file_name, "overrides", "needs a list"));
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
