// Responses: ids, times, and the cereal round trips that every stored and exported
// response goes through.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>

#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>

#include "core/responses/answer_checking.h"
#include "core/responses/response.h"
#include "core/survey/survey_loader.h"

using yousaid::Answer;
using yousaid::AnswerMode;
using yousaid::Response;
using yousaid::ResponseId;
using yousaid::ResponseStatus;

namespace {

// Counts up from `start`, so the expected hex can be written down.
yousaid::RandomBytesFunction CountingBytes(std::uint8_t start) {
    return [start](std::uint8_t* out, std::size_t count) {
        for (std::size_t index = 0; index < count; ++index) out[index] = static_cast<std::uint8_t>(start + index);
    };
}

// Stands in for platform::FillSecureRandom, which core tests do not link.
void DeviceRandomBytes(std::uint8_t* out, std::size_t count) {
    static std::random_device device;
    for (std::size_t index = 0; index < count; ++index) out[index] = static_cast<std::uint8_t>(device() & 0xFFu);
}

Response SampleResponse() {
    Response response;
    response.id = ResponseId::Generate(CountingBytes(0xA0));
    response.survey_id = "parent_carer";
    response.survey_version = 1;
    response.wave = "2026";
    response.station_id = "tablet-3";
    response.event_id = "local-offer-fayre";
    response.started_at_ms = 1767225600000;  // 2026-01-01T00:00:00Z
    response.submitted_at_ms = 1767226012345;
    response.status = ResponseStatus::kComplete;
    response.answer_mode = AnswerMode::kHelpedByAdult;
    response.language = "pl";
    response.answers["send_status"] = Answer::Choice("ehc_plan");
    response.answers["phase"] = Answer::Choice("secondary");
    response.answers["school"] = Answer::Skipped();
    response.answers["graduated_response_understanding"] = Answer::BeforeAndNow(3, 8);
    response.answers["local_offer_known"] = Answer::Choice("yes");
    response.answers["what_would_make_things_better"] = Answer::Text("Szybsze odpowiedzi, \"proszę\".\nDziękuję");
    return response;
}

template <class OutputArchive, class InputArchive>
Response RoundTrip(const Response& original) {
    std::stringstream buffer;
    {
        OutputArchive archive(buffer);
        archive(cereal::make_nvp("response", original));
    }
    Response copy;
    {
        InputArchive archive(buffer);
        archive(cereal::make_nvp("response", copy));
    }
    return copy;
}

}  // namespace

TEST_CASE("survey: response ids are 32 lowercase hex digits from 16 random bytes") {
    const ResponseId id = ResponseId::Generate(CountingBytes(0x00));
    CHECK(id.ToHex() == "000102030405060708090a0b0c0d0e0f");
    const ResponseId high = ResponseId::Generate(CountingBytes(0xF0));
    CHECK(high.ToHex() == "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    CHECK(high.high == 0xF0F1F2F3F4F5F6F7ULL);
    CHECK(high.low == 0xF8F9FAFBFCFDFEFFULL);

    const auto parsed = ResponseId::FromHex("F0F1F2F3F4F5F6F7f8f9fafbfcfdfeff");
    REQUIRE(parsed.has_value());
    CHECK(*parsed == high);
    CHECK_FALSE(ResponseId::FromHex("f0f1").has_value());
    CHECK_FALSE(ResponseId::FromHex("g0f1f2f3f4f5f6f7f8f9fafbfcfdfeff").has_value());
    CHECK_FALSE(ResponseId::FromHex("f0f1f2f3-f4f5-f6f7-f8f9-fafbfcfdfeff").has_value());
}

TEST_CASE("survey: two generated response ids differ") {
    const ResponseId first = ResponseId::Generate(DeviceRandomBytes);
    const ResponseId second = ResponseId::Generate(DeviceRandomBytes);
    CHECK(first != second);
    CHECK(first.ToHex() != second.ToHex());
    CHECK(first.ToHex().size() == 32);
    CHECK(first.ToHex().find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("survey: times are formatted as ISO 8601 UTC with milliseconds") {
    CHECK(yousaid::FormatIso8601Utc(0) == "1970-01-01T00:00:00.000Z");
    CHECK(yousaid::FormatIso8601Utc(1700000000123) == "2023-11-14T22:13:20.123Z");
    CHECK(yousaid::FormatIso8601Utc(1709164800000) == "2024-02-29T00:00:00.000Z");
    CHECK(yousaid::FormatIso8601Utc(1767225599999) == "2025-12-31T23:59:59.999Z");
    CHECK(yousaid::FormatIso8601Utc(-1) == "1969-12-31T23:59:59.999Z");
    CHECK(yousaid::FormatIso8601Utc(951782400000) == "2000-02-29T00:00:00.000Z");
}

TEST_CASE("survey: a response round trips through portable binary and JSON") {
    const Response original = SampleResponse();
    const Response from_binary =
        RoundTrip<cereal::PortableBinaryOutputArchive, cereal::PortableBinaryInputArchive>(original);
    CHECK(from_binary == original);
    const Response from_json = RoundTrip<cereal::JSONOutputArchive, cereal::JSONInputArchive>(original);
    CHECK(from_json == original);
    CHECK(from_json.answers.at("graduated_response_understanding").now == 8);

    Response every_kind = original;
    every_kind.status = ResponseStatus::kPartial;
    every_kind.answer_mode = AnswerMode::kByPhone;
    every_kind.answers["snacks"] = Answer::Choices({"fruit", "cake"});
    every_kind.answers["happiness"] = Answer::Integer(-7);
    CHECK((RoundTrip<cereal::PortableBinaryOutputArchive, cereal::PortableBinaryInputArchive>(every_kind) ==
           every_kind));
    CHECK((RoundTrip<cereal::JSONOutputArchive, cereal::JSONInputArchive>(every_kind) == every_kind));
}

TEST_CASE("survey: the JSON form of a response is readable and names its enums") {
    std::stringstream buffer;
    {
        cereal::JSONOutputArchive archive(buffer);
        archive(cereal::make_nvp("response", SampleResponse()));
    }
    const std::string json = buffer.str();
    CHECK(json.find("\"id\": \"a0a1a2a3a4a5a6a7a8a9aaabacadaeaf\"") != std::string::npos);
    CHECK(json.find("\"status\": \"complete\"") != std::string::npos);
    CHECK(json.find("\"answer_mode\": \"helped_by_adult\"") != std::string::npos);
    CHECK(json.find("\"kind\": \"before_and_now\"") != std::string::npos);
    CHECK(json.find("cereal_class_version") != std::string::npos);
}

TEST_CASE("survey: a response file with an unknown status or a newer version is refused") {
    std::stringstream buffer;
    {
        cereal::JSONOutputArchive archive(buffer);
        archive(cereal::make_nvp("response", SampleResponse()));
    }
    std::string json = buffer.str();
    const std::string status = "\"status\": \"complete\"";
    std::string unknown_status = json;
    unknown_status.replace(unknown_status.find(status), status.size(), "\"status\": \"lost\"");
    std::stringstream unknown_stream(unknown_status);
    Response copy;
    CHECK_THROWS_AS(([&] {
                        cereal::JSONInputArchive archive(unknown_stream);
                        archive(cereal::make_nvp("response", copy));
                    }()),
                    cereal::Exception);

    const std::string version = "\"cereal_class_version\": 1";
    std::string newer = json;
    newer.replace(newer.find(version), version.size(), "\"cereal_class_version\": 9");
    std::stringstream newer_stream(newer);
    CHECK_THROWS_AS(([&] {
                        cereal::JSONInputArchive archive(newer_stream);
                        archive(cereal::make_nvp("response", copy));
                    }()),
                    cereal::Exception);
}

TEST_CASE("survey: response equality compares content, so conflicts can be detected") {
    const Response original = SampleResponse();
    Response same = SampleResponse();
    CHECK(same == original);
    same.answers["phase"] = Answer::Choice("special");
    CHECK(same != original);
    Response later = SampleResponse();
    later.submitted_at_ms += 1;
    CHECK(later != original);
    Response other_mode = SampleResponse();
    other_mode.answer_mode = AnswerMode::kOnBehalf;
    CHECK(other_mode != original);

    // Fields that do not belong to an answer's kind are not part of its content.
    Answer with_leftover = Answer::Choice("yes");
    with_leftover.value = 99;
    CHECK(with_leftover == Answer::Choice("yes"));
    CHECK(Answer::Choice("yes") != Answer::Text("yes"));
}

TEST_CASE("survey: a stored response is checked against its survey") {
    const auto loaded = yousaid::SurveyLoader::LoadFromFile(std::string(YOUSAID_SOURCE_DIR) +
                                                            "/assets/surveys/parent_carer.json");
    REQUIRE(loaded.Ok());
    const Response response = SampleResponse();
    const auto problems = yousaid::CheckResponse(*loaded.survey, response);
    CHECK_MESSAGE(problems.empty(), (problems.empty() ? std::string() : problems.front()));

    Response wrong_version = response;
    wrong_version.survey_version = 2;
    CHECK(yousaid::CheckResponse(*loaded.survey, wrong_version).size() == 1);

    Response refused = response;
    refused.status = ResponseStatus::kRefused;
    CHECK(yousaid::CheckResponse(*loaded.survey, refused) ==
          std::vector<std::string>{"a refused response cannot hold answers"});
    refused.answers.clear();
    CHECK(yousaid::CheckResponse(*loaded.survey, refused).empty());

    // Every shipped question can be skipped, as the welcome screen promises: a complete
    // response may lack even the screening answers (required questions: test_survey_answers).
    Response incomplete = response;
    incomplete.answers.erase("send_status");
    CHECK(yousaid::CheckResponse(*loaded.survey, incomplete).empty());
    incomplete.status = ResponseStatus::kPartial;
    CHECK(yousaid::CheckResponse(*loaded.survey, incomplete).empty());
}
