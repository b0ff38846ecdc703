#include "core/responses/response_csv.h"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/base/text.h"
#include "core/responses/answer_checking.h"
#include "core/io/csv.h"
#include "core/responses/response_set.h"
#include "core/crypto/sha256.h"
#include "core/responses/transfer_file.h"

namespace yousaid {

namespace {

// The fixed columns, in the order the writer puts them.
constexpr const char* kResponseIdColumn = "response_id";
constexpr const char* kSurveyIdColumn = "survey_id";
constexpr const char* kSurveyVersionColumn = "survey_version";
constexpr const char* kWaveColumn = "wave";
constexpr const char* kStatusColumn = "status";
constexpr const char* kAnswerModeColumn = "answer_mode";
constexpr const char* kStationIdColumn = "station_id";
constexpr const char* kEventIdColumn = "event_id";
constexpr const char* kLanguageColumn = "language";
constexpr const char* kStartedAtColumn = "started_at";
constexpr const char* kSubmittedAtColumn = "submitted_at";

const std::vector<std::string>& FixedColumns() {
    static const std::vector<std::string> columns = {
        kResponseIdColumn, kSurveyIdColumn, kSurveyVersionColumn, kWaveColumn,     kStatusColumn,
        kAnswerModeColumn, kStationIdColumn, kEventIdColumn,     kLanguageColumn, kStartedAtColumn,
        kSubmittedAtColumn,
    };
    return columns;
}

constexpr const char* kBeforeSuffix = ".before";
constexpr const char* kNowSuffix = ".now";

// Spreadsheets put an apostrophe in front of a cell to keep it text, and our writer does
// the same against formula injection: one leading apostrophe is never part of the value.
// Returns whether there was one.
bool StripTextMarker(std::string_view& cell) {
    if (!cell.empty() && cell.front() == '\'') {
        cell.remove_prefix(1);
        return true;
    }
    return false;
}

// Question::FindOption for a cell's text, which need not be copied into a string to look it up.
const Option* FindOptionInCell(const Question& question, std::string_view option_id) {
    for (const Option& option : question.options) {
        if (option.id == option_id) return &option;
    }
    return nullptr;
}

bool IsNonSubstantiveOption(const Question& question, std::string_view option_id) {
    const Option* option = FindOptionInCell(question, option_id);
    return option != nullptr && !option->IsSubstantive();
}

std::string JoinOptionIds(const Question& question) {
    std::string joined;
    for (const Option& option : question.options) {
        if (!joined.empty()) joined += ", ";
        joined += option.id;
    }
    return joined;
}

// What one column of the file holds.
struct ColumnRole {
    enum class Kind { kFixed, kQuestion, kBefore, kNow, kIgnored } kind = Kind::kIgnored;
    std::string fixed_name;               // kFixed
    const Question* question = nullptr;   // kQuestion, kBefore, kNow
    std::string header;                   // as written in the file
};

// Splits "question 'id': rest" (the way CheckAnswer and CheckAnswerSet start their
// messages) into the column it concerns and the rest, so the officer sees the column.
std::pair<std::string, std::string> AttributeToColumn(const std::string& message, const Survey& survey) {
    static const std::string kPrefix = "question '";
    if (message.compare(0, kPrefix.size(), kPrefix) != 0) return {std::string(), message};
    const std::size_t end = message.find("': ", kPrefix.size());
    if (end == std::string::npos) return {std::string(), message};
    const std::string question_id = message.substr(kPrefix.size(), end - kPrefix.size());
    std::string rest = message.substr(end + 3);
    const Question* question = survey.FindQuestion(question_id);
    std::string column = question_id;
    if (question != nullptr && question->kind == QuestionKind::kBeforeAndNow) {
        if (rest.compare(0, 8, "before: ") == 0) {
            column += kBeforeSuffix;
            rest = rest.substr(8);
        } else if (rest.compare(0, 5, "now: ") == 0) {
            column += kNowSuffix;
            rest = rest.substr(5);
        }
    }
    return {column, rest};
}

// What a text answer must look like in a cell so that it reads back as the same text: a
// leading apostrophe marks it as literal text when it would otherwise start a formula,
// lose its own leading apostrophe, or read as "(skipped)" or as one of the question's
// non-substantive options.
std::string TextCellFor(const Question& question, const std::string& text) {
    const std::string neutralised = NeutraliseCsvText(text);
    if (neutralised.size() == text.size() + 1 && neutralised.front() == '\'') return neutralised;
    if ((!text.empty() && text.front() == '\'') || text == kCsvSkippedCell ||
        IsNonSubstantiveOption(question, text)) {
        return "'" + text;
    }
    return text;
}

}  // namespace

std::string ResponseCsvReadResult::ProblemsText(const std::string& file_name) const {
    std::string text;
    for (const Problem& problem : problems) {
        text += file_name + ": " + problem.ToString() + "\n";
    }
    if (more_problems > 0) text += file_name + ": ... and " + FormatCount(more_problems) + " more problems\n";
    return text;
}

std::vector<std::string> ResponseCsvColumns(const Survey& survey) {
    std::vector<std::string> columns = FixedColumns();
    for (const Question& question : survey.questions) {
        if (question.kind == QuestionKind::kBeforeAndNow) {
            columns.push_back(question.id + kBeforeSuffix);
            columns.push_back(question.id + kNowSuffix);
        } else {
            columns.push_back(question.id);
        }
    }
    return columns;
}

std::string WriteResponsesCsv(const Survey& survey, const std::vector<Response>& responses) {
    CsvWriter writer;
    writer.WriteTextRow(ResponseCsvColumns(survey));
    const auto time_cell = [](std::int64_t milliseconds) {
        return milliseconds == 0 || !IsPlausibleTime(milliseconds) ? CsvCell::Empty()
                                                                    : CsvCell::Text(FormatIso8601Utc(milliseconds));
    };
    // Free text (wave, station, event) gets the same apostrophe rule as text answers.
    const auto free_text_cell = [](const std::string& text) {
        const std::string neutralised = NeutraliseCsvText(text);
        if (neutralised.size() == text.size() + 1 && neutralised.front() == '\'') return CsvCell::Text(text);
        return CsvCell::Text(!text.empty() && text.front() == '\'' ? "'" + text : text);
    };
    for (const Response& response : responses) {
        if (response.survey_id != survey.id || response.survey_version != survey.version) continue;
        std::vector<CsvCell> cells;
        cells.push_back(CsvCell::Text(response.id.ToHex()));
        cells.push_back(CsvCell::Text(response.survey_id));
        cells.push_back(CsvCell::Integer(response.survey_version));
        cells.push_back(free_text_cell(response.wave));
        cells.push_back(CsvCell::Text(ResponseStatusName(response.status)));
        cells.push_back(CsvCell::Text(AnswerModeName(response.answer_mode)));
        cells.push_back(free_text_cell(response.station_id));
        cells.push_back(free_text_cell(response.event_id));
        cells.push_back(free_text_cell(response.language));
        cells.push_back(time_cell(response.started_at_ms));
        cells.push_back(time_cell(response.submitted_at_ms));
        for (const Question& question : survey.questions) {
            const auto found = response.answers.find(question.id);
            const bool two_columns = question.kind == QuestionKind::kBeforeAndNow;
            if (found == response.answers.end()) {
                cells.push_back(CsvCell::Empty());
                if (two_columns) cells.push_back(CsvCell::Empty());
                continue;
            }
            const Answer& answer = found->second;
            switch (answer.kind) {
                case AnswerKind::kSkipped:
                case AnswerKind::kOption:
                case AnswerKind::kOptions:
                    cells.push_back(CsvCell::Text(DescribeAnswer(answer)));
                    // Before-and-now skipped or "don't know": the same cell in both columns.
                    if (two_columns) cells.push_back(CsvCell::Text(DescribeAnswer(answer)));
                    break;
                case AnswerKind::kInteger:
                    cells.push_back(CsvCell::Integer(answer.value));
                    if (two_columns) cells.push_back(CsvCell::Empty());
                    break;
                case AnswerKind::kText:
                    cells.push_back(CsvCell::Text(TextCellFor(question, answer.text)));
                    if (two_columns) cells.push_back(CsvCell::Empty());
                    break;
                case AnswerKind::kBeforeAndNow:
                    cells.push_back(CsvCell::Integer(answer.before));
                    cells.push_back(two_columns ? CsvCell::Integer(answer.now) : CsvCell::Empty());
                    break;
            }
        }
        writer.WriteRow(cells);
    }
    return writer.TakeBytes();
}

namespace {

// Header layout: which column holds what, from the header row, reporting (on row 1) every
// column that cannot be placed and every required one that is missing.
class ResponseCsvLayout {
public:
    using ReportProblem = std::function<void(std::uint32_t row, std::string column, std::string message)>;

    ResponseCsvLayout(const Survey& survey, const ResponseCsvOptions& options, ReportProblem report)
        : survey_(survey), options_(options), report_(std::move(report)) {}

    // False when the header is not usable (every reason reported).
    bool Map(const std::vector<std::string_view>& header) {
        std::set<std::string> ignored;
        for (const std::string& name : options_.ignore_columns) ignored.insert(NormaliseCsvColumnName(name));
        seen_.clear();
        named_width_ = 0;
        roles_.assign(header.size(), ColumnRole{});
        bool ok = true;
        for (std::size_t index = 0; index < header.size(); ++index) {
            const std::string name = NormaliseCsvColumnName(header[index]);
            ColumnRole& role = roles_[index];
            role.header = std::string(TrimSpaces(header[index]));
            if (name.empty()) continue;  // an unnamed column; its cells must stay empty (checked per row)
            named_width_ = index + 1;
            if (!seen_.emplace(name, index).second) {
                report_(1, role.header, "this column name appears more than once");
                ok = false;
                continue;
            }
            if (ignored.count(name) == 0 && !Classify(name, role)) ok = false;
        }
        return CheckRequiredColumns() && ok;
    }

    const std::vector<ColumnRole>& Roles() const { return roles_; }
    // The cells a row needs to reach every named column.
    std::size_t NamedWidth() const { return named_width_; }
    // The field that holds a column, by its normalised name; none when it is not in the header.
    std::optional<std::size_t> ColumnIndex(const std::string& name) const {
        const auto found = seen_.find(name);
        return found == seen_.end() ? std::nullopt : std::optional<std::size_t>(found->second);
    }

private:
    // Gives a named column its role; false (reported) when it has none.
    bool Classify(const std::string& name, ColumnRole& role) {
        if (std::find(FixedColumns().begin(), FixedColumns().end(), name) != FixedColumns().end()) {
            role.kind = ColumnRole::Kind::kFixed;
            role.fixed_name = name;
            return true;
        }
        if (const Question* question = survey_.FindQuestion(name)) {
            if (question->kind == QuestionKind::kBeforeAndNow) {
                report_(1, role.header,
                        "a before-and-now question takes two columns, " + name + kBeforeSuffix + " and " + name +
                            kNowSuffix);
                return false;
            }
            role.kind = ColumnRole::Kind::kQuestion;
            role.question = question;
            return true;
        }
        const std::size_t dot = name.rfind('.');
        if (dot != std::string::npos) {
            const Question* question = survey_.FindQuestion(name.substr(0, dot));
            const std::string suffix = name.substr(dot);
            if (question != nullptr && question->kind == QuestionKind::kBeforeAndNow &&
                (suffix == kBeforeSuffix || suffix == kNowSuffix)) {
                role.kind = suffix == kBeforeSuffix ? ColumnRole::Kind::kBefore : ColumnRole::Kind::kNow;
                role.question = question;
                return true;
            }
        }
        report_(1, role.header,
                "is neither a question of survey " + Quoted(survey_.id) + " (version " + std::to_string(survey_.version) +
                    ") nor one of the columns " + JoinFixedColumns() +
                    "; check the spelling, or list it among the columns to ignore");
        return false;
    }

    // wave and status, and both halves of a before-and-now question or neither.
    bool CheckRequiredColumns() {
        bool ok = true;
        for (const char* required : {kWaveColumn, kStatusColumn}) {
            if (seen_.count(required) == 0) {
                report_(1, "", std::string("the column ") + required + " is missing");
                ok = false;
            }
        }
        for (const Question& question : survey_.questions) {
            if (question.kind != QuestionKind::kBeforeAndNow) continue;
            const bool before = seen_.count(question.id + kBeforeSuffix) != 0;
            const bool now = seen_.count(question.id + kNowSuffix) != 0;
            if (before != now) {
                report_(1, "",
                        "the column " + question.id + (before ? kNowSuffix : kBeforeSuffix) + " is missing; " +
                            question.id + kBeforeSuffix + " and " + question.id + kNowSuffix + " go together");
                ok = false;
            }
        }
        return ok;
    }

    static std::string JoinFixedColumns() {
        std::string joined;
        for (const std::string& name : FixedColumns()) {
            if (!joined.empty()) joined += ", ";
            joined += name;
        }
        return joined;
    }

    const Survey& survey_;
    const ResponseCsvOptions& options_;
    ReportProblem report_;
    std::map<std::string, std::size_t> seen_;  // normalised name -> column
    std::size_t named_width_ = 0;
    std::vector<ColumnRole> roles_;
};

// Cell decoding: what one cell (or a before-and-now pair) says, put into the response, with
// a problem reported (by row and column) for every cell that cannot be read.
class ResponseCsvCells {
public:
    using ReportProblem = ResponseCsvLayout::ReportProblem;

    ResponseCsvCells(const Survey& survey, ReportProblem report) : survey_(survey), report_(std::move(report)) {}

    void ReadFixedCell(const ColumnRole& role, std::string_view cell, std::uint32_t row_number, Response& response,
                       bool& has_id, bool& has_status) {
        const std::string_view name = role.fixed_name;  // compared with each fixed column's name
        // Surrounding spaces are never meaningful here, and " 2025" must not become its own wave.
        StripTextMarker(cell);
        const std::string_view value = TrimSpaces(cell);
        if (name == kResponseIdColumn) {
            if (value.empty()) return;
            const auto id = ResponseId::FromHex(value);
            if (!id || id->IsNil()) {
                report_(row_number, role.header, "'" + std::string(value) + "' is not a response id (32 hex digits)");
                return;
            }
            response.id = *id;
            has_id = true;
        } else if (name == kSurveyIdColumn) {
            if (!value.empty() && value != survey_.id) {
                report_(row_number, role.header,
                        "the row is for survey '" + std::string(value) + "', but this import is for survey '" + survey_.id + "'");
            }
        } else if (name == kSurveyVersionColumn) {
            if (value.empty()) return;
            const auto version = ParseWholeNumber32(value);
            if (!version || *version != survey_.version) {
                report_(row_number, role.header,
                        "the row is for version " + std::string(value) + " of the survey, but this import is for version " +
                            std::to_string(survey_.version));
            }
        } else if (name == kWaveColumn) {
            response.wave = value;
        } else if (name == kStatusColumn) {
            if (value.empty()) return;
            has_status = true;  // filled in, even if wrongly: one problem per cell is enough
            const auto status = ParseResponseStatus(NormaliseCsvColumnName(value));
            if (!status) {
                report_(row_number, role.header, "'" + std::string(value) + "' is not a status; write complete, partial or refused");
                return;
            }
            response.status = *status;
        } else if (name == kAnswerModeColumn) {
            if (value.empty()) return;  // self
            const auto mode = ParseAnswerMode(NormaliseCsvColumnName(value));
            if (!mode) {
                report_(row_number, role.header,
                        "'" + std::string(value) + "' is not an answer mode; write self, helped_by_adult, on_behalf or by_phone");
                return;
            }
            response.answer_mode = *mode;
        } else if (name == kStationIdColumn) {
            response.station_id = value;
        } else if (name == kEventIdColumn) {
            response.event_id = value;
        } else if (name == kLanguageColumn) {
            if (!value.empty()) response.language = value;
        } else if (name == kStartedAtColumn || name == kSubmittedAtColumn) {
            if (value.empty()) return;
            const auto time = ParseIso8601Utc(value, true);
            if (!time || !IsPlausibleTime(*time)) {
                report_(row_number, role.header,
                        "'" + std::string(value) + "' is not a date or time in the form 2026-03-14 or 2026-03-14T09:26:53Z (UTC)");
                return;
            }
            (name == kStartedAtColumn ? response.started_at_ms : response.submitted_at_ms) = *time;
        }
    }

    // One cell of a one-column question. Empty means "no answer"; the question decides
    // whether the cell is an option id, ids separated by ';', a whole number or text.
    void ReadQuestionCell(const Question& question, const std::string& column, std::string_view cell,
                          std::uint32_t row_number, Response& response) {
        const bool literal_text = StripTextMarker(cell);
        if (question.kind == QuestionKind::kShortText) {
            if (cell.empty() && !literal_text) return;
            if (!literal_text && cell == kCsvSkippedCell) {
                response.answers[question.id] = Answer::Skipped();
            } else if (!literal_text && IsNonSubstantiveOption(question, cell)) {
                response.answers[question.id] = Answer::Choice(std::string(cell));
            } else {
                response.answers[question.id] = Answer::Text(std::string(cell));
            }
            return;
        }
        // A view, not a copy: 100,000 rows of 30 cells each (bench_officer_import).
        const std::string_view value = TrimSpaces(cell);
        if (value.empty()) return;
        if (value == kCsvSkippedCell) {
            response.answers[question.id] = Answer::Skipped();
            return;
        }
        switch (question.kind) {
            case QuestionKind::kSingleChoice:
            case QuestionKind::kScale1To5:
            case QuestionKind::kYesSometimesNo:
                if (question.FindOption(value) == nullptr) {
                    report_(row_number, column,
                            "'" + std::string(value) + "' is not one of its options (" + JoinOptionIds(question) + ")");
                    return;
                }
                response.answers[question.id] = Answer::Choice(std::string(value));
                return;
            case QuestionKind::kMultipleChoice: {
                std::set<std::string> option_ids;
                std::size_t start = 0;
                while (start <= value.size()) {
                    const std::size_t end = std::min(value.find(';', start), value.size());
                    const std::string_view option_id = TrimSpaces(value.substr(start, end - start));
                    start = end + 1;
                    if (option_id.empty()) continue;
                    if (question.FindOption(option_id) == nullptr) {
                        report_(row_number, column,
                                "'" + std::string(option_id) + "' is not one of its options (" +
                                    JoinOptionIds(question) + "); separate several with ;");
                        return;
                    }
                    option_ids.emplace(option_id);
                }
                if (option_ids.empty()) return;
                response.answers[question.id] = Answer::Choices(std::move(option_ids));
                return;
            }
            case QuestionKind::kRating0To10:
            case QuestionKind::kNumber: {
                if (IsNonSubstantiveOption(question, value)) {
                    response.answers[question.id] = Answer::Choice(std::string(value));
                    return;
                }
                const auto number = ParseWholeNumber32(value);
                if (!number) {
                    report_(row_number, column, "'" + std::string(value) + "' is not a whole number");
                    return;
                }
                response.answers[question.id] = Answer::Integer(*number);
                return;
            }
            case QuestionKind::kShortText:
            case QuestionKind::kBeforeAndNow:
                break;  // handled elsewhere
        }
    }

    void ReadBeforeAndNow(const Question& question, std::string_view before_cell, std::string_view now_cell,
                          std::uint32_t row_number, Response& response) {
        StripTextMarker(before_cell);
        StripTextMarker(now_cell);
        const std::string before(TrimSpaces(before_cell));
        const std::string now(TrimSpaces(now_cell));
        const std::string before_column = question.id + kBeforeSuffix;
        const std::string now_column = question.id + kNowSuffix;
        if (before.empty() && now.empty()) return;
        const bool before_is_word = before == kCsvSkippedCell || IsNonSubstantiveOption(question, before);
        const bool now_is_word = now == kCsvSkippedCell || IsNonSubstantiveOption(question, now);
        if (before_is_word || now_is_word) {
            if (before != now) {
                report_(row_number, before_is_word ? now_column : before_column,
                        "'" + (before_is_word ? before : now) + "' must be in both " + before_column + " and " +
                            now_column);
                return;
            }
            response.answers[question.id] =
                before == kCsvSkippedCell ? Answer::Skipped() : Answer::Choice(before);
            return;
        }
        if (before.empty() || now.empty()) {
            report_(row_number, before.empty() ? before_column : now_column,
                    "is empty, but " + (before.empty() ? now_column : before_column) + " is not; fill both or neither");
            return;
        }
        const auto before_value = ParseWholeNumber32(before);
        const auto now_value = ParseWholeNumber32(now);
        if (!before_value) {
            report_(row_number, before_column, "'" + before + "' is not a whole number");
            return;
        }
        if (!now_value) {
            report_(row_number, now_column, "'" + now + "' is not a whole number");
            return;
        }
        response.answers[question.id] = Answer::BeforeAndNow(*before_value, *now_value);
    }

private:
    const Survey& survey_;
    ReportProblem report_;
};


}  // namespace

// Reads a file in passes over its bytes, none holding more than one row: the first checks
// that the whole file is CSV and maps the header (and notes whether any row lacks an id);
// the second, only then, takes the digest that generated ids come from; the last reads each
// row into a response and hands it on. So a file that is not CSV throughout is reported for
// that alone, before any row is read, as a reader holding the whole table would. Every pass
// goes a slice of rows at a time (Step), so that a page reading 100,000 rows keeps drawing.
class ResponseCsvReader {
public:
    ResponseCsvReader(std::string_view bytes, const Survey& survey, const ResponseCsvOptions& options)
        : survey_(survey),
          layout_(survey, options, [this](std::uint32_t row, std::string column, std::string message) {
              Report(row, std::move(column), std::move(message));
          }),
          cells_(survey, [this](std::uint32_t row, std::string column, std::string message) {
              Report(row, std::move(column), std::move(message));
          }),
          bytes_(bytes) {}

    // Up to `row_budget` rows of whichever pass is under way; true once the file is read.
    bool Step(std::size_t row_budget, const ResponseVisitor& visit) {
        if (!rows_) rows_.emplace(bytes_);
        std::size_t rows = 0;
        bool more = true;
        while (rows < row_budget && (more = rows_->Next())) {
            ++rows;
            switch (pass_) {
                case Pass::kScan: ScanRow(); break;
                case Pass::kDigest: DigestRow(); break;
                case Pass::kRows: ReadRow(visit); break;
                case Pass::kDone: break;
            }
        }
        if (more && rows == row_budget) return false;
        EndPass();
        return pass_ == Pass::kDone;
    }

    // From 0 to 1, over the passes this file needs.
    double Progress() const {
        if (pass_ == Pass::kDone) return 1.0;
        const double passes = needs_digest_ ? 3.0 : 2.0;
        const double done = pass_ == Pass::kScan ? 0.0 : (pass_ == Pass::kDigest || !needs_digest_) ? 1.0 : 2.0;
        const double within = rows_ && !bytes_.empty() ? static_cast<double>(rows_->Position()) / bytes_.size() : 0.0;
        return (done + within) / passes;
    }

    ResponseCsvReadResult Finish() {
        result_.ok = ProblemCount() == 0;
        if (!result_.ok) result_.generated_ids = 0;
        return std::move(result_);
    }

private:
    void Report(std::uint32_t row, std::string column, std::string message) {
        if (result_.problems.size() >= ResponseCsvReadResult::kMaxReported) {
            ++result_.more_problems;
            return;
        }
        result_.problems.push_back(Problem{"", row, "", std::move(column), std::move(message)});
    }

    std::size_t ProblemCount() const { return result_.problems.size() + result_.more_problems; }

    enum class Pass { kScan, kDigest, kRows, kDone };

    void ScanRow() {
        const std::vector<std::string_view>& fields = rows_->Fields();
        const bool blank = IsBlankCsvFields(fields);
        if (rows_->RowNumber() == 1) {
            header_blank_ = blank;
            if (!blank) header_mapped_ = layout_.Map(fields);
        } else if (!blank && header_mapped_ && !needs_digest_) {
            needs_digest_ = LacksId(fields);
        }
        has_content_ = has_content_ || !blank;
    }

    // A row whose id will be generated from the file's digest (as ReadFixedCell reads ids).
    bool LacksId(const std::vector<std::string_view>& fields) const {
        const std::optional<std::size_t> column = layout_.ColumnIndex(kResponseIdColumn);
        if (!column || *column >= fields.size()) return true;
        std::string_view cell = fields[*column];
        StripTextMarker(cell);
        return TrimSpaces(cell).empty();
    }

    void EndPass() {
        const std::optional<Problem> problem = rows_->problem();
        rows_.reset();
        switch (pass_) {
            case Pass::kScan:
                pass_ = ScanVerdict(problem) ? (needs_digest_ ? Pass::kDigest : Pass::kRows) : Pass::kDone;
                if (pass_ == Pass::kDigest) StartDigest();
                if (pass_ == Pass::kRows) rows_.emplace(bytes_), rows_->Next();  // past the header
                return;
            case Pass::kDigest:
                content_digest_ = digest_->Finish();
                pass_ = Pass::kRows;
                rows_.emplace(bytes_);
                rows_->Next();  // the header, mapped by the scan
                return;
            case Pass::kRows:
            case Pass::kDone:
                pass_ = Pass::kDone;
                return;
        }
    }

    // After the first pass: false (with the reason reported) when the file is not CSV
    // throughout, holds nothing, or has no usable header.
    bool ScanVerdict(const std::optional<Problem>& problem) {
        if (problem) {
            // Whatever the header had is beside the point when the file is not CSV throughout.
            result_.problems.assign(1, *problem);
            result_.more_problems = 0;
            return false;
        }
        if (!has_content_) {
            Report(0, "", "the file is empty");
            return false;
        }
        if (header_blank_) {
            Report(1, "", "should hold the column names but is blank");
            return false;
        }
        return header_mapped_;
    }

    void ReadRow(const ResponseVisitor& visit) {
        const std::vector<std::string_view>& fields = rows_->Fields();
        if (IsBlankCsvFields(fields)) return;
        ++data_row_ordinal_;
        const std::uint32_t row_number = rows_->RowNumber();
        std::optional<Response> response = ReadRow(fields, row_number, data_row_ordinal_);
        if (!response) return;
        const auto [existing, inserted] = rows_by_id_.emplace(response->id, row_number);
        if (!inserted) {
            Report(row_number, kResponseIdColumn,
                   "response " + response->id.ToHex() + " is also on row " + std::to_string(existing->second) +
                       "; each response must appear once");
            return;
        }
        // A file with a problem is not used at all, so nothing more of it is handed on.
        if (ProblemCount() == 0) visit(std::move(*response));
    }

    void StartDigest() {
        digest_.emplace();
        digest_->Update(std::string_view("yousaid-csv-response-id-v1\0", 27));
        digest_->Update(survey_.id);
        digest_->Update(std::string_view("\0", 1));
        rows_.emplace(bytes_);
    }

    void DigestRow() {
        if (!IsBlankCsvFields(rows_->Fields())) AddToContentDigest(*digest_, rows_->Fields());
    }

    // What the generated ids are derived from: the survey and every cell that is read (not
    // ignored columns), trimmed, with trailing empty cells and blank rows left out. So
    // re-saving the file (Excel changes quoting, line ends, BOM) keeps the ids; changing
    // any cell that is read changes them all. Taken once, when the first row needs it.
    const Sha256Digest& ContentDigest() {
        if (content_digest_) return *content_digest_;
        Sha256 digest;
        digest.Update(std::string_view("yousaid-csv-response-id-v1\0", 27));
        digest.Update(survey_.id);
        digest.Update(std::string_view("\0", 1));
        CsvRowReader rows(bytes_);
        while (rows.Next()) {
            if (!IsBlankCsvFields(rows.Fields())) AddToContentDigest(digest, rows.Fields());
        }
        content_digest_ = digest.Finish();
        return *content_digest_;
    }

    void AddToContentDigest(Sha256& digest, const std::vector<std::string_view>& row) {
        digest_cells_.clear();
        for (std::size_t index = 0; index < row.size() && index < layout_.Roles().size(); ++index) {
            digest_cells_.push_back(layout_.Roles()[index].kind == ColumnRole::Kind::kIgnored ? std::string_view()
                                                                                              : TrimSpaces(row[index]));
        }
        while (!digest_cells_.empty() && digest_cells_.back().empty()) digest_cells_.pop_back();
        for (const std::string_view cell : digest_cells_) {
            digest.Update(cell);
            digest.Update(std::string_view("\x1F", 1));  // unit separator
        }
        digest.Update(std::string_view("\x1E", 1));  // record separator
    }

    static ResponseId GeneratedId(const Sha256Digest& content, std::uint32_t data_row_ordinal) {
        Sha256 hash;
        hash.Update(content.data(), content.size());
        hash.Update("row " + std::to_string(data_row_ordinal));
        const Sha256Digest digest = hash.Finish();
        ResponseId id;
        for (std::size_t index = 0; index < 8; ++index) {
            id.high = (id.high << 8) | digest[index];
            id.low = (id.low << 8) | digest[index + 8];
        }
        return id;
    }

    std::optional<Response> ReadRow(const std::vector<std::string_view>& row, std::uint32_t row_number,
                                    std::uint32_t data_row_ordinal) {
        const std::size_t problems_before = ProblemCount();
        Response response;
        response.survey_id = survey_.id;
        response.survey_version = survey_.version;
        response.language = kEnglish;
        bool has_id = false;
        bool has_status = false;
        ReadCells(row, row_number, response, has_id, has_status);
        CheckRequiredCells(row.size(), row_number, has_status, !response.wave.empty());
        if (ProblemCount() != problems_before) return std::nullopt;

        if (!has_id) {
            response.id = GeneratedId(ContentDigest(), data_row_ordinal);
            ++result_.generated_ids;
        }
        for (const std::string& message : CheckResponse(survey_, response)) {
            auto [column, rest] = AttributeToColumn(message, survey_);
            Report(row_number, std::move(column), std::move(rest));
        }
        if (ProblemCount() != problems_before) return std::nullopt;
        return response;
    }

    // A before-and-now question's two cells, read together once the row is done.
    struct BeforeAndNowCells {
        const Question* question = nullptr;
        std::optional<std::string_view> before;
        std::optional<std::string_view> now;
    };

    BeforeAndNowCells& PairFor(const Question* question) {
        for (BeforeAndNowCells& pair : pairs_) {
            if (pair.question == question) return pair;
        }
        pairs_.push_back(BeforeAndNowCells{question, std::nullopt, std::nullopt});
        return pairs_.back();
    }

    void ReadCells(const std::vector<std::string_view>& row, std::uint32_t row_number, Response& response,
                   bool& has_id, bool& has_status) {
        pairs_.clear();
        for (std::size_t index = 0; index < row.size(); ++index) {
            const std::string_view cell = row[index];
            if (index >= layout_.Roles().size() || (layout_.Roles()[index].header.empty())) {
                if (!TrimSpaces(cell).empty()) {
                    Report(row_number, "",
                           "field " + std::to_string(index + 1) + " holds '" + std::string(cell) +
                               "' but its column has no name in row 1");
                }
                continue;
            }
            const ColumnRole& role = layout_.Roles()[index];
            switch (role.kind) {
                case ColumnRole::Kind::kIgnored:
                    break;
                case ColumnRole::Kind::kFixed:
                    cells_.ReadFixedCell(role, cell, row_number, response, has_id, has_status);
                    break;
                case ColumnRole::Kind::kQuestion:
                    cells_.ReadQuestionCell(*role.question, role.header, cell, row_number, response);
                    break;
                case ColumnRole::Kind::kBefore:
                    PairFor(role.question).before = cell;
                    break;
                case ColumnRole::Kind::kNow:
                    PairFor(role.question).now = cell;
                    break;
            }
        }
        // In the survey's order of questions (they live in one vector), whatever the columns' order.
        std::sort(pairs_.begin(), pairs_.end(), [](const BeforeAndNowCells& a, const BeforeAndNowCells& b) {
            return std::less<const Question*>()(a.question, b.question);
        });
        for (const BeforeAndNowCells& pair : pairs_) {
            cells_.ReadBeforeAndNow(*pair.question, pair.before.value_or(""), pair.now.value_or(""), row_number,
                                    response);
        }
    }

    // Every row needs its status and wave. When the row stops before their columns, the row
    // itself is what is wrong (cut short, or split by a line break in a cell without quotes),
    // and saying that the cells are empty would send the officer looking in the wrong place.
    void CheckRequiredCells(std::size_t cell_count, std::uint32_t row_number, bool has_status, bool has_wave) {
        const std::size_t width = layout_.NamedWidth();
        const auto beyond_row = [&](const char* column) {
            const std::optional<std::size_t> index = layout_.ColumnIndex(column);
            return index && *index >= cell_count;
        };
        if (cell_count < width && (beyond_row(kStatusColumn) || beyond_row(kWaveColumn))) {
            Report(row_number, "",
                   "has " + std::to_string(cell_count) + " of the " + std::to_string(width) +
                       " cells the header names (is it cut short, or split by a line break in a cell that is not "
                       "in quotes?)");
            return;
        }
        if (!has_status) Report(row_number, kStatusColumn, "is empty; write complete, partial or refused");
        if (!has_wave) Report(row_number, kWaveColumn, "is empty; every response needs its wave, e.g. 2025");
    }

    const Survey& survey_;
    ResponseCsvLayout layout_;
    ResponseCsvCells cells_;
    ResponseCsvReadResult result_;
    std::string_view bytes_;
    Pass pass_ = Pass::kScan;
    std::optional<CsvRowReader> rows_;  // the pass under way
    bool has_content_ = false;
    bool header_blank_ = false;
    bool header_mapped_ = false;
    bool needs_digest_ = false;
    std::optional<Sha256> digest_;
    std::uint32_t data_row_ordinal_ = 0;
    std::unordered_map<ResponseId, std::uint32_t, ResponseIdHash> rows_by_id_;
    std::optional<Sha256Digest> content_digest_;
    std::vector<BeforeAndNowCells> pairs_;         // reused from row to row
    std::vector<std::string_view> digest_cells_;  // reused from row to row
};

namespace {

}  // namespace

ResponseCsvStream::ResponseCsvStream(std::string_view bytes, const Survey& survey, const ResponseCsvOptions& options)
    : reader_(std::make_unique<ResponseCsvReader>(bytes, survey, options)) {}
ResponseCsvStream::~ResponseCsvStream() = default;
ResponseCsvStream::ResponseCsvStream(ResponseCsvStream&&) noexcept = default;
ResponseCsvStream& ResponseCsvStream::operator=(ResponseCsvStream&&) noexcept = default;

bool ResponseCsvStream::Step(std::size_t rows, const ResponseVisitor& visit) {
    done_ = done_ || reader_->Step(rows, visit);
    return done_;
}

double ResponseCsvStream::Progress() const { return reader_->Progress(); }

ResponseCsvReadResult ResponseCsvStream::Finish() { return reader_->Finish(); }

ResponseCsvReadResult ReadResponsesCsv(std::string_view bytes, const Survey& survey, const ResponseCsvOptions& options,
                                       const ResponseVisitor& visit) {
    ResponseCsvStream stream(bytes, survey, options);
    while (!stream.Step(std::numeric_limits<std::size_t>::max(), visit)) {
    }
    return stream.Finish();
}

ResponseCsvReadResult ReadResponsesCsv(std::string_view bytes, const Survey& survey, const ResponseCsvOptions& options) {
    std::vector<Response> responses;
    ResponseCsvReadResult result = ReadResponsesCsv(bytes, survey, options, [&responses](Response&& response) {
        responses.push_back(std::move(response));
    });
    if (result.ok) result.responses = std::move(responses);
    return result;
}

}  // namespace yousaid
