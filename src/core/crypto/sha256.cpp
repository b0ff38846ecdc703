#include "core/crypto/sha256.h"

#include <algorithm>

namespace yousaid {

namespace {

constexpr std::array<std::uint32_t, 64> kRoundConstants{{
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
    0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
    0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
    0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
    0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
}};

std::uint32_t RotateRight(std::uint32_t value, int bits) { return (value >> bits) | (value << (32 - bits)); }

}  // namespace

Sha256::Sha256()
    : state_{{0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au, 0x510e527fu, 0x9b05688cu, 0x1f83d9abu,
              0x5be0cd19u}} {}

void Sha256::ProcessBlock(const std::uint8_t* block) {
    std::array<std::uint32_t, 64> words{};
    for (std::size_t index = 0; index < 16; ++index) {
        words[index] = (static_cast<std::uint32_t>(block[4 * index]) << 24) |
                       (static_cast<std::uint32_t>(block[4 * index + 1]) << 16) |
                       (static_cast<std::uint32_t>(block[4 * index + 2]) << 8) |
                       static_cast<std::uint32_t>(block[4 * index + 3]);
    }
    for (std::size_t index = 16; index < 64; ++index) {
        const std::uint32_t s0 =
            RotateRight(words[index - 15], 7) ^ RotateRight(words[index - 15], 18) ^ (words[index - 15] >> 3);
        const std::uint32_t s1 =
            RotateRight(words[index - 2], 17) ^ RotateRight(words[index - 2], 19) ^ (words[index - 2] >> 10);
        words[index] = words[index - 16] + s0 + words[index - 7] + s1;
    }
    std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    std::uint32_t e = state_[4], f = state_[5], g = state_[6], h = state_[7];
    for (std::size_t index = 0; index < 64; ++index) {
        const std::uint32_t s1 = RotateRight(e, 6) ^ RotateRight(e, 11) ^ RotateRight(e, 25);
        const std::uint32_t choose = (e & f) ^ (~e & g);
        const std::uint32_t temp1 = h + s1 + choose + kRoundConstants[index] + words[index];
        const std::uint32_t s0 = RotateRight(a, 2) ^ RotateRight(a, 13) ^ RotateRight(a, 22);
        const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t temp2 = s0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + temp1;
        d = c;
        c = b;
        b = a;
        a = temp1 + temp2;
    }
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
    state_[4] += e;
    state_[5] += f;
    state_[6] += g;
    state_[7] += h;
}

void Sha256::Update(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    total_bytes_ += size;
    while (size > 0) {
        const std::size_t take = std::min(size, buffer_.size() - buffered_);
        for (std::size_t index = 0; index < take; ++index) buffer_[buffered_ + index] = bytes[index];
        buffered_ += take;
        bytes += take;
        size -= take;
        if (buffered_ == buffer_.size()) {
            ProcessBlock(buffer_.data());
            buffered_ = 0;
        }
    }
}

Sha256Digest Sha256::Finish() {
    // Padding (FIPS 180-4 section 5.1.1): a 1 bit, zeros up to 56 bytes into a block, then the
    // message length in bits as 8 big-endian bytes. Written into the buffer directly rather
    // than through Update, because PBKDF2 finishes two hashes per iteration.
    const std::uint64_t bit_length = total_bytes_ * 8;
    buffer_[buffered_++] = 0x80;
    if (buffered_ > 56) {
        std::fill(buffer_.begin() + static_cast<std::ptrdiff_t>(buffered_), buffer_.end(), std::uint8_t{0});
        ProcessBlock(buffer_.data());
        buffered_ = 0;
    }
    std::fill(buffer_.begin() + static_cast<std::ptrdiff_t>(buffered_), buffer_.begin() + 56, std::uint8_t{0});
    for (std::size_t index = 0; index < 8; ++index) {
        buffer_[56 + index] = static_cast<std::uint8_t>(bit_length >> (56 - 8 * index));
    }
    ProcessBlock(buffer_.data());
    buffered_ = 0;
    Sha256Digest digest{};
    for (std::size_t index = 0; index < 8; ++index) {
        digest[4 * index] = static_cast<std::uint8_t>(state_[index] >> 24);
        digest[4 * index + 1] = static_cast<std::uint8_t>(state_[index] >> 16);
        digest[4 * index + 2] = static_cast<std::uint8_t>(state_[index] >> 8);
        digest[4 * index + 3] = static_cast<std::uint8_t>(state_[index]);
    }
    return digest;
}

Sha256Digest ComputeSha256(std::string_view bytes) {
    Sha256 hash;
    hash.Update(bytes);
    return hash.Finish();
}

std::string Sha256Hex(const Sha256Digest& digest) { return BytesToHex(digest.data(), digest.size()); }

std::string BytesToHex(const std::uint8_t* bytes, std::size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * size);
    for (std::size_t index = 0; index < size; ++index) {
        hex.push_back(kDigits[bytes[index] >> 4]);
        hex.push_back(kDigits[bytes[index] & 0xF]);
    }
    return hex;
}

bool HexToBytes(std::string_view hex, std::uint8_t* out, std::size_t size) {
    if (hex.size() != 2 * size) return false;
    const auto digit_value = [](char digit) -> int {
        if (digit >= '0' && digit <= '9') return digit - '0';
        if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
        if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
        return -1;
    };
    for (std::size_t index = 0; index < size; ++index) {
        const int high = digit_value(hex[2 * index]);
        const int low = digit_value(hex[2 * index + 1]);
        if (high < 0 || low < 0) return false;
        out[index] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return true;
}

HmacSha256::HmacSha256(std::string_view key) {
    // RFC 2104: a key longer than the block is hashed first; shorter keys are zero-padded.
    std::array<std::uint8_t, 64> key_block{};
    if (key.size() > key_block.size()) {
        const Sha256Digest hashed_key = ComputeSha256(key);
        std::copy(hashed_key.begin(), hashed_key.end(), key_block.begin());
    } else {
        std::copy(key.begin(), key.end(), key_block.begin());
    }
    std::array<std::uint8_t, 64> inner_pad{};
    std::array<std::uint8_t, 64> outer_pad{};
    for (std::size_t index = 0; index < key_block.size(); ++index) {
        inner_pad[index] = static_cast<std::uint8_t>(key_block[index] ^ 0x36u);
        outer_pad[index] = static_cast<std::uint8_t>(key_block[index] ^ 0x5cu);
    }
    inner_.Update(inner_pad.data(), inner_pad.size());
    outer_.Update(outer_pad.data(), outer_pad.size());
}

Sha256Digest HmacSha256::Compute(const void* message, std::size_t size) const {
    Sha256 inner = inner_;
    inner.Update(message, size);
    const Sha256Digest inner_digest = inner.Finish();
    Sha256 outer = outer_;
    outer.Update(inner_digest.data(), inner_digest.size());
    return outer.Finish();
}

Sha256Digest ComputeHmacSha256(std::string_view key, std::string_view message) {
    return HmacSha256(key).Compute(message);
}

std::vector<std::uint8_t> DerivePbkdf2HmacSha256(std::string_view password, std::string_view salt,
                                                 std::uint32_t iterations, std::size_t derived_key_length) {
    constexpr std::uint64_t kMaxBlocks = 0xFFFFFFFFull;  // the block index is a 32-bit counter
    const std::uint64_t block_count = (static_cast<std::uint64_t>(derived_key_length) + 31) / 32;
    if (iterations == 0 || derived_key_length == 0 || block_count > kMaxBlocks) return {};

    const HmacSha256 prf(password);
    std::vector<std::uint8_t> derived;
    derived.reserve(derived_key_length);
    std::vector<std::uint8_t> salted_index(salt.begin(), salt.end());
    salted_index.resize(salt.size() + 4);
    for (std::uint64_t block = 1; block <= block_count; ++block) {
        // U1 = PRF(P, S || INT(i)), with i as four big-endian bytes.
        for (std::size_t byte = 0; byte < 4; ++byte) {
            salted_index[salt.size() + byte] = static_cast<std::uint8_t>(block >> (24 - 8 * byte));
        }
        Sha256Digest previous = prf.Compute(salted_index.data(), salted_index.size());
        Sha256Digest block_result = previous;
        // T_i = U1 XOR U2 XOR ... XOR Uc, where U_j = PRF(P, U_{j-1}).
        for (std::uint32_t round = 1; round < iterations; ++round) {
            previous = prf.Compute(previous.data(), previous.size());
            for (std::size_t byte = 0; byte < block_result.size(); ++byte) block_result[byte] ^= previous[byte];
        }
        const std::size_t take = std::min<std::size_t>(block_result.size(), derived_key_length - derived.size());
        derived.insert(derived.end(), block_result.begin(), block_result.begin() + static_cast<std::ptrdiff_t>(take));
    }
    return derived;
}

bool EqualInConstantTime(const std::uint8_t* a, const std::uint8_t* b, std::size_t size) {
    // No early exit: every byte is looked at. The volatile accumulator keeps the compiler from
    // turning the loop back into one that stops at the first difference.
    volatile std::uint8_t differences = 0;
    for (std::size_t index = 0; index < size; ++index) {
        differences = static_cast<std::uint8_t>(differences | (a[index] ^ b[index]));
    }
    return differences == 0;
}

}  // namespace yousaid
