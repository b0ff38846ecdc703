// How fast, and in how much memory, the report reads a large response CSV: about 191,100
// responses to the pupil survey (two waves, answers of every kind, some free text), about
// 50 MB, read and encoded into the columns the tabulation counts, as yousaid_report does.
//
// Prints wall time, processor time, peak resident memory (getrusage ru_maxrss) and its ratio
// to the file's size; asserts nothing about time. Targets: peak memory under 4x the file
// size plus the encoded data, and the file read in under 3 s natively.
//
// The file is written (with a fixed seed) in pieces of a few thousand responses, so that
// writing it never holds more memory than reading it; the peak is then the reader's.
//
// yousaid_report end to end, on the same file:
//   build/native/bench_report_input --keep
//   /usr/bin/time -v build/native/yousaid_report --survey assets/surveys/pupil.json
//     --responses /tmp/yousaid_bench_report_input.csv --by school --by year_group --out /tmp/report
//   (one command line)
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "core/analytics/encoded_responses_builder.h"
#include "core/responses/answer_checking.h"
#include "core/responses/response_csv.h"
#include "core/storage/response_import.h"
#include "pupil_responses.h"

namespace {

constexpr std::uint32_t kResponses = 191100;
constexpr std::uint32_t kResponsesPerPiece = 4000;
constexpr std::uint64_t kSeed = 20260314;

// Peak resident memory of this process so far, in bytes; 0 where the platform does not say
// (WebAssembly).
double PeakResidentBytes() {
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
    return static_cast<double>(usage.ru_maxrss) * 1024.0;  // Linux reports kilobytes
}

double ProcessorSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double Megabytes(double bytes) { return bytes / (1024.0 * 1024.0); }

// Writes the file piece by piece; false (with a message) when a response would not read
// back or the file cannot be written.
bool WriteResponseFile(const yousaid::Survey& survey, const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    bench::ResponseGenerator generator(survey, kSeed);
    for (std::uint32_t first = 0; first < kResponses; first += kResponsesPerPiece) {
        std::vector<yousaid::Response> piece;
        for (std::uint32_t ordinal = first; ordinal < std::min(kResponses, first + kResponsesPerPiece); ++ordinal) {
            piece.push_back(generator.Next(ordinal));
            const std::vector<std::string> problems = yousaid::CheckResponse(survey, piece.back());
            if (!problems.empty()) {
                std::fprintf(stderr, "generated an invalid response: %s\n", problems.front().c_str());
                return false;
            }
        }
        const std::string bytes = yousaid::WriteResponsesCsv(survey, piece);
        // Every piece starts with the BOM and the header row; the file keeps only the first.
        const std::size_t body = first == 0 ? 0 : bytes.find("\r\n") + 2;
        out.write(bytes.data() + body, static_cast<std::streamsize>(bytes.size() - body));
    }
    out.close();
    if (!out) std::fprintf(stderr, "cannot write %s\n", path.string().c_str());
    return static_cast<bool>(out);
}

// What yousaid_report does before tabulating: read the file, and encode each response as it
// is read, merged by id, keeping none of them.
std::size_t ReadAndEncode(const std::filesystem::path& path, const yousaid::Survey& survey) {
    yousaid::EncodedResponsesBuilder builder(survey);
    std::size_t encoding_problems = 0;
    const yousaid::LoadedResponses loaded =
        yousaid::StreamResponsesFromFile(path.string(), survey, [&](yousaid::Response&& response) {
            encoding_problems += builder.Offer(response).problem ? 1 : 0;
        });
    if (!loaded.ok() || encoding_problems > 0) {
        std::fprintf(stderr, "%s (%zu responses not encoded)\n", loaded.Message().c_str(), encoding_problems);
        return 0;
    }
    return builder.Encoded().RowCount();
}

}  // namespace

// With --keep the file stays in the temporary folder, to time yousaid_report on it.
int main(int argc, char** argv) {
    const bool keep_file = argc > 1 && std::string(argv[1]) == "--keep";
    const std::optional<yousaid::Survey> loaded = bench::LoadPupilSurvey();
    if (!loaded) return 1;
    const yousaid::Survey& survey = *loaded;
    const std::filesystem::path path = std::filesystem::temp_directory_path() / "yousaid_bench_report_input.csv";
    if (!WriteResponseFile(survey, path)) return 1;
    const double file_bytes = static_cast<double>(std::filesystem::file_size(path));
    const double peak_before = PeakResidentBytes();

    const auto wall_start = std::chrono::steady_clock::now();
    const double processor_start = ProcessorSeconds();
    const std::size_t rows = ReadAndEncode(path, survey);
    const double processor_seconds = ProcessorSeconds() - processor_start;
    const double wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    const double peak = PeakResidentBytes();

    std::printf("response CSV: %u responses, %.1f MB (%s)\n", kResponses, Megabytes(file_bytes), path.string().c_str());
    std::printf("read and encoded %zu responses: %.2f s wall, %.2f s processor (target: under 3 s natively)\n", rows,
                wall_seconds, processor_seconds);
    if (peak > 0) {
        std::printf("peak resident memory: %.1f MB (%.1f MB before reading): %.2fx the file's size "
                    "(target: under 4x plus the encoded data)\n",
                    Megabytes(peak), Megabytes(peak_before), peak / file_bytes);
    } else {
        std::printf("peak resident memory: not reported on this platform\n");
    }
    if (!keep_file) {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
    }
    return rows == kResponses ? 0 : 1;
}
