#pragma once
// The small JSON files Yousaid writes for itself (KPI overrides, the workspace's settings)
// open the same way: one object naming its format and version, a newer version refused by
// name ("update the app"), and every problem placed by file and JSON path.
#include <optional>
#include <string>
#include <string_view>

#include "core/base/problem.h"
#include "core/io/json_document.h"

namespace yousaid {

// Opens the one object such a file is, naming its format and version first:
// {"format": "yousaid-...", "version": N, ... (the caller writes the rest and closes it).
template <typename JsonWriter>
void StartVersionedJson(JsonWriter& writer, const char* format, int version) {
    writer.StartObject();
    writer.Key("format");
    writer.String(format);
    writer.Key("version");
    writer.Int(version);
}

// A problem at `path` (a JSON path, "overrides[2].status"; empty for the whole file) in a file.
Problem JsonFileProblem(const std::string& file_name, std::string path, std::string message);

// Parses `text` into `document` and checks it is one object whose "format" is `format` and
// whose "version" is a whole number from 1 to `readable_version`. Nothing when so, else the
// problem; `what` names the kind of file for a person ("a KPI overrides file"). Never throws.
std::optional<Problem> ParseVersionedJson(std::string_view text, const char* format, int readable_version,
                                          const std::string& file_name, const char* what,
                                          rapidjson::Document& document);

}  // namespace yousaid
