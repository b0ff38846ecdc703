#include "core/survey/identifiers.h"

#include <algorithm>

namespace yousaid {

namespace {

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetterOrDigit(char c) { return IsAsciiLower(c) || IsAsciiDigit(c) || (c >= 'A' && c <= 'Z'); }

}  // namespace

bool IsValidIdentifier(std::string_view id) {
    if (id.empty() || id.size() > kMaxIdentifierLength) return false;
    const auto is_lower_or_digit = [](char c) { return IsAsciiLower(c) || IsAsciiDigit(c); };
    if (!is_lower_or_digit(id.front())) return false;
    return std::all_of(id.begin(), id.end(), [&](char c) { return is_lower_or_digit(c) || c == '_'; });
}

bool IsValidLanguageCode(std::string_view code) {
    std::size_t position = 0;
    while (position < code.size() && IsAsciiLower(code[position])) ++position;
    if (position < 2 || position > 3) return false;
    while (position < code.size()) {
        if (code[position] != '-') return false;
        const std::size_t start = ++position;
        while (position < code.size() && IsAsciiLetterOrDigit(code[position])) ++position;
        const std::size_t length = position - start;
        if (length < 2 || length > 8) return false;
    }
    return true;
}

}  // namespace yousaid
