#pragma once
// OfficerStore: every response the officer has imported, at the scale of a whole authority
// (2 waves x 100,000 pupils), kept so that the workspace only ever tabulates.
//
// - Compact: answers are held as the encoded columns the engine counts (EncodedResponses,
//   a few hundred bytes a response), free text apart, and each response's id with a
//   fingerprint of its content, for the merge rule of response_set.h. No Response object
//   is kept.
// - Encoded once: a response is encoded as it is imported; opening reads the columns back.
// - Segments: one file per import (segment_file.h), written whole to a temporary file,
//   flushed and renamed, and never changed afterwards. In the browser, IDBFS writes only
//   the new file on the next sync, not the whole store; and a crash leaves either the whole
//   import or none of it.
// - Old stores open: an officer.yslog from an earlier version is migrated on first open.
//
// Usage:
//   OfficerStore store(surveys);
//   store.Open(folder, legacy_log_path);
//   OfficerStore::Batch batch = store.BeginBatch(file);   // one per imported file
//   for each response read: batch.Offer(response);
//   store.Commit(std::move(batch));                        // durable, then visible
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/analytics/encoded_responses.h"
#include "core/base/problem.h"
#include "core/officer/segment_file.h"
#include "core/responses/response.h"
#include "core/responses/response_set.h"
#include "core/survey/survey.h"

namespace yousaid {

// One survey version's responses in the store.
struct HeldSurvey {
    EncodedResponses encoded;
    std::vector<StoredText> texts;  // rows index `encoded`
    std::vector<ResponseId> ids;    // each row's response id: comments' themes are kept by it
};

struct OfficerStoreOpenReport {
    bool ok = false;      // the store is open and takes imports
    std::string message;  // why not
    std::size_t segments = 0;
    std::uint64_t responses = 0;
    std::uint64_t migrated = 0;  // responses moved from an officer.yslog of an earlier version
    // Each segment that could not be read (and was left as it is), and responses kept for a
    // survey this device does not have.
    std::vector<Problem> problems;
};

class OfficerStore {
public:
    explicit OfficerStore(std::vector<Survey> surveys);
    ~OfficerStore();
    OfficerStore(const OfficerStore&) = delete;
    OfficerStore& operator=(const OfficerStore&) = delete;

    // Reads every segment in `folder` (created if missing). When `legacy_log_path` names an
    // officer.yslog of an earlier version, its responses become one segment and the log goes,
    // or is renamed "officer.yslog.migrated" when any response could not be kept.
    OfficerStoreOpenReport Open(const std::string& folder, const std::string& legacy_log_path = {});

    std::size_t Count() const { return fingerprints_.size(); }
    // Every import, oldest first.
    const std::vector<ImportedFile>& Files() const { return files_; }
    const std::vector<HeldSurvey>& Surveys() const { return held_; }
    const HeldSurvey* Find(const std::string& survey_id, std::int32_t survey_version) const;
    const std::string& Folder() const { return folder_; }
    // Bumped by every change, so that views can tell when to look again.
    std::uint64_t Generation() const { return generation_; }

    // One import in progress: responses are judged against the store and encoded as they
    // are offered, and nothing is visible or written until Commit.
    class Batch {
    public:
        struct Offered {
            MergeOutcome outcome = MergeOutcome::kAdded;
            std::optional<Problem> problem;  // kAdded: it could not be encoded, and was not added
        };
        Offered Offer(const Response& response);
        std::uint64_t Added() const;
        // About how many responses are coming, so that what holds them is sized once.
        void Expect(std::size_t responses);
        const ImportedFile& File() const { return file_; }
        ImportedFile& File() { return file_; }

        Batch(Batch&&) noexcept;
        Batch& operator=(Batch&&) noexcept;
        ~Batch();

    private:
        friend class OfficerStore;
        struct Block;
        Batch(const OfficerStore& store, ImportedFile file);
        Block& BlockFor(const Response& response, const Survey& survey);
        ImportedSurveyCount& CountFor(const Response& response);

        const OfficerStore* store_;
        ImportedFile file_;
        std::vector<std::unique_ptr<Block>> blocks_;
        std::unordered_map<ResponseId, ResponseFingerprint, ResponseIdHash> offered_;
        std::size_t expected_ = 0;
    };
    Batch BeginBatch(ImportedFile file) const;

    // A batch on its way into the store, one stage per Step: gather its columns, encode its
    // segment's bytes, write them safely to storage, then add its responses to what the
    // store holds. A 100,000-response import is 10 MB to encode and to write, and a page
    // gives each stage its own frame. Nothing is visible before the last stage; on failure
    // nothing changed, and Outcome() says why. The store must not be opened, cleared or
    // committed to while one is under way.
    class Commitment {
    public:
        // True once finished, when Outcome() says whether the batch went in.
        bool Step();
        const Status& Outcome() const { return outcome_; }

        Commitment(Commitment&&) noexcept;
        Commitment& operator=(Commitment&&) noexcept;
        ~Commitment();

    private:
        friend class OfficerStore;
        enum class Stage { kColumns, kBytes, kWrite, kAdd, kDone };
        Commitment(OfficerStore& store, Batch batch);

        OfficerStore* store_;
        Batch batch_;
        SegmentContents contents_;
        std::string bytes_;
        Stage stage_ = Stage::kColumns;
        Status outcome_;
    };
    Commitment BeginCommit(Batch batch);
    // Every stage of BeginCommit at once.
    Status Commit(Batch batch);

    // Removes every segment (clearing the officer store).
    Status Clear();

private:
    const Survey* KnownSurvey(const std::string& survey_id, std::int32_t survey_version) const;
    HeldSurvey& HeldFor(const Survey& survey);
    void AddSegment(SegmentContents contents, std::vector<Problem>& problems,
                    const std::vector<const EncodedResponses*>& encoded = {});
    void AddIds(const SegmentBlock& block);
    void AddRows(SegmentBlock& block, const EncodedResponses& rows);
    void ReadSegments(OfficerStoreOpenReport& report);
    void Migrate(const std::string& legacy_log_path, OfficerStoreOpenReport& report);
    std::string SegmentPath(std::uint64_t number) const;

    std::vector<Survey> surveys_;
    std::string folder_;
    bool open_ = false;
    std::vector<HeldSurvey> held_;
    std::vector<ImportedFile> files_;
    std::unordered_map<ResponseId, ResponseFingerprint, ResponseIdHash> fingerprints_;
    std::uint64_t next_segment_ = 1;
    std::uint64_t generation_ = 1;
};

}  // namespace yousaid
