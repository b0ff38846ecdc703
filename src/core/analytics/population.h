#pragma once
// The officer's population file: how many people were invited (were eligible) in each
// group, the denominator of every return rate. A CSV with the header
//
//   wave,dimension,group,invited
//   ,all,all,1250                   <- everybody, every wave (wave empty = every wave)
//   2025,school,kingsdown_academy,310
//   2025,school×year_group,kingsdown_academy×year_7,58
//
// A row for a specific wave wins over a row with an empty wave for the same group.
// Dimensions and groups are checked against the survey by CheckPopulation (analytics.h).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/officer_input.h"

namespace yousaid {

struct PopulationEntry {
    std::string wave;       // empty: every wave
    std::string dimension;  // "all", a dimension name, or two joined by × (or *)
    std::string group;      // "all", a group label, or two joined by × (or *)
    std::int64_t invited = 0;
    std::uint32_t row = 0;  // spreadsheet row, for messages
};

struct Population {
    std::string file_name;
    std::vector<PopulationEntry> entries;
};

// Reads the CSV bytes (BOM, CRLF and Excel's quoting are fine; columns may come in any order
// and extra columns are ignored). Every problem is listed: a missing column, an invited count
// that is not a whole number >= 0 (thousands separators such as "1,250" are accepted), an
// empty dimension or group, and the same wave, dimension and group given twice; the
// population is given only when there are none.
Result<Population> ParsePopulationCsv(std::string_view bytes, const std::string& file_name);

// How many were invited in all (dimension "all", group "all") for `wave`: its own row, else
// the row for every wave; nothing when the file does not say.
std::optional<std::int64_t> InvitedEveryone(const Population& population, std::string_view wave);

// Splits "school×year_group" or "school*year_group" into its parts (one part when there is
// no separator). Surrounding spaces are trimmed.
std::vector<std::string> SplitCrossing(std::string_view text);

}  // namespace yousaid
