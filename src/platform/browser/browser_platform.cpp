// The browser side of the platform interface, through Emscripten's EM_JS.
#include <emscripten.h>

#include <cstdlib>
#include <stdexcept>

#include "platform/platform.h"

namespace {

EM_JS(int, yousaid_js_fill_random, (std::uint8_t * out, int count), {
    if (typeof crypto === "undefined" || !crypto.getRandomValues) return 0;
    // getRandomValues accepts at most 65536 bytes per call.
    for (let offset = 0; offset < count; offset += 65536) {
        const length = Math.min(65536, count - offset);
        crypto.getRandomValues(HEAPU8.subarray(out + offset, out + offset + length));
    }
    return 1;
});

EM_JS(int, yousaid_js_is_test_mode, (), {
    try {
        return new URLSearchParams(location.search).get("test") === "1" ? 1 : 0;
    } catch (e) {
        return 0;
    }
});

EM_JS(void, yousaid_js_viewport, (int* width, int* height, float* ratio), {
    HEAP32[width >> 2] = Math.max(1, Math.floor(window.innerWidth));
    HEAP32[height >> 2] = Math.max(1, Math.floor(window.innerHeight));
    HEAPF32[ratio >> 2] = window.devicePixelRatio || 1;
});

EM_JS(void, yousaid_js_publish_frame, (const char* json), {
    window.yousaidTest = JSON.parse(UTF8ToString(json));
});

EM_JS(int, yousaid_js_take_wake, (), { return Module.yousaidMainLoop.takeChanged() ? 1 : 0; });

EM_JS(void, yousaid_js_sleep_until_woken, (int most_ms), { Module.yousaidMainLoop.sleep(most_ms); });

EM_JS(char*, yousaid_js_query_parameter, (const char* name), {
    let value = "";
    try { value = new URLSearchParams(location.search).get(UTF8ToString(name)) || ""; } catch (e) {}
    const size = lengthBytesUTF8(value) + 1;
    const pointer = _malloc(size);
    stringToUTF8(value, pointer, size);
    return pointer;
});

EM_JS(double, yousaid_js_now, (), { return Date.now(); });

EM_JS(void, yousaid_js_open_page, (const char* page), {
    window.location.assign(UTF8ToString(page) + window.location.search);
});

EM_JS(void, yousaid_js_app_ready, (), {
    if (typeof window.yousaidAppReady === "function") window.yousaidAppReady();
});

}  // namespace

namespace yousaid::platform {

void FillSecureRandom(std::uint8_t* out, std::size_t count) {
    if (yousaid_js_fill_random(out, static_cast<int>(count)) == 0)
        throw std::runtime_error("this browser has no crypto.getRandomValues");
}

bool IsTestMode() {
    static const bool test_mode = yousaid_js_is_test_mode() != 0;
    return test_mode;
}

Viewport CurrentViewport() {
    Viewport viewport;
    yousaid_js_viewport(&viewport.css_width, &viewport.css_height, &viewport.device_pixel_ratio);
    return viewport;
}

void PublishFrameReport(const std::string& json) { yousaid_js_publish_frame(json.c_str()); }

void SignalAppReady() { yousaid_js_app_ready(); }

void OpenPage(const std::string& page) { yousaid_js_open_page(page.c_str()); }

bool TakeWakeRequest() { return yousaid_js_take_wake() != 0; }

void SleepUntilWoken(int most_ms) { yousaid_js_sleep_until_woken(most_ms); }

std::string QueryParameter(const std::string& name) {
    char* raw = yousaid_js_query_parameter(name.c_str());
    std::string value = raw;
    std::free(raw);
    return value;
}

std::int64_t NowUtcMilliseconds() { return static_cast<std::int64_t>(yousaid_js_now()); }

double PageClockMilliseconds() { return emscripten_get_now(); }

}  // namespace yousaid::platform
