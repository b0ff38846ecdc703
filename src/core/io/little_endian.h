#pragma once
// Fixed-width integers in files, little-endian whatever the machine: the one way the file
// formats (transfer files, record logs, officer store segments) write and read them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace yousaid {

inline void AppendU32(std::string& out, std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFFu));
}

inline void AppendU64(std::string& out, std::uint64_t value) {
    for (int shift = 0; shift < 64; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFFu));
}

// The caller checks that bytes[offset, offset + 4) exists.
inline std::uint32_t ReadU32(std::string_view bytes, std::size_t offset) {
    std::uint32_t value = 0;
    for (std::size_t index = 0; index < 4; ++index) {
        value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[offset + index])) << (8 * index);
    }
    return value;
}

inline std::uint64_t ReadU64(std::string_view bytes, std::size_t offset) {
    std::uint64_t value = 0;
    for (std::size_t index = 0; index < 8; ++index) {
        value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[offset + index])) << (8 * index);
    }
    return value;
}

}  // namespace yousaid
