// How long a station takes to open a day's (or a season's) responses: 10,000 responses of
// about 20 answers each, decoded from the record log into memory. Also the cost of writing
// and reading them as a transfer file. Prints figures; asserts nothing about time.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "core/storage/record_log.h"
#include "core/storage/response_store.h"
#include "core/responses/transfer_file.h"

namespace {

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

yousaid::Response MakeResponse(std::uint32_t seed) {
    using yousaid::Answer;
    yousaid::Response response;
    response.id.high = 0xB0B0000000000000ull | seed;
    response.id.low = 0x9E3779B97F4A7C15ull * (seed + 1);
    response.survey_id = "pupil";
    response.survey_version = 1;
    response.wave = "2026";
    response.station_id = "tablet-3";
    response.event_id = "summer-term";
    response.started_at_ms = 1773480413000 + static_cast<std::int64_t>(seed) * 90000;
    response.submitted_at_ms = response.started_at_ms + 240000;
    response.status = yousaid::ResponseStatus::kComplete;
    for (int question = 1; question <= 20; ++question) {
        const std::string id = "question_" + std::to_string(question);
        switch (question % 5) {
            case 0:
                response.answers[id] = Answer::Integer(static_cast<std::int32_t>((seed + static_cast<std::uint32_t>(question)) % 11));
                break;
            case 1:
                response.answers[id] = Answer::Choices({"happy", "calm"});
                break;
            case 2:
                response.answers[id] = Answer::BeforeAndNow(3, 8);
                break;
            default:
                response.answers[id] = Answer::Choice(question % 2 == 0 ? "agree" : "strongly_agree");
                break;
        }
    }
    return response;
}

}  // namespace

int main() {
    namespace fs = std::filesystem;
    constexpr std::uint32_t kResponses = 10000;
    constexpr int kOpenRuns = 7;

    const fs::path path = fs::temp_directory_path() / "yousaid_bench_response_store.log";
    std::error_code ignored;
    fs::remove(path, ignored);

    std::vector<yousaid::Response> responses;
    std::vector<std::string> payloads;
    responses.reserve(kResponses);
    payloads.reserve(kResponses);
    for (std::uint32_t seed = 0; seed < kResponses; ++seed) {
        responses.push_back(MakeResponse(seed));
        payloads.push_back(yousaid::ResponseStore::EncodeResponseRecord(responses.back()));
    }
    {
        yousaid::RecordLog log;
        if (!log.Open(path.string()).ok || !log.AppendAll(payloads).ok()) {
            std::fprintf(stderr, "cannot write %s\n", path.string().c_str());
            return 1;
        }
    }
    const auto file_bytes = static_cast<unsigned long long>(fs::file_size(path));

    std::vector<double> open_times;
    for (int run = 0; run < kOpenRuns; ++run) {
        yousaid::ResponseStore store;
        const auto start = std::chrono::steady_clock::now();
        const yousaid::ResponseStoreOpenReport report = store.Open(path.string());
        open_times.push_back(MillisecondsSince(start));
        if (!report.ok || store.Count() != kResponses || report.HasProblems()) {
            std::fprintf(stderr, "open failed: %s\n", report.Summary().c_str());
            return 1;
        }
    }
    std::sort(open_times.begin(), open_times.end());

    yousaid::TransferExportSettings settings;
    settings.station_id = "tablet-3";
    settings.exported_at_ms = 1773504131000;
    auto start = std::chrono::steady_clock::now();
    const std::string transfer = yousaid::WriteTransferFile(settings, responses);
    const double write_ms = MillisecondsSince(start);
    start = std::chrono::steady_clock::now();
    const yousaid::TransferReadResult read = yousaid::ReadTransferFile(transfer, "bench.yousaid");
    const double read_ms = MillisecondsSince(start);
    if (!read.ok() || read.responses.size() != kResponses) {
        std::fprintf(stderr, "transfer read failed: %s\n", read.Message().c_str());
        return 1;
    }

    std::printf("response_store open %u responses x 20 answers (%llu bytes): %.2f ms (median of %d, best %.2f ms)\n",
                kResponses, file_bytes, open_times[open_times.size() / 2], kOpenRuns, open_times.front());
    std::printf("transfer file of %u responses (%zu bytes): write %.2f ms, check and read %.2f ms\n", kResponses,
                transfer.size(), write_ms, read_ms);
    fs::remove(path, ignored);
    return 0;
}
