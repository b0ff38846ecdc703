#pragma once
// Tests that damage a file on purpose change one place in its text.
#include <doctest/doctest.h>

#include <string>

namespace yousaid::testing {

// `text` with its first `from` replaced by `to`; `from` must be there.
inline std::string Edited(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace yousaid::testing
