#include "core/analytics/suppression.h"

#include <cstddef>
#include <optional>

namespace yousaid {

std::vector<bool> SuppressSmallCells(const std::vector<std::int64_t>& bases, std::int64_t min_cell,
                                     const std::vector<std::vector<std::uint32_t>>& linked_sets) {
    std::vector<bool> suppressed(bases.size(), false);
    for (std::size_t group = 0; group < bases.size(); ++group) {
        suppressed[group] = bases[group] > 0 && bases[group] < min_cell;
    }
    bool changed = true;
    while (changed) {
        changed = false;
        for (const std::vector<std::uint32_t>& set : linked_sets) {
            std::size_t suppressed_count = 0;
            std::optional<std::uint32_t> smallest;
            for (const std::uint32_t group : set) {
                if (bases[group] <= 0) continue;
                if (suppressed[group]) {
                    ++suppressed_count;
                } else if (!smallest || bases[group] < bases[*smallest]) {
                    smallest = group;
                }
            }
            if (suppressed_count == 1 && smallest) {
                suppressed[*smallest] = true;
                changed = true;
            }
        }
    }
    return suppressed;
}

}  // namespace yousaid
