#pragma once
// Two encodings of the same responses, compared column by column: shared by the tests of
// every path that encodes (the CLI's streaming builder, the officer store's segments).
#include <doctest/doctest.h>

#include <utility>
#include <vector>

#include "core/analytics/encoded_responses.h"

namespace encoding_checks {

using namespace yousaid;

constexpr ResponseField kDictionaryFields[] = {ResponseField::kWave, ResponseField::kEvent, ResponseField::kStation,
                                               ResponseField::kLanguage};

// Every column, codebook and dictionary of two encodings, compared.
inline void CheckSameEncoding(const EncodedResponses& streamed, const EncodedResponses& whole) {
    REQUIRE(streamed.RowCount() == whole.RowCount());
    for (std::size_t question = 0; question < whole.survey().questions.size(); ++question) {
        INFO("question " << whole.survey().questions[question].id);
        CHECK(streamed.AnswerCodes(question) == whole.AnswerCodes(question));
        CHECK(streamed.Codebook(question).NumberValues() == whole.Codebook(question).NumberValues());
    }
    for (std::size_t row = 0; row < whole.RowCount(); ++row) {
        CHECK(streamed.Status(row) == whole.Status(row));
        CHECK(streamed.Mode(row) == whole.Mode(row));
    }
    for (const ResponseField field : kDictionaryFields) {
        CHECK(streamed.FieldCodes(field) == whole.FieldCodes(field));
        CHECK(streamed.FieldValues(field) == whole.FieldValues(field));
    }
    CHECK(streamed.LatestSubmittedByWave() == whole.LatestSubmittedByWave());
}

inline EncodedResponses EncodeAtOnce(const Survey& survey, const std::vector<Response>& responses) {
    Result<EncodedResponses> encoded = EncodedResponses::FromResponses(survey, responses);
    REQUIRE_MESSAGE(encoded.ok(), encoded.Message());
    return std::move(*encoded.value);
}

}  // namespace encoding_checks
