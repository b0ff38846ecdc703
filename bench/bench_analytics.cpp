// How long the whole tabulation of a large pupil survey takes: 100,000 respondents in each
// of two waves, 40 items, broken down by school (60 schools), year group, SEND status, and
// school and SEND status each crossed with year group. Every table of the report is built
// (return rates, satisfaction with Wilson intervals, means with t intervals, change with
// Newcombe intervals and z-tests, change counts, small-number suppression).
//
// Prints figures; asserts nothing about time. Budgets: under 100 ms natively, under 250 ms
// as WebAssembly, and at least 5x faster than pandas (bench/bench_analytics_pandas.py).
//
// The native run also writes the data set, as numeric CSV, and its own tables to
// /tmp/yousaid_bench_analytics/, where the pandas script reads them: it times the same
// tables in pandas and checks that both give the same figures. Both runs write their
// timings there (timings_native.json, timings_wasm.json).
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "core/analytics/tabulate.h"
#include "core/analytics/population.h"
#include "core/analytics/report_writer.h"
#include "core/survey/survey_loader.h"

namespace {

#ifdef __EMSCRIPTEN__
constexpr const char* kBuildName = "wasm";
constexpr double kBudgetMilliseconds = 250.0;
constexpr bool kWritesDataSet = false;  // the native run writes it; writing it twice is slow
#else
constexpr const char* kBuildName = "native";
constexpr double kBudgetMilliseconds = 100.0;
constexpr bool kWritesDataSet = true;
#endif

constexpr int kRespondentsPerWave = 100000;
constexpr int kSchools = 60;
constexpr int kScaleItems = 30;
constexpr int kRatingItems = 6;
constexpr int kYesSometimesNoItems = 2;
constexpr int kBeforeAndNowItems = 2;
constexpr int kItems = kScaleItems + kRatingItems + kYesSometimesNoItems + kBeforeAndNowItems;  // 40
constexpr int kTabulationRuns = 8;  // the first, then 7 more
const char* const kWaves[] = {"2024", "2025"};
const std::filesystem::path kOutDir = "/tmp/yousaid_bench_analytics";

// Missing (not shown, skipped or not reached) in the raw data.
constexpr int kMissing = -9;
constexpr int kDontKnow = -1;
constexpr int kPreferNotToSay = -2;

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Processor time of this process: on a shared machine the wall clock also counts the time
// other programs had the processor, so both are printed.
double CpuMillisecondsSince(std::clock_t start) {
    return 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

// splitmix64: small, fast and identical on every platform.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t Next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double Uniform() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
    bool Chance(double probability) { return Uniform() < probability; }
    int Below(int bound) { return static_cast<int>(Uniform() * bound); }
    // Approximately standard normal (Irwin-Hall with 4 uniforms, rescaled).
    double Normal() { return (Uniform() + Uniform() + Uniform() + Uniform() - 2.0) * 1.7320508075688772; }

private:
    std::uint64_t state_;
};

std::string ItemId(int item) {
    return std::string(item + 1 < 10 ? "q0" : "q") + std::to_string(item + 1);
}

std::string SchoolId(int school) {
    return std::string(school < 10 ? "school_0" : "school_") + std::to_string(school);
}

enum class ItemKind { kScale, kRating, kYesSometimesNo, kBeforeAndNow };

ItemKind KindOf(int item) {
    if (item < kScaleItems) return ItemKind::kScale;
    if (item < kScaleItems + kRatingItems) return ItemKind::kRating;
    if (item < kScaleItems + kRatingItems + kYesSometimesNoItems) return ItemKind::kYesSometimesNo;
    return ItemKind::kBeforeAndNow;
}

std::string SurveyJson() {
    std::string json = R"({"id": "bench_pupil", "version": 1, "title": "Bench", "introduction": "Bench",
      "languages": ["en"], "option_sets": {
        "scale": {"options": [{"id": "s1", "text": "1", "value": 1}, {"id": "s2", "text": "2", "value": 2},
          {"id": "s3", "text": "3", "value": 3}, {"id": "s4", "text": "4", "value": 4},
          {"id": "s5", "text": "5", "value": 5},
          {"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"},
          {"id": "prefer_not_to_say", "text": "Prefer not to say", "non_substantive": "prefer_not_to_say"}]}},
      "questions": [)";
    json += R"({"id": "school", "kind": "single_choice", "role": "demographic", "dimension": "school", "text": "School", "options": [)";
    for (int school = 0; school < kSchools; ++school) {
        json += R"({"id": ")" + SchoolId(school) + R"(", "text": "School"},)";
    }
    json += R"({"id": "prefer_not_to_say", "text": "PNTS", "non_substantive": "prefer_not_to_say"}]},)";
    json += R"({"id": "year_group", "kind": "single_choice", "role": "demographic", "dimension": "year_group", "text": "Year", "options": [)";
    for (int year = 4; year <= 13; ++year) {
        json += R"({"id": "year_)" + std::to_string(year) + R"(", "text": "Year"},)";
    }
    json += R"({"id": "prefer_not_to_say", "text": "PNTS", "non_substantive": "prefer_not_to_say"}]},)";
    json += R"({"id": "send_support", "kind": "single_choice", "role": "demographic", "dimension": "send_status", "text": "SEND",
      "options": [{"id": "ehc_plan", "text": "EHC plan"}, {"id": "sen_support", "text": "SEN support"},
        {"id": "none", "text": "None"}, {"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"},
        {"id": "prefer_not_to_say", "text": "PNTS", "non_substantive": "prefer_not_to_say"}]})";
    for (int item = 0; item < kItems; ++item) {
        json += R"(, {"id": ")" + ItemId(item) + R"(", "text": "Item", )";
        switch (KindOf(item)) {
            case ItemKind::kScale:
                json += R"("kind": "scale_1_5", "options": "scale"})";
                break;
            case ItemKind::kRating:
                json += R"("kind": "rating_0_10", "positive_at_least": 7,
                  "options": [{"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"}]})";
                break;
            case ItemKind::kYesSometimesNo:
                json += R"("kind": "yes_sometimes_no", "options": [{"id": "yes", "text": "Yes"},
                  {"id": "sometimes", "text": "Sometimes"}, {"id": "no", "text": "No"},
                  {"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"}]})";
                break;
            case ItemKind::kBeforeAndNow:
                json += R"("kind": "before_and_now", "before_label": "Before", "now_label": "Now",
                  "positive_at_least": 7})";
                break;
        }
    }
    json += "]}";
    return json;
}

// The raw data set, one value per respondent per column, as the CSV for pandas holds it.
struct RawData {
    std::vector<int> wave;
    std::vector<int> status;  // 0 complete, 1 partial, 2 refused
    std::vector<int> school;  // 0..59, kPreferNotToSay, kMissing
    std::vector<int> year;    // 4..13, kPreferNotToSay, kMissing
    std::vector<int> send;    // 0 ehc_plan, 1 sen_support, 2 none, kDontKnow, kPreferNotToSay, kMissing
    // Items: scale 1..5, rating 0..10, yes/sometimes/no 1..3, kDontKnow, kPreferNotToSay,
    // kMissing; before-and-now: before * 11 + now, or kMissing.
    std::vector<std::vector<int>> items;
    std::vector<std::vector<std::int64_t>> invited;  // [wave][school]
};

// Schools of very different sizes: primaries (0-39), secondaries (40-54), colleges (55-57)
// and two tiny special schools (58, 59). Running totals, to pick a school by one draw.
std::vector<double> CumulativeSchoolWeights() {
    std::vector<double> cumulative(kSchools);
    double total = 0;
    for (int school = 0; school < kSchools; ++school) {
        total += school >= 58 ? 0.02 : (school >= 40 && school < 55 ? 8.0 + school % 5 * 3.0 : 1.0 + school % 7);
        cumulative[school] = total;
    }
    return cumulative;
}

// One answer to `item` (the caller has already decided it is not skipped), drawing from
// `random` in the same order as ever so that the data set stays the same.
int ItemAnswer(Random& random, int item, int wave, double missing_roll, double wellbeing) {
    const double lift = wave * (item % 4 == 0 ? 0.35 : (item % 4 == 1 ? -0.15 : 0.0));
    int value = kMissing;
    switch (KindOf(item)) {
        case ItemKind::kScale:
            if (missing_roll < 0.06) {
                value = kDontKnow;
            } else if (missing_roll < 0.07) {
                value = kPreferNotToSay;
            } else {
                const double score = 3.4 + lift + 0.8 * wellbeing + 0.8 * random.Normal();
                value = std::clamp(static_cast<int>(score + 0.5), 1, 5);
            }
            break;
        case ItemKind::kRating:
            if (missing_roll < 0.05) {
                value = kDontKnow;
            } else {
                const double score = 6.8 + 2.0 * lift + 1.4 * wellbeing + 1.2 * random.Normal();
                value = std::clamp(static_cast<int>(score + 0.5), 0, 10);
            }
            break;
        case ItemKind::kYesSometimesNo:
            if (missing_roll < 0.06) {
                value = kDontKnow;
            } else {
                const double score = 0.3 + lift + 0.8 * wellbeing + 0.6 * random.Normal();
                value = score > 0.4 ? 1 : (score > -0.6 ? 2 : 3);
            }
            break;
        case ItemKind::kBeforeAndNow: {
            const int before = std::clamp(static_cast<int>(4.0 + 1.5 * random.Normal() + 0.5), 0, 10);
            const int now = std::clamp(static_cast<int>(before + 2.0 + lift + 1.5 * random.Normal() + 0.5), 0, 10);
            value = before * 11 + now;
            break;
        }
    }
    return value;
}

RawData Generate() {
    RawData data;
    const int rows = 2 * kRespondentsPerWave;
    data.items.assign(kItems, std::vector<int>(rows, kMissing));
    Random random(20240226);
    const std::vector<double> cumulative = CumulativeSchoolWeights();
    const double total = cumulative.back();
    std::vector<std::vector<std::int64_t>> responding(2, std::vector<std::int64_t>(kSchools, 0));
    for (int row = 0; row < rows; ++row) {
        const int wave = row < kRespondentsPerWave ? 0 : 1;
        data.wave.push_back(wave);
        const double pick = random.Uniform() * total;
        const int school = static_cast<int>(std::lower_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin());
        ++responding[wave][std::min(school, kSchools - 1)];
        const double roll = random.Uniform();
        const int status = roll < 0.02 ? 2 : (roll < 0.06 ? 1 : 0);
        data.status.push_back(status);
        if (status == 2) {  // a refusal has no answers at all
            data.school.push_back(kMissing);
            data.year.push_back(kMissing);
            data.send.push_back(kMissing);
            continue;
        }
        const double school_roll = random.Uniform();
        data.school.push_back(school_roll < 0.015 ? kPreferNotToSay : (school_roll < 0.02 ? kMissing : school));
        const int first_year = school < 40 ? 4 : (school < 55 ? 7 : (school < 58 ? 12 : 7));
        const int year_count = school < 40 ? 3 : (school < 55 ? 5 : (school < 58 ? 2 : 5));
        const double year_roll = random.Uniform();
        data.year.push_back(year_roll < 0.01 ? kPreferNotToSay : (year_roll < 0.015 ? kMissing : first_year + random.Below(year_count)));
        const double send_roll = random.Uniform();
        const int send = send_roll < 0.04 ? 0 : send_roll < 0.17 ? 1 : send_roll < 0.92 ? 2 : send_roll < 0.97 ? kDontKnow
                         : send_roll < 0.99 ? kPreferNotToSay : kMissing;
        data.send.push_back(send);
        const double wellbeing = random.Normal() + (school < 40 ? 0.3 : 0.0) - (send == 0 || send == 1 ? 0.4 : 0.0);
        const int stop = status == 1 ? random.Below(kItems) : kItems;
        for (int item = 0; item < stop; ++item) {
            const double missing_roll = random.Uniform();
            if (missing_roll < 0.02) continue;  // skipped
            data.items[item][row] = ItemAnswer(random, item, wave, missing_roll, wellbeing);
        }
    }
    data.invited.assign(2, std::vector<std::int64_t>(kSchools, 0));
    for (int wave = 0; wave < 2; ++wave) {
        for (int school = 0; school < kSchools; ++school) {
            data.invited[wave][school] = (responding[wave][school] * 8 + 4) / 5;  // 62.5% respond
        }
    }
    return data;
}

// Fills the engine's dense columns straight from the raw arrays (the bulk path importers use).
yousaid::EncodedResponses Encode(const yousaid::Survey& survey, const RawData& data) {
    yousaid::EncodedResponses encoded(survey);
    const std::size_t school_question = *survey.QuestionIndex("school");
    const std::size_t year_question = *survey.QuestionIndex("year_group");
    const std::size_t send_question = *survey.QuestionIndex("send_support");
    const std::size_t first_item = *survey.QuestionIndex("q01");
    const std::size_t rows = data.wave.size();
    // Option indices of the non-substantive options, per question.
    const std::size_t school_pnts = kSchools;
    const std::size_t year_pnts = 10;
    for (std::size_t row = 0; row < rows; ++row) {
        const auto status = static_cast<yousaid::ResponseStatus>(data.status[row]);
        encoded.AddRespondent(kWaves[data.wave[row]], status);
        if (data.school[row] >= 0) {
            encoded.SetOption(row, school_question, static_cast<std::size_t>(data.school[row]));
        } else if (data.school[row] == kPreferNotToSay) {
            encoded.SetOption(row, school_question, school_pnts);
        }
        if (data.year[row] >= 0) {
            encoded.SetOption(row, year_question, static_cast<std::size_t>(data.year[row] - 4));
        } else if (data.year[row] == kPreferNotToSay) {
            encoded.SetOption(row, year_question, year_pnts);
        }
        if (data.send[row] >= 0) {
            encoded.SetOption(row, send_question, static_cast<std::size_t>(data.send[row]));
        } else if (data.send[row] == kDontKnow) {
            encoded.SetOption(row, send_question, 3);
        } else if (data.send[row] == kPreferNotToSay) {
            encoded.SetOption(row, send_question, 4);
        }
        for (int item = 0; item < kItems; ++item) {
            const int value = data.items[item][row];
            const std::size_t question = first_item + static_cast<std::size_t>(item);
            if (value == kMissing) {
                if (data.status[row] == 0) encoded.SetSkipped(row, question);
                continue;
            }
            switch (KindOf(item)) {
                case ItemKind::kScale:
                    // Options: s1..s5 (0-4), dont_know (5), prefer_not_to_say (6).
                    encoded.SetOption(row, question,
                                      value == kDontKnow ? 5u : value == kPreferNotToSay ? 6u : static_cast<std::size_t>(value - 1));
                    break;
                case ItemKind::kRating:
                    if (value == kDontKnow) {
                        encoded.SetOption(row, question, 0);
                    } else {
                        encoded.SetValue(row, question, value);
                    }
                    break;
                case ItemKind::kYesSometimesNo:
                    encoded.SetOption(row, question, value == kDontKnow ? 3u : static_cast<std::size_t>(value - 1));
                    break;
                case ItemKind::kBeforeAndNow:
                    encoded.SetBeforeAndNow(row, question, value / 11, value % 11);
                    break;
            }
        }
    }
    return encoded;
}

yousaid::Population MakePopulation(const RawData& data) {
    yousaid::Population population;
    population.file_name = "population.csv";
    for (int wave = 0; wave < 2; ++wave) {
        std::int64_t total = 0;
        for (int school = 0; school < kSchools; ++school) {
            population.entries.push_back({kWaves[wave], "school", SchoolId(school), data.invited[wave][school], 0});
            total += data.invited[wave][school];
        }
        population.entries.push_back({kWaves[wave], "all", "all", total, 0});
    }
    return population;
}

void AppendInt(std::string& out, int value) {
    char buffer[16];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

// The data set for pandas: numeric codes (see RawData), empty for missing; demographics as
// the labels the report uses.
void WritePandasData(const RawData& data, const std::filesystem::path& path) {
    std::string out;
    out.reserve(64u * 1024u * 1024u);
    out += "wave,status,school,year_group,send_status";
    for (int item = 0; item < kItems; ++item) {
        if (KindOf(item) == ItemKind::kBeforeAndNow) {
            out += "," + ItemId(item) + ".before," + ItemId(item) + ".now";
        } else {
            out += "," + ItemId(item);
        }
    }
    out += "\n";
    const char* const send_names[] = {"ehc_plan", "sen_support", "none"};
    for (std::size_t row = 0; row < data.wave.size(); ++row) {
        out += kWaves[data.wave[row]];
        out += ',';
        AppendInt(out, data.status[row]);
        out += ',';
        if (data.school[row] >= 0) out += SchoolId(data.school[row]);
        if (data.school[row] == kPreferNotToSay) out += "prefer_not_to_say";
        out += ',';
        if (data.year[row] >= 0) out += "year_" + std::to_string(data.year[row]);
        if (data.year[row] == kPreferNotToSay) out += "prefer_not_to_say";
        out += ',';
        if (data.send[row] >= 0) out += send_names[data.send[row]];
        if (data.send[row] == kDontKnow) out += "dont_know";
        if (data.send[row] == kPreferNotToSay) out += "prefer_not_to_say";
        for (int item = 0; item < kItems; ++item) {
            const int value = data.items[item][row];
            if (KindOf(item) == ItemKind::kBeforeAndNow) {
                out += ',';
                if (value != kMissing) AppendInt(out, value / 11);
                out += ',';
                if (value != kMissing) AppendInt(out, value % 11);
            } else {
                out += ',';
                if (value != kMissing) AppendInt(out, value);
            }
        }
        out += '\n';
    }
    std::ofstream(path, std::ios::binary).write(out.data(), static_cast<std::streamsize>(out.size()));
}

void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

double Median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Timings {
    double generate_ms = 0;
    double encode_ms = 0;
    std::vector<double> tabulate_ms;      // the first run, then the warm ones
    std::vector<double> tabulate_cpu_ms;  // parallel
    double write_ms = 0;
    std::size_t bytes = 0;

    // The first run also pays for fresh memory from the operating system (the command-line
    // tool's case); later runs reuse the heap (the browser's case, re-tabulating as the
    // officer changes a filter, where WebAssembly memory is never given back).
    std::vector<double> Warm() const { return {tabulate_ms.begin() + 1, tabulate_ms.end()}; }
    std::vector<double> WarmCpu() const { return {tabulate_cpu_ms.begin() + 1, tabulate_cpu_ms.end()}; }
};

// Tabulates kTabulationRuns times, timing each; nullopt (with the problems printed) when the
// engine refuses the input.
std::optional<yousaid::AnalyticsReport> TabulateRuns(const yousaid::EncodedResponses& encoded,
                                                     const yousaid::Population& population, Timings& timings) {
    yousaid::AnalyticsOptions options;
    options.breakdowns = {yousaid::ParseBreakdown("school"), yousaid::ParseBreakdown("year_group"),
                          yousaid::ParseBreakdown("send_status"), yousaid::ParseBreakdown("school,year_group"),
                          yousaid::ParseBreakdown("send_status,year_group")};
    std::optional<yousaid::AnalyticsReport> report;
    for (int run = 0; run < kTabulationRuns; ++run) {
        const std::clock_t cpu_start = std::clock();
        const auto start = std::chrono::steady_clock::now();
        yousaid::Result<yousaid::AnalyticsReport> tabulated = yousaid::TabulateReport(encoded, options, &population);
        if (!tabulated.ok()) {
            std::fprintf(stderr, "bench_analytics: %s\n", yousaid::DescribeProblems(tabulated.problems).c_str());
            return std::nullopt;
        }
        report = std::move(tabulated.value);
        timings.tabulate_ms.push_back(MillisecondsSince(start));
        timings.tabulate_cpu_ms.push_back(CpuMillisecondsSince(cpu_start));
    }
    return report;
}

void PrintFigures(const yousaid::AnalyticsReport& report, const Timings& timings) {
    std::size_t suppressed = 0;
    for (const auto& row : report.satisfaction) suppressed += row.suppressed ? 1u : 0u;
    std::printf("data: %d respondents in each of 2 waves, %d items, %d schools; breakdowns: all, school, year_group, "
                "send_status, school×year_group, send_status×year_group\n",
                kRespondentsPerWave, kItems, kSchools);
    std::printf("tables: %zu return-rate rows, %zu satisfaction rows (%zu suppressed), %zu means rows, %zu change "
                "rows, %zu change-count rows\n",
                report.return_rates.size(), report.satisfaction.size(), suppressed, report.means.size(),
                report.changes.size(), report.change_counts.size());
    std::printf("generate raw data            %8.1f ms (not part of the figures)\n", timings.generate_ms);
    std::printf("encode into dense columns    %8.1f ms (once per load)\n", timings.encode_ms);
    const std::vector<double> warm_ms = timings.Warm();
    std::printf("tabulate every table, first  %8.1f ms (processor %.1f ms)   budget %.0f ms (%s)\n",
                timings.tabulate_ms[0], timings.tabulate_cpu_ms[0], kBudgetMilliseconds, kBuildName);
    std::printf("tabulate every table, again  %8.1f ms median of %d (min %.1f, max %.1f; processor median %.1f)   "
                "budget %.0f ms (%s)\n",
                Median(warm_ms), kTabulationRuns - 1, *std::min_element(warm_ms.begin(), warm_ms.end()),
                *std::max_element(warm_ms.begin(), warm_ms.end()), Median(timings.WarmCpu()), kBudgetMilliseconds,
                kBuildName);
    std::printf("write CSV + JSON downloads   %8.1f ms (%.1f MB)\n", timings.write_ms,
                static_cast<double>(timings.bytes) / 1e6);
}

// The data set and the C++ tables for the pandas comparison (when this build writes them).
void SaveDataSet(const RawData& data, const yousaid::Population& population,
                 const std::vector<yousaid::ReportFile>& files) {
    WritePandasData(data, kOutDir / "data.csv");
    std::string population_csv = "wave,dimension,group,invited\n";
    for (const auto& entry : population.entries) {
        population_csv += entry.wave + "," + entry.dimension + "," + entry.group + "," + std::to_string(entry.invited) + "\n";
    }
    WriteFile(kOutDir / "population.csv", population_csv);
    for (const auto& file : files) WriteFile(kOutDir / ("cpp_" + file.name), file.bytes);
}

void SaveTimings(const Timings& timings) {
    const std::vector<double> warm_ms = timings.Warm();
    char text[512];
    std::snprintf(text, sizeof text,
                  "{\"build\": \"%s\", \"encode_ms\": %.3f, \"tabulate_ms\": %.3f, \"tabulate_first_ms\": %.3f, "
                  "\"tabulate_min_ms\": %.3f, "
                  "\"tabulate_cpu_ms\": %.3f, \"write_ms\": %.3f, \"warm_runs\": %d}\n",
                  kBuildName, timings.encode_ms, Median(warm_ms), timings.tabulate_ms[0],
                  *std::min_element(warm_ms.begin(), warm_ms.end()), Median(timings.WarmCpu()), timings.write_ms,
                  kTabulationRuns - 1);
    const std::filesystem::path path = kOutDir / (std::string("timings_") + kBuildName + ".json");
    WriteFile(path, text);
    std::printf("saved timings to %s\n", path.string().c_str());
}

}  // namespace

int main() {
    const yousaid::SurveyLoadResult loaded = yousaid::SurveyLoader::LoadFromText(SurveyJson(), "bench_pupil.json");
    if (!loaded.Ok()) {
        std::fprintf(stderr, "bench survey: %s\n", loaded.ProblemsText().c_str());
        return 1;
    }
    Timings timings;
    auto start = std::chrono::steady_clock::now();
    const RawData data = Generate();
    timings.generate_ms = MillisecondsSince(start);

    start = std::chrono::steady_clock::now();
    const yousaid::EncodedResponses encoded = Encode(*loaded.survey, data);
    timings.encode_ms = MillisecondsSince(start);

    const yousaid::Population population = MakePopulation(data);
    const std::optional<yousaid::AnalyticsReport> report = TabulateRuns(encoded, population, timings);
    if (!report) return 1;
    start = std::chrono::steady_clock::now();
    const std::vector<yousaid::ReportFile> files = yousaid::BuildReportFiles(*report, nullptr);
    timings.write_ms = MillisecondsSince(start);
    for (const auto& file : files) timings.bytes += file.bytes.size();
    PrintFigures(*report, timings);

    std::error_code error;
    std::filesystem::create_directories(kOutDir, error);
    if (error) {
        std::printf("(cannot create %s: timings not saved)\n", kOutDir.string().c_str());
        return 0;
    }
    if (kWritesDataSet) SaveDataSet(data, population, files);
    SaveTimings(timings);
    return 0;
}
