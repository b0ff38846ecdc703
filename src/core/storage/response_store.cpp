#include "core/storage/response_store.h"

#include <algorithm>
#include <exception>
#include <limits>
#include <map>
#include <utility>

#include "core/io/checked_portable_binary.h"

namespace yousaid {

namespace {

// The envelope around every record. Its class version is the first thing in the payload
// after cereal's byte-order flag, so a reader can tell "newer than me" from "damaged".
struct StoreRecord {
    StoreRecordType type = StoreRecordType::kResponse;
    Response response;         // kResponse, kImportedResponse
    ExportMark export_mark;    // kExportMark
    std::uint64_t batch_id = 0;  // kImportedResponse
    ImportCommit commit;       // kImportCommit

    template <class Archive>
    void save(Archive& archive, const std::uint32_t /*version*/) const {
        archive(cereal::make_nvp("type", static_cast<std::uint32_t>(type)));
        switch (type) {
            case StoreRecordType::kResponse:
                archive(cereal::make_nvp("response", response));
                break;
            case StoreRecordType::kExportMark:
                archive(cereal::make_nvp("export_mark", export_mark));
                break;
            case StoreRecordType::kImportedResponse:
                archive(cereal::make_nvp("batch_id", batch_id), cereal::make_nvp("response", response));
                break;
            case StoreRecordType::kImportCommit:
                archive(cereal::make_nvp("commit", commit));
                break;
        }
    }

    template <class Archive>
    void load(Archive& archive, const std::uint32_t version) {
        if (version > kSerialVersion) {
            throw cereal::Exception("record was written by a newer version of Yousaid (record version " +
                                    std::to_string(version) + ")");
        }
        std::uint32_t type_number = 0;
        archive(cereal::make_nvp("type", type_number));
        switch (type_number) {
            case static_cast<std::uint32_t>(StoreRecordType::kResponse):
                type = StoreRecordType::kResponse;
                archive(cereal::make_nvp("response", response));
                return;
            case static_cast<std::uint32_t>(StoreRecordType::kExportMark):
                type = StoreRecordType::kExportMark;
                archive(cereal::make_nvp("export_mark", export_mark));
                return;
            case static_cast<std::uint32_t>(StoreRecordType::kImportedResponse):
                type = StoreRecordType::kImportedResponse;
                archive(cereal::make_nvp("batch_id", batch_id), cereal::make_nvp("response", response));
                return;
            case static_cast<std::uint32_t>(StoreRecordType::kImportCommit):
                type = StoreRecordType::kImportCommit;
                archive(cereal::make_nvp("commit", commit));
                return;
            default:
                // A later version may add record types; an older reader skips them.
                throw cereal::Exception("record type " + std::to_string(type_number) +
                                        " is from a newer version of Yousaid");
        }
    }

    static constexpr std::uint32_t kSerialVersion = 1;
};

}  // namespace

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::StoreRecord, yousaid::StoreRecord::kSerialVersion)

namespace yousaid {

namespace {

std::string Plural(std::uint64_t count, const char* singular, const char* plural) {
    return FormatCount(count) + " " + (count == 1 ? singular : plural);
}

std::string EncodeRecord(const StoreRecord& record) { return SavePortableBinary(record); }

}  // namespace

Problem SkippedRecord(std::uint64_t record_index, std::string message) {
    Problem problem;
    problem.path = "record " + std::to_string(record_index + 1);
    problem.message = std::move(message);
    return problem;
}

std::string ResponseStoreOpenReport::Summary() const {
    if (refused) return "the response store was not opened: " + message;
    std::string text = Plural(responses, "response", "responses");
    if (export_marks > 0) text += ", " + Plural(export_marks, "export", "exports");
    if (imports > 0) text += ", " + Plural(imports, "import", "imports");
    if (!skipped_records.empty()) {
        text += "; " + Plural(skipped_records.size(), "record", "records") + " skipped (";
        for (std::size_t index = 0; index < skipped_records.size() && index < 3; ++index) {
            if (index > 0) text += "; ";
            text += skipped_records[index].ToString();
        }
        if (skipped_records.size() > 3) text += "; ...";
        text += ")";
    }
    if (unfinished_import_responses > 0) {
        text += "; " + Plural(unfinished_import_responses, "response", "responses") +
                " of an import that did not finish were ignored";
    }
    if (superseded > 0) text += "; " + Plural(superseded, "response was", "responses were") + " replaced by a later record";
    if (log.HasDamage()) text += "; " + log.Summary();
    if (!message.empty()) text += "; " + message;
    return text;
}

std::string ResponseStore::EncodeResponseRecord(const Response& response) {
    StoreRecord record;
    record.type = StoreRecordType::kResponse;
    record.response = response;
    return EncodeRecord(record);
}

ResponseStoreOpenReport ResponseStore::Open(const std::string& path, ResponseStoreOptions options) {
    responses_.Clear();
    export_marks_.clear();
    exported_ids_.clear();
    batch_ids_.clear();

    ResponseStoreOpenReport report;
    RecordLogOpenOptions log_options;
    log_options.repair = !options.read_only;
    report.log = log_.Open(path, log_options);
    if (report.log.refused) {
        report.refused = true;
        report.message = report.log.message;
        return report;
    }
    report.records = log_.Count();

    // Responses of an import wait here until its commit record is read.
    std::map<std::uint64_t, std::vector<Response>> pending_imports;
    StoreRecord record;
    for (std::size_t index = 0; index < log_.Count(); ++index) {
        try {
            record = StoreRecord{};
            LoadPortableBinary(log_.Record(index), record);
        } catch (const std::exception& error) {
            report.skipped_records.push_back(SkippedRecord(index, error.what()));
            continue;
        }
        switch (record.type) {
            case StoreRecordType::kResponse: {
                const Response* held = responses_.Find(record.response.id);
                if (held != nullptr && !(*held == record.response)) ++report.superseded;
                responses_.Put(std::move(record.response));
                break;
            }
            case StoreRecordType::kExportMark:
                for (const ResponseId& id : record.export_mark.newly_exported) exported_ids_.insert(id);
                export_marks_.push_back(std::move(record.export_mark));
                break;
            case StoreRecordType::kImportedResponse:
                batch_ids_.insert(record.batch_id);
                pending_imports[record.batch_id].push_back(std::move(record.response));
                break;
            case StoreRecordType::kImportCommit: {
                batch_ids_.insert(record.commit.batch_id);
                const auto found = pending_imports.find(record.commit.batch_id);
                const std::size_t readable = found == pending_imports.end() ? 0 : found->second.size();
                if (readable != record.commit.response_count) {
                    // Damage inside the log lost some of this import's records; keep the rest,
                    // as the log keeps every other readable record.
                    report.skipped_records.push_back(SkippedRecord(
                        index, "the import of " + record.commit.source + " holds " +
                                   FormatCount(record.commit.response_count) + " responses, of which " +
                                   FormatCount(readable) + " could be read"));
                }
                if (found != pending_imports.end()) {
                    for (Response& response : found->second) {
                        const Response* held = responses_.Find(response.id);
                        if (held != nullptr && !(*held == response)) ++report.superseded;
                        responses_.Put(std::move(response));
                    }
                    pending_imports.erase(found);
                }
                ++report.imports;
                break;
            }
        }
    }
    for (const auto& entry : pending_imports) report.unfinished_import_responses += entry.second.size();

    report.responses = responses_.Size();
    report.export_marks = export_marks_.size();
    report.ok = report.log.ok;
    if (!report.log.message.empty()) report.message = report.log.message;
    return report;
}

StoreAddResult ResponseStore::Add(const Response& response) {
    StoreAddResult result;
    if (response.id.IsNil()) {
        result.message = "the response has no id; it was not saved";
        return result;
    }
    switch (responses_.Classify(response)) {
        case MergeOutcome::kAlreadyHeld:
            result.outcome = StoreAddOutcome::kAlreadyHeld;
            return result;
        case MergeOutcome::kConflict:
            result.outcome = StoreAddOutcome::kConflict;
            result.message = "a different response with id " + response.id.ToHex() + " is already saved (" +
                             DescribeResponseDifferences(*responses_.Find(response.id), response) + ")";
            return result;
        case MergeOutcome::kAdded:
            break;
    }
    std::string payload;
    try {
        payload = EncodeResponseRecord(response);
    } catch (const std::exception& error) {
        result.message = std::string("the response could not be encoded: ") + error.what();
        return result;
    }
    const Status appended = log_.Append(payload);
    if (!appended.ok()) {
        result.message = appended.Message();
        return result;
    }
    responses_.Offer(response);
    result.outcome = StoreAddOutcome::kAdded;
    return result;
}

StoreMergeResult ResponseStore::Merge(const std::vector<Response>& incoming, const std::string& source,
                                      std::int64_t merged_at_ms) {
    StoreMergeResult result;
    // Classified against what is held plus what this batch adds, so a file holding the
    // same response twice adds it once.
    ResponseSet batch;
    std::vector<const Response*> to_add;
    for (const Response& response : incoming) {
        if (response.id.IsNil()) {
            result.without_id += 1;
            continue;
        }
        const Response* held = responses_.Find(response.id);
        if (held == nullptr) held = batch.Find(response.id);
        if (held == nullptr) {
            batch.Offer(response);
            to_add.push_back(&response);
        } else if (*held == response) {
            ++result.already_held;
        } else {
            result.conflicts.push_back({response.id, DescribeResponseDifferences(*held, response)});
        }
    }
    if (to_add.empty()) {
        result.ok = true;
        return result;
    }

    const std::uint64_t batch_id = NextBatchId();
    std::vector<std::string> payloads;
    payloads.reserve(to_add.size() + 1);
    try {
        StoreRecord record;
        record.type = StoreRecordType::kImportedResponse;
        record.batch_id = batch_id;
        for (const Response* response : to_add) {
            record.response = *response;
            payloads.push_back(EncodeRecord(record));
        }
        StoreRecord commit;
        commit.type = StoreRecordType::kImportCommit;
        commit.commit.batch_id = batch_id;
        commit.commit.response_count = static_cast<std::uint32_t>(to_add.size());
        commit.commit.source = source;
        commit.commit.imported_at_ms = merged_at_ms;
        payloads.push_back(EncodeRecord(commit));
    } catch (const std::exception& error) {
        result = StoreMergeResult{};
        result.message = std::string("the responses could not be encoded: ") + error.what() + "; nothing was imported";
        return result;
    }
    const Status appended = log_.AppendAll(payloads);
    if (!appended.ok()) {
        result = StoreMergeResult{};
        result.message = appended.Message() + "; nothing was imported";
        return result;
    }
    batch_ids_.insert(batch_id);
    for (const Response* response : to_add) {
        responses_.Offer(*response);
        result.added.push_back(response->id);
    }
    result.ok = true;
    return result;
}

Status ResponseStore::MarkExported(const std::vector<ResponseId>& ids_in_file, std::int64_t exported_at_ms,
                                             const std::string& file_name) {
    StoreRecord record;
    record.type = StoreRecordType::kExportMark;
    record.export_mark.exported_at_ms = exported_at_ms;
    record.export_mark.file_name = file_name;
    record.export_mark.responses_in_file = static_cast<std::uint32_t>(ids_in_file.size());
    std::unordered_set<ResponseId, ResponseIdHash> seen;
    for (const ResponseId& id : ids_in_file) {
        if (responses_.Contains(id) && !IsExported(id) && seen.insert(id).second) {
            record.export_mark.newly_exported.push_back(id);
        }
    }
    std::string payload;
    try {
        payload = EncodeRecord(record);
    } catch (const std::exception& error) {
        return Status::Failure(std::string("the export mark could not be encoded: ") + error.what());
    }
    const Status appended = log_.Append(payload);
    if (!appended.ok()) return appended;
    for (const ResponseId& id : record.export_mark.newly_exported) exported_ids_.insert(id);
    export_marks_.push_back(std::move(record.export_mark));
    return Succeeded();
}

std::uint64_t ResponseStore::NextBatchId() const {
    // Normally one more than the largest; only a damaged or forged log gets near the top.
    if (batch_ids_.empty()) return 1;
    if (*batch_ids_.rbegin() < std::numeric_limits<std::uint64_t>::max()) return *batch_ids_.rbegin() + 1;
    std::uint64_t candidate = 1;
    for (const std::uint64_t used : batch_ids_) {
        if (used > candidate) break;
        if (used == candidate) ++candidate;
    }
    return candidate;
}

std::size_t ResponseStore::CountWhere(const std::string& survey_id, ResponseStatus status) const {
    return static_cast<std::size_t>(
        std::count_if(responses_.All().begin(), responses_.All().end(), [&](const Response& response) {
            return response.survey_id == survey_id && response.status == status;
        }));
}

std::size_t ResponseStore::NotYetExportedCount() const {
    return static_cast<std::size_t>(std::count_if(responses_.All().begin(), responses_.All().end(),
                                                  [&](const Response& response) { return !IsExported(response.id); }));
}

std::vector<Response> ResponseStore::NotYetExported() const {
    std::vector<Response> result;
    for (const Response& response : responses_.All()) {
        if (!IsExported(response.id)) result.push_back(response);
    }
    return result;
}

std::optional<std::int64_t> ResponseStore::LastExportedAtMs() const {
    if (export_marks_.empty()) return std::nullopt;
    std::int64_t latest = export_marks_.front().exported_at_ms;
    for (const ExportMark& mark : export_marks_) latest = std::max(latest, mark.exported_at_ms);
    return latest;
}

}  // namespace yousaid
