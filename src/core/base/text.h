#pragma once
// Small text helpers every loader needs, written once: quoting a value in a message,
// trimming the spaces spreadsheets pad cells with, ASCII case folding and reading numbers
// from cells.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yousaid {

// 'value', as messages quote what a person wrote.
std::string Quoted(std::string_view text);

// Without leading and trailing spaces and tabs (the padding spreadsheets add).
std::string_view TrimSpaces(std::string_view text);
// ASCII letters lowered; other bytes (UTF-8 included) as they are.
std::string AsciiLowercase(std::string_view text);

enum class ThousandsSeparators { kRejected, kAccepted };

// A whole number such as "317" or " -2 ", with an optional sign and no spaces inside; with
// separators accepted also "1,250" (commas only in their proper places: "12,50" is not a
// number). nullopt otherwise, also for "3.0" and for anything beyond 18 digits.
std::optional<std::int64_t> ParseWholeNumber(std::string_view text,
                                             ThousandsSeparators separators = ThousandsSeparators::kRejected);
// The same, nullopt when it does not fit in 32 bits.
std::optional<std::int32_t> ParseWholeNumber32(std::string_view text);
// A finite decimal number such as "90", " 87.5 " or "-2e3"; nullopt otherwise (also for "90%").
std::optional<double> ParseDecimal(std::string_view text);

}  // namespace yousaid
