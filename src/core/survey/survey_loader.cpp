// Survey files are read with the RapidJSON DOM, the JSON library underneath cereal's JSON
// archive, rather than through a cereal::JSONInputArchive: cereal stops at the first
// missing or mistyped field and cannot say where it was, while a survey designer needs
// every problem with its exact JSON path, and survey files have optional fields.
// cereal's json.hpp is included first so RapidJSON is configured exactly as cereal
// configures it everywhere else in the program (its assertions throw instead of abort).
#include "core/io/json_document.h"


#include "core/survey/survey_loader.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <iterator>
#include <map>
#include <utility>

#include "core/base/file_io.h"
#include "core/base/text.h"
#include "core/survey/identifiers.h"

namespace yousaid {

namespace {

using JsonValue = rapidjson::Value;

// The only format_version this build understands; a newer file must not be half-read.
constexpr std::int32_t kSurveyFormatVersion = 1;
constexpr std::int32_t kMaxShortTextLength = 5000;
constexpr std::int32_t kRatingMin = 0;
constexpr std::int32_t kRatingMax = 10;

std::string Join(const std::string& path, std::string_view key) {
    if (path.empty()) return std::string(key);
    std::string joined = path;
    joined += '.';
    joined += key;
    return joined;
}

std::string At(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

std::string StringOf(const JsonValue& value) { return std::string(value.GetString(), value.GetStringLength()); }

std::string Describe(const JsonValue& value) {
    if (value.IsNull()) return "null";
    if (value.IsBool()) return "true/false";
    if (value.IsNumber()) return "a number";
    if (value.IsString()) return "a string";
    if (value.IsArray()) return "a list";
    return "an object";
}

struct OptionSet {
    std::vector<Option> options;
    std::optional<std::set<std::string>> positive;
};

// A question as read, with where it came from, for the checks that need all questions.
struct ReadQuestion {
    Question question;
    std::string path;
    bool kind_known = false;
};

class SurveyFileReader {
public:
    explicit SurveyFileReader(std::string file_name) : file_name_(std::move(file_name)) {}

    std::vector<Problem> TakeProblems() { return std::move(problems_); }

    void Report(const std::string& path, std::string message) {
        problems_.push_back(Problem{file_name_, 0, path, "", std::move(message)});
    }

    std::optional<Survey> ReadSurvey(const JsonValue& root) {
        if (!root.IsObject()) {
            Report("", "the file must hold one JSON object (found " + Describe(root) + ")");
            return std::nullopt;
        }
        CheckFields(root, "",
                    {"format_version", "id", "version", "title", "introduction", "closing", "audience",
                     "languages", "option_sets", "sections", "questions", "contacts"});

        Survey survey;
        if (const JsonValue* format = Field(root, "format_version")) {
            if (!format->IsInt()) {
                Report("format_version", "must be a whole number (found " + Describe(*format) + ")");
            } else if (format->GetInt() != kSurveyFormatVersion) {
                Report("format_version", "this app reads survey format " + std::to_string(kSurveyFormatVersion) +
                                             ", not " + std::to_string(format->GetInt()) +
                                             "; update the app or the file");
            }
        }
        ReadLanguages(root, survey);
        if (auto id = ReadId(root, "id", "", "survey id")) survey.id = *id;
        if (const JsonValue* version = RequiredField(root, "version", "")) {
            if (!version->IsInt()) {
                Report("version", "must be a whole number (found " + Describe(*version) + ")");
            } else if (version->GetInt() < 1) {
                Report("version", "must be 1 or more");
            } else {
                survey.version = version->GetInt();
            }
        }
        survey.title = ReadText(root, "title", "", true);
        survey.introduction = ReadText(root, "introduction", "", true);
        survey.closing = ReadText(root, "closing", "", false);
        if (const JsonValue* audience = Field(root, "audience")) {
            if (!audience->IsString()) {
                Report("audience", "must be a string (found " + Describe(*audience) + ")");
            } else if (auto parsed = ParseSurveyAudience(StringOf(*audience))) {
                survey.audience = *parsed;
            } else {
                Report("audience", "unknown audience " + Quoted(StringOf(*audience)) +
                                       " (use young_people or parents_and_carers)");
            }
        }
        ReadOptionSets(root);

        std::vector<ReadQuestion> questions;
        const JsonValue* flat_questions = Field(root, "questions");
        const JsonValue* sections = Field(root, "sections");
        if (flat_questions && sections) {
            Report("", "use either \"questions\" or \"sections\", not both");
        } else if (!flat_questions && !sections) {
            Report("questions", "required field is missing (or give \"sections\", each with questions)");
        } else if (flat_questions) {
            ReadQuestionList(*flat_questions, "questions", "", questions);
        } else {
            ReadSections(*sections, survey, questions);
        }
        CheckQuestionIds(questions);
        CheckConditions(questions);
        if (const JsonValue* contacts = Field(root, "contacts")) survey.contacts = ReadContacts(*contacts, ContactsHooks());

        if (!problems_.empty()) return std::nullopt;
        for (auto& read : questions) survey.questions.push_back(std::move(read.question));
        CheckContacts(survey, [this](const std::string& path, std::string message) { Report(path, std::move(message)); });
        if (!problems_.empty()) return std::nullopt;
        return survey;
    }

private:
    // Contacts are read in contacts.cpp with this reader's own reporting and text reading.
    ContactsReading ContactsHooks() {
        return {[this](const std::string& path, std::string message) { Report(path, std::move(message)); },
                [this](const JsonValue& object, const char* key, const std::string& path, bool required) {
                    return ReadText(object, key, path, required);
                },
                [this](const JsonValue& object, const std::string& path, std::initializer_list<std::string_view> allowed) {
                    CheckFields(object, path, allowed);
                }};
    }

    // ---- generic field access ------------------------------------------------------------

    static const JsonValue* Field(const JsonValue& object, const char* key) {
        const auto member = object.FindMember(key);
        return member == object.MemberEnd() ? nullptr : &member->value;
    }

    const JsonValue* RequiredField(const JsonValue& object, const char* key, const std::string& path) {
        const JsonValue* value = Field(object, key);
        if (!value) Report(Join(path, key), "required field is missing");
        return value;
    }

    // Unknown fields are usually misspelt ones ("requried"), which would otherwise be
    // silently ignored; a repeated field would silently lose one of its values.
    void CheckFields(const JsonValue& object, const std::string& path, std::initializer_list<std::string_view> allowed) {
        std::set<std::string> seen;
        for (auto member = object.MemberBegin(); member != object.MemberEnd(); ++member) {
            const std::string name = StringOf(member->name);
            if (!seen.insert(name).second) {
                Report(Join(path, name), "field appears more than once");
            } else if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
                Report(Join(path, name), "unknown field");
            }
        }
    }

    bool ExpectObject(const JsonValue& value, const std::string& path) {
        if (value.IsObject()) return true;
        Report(path, "must be an object (found " + Describe(value) + ")");
        return false;
    }

    bool ExpectArray(const JsonValue& value, const std::string& path) {
        if (value.IsArray()) return true;
        Report(path, "must be a list (found " + Describe(value) + ")");
        return false;
    }

    std::optional<std::string> ReadString(const JsonValue& object, const char* key, const std::string& path,
                                          bool required) {
        const JsonValue* value = required ? RequiredField(object, key, path) : Field(object, key);
        if (!value) return std::nullopt;
        if (!value->IsString()) {
            Report(Join(path, key), "must be a string (found " + Describe(*value) + ")");
            return std::nullopt;
        }
        return StringOf(*value);
    }

    std::optional<std::string> CheckId(const JsonValue& value, const std::string& path, const std::string& what) {
        if (!value.IsString()) {
            Report(path, "must be a string (found " + Describe(value) + ")");
            return std::nullopt;
        }
        const std::string id = StringOf(value);
        if (!IsValidIdentifier(id)) {
            Report(path, what + " " + Quoted(id) +
                             " must be 1-64 lowercase letters, digits or _, starting with a letter or digit");
            return std::nullopt;
        }
        return id;
    }

    std::optional<std::string> ReadId(const JsonValue& object, const char* key, const std::string& path,
                                      const std::string& what, bool required = true) {
        const JsonValue* value = required ? RequiredField(object, key, path) : Field(object, key);
        if (!value) return std::nullopt;
        return CheckId(*value, Join(path, key), what);
    }

    // `id` at `path` must be the first of its kind (`what`, e.g. "section id"); a repeat is
    // reported naming where it was first used.
    void CheckUniqueId(const std::string& id, const std::string& path, const std::string& what,
                       std::map<std::string, std::string>& first_path_of_id) {
        const auto inserted = first_path_of_id.emplace(id, path);
        if (!inserted.second) {
            Report(Join(path, "id"),
                   "duplicate " + what + " " + Quoted(id) + " (first used at " + inserted.first->second + ")");
        }
    }

    std::optional<std::int32_t> ReadInt(const JsonValue& object, const char* key, const std::string& path,
                                        bool required) {
        const JsonValue* value = required ? RequiredField(object, key, path) : Field(object, key);
        if (!value) return std::nullopt;
        if (!value->IsInt()) {
            Report(Join(path, key), "must be a whole number (found " + Describe(*value) + ")");
            return std::nullopt;
        }
        return value->GetInt();
    }

    // A text is an English string, or an object of translations that includes "en".
    TranslatableText ReadText(const JsonValue& object, const char* key, const std::string& path, bool required) {
        const std::string text_path = Join(path, key);
        const JsonValue* value = Field(object, key);
        TranslatableText text;
        if (!value) {
            if (required) Report(text_path, "missing English text");
            return text;
        }
        if (value->IsString()) {
            if (value->GetStringLength() == 0) {
                Report(text_path, "English text is empty");
            } else {
                text.Set(kEnglish, StringOf(*value));
            }
            return text;
        }
        if (!value->IsObject()) {
            Report(text_path, "must be a string or an object of translations such as {\"en\": \"...\"} (found " +
                                  Describe(*value) + ")");
            return text;
        }
        std::set<std::string> seen;
        for (auto member = value->MemberBegin(); member != value->MemberEnd(); ++member) {
            const std::string language = StringOf(member->name);
            const std::string language_path = Join(text_path, language);
            if (!seen.insert(language).second) {
                Report(language_path, "translation appears more than once");
                continue;
            }
            if (std::find(languages_.begin(), languages_.end(), language) == languages_.end()) {
                Report(language_path, "translation language " + Quoted(language) + " is not declared in languages");
                continue;
            }
            if (!member->value.IsString()) {
                Report(language_path, "must be a string (found " + Describe(member->value) + ")");
                continue;
            }
            if (member->value.GetStringLength() == 0) {
                Report(language_path, language == kEnglish ? "English text is empty" : "translation is empty");
                continue;
            }
            text.Set(language, StringOf(member->value));
        }
        if (!seen.count(kEnglish)) Report(text_path, "missing English text");
        return text;
    }

    // ---- survey parts --------------------------------------------------------------------

    void ReadLanguages(const JsonValue& root, Survey& survey) {
        // Until the list is known to be good, assume English only so texts can be checked.
        languages_ = {kEnglish};
        const JsonValue* value = RequiredField(root, "languages", "");
        if (!value || !ExpectArray(*value, "languages")) return;
        std::vector<std::string> declared;
        for (rapidjson::SizeType index = 0; index < value->Size(); ++index) {
            const JsonValue& entry = (*value)[index];
            const std::string entry_path = At("languages", index);
            if (!entry.IsString()) {
                Report(entry_path, "must be a string (found " + Describe(entry) + ")");
                continue;
            }
            const std::string code = StringOf(entry);
            if (!IsValidLanguageCode(code)) {
                Report(entry_path, Quoted(code) + " is not a language code such as \"en\" or \"pl\"");
            } else if (std::find(declared.begin(), declared.end(), code) != declared.end()) {
                Report(entry_path, "language " + Quoted(code) + " is listed more than once");
            } else {
                declared.push_back(code);
            }
        }
        const auto english = std::find(declared.begin(), declared.end(), kEnglish);
        if (english == declared.end()) {
            Report("languages", "must include \"en\": English is required and is the fallback");
        } else {
            std::rotate(declared.begin(), english, english + 1);
        }
        for (const auto& code : declared) {
            if (code != kEnglish) languages_.push_back(code);
        }
        survey.languages = languages_;
    }

    void ReadOptionSets(const JsonValue& root) {
        const JsonValue* sets = Field(root, "option_sets");
        if (!sets || !ExpectObject(*sets, "option_sets")) return;
        CheckDuplicateKeys(*sets, "option_sets");
        for (auto member = sets->MemberBegin(); member != sets->MemberEnd(); ++member) {
            const std::string name = StringOf(member->name);
            const std::string set_path = Join("option_sets", name);
            if (!IsValidIdentifier(name)) {
                Report(set_path, "option set name " + Quoted(name) +
                                     " must be 1-64 lowercase letters, digits or _");
                continue;
            }
            if (option_sets_.count(name)) continue;  // reported as a repeated field
            if (!ExpectObject(member->value, set_path)) continue;
            CheckFields(member->value, set_path, {"options", "positive"});
            OptionSet set;
            if (const JsonValue* options = RequiredField(member->value, "options", set_path)) {
                set.options = ReadOptionList(*options, Join(set_path, "options"));
            }
            if (const JsonValue* positive = Field(member->value, "positive")) {
                set.positive = ReadPositive(*positive, Join(set_path, "positive"), set.options);
            }
            option_sets_.emplace(name, std::move(set));
        }
    }

    void CheckDuplicateKeys(const JsonValue& object, const std::string& path) {
        std::set<std::string> seen;
        for (auto member = object.MemberBegin(); member != object.MemberEnd(); ++member) {
            const std::string name = StringOf(member->name);
            if (!seen.insert(name).second) Report(Join(path, name), "field appears more than once");
        }
    }

    void ReadSections(const JsonValue& sections, Survey& survey, std::vector<ReadQuestion>& questions) {
        if (!ExpectArray(sections, "sections")) return;
        if (sections.Empty()) Report("sections", "a survey needs at least one section");
        std::map<std::string, std::string> first_path_of_id;
        for (rapidjson::SizeType index = 0; index < sections.Size(); ++index) {
            const JsonValue& value = sections[index];
            const std::string path = At("sections", index);
            if (!ExpectObject(value, path)) continue;
            CheckFields(value, path, {"id", "title", "introduction", "questions"});
            Section section;
            if (auto id = ReadId(value, "id", path, "section id")) {
                CheckUniqueId(*id, path, "section id", first_path_of_id);
                section.id = *id;
            }
            section.title = ReadText(value, "title", path, true);
            section.introduction = ReadText(value, "introduction", path, false);
            if (const JsonValue* list = RequiredField(value, "questions", path)) {
                ReadQuestionList(*list, Join(path, "questions"), section.id, questions);
            }
            survey.sections.push_back(std::move(section));
        }
    }

    void ReadQuestionList(const JsonValue& list, const std::string& path, const std::string& section_id,
                          std::vector<ReadQuestion>& questions) {
        if (!ExpectArray(list, path)) return;
        if (list.Empty()) Report(path, "needs at least one question");
        for (rapidjson::SizeType index = 0; index < list.Size(); ++index) {
            const std::string question_path = At(path, index);
            if (!ExpectObject(list[index], question_path)) continue;
            questions.push_back(ReadOneQuestion(list[index], question_path, section_id));
        }
    }

    std::vector<Option> ReadOptionList(const JsonValue& list, const std::string& path) {
        std::vector<Option> options;
        if (!ExpectArray(list, path)) return options;
        if (list.Empty()) Report(path, "needs at least one option");
        std::map<std::string, std::string> first_path_of_id;
        for (rapidjson::SizeType index = 0; index < list.Size(); ++index) {
            const JsonValue& value = list[index];
            const std::string option_path = At(path, index);
            if (!ExpectObject(value, option_path)) continue;
            CheckFields(value, option_path, {"id", "text", "non_substantive", "value"});
            Option option;
            if (auto id = ReadId(value, "id", option_path, "option id")) {
                CheckUniqueId(*id, option_path, "option id", first_path_of_id);
                option.id = *id;
            }
            option.text = ReadText(value, "text", option_path, true);
            if (auto kind = ReadString(value, "non_substantive", option_path, false)) {
                const auto parsed = ParseNonSubstantive(*kind);
                if (!parsed || *parsed == NonSubstantive::kNone) {
                    Report(Join(option_path, "non_substantive"),
                           "unknown non-substantive kind " + Quoted(*kind) + " (use dont_know or prefer_not_to_say)");
                } else {
                    option.non_substantive = *parsed;
                }
            }
            option.value = ReadInt(value, "value", option_path, false);
            if (option.value && !option.IsSubstantive()) {
                Report(Join(option_path, "value"), "a non-substantive option cannot have a scale value");
            }
            options.push_back(std::move(option));
        }
        return options;
    }

    std::set<std::string> ReadPositive(const JsonValue& list, const std::string& path,
                                       const std::vector<Option>& options) {
        std::set<std::string> positive;
        if (!ExpectArray(list, path)) return positive;
        for (rapidjson::SizeType index = 0; index < list.Size(); ++index) {
            const std::string entry_path = At(path, index);
            const auto id = CheckId(list[index], entry_path, "positive option");
            if (!id) continue;
            const auto option = std::find_if(options.begin(), options.end(),
                                             [&](const Option& candidate) { return candidate.id == *id; });
            if (option == options.end()) {
                Report(entry_path, "positive option " + Quoted(*id) + " does not exist");
            } else if (!option->IsSubstantive()) {
                Report(entry_path, "a non-substantive option (" + Quoted(*id) + ") cannot count as positive");
            } else {
                positive.insert(*id);
            }
        }
        return positive;
    }

    // Fields that belong to some kinds only: a "min" on a scale is a mistake, not a no-op.
    void CheckKindFields(const JsonValue& value, const std::string& path, QuestionKind kind) {
        struct KindField {
            const char* name;
            std::initializer_list<QuestionKind> kinds;
            const char* applies_to;
        };
        const KindField fields[] = {
            {"positive",
             {QuestionKind::kSingleChoice, QuestionKind::kMultipleChoice, QuestionKind::kScale1To5,
              QuestionKind::kYesSometimesNo},
             "questions answered with options"},
            {"positive_at_least", {QuestionKind::kRating0To10, QuestionKind::kBeforeAndNow},
             "rating_0_10 and before_and_now questions"},
            {"min", {QuestionKind::kNumber}, "number questions"},
            {"max", {QuestionKind::kNumber}, "number questions"},
            {"max_length", {QuestionKind::kShortText}, "short_text questions"},
            {"max_choices", {QuestionKind::kMultipleChoice}, "multiple_choice questions"},
            {"low_label", {QuestionKind::kRating0To10, QuestionKind::kBeforeAndNow},
             "rating_0_10 and before_and_now questions"},
            {"high_label", {QuestionKind::kRating0To10, QuestionKind::kBeforeAndNow},
             "rating_0_10 and before_and_now questions"},
            {"before_label", {QuestionKind::kBeforeAndNow}, "before_and_now questions"},
            {"now_label", {QuestionKind::kBeforeAndNow}, "before_and_now questions"},
        };
        for (const auto& field : fields) {
            if (!Field(value, field.name)) continue;
            if (std::find(field.kinds.begin(), field.kinds.end(), kind) == field.kinds.end()) {
                Report(Join(path, field.name), std::string("only applies to ") + field.applies_to + ", not " +
                                                   std::string(QuestionKindName(kind)));
            }
        }
    }

    // "options" (a list, or the name of an option set) and "positive" (or the set's own).
    void ReadQuestionOptions(const JsonValue& value, const std::string& path, Question& question) {
        std::optional<std::set<std::string>> positive_from_set;
        if (const JsonValue* options = Field(value, "options")) {
            const std::string options_path = Join(path, "options");
            if (options->IsString()) {
                const std::string name = StringOf(*options);
                const auto set = option_sets_.find(name);
                if (set == option_sets_.end()) {
                    Report(options_path, "unknown option set " + Quoted(name));
                } else {
                    question.options = set->second.options;
                    positive_from_set = set->second.positive;
                }
            } else if (options->IsArray()) {
                question.options = ReadOptionList(*options, options_path);
            } else {
                Report(options_path, "must be a list of options or the name of an option set (found " +
                                         Describe(*options) + ")");
            }
        }
        if (const JsonValue* positive = Field(value, "positive")) {
            question.positive_option_ids = ReadPositive(*positive, Join(path, "positive"), question.options);
        } else if (positive_from_set) {
            question.positive_option_ids = *positive_from_set;
        }
    }

    // "role" and, for a demographic question, the "dimension" it breaks results down by.
    void ReadQuestionRole(const JsonValue& value, const std::string& path, Question& question) {
        if (auto role = ReadString(value, "role", path, false)) {
            if (*role == "demographic") {
                question.role = QuestionRole::kDemographic;
            } else if (*role != "item") {
                Report(Join(path, "role"), "unknown role " + Quoted(*role) + " (use item or demographic)");
            }
        }
        if (auto dimension = ReadId(value, "dimension", path, "dimension", false)) {
            question.dimension = *dimension;
            if (question.role != QuestionRole::kDemographic) {
                Report(Join(path, "dimension"), "only demographic questions (\"role\": \"demographic\") have a dimension");
            }
        }
    }

    ReadQuestion ReadOneQuestion(const JsonValue& value, const std::string& path, const std::string& section_id) {
        CheckFields(value, path,
                    {"id", "kind", "text", "help", "required", "role", "dimension", "theme", "options", "positive",
                     "positive_at_least", "min", "max", "max_length", "max_choices", "low_label", "high_label",
                     "before_label", "now_label", "condition"});
        ReadQuestion read;
        read.path = path;
        Question& question = read.question;
        question.section_id = section_id;
        if (auto id = ReadId(value, "id", path, "question id")) question.id = *id;
        if (auto kind = ReadString(value, "kind", path, true)) {
            if (auto parsed = ParseQuestionKind(*kind)) {
                question.kind = *parsed;
                read.kind_known = true;
            } else {
                Report(Join(path, "kind"), "unknown kind " + Quoted(*kind) +
                                               " (use single_choice, multiple_choice, scale_1_5, rating_0_10, "
                                               "yes_sometimes_no, number, short_text or before_and_now)");
            }
        }
        question.text = ReadText(value, "text", path, true);
        question.help = ReadText(value, "help", path, false);
        if (const JsonValue* required = Field(value, "required")) {
            if (required->IsBool()) {
                question.required = required->GetBool();
            } else {
                Report(Join(path, "required"), "must be true or false (found " + Describe(*required) + ")");
            }
        }
        ReadQuestionRole(value, path, question);
        if (auto theme = ReadId(value, "theme", path, "theme", false)) question.theme = *theme;

        ReadQuestionOptions(value, path, question);
        question.positive_at_least = ReadInt(value, "positive_at_least", path, false);
        question.low_label = ReadText(value, "low_label", path, false);
        question.high_label = ReadText(value, "high_label", path, false);
        question.before_label = ReadText(value, "before_label", path, false);
        question.now_label = ReadText(value, "now_label", path, false);

        if (read.kind_known) CheckKind(value, path, question);

        if (question.role == QuestionRole::kDemographic &&
            std::none_of(question.options.begin(), question.options.end(), [](const Option& option) {
                return option.non_substantive == NonSubstantive::kPreferNotToSay;
            })) {
            Report(Join(path, "options"), "a demographic question needs a \"prefer not to say\" option "
                                          "(\"non_substantive\": \"prefer_not_to_say\")");
        }
        if (const JsonValue* condition = Field(value, "condition")) {
            question.condition = ReadCondition(*condition, Join(path, "condition"));
        }
        return read;
    }

    // What every kind's checker looks at: the question's JSON, its path, the question read so
    // far, and its options that are not non-substantive.
    struct KindCheck {
        const JsonValue& value;
        const std::string& path;
        Question& question;
        std::vector<const Option*> substantive;
        std::string options_path;

        bool Has(const char* key) const { return Field(value, key) != nullptr; }
    };

    void CheckKind(const JsonValue& value, const std::string& path, Question& question) {
        CheckKindFields(value, path, question.kind);
        KindCheck check{value, path, question, {}, Join(path, "options")};
        for (const auto& option : question.options) {
            if (option.IsSubstantive()) check.substantive.push_back(&option);
        }
        const bool answers_with_options = KindAnswersWithOptions(question.kind);
        if (answers_with_options && !check.Has("options")) Report(check.options_path, "required field is missing");
        if (!answers_with_options && !check.substantive.empty()) {
            Report(check.options_path, std::string(QuestionKindName(question.kind)) +
                                           " questions may only list non-substantive options (such as don't know); " +
                                           Quoted(check.substantive.front()->id) + " is not marked non_substantive");
        }
        switch (question.kind) {
            case QuestionKind::kSingleChoice:
            case QuestionKind::kMultipleChoice:
                return CheckChoiceQuestion(check);
            case QuestionKind::kScale1To5:
                return CheckScaleQuestion(check);
            case QuestionKind::kYesSometimesNo:
                return CheckYesSometimesNoQuestion(check);
            case QuestionKind::kRating0To10:
            case QuestionKind::kBeforeAndNow:
                return CheckRatingQuestion(check);
            case QuestionKind::kNumber:
                return CheckNumberQuestion(check);
            case QuestionKind::kShortText:
                return CheckShortTextQuestion(check);
        }
    }

    void CheckChoiceQuestion(KindCheck& check) {
        if (check.Has("options") && check.substantive.size() < 2) {
            Report(check.options_path, "needs at least two options that are not non-substantive");
        }
        if (check.question.kind != QuestionKind::kMultipleChoice) return;
        if (auto max_choices = ReadInt(check.value, "max_choices", check.path, false)) {
            if (*max_choices < 1) {
                Report(Join(check.path, "max_choices"), "must be 1 or more");
            } else {
                check.question.max_choices = *max_choices;
            }
        }
    }

    void CheckScaleQuestion(KindCheck& check) {
        bool values_ok = check.substantive.size() == 5;
        for (std::size_t index = 0; values_ok && index < check.substantive.size(); ++index) {
            values_ok = check.substantive[index]->value == static_cast<std::int32_t>(index + 1);
        }
        if (check.Has("options") && !values_ok) {
            Report(check.options_path, "a scale_1_5 question needs five options with \"value\" 1, 2, 3, 4, 5 "
                                       "in that order (plus any non-substantive ones)");
        }
        // Top two boxes unless the file says otherwise.
        if (!check.Has("positive") && check.question.positive_option_ids.empty() && values_ok) {
            check.question.positive_option_ids = {check.substantive[3]->id, check.substantive[4]->id};
        }
    }

    void CheckYesSometimesNoQuestion(KindCheck& check) {
        const char* const expected[] = {"yes", "sometimes", "no"};
        bool ids_ok = check.substantive.size() == 3;
        for (std::size_t index = 0; ids_ok && index < 3; ++index) ids_ok = check.substantive[index]->id == expected[index];
        if (check.Has("options") && !ids_ok) {
            Report(check.options_path, "a yes_sometimes_no question needs the options yes, sometimes, no in that "
                                       "order (plus any non-substantive ones, such as dont_know)");
        }
        if (!check.Has("positive") && check.question.positive_option_ids.empty() && ids_ok) {
            check.question.positive_option_ids = {"yes"};
        }
    }

    void CheckRatingQuestion(KindCheck& check) {
        Question& question = check.question;
        question.min_value = kRatingMin;
        question.max_value = kRatingMax;
        if (question.positive_at_least &&
            (*question.positive_at_least < kRatingMin || *question.positive_at_least > kRatingMax)) {
            Report(Join(check.path, "positive_at_least"), "must be between 0 and 10");
        }
        if (question.kind != QuestionKind::kBeforeAndNow) return;
        if (question.before_label.IsEmpty() && !check.Has("before_label")) {
            Report(Join(check.path, "before_label"), "missing English text");
        }
        if (question.now_label.IsEmpty() && !check.Has("now_label")) {
            Report(Join(check.path, "now_label"), "missing English text");
        }
    }

    void CheckNumberQuestion(KindCheck& check) {
        const auto min = ReadInt(check.value, "min", check.path, true);
        const auto max = ReadInt(check.value, "max", check.path, true);
        if (!min || !max) return;
        if (*min > *max) {
            Report(Join(check.path, "max"), "must not be below min (" + std::to_string(*min) + ")");
        } else {
            check.question.min_value = *min;
            check.question.max_value = *max;
        }
    }

    void CheckShortTextQuestion(KindCheck& check) {
        if (auto max_length = ReadInt(check.value, "max_length", check.path, true)) {
            if (*max_length < 1 || *max_length > kMaxShortTextLength) {
                Report(Join(check.path, "max_length"), "must be between 1 and " + std::to_string(kMaxShortTextLength));
            } else {
                check.question.max_length = *max_length;
            }
        }
    }

    std::optional<Condition> ReadCondition(const JsonValue& value, const std::string& path) {
        if (!ExpectObject(value, path)) return std::nullopt;
        CheckFields(value, path, {"question", "equals", "one_of", "at_least"});
        Condition condition;
        bool ok = true;
        if (auto question = ReadId(value, "question", path, "question id")) {
            condition.question_id = *question;
        } else {
            ok = false;
        }
        const JsonValue* equals = Field(value, "equals");
        const JsonValue* one_of = Field(value, "one_of");
        const JsonValue* at_least = Field(value, "at_least");
        const int tests = (equals ? 1 : 0) + (one_of ? 1 : 0) + (at_least ? 1 : 0);
        if (tests != 1) {
            Report(path, "needs exactly one of \"equals\", \"one_of\" or \"at_least\"");
            return std::nullopt;
        }
        if (equals) {
            condition.test = ConditionTest::kEquals;
            if (auto id = CheckId(*equals, Join(path, "equals"), "option id")) {
                condition.option_ids.push_back(*id);
            } else {
                ok = false;
            }
        } else if (one_of) {
            condition.test = ConditionTest::kOneOf;
            const std::string list_path = Join(path, "one_of");
            if (!ExpectArray(*one_of, list_path)) return std::nullopt;
            if (one_of->Empty()) {
                Report(list_path, "needs at least one option id");
                ok = false;
            }
            for (rapidjson::SizeType index = 0; index < one_of->Size(); ++index) {
                if (auto id = CheckId((*one_of)[index], At(list_path, index), "option id")) {
                    condition.option_ids.push_back(*id);
                } else {
                    ok = false;
                }
            }
        } else {
            condition.test = ConditionTest::kAtLeast;
            if (auto number = ReadInt(value, "at_least", path, true)) {
                condition.at_least = *number;
            } else {
                ok = false;
            }
        }
        if (!ok) return std::nullopt;
        return condition;
    }

    // ---- checks across questions ---------------------------------------------------------

    void CheckQuestionIds(const std::vector<ReadQuestion>& questions) {
        std::map<std::string, std::string> first_path_of_id;
        for (const auto& read : questions) {
            if (!read.question.id.empty()) CheckUniqueId(read.question.id, read.path, "question id", first_path_of_id);
        }
    }

    void CheckConditions(const std::vector<ReadQuestion>& questions) {
        for (std::size_t index = 0; index < questions.size(); ++index) {
            const ReadQuestion& read = questions[index];
            if (!read.question.condition) continue;
            const Condition& condition = *read.question.condition;
            const std::string path = Join(read.path, "condition");
            const auto target = std::find_if(questions.begin(), questions.end(), [&](const ReadQuestion& candidate) {
                return candidate.question.id == condition.question_id;
            });
            if (target == questions.end()) {
                Report(Join(path, "question"),
                       "condition refers to question " + Quoted(condition.question_id) + ", which does not exist");
                continue;
            }
            const auto target_index = static_cast<std::size_t>(std::distance(questions.begin(), target));
            if (target_index == index) {
                Report(Join(path, "question"), "a question's condition cannot refer to the question itself");
                continue;
            }
            if (target_index > index) {
                Report(Join(path, "question"), "condition refers to question " + Quoted(condition.question_id) +
                                                   ", which comes later (" + target->path +
                                                   "); a condition can only look at earlier answers");
                continue;
            }
            if (!target->kind_known) continue;
            const Question& referenced = target->question;
            if (condition.test == ConditionTest::kAtLeast) {
                if (!KindHasNumericValue(referenced.kind)) {
                    Report(Join(path, "at_least"), "question " + Quoted(referenced.id) + " is " +
                                                       std::string(QuestionKindName(referenced.kind)) +
                                                       ", which has no number to compare");
                    continue;
                }
                const std::int32_t low = referenced.kind == QuestionKind::kScale1To5 ? 1 : referenced.min_value;
                const std::int32_t high = referenced.kind == QuestionKind::kScale1To5 ? 5 : referenced.max_value;
                if (condition.at_least < low || condition.at_least > high) {
                    Report(Join(path, "at_least"), std::to_string(condition.at_least) + " is outside the range " +
                                                       std::to_string(low) + ".." + std::to_string(high) +
                                                       " of question " + Quoted(referenced.id));
                }
                continue;
            }
            for (std::size_t value_index = 0; value_index < condition.option_ids.size(); ++value_index) {
                const std::string& option_id = condition.option_ids[value_index];
                if (referenced.FindOption(option_id)) continue;
                const std::string value_path =
                    condition.test == ConditionTest::kEquals ? Join(path, "equals") : At(Join(path, "one_of"), value_index);
                Report(value_path, Quoted(option_id) + " is not an option of question " + Quoted(referenced.id));
            }
        }
    }

    std::string file_name_;
    std::vector<Problem> problems_;
    std::vector<std::string> languages_{kEnglish};
    std::map<std::string, OptionSet> option_sets_;
};

std::string BaseName(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string LineAndColumn(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t index = 0; index < offset; ++index) {
        if (text[index] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + " (offset " +
           std::to_string(offset) + ")";
}

}  // namespace


std::string SurveyLoadResult::ProblemsText() const {
    std::string text;
    for (const auto& problem : problems) {
        text += problem.ToString();
        text += '\n';
    }
    return text;
}

SurveyLoadResult SurveyLoader::LoadFromText(std::string_view json_text, const std::string& file_name) noexcept {
    SurveyLoadResult result;
    try {
        rapidjson::Document document;
        // Iterative parsing: a file of a million '[' must not overflow the stack.
        // Invalid UTF-8 is refused here rather than shown as garbage on a tablet.
        // No kParseFullPrecisionFlag: Debian's RapidJSON 1.1.0 crashes in its full-precision
        // number parser on "0." followed by thousands of zeros (found by fuzz_survey_loader;
        // the input is kept in fuzz/seeds), and survey numbers are small whole numbers.
        ParseJson(document, json_text);
        if (document.HasParseError()) {
            result.problems.push_back(
                Problem{file_name, 0, "", "",
                              std::string("malformed JSON at ") + LineAndColumn(json_text, document.GetErrorOffset()) +
                                  ": " + rapidjson::GetParseError_En(document.GetParseError())});
            return result;
        }
        SurveyFileReader reader(file_name);
        auto survey = reader.ReadSurvey(document);
        result.problems = reader.TakeProblems();
        if (result.problems.empty() && survey) {
            result.survey = std::move(survey);
        } else if (result.problems.empty()) {
            result.problems.push_back(Problem{file_name, 0, "", "", "the survey could not be read"});
        }
    } catch (const std::exception& error) {
        result.survey.reset();
        result.problems.push_back(Problem{file_name, 0, "", "", std::string("could not be read: ") + error.what()});
    } catch (...) {
        result.survey.reset();
        result.problems.push_back(Problem{file_name, 0, "", "", "could not be read"});
    }
    return result;
}

SurveyLoadResult SurveyLoader::LoadFromFile(const std::string& path) noexcept {
    const std::string file_name = BaseName(path);
    try {
        // The three surveys are tens of kilobytes; a file hundreds of times that is not a survey.
        constexpr std::uint64_t kMaxSurveyFileBytes = 16 * 1024 * 1024;
        const FileReadResult file = ReadWholeFile(path, kMaxSurveyFileBytes);
        if (file.outcome != FileReadOutcome::kRead) {
            SurveyLoadResult result;
            const std::string why = file.outcome == FileReadOutcome::kMissing ? "cannot open " + path + ": no such file"
                                    : file.outcome == FileReadOutcome::kTooBig ? file.error + ", too big to be a survey file"
                                                                               : file.error;
            result.problems.push_back(Problem{file_name, 0, "", "", why});
            return result;
        }
        return LoadFromText(file.bytes, file_name);
    } catch (...) {
        SurveyLoadResult result;
        result.problems.push_back(Problem{file_name, 0, "", "", "cannot read " + path});
        return result;
    }
}

std::vector<std::string> FindMissingTranslations(const Survey& survey, const std::string& language) {
    std::vector<std::string> missing;
    const auto check = [&](const TranslatableText& text, const std::string& where) {
        if (!text.IsEmpty() && !text.Has(language)) missing.push_back(where);
    };
    check(survey.title, "title");
    check(survey.introduction, "introduction");
    check(survey.closing, "closing");
    for (const auto& section : survey.sections) {
        check(section.title, "section " + Quoted(section.id) + ": title");
        check(section.introduction, "section " + Quoted(section.id) + ": introduction");
    }
    for (const auto& question : survey.questions) {
        const std::string where = "question " + Quoted(question.id);
        check(question.text, where + ": text");
        check(question.help, where + ": help");
        check(question.low_label, where + ": low_label");
        check(question.high_label, where + ": high_label");
        check(question.before_label, where + ": before_label");
        check(question.now_label, where + ": now_label");
        for (const auto& option : question.options) check(option.text, where + ": option " + Quoted(option.id));
    }
    for (const Contact& contact : survey.contacts.contacts) {
        const std::string where = "contact " + Quoted(contact.name.English());
        for (const TranslatableText* text : {&contact.name, &contact.helps_with, &contact.hours}) check(*text, where);
    }
    return missing;
}

}  // namespace yousaid
