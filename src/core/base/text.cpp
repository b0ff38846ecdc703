#include "core/base/text.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace yousaid {

namespace {

bool IsSpace(char character) { return character == ' ' || character == '\t'; }
bool IsDigit(char character) { return character >= '0' && character <= '9'; }

// Digits with commas only every three from the right ("1,250", not "12,50" or ",250").
bool SeparatorsInPlace(std::string_view digits_part) {
    const std::size_t first_comma = digits_part.find(',');
    if (first_comma == std::string_view::npos) return true;
    if (first_comma == 0 || first_comma > 3) return false;
    for (std::size_t index = 0; index < digits_part.size(); ++index) {
        if (digits_part[index] == ',' && (digits_part.size() - index) % 4 != 0) return false;
    }
    return true;
}

}  // namespace

std::string Quoted(std::string_view text) {
    std::string quoted = "'";
    quoted += text;
    quoted += '\'';
    return quoted;
}

std::string_view TrimSpaces(std::string_view text) {
    while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
    return text;
}

std::string AsciiLowercase(std::string_view text) {
    std::string lower(text);
    for (char& character : lower) {
        if (character >= 'A' && character <= 'Z') character = static_cast<char>(character - 'A' + 'a');
    }
    return lower;
}

std::optional<std::int64_t> ParseWholeNumber(std::string_view text, ThousandsSeparators separators) {
    std::string_view digits_part = TrimSpaces(text);
    const bool negative = !digits_part.empty() && digits_part.front() == '-';
    if (!digits_part.empty() && (digits_part.front() == '-' || digits_part.front() == '+')) {
        digits_part.remove_prefix(1);
    }
    if (digits_part.empty()) return std::nullopt;
    if (separators == ThousandsSeparators::kAccepted && !SeparatorsInPlace(digits_part)) return std::nullopt;
    std::int64_t value = 0;
    std::size_t digit_count = 0;
    for (const char character : digits_part) {
        if (character == ',' && separators == ThousandsSeparators::kAccepted) continue;
        if (!IsDigit(character) || ++digit_count > 18) return std::nullopt;
        value = value * 10 + (character - '0');
    }
    if (digit_count == 0) return std::nullopt;
    return negative ? -value : value;
}

std::optional<std::int32_t> ParseWholeNumber32(std::string_view text) {
    const std::optional<std::int64_t> value = ParseWholeNumber(text);
    if (!value || *value < std::numeric_limits<std::int32_t>::min() ||
        *value > std::numeric_limits<std::int32_t>::max()) {
        return std::nullopt;
    }
    return static_cast<std::int32_t>(*value);
}

std::optional<double> ParseDecimal(std::string_view text) {
    const std::string trimmed(TrimSpaces(text));
    if (trimmed.empty()) return std::nullopt;
    for (const char character : trimmed) {
        const bool allowed = IsDigit(character) || character == '.' || character == '-' || character == '+' ||
                             character == 'e' || character == 'E';
        if (!allowed) return std::nullopt;
    }
    errno = 0;
    char* end = nullptr;
    const double value = std::strtod(trimmed.c_str(), &end);
    if (errno != 0 || end != trimmed.c_str() + trimmed.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace yousaid
