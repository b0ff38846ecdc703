#include "core/crypto/base64.h"

#include <algorithm>

#include <sodium.h>

namespace yousaid {

std::string Base64(const std::uint8_t* bytes, std::size_t count) {
    std::string text(sodium_base64_ENCODED_LEN(count, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes, count, sodium_base64_VARIANT_ORIGINAL);
    text.pop_back();  // the terminating NUL
    return text;
}

std::string Base64(std::string_view bytes) {
    return Base64(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

std::optional<std::string> FromBase64(std::string_view text, std::size_t max_bytes) {
    // Base64 text is never shorter than 4/3 of its bytes, so this bounds the buffer by the input.
    const std::size_t capacity = std::min(max_bytes, text.size() / 4 * 3 + 3);
    std::string bytes(capacity, '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(),
                          nullptr, &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size()) {
        return std::nullopt;
    }
    bytes.resize(length);
    return bytes;
}

}  // namespace yousaid
