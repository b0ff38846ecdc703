#pragma once
// Where the response store lives, and when its bytes are really on the device.
//
// In the browser the files sit in Emscripten's IDBFS, which is memory until FS.syncfs(false)
// calls back: only then is a submit safe against a reload, crash or closed tab. So every
// write is followed by RequestDurableSync(), and the app says "saved" only once
// DurableGeneration() has reached the generation that request returned. Syncs run one at
// a time; requests made meanwhile are folded into the next one. Natively, files are on disk
// already and a sync completes at once.
#include <cstdint>
#include <string>

namespace yousaid::platform {

// Mounts persistent storage at `directory` and loads what it holds (asynchronous in the
// browser: poll PersistentStorageReady()). Also asks the browser to keep it persistent.
void StartPersistentStorage(const std::string& directory);
bool PersistentStorageReady();

// Starts (or queues) a sync of everything written so far; returns its generation number.
std::uint64_t RequestDurableSync();
// The highest generation whose sync has completed successfully.
std::uint64_t DurableGeneration();

struct StorageStatus {
    bool ready = false;
    bool sync_in_flight = false;
    std::string last_sync_error;  // empty when the last sync succeeded
    // navigator.storage.persist(): -1 unknown (not answered yet or unsupported), 0 refused, 1 granted
    int persistence = -1;
    double usage_bytes = -1;  // navigator.storage.estimate(); -1 when unknown
    double quota_bytes = -1;
};
StorageStatus CurrentStorageStatus();

}  // namespace yousaid::platform
