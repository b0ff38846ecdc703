// Sealed records and the officer's key files (libsodium): what a lost tablet or a forwarded
// file must never give away, and what an officer must always be able to open.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/crypto/sealed_box.h"
#include "core/keys/officer_key.h"
#include "edited_text.h"

using namespace yousaid;
using yousaid::testing::Edited;

namespace {

const std::string kAnswers = R"({"response_id":"r1","answers":{"care":"in care","comment":"I feel safe at my foster home"}})";
constexpr const char* kPassphrase = "correct horse battery staple";

Keyring RingOf(const KeyPair& key) {
    Keyring ring;
    ring.Add(key);
    return ring;
}


}  // namespace

TEST_CASE("sealing: a record opens with its key, and its words are nowhere in the sealed bytes") {
    REQUIRE(SodiumReady());
    const KeyPair officer = GenerateKeyPair();
    const Result<std::string> sealed = SealRecord(kAnswers, {officer.public_key});
    REQUIRE(sealed.ok());
    CHECK(LooksSealed(*sealed.value));
    CHECK(sealed.value->find("foster") == std::string::npos);
    CHECK(sealed.value->find("answers") == std::string::npos);
    CHECK(RecordKeyIds(*sealed.value) == std::vector<std::string>{KeyIdOf(officer.public_key)});
    const Result<std::string> opened = OpenRecord(*sealed.value, RingOf(officer));
    REQUIRE_MESSAGE(opened.ok(), opened.Message());
    CHECK(*opened.value == kAnswers);
    // Sealed twice, the same answers give different bytes: nothing links two records.
    CHECK(*SealRecord(kAnswers, {officer.public_key}).value != *sealed.value);
}

TEST_CASE("sealing: the wrong key, and no key, are refused by name") {
    const KeyPair officer = GenerateKeyPair();
    const KeyPair stranger = GenerateKeyPair();
    const std::string sealed = *SealRecord(kAnswers, {officer.public_key}).value;
    const Result<std::string> wrong = OpenRecord(sealed, RingOf(stranger));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.Message().find("not unlocked here: " + KeyIdOf(officer.public_key)) != std::string::npos);
    CHECK(wrong.Message().find(KeyIdWords(KeyIdOf(officer.public_key))) != std::string::npos);
    CHECK_FALSE(OpenRecord(sealed, Keyring()).ok());
}

TEST_CASE("sealing: one flipped byte anywhere, or a record cut short, is refused") {
    const KeyPair officer = GenerateKeyPair();
    const KeyPair recovery = GenerateKeyPair();
    const std::string sealed = *SealRecord(kAnswers, {officer.public_key, recovery.public_key}).value;
    const Keyring ring = RingOf(officer);
    for (std::size_t at = 0; at < sealed.size(); ++at) {
        for (const unsigned char flip : {0x01, 0x80}) {
            std::string damaged = sealed;
            damaged[at] = static_cast<char>(damaged[at] ^ flip);
            const Result<std::string> opened = OpenRecord(damaged, ring);
            CHECK_MESSAGE(!opened.ok(), "byte ", at, " flipped by ", int{flip}, " still opened");
        }
    }
    for (std::size_t length = 0; length < sealed.size(); ++length) {
        CHECK_MESSAGE(!OpenRecord(sealed.substr(0, length), ring).ok(), "cut to ", length, " bytes still opened");
    }
    CHECK_FALSE(OpenRecord(sealed + "x", ring).ok());
}

TEST_CASE("sealing: two recipients, each opens alone; a newer version is named") {
    const KeyPair officer = GenerateKeyPair();
    const KeyPair recovery = GenerateKeyPair();
    const std::string sealed = *SealRecord(kAnswers, {officer.public_key, recovery.public_key}).value;
    CHECK(*OpenRecord(sealed, RingOf(officer)).value == kAnswers);
    CHECK(*OpenRecord(sealed, RingOf(recovery)).value == kAnswers);
    CHECK(RecordKeyIds(sealed).size() == 2);
    std::string newer = sealed;
    newer[3] = '\x02';
    CHECK(OpenRecord(newer, RingOf(officer)).Message().find("newer version") != std::string::npos);
    CHECK_FALSE(SealRecord(kAnswers, {}).ok());
    CHECK_FALSE(SealRecord(kAnswers, std::vector<PublicKey>(kMaxRecipients + 1, officer.public_key)).ok());
}

TEST_CASE("sealing: a keyring holds an old key and a new one, so waves sealed before a rotation still open") {
    const KeyPair old_key = GenerateKeyPair();
    const KeyPair new_key = GenerateKeyPair();
    const std::string last_year = *SealRecord("wave 2025", {old_key.public_key}).value;
    const std::string this_year = *SealRecord("wave 2026", {new_key.public_key}).value;
    Keyring ring;
    ring.Add(old_key);
    ring.Add(new_key);
    CHECK(ring.KeyIds().size() == 2);
    CHECK(*OpenRecord(last_year, ring).value == "wave 2025");
    CHECK(*OpenRecord(this_year, ring).value == "wave 2026");
    ring.Lock();
    CHECK(ring.Empty());
    CHECK_FALSE(OpenRecord(this_year, ring).ok());
}

TEST_CASE("officer key: created, tested, unlocked with its passphrase; its public file goes to stations") {
    const Result<OfficerKeyFiles> files = CreateOfficerKey("Sam Patel", "2026-12-02", kPassphrase, MinimumKeyDerivationLimits());
    REQUIRE_MESSAGE(files.ok(), files.Message());
    CHECK(files.value->private_file.find(kPassphrase) == std::string::npos);
    const Result<PublicKeyFile> public_key = ReadPublicKeyFile(files.value->public_file, "sam.public.json");
    REQUIRE_MESSAGE(public_key.ok(), public_key.Message());
    CHECK(public_key.value->key_id == files.value->key_id);
    CHECK(public_key.value->name == "Sam Patel");
    CHECK(public_key.value->created == "2026-12-02");
    CHECK(files.value->public_file.find("sealed_secret_key") == std::string::npos);

    const Result<KeyPair> unlocked = UnlockPrivateKeyFile(files.value->private_file, kPassphrase, "sam.private.json");
    REQUIRE_MESSAGE(unlocked.ok(), unlocked.Message());
    CHECK(unlocked.value->public_key == public_key.value->public_key);
    const std::string sealed = *SealRecord(kAnswers, {public_key.value->public_key}).value;
    CHECK(*OpenRecord(sealed, RingOf(*unlocked.value)).value == kAnswers);
}

TEST_CASE("officer key: the default limits are libsodium's interactive ones, 64 MiB at most") {
    const KeyDerivationLimits limits;
    CHECK(limits.memory_bytes == 64ull * 1024 * 1024);
    const Result<OfficerKeyFiles> files = CreateOfficerKey("Team key", "2026-12-02", kPassphrase);
    REQUIRE_MESSAGE(files.ok(), files.Message());
    CHECK(files.value->private_file.find("\"memory_bytes\":67108864") != std::string::npos);
    CHECK(UnlockPrivateKeyFile(files.value->private_file, kPassphrase, "team.json").ok());
}

TEST_CASE("officer key: a short passphrase, the wrong one, a newer version or a damaged field is refused") {
    CHECK(PassphraseProblem("short") != "");
    CHECK(PassphraseProblem("twelve chars") == "");
    CHECK_FALSE(CreateOfficerKey("Sam", "2026-12-02", "too short", MinimumKeyDerivationLimits()).ok());
    const OfficerKeyFiles files = *CreateOfficerKey("Sam", "2026-12-02", kPassphrase, MinimumKeyDerivationLimits()).value;
    const std::string& file = files.private_file;

    const Result<KeyPair> wrong = UnlockPrivateKeyFile(file, "incorrect horse battery", "sam.json");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.Message() == "sam.json: the passphrase does not open this key file");

    const auto newer = UnlockPrivateKeyFile(Edited(file, "\"version\":1", "\"version\":2"), kPassphrase, "sam.json");
    CHECK(newer.Message().find("newer") != std::string::npos);

    const auto huge = UnlockPrivateKeyFile(Edited(file, "\"memory_bytes\":8192", "\"memory_bytes\":1073741824"),
                                           kPassphrase, "sam.json");
    CHECK(huge.Message().find("passphrase_key: needs operations from 1 to 10 and memory_bytes from 8 KiB to 64 MiB") !=
          std::string::npos);

    const std::size_t at = file.find("\"sealed_secret_key\":\"") + 22;
    std::string damaged = file;
    damaged[at] = damaged[at] == 'A' ? 'B' : 'A';
    CHECK_FALSE(UnlockPrivateKeyFile(damaged, kPassphrase, "sam.json").ok());

    // Another key's public half in this file: caught by its id, and by the keys not matching.
    const OfficerKeyFiles other = *CreateOfficerKey("Ann", "2026-12-02", kPassphrase, MinimumKeyDerivationLimits()).value;
    const PublicKeyFile other_public = *ReadPublicKeyFile(other.public_file, "ann.json").value;
    const PublicKeyFile own_public = *ReadPublicKeyFile(files.public_file, "sam.json").value;
    const auto swapped = UnlockPrivateKeyFile(Edited(file, "\"key_id\":\"" + own_public.key_id, "\"key_id\":\"" + other_public.key_id),
                                              kPassphrase, "sam.json");
    CHECK(swapped.Message().find("key_id: does not match the public key") != std::string::npos);

    CHECK_FALSE(ReadPublicKeyFile(file, "sam.json").ok());  // a private file is not a public one
    CHECK_FALSE(ReadPublicKeyFile(files.public_file.substr(0, 40), "cut.json").ok());
}

TEST_CASE("key ids read as four short words") {
    CHECK(KeyIdWords("000000aaaaaaaaaa") == "amber amber amber amber");
    CHECK(KeyIdWords("ffffff0000000000") == "zephyr zephyr zephyr zephyr");
    const KeyPair key = GenerateKeyPair();
    const std::string words = KeyIdWords(KeyIdOf(key.public_key));
    CHECK(std::count(words.begin(), words.end(), ' ') == 3);
}

TEST_CASE("Random passphrase words: six of the key-id words, picked by the random bytes given") {
    std::vector<std::uint8_t> given = {0, 1, 64 + 2, 255, 2, 130};  // 64 + 2, 2 and 128 + 2 pick the same word
    const RandomBytes random = [&](std::uint8_t* out, std::size_t count) {
        REQUIRE(count == given.size());
        std::copy(given.begin(), given.end(), out);
    };
    const std::string words = RandomPassphraseWords(random);
    CHECK(words == std::string(KeyWord(0)) + " " + std::string(KeyWord(1)) + " " + std::string(KeyWord(2)) + " " +
                       std::string(KeyWord(63)) + " " + std::string(KeyWord(2)) + " " + std::string(KeyWord(2)));
    CHECK(words == "amber apple arrow zephyr arrow arrow");
    CHECK(PassphraseProblem(words).empty());

    given = {44, 44, 44, 44, 44, 44};  // "oak", the shortest word, six times
    const std::string shortest = RandomPassphraseWords(random);
    CHECK(shortest == "oak oak oak oak oak oak");
    CHECK(PassphraseProblem(shortest).empty());
}

TEST_CASE("Random passphrase words: as many as asked for, each a key-id word") {
    std::uint8_t next = 7;
    const RandomBytes counting = [&](std::uint8_t* out, std::size_t count) {
        for (std::size_t index = 0; index < count; ++index) out[index] = next += 37;
    };
    const std::string six = RandomPassphraseWords(counting, 6);
    CHECK(std::count(six.begin(), six.end(), ' ') == 5);
    std::size_t start = 0;
    while (start <= six.size()) {
        const std::size_t end = std::min(six.find(' ', start), six.size());
        const std::string word = six.substr(start, end - start);
        bool listed = false;
        for (std::size_t index = 0; index < kKeyWordCount; ++index) listed = listed || KeyWord(index) == word;
        CHECK_MESSAGE(listed, word);
        start = end + 1;
    }
}

TEST_CASE("WipeText overwrites and empties a passphrase") {
    std::string passphrase = "correct horse battery staple";
    const char* bytes = passphrase.data();
    const std::size_t size = passphrase.size();
    WipeText(passphrase);
    CHECK(passphrase.empty());
    // Clearing keeps the buffer (a long string's capacity stays): its old bytes are zero.
    CHECK(std::all_of(bytes, bytes + size, [](char c) { return c == '\0'; }));
}

TEST_CASE("Keyring: one key removed, the other still unlocked") {
    const KeyPair first = GenerateKeyPair();
    const KeyPair second = GenerateKeyPair();
    Keyring ring;
    ring.Add(first);
    ring.Add(second);
    ring.Remove(KeyIdOf(first.public_key));
    CHECK_FALSE(ring.Has(KeyIdOf(first.public_key)));
    CHECK(ring.Has(KeyIdOf(second.public_key)));
    ring.Remove("0000000000000000");  // not there: nothing happens
    CHECK(ring.KeyIds().size() == 1);
    const Result<std::string> sealed = SealRecord("hello", {second.public_key});
    REQUIRE(sealed.ok());
    CHECK(OpenRecord(*sealed.value, ring).ok());
    ring.Lock();
    CHECK(ring.Empty());
}
