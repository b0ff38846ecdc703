// The action list's backup file (ActionListJson, ParseActionListJson in action_list.h).
#include <cmath>
#include <set>

#include "core/actions/action_list.h"
#include "core/base/text.h"
#include "core/io/versioned_json.h"

namespace yousaid {

namespace {

constexpr const char* kFormatName = "yousaid-action-list";

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteString(JsonWriter& json, const char* key, const std::string& text) {
    json.Key(key);
    json.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
}

void WriteText(JsonWriter& json, const char* key, const TranslatableText& text) {
    json.Key(key);
    json.StartObject();
    for (const auto& [language, words] : text.ByLanguage()) {
        json.Key(language.c_str(), static_cast<rapidjson::SizeType>(language.size()));
        json.String(words.c_str(), static_cast<rapidjson::SizeType>(words.size()));
    }
    json.EndObject();
}

void WriteFinding(JsonWriter& json, const ActionFinding& finding) {
    json.Key("finding");
    json.StartObject();
    json.Key("kind");
    json.String(FindingKindName(finding.kind));
    WriteString(json, "question", finding.question);
    WriteString(json, "theme", finding.theme);
    WriteString(json, "wave", finding.wave);
    WriteString(json, "dimension", finding.dimension);
    WriteString(json, "group", finding.group);
    json.EndObject();
}

void WriteItem(JsonWriter& json, const ActionItem& item) {
    json.StartObject();
    WriteString(json, "id", item.id);
    WriteString(json, "survey", item.survey_id);
    WriteText(json, "you_said", item.you_said);
    WriteText(json, "we_will", item.we_will);
    WriteText(json, "we_did", item.we_did);
    WriteFinding(json, item.finding);
    WriteString(json, "owner", item.owner);
    WriteString(json, "due", item.due ? item.due->ToIso() : std::string());
    json.Key("status");
    json.String(ActionStatusName(item.status));
    WriteString(json, "evidence", item.evidence);
    json.Key("order");
    json.Int64(item.order);
    json.Key("station_surveys");
    json.StartArray();
    for (const std::string& survey : item.station_surveys) json.String(survey.c_str(), static_cast<rapidjson::SizeType>(survey.size()));
    json.EndArray();
    json.Key("edited_at_ms");
    json.Int64(item.edited_at_ms);
    json.Key("earlier_edits_ms");
    json.StartArray();
    for (const std::int64_t stamp : item.earlier_edits_ms) json.Int64(stamp);
    json.EndArray();
    json.EndObject();
}

}  // namespace

std::string ActionListJson(const ActionList& list) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    StartVersionedJson(json, kFormatName, kActionListFormatVersion);
    json.Key("target_percent");
    json.Double(list.TargetPercent());
    json.Key("items");
    json.StartArray();
    for (const ActionItem& item : list.Items()) WriteItem(json, item);
    json.EndArray();
    json.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

namespace {

// Reads one item's fields, each problem placed by its path; the reader collects them all.
class ItemReader {
public:
    ItemReader(const rapidjson::Value& entry, std::string path, const std::string& file_name, std::vector<Problem>& problems)
        : entry_(entry), path_(std::move(path)), file_name_(file_name), problems_(problems) {}

    void Fail(const std::string& key, const std::string& message) {
        problems_.push_back(JsonFileProblem(file_name_, path_ + (key.empty() ? "" : "." + key), message));
    }
    bool Has(const char* key) const { return entry_.HasMember(key) && !entry_[key].IsNull(); }

    std::string Text(const char* key, bool required = false) {
        if (!Has(key)) {
            if (required) Fail(key, "is missing");
            return {};
        }
        if (!entry_[key].IsString()) {
            Fail(key, "needs text");
            return {};
        }
        return entry_[key].GetString();
    }

    std::int64_t Whole(const char* key) {
        if (!Has(key)) return 0;
        if (!entry_[key].IsInt64()) {
            Fail(key, "needs a whole number");
            return 0;
        }
        return entry_[key].GetInt64();
    }

    TranslatableText Translatable(const char* key) {
        TranslatableText text;
        if (!Has(key)) return text;
        if (!entry_[key].IsObject()) {
            Fail(key, "needs an object of texts by language, e.g. {\"en\": \"...\", \"pl\": \"...\"}");
            return text;
        }
        for (auto member = entry_[key].MemberBegin(); member != entry_[key].MemberEnd(); ++member) {
            const std::string language = member->name.GetString();
            if (!member->value.IsString()) {
                Fail(std::string(key) + "." + language, "needs text");
            } else if (!std::string(member->value.GetString()).empty()) {
                text.Set(language, member->value.GetString());
            }
        }
        return text;
    }

    std::vector<std::string> Texts(const char* key) {
        return List<std::string>(key, "needs a list of survey ids", [](const rapidjson::Value& value) {
            return value.IsString() ? std::optional<std::string>(value.GetString()) : std::nullopt;
        });
    }

    std::vector<std::int64_t> Wholes(const char* key) {
        return List<std::int64_t>(key, "needs a list of whole numbers", [](const rapidjson::Value& value) {
            return value.IsInt64() ? std::optional<std::int64_t>(value.GetInt64()) : std::nullopt;
        });
    }

    // A list whose every entry `read` takes (nothing: not of the kind `message` asks for).
    template <typename T, typename Read>
    std::vector<T> List(const char* key, const char* message, Read read) {
        std::vector<T> values;
        if (!Has(key)) return values;
        if (!entry_[key].IsArray()) {
            Fail(key, message);
            return values;
        }
        for (const rapidjson::Value& value : entry_[key].GetArray()) {
            if (std::optional<T> taken = read(value)) values.push_back(std::move(*taken));
            else Fail(key, message);
        }
        return values;
    }

    const rapidjson::Value& entry() const { return entry_; }
    const std::string& path() const { return path_; }

private:
    const rapidjson::Value& entry_;
    std::string path_;
    const std::string& file_name_;
    std::vector<Problem>& problems_;
};

bool IsItemId(const std::string& id) {
    if (id.size() != 32) return false;
    for (const char c : id) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

ActionFinding ReadFinding(const rapidjson::Value& entry, const std::string& path, const std::string& file_name,
                          std::vector<Problem>& problems) {
    ActionFinding finding;
    if (!entry.HasMember("finding") || entry["finding"].IsNull()) return finding;
    if (!entry["finding"].IsObject()) {
        problems.push_back(JsonFileProblem(file_name, path + ".finding", "needs an object"));
        return finding;
    }
    ItemReader reader(entry["finding"], path + ".finding", file_name, problems);
    const std::string kind = reader.Text("kind");
    const std::optional<FindingKind> parsed = ParseFindingKind(kind.empty() ? "none" : kind);
    if (!parsed) reader.Fail("kind", "is not one of none, question, change, theme");
    finding.kind = parsed.value_or(FindingKind::kNone);
    finding.question = reader.Text("question");
    finding.theme = reader.Text("theme");
    finding.wave = reader.Text("wave");
    finding.dimension = reader.Text("dimension");
    finding.group = reader.Text("group");
    if (finding.dimension.empty()) finding.dimension = "all";
    if (finding.group.empty()) finding.group = "all";
    if ((finding.kind == FindingKind::kQuestion || finding.kind == FindingKind::kChange) && finding.question.empty()) {
        reader.Fail("question", "is needed for a " + kind + " finding");
    }
    if (finding.kind == FindingKind::kTheme && finding.theme.empty()) reader.Fail("theme", "is needed for a theme finding");
    return finding;
}

std::optional<ActionItem> ReadItem(const rapidjson::Value& entry, const std::string& path, const std::string& file_name,
                                   std::vector<Problem>& problems) {
    if (!entry.IsObject()) {
        problems.push_back(JsonFileProblem(file_name, path, "needs an object"));
        return std::nullopt;
    }
    const std::size_t before = problems.size();
    ItemReader reader(entry, path, file_name, problems);
    ActionItem item;
    item.id = reader.Text("id", true);
    if (!item.id.empty() && !IsItemId(item.id)) reader.Fail("id", "needs 32 lowercase hex digits");
    item.survey_id = reader.Text("survey", true);
    item.you_said = reader.Translatable("you_said");
    item.we_will = reader.Translatable("we_will");
    item.we_did = reader.Translatable("we_did");
    if (!item.you_said.IsEmpty() && !item.you_said.Has(kEnglish)) reader.Fail("you_said", "needs English text (\"en\")");
    item.finding = ReadFinding(entry, path, file_name, problems);
    item.owner = reader.Text("owner");
    const std::string due = reader.Text("due");
    if (!due.empty()) {
        item.due = CalendarDate::FromIso(due);
        if (!item.due) reader.Fail("due", "'" + due + "' is not a date written 2026-03-31");
    }
    const std::string status = reader.Text("status", true);
    const std::optional<ActionStatus> parsed = ParseActionStatus(status);
    if (!status.empty() && !parsed) reader.Fail("status", "is not one of planned, in_progress, done, dropped");
    item.status = parsed.value_or(ActionStatus::kPlanned);
    item.evidence = reader.Text("evidence");
    item.order = reader.Whole("order");
    item.station_surveys = reader.Texts("station_surveys");
    item.edited_at_ms = reader.Whole("edited_at_ms");
    item.earlier_edits_ms = reader.Wholes("earlier_edits_ms");
    if (problems.size() != before) return std::nullopt;
    return item;
}

}  // namespace

Result<ActionList> ParseActionListJson(std::string_view text, const std::string& file_name) {
    using Parsed = Result<ActionList>;
    rapidjson::Document document;
    if (std::optional<Problem> problem = ParseVersionedJson(text, kFormatName, kActionListFormatVersion, file_name,
                                                            "a \"You said, we did\" action list", document)) {
        return Parsed::Failure(std::move(*problem));
    }
    std::vector<Problem> problems;
    ActionList list;
    if (document.HasMember("target_percent")) {
        const rapidjson::Value& target = document["target_percent"];
        if (!target.IsNumber() || !std::isfinite(target.GetDouble()) || target.GetDouble() < 0 || target.GetDouble() > 100) {
            problems.push_back(JsonFileProblem(file_name, "target_percent", "needs a number from 0 to 100"));
        } else {
            list.SetTargetPercent(target.GetDouble());
        }
    }
    if (!document.HasMember("items") || !document["items"].IsArray()) {
        return Parsed::Failure(JsonFileProblem(file_name, "items", "needs a list"));
    }
    std::vector<ActionItem> items;
    std::set<std::string> ids;
    const rapidjson::Value& list_value = document["items"];
    for (rapidjson::SizeType index = 0; index < list_value.Size(); ++index) {
        const std::string path = "items[" + std::to_string(index) + "]";
        std::optional<ActionItem> item = ReadItem(list_value[index], path, file_name, problems);
        if (!item) continue;
        if (!ids.insert(item->id).second) {
            problems.push_back(JsonFileProblem(file_name, path + ".id", "is the id of an earlier item too"));
            continue;
        }
        items.push_back(std::move(*item));
    }
    if (!problems.empty()) return Parsed::Failure(std::move(problems));
    list.Assign(std::move(items));
    return Parsed::Success(std::move(list));
}

}  // namespace yousaid
