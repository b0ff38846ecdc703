#include "core/analytics/disclosure_audit.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

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
        system_.relations_of.resize(next_variable_);
        for (std::size_t relation = 0; relation < system_.relations.size(); ++relation) {
            for (const auto& [variable, coefficient] : system_.relations[relation]) {
                system_.relations_of[variable].emplace_back(relation, coefficient);
            }
        }
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

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::int64_t kLargestKeptWeight = std::int64_t{1} << 24;

// Divides the weights by their gcd: the row they make is only rescaled.
void MakePrimitive(std::vector<std::int64_t>& weights) {
    std::int64_t divisor = 0;
    for (const std::int64_t weight : weights) divisor = std::gcd(divisor, weight);
    if (divisor > 1) {
        for (std::int64_t& weight : weights) weight /= divisor;
    }
}

// The relations restricted to the unknowns, in reduced row echelon form, grown one unknown
// (one column) at a time, so that hiding one more cell costs a few row operations instead of
// a new elimination. It keeps only how each reduced row combines the relations (`combination`:
// row k is the sum over relations j of combination[k][j] times relation j) and how many
// unknowns each row still has: a new column's entries are then that combination applied to
// the column, and a row of one unknown is a derivation of it.
// Relations join when one of their variables first becomes unknown; until then each is
// its own row with no unknowns, and rows are stored only that far (later entries are 0).
class IncrementalReduction {
public:
    explicit IncrementalReduction(const AuditSystem& system)
        : system_(system),
          row_of_relation_(system.relations.size(), kNone),
          row_of_pivot_(system.variable_count, kNone) {}

    // Makes `variable` an unknown (it must not be one already).
    void AddUnknown(std::size_t variable) {
        if (overflowed_) return;
        for (const auto& term : system_.relations_of[variable]) JoinRelation(term.first);
        const std::vector<std::int64_t>& column = ColumnOf(variable);
        if (overflowed_) return;
        std::size_t pivot = kNone;  // a row with no unknowns yet that the new one enters
        for (std::size_t row = 0; row < column.size() && pivot == kNone; ++row) {
            if (column[row] != 0 && pivot_of_row_[row] == kNone) pivot = row;
        }
        if (pivot == kNone) {
            // The new column is a combination of the pivot columns: no new pivot, and each row
            // it enters has one more unknown.
            for (std::size_t row = 0; row < column.size(); ++row) unknowns_in_row_[row] += column[row] != 0 ? 1 : 0;
            return;
        }
        // The pivot row's unknowns were all cancelled, so after clearing the new column from
        // the other rows they keep their unknowns, and the pivot row derives `variable`.
        for (std::size_t row = 0; row < column.size(); ++row) {
            if (row != pivot && column[row] != 0) CancelWith(row, column[row], pivot, column[pivot]);
        }
        pivot_of_row_[pivot] = variable;
        unknowns_in_row_[pivot] = 1;
        row_of_pivot_[variable] = pivot;
    }

    bool IsDerivable(std::size_t variable) const {
        return overflowed_ || (row_of_pivot_[variable] != kNone && unknowns_in_row_[row_of_pivot_[variable]] == 1);
    }

    // Whether `variable`, derivable now, stays derivable if `other` becomes unknown too: its
    // row gains `other` unless `other` becomes a pivot (then its row is only rescaled).
    bool StaysDerivableWith(std::size_t variable, std::size_t other) const {
        if (overflowed_) return true;
        const auto& terms = system_.relations_of[other];
        // A relation with no unknowns yet would join as a row of its own, with `other` its pivot.
        const bool joins_a_relation = std::any_of(terms.begin(), terms.end(), [&](const auto& term) {
            return row_of_relation_[term.first] == kNone;
        });
        if (joins_a_relation) return true;
        const std::vector<std::int64_t>& column = ColumnOf(other);
        if (overflowed_) return true;
        for (std::size_t row = 0; row < column.size(); ++row) {
            if (column[row] != 0 && pivot_of_row_[row] == kNone) return true;
        }
        return column[row_of_pivot_[variable]] == 0;
    }

private:
    // Gives `relation` a row of its own (the relation itself), if it has none yet.
    void JoinRelation(std::size_t relation) {
        if (row_of_relation_[relation] != kNone) return;
        row_of_relation_[relation] = combination_.size();
        combination_.emplace_back(combination_.size() + 1, 0);
        combination_.back().back() = 1;
        pivot_of_row_.push_back(kNone);
        unknowns_in_row_.push_back(0);
    }

    // Each row's entry in `variable`'s column: its combination of the relations `variable` is
    // in. Written to one buffer, reused, since this runs for every unknown and every trial.
    const std::vector<std::int64_t>& ColumnOf(std::size_t variable) const {
        std::vector<std::int64_t>& column = column_;
        column.assign(combination_.size(), 0);
        for (const auto& [relation, coefficient] : system_.relations_of[variable]) {
            const std::size_t index = row_of_relation_[relation];  // joined: see the callers
            for (std::size_t row = 0; row < combination_.size(); ++row) {
                const std::vector<std::int64_t>& weights = combination_[row];
                if (index >= weights.size() || weights[index] == 0) continue;
                std::int64_t term = 0;
                if (__builtin_mul_overflow(weights[index], coefficient, &term) ||
                    __builtin_add_overflow(column[row], term, &column[row])) {
                    overflowed_ = true;
                }
            }
        }
        return column;
    }

    // row := pivot_entry * row - row_entry * pivot, which clears the row's entry in the new
    // column.
    void CancelWith(std::size_t row, std::int64_t row_entry, std::size_t pivot, std::int64_t pivot_entry) {
        std::vector<std::int64_t>& target = combination_[row];
        const std::vector<std::int64_t>& source = combination_[pivot];
        if (target.size() < source.size()) target.resize(source.size(), 0);
        std::int64_t largest = 0;
        for (std::size_t index = 0; index < target.size(); ++index) {
            const std::int64_t from_source = index < source.size() ? source[index] : 0;
            std::int64_t scaled_target = 0;
            std::int64_t scaled_source = 0;
            if (__builtin_mul_overflow(target[index], pivot_entry, &scaled_target) ||
                __builtin_mul_overflow(from_source, row_entry, &scaled_source) ||
                __builtin_sub_overflow(scaled_target, scaled_source, &target[index])) {
                overflowed_ = true;
                return;
            }
            largest = std::max(largest, target[index] < 0 ? -target[index] : target[index]);
        }
        // Dividing by the gcd of the weights costs a pass; needed only when they grow.
        if (largest > kLargestKeptWeight) MakePrimitive(target);
    }

    const AuditSystem& system_;
    std::vector<std::size_t> row_of_relation_;  // the row each relation first joined as
    std::vector<std::vector<std::int64_t>> combination_;
    std::vector<std::size_t> pivot_of_row_;     // kNone for a row whose unknowns all cancel
    std::vector<std::size_t> unknowns_in_row_;  // how many unknowns have a non-zero entry
    std::vector<std::size_t> row_of_pivot_;     // per variable, kNone unless it is a pivot
    mutable std::vector<std::int64_t> column_;  // ColumnOf's result
    // An entry would overflow: never seen with these 0/1 relations; if it happens, every
    // unknown counts as derivable, so that the audit hides more rather than less.
    mutable bool overflowed_ = false;
};

bool IsUnknown(const AuditSystem& system, const std::vector<bool>& hidden, std::size_t variable) {
    return variable >= system.cell_count || (system.same_as[variable] == variable && hidden[variable]);
}

// Adds every unknown of `hidden` (and every latent group) to the reduction.
void AddEveryUnknown(const AuditSystem& system, const std::vector<bool>& hidden, IncrementalReduction& reduction) {
    for (std::size_t variable = 0; variable < system.variable_count; ++variable) {
        if (IsUnknown(system, hidden, variable)) reduction.AddUnknown(variable);
    }
}

}  // namespace

AuditSystem BuildAuditSystem(const std::vector<AuditConditions>& cells) { return SystemBuilder(cells).Build(); }

std::vector<bool> DerivableCells(const AuditSystem& system, const std::vector<bool>& hidden) {
    IncrementalReduction reduction(system);
    AddEveryUnknown(system, hidden, reduction);
    std::vector<bool> derivable(system.cell_count, false);
    for (std::size_t cell = 0; cell < system.cell_count; ++cell) {
        derivable[cell] = hidden[cell] && reduction.IsDerivable(system.same_as[cell]);
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
        std::size_t found = 0;
        std::size_t terms[2] = {0, 0};
        for (const auto& term : relation) {
            if (!nonzero(term.first)) continue;
            if (found < 2) terms[found] = term.first;
            if (++found > 2) break;
        }
        if (found == 2) pairs.emplace_back(terms[0], terms[1]);
    }
    return pairs;
}

// Per variable, its class of variables equal along such pairs (a group, its only non-zero
// part, that part's only non-zero part, ...), named by one member.
std::vector<std::size_t> EqualityClasses(const AuditSystem& system,
                                         const std::vector<std::pair<std::size_t, std::size_t>>& equal_pairs) {
    std::vector<std::size_t> class_of(system.variable_count);
    std::iota(class_of.begin(), class_of.end(), std::size_t{0});
    const auto find = [&](std::size_t variable) {
        while (class_of[variable] != variable) variable = class_of[variable] = class_of[class_of[variable]];
        return variable;
    };
    for (const auto& [a, b] : equal_pairs) class_of[find(a)] = find(b);
    for (std::size_t variable = 0; variable < system.variable_count; ++variable) class_of[variable] = find(variable);
    return class_of;
}

// How many candidates are tried, smallest base first, for one that stops the derivation.
constexpr std::size_t kCandidatesTried = 6;

// One audit (AuditSuppression): the cells that must be hidden together, which cells may be
// chosen, and the reduction, kept while it hides one cell after another.
//
// Cells are hidden in sets that hold the same figure: twins (the same conditions), and
// cells equal along a relation whose other terms are zero (a group and its only non-zero
// part). A published cell equal to a hidden one shows its value, and nothing else hidden
// could stop that (the zeros beside it are never hidden), so such a set is hidden whole.
class Auditor {
public:
    Auditor(const AuditSystem& system, const std::vector<std::int64_t>& bases, std::vector<bool>& hidden)
        : system_(system), bases_(bases), hidden_(hidden), reduction_(system), next_in_set_(system.cell_count) {
        const std::vector<std::pair<std::size_t, std::size_t>> equal_pairs = EqualPairs(system, bases);
        const std::vector<std::size_t> class_of = EqualityClasses(system, equal_pairs);
        // Each set as a ring of cells: next_in_set_ leads round it and back.
        std::vector<std::size_t> first_of_set(system.variable_count, kNone);
        std::vector<std::size_t> last_of_set(system.variable_count, kNone);
        for (std::size_t cell = 0; cell < system.cell_count; ++cell) {
            const std::size_t set = class_of[system.same_as[cell]];
            if (first_of_set[set] == kNone) first_of_set[set] = cell;
            if (last_of_set[set] != kNone) next_in_set_[last_of_set[set]] = cell;
            last_of_set[set] = cell;
        }
        for (std::size_t set = 0; set < system.variable_count; ++set) {
            if (last_of_set[set] != kNone) next_in_set_[last_of_set[set]] = first_of_set[set];
        }
        // A set with a hidden member is hidden whole, so a published cell's partners are all
        // published: whether it equals a published figure is known once.
        equals_published_.assign(system.cell_count, false);
        for (const auto& [a, b] : equal_pairs) {
            if (a < system.cell_count && b < system.cell_count) equals_published_[a] = equals_published_[b] = true;
        }
    }

    std::size_t Run() {
        for (std::size_t cell = 0; cell < system_.cell_count; ++cell) {
            if (hidden_[cell]) HideSet(cell, false);
        }
        AddEveryUnknown(system_, hidden_, reduction_);
        for (;;) {
            const std::size_t exposed = FirstDerivable();
            if (exposed == kNone) return added_;
            const std::vector<std::size_t> candidates = Candidates(exposed);
            if (candidates.empty()) return added_;  // everything that could be hidden is
            std::size_t chosen = candidates.front();
            for (const std::size_t candidate : candidates) {
                if (!reduction_.StaysDerivableWith(system_.same_as[exposed], candidate)) {
                    chosen = candidate;
                    break;
                }
            }
            HideSet(chosen, true);
        }
    }

private:
    // Hides every cell of `cell`'s set, and (once the reduction is built) makes each new
    // variable an unknown.
    void HideSet(std::size_t cell, bool reduce) {
        std::size_t member = cell;
        do {
            if (!hidden_[member]) {
                hidden_[member] = true;
                ++added_;
                if (reduce && system_.same_as[member] == member) reduction_.AddUnknown(member);
            }
            member = next_in_set_[member];
        } while (member != cell);
    }

    // The first hidden cell the published figures give away; kNone if there is none.
    std::size_t FirstDerivable() const {
        for (std::size_t cell = 0; cell < system_.cell_count; ++cell) {
            if (hidden_[cell] && reduction_.IsDerivable(system_.same_as[cell])) return cell;
        }
        return kNone;
    }

    bool Usable(std::size_t cell) const {
        return system_.same_as[cell] == cell && !hidden_[cell] && bases_[cell] > 0 && !equals_published_[cell];
    }

    // Published cells with a base above 0 that share a relation with `cell` (all of them when
    // none does), smallest base first (the first in order on a tie): the first
    // kCandidatesTried of them, since no other is ever chosen.
    std::vector<std::size_t> Candidates(std::size_t cell) const {
        std::vector<std::size_t> candidates;
        for (const auto& shared : system_.relations_of[system_.same_as[cell]]) {
            for (const auto& term : system_.relations[shared.first]) {
                if (term.first < system_.cell_count && Usable(term.first)) candidates.push_back(term.first);
            }
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        if (candidates.empty()) {
            for (std::size_t other = 0; other < system_.cell_count; ++other) {
                if (Usable(other)) candidates.push_back(other);
            }
        }
        const std::size_t kept = std::min(candidates.size(), kCandidatesTried);
        const auto smaller = [&](std::size_t a, std::size_t b) {
            return std::tie(bases_[a], a) < std::tie(bases_[b], b);
        };
        std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(kept), candidates.end(),
                          smaller);
        candidates.resize(kept);
        return candidates;
    }

    const AuditSystem& system_;
    const std::vector<std::int64_t>& bases_;
    std::vector<bool>& hidden_;
    IncrementalReduction reduction_;  // one for the whole audit: each cell hidden is one more column
    std::vector<std::size_t> next_in_set_;  // per cell: the next of its set of cells hidden together
    std::vector<bool> equals_published_;    // per cell: a published cell is equal to it
    std::size_t added_ = 0;
};

}  // namespace

std::size_t AuditSuppression(const AuditSystem& system, const std::vector<std::int64_t>& bases,
                             std::vector<bool>& hidden) {
    if (std::none_of(hidden.begin(), hidden.end(), [](bool value) { return value; })) return 0;
    return Auditor(system, bases, hidden).Run();
}

}  // namespace yousaid
