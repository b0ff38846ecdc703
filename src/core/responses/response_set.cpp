#include "core/responses/response_set.h"

#include <algorithm>
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
    std::map<std::pair<std::string, std::int32_t>, ResponseCount> counts;
    for (const Response& response : responses) {
        ResponseCount& count = counts[{response.survey_id, response.survey_version}];
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
    std::vector<ResponseCount> result;
    result.reserve(counts.size());
    for (auto& entry : counts) result.push_back(std::move(entry.second));
    return result;
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
