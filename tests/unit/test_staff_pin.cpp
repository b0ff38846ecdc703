// The staff PIN and the hashing under it. The hash functions are checked against published
// test vectors (cited per case); the PIN against its rules, the lockout timeline, and files
// that are missing, damaged or from a newer version.
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/crypto/sha256.h"
#include "core/station/staff_pin.h"
#include "response_fixtures.h"

using namespace yousaid;
using response_fixtures::ReadBytes;
using response_fixtures::ScratchDirectory;
using response_fixtures::WriteBytes;

namespace {

// Few rounds keep the tests fast; the lockout logic does not depend on the count.
constexpr std::uint32_t kTestIterations = 1000;
constexpr std::int64_t kStart = 1773480000000;  // 2026-03-14T09:20:00Z
constexpr std::int64_t kSecond = 1000;

std::string Hex(const std::vector<std::uint8_t>& bytes) { return BytesToHex(bytes.data(), bytes.size()); }

std::string Repeat(char byte, std::size_t count) { return std::string(count, byte); }

// A stand-in for the platform's secure random source: distinct, repeatable bytes.
RandomBytesFunction CountingRandom(std::uint8_t first = 1) {
    auto next = std::make_shared<std::uint8_t>(first);
    return [next](std::uint8_t* out, std::size_t count) {
        for (std::size_t index = 0; index < count; ++index) out[index] = (*next)++;
    };
}

StaffPin PinWith(const std::string& pin) {
    StaffPin staff_pin;
    REQUIRE(staff_pin.SetPin(pin, CountingRandom(), kStart, kTestIterations).ok());
    return staff_pin;
}

// A staff PIN file as SaveStaffPin writes it, with fields to vary.
std::string PinFile(const std::string& version, const std::string& algorithm, const std::string& iterations,
                    const std::string& salt, const std::string& hash) {
    return R"({ "staff_pin": { "cereal_class_version": )" + version + R"(, "algorithm": ")" + algorithm +
           R"(", "iterations": )" + iterations + R"(, "salt": ")" + salt + R"(", "hash": ")" + hash +
           R"(", "set_at_ms": 0, "failed_attempts": 0, "locked_until_ms": 0 } })";
}
const char* const kSaltHex = "0102030405060708090a0b0c0d0e0f10";
const char* const kHashHex = "67a7d412a97cc5cc096f1f467731b389a39b74e49398d4ef73381f9215cd6ce8";  // "2580", 1000 rounds

}  // namespace

// --- SHA-256, HMAC-SHA-256, PBKDF2-HMAC-SHA-256 ---------------------------------------------

TEST_CASE("pin: SHA-256 matches the FIPS 180-2 examples") {
    // FIPS 180-2, Appendix B: B.1 "abc", B.2 the 448-bit message, B.3 one million 'a'.
    CHECK(Sha256Hex(ComputeSha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(Sha256Hex(ComputeSha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(Sha256Hex(ComputeSha256(std::string(1000000, 'a'))) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("pin: SHA-256 pads messages of every length around a block boundary") {
    // 55 bytes is the most that fits with the padding in one block; 56 needs a second. The
    // expected digests were computed with Python's hashlib (OpenSSL) for bytes i*7 mod 256.
    const std::vector<std::pair<std::size_t, const char*>> cases{
        {55, "576a1bf8d4478657e6dc4af9398544765c2a92cde28478b019235cfed315fc09"},
        {56, "9b20501dfd1d99161c257950f3444f3e49230c351c5c8e0943ef369f85f5205d"},
        {57, "a5534a9d0694341dfde5b1bb3d8addcb38bd46f44a629dc97b3f8fb2721b0720"},
        {63, "30b345906b493f06f69444b6521113511c242f30e29840462950035043682f1e"},
        {64, "d8bc63b4fc1156e5e7d95a418b9bf54cd3174bedbc2db40f74895349b229b3c0"},
        {65, "1ee23b0fbcaecc1aff4a9e8f1645f35ab2c8e13609cd73b68df8b5e3f63ce073"},
        {119, "7a6589821178918ca8d9edaba5abfc1e9b2669564f4469b66885379c1530b2c8"},
        {120, "655250427d56b1b0eeb8497d21428704273458a01772d6881b65c0abac0f8a98"},
    };
    for (const auto& length_and_digest : cases) {
        // Named copies: clang 14 cannot capture structured bindings in CAPTURE's lambda.
        const std::size_t length = length_and_digest.first;
        const std::string expected = length_and_digest.second;
        std::string message;
        for (std::size_t index = 0; index < length; ++index) message.push_back(static_cast<char>((index * 7) & 0xFF));
        CAPTURE(length);
        CHECK(Sha256Hex(ComputeSha256(message)) == expected);
    }
}

TEST_CASE("pin: HMAC-SHA-256 matches RFC 4231 test cases 1-4, 6 and 7") {
    // RFC 4231, section 4.2 to 4.5 (test cases 1 to 4), 4.7 and 4.8 (keys longer than a block).
    CHECK(Sha256Hex(ComputeHmacSha256(Repeat('\x0b', 20), "Hi There")) ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    CHECK(Sha256Hex(ComputeHmacSha256("Jefe", "what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(Sha256Hex(ComputeHmacSha256(Repeat('\xaa', 20), Repeat('\xdd', 50))) ==
          "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    std::string key_1_to_25;
    for (char byte = 1; byte <= 25; ++byte) key_1_to_25.push_back(byte);
    CHECK(Sha256Hex(ComputeHmacSha256(key_1_to_25, Repeat('\xcd', 50))) ==
          "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    CHECK(Sha256Hex(ComputeHmacSha256(Repeat('\xaa', 131), "Test Using Larger Than Block-Size Key - Hash Key First")) ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    CHECK(Sha256Hex(ComputeHmacSha256(
              Repeat('\xaa', 131),
              "This is a test using a larger than block-size key and a larger than block-size data. The key needs to "
              "be hashed before being used by the HMAC algorithm.")) ==
          "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");

    // One keyed object, many messages: the same answers as one-off calls.
    const HmacSha256 jefe("Jefe");
    CHECK(jefe.Compute("what do ya want for nothing?") == ComputeHmacSha256("Jefe", "what do ya want for nothing?"));
    CHECK(jefe.Compute("") == ComputeHmacSha256("Jefe", ""));
}

TEST_CASE("pin: PBKDF2-HMAC-SHA-256 matches RFC 7914 section 11") {
    // RFC 7914 (scrypt), section 11, "Test Vectors for PBKDF2 with HMAC-SHA-256".
    CHECK(Hex(DerivePbkdf2HmacSha256("passwd", "salt", 1, 64)) ==
          "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
          "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    CHECK(Hex(DerivePbkdf2HmacSha256("Password", "NaCl", 80000, 64)) ==
          "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
          "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
}

TEST_CASE("pin: PBKDF2 lengths: a shorter key is a prefix; nothing for zero rounds or length") {
    CHECK(Hex(DerivePbkdf2HmacSha256("passwd", "salt", 1, 33)) ==
          "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49");
    CHECK(DerivePbkdf2HmacSha256("passwd", "salt", 1, 1).size() == 1);
    CHECK(DerivePbkdf2HmacSha256("passwd", "salt", 0, 32).empty());
    CHECK(DerivePbkdf2HmacSha256("passwd", "salt", 1, 0).empty());
}

TEST_CASE("pin: hex for any bytes, and back") {
    const std::vector<std::uint8_t> bytes{0x00, 0x0f, 0xa5, 0xff};
    CHECK(Hex(bytes) == "000fa5ff");
    std::vector<std::uint8_t> back(4);
    CHECK(HexToBytes("000FA5ff", back.data(), back.size()));
    CHECK(back == bytes);
    CHECK_FALSE(HexToBytes("000fa5f", back.data(), back.size()));    // too short
    CHECK_FALSE(HexToBytes("000fa5ff00", back.data(), back.size()));  // too long
    CHECK_FALSE(HexToBytes("000fa5fg", back.data(), back.size()));    // not hex
    CHECK(HexToBytes("", back.data(), 0));
}

TEST_CASE("pin: constant-time comparison tells equal from unequal anywhere") {
    const std::vector<std::uint8_t> a{1, 2, 3, 4, 5, 6, 7, 8};
    for (std::size_t position = 0; position < a.size(); ++position) {
        std::vector<std::uint8_t> b = a;
        b[position] ^= 0x80;
        CHECK_FALSE(EqualInConstantTime(a.data(), b.data(), a.size()));
    }
    CHECK(EqualInConstantTime(a.data(), a.data(), a.size()));
    CHECK(EqualInConstantTime(a.data(), a.data(), 0));
}

// --- the rules for choosing a PIN ---------------------------------------------------------------

TEST_CASE("pin: rules allow 4 to 8 digits that are not all one digit or a run") {
    for (const char* allowed : {"2580", "0420", "1357", "1243", "5821", "12340", "58203917", "00000001", "1235"}) {
        CAPTURE(allowed);
        CHECK_FALSE(StaffPinRuleProblem(allowed).has_value());
    }
}

TEST_CASE("pin: rules refuse wrong lengths and non-digits with a clear message") {
    CHECK(StaffPinRuleProblem("") == "Enter a PIN of 4 to 8 digits.");
    CHECK(StaffPinRuleProblem("258") == "A PIN must have 4 to 8 digits; this one has 3.");
    CHECK(StaffPinRuleProblem("258039175") == "A PIN must have 4 to 8 digits; this one has 9.");
    CHECK(StaffPinRuleProblem("25a0") == "A PIN can only have the digits 0 to 9 in it.");
    CHECK(StaffPinRuleProblem(" 2580") == "A PIN can only have the digits 0 to 9 in it.");
    CHECK(StaffPinRuleProblem("\xef\xbc\x92\xef\xbc\x95\xef\xbc\x98\xef\xbc\x90") ==  // full-width digits
          "A PIN can only have the digits 0 to 9 in it.");
}

TEST_CASE("pin: rules refuse one digit repeated and digits in a row, up or down") {
    for (const char* repeated : {"0000", "1111", "99999", "77777777"}) {
        CAPTURE(repeated);
        CHECK(StaffPinRuleProblem(repeated) == "One digit repeated (like 0000) is too easy to guess. Choose another PIN.");
    }
    for (const char* run : {"1234", "0123", "4321", "3210", "7890", "8901", "0987", "12345678", "98765432", "56789"}) {
        CAPTURE(run);
        CHECK(StaffPinRuleProblem(run) == "Digits in a row (like 1234 or 4321) are too easy to guess. Choose another PIN.");
    }
}

// --- setting and checking -----------------------------------------------------------------------

TEST_CASE("pin: SetPin stores a salted PBKDF2 hash, never the PIN") {
    StaffPin staff_pin;
    CHECK_FALSE(staff_pin.HasPin());
    const Status set = staff_pin.SetPin("2580", CountingRandom(), kStart, kTestIterations);
    REQUIRE(set.ok());
    REQUIRE(staff_pin.HasPin());
    const StaffPinRecord& record = *staff_pin.Record();
    CHECK(record.algorithm == "pbkdf2-sha256");
    CHECK(record.iterations == kTestIterations);
    CHECK(BytesToHex(record.salt.data(), record.salt.size()) == kSaltHex);  // 16 bytes from the random source
    CHECK(BytesToHex(record.hash.data(), record.hash.size()) == kHashHex);  // from Python's hashlib.pbkdf2_hmac
    CHECK(record.set_at_ms == kStart);
    CHECK(record.failed_attempts == 0);
    CHECK(record.locked_until_ms == 0);

    // Another salt, another hash for the same PIN: equal PINs on two tablets look unrelated.
    StaffPin other;
    REQUIRE(other.SetPin("2580", CountingRandom(101), kStart, kTestIterations).ok());
    CHECK(other.Record()->salt != record.salt);
    CHECK(other.Record()->hash != record.hash);
}

TEST_CASE("pin: SetPin refuses a PIN against the rules and keeps the old one") {
    StaffPin staff_pin = PinWith("2580");
    const StaffPinRecord before = *staff_pin.Record();
    const Status refused = staff_pin.SetPin("1234", CountingRandom(50), kStart + kSecond, kTestIterations);
    CHECK_FALSE(refused.ok());
    CHECK(refused.Message() == "Digits in a row (like 1234 or 4321) are too easy to guess. Choose another PIN.");
    CHECK(*staff_pin.Record() == before);
    CHECK(staff_pin.CheckPin("2580", kStart + 2 * kSecond).outcome == PinCheckOutcome::kAccepted);

    CHECK_FALSE(staff_pin.SetPin("5821", CountingRandom(), kStart, kStaffPinMinIterations - 1).ok());
    CHECK_FALSE(staff_pin.SetPin("5821", CountingRandom(), kStart, kStaffPinMaxIterations + 1).ok());
    CHECK_FALSE(staff_pin.SetPin("5821", RandomBytesFunction(), kStart, kTestIterations).ok());
    CHECK(*staff_pin.Record() == before);
}

TEST_CASE("pin: the right PIN is accepted, a wrong one counted") {
    StaffPin staff_pin = PinWith("58203917");
    PinCheckResult right = staff_pin.CheckPin("58203917", kStart);
    CHECK(right.outcome == PinCheckOutcome::kAccepted);
    CHECK_FALSE(right.record_changed);
    CHECK(right.Message() == "PIN accepted.");

    const PinCheckResult wrong = staff_pin.CheckPin("58203918", kStart);
    CHECK(wrong.outcome == PinCheckOutcome::kWrong);
    CHECK(wrong.attempts_left == 4);
    CHECK(wrong.record_changed);
    CHECK(wrong.Message() == "Wrong PIN. 4 tries left before the staff area locks for a minute.");

    // Input that could never be a PIN is just another wrong try.
    CHECK(staff_pin.CheckPin("", kStart).attempts_left == 3);
    CHECK(staff_pin.CheckPin("5820391", kStart).attempts_left == 2);
    const PinCheckResult last = staff_pin.CheckPin("five", kStart);
    CHECK(last.attempts_left == 1);
    CHECK(last.Message() == "Wrong PIN. 1 try left before the staff area locks for a minute.");
}

TEST_CASE("pin: lockout timeline: 5 wrong, locked 60 s, right PIN refused at +59 s, accepted at +61 s") {
    StaffPin staff_pin = PinWith("2580");
    for (std::uint32_t attempt = 1; attempt <= 4; ++attempt) {
        const PinCheckResult wrong = staff_pin.CheckPin("0852", kStart + attempt * kSecond);
        CHECK(wrong.outcome == PinCheckOutcome::kWrong);
        CHECK(wrong.attempts_left == 5 - attempt);
    }
    const std::int64_t locked_at = kStart + 5 * kSecond;
    const PinCheckResult fifth = staff_pin.CheckPin("0852", locked_at);
    CHECK(fifth.outcome == PinCheckOutcome::kLocked);
    CHECK(fifth.seconds_locked == 60);
    CHECK(fifth.record_changed);
    CHECK(fifth.Message() == "Too many wrong tries. The staff area is locked: try again in 60 seconds.");
    CHECK(staff_pin.Record()->locked_until_ms == locked_at + 60 * kSecond);

    CHECK(staff_pin.SecondsLocked(locked_at + 30 * kSecond) == 30);
    const PinCheckResult at_59 = staff_pin.CheckPin("2580", locked_at + 59 * kSecond);
    CHECK(at_59.outcome == PinCheckOutcome::kLocked);
    CHECK(at_59.seconds_locked == 1);
    CHECK(at_59.Message() == "Too many wrong tries. The staff area is locked: try again in 1 second.");
    // A refused try while locked does not make the lock longer.
    CHECK(staff_pin.Record()->locked_until_ms == locked_at + 60 * kSecond);
    CHECK(staff_pin.SecondsLocked(locked_at + 60 * kSecond) == 0);

    const PinCheckResult at_61 = staff_pin.CheckPin("2580", locked_at + 61 * kSecond);
    CHECK(at_61.outcome == PinCheckOutcome::kAccepted);
    CHECK(at_61.record_changed);
    CHECK(staff_pin.Record()->failed_attempts == 0);
    CHECK(staff_pin.Record()->locked_until_ms == 0);

    // The counter really is back at zero: four more wrong tries do not lock, a fifth does.
    for (std::uint32_t attempt = 1; attempt <= 4; ++attempt) {
        CHECK(staff_pin.CheckPin("0852", locked_at + (61 + attempt) * kSecond).outcome == PinCheckOutcome::kWrong);
    }
    CHECK(staff_pin.CheckPin("0852", locked_at + 66 * kSecond).outcome == PinCheckOutcome::kLocked);
}

TEST_CASE("pin: the right PIN resets the count of wrong tries") {
    StaffPin staff_pin = PinWith("2580");
    for (int attempt = 0; attempt < 4; ++attempt) staff_pin.CheckPin("0000", kStart);
    CHECK(staff_pin.Record()->failed_attempts == 4);
    const PinCheckResult right = staff_pin.CheckPin("2580", kStart);
    CHECK(right.outcome == PinCheckOutcome::kAccepted);
    CHECK(right.record_changed);
    CHECK(staff_pin.Record()->failed_attempts == 0);
    CHECK(staff_pin.CheckPin("0000", kStart).attempts_left == 4);
}

TEST_CASE("pin: when a lock runs out there are five fresh tries") {
    StaffPin staff_pin = PinWith("2580");
    for (int attempt = 0; attempt < 5; ++attempt) staff_pin.CheckPin("0000", kStart);
    const PinCheckResult after = staff_pin.CheckPin("0000", kStart + 60 * kSecond);  // exactly when it ends
    CHECK(after.outcome == PinCheckOutcome::kWrong);
    CHECK(after.attempts_left == 4);
}

TEST_CASE("pin: a clock set back during a lock does not stretch it beyond a minute") {
    StaffPin staff_pin = PinWith("2580");
    for (int attempt = 0; attempt < 5; ++attempt) staff_pin.CheckPin("0000", kStart);
    const std::int64_t an_hour_earlier = kStart - 3600 * kSecond;
    CHECK(staff_pin.SecondsLocked(an_hour_earlier) == 60);
    const PinCheckResult locked = staff_pin.CheckPin("2580", an_hour_earlier);
    CHECK(locked.outcome == PinCheckOutcome::kLocked);
    CHECK(locked.seconds_locked == 60);
    CHECK(locked.record_changed);  // the lock now ends a minute after the clock's new "now"
    CHECK(staff_pin.CheckPin("2580", an_hour_earlier + 61 * kSecond).outcome == PinCheckOutcome::kAccepted);
}

TEST_CASE("pin: without a PIN nothing is accepted") {
    StaffPin staff_pin;
    const PinCheckResult result = staff_pin.CheckPin("2580", kStart);
    CHECK(result.outcome == PinCheckOutcome::kNoPinSet);
    CHECK(result.Message() == "No staff PIN has been chosen yet.");
    CHECK(staff_pin.SecondsLocked(kStart) == 0);
}

TEST_CASE("pin: a new PIN clears a lock") {
    StaffPin staff_pin = PinWith("2580");
    for (int attempt = 0; attempt < 5; ++attempt) staff_pin.CheckPin("0000", kStart);
    REQUIRE(staff_pin.SetPin("5821", CountingRandom(9), kStart + kSecond, kTestIterations).ok());
    CHECK(staff_pin.Record()->locked_until_ms == 0);
    CHECK(staff_pin.CheckPin("2580", kStart + 2 * kSecond).outcome == PinCheckOutcome::kWrong);
    CHECK(staff_pin.CheckPin("5821", kStart + 3 * kSecond).outcome == PinCheckOutcome::kAccepted);
}

TEST_CASE("pin: the default iteration count is what a new PIN gets, and it checks") {
    StaffPin staff_pin;
    REQUIRE(staff_pin.SetPin("5821", CountingRandom(), kStart).ok());
    CHECK(staff_pin.Record()->iterations == kStaffPinIterations);
    CHECK(staff_pin.CheckPin("5821", kStart).outcome == PinCheckOutcome::kAccepted);
}

// --- the file -----------------------------------------------------------------------------------

TEST_CASE("pin: save and load give back the same record, as JSON without the PIN") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("staff_pin.json");
    StaffPin staff_pin = PinWith("58203917");
    staff_pin.CheckPin("11112222", kStart + kSecond);  // some lockout state to carry over
    const Status saved = SaveStaffPin(staff_pin, path);
    REQUIRE(saved.ok());

    const std::string bytes = ReadBytes(path);
    CHECK(bytes.find("\"cereal_class_version\": 1") != std::string::npos);
    CHECK(bytes.find("\"algorithm\": \"pbkdf2-sha256\"") != std::string::npos);
    CHECK(bytes.find("58203917") == std::string::npos);

    const StaffPinLoadResult loaded = LoadStaffPin(path);
    REQUIRE(loaded.status == StaffPinLoadStatus::kLoaded);
    CHECK(loaded.message.empty());
    REQUIRE(loaded.staff_pin.HasPin());
    CHECK(*loaded.staff_pin.Record() == *staff_pin.Record());
    CHECK(loaded.staff_pin.Record()->failed_attempts == 1);
}

TEST_CASE("pin: a lock survives saving and loading, as after a reload of the page") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("staff_pin.json");
    StaffPin staff_pin = PinWith("2580");
    for (int attempt = 0; attempt < 5; ++attempt) staff_pin.CheckPin("0000", kStart);
    REQUIRE(SaveStaffPin(staff_pin, path).ok());
    StaffPinLoadResult loaded = LoadStaffPin(path);
    REQUIRE(loaded.status == StaffPinLoadStatus::kLoaded);
    CHECK(loaded.staff_pin.CheckPin("2580", kStart + 30 * kSecond).outcome == PinCheckOutcome::kLocked);
    CHECK(loaded.staff_pin.CheckPin("2580", kStart + 61 * kSecond).outcome == PinCheckOutcome::kAccepted);
}

TEST_CASE("pin: a missing file means no PIN yet") {
    ScratchDirectory scratch;
    const StaffPinLoadResult loaded = LoadStaffPin(scratch.File("staff_pin.json"));
    CHECK(loaded.status == StaffPinLoadStatus::kNoPinYet);
    CHECK_FALSE(loaded.staff_pin.HasPin());
}

TEST_CASE("pin: a file from a newer version is refused, clearly") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("staff_pin.json");
    WriteBytes(path, PinFile("2", "pbkdf2-sha256", "1000", kSaltHex, kHashHex));
    const StaffPinLoadResult loaded = LoadStaffPin(path);
    CHECK(loaded.status == StaffPinLoadStatus::kTooNew);
    CHECK_FALSE(loaded.staff_pin.HasPin());
    CHECK(loaded.message ==
          "the staff PIN file was written by a newer version of Yousaid (format 2; this version reads format 1 and "
          "older); update the app to read it");
}

TEST_CASE("pin: a newer version is refused as newer even when its fields changed type") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("staff_pin.json");
    WriteBytes(path, R"({ "staff_pin": { "cereal_class_version": 3, "iterations": "adaptive", "salt": [1, 2] } })");
    const StaffPinLoadResult loaded = LoadStaffPin(path);
    CHECK(loaded.status == StaffPinLoadStatus::kTooNew);
    CHECK(loaded.message.rfind("the staff PIN file was written by a newer version of Yousaid (format 3;", 0) == 0);
}

TEST_CASE("pin: the file layout written by hand loads, and checks the PIN") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("staff_pin.json");
    WriteBytes(path, PinFile("1", "pbkdf2-sha256", "1000", kSaltHex, kHashHex));
    StaffPinLoadResult loaded = LoadStaffPin(path);
    REQUIRE(loaded.status == StaffPinLoadStatus::kLoaded);
    CHECK(loaded.staff_pin.CheckPin("2580", kStart).outcome == PinCheckOutcome::kAccepted);
}

TEST_CASE("pin: damaged files are unreadable, never 'no PIN yet'") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("staff_pin.json");
    const std::vector<std::pair<std::string, std::string>> cases{
        {"", "the staff PIN file is damaged"},
        {"not json", "the staff PIN file is damaged"},
        {PinFile("1", "pbkdf2-sha256", "1000", kSaltHex, kHashHex).substr(0, 60), "the staff PIN file is damaged"},
        {PinFile("1", "pbkdf2-sha256", "1000", "0102", kHashHex), "the staff PIN file is damaged: the salt is not 32 hex digits"},
        {PinFile("1", "pbkdf2-sha256", "1000", kSaltHex, "zz"), "the staff PIN file is damaged: the hash is not 64 hex digits"},
        {PinFile("1", "argon2id", "1000", kSaltHex, kHashHex),
         "the staff PIN file uses the hash 'argon2id', which this version does not know"},
        {PinFile("1", "pbkdf2-sha256", "1", kSaltHex, kHashHex),
         "the staff PIN file claims 1 iterations; 1000 to 2000000 are allowed"},
        {PinFile("1", "pbkdf2-sha256", "4000000000", kSaltHex, kHashHex),
         "the staff PIN file claims 4000000000 iterations; 1000 to 2000000 are allowed"},
        {R"({"something_else": {}})", "the staff PIN file is damaged: no \"staff_pin\" in it"},
        {R"({"staff_pin": "2580"})", "the staff PIN file is damaged: staff_pin: expected an object"},
        {R"([1, 2])", "the staff PIN file is damaged: not a JSON object"},
        {PinFile("1", "pbkdf2-sha256", "\"1000\"", kSaltHex, kHashHex),
         "the staff PIN file is damaged: iterations: expected a whole number from 0 to 4294967295"},
        {PinFile("1", "pbkdf2-sha256", "-1000", kSaltHex, kHashHex),
         "the staff PIN file is damaged: iterations: expected a whole number from 0 to 4294967295"},
        {PinFile("one", "pbkdf2-sha256", "1000", kSaltHex, kHashHex), "the staff PIN file is damaged: not JSON"},
        {PinFile("-1", "pbkdf2-sha256", "1000", kSaltHex, kHashHex),
         "the staff PIN file is damaged: cereal_class_version: expected a whole number"},
        {R"({ "staff_pin": { "cereal_class_version": 1, "algorithm": 7 } })",
         "the staff PIN file is damaged: algorithm: expected text in quotes"},
        {R"({ "staff_pin": { "cereal_class_version": 1, "algorithm": "pbkdf2-sha256" } })",
         "the staff PIN file is damaged: JSON Parsing failed - provided NVP (iterations) not found"},
    };
    for (const auto& bytes_and_message : cases) {
        const std::string& bytes = bytes_and_message.first;
        const std::string& message_start = bytes_and_message.second;
        CAPTURE(bytes);
        WriteBytes(path, bytes);
        const StaffPinLoadResult loaded = LoadStaffPin(path);
        CHECK(loaded.status == StaffPinLoadStatus::kUnreadable);
        CHECK_FALSE(loaded.staff_pin.HasPin());
        CHECK(loaded.message.rfind(message_start, 0) == 0);
    }
}

TEST_CASE("pin: an oversized file is not read into memory") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("staff_pin.json");
    WriteBytes(path, std::string(70000, ' ') + PinFile("1", "pbkdf2-sha256", "1000", kSaltHex, kHashHex));
    const StaffPinLoadResult loaded = LoadStaffPin(path);
    CHECK(loaded.status == StaffPinLoadStatus::kUnreadable);
    CHECK(loaded.message == "the staff PIN file cannot be read: " + path + " is larger than 65536 bytes");
}

TEST_CASE("pin: saving fails with a message, not an exception") {
    ScratchDirectory scratch;
    CHECK(SaveStaffPin(StaffPin(), scratch.File("staff_pin.json")).Message() == "there is no staff PIN to save");
    const Status no_folder = SaveStaffPin(PinWith("2580"), scratch.File("no/such/folder/staff_pin.json"));
    CHECK_FALSE(no_folder.ok());
    CHECK(no_folder.Message().rfind("the staff PIN was not saved: cannot create ", 0) == 0);
}

TEST_CASE("pin: saving replaces the old file and leaves no temporary file") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("staff_pin.json");
    REQUIRE(SaveStaffPin(PinWith("2580"), path).ok());
    StaffPin second;
    REQUIRE(second.SetPin("5821", CountingRandom(77), kStart, kTestIterations).ok());
    REQUIRE(SaveStaffPin(second, path).ok());
    StaffPinLoadResult loaded = LoadStaffPin(path);
    REQUIRE(loaded.status == StaffPinLoadStatus::kLoaded);
    CHECK(loaded.staff_pin.CheckPin("5821", kStart).outcome == PinCheckOutcome::kAccepted);
    CHECK(ReadBytes(path + ".tmp").empty());
}
