#include "core/analytics/tabulate.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>
#include <utility>

#include "core/responses/response.h"

namespace yousaid {

namespace {

// ---- small helpers ---------------------------------------------------------------------

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string JoinNames(const std::vector<std::string>& names, const char* separator = ", ") {
    std::string text;
    for (const std::string& name : names) {
        if (!text.empty()) text += separator;
        text += name;
    }
    return text;
}

bool IsDigit(char character) { return character >= '0' && character <= '9'; }

}  // namespace

double PercentOf(std::int64_t part, std::int64_t whole) {
    return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

namespace {

// ---- what each answer code means for the tables -----------------------------------------

enum class SatisfactionClass : std::uint8_t {
    kNotCounted = 0,  // no answer, skipped, prefer not to say, or outside the item's scale
    kNegative = 1,    // a valid answer that is not positive
    kPositive = 2,
    kDontKnow = 3,    // in the denominator only with include_dont_know
};

}  // namespace

bool IsSatisfactionItem(const Question& question) {
    if (question.role != QuestionRole::kItem) return false;
    switch (question.kind) {
        case QuestionKind::kSingleChoice:
        case QuestionKind::kMultipleChoice:
        case QuestionKind::kScale1To5:
        case QuestionKind::kYesSometimesNo:
            return !question.positive_option_ids.empty();
        case QuestionKind::kRating0To10:
        case QuestionKind::kBeforeAndNow:
            return question.positive_at_least.has_value();
        case QuestionKind::kNumber:
        case QuestionKind::kShortText:
            return false;
    }
    return false;
}

namespace {

std::vector<MeanPart> MeanPartsOf(const Question& question) {
    if (question.role != QuestionRole::kItem) return {};
    switch (question.kind) {
        case QuestionKind::kScale1To5:
        case QuestionKind::kRating0To10:
            return {MeanPart::kValue};
        case QuestionKind::kBeforeAndNow:
            return {MeanPart::kBefore, MeanPart::kNow, MeanPart::kChange};
        default:
            return {};
    }
}

std::string MeanLabel(const Question& question, MeanPart part) {
    switch (part) {
        case MeanPart::kValue:
            return question.id;
        case MeanPart::kBefore:
            return question.id + ":before";
        case MeanPart::kNow:
            return question.id + ":now";
        case MeanPart::kChange:
            return question.id + ":change";
    }
    return question.id;
}

}  // namespace

std::vector<std::string> MeanMeasureLabels(const Survey& survey) {
    std::vector<std::string> labels;
    for (const Question& question : survey.questions) {
        for (const MeanPart part : MeanPartsOf(question)) labels.push_back(MeanLabel(question, part));
    }
    return labels;
}

namespace {

// Per-code lookup tables for one question, built once per tabulation.
struct CodeAttributes {
    std::vector<SatisfactionClass> satisfaction;
    // For each mean part of the question: the code's value, and whether it has one.
    std::vector<std::vector<std::int32_t>> values;
    std::vector<std::vector<std::uint8_t>> has_value;
};

CodeAttributes AttributesOf(const Question& question, const QuestionCodebook& codebook,
                            const std::vector<MeanPart>& parts) {
    const std::size_t code_count = codebook.CodeCount();
    CodeAttributes attributes;
    attributes.satisfaction.assign(code_count, SatisfactionClass::kNotCounted);
    attributes.values.assign(parts.size(), std::vector<std::int32_t>(code_count, 0));
    attributes.has_value.assign(parts.size(), std::vector<std::uint8_t>(code_count, 0));
    auto set_value = [&](std::size_t code, MeanPart part, std::int32_t value) {
        for (std::size_t index = 0; index < parts.size(); ++index) {
            if (parts[index] == part) {
                attributes.values[index][code] = value;
                attributes.has_value[index][code] = 1;
            }
        }
    };
    for (std::size_t option_index = 0; option_index < question.options.size(); ++option_index) {
        const Option& option = question.options[option_index];
        const std::size_t code = codebook.OptionCode(option_index);
        if (option.non_substantive == NonSubstantive::kDontKnow) {
            attributes.satisfaction[code] = SatisfactionClass::kDontKnow;
        } else if (option.non_substantive == NonSubstantive::kPreferNotToSay) {
            attributes.satisfaction[code] = SatisfactionClass::kNotCounted;
        } else if (KindAnswersWithOptions(question.kind)) {
            attributes.satisfaction[code] =
                question.IsPositiveOption(option.id) ? SatisfactionClass::kPositive : SatisfactionClass::kNegative;
            if (question.kind == QuestionKind::kScale1To5 && option.value) set_value(code, MeanPart::kValue, *option.value);
        }
    }
    const std::size_t base = codebook.ValueBase();
    const std::int32_t threshold = question.positive_at_least.value_or(0);
    switch (question.kind) {
        case QuestionKind::kRating0To10:
            for (std::int32_t value = 0; value <= 10; ++value) {
                const std::size_t code = base + static_cast<std::size_t>(value);
                attributes.satisfaction[code] =
                    value >= threshold ? SatisfactionClass::kPositive : SatisfactionClass::kNegative;
                set_value(code, MeanPart::kValue, value);
            }
            break;
        case QuestionKind::kBeforeAndNow:
            for (std::int32_t before = 0; before <= 10; ++before) {
                for (std::int32_t now = 0; now <= 10; ++now) {
                    const std::size_t code = base + static_cast<std::size_t>(before * 11 + now);
                    attributes.satisfaction[code] =
                        now >= threshold ? SatisfactionClass::kPositive : SatisfactionClass::kNegative;
                    set_value(code, MeanPart::kBefore, before);
                    set_value(code, MeanPart::kNow, now);
                    set_value(code, MeanPart::kChange, now - before);
                }
            }
            break;
        case QuestionKind::kMultipleChoice:
            attributes.satisfaction[base] = SatisfactionClass::kNegative;
            attributes.satisfaction[base + 1] = SatisfactionClass::kPositive;
            break;
        default:
            break;
    }
    return attributes;
}

// ---- groups of one dimension -------------------------------------------------------------

struct FieldGroups {
    DimensionField field;
    std::vector<std::string> labels;                       // in report order
    std::unordered_map<std::string, std::uint32_t> index;  // label -> position in labels
    std::vector<std::uint32_t> row_group;                  // per respondent
};

// Whether `label` can be a group of `field` at all (for population entries).
std::optional<std::string> CheckGroupLabel(const Survey& survey, const DimensionField& field,
                                           const std::string& label) {
    if (!field.from_question) {
        if (field.response_field == ResponseField::kAnswerMode) {
            if (ParseAnswerMode(label)) return std::nullopt;
            return "unknown answer mode " + Quoted(label) + " (known: self, helped_by_adult, on_behalf, by_phone)";
        }
        return std::nullopt;  // waves, events, stations, languages: any name
    }
    const Question& question = survey.questions[field.question_index];
    for (const Option& option : question.options) {
        if (option.id == label) return std::nullopt;
    }
    if (question.kind == QuestionKind::kNumber || question.kind == QuestionKind::kRating0To10) {
        const auto value = ParseWholeNumberCell(label);
        const std::int32_t low = question.kind == QuestionKind::kNumber ? question.min_value : 0;
        const std::int32_t high = question.kind == QuestionKind::kNumber ? question.max_value : 10;
        if (value && *value >= low && *value <= high) return std::nullopt;
        return Quoted(label) + " is not an answer to question " + Quoted(question.id) + " (a whole number " +
               std::to_string(low) + "-" + std::to_string(high) + ")";
    }
    std::vector<std::string> ids;
    for (const Option& option : question.options) ids.push_back(option.id);
    return Quoted(label) + " is not an option of question " + Quoted(question.id) + " (options: " + JoinNames(ids) +
           ")";
}

// The canonical label for a population value: numbers lose padding ("07" -> "7").
std::string CanonicalLabel(const Survey& survey, const DimensionField& field, const std::string& label) {
    if (field.from_question) {
        const Question& question = survey.questions[field.question_index];
        if (question.kind == QuestionKind::kNumber || question.kind == QuestionKind::kRating0To10) {
            if (question.FindOption(label) == nullptr) {
                if (const auto value = ParseWholeNumberCell(label)) return std::to_string(*value);
            }
        }
    }
    return label;
}

FieldGroups BuildFieldGroups(const EncodedResponses& responses, const DimensionField& field,
                             const std::vector<std::uint32_t>& row_wave, const std::vector<std::string>& waves,
                             const std::vector<std::string>& extra_labels) {
    FieldGroups groups;
    groups.field = field;
    const std::size_t rows = responses.RowCount();
    groups.row_group.resize(rows);
    auto add_label = [&groups](const std::string& label) {
        if (groups.index.emplace(label, static_cast<std::uint32_t>(groups.labels.size())).second) {
            groups.labels.push_back(label);
        }
    };

    if (field.from_question) {
        const Survey& survey = responses.survey();
        const Question& question = survey.questions[field.question_index];
        const QuestionCodebook& codebook = responses.Codebook(field.question_index);
        std::vector<std::uint32_t> group_of_code(codebook.CodeCount(), 0);
        const bool numeric = question.kind == QuestionKind::kNumber || question.kind == QuestionKind::kRating0To10;
        if (numeric) {
            // Values in ascending order: observed ones and any the population names.
            std::vector<std::int32_t> values;
            if (question.kind == QuestionKind::kRating0To10) {
                for (std::int32_t value = 0; value <= 10; ++value) values.push_back(value);
            } else {
                values = codebook.NumberValues();
                for (const std::string& label : extra_labels) {
                    if (question.FindOption(label) != nullptr) continue;
                    if (const auto value = ParseWholeNumberCell(label)) values.push_back(static_cast<std::int32_t>(*value));
                }
                std::sort(values.begin(), values.end());
                values.erase(std::unique(values.begin(), values.end()), values.end());
            }
            for (const std::int32_t value : values) add_label(std::to_string(value));
        }
        for (const Option& option : question.options) add_label(option.id);
        add_label(kNotAnsweredGroup);
        group_of_code[kNoAnswerCode] = groups.index.at(kNotAnsweredGroup);
        group_of_code[kSkippedCode] = groups.index.at(kNotAnsweredGroup);
        for (std::size_t option_index = 0; option_index < question.options.size(); ++option_index) {
            group_of_code[codebook.OptionCode(option_index)] = groups.index.at(question.options[option_index].id);
        }
        if (question.kind == QuestionKind::kRating0To10) {
            for (std::int32_t value = 0; value <= 10; ++value) {
                group_of_code[codebook.ValueBase() + static_cast<std::size_t>(value)] =
                    groups.index.at(std::to_string(value));
            }
        } else if (question.kind == QuestionKind::kNumber) {
            const auto& values = codebook.NumberValues();
            for (std::size_t index = 0; index < values.size(); ++index) {
                group_of_code[codebook.ValueBase() + index] = groups.index.at(std::to_string(values[index]));
            }
        }
        const std::vector<std::uint16_t>& codes = responses.AnswerCodes(field.question_index);
        for (std::size_t row = 0; row < rows; ++row) groups.row_group[row] = group_of_code[codes[row]];
        return groups;
    }

    switch (field.response_field) {
        case ResponseField::kAnswerMode:
            for (const AnswerMode mode :
                 {AnswerMode::kSelf, AnswerMode::kHelpedByAdult, AnswerMode::kOnBehalf, AnswerMode::kByPhone}) {
                add_label(std::string(AnswerModeName(mode)));
            }
            for (std::size_t row = 0; row < rows; ++row) {
                groups.row_group[row] = groups.index.at(std::string(AnswerModeName(responses.Mode(row))));
            }
            return groups;
        case ResponseField::kWave:
            for (const std::string& wave : waves) add_label(wave);
            for (std::size_t row = 0; row < rows; ++row) groups.row_group[row] = row_wave[row];
            return groups;
        case ResponseField::kEvent:
        case ResponseField::kStation:
        case ResponseField::kLanguage: {
            const std::vector<std::string>& values = responses.FieldValues(field.response_field);
            std::vector<std::string> labels;
            bool has_empty = false;
            for (const std::string& value : values) {
                if (value.empty()) {
                    has_empty = true;
                } else {
                    labels.push_back(value);
                }
            }
            for (const std::string& label : extra_labels) {
                if (label != kNoValueGroup) labels.push_back(label);
            }
            std::sort(labels.begin(), labels.end(),
                      [](const std::string& a, const std::string& b) { return NaturalLess(a, b); });
            for (const std::string& label : labels) add_label(label);
            if (has_empty || std::find(extra_labels.begin(), extra_labels.end(), kNoValueGroup) != extra_labels.end()) {
                add_label(kNoValueGroup);
            }
            const std::vector<std::uint32_t>& codes = responses.FieldCodes(field.response_field);
            std::vector<std::uint32_t> group_of_code(values.size(), 0);
            for (std::size_t code = 0; code < values.size(); ++code) {
                group_of_code[code] = groups.index.at(values[code].empty() ? std::string(kNoValueGroup) : values[code]);
            }
            for (std::size_t row = 0; row < rows; ++row) groups.row_group[row] = group_of_code[codes[row]];
            return groups;
        }
    }
    return groups;
}

// ---- population entries resolved against the survey ----------------------------------------

struct ResolvedEntry {
    std::vector<DimensionField> fields;  // empty for "all"
    std::vector<std::string> labels;     // canonical, parallel to fields
};

std::optional<ResolvedEntry> ResolveEntry(const Survey& survey, const PopulationEntry& entry,
                                          std::vector<Problem>* problems, const std::string& file) {
    auto problem = [&](const std::string& field, const std::string& message) {
        if (problems) problems->push_back(Problem{file, entry.row, "", field, message});
    };
    const std::vector<std::string> dimensions = SplitCrossing(entry.dimension);
    const std::vector<std::string> labels = SplitCrossing(entry.group);
    ResolvedEntry resolved;
    if (dimensions.size() == 1 && dimensions[0] == kAllDimension) {
        if (entry.group != kAllGroup) {
            problem("group", "the dimension 'all' has the one group 'all', not " + Quoted(entry.group));
            return std::nullopt;
        }
        return resolved;
    }
    if (dimensions.size() > 2) {
        problem("dimension", Quoted(entry.dimension) + " crosses more than two dimensions");
        return std::nullopt;
    }
    if (labels.size() != dimensions.size()) {
        problem("group", Quoted(entry.group) + " needs " + std::to_string(dimensions.size()) +
                             " values joined by × to match the dimension " + Quoted(entry.dimension));
        return std::nullopt;
    }
    bool ok = true;
    for (std::size_t index = 0; index < dimensions.size(); ++index) {
        const auto field = ResolveDimension(survey, dimensions[index]);
        if (!field) {
            problem("dimension", "unknown dimension " + Quoted(dimensions[index]) +
                                     " (known: " + JoinNames(KnownDimensionNames(survey)) + ", all)");
            ok = false;
            continue;
        }
        if (const auto message = CheckGroupLabel(survey, *field, labels[index])) {
            problem("group", *message);
            ok = false;
            continue;
        }
        resolved.fields.push_back(*field);
        resolved.labels.push_back(CanonicalLabel(survey, *field, labels[index]));
    }
    if (!ok) return std::nullopt;
    if (resolved.fields.size() == 2 && resolved.fields[0].name == resolved.fields[1].name) {
        problem("dimension", Quoted(entry.dimension) + " crosses a dimension with itself");
        return std::nullopt;
    }
    return resolved;
}

// ---- one breakdown while tabulating ---------------------------------------------------------

struct BreakdownWork {
    std::string dimension;
    std::vector<std::string> field_names;
    std::vector<const FieldGroups*> fields;  // 0, 1 or 2
    std::uint32_t full_group_count = 1;      // product of the fields' group counts
    std::vector<std::uint32_t> row_cell;     // wave * full_group_count + group
    std::vector<std::uint32_t> present_groups;  // full group indices in report order
    std::vector<std::vector<std::uint32_t>> linked_sets;  // over report group indices
    std::vector<std::optional<std::int64_t>> invited;     // [wave * full_group_count + group]
};

std::uint32_t FullGroupOf(const BreakdownWork& work, const std::vector<std::uint32_t>& part_groups) {
    if (work.fields.empty()) return 0;
    if (work.fields.size() == 1) return part_groups[0];
    return part_groups[0] * static_cast<std::uint32_t>(work.fields[1]->labels.size()) + part_groups[1];
}

std::string GroupLabelOf(const BreakdownWork& work, std::uint32_t full_group) {
    if (work.fields.empty()) return kAllGroup;
    if (work.fields.size() == 1) return work.fields[0]->labels[full_group];
    const auto second_count = static_cast<std::uint32_t>(work.fields[1]->labels.size());
    return work.fields[0]->labels[full_group / second_count] + kCrossingSeparator +
           work.fields[1]->labels[full_group % second_count];
}

// ---- fine cells ------------------------------------------------------------------------------

struct FineCells {
    std::size_t count = 0;
    std::vector<std::uint32_t> row_fine;  // per respondent
    // For each breakdown, the breakdown cell (wave * groups + group) of each fine cell.
    std::vector<std::vector<std::uint32_t>> cell_by_breakdown;
};

FineCells BuildFineCells(const std::vector<std::uint32_t>& row_wave, std::uint32_t wave_count,
                         const std::vector<std::unique_ptr<FieldGroups>>& fields,
                         const std::vector<BreakdownWork>& work) {
    FineCells fine;
    const std::size_t rows = row_wave.size();
    fine.row_fine.resize(rows);
    // Mixed-radix key: wave, then each field's group.
    std::uint64_t key_space = wave_count;
    for (const auto& field : fields) {
        key_space *= field->labels.size();
        if (key_space > (std::uint64_t{1} << 40)) return FineCells{};  // too sparse to be worth it
    }
    std::vector<std::uint64_t> keys;  // per fine cell
    constexpr std::uint64_t kDenseLimit = std::uint64_t{1} << 22;
    std::vector<std::uint32_t> dense;
    std::unordered_map<std::uint64_t, std::uint32_t> sparse;
    if (key_space <= kDenseLimit) dense.assign(static_cast<std::size_t>(key_space), UINT32_MAX);
    for (std::size_t row = 0; row < rows; ++row) {
        std::uint64_t key = row_wave[row];
        for (const auto& field : fields) key = key * field->labels.size() + field->row_group[row];
        std::uint32_t id = 0;
        if (!dense.empty()) {
            std::uint32_t& slot = dense[static_cast<std::size_t>(key)];
            if (slot == UINT32_MAX) {
                slot = static_cast<std::uint32_t>(keys.size());
                keys.push_back(key);
            }
            id = slot;
        } else {
            const auto inserted = sparse.emplace(key, static_cast<std::uint32_t>(keys.size()));
            if (inserted.second) keys.push_back(key);
            id = inserted.first->second;
        }
        fine.row_fine[row] = id;
    }
    fine.count = keys.size();
    // Decode each fine cell's wave and field groups, then place it in every breakdown.
    std::vector<std::uint32_t> groups(fields.size());
    fine.cell_by_breakdown.assign(work.size(), std::vector<std::uint32_t>(fine.count));
    for (std::size_t cell = 0; cell < fine.count; ++cell) {
        std::uint64_t key = keys[cell];
        for (std::size_t index = fields.size(); index-- > 0;) {
            groups[index] = static_cast<std::uint32_t>(key % fields[index]->labels.size());
            key /= fields[index]->labels.size();
        }
        const auto wave = static_cast<std::uint32_t>(key);
        for (std::size_t b = 0; b < work.size(); ++b) {
            const BreakdownWork& breakdown = work[b];
            std::vector<std::uint32_t> parts;
            for (const FieldGroups* field : breakdown.fields) {
                for (std::size_t index = 0; index < fields.size(); ++index) {
                    if (fields[index].get() == field) parts.push_back(groups[index]);
                }
            }
            fine.cell_by_breakdown[b][cell] = wave * breakdown.full_group_count + FullGroupOf(breakdown, parts);
        }
    }
    return fine;
}

// ---- means from integer sums ------------------------------------------------------------------

struct IntegerMoments {
    std::int64_t count = 0;
    std::int64_t sum = 0;
    std::int64_t sum_of_squares = 0;
};

// t(0.975, nu) for nu >= 1000 from the Cornish-Fisher expansion in 1/nu (Abramowitz & Stegun
// 26.7.5, terms to nu^-4): its truncation error there is below 4e-16 relative (checked
// against mpmath), i.e. at double rounding, and it costs nanoseconds instead of the
// microseconds of solving the incomplete beta function. Large groups all have large nu.
constexpr std::int64_t kSeriesDegreesOfFreedom = 1000;

double StudentT975BySeries(double nu) {
    const double z = kZFor95PercentConfidence;
    const double z2 = z * z;
    const double g1 = (z2 + 1.0) * z / 4.0;
    const double g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
    const double g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
    const double g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;
    return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu;
}

class StudentTCache {
public:
    double QuantileFor(std::int64_t degrees_of_freedom) {
        if (degrees_of_freedom >= kSeriesDegreesOfFreedom) {
            return StudentT975BySeries(static_cast<double>(degrees_of_freedom));
        }
        const auto found = cache_.find(degrees_of_freedom);
        if (found != cache_.end()) return found->second;
        // The same expression MeanAccumulator::Summary uses, so both give identical intervals.
        const double probability = 1.0 - (1.0 - 0.95) / 2.0;
        const auto quantile = StudentTQuantile(probability, static_cast<double>(degrees_of_freedom));
        const double value = quantile.value_or(std::nan(""));
        cache_.emplace(degrees_of_freedom, value);
        return value;
    }

private:
    std::unordered_map<std::int64_t, double> cache_;
};

// Exact: the sums are integers, so the sum of squared deviations n*Sxx - Sx^2 has no rounding
// until the final division.
MeanSummary SummariseMoments(const IntegerMoments& moments, StudentTCache& t_cache) {
    MeanSummary summary;
    summary.count = moments.count;
    if (moments.count == 0) return summary;
    const double n = static_cast<double>(moments.count);
    const double mean = static_cast<double>(moments.sum) / n;
    summary.mean = mean;
    if (moments.count < 2) return summary;
    const std::int64_t scaled_squares = moments.count * moments.sum_of_squares - moments.sum * moments.sum;
    const double variance = static_cast<double>(scaled_squares) / (n * (n - 1.0));
    const double standard_deviation = std::sqrt(std::max(variance, 0.0));
    summary.standard_deviation = standard_deviation;
    const double t = t_cache.QuantileFor(moments.count - 1);
    if (std::isnan(t)) return summary;
    const double half_width = t * standard_deviation / std::sqrt(n);
    summary.confidence_interval = Interval{mean - half_width, mean + half_width};
    return summary;
}

std::string DateOfMilliseconds(std::int64_t milliseconds) {
    if (milliseconds <= 0) return {};
    return FormatIso8601Utc(milliseconds).substr(0, 10);
}

}  // namespace

// ---- public helpers ----------------------------------------------------------------------

Breakdown ParseBreakdown(std::string_view text) {
    Breakdown breakdown;
    std::string normalised(text);
    for (char& character : normalised) {
        if (character == ',') character = '*';
    }
    for (const std::string& part : SplitCrossing(normalised)) {
        if (!part.empty()) breakdown.dimensions.push_back(part);
    }
    return breakdown;
}

const char* ChangeOutcomeName(ChangeOutcome outcome) {
    switch (outcome) {
        case ChangeOutcome::kImproved:
            return "improved";
        case ChangeOutcome::kWorse:
            return "worse";
        case ChangeOutcome::kNoSignificantChange:
            return "no significant change";
        case ChangeOutcome::kSuppressed:
            return "suppressed";
        case ChangeOutcome::kNotAvailable:
            return "";
    }
    return "";
}

bool NaturalLess(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (IsDigit(a[i]) && IsDigit(b[j])) {
            std::size_t i_end = i;
            std::size_t j_end = j;
            while (i_end < a.size() && IsDigit(a[i_end])) ++i_end;
            while (j_end < b.size() && IsDigit(b[j_end])) ++j_end;
            std::size_t i_start = i;
            std::size_t j_start = j;
            while (i_start + 1 < i_end && a[i_start] == '0') ++i_start;
            while (j_start + 1 < j_end && b[j_start] == '0') ++j_start;
            const std::string_view a_digits = a.substr(i_start, i_end - i_start);
            const std::string_view b_digits = b.substr(j_start, j_end - j_start);
            if (a_digits.size() != b_digits.size()) return a_digits.size() < b_digits.size();
            if (a_digits != b_digits) return a_digits < b_digits;
            i = i_end;
            j = j_end;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    if ((a.size() - i) != (b.size() - j)) return (a.size() - i) < (b.size() - j);
    return a < b;  // "07" and "7": a stable, total order
}

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

std::vector<Problem> CheckPopulation(const Population& population, const Survey& survey) {
    std::vector<Problem> problems;
    for (const PopulationEntry& entry : population.entries) {
        ResolveEntry(survey, entry, &problems, population.file_name);
    }
    return problems;
}

// ---- the report's finders ----------------------------------------------------------------------

namespace {
// The position of the first element that `matches`, as the report's row indexes count.
template <class Container, class Predicate>
std::optional<std::uint32_t> IndexWhere(const Container& items, Predicate matches) {
    for (std::size_t index = 0; index < items.size(); ++index) {
        if (matches(items[index])) return static_cast<std::uint32_t>(index);
    }
    return std::nullopt;
}
}  // namespace

std::optional<std::uint32_t> AnalyticsReport::FindWave(std::string_view wave) const {
    return IndexWhere(waves, [&](const std::string& candidate) { return candidate == wave; });
}

std::optional<std::uint32_t> AnalyticsReport::FindBreakdown(std::string_view dimension) const {
    return IndexWhere(breakdowns, [&](const auto& candidate) { return candidate.dimension == dimension; });
}

std::optional<std::uint32_t> AnalyticsReport::FindGroup(std::uint32_t breakdown, std::string_view group) const {
    if (breakdown >= breakdowns.size()) return std::nullopt;
    return IndexWhere(breakdowns[breakdown].groups, [&](const std::string& candidate) { return candidate == group; });
}

std::optional<std::uint32_t> AnalyticsReport::FindSatisfactionQuestion(std::string_view question_id) const {
    return IndexWhere(satisfaction_question_ids, [&](const std::string& candidate) { return candidate == question_id; });
}

std::optional<std::uint32_t> AnalyticsReport::FindMeanMeasure(std::string_view label) const {
    return IndexWhere(mean_measures, [&](const auto& candidate) { return candidate.label == label; });
}

const ReturnRateRow* AnalyticsReport::FindReturnRate(std::uint32_t wave, std::uint32_t breakdown,
                                                     std::uint32_t group) const {
    if (wave >= waves.size() || breakdown >= breakdowns.size() || group >= breakdowns[breakdown].groups.size()) {
        return nullptr;
    }
    return &return_rates[group_row_offsets[wave * breakdowns.size() + breakdown] + group];
}

const SatisfactionRow* AnalyticsReport::FindSatisfaction(std::uint32_t wave, std::uint32_t breakdown,
                                                         std::uint32_t group, std::uint32_t question) const {
    if (wave >= waves.size() || breakdown >= breakdowns.size() || group >= breakdowns[breakdown].groups.size() ||
        question >= satisfaction_questions.size()) {
        return nullptr;
    }
    const std::size_t group_row = group_row_offsets[wave * breakdowns.size() + breakdown] + group;
    return &satisfaction[group_row * satisfaction_questions.size() + question];
}

const MeanRow* AnalyticsReport::FindMean(std::uint32_t wave, std::uint32_t breakdown, std::uint32_t group,
                                         std::uint32_t measure) const {
    if (wave >= waves.size() || breakdown >= breakdowns.size() || group >= breakdowns[breakdown].groups.size() ||
        measure >= mean_measures.size()) {
        return nullptr;
    }
    const std::size_t group_row = group_row_offsets[wave * breakdowns.size() + breakdown] + group;
    return &means[group_row * mean_measures.size() + measure];
}

// ---- tabulation --------------------------------------------------------------------------------

AnalyticsReport TabulateReport(const EncodedResponses& responses, const AnalyticsOptions& options,
                               const Population* population) {
    const Survey& survey = responses.survey();
    if (options.min_cell < 0) throw AnalyticsInputError("the minimum cell size cannot be negative");
    if (!(options.significance_level > 0.0 && options.significance_level < 1.0)) {
        throw AnalyticsInputError("the significance level must be between 0 and 1");
    }
    AnalyticsReport report;
    report.survey_id = survey.id;
    report.survey_version = survey.version;
    report.options = options;
    const std::size_t rows = responses.RowCount();

    // Population entries, resolved (CheckPopulation's problems become one exception).
    std::vector<std::pair<const PopulationEntry*, ResolvedEntry>> entries;
    if (population != nullptr) {
        std::vector<Problem> problems;
        for (const PopulationEntry& entry : population->entries) {
            if (auto resolved = ResolveEntry(survey, entry, &problems, population->file_name)) {
                entries.emplace_back(&entry, std::move(*resolved));
            }
        }
        if (!problems.empty()) throw AnalyticsInputError(DescribeProblems(problems));
    }

    // Waves: every wave with responses, and every wave the population names.
    const std::vector<std::string>& data_waves = responses.FieldValues(ResponseField::kWave);
    std::vector<std::string> waves = data_waves;
    for (const auto& [entry, resolved] : entries) {
        if (!entry->wave.empty() && std::find(waves.begin(), waves.end(), entry->wave) == waves.end()) {
            waves.push_back(entry->wave);
            report.warnings.push_back(population->file_name + ": row " + std::to_string(entry->row) + ": wave " +
                                      Quoted(entry->wave) + " has no responses");
        }
    }
    std::sort(waves.begin(), waves.end(), [](const std::string& a, const std::string& b) { return NaturalLess(a, b); });
    report.waves = waves;
    const auto wave_count = static_cast<std::uint32_t>(waves.size());
    std::vector<std::uint32_t> wave_of_code(data_waves.size());
    std::vector<bool> wave_has_rows(waves.size(), false);
    report.wave_latest_submitted_date.assign(waves.size(), std::string());
    for (std::size_t code = 0; code < data_waves.size(); ++code) {
        wave_of_code[code] = *report.FindWave(data_waves[code]);
        report.wave_latest_submitted_date[wave_of_code[code]] =
            DateOfMilliseconds(responses.LatestSubmittedByWave()[code]);
    }
    std::vector<std::uint32_t> row_wave(rows);
    {
        const std::vector<std::uint32_t>& codes = responses.FieldCodes(ResponseField::kWave);
        for (std::size_t row = 0; row < rows; ++row) {
            row_wave[row] = wave_of_code[codes[row]];
            wave_has_rows[row_wave[row]] = true;
        }
    }
    if (!options.baseline_wave.empty()) {
        const auto baseline = report.FindWave(options.baseline_wave);
        if (!baseline || !wave_has_rows[*baseline]) {
            std::vector<std::string> with_rows;
            for (std::size_t index = 0; index < waves.size(); ++index) {
                if (wave_has_rows[index]) with_rows.push_back(waves[index]);
            }
            throw AnalyticsInputError("baseline wave " + Quoted(options.baseline_wave) +
                                      " has no responses (waves with responses: " +
                                      (with_rows.empty() ? std::string("none") : JoinNames(with_rows)) + ")");
        }
        report.baseline_wave = *baseline;
    } else {
        for (std::size_t index = 0; index < waves.size(); ++index) {
            if (wave_has_rows[index]) {
                report.baseline_wave = static_cast<std::uint32_t>(index);
                break;
            }
        }
    }
    if (report.baseline_wave) report.options.baseline_wave = waves[*report.baseline_wave];

    // Breakdowns: "all" first, then each requested one once.
    std::vector<std::vector<DimensionField>> breakdown_fields{{}};
    std::vector<std::string> breakdown_names{kAllDimension};
    for (const Breakdown& breakdown : options.breakdowns) {
        if (breakdown.dimensions.empty()) continue;
        if (breakdown.dimensions.size() > 2) {
            throw AnalyticsInputError("a breakdown crosses at most two dimensions, not " +
                                      JoinNames(breakdown.dimensions, kCrossingSeparator));
        }
        if (breakdown.dimensions.size() == 1 && breakdown.dimensions[0] == kAllDimension) continue;
        std::vector<DimensionField> fields;
        for (const std::string& name : breakdown.dimensions) {
            const auto field = ResolveDimension(survey, name);
            if (!field) {
                throw AnalyticsInputError("unknown breakdown dimension " + Quoted(name) +
                                          " (known: " + JoinNames(KnownDimensionNames(survey)) + ")");
            }
            fields.push_back(*field);
        }
        if (fields.size() == 2 && fields[0].name == fields[1].name) {
            throw AnalyticsInputError("a breakdown cannot cross " + Quoted(fields[0].name) + " with itself");
        }
        std::vector<std::string> names;
        for (const DimensionField& field : fields) names.push_back(field.name);
        const std::string dimension = JoinNames(names, kCrossingSeparator);
        if (std::find(breakdown_names.begin(), breakdown_names.end(), dimension) != breakdown_names.end()) continue;
        breakdown_names.push_back(dimension);
        breakdown_fields.push_back(std::move(fields));
    }

    // Groups of each field; population labels join so that invited-only groups are reported.
    std::vector<std::unique_ptr<FieldGroups>> field_groups;
    auto groups_for = [&](const DimensionField& field) -> const FieldGroups* {
        for (const auto& existing : field_groups) {
            if (existing->field.name == field.name) return existing.get();
        }
        std::vector<std::string> extra_labels;
        for (const auto& [entry, resolved] : entries) {
            for (std::size_t index = 0; index < resolved.fields.size(); ++index) {
                if (resolved.fields[index].name == field.name) extra_labels.push_back(resolved.labels[index]);
            }
        }
        field_groups.push_back(
            std::make_unique<FieldGroups>(BuildFieldGroups(responses, field, row_wave, waves, extra_labels)));
        return field_groups.back().get();
    };

    const std::size_t breakdown_count = breakdown_names.size();
    std::vector<BreakdownWork> work(breakdown_count);
    for (std::size_t b = 0; b < breakdown_count; ++b) {
        BreakdownWork& breakdown = work[b];
        breakdown.dimension = breakdown_names[b];
        for (const DimensionField& field : breakdown_fields[b]) {
            breakdown.fields.push_back(groups_for(field));
            breakdown.field_names.push_back(field.name);
        }
        std::uint64_t full_count = 1;
        for (const FieldGroups* field : breakdown.fields) full_count *= field->labels.size();
        if (full_count * wave_count >= (std::uint64_t{1} << 31)) {
            throw AnalyticsInputError("the breakdown " + Quoted(breakdown.dimension) + " has too many groups");
        }
        breakdown.full_group_count = static_cast<std::uint32_t>(full_count);
    }

    // Fine cells: the combinations of wave and every breakdown field that occur. Counting
    // each question once per fine cell and then adding fine cells into each breakdown's
    // groups touches every respondent once instead of once per breakdown. When nearly every
    // respondent is a fine cell of their own (many or large dimensions), each breakdown
    // counts its respondents directly instead.
    FineCells fine;
    if (options.counting != CountingStrategy::kPerBreakdown) {
        fine = BuildFineCells(row_wave, wave_count, field_groups, work);
    }
    const bool use_fine_cells =
        fine.count > 0 && (options.counting == CountingStrategy::kFineCells || fine.count * 4 <= rows);
    std::vector<std::int64_t> fine_status_counts;
    if (use_fine_cells) {
        fine_status_counts.assign(fine.count * 3, 0);
        for (std::size_t row = 0; row < rows; ++row) {
            const auto status = static_cast<std::size_t>(responses.Status(row));
            if (status < 3) ++fine_status_counts[static_cast<std::size_t>(fine.row_fine[row]) * 3 + status];
        }
    }

    for (std::size_t b = 0; b < breakdown_count; ++b) {
        BreakdownWork& breakdown = work[b];
        const std::uint32_t group_count = breakdown.full_group_count;
        std::vector<bool> present(group_count, false);
        if (use_fine_cells) {
            for (const std::uint32_t cell : fine.cell_by_breakdown[b]) present[cell % group_count] = true;
        } else {
            breakdown.row_cell.resize(rows);
            if (breakdown.fields.empty()) {
                for (std::size_t row = 0; row < rows; ++row) breakdown.row_cell[row] = row_wave[row];
            } else if (breakdown.fields.size() == 1) {
                const auto& row_group = breakdown.fields[0]->row_group;
                for (std::size_t row = 0; row < rows; ++row) {
                    breakdown.row_cell[row] = row_wave[row] * group_count + row_group[row];
                }
            } else {
                const auto& first = breakdown.fields[0]->row_group;
                const auto& second = breakdown.fields[1]->row_group;
                const auto second_count = static_cast<std::uint32_t>(breakdown.fields[1]->labels.size());
                for (std::size_t row = 0; row < rows; ++row) {
                    breakdown.row_cell[row] = row_wave[row] * group_count + first[row] * second_count + second[row];
                }
            }
            for (std::size_t row = 0; row < rows; ++row) present[breakdown.row_cell[row] % group_count] = true;
        }
        if (breakdown.fields.empty()) present[0] = true;

        // Invited counts: a row for the wave wins over a row for every wave.
        breakdown.invited.assign(static_cast<std::size_t>(wave_count) * group_count, std::nullopt);
        std::vector<bool> set_for_wave(breakdown.invited.size(), false);
        for (const auto& [entry, resolved] : entries) {
            if (resolved.fields.size() != breakdown.fields.size()) continue;
            std::vector<std::uint32_t> part_groups(resolved.fields.size());
            bool matches = true;
            if (resolved.fields.size() == 2 && resolved.fields[0].name == breakdown.field_names[1] &&
                resolved.fields[1].name == breakdown.field_names[0]) {
                // "year_group×school" given for the breakdown school×year_group.
                part_groups[0] = breakdown.fields[0]->index.at(resolved.labels[1]);
                part_groups[1] = breakdown.fields[1]->index.at(resolved.labels[0]);
            } else {
                for (std::size_t index = 0; index < resolved.fields.size(); ++index) {
                    if (resolved.fields[index].name != breakdown.field_names[index]) {
                        matches = false;
                        break;
                    }
                    part_groups[index] = breakdown.fields[index]->index.at(resolved.labels[index]);
                }
            }
            if (!matches) continue;
            const std::uint32_t full_group = FullGroupOf(breakdown, part_groups);
            present[full_group] = true;
            for (std::uint32_t wave = 0; wave < wave_count; ++wave) {
                const bool for_this_wave = entry->wave == waves[wave];
                if (!entry->wave.empty() && !for_this_wave) continue;
                const std::size_t cell = static_cast<std::size_t>(wave) * group_count + full_group;
                if (set_for_wave[cell] && !for_this_wave) continue;
                breakdown.invited[cell] = entry->invited;
                if (for_this_wave) set_for_wave[cell] = true;
            }
        }
        for (std::uint32_t group = 0; group < group_count; ++group) {
            if (present[group]) breakdown.present_groups.push_back(group);
        }

        // Sets of groups whose total is published: the breakdown, and each row and column
        // of a crossing (their totals are the one-way breakdowns).
        std::vector<std::uint32_t> all_groups(breakdown.present_groups.size());
        for (std::uint32_t index = 0; index < all_groups.size(); ++index) all_groups[index] = index;
        if (!breakdown.fields.empty()) breakdown.linked_sets.push_back(all_groups);
        if (breakdown.fields.size() == 2) {
            const auto second_count = static_cast<std::uint32_t>(breakdown.fields[1]->labels.size());
            std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_first;
            std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_second;
            std::vector<std::uint32_t> first_order;
            std::vector<std::uint32_t> second_order;
            for (std::uint32_t index = 0; index < breakdown.present_groups.size(); ++index) {
                const std::uint32_t full_group = breakdown.present_groups[index];
                const std::uint32_t first = full_group / second_count;
                const std::uint32_t second = full_group % second_count;
                if (by_first.find(first) == by_first.end()) first_order.push_back(first);
                if (by_second.find(second) == by_second.end()) second_order.push_back(second);
                by_first[first].push_back(index);
                by_second[second].push_back(index);
            }
            std::sort(second_order.begin(), second_order.end());
            for (const std::uint32_t first : first_order) breakdown.linked_sets.push_back(by_first[first]);
            for (const std::uint32_t second : second_order) breakdown.linked_sets.push_back(by_second[second]);
        }

        ReportBreakdown described;
        described.dimension = breakdown.dimension;
        described.fields = breakdown.field_names;
        described.groups.reserve(breakdown.present_groups.size());
        for (const std::uint32_t group : breakdown.present_groups) {
            described.groups.push_back(GroupLabelOf(breakdown, group));
        }
        report.breakdowns.push_back(std::move(described));
    }

    // Row offsets: every (wave, breakdown) block holds all of the breakdown's groups.
    report.group_row_offsets.resize(static_cast<std::size_t>(wave_count) * breakdown_count);
    std::size_t total_group_rows = 0;
    for (std::uint32_t wave = 0; wave < wave_count; ++wave) {
        for (std::size_t b = 0; b < breakdown_count; ++b) {
            report.group_row_offsets[wave * breakdown_count + b] = total_group_rows;
            total_group_rows += work[b].present_groups.size();
        }
    }

    // ---- return rates ----
    report.return_rates.resize(total_group_rows);
    for (std::size_t b = 0; b < breakdown_count; ++b) {
        const BreakdownWork& breakdown = work[b];
        const std::size_t cells = static_cast<std::size_t>(wave_count) * breakdown.full_group_count;
        std::vector<std::int64_t> counts(cells * 3, 0);
        if (use_fine_cells) {
            for (std::size_t fine_cell = 0; fine_cell < fine.count; ++fine_cell) {
                const std::size_t cell = fine.cell_by_breakdown[b][fine_cell];
                for (std::size_t status = 0; status < 3; ++status) {
                    counts[cell * 3 + status] += fine_status_counts[fine_cell * 3 + status];
                }
            }
        } else {
            for (std::size_t row = 0; row < rows; ++row) {
                const auto status = static_cast<std::size_t>(responses.Status(row));
                if (status < 3) ++counts[breakdown.row_cell[row] * 3 + status];
            }
        }
        for (std::uint32_t wave = 0; wave < wave_count; ++wave) {
            const std::size_t offset = report.group_row_offsets[wave * breakdown_count + b];
            std::vector<std::int64_t> bases(breakdown.present_groups.size());
            for (std::uint32_t index = 0; index < breakdown.present_groups.size(); ++index) {
                const std::size_t cell = static_cast<std::size_t>(wave) * breakdown.full_group_count +
                                         breakdown.present_groups[index];
                ReturnRateRow& out = report.return_rates[offset + index];
                out.wave = wave;
                out.breakdown = static_cast<std::uint32_t>(b);
                out.group = index;
                out.invited = breakdown.invited[cell];
                out.complete = counts[cell * 3 + static_cast<std::size_t>(ResponseStatus::kComplete)];
                out.partial = counts[cell * 3 + static_cast<std::size_t>(ResponseStatus::kPartial)];
                out.refused = counts[cell * 3 + static_cast<std::size_t>(ResponseStatus::kRefused)];
                bases[index] = out.complete + out.partial + out.refused;
                if (out.invited && *out.invited > 0) {
                    out.rr1_percent = PercentOf(out.complete, *out.invited);
                    out.rr2_percent = PercentOf(out.complete + out.partial, *out.invited);
                    if (out.complete + out.partial > *out.invited) {
                        report.warnings.push_back("wave " + Quoted(waves[wave]) + ", " + breakdown.dimension + " " +
                                                  Quoted(report.breakdowns[b].groups[index]) + ": " +
                                                  std::to_string(out.complete + out.partial) +
                                                  " responses but only " + std::to_string(*out.invited) +
                                                  " invited; check the population file");
                    }
                } else if (bases[index] > 0) {
                    // Nobody invited (an event stall) or no invited count: AAPOR's COOP1.
                    out.coop1_percent = PercentOf(out.complete, bases[index]);
                }
            }
            const std::vector<bool> suppressed = SuppressSmallCells(bases, options.min_cell, breakdown.linked_sets);
            for (std::uint32_t index = 0; index < breakdown.present_groups.size(); ++index) {
                if (!suppressed[index]) continue;
                ReturnRateRow& out = report.return_rates[offset + index];
                out.suppressed = true;
                out.complete = out.partial = out.refused = 0;
                out.rr1_percent.reset();
                out.rr2_percent.reset();
                out.coop1_percent.reset();
            }
        }
    }
    if (population != nullptr) {
        for (std::size_t b = 0; b < breakdown_count; ++b) {
            std::vector<std::string> missing;
            bool any_invited = false;
            for (std::uint32_t index = 0; index < work[b].present_groups.size(); ++index) {
                bool has_responses = false;
                bool has_invited = false;
                for (std::uint32_t wave = 0; wave < wave_count; ++wave) {
                    const ReturnRateRow& row =
                        report.return_rates[report.group_row_offsets[wave * breakdown_count + b] + index];
                    has_invited = has_invited || row.invited.has_value();
                    has_responses = has_responses || row.complete + row.partial + row.refused > 0 || row.suppressed;
                }
                any_invited = any_invited || has_invited;
                if (has_responses && !has_invited) missing.push_back(report.breakdowns[b].groups[index]);
            }
            if (missing.empty()) continue;
            if (!any_invited) {
                report.warnings.push_back(work[b].dimension + ": " + population->file_name +
                                          " has no invited counts for this breakdown (return rates not given; "
                                          "cooperation rates shown instead)");
                continue;
            }
            constexpr std::size_t kListed = 10;
            std::string listed;
            for (std::size_t index = 0; index < missing.size() && index < kListed; ++index) {
                listed += (index == 0 ? "" : ", ") + missing[index];
            }
            if (missing.size() > kListed) listed += " and " + std::to_string(missing.size() - kListed) + " more";
            report.warnings.push_back(work[b].dimension + ": no invited count for " + listed +
                                      " (return rates not given; cooperation rates shown instead)");
        }
    }

    // ---- satisfaction and means: one counting pass per question and breakdown ----
    std::vector<std::size_t> tabulated_questions;
    for (std::size_t index = 0; index < survey.questions.size(); ++index) {
        const Question& question = survey.questions[index];
        const bool satisfaction = IsSatisfactionItem(question);
        const std::vector<MeanPart> parts = MeanPartsOf(question);
        if (satisfaction) {
            report.satisfaction_questions.push_back(index);
            report.satisfaction_question_ids.push_back(question.id);
        }
        for (const MeanPart part : parts) report.mean_measures.push_back(MeanMeasure{index, part, MeanLabel(question, part)});
        if (satisfaction || !parts.empty()) tabulated_questions.push_back(index);
    }
    const std::size_t satisfaction_count = report.satisfaction_questions.size();
    const std::size_t measure_count = report.mean_measures.size();

    struct SatisfactionCounts {
        std::int64_t positive = 0;
        std::int64_t negative = 0;
        std::int64_t dont_know = 0;
    };
    // Indexed [group row * questions + question], group rows as in the report.
    std::vector<SatisfactionCounts> satisfaction_counts(total_group_rows * satisfaction_count);
    std::vector<IntegerMoments> moments(total_group_rows * measure_count);

    std::vector<std::uint32_t> counts;
    std::vector<std::uint32_t> fine_counts;
    for (const std::size_t question_index : tabulated_questions) {
        const Question& question = survey.questions[question_index];
        const QuestionCodebook& codebook = responses.Codebook(question_index);
        const std::vector<MeanPart> parts = MeanPartsOf(question);
        const CodeAttributes attributes = AttributesOf(question, codebook, parts);
        const std::size_t code_count = codebook.CodeCount();
        const std::vector<std::uint16_t>& codes = responses.AnswerCodes(question_index);
        std::optional<std::size_t> satisfaction_slot;
        for (std::size_t slot = 0; slot < satisfaction_count; ++slot) {
            if (report.satisfaction_questions[slot] == question_index) satisfaction_slot = slot;
        }
        std::size_t first_measure = 0;
        while (first_measure < measure_count && report.mean_measures[first_measure].question_index != question_index) {
            ++first_measure;
        }

        if (use_fine_cells) {
            fine_counts.assign(fine.count * code_count, 0);
            const std::uint32_t* fine_of_row = fine.row_fine.data();
            const std::uint16_t* code_of_row = codes.data();
            std::uint32_t* fine_data = fine_counts.data();
            // The hot loop: one increment per respondent, no lookups.
            for (std::size_t row = 0; row < rows; ++row) {
                ++fine_data[static_cast<std::size_t>(fine_of_row[row]) * code_count + code_of_row[row]];
            }
        }
        for (std::size_t b = 0; b < breakdown_count; ++b) {
            const BreakdownWork& breakdown = work[b];
            const std::size_t cells = static_cast<std::size_t>(wave_count) * breakdown.full_group_count;
            counts.assign(cells * code_count, 0);
            std::uint32_t* count_data = counts.data();
            if (use_fine_cells) {
                const std::vector<std::uint32_t>& cell_of_fine = fine.cell_by_breakdown[b];
                for (std::size_t fine_cell = 0; fine_cell < fine.count; ++fine_cell) {
                    std::uint32_t* target = count_data + static_cast<std::size_t>(cell_of_fine[fine_cell]) * code_count;
                    const std::uint32_t* source = fine_counts.data() + fine_cell * code_count;
                    for (std::size_t code = 0; code < code_count; ++code) target[code] += source[code];
                }
            } else {
                const std::uint32_t* cell_of_row = breakdown.row_cell.data();
                const std::uint16_t* code_of_row = codes.data();
                for (std::size_t row = 0; row < rows; ++row) {
                    ++count_data[static_cast<std::size_t>(cell_of_row[row]) * code_count + code_of_row[row]];
                }
            }
            for (std::uint32_t wave = 0; wave < wave_count; ++wave) {
                const std::size_t offset = report.group_row_offsets[wave * breakdown_count + b];
                for (std::uint32_t index = 0; index < breakdown.present_groups.size(); ++index) {
                    const std::size_t cell = static_cast<std::size_t>(wave) * breakdown.full_group_count +
                                             breakdown.present_groups[index];
                    const std::uint32_t* cell_counts = count_data + cell * code_count;
                    const std::size_t group_row = offset + index;
                    if (satisfaction_slot) {
                        SatisfactionCounts& out = satisfaction_counts[group_row * satisfaction_count + *satisfaction_slot];
                        for (std::size_t code = 0; code < code_count; ++code) {
                            switch (attributes.satisfaction[code]) {
                                case SatisfactionClass::kPositive:
                                    out.positive += cell_counts[code];
                                    break;
                                case SatisfactionClass::kNegative:
                                    out.negative += cell_counts[code];
                                    break;
                                case SatisfactionClass::kDontKnow:
                                    out.dont_know += cell_counts[code];
                                    break;
                                case SatisfactionClass::kNotCounted:
                                    break;
                            }
                        }
                    }
                    for (std::size_t part = 0; part < parts.size(); ++part) {
                        IntegerMoments& out = moments[group_row * measure_count + first_measure + part];
                        const std::vector<std::int32_t>& values = attributes.values[part];
                        const std::vector<std::uint8_t>& has_value = attributes.has_value[part];
                        for (std::size_t code = 0; code < code_count; ++code) {
                            if (!has_value[code] || cell_counts[code] == 0) continue;
                            const std::int64_t count = cell_counts[code];
                            const std::int64_t value = values[code];
                            out.count += count;
                            out.sum += count * value;
                            out.sum_of_squares += count * value * value;
                        }
                    }
                }
            }
        }
    }

    // ---- satisfaction rows, with suppression per (wave, breakdown, question) ----
    report.satisfaction.resize(total_group_rows * satisfaction_count);
    for (std::uint32_t wave = 0; wave < wave_count; ++wave) {
        for (std::size_t b = 0; b < breakdown_count; ++b) {
            const BreakdownWork& breakdown = work[b];
            const std::size_t offset = report.group_row_offsets[wave * breakdown_count + b];
            const std::size_t group_count = breakdown.present_groups.size();
            std::vector<std::int64_t> bases(group_count);
            for (std::size_t question = 0; question < satisfaction_count; ++question) {
                for (std::size_t index = 0; index < group_count; ++index) {
                    const std::size_t row_index = (offset + index) * satisfaction_count + question;
                    const SatisfactionCounts& in = satisfaction_counts[row_index];
                    SatisfactionRow& out = report.satisfaction[row_index];
                    out.wave = wave;
                    out.breakdown = static_cast<std::uint32_t>(b);
                    out.group = static_cast<std::uint32_t>(index);
                    out.question = static_cast<std::uint32_t>(question);
                    out.positive = in.positive;
                    out.dont_know = in.dont_know;
                    out.valid = in.positive + in.negative + (options.include_dont_know ? in.dont_know : 0);
                    bases[index] = out.valid;
                    if (out.valid > 0) {
                        out.percent = PercentOf(out.positive, out.valid);
                        const auto interval = WilsonInterval(out.positive, out.valid);
                        out.interval_percent = Interval{interval->low * 100.0, interval->high * 100.0};
                    }
                }
                const std::vector<bool> suppressed = SuppressSmallCells(bases, options.min_cell, breakdown.linked_sets);
                for (std::size_t index = 0; index < group_count; ++index) {
                    report.satisfaction[(offset + index) * satisfaction_count + question].suppressed = suppressed[index];
                }
            }
        }
    }

    // ---- means rows ----
    report.means.resize(total_group_rows * measure_count);
    StudentTCache t_cache;
    for (std::uint32_t wave = 0; wave < wave_count; ++wave) {
        for (std::size_t b = 0; b < breakdown_count; ++b) {
            const BreakdownWork& breakdown = work[b];
            const std::size_t offset = report.group_row_offsets[wave * breakdown_count + b];
            const std::size_t group_count = breakdown.present_groups.size();
            std::vector<std::int64_t> bases(group_count);
            for (std::size_t measure = 0; measure < measure_count; ++measure) {
                for (std::size_t index = 0; index < group_count; ++index) {
                    const std::size_t row_index = (offset + index) * measure_count + measure;
                    MeanRow& out = report.means[row_index];
                    out.wave = wave;
                    out.breakdown = static_cast<std::uint32_t>(b);
                    out.group = static_cast<std::uint32_t>(index);
                    out.measure = static_cast<std::uint32_t>(measure);
                    bases[index] = moments[row_index].count;
                    if (bases[index] < options.min_cell) {
                        out.summary.count = moments[row_index].count;  // computed only when shown
                    } else {
                        out.summary = SummariseMoments(moments[row_index], t_cache);
                    }
                }
                const std::vector<bool> suppressed = SuppressSmallCells(bases, options.min_cell, breakdown.linked_sets);
                for (std::size_t index = 0; index < group_count; ++index) {
                    MeanRow& out = report.means[(offset + index) * measure_count + measure];
                    if (suppressed[index]) {
                        out.suppressed = true;
                        out.summary = MeanSummary{};
                    } else if (out.summary.count > 0 && !out.summary.mean) {
                        out.summary = SummariseMoments(moments[(offset + index) * measure_count + measure], t_cache);
                    }
                }
            }
        }
    }

    // ---- change against the baseline wave (before satisfaction figures are cleared) ----
    if (report.baseline_wave) {
        const std::uint32_t baseline = *report.baseline_wave;
        std::vector<std::uint32_t> follow_ups;
        std::size_t change_rows = 0;
        for (std::size_t b = 0; b < breakdown_count; ++b) change_rows += work[b].present_groups.size();
        report.changes.reserve(change_rows * satisfaction_count * (wave_count > 0 ? wave_count - 1 : 0));
        for (std::uint32_t wave = 0; wave < wave_count; ++wave) {
            if (wave != baseline && wave_has_rows[wave]) follow_ups.push_back(wave);
        }
        for (std::size_t b = 0; b < breakdown_count; ++b) {
            const std::size_t group_count = work[b].present_groups.size();
            for (std::size_t index = 0; index < group_count; ++index) {
                std::vector<ChangeCountRow> tallies(follow_ups.size());
                for (std::size_t follow_up = 0; follow_up < follow_ups.size(); ++follow_up) {
                    tallies[follow_up].breakdown = static_cast<std::uint32_t>(b);
                    tallies[follow_up].group = static_cast<std::uint32_t>(index);
                    tallies[follow_up].baseline_wave = baseline;
                    tallies[follow_up].wave = follow_ups[follow_up];
                }
                const std::size_t baseline_group_row = report.group_row_offsets[baseline * breakdown_count + b] + index;
                for (std::size_t question = 0; question < satisfaction_count; ++question) {
                    const SatisfactionRow& before = report.satisfaction[baseline_group_row * satisfaction_count + question];
                    for (std::size_t follow_up = 0; follow_up < follow_ups.size(); ++follow_up) {
                        const std::uint32_t wave = follow_ups[follow_up];
                        ChangeCountRow& tally = tallies[follow_up];
                        const SatisfactionRow& after =
                            report.satisfaction[(report.group_row_offsets[wave * breakdown_count + b] + index) *
                                                    satisfaction_count +
                                                question];
                        ChangeRow change;
                        change.breakdown = static_cast<std::uint32_t>(b);
                        change.group = static_cast<std::uint32_t>(index);
                        change.question = static_cast<std::uint32_t>(question);
                        change.baseline_wave = baseline;
                        change.wave = wave;
                        if (before.suppressed || after.suppressed) {
                            change.suppressed = true;
                            change.outcome = ChangeOutcome::kSuppressed;
                            ++tally.suppressed;
                            report.changes.push_back(change);
                            continue;
                        }
                        change.baseline_percent = before.percent;
                        change.percent = after.percent;
                        const auto compared = CompareProportions(
                            Proportion{before.positive, before.valid}, Proportion{after.positive, after.valid},
                            ImprovementDirection::HigherIsBetter, options.significance_level);
                        if (!compared) {
                            change.outcome = ChangeOutcome::kNotAvailable;
                            ++tally.not_available;
                            report.changes.push_back(change);
                            continue;
                        }
                        change.change_points = compared->change_in_points;
                        change.interval_points = compared->interval_in_points;
                        change.p_value = compared->p_value;
                        switch (compared->verdict) {
                            case ChangeVerdict::Improved:
                                change.outcome = ChangeOutcome::kImproved;
                                ++tally.improved;
                                break;
                            case ChangeVerdict::Worse:
                                change.outcome = ChangeOutcome::kWorse;
                                ++tally.worse;
                                break;
                            case ChangeVerdict::NoSignificantChange:
                                change.outcome = ChangeOutcome::kNoSignificantChange;
                                ++tally.no_significant_change;
                                break;
                        }
                        report.changes.push_back(change);
                    }
                }
                for (const ChangeCountRow& tally : tallies) report.change_counts.push_back(tally);
            }
        }
    }

    // ---- clear what suppression hides ----
    for (SatisfactionRow& row : report.satisfaction) {
        if (!row.suppressed) continue;
        row.positive = row.valid = row.dont_know = 0;
        row.percent.reset();
        row.interval_percent.reset();
    }
    return report;
}

}  // namespace yousaid
