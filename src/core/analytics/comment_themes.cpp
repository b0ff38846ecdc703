#include "core/analytics/comment_themes.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/base/text.h"
#include "core/base/utf8.h"
#include "core/io/versioned_json.h"
#include "core/responses/response_set.h"

namespace yousaid {

namespace {

constexpr const char* kFormatName = "yousaid-comment-themes";

bool SameComment(const CommentKey& a, const CommentKey& b) {
    return a.response == b.response && a.question == b.question && a.survey_id == b.survey_id;
}

bool SameTheme(std::string_view a, std::string_view b) { return AsciiLowercase(a) == AsciiLowercase(b); }

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteString(JsonWriter& json, const std::string& text) {
    json.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
}

void WriteNames(JsonWriter& json, const std::vector<std::string>& names) {
    json.StartArray();
    for (const std::string& name : names) WriteString(json, name);
    json.EndArray();
}

// A list of text at `path`, or nothing with a problem.
std::optional<std::vector<std::string>> ReadNames(const rapidjson::Value& value, const std::string& path,
                                                  const std::string& file_name, std::vector<Problem>& problems) {
    if (!value.IsArray()) {
        problems.push_back(JsonFileProblem(file_name, path, "needs a list of theme names"));
        return std::nullopt;
    }
    std::vector<std::string> names;
    for (rapidjson::SizeType index = 0; index < value.Size(); ++index) {
        if (!value[index].IsString()) {
            problems.push_back(JsonFileProblem(file_name, path + "[" + std::to_string(index) + "]", "is not text"));
            return std::nullopt;
        }
        names.emplace_back(value[index].GetString(), value[index].GetStringLength());
    }
    return names;
}

std::optional<CommentTags> ReadCommentTags(const rapidjson::Value& entry, const std::string& path,
                                           const std::string& file_name, std::vector<Problem>& problems) {
    const auto text_member = [&entry](const char* name) {
        return entry.IsObject() && entry.HasMember(name) && entry[name].IsString();
    };
    if (!text_member("survey") || !text_member("response") || !text_member("question") ||
        !entry.HasMember("themes")) {
        problems.push_back(JsonFileProblem(file_name, path, "needs a \"survey\", \"response\", \"question\" and \"themes\""));
        return std::nullopt;
    }
    const std::optional<ResponseId> response = ResponseId::FromHex(entry["response"].GetString());
    if (!response) {
        problems.push_back(JsonFileProblem(file_name, path + ".response", "is not a response id (32 hex digits)"));
        return std::nullopt;
    }
    std::optional<std::vector<std::string>> themes = ReadNames(entry["themes"], path + ".themes", file_name, problems);
    if (!themes) return std::nullopt;
    return CommentTags{{entry["survey"].GetString(), *response, entry["question"].GetString()}, std::move(*themes)};
}

}  // namespace

const std::vector<std::string>& ThemeTags::ThemesOf(const CommentKey& comment) const {
    static const std::vector<std::string> kNone;
    for (const CommentTags& tagged : tags_) {
        if (SameComment(tagged.comment, comment)) return tagged.themes;
    }
    return kNone;
}

CommentTags* ThemeTags::Find(const CommentKey& comment) {
    for (CommentTags& tagged : tags_) {
        if (SameComment(tagged.comment, comment)) return &tagged;
    }
    return nullptr;
}

Result<std::string> ThemeTags::Canonical(std::string_view theme) {
    const std::string_view trimmed = TrimSpaces(theme);
    if (trimmed.empty()) return Result<std::string>::Failure("A theme needs a name.");
    const std::optional<std::size_t> length = CountUtf8CodePoints(trimmed);
    if (!length || *length > kMaxThemeNameCodePoints) {
        return Result<std::string>::Failure("A theme's name can be at most " + std::to_string(kMaxThemeNameCodePoints) +
                                            " characters.");
    }
    for (const std::string& named : themes_) {
        if (SameTheme(named, trimmed)) return Result<std::string>::Success(named);
    }
    themes_.emplace_back(trimmed);
    return Result<std::string>::Success(themes_.back());
}

Status ThemeTags::Name(std::string_view theme) {
    Result<std::string> name = Canonical(theme);
    if (!name.ok()) return Status::Failure(std::move(name.problems));
    return Succeeded();
}

Status ThemeTags::Add(const CommentKey& comment, std::string_view theme) {
    Result<std::string> name = Canonical(theme);
    if (!name.ok()) return Status::Failure(std::move(name.problems));
    CommentTags* tagged = Find(comment);
    if (tagged == nullptr) {
        tags_.push_back(CommentTags{comment, {}});
        tagged = &tags_.back();
    }
    if (std::find(tagged->themes.begin(), tagged->themes.end(), *name.value) == tagged->themes.end()) {
        tagged->themes.push_back(*name.value);
    }
    return Succeeded();
}

bool ThemeTags::Remove(const CommentKey& comment, std::string_view theme) {
    CommentTags* tagged = Find(comment);
    if (tagged == nullptr) return false;
    const auto found = std::find_if(tagged->themes.begin(), tagged->themes.end(),
                                    [theme](const std::string& named) { return SameTheme(named, theme); });
    if (found == tagged->themes.end()) return false;
    tagged->themes.erase(found);
    if (tagged->themes.empty()) {
        tags_.erase(tags_.begin() + (tagged - tags_.data()));
    }
    return true;
}

std::string ThemeTagsJson(const ThemeTags& tags) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    StartVersionedJson(json, kFormatName, kThemeTagsFormatVersion);
    json.Key("themes");
    WriteNames(json, tags.Themes());
    json.Key("tags");
    json.StartArray();
    for (const CommentTags& tagged : tags.Tags()) {
        json.StartObject();
        json.Key("survey");
        WriteString(json, tagged.comment.survey_id);
        json.Key("response");
        WriteString(json, tagged.comment.response.ToHex());
        json.Key("question");
        WriteString(json, tagged.comment.question);
        json.Key("themes");
        WriteNames(json, tagged.themes);
        json.EndObject();
    }
    json.EndArray();
    json.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

Result<ThemeTags> ParseThemeTagsJson(std::string_view text, const std::string& file_name) {
    rapidjson::Document document;
    if (std::optional<Problem> problem = ParseVersionedJson(text, kFormatName, kThemeTagsFormatVersion, file_name,
                                                            "a comment themes file", document)) {
        return Result<ThemeTags>::Failure(std::move(*problem));
    }
    std::vector<Problem> problems;
    ThemeTags read;
    if (!document.HasMember("themes") || !document.HasMember("tags") || !document["tags"].IsArray()) {
        return Result<ThemeTags>::Failure(JsonFileProblem(file_name, "", "needs \"themes\" and a list of \"tags\""));
    }
    if (auto names = ReadNames(document["themes"], "themes", file_name, problems)) {
        for (const std::string& name : *names) {
            if (!read.Canonical(name).ok()) problems.push_back(JsonFileProblem(file_name, "themes", "has a theme with no name, or too long a name"));
        }
    }
    const rapidjson::Value& list = document["tags"];
    for (rapidjson::SizeType index = 0; index < list.Size(); ++index) {
        const std::string path = "tags[" + std::to_string(index) + "]";
        std::optional<CommentTags> tagged = ReadCommentTags(list[index], path, file_name, problems);
        if (!tagged) continue;
        for (const std::string& theme : tagged->themes) {
            if (!read.Add(tagged->comment, theme).ok()) {
                problems.push_back(JsonFileProblem(file_name, path + ".themes", "has a theme with no name, or too long a name"));
            }
        }
    }
    if (!problems.empty()) return Result<ThemeTags>::Failure(std::move(problems));
    return Result<ThemeTags>::Success(std::move(read));
}

bool IsCommentAnswer(const EncodedResponses& responses, std::size_t row, std::size_t question_index) {
    const QuestionCodebook& codebook = responses.Codebook(question_index);
    return codebook.kind() == QuestionKind::kShortText &&
           responses.AnswerCodes(question_index)[row] == codebook.ValueBase();
}

CommentThemeInput CommentThemesFor(const ThemeTags& tags, const EncodedResponses& responses,
                                   const std::vector<ResponseId>& row_ids) {
    const Survey& survey = responses.survey();
    std::unordered_map<ResponseId, std::uint32_t, ResponseIdHash> row_of;
    for (std::size_t row = 0; row < row_ids.size() && row < responses.RowCount(); ++row) {
        row_of.emplace(row_ids[row], static_cast<std::uint32_t>(row));
    }
    // (question index, theme) -> the rows carrying it; a map keeps report order.
    std::map<std::pair<std::size_t, std::string>, std::vector<std::uint32_t>> rows_by_item;
    for (const CommentTags& tagged : tags.Tags()) {
        if (tagged.comment.survey_id != survey.id) continue;
        const auto row = row_of.find(tagged.comment.response);
        const std::optional<std::size_t> question = survey.QuestionIndex(tagged.comment.question);
        if (row == row_of.end() || !question || !IsCommentAnswer(responses, row->second, *question)) continue;
        for (const std::string& theme : tagged.themes) rows_by_item[{*question, theme}].push_back(row->second);
    }
    CommentThemeInput input;
    for (const auto& [item, rows] : rows_by_item) {
        const auto index = static_cast<std::uint32_t>(input.items.size());
        input.items.push_back(CommentThemeItem{item.first, survey.questions[item.first].id, item.second});
        for (const std::uint32_t row : rows) input.tags.emplace_back(row, index);
    }
    return input;
}

}  // namespace yousaid
