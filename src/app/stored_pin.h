#pragma once
// One PIN kept in its own file with its own lockout: the station PIN (staff_pin.json) and
// the officer PIN (officer_pin.json) are two of these. Wraps core's StaffPin so that the
// app talks to PIN files in one place.
#include <cstdint>
#include <string>

#include "core/station/staff_pin.h"

namespace yousaid::app {

class StoredPin {
public:
    explicit StoredPin(std::string path) : path_(std::move(path)) {}

    // Reads the file; a problem (damaged, too new) in words, or empty. A damaged file is
    // never taken for "no PIN yet": that would let whoever damaged it choose a new one.
    std::string Load();
    bool HasPin() const { return pin_.HasPin(); }
    bool Damaged() const { return damaged_; }
    // Whether `pin` is right; `message` says why not. Saves the lockout state every try.
    bool Check(const std::string& pin, std::int64_t now_ms, std::string& message);
    // Sets (or replaces) the PIN and saves it; empty on success, otherwise why not.
    std::string Set(const std::string& pin, std::int64_t now_ms);
    // Removes the PIN and its file: the next use chooses a new one.
    void Forget();
    int SecondsLocked(std::int64_t now_ms) const { return static_cast<int>(pin_.SecondsLocked(now_ms)); }

private:
    std::string path_;
    StaffPin pin_;
    bool damaged_ = false;
};

}  // namespace yousaid::app
