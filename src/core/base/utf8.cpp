#include "core/base/utf8.h"

namespace yousaid {

std::size_t Utf8SequenceLength(std::string_view text, std::size_t offset) {
    const auto at = [&](std::size_t index) -> int {
        return offset + index < text.size() ? static_cast<unsigned char>(text[offset + index]) : -1;
    };
    const auto in = [](int byte, int low, int high) { return byte >= low && byte <= high; };
    const int lead = at(0);
    if (in(lead, 0x00, 0x7F)) return 1;
    if (in(lead, 0xC2, 0xDF)) return in(at(1), 0x80, 0xBF) ? 2 : 0;
    int low = 0x80;
    int high = 0xBF;
    std::size_t length = 0;
    if (in(lead, 0xE0, 0xEF)) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (in(lead, 0xF0, 0xF4)) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        return 0;
    }
    if (!in(at(1), low, high)) return 0;
    for (std::size_t index = 2; index < length; ++index) {
        if (!in(at(index), 0x80, 0xBF)) return 0;
    }
    return length;
}

std::uint32_t Utf8CodePointAt(std::string_view text, std::size_t offset, std::size_t length) {
    static constexpr unsigned char kLeadBits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    std::uint32_t code_point = static_cast<unsigned char>(text[offset]) & kLeadBits[length];
    for (std::size_t index = 1; index < length; ++index) {
        code_point = (code_point << 6) | (static_cast<unsigned char>(text[offset + index]) & 0x3Fu);
    }
    return code_point;
}

std::string ReplaceInvalidUtf8(std::string_view text) {
    std::string clean;
    clean.reserve(text.size());
    for (std::size_t index = 0; index < text.size();) {
        if (const std::size_t length = Utf8SequenceLength(text, index); length > 0) {
            clean.append(text.substr(index, length));
            index += length;
        } else {
            clean += "\xEF\xBF\xBD";
            ++index;
        }
    }
    return clean;
}

std::optional<std::size_t> CountUtf8CodePoints(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t index = 0; index < text.size(); ++count) {
        const std::size_t length = Utf8SequenceLength(text, index);
        if (length == 0) return std::nullopt;
        index += length;
    }
    return count;
}

}  // namespace yousaid
