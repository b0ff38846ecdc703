#pragma once
// Bringing response files in: transfer files from tablets, JSON exports, CSV files of a
// baseline, and a device's response store copied off a tablet. One entry point detects the
// format, reads and checks the file, and judges each response against the known surveys;
// another merges the result into the officer's store and reports what happened.
//
// The rule for bad content (docs/transfer-format.md, "Importing"):
//   - Damage to the file as a whole (cut short, checksum mismatch, wrong format, newer
//     version) rejects the whole file with one clear reason, and nothing changes.
//   - A transfer or JSON file that is sound but holds a response that fails CheckResponse
//     (unknown survey, another survey version, an invalid answer) or cannot be read: that
//     response is listed under "rejected" with its reason, and the others go in. One
//     respondent's bad answer must not keep forty good responses out.
//   - A CSV file is all or nothing: it is typed by hand, so one bad cell usually means a
//     column is misunderstood; every problem is listed by row and column instead.
//   - The merge itself is atomic (ResponseStore::Merge): all the good responses or none.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/problem.h"
#include "core/responses/response.h"
#include "core/responses/response_csv.h"
#include "core/storage/response_store.h"
#include "core/survey/survey.h"
#include "core/responses/transfer_file.h"

namespace yousaid {

enum class ResponseFileFormat {
    kUnknown,
    kTransfer,       // a .yousaid transfer file
    kJson,           // a JSON export ("format": "yousaid-responses")
    kCsv,            // responses in the CSV layout of response_csv.h
    kResponseStore,  // a device's record log (YSLOG), copied off a tablet
};

const char* ResponseFileFormatName(ResponseFileFormat format);

// By content first (magic bytes, a JSON object), then by the name's extension (".csv"),
// then by content again (text with a comma in its first line is taken for CSV).
ResponseFileFormat DetectResponseFileFormat(std::string_view bytes, std::string_view file_name);

// A response left out of an import, and why.
struct RejectedResponse {
    std::string which;   // "response 0a1b2c..." or "response 12 in the file" when unreadable
    std::string reason;  // e.g. "question 'happiness': 11 is above the maximum 10"
};

struct ResponseLoadOptions {
    ResponseCsvOptions csv;
    // Responses to surveys not in the list given: false rejects them with a reason (an
    // officer's import); true leaves them out quietly and counts them in `other_surveys`
    // (a report on one survey reading files that also hold others).
    bool skip_other_surveys = false;
};

struct LoadedResponses {
    std::string file_name;  // without folders
    ResponseFileFormat format = ResponseFileFormat::kUnknown;
    // The file as a whole could be read (ok()). When not, `responses` is empty and
    // `problems` say why, each naming the file: a CSV file lists every problem by row and
    // column. When it could, `problems` holds what was tolerated (damage to a store file).
    bool file_read = false;
    TransferProblem transfer_problem = TransferProblem::kNone;  // transfer and JSON files
    std::vector<Problem> problems;
    std::uint64_t unlisted_problems = 0;  // a CSV file's problems beyond those in `problems`

    std::vector<Response> responses;        // read and valid
    std::vector<RejectedResponse> rejected; // read but invalid, or unreadable on their own
    std::uint64_t other_surveys = 0;        // with skip_other_surveys
    std::uint32_t generated_ids = 0;        // CSV rows whose id was derived from the content

    // Where the responses came from, when the file says (transfer and JSON files).
    std::string station_id;
    std::string event_id;
    std::int64_t exported_at_ms = 0;

    bool ok() const { return file_read; }
    // Why the file was refused, in one sentence that names it; empty when it was read.
    std::string Message() const;
    // Every problem as a line for a log or a CLI: the file problems, and each rejection.
    std::vector<std::string> ProblemLines() const;
};

// Reads and checks `bytes`. `surveys` are the surveys (ids and versions) the responses are
// judged against. Never throws.
LoadedResponses LoadResponsesFromBytes(std::string_view bytes, const std::string& file_name,
                                       const std::vector<Survey>& surveys, const ResponseLoadOptions& options = {});
LoadedResponses LoadResponsesFromFile(const std::string& path, const std::vector<Survey>& surveys,
                                      const ResponseLoadOptions& options = {});
// For a report on one survey: responses to other surveys are skipped quietly.
LoadedResponses LoadResponsesFromFile(const std::string& path, const Survey& survey,
                                      const ResponseCsvOptions& csv_options = {});

// The same, for files far larger than what is kept of them: each valid response goes to
// `accept` as soon as it is read and judged, and `responses` stays empty. Some checks need
// the whole file (a CSV file is all or nothing; a transfer file's counts are checked at its
// end), so when the result is !ok() whatever was accepted must be dropped.
LoadedResponses StreamResponsesFromBytes(std::string_view bytes, const std::string& file_name,
                                         const std::vector<Survey>& surveys, const ResponseLoadOptions& options,
                                         const ResponseVisitor& accept);
LoadedResponses StreamResponsesFromFile(const std::string& path, const std::vector<Survey>& surveys,
                                        const ResponseLoadOptions& options, const ResponseVisitor& accept);
LoadedResponses StreamResponsesFromFile(const std::string& path, const Survey& survey, const ResponseVisitor& accept,
                                        const ResponseCsvOptions& csv_options = {});

// A file read a slice at a time, for a page that must keep drawing while it imports
// 100,000 rows: a CSV file goes up to `rows` rows per Step (through each of its passes),
// any other format in one Step. Responses go to `accept` as StreamResponsesFromBytes hands
// them on, with the same rules (a CSV file refused at its end means dropping what was
// accepted). `bytes` and `surveys` must outlive it.
class ResponseFileReading {
public:
    ResponseFileReading(std::string_view bytes, const std::string& file_name, const std::vector<Survey>& surveys,
                        const ResponseLoadOptions& options = {});
    ~ResponseFileReading();
    ResponseFileReading(ResponseFileReading&&) noexcept;
    ResponseFileReading& operator=(ResponseFileReading&&) noexcept;

    // True once the file is read.
    bool Step(std::size_t rows, const ResponseVisitor& accept);
    // From 0 to 1.
    double Progress() const;
    // How many rows a CSV file has (header included), once a first pass over it has counted
    // them; 0 before then, or for other formats. For sizing what the rows go into.
    std::size_t CountedRows() const;
    LoadedResponses Finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

struct ImportReport {
    std::string file_name;
    ResponseFileFormat format = ResponseFileFormat::kUnknown;
    // The file was refused as a whole; nothing changed. Summary() says why.
    bool file_rejected = false;
    // The file was read but the store could not be written; nothing changed. The last of
    // `problems` says why.
    bool write_failed = false;
    std::vector<Problem> problems;        // as in LoadedResponses, then a failed write
    std::uint64_t unlisted_problems = 0;  // as in LoadedResponses

    std::uint64_t added = 0;
    std::uint64_t already_held = 0;  // equal responses held before (a file loaded twice)
    std::vector<MergeConflict> conflicts;
    std::vector<RejectedResponse> rejected;
    std::uint64_t other_surveys = 0;

    bool ChangedNothing() const { return added == 0; }
    // "tablet3.yousaid: 38 added, 2 already held, 1 conflict, 1 rejected", or the reason the
    // file was refused.
    std::string Summary() const;
    // The lines worth showing under Summary(): the problems it does not already say.
    std::vector<std::string> DetailLines() const;
};

// What the file itself says (its name, format, problems and rejected responses); the merge
// fills in what was added, already held or in conflict.
ImportReport ImportReportFor(const LoadedResponses& loaded);

// Merges what `loaded` holds into `store` by response id (ResponseStore::Merge).
ImportReport ImportIntoStore(ResponseStore& store, const LoadedResponses& loaded, std::int64_t imported_at_ms);
ImportReport ImportBytesIntoStore(ResponseStore& store, std::string_view bytes, const std::string& file_name,
                                  const std::vector<Survey>& surveys, std::int64_t imported_at_ms,
                                  const ResponseLoadOptions& options = {});
ImportReport ImportFileIntoStore(ResponseStore& store, const std::string& path, const std::vector<Survey>& surveys,
                                 std::int64_t imported_at_ms, const ResponseLoadOptions& options = {});

}  // namespace yousaid
