#pragma once
// Internal to the tabulation (tabulate.cpp): who belongs to which group. Each dimension's
// groups and each respondent's group in it, population entries resolved against the survey,
// and fine cells (the combinations of wave and every breakdown field that occur). Nothing
// here is sized by the combinations that could occur, only by those that do: a crossing of
// two number questions has as many groups as respondents at most, not the product of the
// two ranges.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/analytics/encoded_responses.h"
#include "core/base/text.h"
#include "core/analytics/population.h"
#include "core/base/problem.h"

namespace yousaid {
namespace tabulation {

std::string JoinNames(const std::vector<std::string>& names, const char* separator = ", ");

// The groups of one dimension, and each respondent's group.
struct FieldGroups {
    DimensionField field;
    std::vector<std::string> labels;                       // in report order
    std::unordered_map<std::string, std::uint32_t> index;  // label -> position in labels
    std::vector<std::uint32_t> row_group;                  // per respondent
};

// `extra_labels`: groups a population file names, so that invited-only groups are
// reported. `row_wave` and `waves` serve the "wave" dimension.
FieldGroups BuildFieldGroups(const EncodedResponses& responses, const DimensionField& field,
                             const std::vector<std::uint32_t>& row_wave, const std::vector<std::string>& waves,
                             const std::vector<std::string>& extra_labels);

// A population entry resolved against the survey.
struct ResolvedEntry {
    std::vector<DimensionField> fields;  // empty for "all"
    std::vector<std::string> labels;     // canonical, parallel to fields
};

// nullopt, with problems naming the file, row and field, when the entry cannot be used.
std::optional<ResolvedEntry> ResolveEntry(const Survey& survey, const PopulationEntry& entry,
                                          std::vector<Problem>* problems, const std::string& file);

// Dense ids, in order of first insertion, for keys drawn from a space that may be far too
// large to index directly: a table when the space is small, a hash map otherwise.
class KeyIndex {
public:
    explicit KeyIndex(std::uint64_t key_space = 0);
    // The key's id, adding the key when it is new.
    std::uint32_t Insert(std::uint64_t key);
    // The id of a key already inserted.
    std::uint32_t At(std::uint64_t key) const;
    const std::vector<std::uint64_t>& keys() const { return keys_; }
    std::size_t size() const { return keys_.size(); }

private:
    static constexpr std::uint32_t kAbsent = UINT32_MAX;
    std::vector<std::uint32_t> table_;
    std::unordered_map<std::uint64_t, std::uint32_t> map_;
    std::vector<std::uint64_t> keys_;
};

// Fine cells: the combinations of wave and every breakdown field that occur. Counting each
// question once per fine cell and then adding fine cells into each breakdown's groups
// touches every respondent once instead of once per breakdown.
struct FineCells {
    std::size_t count = 0;  // 0: not built (more combinations than can be keyed)
    std::vector<std::uint32_t> row_fine;     // per respondent
    std::vector<std::uint32_t> wave;         // per fine cell
    std::vector<std::uint32_t> field_group;  // [cell * fields + field], fields as given to BuildFineCells
};

FineCells BuildFineCells(const std::vector<std::uint32_t>& row_wave, std::uint32_t wave_count,
                         const std::vector<std::unique_ptr<FieldGroups>>& fields);

}  // namespace tabulation
}  // namespace yousaid
