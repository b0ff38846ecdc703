#include "core/keys/officer_key.h"

#include <optional>
#include <vector>

#include <sodium.h>

#include "core/base/utf8.h"
#include "core/crypto/base64.h"
#include "core/io/versioned_json.h"

namespace yousaid {

namespace {

constexpr const char* kPrivateFormat = "yousaid-officer-private-key";
constexpr const char* kPublicFormat = "yousaid-officer-public-key";
constexpr std::uint64_t kMaxOperations = 10;

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// Exactly `count` bytes from base64 text, or nothing.
std::optional<std::vector<std::uint8_t>> BytesFromBase64(std::string_view text, std::size_t count) {
    const std::optional<std::string> bytes = FromBase64(text, count + 1);
    if (!bytes || bytes->size() != count) return std::nullopt;
    return std::vector<std::uint8_t>(bytes->begin(), bytes->end());
}

void WriteText(Writer& writer, const char* key, std::string_view value) {
    writer.Key(key);
    writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void WritePublicPart(Writer& writer, const char* format, const PublicKeyFile& key) {
    writer.StartObject();
    WriteText(writer, "format", format);
    writer.Key("version");
    writer.Int(kOfficerKeyFormatVersion);
    WriteText(writer, "key_id", key.key_id);
    WriteText(writer, "name", key.name);
    WriteText(writer, "created", key.created);
    WriteText(writer, "public_key", Base64(key.public_key.data(), key.public_key.size()));
}

// Reads the members both files share; problems are placed by field.
std::optional<PublicKeyFile> ReadPublicPart(const rapidjson::Document& document, const std::string& file_name,
                                            std::vector<Problem>& problems) {
    PublicKeyFile key;
    const auto text = [&](const char* field, std::string& out) {
        const auto found = document.FindMember(field);
        if (found == document.MemberEnd() || !found->value.IsString()) {
            problems.push_back(JsonFileProblem(file_name, field, "needs text"));
            return false;
        }
        out.assign(found->value.GetString(), found->value.GetStringLength());
        return true;
    };
    std::string public_base64;
    text("name", key.name);
    text("created", key.created);
    if (text("key_id", key.key_id) && text("public_key", public_base64)) {
        const auto bytes = BytesFromBase64(public_base64, kPublicKeyBytes);
        if (!bytes) {
            problems.push_back(JsonFileProblem(file_name, "public_key", "is not a public key (32 bytes of base64)"));
        } else {
            std::copy(bytes->begin(), bytes->end(), key.public_key.begin());
            if (KeyIdOf(key.public_key) != key.key_id) {
                problems.push_back(JsonFileProblem(file_name, "key_id", "does not match the public key: the file is damaged"));
            }
        }
    }
    if (!problems.empty()) return std::nullopt;
    return key;
}

// The key that opens the secret key: Argon2id of the passphrase.
bool DeriveKey(std::uint8_t* key, std::string_view passphrase, const std::uint8_t* salt, const KeyDerivationLimits& limits) {
    return crypto_pwhash(key, crypto_secretbox_KEYBYTES, passphrase.data(), passphrase.size(), salt, limits.operations,
                         static_cast<std::size_t>(limits.memory_bytes), crypto_pwhash_ALG_ARGON2ID13) == 0;
}

std::string PrivateFileJson(const PublicKeyFile& key, const std::uint8_t* salt, const KeyDerivationLimits& limits,
                            const std::uint8_t* nonce, const std::uint8_t* sealed_secret) {
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    WritePublicPart(writer, kPrivateFormat, key);
    writer.Key("passphrase_key");
    writer.StartObject();
    WriteText(writer, "algorithm", "argon2id13");
    WriteText(writer, "salt", Base64(salt, crypto_pwhash_SALTBYTES));
    writer.Key("operations");
    writer.Uint64(limits.operations);
    writer.Key("memory_bytes");
    writer.Uint64(limits.memory_bytes);
    writer.EndObject();
    WriteText(writer, "nonce", Base64(nonce, crypto_secretbox_NONCEBYTES));
    WriteText(writer, "sealed_secret_key", Base64(sealed_secret, crypto_secretbox_MACBYTES + kSecretKeyBytes));
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

KeyDerivationLimits MinimumKeyDerivationLimits() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

std::string RandomPassphraseWords(const RandomBytes& random, std::size_t count) {
    // 256 is a multiple of the word count: byte % count picks every word equally often.
    static_assert(256 % kKeyWordCount == 0, "one byte must pick a word without bias");
    std::vector<std::uint8_t> bytes(count);
    random(bytes.data(), bytes.size());
    std::string words;
    for (const std::uint8_t byte : bytes) {
        if (!words.empty()) words += ' ';
        words += KeyWord(byte % kKeyWordCount);
    }
    sodium_memzero(bytes.data(), bytes.size());
    return words;
}

std::string PassphraseProblem(std::string_view passphrase) {
    const std::optional<std::size_t> characters = CountUtf8CodePoints(passphrase);
    if (!characters) return "The passphrase has characters this device cannot read.";
    if (*characters < kMinPassphraseCharacters) {
        return "A passphrase needs at least " + std::to_string(kMinPassphraseCharacters) +
               " characters: four ordinary words with spaces between them are easy to remember and hard to guess.";
    }
    return {};
}

std::string PublicKeyFileJson(const PublicKeyFile& key) {
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    WritePublicPart(writer, kPublicFormat, key);
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

Result<OfficerKeyFiles> CreateOfficerKey(std::string_view name, std::string_view created, std::string_view passphrase,
                                         const KeyDerivationLimits& limits) {
    using Created = Result<OfficerKeyFiles>;
    if (const std::string problem = PassphraseProblem(passphrase); !problem.empty()) return Created::Failure(problem);
    if (!SodiumReady()) return Created::Failure("this device has no source of secure random numbers");
    KeyPair pair = GenerateKeyPair();
    PublicKeyFile key{KeyIdOf(pair.public_key), pair.public_key, std::string(name), std::string(created)};
    std::uint8_t salt[crypto_pwhash_SALTBYTES];
    std::uint8_t nonce[crypto_secretbox_NONCEBYTES];
    randombytes_buf(salt, sizeof salt);
    randombytes_buf(nonce, sizeof nonce);
    std::uint8_t file_key[crypto_secretbox_KEYBYTES];
    if (!DeriveKey(file_key, passphrase, salt, limits)) return Created::Failure("not enough memory to protect the key");
    std::uint8_t sealed[crypto_secretbox_MACBYTES + kSecretKeyBytes];
    crypto_secretbox_easy(sealed, pair.secret_key.data(), kSecretKeyBytes, nonce, file_key);
    sodium_memzero(file_key, sizeof file_key);
    OfficerKeyFiles files{key.key_id, PrivateFileJson(key, salt, limits, nonce, sealed), PublicKeyFileJson(key)};
    // The test unlock: a file that does not open with its passphrase is never offered.
    const Result<KeyPair> unlocked = UnlockPrivateKeyFile(files.private_file, passphrase, "the new key file");
    if (!unlocked.ok() || unlocked.value->public_key != pair.public_key) {
        return Created::Failure("the new key file did not open in its test unlock: " + unlocked.Message());
    }
    return Created::Success(std::move(files));
}

Result<PublicKeyFile> ReadPublicKeyFile(std::string_view text, const std::string& file_name) {
    using Read = Result<PublicKeyFile>;
    rapidjson::Document document;
    if (auto problem = ParseVersionedJson(text, kPublicFormat, kOfficerKeyFormatVersion, file_name,
                                          "an officer's public key file", document)) {
        return Read::Failure(std::move(*problem));
    }
    std::vector<Problem> problems;
    std::optional<PublicKeyFile> key = ReadPublicPart(document, file_name, problems);
    if (!key) return Read::Failure(std::move(problems));
    return Read::Success(std::move(*key));
}

Result<PrivateKeyFile> ReadPrivateKeyFile(std::string_view text, const std::string& file_name) {
    using Read = Result<PrivateKeyFile>;
    rapidjson::Document document;
    if (auto problem = ParseVersionedJson(text, kPrivateFormat, kOfficerKeyFormatVersion, file_name,
                                          "an officer's private key file", document)) {
        return Read::Failure(std::move(*problem));
    }
    std::vector<Problem> problems;
    std::optional<PublicKeyFile> key = ReadPublicPart(document, file_name, problems);
    const auto derivation = document.FindMember("passphrase_key");
    const auto member = [&](const char* field) -> const rapidjson::Value* {
        if (derivation == document.MemberEnd() || !derivation->value.IsObject()) return nullptr;
        const auto found = derivation->value.FindMember(field);
        return found == derivation->value.MemberEnd() ? nullptr : &found->value;
    };
    const auto bytes_of = [&](const rapidjson::Value* value, std::size_t count) -> std::optional<std::vector<std::uint8_t>> {
        if (value == nullptr || !value->IsString()) return std::nullopt;
        return BytesFromBase64(std::string_view(value->GetString(), value->GetStringLength()), count);
    };
    const auto top = [&](const char* field) -> const rapidjson::Value* {
        const auto found = document.FindMember(field);
        return found == document.MemberEnd() ? nullptr : &found->value;
    };
    const rapidjson::Value* algorithm = member("algorithm");
    const rapidjson::Value* operations = member("operations");
    const rapidjson::Value* memory = member("memory_bytes");
    const auto salt = bytes_of(member("salt"), crypto_pwhash_SALTBYTES);
    const auto nonce = bytes_of(top("nonce"), crypto_secretbox_NONCEBYTES);
    const auto sealed = bytes_of(top("sealed_secret_key"), crypto_secretbox_MACBYTES + kSecretKeyBytes);
    KeyDerivationLimits limits;
    const bool limits_read = operations != nullptr && operations->IsUint64() && memory != nullptr && memory->IsUint64();
    if (limits_read) limits = {operations->GetUint64(), memory->GetUint64()};
    if (algorithm == nullptr || !algorithm->IsString() || std::string_view(algorithm->GetString()) != "argon2id13") {
        problems.push_back(JsonFileProblem(file_name, "passphrase_key.algorithm", "needs \"argon2id13\""));
    }
    if (!salt) problems.push_back(JsonFileProblem(file_name, "passphrase_key.salt", "is damaged"));
    if (!limits_read || limits.operations < crypto_pwhash_OPSLIMIT_MIN || limits.operations > kMaxOperations ||
        limits.memory_bytes < crypto_pwhash_MEMLIMIT_MIN || limits.memory_bytes > kMaxKeyMemoryBytes) {
        problems.push_back(JsonFileProblem(file_name, "passphrase_key",
                                           "needs operations from 1 to 10 and memory_bytes from 8 KiB to 64 MiB"));
    }
    if (!nonce) problems.push_back(JsonFileProblem(file_name, "nonce", "is damaged"));
    if (!sealed) problems.push_back(JsonFileProblem(file_name, "sealed_secret_key", "is damaged"));
    if (!problems.empty() || !key) return Read::Failure(std::move(problems));
    return Read::Success(PrivateKeyFile{std::move(*key), limits, std::move(*salt), std::move(*nonce), std::move(*sealed)});
}

Result<KeyPair> UnlockPrivateKey(const PrivateKeyFile& file, std::string_view passphrase, const std::string& file_name) {
    using Unlocked = Result<KeyPair>;
    if (!SodiumReady()) return Unlocked::Failure("this device has no source of secure random numbers");
    std::uint8_t file_key[crypto_secretbox_KEYBYTES];
    if (!DeriveKey(file_key, passphrase, file.salt.data(), file.limits)) {
        return Unlocked::Failure("not enough memory to unlock the key");
    }
    KeyPair pair;
    pair.public_key = file.public_part.public_key;
    const int opened = crypto_secretbox_open_easy(pair.secret_key.data(), file.sealed_secret_key.data(),
                                                  file.sealed_secret_key.size(), file.nonce.data(), file_key);
    sodium_memzero(file_key, sizeof file_key);
    if (opened != 0) return Unlocked::Failure(file_name + ": the passphrase does not open this key file");
    // The secret key must be the public key's: a file with one of them swapped is damaged.
    PublicKey derived{};
    crypto_scalarmult_base(derived.data(), pair.secret_key.data());
    if (derived != pair.public_key) return Unlocked::Failure(file_name + ": the key file is damaged (its keys do not match)");
    return Unlocked::Success(std::move(pair));
}

Result<KeyPair> UnlockPrivateKeyFile(std::string_view text, std::string_view passphrase, const std::string& file_name) {
    const Result<PrivateKeyFile> file = ReadPrivateKeyFile(text, file_name);
    if (!file.ok()) return Result<KeyPair>::Failure(file.problems);
    return UnlockPrivateKey(*file.value, passphrase, file_name);
}

}  // namespace yousaid
