#include "core/storage/response_import.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <set>
#include <utility>

#include "core/responses/answer_checking.h"
#include "core/io/csv.h"
#include "core/base/enum_names.h"
#include "core/base/file_io.h"
#include "core/responses/response_set.h"

namespace yousaid {

namespace {

std::string BaseName(const std::string& path) {
    try {
        const std::string name = std::filesystem::path(path).filename().string();
        return name.empty() ? path : name;
    } catch (const std::exception&) {
        return path;
    }
}

std::string_view Extension(std::string_view file_name) {
    const std::size_t dot = file_name.rfind('.');
    return dot == std::string_view::npos ? std::string_view() : file_name.substr(dot);
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t index = 0; index < a.size(); ++index) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[index]) != lower(b[index])) return false;
    }
    return true;
}

std::string_view SkipBomAndSpace(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' ||
                             text.front() == '\n')) {
        text.remove_prefix(1);
    }
    return text;
}

// Judges one response against the surveys: a reason when it must be rejected, "" when it
// is fine, and `other_survey` when it is for a survey not listed and those are skipped.
std::string JudgeResponse(const Response& response, const std::vector<Survey>& surveys, bool skip_other_surveys,
                          bool& other_survey) {
    other_survey = false;
    const Survey* same_id = nullptr;
    for (const Survey& survey : surveys) {
        if (survey.id != response.survey_id) continue;
        same_id = &survey;
        if (survey.version == response.survey_version) {
            std::string reasons;
            for (const std::string& problem : CheckResponse(survey, response)) {
                if (!reasons.empty()) reasons += "; ";
                reasons += problem;
            }
            if (!IsPlausibleTime(response.started_at_ms) || !IsPlausibleTime(response.submitted_at_ms)) {
                if (!reasons.empty()) reasons += "; ";
                reasons += "its start or submit time is not a plausible date";
            }
            return reasons;
        }
    }
    if (same_id == nullptr) {
        if (skip_other_surveys) {
            other_survey = true;
            return {};
        }
        return "it is for survey '" + response.survey_id + "', which is not known here";
    }
    std::string known;
    for (const Survey& survey : surveys) {
        if (survey.id != response.survey_id) continue;
        if (!known.empty()) known += ", ";
        known += std::to_string(survey.version);
    }
    return "it is for version " + std::to_string(response.survey_version) + " of survey '" + response.survey_id +
           "', but only version " + known + " is known here";
}

// Refuses the file as a whole, for `why`.
void Refuse(LoadedResponses& loaded, std::string why) {
    loaded.problems.push_back(Problem{loaded.file_name, 0, "", "", std::move(why)});
}

// Judges each response a reader hands on: a valid one goes on to `accept`; one for another
// survey is counted (or rejected), an invalid one listed in `rejected`.
ResponseVisitor JudgingVisitor(const std::vector<Survey>& surveys, const ResponseLoadOptions& options,
                               LoadedResponses& loaded, std::vector<RejectedResponse>& rejected,
                               const ResponseVisitor& accept) {
    return [&surveys, &options, &loaded, &rejected, &accept](Response&& response) {
        bool other_survey = false;
        const std::string reason = JudgeResponse(response, surveys, options.skip_other_surveys, other_survey);
        if (other_survey) {
            ++loaded.other_surveys;
        } else if (!reason.empty()) {
            rejected.push_back({"response " + response.id.ToHex(), reason});
        } else {
            accept(std::move(response));
        }
    };
}

// What a transfer file's or JSON export's reading says, into `loaded`: the file refused whole,
// or its station and event, and the responses that could not be read or were judged invalid.
void TakeTransferResult(const TransferReadResult& result, const std::vector<RejectedResponse>& judged_invalid,
                        LoadedResponses& loaded) {
    loaded.transfer_problem = result.problem;
    if (!result.ok()) {
        loaded.problems = result.problems;
        loaded.other_surveys = 0;
        return;
    }
    loaded.file_read = true;
    loaded.station_id = result.header.station_id;
    loaded.event_id = result.header.event_id;
    loaded.exported_at_ms = result.header.exported_at_ms;
    for (const Problem& unreadable : result.unreadable) {
        loaded.rejected.push_back({unreadable.path + " in the file",
                                   "it cannot be read: " + unreadable.message});
    }
    loaded.rejected.insert(loaded.rejected.end(), judged_invalid.begin(), judged_invalid.end());
}

TransferReading::Format TransferFormatOf(ResponseFileFormat format) {
    return format == ResponseFileFormat::kJson ? TransferReading::Format::kJson : TransferReading::Format::kTransferFile;
}

void LoadTransferOrJson(std::string_view bytes, const std::vector<Survey>& surveys, const ResponseLoadOptions& options,
                        LoadedResponses& loaded, const ResponseVisitor& accept) {
    std::vector<RejectedResponse> judged_invalid;
    const ResponseVisitor judging = JudgingVisitor(surveys, options, loaded, judged_invalid, accept);
    TakeTransferResult(loaded.format == ResponseFileFormat::kJson ? ReadResponsesJson(bytes, loaded.file_name, judging)
                                                                  : ReadTransferFile(bytes, loaded.file_name, judging),
                       judged_invalid, loaded);
}

}  // namespace

// Which survey a CSV file is for: the only one given, or the one its survey_id (and
// survey_version) columns name; read a slice of rows at a time.
class CsvSurveyChooser {
public:
    CsvSurveyChooser(std::string_view bytes, const std::vector<Survey>& surveys) : surveys_(surveys), rows_(bytes) {
        // With one survey or none, nothing needs reading.
        done_ = surveys.size() <= 1 || !rows_.Next();
        if (done_) return;
        const CsvHeader header = CsvHeader::Map(CsvRow(rows_.Fields().begin(), rows_.Fields().end()), {}, {});
        id_column_ = header.IndexOf("survey_id");
        version_column_ = header.IndexOf("survey_version");
    }

    // True once every row is read.
    bool Step(std::size_t row_budget) {
        for (std::size_t rows = 0; !done_ && rows < row_budget; ++rows) {
            if (!rows_.Next()) {
                done_ = true;
                break;
            }
            Note(id_column_, ids_);
            Note(version_column_, versions_);
        }
        return done_;
    }

    // Rows read so far (all of them, once Step has said so).
    std::size_t RowsRead() const { return rows_.RowNumber(); }

    double Progress(std::size_t file_size) const {
        return done_ || file_size == 0 ? 1.0 : static_cast<double>(rows_.Position()) / file_size;
    }

    // The survey, or nullptr with the reason in `why_not`.
    const Survey* Chosen(std::string& why_not) const {
        if (surveys_.size() == 1) return &surveys_.front();
        if (surveys_.empty()) {
            why_not = "no survey is known to read it with";
            return nullptr;
        }
        // A file that is not CSV throughout, or has no rows: the reader reports the problem.
        if (rows_.problem() || rows_.RowNumber() == 0) return &surveys_.front();
        if (ids_.size() != 1) {
            why_not = ids_.empty() ? "it does not say which survey it is for; fill in a survey_id column"
                                   : "it mixes several surveys in its survey_id column; put each survey in its own file";
            return nullptr;
        }
        std::vector<const Survey*> candidates;
        for (const Survey& survey : surveys_) {
            if (survey.id == *ids_.begin()) candidates.push_back(&survey);
        }
        if (candidates.empty()) {
            why_not = "it is for survey '" + *ids_.begin() + "', which is not known here";
            return nullptr;
        }
        if (candidates.size() == 1) return candidates.front();
        if (versions_.size() == 1) {
            for (const Survey* survey : candidates) {
                if (std::to_string(survey->version) == *versions_.begin()) return survey;
            }
        }
        why_not = "several versions of survey '" + *ids_.begin() + "' are known; fill in a survey_version column";
        return nullptr;
    }

private:
    void Note(const std::optional<std::size_t>& column, std::set<std::string, std::less<>>& seen) {
        if (!column || *column >= rows_.Fields().size()) return;
        const std::string_view cell = rows_.Fields()[*column];
        if (!cell.empty() && seen.find(cell) == seen.end()) seen.emplace(cell);
    }

    const std::vector<Survey>& surveys_;
    CsvRowReader rows_;
    bool done_ = false;
    std::optional<std::size_t> id_column_;
    std::optional<std::size_t> version_column_;
    std::set<std::string, std::less<>> ids_;
    std::set<std::string, std::less<>> versions_;
};

namespace {

// A CSV file's reading, as the import reports it.
void NoteCsvResult(ResponseCsvReadResult read, LoadedResponses& loaded) {
    if (!read.ok) {
        for (Problem& problem : read.problems) {
            problem.file = loaded.file_name;
            loaded.problems.push_back(std::move(problem));
        }
        // Always at least one problem: a refusal the reader did not explain still says so.
        if (loaded.problems.empty() && read.more_problems == 0) Refuse(loaded, "the file could not be read");
        loaded.unlisted_problems = read.more_problems;
        return;
    }
    loaded.file_read = true;
    loaded.generated_ids = read.generated_ids;
}

void LoadCsv(std::string_view bytes, const std::vector<Survey>& surveys, const ResponseLoadOptions& options,
             LoadedResponses& loaded, const ResponseVisitor& accept) {
    CsvSurveyChooser chooser(bytes, surveys);
    while (!chooser.Step(std::numeric_limits<std::size_t>::max())) {
    }
    std::string why_not;
    const Survey* survey = chooser.Chosen(why_not);
    if (survey == nullptr) {
        Refuse(loaded, why_not);
        return;
    }
    NoteCsvResult(ReadResponsesCsv(bytes, *survey, options.csv, accept), loaded);
}

void LoadStoreFile(const std::string& path, const std::vector<Survey>& surveys, const ResponseLoadOptions& options,
                   LoadedResponses& loaded, const ResponseVisitor& accept) {
    ResponseStore store;
    ResponseStoreOptions store_options;
    store_options.read_only = true;
    const ResponseStoreOpenReport report = store.Open(path, store_options);
    if (!report.ok) {
        Refuse(loaded, report.message.empty() ? report.Summary() : report.message);
        return;
    }
    loaded.file_read = true;
    // Whatever the log could not read is lost for this import, and worth saying.
    for (const Problem& problem : report.skipped_records) {
        loaded.rejected.push_back({problem.path + " in the file",
                                   "it cannot be read: " + problem.message});
    }
    if (report.log.HasDamage()) {
        loaded.problems.push_back(Problem{loaded.file_name, 0, "", "", report.log.Summary()});
    }
    std::vector<RejectedResponse> judged_invalid;
    const ResponseVisitor judge = JudgingVisitor(surveys, options, loaded, judged_invalid, accept);
    for (const Response& response : store.Responses()) judge(Response(response));
    loaded.rejected.insert(loaded.rejected.end(), judged_invalid.begin(), judged_invalid.end());
}

// In the officer's words: what happened to "the file", not the system's error text.
bool ReadResponseFile(const std::string& path, std::string& bytes, std::string& error) {
    FileReadResult file = ReadWholeFile(path, kMaxTransferFileBytes);
    switch (file.outcome) {
        case FileReadOutcome::kRead:
            bytes = std::move(file.bytes);
            return true;
        case FileReadOutcome::kMissing:
            error = "the file cannot be opened";
            return false;
        case FileReadOutcome::kTooBig:
            error = "the file is " +
                    (file.size_on_disk ? FormatCount(*file.size_on_disk) + " bytes"
                                       : "over " + FormatCount(kMaxTransferFileBytes) + " bytes") +
                    ", too big to be a response file";
            return false;
        case FileReadOutcome::kFailed:
            break;
    }
    error = "the file cannot be read";
    return false;
}

std::string TemporaryStorePath() {
    static std::atomic<unsigned> counter{0};
    std::error_code ignored;
    const std::filesystem::path directory = std::filesystem::temp_directory_path(ignored);
    return (directory / ("yousaid_import_" + std::to_string(counter++) + ".log")).string();
}

}  // namespace

namespace {

constexpr EnumNames<ResponseFileFormat, 5> kFormatNames{{
    {ResponseFileFormat::kUnknown, "unknown"},
    {ResponseFileFormat::kTransfer, "transfer file"},
    {ResponseFileFormat::kJson, "JSON export"},
    {ResponseFileFormat::kCsv, "CSV file"},
    {ResponseFileFormat::kResponseStore, "response store"},
}};

}  // namespace

// The names are string literals, so data() ends in a NUL.
const char* ResponseFileFormatName(ResponseFileFormat format) { return NameOf(kFormatNames, format).data(); }

ResponseFileFormat DetectResponseFileFormat(std::string_view bytes, std::string_view file_name) {
    if (!bytes.empty() && LooksLikeTransferFile(bytes)) return ResponseFileFormat::kTransfer;
    if (bytes.size() >= 6 && bytes.substr(0, 6) == std::string_view("YSLOG\0", 6)) {
        return ResponseFileFormat::kResponseStore;
    }
    const std::string_view text = SkipBomAndSpace(bytes);
    if (!text.empty() && text.front() == '{') return ResponseFileFormat::kJson;
    const std::string_view extension = Extension(file_name);
    if (EqualsIgnoringCase(extension, ".csv")) return ResponseFileFormat::kCsv;
    if (EqualsIgnoringCase(extension, kTransferFileExtension)) return ResponseFileFormat::kTransfer;
    if (EqualsIgnoringCase(extension, ".json")) return ResponseFileFormat::kJson;
    const std::size_t line_end = text.find_first_of("\r\n");
    if (text.substr(0, line_end).find(',') != std::string_view::npos) return ResponseFileFormat::kCsv;
    return ResponseFileFormat::kUnknown;
}

namespace {

// A CSV file refused for its cells is summed up as a count and the first problem, with every
// problem listed below; any other refusal is said whole in the summary.
bool RefusedForCells(ResponseFileFormat format, const std::vector<Problem>& problems, std::uint64_t unlisted) {
    return format == ResponseFileFormat::kCsv &&
           (unlisted > 0 || problems.size() > 1 || (!problems.empty() && problems.front().row > 0));
}

std::string RefusalSentence(const std::string& file_name, ResponseFileFormat format,
                            const std::vector<Problem>& problems, std::uint64_t unlisted) {
    if (!RefusedForCells(format, problems, unlisted)) {
        return problems.empty() ? file_name + ": the file could not be read" : DescribeProblems(problems);
    }
    const std::uint64_t count = problems.size() + unlisted;
    std::string first = "?";
    if (!problems.empty()) {
        Problem without_file = problems.front();
        without_file.file.clear();
        first = without_file.ToString();
    }
    return file_name + ": nothing was imported because of " + FormatCount(count) +
           (count == 1 ? " problem: " : " problems, the first: ") + first;
}

// Each problem as a line, then how many more a CSV file had.
std::vector<std::string> ListedLines(const std::string& file_name, const std::vector<Problem>& problems,
                                     std::uint64_t unlisted) {
    std::vector<std::string> lines;
    for (const Problem& problem : problems) lines.push_back(problem.ToString());
    if (unlisted > 0) lines.push_back(file_name + ": ... and " + FormatCount(unlisted) + " more problems");
    return lines;
}

}  // namespace

std::string LoadedResponses::Message() const {
    return ok() ? std::string() : RefusalSentence(file_name, format, problems, unlisted_problems);
}

std::vector<std::string> LoadedResponses::ProblemLines() const {
    std::vector<std::string> lines = ListedLines(file_name, problems, unlisted_problems);
    if (!ok()) return lines;
    for (const RejectedResponse& rejected_response : rejected) {
        lines.push_back(file_name + ": " + rejected_response.which + " rejected: " + rejected_response.reason);
    }
    return lines;
}

LoadedResponses LoadResponsesFromBytes(std::string_view bytes, const std::string& file_name,
                                       const std::vector<Survey>& surveys, const ResponseLoadOptions& options) {
    return KeepingResponses([&](const ResponseVisitor& accept) {
        return StreamResponsesFromBytes(bytes, file_name, surveys, options, accept);
    });
}

LoadedResponses StreamResponsesFromBytes(std::string_view bytes, const std::string& file_name,
                                         const std::vector<Survey>& surveys, const ResponseLoadOptions& options,
                                         const ResponseVisitor& accept) {
    LoadedResponses loaded;
    loaded.file_name = BaseName(file_name);
    try {
        loaded.format = DetectResponseFileFormat(bytes, loaded.file_name);
        switch (loaded.format) {
            case ResponseFileFormat::kTransfer:
            case ResponseFileFormat::kJson:
                LoadTransferOrJson(bytes, surveys, options, loaded, accept);
                break;
            case ResponseFileFormat::kCsv:
                LoadCsv(bytes, surveys, options, loaded, accept);
                break;
            case ResponseFileFormat::kResponseStore: {
                // RecordLog reads files, so the bytes go through a temporary copy.
                const std::string path = TemporaryStorePath();
                bool written = false;
                {
                    std::ofstream out(path, std::ios::binary | std::ios::trunc);
                    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
                    written = static_cast<bool>(out);
                }
                if (written) {
                    LoadStoreFile(path, surveys, options, loaded, accept);
                } else {
                    Refuse(loaded, "a temporary copy could not be written");
                }
                std::error_code ignored;
                std::filesystem::remove(path, ignored);
                break;
            }
            case ResponseFileFormat::kUnknown:
                loaded.transfer_problem = TransferProblem::kNotATransferFile;
                Refuse(loaded,
                       "this is not a Yousaid response file (a .yousaid transfer file, a JSON export or a CSV file)");
                break;
        }
    } catch (const std::exception& error) {
        // Nothing above should throw; if it does (out of memory), the file is refused whole.
        loaded = LoadedResponses{};
        loaded.file_name = BaseName(file_name);
        Refuse(loaded, std::string("the file could not be read (") + error.what() + ")");
    }
    return loaded;
}

LoadedResponses LoadResponsesFromFile(const std::string& path, const std::vector<Survey>& surveys,
                                      const ResponseLoadOptions& options) {
    return KeepingResponses(
        [&](const ResponseVisitor& accept) { return StreamResponsesFromFile(path, surveys, options, accept); });
}

LoadedResponses StreamResponsesFromFile(const std::string& path, const std::vector<Survey>& surveys,
                                        const ResponseLoadOptions& options, const ResponseVisitor& accept) {
    std::string bytes;
    std::string error;
    if (!ReadResponseFile(path, bytes, error)) {
        LoadedResponses loaded;
        loaded.file_name = BaseName(path);
        loaded.transfer_problem = TransferProblem::kCannotRead;
        Refuse(loaded, error);
        return loaded;
    }
    if (DetectResponseFileFormat(bytes, path) == ResponseFileFormat::kResponseStore) {
        // Read in place, never repaired: it is someone else's file.
        LoadedResponses loaded;
        loaded.file_name = BaseName(path);
        loaded.format = ResponseFileFormat::kResponseStore;
        try {
            LoadStoreFile(path, surveys, options, loaded, accept);
        } catch (const std::exception& caught) {
            loaded = LoadedResponses{};
            loaded.file_name = BaseName(path);
            Refuse(loaded, std::string("the file could not be read (") + caught.what() + ")");
        }
        return loaded;
    }
    return StreamResponsesFromBytes(bytes, path, surveys, options, accept);
}

namespace {

ResponseLoadOptions OneSurveyOptions(const ResponseCsvOptions& csv_options) {
    ResponseLoadOptions options;
    options.csv = csv_options;
    options.skip_other_surveys = true;
    return options;
}

}  // namespace

LoadedResponses LoadResponsesFromFile(const std::string& path, const Survey& survey,
                                      const ResponseCsvOptions& csv_options) {
    return LoadResponsesFromFile(path, std::vector<Survey>{survey}, OneSurveyOptions(csv_options));
}

LoadedResponses StreamResponsesFromFile(const std::string& path, const Survey& survey, const ResponseVisitor& accept,
                                        const ResponseCsvOptions& csv_options) {
    return StreamResponsesFromFile(path, std::vector<Survey>{survey}, OneSurveyOptions(csv_options), accept);
}

struct ResponseFileReading::State {
    std::string_view bytes;
    const std::vector<Survey>& surveys;
    ResponseLoadOptions options;
    LoadedResponses loaded;
    std::optional<CsvSurveyChooser> chooser;
    std::optional<ResponseCsvStream> csv;
    std::optional<TransferReading> transfer;
    std::vector<RejectedResponse> judged_invalid;  // of the transfer file or JSON export
    std::size_t counted_rows = 0;
    bool done = false;

    // Each Step: the format first; a CSV file, a transfer file or a JSON export then goes a
    // slice at a time, a station's response store whole.
    void Advance(std::size_t rows, const ResponseVisitor& accept) {
        if (!chooser && !csv && !transfer) {
            loaded.format = DetectResponseFileFormat(bytes, loaded.file_name);
            if (loaded.format == ResponseFileFormat::kTransfer || loaded.format == ResponseFileFormat::kJson) {
                transfer.emplace(TransferFormatOf(loaded.format), bytes, loaded.file_name);
                return;
            }
            if (loaded.format != ResponseFileFormat::kCsv) {
                loaded = StreamResponsesFromBytes(bytes, loaded.file_name, surveys, options, accept);
                done = true;
                return;
            }
            chooser.emplace(bytes, surveys);
        }
        if (transfer) {
            if (!transfer->Step(rows, JudgingVisitor(surveys, options, loaded, judged_invalid, accept))) return;
            TakeTransferResult(transfer->Finish(), judged_invalid, loaded);
            transfer.reset();
            done = true;
            return;
        }
        if (chooser) {
            if (!chooser->Step(rows)) return;
            std::string why_not;
            const Survey* survey = chooser->Chosen(why_not);
            counted_rows = chooser->RowsRead();
            chooser.reset();
            if (survey == nullptr) {
                Refuse(loaded, why_not);
                done = true;
                return;
            }
            csv.emplace(bytes, *survey, options.csv);
            return;
        }
        if (!csv->Step(rows, accept)) return;
        NoteCsvResult(csv->Finish(), loaded);
        done = true;
    }
};

ResponseFileReading::ResponseFileReading(std::string_view bytes, const std::string& file_name,
                                         const std::vector<Survey>& surveys, const ResponseLoadOptions& options)
    : state_(new State{bytes, surveys, options, {}, std::nullopt, std::nullopt, std::nullopt, {}, 0, false}) {
    state_->loaded.file_name = BaseName(file_name);
}

ResponseFileReading::~ResponseFileReading() = default;
ResponseFileReading::ResponseFileReading(ResponseFileReading&&) noexcept = default;
ResponseFileReading& ResponseFileReading::operator=(ResponseFileReading&&) noexcept = default;

bool ResponseFileReading::Step(std::size_t rows, const ResponseVisitor& accept) {
    State& state = *state_;
    if (state.done) return true;
    try {
        state.Advance(rows, accept);
    } catch (const std::exception& error) {
        // Nothing above should throw; if it does (out of memory), the file is refused whole.
        const std::string name = state.loaded.file_name;
        state.loaded = LoadedResponses{};
        state.loaded.file_name = name;
        Refuse(state.loaded, std::string("the file could not be read (") + error.what() + ")");
        state.chooser.reset();
        state.csv.reset();
        state.transfer.reset();
        state.done = true;
    }
    return state.done;
}

double ResponseFileReading::Progress() const {
    const State& state = *state_;
    if (state.done) return 1.0;
    // Choosing the survey is one quick pass; reading is the rest.
    if (state.chooser) return 0.1 * state.chooser->Progress(state.bytes.size());
    if (state.csv) return 0.1 + 0.9 * state.csv->Progress();
    if (state.transfer) return state.transfer->Progress();
    return 0.0;
}

std::size_t ResponseFileReading::CountedRows() const { return state_->counted_rows; }

LoadedResponses ResponseFileReading::Finish() { return std::move(state_->loaded); }

std::string ImportReport::Summary() const {
    if (write_failed && !problems.empty()) return problems.back().ToString();
    if (file_rejected) return RefusalSentence(file_name, format, problems, unlisted_problems);
    const auto plural = [](std::uint64_t count, const char* singular, const char* plural_form) {
        return FormatCount(count) + " " + (count == 1 ? singular : plural_form);
    };
    std::string text = file_name + ": " + FormatCount(added) + " added, " + FormatCount(already_held) +
                       " already held, " + plural(conflicts.size(), "conflict", "conflicts") + ", " +
                       FormatCount(rejected.size()) + " rejected";
    if (other_surveys > 0) text += ", " + plural(other_surveys, "response", "responses") + " to other surveys left out";
    return text;
}

std::vector<std::string> ImportReport::DetailLines() const {
    if (write_failed && !problems.empty()) {
        return ListedLines(file_name, {problems.begin(), problems.end() - 1}, unlisted_problems);
    }
    if (file_rejected && !RefusedForCells(format, problems, unlisted_problems)) return {};
    return ListedLines(file_name, problems, unlisted_problems);
}

ImportReport ImportReportFor(const LoadedResponses& loaded) {
    ImportReport report;
    report.file_name = loaded.file_name;
    report.format = loaded.format;
    report.other_surveys = loaded.other_surveys;
    report.problems = loaded.problems;
    report.unlisted_problems = loaded.unlisted_problems;
    report.file_rejected = !loaded.ok();
    if (loaded.ok()) report.rejected = loaded.rejected;
    return report;
}

ImportReport ImportIntoStore(ResponseStore& store, const LoadedResponses& loaded, std::int64_t imported_at_ms) {
    ImportReport report = ImportReportFor(loaded);
    if (report.file_rejected) return report;
    const StoreMergeResult merged = store.Merge(loaded.responses, loaded.file_name, imported_at_ms);
    if (!merged.ok) {
        report.write_failed = true;
        report.problems.push_back(Problem{loaded.file_name, 0, "", "", merged.message});
        return report;
    }
    report.added = merged.added.size();
    report.already_held = merged.already_held;
    report.conflicts = merged.conflicts;
    return report;
}

ImportReport ImportBytesIntoStore(ResponseStore& store, std::string_view bytes, const std::string& file_name,
                                  const std::vector<Survey>& surveys, std::int64_t imported_at_ms,
                                  const ResponseLoadOptions& options) {
    return ImportIntoStore(store, LoadResponsesFromBytes(bytes, file_name, surveys, options), imported_at_ms);
}

ImportReport ImportFileIntoStore(ResponseStore& store, const std::string& path, const std::vector<Survey>& surveys,
                                 std::int64_t imported_at_ms, const ResponseLoadOptions& options) {
    return ImportIntoStore(store, LoadResponsesFromFile(path, surveys, options), imported_at_ms);
}

}  // namespace yousaid
