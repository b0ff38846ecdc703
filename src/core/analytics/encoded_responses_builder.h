#pragma once
// Encoded columns built one response at a time, as files are read: each response is merged
// by id (the rule of response_set.h), encoded if it is new, and dropped. Only each id and a
// fingerprint of its content are kept, never the responses, so reading a file costs the
// memory of its columns, not of its responses. No I/O: readers hand responses in, whatever
// the file they come from (the report CLI, and the officer's store in the browser).
#include <cstddef>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/analytics/encoded_responses.h"
#include "core/base/problem.h"
#include "core/responses/response.h"
#include "core/responses/response_set.h"
#include "core/survey/survey.h"

namespace yousaid {

class EncodedResponsesBuilder {
public:
    explicit EncodedResponsesBuilder(Survey survey);

    struct Offered {
        MergeOutcome outcome = MergeOutcome::kAdded;
        // With kAdded: the response could not be encoded (EncodedResponses::Add says why),
        // and nothing was added.
        std::optional<Problem> problem;
    };
    // kAdded: encoded as a new row. kAlreadyHeld: a response equal to it is held (a file
    // read twice); kConflict: a different response is held under its id. Neither changes
    // anything; which one is right needs a person, who can be shown what differs by reading
    // the files again (only fingerprints are kept here).
    Offered Offer(const Response& response);

    // A file found bad after some of its responses were offered (a CSV file is judged at its
    // end) is taken back whole: Rollback forgets everything added since the last Checkpoint.
    void Checkpoint();
    void Rollback();

    const EncodedResponses& Encoded() const { return encoded_; }
    EncodedResponses TakeEncoded() { return std::move(encoded_); }
    // Each row's response id, in row order: the officer's theme tags name comments by it.
    const std::vector<ResponseId>& RowIds() const { return ids_by_row_; }

private:
    EncodedResponses encoded_;
    std::unordered_map<ResponseId, ResponseFingerprint, ResponseIdHash> fingerprints_;
    std::vector<ResponseId> ids_by_row_;  // to forget the ids of rows taken back
    EncodedResponses::Extent checkpoint_;
};

}  // namespace yousaid
