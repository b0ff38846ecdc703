#pragma once
// The officer's key files. Creating a key writes two:
//   - the private key file: the secret key in a crypto_secretbox under a key derived from the
//     officer's passphrase with Argon2id (salt and limits in the file, memory at most 64 MiB
//     so that a tablet can unlock it), the public key, the key id, the name and the date;
//   - the public key file: the key id, the public key, the name and the date. This is what
//     goes to the stations.
// Both are versioned JSON. The passphrase and the secret key are never written anywhere
// else; a lost file or passphrase means nobody can ever read the answers sealed to the key.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/problem.h"
#include "core/crypto/sealed_box.h"

namespace yousaid {

inline constexpr int kOfficerKeyFormatVersion = 1;
inline constexpr std::size_t kMinPassphraseCharacters = 12;
// Argon2id's memory: libsodium's "interactive" limit, the most a tablet is asked for.
inline constexpr std::uint64_t kMaxKeyMemoryBytes = 64ull * 1024 * 1024;

struct PublicKeyFile {
    std::string key_id;
    PublicKey public_key{};
    std::string name;
    std::string created;  // YYYY-MM-DD
};

// How hard the passphrase is made to guess. Tests may ask for libsodium's minimum.
struct KeyDerivationLimits {
    std::uint64_t operations = 2;                 // crypto_pwhash_OPSLIMIT_INTERACTIVE
    std::uint64_t memory_bytes = kMaxKeyMemoryBytes;  // crypto_pwhash_MEMLIMIT_INTERACTIVE
};
KeyDerivationLimits MinimumKeyDerivationLimits();

struct OfficerKeyFiles {
    std::string key_id;
    std::string private_file;  // JSON
    std::string public_file;   // JSON
};

// Why `passphrase` may not protect a key (too short), or empty when it may.
std::string PassphraseProblem(std::string_view passphrase);

// Secure random bytes, as the platform gives them (crypto.getRandomValues in a browser).
using RandomBytes = std::function<void(std::uint8_t* out, std::size_t count)>;
// Six words of 64: 36 bits, so that guessing them costs 2^35 Argon2id derivations (64 MiB
// each) on average; four gave only 24 bits.
inline constexpr std::size_t kOfferedPassphraseWords = 6;
// `count` words drawn uniformly (one random byte each) from the key-id words, with spaces
// between: a passphrase offered to an officer who would rather not invent one.
std::string RandomPassphraseWords(const RandomBytes& random, std::size_t count = kOfferedPassphraseWords);

// A new key pair, sealed under `passphrase`, as its two files. The files are unlocked once
// before they are returned, so a file that does not open is never offered.
Result<OfficerKeyFiles> CreateOfficerKey(std::string_view name, std::string_view created, std::string_view passphrase,
                                         const KeyDerivationLimits& limits = {});

// Reads a public key file, checking that its key id is its public key's.
Result<PublicKeyFile> ReadPublicKeyFile(std::string_view text, const std::string& file_name);
std::string PublicKeyFileJson(const PublicKeyFile& key);

// A private key file as read, before its passphrase is tried.
struct PrivateKeyFile {
    PublicKeyFile public_part;
    KeyDerivationLimits limits;
    std::vector<std::uint8_t> salt;
    std::vector<std::uint8_t> nonce;
    std::vector<std::uint8_t> sealed_secret_key;
};

// Reads a private key file without trying a passphrase: every field checked, and limits
// beyond what a tablet may be asked for refused (a file cannot make a device run out of
// memory or time).
Result<PrivateKeyFile> ReadPrivateKeyFile(std::string_view text, const std::string& file_name);
// The key pair, or a clear reason: the wrong passphrase, or keys that do not match.
Result<KeyPair> UnlockPrivateKey(const PrivateKeyFile& file, std::string_view passphrase, const std::string& file_name);
// Both: reads the file and unlocks it.
Result<KeyPair> UnlockPrivateKeyFile(std::string_view text, std::string_view passphrase, const std::string& file_name);

}  // namespace yousaid
