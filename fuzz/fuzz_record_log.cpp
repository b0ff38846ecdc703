// libFuzzer target for RecordLog::Open. Two kinds of input, chosen by the first byte:
//  - even: the rest is a file's bytes, opened as found. Nothing may crash; a refused file
//    must be left untouched; a repaired file must reopen to the same records with no damage
//    at its tail, and take an append.
//  - odd: the rest describes records and one accident (a cut or a flipped bit), applied to
//    a well-formed log; the open must recover exactly the records the accident spared.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/storage/record_log.h"

namespace {

using yousaid::RecordLog;

void Require(bool condition) {
    if (!condition) std::abort();
}

// tmpfs when there is one: every input is written and fsynced.
const std::string& ScratchPath() {
    static const std::string path = [] {
        std::error_code error;
        const std::filesystem::path directory =
            std::filesystem::is_directory("/dev/shm", error) ? std::filesystem::path("/dev/shm")
                                                              : std::filesystem::temp_directory_path();
        return (directory / ("yousaid_fuzz_record_log_" + std::to_string(getpid()) + ".log")).string();
    }();
    static const bool cleanup_registered = [] {
        return std::atexit([] { std::remove(ScratchPath().c_str()); }) == 0;
    }();
    (void)cleanup_registered;
    return path;
}

void WriteFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> RecordsOf(const RecordLog& log) {
    std::vector<std::string> records;
    for (std::size_t index = 0; index < log.Count(); ++index) records.emplace_back(log.Record(index));
    return records;
}

// Reopening after a repair gives the same records, damage only in the middle, and appends work.
void CheckRepairedLogIsStable(const std::string& path, const std::vector<std::string>& records) {
    RecordLog reopened;
    const yousaid::RecordLogOpenReport report = reopened.Open(path);
    Require(report.ok);
    Require(!report.truncated);
    for (const yousaid::RecordLogDamage& region : report.damage) Require(!region.at_tail);
    Require(RecordsOf(reopened) == records);
    Require(reopened.Append("appended by the fuzzer").ok());

    RecordLog after_append;
    const yousaid::RecordLogOpenReport final_report = after_append.Open(path);
    Require(final_report.ok);
    Require(final_report.damage.size() == report.damage.size());
    std::vector<std::string> expected = records;
    expected.push_back("appended by the fuzzer");
    Require(RecordsOf(after_append) == expected);
}

void FuzzRawFile(const std::string& bytes) {
    const std::string& path = ScratchPath();
    WriteFile(path, bytes);
    RecordLog log;
    const yousaid::RecordLogOpenReport report = log.Open(path);
    if (report.refused) {
        Require(!report.ok && log.Count() == 0 && !report.message.empty());
        Require(ReadFile(path) == bytes);
        return;
    }
    Require(report.ok);
    std::uint64_t dropped = 0;
    for (const yousaid::RecordLogDamage& region : report.damage) dropped += region.byte_count;
    Require(dropped == report.bytes_dropped);
    Require(report.records_recovered == log.Count());
    const std::string after = ReadFile(path);
    Require(after.size() == (report.truncated ? report.truncated_to : bytes.size()));
    Require(bytes.compare(0, after.size(), after) == 0);
    CheckRepairedLogIsStable(path, RecordsOf(log));
}

void FuzzAccident(const std::uint8_t* data, std::size_t size) {
    // Layout: record count, then per record a length byte and that many bytes, then the
    // accident: kind byte and a 16-bit position.
    std::size_t cursor = 0;
    const auto next = [&]() -> std::uint8_t { return cursor < size ? data[cursor++] : 0; };
    const std::size_t count = next() % 24;
    std::vector<std::string> payloads;
    bool payload_holds_marker = false;
    for (std::size_t index = 0; index < count; ++index) {
        const std::size_t length = next();
        std::string payload;
        for (std::size_t byte = 0; byte < length && cursor < size; ++byte) payload.push_back(static_cast<char>(next()));
        // A payload that embeds our own marker could embed a whole frame; resynchronising
        // may then find it (a documented limit), so exact expectations would not hold.
        if (payload.find("\xF7YSR") != std::string::npos) payload_holds_marker = true;
        payloads.push_back(payload);
    }
    const bool flip = (next() & 1) != 0;
    const std::size_t position = static_cast<std::size_t>(next()) | (static_cast<std::size_t>(next()) << 8);

    std::string image = RecordLog::EncodeFileHeader();
    std::vector<std::size_t> starts;
    std::vector<std::size_t> ends;
    for (const std::string& payload : payloads) {
        starts.push_back(image.size());
        image += RecordLog::EncodeFrame(payload);
        ends.push_back(image.size());
    }

    std::vector<std::string> expected;
    bool expect_refusal = false;
    if (flip) {
        const std::size_t bit = position % (image.size() * 8);
        image[bit / 8] = static_cast<char>(image[bit / 8] ^ (1 << (bit % 8)));
        if (bit / 8 < yousaid::kRecordLogFileHeaderBytes) {
            expect_refusal = true;
        } else {
            for (std::size_t index = 0; index < payloads.size(); ++index) {
                if (!(starts[index] <= bit / 8 && bit / 8 < ends[index])) expected.push_back(payloads[index]);
            }
        }
    } else {
        const std::size_t cut = position % (image.size() + 1);
        image.resize(cut);
        for (std::size_t index = 0; index < payloads.size(); ++index) {
            if (ends[index] <= cut) expected.push_back(payloads[index]);
        }
    }

    const std::string& path = ScratchPath();
    WriteFile(path, image);
    RecordLog log;
    const yousaid::RecordLogOpenReport report = log.Open(path);
    if (expect_refusal) {
        Require(report.refused);
        Require(ReadFile(path) == image);
        return;
    }
    Require(report.ok);
    if (!payload_holds_marker) Require(RecordsOf(log) == expected);
    CheckRepairedLogIsStable(path, RecordsOf(log));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    if ((data[0] & 1) == 0) {
        FuzzRawFile(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    } else {
        FuzzAccident(data + 1, size - 1);
    }
    return 0;
}
