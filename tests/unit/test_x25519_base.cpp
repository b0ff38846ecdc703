// The WebAssembly build's libsodium computes X25519's fixed-base multiplication with its
// Montgomery ladder instead of ref10's precomputed table (scripts/libsodium-wasm-x25519-base.patch,
// which keeps the table out of a tablet's download). The native build uses Debian's libsodium
// as it is; both run these tests, so the two must give the same keys and open the same boxes.
#include <doctest/doctest.h>

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "core/crypto/sealed_box.h"

using namespace yousaid;

namespace {

using Bytes32 = std::array<std::uint8_t, 32>;

std::string FromHex(const char* hex) {
    std::string bytes(std::char_traits<char>::length(hex) / 2, '\0');
    std::size_t length = 0;
    REQUIRE(sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex,
                           std::char_traits<char>::length(hex), nullptr, &length, nullptr) == 0);
    bytes.resize(length);
    return bytes;
}

Bytes32 Bytes32FromHex(const char* hex) {
    const std::string bytes = FromHex(hex);
    REQUIRE(bytes.size() == 32);
    Bytes32 out{};
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

// X25519 with the standard base point (u = 9), through the variable-base function.
Bytes32 LadderTimesNine(const std::uint8_t* scalar) {
    const Bytes32 nine{9};
    Bytes32 out{};
    REQUIRE(crypto_scalarmult(out.data(), scalar, nine.data()) == 0);
    return out;
}

// RFC 7748, section 6.1: Alice's private key and the public key it gives.
constexpr const char* kRfcSecret = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
constexpr const char* kRfcPublic = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
// crypto_box_seal of kNativeMessage to kRfcPublic, made once with Debian's native libsodium
// 1.0.18 (unpatched), so the WebAssembly build shows it opens what the native one sealed.
constexpr const char* kNativeMessage = "sealed by Debian's native libsodium";
constexpr const char* kNativeSealedBox =
    "51e4ca708b9302470274d5675b362a2537960a37ecb7ef121a60d785bfa33c7c70f0d32ebd47d82db314aefd8aac"
    "990acbbf591982f5b94068572a386ded0c19cc42e809c8e2b6668303bc362499ade4c5b0f3";

}  // namespace

TEST_CASE("x25519: the fixed-base multiplication equals the ladder on the base point 9") {
    REQUIRE(SodiumReady());
    for (int round = 0; round < 64; ++round) {
        Bytes32 scalar{};
        randombytes_buf(scalar.data(), scalar.size());
        Bytes32 fixed_base{};
        REQUIRE(crypto_scalarmult_base(fixed_base.data(), scalar.data()) == 0);
        CHECK(fixed_base == LadderTimesNine(scalar.data()));
    }
}

TEST_CASE("x25519: a key pair made here has the public key its secret key gives") {
    REQUIRE(SodiumReady());
    for (int round = 0; round < 8; ++round) {
        const KeyPair pair = GenerateKeyPair();
        const Bytes32 derived = LadderTimesNine(pair.secret_key.data());
        CHECK(std::equal(derived.begin(), derived.end(), pair.public_key.begin()));
    }
}

TEST_CASE("x25519: RFC 7748's key pair, and a box sealed by the native library opens here") {
    REQUIRE(SodiumReady());
    const Bytes32 secret = Bytes32FromHex(kRfcSecret);
    Bytes32 public_key{};
    REQUIRE(crypto_scalarmult_base(public_key.data(), secret.data()) == 0);
    CHECK(public_key == Bytes32FromHex(kRfcPublic));

    const std::string box = FromHex(kNativeSealedBox);
    std::string opened(box.size() - crypto_box_SEALBYTES, '\0');
    REQUIRE(crypto_box_seal_open(reinterpret_cast<unsigned char*>(opened.data()),
                                 reinterpret_cast<const unsigned char*>(box.data()), box.size(),
                                 public_key.data(), secret.data()) == 0);
    CHECK(opened == kNativeMessage);
}
