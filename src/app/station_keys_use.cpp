// Sealing on a station (docs/sealing.md): the officers' public keys kept beside the station
// settings, loaded in the officer role or from a station pack, and every response sealed to
// them before it is stored.
#include <cstdio>
#include <filesystem>

#include "app/app.h"
#include "core/base/file_io.h"
#include "core/responses/sealed_response.h"
#include "platform/file_exchange.h"

namespace yousaid::app {

using ui::StaffRole;

namespace {

// A keys file holds at most four public key files of a few hundred bytes each.
constexpr std::uint64_t kMaxKeysFileBytes = 64 * 1024;
constexpr std::uint64_t kMaxPublicKeyFileBytes = 16 * 1024;

}  // namespace

// No file: the station was never given a key and stores answers as before. A file that does
// not read is left as it is, and the station takes no answers until an officer loads the
// keys again: answers meant to be sealed are never stored in the clear.
void App::LoadStationKeys() {
    const std::string path = data_dir_ + "/" + kStationKeysFileName;
    std::error_code error;
    if (!std::filesystem::exists(path, error)) return;
    const FileReadResult file = ReadWholeFile(path, kMaxKeysFileBytes);
    Result<StationKeys> read = file.outcome == FileReadOutcome::kRead
                                   ? ReadStationKeys(file.bytes, kStationKeysFileName)
                                   : Result<StationKeys>::Failure(file.error);
    if (!read.ok()) {
        station_keys_problem_ = "This station takes no answers: the keys its answers are sealed to could not be read (" +
                                read.Message() + "). An officer can load the public key files again under Officer, "
                                "Officer keys.";
        std::fprintf(stderr, "%s\n", station_keys_problem_.c_str());
        return;
    }
    station_keys_ = std::move(*read.value);
}

Result<Response> App::ForTheStore(const Response& response) const {
    if (!station_keys_problem_.empty()) return Result<Response>::Failure(station_keys_problem_);
    if (station_keys_.Empty()) return Result<Response>::Success(response);
    return SealResponse(response, station_keys_.Recipients());
}

bool App::ReplaceStationKeys(const StationKeys& keys) {
    const Status saved = ReplaceSettingsFile(data_dir_ + "/" + kStationKeysFileName, StationKeysJson(keys));
    if (!saved.ok()) {
        notice_ = "The keys were not changed: " + saved.Message();
        return false;
    }
    station_keys_ = keys;
    station_keys_problem_.clear();
    Sync();
    return true;
}

void App::ChooseOfficerKeyFile() {
    if (!Allowed(StaffRole::kOfficer)) return;
    picking_ = PickPurpose::kPublicKey;
    platform::OpenFilePicker(".json");
}

void App::TakePublicKeyFile(const std::string& file_name, const std::string& bytes) {
    Result<PublicKeyFile> key = bytes.size() > kMaxPublicKeyFileBytes
                                    ? Result<PublicKeyFile>::Failure(file_name + " is too large to be a public key file")
                                    : ReadPublicKeyFile(bytes, file_name);
    if (!key.ok()) {
        notice_ = file_name + " was not added, and the keys did not change:\n" + key.Message();
        return;
    }
    // A keys file that could not be read is replaced by the keys loaded now.
    StationKeys keys = station_keys_problem_.empty() ? station_keys_ : StationKeys{};
    const Status added = AddStationKey(keys, *key.value);
    if (!added.ok()) {
        notice_ = added.Message();
        return;
    }
    if (ReplaceStationKeys(keys)) {
        notice_ = "Added " + KeyInWords(*key.value) + ". Every response from now on is sealed to it.";
    }
}

void App::RemoveOfficerKey(const std::string& key_id) {
    if (!Allowed(StaffRole::kOfficer)) return;
    StationKeys keys = station_keys_;
    if (!RemoveStationKey(keys, key_id)) return;
    if (!ReplaceStationKeys(keys)) return;
    notice_ = keys.Empty() ? "Key removed. This station seals to no key now: answers from now on are not sealed."
                           : "Key removed. Responses from now on are sealed to the keys listed.";
}

// Responses already stored stay sealed to the keys they were sealed to; only new ones change.
std::string App::UsePackKeys(const StationKeys& pack_keys) {
    if (pack_keys.Empty() || (station_keys_problem_.empty() && SameKeys(pack_keys, station_keys_))) return {};
    const bool first_keys = station_keys_.Empty() && station_keys_problem_.empty();
    if (!first_keys && Role() != StaffRole::kOfficer) {
        return " The pack's keys were not used: this station already seals to other keys, and only an officer can "
               "change them.";
    }
    if (!ReplaceStationKeys(pack_keys)) return " " + notice_;
    return pack_keys.keys.size() == 1 ? std::string(" Answers are now sealed to the officer's key.")
                                      : " Answers are now sealed to the pack's " + std::to_string(pack_keys.keys.size()) +
                                            " keys.";
}

}  // namespace yousaid::app
