#pragma once
// Responses encoded once into dense integer columns, one per question, so that every table
// the officer asks for is a pass of counting over small integers rather than a walk over
// maps of strings. A 100,000-respondent wave becomes a few megabytes of uint16 codes.
//
// A question's column holds one code per respondent:
//   0                    no answer: the question was not shown, or the response left it out
//   1                    skipped: shown, and the respondent chose to move on
//   2 .. 2+options-1     the option at that index of Question::options (for every kind:
//                        numeric and text kinds keep their non-substantive options there)
//   2+options ...        the substantive answers of numeric kinds (see QuestionCodebook)
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include "core/base/problem.h"
#include "core/responses/response.h"
#include "core/survey/survey.h"

namespace yousaid {

inline constexpr std::uint16_t kNoAnswerCode = 0;
inline constexpr std::uint16_t kSkippedCode = 1;
inline constexpr std::uint16_t kFirstOptionCode = 2;

// How the codes of one question map to answers.
class QuestionCodebook {
public:
    QuestionCodebook() = default;
    explicit QuestionCodebook(const Question& question);

    QuestionKind kind() const { return kind_; }
    std::uint16_t OptionCode(std::size_t option_index) const {
        return static_cast<std::uint16_t>(kFirstOptionCode + option_index);
    }
    // The first code after the options: where substantive numeric answers start.
    std::uint16_t ValueBase() const { return value_base_; }
    // One past the largest code in use so far (number questions grow as values are seen).
    std::size_t CodeCount() const;

    // rating_0_10: ValueBase() + value (0..10).
    // before_and_now: ValueBase() + before * 11 + now.
    // multiple_choice: ValueBase() + 1 if the choices include a positive option, else + 0
    //   (analytics needs only that; a non-substantive choice uses its option code).
    // short_text: ValueBase() for any text.
    // number: ValueBase() + the value's index in NumberValues(), in order of first sight.
    std::uint16_t NumberCode(std::int32_t value);
    const std::vector<std::int32_t>& NumberValues() const { return number_values_; }
    // Forgets the values first seen after the first `count`.
    void TruncateNumberValues(std::size_t count);

private:
    QuestionKind kind_ = QuestionKind::kSingleChoice;
    std::uint16_t value_base_ = kFirstOptionCode;
    std::vector<std::int32_t> number_values_;
    std::unordered_map<std::int32_t, std::uint16_t> number_codes_;
};

// Fields of a response (not answers) that officers break figures down by.
enum class ResponseField : std::int32_t { kWave, kAnswerMode, kEvent, kStation, kLanguage };

// One thing figures can be broken down by: a question (usually a demographic one) or a
// field of the response itself.
struct DimensionField {
    std::string name;  // as reported: the question's `dimension`, its id, or the field name
    bool from_question = false;
    std::size_t question_index = 0;  // when from_question
    ResponseField response_field = ResponseField::kWave;
};

// Finds a breakdown by name, in this order: a question whose `dimension` is `name`
// (e.g. "school", "send_status"), a question whose id is `name` (any question answered
// with one option or one number, e.g. "school_type"), then the response fields "wave",
// "answer_mode", "event", "station" and "language". nullopt when nothing matches or the
// question cannot split respondents into groups (multiple choice, text, before-and-now).
std::optional<DimensionField> ResolveDimension(const Survey& survey, std::string_view name);
// Every name ResolveDimension accepts, for error messages and --help.
std::vector<std::string> KnownDimensionNames(const Survey& survey);
// The survey's own demographic dimensions ("school", "year_group"), the ones a report is
// usually broken down by; the first of KnownDimensionNames.
std::vector<std::string> DemographicDimensionNames(const Survey& survey);

// Group labels that are not option ids. Option ids are lowercase_with_underscores, so
// these can never collide with one.
inline constexpr const char* kNotAnsweredGroup = "(not answered)";  // skipped or not shown
inline constexpr const char* kNoValueGroup = "(none)";              // e.g. not at an event

class EncodedResponses {
public:
    explicit EncodedResponses(Survey survey);

    const Survey& survey() const { return survey_; }
    std::size_t RowCount() const { return statuses_.size(); }

    // Encodes one response; never throws on bad input. A problem naming the response and
    // the question (and nothing added) when the response is for another survey or version,
    // answers a question id the survey does not have, or an answer does not fit its question
    // (wrong kind, unknown option, value out of range). The importers check responses first,
    // so a problem here means a bug upstream, not something to paper over.
    [[nodiscard]] std::optional<Problem> Add(const Response& response);
    // Every response, or every problem Add found.
    static Result<EncodedResponses> FromResponses(const Survey& survey, const std::vector<Response>& responses);

    // How far the columns, dictionaries and codebooks reach. A source that turns out bad
    // after some of its responses were added (a CSV file is all or nothing, and is judged at
    // its end) is taken back whole with TruncateTo, leaving what it would be had the source
    // never been read.
    struct Extent {
        std::size_t rows = 0;
        std::size_t waves = 0;
        std::size_t events = 0;
        std::size_t stations = 0;
        std::size_t languages = 0;
        std::vector<std::int64_t> latest_submitted_by_wave;
        std::vector<std::size_t> number_values;  // by question
    };
    Extent CurrentExtent() const;
    // Forgets every respondent added since `extent` was taken.
    void TruncateTo(const Extent& extent);

    // The columns as plain data, to be kept in a file and read back (the officer store's
    // segments): what was encoded once is never encoded again.
    struct Columns {
        std::vector<std::uint8_t> statuses;
        std::vector<std::uint8_t> modes;
        // Indexed by ResponseField: kWave, (kAnswerMode unused), kEvent, kStation, kLanguage.
        std::vector<std::vector<std::string>> field_values;
        std::vector<std::vector<std::uint32_t>> field_codes;
        std::vector<std::int64_t> latest_submitted_by_wave;
        std::vector<std::vector<std::uint16_t>> answer_codes;  // by question
        std::vector<std::vector<std::int32_t>> number_values;  // by question

        template <class Archive>
        void serialize(Archive& archive, const std::uint32_t version) {
            if (version > kSerialVersion) throw cereal::Exception("encoded columns written by a newer version of Yousaid");
            archive(statuses, modes, field_values, field_codes, latest_submitted_by_wave, answer_codes, number_values);
        }
        static constexpr std::uint32_t kSerialVersion = 1;
    };
    Columns ToColumns() const;
    // The columns read back against the survey they were encoded with: a problem (and
    // nothing built) when any column is the wrong length or holds a code the survey's
    // questions cannot have, so a damaged file can never make a table read out of bounds.
    static Result<EncodedResponses> FromColumns(Survey survey, Columns columns);
    // Appends every respondent of `other` (the same survey id and version), translating its
    // wave, station, event, language and number codes into this one's.
    void Append(const EncodedResponses& other);

    // The bulk path, for importers and benchmarks that never build Response objects:
    // add a respondent, then set its answers by question and option index. Unset answers
    // stay kNoAnswerCode. Throws std::out_of_range / std::invalid_argument for indices or
    // values that do not fit (the caller built them, so that is a bug).
    std::size_t AddRespondent(std::string_view wave, ResponseStatus status,
                              AnswerMode mode = AnswerMode::kSelf, std::string_view event_id = {},
                              std::string_view station_id = {}, std::string_view language = "en",
                              std::int64_t submitted_at_ms = 0);
    void SetSkipped(std::size_t row, std::size_t question_index);
    // A single option: for single-answer option kinds, or a non-substantive option of any kind.
    void SetOption(std::size_t row, std::size_t question_index, std::size_t option_index);
    // Multiple choice with substantive options.
    void SetChoices(std::size_t row, std::size_t question_index, const std::vector<std::size_t>& option_indices);
    // rating_0_10 and number.
    void SetValue(std::size_t row, std::size_t question_index, std::int32_t value);
    void SetBeforeAndNow(std::size_t row, std::size_t question_index, std::int32_t before, std::int32_t now);
    void SetText(std::size_t row, std::size_t question_index);

    // Columns, one entry per respondent.
    const std::vector<std::uint16_t>& AnswerCodes(std::size_t question_index) const {
        return answer_codes_[question_index];
    }
    const QuestionCodebook& Codebook(std::size_t question_index) const { return codebooks_[question_index]; }
    ResponseStatus Status(std::size_t row) const { return static_cast<ResponseStatus>(statuses_[row]); }
    AnswerMode Mode(std::size_t row) const { return static_cast<AnswerMode>(modes_[row]); }

    // Dictionary-encoded text fields: FieldCodes(f)[row] indexes FieldValues(f).
    // kAnswerMode is not dictionary-encoded (use Mode()).
    const std::vector<std::uint32_t>& FieldCodes(ResponseField field) const;
    const std::vector<std::string>& FieldValues(ResponseField field) const;

    // The latest submission time seen in each wave (0 when none was recorded), indexed like
    // FieldValues(kWave): KPIs use it as the date a wave was measured.
    const std::vector<std::int64_t>& LatestSubmittedByWave() const { return latest_submitted_by_wave_; }

private:
    struct Dictionary {
        std::vector<std::string> values;
        std::unordered_map<std::string, std::uint32_t> codes;
        std::vector<std::uint32_t> column;
        void Append(std::string_view value);
        void Truncate(std::size_t value_count, std::size_t row_count);
    };

    Dictionary& DictionaryFor(ResponseField field);
    const Dictionary& DictionaryFor(ResponseField field) const;
    void CheckCell(std::size_t row, std::size_t question_index) const;
    // Each checks that the answer fits the question and returns its code.
    std::uint16_t EncodeAnswer(std::size_t question_index, const Answer& answer);
    std::uint16_t OptionAnswerCode(std::size_t question_index, std::size_t option_index);
    std::uint16_t ChoicesCode(std::size_t question_index, const std::vector<std::size_t>& option_indices) const;
    std::uint16_t ValueCode(std::size_t question_index, std::int32_t value);
    std::uint16_t BeforeAndNowCode(std::size_t question_index, std::int32_t before, std::int32_t now) const;
    std::uint16_t TextCode(std::size_t question_index) const;

    Survey survey_;
    std::vector<std::pair<std::string, std::size_t>> questions_by_id_;  // sorted, as AnswerMap is
    std::vector<QuestionCodebook> codebooks_;
    std::vector<std::vector<std::uint16_t>> answer_codes_;
    std::vector<std::uint8_t> statuses_;
    std::vector<std::uint8_t> modes_;
    Dictionary waves_;
    Dictionary events_;
    Dictionary stations_;
    Dictionary languages_;
    std::vector<std::int64_t> latest_submitted_by_wave_;
};

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::EncodedResponses::Columns, yousaid::EncodedResponses::Columns::kSerialVersion)
