// `scripts/yousaid report --key`: response files with sealed responses give the same columns
// as their copies in the clear, once the keys are given; without a key they are refused with
// a message saying what to do, and a response that does not open is left out and listed.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/io/checked_portable_binary.h"
#include "core/officer/report_responses.h"
#include "core/responses/sealed_response.h"
#include "core/responses/transfer_file.h"
#include "response_fixtures.h"

using namespace yousaid;
using namespace response_fixtures;

namespace {

std::string ColumnBytes(const ReportResponses& loaded) { return SavePortableBinary(loaded.encoded.ToColumns()); }

std::string WriteFile(const ScratchDirectory& folder, const std::string& name, const std::vector<Response>& responses) {
    TransferExportSettings settings;
    settings.station_id = "tablet-1";
    settings.exported_at_ms = 1767225600000;
    WriteBytes(folder.File(name), WriteTransferFile(settings, responses));
    return folder.File(name);
}

std::vector<Response> SealedCopies(const std::vector<Response>& responses, const std::vector<PublicKey>& keys) {
    std::vector<Response> sealed;
    for (const Response& response : responses) {
        Result<Response> copy = SealResponse(response, keys);
        REQUIRE(copy.ok());
        sealed.push_back(*copy.value);
    }
    return sealed;
}

}  // namespace

TEST_CASE("sealed report: the same columns as in the clear once every key is given") {
    ScratchDirectory folder;
    const KeyPair old_key = GenerateKeyPair();
    const KeyPair officer = GenerateKeyPair();
    const KeyPair recovery = GenerateKeyPair();
    const std::vector<Response> first = MakeResponses(1, 30);
    const std::vector<Response> second = MakeResponses(31, 30);
    const Survey survey = TestSurvey();

    const std::vector<std::string> clear = {WriteFile(folder, "clear1.yousaid", first),
                                            WriteFile(folder, "clear2.yousaid", second)};
    // The first wave was sealed to a key since rotated; the second to the new key and a recovery key.
    const std::vector<std::string> sealed = {
        WriteFile(folder, "sealed1.yousaid", SealedCopies(first, {old_key.public_key})),
        WriteFile(folder, "sealed2.yousaid", SealedCopies(second, {officer.public_key, recovery.public_key}))};

    const Result<ReportResponses> in_clear = LoadResponsesForReport(clear, survey, nullptr);
    REQUIRE_MESSAGE(in_clear.ok(), in_clear.Message());
    CHECK(in_clear.value->encoded.RowCount() == 60);

    const Result<ReportResponses> locked = LoadResponsesForReport(sealed, survey, nullptr);
    REQUIRE_FALSE(locked.ok());
    CHECK(locked.Message().find("sealed1.yousaid: 30 responses are sealed to an officer's key; give its private key "
                                "file with --key FILE") != std::string::npos);

    Keyring keys;
    keys.Add(old_key);
    keys.Add(officer);
    const Result<ReportResponses> opened = LoadResponsesForReport(sealed, survey, &keys);
    REQUIRE_MESSAGE(opened.ok(), opened.Message());
    CHECK(opened.value->notes.empty());
    CHECK(opened.value->row_ids == in_clear.value->row_ids);
    CHECK(ColumnBytes(*opened.value) == ColumnBytes(*in_clear.value));

    // The recovery key alone opens the second file.
    Keyring recovery_only;
    recovery_only.Add(recovery);
    const Result<ReportResponses> second_only = LoadResponsesForReport({sealed[1]}, survey, &recovery_only);
    REQUIRE(second_only.ok());
    CHECK(second_only.value->encoded.RowCount() == 30);
}

TEST_CASE("sealed report: a response that does not open is listed by file and id, and the rest count") {
    ScratchDirectory folder;
    const KeyPair officer = GenerateKeyPair();
    const KeyPair stranger = GenerateKeyPair();
    std::vector<Response> sealed = SealedCopies(MakeResponses(1, 10), {officer.public_key});
    sealed[3] = SealedCopies({MakeResponse(4)}, {stranger.public_key})[0];
    sealed[7].sealed[sealed[7].sealed.size() - 3] ^= 0x20;
    const std::string file = WriteFile(folder, "tablet3.yousaid", sealed);

    Keyring keys;
    keys.Add(officer);
    const Result<ReportResponses> opened = LoadResponsesForReport({file}, TestSurvey(), &keys);
    REQUIRE_MESSAGE(opened.ok(), opened.Message());
    CHECK(opened.value->encoded.RowCount() == 8);
    const std::vector<std::string>& notes = opened.value->notes;
    REQUIRE(notes.size() == 3);
    CHECK(notes[0] == "tablet3.yousaid: 2 of 10 sealed responses could not be opened and are left out of the figures:");
    CHECK(notes[1] == "  tablet3.yousaid: response " + IdFor(4).ToHex() +
                          ": sealed to keys that are not unlocked here: " + NameKeyIds({KeyIdOf(stranger.public_key)}));
    CHECK(notes[2] == "  tablet3.yousaid: response " + IdFor(8).ToHex() + ": the sealed record is damaged");
}
