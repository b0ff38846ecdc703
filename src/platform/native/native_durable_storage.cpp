// Native stand-in: files are on disk already, so a sync completes as soon as it is asked for.
#include <filesystem>

#include "platform/durable_storage.h"

namespace yousaid::platform {

namespace {
std::uint64_t requested_generation = 0;
bool storage_ready = false;
}  // namespace

void StartPersistentStorage(const std::string& directory) {
    std::error_code ignored;
    std::filesystem::create_directories(directory, ignored);
    storage_ready = true;
}

bool PersistentStorageReady() { return storage_ready; }

std::uint64_t RequestDurableSync() { return ++requested_generation; }

std::uint64_t DurableGeneration() { return requested_generation; }

StorageStatus CurrentStorageStatus() {
    StorageStatus status;
    status.ready = storage_ready;
    status.persistence = 1;
    return status;
}

}  // namespace yousaid::platform
