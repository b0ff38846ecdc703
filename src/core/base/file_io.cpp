#include "core/base/file_io.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>

namespace yousaid {

std::string ErrnoText() { return std::strerror(errno); }

FileReadResult ReadWholeFile(const std::string& path, std::uint64_t max_bytes) noexcept {
    FileReadResult result;
    try {
        // Closed on every way out, the exception included.
        const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
        if (file == nullptr) {
            if (errno == ENOENT) {
                result.outcome = FileReadOutcome::kMissing;
            } else {
                result.error = "cannot open " + path + ": " + ErrnoText();
            }
            return result;
        }
        struct stat status {};
        if (::fstat(fileno(file.get()), &status) == 0 && S_ISREG(status.st_mode)) {
            result.size_on_disk = static_cast<std::uint64_t>(status.st_size);
        }
        const auto too_big = [&] {
            result.outcome = FileReadOutcome::kTooBig;
            result.error = path + " is larger than " + std::to_string(max_bytes) + " bytes";
        };
        if (result.size_on_disk && *result.size_on_disk > max_bytes) {
            too_big();
            return result;
        }
        char buffer[64 * 1024];
        result.outcome = FileReadOutcome::kRead;
        for (;;) {
            const std::size_t got = std::fread(buffer, 1, sizeof buffer, file.get());
            result.bytes.append(buffer, got);
            // Checked as it grows too, for a file that grows while being read or has no size.
            if (static_cast<std::uint64_t>(result.bytes.size()) > max_bytes) {
                too_big();
                break;
            }
            if (got < sizeof buffer) {
                if (std::ferror(file.get()) != 0) {
                    result.outcome = FileReadOutcome::kFailed;
                    result.error = "cannot read " + path + ": " + ErrnoText();
                }
                break;
            }
        }
        if (result.outcome != FileReadOutcome::kRead) result.bytes.clear();
    } catch (const std::exception& error) {  // std::bad_alloc while reading or building a message
        result.outcome = FileReadOutcome::kFailed;
        result.bytes.clear();
        result.error = error.what();
    }
    return result;
}

std::string WriteAllAndSync(int descriptor, std::string_view bytes, const std::string& path) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t result = ::write(descriptor, bytes.data() + written, bytes.size() - written);
        if (result < 0) {
            if (errno == EINTR) continue;
            return "cannot write to " + path + ": " + ErrnoText();
        }
        written += static_cast<std::size_t>(result);
    }
    // Without the fsync, a crash soon after could leave the file short of bytes it was told
    // were written (and a rename could point the new name at them).
    if (::fsync(descriptor) != 0) return "cannot flush " + path + " to storage: " + ErrnoText();
    return "";
}

}  // namespace yousaid
