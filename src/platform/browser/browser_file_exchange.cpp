#include <emscripten.h>

#include <cstdint>
#include <cstdlib>

#include "core/io/json_document.h"

#include "platform/file_exchange.h"

namespace {

EM_JS(int, yousaid_js_offer_download, (const char* name, const char* data, int size, const char* mime), {
    const fileName = UTF8ToString(name);
    const type = UTF8ToString(mime);
    const blob = new Blob([HEAPU8.slice(data, data + size)], { type: type });
    // A home-screen app on an iPad cannot download; its share sheet can save to Files.
    if (navigator.standalone === true && navigator.canShare) {
        const file = new File([blob], fileName, { type: type });
        if (navigator.canShare({ files: [file] })) {
            const answer = function (result) { Module.yousaidShareResult = result; Module.yousaidMainLoop.changed(); };
            navigator.share({ files: [file], title: fileName }).then(function () { answer(1); }, function () { answer(2); });
            return 2;
        }
    }
    if (!("download" in HTMLAnchorElement.prototype)) return 0;
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    return 1;
});

EM_JS(int, yousaid_js_take_share_result, (), {
    const result = Module.yousaidShareResult || 0;
    Module.yousaidShareResult = 0;
    return result;
});

EM_JS(void, yousaid_js_open_file_picker, (const char* accept), {
    const input = document.createElement("input");
    input.type = "file";
    input.multiple = true;
    input.accept = UTF8ToString(accept);
    input.style.display = "none";
    // A file is read 2 MB at a time, each slice copied straight into the module's memory:
    // reading a 26 MB CSV in one arrayBuffer() and copying it whole held the page for
    // 150-280 ms (bench/workspace_scale.mjs); in slices no frame waits on it.
    const readInSlices = function (file) {
        const pointer = file.size > 0 ? _malloc(file.size) : 0;
        const slice = 2 * 1024 * 1024;
        const picked = function (size) { return { name: file.name, pointer: pointer, size: pointer ? size : 0 }; };
        const readFrom = function (offset) {
            if (!pointer || offset >= file.size) return Promise.resolve(picked(offset));
            return file.slice(offset, offset + slice).arrayBuffer().then(function (buffer) {
                // A file cut short while it was read gives what there was.
                if (buffer.byteLength === 0) return picked(offset);
                HEAPU8.set(new Uint8Array(buffer), pointer + offset);
                if (Module.yousaidFilesBeingRead) {
                    Module.yousaidFilesBeingRead.read += buffer.byteLength;
                    Module.yousaidMainLoop.changed();
                }
                return readFrom(offset + buffer.byteLength);
            });
        };
        return readFrom(0);
    };
    input.addEventListener("change", function () {
        const files = Array.prototype.slice.call(input.files || []);
        if (files.length > 0) {
            Module.yousaidFilesBeingRead = { name: files[0].name, count: files.length, read: 0,
                total: files.reduce(function (sum, file) { return sum + file.size; }, 0) };
            Module.yousaidMainLoop.changed();
        }
        Promise.all(files.map(readInSlices)).then(function (read) {
            Module.yousaidFilesBeingRead = null;
            Module.yousaidPickedFiles = (Module.yousaidPickedFiles || []).concat(read);
            Module.yousaidMainLoop.changed();
            input.remove();
        });
    });
    document.body.appendChild(input);
    input.click();
});

// Hands the picked files over, already in the module's memory: a name, pointer and size
// each, which C++ takes and frees.
EM_JS(char*, yousaid_js_take_picked_files, (), {
    const list = Module.yousaidPickedFiles || [];
    Module.yousaidPickedFiles = [];
    const text = JSON.stringify(list);
    const size = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});

// "" when no chosen file is being read; else {"name", "count", "fraction"} as JSON.
EM_JS(char*, yousaid_js_files_being_read, (), {
    const reading = Module.yousaidFilesBeingRead;
    const text = reading ? JSON.stringify({ name: reading.name, count: reading.count,
                                            fraction: reading.total > 0 ? reading.read / reading.total : 0 })
                         : "";
    const size = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});

EM_JS(char*, yousaid_js_local_time, (double ms, int date_only), {
    const when = new Date(ms);
    const two = function (n) { return (n < 10 ? "0" : "") + n; };
    const text = date_only ? when.getFullYear() + "-" + two(when.getMonth() + 1) + "-" + two(when.getDate())
                           : two(when.getHours()) + ":" + two(when.getMinutes());
    const size = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});

std::string TakeString(char* raw) {
    std::string text = raw;
    std::free(raw);
    return text;
}

}  // namespace

namespace yousaid::platform {

DownloadOutcome OfferDownload(const std::string& file_name, const std::string& bytes, const std::string& mime_type) {
    switch (yousaid_js_offer_download(file_name.c_str(), bytes.data(), static_cast<int>(bytes.size()), mime_type.c_str())) {
        case 1: return DownloadOutcome::kDownloaded;
        case 2: return DownloadOutcome::kSharing;
        default: return DownloadOutcome::kUnavailable;
    }
}

ShareResult TakeShareResult() {
    switch (yousaid_js_take_share_result()) {
        case 1: return ShareResult::kShared;
        case 2: return ShareResult::kCancelled;
        default: return ShareResult::kNone;
    }
}

void OpenFilePicker(const std::string& accept) { yousaid_js_open_file_picker(accept.c_str()); }

std::vector<PickedFile> TakePickedFiles() {
    rapidjson::Document list;
    yousaid::ParseJson(list, TakeString(yousaid_js_take_picked_files()));
    std::vector<PickedFile> files;
    if (list.HasParseError() || !list.IsArray()) return files;
    for (const auto& entry : list.GetArray()) {
        PickedFile file;
        file.name = entry["name"].GetString();
        auto* bytes = reinterpret_cast<char*>(static_cast<std::uintptr_t>(entry["pointer"].GetUint64()));
        if (bytes != nullptr) {
            // Copied in one call (no zeroing first): a 26 MB CSV read through a file and a
            // resized string held the page for 600 ms (bench/workspace_scale.mjs).
            file.bytes.assign(bytes, static_cast<std::size_t>(entry["size"].GetUint64()));
            std::free(bytes);
        }
        files.push_back(std::move(file));
    }
    return files;
}

std::optional<FilesBeingRead> FilesBeingReadNow() {
    const std::string text = TakeString(yousaid_js_files_being_read());
    if (text.empty()) return std::nullopt;
    rapidjson::Document reading;
    yousaid::ParseJson(reading, text);
    if (reading.HasParseError() || !reading.IsObject()) return std::nullopt;
    FilesBeingRead files;
    files.first_name = reading["name"].GetString();
    files.count = static_cast<std::size_t>(reading["count"].GetUint());
    files.fraction = reading["fraction"].GetDouble();
    return files;
}

std::string LocalTimeOfDay(std::int64_t utc_ms) { return TakeString(yousaid_js_local_time(static_cast<double>(utc_ms), 0)); }

std::string LocalDate(std::int64_t utc_ms) { return TakeString(yousaid_js_local_time(static_cast<double>(utc_ms), 1)); }

}  // namespace yousaid::platform
