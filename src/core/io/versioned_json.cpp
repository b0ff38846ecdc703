#include "core/io/versioned_json.h"

#include <utility>

namespace yousaid {

Problem JsonFileProblem(const std::string& file_name, std::string path, std::string message) {
    Problem problem = Problem::Saying(std::move(message));
    problem.file = file_name;
    problem.path = std::move(path);
    return problem;
}

std::optional<Problem> ParseVersionedJson(std::string_view text, const char* format, int readable_version,
                                          const std::string& file_name, const char* what,
                                          rapidjson::Document& document) {
    ParseJson(document, text);
    if (document.HasParseError() || !document.IsObject()) {
        return JsonFileProblem(file_name, "", "is not " + std::string(what) + " (not a JSON object)");
    }
    if (!document.HasMember("format") || !document["format"].IsString() || document["format"].GetString() != std::string(format)) {
        return JsonFileProblem(file_name, "format", "is not \"" + std::string(format) + "\"");
    }
    if (!document.HasMember("version") || !document["version"].IsInt() || document["version"].GetInt() < 1) {
        return JsonFileProblem(file_name, "version", "needs a whole number from 1");
    }
    if (document["version"].GetInt() > readable_version) {
        return JsonFileProblem(file_name, "version",
                               "was written by a newer version of Yousaid (format " +
                                   std::to_string(document["version"].GetInt()) + "; this version reads format " +
                                   std::to_string(readable_version) + " and older); update the app to read it");
    }
    return std::nullopt;
}

}  // namespace yousaid
