// The officers' public keys a station seals to: their own file beside the station settings,
// and a station pack's "public_keys" (pack version 2; version 1 packs still load).
#include <doctest/doctest.h>

#include <string>

#include "core/base/file_io.h"
#include "core/station/station_keys.h"
#include "core/station/station_pack.h"
#include "edited_text.h"

using namespace yousaid;
using yousaid::testing::Edited;

namespace {

PublicKeyFile NewPublicKey(const std::string& name) {
    const KeyPair pair = GenerateKeyPair();
    PublicKeyFile key;
    key.public_key = pair.public_key;
    key.key_id = KeyIdOf(pair.public_key);
    key.name = name;
    key.created = "2026-12-02";
    return key;
}


}  // namespace

TEST_CASE("station keys: the officer's key and a recovery key, written and read back") {
    REQUIRE(SodiumReady());
    StationKeys keys;
    const PublicKeyFile officer = NewPublicKey("Sam Patel");
    const PublicKeyFile recovery = NewPublicKey("Team safe");
    REQUIRE(AddStationKey(keys, officer).ok());
    REQUIRE(AddStationKey(keys, recovery).ok());
    const std::string json = StationKeysJson(keys);
    CHECK(json.rfind("{\"format\":\"yousaid-station-keys\",\"version\":1,\"keys\":[", 0) == 0);
    const Result<StationKeys> read = ReadStationKeys(json, "station_keys.json");
    REQUIRE_MESSAGE(read.ok(), read.Message());
    REQUIRE(read.value->keys.size() == 2);
    CHECK(read.value->keys[0].key_id == officer.key_id);
    CHECK(read.value->keys[0].name == "Sam Patel");
    CHECK(read.value->keys[1].public_key == recovery.public_key);
    CHECK(read.value->Recipients() == std::vector<PublicKey>{officer.public_key, recovery.public_key});
    CHECK(SameKeys(*read.value, keys));
    CHECK(KeyInWords(officer) == "Sam Patel's key: " + KeyIdWords(officer.key_id));

    const Result<StationKeys> none = ReadStationKeys(StationKeysJson(StationKeys{}), "station_keys.json");
    REQUIRE(none.ok());
    CHECK(none.value->Empty());
}

TEST_CASE("station keys: a key held twice or a fifth key is refused, and removing works by key id") {
    StationKeys keys;
    const PublicKeyFile officer = NewPublicKey("Sam Patel");
    REQUIRE(AddStationKey(keys, officer).ok());
    const Status twice = AddStationKey(keys, officer);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.Message().find(KeyIdWords(officer.key_id)) != std::string::npos);
    for (int i = 0; i < 3; ++i) REQUIRE(AddStationKey(keys, NewPublicKey("Colleague " + std::to_string(i))).ok());
    const Status fifth = AddStationKey(keys, NewPublicKey("One too many"));
    REQUIRE_FALSE(fifth.ok());
    CHECK(fifth.Message().find("Remove one first") != std::string::npos);
    CHECK(keys.keys.size() == kMaxRecipients);
    CHECK(RemoveStationKey(keys, officer.key_id));
    CHECK_FALSE(RemoveStationKey(keys, officer.key_id));
    CHECK(keys.keys.size() == kMaxRecipients - 1);
    CHECK_FALSE(keys.Holds(officer.key_id));
}

TEST_CASE("station keys: a damaged or newer file is refused by name and place") {
    StationKeys keys;
    const PublicKeyFile officer = NewPublicKey("Sam Patel");
    REQUIRE(AddStationKey(keys, officer).ok());
    const std::string json = StationKeysJson(keys);

    const auto newer = ReadStationKeys(Edited(json, "\"version\":1,\"keys\"", "\"version\":2,\"keys\""), "station_keys.json");
    REQUIRE_FALSE(newer.ok());
    CHECK(newer.Message().find("newer") != std::string::npos);
    CHECK(newer.Message().find("station_keys.json") != std::string::npos);

    CHECK_FALSE(ReadStationKeys(json.substr(0, json.size() - 3), "station_keys.json").ok());
    CHECK_FALSE(ReadStationKeys("", "station_keys.json").ok());
    CHECK_FALSE(ReadStationKeys(R"({"format":"yousaid-station-keys","version":1})", "station_keys.json").ok());

    // One character of the key id changed: the id no longer matches the key.
    const std::string other_id = officer.key_id.substr(0, 15) + (officer.key_id[15] == '0' ? "1" : "0");
    const auto wrong_id = ReadStationKeys(Edited(json, officer.key_id, other_id), "station_keys.json");
    REQUIRE_FALSE(wrong_id.ok());
    CHECK(wrong_id.problems.front().path == "keys[0].key_id");

    const auto twice = ReadStationKeys(Edited(json, "]}", "," + PublicKeyFileJson(officer) + "]}"), "station_keys.json");
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.problems.front().path == "keys[1]");
}

TEST_CASE("station pack: version 2 carries the public keys; a version 1 pack still loads without any") {
    StationPack pack;
    pack.prepared_by = "Sam Patel";
    pack.prepared_on = "2026-12-02";
    const FileReadResult survey = ReadWholeFile(std::string(YOUSAID_SOURCE_DIR) + "/assets/surveys/pupil.json", 1 << 20);
    REQUIRE(survey.outcome == FileReadOutcome::kRead);
    pack.survey_text = survey.bytes;
    pack.defaults.wave = "2026";
    const PublicKeyFile officer = NewPublicKey("Sam Patel");
    const PublicKeyFile recovery = NewPublicKey("Team safe");
    REQUIRE(AddStationKey(pack.public_keys, officer).ok());
    REQUIRE(AddStationKey(pack.public_keys, recovery).ok());
    const std::string json = StationPackJson(pack);
    CHECK(json.find("\"version\":2") != std::string::npos);
    const Result<StationPack> read = ReadStationPack(json, "pack.json");
    REQUIRE_MESSAGE(read.ok(), read.Message());
    CHECK(SameKeys(read.value->public_keys, pack.public_keys));

    pack.public_keys = {};
    const std::string without = StationPackJson(pack);
    CHECK(without.find("public_keys") == std::string::npos);
    const Result<StationPack> version1 = ReadStationPack(Edited(without, "\"version\":2", "\"version\":1"), "old.json");
    REQUIRE_MESSAGE(version1.ok(), version1.Message());
    CHECK(version1.value->public_keys.Empty());

    const std::string damaged = Edited(json, "\"public_key\":\"", "\"public_key\":\"AA");
    const Result<StationPack> bad = ReadStationPack(damaged, "pack.json");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.problems.front().path == "public_keys[0].public_key");
}
