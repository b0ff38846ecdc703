#pragma once
// The survey model: what a survey file (assets/surveys/*.json, see docs/survey-format.md)
// becomes once SurveyLoader has checked it. Surveys are data; nothing here knows any
// particular survey.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <cereal/cereal.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/set.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include "core/survey/contacts.h"
#include "core/survey/translatable_text.h"

namespace yousaid {

// Enumerators are stored as their integer values in cached surveys: append, never reorder.
enum class QuestionKind : std::int32_t {
    kSingleChoice = 0,
    kMultipleChoice = 1,
    kScale1To5 = 2,        // agreement or satisfaction; the UI draws smiley faces
    kRating0To10 = 3,
    kYesSometimesNo = 4,   // options yes / sometimes / no, usually with a "don't know"
    kNumber = 5,           // a whole number between min and max
    kShortText = 6,
    kBeforeAndNow = 7,     // two 0-10 ratings: how things were before, how they are now
};

// Analytics reports "don't know" and "prefer not to say" differently: the first is an
// answer about knowledge, the second a refusal, so the option says which one it is.
enum class NonSubstantive : std::int32_t {
    kNone = 0,
    kDontKnow = 1,
    kPreferNotToSay = 2,
};

enum class QuestionRole : std::int32_t {
    kItem = 0,         // a measured item (satisfaction, agreement, rating...)
    kDemographic = 1,  // "about you": a breakdown dimension for analytics
};

enum class ConditionTest : std::int32_t {
    kEquals = 0,   // the earlier answer is (or, for multiple choice, includes) this option
    kOneOf = 1,    // ... is (or includes) one of these options
    kAtLeast = 2,  // the earlier numeric answer (scale value, rating, number, "now") >= N
};

enum class SurveyAudience : std::int32_t {
    kYoungPeople = 0,       // the app's wording on the last screen speaks to a young person
    kParentsAndCarers = 1,
};

// Names used in survey files and exports; the inverse returns nullopt for unknown names.
std::string_view QuestionKindName(QuestionKind kind);
std::optional<QuestionKind> ParseQuestionKind(std::string_view name);
std::string_view NonSubstantiveName(NonSubstantive non_substantive);
std::optional<NonSubstantive> ParseNonSubstantive(std::string_view name);
std::string_view SurveyAudienceName(SurveyAudience audience);
std::optional<SurveyAudience> ParseSurveyAudience(std::string_view name);

// Whether answers to this kind are option ids (as opposed to numbers or text).
bool KindAnswersWithOptions(QuestionKind kind);
// Whether a condition can test this kind with "at_least".
bool KindHasNumericValue(QuestionKind kind);

struct Option {
    std::string id;
    TranslatableText text;
    NonSubstantive non_substantive = NonSubstantive::kNone;
    // The scale point (1..5) of a scale option; other options have none.
    std::optional<std::int32_t> value;

    bool IsSubstantive() const { return non_substantive == NonSubstantive::kNone; }

    friend bool operator==(const Option& a, const Option& b) {
        return a.id == b.id && a.text == b.text && a.non_substantive == b.non_substantive &&
               a.value == b.value;
    }

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(cereal::make_nvp("id", id), cereal::make_nvp("text", text),
                cereal::make_nvp("non_substantive", non_substantive), cereal::make_nvp("value", value));
    }
};

struct Condition {
    std::string question_id;
    ConditionTest test = ConditionTest::kEquals;
    std::vector<std::string> option_ids;  // kEquals: exactly one; kOneOf: one or more
    std::int32_t at_least = 0;            // kAtLeast only

    friend bool operator==(const Condition& a, const Condition& b) {
        return a.question_id == b.question_id && a.test == b.test && a.option_ids == b.option_ids &&
               a.at_least == b.at_least;
    }

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(cereal::make_nvp("question_id", question_id), cereal::make_nvp("test", test),
                cereal::make_nvp("option_ids", option_ids), cereal::make_nvp("at_least", at_least));
    }
};

struct Question {
    std::string id;
    QuestionKind kind = QuestionKind::kSingleChoice;
    TranslatableText text;
    TranslatableText help;          // empty when there is none
    bool required = false;
    QuestionRole role = QuestionRole::kItem;
    std::string dimension;          // demographics: breakdown name, e.g. "school", "phase"
    std::string theme;              // empty when none, e.g. "listened_to"
    std::string section_id;         // empty when the survey has no sections
    std::vector<Option> options;    // for numeric and text kinds: non-substantive ones only
    std::set<std::string> positive_option_ids;
    std::optional<std::int32_t> positive_at_least;  // rating_0_10 and before_and_now
    std::int32_t min_value = 0;     // number: the allowed range; ratings: 0..10
    std::int32_t max_value = 0;
    std::int32_t max_length = 0;    // short_text: in Unicode characters (code points)
    std::int32_t max_choices = 0;   // multiple_choice: 0 means no limit
    TranslatableText low_label;     // rating anchors, e.g. "Not at all happy"
    TranslatableText high_label;
    TranslatableText before_label;  // before_and_now: what "before" and "now" mean
    TranslatableText now_label;
    std::optional<Condition> condition;

    const Option* FindOption(std::string_view option_id) const;
    bool IsPositiveOption(const std::string& option_id) const {
        return positive_option_ids.count(option_id) != 0;
    }

    friend bool operator==(const Question& a, const Question& b);

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(cereal::make_nvp("id", id), cereal::make_nvp("kind", kind), cereal::make_nvp("text", text),
                cereal::make_nvp("help", help), cereal::make_nvp("required", required),
                cereal::make_nvp("role", role), cereal::make_nvp("dimension", dimension),
                cereal::make_nvp("theme", theme), cereal::make_nvp("section_id", section_id),
                cereal::make_nvp("options", options),
                cereal::make_nvp("positive_option_ids", positive_option_ids),
                cereal::make_nvp("positive_at_least", positive_at_least),
                cereal::make_nvp("min_value", min_value), cereal::make_nvp("max_value", max_value),
                cereal::make_nvp("max_length", max_length), cereal::make_nvp("max_choices", max_choices),
                cereal::make_nvp("low_label", low_label), cereal::make_nvp("high_label", high_label),
                cereal::make_nvp("before_label", before_label), cereal::make_nvp("now_label", now_label),
                cereal::make_nvp("condition", condition));
    }
};

struct Section {
    std::string id;
    TranslatableText title;
    TranslatableText introduction;  // empty when there is none

    friend bool operator==(const Section& a, const Section& b) {
        return a.id == b.id && a.title == b.title && a.introduction == b.introduction;
    }

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(cereal::make_nvp("id", id), cereal::make_nvp("title", title),
                cereal::make_nvp("introduction", introduction));
    }
};

struct Survey {
    std::string id;
    std::int32_t version = 0;
    TranslatableText title;
    TranslatableText introduction;
    TranslatableText closing;  // shown after submit; empty when there is none
    SurveyAudience audience = SurveyAudience::kYoungPeople;
    std::vector<std::string> languages;  // "en" first, then the others as declared
    std::vector<Section> sections;       // empty when the questions are not grouped
    std::vector<Question> questions;     // in the order respondents meet them
    SurveyContacts contacts;             // the signposting screen's; empty when the file names none

    const Question* FindQuestion(const std::string& question_id) const;
    // Position in `questions`, or nullopt. Conditions may only look backwards.
    std::optional<std::size_t> QuestionIndex(const std::string& question_id) const;
    const Section* FindSection(const std::string& section_id) const;
    bool HasLanguage(const std::string& language) const;

    friend bool operator==(const Survey& a, const Survey& b);

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(cereal::make_nvp("id", id), cereal::make_nvp("version", version),
                cereal::make_nvp("title", title), cereal::make_nvp("introduction", introduction),
                cereal::make_nvp("closing", closing), cereal::make_nvp("audience", audience),
                cereal::make_nvp("languages", languages), cereal::make_nvp("sections", sections),
                cereal::make_nvp("questions", questions), cereal::make_nvp("contacts", contacts));
    }
};

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::Option, 1)
CEREAL_CLASS_VERSION(yousaid::Condition, 1)
CEREAL_CLASS_VERSION(yousaid::Question, 1)
CEREAL_CLASS_VERSION(yousaid::Section, 1)
CEREAL_CLASS_VERSION(yousaid::Survey, 1)
