#include "core/crypto/sealed_box.h"

#include <algorithm>
#include <cstring>

#include <sodium.h>

namespace yousaid {

namespace {

constexpr char kMagic[4] = {'Y', 'S', 'B', '\x01'};
constexpr std::size_t kHeaderBytes = sizeof(kMagic) + 1;
constexpr std::size_t kSealedKeyBytes = crypto_box_SEALBYTES + crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr std::size_t kRecipientBytes = kKeyIdBytes + kSealedKeyBytes;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

// 64 short, distinct, easily spoken words: four of them name a key's first 24 bits.
constexpr const char* kWords[kKeyWordCount] = {
    "amber", "apple", "arrow", "badge", "berry", "blaze", "brook", "cabin", "candle", "cedar", "chalk", "cherry",
    "cloud", "clover", "comet", "coral", "crane", "daisy", "delta", "ember", "fable", "falcon", "fern", "flint",
    "forest", "frost", "garden", "ginger", "glade", "harbor", "hazel", "heron", "island", "ivory", "jasper", "kettle",
    "lantern", "lemon", "lilac", "maple", "meadow", "mint", "moss", "nutmeg", "oak", "olive", "orchid", "otter",
    "pebble", "pepper", "pine", "plum", "quartz", "raven", "river", "robin", "saffron", "silver", "spruce", "thistle",
    "tulip", "velvet", "willow", "zephyr"};

std::string Hex(const std::uint8_t* bytes, std::size_t count) {
    std::string hex(count * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, count);
    hex.pop_back();
    return hex;
}

const std::uint8_t* Bytes(std::string_view text) { return reinterpret_cast<const std::uint8_t*>(text.data()); }

}  // namespace

SecretKey::~SecretKey() { Wipe(); }

void SecretKey::Wipe() { sodium_memzero(bytes_.data(), bytes_.size()); }

bool SodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

KeyPair GenerateKeyPair() {
    SodiumReady();
    KeyPair pair;
    crypto_box_keypair(pair.public_key.data(), pair.secret_key.data());
    return pair;
}

std::string KeyIdOf(const PublicKey& public_key) {
    std::uint8_t hash[kKeyIdBytes];
    crypto_generichash(hash, sizeof hash, public_key.data(), public_key.size(), nullptr, 0);
    return Hex(hash, sizeof hash);
}

std::string_view KeyWord(std::size_t index) { return kWords[index % kKeyWordCount]; }

void WipeText(std::string& text) {
    if (!text.empty()) sodium_memzero(text.data(), text.size());
    text.clear();
}

std::string KeyIdWords(std::string_view key_id) {
    std::uint8_t bytes[3] = {};
    if (key_id.size() < 6 || sodium_hex2bin(bytes, sizeof bytes, key_id.data(), 6, nullptr, nullptr, nullptr) != 0) {
        return std::string(key_id);
    }
    const std::uint32_t bits = (std::uint32_t{bytes[0]} << 16) | (std::uint32_t{bytes[1]} << 8) | bytes[2];
    std::string words;
    for (int shift = 18; shift >= 0; shift -= 6) {
        if (!words.empty()) words += ' ';
        words += kWords[(bits >> shift) & 63];
    }
    return words;
}

void Keyring::Add(const KeyPair& key) { keys_[KeyIdOf(key.public_key)] = key; }

bool Keyring::Has(std::string_view key_id) const { return keys_.find(key_id) != keys_.end(); }

void Keyring::Remove(std::string_view key_id) {
    const auto found = keys_.find(key_id);
    if (found != keys_.end()) keys_.erase(found);  // SecretKey wipes itself as it goes
}

std::vector<std::string> Keyring::KeyIds() const {
    std::vector<std::string> ids;
    for (const auto& entry : keys_) ids.push_back(entry.first);
    return ids;
}

std::vector<PublicKey> Keyring::PublicKeys() const {
    std::vector<PublicKey> keys;
    for (const auto& entry : keys_) keys.push_back(entry.second.public_key);
    return keys;
}

bool Keyring::OpensAnyOf(const std::vector<std::string>& key_ids) const {
    return std::any_of(key_ids.begin(), key_ids.end(), [this](const std::string& id) { return Has(id); });
}

bool LooksSealed(std::string_view bytes) {
    return bytes.size() >= kHeaderBytes && std::memcmp(bytes.data(), kMagic, sizeof kMagic) == 0;
}

Result<std::string> SealRecord(std::string_view plaintext, const std::vector<PublicKey>& recipients) {
    using Sealed = Result<std::string>;
    if (!SodiumReady()) return Sealed::Failure("this device has no source of secure random numbers");
    if (recipients.empty() || recipients.size() > kMaxRecipients) {
        return Sealed::Failure("a record is sealed to 1 to " + std::to_string(kMaxRecipients) + " keys");
    }
    std::string record(kMagic, sizeof kMagic);
    record.push_back(static_cast<char>(recipients.size()));
    std::uint8_t data_key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
    crypto_aead_xchacha20poly1305_ietf_keygen(data_key);
    for (const PublicKey& recipient : recipients) {
        std::uint8_t id[kKeyIdBytes];
        crypto_generichash(id, sizeof id, recipient.data(), recipient.size(), nullptr, 0);
        std::uint8_t sealed[kSealedKeyBytes];
        crypto_box_seal(sealed, data_key, sizeof data_key, recipient.data());
        record.append(reinterpret_cast<const char*>(id), sizeof id);
        record.append(reinterpret_cast<const char*>(sealed), sizeof sealed);
    }
    std::uint8_t nonce[kNonceBytes];
    randombytes_buf(nonce, sizeof nonce);
    record.append(reinterpret_cast<const char*>(nonce), sizeof nonce);
    const std::size_t header = record.size();
    record.resize(header + plaintext.size() + kTagBytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<std::uint8_t*>(record.data()) + header, &written,
                                               Bytes(plaintext), plaintext.size(), Bytes(record), header, nullptr,
                                               nonce, data_key);
    sodium_memzero(data_key, sizeof data_key);
    return Sealed::Success(std::move(record));
}

std::vector<std::string> RecordKeyIds(std::string_view record) {
    std::vector<std::string> ids;
    if (!LooksSealed(record)) return ids;
    const std::size_t count = static_cast<std::uint8_t>(record[sizeof kMagic]);
    if (count == 0 || count > kMaxRecipients || record.size() < kHeaderBytes + count * kRecipientBytes) return ids;
    for (std::size_t index = 0; index < count; ++index) {
        ids.push_back(Hex(Bytes(record) + kHeaderBytes + index * kRecipientBytes, kKeyIdBytes));
    }
    return ids;
}

std::string NameKeyIds(const std::vector<std::string>& key_ids) {
    std::string named;
    for (const std::string& id : key_ids) named += (named.empty() ? "" : ", ") + id + " (" + KeyIdWords(id) + ")";
    return named;
}

Result<std::string> OpenRecord(std::string_view record, const Keyring& keyring) {
    using Opened = Result<std::string>;
    if (record.size() >= 3 && std::memcmp(record.data(), kMagic, 3) == 0 && (record.size() < 4 || record[3] != kMagic[3])) {
        return Opened::Failure("the sealed record is of a newer version than this app reads: update the app");
    }
    const std::vector<std::string> ids = RecordKeyIds(record);
    if (ids.empty()) return Opened::Failure("not a sealed record, or cut short");
    const std::size_t header = kHeaderBytes + ids.size() * kRecipientBytes + kNonceBytes;
    if (record.size() < header + kTagBytes) return Opened::Failure("the sealed record is cut short");
    std::uint8_t data_key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
    bool have_key = false;
    for (std::size_t index = 0; index < ids.size() && !have_key; ++index) {
        const auto key = keyring.keys_.find(ids[index]);
        if (key == keyring.keys_.end()) continue;
        const std::uint8_t* sealed = Bytes(record) + kHeaderBytes + index * kRecipientBytes + kKeyIdBytes;
        have_key = crypto_box_seal_open(data_key, sealed, kSealedKeyBytes, key->second.public_key.data(),
                                        key->second.secret_key.data()) == 0;
    }
    if (!have_key) {
        const bool any_held = std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return keyring.Has(id); });
        return Opened::Failure(any_held ? "the sealed record is damaged"
                                        : "sealed to keys that are not unlocked here: " + NameKeyIds(ids));
    }
    std::string plaintext(record.size() - header - kTagBytes, '\0');
    unsigned long long length = 0;
    const int opened = crypto_aead_xchacha20poly1305_ietf_decrypt(
        reinterpret_cast<std::uint8_t*>(plaintext.data()), &length, nullptr, Bytes(record) + header,
        record.size() - header, Bytes(record), header, Bytes(record) + header - kNonceBytes, data_key);
    sodium_memzero(data_key, sizeof data_key);
    if (opened != 0) return Opened::Failure("the sealed record is damaged");
    plaintext.resize(length);
    return Opened::Success(std::move(plaintext));
}

}  // namespace yousaid
