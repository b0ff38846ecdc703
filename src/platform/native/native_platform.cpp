// Native stand-in for the browser: used by unit tests, command-line tools and the desktop app.
#include <chrono>
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

void OpenPage(const std::string& page) { std::fprintf(stderr, "the desktop app has no page %s\n", page.c_str()); }

bool TakeWakeRequest() { return false; }

// The desktop loop waits for events itself (SDL_WaitEventTimeout).
void SleepUntilWoken(int) {}

std::string QueryParameter(const std::string& name) {
    std::string variable = "YOUSAID_";
    for (char c : name) variable += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    const char* value = std::getenv(variable.c_str());
    return value != nullptr ? value : "";
}

std::int64_t NowUtcMilliseconds() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

double PageClockMilliseconds() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace yousaid::platform
