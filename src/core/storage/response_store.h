#pragma once
// ResponseStore: the responses a device holds, kept in a RecordLog so that every saved
// response survives a closed tab, a crash or a flat battery. The same class is the
// officer's merged store: files from many tablets are merged into it by response id.
//
// Each log record is one cereal PortableBinary payload of a versioned envelope (record
// layout in docs/storage-format.md, "Records of a response store"):
//   - a response saved on this device;
//   - an export mark: responses were written to an export file (for "N not yet exported");
//   - a response that is part of an import, and the commit that ends the import. Responses
//     of an import count only once its commit is read, so an import that was cut off by a
//     crash leaves nothing half-imported.
//
// Opening keeps every readable record: the RecordLog drops damaged bytes (and cuts a torn
// tail so appends follow the last good record), and a record whose payload cannot be read
// (damaged inside, or written by a newer version of Yousaid) is listed and skipped without
// touching the others. Native and WebAssembly builds share this code; in the browser the
// platform layer syncs IDBFS after each successful write.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include <cereal/types/vector.hpp>

#include "core/storage/record_log.h"
#include "core/responses/response.h"
#include "core/responses/response_set.h"

namespace yousaid {

// Stored as numbers inside records: append, never renumber.
enum class StoreRecordType : std::uint32_t {
    kResponse = 1,          // a response saved on this device
    kExportMark = 2,        // responses were exported
    kImportedResponse = 3,  // one response of an import batch; counts once the batch commits
    kImportCommit = 4,      // the end of an import batch
};

// "These responses were written to an export file." Each mark lists only the ids that no
// earlier mark lists, so the marks together name every response ever exported without
// repeating a day's 10,000 ids at every export.
struct ExportMark {
    std::int64_t exported_at_ms = 0;
    std::string file_name;                  // e.g. "tablet-3_2026-03-14.yousaid"
    std::uint32_t responses_in_file = 0;    // all the responses the file holds
    std::vector<ResponseId> newly_exported; // those of them no earlier mark covers

    friend bool operator==(const ExportMark& a, const ExportMark& b) {
        return a.exported_at_ms == b.exported_at_ms && a.file_name == b.file_name &&
               a.responses_in_file == b.responses_in_file && a.newly_exported == b.newly_exported;
    }

    template <class Archive>
    void save(Archive& archive, const std::uint32_t /*version*/) const {
        std::vector<std::uint64_t> halves;
        halves.reserve(newly_exported.size() * 2);
        for (const ResponseId& id : newly_exported) {
            halves.push_back(id.high);
            halves.push_back(id.low);
        }
        archive(cereal::make_nvp("exported_at_ms", exported_at_ms), cereal::make_nvp("file_name", file_name),
                cereal::make_nvp("responses_in_file", responses_in_file), cereal::make_nvp("ids", halves));
    }

    template <class Archive>
    void load(Archive& archive, const std::uint32_t version) {
        if (version > kSerialVersion) throw cereal::Exception("export mark was written by a newer version of Yousaid");
        std::vector<std::uint64_t> halves;
        archive(cereal::make_nvp("exported_at_ms", exported_at_ms), cereal::make_nvp("file_name", file_name),
                cereal::make_nvp("responses_in_file", responses_in_file), cereal::make_nvp("ids", halves));
        if (halves.size() % 2 != 0) throw cereal::Exception("export mark holds half a response id");
        newly_exported.clear();
        for (std::size_t index = 0; index + 1 < halves.size(); index += 2) {
            newly_exported.push_back(ResponseId{halves[index], halves[index + 1]});
        }
    }

    static constexpr std::uint32_t kSerialVersion = 1;
};

// The end of an import: how many kImportedResponse records of this batch came before it.
struct ImportCommit {
    std::uint64_t batch_id = 0;
    std::uint32_t response_count = 0;
    std::string source;  // the file the responses came from, e.g. "tablet3.yousaid"
    std::int64_t imported_at_ms = 0;

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t version) {
        if (version > kSerialVersion) throw cereal::Exception("import record was written by a newer version of Yousaid");
        archive(cereal::make_nvp("batch_id", batch_id), cereal::make_nvp("response_count", response_count),
                cereal::make_nvp("source", source), cereal::make_nvp("imported_at_ms", imported_at_ms));
    }

    static constexpr std::uint32_t kSerialVersion = 1;
};

// A record that was read from the log but could not be used: a Problem whose path is
// "record N", N counting from 1 among the records the log could read.
Problem SkippedRecord(std::uint64_t record_index, std::string message);

struct ResponseStoreOpenReport {
    // Records are loaded (problems, if any, are listed below) and, unless opened read-only,
    // the store takes new responses.
    bool ok = false;
    // The file is not a response store (or is from a newer version, or cannot be read); it
    // was left untouched and nothing was loaded.
    bool refused = false;
    std::string message;  // why refused, or why the store cannot be written to

    RecordLogOpenReport log;  // damaged bytes dropped by the log, and where
    std::uint64_t records = 0;          // readable records in the log
    std::uint64_t responses = 0;        // distinct responses held after opening
    std::uint64_t export_marks = 0;
    std::uint64_t imports = 0;          // committed import batches
    std::uint64_t superseded = 0;       // responses replaced by a later record with their id
    std::vector<Problem> skipped_records;  // unreadable payloads, skipped
    std::uint64_t unfinished_import_responses = 0;    // in imports that never committed

    std::uint64_t BytesDropped() const { return log.bytes_dropped; }
    bool HasProblems() const {
        return log.HasDamage() || !skipped_records.empty() || unfinished_import_responses != 0;
    }
    // For a support screen or a log, e.g. "412 responses; 1 record skipped (record 17: response
    // was written by a newer version of Yousaid); dropped 316 bytes of damaged data".
    std::string Summary() const;
};

enum class StoreAddOutcome {
    kAdded,        // written and flushed
    kAlreadyHeld,  // an equal response is held; nothing written
    kConflict,     // a different response with this id is held; nothing written
    kFailed,       // could not be written (message says why); nothing changed
};

struct StoreAddResult {
    StoreAddOutcome outcome = StoreAddOutcome::kFailed;
    std::string message;  // why it failed, or what differs for a conflict

    // The response is safely in the store (now or already).
    bool Saved() const { return outcome == StoreAddOutcome::kAdded || outcome == StoreAddOutcome::kAlreadyHeld; }
};

struct MergeConflict {
    ResponseId id;
    std::string differences;  // DescribeResponseDifferences(held, incoming)
};

struct StoreMergeResult {
    // False: nothing was written and nothing changed (message says why).
    bool ok = false;
    std::string message;
    std::vector<ResponseId> added;
    // Equal to one held, or to an earlier one in the same batch.
    std::uint64_t already_held = 0;
    std::vector<MergeConflict> conflicts;
    // Responses without an id are never stored (CheckResponse rejects them earlier).
    std::uint64_t without_id = 0;
};

struct ResponseStoreOptions {
    // Never write the file: no repair of a torn tail, no adds (for a copy off a tablet).
    bool read_only = false;
};

class ResponseStore {
public:
    // Loads the store at `path`; a missing file is an empty store, created by the first
    // write. Replaces whatever this object held before.
    ResponseStoreOpenReport Open(const std::string& path, ResponseStoreOptions options = {});

    // Appends the response and flushes it (fsync) before returning. Nothing is written for
    // a response already held (equal content) or a conflicting one (same id, different
    // content): responses are immutable once saved.
    StoreAddResult Add(const Response& response);

    // Adds every response not yet held, atomically: all of them or, if the write fails or a
    // crash cuts it short, none. Equal ones count as already held; a different response under
    // a held id is a conflict and is left out. `source` names the file for the log.
    StoreMergeResult Merge(const std::vector<Response>& incoming, const std::string& source,
                           std::int64_t merged_at_ms);

    // Records that the responses with these ids were written to `file_name`. Ids the store
    // does not hold are ignored; ids exported before are not repeated.
    Status MarkExported(const std::vector<ResponseId>& ids_in_file, std::int64_t exported_at_ms,
                                  const std::string& file_name);

    // Every response, one per id (the latest record for an id wins), in the order their ids
    // first appeared.
    const std::vector<Response>& Responses() const { return responses_.All(); }
    const Response* Find(const ResponseId& id) const { return responses_.Find(id); }
    bool Contains(const ResponseId& id) const { return responses_.Contains(id); }
    std::size_t Count() const { return responses_.Size(); }
    // By survey id and version, each with complete / partial / refused.
    std::vector<ResponseCount> Counts() const { return CountResponses(responses_.All()); }
    std::size_t CountWhere(const std::string& survey_id, ResponseStatus status) const;

    bool IsExported(const ResponseId& id) const { return exported_ids_.count(id) != 0; }
    // For the station screen: "N responses not yet exported".
    std::size_t NotYetExportedCount() const;
    std::vector<Response> NotYetExported() const;
    const std::vector<ExportMark>& ExportMarks() const { return export_marks_; }
    // The time of the most recent export, if any.
    std::optional<std::int64_t> LastExportedAtMs() const;

    const std::string& Path() const { return log_.Path(); }
    bool CanWrite() const { return log_.CanAppend(); }

    // The payload of a record holding `response`, exactly as Add writes it; for tests and tools.
    static std::string EncodeResponseRecord(const Response& response);

private:
    RecordLog log_;
    ResponseSet responses_;
    std::vector<ExportMark> export_marks_;
    std::unordered_set<ResponseId, ResponseIdHash> exported_ids_;
    // Every import batch id in the log, committed or not: a new import must never reuse one,
    // or an import that never finished could be completed by someone else's commit.
    std::set<std::uint64_t> batch_ids_;

    std::uint64_t NextBatchId() const;
};

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::ExportMark, yousaid::ExportMark::kSerialVersion)
CEREAL_CLASS_VERSION(yousaid::ImportCommit, yousaid::ImportCommit::kSerialVersion)
