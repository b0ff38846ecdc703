#include "core/officer/comment_query.h"

#include <algorithm>

#include "core/base/text.h"

namespace yousaid {

namespace {

const std::string& FieldOf(const EncodedResponses& encoded, ResponseField field, std::uint32_t row) {
    return encoded.FieldValues(field)[encoded.FieldCodes(field)[row]];
}

// An empty filter takes any value; kNoValueGroup takes responses without one.
bool Matches(const std::string& wanted, const std::string& value) {
    return wanted.empty() || wanted == value || (wanted == kNoValueGroup && value.empty());
}

}  // namespace

std::vector<std::size_t> CommentQuestions(const Survey& survey) {
    std::vector<std::size_t> questions;
    for (std::size_t index = 0; index < survey.questions.size(); ++index) {
        if (survey.questions[index].kind == QuestionKind::kShortText) questions.push_back(index);
    }
    return questions;
}

bool ContainsIgnoringCase(const std::string& text, const std::string& wanted) {
    if (wanted.empty()) return true;
    return AsciiLowercase(text).find(AsciiLowercase(wanted)) != std::string::npos;
}

std::vector<FoundComment> FindComments(const HeldSurvey& held, const CommentFilter& filter) {
    std::vector<FoundComment> found;
    const EncodedResponses& encoded = held.encoded;
    const std::string search(TrimSpaces(filter.search));
    for (std::size_t index = 0; index < held.texts.size(); ++index) {
        const StoredText& text = held.texts[index];
        if (text.question != filter.question_index || text.row >= encoded.RowCount()) continue;
        FoundComment comment;
        comment.wave = FieldOf(encoded, ResponseField::kWave, text.row);
        comment.station = FieldOf(encoded, ResponseField::kStation, text.row);
        comment.event = FieldOf(encoded, ResponseField::kEvent, text.row);
        if (!Matches(filter.wave, comment.wave) || !Matches(filter.station, comment.station) ||
            !Matches(filter.event, comment.event) || !ContainsIgnoringCase(text.text, search)) {
            continue;
        }
        comment.text_index = index;
        comment.row = text.row;
        comment.response = text.row < held.ids.size() ? held.ids[text.row] : ResponseId{};
        comment.submitted_at_ms = text.submitted_at_ms;
        found.push_back(std::move(comment));
    }
    std::sort(found.begin(), found.end(), [](const FoundComment& a, const FoundComment& b) {
        return a.submitted_at_ms != b.submitted_at_ms ? a.submitted_at_ms > b.submitted_at_ms : a.row > b.row;
    });
    return found;
}

}  // namespace yousaid
