#pragma once
// A problem with a file an officer supplied to the report (population, KPIs, responses).
// Officers fix these files in a spreadsheet, so every message names the file, the row as
// the spreadsheet numbers it (the header is row 1) and the column, never just "bad input".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/problem.h"

namespace yousaid {

// Cell parsing shared by the officer's files. Spreadsheets pad cells with spaces and write
// large counts with thousands separators, so both are accepted; anything else is not.
std::string TrimCellSpaces(std::string_view text);
// A whole number such as "317", " 1250 " or "1,250"; nullopt otherwise (also for "3.0").
std::optional<std::int64_t> ParseWholeNumberCell(std::string_view text);
// A finite decimal number such as "90", "87.5" or "-2"; nullopt otherwise (also for "90%").
std::optional<double> ParseDecimalCell(std::string_view text);

}  // namespace yousaid
