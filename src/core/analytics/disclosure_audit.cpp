#include "core/analytics/disclosure_audit.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace yousaid {

namespace {

// Builds the relations: every variable (cell or latent group) with conditions K is a part of
// the group K without one condition, split by that condition's field; each (group, field)
// is one relation "sum of parts - group = 0". A group no cell publishes becomes a latent
// variable, and is split further itself.
class SystemBuilder {
public:
    explicit SystemBuilder(const std::vector<AuditConditions>& cells) {
        system_.cell_count = cells.size();
        system_.same_as.resize(cells.size());
        for (std::size_t cell = 0; cell < cells.size(); ++cell) {
            AuditConditions key = cells[cell];
            std::sort(key.begin(), key.end());
            const auto [found, inserted] = variable_of_.emplace(key, cell);
            system_.same_as[cell] = found->second;
            if (inserted) pending_.push_back(std::move(key));
        }
        next_variable_ = cells.size();
    }

    AuditSystem Build() {
        std::map<std::pair<AuditConditions, std::uint32_t>, std::vector<std::size_t>> parts_of;
        while (!pending_.empty()) {
            const AuditConditions key = std::move(pending_.back());
            pending_.pop_back();
            const std::size_t variable = variable_of_.at(key);
            for (std::size_t dropped = 0; dropped < key.size(); ++dropped) {
                AuditConditions parent = key;
                parent.erase(parent.begin() + static_cast<std::ptrdiff_t>(dropped));
                VariableOf(parent);
                parts_of[{parent, key[dropped].first}].push_back(variable);
            }
        }
        for (const auto& [split, parts] : parts_of) {
            std::vector<std::pair<std::size_t, std::int64_t>> relation;
            for (const std::size_t part : parts) relation.emplace_back(part, 1);
            relation.emplace_back(variable_of_.at(split.first), -1);
            system_.relations.push_back(std::move(relation));
        }
        system_.variable_count = next_variable_;
        return std::move(system_);
    }

private:
    std::size_t VariableOf(const AuditConditions& key) {
        const auto [found, inserted] = variable_of_.emplace(key, next_variable_);
        if (inserted) {
            ++next_variable_;
            pending_.push_back(key);
        }
        return found->second;
    }

    AuditSystem system_;
    std::map<AuditConditions, std::size_t> variable_of_;
    std::vector<AuditConditions> pending_;
    std::size_t next_variable_ = 0;
};

using Row = std::vector<std::int64_t>;

// Divides the row by the gcd of its entries, so that entries stay small.
void MakePrimitive(Row& row) {
    std::int64_t divisor = 0;
    for (const std::int64_t entry : row) divisor = std::gcd(divisor, entry);
    if (divisor > 1) {
        for (std::int64_t& entry : row) entry /= divisor;
    }
}

constexpr std::int64_t kLargestKeptEntry = std::int64_t{1} << 24;

// target := a * target - b * pivot, with a and b the two rows' entries in `column`; false
// if an entry would overflow.
bool EliminateWith(Row& target, const Row& pivot, std::size_t column) {
    const std::int64_t a = pivot[column];
    const std::int64_t b = target[column];
    std::int64_t largest = 0;
    for (std::size_t index = 0; index < target.size(); ++index) {
        if (pivot[index] == 0 && (target[index] == 0 || a == 1)) continue;  // unchanged
        std::int64_t scaled_target = 0;
        std::int64_t scaled_pivot = 0;
        if (__builtin_mul_overflow(target[index], a, &scaled_target) ||
            __builtin_mul_overflow(pivot[index], b, &scaled_pivot) ||
            __builtin_sub_overflow(scaled_target, scaled_pivot, &target[index])) {
            return false;
        }
        largest = std::max(largest, target[index] < 0 ? -target[index] : target[index]);
    }
    // Dividing out the gcd costs a pass over the row; needed only when entries grow.
    if (largest > kLargestKeptEntry) MakePrimitive(target);
    return true;
}

// Reduces `rows` in place to reduced row echelon form (up to each row's scale); false on
// overflow.
bool Reduce(std::vector<Row>& rows, std::size_t columns) {
    std::size_t rank = 0;
    for (std::size_t column = 0; column < columns && rank < rows.size(); ++column) {
        std::size_t found = rank;
        while (found < rows.size() && rows[found][column] == 0) ++found;
        if (found == rows.size()) continue;
        std::swap(rows[rank], rows[found]);
        for (std::size_t other = 0; other < rows.size(); ++other) {
            if (other == rank || rows[other][column] == 0) continue;
            if (!EliminateWith(rows[other], rows[rank], column)) return false;
        }
        ++rank;
    }
    rows.resize(rank);
    return true;
}

bool IsUnknown(const AuditSystem& system, const std::vector<bool>& hidden, std::size_t variable) {
    return variable >= system.cell_count || (system.same_as[variable] == variable && hidden[variable]);
}

}  // namespace

AuditSystem BuildAuditSystem(const std::vector<AuditConditions>& cells) { return SystemBuilder(cells).Build(); }

std::vector<bool> DerivableCells(const AuditSystem& system, const std::vector<bool>& hidden) {
    std::vector<std::size_t> column_of(system.variable_count, system.variable_count);
    std::vector<std::size_t> variable_of_column;
    for (std::size_t variable = 0; variable < system.variable_count; ++variable) {
        if (!IsUnknown(system, hidden, variable)) continue;
        column_of[variable] = variable_of_column.size();
        variable_of_column.push_back(variable);
    }
    std::vector<Row> rows;
    for (const auto& relation : system.relations) {
        Row row(variable_of_column.size(), 0);
        bool any = false;
        for (const auto& [variable, coefficient] : relation) {
            if (column_of[variable] == system.variable_count) continue;  // a published figure
            row[column_of[variable]] += coefficient;
            any = true;
        }
        if (any) rows.push_back(std::move(row));
    }
    std::vector<bool> derivable_variable(system.variable_count, false);
    if (!Reduce(rows, variable_of_column.size())) {
        // Never seen with these 0/1 relations; if it happens, count every unknown as
        // derivable, so that the audit hides more rather than less.
        std::fill(derivable_variable.begin(), derivable_variable.end(), true);
    }
    for (const Row& row : rows) {
        std::size_t nonzero = 0;
        std::size_t last = 0;
        for (std::size_t column = 0; column < row.size(); ++column) {
            if (row[column] != 0) {
                ++nonzero;
                last = column;
            }
        }
        if (nonzero == 1) derivable_variable[variable_of_column[last]] = true;
    }
    std::vector<bool> derivable(system.cell_count, false);
    for (std::size_t cell = 0; cell < system.cell_count; ++cell) {
        derivable[cell] = hidden[cell] && derivable_variable[system.same_as[cell]];
    }
    return derivable;
}

namespace {

// Pairs of variables that are equal because, in some relation, they are the only two
// non-zero terms (a group and its only non-zero part). Latent groups count as non-zero.
std::vector<std::pair<std::size_t, std::size_t>> EqualPairs(const AuditSystem& system,
                                                            const std::vector<std::int64_t>& bases) {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    const auto nonzero = [&](std::size_t variable) { return variable >= system.cell_count || bases[variable] != 0; };
    for (const auto& relation : system.relations) {
        std::vector<std::size_t> terms;
        for (const auto& term : relation) {
            if (nonzero(term.first)) terms.push_back(term.first);
        }
        if (terms.size() == 2) pairs.emplace_back(terms[0], terms[1]);
    }
    return pairs;
}

// A cell that equals a published figure: hiding it would protect nothing.
std::vector<bool> EqualsPublishedFigure(const AuditSystem& system, const std::vector<bool>& hidden,
                                        const std::vector<std::pair<std::size_t, std::size_t>>& equal_pairs) {
    std::vector<bool> equal(system.cell_count, false);
    const auto published = [&](std::size_t variable) { return variable < system.cell_count && !hidden[variable]; };
    for (const auto& [a, b] : equal_pairs) {
        if (a < system.cell_count && published(b)) equal[a] = true;
        if (b < system.cell_count && published(a)) equal[b] = true;
    }
    return equal;
}

// Published cells with a base above 0 that share a relation with `cell` (all of them when
// none does), smallest base first (the first in order on a tie).
std::vector<std::size_t> Candidates(const AuditSystem& system, const std::vector<std::int64_t>& bases,
                                    const std::vector<bool>& hidden, const std::vector<bool>& equals_published,
                                    std::size_t cell) {
    std::vector<bool> near(system.cell_count, false);
    for (const auto& relation : system.relations) {
        const bool involves = std::any_of(relation.begin(), relation.end(),
                                          [&](const auto& term) { return term.first == system.same_as[cell]; });
        if (!involves) continue;
        for (const auto& term : relation) {
            if (term.first < system.cell_count) near[term.first] = true;
        }
    }
    std::vector<std::size_t> candidates;
    for (const bool only_near : {true, false}) {
        for (std::size_t other = 0; other < system.cell_count; ++other) {
            const bool usable = system.same_as[other] == other && !hidden[other] && bases[other] > 0 &&
                                !equals_published[other] && (!only_near || near[other]);
            if (usable) candidates.push_back(other);
        }
        if (!candidates.empty()) break;
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](std::size_t a, std::size_t b) { return bases[a] < bases[b]; });
    return candidates;
}

// Hides `cell` and every cell with the same conditions; returns how many were newly hidden.
std::size_t HideWithTwins(const AuditSystem& system, std::vector<bool>& hidden, std::size_t cell) {
    std::size_t added = 0;
    for (std::size_t other = 0; other < system.cell_count; ++other) {
        if (system.same_as[other] == system.same_as[cell] && !hidden[other]) {
            hidden[other] = true;
            ++added;
        }
    }
    return added;
}

// How many candidates are tried, smallest base first, for one that stops the derivation.
constexpr std::size_t kCandidatesTried = 6;

}  // namespace

std::size_t AuditSuppression(const AuditSystem& system, const std::vector<std::int64_t>& bases,
                             std::vector<bool>& hidden) {
    std::size_t added = 0;
    for (std::size_t cell = 0; cell < system.cell_count; ++cell) {
        if (hidden[cell]) added += HideWithTwins(system, hidden, cell);
    }
    if (std::none_of(hidden.begin(), hidden.end(), [](bool value) { return value; })) return added;
    const std::vector<std::pair<std::size_t, std::size_t>> equal_pairs = EqualPairs(system, bases);
    for (;;) {
        const std::vector<bool> derivable = DerivableCells(system, hidden);
        const auto first = std::find(derivable.begin(), derivable.end(), true);
        if (first == derivable.end()) return added;
        const std::size_t exposed = static_cast<std::size_t>(first - derivable.begin());
        const std::vector<bool> equals_published = EqualsPublishedFigure(system, hidden, equal_pairs);
        const std::vector<std::size_t> candidates = Candidates(system, bases, hidden, equals_published, exposed);
        if (candidates.empty()) return added;  // everything that could be hidden is
        std::size_t chosen = candidates.front();
        for (std::size_t tried = 0; tried < std::min(candidates.size(), kCandidatesTried); ++tried) {
            std::vector<bool> trial = hidden;
            trial[candidates[tried]] = true;
            if (!DerivableCells(system, trial)[exposed]) {
                chosen = candidates[tried];
                break;
            }
        }
        added += HideWithTwins(system, hidden, chosen);
    }
}

}  // namespace yousaid
