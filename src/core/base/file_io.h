#pragma once
// Whole-file reads with a size limit, and writes that reach storage: the two file operations
// every stored or imported file in core goes through, so "missing", "too big" and an
// interrupted or unflushed write are handled the same way everywhere.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yousaid {

enum class FileReadOutcome {
    kRead,
    kMissing,  // no such file; callers decide whether that is "nothing yet" or an error
    kTooBig,   // larger than the limit: not read into memory
    kFailed,
};

struct FileReadResult {
    FileReadOutcome outcome = FileReadOutcome::kFailed;
    std::string bytes;  // the contents when outcome is kRead, else empty
    std::string error;  // why, naming the path, when outcome is kTooBig or kFailed
    // The file's size as the file system gives it, when it is a regular file (so a file over
    // the limit can be refused by its size, without reading, and its size reported).
    std::optional<std::uint64_t> size_on_disk;
};

// Reads all of `path` when it holds at most `max_bytes`. Never throws.
FileReadResult ReadWholeFile(const std::string& path, std::uint64_t max_bytes) noexcept;

// Writes every byte of `bytes` to `descriptor` (retrying interrupted writes), then flushes it to
// storage with fsync. Returns "" on success, else what failed, naming `path`.
std::string WriteAllAndSync(int descriptor, std::string_view bytes, const std::string& path);

// strerror(errno), for messages.
std::string ErrnoText();

}  // namespace yousaid
