// CRC-32 and RecordLog: the on-device storage must keep every good record through any crash.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/crypto/crc32.h"
#include "core/storage/record_log.h"
#include "response_fixtures.h"

namespace {

namespace fs = std::filesystem;
using response_fixtures::ReadBytes;
using response_fixtures::ScratchDirectory;
using response_fixtures::WriteBytes;
using yousaid::RecordLog;
using yousaid::RecordLogDamageKind;
using yousaid::RecordLogOpenReport;

// Payloads of varied length and content, including bytes that look like our own framing,
// so the tests also cover a payload that contains the frame marker.
std::vector<std::string> MakePayloads(int count) {
    std::vector<std::string> payloads;
    for (int index = 0; index < count; ++index) {
        std::string payload = "response " + std::to_string(index) + ":";
        for (int extra = 0; extra < index % 23; ++extra) {
            payload.push_back(static_cast<char>((index * 31 + extra * 7) & 0xFF));
        }
        if (index % 10 == 3) payload += "\xF7YSR";
        payloads.push_back(payload);
    }
    if (count > 5) payloads[5].clear();  // an empty record is a record too
    return payloads;
}

// The file image a clean log of these payloads has, plus where each frame ends.
struct LogImage {
    std::string bytes;
    std::vector<std::size_t> frame_starts;
    std::vector<std::size_t> frame_ends;
};

LogImage BuildImage(const std::vector<std::string>& payloads) {
    LogImage image;
    image.bytes = RecordLog::EncodeFileHeader();
    for (const std::string& payload : payloads) {
        image.frame_starts.push_back(image.bytes.size());
        image.bytes += RecordLog::EncodeFrame(payload);
        image.frame_ends.push_back(image.bytes.size());
    }
    return image;
}

std::vector<std::string> RecordsOf(const RecordLog& log) {
    std::vector<std::string> records;
    for (std::size_t index = 0; index < log.Count(); ++index) {
        records.emplace_back(log.Record(index));
    }
    return records;
}

std::uint32_t BitwiseCrc32(const std::string& bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const char byte : bytes) {
        crc ^= static_cast<unsigned char>(byte);
        for (int bit = 0; bit < 8; ++bit) crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
    }
    return ~crc;
}

}  // namespace

TEST_CASE("storage: crc32 matches the standard check value") {
    CHECK(yousaid::ComputeCrc32("123456789") == 0xCBF43926u);
    CHECK(yousaid::ComputeCrc32("") == 0u);
    CHECK(yousaid::ComputeCrc32("The quick brown fox jumps over the lazy dog") == 0x414FA339u);
}

TEST_CASE("storage: crc32 fed in pieces equals crc32 of the whole") {
    std::string bytes;
    for (int index = 0; index < 1000; ++index) bytes.push_back(static_cast<char>(index * 131 % 256));
    const std::uint32_t whole = yousaid::ComputeCrc32(bytes);
    CHECK(whole == BitwiseCrc32(bytes));
    for (std::size_t split = 0; split <= 40; ++split) {
        yousaid::Crc32 crc;
        crc.Update(bytes.data(), split);
        crc.Update(bytes.data() + split, 3);
        crc.Update(std::string_view(bytes).substr(split + 3));
        CHECK(crc.Value() == whole);
    }
    for (std::size_t length = 0; length < 40; ++length) {
        CHECK(yousaid::ComputeCrc32(bytes.data() + 1, length) == BitwiseCrc32(bytes.substr(1, length)));
    }
}

TEST_CASE("storage: records round trip through a file") {
    ScratchDirectory directory;
    const std::string path = directory.File("responses.log");
    const std::vector<std::string> payloads = MakePayloads(20);
    {
        RecordLog log;
        const RecordLogOpenReport report = log.Open(path);
        CHECK(report.ok);
        CHECK_FALSE(report.HasDamage());
        CHECK(log.Count() == 0);
        CHECK_FALSE(fs::exists(path));  // a missing file is an empty log until the first append
        for (const std::string& payload : payloads) REQUIRE(log.Append(payload).ok());
        const std::vector<std::uint8_t> binary = {0, 1, 2, 0xF7, 0xFF};
        REQUIRE(log.Append(binary).ok());
        CHECK(log.Count() == payloads.size() + 1);
        CHECK(log.RecordBytes(payloads.size()) == binary);
    }
    CHECK(ReadBytes(path).substr(0, 6) == std::string("YSLOG\0", 6));

    RecordLog reopened;
    const RecordLogOpenReport report = reopened.Open(path);
    CHECK(report.ok);
    CHECK_FALSE(report.HasDamage());
    CHECK(report.records_recovered == payloads.size() + 1);
    std::vector<std::string> expected = payloads;
    expected.push_back(std::string("\0\1\2\xF7\xFF", 5));
    CHECK(RecordsOf(reopened) == expected);
    CHECK(ReadBytes(path).size() == BuildImage(payloads).bytes.size() + 16 + 5);
}

TEST_CASE("storage: AppendAll writes several records at once") {
    ScratchDirectory directory;
    const std::string path = directory.File("batch.log");
    RecordLog log;
    REQUIRE(log.Open(path).ok);
    REQUIRE(log.Append("first").ok());
    const std::vector<std::string> batch = {"a", "", "ccc"};
    REQUIRE(log.AppendAll(batch).ok());
    CHECK(RecordsOf(log) == std::vector<std::string>{"first", "a", "", "ccc"});
    RecordLog reopened;
    CHECK_FALSE(reopened.Open(path).HasDamage());
    CHECK(RecordsOf(reopened) == RecordsOf(log));
}

TEST_CASE("storage: an oversized record is refused and nothing is written") {
    ScratchDirectory directory;
    const std::string path = directory.File("big.log");
    RecordLog log;
    REQUIRE(log.Open(path).ok);
    const std::string too_big(yousaid::kMaxRecordBytes + 1, 'x');
    const auto result = log.Append(too_big);
    CHECK_FALSE(result.ok());
    CHECK(result.Message().find("larger than the limit") != std::string::npos);
    CHECK(log.Count() == 0);
    CHECK_FALSE(fs::exists(path));
}

TEST_CASE("storage: every truncation point keeps exactly the records wholly before the cut") {
    ScratchDirectory directory;
    const std::string path = directory.File("cut.log");
    const std::vector<std::string> payloads = MakePayloads(100);
    const LogImage image = BuildImage(payloads);
    const std::size_t header = yousaid::kRecordLogFileHeaderBytes;

    for (std::size_t cut = 0; cut <= image.bytes.size(); ++cut) {
        CAPTURE(cut);
        WriteBytes(path, image.bytes.substr(0, cut));
        RecordLog log;
        const RecordLogOpenReport report = log.Open(path);
        REQUIRE(report.ok);

        std::size_t whole = 0;
        while (whole < image.frame_ends.size() && image.frame_ends[whole] <= cut) ++whole;
        const std::vector<std::string> expected(payloads.begin(),
                                                payloads.begin() + static_cast<std::ptrdiff_t>(whole));
        CHECK(RecordsOf(log) == expected);

        const std::size_t good_end = cut < header ? 0 : (whole == 0 ? header : image.frame_ends[whole - 1]);
        CHECK(report.bytes_dropped == cut - good_end);
        CHECK(report.HasDamage() == (cut != good_end));
        if (report.HasDamage()) {
            REQUIRE(report.damage.size() == 1);
            CHECK(report.damage[0].at_tail);
            CHECK(report.damage[0].kind == (cut < header ? RecordLogDamageKind::kTruncatedFileHeader
                                                         : RecordLogDamageKind::kTruncatedFrame));
            CHECK(report.truncated);
        }
        CHECK(ReadBytes(path).size() == good_end);

        // Appending after the repair continues the log; checked on a sample to keep fsyncs few.
        if (cut % 97 == 0 || cut < header + 2 || cut + 1 == image.bytes.size()) {
            REQUIRE(log.Append("after the crash").ok());
            RecordLog reopened;
            const RecordLogOpenReport again = reopened.Open(path);
            CHECK(again.ok);
            CHECK_FALSE(again.HasDamage());
            std::vector<std::string> with_new = expected;
            with_new.push_back("after the crash");
            CHECK(RecordsOf(reopened) == with_new);
        }
    }
}

TEST_CASE("storage: a flipped bit drops exactly one record") {
    ScratchDirectory directory;
    const std::string path = directory.File("flip.log");
    const std::vector<std::string> payloads = MakePayloads(100);
    const LogImage image = BuildImage(payloads);

    for (const std::size_t victim : {std::size_t{0}, std::size_t{1}, std::size_t{13}, std::size_t{50},
                                     std::size_t{98}, std::size_t{99}}) {
        const bool last = victim + 1 == payloads.size();
        std::vector<std::string> expected = payloads;
        expected.erase(expected.begin() + static_cast<std::ptrdiff_t>(victim));
        // Every bit of the frame: its header (marker, length, CRCs) and its payload.
        for (std::size_t byte = image.frame_starts[victim]; byte < image.frame_ends[victim]; ++byte) {
            for (int bit = 0; bit < 8; ++bit) {
                CAPTURE(victim);
                CAPTURE(byte);
                CAPTURE(bit);
                std::string damaged = image.bytes;
                damaged[byte] = static_cast<char>(damaged[byte] ^ (1 << bit));
                WriteBytes(path, damaged);

                RecordLog log;
                const RecordLogOpenReport report = log.Open(path);
                REQUIRE(report.ok);
                CHECK(RecordsOf(log) == expected);
                REQUIRE(report.damage.size() == 1);
                CHECK(report.damage[0].offset == image.frame_starts[victim]);
                CHECK(report.damage[0].byte_count ==
                      image.frame_ends[victim] - image.frame_starts[victim]);
                const bool in_payload = byte >= image.frame_starts[victim] + 16;
                if (in_payload) CHECK(report.damage[0].kind == RecordLogDamageKind::kChecksumMismatch);
                CHECK(report.damage[0].at_tail == last);
                // The damaged last record is cut off; damage in the middle stays in place.
                CHECK(ReadBytes(path).size() ==
                      (last ? image.frame_starts[victim] : image.bytes.size()));
            }
        }
    }
}

TEST_CASE("storage: after damage in the middle, appends continue and reopen the same way") {
    ScratchDirectory directory;
    const std::string path = directory.File("middle.log");
    const std::vector<std::string> payloads = MakePayloads(10);
    LogImage image = BuildImage(payloads);
    image.bytes[image.frame_starts[4] + 20] ^= 0x10;
    WriteBytes(path, image.bytes);

    RecordLog log;
    const RecordLogOpenReport report = log.Open(path);
    REQUIRE(report.ok);
    CHECK(log.Count() == 9);
    CHECK(report.Summary().find("checksum mismatch") != std::string::npos);
    REQUIRE(log.Append("new").ok());

    RecordLog reopened;
    const RecordLogOpenReport again = reopened.Open(path);
    CHECK(again.ok);
    REQUIRE(again.damage.size() == 1);
    CHECK_FALSE(again.damage[0].at_tail);
    CHECK(reopened.Count() == 10);
    CHECK(reopened.Record(9) == "new");
}

TEST_CASE("storage: garbage in the middle is skipped up to the next good frame") {
    ScratchDirectory directory;
    const std::string path = directory.File("garbage.log");
    const std::vector<std::string> payloads = MakePayloads(6);
    LogImage image = BuildImage(payloads);
    // A zeroed block over two whole frames and parts of their neighbours.
    const std::size_t from = image.frame_starts[2] + 3;
    const std::size_t to = image.frame_starts[4] + 5;
    for (std::size_t byte = from; byte < to; ++byte) image.bytes[byte] = '\0';
    WriteBytes(path, image.bytes);

    RecordLog log;
    const RecordLogOpenReport report = log.Open(path);
    REQUIRE(report.ok);
    CHECK(RecordsOf(log) == std::vector<std::string>{payloads[0], payloads[1], payloads[5]});
    REQUIRE(report.damage.size() == 1);
    CHECK(report.damage[0].kind == RecordLogDamageKind::kBadFrameHeader);
    CHECK(report.damage[0].offset == image.frame_starts[2]);
    CHECK(report.damage[0].byte_count == image.frame_starts[5] - image.frame_starts[2]);
}

TEST_CASE("storage: files we do not understand are refused and left byte-identical") {
    ScratchDirectory directory;
    const std::string path = directory.File("foreign.log");
    const LogImage image = BuildImage(MakePayloads(5));

    std::vector<std::pair<std::string, std::string>> cases;
    std::string wrong_magic = image.bytes;
    wrong_magic[0] = 'X';
    cases.emplace_back("wrong magic", wrong_magic);
    std::string future = image.bytes;
    future[6] = 2;  // version 2: the header CRC is deliberately left stale, a newer layout
    cases.emplace_back("future version", future);
    std::string far_future = image.bytes;
    far_future[7] = 1;
    cases.emplace_back("future version 257", far_future);
    std::string version_zero = image.bytes;
    version_zero[6] = 0;
    cases.emplace_back("version zero", version_zero);
    std::string damaged_header = image.bytes;
    damaged_header[12] ^= 1;
    cases.emplace_back("damaged header", damaged_header);
    cases.emplace_back("a CSV file", "id,name\r\n1,Ann\r\n2,Bo\r\n3,Cy\r\n");
    cases.emplace_back("short text", "hello");
    cases.emplace_back("short magic prefix with wrong tail", std::string("YSLOG\0\7", 7));

    for (const auto& named_case : cases) {
        const std::string& bytes = named_case.second;
        CAPTURE(named_case.first);
        WriteBytes(path, bytes);
        RecordLog log;
        const RecordLogOpenReport report = log.Open(path);
        CHECK_FALSE(report.ok);
        CHECK(report.refused);
        CHECK_FALSE(report.message.empty());
        CHECK(log.Count() == 0);
        CHECK_FALSE(log.CanAppend());
        CHECK_FALSE(log.Append("must not land").ok());
        CHECK(ReadBytes(path) == bytes);
    }

    WriteBytes(path, future);
    RecordLog log;
    const RecordLogOpenReport report = log.Open(path);
    CHECK(report.message.find("newer") != std::string::npos);
    CHECK(report.message.find("left unchanged") != std::string::npos);
}

TEST_CASE("storage: a read-only open reports damage but never writes") {
    ScratchDirectory directory;
    const std::string path = directory.File("readonly.log");
    const LogImage image = BuildImage(MakePayloads(5));
    const std::string torn = image.bytes.substr(0, image.bytes.size() - 3);
    WriteBytes(path, torn);

    RecordLog log;
    const RecordLogOpenReport report = log.Open(path, {false});
    CHECK(report.ok);
    CHECK(log.Count() == 4);
    CHECK(report.HasDamage());
    CHECK_FALSE(report.truncated);
    CHECK_FALSE(log.CanAppend());
    CHECK_FALSE(log.Append("x").ok());
    CHECK(ReadBytes(path) == torn);

    RecordLog missing;
    CHECK(missing.Open(directory.File("missing.log"), {false}).ok);
    CHECK_FALSE(missing.Append("x").ok());
    CHECK_FALSE(fs::exists(directory.File("missing.log")));
}

TEST_CASE("storage: appending refuses a file that changed since it was opened") {
    ScratchDirectory directory;
    const std::string path = directory.File("changed.log");
    RecordLog log;
    REQUIRE(log.Open(path).ok);
    REQUIRE(log.Append("one").ok());
    WriteBytes(path, ReadBytes(path) + "x");
    const auto result = log.Append("two");
    CHECK_FALSE(result.ok());
    CHECK(result.Message().find("changed since it was opened") != std::string::npos);
}
