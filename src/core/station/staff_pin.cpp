#include "core/station/staff_pin.h"

#include <cereal/archives/json.hpp>

#include <algorithm>
#include <exception>
#include <limits>
#include <sstream>
#include <vector>

#include "core/base/file_io.h"

namespace yousaid {

namespace {

// A PIN file is a few hundred bytes; anything much larger is not one.
constexpr std::size_t kMaxStaffPinFileBytes = 64 * 1024;

bool IsDigit(char character) { return character >= '0' && character <= '9'; }

// Each digit is the one before plus `step` (1 up, 9 meaning one down), counting 9 -> 0 on.
bool IsRunOfDigits(std::string_view digits, int step) {
    for (std::size_t index = 1; index < digits.size(); ++index) {
        const int previous = digits[index - 1] - '0';
        const int current = digits[index] - '0';
        if (current != (previous + step) % 10) return false;
    }
    return true;
}

std::int64_t SaturatingAdd(std::int64_t base, std::int64_t amount) {
    if (base > std::numeric_limits<std::int64_t>::max() - amount) return std::numeric_limits<std::int64_t>::max();
    return base + amount;
}

// Whole seconds until `until_ms`, rounded up, so the screen never shows "0 seconds" while
// tries are still refused.
std::int64_t SecondsUntil(std::int64_t until_ms, std::int64_t now_ms) {
    if (now_ms >= until_ms) return 0;
    return (until_ms - now_ms + 999) / 1000;
}

Sha256Digest DerivePinHash(std::string_view pin, const StaffPinRecord& record) {
    const std::string_view salt(reinterpret_cast<const char*>(record.salt.data()), record.salt.size());
    const std::vector<std::uint8_t> derived = DerivePbkdf2HmacSha256(pin, salt, record.iterations, 32);
    Sha256Digest hash{};
    if (derived.size() == hash.size()) std::copy(derived.begin(), derived.end(), hash.begin());
    return hash;
}

std::string IterationRangeText() {
    return std::to_string(kStaffPinMinIterations) + " to " + std::to_string(kStaffPinMaxIterations);
}

}  // namespace

std::optional<std::string> StaffPinRuleProblem(std::string_view pin) {
    if (pin.empty()) {
        return "Enter a PIN of " + std::to_string(kStaffPinMinDigits) + " to " + std::to_string(kStaffPinMaxDigits) +
               " digits.";
    }
    for (const char character : pin) {
        if (!IsDigit(character)) return std::string("A PIN can only have the digits 0 to 9 in it.");
    }
    const auto length = static_cast<std::int64_t>(pin.size());
    if (length < kStaffPinMinDigits || length > kStaffPinMaxDigits) {
        return "A PIN must have " + std::to_string(kStaffPinMinDigits) + " to " + std::to_string(kStaffPinMaxDigits) +
               " digits; this one has " + std::to_string(length) + ".";
    }
    if (IsRunOfDigits(pin, 0)) return std::string("One digit repeated (like 0000) is too easy to guess. Choose another PIN.");
    if (IsRunOfDigits(pin, 1) || IsRunOfDigits(pin, 9)) {
        return std::string("Digits in a row (like 1234 or 4321) are too easy to guess. Choose another PIN.");
    }
    return std::nullopt;
}

std::string PinCheckResult::Message() const {
    switch (outcome) {
        case PinCheckOutcome::kAccepted:
            return "PIN accepted.";
        case PinCheckOutcome::kWrong:
            return "Wrong PIN. " + std::to_string(attempts_left) + (attempts_left == 1 ? " try" : " tries") +
                   " left before the staff area locks for a minute.";
        case PinCheckOutcome::kLocked:
            return "Too many wrong tries. The staff area is locked: try again in " + std::to_string(seconds_locked) +
                   (seconds_locked == 1 ? " second." : " seconds.");
        case PinCheckOutcome::kNoPinSet:
            return "No staff PIN has been chosen yet.";
    }
    return "";
}

Status StaffPin::SetPin(std::string_view pin, const RandomBytesFunction& fill_random, std::int64_t now_ms,
                              std::uint32_t iterations) {
    if (const auto problem = StaffPinRuleProblem(pin)) return Status::Failure(*problem);
    if (iterations < kStaffPinMinIterations || iterations > kStaffPinMaxIterations) {
        return Status::Failure("the PIN hash needs " + IterationRangeText() + " iterations, not " + std::to_string(iterations));
    }
    if (!fill_random) return Status::Failure("no source of random numbers for the PIN's salt");
    StaffPinRecord record;
    record.iterations = iterations;
    fill_random(record.salt.data(), record.salt.size());
    record.hash = DerivePinHash(pin, record);
    record.set_at_ms = now_ms;
    record_ = record;
    return Succeeded();
}

PinCheckResult StaffPin::CheckPin(std::string_view pin, std::int64_t now_ms) {
    PinCheckResult result;
    if (!record_) return result;
    StaffPinRecord& record = *record_;

    if (record.locked_until_ms != 0) {
        // A clock set back (or a damaged file) must not lock the area for longer than one
        // lockout from now; without re-anchoring, a lock set before the clock went back an
        // hour would last that hour.
        const std::int64_t latest_end = SaturatingAdd(now_ms, kStaffPinLockoutMs);
        if (record.locked_until_ms > latest_end) {
            record.locked_until_ms = latest_end;
            result.record_changed = true;
        }
        if (now_ms < record.locked_until_ms) {
            result.outcome = PinCheckOutcome::kLocked;
            result.seconds_locked = SecondsUntil(record.locked_until_ms, now_ms);
            return result;
        }
        record.locked_until_ms = 0;  // the lock has run out: five fresh tries
        record.failed_attempts = 0;
        result.record_changed = true;
    }

    const Sha256Digest candidate = DerivePinHash(pin, record);
    if (EqualInConstantTime(candidate.data(), record.hash.data(), candidate.size())) {
        if (record.failed_attempts != 0) result.record_changed = true;
        record.failed_attempts = 0;
        result.outcome = PinCheckOutcome::kAccepted;
        return result;
    }

    result.record_changed = true;
    if (record.failed_attempts < std::numeric_limits<std::uint32_t>::max()) ++record.failed_attempts;
    if (record.failed_attempts >= kStaffPinAllowedWrongTries) {
        record.locked_until_ms = SaturatingAdd(now_ms, kStaffPinLockoutMs);
        result.outcome = PinCheckOutcome::kLocked;
        result.seconds_locked = SecondsUntil(record.locked_until_ms, now_ms);
        return result;
    }
    result.outcome = PinCheckOutcome::kWrong;
    result.attempts_left = kStaffPinAllowedWrongTries - record.failed_attempts;
    return result;
}

std::int64_t StaffPin::SecondsLocked(std::int64_t now_ms) const {
    if (!record_ || record_->locked_until_ms == 0) return 0;
    const std::int64_t end = std::min(record_->locked_until_ms, SaturatingAdd(now_ms, kStaffPinLockoutMs));
    return SecondsUntil(end, now_ms);
}

Status SaveStaffPin(const StaffPin& staff_pin, const std::string& path) noexcept {
    try {
        if (!staff_pin.HasPin()) return Status::Failure("there is no staff PIN to save");
        std::ostringstream json;
        {
            cereal::JSONOutputArchive archive(json);
            archive(cereal::make_nvp("staff_pin", *staff_pin.Record()));
        }  // the archive writes its closing brace when it goes out of scope
        json << '\n';
        const Status replaced = ReplaceSettingsFile(path, json.str());
        if (!replaced.ok()) return Status::Failure("the staff PIN was not saved: " + replaced.Message());
        return replaced;
    } catch (const std::exception& error) {
        return Status::Failure(std::string("the staff PIN was not saved: ") + error.what());
    }
}

StaffPinLoadResult LoadStaffPin(const std::string& path) noexcept {
    StaffPinLoadResult result;
    try {
        FileReadResult file = ReadWholeFile(path, kMaxStaffPinFileBytes);
        if (file.outcome == FileReadOutcome::kMissing) {
            result.status = StaffPinLoadStatus::kNoPinYet;
            return result;
        }
        if (file.outcome != FileReadOutcome::kRead) {
            result.message = "the staff PIN file cannot be read: " + file.error;
            return result;
        }
        const Status shape = CheckJsonShape(
            file.bytes, "staff_pin", StaffPinRecord::kSerialVersion,
            {{"algorithm", JsonFieldType::kString}, {"iterations", JsonFieldType::kUint32},
             {"salt", JsonFieldType::kString}, {"hash", JsonFieldType::kString},
             {"set_at_ms", JsonFieldType::kInt64}, {"failed_attempts", JsonFieldType::kUint32},
             {"locked_until_ms", JsonFieldType::kInt64}});
        if (!shape.ok()) {
            result.message = "the staff PIN file is damaged: " + shape.Message();
            return result;
        }
        StaffPinRecord record;
        try {
            std::istringstream json(file.bytes);
            cereal::JSONInputArchive archive(json);
            archive(cereal::make_nvp("staff_pin", record));
        } catch (const NewerVersionError& error) {
            result.status = StaffPinLoadStatus::kTooNew;
            result.message = error.what();
            return result;
        } catch (const std::exception& error) {
            result.message = std::string("the staff PIN file is damaged: ") + error.what();
            return result;
        }
        if (record.algorithm != kStaffPinAlgorithm) {
            result.message = "the staff PIN file uses the hash '" + record.algorithm + "', which this version does not know";
            return result;
        }
        if (record.iterations < kStaffPinMinIterations || record.iterations > kStaffPinMaxIterations) {
            result.message = "the staff PIN file claims " + std::to_string(record.iterations) + " iterations; " +
                             IterationRangeText() + " are allowed";
            return result;
        }
        result.status = StaffPinLoadStatus::kLoaded;
        result.staff_pin = StaffPin(std::move(record));
    } catch (const std::exception& error) {
        result.status = StaffPinLoadStatus::kUnreadable;
        result.staff_pin = StaffPin();
        result.message = std::string("the staff PIN file cannot be read: ") + error.what();
    }
    return result;
}

}  // namespace yousaid
