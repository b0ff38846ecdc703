// cereal's json.hpp comes first so RapidJSON is configured here exactly as cereal
// configures it everywhere else in the program.
#include "core/io/json_document.h"

#include "core/station/settings_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <exception>

#include "core/base/file_io.h"

namespace yousaid {

Status ReplaceSettingsFile(const std::string& path, std::string_view bytes) noexcept {
    try {
        const std::string temporary_path = path + ".tmp";
        const int descriptor = ::open(temporary_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (descriptor < 0) return Status::Failure("cannot create " + temporary_path + ": " + ErrnoText());
        // Flushed before the rename, so the new name never points at bytes not yet on disk.
        std::string failure = WriteAllAndSync(descriptor, bytes, temporary_path);
        if (::close(descriptor) != 0 && failure.empty()) {
            failure = "cannot close " + temporary_path + ": " + ErrnoText();
        }
        if (failure.empty() && std::rename(temporary_path.c_str(), path.c_str()) != 0) {
            failure = "cannot replace " + path + ": " + ErrnoText();
        }
        if (failure.empty()) return Succeeded();
        std::remove(temporary_path.c_str());
        return Status::Failure(failure);
    } catch (const std::exception& error) {
        return Status::Failure(std::string(error.what()));
    }
}

Status CheckJsonShape(std::string_view json, const char* root_name, std::uint32_t readable_version,
                           std::initializer_list<JsonFieldShape> fields) noexcept {
    try {
        rapidjson::Document document;
        ParseJson(document, json);
        if (document.HasParseError()) {
            return Status::Failure(std::string("not JSON (") + rapidjson::GetParseError_En(document.GetParseError()) +
                                   " at byte " + std::to_string(document.GetErrorOffset()) + ")");
        }
        if (!document.IsObject()) return Status::Failure(std::string("not a JSON object"));
        const auto root = document.FindMember(root_name);
        if (root == document.MemberEnd()) return Status::Failure(std::string("no \"") + root_name + "\" in it");
        if (!root->value.IsObject()) return Status::Failure(Problem{"", 0, root_name, "", "expected an object"});
        const auto version = root->value.FindMember("cereal_class_version");
        if (version != root->value.MemberEnd()) {
            if (!version->value.IsUint()) {
                return Status::Failure(Problem{"", 0, "cereal_class_version", "", "expected a whole number"});
            }
            if (version->value.GetUint() > readable_version) return Succeeded();
        }
        for (const JsonFieldShape& field : fields) {
            const auto member = root->value.FindMember(field.name);
            if (member == root->value.MemberEnd()) continue;  // cereal reports it, safely
            const rapidjson::Value& value = member->value;
            const char* expected = nullptr;
            switch (field.type) {
                case JsonFieldType::kString:
                    if (!value.IsString()) expected = "text in quotes";
                    break;
                case JsonFieldType::kBool:
                    if (!value.IsBool()) expected = "true or false";
                    break;
                case JsonFieldType::kInt32:
                    if (!value.IsInt()) expected = "a whole number from -2147483648 to 2147483647";
                    break;
                case JsonFieldType::kUint32:
                    if (!value.IsUint()) expected = "a whole number from 0 to 4294967295";
                    break;
                case JsonFieldType::kInt64:
                    if (!value.IsInt64()) expected = "a whole number";
                    break;
            }
            if (expected != nullptr) {
                return Status::Failure(Problem{"", 0, field.name, "", std::string("expected ") + expected});
            }
        }
        return Succeeded();
    } catch (const std::exception& error) {
        return Status::Failure(std::string(error.what()));
    }
}

}  // namespace yousaid
