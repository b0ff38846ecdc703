// libFuzzer target for ResponseStore::Open above the record log (fuzz_record_log covers the
// framing): every record payload a damaged, old, future or hostile app might have written.
// The input is split into payloads at each "\xF0\x9F" pair; a payload starting with 0xFF
// instead patches a well-formed record (response, export mark, import, commit) with the
// bytes that follow, so the fuzzer starts from records that nearly parse. Nothing may crash,
// every record must be either used or reported, and a reopen must give the same result.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/storage/record_log.h"
#include "core/storage/response_store.h"

namespace {

void Require(bool condition) {
    if (!condition) std::abort();
}

const std::string& ScratchPath() {
    static const std::string path = [] {
        std::error_code error;
        const std::filesystem::path directory = std::filesystem::is_directory("/dev/shm", error)
                                                    ? std::filesystem::path("/dev/shm")
                                                    : std::filesystem::temp_directory_path();
        return (directory / ("yousaid_fuzz_response_store_" + std::to_string(getpid()) + ".log")).string();
    }();
    static const bool cleanup_registered = [] {
        return std::atexit([] { std::remove(ScratchPath().c_str()); }) == 0;
    }();
    (void)cleanup_registered;
    return path;
}

yousaid::Response SampleResponse(std::uint64_t low) {
    yousaid::Response response;
    response.id = yousaid::ResponseId{0xABCDull, low};
    response.survey_id = "pupil";
    response.survey_version = 1;
    response.wave = "2026";
    response.status = yousaid::ResponseStatus::kComplete;
    response.answers["happiness"] = yousaid::Answer::Integer(7);
    response.answers["feelings"] = yousaid::Answer::Choices({"calm", "happy"});
    response.answers["better"] = yousaid::Answer::Text("more time");
    return response;
}

// Well-formed payloads of each record type, taken from a real store.
const std::vector<std::string>& Templates() {
    static const std::vector<std::string> templates = [] {
        const std::string path = ScratchPath() + ".templates";
        std::remove(path.c_str());
        {
            yousaid::ResponseStore store;
            Require(store.Open(path).ok);
            Require(store.Add(SampleResponse(1)).Saved());
            Require(store.MarkExported({SampleResponse(1).id}, 1773504131000, "t.yousaid").ok());
            Require(store.Merge({SampleResponse(2), SampleResponse(3)}, "tablet.yousaid", 1773504132000).ok);
        }
        yousaid::RecordLog log;
        Require(log.Open(path, {false}).ok);
        std::vector<std::string> records;
        for (std::size_t index = 0; index < log.Count(); ++index) records.emplace_back(log.Record(index));
        std::remove(path.c_str());
        return records;
    }();
    return templates;
}

std::string MakePayload(std::string_view piece) {
    if (piece.empty() || static_cast<unsigned char>(piece[0]) != 0xFF) return std::string(piece);
    piece.remove_prefix(1);
    const std::vector<std::string>& templates = Templates();
    std::string payload = templates[piece.empty() ? 0 : static_cast<unsigned char>(piece[0]) % templates.size()];
    if (!piece.empty()) piece.remove_prefix(1);
    // Then (position, byte) pairs; a position past the end truncates there.
    while (piece.size() >= 2 && !payload.empty()) {
        const std::size_t position = static_cast<unsigned char>(piece[0]) % (payload.size() + 8);
        if (position >= payload.size()) {
            payload.resize(payload.size() - (position - payload.size()) % payload.size());
        } else {
            payload[position] = piece[1];
        }
        piece.remove_prefix(2);
    }
    return payload;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> payloads;
    std::size_t start = 0;
    while (start <= input.size() && payloads.size() < 64) {
        const std::size_t end = input.find("\xF0\x9F", start);
        payloads.push_back(MakePayload(input.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
        if (end == std::string_view::npos) break;
        start = end + 2;
    }

    const std::string& path = ScratchPath();
    std::remove(path.c_str());
    {
        yousaid::RecordLog log;
        Require(log.Open(path).ok);
        Require(log.AppendAll(payloads).ok());
    }
    yousaid::ResponseStore store;
    const yousaid::ResponseStoreOpenReport report = store.Open(path);
    Require(report.ok);
    Require(report.records == payloads.size());
    Require(report.responses == store.Count());
    Require(report.skipped_records.size() <= payloads.size());
    for (const yousaid::Problem& problem : report.skipped_records) {
        const std::uint64_t record_number = std::stoull(problem.path.substr(problem.path.find(' ') + 1));
        Require(problem.path.rfind("record ", 0) == 0);
        Require(record_number >= 1 && record_number <= payloads.size());
        Require(!problem.message.empty());
    }
    (void)report.Summary();
    (void)store.Counts();
    (void)store.NotYetExportedCount();

    // The store keeps working: an add, an export mark and a merge, then the same on reopening.
    Require(store.Add(SampleResponse(0xFEED)).outcome != yousaid::StoreAddOutcome::kFailed);
    std::vector<yousaid::ResponseId> ids;
    for (const yousaid::Response& response : store.Responses()) ids.push_back(response.id);
    Require(store.MarkExported(ids, 1, "fuzz.yousaid").ok());
    Require(store.NotYetExportedCount() == 0);
    Require(store.Merge({SampleResponse(0xBEEF)}, "fuzz.yousaid", 2).ok);

    yousaid::ResponseStore reopened;
    const yousaid::ResponseStoreOpenReport again = reopened.Open(path);
    Require(again.ok);
    Require(reopened.Responses() == store.Responses());
    Require(reopened.NotYetExportedCount() == store.NotYetExportedCount());
    Require(again.skipped_records.size() == report.skipped_records.size());
    return 0;
}
