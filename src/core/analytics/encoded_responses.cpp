#include "core/base/text.h"
#include "core/analytics/encoded_responses.h"
#include "core/base/enum_names.h"

#include <algorithm>
#include <stdexcept>
#include <utility>


namespace yousaid {

namespace {

constexpr std::int32_t kRatingMin = 0;
constexpr std::int32_t kRatingMax = 10;
constexpr std::int32_t kRatingPoints = kRatingMax - kRatingMin + 1;
constexpr std::size_t kMaximumCodes = 65536;

// Kinds whose answer puts a respondent in exactly one group.
bool KindSplitsIntoGroups(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::kSingleChoice:
        case QuestionKind::kScale1To5:
        case QuestionKind::kYesSometimesNo:
        case QuestionKind::kRating0To10:
        case QuestionKind::kNumber:
            return true;
        case QuestionKind::kMultipleChoice:
        case QuestionKind::kShortText:
        case QuestionKind::kBeforeAndNow:
            return false;
    }
    return false;
}

constexpr EnumNames<ResponseField, 5> kResponseFieldNames{{
    {ResponseField::kWave, "wave"},
    {ResponseField::kAnswerMode, "answer_mode"},
    {ResponseField::kEvent, "event"},
    {ResponseField::kStation, "station"},
    {ResponseField::kLanguage, "language"},
}};


// An answer the encoding cannot hold. The bulk setters let it escape (their callers pass
// indices and values they built themselves, so it is a bug upstream); Add turns it into a
// Problem naming the response.
class EncodingError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

}  // namespace

QuestionCodebook::QuestionCodebook(const Question& question)
    : kind_(question.kind),
      value_base_(static_cast<std::uint16_t>(kFirstOptionCode + question.options.size())) {
    if (question.options.size() + kFirstOptionCode + static_cast<std::size_t>(kRatingPoints * kRatingPoints) >=
        kMaximumCodes) {
        throw EncodingError("question " + Quoted(question.id) + " has too many options to tabulate");
    }
}

std::size_t QuestionCodebook::CodeCount() const {
    switch (kind_) {
        case QuestionKind::kRating0To10:
            return value_base_ + static_cast<std::size_t>(kRatingPoints);
        case QuestionKind::kBeforeAndNow:
            return value_base_ + static_cast<std::size_t>(kRatingPoints * kRatingPoints);
        case QuestionKind::kMultipleChoice:
            return value_base_ + 2u;
        case QuestionKind::kShortText:
            return value_base_ + 1u;
        case QuestionKind::kNumber:
            return value_base_ + number_values_.size();
        case QuestionKind::kSingleChoice:
        case QuestionKind::kScale1To5:
        case QuestionKind::kYesSometimesNo:
            return value_base_;
    }
    return value_base_;
}

std::uint16_t QuestionCodebook::NumberCode(std::int32_t value) {
    const auto found = number_codes_.find(value);
    if (found != number_codes_.end()) return found->second;
    if (value_base_ + number_values_.size() >= kMaximumCodes) {
        throw EncodingError("a number question has more distinct answers than analytics can tabulate");
    }
    const auto code = static_cast<std::uint16_t>(value_base_ + number_values_.size());
    number_values_.push_back(value);
    number_codes_.emplace(value, code);
    return code;
}

void QuestionCodebook::TruncateNumberValues(std::size_t count) {
    for (std::size_t index = count; index < number_values_.size(); ++index) number_codes_.erase(number_values_[index]);
    number_values_.resize(std::min(number_values_.size(), count));
}

std::optional<DimensionField> ResolveDimension(const Survey& survey, std::string_view name) {
    if (name.empty()) return std::nullopt;
    for (std::size_t index = 0; index < survey.questions.size(); ++index) {
        const Question& question = survey.questions[index];
        if (question.role == QuestionRole::kDemographic && question.dimension == name &&
            KindSplitsIntoGroups(question.kind)) {
            DimensionField field;
            field.name = question.dimension;
            field.from_question = true;
            field.question_index = index;
            return field;
        }
    }
    for (std::size_t index = 0; index < survey.questions.size(); ++index) {
        const Question& question = survey.questions[index];
        if (question.id == name && KindSplitsIntoGroups(question.kind)) {
            DimensionField field;
            // A demographic keeps its dimension name so "school_type" and "phase" report alike.
            field.name = question.role == QuestionRole::kDemographic && !question.dimension.empty()
                             ? question.dimension
                             : question.id;
            field.from_question = true;
            field.question_index = index;
            return field;
        }
    }
    if (const std::optional<ResponseField> response_field = ValueOf(kResponseFieldNames, name)) {
        DimensionField field;
        field.name = name;
        field.response_field = *response_field;
        return field;
    }
    return std::nullopt;
}

std::vector<std::string> DemographicDimensionNames(const Survey& survey) {
    std::vector<std::string> names;
    for (const Question& question : survey.questions) {
        if (question.role == QuestionRole::kDemographic && KindSplitsIntoGroups(question.kind) &&
            !question.dimension.empty() && std::find(names.begin(), names.end(), question.dimension) == names.end()) {
            names.push_back(question.dimension);
        }
    }
    return names;
}

std::vector<std::string> KnownDimensionNames(const Survey& survey) {
    std::vector<std::string> names = DemographicDimensionNames(survey);
    auto add = [&names](const std::string& name) {
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    };
    for (const Question& question : survey.questions) {
        if (KindSplitsIntoGroups(question.kind)) add(question.id);
    }
    for (const auto& entry : kResponseFieldNames) add(std::string(entry.second));
    return names;
}

void EncodedResponses::Dictionary::Append(std::string_view value) {
    // Consecutive respondents mostly share their wave, station and language: try the last one.
    if (!column.empty() && values[column.back()] == value) {
        column.push_back(column.back());
        return;
    }
    const std::string key(value);
    auto found = codes.find(key);
    if (found == codes.end()) {
        found = codes.emplace(key, static_cast<std::uint32_t>(values.size())).first;
        values.push_back(key);
    }
    column.push_back(found->second);
}

void EncodedResponses::Dictionary::Truncate(std::size_t value_count, std::size_t row_count) {
    for (std::size_t index = value_count; index < values.size(); ++index) codes.erase(values[index]);
    values.resize(std::min(values.size(), value_count));
    column.resize(std::min(column.size(), row_count));
}

EncodedResponses::EncodedResponses(Survey survey) : survey_(std::move(survey)) {
    codebooks_.reserve(survey_.questions.size());
    for (std::size_t index = 0; index < survey_.questions.size(); ++index) {
        questions_by_id_.emplace_back(survey_.questions[index].id, index);
        codebooks_.emplace_back(survey_.questions[index]);
    }
    std::sort(questions_by_id_.begin(), questions_by_id_.end());
    answer_codes_.resize(survey_.questions.size());
}

EncodedResponses::Dictionary& EncodedResponses::DictionaryFor(ResponseField field) {
    return const_cast<Dictionary&>(static_cast<const EncodedResponses&>(*this).DictionaryFor(field));
}

const EncodedResponses::Dictionary& EncodedResponses::DictionaryFor(ResponseField field) const {
    switch (field) {
        case ResponseField::kWave:
            return waves_;
        case ResponseField::kEvent:
            return events_;
        case ResponseField::kStation:
            return stations_;
        case ResponseField::kLanguage:
            return languages_;
        case ResponseField::kAnswerMode:
            break;
    }
    throw std::logic_error("answer mode is not dictionary-encoded; use Mode()");
}

const std::vector<std::uint32_t>& EncodedResponses::FieldCodes(ResponseField field) const {
    return DictionaryFor(field).column;
}

const std::vector<std::string>& EncodedResponses::FieldValues(ResponseField field) const {
    return DictionaryFor(field).values;
}

std::size_t EncodedResponses::AddRespondent(std::string_view wave, ResponseStatus status, AnswerMode mode,
                                            std::string_view event_id, std::string_view station_id,
                                            std::string_view language, std::int64_t submitted_at_ms) {
    const std::size_t row = statuses_.size();
    statuses_.push_back(static_cast<std::uint8_t>(status));
    modes_.push_back(static_cast<std::uint8_t>(mode));
    waves_.Append(wave);
    events_.Append(event_id);
    stations_.Append(station_id);
    languages_.Append(language);
    const std::uint32_t wave_code = waves_.column.back();
    if (latest_submitted_by_wave_.size() <= wave_code) latest_submitted_by_wave_.resize(wave_code + 1u, 0);
    latest_submitted_by_wave_[wave_code] = std::max(latest_submitted_by_wave_[wave_code], submitted_at_ms);
    for (auto& column : answer_codes_) column.push_back(kNoAnswerCode);
    return row;
}

void EncodedResponses::CheckCell(std::size_t row, std::size_t question_index) const {
    if (question_index >= answer_codes_.size()) throw std::out_of_range("question index out of range");
    if (row >= statuses_.size()) throw std::out_of_range("respondent row out of range");
}

void EncodedResponses::SetSkipped(std::size_t row, std::size_t question_index) {
    CheckCell(row, question_index);
    answer_codes_[question_index][row] = kSkippedCode;
}

void EncodedResponses::SetOption(std::size_t row, std::size_t question_index, std::size_t option_index) {
    CheckCell(row, question_index);
    answer_codes_[question_index][row] = OptionAnswerCode(question_index, option_index);
}

void EncodedResponses::SetChoices(std::size_t row, std::size_t question_index,
                                  const std::vector<std::size_t>& option_indices) {
    CheckCell(row, question_index);
    answer_codes_[question_index][row] = ChoicesCode(question_index, option_indices);
}

void EncodedResponses::SetValue(std::size_t row, std::size_t question_index, std::int32_t value) {
    CheckCell(row, question_index);
    answer_codes_[question_index][row] = ValueCode(question_index, value);
}

void EncodedResponses::SetBeforeAndNow(std::size_t row, std::size_t question_index, std::int32_t before,
                                       std::int32_t now) {
    CheckCell(row, question_index);
    answer_codes_[question_index][row] = BeforeAndNowCode(question_index, before, now);
}

void EncodedResponses::SetText(std::size_t row, std::size_t question_index) {
    CheckCell(row, question_index);
    answer_codes_[question_index][row] = TextCode(question_index);
}

std::uint16_t EncodedResponses::OptionAnswerCode(std::size_t question_index, std::size_t option_index) {
    const Question& question = survey_.questions[question_index];
    if (option_index >= question.options.size()) throw std::out_of_range("option index out of range");
    if (question.kind == QuestionKind::kMultipleChoice && question.options[option_index].IsSubstantive()) {
        return ChoicesCode(question_index, {option_index});
    }
    if (!KindAnswersWithOptions(question.kind) && question.options[option_index].IsSubstantive()) {
        throw EncodingError("question " + Quoted(question.id) + " takes only its non-substantive options");
    }
    return codebooks_[question_index].OptionCode(option_index);
}

std::uint16_t EncodedResponses::ChoicesCode(std::size_t question_index,
                                            const std::vector<std::size_t>& option_indices) const {
    const Question& question = survey_.questions[question_index];
    if (question.kind != QuestionKind::kMultipleChoice) {
        throw EncodingError("question " + Quoted(question.id) + " is not multiple choice");
    }
    if (option_indices.empty()) return kSkippedCode;
    bool any_positive = false;
    for (const std::size_t option_index : option_indices) {
        if (option_index >= question.options.size()) throw std::out_of_range("option index out of range");
        const Option& option = question.options[option_index];
        if (!option.IsSubstantive()) {
            if (option_indices.size() != 1) {
                throw EncodingError("question " + Quoted(question.id) + ": option " + Quoted(option.id) +
                                          " must stand alone");
            }
            return codebooks_[question_index].OptionCode(option_index);
        }
        any_positive = any_positive || question.IsPositiveOption(option.id);
    }
    return static_cast<std::uint16_t>(codebooks_[question_index].ValueBase() + (any_positive ? 1 : 0));
}

std::uint16_t EncodedResponses::ValueCode(std::size_t question_index, std::int32_t value) {
    const Question& question = survey_.questions[question_index];
    QuestionCodebook& codebook = codebooks_[question_index];
    if (question.kind == QuestionKind::kRating0To10) {
        if (value < kRatingMin || value > kRatingMax) {
            throw EncodingError("question " + Quoted(question.id) + ": rating " + std::to_string(value) +
                                      " is outside 0-10");
        }
        return static_cast<std::uint16_t>(codebook.ValueBase() + value);
    }
    if (question.kind == QuestionKind::kNumber) {
        if (value < question.min_value || value > question.max_value) {
            throw EncodingError("question " + Quoted(question.id) + ": " + std::to_string(value) +
                                      " is outside " + std::to_string(question.min_value) + "-" +
                                      std::to_string(question.max_value));
        }
        // May add the value to the number dictionary: harmless if the response is then
        // rejected, since a value nobody has is never reported.
        return codebook.NumberCode(value);
    }
    throw EncodingError("question " + Quoted(question.id) + " does not take a number");
}

std::uint16_t EncodedResponses::BeforeAndNowCode(std::size_t question_index, std::int32_t before,
                                                 std::int32_t now) const {
    const Question& question = survey_.questions[question_index];
    if (question.kind != QuestionKind::kBeforeAndNow) {
        throw EncodingError("question " + Quoted(question.id) + " is not a before-and-now question");
    }
    if (before < kRatingMin || before > kRatingMax || now < kRatingMin || now > kRatingMax) {
        throw EncodingError("question " + Quoted(question.id) + ": ratings must be 0-10");
    }
    return static_cast<std::uint16_t>(codebooks_[question_index].ValueBase() + before * kRatingPoints + now);
}

std::uint16_t EncodedResponses::TextCode(std::size_t question_index) const {
    const Question& question = survey_.questions[question_index];
    if (question.kind != QuestionKind::kShortText) {
        throw EncodingError("question " + Quoted(question.id) + " does not take text");
    }
    return codebooks_[question_index].ValueBase();
}

std::optional<Problem> EncodedResponses::Add(const Response& response) {
    // Named only when something is wrong: most rows of a large import are fine.
    const auto problem = [&response](const std::string& message) {
        return Problem::Saying("response " + response.id.ToHex() + message);
    };
    if (response.survey_id != survey_.id || response.survey_version != survey_.version) {
        return problem(" is for survey " + Quoted(response.survey_id) + " version " +
                       std::to_string(response.survey_version) + ", not " + Quoted(survey_.id) + " version " +
                       std::to_string(survey_.version));
    }
    // Every answer is encoded before the row is added, so a bad response leaves nothing behind.
    std::vector<std::pair<std::size_t, std::uint16_t>> codes;
    codes.reserve(response.answers.size());
    // Answers and question ids are both in id order, so one walk along both finds each question.
    auto question = questions_by_id_.begin();
    for (const auto& [question_id, answer] : response.answers) {
        while (question != questions_by_id_.end() && question->first < question_id) ++question;
        if (question == questions_by_id_.end() || question->first != question_id) {
            return problem(": unknown question " + Quoted(question_id));
        }
        try {
            codes.emplace_back(question->second, EncodeAnswer(question->second, answer));
        } catch (const EncodingError& error) {
            return problem(std::string(": ") + error.what());
        } catch (const std::out_of_range& error) {
            return problem(": question " + Quoted(question_id) + ": " + error.what());
        }
    }
    const std::size_t row = AddRespondent(response.wave, response.status, response.answer_mode, response.event_id,
                                          response.station_id, response.language, response.submitted_at_ms);
    for (const auto& [question_index, code] : codes) answer_codes_[question_index][row] = code;
    return std::nullopt;
}

std::uint16_t EncodedResponses::EncodeAnswer(std::size_t question_index, const Answer& answer) {
    const Question& question = survey_.questions[question_index];
    auto option_index_of = [&](const std::string& option_id) -> std::size_t {
        for (std::size_t index = 0; index < question.options.size(); ++index) {
            if (question.options[index].id == option_id) return index;
        }
        throw EncodingError("question " + Quoted(question.id) + ": unknown option " + Quoted(option_id));
    };
    switch (answer.kind) {
        case AnswerKind::kSkipped:
            return kSkippedCode;
        case AnswerKind::kOption:
            return OptionAnswerCode(question_index, option_index_of(answer.option_id));
        case AnswerKind::kOptions: {
            std::vector<std::size_t> indices;
            indices.reserve(answer.option_ids.size());
            for (const std::string& option_id : answer.option_ids) indices.push_back(option_index_of(option_id));
            return ChoicesCode(question_index, indices);
        }
        case AnswerKind::kInteger:
            return ValueCode(question_index, answer.value);
        case AnswerKind::kText:
            return TextCode(question_index);
        case AnswerKind::kBeforeAndNow:
            return BeforeAndNowCode(question_index, answer.before, answer.now);
    }
    throw EncodingError("question " + Quoted(question.id) + ": unknown answer kind");
}

EncodedResponses::Extent EncodedResponses::CurrentExtent() const {
    Extent extent{RowCount(),           waves_.values.size(),     events_.values.size(),
                  stations_.values.size(), languages_.values.size(), latest_submitted_by_wave_, {}};
    for (const QuestionCodebook& codebook : codebooks_) extent.number_values.push_back(codebook.NumberValues().size());
    return extent;
}

void EncodedResponses::TruncateTo(const Extent& extent) {
    if (extent.rows > RowCount()) throw std::logic_error("cannot truncate encoded responses to more rows than they have");
    statuses_.resize(extent.rows);
    modes_.resize(extent.rows);
    for (auto& column : answer_codes_) column.resize(extent.rows);
    waves_.Truncate(extent.waves, extent.rows);
    events_.Truncate(extent.events, extent.rows);
    stations_.Truncate(extent.stations, extent.rows);
    languages_.Truncate(extent.languages, extent.rows);
    latest_submitted_by_wave_ = extent.latest_submitted_by_wave;
    for (std::size_t question = 0; question < extent.number_values.size(); ++question) {
        codebooks_[question].TruncateNumberValues(extent.number_values[question]);
    }
}

namespace {

constexpr ResponseField kDictionaryFields[] = {ResponseField::kWave, ResponseField::kEvent, ResponseField::kStation,
                                               ResponseField::kLanguage};
constexpr std::size_t kFieldSlots = 5;  // ResponseField's values, as indices into Columns' field vectors
constexpr std::uint8_t kLastStatus = static_cast<std::uint8_t>(ResponseStatus::kRefused);
constexpr std::uint8_t kLastMode = static_cast<std::uint8_t>(AnswerMode::kByPhone);

std::size_t Slot(ResponseField field) { return static_cast<std::size_t>(field); }

// The first thing wrong with columns read from a file, or "" when they fit `survey`.
std::string ColumnsShapeProblem(const Survey& survey, const EncodedResponses::Columns& columns) {
    const std::size_t rows = columns.statuses.size();
    if (columns.modes.size() != rows) return "the answer-mode column has the wrong length";
    for (const std::uint8_t status : columns.statuses) {
        if (status > kLastStatus) return "a status code is out of range";
    }
    for (const std::uint8_t mode : columns.modes) {
        if (mode > kLastMode) return "an answer-mode code is out of range";
    }
    if (columns.field_values.size() != kFieldSlots || columns.field_codes.size() != kFieldSlots) {
        return "the response fields are missing";
    }
    for (const ResponseField field : kDictionaryFields) {
        const auto& codes = columns.field_codes[Slot(field)];
        const std::size_t values = columns.field_values[Slot(field)].size();
        if (codes.size() != rows) return "a response-field column has the wrong length";
        for (const std::uint32_t code : codes) {
            if (code >= values) return "a response-field code is out of range";
        }
    }
    if (columns.latest_submitted_by_wave.size() > columns.field_values[Slot(ResponseField::kWave)].size()) {
        return "the wave dates do not match the waves";
    }
    if (columns.answer_codes.size() != survey.questions.size() ||
        columns.number_values.size() != survey.questions.size()) {
        return "the columns do not match the survey's questions";
    }
    for (std::size_t question = 0; question < survey.questions.size(); ++question) {
        if (columns.answer_codes[question].size() != rows) return "an answer column has the wrong length";
        if (!columns.number_values[question].empty() && survey.questions[question].kind != QuestionKind::kNumber) {
            return "a question that takes no number has number values";
        }
    }
    return {};
}

}  // namespace

EncodedResponses::Columns EncodedResponses::ToColumns() const {
    Columns columns;
    columns.statuses = statuses_;
    columns.modes = modes_;
    columns.field_values.resize(kFieldSlots);
    columns.field_codes.resize(kFieldSlots);
    for (const ResponseField field : kDictionaryFields) {
        columns.field_values[Slot(field)] = DictionaryFor(field).values;
        columns.field_codes[Slot(field)] = DictionaryFor(field).column;
    }
    columns.latest_submitted_by_wave = latest_submitted_by_wave_;
    columns.answer_codes = answer_codes_;
    for (const QuestionCodebook& codebook : codebooks_) columns.number_values.push_back(codebook.NumberValues());
    return columns;
}

Result<EncodedResponses> EncodedResponses::FromColumns(Survey survey, Columns columns) {
    const std::string shape = ColumnsShapeProblem(survey, columns);
    if (!shape.empty()) return Result<EncodedResponses>::Failure(shape);
    EncodedResponses encoded(std::move(survey));
    try {
        for (std::size_t question = 0; question < encoded.codebooks_.size(); ++question) {
            QuestionCodebook& codebook = encoded.codebooks_[question];
            const Question& asked = encoded.survey_.questions[question];
            for (const std::int32_t value : columns.number_values[question]) {
                if (value < asked.min_value || value > asked.max_value) {
                    return Result<EncodedResponses>::Failure("a number answer is outside its question's range");
                }
                const std::size_t known = codebook.NumberValues().size();
                codebook.NumberCode(value);
                if (codebook.NumberValues().size() == known) {
                    return Result<EncodedResponses>::Failure("a number value is listed twice");
                }
            }
            for (const std::uint16_t code : columns.answer_codes[question]) {
                if (code >= codebook.CodeCount()) {
                    return Result<EncodedResponses>::Failure("an answer code of question " + Quoted(asked.id) +
                                                             " is out of range");
                }
            }
        }
    } catch (const EncodingError& error) {
        return Result<EncodedResponses>::Failure(error.what());
    }
    for (const ResponseField field : kDictionaryFields) {
        Dictionary& dictionary = encoded.DictionaryFor(field);
        dictionary.values = std::move(columns.field_values[Slot(field)]);
        for (std::uint32_t code = 0; code < dictionary.values.size(); ++code) {
            if (!dictionary.codes.emplace(dictionary.values[code], code).second) {
                return Result<EncodedResponses>::Failure("a response-field value is listed twice");
            }
        }
        dictionary.column = std::move(columns.field_codes[Slot(field)]);
    }
    encoded.statuses_ = std::move(columns.statuses);
    encoded.modes_ = std::move(columns.modes);
    encoded.latest_submitted_by_wave_ = std::move(columns.latest_submitted_by_wave);
    encoded.latest_submitted_by_wave_.resize(encoded.waves_.values.size(), 0);
    encoded.answer_codes_ = std::move(columns.answer_codes);
    return Result<EncodedResponses>::Success(std::move(encoded));
}

void EncodedResponses::Append(const EncodedResponses& other) {
    if (other.survey_.id != survey_.id || other.survey_.version != survey_.version) {
        throw std::logic_error("appending encoded responses of another survey");
    }
    const std::size_t first_row = RowCount();
    statuses_.insert(statuses_.end(), other.statuses_.begin(), other.statuses_.end());
    modes_.insert(modes_.end(), other.modes_.begin(), other.modes_.end());
    for (const ResponseField field : kDictionaryFields) {
        Dictionary& mine = DictionaryFor(field);
        const Dictionary& theirs = other.DictionaryFor(field);
        std::vector<std::uint32_t> translated;
        translated.reserve(theirs.values.size());
        for (const std::string& value : theirs.values) {
            const auto found = mine.codes.emplace(value, static_cast<std::uint32_t>(mine.values.size()));
            if (found.second) mine.values.push_back(value);
            translated.push_back(found.first->second);
        }
        mine.column.reserve(mine.column.size() + theirs.column.size());
        for (const std::uint32_t code : theirs.column) mine.column.push_back(translated[code]);
        if (field != ResponseField::kWave) continue;
        latest_submitted_by_wave_.resize(mine.values.size(), 0);
        for (std::size_t code = 0; code < other.latest_submitted_by_wave_.size(); ++code) {
            std::int64_t& latest = latest_submitted_by_wave_[translated[code]];
            latest = std::max(latest, other.latest_submitted_by_wave_[code]);
        }
    }
    for (std::size_t question = 0; question < answer_codes_.size(); ++question) {
        std::vector<std::uint16_t>& column = answer_codes_[question];
        const std::vector<std::uint16_t>& incoming = other.answer_codes_[question];
        column.insert(column.end(), incoming.begin(), incoming.end());
        QuestionCodebook& codebook = codebooks_[question];
        const std::vector<std::int32_t>& their_values = other.codebooks_[question].NumberValues();
        if (their_values.empty()) continue;
        std::vector<std::uint16_t> translated;
        for (const std::int32_t value : their_values) translated.push_back(codebook.NumberCode(value));
        const std::uint16_t base = codebook.ValueBase();
        for (std::size_t row = first_row; row < column.size(); ++row) {
            if (column[row] >= base) column[row] = translated[column[row] - base];
        }
    }
}

Result<EncodedResponses> EncodedResponses::FromResponses(const Survey& survey,
                                                         const std::vector<Response>& responses) {
    EncodedResponses encoded(survey);
    std::vector<Problem> problems;
    for (const Response& response : responses) {
        if (auto problem = encoded.Add(response)) problems.push_back(std::move(*problem));
    }
    if (!problems.empty()) return Result<EncodedResponses>::Failure(std::move(problems));
    return Result<EncodedResponses>::Success(std::move(encoded));
}

}  // namespace yousaid
