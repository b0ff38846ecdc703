// How long opening a day's worth of responses takes (the station start-up cost), and what a
// durable append costs. Prints figures; asserts nothing about time.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "core/storage/record_log.h"

namespace {

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

std::string MakePayload(int index) {
    std::string payload = "response-" + std::to_string(index) + ";";
    while (payload.size() < 300) {
        payload.push_back(static_cast<char>('a' + (index + static_cast<int>(payload.size())) % 26));
    }
    return payload;
}

}  // namespace

int main() {
    namespace fs = std::filesystem;
    constexpr int kRecords = 10000;
    constexpr int kOpenRuns = 7;
    constexpr int kDurableAppends = 50;

    const fs::path path = fs::temp_directory_path() / "yousaid_bench_record_log.log";
    std::error_code ignored;
    fs::remove(path, ignored);

    std::vector<std::string> payloads;
    payloads.reserve(kRecords);
    for (int index = 0; index < kRecords; ++index) payloads.push_back(MakePayload(index));

    yousaid::RecordLog writer;
    if (!writer.Open(path.string()).ok || !writer.AppendAll(payloads).ok()) {
        std::fprintf(stderr, "cannot write %s\n", path.string().c_str());
        return 1;
    }
    const auto file_bytes = static_cast<unsigned long long>(fs::file_size(path));

    std::vector<double> open_times;
    for (int run = 0; run < kOpenRuns; ++run) {
        yousaid::RecordLog reader;
        const auto start = std::chrono::steady_clock::now();
        const yousaid::RecordLogOpenReport report = reader.Open(path.string());
        open_times.push_back(MillisecondsSince(start));
        if (!report.ok || reader.Count() != static_cast<std::size_t>(kRecords)) {
            std::fprintf(stderr, "open failed: %s\n", report.Summary().c_str());
            return 1;
        }
    }
    std::sort(open_times.begin(), open_times.end());

    yousaid::RecordLog appender;
    appender.Open(path.string());
    const auto append_start = std::chrono::steady_clock::now();
    for (int index = 0; index < kDurableAppends; ++index) {
        if (!appender.Append(payloads[static_cast<std::size_t>(index)]).ok()) {
            std::fprintf(stderr, "append failed\n");
            return 1;
        }
    }
    const double append_ms = MillisecondsSince(append_start) / kDurableAppends;

    std::printf("record_log open %d records (%llu bytes): %.2f ms (median of %d, best %.2f ms)\n",
                kRecords, file_bytes, open_times[open_times.size() / 2], kOpenRuns,
                open_times.front());
    std::printf("record_log durable append of a 300-byte record (with fsync): %.3f ms\n", append_ms);
    fs::remove(path, ignored);
    return 0;
}
