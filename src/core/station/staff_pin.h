#pragma once
// The staff PIN: chosen on the first run, it guards the staff area (station set-up, response
// counts, export) so that one respondent never sees another's answers.
//
// Only a salted slow hash is stored (PBKDF2-HMAC-SHA-256, 16 random salt bytes), so the file
// does not show the PIN to anyone who opens it. Be honest about what that buys: a 4- to
// 8-digit PIN has at most 10^8 values, and anyone holding the file can try them all offline.
// At 80 ms a try, all 4-digit PINs take one processor core about 15 minutes and all 8-digit
// ones about three months; a graphics card is far faster. What keeps a curious respondent at
// the tablet out is the lockout: five wrong tries lock the staff area for a minute, so trying
// every 4-digit PIN at the tablet would take up to a day and a half of tapping, in plain sight.
//
// The lockout state lives in the record so that a reload does not reset it: callers save
// the record after every CheckPin that reports `record_changed`.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>

#include "core/responses/response.h"  // RandomBytesFunction
#include "core/station/settings_file.h"
#include "core/crypto/sha256.h"

#include "core/base/problem.h"

namespace yousaid {

inline constexpr char kStaffPinAlgorithm[] = "pbkdf2-sha256";

// PBKDF2 rounds for a new PIN, aiming at roughly 100-300 ms per check in WebAssembly on a
// tablet: as slow as a volunteer will not notice, to make offline guessing as slow as we can.
// Measured with bench/bench_staff_pin.cpp on one x86-64 server core (November 2026): 82 ms
// natively (g++ -O3) and 80 ms in WebAssembly under Node 20. A mid-range tablet's browser is
// likely 2-4 times slower than that, so about 160-320 ms; not yet measured on a real tablet.
// The check blocks the frame it runs in, so the PIN screen should show "Checking..." first.
// Records keep their own count, so raising it later leaves existing PINs working.
inline constexpr std::uint32_t kStaffPinIterations = 150000;
// The range a stored record may claim: fewer would be no protection; more (a damaged
// number) would freeze the tablet for minutes on every check.
inline constexpr std::uint32_t kStaffPinMinIterations = 1000;
inline constexpr std::uint32_t kStaffPinMaxIterations = 2000000;

inline constexpr std::int32_t kStaffPinMinDigits = 4;
inline constexpr std::int32_t kStaffPinMaxDigits = 8;
inline constexpr std::uint32_t kStaffPinAllowedWrongTries = 5;  // the fifth wrong try locks
inline constexpr std::int64_t kStaffPinLockoutMs = 60000;

// What is stored: never the PIN itself.
struct StaffPinRecord {
    std::string algorithm = kStaffPinAlgorithm;
    std::uint32_t iterations = kStaffPinIterations;
    std::array<std::uint8_t, 16> salt{};
    std::array<std::uint8_t, 32> hash{};
    std::int64_t set_at_ms = 0;  // when the PIN was chosen, UTC ms since 1970: for the staff area
    // Lockout: wrong tries since the last right one or the end of the last lock.
    std::uint32_t failed_attempts = 0;
    std::int64_t locked_until_ms = 0;  // 0, or UTC ms since 1970 when tries are allowed again

    friend bool operator==(const StaffPinRecord& a, const StaffPinRecord& b) {
        return a.algorithm == b.algorithm && a.iterations == b.iterations && a.salt == b.salt && a.hash == b.hash &&
               a.set_at_ms == b.set_at_ms && a.failed_attempts == b.failed_attempts &&
               a.locked_until_ms == b.locked_until_ms;
    }
    friend bool operator!=(const StaffPinRecord& a, const StaffPinRecord& b) { return !(a == b); }

    // Salt and hash as hex, so the file can be read (and checked) with any tool.
    template <class Archive>
    void save(Archive& archive, const std::uint32_t /*version*/) const {
        archive(cereal::make_nvp("algorithm", algorithm), cereal::make_nvp("iterations", iterations),
                cereal::make_nvp("salt", BytesToHex(salt.data(), salt.size())),
                cereal::make_nvp("hash", BytesToHex(hash.data(), hash.size())),
                cereal::make_nvp("set_at_ms", set_at_ms), cereal::make_nvp("failed_attempts", failed_attempts),
                cereal::make_nvp("locked_until_ms", locked_until_ms));
    }

    template <class Archive>
    void load(Archive& archive, const std::uint32_t version) {
        if (version > kSerialVersion) throw NewerVersionError("the staff PIN file", version, kSerialVersion);
        std::string salt_hex;
        std::string hash_hex;
        archive(cereal::make_nvp("algorithm", algorithm), cereal::make_nvp("iterations", iterations),
                cereal::make_nvp("salt", salt_hex), cereal::make_nvp("hash", hash_hex),
                cereal::make_nvp("set_at_ms", set_at_ms), cereal::make_nvp("failed_attempts", failed_attempts),
                cereal::make_nvp("locked_until_ms", locked_until_ms));
        if (!HexToBytes(salt_hex, salt.data(), salt.size())) {
            throw cereal::Exception("the salt is not " + std::to_string(2 * salt.size()) + " hex digits");
        }
        if (!HexToBytes(hash_hex, hash.data(), hash.size())) {
            throw cereal::Exception("the hash is not " + std::to_string(2 * hash.size()) + " hex digits");
        }
    }

    static constexpr std::uint32_t kSerialVersion = 1;
};

// Why `pin` may not be chosen as a PIN, in words for the volunteer; nullopt when it may.
// Rules: 4 to 8 characters, each a digit 0-9; not one digit repeated (0000, 11111); not a
// run of consecutive digits up or down, counting 9 -> 0 as consecutive (1234, 4321, 7890,
// 0987, 23456789). Those are the PINs people choose most and guess first (1234 alone is
// about one PIN in ten; DataGenetics, "PIN analysis", 2012), so with five tries a minute
// they would fall first. Every other PIN is allowed: rejecting dates or "patterns" would
// surprise people more than it protects them.
std::optional<std::string> StaffPinRuleProblem(std::string_view pin);

enum class PinCheckOutcome {
    kAccepted,
    kWrong,     // see attempts_left
    kLocked,    // too many wrong tries; see seconds_locked (also the answer to the try that locked)
    kNoPinSet,  // nothing to check against: the PIN must be chosen first
};

struct PinCheckResult {
    PinCheckOutcome outcome = PinCheckOutcome::kNoPinSet;
    std::uint32_t attempts_left = 0;  // kWrong: wrong tries left before the lock
    std::int64_t seconds_locked = 0;  // kLocked: whole seconds until the next try, rounded up
    bool record_changed = false;      // the lockout state changed: save the record now

    // One plain sentence for the volunteer, e.g. "Wrong PIN. 3 tries left before a 1-minute lock."
    std::string Message() const;
};

class StaffPin {
public:
    StaffPin() = default;  // no PIN yet
    explicit StaffPin(StaffPinRecord record) : record_(std::move(record)) {}

    bool HasPin() const { return record_.has_value(); }
    const std::optional<StaffPinRecord>& Record() const { return record_; }

    // Chooses (or changes) the PIN: checks the rules, draws a fresh salt from `fill_random`,
    // and clears any lockout. Asking for the old PIN first is the staff area's job. Tests pass
    // a small `iterations` (at least kStaffPinMinIterations) to stay fast.
    // Fails with a StaffPinRuleProblem sentence, usually.
    Status SetPin(std::string_view pin, const RandomBytesFunction& fill_random, std::int64_t now_ms,
                        std::uint32_t iterations = kStaffPinIterations);

    // While locked, refuses every PIN (the right one too) without hashing. Otherwise a right
    // PIN clears the wrong-try count, and the fifth wrong one in a row locks for a minute; a
    // lock that has run out gives five fresh tries. The hashes are compared in constant time.
    // Input that could never be a PIN (letters, wrong length) counts as a wrong try, like any
    // other miss, so the answer reveals nothing about the rules' corner cases.
    PinCheckResult CheckPin(std::string_view pin, std::int64_t now_ms);

    // For a countdown on the PIN screen: whole seconds (rounded up) until tries are allowed
    // again, 0 when they are now.
    std::int64_t SecondsLocked(std::int64_t now_ms) const;

private:
    std::optional<StaffPinRecord> record_;
};

// Writes the record as JSON (cereal), replacing the file in one step. Never throws.
Status SaveStaffPin(const StaffPin& staff_pin, const std::string& path) noexcept;

enum class StaffPinLoadStatus {
    kLoaded,
    kNoPinYet,    // no file: the first run, so the volunteer chooses a PIN
    kTooNew,      // written by a newer Yousaid: refused, nothing half-read
    kUnreadable,  // damaged or not a staff PIN file
};

struct StaffPinLoadResult {
    StaffPinLoadStatus status = StaffPinLoadStatus::kUnreadable;
    StaffPin staff_pin;   // holds the PIN only when status is kLoaded
    std::string message;  // for kTooNew and kUnreadable: what is wrong, in words
};

// Never throws. Callers must not treat kTooNew or kUnreadable as "no PIN yet": that would
// let whoever damaged the file choose a new PIN and open the staff area.
StaffPinLoadResult LoadStaffPin(const std::string& path) noexcept;

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::StaffPinRecord, yousaid::StaffPinRecord::kSerialVersion)
