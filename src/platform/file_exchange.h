#pragma once
// Getting files off the tablet and onto the officer's laptop, with no server: downloads
// (or the system share sheet where a home-screen app cannot download) and the file picker.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace yousaid::platform {

// kSharing: the system share sheet is open; how it ended comes later from TakeShareResult().
enum class DownloadOutcome { kDownloaded, kSharing, kUnavailable };

// Offers `bytes` to the person as a file called `file_name`.
DownloadOutcome OfferDownload(const std::string& file_name, const std::string& bytes, const std::string& mime_type);

// After kSharing, once: whether the file was handed on, or the sheet was closed without it
// (the frame loop is woken for it). kNone while the sheet is open or when nothing is shared.
enum class ShareResult { kNone, kShared, kCancelled };
ShareResult TakeShareResult();

// Opens the file picker (several files allowed); what is chosen arrives later through
// TakePickedFiles(), and the frame loop is woken for it.
void OpenFilePicker(const std::string& accept);

struct PickedFile {
    std::string name;
    std::string bytes;
};
std::vector<PickedFile> TakePickedFiles();

// Files chosen and still being read into the page (a 155 MB file takes seconds): the first
// one's name, how many, and how far through them all; nothing once they are read or when
// none were chosen. The frame loop is woken as the reading moves on.
struct FilesBeingRead {
    std::string first_name;
    std::size_t count = 0;
    double fraction = 0.0;
};
std::optional<FilesBeingRead> FilesBeingReadNow();

// "14:05" in the device's own time zone, for the volunteer's live view.
std::string LocalTimeOfDay(std::int64_t utc_ms);
// The device's local calendar day ("2026-03-14") of a moment, for "today" counts.
std::string LocalDate(std::int64_t utc_ms);

}  // namespace yousaid::platform
