// scripts/yousaid keygen --name NAME --out DIR: makes an officer's key pair and writes its two
// files, the private key file (sealed under a passphrase) and the public key file that goes
// to the stations. The passphrase comes from YOUSAID_KEY_PASSPHRASE, or is asked for twice on
// the terminal without echo. It is never printed, logged or written.
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>

#include "core/base/file_io.h"
#include "core/keys/officer_key.h"
#include "core/station/settings_file.h"
#include "tools/terminal_passphrase.h"

namespace {

struct Options {
    std::string name;
    std::string out;
};

int Usage(const char* problem) {
    if (problem != nullptr) std::fprintf(stderr, "keygen: %s\n", problem);
    std::fprintf(stderr,
                 "usage: scripts/yousaid keygen --name NAME --out DIR\n"
                 "  Makes an officer's key: DIR/officer_key_<id>.private.json (keep it safe, with its\n"
                 "  passphrase: if either is lost, nobody can ever read the answers sealed to it) and\n"
                 "  DIR/officer_key_<id>.public.json (for the stations). The passphrase comes from\n"
                 "  YOUSAID_KEY_PASSPHRASE, or is asked for twice without echo.\n");
    return 2;
}

std::string Passphrase() {
    if (const char* given = std::getenv("YOUSAID_KEY_PASSPHRASE")) return given;
    for (;;) {
        const std::string first = yousaid::tools::ReadHidden("Passphrase (at least 12 characters): ");
        if (const std::string problem = yousaid::PassphraseProblem(first); !problem.empty()) {
            std::fprintf(stderr, "%s\n", problem.c_str());
            if (!std::cin) return {};
            continue;
        }
        if (yousaid::tools::ReadHidden("The same passphrase again: ") == first) return first;
        std::fprintf(stderr, "The two passphrases differ. Try again.\n");
        if (!std::cin) return {};
    }
}

std::string Today() {
    const std::time_t now = std::time(nullptr);
    char date[11];
    std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
    return date;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    for (int index = 1; index < argc; ++index) {
        const std::string argument = argv[index];
        if ((argument == "--name" || argument == "--out") && index + 1 < argc) {
            (argument == "--name" ? options.name : options.out) = argv[++index];
        } else {
            return Usage(("unknown argument " + argument).c_str());
        }
    }
    if (options.name.empty() || options.out.empty()) return Usage("--name and --out are both needed");
    const std::string passphrase = Passphrase();
    const yousaid::Result<yousaid::OfficerKeyFiles> files = yousaid::CreateOfficerKey(options.name, Today(), passphrase);
    if (!files.ok()) {
        std::fprintf(stderr, "keygen: %s\n", files.Message().c_str());
        return 1;
    }
    std::error_code error;
    std::filesystem::create_directories(options.out, error);
    const std::string stem = options.out + "/officer_key_" + files.value->key_id;
    for (const auto& [path, bytes] : {std::pair{stem + ".private.json", files.value->private_file},
                                      std::pair{stem + ".public.json", files.value->public_file}}) {
        if (std::filesystem::exists(path, error)) {
            std::fprintf(stderr, "keygen: %s already exists; nothing written\n", path.c_str());
            return 1;
        }
        const yousaid::Status written = yousaid::ReplaceSettingsFile(path, bytes);
        if (!written.ok()) {
            std::fprintf(stderr, "keygen: %s\n", written.Message().c_str());
            return 1;
        }
    }
    // Only its owner reads the private file; the public one is for handing out.
    chmod((stem + ".private.json").c_str(), S_IRUSR | S_IWUSR);
    chmod((stem + ".public.json").c_str(), S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
    std::printf("key %s (%s) for %s\n  private: %s.private.json (keep it safe; with its passphrase it opens every answer)\n"
                "  public:  %s.public.json (for the stations)\n",
                files.value->key_id.c_str(), yousaid::KeyIdWords(files.value->key_id).c_str(), options.name.c_str(),
                stem.c_str(), stem.c_str());
    return 0;
}
