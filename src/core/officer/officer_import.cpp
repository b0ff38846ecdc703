#include "core/officer/officer_import.h"

#include <utility>

#include "core/crypto/sha256.h"

namespace yousaid {

ImportReport ImportIntoOfficerStore(OfficerStore& store, std::string_view bytes, const std::string& file_name,
                                    const std::vector<Survey>& surveys, std::int64_t imported_at_ms) {
    ImportedFile file;
    file.sha256 = Sha256Hex(ComputeSha256(bytes));
    file.imported_at_ms = imported_at_ms;
    OfficerStore::Batch batch = store.BeginBatch(std::move(file));
    ImportReport report;
    const LoadedResponses loaded =
        StreamResponsesFromBytes(bytes, file_name, surveys, ResponseLoadOptions{}, [&](Response&& response) {
            const OfficerStore::Batch::Offered offered = batch.Offer(response);
            if (offered.problem) {
                report.rejected.push_back({"response " + response.id.ToHex(), offered.problem->message});
            } else if (offered.outcome == MergeOutcome::kConflict) {
                report.conflicts.push_back({response.id, "a different response with this id is already held"});
            }
        });
    report.file_name = loaded.file_name;
    report.format = loaded.format;
    report.problems = loaded.problems;
    report.unlisted_problems = loaded.unlisted_problems;
    report.other_surveys = loaded.other_surveys;
    if (!loaded.ok()) {
        report.file_rejected = true;
        report.rejected.clear();
        report.conflicts.clear();
        return report;
    }
    report.rejected.insert(report.rejected.begin(), loaded.rejected.begin(), loaded.rejected.end());
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
    return report;
}

}  // namespace yousaid
