#pragma once
// The only interface to the host: the browser in the web build, a native stand-in otherwise.
// Nothing here includes ImGui or SDL; everything above it stays testable natively.
#include <cstddef>
#include <cstdint>
#include <string>

namespace yousaid::platform {

// Cryptographically secure random bytes: crypto.getRandomValues in the browser,
// /dev/urandom natively. Throws std::runtime_error if no secure source is available.
void FillSecureRandom(std::uint8_t* out, std::size_t count);

// The page was opened with ?test=1: publish per-frame item lists for browser tests.
bool IsTestMode();

struct Viewport {
    int css_width = 0;
    int css_height = 0;
    float device_pixel_ratio = 1.0f;
};
// The browser window's size in CSS pixels and its devicePixelRatio.
Viewport CurrentViewport();

// Hands the JSON text of this frame's interactive items to the page (test mode only).
void PublishFrameReport(const std::string& json);

// True once after something asynchronous happened (storage loaded, a save confirmed, a
// person used the accessible layer, speech voices arrived), so the idle loop draws again.
bool TakeWakeRequest();

// Called by an idle iteration: the web page stops running the main loop until input reaches
// it, something asynchronous happens (see TakeWakeRequest) or most_ms pass, whichever comes
// first. Natively nothing: the desktop loop waits for SDL's events itself.
void SleepUntilWoken(int most_ms);

// A parameter of the page's address (?survey=pupil), or empty. Natively: YOUSAID_<NAME>.
std::string QueryParameter(const std::string& name);

// Milliseconds since 1970-01-01 UTC.
std::int64_t NowUtcMilliseconds();

// The page's own clock (performance.now() in a browser; a steady clock natively). Stamped on
// each frame report so a test can tell whether a frame came after the input it gave.
double PageClockMilliseconds();

// Tells the page that the app has drawn its first frame (hides the loading message).
void SignalAppReady();

// Opens another page of the app in this tab ("officer.html"), keeping the page's query (a
// test page stays one). Natively: says so on standard error, as there is no other page.
void OpenPage(const std::string& page);

}  // namespace yousaid::platform
