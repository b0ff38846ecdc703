#pragma once
// SHA-256 (FIPS 180-4), HMAC-SHA-256 (RFC 2104) and PBKDF2-HMAC-SHA-256 (RFC 8018),
// small and dependency-free: Debian's C++ toolchain has no hashing library that em++ can
// use, and what we need them for (stable response ids from a spreadsheet's content; the
// staff PIN's salted slow hash) must give the same answer natively and in the browser.
// Check values: "" -> e3b0c442...b855, "abc" -> ba7816bf...15ad.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace yousaid {

using Sha256Digest = std::array<std::uint8_t, 32>;

// Incremental: feed bytes in any number of pieces, then Finish() once.
class Sha256 {
public:
    Sha256();
    void Update(const void* data, std::size_t size);
    void Update(std::string_view bytes) { Update(bytes.data(), bytes.size()); }
    // The digest of everything fed so far; the object must not be updated afterwards.
    Sha256Digest Finish();

private:
    void ProcessBlock(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

Sha256Digest ComputeSha256(std::string_view bytes);
// 64 lowercase hex digits.
std::string Sha256Hex(const Sha256Digest& digest);

// Any bytes as lowercase hex, and back: for salts and hashes kept in readable files.
std::string BytesToHex(const std::uint8_t* bytes, std::size_t size);
// Fills exactly `size` bytes from 2 * `size` hex digits (either case); false for anything else
// (and `out` may then be partly written).
bool HexToBytes(std::string_view hex, std::uint8_t* out, std::size_t size);

// HMAC-SHA-256 with one key for many messages: the key's padded blocks are hashed once, so
// each message costs only its own blocks. That halves the work of PBKDF2, where the key is
// fixed and every message is a single 32-byte digest.
class HmacSha256 {
public:
    explicit HmacSha256(std::string_view key);
    Sha256Digest Compute(const void* message, std::size_t size) const;
    Sha256Digest Compute(std::string_view message) const { return Compute(message.data(), message.size()); }

private:
    Sha256 inner_;  // already holds the key XOR ipad block
    Sha256 outer_;  // already holds the key XOR opad block
};

Sha256Digest ComputeHmacSha256(std::string_view key, std::string_view message);

// PBKDF2 (RFC 8018 section 5.2) with HMAC-SHA-256 as the pseudorandom function. The
// password and salt are bytes (std::string_view may hold any byte). Returns
// `derived_key_length` bytes; an empty result if `iterations` is 0 or the length is 0 or
// beyond what PBKDF2 allows ((2^32 - 1) * 32 bytes).
std::vector<std::uint8_t> DerivePbkdf2HmacSha256(std::string_view password, std::string_view salt,
                                                 std::uint32_t iterations, std::size_t derived_key_length);

// Whether two byte ranges of equal size are equal, taking the same time wherever they differ,
// so that timing a comparison of secrets reveals nothing about how much of them matched.
bool EqualInConstantTime(const std::uint8_t* a, const std::uint8_t* b, std::size_t size);

}  // namespace yousaid
