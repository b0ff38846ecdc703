#include "core/station/station_pack.h"

#include "core/base/calendar.h"
#include "core/base/text.h"
#include "core/io/versioned_json.h"
#include "core/station/station_config.h"
#include "core/survey/identifiers.h"
#include "core/survey/survey_loader.h"

namespace yousaid {

namespace {

constexpr const char* kPackFormat = "yousaid-station-pack";
constexpr const char* kCardsFormat = "yousaid-station-cards";
constexpr int kCardsFormatVersion = 1;

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteText(Writer& writer, const char* key, const std::string& value) {
    writer.Key(key);
    writer.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void WriteTranslatable(Writer& writer, const char* key, const TranslatableText& text) {
    writer.Key(key);
    writer.StartObject();
    for (const auto& [language, words] : text.ByLanguage()) WriteText(writer, language.c_str(), words);
    writer.EndObject();
}

void WriteCards(Writer& writer, const std::vector<StationCard>& cards) {
    writer.Key("cards");
    writer.StartArray();
    for (const StationCard& card : cards) {
        writer.StartObject();
        WriteText(writer, "id", card.id);
        WriteTranslatable(writer, "you_said", card.you_said);
        WriteTranslatable(writer, "we_did", card.we_did);
        writer.EndObject();
    }
    writer.EndArray();
}

void WriteDefaults(Writer& writer, const StationDefaults& defaults) {
    writer.Key("station_defaults");
    writer.StartObject();
    WriteText(writer, "wave", defaults.wave);
    WriteText(writer, "default_language", defaults.default_language);
    WriteText(writer, "default_answer_mode", std::string(AnswerModeName(defaults.default_answer_mode)));
    writer.Key("idle_timeout_seconds");
    writer.Int(defaults.idle_timeout_seconds);
    writer.Key("keep_partial_answers");
    writer.Bool(defaults.keep_partial_answers);
    writer.EndObject();
}

// Reads the members of one JSON object, noting each problem at its path.
class ObjectReader {
public:
    ObjectReader(const rapidjson::Value& object, std::string path, const std::string& file_name,
                 std::vector<Problem>& problems)
        : object_(object), path_(std::move(path)), file_name_(file_name), problems_(problems) {}

    const rapidjson::Value* Member(const char* key, bool (rapidjson::Value::*is_kind)() const, const char* needs) {
        const auto found = object_.FindMember(key);
        if (found == object_.MemberEnd() || !(found->value.*is_kind)()) {
            Note(key, std::string("needs ") + needs);
            return nullptr;
        }
        return &found->value;
    }
    void Text(const char* key, std::string& out) {
        if (const rapidjson::Value* value = Member(key, &rapidjson::Value::IsString, "text")) {
            out.assign(value->GetString(), value->GetStringLength());
        }
    }
    void Note(const char* key, std::string message) {
        problems_.push_back(JsonFileProblem(file_name_, At(key), std::move(message)));
    }
    std::string At(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

private:
    const rapidjson::Value& object_;
    std::string path_;
    const std::string& file_name_;
    std::vector<Problem>& problems_;
};

// {"en": "...", "pl": "..."}: English is required, every text non-blank and not too long.
TranslatableText ReadTranslatable(ObjectReader& parent, const char* key, const std::string& file_name,
                                  std::vector<Problem>& problems) {
    TranslatableText text;
    const rapidjson::Value* object = parent.Member(key, &rapidjson::Value::IsObject, "an object of texts by language");
    if (object == nullptr) return text;
    const std::string path = parent.At(key);
    for (const auto& member : object->GetObject()) {
        const std::string language(member.name.GetString(), member.name.GetStringLength());
        const std::string place = path + "." + language;
        if (!IsValidLanguageCode(language)) {
            problems.push_back(JsonFileProblem(file_name, place, Quoted(language) + " is not a language code like en or pl"));
        } else if (!member.value.IsString() || TrimSpaces(std::string_view(member.value.GetString(), member.value.GetStringLength())).empty()) {
            problems.push_back(JsonFileProblem(file_name, place, "needs words"));
        } else if (member.value.GetStringLength() > kMaxCardTextLength) {
            problems.push_back(JsonFileProblem(file_name, place, "is longer than " + std::to_string(kMaxCardTextLength) +
                                                                     " characters: a card must be read at a glance"));
        } else {
            text.Set(language, std::string(member.value.GetString(), member.value.GetStringLength()));
        }
    }
    if (!text.Has("en")) problems.push_back(JsonFileProblem(file_name, path, "needs an English text (\"en\")"));
    return text;
}

std::vector<StationCard> ReadCards(const rapidjson::Value& document, const std::string& file_name,
                                   std::vector<Problem>& problems) {
    std::vector<StationCard> cards;
    ObjectReader root(document, "", file_name, problems);
    const rapidjson::Value* list = root.Member("cards", &rapidjson::Value::IsArray, "a list");
    if (list == nullptr) return cards;
    if (list->Size() > kMaxStationCards) {
        root.Note("cards", "has " + std::to_string(list->Size()) + " cards; a tablet shows at most " +
                               std::to_string(kMaxStationCards));
    }
    for (rapidjson::SizeType index = 0; index < list->Size(); ++index) {
        const std::string path = "cards[" + std::to_string(index) + "]";
        if (!(*list)[index].IsObject()) {
            problems.push_back(JsonFileProblem(file_name, path, "needs an object"));
            continue;
        }
        ObjectReader entry((*list)[index], path, file_name, problems);
        StationCard card;
        entry.Text("id", card.id);
        card.you_said = ReadTranslatable(entry, "you_said", file_name, problems);
        card.we_did = ReadTranslatable(entry, "we_did", file_name, problems);
        cards.push_back(std::move(card));
    }
    return cards;
}

// The starting settings, checked by the same rules as station setup.
StationDefaults ReadDefaults(ObjectReader& root, const std::string& file_name, std::vector<Problem>& problems) {
    StationDefaults defaults;
    const rapidjson::Value* object = root.Member("station_defaults", &rapidjson::Value::IsObject, "an object");
    if (object == nullptr) return defaults;
    ObjectReader read(*object, "station_defaults", file_name, problems);
    read.Text("wave", defaults.wave);
    read.Text("default_language", defaults.default_language);
    std::string mode;
    read.Text("default_answer_mode", mode);
    if (const std::optional<AnswerMode> parsed = ParseAnswerMode(mode)) {
        defaults.default_answer_mode = *parsed;
    } else if (!mode.empty()) {
        read.Note("default_answer_mode", Quoted(mode) + " is not an answer mode");
    }
    if (const rapidjson::Value* value = read.Member("idle_timeout_seconds", &rapidjson::Value::IsInt, "a whole number")) {
        defaults.idle_timeout_seconds = value->GetInt();
    }
    if (const rapidjson::Value* value = read.Member("keep_partial_answers", &rapidjson::Value::IsBool, "true or false")) {
        defaults.keep_partial_answers = value->GetBool();
    }
    StationConfig config;
    config.station_id = std::string(32, '0');
    config.wave = defaults.wave;
    config.default_language = defaults.default_language;
    config.idle_timeout_seconds = defaults.idle_timeout_seconds;
    for (const Problem& problem : ValidateStationConfig(config)) {
        problems.push_back(JsonFileProblem(file_name, "station_defaults." + problem.field, problem.message));
    }
    return defaults;
}

// The survey inside the pack, loaded as the survey loader loads a file; its problems keep
// their places, under "survey".
void ReadSurvey(const rapidjson::Value& document, const std::string& file_name, StationPack& pack,
                std::vector<Problem>& problems) {
    const auto found = document.FindMember("survey");
    if (found == document.MemberEnd() || !found->value.IsObject()) {
        problems.push_back(JsonFileProblem(file_name, "survey", "needs the survey file, as an object"));
        return;
    }
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    found->value.Accept(writer);
    pack.survey_text.assign(buffer.GetString(), buffer.GetSize());
    SurveyLoadResult loaded = SurveyLoader::LoadFromText(pack.survey_text, file_name);
    for (Problem& problem : loaded.problems) {
        problem.path = problem.path.empty() ? "survey" : "survey." + problem.path;
        problems.push_back(std::move(problem));
    }
    if (loaded.Ok()) pack.survey = std::move(*loaded.survey);
}

// Version 2's "public_keys", when present: each a public key file, checked as one.
StationKeys ReadPackKeys(const rapidjson::Value& document, const std::string& file_name, std::vector<Problem>& problems) {
    const auto found = document.FindMember("public_keys");
    if (found == document.MemberEnd()) return {};
    if (!found->value.IsArray()) {
        problems.push_back(JsonFileProblem(file_name, "public_keys", "needs a list of public key files"));
        return {};
    }
    return ReadPublicKeyList(found->value, "public_keys", file_name, problems);
}

}  // namespace

std::string StationPackJson(const StationPack& pack) {
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    StartVersionedJson(writer, kPackFormat, kStationPackFormatVersion);
    WriteText(writer, "prepared_by", pack.prepared_by);
    WriteText(writer, "prepared_on", pack.prepared_on);
    writer.Key("survey");
    rapidjson::Document survey;
    ParseJson(survey, pack.survey_text);
    survey.Accept(writer);
    WriteDefaults(writer, pack.defaults);
    WriteCards(writer, pack.cards);
    if (!pack.public_keys.Empty()) WritePublicKeyList(writer, "public_keys", pack.public_keys.keys);
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

Result<StationPack> ReadStationPack(std::string_view text, const std::string& file_name) {
    using Read = Result<StationPack>;
    rapidjson::Document document;
    if (std::optional<Problem> problem =
            ParseVersionedJson(text, kPackFormat, kStationPackFormatVersion, file_name, "a station pack", document)) {
        return Read::Failure(std::move(*problem));
    }
    std::vector<Problem> problems;
    StationPack pack;
    ObjectReader root(document, "", file_name, problems);
    root.Text("prepared_by", pack.prepared_by);
    if (TrimSpaces(pack.prepared_by).empty()) root.Note("prepared_by", "needs the name of the officer who prepared the pack");
    root.Text("prepared_on", pack.prepared_on);
    if (!CalendarDate::FromIso(pack.prepared_on)) root.Note("prepared_on", "needs a date like 2026-12-02");
    ReadSurvey(document, file_name, pack, problems);
    pack.defaults = ReadDefaults(root, file_name, problems);
    pack.cards = ReadCards(document, file_name, problems);
    pack.public_keys = ReadPackKeys(document, file_name, problems);
    if (!problems.empty()) return Read::Failure(std::move(problems));
    return Read::Success(std::move(pack));
}

std::string StationCardsJson(const StationCards& cards) {
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    StartVersionedJson(writer, kCardsFormat, kCardsFormatVersion);
    WriteText(writer, "survey_id", cards.survey_id);
    WriteText(writer, "prepared_by", cards.prepared_by);
    WriteCards(writer, cards.cards);
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

Result<StationCards> ReadStationCards(std::string_view text, const std::string& file_name) {
    using Read = Result<StationCards>;
    rapidjson::Document document;
    if (std::optional<Problem> problem = ParseVersionedJson(text, kCardsFormat, kCardsFormatVersion, file_name,
                                                            "the station's cards file", document)) {
        return Read::Failure(std::move(*problem));
    }
    std::vector<Problem> problems;
    StationCards cards;
    ObjectReader root(document, "", file_name, problems);
    root.Text("survey_id", cards.survey_id);
    if (!IsValidIdentifier(cards.survey_id)) root.Note("survey_id", "needs a survey id");
    root.Text("prepared_by", cards.prepared_by);
    cards.cards = ReadCards(document, file_name, problems);
    if (!problems.empty()) return Read::Failure(std::move(problems));
    return Read::Success(std::move(cards));
}

std::string StationPackFileName(const StationPack& pack) {
    return "station_pack_" + pack.survey.id + "_" + FileNamePart(pack.prepared_on, 10) + ".json";
}

}  // namespace yousaid
