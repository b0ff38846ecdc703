#pragma once
// Responses held in memory, one per id, with the merge rule every layer uses: the device's
// store, the officer's merged store, and tools that read several files at once.
//
// The merge rule: responses are immutable once saved and carry a random 128-bit id, so
//   - an incoming response equal to the one held (operator==: every field and answer) is
//     "already held" and changes nothing: loading a file twice never double-counts;
//   - one with a held id but different content is a conflict: it is reported with what
//     differs and never replaces what is held. Which one is right needs a person.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/responses/response.h"

namespace yousaid {

struct ResponseIdHash {
    std::size_t operator()(const ResponseId& id) const {
        // The ids are random, so folding the halves is an even hash.
        return static_cast<std::size_t>(id.high ^ (id.low * 0x9E3779B97F4A7C15ull));
    }
};

// How many responses of one survey version there are, by status. Exchanged in transfer
// file headers, so the fields are fixed-width.
struct ResponseCount {
    std::string survey_id;
    std::int32_t survey_version = 0;
    std::uint32_t complete = 0;
    std::uint32_t partial = 0;
    std::uint32_t refused = 0;

    std::uint32_t Total() const { return complete + partial + refused; }

    friend bool operator==(const ResponseCount& a, const ResponseCount& b) {
        return a.survey_id == b.survey_id && a.survey_version == b.survey_version && a.complete == b.complete &&
               a.partial == b.partial && a.refused == b.refused;
    }
    friend bool operator!=(const ResponseCount& a, const ResponseCount& b) { return !(a == b); }

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(cereal::make_nvp("survey_id", survey_id), cereal::make_nvp("survey_version", survey_version),
                cereal::make_nvp("complete", complete), cereal::make_nvp("partial", partial),
                cereal::make_nvp("refused", refused));
    }
};

// One entry per survey id and version, sorted by id then version.
std::vector<ResponseCount> CountResponses(const std::vector<Response>& responses);

// The same counts taken as responses go by, for readers that hand them on rather than keep them.
class ResponseCounter {
public:
    void Count(const Response& response);
    std::vector<ResponseCount> Counts() const;

private:
    std::map<std::pair<std::string, std::int32_t>, ResponseCount> counts_;
};

// A 128-bit hash of everything operator== compares, so that whether an incoming response
// equals the one held under its id can be told by keeping only the held one's fingerprint,
// not the response.
struct ResponseFingerprint {
    std::uint64_t high = 0;
    std::uint64_t low = 0;

    friend bool operator==(const ResponseFingerprint& a, const ResponseFingerprint& b) {
        return a.high == b.high && a.low == b.low;
    }
    friend bool operator!=(const ResponseFingerprint& a, const ResponseFingerprint& b) { return !(a == b); }
};
ResponseFingerprint FingerprintOf(const Response& response);

// What differs between two responses with the same id, for a conflict report, e.g.
// "status: partial / complete; answer 'happiness': 7 / 8". Empty when they are equal.
std::string DescribeResponseDifferences(const Response& held, const Response& incoming);

// An answer in words, as the conflict report and the CSV exporter show it: an option id,
// "a;b" for several, a number, the text, "3 -> 8" for before-and-now, "(skipped)".
std::string DescribeAnswer(const Answer& answer);

enum class MergeOutcome {
    kAdded,
    kAlreadyHeld,  // an equal response with this id is held; nothing changed
    kConflict,     // a different response with this id is held; nothing changed
};

class ResponseSet {
public:
    // Applies the merge rule; only kAdded changes the set.
    MergeOutcome Offer(const Response& response);
    // What Offer would do, without doing it.
    MergeOutcome Classify(const Response& response) const;
    // Adds or replaces whatever is held under the id ("the latest record wins"): used when
    // replaying a store's own log, never for files from elsewhere.
    void Put(Response response);

    bool Contains(const ResponseId& id) const { return index_.count(id) != 0; }
    const Response* Find(const ResponseId& id) const;
    std::size_t Size() const { return responses_.size(); }
    bool Empty() const { return responses_.empty(); }
    // In the order each id was first added.
    const std::vector<Response>& All() const { return responses_; }
    void Clear();

private:
    std::vector<Response> responses_;
    std::unordered_map<ResponseId, std::size_t, ResponseIdHash> index_;
};

// "1,204": figures in messages for officers read more easily with thousands separators.
std::string FormatCount(std::uint64_t value);

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::ResponseCount, 1)
