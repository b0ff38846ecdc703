#include "core/responses/answer.h"

#include "core/base/enum_names.h"

namespace yousaid {

namespace {
constexpr EnumNames<AnswerKind, 6> kAnswerKindNames{{
    {AnswerKind::kSkipped, "skipped"},
    {AnswerKind::kOption, "option"},
    {AnswerKind::kOptions, "options"},
    {AnswerKind::kInteger, "integer"},
    {AnswerKind::kText, "text"},
    {AnswerKind::kBeforeAndNow, "before_and_now"},
}};
}  // namespace

std::string_view AnswerKindName(AnswerKind kind) { return NameOf(kAnswerKindNames, kind); }

std::optional<AnswerKind> ParseAnswerKind(std::string_view name) { return ValueOf(kAnswerKindNames, name); }

Answer Answer::Skipped() { return Answer{}; }

Answer Answer::Choice(std::string option_id) {
    Answer answer;
    answer.kind = AnswerKind::kOption;
    answer.option_id = std::move(option_id);
    return answer;
}

Answer Answer::Choices(std::set<std::string> option_ids) {
    Answer answer;
    answer.kind = AnswerKind::kOptions;
    answer.option_ids = std::move(option_ids);
    return answer;
}

Answer Answer::Integer(std::int32_t value) {
    Answer answer;
    answer.kind = AnswerKind::kInteger;
    answer.value = value;
    return answer;
}

Answer Answer::Text(std::string text) {
    Answer answer;
    answer.kind = AnswerKind::kText;
    answer.text = std::move(text);
    return answer;
}

Answer Answer::BeforeAndNow(std::int32_t before, std::int32_t now) {
    Answer answer;
    answer.kind = AnswerKind::kBeforeAndNow;
    answer.before = before;
    answer.now = now;
    return answer;
}

bool operator==(const Answer& a, const Answer& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case AnswerKind::kSkipped:
            return true;
        case AnswerKind::kOption:
            return a.option_id == b.option_id;
        case AnswerKind::kOptions:
            return a.option_ids == b.option_ids;
        case AnswerKind::kInteger:
            return a.value == b.value;
        case AnswerKind::kText:
            return a.text == b.text;
        case AnswerKind::kBeforeAndNow:
            return a.before == b.before && a.now == b.now;
    }
    return false;
}

}  // namespace yousaid
