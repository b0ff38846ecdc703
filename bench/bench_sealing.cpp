// What sealing costs (issue 18, "Speed and size"), with the project's own code: a station
// sealing one response; the officer store importing 100,000 sealed responses and opening
// them for the first time (the Opening job, a slice per step as the officer's page runs it);
// later openings of 2 x 100,000 through the segments' sealed data keys; and the Argon2id
// unlock of a private key file. Prints each figure beside its target; asserts nothing
// about time.
//
// The responses are synthetic pupil responses (bench/pupil_responses.h), sealed to an
// officer's key and a recovery key, as stations are told to. They are made once per run and
// used for every figure. Under WebAssembly (Node) sealing and opening are slower, so the
// big files there hold fewer responses (the output says how many).
//
// bench_sealing --write-transfer OUT --public-key FILE [--responses N] writes a transfer file
// of N (100,000) realistic pupil responses sealed to the key in FILE, for
// bench/sealing_browser.mjs, and prints how long sealing them took.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "core/base/file_io.h"
#include "core/keys/officer_key.h"
#include "core/officer/officer_import.h"
#include "core/officer/officer_store.h"
#include "core/responses/sealed_response.h"
#include "core/responses/transfer_file.h"
#include "pupil_responses.h"

namespace {

#ifdef __EMSCRIPTEN__
constexpr std::uint32_t kBigFile = 10000;  // Node: sealing 2 x 100,000 would take many minutes
#else
constexpr std::uint32_t kBigFile = 100000;
#endif
constexpr int kSingleSeals = 1000;
constexpr int kUnlocks = 5;
constexpr int kReopenings = 3;
// As the officer's page steps its work (officer_workspace.cpp).
constexpr std::size_t kImportRowsPerStep = 500;
constexpr std::size_t kSealedPerStep = 64;
constexpr const char* kPassphrase = "bench passphrase, not a secret";

using Clock = std::chrono::steady_clock;

double MillisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// This process's processor time: on a shared machine, what the work itself cost, whatever
// else ran. (Under Emscripten std::clock is the wall clock, so only native runs tell them apart.)
double ProcessorMilliseconds() { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// The value at `fraction` (0.5 the median) of `values`.
double Percentile(std::vector<double> values, double fraction) {
    std::sort(values.begin(), values.end());
    const std::size_t index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return values[index];
}

// A job run to its end one Step at a time: the total, and the longest step (what would hold
// a frame on the page).
struct Stepped {
    double total_ms = 0;
    double processor_ms = 0;
    double longest_ms = 0;
    std::size_t steps = 0;
};
Stepped RunSteps(const std::function<bool()>& step) {
    Stepped times;
    const double processor_start = ProcessorMilliseconds();
    bool done = false;
    while (!done) {
        const Clock::time_point start = Clock::now();
        done = step();
        const double step_ms = MillisecondsSince(start);
        times.total_ms += step_ms;
        times.longest_ms = std::max(times.longest_ms, step_ms);
        ++times.steps;
    }
    times.processor_ms = ProcessorMilliseconds() - processor_start;
    return times;
}

// `count` realistic pupil responses sealed to `keys`, as one transfer file from one station.
std::string SealedTransferFile(const yousaid::Survey& survey, std::uint64_t seed, std::uint32_t count,
                               const std::vector<yousaid::PublicKey>& keys, double& sealing_ms) {
    bench::ResponseGenerator generator(survey, seed);
    std::vector<yousaid::Response> sealed;
    sealed.reserve(count);
    double spent = 0;
    for (std::uint32_t ordinal = 0; ordinal < count; ++ordinal) {
        const yousaid::Response response = generator.Next(ordinal);
        const Clock::time_point start = Clock::now();
        yousaid::Result<yousaid::Response> one = yousaid::SealResponse(response, keys);
        spent += MillisecondsSince(start);
        if (!one.ok()) {
            std::fprintf(stderr, "sealing failed: %s\n", one.Message().c_str());
            return {};
        }
        sealed.push_back(std::move(*one.value));
    }
    sealing_ms = spent;
    yousaid::TransferExportSettings settings;
    settings.station_id = "bench-tablet";
    settings.exported_at_ms = 1767225600000;
    return yousaid::WriteTransferFile(settings, sealed);
}

void PrintSingleSeals(const yousaid::Survey& survey, const std::vector<yousaid::PublicKey>& keys) {
    bench::ResponseGenerator generator(survey, 7, bench::Answering::kEverything);
    const yousaid::Response response = generator.Next(0);
    std::vector<double> times;
    std::size_t sealed_bytes = 0;
    for (int seal = 0; seal < kSingleSeals; ++seal) {
        const Clock::time_point start = Clock::now();
        const yousaid::Result<yousaid::Response> sealed = yousaid::SealResponse(response, keys);
        times.push_back(MillisecondsSince(start));
        if (sealed.ok()) sealed_bytes = sealed.value->sealed.size();
    }
    std::printf("sealing one pupil response (%zu answers, one a text), %d times, to %zu key%s: median %.3f ms, "
                "95th percentile %.3f ms; sealed record %zu bytes (target: unnoticed beside a frame, 16 ms)\n",
                response.answers.size(), kSingleSeals, keys.size(), keys.size() == 1 ? "" : "s",
                Percentile(times, 0.5), Percentile(times, 0.95), sealed_bytes);
}

// Argon2id as the officer's page runs it (64 MiB, 2 passes), on a new private key file.
yousaid::Result<yousaid::KeyPair> PrintUnlocks() {
    const yousaid::Result<yousaid::OfficerKeyFiles> files =
        yousaid::CreateOfficerKey("Bench officer", "2026-12-03", kPassphrase);
    if (!files.ok()) return yousaid::Result<yousaid::KeyPair>::Failure(files.problems);
    std::vector<double> times;
    yousaid::Result<yousaid::KeyPair> key;
    for (int unlock = 0; unlock < kUnlocks; ++unlock) {
        const Clock::time_point start = Clock::now();
        key = yousaid::UnlockPrivateKeyFile(files.value->private_file, kPassphrase, "bench.private.json");
        times.push_back(MillisecondsSince(start));
    }
    std::printf("Argon2id unlock of a private key file (64 MiB, 2 passes), %d times: median %.0f ms (fastest %.0f, "
                "slowest %.0f) (target: about a second)\n",
                kUnlocks, Percentile(times, 0.5), Percentile(times, 0.0), Percentile(times, 1.0));
    return key;
}

// Imports `bytes` as the officer's page does: OfficerImportJob, a slice of rows per step.
Stepped ImportFile(yousaid::OfficerStore& store, std::string bytes, const std::string& name,
                   const std::vector<yousaid::Survey>& surveys, yousaid::ImportReport& report) {
    const Clock::time_point start = Clock::now();
    yousaid::OfficerImportJob job(store, name, std::move(bytes), surveys, 1767312000000);
    Stepped times = RunSteps([&] { return job.Step(kImportRowsPerStep); });
    times.total_ms = MillisecondsSince(start);
    report = job.Report();
    return times;
}

std::uint64_t StoreBytes(const std::string& folder) {
    std::uint64_t bytes = 0;
    for (const yousaid::SegmentFileName& segment : yousaid::ListSegmentFiles(folder)) {
        bytes += std::filesystem::file_size(segment.path);
    }
    return bytes;
}

// The first file imported while no key is unlocked (kept sealed), then the store opened with
// the key and the Opening job run to its end; the second file imported with the key
// unlocked, when each response is opened as it is read. True when every response opened.
bool PrintFirstOpenings(const std::string& folder, const std::vector<yousaid::Survey>& surveys,
                        const std::vector<std::string>& files, const yousaid::Keyring& keyring) {
    yousaid::ImportReport report;
    {
        yousaid::OfficerStore locked(surveys);
        locked.Open(folder);
        const Stepped import = ImportFile(locked, files[0], "wave1.yousaid", surveys, report);
        std::printf("import of %llu sealed responses with no key unlocked (kept sealed): %.2f s (processor %.2f s) over "
                    "%zu steps, longest step %.0f ms; %llu held sealed\n",
                    static_cast<unsigned long long>(report.added), import.total_ms / 1000, import.processor_ms / 1000,
                    import.steps,
                    import.longest_ms, static_cast<unsigned long long>(locked.SealedResponses()));
    }
    yousaid::OfficerStore store(surveys);
    store.SetKeyring(&keyring);
    const Clock::time_point start = Clock::now();
    const double processor_start = ProcessorMilliseconds();
    store.Open(folder);
    const double open_ms = MillisecondsSince(start);
    const double open_processor_ms = ProcessorMilliseconds() - processor_start;
    const std::uint64_t waiting = store.WaitingToOpen();
    yousaid::OfficerStore::Opening opening = store.BeginOpening();
    const Stepped opened = RunSteps([&] { return opening.Step(kSealedPerStep); });
    std::printf("first opening of %llu sealed responses: store opened with the key %.0f ms, then the Opening job "
                "%.2f s over %zu steps of %zu (longest step %.0f ms): %llu opened, %zu problems; in all %.2f s, "
                "processor %.2f s (target: under 10 s natively)\n",
                static_cast<unsigned long long>(waiting), open_ms, opened.total_ms / 1000, opened.steps, kSealedPerStep,
                opened.longest_ms, static_cast<unsigned long long>(opening.Opened()), opening.Problems().size(),
                (open_ms + opened.total_ms) / 1000, (open_processor_ms + opened.processor_ms) / 1000);
    const Stepped second = ImportFile(store, files[1], "wave2.yousaid", surveys, report);
    std::printf("import of %llu sealed responses with the key unlocked (each opened as it is read): %.2f s (processor "
                "%.2f s) over %zu steps, longest step %.0f ms (target: under 10 s natively)\n",
                static_cast<unsigned long long>(report.added), second.total_ms / 1000, second.processor_ms / 1000, second.steps,
                second.longest_ms);
    return store.SealedResponses() == 0 && opening.Opened() == waiting;
}

// The store opened again with the key unlocked, until its columns are readable (as the
// workspace's figures need them): one unseal per segment, then the columns decoded.
bool PrintLaterOpenings(const std::string& folder, const yousaid::Survey& survey, const yousaid::Keyring& keyring) {
    std::vector<double> times;
    std::vector<double> processor_times;
    std::size_t rows = 0;
    std::size_t complete = 0;
    for (int again = 0; again < kReopenings; ++again) {
        const Clock::time_point start = Clock::now();
        const double processor_start = ProcessorMilliseconds();
        yousaid::OfficerStore store({survey});
        store.SetKeyring(&keyring);
        store.Open(folder);
        const yousaid::HeldSurvey* held = store.Find(survey.id, survey.version);
        rows = held == nullptr ? 0 : held->encoded.RowCount();
        complete = 0;
        for (std::size_t row = 0; row < rows; ++row) {
            complete += held->encoded.Status(row) == yousaid::ResponseStatus::kComplete;
        }
        times.push_back(MillisecondsSince(start));
        processor_times.push_back(ProcessorMilliseconds() - processor_start);
    }
    const std::uint64_t bytes = StoreBytes(folder);
    std::printf("later openings of the store (%zu responses in 2 files, %zu complete), %d times: median %.0f ms "
                "(fastest %.0f, slowest %.0f; processor median %.0f ms) (target: under 1 s); store %.1f MB, %.0f bytes "
                "a response\n",
                rows, complete, kReopenings, Percentile(times, 0.5), Percentile(times, 0.0), Percentile(times, 1.0),
                Percentile(processor_times, 0.5),
                static_cast<double>(bytes) / 1e6, rows == 0 ? 0.0 : static_cast<double>(bytes) / static_cast<double>(rows));
    return rows > 0;
}

}  // namespace

namespace {

// For bench/sealing_browser.mjs: `count` responses sealed to the key in `public_key_path`
// and a recovery key (made here and thrown away, so the records are the size stations make).
int WriteTransfer(const yousaid::Survey& survey, const std::string& out, const std::string& public_key_path,
                  std::uint32_t count) {
    const yousaid::FileReadResult text = yousaid::ReadWholeFile(public_key_path, 1 << 20);
    const yousaid::Result<yousaid::PublicKeyFile> key =
        yousaid::ReadPublicKeyFile(text.bytes, std::filesystem::path(public_key_path).filename().string());
    if (text.outcome != yousaid::FileReadOutcome::kRead || !key.ok()) {
        std::fprintf(stderr, "cannot read the public key file %s: %s\n", public_key_path.c_str(), key.Message().c_str());
        return 1;
    }
    double sealing_ms = 0;
    const std::string bytes =
        SealedTransferFile(survey, 2026, count, {key.value->public_key, yousaid::GenerateKeyPair().public_key}, sealing_ms);
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.close();
    if (bytes.empty() || !file) return 1;
    std::printf("wrote %s: %u sealed responses, %.1f MB; sealing them took %.1f s\n", out.c_str(), count,
                static_cast<double>(bytes.size()) / 1e6, sealing_ms / 1000);
    return 0;
}

// The machine is shared: its load says how far the figures below are the code's own.
void PrintLoad() {
    const yousaid::FileReadResult load = yousaid::ReadWholeFile("/proc/loadavg", 4096);
    if (load.outcome != yousaid::FileReadOutcome::kRead) return;
    std::size_t end = 0;
    for (int field = 0; field < 3 && end != std::string::npos; ++field) end = load.bytes.find(' ', end + 1);
    std::printf("load average at the start (1, 5, 15 minutes): %s (shared 2-core machine)\n",
                load.bytes.substr(0, end).c_str());
}

int RunBench(const yousaid::Survey& survey) {
    PrintLoad();
    const yousaid::Result<yousaid::KeyPair> officer = PrintUnlocks();
    if (!officer.ok()) {
        std::fprintf(stderr, "no officer key: %s\n", officer.Message().c_str());
        return 1;
    }
    const std::vector<yousaid::PublicKey> keys = {officer.value->public_key, yousaid::GenerateKeyPair().public_key};
    PrintSingleSeals(survey, {keys[0]});
    PrintSingleSeals(survey, keys);
#ifdef __EMSCRIPTEN__
    std::printf("(WebAssembly: files of %u responses, not 100,000, to keep the run short)\n", kBigFile);
#endif
    std::vector<std::string> files;
    for (std::uint64_t seed : {2025u, 2026u}) {
        double sealing_ms = 0;
        files.push_back(SealedTransferFile(survey, seed, kBigFile, keys, sealing_ms));
        std::printf("made a transfer file of %u pupil responses sealed to 2 keys: %.1f MB; sealing took %.1f s\n",
                    kBigFile, static_cast<double>(files.back().size()) / 1e6, sealing_ms / 1000);
        if (files.back().empty()) return 1;
    }
    const std::string folder = (std::filesystem::temp_directory_path() / "yousaid_bench_sealing").string();
    std::filesystem::remove_all(folder);
    yousaid::Keyring keyring;
    keyring.Add(*officer.value);
    const std::vector<yousaid::Survey> surveys{survey};
    const bool opened = PrintFirstOpenings(folder, surveys, files, keyring);
    files.clear();
    const bool reopened = PrintLaterOpenings(folder, survey, keyring);
    std::filesystem::remove_all(folder);
    return opened && reopened ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<yousaid::Survey> survey = bench::LoadPupilSurvey();
    if (!survey) return 1;
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    if (arguments.empty()) return RunBench(*survey);
    if ((arguments.size() == 4 || arguments.size() == 6) && arguments[0] == "--write-transfer" &&
        arguments[2] == "--public-key" && (arguments.size() == 4 || arguments[4] == "--responses")) {
        const std::uint32_t count = arguments.size() == 6 ? static_cast<std::uint32_t>(std::stoul(arguments[5])) : 100000;
        return WriteTransfer(*survey, arguments[1], arguments[3], count);
    }
    std::fprintf(stderr, "usage: bench_sealing [--write-transfer OUT --public-key FILE [--responses N]]\n");
    return 2;
}
