#include "core/station/station_keys.h"

#include <algorithm>

#include "core/io/versioned_json.h"

namespace yousaid {

namespace {

constexpr const char* kKeysFormat = "yousaid-station-keys";

}  // namespace

std::vector<PublicKey> StationKeys::Recipients() const {
    std::vector<PublicKey> recipients;
    for (const PublicKeyFile& key : keys) recipients.push_back(key.public_key);
    return recipients;
}

bool StationKeys::Holds(const std::string& key_id) const {
    return std::any_of(keys.begin(), keys.end(), [&](const PublicKeyFile& key) { return key.key_id == key_id; });
}

void WritePublicKeyList(rapidjson::Writer<rapidjson::StringBuffer>& writer, const char* member,
                        const std::vector<PublicKeyFile>& keys) {
    writer.Key(member);
    writer.StartArray();
    for (const PublicKeyFile& key : keys) {
        const std::string file = PublicKeyFileJson(key);
        writer.RawValue(file.c_str(), file.size(), rapidjson::kObjectType);
    }
    writer.EndArray();
}

// Each entry is read exactly as a public key file loaded on its own, so that a key reaches
// a station by one set of rules whichever way it came.
StationKeys ReadPublicKeyList(const rapidjson::Value& list, const std::string& path, const std::string& file_name,
                              std::vector<Problem>& problems) {
    StationKeys keys;
    if (list.Size() > kMaxRecipients) {
        problems.push_back(JsonFileProblem(file_name, path,
                                           "has " + std::to_string(list.Size()) + " keys; a response can be sealed to at most " +
                                               std::to_string(kMaxRecipients)));
    }
    for (rapidjson::SizeType index = 0; index < list.Size(); ++index) {
        const std::string place = path + "[" + std::to_string(index) + "]";
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
        list[index].Accept(writer);
        Result<PublicKeyFile> key = ReadPublicKeyFile(std::string_view(buffer.GetString(), buffer.GetSize()), file_name);
        if (!key.ok()) {
            for (Problem& problem : key.problems) {
                problem.path = problem.path.empty() ? place : place + "." + problem.path;
                problems.push_back(std::move(problem));
            }
            continue;
        }
        if (keys.Holds(key.value->key_id)) {
            problems.push_back(JsonFileProblem(file_name, place, "is the key " + key.value->key_id + " a second time"));
            continue;
        }
        keys.keys.push_back(std::move(*key.value));
    }
    return keys;
}

std::string StationKeysJson(const StationKeys& keys) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    StartVersionedJson(writer, kKeysFormat, kStationKeysFormatVersion);
    WritePublicKeyList(writer, "keys", keys.keys);
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

Result<StationKeys> ReadStationKeys(std::string_view text, const std::string& file_name) {
    using Read = Result<StationKeys>;
    rapidjson::Document document;
    if (std::optional<Problem> problem = ParseVersionedJson(text, kKeysFormat, kStationKeysFormatVersion, file_name,
                                                            "the station's keys file", document)) {
        return Read::Failure(std::move(*problem));
    }
    const auto list = document.FindMember("keys");
    if (list == document.MemberEnd() || !list->value.IsArray()) {
        return Read::Failure(JsonFileProblem(file_name, "keys", "needs a list of public key files"));
    }
    std::vector<Problem> problems;
    StationKeys keys = ReadPublicKeyList(list->value, "keys", file_name, problems);
    if (!problems.empty()) return Read::Failure(std::move(problems));
    return Read::Success(std::move(keys));
}

Status AddStationKey(StationKeys& keys, const PublicKeyFile& key) {
    if (keys.Holds(key.key_id)) {
        return Status::Failure("This station already seals to " + KeyInWords(key) + ".");
    }
    if (keys.keys.size() >= kMaxRecipients) {
        return Status::Failure("This station already seals to " + std::to_string(kMaxRecipients) +
                               " keys, the most a response can be sealed to. Remove one first.");
    }
    keys.keys.push_back(key);
    return Succeeded();
}

bool RemoveStationKey(StationKeys& keys, const std::string& key_id) {
    const auto found = std::find_if(keys.keys.begin(), keys.keys.end(),
                                    [&](const PublicKeyFile& key) { return key.key_id == key_id; });
    if (found == keys.keys.end()) return false;
    keys.keys.erase(found);
    return true;
}

bool SameKeys(const StationKeys& a, const StationKeys& b) {
    if (a.keys.size() != b.keys.size()) return false;
    return std::all_of(a.keys.begin(), a.keys.end(), [&](const PublicKeyFile& key) { return b.Holds(key.key_id); });
}

std::string KeyInWords(const PublicKeyFile& key) {
    return key.name + "'s key: " + KeyIdWords(key.key_id);
}

}  // namespace yousaid
