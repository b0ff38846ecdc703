#pragma once
// The response files of a report (`scripts/yousaid report --responses ...`), read into the
// columns the engine tabulates. Kept in core, away from the command line, so that tests use
// the very code the tool runs.
#include <string>
#include <vector>

#include "core/analytics/encoded_responses.h"
#include "core/base/problem.h"
#include "core/crypto/sealed_box.h"
#include "core/responses/response.h"
#include "core/survey/survey.h"

namespace yousaid {

struct ReportResponses {
    EncodedResponses encoded;
    std::vector<ResponseId> row_ids;  // each row's response id
    std::vector<std::string> notes;  // e.g. responses to other surveys left out
};

// Reads every response file through the importer (src/core/storage/response_import.h), which tells
// transfer files, their JSON exports, response CSVs and copied response stores apart by
// content and extension and checks each response against the survey. Each response is
// encoded as it is read and then dropped, so a file far larger than its columns can be read.
// Responses are merged by id, so a response in two files (a re-export, a file given twice)
// counts once. Responses to other surveys are left out with a note. Anything else that would
// make the figures incomplete is bad input, each line naming the file (and for CSV the row
// and column): a damaged file, a response for another version of the survey or with an
// invalid answer, or two different responses under one id.
//
// Sealed responses are opened with `keyring` as they are read. Without one (nullptr), a file
// holding sealed responses is bad input that says to give a key; with one, a sealed response
// that does not open is left out and listed in the notes, by file and response id, and every
// other response still counts.
Result<ReportResponses> LoadResponsesForReport(const std::vector<std::string>& files, const Survey& survey,
                                               const Keyring* keyring);

}  // namespace yousaid
