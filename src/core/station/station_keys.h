#pragma once
// The officers' public keys a station seals every response to (docs/sealing.md): the
// officer's own and, usually, a recovery key (a colleague's, or a team key kept in a safe),
// at most kMaxRecipients. They arrive in a station pack or as public key files loaded in the
// officer role, and are kept in their own versioned JSON file beside the station settings:
//
//   {"format": "yousaid-station-keys", "version": 1,
//    "keys": [ <public key files, as docs/sealing.md shows them> ]}
//
// A station with no keys file has never been given a key and stores answers as before. A
// keys file that does not read (damaged, or written by a newer Yousaid) is left untouched and
// the station takes no answers until an officer loads the keys again: a station that was
// meant to seal must never fall back to storing answers in the clear.
#include <string>
#include <string_view>
#include <vector>

#include "core/base/problem.h"
#include "core/io/json_document.h"
#include "core/keys/officer_key.h"

namespace yousaid {

inline constexpr int kStationKeysFormatVersion = 1;
inline constexpr char kStationKeysFileName[] = "station_keys.json";

struct StationKeys {
    std::vector<PublicKeyFile> keys;  // in the order they were added; no two with one key id

    bool Empty() const { return keys.empty(); }
    // What SealResponse takes.
    std::vector<PublicKey> Recipients() const;
    bool Holds(const std::string& key_id) const;
};

std::string StationKeysJson(const StationKeys& keys);
// Reads the station's keys file: the format and version, then each key as a public key file
// (its key id checked against its public key), none twice, at most kMaxRecipients. Every
// problem is placed by file and JSON path ("keys[1].public_key"). Never throws.
Result<StationKeys> ReadStationKeys(std::string_view text, const std::string& file_name);

// Adds `key` to `keys`, or says why not (already held; already as many as a record can be
// sealed to). `keys` is unchanged on failure.
Status AddStationKey(StationKeys& keys, const PublicKeyFile& key);
// Removes the key with `key_id`; false when it was not held.
bool RemoveStationKey(StationKeys& keys, const std::string& key_id);
// True when both hold the same keys, in any order.
bool SameKeys(const StationKeys& a, const StationKeys& b);

// A list of public key files inside another file (a station pack's "public_keys"): written
// as the files themselves, read with each problem placed under `path` ("public_keys[0].key_id").
void WritePublicKeyList(rapidjson::Writer<rapidjson::StringBuffer>& writer, const char* member,
                        const std::vector<PublicKeyFile>& keys);
StationKeys ReadPublicKeyList(const rapidjson::Value& list, const std::string& path, const std::string& file_name,
                              std::vector<Problem>& problems);

// "Sam Patel's key: island plum garden mint", for a volunteer to read back on the phone.
std::string KeyInWords(const PublicKeyFile& key);

}  // namespace yousaid
