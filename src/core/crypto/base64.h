#pragma once
// Base64 (the original alphabet, with padding) through libsodium: how key files and JSON
// exports carry bytes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yousaid {

std::string Base64(const std::uint8_t* bytes, std::size_t count);
std::string Base64(std::string_view bytes);
// The bytes, or nothing when `text` is not base64 through and through or decodes to more
// than `max_bytes`.
std::optional<std::string> FromBase64(std::string_view text, std::size_t max_bytes);

}  // namespace yousaid
