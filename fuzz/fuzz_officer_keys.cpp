// libFuzzer target for the officer's key files and sealed records: no input may crash the
// readers; a private key file whose limits are accepted never asks for more than 64 MiB;
// nothing opens a record but the key it was sealed to; and a record sealed here opens again.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/crypto/sealed_box.h"
#include "core/keys/officer_key.h"

namespace {

void Require(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const yousaid::KeyPair key = yousaid::GenerateKeyPair();
    static const yousaid::Keyring ring = [] {
        yousaid::Keyring keyring;
        keyring.Add(key);
        return keyring;
    }();
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    const auto public_file = yousaid::ReadPublicKeyFile(input, "key.json");
    if (public_file.ok()) Require(yousaid::KeyIdOf(public_file.value->public_key) == public_file.value->key_id);
    const auto private_file = yousaid::ReadPrivateKeyFile(input, "key.json");
    if (private_file.ok()) {
        Require(private_file.value->limits.memory_bytes <= yousaid::kMaxKeyMemoryBytes);
        if (private_file.value->limits.memory_bytes <= 64 * 1024 && private_file.value->limits.operations <= 2) {
            yousaid::UnlockPrivateKey(*private_file.value, "a passphrase to try", "key.json");
        }
    }

    // Arbitrary bytes never open: only a record sealed to this key by SealRecord does.
    Require(!yousaid::OpenRecord(input, ring).ok());
    const auto sealed = yousaid::SealRecord(input, {key.public_key});
    Require(sealed.ok());
    const auto opened = yousaid::OpenRecord(*sealed.value, ring);
    Require(opened.ok() && *opened.value == input);
    return 0;
}
