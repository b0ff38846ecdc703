#pragma once
// Small-number suppression: a figure whose base is too small to publish is hidden, and so is
// whatever would let a reader work it out from a published total (docs/analytics.md,
// "Suppression").
#include <cstdint>
#include <vector>

namespace yousaid {

// Small-number suppression of one set of groups (exposed for tests and for screens that
// build their own tables). bases[g] is the group's base; `linked_sets` lists the groups
// whose total is published (the whole breakdown, and for a crossing each row and each
// column). Primary: 0 < base < min_cell. Secondary, repeated until nothing changes: where a
// linked set has exactly one suppressed group with a non-zero base, the group with the
// smallest non-zero base that is not yet suppressed is suppressed too (the first in order
// on a tie). A base of 0 hides nothing and is never suppressed.
std::vector<bool> SuppressSmallCells(const std::vector<std::int64_t>& bases, std::int64_t min_cell,
                                     const std::vector<std::vector<std::uint32_t>>& linked_sets);

}  // namespace yousaid
