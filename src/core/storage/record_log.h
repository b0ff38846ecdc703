#pragma once
// RecordLog: an append-only file of checksummed records that survives a crash or a flat
// battery at any byte. It stores opaque byte payloads and knows nothing about surveys.
//
// File layout (all integers little-endian; full description in docs/storage-format.md):
//
//   file header, 16 bytes
//     0  6  magic "YSLOG\0"
//     6  2  format version (u16), currently 1
//     8  4  reserved (u32), 0 in version 1
//     12 4  CRC-32 of bytes 0..11
//   then frames, back to back, each:
//     0  4  marker F7 'Y' 'S' 'R'
//     4  4  payload length (u32), at most kMaxRecordBytes
//     8  4  CRC-32 of the payload
//     12 4  CRC-32 of bytes 0..11 of this frame header
//     16 n  payload
//
// Why the frame header has its own checksum and marker: a damaged length must never make
// the reader swallow the records after it, and after damage the reader has to find the
// next good frame by scanning for the marker. 0xF7 never occurs in UTF-8 text, and a false
// match additionally needs two CRCs to agree, so resynchronising is reliable.
//
// Opening recovers what it can and says what it dropped:
//   - A torn tail (crash mid-append) or a damaged last record: every record before it is
//     kept and the file is truncated to the end of the last good record, so the next
//     append follows it.
//   - Damage in the middle (a flipped bit): only the damaged record is dropped; the reader
//     resynchronises on the next good frame. The damaged bytes stay in the file (nothing
//     after them is rewritten), so each open reports them again.
//   - A file with another magic, a newer format version or a damaged file header is
//     refused and left byte-for-byte untouched: we never truncate what we don't understand.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/problem.h"

namespace yousaid {

inline constexpr std::uint16_t kRecordLogFormatVersion = 1;
inline constexpr std::uint32_t kRecordLogFileHeaderBytes = 16;
inline constexpr std::uint32_t kRecordLogFrameHeaderBytes = 16;
// A survey response is a few kilobytes; anything near this limit is a damaged length.
inline constexpr std::uint32_t kMaxRecordBytes = 16u * 1024u * 1024u;
// The whole log is read into memory (it lives in memory in the browser anyway).
inline constexpr std::uint64_t kMaxRecordLogFileBytes = 1024ull * 1024ull * 1024ull;

enum class RecordLogDamageKind {
    kTruncatedFileHeader,  // the file ends inside the file header (crash while creating it)
    kTruncatedFrame,       // a frame runs past the end of the file (crash mid-append)
    kChecksumMismatch,     // the frame header is sound but the payload's CRC is wrong
    kBadFrameHeader,       // no valid frame header here: marker, length or header CRC wrong
};

const char* DescribeRecordLogDamageKind(RecordLogDamageKind kind);

// One run of bytes that the reader skipped.
struct RecordLogDamage {
    std::uint64_t offset = 0;
    std::uint64_t byte_count = 0;
    RecordLogDamageKind kind = RecordLogDamageKind::kBadFrameHeader;
    bool at_tail = false;  // nothing good followed it; the file was (or would be) cut here
};

struct RecordLogOpenReport {
    // Records are loaded (damage, if any, is listed below) and, when repair was asked for,
    // the file is ready for appends.
    bool ok = false;
    // The file was not understood (wrong magic, newer version, damaged file header, too
    // big, unreadable). No records were loaded and the file was not modified.
    bool refused = false;
    // Why refused, or why a repair failed; empty when all is well (damage goes below).
    std::string message;

    std::uint64_t file_bytes = 0;          // size as found
    std::uint64_t records_recovered = 0;
    std::uint64_t bytes_dropped = 0;       // sum of damage[].byte_count
    std::vector<RecordLogDamage> damage;   // in file order
    bool truncated = false;                // the file was cut back to truncated_to
    std::uint64_t truncated_to = 0;

    bool HasDamage() const { return !damage.empty(); }
    // One line for a log or a support screen, e.g. "recovered 99 records; dropped 316 bytes:
    // checksum mismatch at byte 4120 (316 bytes)".
    std::string Summary() const;
};

struct RecordLogOpenOptions {
    // Truncate a damaged tail so appends can follow. Off: read only, never write the file
    // (for inspecting a copy taken off a tablet); appends are then refused.
    bool repair = true;
};

// Opens the file for each append rather than holding it open: responses arrive at human
// pace, and a handle held across an export or a delete could write into a removed file.
class RecordLog {
public:
    // Reads every record of the file at `path`. A missing file is an empty log; the file is
    // created by the first append. Replaces whatever this object held before.
    RecordLogOpenReport Open(const std::string& path, RecordLogOpenOptions options = {});

    // Writes one record and flushes it to the file system (fsync) before returning. A
    // crash part way leaves a torn frame that the next Open drops; a failed write is rolled
    // back so the file never holds a torn frame followed by good ones.
    Status Append(std::string_view payload);
    Status Append(const std::vector<std::uint8_t>& payload);
    // Several records with a single write and fsync (an import, a migration). Each record
    // is still framed on its own: after a crash, a prefix of them survives.
    Status AppendAll(const std::vector<std::string>& payloads);

    std::size_t Count() const { return records_.size(); }
    // Valid until the next Append or Open.
    std::string_view Record(std::size_t index) const;
    std::vector<std::uint8_t> RecordBytes(std::size_t index) const;

    const std::string& Path() const { return path_; }
    bool CanAppend() const { return writable_; }

    // The 16 header bytes a version-1 file starts with; for tests and tools.
    static std::string EncodeFileHeader();
    // One complete frame (header and payload) as it appears in the file; for tests and tools.
    static std::string EncodeFrame(std::string_view payload);

private:
    struct RecordSpan {
        std::size_t offset = 0;  // into contents_
        std::size_t size = 0;
    };

    Status AppendEncoded(const std::string& frames,
                                        const std::vector<std::size_t>& payload_sizes);

    std::string path_;
    // The file's bytes as read plus everything appended since: records are views into it,
    // so opening 10,000 records costs one allocation, not 10,000.
    std::string contents_;
    std::vector<RecordSpan> records_;
    bool writable_ = false;
    // The file must get a fresh header (it was missing or held only part of a header).
    bool needs_header_ = false;
};

}  // namespace yousaid
