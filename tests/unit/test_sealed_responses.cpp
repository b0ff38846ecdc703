// Responses sealed as they are submitted: what stays readable for counting, what the key
// opens, and how sealed responses travel in transfer files, JSON exports and a tablet's store.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/crypto/base64.h"
#include "core/crypto/sealed_box.h"
#include "core/responses/answer_checking.h"
#include "core/responses/sealed_response.h"
#include "core/responses/transfer_file.h"
#include "core/storage/response_store.h"
#include "response_fixtures.h"

using namespace yousaid;
using namespace response_fixtures;

namespace {

// A free-text answer no sealed byte may give away.
constexpr const char* kSecret = "Qx7secretTokenFosterHome";

Response ResponseWithSecret(std::uint32_t seed) {
    Response response = MakeResponse(seed);
    response.answers["better"] = Answer::Text(std::string("I want ") + kSecret);
    return response;
}

Response Sealed(const Response& response, const std::vector<PublicKey>& keys) {
    Result<Response> sealed = SealResponse(response, keys);
    REQUIRE_MESSAGE(sealed.ok(), sealed.Message());
    return *sealed.value;
}

Keyring RingOf(const KeyPair& key) {
    Keyring ring;
    ring.Add(key);
    return ring;
}

TransferExportSettings ExportSettings() {
    TransferExportSettings settings;
    settings.station_id = "tablet-1";
    settings.exported_at_ms = 1767225600000;
    return settings;
}

}  // namespace

TEST_CASE("sealed responses: the readable fields stay, the answers and language go into the seal") {
    REQUIRE(SodiumReady());
    const KeyPair officer = GenerateKeyPair();
    const Response plain = ResponseWithSecret(3);
    const Response sealed = Sealed(plain, {officer.public_key});

    CHECK(sealed.IsSealed());
    CHECK(sealed.id == plain.id);
    CHECK(sealed.survey_id == plain.survey_id);
    CHECK(sealed.survey_version == plain.survey_version);
    CHECK(sealed.wave == plain.wave);
    CHECK(sealed.station_id == plain.station_id);
    CHECK(sealed.event_id == plain.event_id);
    CHECK(sealed.status == plain.status);
    CHECK(sealed.answer_mode == plain.answer_mode);
    CHECK(sealed.started_at_ms == plain.started_at_ms);
    CHECK(sealed.submitted_at_ms == plain.submitted_at_ms);
    CHECK(sealed.language.empty());
    CHECK(sealed.answers.empty());
    CHECK(sealed.sealed.find(kSecret) == std::string::npos);
    CHECK(sealed.sealed.find("strongly_agree") == std::string::npos);
    // Only the readable fields are checked before opening, so a complete sealed response passes.
    CHECK(CheckResponse(TestSurvey(), sealed).empty());

    const Result<Response> opened = OpenSealedResponse(sealed, RingOf(officer));
    REQUIRE_MESSAGE(opened.ok(), opened.Message());
    CHECK(*opened.value == plain);
    CHECK_FALSE(SealResponse(sealed, {officer.public_key}).ok());
}

TEST_CASE("sealed responses: the wrong key, an altered readable field and a flipped byte are refused") {
    const KeyPair officer = GenerateKeyPair();
    const KeyPair stranger = GenerateKeyPair();
    const Response sealed = Sealed(ResponseWithSecret(4), {officer.public_key});

    const Result<Response> wrong = OpenSealedResponse(sealed, RingOf(stranger));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.Message().find("not unlocked here: " + KeyIdOf(officer.public_key)) != std::string::npos);

    Response moved = sealed;
    moved.station_id = "tablet-9";
    const Result<Response> altered = OpenSealedResponse(moved, RingOf(officer));
    REQUIRE_FALSE(altered.ok());
    CHECK(altered.Message().find("readable fields do not match") != std::string::npos);

    Response swapped = sealed;
    swapped.id = IdFor(99);
    CHECK_FALSE(OpenSealedResponse(swapped, RingOf(officer)).ok());

    Response flipped = sealed;
    flipped.sealed[flipped.sealed.size() / 2] ^= 0x01;
    const Result<Response> damaged = OpenSealedResponse(flipped, RingOf(officer));
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.Message().find("damaged") != std::string::npos);
}

TEST_CASE("sealed responses: two recipients, a rotated key, and each failure listed by file and id") {
    const KeyPair old_key = GenerateKeyPair();
    const KeyPair officer = GenerateKeyPair();
    const KeyPair recovery = GenerateKeyPair();
    std::vector<Response> responses = {Sealed(MakeResponse(1), {old_key.public_key}),
                                       Sealed(MakeResponse(2), {officer.public_key, recovery.public_key}),
                                       MakeResponse(3)};
    Response damaged = Sealed(MakeResponse(4), {officer.public_key});
    damaged.sealed.resize(damaged.sealed.size() - 5);
    responses.push_back(damaged);

    // The recovery key alone opens what was sealed to both.
    CHECK(OpenSealedResponse(responses[1], RingOf(recovery)).ok());

    Keyring both;
    both.Add(old_key);
    both.Add(officer);
    std::vector<Response> opened = responses;
    const OpenedResponses result = OpenSealedResponses(opened, both, "tablet3.yousaid");
    CHECK(result.opened == 2);
    REQUIRE(result.failures.size() == 1);
    CHECK(result.failures[0].ToString() ==
          "tablet3.yousaid: response " + IdFor(4).ToHex() + ": the sealed record is damaged");
    CHECK(opened[0] == MakeResponse(1));
    CHECK(opened[1] == MakeResponse(2));
    CHECK(opened[2] == MakeResponse(3));
    CHECK(opened[3].IsSealed());

    // With the old key alone, the newer responses stay sealed and name the keys they need.
    std::vector<Response> rotated = responses;
    const OpenedResponses old_only = OpenSealedResponses(rotated, RingOf(old_key), "tablet3.yousaid");
    CHECK(old_only.opened == 1);
    REQUIRE(old_only.failures.size() == 2);
    CHECK(old_only.failures[0].message.find(KeyIdWords(KeyIdOf(recovery.public_key))) != std::string::npos);
}

TEST_CASE("sealed responses: transfer files and JSON exports carry them sealed, and read back") {
    const KeyPair officer = GenerateKeyPair();
    std::vector<Response> sealed;
    for (std::uint32_t seed = 1; seed <= 3; ++seed) sealed.push_back(Sealed(ResponseWithSecret(seed), {officer.public_key}));

    const std::string transfer = WriteTransferFile(ExportSettings(), sealed);
    CHECK(transfer.find(kSecret) == std::string::npos);
    CHECK(transfer.find("strongly_agree") == std::string::npos);
    const TransferReadResult from_transfer = ReadTransferFile(transfer, "t.yousaid");
    REQUIRE_MESSAGE(from_transfer.ok(), from_transfer.Message());
    CHECK(from_transfer.format_version == kTransferFormatVersion);
    CHECK(from_transfer.responses == sealed);

    const std::string json = WriteResponsesJson(ExportSettings(), sealed);
    CHECK(json.find(kSecret) == std::string::npos);
    CHECK(json.find("\"format_version\": 2") != std::string::npos);
    const TransferReadResult from_json = ReadResponsesJson(json, "t.json");
    REQUIRE_MESSAGE(from_json.ok(), from_json.Message());
    CHECK(from_json.responses == sealed);
    std::vector<Response> opened = from_json.responses;
    CHECK(OpenSealedResponses(opened, RingOf(officer), "t.json").opened == 3);
    CHECK(opened[0] == ResponseWithSecret(1));

    // An export without sealed responses is still version 1, for tools made before sealing.
    CHECK(WriteResponsesJson(ExportSettings(), MakeResponses(1, 2)).find("\"format_version\": 1") !=
          std::string::npos);

    // Sealed bytes that are not base64, or answers beside a seal, are refused for that entry.
    const std::string sealed_text = Base64(sealed[0].sealed);
    std::string not_base64 = json;
    not_base64.replace(not_base64.find(sealed_text), 4, "!!!!");
    const TransferReadResult bad = ReadResponsesJson(not_base64, "t.json");
    REQUIRE(bad.unreadable.size() == 1);
    CHECK(bad.unreadable[0].ToString().find("sealed answers in base64") != std::string::npos);
}

TEST_CASE("sealed responses: a tablet's store keeps them sealed across reopening") {
    const KeyPair officer = GenerateKeyPair();
    ScratchDirectory folder;
    const std::string path = folder.File("responses.yslog");
    const Response sealed = Sealed(ResponseWithSecret(5), {officer.public_key});
    {
        ResponseStore store;
        REQUIRE(store.Open(path).ok);
        CHECK(store.Add(sealed).outcome == StoreAddOutcome::kAdded);
        CHECK(store.Add(sealed).outcome == StoreAddOutcome::kAlreadyHeld);
    }
    CHECK(ReadBytes(path).find(kSecret) == std::string::npos);
    ResponseStore reopened;
    REQUIRE(reopened.Open(path).ok);
    REQUIRE(reopened.Count() == 1);
    CHECK(reopened.Responses()[0] == sealed);
    CHECK(reopened.CountWhere(sealed.survey_id, ResponseStatus::kComplete) == 1);
}
