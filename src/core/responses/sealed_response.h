#pragma once
// A response sealed to the officers' public keys as it is submitted (docs/sealing.md).
//
// What stays readable is only what merging and overall counting need: the response id, the
// survey id and version, the wave, station and event, the status, the answer mode and the
// times. Everything else (the language and every answer) is inside `Response::sealed`, which
// holds the whole response in cereal's PortableBinary format, sealed with SealRecord. So
// return rates and counts by wave, station and event show without a key; anything per
// group, every satisfaction figure and every comment needs one.
//
// Opening checks that the readable fields are the sealed response's own, so that a record
// whose readable part was altered (or swapped with another's) is refused, not miscounted.
#include <cstddef>
#include <string>
#include <vector>

#include "core/base/problem.h"
#include "core/crypto/sealed_box.h"
#include "core/responses/response.h"

namespace yousaid {

// The readable copy of `response`: every field but the language and the answers.
Response ReadablePartOf(const Response& response);

// `response` sealed to `recipients` (1 to kMaxRecipients public keys).
Result<Response> SealResponse(const Response& response, const std::vector<PublicKey>& recipients);

// The response inside a sealed one, or why not (not unlocked here, damaged, altered). A
// response in the clear comes back as it is.
Result<Response> OpenSealedResponse(const Response& sealed, const Keyring& keyring);

// Sealed responses opened in place: every one that opens is replaced by what it holds, and
// each one that does not is left sealed and listed.
struct OpenedResponses {
    std::size_t opened = 0;
    // One per response that stayed sealed, naming the file and the response id:
    // "tablet3.yousaid: response 0f3c...: sealed to keys that are not unlocked here: ...".
    std::vector<Problem> failures;
};
OpenedResponses OpenSealedResponses(std::vector<Response>& responses, const Keyring& keyring,
                                    const std::string& file_name);

}  // namespace yousaid
