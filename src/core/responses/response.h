#pragma once
// One person's go at a survey, as stored on the tablet and carried in response files.
// Files from many tablets are merged by id, so equal ids with unequal content are a
// conflict: operator== compares content for exactly that.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <cereal/cereal.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/string.hpp>

#include "core/responses/answer.h"

namespace yousaid {

// Fills `count` bytes with secure randomness; the platform layer passes
// platform::FillSecureRandom, tests pass a deterministic stand-in.
using RandomBytesFunction = std::function<void(std::uint8_t* out, std::size_t count)>;

// A random 128-bit id: unguessable, so ids reveal neither order nor device, and
// collision-free in practice across every tablet without coordination.
struct ResponseId {
    std::uint64_t high = 0;  // the first 8 bytes, big-endian, so hex order = byte order
    std::uint64_t low = 0;

    static ResponseId Generate(const RandomBytesFunction& fill_random);
    // 32 lowercase hex digits; nullopt for anything else (uppercase is accepted).
    static std::optional<ResponseId> FromHex(std::string_view hex);
    std::string ToHex() const;
    bool IsNil() const { return high == 0 && low == 0; }

    friend bool operator==(const ResponseId& a, const ResponseId& b) { return a.high == b.high && a.low == b.low; }
    friend bool operator!=(const ResponseId& a, const ResponseId& b) { return !(a == b); }
    friend bool operator<(const ResponseId& a, const ResponseId& b) {
        return a.high != b.high ? a.high < b.high : a.low < b.low;
    }
};

// Stored by name in files: append freely, the names must never change.
enum class ResponseStatus : std::int32_t {
    kComplete = 0,
    kPartial = 1,  // started, left before the end; counted by RR2, not RR1
    kRefused = 2,  // approached at a stall and declined; counted by the cooperation rate
};

enum class AnswerMode : std::int32_t {
    kSelf = 0,
    kHelpedByAdult = 1,
    kOnBehalf = 2,  // someone answered on the person's behalf
    kByPhone = 3,
};

std::string_view ResponseStatusName(ResponseStatus status);
std::optional<ResponseStatus> ParseResponseStatus(std::string_view name);
std::string_view AnswerModeName(AnswerMode mode);
std::optional<AnswerMode> ParseAnswerMode(std::string_view name);

// UTC, millisecond precision: "2026-03-14T09:26:53.589Z". Valid for years 0000-9999.
std::string FormatIso8601Utc(std::int64_t milliseconds_since_epoch);

struct Response {
    ResponseId id;
    std::string survey_id;
    std::int32_t survey_version = 0;
    std::string wave;        // e.g. "2026": which round of the survey, for baseline and change
    std::string station_id;  // the tablet or browser that collected it
    std::string event_id;    // e.g. a Local Offer fayre; empty when not at an event
    std::int64_t started_at_ms = 0;    // UTC milliseconds since 1970-01-01
    std::int64_t submitted_at_ms = 0;  // 0 while not yet submitted
    ResponseStatus status = ResponseStatus::kPartial;
    AnswerMode answer_mode = AnswerMode::kSelf;
    std::string language = "en";
    AnswerMap answers;
    // On a station with officer keys: the whole response (answers and language included)
    // sealed to those keys (sealed_response.h), while the fields above the language stay
    // readable for counting and merging; the language and answers are then empty. Empty for
    // a response in the clear.
    std::string sealed;

    bool IsSealed() const { return !sealed.empty(); }

    friend bool operator==(const Response& a, const Response& b);
    friend bool operator!=(const Response& a, const Response& b) { return !(a == b); }

    template <class Archive>
    void save(Archive& archive, const std::uint32_t /*version*/) const {
        archive(cereal::make_nvp("id", id.ToHex()), cereal::make_nvp("survey_id", survey_id),
                cereal::make_nvp("survey_version", survey_version), cereal::make_nvp("wave", wave),
                cereal::make_nvp("station_id", station_id), cereal::make_nvp("event_id", event_id),
                cereal::make_nvp("started_at_ms", started_at_ms),
                cereal::make_nvp("submitted_at_ms", submitted_at_ms),
                cereal::make_nvp("status", std::string(ResponseStatusName(status))),
                cereal::make_nvp("answer_mode", std::string(AnswerModeName(answer_mode))),
                cereal::make_nvp("language", language), cereal::make_nvp("answers", answers),
                cereal::make_nvp("sealed", sealed));
    }

    template <class Archive>
    void load(Archive& archive, const std::uint32_t version) {
        if (version > kSerialVersion) {
            throw cereal::Exception("response was written by a newer version of Yousaid");
        }
        std::string id_hex;
        std::string status_name;
        std::string mode_name;
        archive(cereal::make_nvp("id", id_hex), cereal::make_nvp("survey_id", survey_id),
                cereal::make_nvp("survey_version", survey_version), cereal::make_nvp("wave", wave),
                cereal::make_nvp("station_id", station_id), cereal::make_nvp("event_id", event_id),
                cereal::make_nvp("started_at_ms", started_at_ms),
                cereal::make_nvp("submitted_at_ms", submitted_at_ms), cereal::make_nvp("status", status_name),
                cereal::make_nvp("answer_mode", mode_name), cereal::make_nvp("language", language),
                cereal::make_nvp("answers", answers));
        sealed.clear();
        if (version >= 2) archive(cereal::make_nvp("sealed", sealed));
        const auto parsed_id = ResponseId::FromHex(id_hex);
        if (!parsed_id) throw cereal::Exception("response id '" + id_hex + "' is not 32 hex digits");
        const auto parsed_status = ParseResponseStatus(status_name);
        if (!parsed_status) throw cereal::Exception("unknown response status '" + status_name + "'");
        const auto parsed_mode = ParseAnswerMode(mode_name);
        if (!parsed_mode) throw cereal::Exception("unknown answer mode '" + mode_name + "'");
        id = *parsed_id;
        status = *parsed_status;
        answer_mode = *parsed_mode;
    }

    // 2: `sealed` added.
    static constexpr std::uint32_t kSerialVersion = 2;
};

// Takes each response a reader hands on as it is read, so that a file far larger than what is
// kept of it never has to be held as responses.
using ResponseVisitor = std::function<void(Response&&)>;

// Runs `read`, a reader that hands each response to the ResponseVisitor it is given, and
// returns its result with those responses kept in `responses` when the result is ok(): how
// each reader that keeps every response is made from the one that keeps none.
template <typename StreamingRead>
auto KeepingResponses(const StreamingRead& read) -> decltype(read(ResponseVisitor())) {
    std::vector<Response> responses;
    auto result = read([&responses](Response&& response) { responses.push_back(std::move(response)); });
    if (result.ok()) result.responses = std::move(responses);
    return result;
}

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::Response, yousaid::Response::kSerialVersion)
