// yousaid_report: the officer's figures from the command line, the same engine the browser
// runs. Reads a survey, response files (transfer files from tablets, their JSON exports, and
// response CSVs), an optional population file and KPI file, and writes the report tables.
//
// Exit status: 0 written; 2 bad input or usage (the message names the file, row and field);
// 1 the output could not be written.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/actions/action_list.h"
#include "core/actions/action_report.h"
#include "core/analytics/tabulate.h"
#include "core/analytics/comment_themes.h"
#include "core/analytics/encoded_responses_builder.h"
#include "core/analytics/officer_input.h"
#include "core/analytics/kpi.h"
#include "core/analytics/population.h"
#include "core/analytics/report_request.h"
#include "core/analytics/report_writer.h"
#include "core/officer/report_responses.h"
#include "core/keys/officer_key.h"
#include "core/responses/answer_checking.h"
#include "core/responses/response.h"
#include "core/responses/sealed_response.h"
#include "core/storage/response_import.h"
#include "core/responses/response_set.h"
#include "core/survey/survey_loader.h"
#include "tools/terminal_passphrase.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitWriteFailed = 1;
constexpr int kExitBadInput = 2;

const char* const kUsage =
    R"(Usage: yousaid_report --survey FILE --responses FILE... [options] --out DIR

Computes return rates, satisfaction, means, change against the baseline wave and KPI status
for one survey, and writes them as CSV (Excel-ready, UTF-8 with BOM) and JSON.

Required:
  --survey FILE            the survey file (e.g. assets/surveys/pupil.json)
  --responses FILE...      one or more response files: transfer files from tablets
                           (.yousaid), their JSON exports (.json), response CSVs (.csv),
                           or a response store copied off a tablet. A response in several
                           files counts once.
  --out DIR                where to write the report (created if missing)

Options:
  --population FILE        invited counts: CSV wave,dimension,group,invited (wave empty =
                           every wave; dimension 'all', group 'all' for everybody)
  --kpis FILE              KPI file (CSV): targets, directions, checkpoints, overrides
  --themes FILE            the officer's comment themes (themes.json, kept by the
                           officer's page): adds comment_themes.csv, counts only, never
                           any comment's text
  --actions FILE           a "You said, we did" action list (the backup file the officer's
                           page saves): adds its KPI, actions.csv and the posters
  --by DIM[,DIM2]          a breakdown: a demographic dimension (school, year_group,
                           send_status, phase, ...), a question id, or a response field
                           (wave, answer_mode, event, station, language); two joined by a
                           comma give their crossing, reported as DIM×DIM2. Repeatable.
  --baseline-wave W        the wave to compare with (default: the first wave, in natural
                           order, that has responses)
  --min-cell N             suppress any figure whose base is below N (default 10; 5 for
                           small cohorts; 0 turns suppression off)
  --include-dont-know      count "don't know" answers in satisfaction denominators
                           ("prefer not to say" never is)
  --key FILE               an officer's private key file, to open responses sealed to it
                           (repeat for several keys: a rotated key, a recovery key); the
                           passphrase comes from YOUSAID_KEY_PASSPHRASE (tried for every
                           key) or is asked for without echo, once per key
  --help                   show this text

Writes in DIR: return_rates.csv, satisfaction.csv, means.csv, change.csv,
change_counts.csv, kpis.csv (with --kpis or --actions), comment_themes.csv (with --themes),
summary.json and report.html (the printable report, with charts); with --actions, also
actions.csv and the posters you_said_we_did_A4.html and you_said_we_did_A3.html (and _pl_
ones when items have Polish text). Definitions: docs/analytics.md.
)";

struct Arguments {
    std::string survey;
    std::vector<std::string> responses;
    std::string population;
    std::string kpis;
    std::string themes;
    std::string actions;
    std::vector<std::string> breakdowns;
    std::string baseline_wave;
    std::optional<std::int64_t> min_cell;
    bool include_dont_know = false;
    std::string out;
    std::vector<std::string> keys;  // private key files, to open sealed responses
    bool help = false;
};

// Bad input: the message goes to stderr and the tool exits with status 2.
struct BadInput {
    std::string message;
};

std::string FileNameOf(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string ReadWholeFile(const std::string& path) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) throw BadInput{path + ": cannot open the file"};
    std::string bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    if (stream.bad()) throw BadInput{path + ": cannot read the file"};
    return bytes;
}

Arguments ParseArguments(int argc, char** argv) {
    Arguments arguments;
    std::vector<std::string> words(argv + 1, argv + argc);
    // "--name=value" is the same as "--name value".
    std::vector<std::string> split;
    for (const std::string& word : words) {
        const std::size_t equals = word.find('=');
        if (word.rfind("--", 0) == 0 && equals != std::string::npos) {
            split.push_back(word.substr(0, equals));
            split.push_back(word.substr(equals + 1));
        } else {
            split.push_back(word);
        }
    }
    auto value_after = [&](std::size_t& index, const std::string& option) -> std::string {
        if (index + 1 >= split.size() || split[index + 1].rfind("--", 0) == 0) {
            throw BadInput{option + " needs a value (see --help)"};
        }
        return split[++index];
    };
    for (std::size_t index = 0; index < split.size(); ++index) {
        const std::string& option = split[index];
        if (option == "--help" || option == "-h") {
            arguments.help = true;
        } else if (option == "--survey") {
            arguments.survey = value_after(index, option);
        } else if (option == "--responses") {
            const std::size_t before = arguments.responses.size();
            while (index + 1 < split.size() && split[index + 1].rfind("--", 0) != 0) {
                arguments.responses.push_back(split[++index]);
            }
            if (arguments.responses.size() == before) throw BadInput{"--responses needs at least one file"};
        } else if (option == "--population") {
            arguments.population = value_after(index, option);
        } else if (option == "--kpis") {
            arguments.kpis = value_after(index, option);
        } else if (option == "--themes") {
            arguments.themes = value_after(index, option);
        } else if (option == "--actions") {
            arguments.actions = value_after(index, option);
        } else if (option == "--by") {
            arguments.breakdowns.push_back(value_after(index, option));
        } else if (option == "--baseline-wave") {
            arguments.baseline_wave = value_after(index, option);
        } else if (option == "--min-cell") {
            const std::string text = value_after(index, option);
            const auto value = yousaid::ParseWholeNumberCell(text);
            if (!value || *value < 0 || text.find(',') != std::string::npos) {
                throw BadInput{"--min-cell: '" + text + "' is not a whole number of 0 or more"};
            }
            arguments.min_cell = *value;
        } else if (option == "--include-dont-know") {
            arguments.include_dont_know = true;
        } else if (option == "--key") {
            arguments.keys.push_back(value_after(index, option));
        } else if (option == "--out") {
            arguments.out = value_after(index, option);
        } else {
            throw BadInput{"unknown option '" + option + "' (see --help)"};
        }
    }
    if (arguments.help) return arguments;
    if (arguments.survey.empty()) throw BadInput{"--survey FILE is required (see --help)"};
    if (arguments.responses.empty()) throw BadInput{"--responses FILE... is required (see --help)"};
    if (arguments.out.empty()) throw BadInput{"--out DIR is required (see --help)"};
    return arguments;
}

// Each --key file, unlocked with YOUSAID_KEY_PASSPHRASE or a passphrase asked for on the
// terminal. The secret keys stay in memory and are wiped when the keyring goes.
yousaid::Keyring UnlockKeys(const std::vector<std::string>& paths) {
    yousaid::Keyring keyring;
    const char* given = std::getenv("YOUSAID_KEY_PASSPHRASE");
    for (const std::string& path : paths) {
        const yousaid::Result<yousaid::PrivateKeyFile> file = yousaid::ReadPrivateKeyFile(ReadWholeFile(path), FileNameOf(path));
        if (!file.ok()) throw BadInput{file.Message()};
        const yousaid::PublicKeyFile& key = file.value->public_part;
        std::string passphrase = given != nullptr
                                     ? std::string(given)
                                     : yousaid::tools::ReadHidden("Passphrase for " + key.name + "'s key " + key.key_id +
                                                                  " (" + yousaid::KeyIdWords(key.key_id) + "): ");
        const yousaid::Result<yousaid::KeyPair> unlocked = yousaid::UnlockPrivateKey(*file.value, passphrase, FileNameOf(path));
        yousaid::WipeText(passphrase);
        if (!unlocked.ok()) throw BadInput{unlocked.Message()};
        keyring.Add(*unlocked.value);
        std::fprintf(stderr, "note: unlocked %s's key %s (%s)\n", key.name.c_str(), key.key_id.c_str(),
                     yousaid::KeyIdWords(key.key_id).c_str());
    }
    return keyring;
}

yousaid::Survey LoadSurvey(const std::string& path) {
    yousaid::SurveyLoadResult loaded = yousaid::SurveyLoader::LoadFromFile(path);
    if (!loaded.Ok()) throw BadInput{loaded.ProblemsText()};
    return std::move(*loaded.survey);
}

std::optional<yousaid::Population> LoadPopulation(const std::string& path, const yousaid::Survey& survey) {
    if (path.empty()) return std::nullopt;
    yousaid::Result<yousaid::Population> read = yousaid::ReadPopulationFile(ReadWholeFile(path), FileNameOf(path), survey);
    if (!read.ok()) throw BadInput{yousaid::DescribeProblems(read.problems)};
    return std::move(read.value);
}

std::optional<yousaid::KpiFile> LoadKpis(const std::string& path, const yousaid::Survey& survey) {
    if (path.empty()) return std::nullopt;
    yousaid::Result<yousaid::KpiFile> read = yousaid::ReadKpiFile(ReadWholeFile(path), FileNameOf(path), survey);
    if (!read.ok()) throw BadInput{yousaid::DescribeProblems(read.problems)};
    return std::move(read.value);
}

std::optional<yousaid::ThemeTags> LoadThemes(const std::string& path) {
    if (path.empty()) return std::nullopt;
    yousaid::Result<yousaid::ThemeTags> read = yousaid::ParseThemeTagsJson(ReadWholeFile(path), FileNameOf(path));
    if (!read.ok()) throw BadInput{yousaid::DescribeProblems(read.problems)};
    return std::move(read.value);
}

std::optional<yousaid::ActionList> LoadActions(const std::string& path) {
    if (path.empty()) return std::nullopt;
    yousaid::Result<yousaid::ActionList> read = yousaid::ParseActionListJson(ReadWholeFile(path), FileNameOf(path));
    if (!read.ok()) throw BadInput{yousaid::DescribeProblems(read.problems)};
    return std::move(read.value);
}

// The files report.html lists with their SHA-256, by file name, in the order given.
std::vector<yousaid::ReportInputFile> InputFilesFor(const Arguments& arguments) {
    std::vector<yousaid::ReportInputFile> files;
    auto add = [&](const char* role, const std::string& path) {
        if (!path.empty()) files.push_back(yousaid::DescribeInputFile(role, FileNameOf(path), ReadWholeFile(path)));
    };
    add("survey", arguments.survey);
    for (const std::string& path : arguments.responses) add("responses", path);
    add("population", arguments.population);
    add("kpis", arguments.kpis);
    add("themes", arguments.themes);
    return files;
}

yousaid::ReportSettings SettingsFor(const Arguments& arguments) {
    yousaid::ReportSettings settings;
    settings.input_files = InputFilesFor(arguments);
    settings.breakdowns = arguments.breakdowns;
    settings.min_cell = arguments.min_cell;
    settings.include_dont_know = arguments.include_dont_know;
    settings.baseline_wave = arguments.baseline_wave;
    return settings;
}

// false, with the message printed, when a file cannot be written.
bool WriteReportFiles(const std::string& folder, const std::vector<yousaid::ReportFile>& files) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
        std::fprintf(stderr, "yousaid_report: cannot create %s: %s\n", folder.c_str(), error.message().c_str());
        return false;
    }
    for (const yousaid::ReportFile& file : files) {
        const std::filesystem::path path = std::filesystem::path(folder) / file.name;
        std::ofstream stream(path, std::ios::binary | std::ios::trunc);
        stream.write(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size()));
        stream.close();
        if (!stream) {
            std::fprintf(stderr, "yousaid_report: cannot write %s\n", path.string().c_str());
            return false;
        }
    }
    return true;
}

void PrintInputSummary(const Arguments& arguments, const yousaid::Survey& survey, const yousaid::ReportResponses& loaded,
                       const yousaid::AnalyticsReport& report) {
    std::int64_t complete = 0;
    std::int64_t partial = 0;
    std::int64_t refused = 0;
    for (std::size_t row = 0; row < loaded.encoded.RowCount(); ++row) {
        const yousaid::ResponseStatus status = loaded.encoded.Status(row);
        complete += status == yousaid::ResponseStatus::kComplete;
        partial += status == yousaid::ResponseStatus::kPartial;
        refused += status == yousaid::ResponseStatus::kRefused;
    }
    std::string waves;
    for (const std::string& wave : report.waves) waves += (waves.empty() ? "" : ", ") + wave;
    std::printf("%s version %d: %zu responses (%lld complete, %lld partial, %lld refused) from %zu files\n",
                survey.id.c_str(), static_cast<int>(survey.version), loaded.encoded.RowCount(),
                static_cast<long long>(complete), static_cast<long long>(partial), static_cast<long long>(refused),
                arguments.responses.size());
    std::printf("waves: %s; baseline: %s; minimum cell: %lld%s\n", waves.empty() ? "none" : waves.c_str(),
                report.baseline_wave ? report.waves[*report.baseline_wave].c_str() : "none",
                static_cast<long long>(report.options.min_cell),
                report.options.include_dont_know ? "; don't know included" : "");
}

void PrintOutputSummary(const std::string& folder, const yousaid::AnalyticsReport& report,
                        const std::optional<std::vector<yousaid::KpiResult>>& kpi_results) {
    std::size_t suppressed = 0;
    for (const auto& row : report.satisfaction) suppressed += row.suppressed ? 1u : 0u;
    std::printf("wrote %s: return_rates.csv (%zu rows), satisfaction.csv (%zu rows, %zu suppressed), means.csv (%zu "
                "rows), change.csv (%zu rows), change_counts.csv (%zu rows)%s, summary.json, report.html\n",
                folder.c_str(), report.return_rates.size(), report.satisfaction.size(), suppressed,
                report.means.size(), report.changes.size(), report.change_counts.size(),
                kpi_results ? (", kpis.csv (" + std::to_string(kpi_results->size()) + " rows)").c_str() : "");
    if (kpi_results) {
        for (const yousaid::KpiResult& result : *kpi_results) {
            std::printf("  KPI %s: %s%s\n", result.definition.id.c_str(), yousaid::KpiStatusName(result.status),
                        result.definition.status_override
                            ? (" (officer's override; suggested " +
                               std::string(yousaid::KpiStatusName(result.suggestion.status)) + ")")
                                  .c_str()
                            : "");
        }
    }
    if (report.has_comment_themes) {
        std::printf("  comment_themes.csv: %zu rows, %lld hidden\n", report.comment_themes.size(),
                    static_cast<long long>(report.comment_themes_hidden.primary + report.comment_themes_hidden.secondary +
                                           report.comment_themes_hidden.audit));
    }
    for (const std::string& warning : report.warnings) std::fprintf(stderr, "warning: %s\n", warning.c_str());
}

int Run(int argc, char** argv) {
    const Arguments arguments = ParseArguments(argc, argv);
    if (arguments.help) {
        std::fputs(kUsage, stdout);
        return kExitOk;
    }
    const yousaid::Survey survey = LoadSurvey(arguments.survey);
    const std::optional<yousaid::Population> population = LoadPopulation(arguments.population, survey);
    const std::optional<yousaid::KpiFile> kpis = LoadKpis(arguments.kpis, survey);
    const std::optional<yousaid::ThemeTags> themes = LoadThemes(arguments.themes);
    const std::optional<yousaid::ActionList> actions = LoadActions(arguments.actions);
    const yousaid::Keyring keyring = UnlockKeys(arguments.keys);
    yousaid::Result<yousaid::ReportResponses> read =
        yousaid::LoadResponsesForReport(arguments.responses, survey, keyring.Empty() ? nullptr : &keyring);
    if (!read.ok()) throw BadInput{read.Message()};
    const yousaid::ReportResponses& loaded = *read.value;
    for (const std::string& note : loaded.notes) std::fprintf(stderr, "note: %s\n", note.c_str());
    std::optional<yousaid::CommentThemeInput> theme_input;
    if (themes) theme_input = yousaid::CommentThemesFor(*themes, loaded.encoded, loaded.row_ids);
    yousaid::Result<yousaid::OfficerReport> produced = yousaid::ProduceOfficerReport(
        loaded.encoded, SettingsFor(arguments), population ? &*population : nullptr, kpis ? &*kpis : nullptr,
        theme_input ? &*theme_input : nullptr);
    if (!produced.ok()) throw BadInput{yousaid::DescribeProblems(produced.problems)};
    if (actions) yousaid::AddActionKpi(*produced.value, *actions);
    const yousaid::AnalyticsReport& report = produced.value->report;
    const std::optional<std::vector<yousaid::KpiResult>>& kpi_results = produced.value->kpis;

    std::vector<yousaid::ReportFile> files = produced.value->Files();
    if (actions) {
        std::vector<yousaid::ReportFile> action_files = yousaid::ActionFiles(*actions, *produced.value);
        for (yousaid::ReportFile& file : action_files) files.push_back(std::move(file));
        if (action_files.empty()) {
            std::fprintf(stderr, "note: %s has no items for survey %s\n", FileNameOf(arguments.actions).c_str(),
                         survey.id.c_str());
        }
    }
    if (!WriteReportFiles(arguments.out, files)) return kExitWriteFailed;
    PrintInputSummary(arguments, survey, loaded, report);
    PrintOutputSummary(arguments.out, report, kpi_results);
    return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return Run(argc, argv);
    } catch (const BadInput& bad) {
        std::fprintf(stderr, "yousaid_report: %s\n", bad.message.c_str());
        return kExitBadInput;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "yousaid_report: %s\n", error.what());
        return kExitWriteFailed;
    }
}
