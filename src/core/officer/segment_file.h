#pragma once
// One segment of the officer store: everything one import brought, in one file written
// once and never changed (officer_store.h says why). The answers are kept as the encoded
// columns the engine tabulates, so opening the store never encodes a response again, and
// free text is kept apart from them.
//
// File layout (integers little-endian):
//   0  8  magic "YSSEG\r\n\x1a"
//   8  4  format version (u32), currently 2 (2: sealed blocks and waiting sealed responses)
//   12 4  responses the segment adds (u32): what a station tablet counts without reading on
//   16 8  payload length (u64)
//   24 4  CRC-32 of the payload
//   28 4  CRC-32 of bytes 0..27
//   32 n  payload: SegmentContents in cereal's PortableBinary format
#include <cstdint>
#include <optional>
#include <tuple>
#include <string>
#include <string_view>
#include <vector>

#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include "core/analytics/encoded_responses.h"
#include "core/base/problem.h"
#include "core/crypto/sealed_box.h"
#include "core/responses/response.h"

namespace yousaid {

inline constexpr std::size_t kSegmentHeaderBytes = 32;
inline constexpr std::uint32_t kSegmentFormatVersion = 2;

// What one import did for one survey version.
struct ImportedSurveyCount {
    std::string survey_id;
    std::int32_t survey_version = 0;
    std::uint32_t added = 0;
    std::uint32_t already_held = 0;
    std::uint32_t conflicts = 0;

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(survey_id, survey_version, added, already_held, conflicts);
    }
};

// One imported file, as the Data view lists it and report.html names it.
struct ImportedFile {
    std::string file_name;  // without folders
    std::string sha256;     // 64 lowercase hex digits of the file's bytes
    std::string format;     // ResponseFileFormatName: "CSV file", "transfer file"...
    std::int64_t imported_at_ms = 0;
    std::string station_id;  // when the file says (transfer and JSON files)
    std::string event_id;
    std::uint32_t rejected = 0;  // responses the file held that were left out, with reasons at the time
    std::vector<ImportedSurveyCount> surveys;

    std::uint64_t Added() const;
    std::uint64_t AddedTo(const std::string& survey_id) const;
    // The file held responses to this survey, whether or not they were new.
    bool Holds(const std::string& survey_id) const;

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t version) {
        if (version > kSerialVersion) throw cereal::Exception("imported-file record written by a newer version of Yousaid");
        archive(file_name, sha256, format, imported_at_ms, station_id, event_id, rejected, surveys);
    }
    static constexpr std::uint32_t kSerialVersion = 1;
};

// A free-text answer, kept apart from the columns: by the row it belongs to in its survey's
// block, so a comment can be shown with its wave, station and event.
struct StoredText {
    std::uint32_t row = 0;
    std::uint32_t question = 0;  // index into the survey's questions
    std::int64_t submitted_at_ms = 0;
    std::string text;

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(row, question, submitted_at_ms, text);
    }
};

// The responses one import added to one survey version.
struct SegmentBlock {
    std::string survey_id;
    std::int32_t survey_version = 0;
    std::vector<std::uint64_t> id_halves;           // high, low of each row's response id
    std::vector<std::uint64_t> fingerprint_halves;  // high, low of each row's FingerprintOf
    EncodedResponses::Columns columns;
    std::vector<StoredText> texts;

    std::size_t RowCount() const { return id_halves.size() / 2; }

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t version) {
        if (version > kSerialVersion) throw cereal::Exception("segment block written by a newer version of Yousaid");
        archive(survey_id, survey_version, id_halves, fingerprint_halves, columns, texts);
    }
    static constexpr std::uint32_t kSerialVersion = 1;
};

// The readable fields that sealed responses share (sealed_response.h says which), so that
// counts by wave, station and event show while the store is locked.
struct ReadableGroup {
    std::string survey_id;
    std::int32_t survey_version = 0;
    std::string wave;
    std::string station_id;
    std::string event_id;
    std::int32_t status = 0;  // ResponseStatus

    friend bool operator<(const ReadableGroup& a, const ReadableGroup& b) {
        return std::tie(a.survey_id, a.survey_version, a.wave, a.station_id, a.event_id, a.status) <
               std::tie(b.survey_id, b.survey_version, b.wave, b.station_id, b.event_id, b.status);
    }
    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(survey_id, survey_version, wave, station_id, event_id, status);
    }
};

ReadableGroup ReadableGroupOf(const Response& response);

// Each row of a segment's sealed blocks, readable: its response id and its group.
struct ReadableRows {
    std::vector<ReadableGroup> groups;
    std::vector<std::uint64_t> id_halves;
    std::vector<std::uint32_t> group_of_row;

    std::size_t RowCount() const { return group_of_row.size(); }
    void Add(const Response& response);
    void Add(const ResponseId& id, const ReadableGroup& group);
    void Append(const ReadableRows& more);
    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(groups, id_halves, group_of_row);
    }
};

// The readable rows of blocks in the clear, from their columns (a row whose columns are
// damaged gets empty fields): what a locked store counts once the blocks are sealed.
ReadableRows ReadableRowsOf(const std::vector<SegmentBlock>& blocks);

struct SegmentContents {
    ImportedFile file;
    // The columns, in the clear: a store without an officer key, or blocks once opened.
    std::vector<SegmentBlock> blocks;
    // Version 2. In a store with an officer key the blocks are kept here instead: cereal bytes
    // of `blocks`, sealed (SealRecord) to the public keys in `recipients`, so that opening the
    // store costs one unseal and a symmetric decryption, not one per response.
    std::string sealed_blocks;
    std::vector<std::string> recipients;  // public keys, 32 bytes each
    ReadableRows readable;                // the rows of `sealed_blocks`
    // Sealed responses imported before a key that opens them was unlocked, as they came.
    std::vector<Response> waiting;

    // Responses the segment holds as written: rows in the clear, sealed rows, waiting ones.
    std::uint64_t RowCount() const;
    bool HasSealedBlocks() const { return !sealed_blocks.empty(); }

    template <class Archive>
    void save(Archive& archive, const std::uint32_t /*version*/) const {
        archive(file, blocks, sealed_blocks, recipients, readable, waiting);
    }
    template <class Archive>
    void load(Archive& archive, const std::uint32_t version) {
        if (version > kSerialVersion) throw cereal::Exception("segment written by a newer version of Yousaid");
        archive(file, blocks);
        if (version >= 2) archive(sealed_blocks, recipients, readable, waiting);
    }
    static constexpr std::uint32_t kSerialVersion = 2;
};

// Seals the blocks into `sealed_blocks` for `recipients` (the blocks stay, for the caller to
// hold; WriteSegmentBytes must see them empty). `readable` is the caller's to fill.
Status SealBlocks(SegmentContents& contents, const std::vector<PublicKey>& recipients);
// The blocks back from `sealed_blocks`, or why not (not unlocked here, damaged).
Status OpenBlocks(SegmentContents& contents, const Keyring& keyring);
// The public keys a segment's blocks are sealed to, as keys.
std::vector<PublicKey> RecipientKeys(const SegmentContents& contents);

std::string WriteSegmentBytes(const SegmentContents& contents);
// The contents, or one problem naming the file: not a segment, a newer format, damaged
// (a checksum or a length that does not add up). Never throws.
Result<SegmentContents> ReadSegmentBytes(std::string_view bytes, const std::string& file_name);
// From a segment's first kSegmentHeaderBytes: the responses it adds, when the header is sound.
std::optional<std::uint32_t> SegmentResponseCount(std::string_view header);

// The segments in `folder` ("000001.ysseg", ...) with their numbers, in order. Other files
// (a temporary file a crash left behind) are not listed.
struct SegmentFileName {
    std::uint64_t number = 0;
    std::string path;
};
std::vector<SegmentFileName> ListSegmentFiles(const std::string& folder);
std::string SegmentFileNameFor(std::uint64_t number);

// Responses in the officer store at `folder`, from the segments' headers alone: for a
// station tablet, which says how many there are but never opens them.
std::uint64_t CountOfficerStoreResponses(const std::string& folder);

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::ImportedFile, yousaid::ImportedFile::kSerialVersion)
CEREAL_CLASS_VERSION(yousaid::SegmentBlock, yousaid::SegmentBlock::kSerialVersion)
CEREAL_CLASS_VERSION(yousaid::SegmentContents, yousaid::SegmentContents::kSerialVersion)
CEREAL_CLASS_VERSION(yousaid::ReadableGroup, 1)
CEREAL_CLASS_VERSION(yousaid::ReadableRows, 1)
