// The officer store with sealed responses: imported sealed, they stay sealed at rest and are
// counted by what they show; once a key is unlocked they open once, and their columns are
// kept sealed to the officer's keys so that later openings cost one unseal per segment.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/officer/officer_import.h"
#include "core/officer/officer_store.h"
#include "core/responses/sealed_response.h"
#include "core/responses/transfer_file.h"
#include "encoding_checks.h"
#include "response_fixtures.h"

using namespace yousaid;
using namespace response_fixtures;
using encoding_checks::CheckSameEncoding;
using encoding_checks::EncodeAtOnce;

namespace {

constexpr const char* kSecret = "Zq4privateFosterToken77";

std::vector<Response> WithSecrets(std::uint32_t first, std::uint32_t count) {
    std::vector<Response> responses = MakeResponses(first, count);
    for (Response& response : responses) {
        response.answers["better"] = Answer::Text(std::string(kSecret) + " " + response.id.ToHex());
    }
    return responses;
}

std::vector<Response> SealedCopies(const std::vector<Response>& responses, const std::vector<PublicKey>& keys) {
    std::vector<Response> sealed;
    for (const Response& response : responses) sealed.push_back(*SealResponse(response, keys).value);
    return sealed;
}

ImportReport Import(OfficerStore& store, const std::vector<Response>& responses, const std::string& name) {
    TransferExportSettings settings;
    settings.station_id = "tablet-1";
    settings.exported_at_ms = 1767225600000;
    return ImportIntoOfficerStore(store, WriteTransferFile(settings, responses), name, {TestSurvey()}, 1767312000000);
}

// Every segment's bytes together: what a borrowed laptop would give away.
std::string StoreBytes(const std::string& folder) {
    std::string bytes;
    for (const SegmentFileName& segment : ListSegmentFiles(folder)) bytes += ReadBytes(segment.path);
    return bytes;
}

void OpenAll(OfficerStore& store) {
    OfficerStore::Opening opening = store.BeginOpening();
    while (!opening.Step(7)) {
    }
    CHECK(opening.Problems().empty());
}

}  // namespace

TEST_CASE("sealed officer store: counts while locked, the same columns once unlocked, sealed at rest throughout") {
    ScratchDirectory scratch;
    const std::string folder = scratch.File("officer");
    const KeyPair officer = GenerateKeyPair();
    const std::vector<Response> clear = WithSecrets(0, 40);
    Keyring keys;
    keys.Add(officer);
    {
        OfficerStore store({TestSurvey()});
        REQUIRE(store.Open(folder).ok);
        const std::vector<Response> sealed = SealedCopies(clear, {officer.public_key});
        CHECK(Import(store, sealed, "tablet1.yousaid").added == 40);
        // The same file again counts once, and is not kept again.
        CHECK(Import(store, sealed, "again.yousaid").already_held == 40);
        CHECK(store.Count() == 40);
        CHECK(store.SealedResponses() == 40);
        CHECK(store.Surveys().empty());
        std::uint64_t counted = 0;
        for (const SealedCount& count : store.SealedCounts()) {
            CHECK(count.group.survey_id == "transfer_test");
            CHECK((count.group.wave == "2025" || count.group.wave == "2026"));
            counted += count.responses;
        }
        CHECK(counted == 40);
    }
    CHECK(StoreBytes(folder).find(kSecret) == std::string::npos);

    OfficerStore unlocked({TestSurvey()});
    unlocked.SetKeyring(&keys);
    REQUIRE(unlocked.Open(folder).ok);
    CHECK(unlocked.WaitingToOpen() == 40);
    OpenAll(unlocked);
    CHECK(unlocked.SealedResponses() == 0);
    CHECK(unlocked.Count() == 40);
    REQUIRE(unlocked.Find("transfer_test", 2) != nullptr);
    CheckSameEncoding(unlocked.Find("transfer_test", 2)->encoded, EncodeAtOnce(TestSurvey(), clear));
    CHECK(unlocked.Find("transfer_test", 2)->texts.size() == 40);
    CHECK(StoreBytes(folder).find(kSecret) == std::string::npos);

    // Later openings go through the segments' sealed columns: nothing waits any more.
    OfficerStore again({TestSurvey()});
    again.SetKeyring(&keys);
    REQUIRE(again.Open(folder).ok);
    CHECK(again.WaitingToOpen() == 0);
    CheckSameEncoding(again.Find("transfer_test", 2)->encoded, EncodeAtOnce(TestSurvey(), clear));

    // Locked again: counts only.
    OfficerStore locked({TestSurvey()});
    REQUIRE(locked.Open(folder).ok);
    CHECK(locked.Count() == 40);
    CHECK(locked.SealedResponses() == 40);
    CHECK(locked.Surveys().empty());
    CHECK(locked.SealsAtRest());
}

TEST_CASE("sealed officer store: a file in the clear imported into a store with a key is sealed at rest") {
    ScratchDirectory scratch;
    const std::string folder = scratch.File("officer");
    const KeyPair officer = GenerateKeyPair();
    Keyring keys;
    keys.Add(officer);
    const std::vector<Response> clear = WithSecrets(0, 25);
    {
        OfficerStore store({TestSurvey()});
        store.SetKeyring(&keys);
        REQUIRE(store.Open(folder).ok);
        CHECK(store.SealsAtRest());
        CHECK(Import(store, clear, "baseline.yousaid").added == 25);
        CheckSameEncoding(store.Find("transfer_test", 2)->encoded, EncodeAtOnce(TestSurvey(), clear));
    }
    CHECK(StoreBytes(folder).find(kSecret) == std::string::npos);
    OfficerStore locked({TestSurvey()});
    REQUIRE(locked.Open(folder).ok);
    CHECK(locked.SealedResponses() == 25);
    // Locked, the store still seals what comes in: the keys' public halves are in the segments.
    CHECK(Import(locked, WithSecrets(25, 5), "more.yousaid").added == 5);
    CHECK(StoreBytes(folder).find(kSecret) == std::string::npos);
    OfficerStore unlocked({TestSurvey()});
    unlocked.SetKeyring(&keys);
    REQUIRE(unlocked.Open(folder).ok);
    CHECK(unlocked.Count() == 30);
    CHECK(unlocked.SealedResponses() == 0);
    CheckSameEncoding(unlocked.Find("transfer_test", 2)->encoded, EncodeAtOnce(TestSurvey(), WithSecrets(0, 30)));
}

TEST_CASE("sealed officer store: a rotated key, a record that does not open, and a conflict found once opened") {
    ScratchDirectory scratch;
    const std::string folder = scratch.File("officer");
    const KeyPair old_key = GenerateKeyPair();
    const KeyPair officer = GenerateKeyPair();
    const KeyPair stranger = GenerateKeyPair();
    std::vector<Response> second = SealedCopies(WithSecrets(20, 10), {officer.public_key});
    second[4] = SealedCopies({WithSecrets(24, 1)[0]}, {stranger.public_key})[0];
    // Another response under the first file's first id: a conflict, seen only once opened.
    Response changed = WithSecrets(0, 1)[0];
    changed.answers["safe"] = Answer::Choice("disagree");
    second.push_back(SealedCopies({changed}, {officer.public_key})[0]);
    {
        OfficerStore store({TestSurvey()});
        REQUIRE(store.Open(folder).ok);
        Import(store, SealedCopies(WithSecrets(0, 20), {old_key.public_key}), "2025.yousaid");
        const ImportReport report = Import(store, second, "2026.yousaid");
        CHECK(report.added == 10);
        CHECK(store.Count() == 30);
    }
    Keyring keys;
    keys.Add(old_key);
    keys.Add(officer);
    OfficerStore store({TestSurvey()});
    store.SetKeyring(&keys);
    REQUIRE(store.Open(folder).ok);
    // The stranger's record is in a segment that is opened, and stays sealed there.
    CHECK(store.WaitingToOpen() == 31);
    REQUIRE(store.Unopened().size() == 1);
    CHECK(store.Unopened()[0].ToString() == "2026.yousaid: response " + IdFor(24).ToHex() +
                                                ": sealed to keys that are not unlocked here: " +
                                                NameKeyIds({KeyIdOf(stranger.public_key)}));
    OfficerStore::Opening opening = store.BeginOpening();
    while (!opening.Step(100)) {
    }
    CHECK(opening.Opened() == 29);
    REQUIRE(opening.Problems().size() == 1);
    CHECK(opening.Problems()[0].ToString() ==
          "2026.yousaid: response " + IdFor(0).ToHex() +
              ": differs from a response with the same id imported before; the first is kept");
    CHECK(store.Count() == 30);
    CHECK(store.SealedResponses() == 1);
    std::vector<Response> expected = WithSecrets(0, 24);
    const std::vector<Response> rest = WithSecrets(25, 5);
    expected.insert(expected.end(), rest.begin(), rest.end());
    CheckSameEncoding(store.Find("transfer_test", 2)->encoded, EncodeAtOnce(TestSurvey(), expected));

    // With the stranger's key too, the last record opens on the next unlock.
    keys.Add(stranger);
    OfficerStore all({TestSurvey()});
    all.SetKeyring(&keys);
    REQUIRE(all.Open(folder).ok);
    CHECK(all.WaitingToOpen() == 1);
    OpenAll(all);
    CHECK(all.SealedResponses() == 0);
    CHECK(all.Count() == 30);
}

TEST_CASE("sealed officer store: answers kept in the clear, and a file mixing sealed and clear, are sealed at rest once a key is unlocked") {
    ScratchDirectory scratch;
    const std::string folder = scratch.File("officer");
    const KeyPair officer = GenerateKeyPair();
    Keyring keys;
    keys.Add(officer);
    // A station that got its key halfway through: the first 10 in the clear, the rest sealed.
    std::vector<Response> mixed = WithSecrets(30, 10);
    for (const Response& sealed : SealedCopies(WithSecrets(40, 10), {officer.public_key})) mixed.push_back(sealed);
    {
        OfficerStore store({TestSurvey()});
        REQUIRE(store.Open(folder).ok);
        CHECK_FALSE(store.SealsAtRest());
        CHECK(Import(store, WithSecrets(0, 30), "before-keys.yousaid").added == 30);
        CHECK(Import(store, mixed, "halfway.yousaid").added == 20);
        CHECK(store.SealedResponses() == 10);
    }
    CHECK(StoreBytes(folder).find(kSecret) != std::string::npos);

    OfficerStore unlocked({TestSurvey()});
    unlocked.SetKeyring(&keys);
    REQUIRE(unlocked.Open(folder).ok);
    CHECK(unlocked.SegmentsToSeal() == 2);
    CHECK(unlocked.WaitingToOpen() == 10);
    OpenAll(unlocked);
    CHECK(unlocked.SegmentsToSeal() == 0);
    CHECK(unlocked.Count() == 50);
    CHECK(unlocked.SealedResponses() == 0);
    CheckSameEncoding(unlocked.Find("transfer_test", 2)->encoded, EncodeAtOnce(TestSurvey(), WithSecrets(0, 50)));
    // No answer is left in the clear, neither those that came sealed nor those that did not.
    CHECK(StoreBytes(folder).find(kSecret) == std::string::npos);

    // Locked: every response still counted, by what it shows.
    OfficerStore locked({TestSurvey()});
    REQUIRE(locked.Open(folder).ok);
    CHECK(locked.Count() == 50);
    CHECK(locked.SealedResponses() == 50);
    std::uint64_t complete_2025 = 0;
    for (const SealedCount& count : locked.SealedCounts()) {
        if (count.group.wave == "2025" && count.group.status == static_cast<std::int32_t>(ResponseStatus::kComplete)) {
            complete_2025 += count.responses;
        }
    }
    CHECK(complete_2025 == 17);  // seeds 0..49 divisible by 3
    // The same file again adds nothing: the ids are known while locked.
    CHECK(Import(locked, WithSecrets(0, 30), "before-keys.yousaid").already_held == 30);

    OfficerStore again({TestSurvey()});
    again.SetKeyring(&keys);
    REQUIRE(again.Open(folder).ok);
    CHECK(again.SegmentsToSeal() == 0);
    CheckSameEncoding(again.Find("transfer_test", 2)->encoded, EncodeAtOnce(TestSurvey(), WithSecrets(0, 50)));
}

TEST_CASE("sealed officer store: an import too big for the browser's storage is refused whole, saying to unlock first") {
    ScratchDirectory scratch;
    const std::string folder = scratch.File("officer");
    const KeyPair officer = GenerateKeyPair();
    Keyring keys;
    keys.Add(officer);
    const std::vector<Response> sealed = SealedCopies(WithSecrets(0, 40), {officer.public_key});
    {
        OfficerStore store({TestSurvey()});
        store.SetSegmentLimit(16 * 1024);
        REQUIRE(store.Open(folder).ok);
        const ImportReport report = Import(store, sealed, "big.yousaid");
        CHECK(report.write_failed);
        CHECK(report.added == 0);
        REQUIRE_FALSE(report.problems.empty());
        const std::string message = report.problems.back().ToString();
        CHECK(message.find("40 of them are sealed and kept whole") != std::string::npos);
        CHECK(message.find("Unlock the key under \"Keys\", then import the file again with \"Import more files\"") != std::string::npos);
        CHECK(store.Count() == 0);
        CHECK(ListSegmentFiles(folder).empty());
    }
    // With the key unlocked the same file is opened as it is read, and fits.
    OfficerStore unlocked({TestSurvey()});
    unlocked.SetSegmentLimit(16 * 1024);
    unlocked.SetKeyring(&keys);
    REQUIRE(unlocked.Open(folder).ok);
    const ImportReport report = Import(unlocked, sealed, "big.yousaid");
    CHECK_FALSE(report.write_failed);
    CHECK(report.added == 40);
    CHECK(unlocked.SealedResponses() == 0);
    CheckSameEncoding(unlocked.Find("transfer_test", 2)->encoded, EncodeAtOnce(TestSurvey(), WithSecrets(0, 40)));
}

TEST_CASE("sealed officer store: an import with the key unlocked opens its sealed responses a slice per step, "
          "with its progress") {
    ScratchDirectory scratch;
    const std::string folder = scratch.File("officer");
    const KeyPair officer = GenerateKeyPair();
    Keyring keys;
    keys.Add(officer);
    const std::vector<Response> clear = WithSecrets(0, 60);
    // Ten in the clear, thirty sealed, twenty in the clear, in one file: each goes in once, in
    // the file's order.
    std::vector<Response> mixed(clear.begin(), clear.begin() + 10);
    const std::vector<Response> sealed = SealedCopies({clear.begin() + 10, clear.begin() + 40}, {officer.public_key});
    mixed.insert(mixed.end(), sealed.begin(), sealed.end());
    mixed.insert(mixed.end(), clear.begin() + 40, clear.end());
    TransferExportSettings settings;
    settings.station_id = "tablet-1";
    OfficerStore store({TestSurvey()});
    store.SetKeyring(&keys);
    REQUIRE(store.Open(folder).ok);
    OfficerImportJob job(store, "mixed.yousaid", WriteTransferFile(settings, mixed), {TestSurvey()}, 1767312000000);
    std::vector<double> opening;
    bool done = false;
    while (!done) {
        done = job.Step(16);  // two responses offered a step
        if (job.OpeningSealed()) opening.push_back(job.Progress());
    }
    // The bar moves through the opening from near 0 to near 1, and never backwards.
    REQUIRE(opening.size() >= 10);
    CHECK(opening.front() <= 0.1);
    CHECK(opening.back() >= 0.9);
    CHECK(std::is_sorted(opening.begin(), opening.end()));
    CHECK(job.Report().added == 60);
    CHECK(job.Report().rejected.empty());
    CHECK(store.SealedResponses() == 0);
    CheckSameEncoding(store.Find("transfer_test", 2)->encoded, EncodeAtOnce(TestSurvey(), clear));
    CHECK(StoreBytes(folder).find(kSecret) == std::string::npos);

    // A file refused whole opens nothing.
    std::string damaged = WriteTransferFile(settings, SealedCopies(WithSecrets(100, 5), {officer.public_key}));
    damaged[damaged.size() / 2] ^= 0x5a;
    OfficerImportJob refused(store, "damaged.yousaid", damaged, {TestSurvey()}, 1767312000000);
    while (!refused.Step(16)) CHECK_FALSE(refused.OpeningSealed());
    CHECK(refused.Report().file_rejected);
    CHECK(store.Count() == 60);
}
