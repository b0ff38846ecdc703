#include "core/analytics/encoded_responses_builder.h"

#include <utility>

namespace yousaid {

EncodedResponsesBuilder::EncodedResponsesBuilder(Survey survey)
    : encoded_(std::move(survey)), checkpoint_(encoded_.CurrentExtent()) {}

EncodedResponsesBuilder::Offered EncodedResponsesBuilder::Offer(const Response& response) {
    const ResponseFingerprint fingerprint = FingerprintOf(response);
    const auto held = fingerprints_.find(response.id);
    if (held != fingerprints_.end()) {
        return Offered{held->second == fingerprint ? MergeOutcome::kAlreadyHeld : MergeOutcome::kConflict,
                       std::nullopt};
    }
    if (std::optional<Problem> problem = encoded_.Add(response)) return Offered{MergeOutcome::kAdded, std::move(problem)};
    fingerprints_.emplace(response.id, fingerprint);
    ids_by_row_.push_back(response.id);
    return Offered{MergeOutcome::kAdded, std::nullopt};
}

void EncodedResponsesBuilder::Checkpoint() { checkpoint_ = encoded_.CurrentExtent(); }

void EncodedResponsesBuilder::Rollback() {
    for (std::size_t row = checkpoint_.rows; row < ids_by_row_.size(); ++row) fingerprints_.erase(ids_by_row_[row]);
    ids_by_row_.resize(checkpoint_.rows);
    encoded_.TruncateTo(checkpoint_);
}

}  // namespace yousaid
