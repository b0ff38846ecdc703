#pragma once
// Sealing a response to the officers' public keys, with libsodium (no cryptography of our own).
//
// A sealed record can be opened only with a recipient's secret key: a station that seals
// cannot read back what it sealed, and neither can anyone who copies the tablet's storage or a
// transfer file. A record may be sealed to several keys (the officer's and a recovery key), so
// that one lost passphrase does not lose a year's answers.
//
// Format (version 1), every byte of it authenticated:
//   "YSB" 0x01 | recipient count (1 byte, 1..kMaxRecipients)
//   per recipient: key id (8 bytes) | crypto_box_seal(data key) (32 + 48 bytes)
//   nonce (24 bytes) | XChaCha20-Poly1305 of the plaintext under the data key (+16 bytes),
//   with everything before it as additional data.
// The data key is random per record. docs/sealing.md gives the reasons.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/problem.h"

namespace yousaid {

inline constexpr std::size_t kPublicKeyBytes = 32;
inline constexpr std::size_t kSecretKeyBytes = 32;
inline constexpr std::size_t kKeyIdBytes = 8;
inline constexpr std::size_t kMaxRecipients = 4;

using PublicKey = std::array<std::uint8_t, kPublicKeyBytes>;

// A secret key held in memory only, wiped when it goes.
class SecretKey {
public:
    SecretKey() = default;
    SecretKey(const SecretKey& other) = default;
    SecretKey& operator=(const SecretKey& other) = default;
    ~SecretKey();
    std::uint8_t* data() { return bytes_.data(); }
    const std::uint8_t* data() const { return bytes_.data(); }
    void Wipe();

private:
    std::array<std::uint8_t, kSecretKeyBytes> bytes_{};
};

// Overwrites a passphrase or a plaintext held in a string (sodium_memzero), then empties it.
void WipeText(std::string& text);

struct KeyPair {
    PublicKey public_key{};
    SecretKey secret_key;
};

// libsodium is initialised (idempotent); false only when the platform has no randomness.
bool SodiumReady();

KeyPair GenerateKeyPair();
// A key's short id: the first 8 bytes of the BLAKE2b hash of its public key, as 16 hex digits.
std::string KeyIdOf(const PublicKey& public_key);
// The id as four short words ("amber otter crisp lake"), for reading back over the phone.
std::string KeyIdWords(std::string_view key_id);
// The words key ids are read as (kKeyWordCount of them, short and easily spoken), also the
// words a random passphrase is made of.
inline constexpr std::size_t kKeyWordCount = 64;
std::string_view KeyWord(std::size_t index);
// Key ids with their words, for messages: "8336a961f6ffec85 (island plum garden mint), ...".
std::string NameKeyIds(const std::vector<std::string>& key_ids);

// Keys that are unlocked, by key id. Several at once, so that waves sealed to an old key
// still open after a new one is made.
class Keyring {
public:
    void Add(const KeyPair& key);
    bool Has(std::string_view key_id) const;
    // That key's secret wiped and forgotten; nothing when it is not here.
    void Remove(std::string_view key_id);
    std::vector<std::string> KeyIds() const;
    std::vector<PublicKey> PublicKeys() const;
    // Holds one of these keys (RecordKeyIds of a record).
    bool OpensAnyOf(const std::vector<std::string>& key_ids) const;
    bool Empty() const { return keys_.empty(); }
    // Every secret key wiped and forgotten.
    void Lock() { keys_.clear(); }

private:
    std::map<std::string, KeyPair, std::less<>> keys_;
    friend Result<std::string> OpenRecord(std::string_view record, const Keyring& keyring);
};

// Seals `plaintext` to each of `recipients` (1 to kMaxRecipients, no two the same).
Result<std::string> SealRecord(std::string_view plaintext, const std::vector<PublicKey>& recipients);
// The plaintext, or why not: not a sealed record, a newer version, sealed to keys that are
// not unlocked (named), or damaged.
Result<std::string> OpenRecord(std::string_view record, const Keyring& keyring);
// The key ids a record is sealed to (readable without any key); empty when it is not one.
std::vector<std::string> RecordKeyIds(std::string_view record);
bool LooksSealed(std::string_view bytes);

}  // namespace yousaid
