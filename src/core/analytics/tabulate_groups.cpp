#include "core/analytics/tabulate_groups.h"

#include <algorithm>

#include "core/analytics/officer_input.h"
#include "core/analytics/tabulate.h"

namespace yousaid {
namespace tabulation {


std::string JoinNames(const std::vector<std::string>& names, const char* separator) {
    std::string text;
    for (const std::string& name : names) {
        if (!text.empty()) text += separator;
        text += name;
    }
    return text;
}

namespace {

bool IsNumeric(const Question& question) {
    return question.kind == QuestionKind::kNumber || question.kind == QuestionKind::kRating0To10;
}

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
    if (IsNumeric(question)) {
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
        if (IsNumeric(question) && question.FindOption(label) == nullptr) {
            if (const auto value = ParseWholeNumberCell(label)) return std::to_string(*value);
        }
    }
    return label;
}

}  // namespace

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

namespace {

// Labels in report order, each added once.
class LabelAdder {
public:
    explicit LabelAdder(FieldGroups& groups) : groups_(groups) {}
    void operator()(const std::string& label) {
        if (groups_.index.emplace(label, static_cast<std::uint32_t>(groups_.labels.size())).second) {
            groups_.labels.push_back(label);
        }
    }

private:
    FieldGroups& groups_;
};

// A numeric question's values in ascending order: 0-10 for ratings; for numbers, those
// answered and any the population names.
std::vector<std::int32_t> NumericGroupValues(const Question& question, const QuestionCodebook& codebook,
                                             const std::vector<std::string>& extra_labels) {
    std::vector<std::int32_t> values;
    if (question.kind == QuestionKind::kRating0To10) {
        for (std::int32_t value = 0; value <= 10; ++value) values.push_back(value);
        return values;
    }
    values = codebook.NumberValues();
    for (const std::string& label : extra_labels) {
        if (question.FindOption(label) != nullptr) continue;
        if (const auto value = ParseWholeNumberCell(label)) values.push_back(static_cast<std::int32_t>(*value));
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

// Groups of a question: its values (numeric kinds), its options, then "(not answered)".
void AddQuestionGroups(const EncodedResponses& responses, const DimensionField& field,
                       const std::vector<std::string>& extra_labels, FieldGroups& groups) {
    const Question& question = responses.survey().questions[field.question_index];
    const QuestionCodebook& codebook = responses.Codebook(field.question_index);
    LabelAdder add_label(groups);
    if (IsNumeric(question)) {
        for (const std::int32_t value : NumericGroupValues(question, codebook, extra_labels)) {
            add_label(std::to_string(value));
        }
    }
    for (const Option& option : question.options) add_label(option.id);
    add_label(kNotAnsweredGroup);

    std::vector<std::uint32_t> group_of_code(codebook.CodeCount(), 0);
    group_of_code[kNoAnswerCode] = groups.index.at(kNotAnsweredGroup);
    group_of_code[kSkippedCode] = groups.index.at(kNotAnsweredGroup);
    for (std::size_t option_index = 0; option_index < question.options.size(); ++option_index) {
        group_of_code[codebook.OptionCode(option_index)] = groups.index.at(question.options[option_index].id);
    }
    if (question.kind == QuestionKind::kRating0To10) {
        for (std::int32_t value = 0; value <= 10; ++value) {
            group_of_code[codebook.ValueBase() + static_cast<std::size_t>(value)] = groups.index.at(std::to_string(value));
        }
    } else if (question.kind == QuestionKind::kNumber) {
        const auto& values = codebook.NumberValues();
        for (std::size_t index = 0; index < values.size(); ++index) {
            group_of_code[codebook.ValueBase() + index] = groups.index.at(std::to_string(values[index]));
        }
    }
    const std::vector<std::uint16_t>& codes = responses.AnswerCodes(field.question_index);
    for (std::size_t row = 0; row < groups.row_group.size(); ++row) groups.row_group[row] = group_of_code[codes[row]];
}

// Groups of a free-valued response field (event, station, language): the values seen and
// any the population names, in natural order, then "(none)" when some response has none.
void AddFreeValueGroups(const EncodedResponses& responses, ResponseField field,
                        const std::vector<std::string>& extra_labels, FieldGroups& groups) {
    const std::vector<std::string>& values = responses.FieldValues(field);
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
    std::sort(labels.begin(), labels.end(), [](const std::string& a, const std::string& b) { return NaturalLess(a, b); });
    LabelAdder add_label(groups);
    for (const std::string& label : labels) add_label(label);
    if (has_empty || std::find(extra_labels.begin(), extra_labels.end(), kNoValueGroup) != extra_labels.end()) {
        add_label(kNoValueGroup);
    }
    const std::vector<std::uint32_t>& codes = responses.FieldCodes(field);
    std::vector<std::uint32_t> group_of_code(values.size(), 0);
    for (std::size_t code = 0; code < values.size(); ++code) {
        group_of_code[code] = groups.index.at(values[code].empty() ? std::string(kNoValueGroup) : values[code]);
    }
    for (std::size_t row = 0; row < groups.row_group.size(); ++row) groups.row_group[row] = group_of_code[codes[row]];
}

}  // namespace

FieldGroups BuildFieldGroups(const EncodedResponses& responses, const DimensionField& field,
                             const std::vector<std::uint32_t>& row_wave, const std::vector<std::string>& waves,
                             const std::vector<std::string>& extra_labels) {
    FieldGroups groups;
    groups.field = field;
    const std::size_t rows = responses.RowCount();
    groups.row_group.resize(rows);
    if (field.from_question) {
        AddQuestionGroups(responses, field, extra_labels, groups);
        return groups;
    }
    LabelAdder add_label(groups);
    switch (field.response_field) {
        case ResponseField::kAnswerMode:
            for (const AnswerMode mode :
                 {AnswerMode::kSelf, AnswerMode::kHelpedByAdult, AnswerMode::kOnBehalf, AnswerMode::kByPhone}) {
                add_label(std::string(AnswerModeName(mode)));
            }
            for (std::size_t row = 0; row < rows; ++row) {
                groups.row_group[row] = groups.index.at(std::string(AnswerModeName(responses.Mode(row))));
            }
            break;
        case ResponseField::kWave:
            for (const std::string& wave : waves) add_label(wave);
            for (std::size_t row = 0; row < rows; ++row) groups.row_group[row] = row_wave[row];
            break;
        case ResponseField::kEvent:
        case ResponseField::kStation:
        case ResponseField::kLanguage:
            AddFreeValueGroups(responses, field.response_field, extra_labels, groups);
            break;
    }
    return groups;
}


// ---- keys --------------------------------------------------------------------------------------

namespace {
// Up to this many keys (16 MB of ids) are indexed by a table; larger spaces by a hash map.
constexpr std::uint64_t kTableKeyLimit = std::uint64_t{1} << 22;
}  // namespace

KeyIndex::KeyIndex(std::uint64_t key_space) {
    if (key_space <= kTableKeyLimit) table_.assign(static_cast<std::size_t>(key_space), kAbsent);
}

std::uint32_t KeyIndex::Insert(std::uint64_t key) {
    const auto next = static_cast<std::uint32_t>(keys_.size());
    if (!table_.empty()) {
        std::uint32_t& slot = table_[static_cast<std::size_t>(key)];
        if (slot == kAbsent) {
            slot = next;
            keys_.push_back(key);
        }
        return slot;
    }
    const auto inserted = map_.emplace(key, next);
    if (inserted.second) keys_.push_back(key);
    return inserted.first->second;
}

std::uint32_t KeyIndex::At(std::uint64_t key) const {
    if (!table_.empty()) return table_[static_cast<std::size_t>(key)];
    return map_.at(key);
}

// ---- fine cells ------------------------------------------------------------------------------

FineCells BuildFineCells(const std::vector<std::uint32_t>& row_wave, std::uint32_t wave_count,
                         const std::vector<std::unique_ptr<FieldGroups>>& fields) {
    // Mixed-radix key: wave, then each field's group.
    std::uint64_t key_space = wave_count;
    for (const auto& field : fields) {
        key_space *= field->labels.size();
        if (key_space > (std::uint64_t{1} << 40)) return FineCells{};  // beyond a 64-bit key's safe range
    }
    FineCells fine;
    const std::size_t rows = row_wave.size();
    fine.row_fine.resize(rows);
    KeyIndex cells(key_space);
    for (std::size_t row = 0; row < rows; ++row) {
        std::uint64_t key = row_wave[row];
        for (const auto& field : fields) key = key * field->labels.size() + field->row_group[row];
        fine.row_fine[row] = cells.Insert(key);
    }
    fine.count = cells.size();
    fine.wave.resize(fine.count);
    fine.field_group.resize(fine.count * fields.size());
    for (std::size_t cell = 0; cell < fine.count; ++cell) {
        std::uint64_t key = cells.keys()[cell];
        for (std::size_t index = fields.size(); index-- > 0;) {
            fine.field_group[cell * fields.size() + index] = static_cast<std::uint32_t>(key % fields[index]->labels.size());
            key /= fields[index]->labels.size();
        }
        fine.wave[cell] = static_cast<std::uint32_t>(key);
    }
    return fine;
}

}  // namespace tabulation
}  // namespace yousaid
