#include "core/analytics/report_settings_file.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "core/analytics/encoded_responses.h"
#include "core/analytics/tabulate.h"
#include "core/base/text.h"
#include "core/io/versioned_json.h"

namespace yousaid {

namespace {

constexpr const char* kSettingsFormatName = "yousaid-report-settings";
constexpr const char* kMemoryFormatName = "yousaid-workspace";

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteText(JsonWriter& writer, const char* key, const std::string& value) {
    writer.Key(key);
    writer.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

// Reads the members of one object of the file, each checked for its type where present (an
// absent member keeps its default: a file from before it was added still reads).
class MemberReader {
public:
    MemberReader(const rapidjson::Value& object, std::string path, const std::string& file_name,
                 std::vector<Problem>& problems)
        : object_(object), path_(std::move(path)), file_name_(file_name), problems_(problems) {}

    void Text(const char* name, std::string& into) {
        if (const rapidjson::Value* value = Member(name)) {
            if (value->IsString()) into = value->GetString();
            else Complain(name, "needs text");
        }
    }
    void Flag(const char* name, bool& into) {
        if (const rapidjson::Value* value = Member(name)) {
            if (value->IsBool()) into = value->GetBool();
            else Complain(name, "needs true or false");
        }
    }
    // A whole number, or null for "the default".
    void OptionalNumber(const char* name, std::optional<std::int64_t>& into) {
        if (const rapidjson::Value* value = Member(name)) {
            if (value->IsNull()) into.reset();
            else if (value->IsInt64() && value->GetInt64() >= 1) into = value->GetInt64();
            else Complain(name, "needs a whole number from 1, or null for the default");
        }
    }
    void TextList(const char* name, std::vector<std::string>& into) {
        const rapidjson::Value* value = Member(name);
        if (value == nullptr) return;
        if (!value->IsArray()) {
            Complain(name, "needs a list");
            return;
        }
        into.clear();
        for (rapidjson::SizeType index = 0; index < value->Size(); ++index) {
            if ((*value)[index].IsString()) {
                into.emplace_back((*value)[index].GetString());
            } else {
                Complain((std::string(name) + "[" + std::to_string(index) + "]").c_str(), "needs text");
            }
        }
    }
    void Complain(const char* name, std::string message) {
        problems_.push_back(JsonFileProblem(file_name_, path_ + "." + name, std::move(message)));
    }

private:
    const rapidjson::Value* Member(const char* name) const {
        const auto found = object_.FindMember(name);
        return found == object_.MemberEnd() ? nullptr : &found->value;
    }

    const rapidjson::Value& object_;
    std::string path_;
    const std::string& file_name_;
    std::vector<Problem>& problems_;
};

// The object `name` of the document, or a problem when it is there but is not an object.
const rapidjson::Value* ObjectMember(const rapidjson::Document& document, const char* name,
                                    const std::string& file_name, std::vector<Problem>& problems) {
    const auto found = document.FindMember(name);
    if (found == document.MemberEnd()) return nullptr;
    if (found->value.IsObject()) return &found->value;
    problems.push_back(JsonFileProblem(file_name, name, "needs an object"));
    return nullptr;
}

}  // namespace

std::string ReportSettingsJson(const KeptReportSettings& kept) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    WriteText(writer, "format", kSettingsFormatName);
    writer.Key("version");
    writer.Int(kReportSettingsFormatVersion);
    writer.Key("settings");
    writer.StartObject();
    writer.Key("breakdowns");
    writer.StartArray();
    for (const std::string& breakdown : kept.settings.breakdowns) {
        writer.String(breakdown.c_str(), static_cast<rapidjson::SizeType>(breakdown.size()));
    }
    writer.EndArray();
    writer.Key("min_cell");
    if (kept.settings.min_cell) writer.Int64(*kept.settings.min_cell);
    else writer.Null();
    writer.Key("include_dont_know");
    writer.Bool(kept.settings.include_dont_know);
    WriteText(writer, "baseline_wave", kept.settings.baseline_wave);
    writer.EndObject();
    writer.Key("shown");
    writer.StartObject();
    WriteText(writer, "reported_wave", kept.shown.reported_wave);
    WriteText(writer, "breakdown", kept.shown.breakdown);
    WriteText(writer, "group", kept.shown.group);
    WriteText(writer, "order", kept.shown.order);
    writer.EndObject();
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

Result<KeptReportSettings> ParseReportSettingsJson(std::string_view text, const std::string& file_name) {
    using Parsed = Result<KeptReportSettings>;
    rapidjson::Document document;
    if (std::optional<Problem> problem = ParseVersionedJson(text, kSettingsFormatName, kReportSettingsFormatVersion,
                                                            file_name, "a settings file for the figures", document)) {
        return Parsed::Failure(std::move(*problem));
    }
    KeptReportSettings kept;
    std::vector<Problem> problems;
    if (const rapidjson::Value* settings = ObjectMember(document, "settings", file_name, problems)) {
        MemberReader read(*settings, "settings", file_name, problems);
        read.TextList("breakdowns", kept.settings.breakdowns);
        read.OptionalNumber("min_cell", kept.settings.min_cell);
        read.Flag("include_dont_know", kept.settings.include_dont_know);
        read.Text("baseline_wave", kept.settings.baseline_wave);
    }
    if (const rapidjson::Value* shown = ObjectMember(document, "shown", file_name, problems)) {
        MemberReader read(*shown, "shown", file_name, problems);
        read.Text("reported_wave", kept.shown.reported_wave);
        read.Text("breakdown", kept.shown.breakdown);
        read.Text("group", kept.shown.group);
        read.Text("order", kept.shown.order);
        const auto known = std::find_if(std::begin(kSatisfactionOrderNames), std::end(kSatisfactionOrderNames),
                                        [&](const char* name) { return kept.shown.order == name; });
        if (known == std::end(kSatisfactionOrderNames)) read.Complain("order", "is not one of question, change, percent");
    }
    if (!problems.empty()) return Parsed::Failure(std::move(problems));
    return Parsed::Success(std::move(kept));
}

std::vector<Problem> DropUnknownBreakdowns(ReportSettings& settings, const Survey& survey, const std::string& file_name) {
    std::vector<Problem> problems;
    std::vector<std::string> kept;
    for (std::size_t index = 0; index < settings.breakdowns.size(); ++index) {
        const std::string& text = settings.breakdowns[index];
        const Breakdown breakdown = ParseBreakdown(text);
        std::string unknown;
        for (const std::string& name : breakdown.dimensions) {
            if (!ResolveDimension(survey, name)) unknown += (unknown.empty() ? "" : ", ") + Quoted(name);
        }
        if (breakdown.dimensions.empty()) unknown = Quoted(text);
        if (unknown.empty()) {
            kept.push_back(text);
            continue;
        }
        problems.push_back(JsonFileProblem(file_name, "settings.breakdowns[" + std::to_string(index) + "]",
                                           "the breakdown by " + Quoted(text) + " was left out: survey " +
                                               Quoted(survey.id) + " has no dimension " + unknown));
    }
    settings.breakdowns = std::move(kept);
    return problems;
}

std::string WorkspaceMemoryJson(const std::string& survey_id) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    WriteText(writer, "format", kMemoryFormatName);
    writer.Key("version");
    writer.Int(kWorkspaceMemoryFormatVersion);
    WriteText(writer, "survey", survey_id);
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

Result<std::string> ParseWorkspaceMemoryJson(std::string_view text, const std::string& file_name) {
    rapidjson::Document document;
    if (std::optional<Problem> problem = ParseVersionedJson(text, kMemoryFormatName, kWorkspaceMemoryFormatVersion,
                                                            file_name, "the workspace's memory file", document)) {
        return Result<std::string>::Failure(std::move(*problem));
    }
    if (!document.HasMember("survey") || !document["survey"].IsString()) {
        return Result<std::string>::Failure(JsonFileProblem(file_name, "survey", "needs text"));
    }
    return Result<std::string>::Success(document["survey"].GetString());
}

}  // namespace yousaid
