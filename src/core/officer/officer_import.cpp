#include "core/officer/officer_import.h"

#include <optional>
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
    std::optional<ResponseFileReading> reading;  // once the first Step has begun

    void Offer(Response&& response) {
        const OfficerStore::Batch::Offered offered = batch.Offer(response);
        if (offered.problem) {
            report.rejected.push_back({"response " + response.id.ToHex(), offered.problem->message});
        } else if (offered.outcome == MergeOutcome::kConflict) {
            report.conflicts.push_back({response.id, "a different response with this id is already held"});
        }
    }

    void Finish(const LoadedResponses& loaded);
};

void OfficerImportJob::State::Finish(const LoadedResponses& loaded) {
    done = true;
    ImportReport judged = ImportReportFor(loaded);
    // Responses the store could not take (an answer the encoding refuses) come after the
    // file's own rejections; none of it counts when the file was refused whole.
    if (!judged.file_rejected) {
        judged.rejected.insert(judged.rejected.end(), report.rejected.begin(), report.rejected.end());
        judged.conflicts = std::move(report.conflicts);
    }
    report = std::move(judged);
    if (report.file_rejected) return;
    ImportedFile& described = batch.File();
    described.file_name = loaded.file_name;
    described.format = ResponseFileFormatName(loaded.format);
    described.station_id = loaded.station_id;
    described.event_id = loaded.event_id;
    described.rejected = static_cast<std::uint32_t>(report.rejected.size());
    for (const ImportedSurveyCount& count : described.surveys) report.already_held += count.already_held;
    report.added = batch.Added();
    const Status committed = store.Commit(std::move(batch));
    if (!committed.ok()) {
        report.write_failed = true;
        report.added = 0;
        report.problems.push_back(Problem{loaded.file_name, 0, "", "", "nothing was imported: " + committed.Message()});
    }
}

namespace {

ImportedFile DescribeBytes(std::string_view bytes, std::int64_t imported_at_ms) {
    ImportedFile file;
    file.sha256 = Sha256Hex(ComputeSha256(bytes));
    file.imported_at_ms = imported_at_ms;
    return file;
}

}  // namespace

OfficerImportJob::OfficerImportJob(OfficerStore& store, std::string file_name, std::string bytes,
                                   std::vector<Survey> surveys, std::int64_t imported_at_ms)
    : state_(new State{store, std::move(file_name), std::string(), std::move(surveys),
                       store.BeginBatch(DescribeBytes(bytes, imported_at_ms)), {}, false, std::nullopt}) {
    state_->bytes = std::move(bytes);
}

OfficerImportJob::~OfficerImportJob() = default;
OfficerImportJob::OfficerImportJob(OfficerImportJob&&) noexcept = default;
OfficerImportJob& OfficerImportJob::operator=(OfficerImportJob&&) noexcept = default;

bool OfficerImportJob::Step(std::size_t rows) {
    State& state = *state_;
    if (state.done) return true;
    if (!state.reading) {
        state.reading.emplace(state.bytes, state.file_name, state.surveys);
        return false;
    }
    if (state.reading->Step(rows, [&state](Response&& response) { state.Offer(std::move(response)); })) {
        state.Finish(state.reading->Finish());
        state.reading.reset();
    }
    return state.done;
}

bool OfficerImportJob::Done() const { return state_->done; }

double OfficerImportJob::Progress() const {
    if (state_->done) return 1.0;
    return state_->reading ? state_->reading->Progress() : 0.0;
}

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
