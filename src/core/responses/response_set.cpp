#include "core/responses/response_set.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/base/text.h"

namespace yousaid {

namespace {


std::string TimeOrNone(std::int64_t milliseconds) {
    return milliseconds == 0 ? std::string("none") : FormatIso8601Utc(milliseconds);
}

}  // namespace

std::vector<ResponseCount> CountResponses(const std::vector<Response>& responses) {
    ResponseCounter counter;
    for (const Response& response : responses) counter.Count(response);
    return counter.Counts();
}

void ResponseCounter::Count(const Response& response) {
    ResponseCount& count = counts_[{response.survey_id, response.survey_version}];
    count.survey_id = response.survey_id;
    count.survey_version = response.survey_version;
    switch (response.status) {
        case ResponseStatus::kComplete:
            ++count.complete;
            break;
        case ResponseStatus::kPartial:
            ++count.partial;
            break;
        case ResponseStatus::kRefused:
            ++count.refused;
            break;
    }
}

std::vector<ResponseCount> ResponseCounter::Counts() const {
    std::vector<ResponseCount> result;
    result.reserve(counts_.size());
    for (const auto& entry : counts_) result.push_back(entry.second);
    return result;
}

namespace {

// MurmurHash3's finaliser: every bit of the input changes about half the bits of the output.
std::uint64_t Mix64(std::uint64_t value) {
    value ^= value >> 33;
    value *= 0xFF51AFD7ED558CCDull;
    value ^= value >> 33;
    value *= 0xC4CEB9FE1A85EC53ull;
    value ^= value >> 33;
    return value;
}

// Two differently seeded 64-bit lanes over 8-byte words (xxHash64's round), mixed together at
// the end, each text with its length in front so that no two different responses give the
// same words ("ab" + "c" and "a" + "bc" differ).
// Not cryptographic, and need not be: two different responses under one id would have to
// agree on 128 bits by chance, and a person who can forge a response file can change its
// answers anyway. SHA-256 here cost more than reading the rest of a large file.
class FingerprintHasher {
public:
    void Add(std::string_view text) {
        Add(static_cast<std::uint64_t>(text.size()));
        std::size_t offset = 0;
        // Byte order does not matter: fingerprints are never stored or sent.
        for (; offset + 8 <= text.size(); offset += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + offset, 8);
            Add(word);
        }
        if (offset < text.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + offset, text.size() - offset);
            Add(word);
        }
    }
    void Add(std::uint64_t word) {
        high_ = Round(high_, word, 0xC2B2AE3D27D4EB4Full, 0x9E3779B97F4A7C15ull);
        low_ = Round(low_, word, 0x165667B19E3779F9ull, 0x85EBCA77C2B2AE63ull);
    }
    void AddSigned(std::int64_t value) { Add(static_cast<std::uint64_t>(value)); }

    // Only the fields that belong to the answer's kind, as operator== compares them.
    void Add(const Answer& answer) {
        AddSigned(static_cast<std::int64_t>(answer.kind));
        switch (answer.kind) {
            case AnswerKind::kSkipped:
                break;
            case AnswerKind::kOption:
                Add(answer.option_id);
                break;
            case AnswerKind::kOptions:
                Add(static_cast<std::uint64_t>(answer.option_ids.size()));
                for (const std::string& option_id : answer.option_ids) Add(option_id);
                break;
            case AnswerKind::kInteger:
                AddSigned(answer.value);
                break;
            case AnswerKind::kText:
                Add(answer.text);
                break;
            case AnswerKind::kBeforeAndNow:
                AddSigned(answer.before);
                AddSigned(answer.now);
                break;
        }
    }

    ResponseFingerprint Finish() const { return ResponseFingerprint{Mix64(high_ ^ low_), Mix64(low_ + high_)}; }

private:
    static std::uint64_t Round(std::uint64_t lane, std::uint64_t word, std::uint64_t spread, std::uint64_t mix) {
        lane += word * spread;
        lane = (lane << 31) | (lane >> 33);
        return lane * mix;
    }

    std::uint64_t high_ = 0x9E3779B97F4A7C15ull;
    std::uint64_t low_ = 0xC2B2AE3D27D4EB4Full;
};

}  // namespace

ResponseFingerprint FingerprintOf(const Response& response) {
    FingerprintHasher hasher;
    hasher.Add(response.id.high);
    hasher.Add(response.id.low);
    for (const std::string* text : {&response.survey_id, &response.wave, &response.station_id, &response.event_id,
                                    &response.language}) {
        hasher.Add(*text);
    }
    hasher.AddSigned(response.survey_version);
    hasher.AddSigned(response.started_at_ms);
    hasher.AddSigned(response.submitted_at_ms);
    hasher.AddSigned(static_cast<std::int64_t>(response.status));
    hasher.AddSigned(static_cast<std::int64_t>(response.answer_mode));
    hasher.Add(static_cast<std::uint64_t>(response.answers.size()));
    for (const auto& [question_id, answer] : response.answers) {
        hasher.Add(question_id);
        hasher.Add(answer);
    }
    if (response.IsSealed()) hasher.Add(response.sealed);
    return hasher.Finish();
}

std::string DescribeAnswer(const Answer& answer) {
    switch (answer.kind) {
        case AnswerKind::kSkipped:
            return "(skipped)";
        case AnswerKind::kOption:
            return answer.option_id;
        case AnswerKind::kOptions: {
            std::string joined;
            for (const std::string& option_id : answer.option_ids) {
                if (!joined.empty()) joined += ';';
                joined += option_id;
            }
            return joined;
        }
        case AnswerKind::kInteger:
            return std::to_string(answer.value);
        case AnswerKind::kText:
            return "\"" + answer.text + "\"";
        case AnswerKind::kBeforeAndNow:
            return std::to_string(answer.before) + " -> " + std::to_string(answer.now);
    }
    return "?";
}

std::string DescribeResponseDifferences(const Response& held, const Response& incoming) {
    std::vector<std::string> parts;
    const auto field = [&](const char* name, const std::string& a, const std::string& b) {
        if (a != b) parts.push_back(std::string(name) + ": " + a + " / " + b);
    };
    field("survey", held.survey_id + " v" + std::to_string(held.survey_version),
          incoming.survey_id + " v" + std::to_string(incoming.survey_version));
    field("wave", held.wave, incoming.wave);
    field("station", held.station_id, incoming.station_id);
    field("event", held.event_id, incoming.event_id);
    field("started", TimeOrNone(held.started_at_ms), TimeOrNone(incoming.started_at_ms));
    field("submitted", TimeOrNone(held.submitted_at_ms), TimeOrNone(incoming.submitted_at_ms));
    field("status", std::string(ResponseStatusName(held.status)), std::string(ResponseStatusName(incoming.status)));
    field("answer mode", std::string(AnswerModeName(held.answer_mode)),
          std::string(AnswerModeName(incoming.answer_mode)));
    field("language", held.language, incoming.language);

    std::set<std::string> question_ids;
    for (const auto& entry : held.answers) question_ids.insert(entry.first);
    for (const auto& entry : incoming.answers) question_ids.insert(entry.first);
    for (const std::string& question_id : question_ids) {
        const auto a = held.answers.find(question_id);
        const auto b = incoming.answers.find(question_id);
        const std::string left = a == held.answers.end() ? "(no answer)" : DescribeAnswer(a->second);
        const std::string right = b == incoming.answers.end() ? "(no answer)" : DescribeAnswer(b->second);
        const bool same = a != held.answers.end() && b != incoming.answers.end() && a->second == b->second;
        if (!same) parts.push_back("answer " + Quoted(question_id) + ": " + left + " / " + right);
    }
    std::string text;
    for (const std::string& part : parts) {
        if (!text.empty()) text += "; ";
        text += part;
    }
    return text;
}

MergeOutcome ResponseSet::Classify(const Response& response) const {
    const Response* held = Find(response.id);
    if (held == nullptr) return MergeOutcome::kAdded;
    return *held == response ? MergeOutcome::kAlreadyHeld : MergeOutcome::kConflict;
}

MergeOutcome ResponseSet::Offer(const Response& response) {
    const MergeOutcome outcome = Classify(response);
    if (outcome == MergeOutcome::kAdded) {
        index_.emplace(response.id, responses_.size());
        responses_.push_back(response);
    }
    return outcome;
}

void ResponseSet::Put(Response response) {
    const auto found = index_.find(response.id);
    if (found != index_.end()) {
        responses_[found->second] = std::move(response);
        return;
    }
    index_.emplace(response.id, responses_.size());
    responses_.push_back(std::move(response));
}

const Response* ResponseSet::Find(const ResponseId& id) const {
    const auto found = index_.find(id);
    return found == index_.end() ? nullptr : &responses_[found->second];
}

void ResponseSet::Clear() {
    responses_.clear();
    index_.clear();
}

std::string FormatCount(std::uint64_t value) {
    std::string digits = std::to_string(value);
    std::string grouped;
    const std::size_t length = digits.size();
    for (std::size_t index = 0; index < length; ++index) {
        if (index > 0 && (length - index) % 3 == 0) grouped.push_back(',');
        grouped.push_back(digits[index]);
    }
    return grouped;
}

}  // namespace yousaid
