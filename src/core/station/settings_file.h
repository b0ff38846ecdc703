#pragma once
// Settings files (the staff PIN record, the station's settings): small, read whole, and
// replaced in one step, so that a crash or a flat battery mid-save leaves either the old
// file or the new one, never half of each.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <cereal/details/helpers.hpp>

#include "core/base/problem.h"

namespace yousaid {

// Thrown by a stored type's cereal load() when the file was written by a newer Yousaid: the
// loader tells it apart from damage, because the right answer is "update the app", and
// because half-reading a newer format could silently drop what the newer version added.
class NewerVersionError : public cereal::Exception {
public:
    NewerVersionError(const std::string& what_was_stored, std::uint32_t stored_version, std::uint32_t readable_version)
        : cereal::Exception(what_was_stored + " was written by a newer version of Yousaid (format " +
                            std::to_string(stored_version) + "; this version reads format " +
                            std::to_string(readable_version) + " and older); update the app to read it") {}
};

// Settings files are read whole with ReadWholeFile (core/file_io.h), whose kMissing means
// "not set up yet".

// Writes `bytes` to `path` + ".tmp", flushes it to storage (fsync), then renames it over
// `path`, which is atomic on POSIX file systems and in Emscripten's. On failure says why
// (the old file, if any, is then untouched). Never throws.
// In the browser the result reaches IndexedDB only after the platform layer's sync.
Status ReplaceSettingsFile(const std::string& path, std::string_view bytes) noexcept;

// The JSON type a settings field must have for cereal's JSON reader to take it.
enum class JsonFieldType { kString, kBool, kInt32, kUint32, kInt64 };

struct JsonFieldShape {
    const char* name;
    JsonFieldType type;
};

// Checks, before a cereal::JSONInputArchive sees `json`, that it is one object holding an
// object `root_name` whose listed members, where present, have the listed types (and that
// "cereal_class_version" there is a whole number). Succeeds when so, else fails with the
// first problem, its path naming the member: "idle_timeout_seconds: expected a whole number
// from -2147483648 to 2147483647". The members of a version above `readable_version` are not checked: a newer
// format may have changed them, and the type's load() refuses it (NewerVersionError) before
// reading any. Never throws.
//
// Why: cereal's JSON reader treats a wrong type as a failed RapidJSON assertion, which cereal
// turns into an exception, but only in files that include cereal's json.hpp before RapidJSON.
// If any other file in the program includes RapidJSON first, the linker may keep that
// file's copy of an inline RapidJSON function, whose assertion aborts; a damaged settings file
// would then crash the station instead of being reported. With the shape checked first,
// cereal never meets a value it cannot read (a missing member is a cereal exception, which
// is safe), and the problem is named.
Status CheckJsonShape(std::string_view json, const char* root_name, std::uint32_t readable_version,
                      std::initializer_list<JsonFieldShape> fields) noexcept;

}  // namespace yousaid
