// Facts about the toolchain that the rest of the code relies on, checked in both builds.
#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/base/build_info.h"

namespace {
int ThrowingParse(const std::string& text) {
    if (text.empty()) throw std::runtime_error("empty input");
    return static_cast<int>(text.size());
}
}  // namespace

TEST_CASE("toolchain: a thrown exception is caught, also in WebAssembly") {
    // Emscripten disables catching by default; a corrupt record must never abort the app.
    bool caught = false;
    try {
        ThrowingParse("");
    } catch (const std::runtime_error& error) {
        caught = std::string(error.what()) == "empty input";
    }
    CHECK(caught);
    CHECK_THROWS_AS(ThrowingParse(""), std::runtime_error);
    CHECK(ThrowingParse("abc") == 3);
}

TEST_CASE("toolchain: fixed-width types have the same size in every build") {
    static_assert(sizeof(std::uint64_t) == 8, "the file formats assume 64-bit integers of 8 bytes");
    static_assert(sizeof(std::int32_t) == 4, "the file formats assume 32-bit integers of 4 bytes");
    const std::string target = yousaid::BuildTarget();
    CHECK((target == "native" || target == "wasm32"));
}
