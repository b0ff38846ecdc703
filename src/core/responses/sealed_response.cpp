#include "core/responses/sealed_response.h"

#include <algorithm>
#include <exception>
#include <utility>

#include "core/io/checked_portable_binary.h"

namespace yousaid {

Response ReadablePartOf(const Response& response) {
    Response readable = response;
    readable.language.clear();
    readable.answers.clear();
    readable.sealed.clear();
    return readable;
}

Result<Response> SealResponse(const Response& response, const std::vector<PublicKey>& recipients) {
    if (response.IsSealed()) return Result<Response>::Failure("the response is sealed already");
    Response inner = response;
    std::string plaintext;
    try {
        plaintext = SavePortableBinary(inner);
    } catch (const std::exception& error) {
        return Result<Response>::Failure(std::string("the response could not be encoded: ") + error.what());
    }
    Result<std::string> sealed = SealRecord(plaintext, recipients);
    WipeText(plaintext);
    if (!sealed.ok()) return Result<Response>::Failure(sealed.problems);
    Response outer = ReadablePartOf(response);
    outer.sealed = std::move(*sealed.value);
    return Result<Response>::Success(std::move(outer));
}

namespace {

// The readable fields must be the sealed response's own.
bool ReadablePartsAgree(const Response& outer, const Response& inner) {
    return ReadablePartOf(inner) == ReadablePartOf(outer) && !inner.IsSealed();
}

}  // namespace

Result<Response> OpenSealedResponse(const Response& sealed, const Keyring& keyring) {
    if (!sealed.IsSealed()) return Result<Response>::Success(sealed);
    Result<std::string> plaintext = OpenRecord(sealed.sealed, keyring);
    if (!plaintext.ok()) return Result<Response>::Failure(plaintext.problems);
    Response inner;
    try {
        LoadPortableBinary(*plaintext.value, inner);
    } catch (const std::exception& error) {
        return Result<Response>::Failure(std::string("the sealed response cannot be read: ") + error.what());
    }
    WipeText(*plaintext.value);
    if (!ReadablePartsAgree(sealed, inner)) {
        return Result<Response>::Failure(
            "the readable fields do not match the sealed response: the record was altered or damaged");
    }
    return Result<Response>::Success(std::move(inner));
}

OpenedResponses OpenSealedResponses(std::vector<Response>& responses, const Keyring& keyring,
                                    const std::string& file_name) {
    OpenedResponses result;
    for (Response& response : responses) {
        if (!response.IsSealed()) continue;
        Result<Response> opened = OpenSealedResponse(response, keyring);
        if (opened.ok()) {
            response = std::move(*opened.value);
            ++result.opened;
            continue;
        }
        Problem failure;
        failure.file = file_name;
        failure.path = "response " + response.id.ToHex();
        failure.message = opened.Message();
        result.failures.push_back(std::move(failure));
    }
    return result;
}

}  // namespace yousaid
