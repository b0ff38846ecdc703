#pragma once
// One reading of UTF-8 for every file and answer: the Unicode table of well-formed
// sequences (no overlong forms, no surrogates, nothing above U+10FFFF).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yousaid {

// Length of the well-formed UTF-8 sequence that starts at text[offset] (1 for an ASCII byte,
// NUL included), or 0 when the bytes there are not one.
std::size_t Utf8SequenceLength(std::string_view text, std::size_t offset);

// The code point of the well-formed sequence of `length` bytes at text[offset] (as
// Utf8SequenceLength measured it).
std::uint32_t Utf8CodePointAt(std::string_view text, std::size_t offset, std::size_t length);

// `text` with every byte that does not start a well-formed sequence replaced by U+FFFD, so
// a file written from it stays readable whatever it carries.
std::string ReplaceInvalidUtf8(std::string_view text);

// Characters as a person counts them (code points), or nullopt when `text` is not UTF-8.
std::optional<std::size_t> CountUtf8CodePoints(std::string_view text);

}  // namespace yousaid
