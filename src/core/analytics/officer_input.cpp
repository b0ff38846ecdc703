#include "core/analytics/officer_input.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace yousaid {

std::string TrimCellSpaces(std::string_view text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    return std::string(text.substr(begin, end - begin));
}

std::optional<std::int64_t> ParseWholeNumberCell(std::string_view text) {
    const std::string trimmed = TrimCellSpaces(text);
    if (trimmed.empty()) return std::nullopt;
    std::size_t position = 0;
    bool negative = false;
    if (trimmed[0] == '-' || trimmed[0] == '+') {
        negative = trimmed[0] == '-';
        position = 1;
    }
    const std::string digits_part = trimmed.substr(position);
    if (digits_part.empty()) return std::nullopt;
    // Thousands separators only in their proper places: "1,250" yes, "12,50" no.
    const bool has_separators = digits_part.find(',') != std::string::npos;
    std::string digits;
    for (std::size_t index = 0; index < digits_part.size(); ++index) {
        const char character = digits_part[index];
        if (character >= '0' && character <= '9') {
            digits.push_back(character);
        } else if (character == ',') {
            const std::size_t from_end = digits_part.size() - index;  // ",250" -> 4
            if (index == 0 || from_end % 4 != 0) return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    if (has_separators && digits_part.find(',') > 3) return std::nullopt;
    if (digits.empty() || digits.size() > 18) return std::nullopt;
    std::int64_t value = 0;
    for (const char digit : digits) value = value * 10 + (digit - '0');
    return negative ? -value : value;
}

std::optional<double> ParseDecimalCell(std::string_view text) {
    const std::string trimmed = TrimCellSpaces(text);
    if (trimmed.empty()) return std::nullopt;
    for (const char character : trimmed) {
        const bool allowed = (character >= '0' && character <= '9') || character == '.' || character == '-' ||
                             character == '+' || character == 'e' || character == 'E';
        if (!allowed) return std::nullopt;
    }
    errno = 0;
    char* end = nullptr;
    const double value = std::strtod(trimmed.c_str(), &end);
    if (errno != 0 || end != trimmed.c_str() + trimmed.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace yousaid
