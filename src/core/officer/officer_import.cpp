#include "core/officer/officer_import.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "core/crypto/sha256.h"

namespace yousaid {

// The file's responses, judged as they are read, offered to a batch of the store; the batch
// is committed only when the file as a whole was read.
struct OfficerImportJob::State {
    OfficerStore& store;
    std::string file_name;
    std::string bytes;
    std::vector<Survey> surveys;
    OfficerStore::Batch batch;
    ImportReport report;
    bool done = false;
    // The file's SHA-256, worked out a slice per Step before the reading starts: in one go it
    // held the page for 400 ms on a 26 MB file (bench/workspace_scale.mjs).
    Sha256 hasher;
    std::size_t hashed = 0;
    std::optional<ResponseFileReading> reading;  // once the file is hashed
    // From the first sealed response a key unlocked here opens, the file's responses in its
    // order: offered once the file is read, a slice per Step, so that opening them does not
    // hold the page in one go, and the store's rows keep the file's order.
    std::vector<Response> to_open;
    std::size_t offered_to_open = 0;
    std::optional<LoadedResponses> read;  // the file as read, while `to_open` is offered
    // Once the file is read and judged: its segment written a stage per Step.
    std::optional<OfficerStore::Commitment> commitment;

    // Hashes up to about `rows` rows' worth of bytes; true once the whole file is hashed.
    bool HashSlice(std::size_t rows);

    void Offer(Response&& response) {
        if (!to_open.empty() || batch.Opens(response)) {
            to_open.push_back(std::move(response));
            return;
        }
        OfferNow(response);
    }

    void OfferNow(const Response& response) {
        const OfficerStore::Batch::Offered offered = batch.Offer(response);
        if (offered.problem) {
            report.rejected.push_back({"response " + response.id.ToHex(), offered.problem->message});
        } else if (offered.outcome == MergeOutcome::kConflict) {
            report.conflicts.push_back({response.id, "a different response with this id is already held"});
        }
    }

    void Finish(const LoadedResponses& loaded);
    void OpenStep(std::size_t rows);
    void CommitStep();
};

// Opening a sealed response costs about as much as reading eight rows of a file.
void OfficerImportJob::State::OpenStep(std::size_t rows) {
    constexpr std::size_t kRowsPerOpening = 8;
    const std::size_t end = std::min(to_open.size(), offered_to_open + std::max<std::size_t>(rows / kRowsPerOpening, 1));
    for (; offered_to_open < end; ++offered_to_open) OfferNow(to_open[offered_to_open]);
    if (offered_to_open < to_open.size()) return;
    to_open.clear();
    to_open.shrink_to_fit();
    Finish(*read);
    read.reset();
}

bool OfficerImportJob::State::HashSlice(std::size_t rows) {
    constexpr std::size_t kBytesPerRow = 512;
    const std::size_t slice = std::min(bytes.size() - hashed, std::max<std::size_t>(rows, 1) * kBytesPerRow);
    hasher.Update(std::string_view(bytes).substr(hashed, slice));
    hashed += slice;
    if (hashed < bytes.size()) return false;
    batch.File().sha256 = Sha256Hex(hasher.Finish());
    return true;
}

// Judges the file as read; a file that goes in then has its segment written by CommitStep.
void OfficerImportJob::State::Finish(const LoadedResponses& loaded) {
    ImportReport judged = ImportReportFor(loaded);
    // Responses the store could not take (an answer the encoding refuses) come after the
    // file's own rejections; none of it counts when the file was refused whole.
    if (!judged.file_rejected) {
        judged.rejected.insert(judged.rejected.end(), report.rejected.begin(), report.rejected.end());
        judged.conflicts = std::move(report.conflicts);
    }
    report = std::move(judged);
    if (report.file_rejected) {
        done = true;
        return;
    }
    ImportedFile& described = batch.File();
    described.file_name = loaded.file_name;
    described.format = ResponseFileFormatName(loaded.format);
    described.station_id = loaded.station_id;
    described.event_id = loaded.event_id;
    described.rejected = static_cast<std::uint32_t>(report.rejected.size());
    for (const ImportedSurveyCount& count : described.surveys) report.already_held += count.already_held;
    report.added = batch.Added();
    commitment.emplace(store.BeginCommit(std::move(batch)));
}

void OfficerImportJob::State::CommitStep() {
    if (!commitment->Step()) return;
    done = true;
    const Status committed = commitment->Outcome();
    commitment.reset();
    if (!committed.ok()) {
        report.write_failed = true;
        report.added = 0;
        report.problems.push_back(Problem{report.file_name, 0, "", "", "nothing was imported: " + committed.Message()});
    }
}

namespace {

// The file's SHA-256 is added once State::HashSlice has read all of it.
ImportedFile DescribeImport(std::int64_t imported_at_ms) {
    ImportedFile file;
    file.imported_at_ms = imported_at_ms;
    return file;
}

}  // namespace

OfficerImportJob::OfficerImportJob(OfficerStore& store, std::string file_name, std::string bytes,
                                   std::vector<Survey> surveys, std::int64_t imported_at_ms)
    : state_(new State{store, std::move(file_name), std::string(), std::move(surveys),
                       store.BeginBatch(DescribeImport(imported_at_ms)), {}, false, Sha256(), 0,
                       std::nullopt, {}, 0, std::nullopt, std::nullopt}) {
    state_->bytes = std::move(bytes);
}

OfficerImportJob::~OfficerImportJob() = default;
OfficerImportJob::OfficerImportJob(OfficerImportJob&&) noexcept = default;
OfficerImportJob& OfficerImportJob::operator=(OfficerImportJob&&) noexcept = default;

bool OfficerImportJob::Step(std::size_t rows) {
    State& state = *state_;
    if (state.done) return true;
    if (state.commitment) {
        state.CommitStep();
        return state.done;
    }
    if (state.read) {
        state.OpenStep(rows);
        return state.done;
    }
    if (!state.reading) {
        if (state.HashSlice(rows)) state.reading.emplace(state.bytes, state.file_name, state.surveys);
        return false;
    }
    const std::size_t counted = state.reading->CountedRows();
    if (state.reading->Step(rows, [&state](Response&& response) { state.Offer(std::move(response)); })) {
        LoadedResponses read = state.reading->Finish();
        state.reading.reset();
        // A file refused whole is not worth opening.
        if (read.ok() && !state.to_open.empty()) {
            state.read = std::move(read);
        } else {
            state.to_open.clear();
            state.Finish(read);
        }
    } else if (counted == 0 && state.reading->CountedRows() > 0) {
        state.batch.Expect(state.reading->CountedRows());
    }
    return state.done;
}

double OfficerImportJob::Progress() const {
    if (state_->done || state_->commitment) return 1.0;
    if (state_->read) return static_cast<double>(state_->offered_to_open) / static_cast<double>(state_->to_open.size());
    return state_->reading ? state_->reading->Progress() : 0.0;
}

bool OfficerImportJob::OpeningSealed() const { return state_->read.has_value(); }

bool OfficerImportJob::Committing() const { return state_->commitment.has_value(); }

const std::string& OfficerImportJob::FileName() const { return state_->file_name; }
const ImportReport& OfficerImportJob::Report() const { return state_->report; }

ImportReport ImportIntoOfficerStore(OfficerStore& store, std::string_view bytes, const std::string& file_name,
                                    const std::vector<Survey>& surveys, std::int64_t imported_at_ms) {
    OfficerImportJob job(store, file_name, std::string(bytes), surveys, imported_at_ms);
    while (!job.Step(10000)) {
    }
    return job.Report();
}

}  // namespace yousaid
