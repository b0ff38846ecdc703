#pragma once
// The disclosure audit (docs/analytics.md, "The disclosure model"): after small-number
// suppression, no hidden count, sum or sum of squares may be exactly derivable from the
// published figures by any linear combination of the relations between them. The audit
// works on one system at a time: the cells of one table in one wave for one question, across
// every breakdown. Whether a hidden cell is derivable depends only on which cells are hidden
// (the relations are the same for a count, a sum and a sum of squares), so one audit covers
// every additive figure of the table's rows.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace yousaid {

// One published-or-hidden figure, defined by the respondents it counts: a condition per
// field (field id, value id), e.g. {(phase, secondary), (sen_support, yes)}; none for
// everyone. Two cells with the same conditions are the same figure.
using AuditConditions = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// The relations an attacker can use, over the cells and the groups no table publishes (a
// crossing's one-way groups when that breakdown is not in the report): each group is the sum
// of its parts across every field that splits it (a crossing's row and column sums, and every
// breakdown's groups adding up to everyone). Each relation is a list of (variable, coefficient)
// with sum 0; variables [0, cells) are the cells, and latent groups follow.
struct AuditSystem {
    std::size_t cell_count = 0;
    std::size_t variable_count = 0;
    std::vector<std::vector<std::pair<std::size_t, std::int64_t>>> relations;
    // The same relations by variable: (relation, coefficient) for each relation it is in.
    std::vector<std::vector<std::pair<std::size_t, std::int64_t>>> relations_of;
    std::vector<std::size_t> same_as;  // per cell: the first cell with the same conditions
};
AuditSystem BuildAuditSystem(const std::vector<AuditConditions>& cells);

// Which hidden cells are exactly derivable: hidden[i] for each cell, and latent groups are
// always unknown. Exact: integer Gaussian elimination (fraction-free, rows kept primitive) on
// the relations restricted to the unknowns, one unknown at a time; a cell is derivable iff
// its unit vector lies in their row space, i.e. the reduced form has a row whose only
// non-zero entry is that cell.
std::vector<bool> DerivableCells(const AuditSystem& system, const std::vector<bool>& hidden);

// Hides more cells until no hidden cell is derivable, and returns how many it hid. For the
// first derivable cell it hides, of the published cells that share a relation with it, the
// one with the smallest base whose hiding stops the derivation (the first on a tie, or the
// smallest if none stops it alone), never a cell that equals a published figure (its own
// total, or its only non-zero part: hiding it would protect nothing), never a structural zero
// (base 0); the overall figure, the largest, comes last by that rule. Cells with the same
// conditions are one figure, and cells equal along a relation whose other terms are 0 show
// each other's value: if one of such a set is hidden, all are. bases[i] and hidden[i] per cell.
std::size_t AuditSuppression(const AuditSystem& system, const std::vector<std::int64_t>& bases,
                             std::vector<bool>& hidden);

}  // namespace yousaid
