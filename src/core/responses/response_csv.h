#pragma once
// Responses as a CSV file, one row per respondent: how last year's baseline, kept in a
// spreadsheet, comes into Yousaid, and how responses go out to one (layout and rules in
// docs/transfer-format.md, "Responses in a CSV file").
//
//   response_id, survey_id, survey_version, wave, status, answer_mode, station_id,
//   event_id, language, started_at, submitted_at, then one column per question id
//   (`<id>.before` and `<id>.now` for a before-and-now question).
//
// Only `wave` and `status` are required; every other column may be left out. Reading is
// all-or-nothing: one bad cell and no response is returned, with every problem named by its
// Excel row number and column, e.g. "row 7, field 'happiness': 11 is above the maximum 10".
//
// An empty `response_id` gets an id derived (SHA-256) from the file's content and the row's
// position, so importing the same file again never double-counts; see GenerateCsvResponseId.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/responses/response.h"
#include "core/survey/survey.h"

#include "core/base/problem.h"

namespace yousaid {

// A cell meaning "the respondent saw the question and skipped it", as opposed to an empty
// cell, which means "no answer" (not shown, or not asked in that year's survey).
inline constexpr std::string_view kCsvSkippedCell = "(skipped)";

struct ResponseCsvOptions {
    // Columns to leave out (e.g. a spreadsheet's own "notes"); any other column that is
    // not a known column or a question of the survey is an error.
    std::vector<std::string> ignore_columns;
};

struct ResponseCsvReadResult {
    bool ok = false;
    std::vector<Response> responses;  // every data row, or nothing when !ok (or when streamed)
    // Each with Excel's row number (the header is row 1; 0: the whole file) and the column's
    // name as in the header as its field (empty: the whole row), e.g. "row 7, field
    // 'happiness': 11 is above the maximum 10".
    std::vector<Problem> problems;
    std::uint32_t generated_ids = 0;  // rows whose response_id was empty
    std::uint32_t more_problems = 0;  // problems beyond the first kMaxReported, not listed

    // Every problem on its own line, each prefixed with `file_name`.
    std::string ProblemsText(const std::string& file_name) const;

    static constexpr std::size_t kMaxReported = 200;
};

// Reads responses to `survey` from CSV bytes (UTF-8 with or without a BOM, CRLF or LF, as
// Excel's "CSV UTF-8" writes). Every response gets survey.id and survey.version, and must
// pass CheckResponse.
ResponseCsvReadResult ReadResponsesCsv(std::string_view bytes, const Survey& survey,
                                       const ResponseCsvOptions& options = {});
// The same, one row at a time, for files far larger than what is kept of them: each response
// goes to `visit` as its row is read, until the first problem, and `responses` stays empty.
// The file is all or nothing, so when the result is !ok what was visited must be dropped.
ResponseCsvReadResult ReadResponsesCsv(std::string_view bytes, const Survey& survey, const ResponseCsvOptions& options,
                                       const ResponseVisitor& visit);

// ReadResponsesCsv a slice at a time, so that a page reading 100,000 rows keeps drawing:
// each Step reads up to `rows` rows of the pass under way (a file is read in two or three
// passes) and hands each response to `visit`; true once the file is read. Then Finish.
// `bytes` and `survey` must outlive the stream.
class ResponseCsvReader;
class ResponseCsvStream {
public:
    ResponseCsvStream(std::string_view bytes, const Survey& survey, const ResponseCsvOptions& options);
    ~ResponseCsvStream();
    ResponseCsvStream(ResponseCsvStream&&) noexcept;
    ResponseCsvStream& operator=(ResponseCsvStream&&) noexcept;

    bool Step(std::size_t rows, const ResponseVisitor& visit);
    // From 0 to 1, over the passes the file needs.
    double Progress() const;
    ResponseCsvReadResult Finish();

private:
    std::unique_ptr<ResponseCsvReader> reader_;
    bool done_ = false;
};

// The column names the writer uses for `survey`, in order.
std::vector<std::string> ResponseCsvColumns(const Survey& survey);

// Writes the responses to `survey` (same id and version; others are left out) in the layout
// ReadResponsesCsv reads, so that a written file reads back to equal responses. UTF-8 with
// a BOM and CRLF, text cells guarded against formula injection.
std::string WriteResponsesCsv(const Survey& survey, const std::vector<Response>& responses);

}  // namespace yousaid
