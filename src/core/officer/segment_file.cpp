#include "core/officer/segment_file.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>

#include "core/crypto/crc32.h"
#include "core/io/checked_portable_binary.h"
#include "core/io/little_endian.h"

namespace yousaid {

namespace {

constexpr std::string_view kSegmentMagic("YSSEG\r\n\x1a", 8);

template <class T>
std::size_t BytesOf(const std::vector<T>& values) {
    return sizeof(std::uint64_t) + values.size() * sizeof(T);
}

template <class T>
std::size_t BytesOf(const std::vector<std::vector<T>>& columns) {
    std::size_t bytes = sizeof(std::uint64_t);
    for (const std::vector<T>& column : columns) bytes += BytesOf(column);
    return bytes;
}

// About the size of a segment's payload (its columns, ids and texts), so that the bytes are
// not copied again and again as they grow.
std::size_t PayloadSizeEstimate(const SegmentContents& contents) {
    std::size_t bytes = 4096;
    for (const SegmentBlock& block : contents.blocks) {
        const EncodedResponses::Columns& columns = block.columns;
        bytes += BytesOf(block.id_halves) + BytesOf(block.fingerprint_halves) + BytesOf(columns.statuses) +
                 BytesOf(columns.modes) + BytesOf(columns.field_codes) + BytesOf(columns.answer_codes) +
                 BytesOf(columns.number_values) + BytesOf(columns.latest_submitted_by_wave);
        for (const StoredText& text : block.texts) bytes += 32 + text.text.size();
    }
    return bytes;
}

}  // namespace

std::uint64_t ImportedFile::Added() const {
    std::uint64_t added = 0;
    for (const ImportedSurveyCount& count : surveys) added += count.added;
    return added;
}

std::uint64_t ImportedFile::AddedTo(const std::string& survey_id) const {
    std::uint64_t added = 0;
    for (const ImportedSurveyCount& count : surveys) {
        if (count.survey_id == survey_id) added += count.added;
    }
    return added;
}

bool ImportedFile::Holds(const std::string& survey_id) const {
    for (const ImportedSurveyCount& count : surveys) {
        if (count.survey_id == survey_id && count.added + count.already_held + count.conflicts > 0) return true;
    }
    return false;
}

std::uint64_t SegmentContents::RowCount() const {
    std::uint64_t rows = 0;
    if (!HasSealedBlocks()) {
        for (const SegmentBlock& block : blocks) rows += block.RowCount();
    }
    return rows + readable.RowCount() + waiting.size();
}

ReadableGroup ReadableGroupOf(const Response& response) {
    return ReadableGroup{response.survey_id, response.survey_version, response.wave, response.station_id,
                         response.event_id, static_cast<std::int32_t>(response.status)};
}

void ReadableRows::Add(const Response& response) { Add(response.id, ReadableGroupOf(response)); }

void ReadableRows::Add(const ResponseId& id, const ReadableGroup& group) {
    // A segment is one file: a handful of groups, so a search is cheaper than a map.
    std::size_t index = 0;
    while (index < groups.size() && (groups[index] < group || group < groups[index])) ++index;
    if (index == groups.size()) groups.push_back(group);
    id_halves.push_back(id.high);
    id_halves.push_back(id.low);
    group_of_row.push_back(static_cast<std::uint32_t>(index));
}

ReadableRows ReadableRowsOf(const std::vector<SegmentBlock>& blocks) {
    ReadableRows rows;
    for (const SegmentBlock& block : blocks) {
        const EncodedResponses::Columns& columns = block.columns;
        const auto field = [&columns](ResponseField which, std::size_t row) -> std::string {
            const auto index = static_cast<std::size_t>(which);
            if (index >= columns.field_codes.size() || index >= columns.field_values.size()) return {};
            const std::vector<std::uint32_t>& codes = columns.field_codes[index];
            const std::vector<std::string>& values = columns.field_values[index];
            return row < codes.size() && codes[row] < values.size() ? values[codes[row]] : std::string();
        };
        for (std::size_t row = 0; row < block.RowCount(); ++row) {
            ReadableGroup group{block.survey_id,
                                block.survey_version,
                                field(ResponseField::kWave, row),
                                field(ResponseField::kStation, row),
                                field(ResponseField::kEvent, row),
                                row < columns.statuses.size() ? static_cast<std::int32_t>(columns.statuses[row]) : 0};
            rows.Add(ResponseId{block.id_halves[2 * row], block.id_halves[2 * row + 1]}, group);
        }
    }
    return rows;
}

void ReadableRows::Append(const ReadableRows& more) {
    for (std::size_t row = 0; row < more.RowCount(); ++row) {
        Add(ResponseId{more.id_halves[2 * row], more.id_halves[2 * row + 1]}, more.groups[more.group_of_row[row]]);
    }
}

Status SealBlocks(SegmentContents& contents, const std::vector<PublicKey>& recipients) {
    std::string plain;
    AppendPortableBinary(contents.blocks, plain);
    Result<std::string> sealed = SealRecord(plain, recipients);
    WipeText(plain);
    if (!sealed.ok()) return Status::Failure(sealed.problems);
    contents.sealed_blocks = std::move(*sealed.value);
    contents.recipients.clear();
    for (const PublicKey& key : recipients) contents.recipients.emplace_back(key.begin(), key.end());
    return Succeeded();
}

Status OpenBlocks(SegmentContents& contents, const Keyring& keyring) {
    Result<std::string> plain = OpenRecord(contents.sealed_blocks, keyring);
    if (!plain.ok()) return Status::Failure(plain.problems);
    std::vector<SegmentBlock> blocks;
    try {
        LoadPortableBinary(*plain.value, blocks);
    } catch (const std::exception& error) {
        WipeText(*plain.value);
        return Status::Failure(std::string("its sealed responses cannot be read: ") + error.what());
    }
    WipeText(*plain.value);
    std::uint64_t rows = 0;
    for (const SegmentBlock& block : blocks) rows += block.RowCount();
    if (rows != contents.readable.RowCount()) {
        return Status::Failure("its sealed and readable parts disagree on how many responses it holds");
    }
    contents.blocks = std::move(blocks);
    return Succeeded();
}

std::vector<PublicKey> RecipientKeys(const SegmentContents& contents) {
    std::vector<PublicKey> keys;
    for (const std::string& bytes : contents.recipients) {
        PublicKey key{};
        if (bytes.size() != key.size()) continue;
        std::copy(bytes.begin(), bytes.end(), key.begin());
        keys.push_back(key);
    }
    return keys;
}

std::string WriteSegmentBytes(const SegmentContents& contents) {
    // The payload is written after room for the header, then the header filled in: a segment
    // is megabytes, and is not copied again to put the header in front.
    std::string bytes(kSegmentHeaderBytes, '\0');
    bytes.reserve(kSegmentHeaderBytes + PayloadSizeEstimate(contents));
    AppendPortableBinary(contents, bytes);
    const std::string_view payload = std::string_view(bytes).substr(kSegmentHeaderBytes);
    std::string header(kSegmentMagic);
    AppendU32(header, kSegmentFormatVersion);
    AppendU32(header, static_cast<std::uint32_t>(contents.RowCount()));
    AppendU64(header, payload.size());
    AppendU32(header, ComputeCrc32(payload));
    AppendU32(header, ComputeCrc32(header));
    bytes.replace(0, kSegmentHeaderBytes, header);
    return bytes;
}

std::optional<std::uint32_t> SegmentResponseCount(std::string_view header) {
    if (header.size() < kSegmentHeaderBytes || header.substr(0, kSegmentMagic.size()) != kSegmentMagic) {
        return std::nullopt;
    }
    if (ComputeCrc32(header.substr(0, 28)) != ReadU32(header, 28)) return std::nullopt;
    return ReadU32(header, 12);
}

Result<SegmentContents> ReadSegmentBytes(std::string_view bytes, const std::string& file_name) {
    const auto refuse = [&file_name](std::string message) {
        Problem problem = Problem::Saying(std::move(message));
        problem.file = file_name;
        return Result<SegmentContents>::Failure(std::move(problem));
    };
    if (bytes.size() < kSegmentHeaderBytes || bytes.substr(0, kSegmentMagic.size()) != kSegmentMagic) {
        return refuse("this is not a segment of the officer store");
    }
    if (ComputeCrc32(bytes.substr(0, 28)) != ReadU32(bytes, 28)) return refuse("its header is damaged");
    const std::uint32_t format = ReadU32(bytes, 8);
    if (format > kSegmentFormatVersion) {
        return refuse("it was written by a newer version of Yousaid (format " + std::to_string(format) +
                      "); update the app to read it");
    }
    const std::uint64_t length = ReadU64(bytes, 16);
    const std::string_view payload = bytes.substr(kSegmentHeaderBytes);
    if (length != payload.size()) {
        return refuse("it holds " + std::to_string(payload.size()) + " bytes of data where its header says " +
                      std::to_string(length) + ": it is cut short or damaged");
    }
    if (ComputeCrc32(payload) != ReadU32(bytes, 24)) return refuse("its data is damaged (checksum mismatch)");
    SegmentContents contents;
    try {
        LoadPortableBinary(payload, contents);
    } catch (const std::exception& error) {
        return refuse(std::string("its data cannot be read: ") + error.what());
    }
    if (contents.RowCount() != ReadU32(bytes, 12)) return refuse("its header and its data disagree on how many responses it holds");
    const ReadableRows& readable = contents.readable;
    if (readable.id_halves.size() != 2 * readable.RowCount() ||
        std::any_of(readable.group_of_row.begin(), readable.group_of_row.end(),
                    [&readable](std::uint32_t group) { return group >= readable.groups.size(); }) ||
        (contents.HasSealedBlocks() && !contents.blocks.empty()) ||
        std::any_of(contents.recipients.begin(), contents.recipients.end(),
                    [](const std::string& key) { return key.size() != kPublicKeyBytes; }) ||
        std::any_of(contents.waiting.begin(), contents.waiting.end(),
                    [](const Response& response) { return !response.IsSealed(); })) {
        return refuse("its sealed responses do not add up");
    }
    for (const SegmentBlock& block : contents.blocks) {
        if (block.id_halves.size() % 2 != 0 || block.fingerprint_halves.size() != block.id_halves.size() ||
            block.columns.statuses.size() != block.RowCount()) {
            return refuse("a block of responses for " + block.survey_id + " does not add up");
        }
    }
    return Result<SegmentContents>::Success(std::move(contents));
}

std::string SegmentFileNameFor(std::uint64_t number) {
    char name[32];
    std::snprintf(name, sizeof name, "%06llu.ysseg", static_cast<unsigned long long>(number));
    return name;
}

std::vector<SegmentFileName> ListSegmentFiles(const std::string& folder) {
    std::vector<SegmentFileName> segments;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        if (name.size() != 12 || name.substr(6) != ".ysseg" ||
            !std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= '0' && c <= '9'; })) {
            continue;
        }
        segments.push_back({std::stoull(name.substr(0, 6)), entry.path().string()});
    }
    std::sort(segments.begin(), segments.end(),
              [](const SegmentFileName& a, const SegmentFileName& b) { return a.number < b.number; });
    return segments;
}

std::uint64_t CountOfficerStoreResponses(const std::string& folder) {
    std::uint64_t responses = 0;
    for (const SegmentFileName& segment : ListSegmentFiles(folder)) {
        std::FILE* file = std::fopen(segment.path.c_str(), "rb");
        if (file == nullptr) continue;
        std::string header(kSegmentHeaderBytes, '\0');
        const std::size_t read = std::fread(header.data(), 1, header.size(), file);
        std::fclose(file);
        if (read == header.size()) responses += SegmentResponseCount(header).value_or(0);
    }
    return responses;
}

}  // namespace yousaid
