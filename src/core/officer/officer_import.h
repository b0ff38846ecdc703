#pragma once
// Importing a response file into the officer store: the rules of response_import.h (a file
// damaged as a whole changes nothing; a CSV file is all or nothing; one bad response in a
// transfer file is listed and the others go in), with each response encoded as it is read,
// and the whole file committed as one segment.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/officer/officer_store.h"
#include "core/storage/response_import.h"

namespace yousaid {

ImportReport ImportIntoOfficerStore(OfficerStore& store, std::string_view bytes, const std::string& file_name,
                                    const std::vector<Survey>& surveys, std::int64_t imported_at_ms);

}  // namespace yousaid
