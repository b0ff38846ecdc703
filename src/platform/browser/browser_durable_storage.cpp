#include <emscripten.h>

#include <cstdlib>

#include "platform/durable_storage.h"

namespace {

// All state lives in JavaScript so page lifecycle listeners can flush without C++ on the stack.
EM_JS(void, yousaid_js_storage_start, (const char* directory_ptr), {
    const directory = UTF8ToString(directory_ptr);
    const state = Module.yousaidStorage = {
        ready: false, requested: 0, completed: 0, inFlight: false, again: false,
        error: "", persistence: -1, usage: -1, quota: -1,
    };
    state.sync = function () {
        if (!state.ready) return;
        if (state.inFlight) { state.again = true; return; }
        state.inFlight = true;
        const target = state.requested;
        FS.syncfs(false, function (error) {
            state.inFlight = false;
            if (error) {
                state.error = "could not save to the browser storage: " + error;
            } else {
                state.error = "";
                if (target > state.completed) state.completed = target;
            }
            Module.yousaidMainLoop.changed();
            if (state.again || state.completed < state.requested) { state.again = false; state.sync(); }
        });
    };
    state.refreshEstimate = function () {
        if (!navigator.storage || !navigator.storage.estimate) return;
        navigator.storage.estimate().then(function (estimate) {
            state.usage = estimate.usage; state.quota = estimate.quota; Module.yousaidMainLoop.changed();
        }).catch(function () {});
    };
    try { FS.mkdir(directory); } catch (e) { /* already there */ }
    FS.mount(IDBFS, {}, directory);
    FS.syncfs(true, function (error) {
        if (error) state.error = "could not read the browser storage: " + error;
        state.ready = true;
        Module.yousaidMainLoop.changed();
        state.refreshEstimate();
    });
    if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persist().then(function (granted) {
            state.persistence = granted ? 1 : 0; Module.yousaidMainLoop.changed();
        }).catch(function () { state.persistence = 0; Module.yousaidMainLoop.changed(); });
    }
    // A tab being hidden or closed is the last moment to flush anything still in memory.
    const flush = function () { if (state.completed < state.requested || state.inFlight) state.sync(); };
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") flush(); });
    window.addEventListener("pagehide", flush);
});

EM_JS(int, yousaid_js_storage_ready, (), { return Module.yousaidStorage && Module.yousaidStorage.ready ? 1 : 0; });

EM_JS(double, yousaid_js_storage_request_sync, (), {
    const state = Module.yousaidStorage;
    state.requested += 1;
    state.sync();
    return state.requested;
});

EM_JS(double, yousaid_js_storage_completed, (), { return Module.yousaidStorage ? Module.yousaidStorage.completed : 0; });

EM_JS(void, yousaid_js_storage_status, (int* ready, int* in_flight, int* persistence, double* usage, double* quota), {
    const state = Module.yousaidStorage || {};
    HEAP32[ready >> 2] = state.ready ? 1 : 0;
    HEAP32[in_flight >> 2] = state.inFlight ? 1 : 0;
    HEAP32[persistence >> 2] = state.persistence === undefined ? -1 : state.persistence;
    HEAPF64[usage >> 3] = state.usage === undefined ? -1 : state.usage;
    HEAPF64[quota >> 3] = state.quota === undefined ? -1 : state.quota;
});

EM_JS(char*, yousaid_js_storage_error, (), {
    const text = (Module.yousaidStorage && Module.yousaidStorage.error) || "";
    const size = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});


}  // namespace

namespace yousaid::platform {

void StartPersistentStorage(const std::string& directory) { yousaid_js_storage_start(directory.c_str()); }

bool PersistentStorageReady() { return yousaid_js_storage_ready() != 0; }

std::uint64_t RequestDurableSync() { return static_cast<std::uint64_t>(yousaid_js_storage_request_sync()); }

std::uint64_t DurableGeneration() { return static_cast<std::uint64_t>(yousaid_js_storage_completed()); }

StorageStatus CurrentStorageStatus() {
    StorageStatus status;
    int ready = 0, in_flight = 0;
    yousaid_js_storage_status(&ready, &in_flight, &status.persistence, &status.usage_bytes, &status.quota_bytes);
    status.ready = ready != 0;
    status.sync_in_flight = in_flight != 0;
    char* error = yousaid_js_storage_error();
    status.last_sync_error = error;
    free(error);
    return status;
}

}  // namespace yousaid::platform
