#include "core/survey/survey.h"

#include "core/base/enum_names.h"

#include <algorithm>
#include <array>
#include <utility>

namespace yousaid {

namespace {

constexpr EnumNames<QuestionKind, 8> kKindNames{{
    {QuestionKind::kSingleChoice, "single_choice"},
    {QuestionKind::kMultipleChoice, "multiple_choice"},
    {QuestionKind::kScale1To5, "scale_1_5"},
    {QuestionKind::kRating0To10, "rating_0_10"},
    {QuestionKind::kYesSometimesNo, "yes_sometimes_no"},
    {QuestionKind::kNumber, "number"},
    {QuestionKind::kShortText, "short_text"},
    {QuestionKind::kBeforeAndNow, "before_and_now"},
}};

constexpr EnumNames<NonSubstantive, 3> kNonSubstantiveNames{{
    {NonSubstantive::kNone, "none"},
    {NonSubstantive::kDontKnow, "dont_know"},
    {NonSubstantive::kPreferNotToSay, "prefer_not_to_say"},
}};

constexpr EnumNames<SurveyAudience, 2> kAudienceNames{{
    {SurveyAudience::kYoungPeople, "young_people"},
    {SurveyAudience::kParentsAndCarers, "parents_and_carers"},
}};

}  // namespace

std::string_view QuestionKindName(QuestionKind kind) { return NameOf(kKindNames, kind); }
std::optional<QuestionKind> ParseQuestionKind(std::string_view name) { return ValueOf(kKindNames, name); }

std::string_view NonSubstantiveName(NonSubstantive non_substantive) {
    return NameOf(kNonSubstantiveNames, non_substantive);
}
std::optional<NonSubstantive> ParseNonSubstantive(std::string_view name) {
    return ValueOf(kNonSubstantiveNames, name);
}

std::string_view SurveyAudienceName(SurveyAudience audience) { return NameOf(kAudienceNames, audience); }
std::optional<SurveyAudience> ParseSurveyAudience(std::string_view name) {
    return ValueOf(kAudienceNames, name);
}

bool KindAnswersWithOptions(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::kSingleChoice:
        case QuestionKind::kMultipleChoice:
        case QuestionKind::kScale1To5:
        case QuestionKind::kYesSometimesNo:
            return true;
        case QuestionKind::kRating0To10:
        case QuestionKind::kNumber:
        case QuestionKind::kShortText:
        case QuestionKind::kBeforeAndNow:
            return false;
    }
    return false;
}

bool KindHasNumericValue(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::kScale1To5:
        case QuestionKind::kRating0To10:
        case QuestionKind::kNumber:
        case QuestionKind::kBeforeAndNow:
            return true;
        case QuestionKind::kSingleChoice:
        case QuestionKind::kMultipleChoice:
        case QuestionKind::kYesSometimesNo:
        case QuestionKind::kShortText:
            return false;
    }
    return false;
}

const Option* Question::FindOption(std::string_view option_id) const {
    const auto found = std::find_if(options.begin(), options.end(),
                                    [&](const Option& option) { return option.id == option_id; });
    return found == options.end() ? nullptr : &*found;
}

bool operator==(const Question& a, const Question& b) {
    return a.id == b.id && a.kind == b.kind && a.text == b.text && a.help == b.help &&
           a.required == b.required && a.role == b.role && a.dimension == b.dimension &&
           a.theme == b.theme && a.section_id == b.section_id && a.options == b.options &&
           a.positive_option_ids == b.positive_option_ids && a.positive_at_least == b.positive_at_least &&
           a.min_value == b.min_value && a.max_value == b.max_value && a.max_length == b.max_length &&
           a.max_choices == b.max_choices && a.low_label == b.low_label && a.high_label == b.high_label &&
           a.before_label == b.before_label && a.now_label == b.now_label && a.condition == b.condition;
}

const Question* Survey::FindQuestion(const std::string& question_id) const {
    const auto index = QuestionIndex(question_id);
    return index ? &questions[*index] : nullptr;
}

std::optional<std::size_t> Survey::QuestionIndex(const std::string& question_id) const {
    for (std::size_t index = 0; index < questions.size(); ++index) {
        if (questions[index].id == question_id) return index;
    }
    return std::nullopt;
}

const Section* Survey::FindSection(const std::string& section_id) const {
    const auto found = std::find_if(sections.begin(), sections.end(),
                                    [&](const Section& section) { return section.id == section_id; });
    return found == sections.end() ? nullptr : &*found;
}

bool Survey::HasLanguage(const std::string& language) const {
    return std::find(languages.begin(), languages.end(), language) != languages.end();
}

bool operator==(const Survey& a, const Survey& b) {
    return a.id == b.id && a.version == b.version && a.title == b.title &&
           a.introduction == b.introduction && a.closing == b.closing && a.audience == b.audience &&
           a.languages == b.languages && a.sections == b.sections && a.questions == b.questions &&
           a.contacts == b.contacts;
}

}  // namespace yousaid
