// Native stand-in: a "download" is written to the current folder; there is no picker, so
// files come from YOUSAID_PICK (paths separated by ':'), for the desktop app.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "platform/file_exchange.h"

namespace yousaid::platform {

DownloadOutcome OfferDownload(const std::string& file_name, const std::string& bytes, const std::string&) {
    std::ofstream out(file_name, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return out ? DownloadOutcome::kDownloaded : DownloadOutcome::kUnavailable;
}

ShareResult TakeShareResult() { return ShareResult::kNone; }  // natively nothing is shared

namespace {
bool picker_open = false;

std::tm LocalTime(std::int64_t utc_ms) {
    const std::time_t seconds = static_cast<std::time_t>(utc_ms / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    return local;
}
}  // namespace

void OpenFilePicker(const std::string&) { picker_open = true; }

std::vector<PickedFile> TakePickedFiles() {
    std::vector<PickedFile> files;
    const char* list = std::getenv("YOUSAID_PICK");
    if (!picker_open || list == nullptr) return files;
    picker_open = false;
    std::stringstream paths(list);
    std::string path;
    while (std::getline(paths, path, ':')) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        files.push_back(PickedFile{path.substr(path.find_last_of('/') + 1), bytes.str()});
    }
    return files;
}

// Natively the chosen files are read at once, in TakePickedFiles.
std::optional<FilesBeingRead> FilesBeingReadNow() { return std::nullopt; }

std::string LocalTimeOfDay(std::int64_t utc_ms) {
    const std::tm local = LocalTime(utc_ms);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M", &local);
    return text;
}

std::string LocalDate(std::int64_t utc_ms) {
    const std::tm local = LocalTime(utc_ms);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

}  // namespace yousaid::platform
