#pragma once
// CRC-32 as in IEEE 802.3, zlib and PNG (reflected, polynomial 0xEDB88320, initial value
// and final XOR 0xFFFFFFFF), so checksums in our files can be checked with any standard tool.
// Check value: "123456789" -> 0xCBF43926.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace yousaid {

// Incremental: feed the bytes in any number of pieces, then read Value().
class Crc32 {
public:
    void Update(const void* data, std::size_t size);
    void Update(std::string_view bytes) { Update(bytes.data(), bytes.size()); }
    std::uint32_t Value() const { return ~state_; }
    void Reset() { state_ = 0xFFFFFFFFu; }

private:
    std::uint32_t state_ = 0xFFFFFFFFu;
};

std::uint32_t ComputeCrc32(const void* data, std::size_t size);
std::uint32_t ComputeCrc32(std::string_view bytes);

}  // namespace yousaid
