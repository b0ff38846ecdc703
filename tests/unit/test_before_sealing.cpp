// Files written before sealing still load: tests/fixtures/before_sealing holds a station's
// response store, a transfer file (format 1), a JSON export (format 1) and an officer store
// (segment format 1), each written by Yousaid at commit cc15877 from MakeResponses(0, 12)
// (tests/fixtures/before_sealing/README.md says how). This build reads each back as exactly
// those responses, and the officer store opens, with or without a key unlocked.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/officer/officer_store.h"
#include "core/responses/transfer_file.h"
#include "core/storage/response_store.h"
#include "encoding_checks.h"
#include "response_fixtures.h"

using namespace yousaid;
using namespace response_fixtures;

namespace {

const std::string kFixtures = "tests/fixtures/before_sealing/";

void CheckSameResponses(const std::vector<Response>& read) {
    const std::vector<Response> expected = MakeResponses(0, 12);
    REQUIRE(read.size() == expected.size());
    for (std::size_t index = 0; index < expected.size(); ++index) {
        CAPTURE(index);
        CHECK(read[index] == expected[index]);
        CHECK_FALSE(read[index].IsSealed());
    }
}

// A copy to work on: opening a store may tidy it, and the fixtures must stay as written.
std::string CopyOf(const ScratchDirectory& scratch, const std::string& name) {
    const std::string copy = scratch.File(name);
    std::filesystem::copy(kFixtures + name, copy, std::filesystem::copy_options::recursive);
    return copy;
}

}  // namespace

TEST_CASE("before sealing: a transfer file of format 1 and a JSON export of format 1 read as written") {
    const TransferReadResult transfer = ReadTransferFile(ReadBytes(kFixtures + "tablet-1.yousaid"), "tablet-1.yousaid");
    REQUIRE_MESSAGE(transfer.ok(), transfer.Message());
    CHECK(transfer.format_version == 1);
    CHECK(transfer.header.station_id == "tablet-1");
    CheckSameResponses(transfer.responses);

    const TransferReadResult json = ReadResponsesJson(ReadBytes(kFixtures + "tablet-1.json"), "tablet-1.json");
    REQUIRE_MESSAGE(json.ok(), json.Message());
    CHECK(json.format_version == 1);
    CheckSameResponses(json.responses);
}

TEST_CASE("before sealing: a station's response store opens with every response") {
    ScratchDirectory scratch;
    ResponseStore store;
    REQUIRE(store.Open(CopyOf(scratch, "responses.yslog")).ok);
    CheckSameResponses(store.Responses());
}

TEST_CASE("before sealing: an officer store of segment format 1 opens, locked or with a key unlocked") {
    ScratchDirectory scratch;
    const std::string folder = CopyOf(scratch, "officer");
    const std::vector<Response> expected = MakeResponses(0, 12);
    Keyring keyring;
    keyring.Add(GenerateKeyPair());
    for (const Keyring* keys : std::vector<const Keyring*>{nullptr, &keyring}) {
        OfficerStore store({TestSurvey()});
        store.SetKeyring(keys);
        const OfficerStoreOpenReport report = store.Open(folder);
        REQUIRE(report.ok);
        CHECK(report.problems.empty());
        CHECK(store.Count() == 12);
        CHECK(store.SealedResponses() == 0);
        const HeldSurvey* held = store.Find("transfer_test", 2);
        REQUIRE(held != nullptr);
        encoding_checks::CheckSameEncoding(held->encoded, encoding_checks::EncodeAtOnce(TestSurvey(), expected));
        REQUIRE(store.Files().size() == 1);
        CHECK(store.Files()[0].file_name == "tablet-1.yousaid");
    }
}
