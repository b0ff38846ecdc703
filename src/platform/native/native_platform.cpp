// Native stand-in for the browser: used by unit tests, command-line tools and the desktop app.
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "platform/platform.h"

namespace yousaid::platform {

void FillSecureRandom(std::uint8_t* out, std::size_t count) {
    std::FILE* source = std::fopen("/dev/urandom", "rb");
    if (source == nullptr) throw std::runtime_error("cannot open /dev/urandom");
    const std::size_t got = std::fread(out, 1, count, source);
    std::fclose(source);
    if (got != count) throw std::runtime_error("short read from /dev/urandom");
}

bool IsTestMode() {
    const char* value = std::getenv("YOUSAID_TEST_MODE");
    return value != nullptr && value[0] == '1';
}

Viewport CurrentViewport() { return Viewport{1024, 768, 1.0f}; }

void PublishFrameReport(const std::string& json) {
    if (IsTestMode()) std::fprintf(stderr, "frame-report %s\n", json.c_str());
}

void SignalAppReady() {}

}  // namespace yousaid::platform
