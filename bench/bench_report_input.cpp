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
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "core/analytics/encoded_responses_builder.h"
#include "core/responses/answer_checking.h"
#include "core/responses/response_csv.h"
#include "core/storage/response_import.h"
#include "core/survey/survey_loader.h"

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

class ResponseGenerator {
public:
    explicit ResponseGenerator(const yousaid::Survey& survey) : survey_(survey), random_(kSeed) {}

    yousaid::Response Next(std::uint32_t ordinal) {
        yousaid::Response response;
        response.id.high = random_();
        response.id.low = random_();
        response.survey_id = survey_.id;
        response.survey_version = survey_.version;
        response.wave = ordinal % 2 == 0 ? "2024" : "2025";
        response.station_id = "school-tablet-" + std::to_string(Uniform(1, 12));
        response.submitted_at_ms = 1710000000000 + static_cast<std::int64_t>(ordinal) * 61000;
        const int roll = Uniform(1, 100);
        response.status = roll <= 4    ? yousaid::ResponseStatus::kRefused
                          : roll <= 14 ? yousaid::ResponseStatus::kPartial
                                       : yousaid::ResponseStatus::kComplete;
        if (response.status == yousaid::ResponseStatus::kRefused) return response;
        for (const yousaid::Question& question : survey_.questions) {
            if (response.status == yousaid::ResponseStatus::kPartial && Uniform(1, 100) <= 15) continue;
            if (!question.required && Uniform(1, 100) <= 3) {
                response.answers[question.id] = yousaid::Answer::Skipped();
            } else if (std::optional<yousaid::Answer> answer = AnswerTo(question)) {
                response.answers[question.id] = std::move(*answer);
            }
        }
        // Questions whose condition does not hold must not be answered.
        const std::vector<const yousaid::Question*> shown = yousaid::ShownQuestions(survey_, response.answers);
        for (auto entry = response.answers.begin(); entry != response.answers.end();) {
            const bool is_shown = std::any_of(shown.begin(), shown.end(),
                                              [&](const yousaid::Question* question) { return question->id == entry->first; });
            entry = is_shown ? std::next(entry) : response.answers.erase(entry);
        }
        return response;
    }

private:
    int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

    std::vector<std::string> SubstantiveOptions(const yousaid::Question& question) const {
        std::vector<std::string> ids;
        for (const yousaid::Option& option : question.options) {
            if (option.IsSubstantive()) ids.push_back(option.id);
        }
        return ids;
    }

    std::optional<yousaid::Answer> AnswerTo(const yousaid::Question& question) {
        using yousaid::Answer;
        using yousaid::QuestionKind;
        const std::vector<std::string> substantive = SubstantiveOptions(question);
        // Now and then a non-substantive option ("don't know"), where the question has one.
        if (question.options.size() > substantive.size() && Uniform(1, 100) <= 4) {
            for (const yousaid::Option& option : question.options) {
                if (option.IsSubstantive()) continue;
                return question.kind == QuestionKind::kMultipleChoice ? Answer::Choices({option.id})
                                                                     : Answer::Choice(option.id);
            }
        }
        switch (question.kind) {
            case QuestionKind::kSingleChoice:
            case QuestionKind::kScale1To5:
            case QuestionKind::kYesSometimesNo:
                return Answer::Choice(substantive[static_cast<std::size_t>(Uniform(0, static_cast<int>(substantive.size()) - 1))]);
            case QuestionKind::kMultipleChoice: {
                std::set<std::string> chosen;
                const int count = Uniform(1, question.max_choices > 0 ? std::min(question.max_choices, 3) : 3);
                for (int pick = 0; pick < count; ++pick) {
                    chosen.insert(substantive[static_cast<std::size_t>(Uniform(0, static_cast<int>(substantive.size()) - 1))]);
                }
                return Answer::Choices(std::move(chosen));
            }
            case QuestionKind::kRating0To10:
                return Answer::Integer(Uniform(0, 10));
            case QuestionKind::kNumber:
                return Answer::Integer(Uniform(question.min_value, question.max_value));
            case QuestionKind::kBeforeAndNow:
                return Answer::BeforeAndNow(Uniform(0, 10), Uniform(0, 10));
            case QuestionKind::kShortText:
                if (Uniform(1, 100) > 12) return std::nullopt;
                return Answer::Text("more clubs after school, and somewhere quiet at lunch " +
                                    std::to_string(Uniform(1, 999)));
        }
        return std::nullopt;
    }

    const yousaid::Survey& survey_;
    std::mt19937_64 random_;
};

// Writes the file piece by piece; false (with a message) when a response would not read
// back or the file cannot be written.
bool WriteResponseFile(const yousaid::Survey& survey, const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    ResponseGenerator generator(survey);
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
    const auto survey_load = yousaid::SurveyLoader::LoadFromFile("assets/surveys/pupil.json");
    if (!survey_load.Ok()) {
        std::fprintf(stderr, "%s\n", survey_load.ProblemsText().c_str());
        return 1;
    }
    const yousaid::Survey& survey = *survey_load.survey;
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
