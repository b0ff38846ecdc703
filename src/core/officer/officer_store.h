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
// - Sealed (docs/sealing.md): sealed responses imported while no key that opens them is
//   unlocked wait in their segment as they came, counted by their readable fields. Once a
//   key is unlocked (SetKeyring, then Open), an Opening opens them a slice at a time and
//   rewrites their segment with their columns. A store that has an officer key (one is
//   unlocked, or a segment was sealed to one) keeps every new segment's columns sealed to
//   those keys: opening it again costs one unseal per segment.
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
#include <unordered_set>
#include <vector>

#include "core/analytics/encoded_responses.h"
#include "core/base/problem.h"
#include "core/crypto/sealed_box.h"
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

// Responses held sealed and not opened here, by what they show without a key.
struct SealedCount {
    ReadableGroup group;
    std::uint64_t responses = 0;
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

    // Every response held: opened, in the clear, or still sealed.
    std::size_t Count() const { return fingerprints_.size() + sealed_rows_.size(); }

    // The keys unlocked on this device, or nullptr when locked; takes effect at the next Open.
    // The keyring must outlive the store's use of it.
    void SetKeyring(const Keyring* keyring) { keyring_ = keyring; }
    // Responses held sealed that the keys unlocked here do not open (all of them when
    // locked), counted by survey, wave, station, event and status.
    std::vector<SealedCount> SealedCounts() const;
    std::uint64_t SealedResponses() const { return sealed_rows_.size(); }
    // Sealed responses waiting in their segments that a key unlocked now may open.
    std::uint64_t WaitingToOpen() const;
    // Segments the next Opening rewrites sealed to the keys unlocked here: those with responses
    // waiting to open, and those holding answers in the clear (imported before the store had
    // a key), which are then sealed at rest too.
    std::size_t SegmentsToSeal() const { return waiting_.size(); }
    // New segments are sealed to these keys' public halves (the store has an officer key).
    bool SealsAtRest() const { return !store_keys_.empty(); }
    // The largest segment file written: the browser's storage (IDBFS) keeps each file as one
    // IndexedDB value, and Chromium never finished saving one of 150 MB (100 MB took 2.4 s).
    // An import that would write more is refused whole, saying why. Tests set a small limit.
    void SetSegmentLimit(std::uint64_t bytes) { segment_limit_ = bytes; }
    // Each held response that stayed sealed although keys are unlocked: by file and id.
    const std::vector<Problem>& Unopened() const { return unopened_; }
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
            bool waiting = false;  // kAdded: kept sealed, to be opened once a key is unlocked
        };
        Offered Offer(const Response& response);
        // A sealed response that a key unlocked here opens, so that Offer would open it.
        bool Opens(const Response& response) const;
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
        // A sealed response: opened with the store's keys when they open it, else kept waiting.
        std::optional<Offered> OfferSealed(const Response& response, std::optional<Response>& opened);

        const OfficerStore* store_;
        ImportedFile file_;
        std::vector<std::unique_ptr<Block>> blocks_;
        std::unordered_map<ResponseId, ResponseFingerprint, ResponseIdHash> offered_;
        std::size_t expected_ = 0;
        ReadableRows readable_;          // of the rows added, for a segment sealed at rest
        std::vector<Response> waiting_;  // sealed responses no key here opens
        std::unordered_set<ResponseId, ResponseIdHash> waiting_ids_;
        std::uint64_t waiting_added_ = 0;  // waiting under ids the store did not know
        // When not counting the file's responses (they were counted when it was imported).
        bool counts_fixed_ = false;
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
        // What an Opening keeps of the segment it rewrites.
        struct Rewrite {
            std::uint64_t segment = 0;
            std::vector<SegmentBlock> blocks;  // opened before, already held
            ReadableRows readable;  // of every row of `blocks`
        };
        Commitment(OfficerStore& store, Batch batch, std::optional<Rewrite> rewrite = std::nullopt);
        void GatherColumns();
        void Add();

        OfficerStore* store_;
        Batch batch_;
        SegmentContents contents_;
        std::string bytes_;
        Stage stage_ = Stage::kColumns;
        Status outcome_;
        std::optional<Rewrite> rewrite_;
        std::size_t kept_blocks_ = 0;  // the rewrite's blocks, first in contents_
    };

    // Opens the sealed responses waiting in the store with the keys unlocked, one segment
    // after another, a slice per Step, and rewrites each segment with their columns (sealed
    // at rest). A response that does not open stays waiting and is listed in Unopened(); one
    // that differs from a held response with its id is a conflict, listed in Problems().
    class Opening {
    public:
        // True once every waiting segment is done.
        bool Step(std::size_t responses);
        double Progress() const;
        std::uint64_t Opened() const { return opened_; }
        const std::vector<Problem>& Problems() const { return problems_; }

    private:
        friend class OfficerStore;
        explicit Opening(OfficerStore& store);
        void StartSegment();
        void OpenOne(const Response& sealed);

        OfficerStore* store_;
        std::uint64_t total_ = 0;
        std::uint64_t done_ = 0;
        std::uint64_t opened_ = 0;
        std::size_t next_ = 0;  // into the waiting responses of the current segment
        std::optional<Batch> batch_;
        std::optional<Commitment> commitment_;
        std::vector<Problem> problems_;
    };
    // Nothing to do when WaitingToOpen() is 0 or the store is locked.
    Opening BeginOpening();
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
    // A segment's sealed parts: its blocks opened when a key here opens them, else its rows
    // counted sealed; its waiting responses counted sealed, and kept to open when they can be.
    void ReadSealedParts(std::uint64_t number, SegmentContents& contents, OfficerStoreOpenReport& report);
    // `fingerprint` is the sealed record's own, when the store holds it sealed as it came.
    void AddSealedRow(const ResponseId& id, const ReadableGroup& group, ResponseFingerprint fingerprint = {});
    std::string SegmentPath(std::uint64_t number) const;

    std::vector<Survey> surveys_;
    std::string folder_;
    bool open_ = false;
    std::vector<HeldSurvey> held_;
    std::vector<ImportedFile> files_;
    std::unordered_map<ResponseId, ResponseFingerprint, ResponseIdHash> fingerprints_;
    std::uint64_t next_segment_ = 1;
    std::uint64_t segment_limit_ = 90ull * 1024ull * 1024ull;
    std::uint64_t generation_ = 1;

    const Keyring* keyring_ = nullptr;
    std::vector<PublicKey> store_keys_;  // new segments are sealed to these
    // Sealed responses not opened: their id and their group in sealed_groups_.
    struct SealedRow {
        std::uint32_t group = 0;
        ResponseFingerprint fingerprint;  // of the sealed record; zero when not known
    };
    std::unordered_map<ResponseId, SealedRow, ResponseIdHash> sealed_rows_;
    std::vector<ReadableGroup> sealed_groups_;
    struct WaitingSegment {
        std::uint64_t number = 0;
        ImportedFile file;
        std::vector<SegmentBlock> blocks;  // opened, held already
        ReadableRows readable;
        std::vector<Response> waiting;
    };
    // Segments to rewrite with a key unlocked: responses a key here may open, or answers
    // kept in the clear, to be sealed at rest.
    std::vector<WaitingSegment> waiting_;
    std::vector<Problem> unopened_;
};

}  // namespace yousaid
