#include "core/officer/officer_store.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>

#include "core/base/file_io.h"
#include "core/crypto/sha256.h"
#include "core/responses/answer_checking.h"
#include "core/responses/sealed_response.h"
#include "core/station/settings_file.h"
#include "core/storage/response_store.h"

namespace yousaid {

namespace {

// A segment is one import: even 2 x 100,000 responses come to far less.
constexpr std::uint64_t kMaxSegmentBytes = 1024ull * 1024ull * 1024ull;

void AppendHalves(std::vector<std::uint64_t>& halves, std::uint64_t high, std::uint64_t low) {
    halves.push_back(high);
    halves.push_back(low);
}

std::string SurveyName(const std::string& survey_id, std::int32_t survey_version) {
    return "'" + survey_id + "' version " + std::to_string(survey_version);
}

}  // namespace

// The responses a batch adds to one survey version, encoded as they are offered.
struct OfficerStore::Batch::Block {
    explicit Block(const Survey& survey) : encoded(survey) {
        for (std::size_t index = 0; index < survey.questions.size(); ++index) {
            question_index.emplace(survey.questions[index].id, static_cast<std::uint32_t>(index));
        }
    }
    EncodedResponses encoded;
    std::vector<std::uint64_t> id_halves;
    std::vector<std::uint64_t> fingerprint_halves;
    std::vector<StoredText> texts;
    std::map<std::string, std::uint32_t, std::less<>> question_index;
};

OfficerStore::OfficerStore(std::vector<Survey> surveys) : surveys_(std::move(surveys)) {}
OfficerStore::~OfficerStore() = default;

OfficerStore::Batch::Batch(const OfficerStore& store, ImportedFile file) : store_(&store), file_(std::move(file)) {}
OfficerStore::Batch::Batch(Batch&&) noexcept = default;
OfficerStore::Batch& OfficerStore::Batch::operator=(Batch&&) noexcept = default;
OfficerStore::Batch::~Batch() = default;

const Survey* OfficerStore::KnownSurvey(const std::string& survey_id, std::int32_t survey_version) const {
    for (const Survey& survey : surveys_) {
        if (survey.id == survey_id && survey.version == survey_version) return &survey;
    }
    return nullptr;
}

const HeldSurvey* OfficerStore::Find(const std::string& survey_id, std::int32_t survey_version) const {
    for (const HeldSurvey& held : held_) {
        if (held.encoded.survey().id == survey_id && held.encoded.survey().version == survey_version) return &held;
    }
    return nullptr;
}

HeldSurvey& OfficerStore::HeldFor(const Survey& survey) {
    if (const HeldSurvey* held = Find(survey.id, survey.version)) return const_cast<HeldSurvey&>(*held);
    held_.push_back(HeldSurvey{EncodedResponses(survey), {}, {}});
    return held_.back();
}

ImportedSurveyCount& OfficerStore::Batch::CountFor(const Response& response) {
    for (ImportedSurveyCount& count : file_.surveys) {
        if (count.survey_id == response.survey_id && count.survey_version == response.survey_version) return count;
    }
    file_.surveys.push_back({response.survey_id, response.survey_version, 0, 0, 0});
    return file_.surveys.back();
}

OfficerStore::Batch::Block& OfficerStore::Batch::BlockFor(const Response& response, const Survey& survey) {
    for (const auto& block : blocks_) {
        if (block->encoded.survey().id == response.survey_id &&
            block->encoded.survey().version == response.survey_version) {
            return *block;
        }
    }
    blocks_.push_back(std::make_unique<Block>(survey));
    // The first block is most often the only one: a file is one survey.
    if (blocks_.size() == 1) {
        blocks_.back()->id_halves.reserve(2 * expected_);
        blocks_.back()->fingerprint_halves.reserve(2 * expected_);
    }
    return *blocks_.back();
}

void OfficerStore::Batch::Expect(std::size_t responses) {
    expected_ = responses;
    offered_.reserve(responses);
}

bool OfficerStore::Batch::Opens(const Response& response) const {
    return response.IsSealed() && store_->keyring_ != nullptr && store_->keyring_->OpensAnyOf(RecordKeyIds(response.sealed));
}

std::optional<OfficerStore::Batch::Offered> OfficerStore::Batch::OfferSealed(const Response& response,
                                                                             std::optional<Response>& opened) {
    Offered offered;
    if (Opens(response)) {
        Result<Response> result = OpenSealedResponse(response, *store_->keyring_);
        if (!result.ok()) {
            offered.problem = Problem::Saying("response " + response.id.ToHex() + ": " + result.Message());
            return offered;
        }
        if (const Survey* survey = store_->KnownSurvey(response.survey_id, response.survey_version)) {
            const std::vector<std::string> problems = CheckResponse(*survey, *result.value);
            if (!problems.empty()) {
                offered.problem = Problem::Saying("response " + response.id.ToHex() + ": " + problems.front());
                return offered;
            }
        }
        opened = std::move(*result.value);
        return std::nullopt;
    }
    // Two records with one id count once. An exact copy of one waiting is dropped; any other
    // waits too, so that whether it differs shows once it is opened.
    const auto held_sealed = store_->sealed_rows_.find(response.id);
    const bool copy = waiting_ids_.count(response.id) != 0 ||
                      (held_sealed != store_->sealed_rows_.end() && held_sealed->second.fingerprint == FingerprintOf(response));
    const bool known = copy || held_sealed != store_->sealed_rows_.end() || store_->fingerprints_.count(response.id) != 0;
    if (!copy) {
        waiting_.push_back(response);
        waiting_ids_.insert(response.id);
    }
    if (!counts_fixed_) ++(known ? CountFor(response).already_held : CountFor(response).added);
    if (!known) ++waiting_added_;
    offered.outcome = known ? MergeOutcome::kAlreadyHeld : MergeOutcome::kAdded;
    offered.waiting = !known;
    return offered;
}

OfficerStore::Batch::Offered OfficerStore::Batch::Offer(const Response& incoming) {
    std::optional<Response> opened;
    if (incoming.IsSealed()) {
        if (std::optional<Offered> kept = OfferSealed(incoming, opened)) return *kept;
    }
    const Response& response = opened ? *opened : incoming;
    Offered offered;
    const ResponseFingerprint fingerprint = FingerprintOf(response);
    const ResponseFingerprint* held = nullptr;
    if (const auto stored = store_->fingerprints_.find(response.id); stored != store_->fingerprints_.end()) {
        held = &stored->second;
    } else if (const auto earlier = offered_.find(response.id); earlier != offered_.end()) {
        held = &earlier->second;
    }
    if (held != nullptr || store_->sealed_rows_.count(response.id) != 0 || waiting_ids_.count(response.id) != 0) {
        // A response held sealed counts once; what it holds is compared once it is opened.
        offered.outcome = held == nullptr || *held == fingerprint ? MergeOutcome::kAlreadyHeld : MergeOutcome::kConflict;
        if (!counts_fixed_) {
            ImportedSurveyCount& count = CountFor(response);
            ++(offered.outcome == MergeOutcome::kAlreadyHeld ? count.already_held : count.conflicts);
        }
        return offered;
    }
    const Survey* survey = store_->KnownSurvey(response.survey_id, response.survey_version);
    if (survey == nullptr) {
        offered.problem = Problem::Saying("response " + response.id.ToHex() + " is for survey " +
                                          SurveyName(response.survey_id, response.survey_version) +
                                          ", which this device does not have");
        return offered;
    }
    Block& block = BlockFor(response, *survey);
    if (std::optional<Problem> problem = block.encoded.Add(response)) {
        offered.problem = std::move(problem);
        return offered;
    }
    const auto row = static_cast<std::uint32_t>(block.encoded.RowCount() - 1);
    for (const auto& [question_id, answer] : response.answers) {
        if (answer.kind != AnswerKind::kText) continue;
        const auto question = block.question_index.find(question_id);
        if (question != block.question_index.end()) {
            block.texts.push_back({row, question->second, response.submitted_at_ms, answer.text});
        }
    }
    AppendHalves(block.id_halves, response.id.high, response.id.low);
    AppendHalves(block.fingerprint_halves, fingerprint.high, fingerprint.low);
    offered_.emplace(response.id, fingerprint);
    if (store_->SealsAtRest()) readable_.Add(response);
    if (!counts_fixed_) ++CountFor(response).added;
    return offered;
}

std::uint64_t OfficerStore::Batch::Added() const { return offered_.size() + waiting_added_; }

OfficerStore::Batch OfficerStore::BeginBatch(ImportedFile file) const { return Batch(*this, std::move(file)); }

std::string OfficerStore::SegmentPath(std::uint64_t number) const {
    return folder_ + "/" + SegmentFileNameFor(number);
}

namespace {

std::string Megabytes(std::uint64_t bytes) { return std::to_string((bytes + 999999) / 1000000) + " MB"; }

// Sealed responses waiting for a key are kept whole (about 1.5 KB each); opened, a response
// takes about 120 bytes of columns.
std::string TooBigToKeep(std::uint64_t bytes, std::uint64_t limit, std::size_t waiting) {
    std::string message = "its responses would take " + Megabytes(bytes) + " on this device, more than the " +
                          Megabytes(limit) + " the browser's storage keeps in one piece";
    if (waiting > 0) {
        message += ": " + std::to_string(waiting) +
                   " of them are sealed and kept whole until a key opens them. Unlock the key under \"Keys\", "
                   "then import the file again with \"Import more files\" under \"Settings\": opened as they are "
                   "read, they take far less room";
    }
    return message;
}

}  // namespace

OfficerStore::Commitment::Commitment(OfficerStore& store, Batch batch, std::optional<Rewrite> rewrite)
    : store_(&store), batch_(std::move(batch)), rewrite_(std::move(rewrite)) {}
OfficerStore::Commitment::Commitment(Commitment&&) noexcept = default;
OfficerStore::Commitment& OfficerStore::Commitment::operator=(Commitment&&) noexcept = default;
OfficerStore::Commitment::~Commitment() = default;

OfficerStore::Commitment OfficerStore::BeginCommit(Batch batch) { return Commitment(*this, std::move(batch)); }

// A rewritten segment keeps what it held opened before, first.
void OfficerStore::Commitment::GatherColumns() {
    contents_.file = std::move(batch_.file_);
    if (rewrite_) {
        contents_.blocks = std::move(rewrite_->blocks);
        contents_.readable = std::move(rewrite_->readable);
        kept_blocks_ = contents_.blocks.size();
    }
    contents_.readable.Append(batch_.readable_);
    for (const auto& block : batch_.blocks_) {
        SegmentBlock stored;
        stored.survey_id = block->encoded.survey().id;
        stored.survey_version = block->encoded.survey().version;
        stored.id_halves = std::move(block->id_halves);
        stored.fingerprint_halves = std::move(block->fingerprint_halves);
        stored.columns = block->encoded.ToColumns();
        stored.texts = std::move(block->texts);
        contents_.blocks.push_back(std::move(stored));
    }
    contents_.waiting = std::move(batch_.waiting_);
}

bool OfficerStore::Commitment::Step() {
    switch (stage_) {
        case Stage::kColumns:
            if (!store_->open_) {
                outcome_ = Status::Failure("the officer store is not open");
                stage_ = Stage::kDone;
                break;
            }
            GatherColumns();
            stage_ = Stage::kBytes;
            break;
        case Stage::kBytes:
            if (store_->SealsAtRest() && !contents_.blocks.empty()) {
                outcome_ = SealBlocks(contents_, store_->store_keys_);
                if (!outcome_.ok()) {
                    stage_ = Stage::kDone;
                    break;
                }
                // Written sealed; held in the clear.
                std::vector<SegmentBlock> held = std::move(contents_.blocks);
                contents_.blocks.clear();
                bytes_ = WriteSegmentBytes(contents_);
                contents_.blocks = std::move(held);
            } else {
                bytes_ = WriteSegmentBytes(contents_);
            }
            if (bytes_.size() > store_->segment_limit_) {
                outcome_ = Status::Failure(TooBigToKeep(bytes_.size(), store_->segment_limit_, contents_.waiting.size()));
                bytes_ = std::string();
                stage_ = Stage::kDone;
                break;
            }
            stage_ = Stage::kWrite;
            break;
        case Stage::kWrite:
            outcome_ = ReplaceSettingsFile(store_->SegmentPath(rewrite_ ? rewrite_->segment : store_->next_segment_), bytes_);
            bytes_ = std::string();
            stage_ = outcome_.ok() ? Stage::kAdd : Stage::kDone;
            if (outcome_.ok() && !rewrite_) ++store_->next_segment_;
            break;
        case Stage::kAdd:
            Add();
            stage_ = Stage::kDone;
            break;
        case Stage::kDone:
            break;
    }
    return stage_ == Stage::kDone;
}

// What was just encoded is added as it is: reading the columns back is for files.
void OfficerStore::Commitment::Add() {
    std::vector<const EncodedResponses*> encoded(kept_blocks_, nullptr);
    for (const auto& block : batch_.blocks_) encoded.push_back(&block->encoded);
    for (const Response& waiting : contents_.waiting) {
        store_->AddSealedRow(waiting.id, ReadableGroupOf(waiting), FingerprintOf(waiting));
    }
    if (!rewrite_) {
        std::vector<Problem> ignored;
        store_->AddSegment(std::move(contents_), ignored, encoded);
        return;
    }
    for (std::size_t index = kept_blocks_; index < contents_.blocks.size(); ++index) {
        store_->AddRows(contents_.blocks[index], *encoded[index]);
    }
    ++store_->generation_;
}

Status OfficerStore::Commit(Batch batch) {
    Commitment commitment = BeginCommit(std::move(batch));
    while (!commitment.Step()) {
    }
    return commitment.Outcome();
}

// Makes a segment's responses part of what the store holds. `encoded`, when given, holds
// each block's responses already encoded (an import just committed).
void OfficerStore::AddSegment(SegmentContents contents, std::vector<Problem>& problems,
                              const std::vector<const EncodedResponses*>& encoded) {
    for (std::size_t index = 0; index < contents.blocks.size(); ++index) {
        SegmentBlock& block = contents.blocks[index];
        if (index < encoded.size() && encoded[index] != nullptr) {
            AddRows(block, *encoded[index]);
            continue;
        }
        const Survey* survey = KnownSurvey(block.survey_id, block.survey_version);
        if (survey == nullptr) {
            AddIds(block);
            problems.push_back(Problem::Saying(std::to_string(block.RowCount()) + " responses to survey " +
                                               SurveyName(block.survey_id, block.survey_version) +
                                               " are kept but not shown: this device does not have that survey"));
            continue;
        }
        Result<EncodedResponses> columns = EncodedResponses::FromColumns(*survey, std::move(block.columns));
        if (!columns.ok()) {
            Problem problem = columns.problems.front();
            problem.message = contents.file.file_name + ": its responses to " + survey->id + " cannot be read (" +
                              problem.message + ")";
            problems.push_back(std::move(problem));
            continue;
        }
        AddRows(block, *columns.value);
    }
    files_.push_back(std::move(contents.file));
    ++generation_;
}

// The ids are known even when the rows cannot be shown, so nothing is imported twice.
void OfficerStore::AddIds(const SegmentBlock& block) {
    fingerprints_.reserve(fingerprints_.size() + block.RowCount());
    for (std::size_t index = 0; index + 1 < block.id_halves.size(); index += 2) {
        fingerprints_.emplace(ResponseId{block.id_halves[index], block.id_halves[index + 1]},
                              ResponseFingerprint{block.fingerprint_halves[index], block.fingerprint_halves[index + 1]});
    }
}

void OfficerStore::AddRows(SegmentBlock& block, const EncodedResponses& rows) {
    AddIds(block);
    HeldSurvey& held = HeldFor(rows.survey());
    const auto first_row = static_cast<std::uint32_t>(held.encoded.RowCount());
    held.encoded.Append(rows);
    held.ids.reserve(held.ids.size() + block.RowCount());
    for (std::size_t index = 0; index + 1 < block.id_halves.size(); index += 2) {
        held.ids.push_back(ResponseId{block.id_halves[index], block.id_halves[index + 1]});
    }
    for (StoredText& text : block.texts) {
        text.row += first_row;
        held.texts.push_back(std::move(text));
    }
}

void OfficerStore::ReadSegments(OfficerStoreOpenReport& report) {
    for (const SegmentFileName& segment : ListSegmentFiles(folder_)) {
        next_segment_ = std::max(next_segment_, segment.number + 1);
        const std::string name = std::filesystem::path(segment.path).filename().string();
        FileReadResult file = ReadWholeFile(segment.path, kMaxSegmentBytes);
        Result<SegmentContents> contents = file.outcome == FileReadOutcome::kRead
                                               ? ReadSegmentBytes(file.bytes, name)
                                               : Result<SegmentContents>::Failure(file.error);
        if (!contents.ok()) {
            // Left as it is: the other imports are untouched, and the file they came from can
            // be imported again.
            Problem problem = contents.problems.front();
            problem.file = name;
            problem.message = "one import could not be read and is left out (" + problem.message +
                              "); import its file again";
            report.problems.push_back(std::move(problem));
            continue;
        }
        ReadSealedParts(segment.number, *contents.value, report);
        AddSegment(std::move(*contents.value), report.problems);
        ++report.segments;
    }
    // An opened copy of a response also waiting sealed counts once, as opened.
    for (const auto& [id, fingerprint] : fingerprints_) sealed_rows_.erase(id);
}

void OfficerStore::ReadSealedParts(std::uint64_t number, SegmentContents& contents, OfficerStoreOpenReport& report) {
    const bool unlocked = keyring_ != nullptr && !keyring_->Empty();
    bool blocks_open = !contents.HasSealedBlocks();
    if (!blocks_open) {
        if (!unlocked) store_keys_ = RecipientKeys(contents);
        const Status opened = unlocked ? OpenBlocks(contents, *keyring_) : Status::Failure("locked");
        blocks_open = opened.ok();
        if (!blocks_open) {
            const ReadableRows& rows = contents.readable;
            for (std::size_t row = 0; row < rows.RowCount(); ++row) {
                AddSealedRow(ResponseId{rows.id_halves[2 * row], rows.id_halves[2 * row + 1]},
                             rows.groups[rows.group_of_row[row]]);
            }
        }
        if (!blocks_open && unlocked) {
            report.problems.push_back(Problem{contents.file.file_name, 0, "", "",
                                              std::to_string(contents.readable.RowCount()) + " responses stay sealed: " +
                                                  opened.Message()});
        }
    }
    bool any_opens = false;
    for (const Response& waiting : contents.waiting) {
        AddSealedRow(waiting.id, ReadableGroupOf(waiting), FingerprintOf(waiting));
        const std::vector<std::string> keys = RecordKeyIds(waiting.sealed);
        if (unlocked && keyring_->OpensAnyOf(keys)) {
            any_opens = true;
        } else if (unlocked) {
            unopened_.push_back(Problem{contents.file.file_name, 0, "response " + waiting.id.ToHex(), "",
                                        "sealed to keys that are not unlocked here: " + NameKeyIds(keys)});
        }
    }
    // Rewriting a segment whose own blocks stay sealed would lose them: it waits for their key.
    if (!blocks_open) return;
    // With a key unlocked, answers kept in the clear are sealed at rest too (they were imported
    // before the store had a key); their readable rows come from their columns.
    const bool in_clear = !contents.HasSealedBlocks() && !contents.blocks.empty();
    if (!any_opens && !(unlocked && in_clear)) return;
    waiting_.push_back(WaitingSegment{number, contents.file, contents.blocks,
                                      in_clear ? ReadableRowsOf(contents.blocks) : contents.readable,
                                      std::move(contents.waiting)});
    contents.waiting.clear();
}

void OfficerStore::AddSealedRow(const ResponseId& id, const ReadableGroup& group, ResponseFingerprint fingerprint) {
    std::size_t index = 0;
    while (index < sealed_groups_.size() && (sealed_groups_[index] < group || group < sealed_groups_[index])) ++index;
    if (index == sealed_groups_.size()) sealed_groups_.push_back(group);
    sealed_rows_.emplace(id, SealedRow{static_cast<std::uint32_t>(index), fingerprint});
}

std::vector<SealedCount> OfficerStore::SealedCounts() const {
    std::vector<std::uint64_t> counts(sealed_groups_.size(), 0);
    for (const auto& [id, row] : sealed_rows_) ++counts[row.group];
    std::vector<SealedCount> shown;
    for (std::size_t index = 0; index < counts.size(); ++index) {
        if (counts[index] > 0) shown.push_back({sealed_groups_[index], counts[index]});
    }
    std::sort(shown.begin(), shown.end(), [](const SealedCount& a, const SealedCount& b) { return a.group < b.group; });
    return shown;
}

std::uint64_t OfficerStore::WaitingToOpen() const {
    std::uint64_t waiting = 0;
    for (const WaitingSegment& segment : waiting_) waiting += segment.waiting.size();
    return waiting;
}

OfficerStore::Opening OfficerStore::BeginOpening() { return Opening(*this); }

// Progress counts each response opened and each segment rewritten.
OfficerStore::Opening::Opening(OfficerStore& store)
    : store_(&store), total_(store.WaitingToOpen() + store.SegmentsToSeal()) {}

double OfficerStore::Opening::Progress() const {
    return total_ == 0 ? 1.0 : static_cast<double>(done_) / static_cast<double>(total_);
}

// The segment's waiting responses are no longer counted sealed while they are opened; those
// that stay sealed are counted again.
void OfficerStore::Opening::StartSegment() {
    WaitingSegment& segment = store_->waiting_.front();
    for (const Response& waiting : segment.waiting) store_->sealed_rows_.erase(waiting.id);
    batch_.emplace(store_->BeginBatch(segment.file));
    batch_->counts_fixed_ = true;
    batch_->Expect(segment.waiting.size());
    next_ = 0;
}

void OfficerStore::Opening::OpenOne(const Response& sealed) {
    ++done_;
    const std::string which = "response " + sealed.id.ToHex();
    const std::string& file_name = batch_->File().file_name;
    Result<Response> opened = OpenSealedResponse(sealed, *store_->keyring_);
    if (!opened.ok()) {
        if (batch_->waiting_ids_.insert(sealed.id).second) batch_->waiting_.push_back(sealed);
        store_->unopened_.push_back(Problem{file_name, 0, which, "", opened.Message()});
        return;
    }
    const Batch::Offered offered = batch_->Offer(*opened.value);
    if (offered.problem) {
        problems_.push_back(Problem{file_name, 0, which, "", "left out: " + offered.problem->message});
    } else if (offered.outcome == MergeOutcome::kConflict) {
        problems_.push_back(Problem{file_name, 0, which, "",
                                    "differs from a response with the same id imported before; the first is kept"});
    } else if (offered.outcome == MergeOutcome::kAdded) {
        ++opened_;
    }
}

bool OfficerStore::Opening::Step(std::size_t responses) {
    if (commitment_) {
        if (!commitment_->Step()) return false;
        if (!commitment_->Outcome().ok()) {
            problems_.push_back(Problem::Saying("opened responses could not be written: " +
                                                commitment_->Outcome().Message() + "; they stay sealed"));
        }
        commitment_.reset();
        ++done_;
        store_->waiting_.erase(store_->waiting_.begin());
        return store_->waiting_.empty();
    }
    if (store_->waiting_.empty() || store_->keyring_ == nullptr) return true;
    if (!batch_) StartSegment();
    WaitingSegment& segment = store_->waiting_.front();
    const std::size_t end = std::min(segment.waiting.size(), next_ + std::max<std::size_t>(responses, 1));
    for (; next_ < end; ++next_) OpenOne(segment.waiting[next_]);
    if (next_ < segment.waiting.size()) return false;
    commitment_.emplace(Commitment(*store_, std::move(*batch_),
                                   Commitment::Rewrite{segment.number, std::move(segment.blocks),
                                                       std::move(segment.readable)}));
    batch_.reset();
    return false;
}

OfficerStoreOpenReport OfficerStore::Open(const std::string& folder, const std::string& legacy_log_path) {
    OfficerStoreOpenReport report;
    held_.clear();
    files_.clear();
    fingerprints_.clear();
    sealed_rows_.clear();
    sealed_groups_.clear();
    waiting_.clear();
    unopened_.clear();
    store_keys_ = keyring_ != nullptr ? keyring_->PublicKeys() : std::vector<PublicKey>();
    next_segment_ = 1;
    folder_ = folder;
    open_ = false;
    ++generation_;
    std::error_code error;
    std::filesystem::create_directories(folder_, error);
    if (error) {
        report.message = "the folder " + folder_ + " cannot be created: " + error.message();
        return report;
    }
    ReadSegments(report);
    open_ = true;
    if (!legacy_log_path.empty() && std::filesystem::exists(legacy_log_path, error)) Migrate(legacy_log_path, report);
    report.responses = Count();
    report.ok = true;
    return report;
}

// An officer.yslog of an earlier version becomes one segment. It goes only once the segment
// is safely written and holds every response, so a crash or a survey this device lacks
// loses nothing; migrating again after a crash adds nothing twice.
void OfficerStore::Migrate(const std::string& legacy_log_path, OfficerStoreOpenReport& report) {
    ResponseStore legacy;
    ResponseStoreOptions options;
    options.read_only = true;
    const ResponseStoreOpenReport opened = legacy.Open(legacy_log_path, options);
    const std::string name = std::filesystem::path(legacy_log_path).filename().string();
    if (!opened.ok) {
        report.problems.push_back(Problem::Saying(name + " from an earlier version could not be read: " + opened.message));
        return;
    }
    ImportedFile file;
    file.file_name = name;
    file.format = "officer store of an earlier version";
    const FileReadResult bytes = ReadWholeFile(legacy_log_path, kMaxSegmentBytes);
    if (bytes.outcome == FileReadOutcome::kRead) file.sha256 = Sha256Hex(ComputeSha256(bytes.bytes));
    Batch batch = BeginBatch(std::move(file));
    std::uint64_t left_out = 0;
    for (const Response& response : legacy.Responses()) {
        const Batch::Offered offered = batch.Offer(response);
        if (offered.problem || offered.outcome == MergeOutcome::kConflict) ++left_out;
    }
    const std::uint64_t added = batch.Added();
    if (added > 0) {
        const Status committed = Commit(std::move(batch));
        if (!committed.ok()) {
            report.problems.push_back(Problem::Saying(name + " could not be moved into the new store: " +
                                                      committed.Message() + "; it is kept as it is"));
            return;
        }
    }
    report.migrated = added;
    std::error_code error;
    if (left_out == 0 && !opened.HasProblems()) {
        std::filesystem::remove(legacy_log_path, error);
        return;
    }
    std::filesystem::rename(legacy_log_path, legacy_log_path + ".migrated", error);
    report.problems.push_back(Problem::Saying(std::to_string(left_out) + " responses in " + name +
                                              " could not be moved into the new store; the old file is kept as " +
                                              name + ".migrated"));
}

Status OfficerStore::Clear() {
    std::error_code error;
    for (const SegmentFileName& segment : ListSegmentFiles(folder_)) {
        std::filesystem::remove(segment.path, error);
        if (error) return Status::Failure("could not remove " + segment.path + ": " + error.message());
    }
    const std::string folder = folder_;
    const OfficerStoreOpenReport reopened = Open(folder);
    return reopened.ok ? Succeeded() : Status::Failure(reopened.message);
}

}  // namespace yousaid
