#include "app/stored_pin.h"

#include <filesystem>

#include "app/app.h"

namespace yousaid::app {

std::string StoredPin::Load() {
    StaffPinLoadResult loaded = LoadStaffPin(path_);
    damaged_ = loaded.status == StaffPinLoadStatus::kTooNew || loaded.status == StaffPinLoadStatus::kUnreadable;
    pin_ = loaded.status == StaffPinLoadStatus::kLoaded ? std::move(loaded.staff_pin) : StaffPin();
    return loaded.message;
}

bool StoredPin::Check(const std::string& pin, std::int64_t now_ms, std::string& message) {
    const PinCheckResult result = pin_.CheckPin(pin, now_ms);
    // The wrong-try count must survive a reload, or five tries would never lock anything.
    if (result.record_changed) SaveStaffPin(pin_, path_);
    message = result.outcome == PinCheckOutcome::kAccepted ? std::string() : result.Message();
    return result.outcome == PinCheckOutcome::kAccepted;
}

std::string StoredPin::Set(const std::string& pin, std::int64_t now_ms) {
    StaffPin chosen;
    const Status set = chosen.SetPin(pin, SecureRandom, now_ms);
    if (!set.ok()) return set.Message();
    const Status saved = SaveStaffPin(chosen, path_);
    if (!saved.ok()) return "The PIN could not be saved: " + saved.Message();
    pin_ = std::move(chosen);
    damaged_ = false;
    return {};
}

void StoredPin::Forget() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
    pin_ = StaffPin();
    damaged_ = false;
}

}  // namespace yousaid::app
