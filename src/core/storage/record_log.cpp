#include "core/storage/record_log.h"
#include "core/io/little_endian.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include "core/crypto/crc32.h"
#include "core/base/enum_names.h"
#include "core/base/file_io.h"

namespace yousaid {
namespace {

constexpr char kFileMagic[6] = {'Y', 'S', 'L', 'O', 'G', '\0'};
constexpr unsigned char kFrameMarker[4] = {0xF7, 'Y', 'S', 'R'};
constexpr std::size_t kFileHeaderSize = kRecordLogFileHeaderBytes;
constexpr std::size_t kFrameHeaderSize = kRecordLogFrameHeaderBytes;
constexpr std::size_t kNotFound = static_cast<std::size_t>(-1);

std::uint16_t ReadU16(const std::string& bytes, std::size_t offset) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[offset]) |
                                      (static_cast<unsigned char>(bytes[offset + 1]) << 8));
}


// Parses frames in a file image. Kept apart from the I/O so every rule is in one place.
class FrameScanner {
public:
    explicit FrameScanner(const std::string& bytes) : bytes_(bytes) {}

    // A frame header that is internally consistent; says nothing about the payload.
    bool ValidHeaderAt(std::size_t offset, std::uint32_t& length,
                       std::uint32_t& payload_crc) const {
        if (bytes_.size() - offset < kFrameHeaderSize) return false;
        if (std::memcmp(bytes_.data() + offset, kFrameMarker, sizeof kFrameMarker) != 0) {
            return false;
        }
        if (ComputeCrc32(bytes_.data() + offset, 12) != ReadU32(bytes_, offset + 12)) {
            return false;
        }
        length = ReadU32(bytes_, offset + 4);
        payload_crc = ReadU32(bytes_, offset + 8);
        return length <= kMaxRecordBytes;
    }

    bool ValidHeaderAt(std::size_t offset) const {
        std::uint32_t length = 0;
        std::uint32_t payload_crc = 0;
        return ValidHeaderAt(offset, length, payload_crc);
    }

    bool CompleteFrameAt(std::size_t offset) const {
        std::uint32_t length = 0;
        std::uint32_t payload_crc = 0;
        if (!ValidHeaderAt(offset, length, payload_crc)) return false;
        const std::size_t payload = offset + kFrameHeaderSize;
        if (bytes_.size() - payload < length) return false;
        return ComputeCrc32(bytes_.data() + payload, length) == payload_crc;
    }

    // The first offset >= from where a complete, checksummed frame starts.
    std::size_t FindNextCompleteFrame(std::size_t from) const {
        const char* data = bytes_.data();
        const std::size_t size = bytes_.size();
        std::size_t offset = from;
        while (size >= kFrameHeaderSize && offset <= size - kFrameHeaderSize) {
            const void* hit = std::memchr(data + offset, kFrameMarker[0],
                                          size - kFrameHeaderSize + 1 - offset);
            if (hit == nullptr) return kNotFound;
            offset = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
            if (CompleteFrameAt(offset)) return offset;
            ++offset;
        }
        return kNotFound;
    }

    struct Scan {
        std::vector<std::pair<std::size_t, std::size_t>> records;  // payload offset and size
        std::vector<RecordLogDamage> damage;                       // in file order; at_tail not yet set
        std::size_t good_end = 0;                                  // just after the last good frame
    };

    // Reads frames from `offset` to the end: each good one is a record; a frame whose
    // payload fails its checksum is skipped alone when its header's length leads to a
    // consistent next frame; anything else is damage up to the next complete frame.
    Scan ScanFrom(std::size_t offset) const {
        Scan scan;
        scan.good_end = offset;
        const std::size_t size = bytes_.size();
        while (offset < size) {
            std::uint32_t length = 0;
            std::uint32_t payload_crc = 0;
            RecordLogDamageKind kind = RecordLogDamageKind::kBadFrameHeader;
            if (ValidHeaderAt(offset, length, payload_crc)) {
                const std::size_t payload = offset + kFrameHeaderSize;
                if (size - payload >= length) {
                    const std::size_t end = payload + length;
                    if (ComputeCrc32(bytes_.data() + payload, length) == payload_crc) {
                        scan.records.emplace_back(payload, length);
                        offset = end;
                        scan.good_end = end;
                        continue;
                    }
                    // The header's own CRC vouches for the length, so skip just this record
                    // when what follows is consistent with it.
                    if (end == size || size - end < kFrameHeaderSize || ValidHeaderAt(end)) {
                        scan.damage.push_back({offset, end - offset, RecordLogDamageKind::kChecksumMismatch, false});
                        offset = end;
                        continue;
                    }
                    kind = RecordLogDamageKind::kChecksumMismatch;
                } else {
                    kind = RecordLogDamageKind::kTruncatedFrame;
                }
            } else if (size - offset < kFrameHeaderSize) {
                kind = RecordLogDamageKind::kTruncatedFrame;
            }
            const std::size_t next = FindNextCompleteFrame(offset + 1);
            const std::size_t stop = next == kNotFound ? size : next;
            scan.damage.push_back({offset, stop - offset, kind, false});
            offset = stop;
        }
        return scan;
    }

private:
    const std::string& bytes_;
};

// Why a file at least a header long is not a record log this app may read and extend;
// empty when it is one.
std::string FileHeaderRefusal(const std::string& contents) {
    if (std::memcmp(contents.data(), kFileMagic, sizeof kFileMagic) != 0) {
        return "not a Yousaid record log (wrong magic bytes)";
    }
    const std::uint16_t version = ReadU16(contents, 6);
    // Checked before the header CRC: a newer version may lay its header out differently.
    if (version > kRecordLogFormatVersion) {
        return "record log format version " + std::to_string(version) + " is newer than this app understands (up to " +
               std::to_string(kRecordLogFormatVersion) + "); update the app";
    }
    if (version == 0) return "record log format version 0 is not a valid version";
    if (ComputeCrc32(contents.data(), 12) != ReadU32(contents, 12)) {
        return "the file header is damaged (checksum mismatch)";
    }
    if (ReadU32(contents, 8) != 0) return "the file header uses reserved fields this app does not understand";
    return std::string();
}

// Why a file shorter than a header is not the start of one of ours (only a crash while
// creating the file leaves a prefix of our own header); empty when it is such a prefix.
std::string ShortFileRefusal(const std::string& contents, const std::string& expected_header) {
    if (contents == expected_header.substr(0, contents.size())) return std::string();
    if (std::memcmp(contents.data(), kFileMagic, std::min(contents.size(), sizeof kFileMagic)) != 0) {
        return "not a Yousaid record log (wrong magic bytes)";
    }
    return "the file header is incomplete and not one this app writes";
}

}  // namespace

namespace {

constexpr EnumNames<RecordLogDamageKind, 4> kDamageKindNames{{
    {RecordLogDamageKind::kTruncatedFileHeader, "truncated file header"},
    {RecordLogDamageKind::kTruncatedFrame, "truncated frame"},
    {RecordLogDamageKind::kChecksumMismatch, "checksum mismatch"},
    {RecordLogDamageKind::kBadFrameHeader, "bad frame header"},
}};

}  // namespace

// The names are string literals, so data() ends in a NUL.
const char* DescribeRecordLogDamageKind(RecordLogDamageKind kind) { return NameOf(kDamageKindNames, kind).data(); }

std::string RecordLogOpenReport::Summary() const {
    if (refused) return "refused: " + message;
    std::string text = "recovered " + std::to_string(records_recovered) + " records";
    if (!damage.empty()) {
        text += "; dropped " + std::to_string(bytes_dropped) + " bytes:";
        for (std::size_t index = 0; index < damage.size(); ++index) {
            const RecordLogDamage& region = damage[index];
            text += index == 0 ? " " : ", ";
            text += DescribeRecordLogDamageKind(region.kind);
            text += " at byte " + std::to_string(region.offset) + " (" +
                    std::to_string(region.byte_count) + " bytes" +
                    (region.at_tail ? ", end of file" : "") + ")";
        }
    }
    if (truncated) text += "; file truncated to " + std::to_string(truncated_to) + " bytes";
    if (!message.empty()) text += "; " + message;
    return text;
}

std::string RecordLog::EncodeFileHeader() {
    std::string header(kFileMagic, sizeof kFileMagic);
    header.push_back(static_cast<char>(kRecordLogFormatVersion & 0xFFu));
    header.push_back(static_cast<char>(kRecordLogFormatVersion >> 8));
    AppendU32(header, 0);  // reserved
    AppendU32(header, ComputeCrc32(header));
    return header;
}

std::string RecordLog::EncodeFrame(std::string_view payload) {
    std::string frame(reinterpret_cast<const char*>(kFrameMarker), sizeof kFrameMarker);
    AppendU32(frame, static_cast<std::uint32_t>(payload.size()));
    AppendU32(frame, ComputeCrc32(payload));
    AppendU32(frame, ComputeCrc32(frame));
    frame.append(payload.data(), payload.size());
    return frame;
}

RecordLogOpenReport RecordLog::Open(const std::string& path, RecordLogOpenOptions options) {
    path_ = path;
    contents_.clear();
    records_.clear();
    writable_ = false;
    needs_header_ = false;

    RecordLogOpenReport report;
    FileReadResult file = ReadWholeFile(path, kMaxRecordLogFileBytes);
    switch (file.outcome) {
        case FileReadOutcome::kRead:
            contents_ = std::move(file.bytes);
            break;
        case FileReadOutcome::kMissing:
            needs_header_ = true;
            writable_ = options.repair;
            report.ok = true;
            return report;
        case FileReadOutcome::kTooBig:
            report.refused = true;
            report.message = file.error + ", too big to be a record log";
            return report;
        case FileReadOutcome::kFailed:
            report.refused = true;
            report.message = file.error;
            return report;
    }

    const std::size_t size = contents_.size();
    report.file_bytes = size;
    const std::string refusal =
        size < kFileHeaderSize ? ShortFileRefusal(contents_, EncodeFileHeader()) : FileHeaderRefusal(contents_);
    if (!refusal.empty()) {
        contents_.clear();
        report.refused = true;
        report.message = path + ": " + refusal + "; the file was left unchanged";
        return report;
    }
    std::size_t good_end = 0;
    if (size < kFileHeaderSize) {
        needs_header_ = true;
        if (size > 0) report.damage.push_back({0, size, RecordLogDamageKind::kTruncatedFileHeader, true});
    } else {
        FrameScanner::Scan scan = FrameScanner(contents_).ScanFrom(kFileHeaderSize);
        for (const auto& [offset, length] : scan.records) records_.push_back({offset, length});
        report.damage = std::move(scan.damage);
        good_end = scan.good_end;
    }

    for (RecordLogDamage& region : report.damage) {
        if (region.offset >= good_end) region.at_tail = true;
        report.bytes_dropped += region.byte_count;
    }
    report.records_recovered = records_.size();

    if (good_end < size) {
        if (!options.repair) {
            report.ok = true;
            return report;
        }
        if (::truncate(path.c_str(), static_cast<off_t>(good_end)) != 0) {
            report.message = "could not truncate the damaged tail of " + path + ": " +
                             ErrnoText() + "; records can be read but not appended";
            return report;
        }
        contents_.resize(good_end);
        report.truncated = true;
        report.truncated_to = good_end;
    }
    writable_ = options.repair;
    report.ok = true;
    return report;
}

std::string_view RecordLog::Record(std::size_t index) const {
    const RecordSpan& span = records_.at(index);
    return std::string_view(contents_.data() + span.offset, span.size);
}

std::vector<std::uint8_t> RecordLog::RecordBytes(std::size_t index) const {
    const std::string_view record = Record(index);
    return std::vector<std::uint8_t>(record.begin(), record.end());
}

Status RecordLog::Append(std::string_view payload) {
    if (payload.size() > kMaxRecordBytes) {
        return Status::Failure("record of " + std::to_string(payload.size()) +
                           " bytes is larger than the limit of " +
                           std::to_string(kMaxRecordBytes));
    }
    return AppendEncoded(EncodeFrame(payload), {payload.size()});
}

Status RecordLog::Append(const std::vector<std::uint8_t>& payload) {
    return Append(std::string_view(reinterpret_cast<const char*>(payload.data()), payload.size()));
}

Status RecordLog::AppendAll(const std::vector<std::string>& payloads) {
    std::string frames;
    std::vector<std::size_t> sizes;
    sizes.reserve(payloads.size());
    for (const std::string& payload : payloads) {
        if (payload.size() > kMaxRecordBytes) {
            return Status::Failure("record of " + std::to_string(payload.size()) +
                               " bytes is larger than the limit of " +
                               std::to_string(kMaxRecordBytes) + "; nothing was written");
        }
        frames += EncodeFrame(payload);
        sizes.push_back(payload.size());
    }
    return AppendEncoded(frames, sizes);
}

Status RecordLog::AppendEncoded(const std::string& frames,
                                               const std::vector<std::size_t>& payload_sizes) {
    if (!writable_) {
        return Status::Failure(path_.empty() ? "the record log is not open"
                                     : "cannot append to " + path_ +
                                           ": it was refused, opened read-only, could not be "
                                           "repaired or changed behind our back");
    }
    std::string bytes = needs_header_ ? EncodeFileHeader() + frames : frames;
    const std::size_t old_size = needs_header_ ? 0 : contents_.size();

    // O_TRUNC only when the file held nothing of value (missing, or a torn header).
    const int flags = O_WRONLY | O_APPEND | O_CREAT | (needs_header_ ? O_TRUNC : 0);
    const int descriptor = ::open(path_.c_str(), flags, 0644);
    if (descriptor < 0) return Status::Failure("cannot open " + path_ + " for writing: " + ErrnoText());

    struct stat status {};
    if (!needs_header_ &&
        (::fstat(descriptor, &status) != 0 ||
         static_cast<std::uint64_t>(status.st_size) != static_cast<std::uint64_t>(old_size))) {
        ::close(descriptor);
        writable_ = false;
        return Status::Failure(path_ + " changed since it was opened; open it again before appending");
    }

    std::string failure = WriteAllAndSync(descriptor, bytes, path_);
    if (!failure.empty()) {
        // A torn frame followed by later good ones would hide them behind its length.
        if (::ftruncate(descriptor, static_cast<off_t>(old_size)) != 0) {
            writable_ = false;
            failure += "; rolling back failed too, open the log again before appending";
        }
        ::close(descriptor);
        return Status::Failure(failure);
    }
    // The bytes are durable once fsync succeeded, so a failing close changes nothing.
    ::close(descriptor);

    if (needs_header_) {
        contents_.clear();
        needs_header_ = false;
    }
    std::size_t offset = contents_.size() + (bytes.size() - frames.size());
    contents_ += bytes;
    for (const std::size_t size : payload_sizes) {
        records_.push_back({offset + kFrameHeaderSize, size});
        offset += kFrameHeaderSize + size;
    }
    return Succeeded();
}

}  // namespace yousaid
