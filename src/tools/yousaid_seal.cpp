// scripts/yousaid seal --survey FILE --key PUBLIC.json [--key ...] --out FILE RESPONSES...:
// seals answers that were collected in the clear (a station that had no key yet, an older
// export) to officers' public keys, as a sealing station would have, into one transfer file.
// Only public keys are needed, so it runs where the answers are, without any passphrase. The
// responses are read and checked as an officer's import reads them; one that does not read
// or check stops the tool, and nothing is written.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/base/file_io.h"
#include "core/keys/officer_key.h"
#include "core/responses/sealed_response.h"
#include "core/station/settings_file.h"
#include "core/responses/transfer_file.h"
#include "core/storage/response_import.h"
#include "core/survey/survey_loader.h"

namespace {

struct Options {
    std::string survey;
    std::vector<std::string> keys;
    std::string out;
    std::vector<std::string> responses;
};

int Usage(const std::string& problem) {
    if (!problem.empty()) std::fprintf(stderr, "seal: %s\n", problem.c_str());
    std::fprintf(stderr,
                 "usage: scripts/yousaid seal --survey FILE --key PUBLIC.json [--key PUBLIC.json] --out FILE "
                 "RESPONSES...\n"
                 "  Seals every response in RESPONSES (transfer files, JSON exports, response CSVs) to the\n"
                 "  officers' public keys (1 to 4 --key), as a station with those keys would have, and\n"
                 "  writes them as one transfer file. Only what counting needs stays readable\n"
                 "  (docs/sealing.md). Nothing is written if a file or response does not read.\n");
    return 2;
}

bool Fail(const std::string& message) {
    std::fprintf(stderr, "seal: %s\n", message.c_str());
    return false;
}

bool ReadKeys(const std::vector<std::string>& paths, std::vector<yousaid::PublicKey>& recipients) {
    for (const std::string& path : paths) {
        const yousaid::FileReadResult file = yousaid::ReadWholeFile(path, 1 << 16);
        if (file.outcome != yousaid::FileReadOutcome::kRead) return Fail(file.error);
        const std::string name = std::filesystem::path(path).filename().string();
        const yousaid::Result<yousaid::PublicKeyFile> key = yousaid::ReadPublicKeyFile(file.bytes, name);
        if (!key.ok()) return Fail(key.Message());
        recipients.push_back(key.value->public_key);
        std::fprintf(stderr, "sealing to %s's key %s (%s)\n", key.value->name.c_str(), key.value->key_id.c_str(),
                     yousaid::KeyIdWords(key.value->key_id).c_str());
    }
    return true;
}

// Every response of every file, merged by id as an import merges them (one copy each).
bool ReadResponses(const Options& options, const yousaid::Survey& survey, std::vector<yousaid::Response>& out) {
    std::map<yousaid::ResponseId, std::size_t> seen;
    for (const std::string& path : options.responses) {
        const yousaid::LoadedResponses loaded = yousaid::LoadResponsesFromFile(path, std::vector{survey});
        if (!loaded.ok()) return Fail(loaded.Message());
        if (!loaded.rejected.empty()) {
            for (const std::string& line : loaded.ProblemLines()) std::fprintf(stderr, "seal: %s\n", line.c_str());
            return Fail(loaded.file_name + ": " + std::to_string(loaded.rejected.size()) +
                        " responses do not read or check; nothing was written");
        }
        for (const yousaid::Response& response : loaded.responses) {
            if (seen.emplace(response.id, out.size()).second) out.push_back(response);
        }
    }
    return true;
}

bool Seal(const Options& options) {
    yousaid::SurveyLoadResult survey = yousaid::SurveyLoader::LoadFromFile(options.survey);
    if (!survey.Ok()) return Fail(survey.ProblemsText());
    std::vector<yousaid::PublicKey> recipients;
    std::vector<yousaid::Response> responses;
    if (!ReadKeys(options.keys, recipients) || !ReadResponses(options, *survey.survey, responses)) return false;
    std::vector<yousaid::Response> sealed;
    sealed.reserve(responses.size());
    for (const yousaid::Response& response : responses) {
        yousaid::Result<yousaid::Response> one = yousaid::SealResponse(response, recipients);
        if (!one.ok()) return Fail(one.Message());
        sealed.push_back(std::move(*one.value));
    }
    yousaid::TransferExportSettings settings;
    settings.station_id = "sealed-copy";
    settings.exported_at_ms = static_cast<std::int64_t>(std::time(nullptr)) * 1000;
    const yousaid::Status written = yousaid::ReplaceSettingsFile(options.out, yousaid::WriteTransferFile(settings, sealed));
    if (!written.ok()) return Fail(written.Message());
    std::printf("sealed %zu responses to %zu keys into %s\n", sealed.size(), recipients.size(), options.out.c_str());
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    for (int index = 1; index < argc; ++index) {
        const std::string argument = argv[index];
        const bool has_value = index + 1 < argc;
        if (argument == "--survey" && has_value) {
            options.survey = argv[++index];
        } else if (argument == "--key" && has_value) {
            options.keys.push_back(argv[++index]);
        } else if (argument == "--out" && has_value) {
            options.out = argv[++index];
        } else if (argument.rfind("--", 0) == 0) {
            return Usage("unknown option " + argument);
        } else {
            options.responses.push_back(argument);
        }
    }
    if (options.survey.empty() || options.keys.empty() || options.out.empty() || options.responses.empty()) {
        return Usage("--survey, at least one --key, --out and response files are all needed");
    }
    return Seal(options) ? 0 : 1;
}
