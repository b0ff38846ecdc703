// ResponseStore: every saved response survives reopening, damage loses only what it hit,
// unreadable records are skipped with a reason, and the officer's merge is all or nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include <cereal/archives/portable_binary.hpp>

#include "core/io/checked_portable_binary.h"
#include "core/storage/record_log.h"
#include "core/storage/response_store.h"
#include "response_fixtures.h"

using namespace yousaid;
using response_fixtures::MakeResponse;
using response_fixtures::MakeResponses;
using response_fixtures::ReadBytes;
using response_fixtures::ScratchDirectory;
using response_fixtures::WriteBytes;

namespace {

void AppendU32(std::string& out, std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFFu));
}

// A payload as a later version of Yousaid might write it: envelope version 2.
std::string FutureVersionPayload() {
    std::string payload(1, '\x01');  // cereal: little-endian
    AppendU32(payload, 2);           // envelope class version
    AppendU32(payload, 1);           // record type "response"
    payload += "whatever version 2 puts here";
    return payload;
}

std::string UnknownTypePayload() {
    std::string payload(1, '\x01');
    AppendU32(payload, 1);
    AppendU32(payload, 99);
    return payload;
}

// A response record whose survey id claims to be 2^60 bytes long.
std::string HugeLengthPayload() {
    std::string payload = ResponseStore::EncodeResponseRecord(MakeResponse(1));
    // byte-order flag, envelope version, type, response class version, id (8-byte size + 32 hex),
    // then the survey id's size
    const std::size_t survey_id_size_at = 1 + 4 + 4 + 4 + 8 + 32;
    payload[survey_id_size_at + 7] = '\x10';
    return payload;
}

std::vector<Response> Sorted(std::vector<Response> responses) {
    std::sort(responses.begin(), responses.end(), [](const Response& a, const Response& b) { return a.id < b.id; });
    return responses;
}

}  // namespace

TEST_CASE("store: responses round trip through the file and a reopen") {
    ScratchDirectory directory;
    const std::string path = directory.File("responses.log");
    const std::vector<Response> responses = MakeResponses(1, 6);
    {
        ResponseStore store;
        const ResponseStoreOpenReport report = store.Open(path);
        REQUIRE(report.ok);
        CHECK(report.responses == 0);
        for (const Response& response : responses) {
            const StoreAddResult added = store.Add(response);
            CHECK_MESSAGE(added.outcome == StoreAddOutcome::kAdded, added.message);
        }
        CHECK(store.Count() == responses.size());
    }
    ResponseStore reopened;
    const ResponseStoreOpenReport report = reopened.Open(path);
    REQUIRE_MESSAGE(report.ok, report.Summary());
    CHECK_FALSE(report.HasProblems());
    CHECK(report.responses == responses.size());
    CHECK(reopened.Responses() == responses);  // in the order they were added
    CHECK(reopened.Contains(responses[2].id));
    CHECK_FALSE(reopened.Contains(MakeResponse(99).id));
    REQUIRE(reopened.Find(responses[3].id) != nullptr);
    CHECK(*reopened.Find(responses[3].id) == responses[3]);

    const std::vector<ResponseCount> counts = reopened.Counts();
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].survey_id == "transfer_test");
    CHECK(counts[0].survey_version == 2);
    CHECK(counts[0].complete == 6);
    CHECK(reopened.CountWhere("transfer_test", ResponseStatus::kComplete) == 6);
    CHECK(reopened.CountWhere("transfer_test", ResponseStatus::kRefused) == 0);
}

TEST_CASE("store: counts by survey and status") {
    ScratchDirectory directory;
    ResponseStore store;
    REQUIRE(store.Open(directory.File("responses.log")).ok);
    Response partial = MakeResponse(1);
    partial.status = ResponseStatus::kPartial;
    Response refused = MakeResponse(2);
    refused.status = ResponseStatus::kRefused;
    refused.answers.clear();
    Response other = MakeResponse(3);
    other.survey_id = "pledge";
    other.survey_version = 1;
    for (const Response& response : {partial, refused, other, MakeResponse(4)}) REQUIRE(store.Add(response).Saved());
    const std::vector<ResponseCount> counts = store.Counts();
    REQUIRE(counts.size() == 2);
    CHECK(counts[0].survey_id == "pledge");
    CHECK(counts[0].complete == 1);
    CHECK(counts[1].survey_id == "transfer_test");
    CHECK(counts[1].complete == 1);
    CHECK(counts[1].partial == 1);
    CHECK(counts[1].refused == 1);
    CHECK(counts[1].Total() == 3);
}

TEST_CASE("store: the same response twice is written once; a different one under its id is a conflict") {
    ScratchDirectory directory;
    const std::string path = directory.File("responses.log");
    ResponseStore store;
    REQUIRE(store.Open(path).ok);
    const Response response = MakeResponse(1);
    CHECK(store.Add(response).outcome == StoreAddOutcome::kAdded);
    const std::string bytes_after_first = ReadBytes(path);
    CHECK(store.Add(response).outcome == StoreAddOutcome::kAlreadyHeld);
    CHECK(ReadBytes(path) == bytes_after_first);

    Response changed = response;
    changed.answers["happiness"] = Answer::Integer(10);
    const StoreAddResult conflict = store.Add(changed);
    CHECK(conflict.outcome == StoreAddOutcome::kConflict);
    CHECK_FALSE(conflict.Saved());
    CHECK(conflict.message.find("answer 'happiness'") != std::string::npos);
    CHECK(ReadBytes(path) == bytes_after_first);
    CHECK(*store.Find(response.id) == response);

    Response no_id = MakeResponse(2);
    no_id.id = ResponseId{};
    CHECK(store.Add(no_id).outcome == StoreAddOutcome::kFailed);
}

TEST_CASE("store: a torn tail is dropped and reported, and appends continue after the last good record") {
    ScratchDirectory directory;
    const std::string path = directory.File("responses.log");
    const std::vector<Response> responses = MakeResponses(1, 5);
    {
        ResponseStore store;
        REQUIRE(store.Open(path).ok);
        for (const Response& response : responses) REQUIRE(store.Add(response).Saved());
    }
    const std::string good = ReadBytes(path);
    // A crash part way through appending a sixth response.
    const std::string frame = RecordLog::EncodeFrame(ResponseStore::EncodeResponseRecord(MakeResponse(6)));
    for (const std::size_t kept : {std::size_t{1}, std::size_t{15}, std::size_t{16}, frame.size() - 1}) {
        CAPTURE(kept);
        WriteBytes(path, good + frame.substr(0, kept));
        ResponseStore store;
        const ResponseStoreOpenReport report = store.Open(path);
        REQUIRE(report.ok);
        CHECK(report.responses == 5);
        CHECK(report.BytesDropped() == kept);
        CHECK(report.log.truncated);
        CHECK(store.Responses() == responses);
        CHECK(ReadBytes(path) == good);

        REQUIRE(store.Add(MakeResponse(7)).outcome == StoreAddOutcome::kAdded);
        ResponseStore again;
        const ResponseStoreOpenReport again_report = again.Open(path);
        CHECK_FALSE(again_report.HasProblems());
        CHECK(again.Count() == 6);
        CHECK(again.Contains(MakeResponse(7).id));
        WriteBytes(path, good);
    }
}

TEST_CASE("store: a damaged record in the middle is skipped and every other record kept") {
    ScratchDirectory directory;
    const std::string path = directory.File("responses.log");
    const std::vector<Response> responses = MakeResponses(1, 5);
    {
        ResponseStore store;
        REQUIRE(store.Open(path).ok);
        for (const Response& response : responses) REQUIRE(store.Add(response).Saved());
    }
    std::string bytes = ReadBytes(path);
    // Flip a byte inside the third record's payload.
    std::size_t offset = kRecordLogFileHeaderBytes;
    for (int record = 0; record < 2; ++record) {
        offset += RecordLog::EncodeFrame(ResponseStore::EncodeResponseRecord(responses[static_cast<std::size_t>(record)])).size();
    }
    bytes[offset + kRecordLogFrameHeaderBytes + 20] ^= 0x40;
    WriteBytes(path, bytes);

    ResponseStore store;
    const ResponseStoreOpenReport report = store.Open(path);
    REQUIRE(report.ok);
    CHECK(report.HasProblems());
    CHECK(report.BytesDropped() > 0);
    CHECK(report.responses == 4);
    CHECK_FALSE(store.Contains(responses[2].id));
    for (const std::size_t index : {0u, 1u, 3u, 4u}) CHECK(store.Contains(responses[index].id));
    // Appends still work, and the damage stays reported, not spreading.
    REQUIRE(store.Add(MakeResponse(6)).Saved());
    ResponseStore again;
    const ResponseStoreOpenReport again_report = again.Open(path);
    CHECK(again_report.responses == 5);
    CHECK(again_report.BytesDropped() == report.BytesDropped());
}

TEST_CASE("store: records that cannot be read (newer version, unknown type, damaged inside) are skipped") {
    ScratchDirectory directory;
    const std::string path = directory.File("responses.log");
    {
        RecordLog log;
        REQUIRE(log.Open(path).ok);
        REQUIRE(log.Append(ResponseStore::EncodeResponseRecord(MakeResponse(1))).ok());
        REQUIRE(log.Append(FutureVersionPayload()).ok());
        REQUIRE(log.Append(ResponseStore::EncodeResponseRecord(MakeResponse(2))).ok());
        REQUIRE(log.Append(UnknownTypePayload()).ok());
        REQUIRE(log.Append(HugeLengthPayload()).ok());
        REQUIRE(log.Append(std::string("not cereal at all")).ok());
        REQUIRE(log.Append(std::string()).ok());
        std::string cut = ResponseStore::EncodeResponseRecord(MakeResponse(3));
        cut.resize(cut.size() / 2);
        REQUIRE(log.Append(cut).ok());
        std::string trailing = ResponseStore::EncodeResponseRecord(MakeResponse(4));
        trailing += "extra";
        REQUIRE(log.Append(trailing).ok());
        REQUIRE(log.Append(ResponseStore::EncodeResponseRecord(MakeResponse(5))).ok());
    }
    const std::string before = ReadBytes(path);
    ResponseStore store;
    const ResponseStoreOpenReport report = store.Open(path);
    REQUIRE(report.ok);
    CHECK(report.records == 10);
    CHECK(report.responses == 3);
    CHECK(store.Contains(MakeResponse(1).id));
    CHECK(store.Contains(MakeResponse(2).id));
    CHECK(store.Contains(MakeResponse(5).id));
    REQUIRE(report.skipped_records.size() == 7);
    CHECK(report.skipped_records[0].path == "record 2");
    CHECK(report.skipped_records[0].message.find("newer version of Yousaid") != std::string::npos);
    CHECK(report.skipped_records[1].path == "record 4");
    CHECK(report.skipped_records[1].message.find("record type 99") != std::string::npos);
    CHECK(report.skipped_records[2].message.find("does not fit") != std::string::npos);
    CHECK(report.skipped_records[6].message.find("unexpected bytes") != std::string::npos);
    CHECK(report.Summary().find("7 records skipped") != std::string::npos);
    // Unreadable records are left in place (a newer app may read them) and appends go on.
    CHECK(ReadBytes(path) == before);
    REQUIRE(store.Add(MakeResponse(6)).Saved());
    ResponseStore again;
    CHECK(again.Open(path).responses == 4);
}

TEST_CASE("store: a file that is not a response store is refused and left untouched") {
    ScratchDirectory directory;
    const std::string path = directory.File("responses.log");
    const std::string text = "response_id,wave,status\n";
    WriteBytes(path, text);
    ResponseStore store;
    const ResponseStoreOpenReport report = store.Open(path);
    CHECK(report.refused);
    CHECK_FALSE(report.ok);
    CHECK(report.message.find("not a Yousaid record log") != std::string::npos);
    CHECK_FALSE(store.Add(MakeResponse(1)).Saved());
    CHECK(ReadBytes(path) == text);
}

TEST_CASE("store: a read-only open never writes, even to repair a torn tail") {
    ScratchDirectory directory;
    const std::string path = directory.File("responses.log");
    {
        ResponseStore store;
        REQUIRE(store.Open(path).ok);
        REQUIRE(store.Add(MakeResponse(1)).Saved());
    }
    const std::string torn = ReadBytes(path) + "\xF7YS";
    WriteBytes(path, torn);
    ResponseStore store;
    ResponseStoreOptions options;
    options.read_only = true;
    const ResponseStoreOpenReport report = store.Open(path, options);
    CHECK(report.ok);
    CHECK(report.responses == 1);
    CHECK(report.BytesDropped() == 3);
    CHECK_FALSE(store.CanWrite());
    CHECK(store.Add(MakeResponse(2)).outcome == StoreAddOutcome::kFailed);
    CHECK(ReadBytes(path) == torn);
}

TEST_CASE("store: export marks remember what was exported across reopening") {
    ScratchDirectory directory;
    const std::string path = directory.File("responses.log");
    const std::vector<Response> responses = MakeResponses(1, 5);
    {
        ResponseStore store;
        REQUIRE(store.Open(path).ok);
        for (const Response& response : responses) REQUIRE(store.Add(response).Saved());
        CHECK(store.NotYetExportedCount() == 5);
        CHECK_FALSE(store.LastExportedAtMs().has_value());
        REQUIRE(store.MarkExported({responses[0].id, responses[1].id, responses[2].id}, 1767300000000,
                                   "yousaid_tablet-1_2026-01-01T203000Z.yousaid")
                    .ok());
        CHECK(store.NotYetExportedCount() == 2);
        CHECK(store.IsExported(responses[1].id));
        CHECK_FALSE(store.IsExported(responses[3].id));
    }
    ResponseStore store;
    const ResponseStoreOpenReport report = store.Open(path);
    CHECK(report.export_marks == 1);
    CHECK(store.NotYetExportedCount() == 2);
    REQUIRE(store.NotYetExported().size() == 2);
    CHECK(store.NotYetExported()[0] == responses[3]);
    REQUIRE(store.Add(MakeResponse(6)).Saved());
    CHECK(store.NotYetExportedCount() == 3);

    // A later export of everything names only the ids no earlier mark covers.
    std::vector<ResponseId> all;
    for (const Response& response : store.Responses()) all.push_back(response.id);
    all.push_back(MakeResponse(99).id);  // not held: ignored
    REQUIRE(store.MarkExported(all, 1767400000000, "second.yousaid").ok());
    CHECK(store.NotYetExportedCount() == 0);
    REQUIRE(store.ExportMarks().size() == 2);
    CHECK(store.ExportMarks()[1].responses_in_file == 7);
    CHECK(store.ExportMarks()[1].newly_exported.size() == 3);
    CHECK(store.LastExportedAtMs() == 1767400000000);

    ResponseStore again;
    again.Open(path);
    CHECK(again.NotYetExportedCount() == 0);
    CHECK(again.ExportMarks() == store.ExportMarks());
}

TEST_CASE("store: merging adds new responses, counts equal ones as already held and never overwrites") {
    ScratchDirectory directory;
    const std::string path = directory.File("officer.log");
    ResponseStore store;
    REQUIRE(store.Open(path).ok);
    const std::vector<Response> first = MakeResponses(1, 4);
    StoreMergeResult merged = store.Merge(first, "tablet1.yousaid", 1767500000000);
    REQUIRE(merged.ok);
    CHECK(merged.added.size() == 4);
    CHECK(merged.already_held == 0);

    std::vector<Response> second = MakeResponses(3, 5);  // 3..7, of which 3 and 4 overlap
    second.push_back(MakeResponse(7));                   // the same response twice in one file
    Response changed = MakeResponse(1);
    changed.status = ResponseStatus::kPartial;
    second.push_back(changed);
    merged = store.Merge(second, "tablet2.yousaid", 1767500001000);
    REQUIRE(merged.ok);
    CHECK(merged.added.size() == 3);  // 5, 6, 7
    CHECK(merged.already_held == 3);  // 3, 4 and the second 7
    REQUIRE(merged.conflicts.size() == 1);
    CHECK(merged.conflicts[0].id == changed.id);
    CHECK(merged.conflicts[0].differences.find("status: complete / partial") != std::string::npos);
    CHECK(*store.Find(changed.id) == MakeResponse(1));
    CHECK(store.Count() == 7);

    ResponseStore reopened;
    const ResponseStoreOpenReport report = reopened.Open(path);
    CHECK(report.imports == 2);
    CHECK_FALSE(report.HasProblems());
    CHECK(Sorted(reopened.Responses()) == Sorted(MakeResponses(1, 7)));
}

TEST_CASE("store: an import cut short by a crash leaves nothing half-imported") {
    ScratchDirectory directory;
    const std::string path = directory.File("officer.log");
    {
        ResponseStore store;
        REQUIRE(store.Open(path).ok);
        REQUIRE(store.Add(MakeResponse(100)).Saved());
    }
    const std::string before = ReadBytes(path);
    {
        ResponseStore store;
        REQUIRE(store.Open(path).ok);
        REQUIRE(store.Merge(MakeResponses(1, 5), "tablet1.yousaid", 1767500000000).ok);
    }
    const std::string after = ReadBytes(path);
    // Every cut that loses the commit record: the import's responses must not count.
    for (std::size_t cut = before.size(); cut < after.size(); cut += 7) {
        CAPTURE(cut);
        WriteBytes(path, after.substr(0, cut));
        ResponseStore store;
        const ResponseStoreOpenReport report = store.Open(path);
        REQUIRE(report.ok);
        CHECK(store.Count() == 1);
        CHECK(report.imports == 0);
    }
    // Only the complete file holds the import.
    WriteBytes(path, after);
    ResponseStore store;
    CHECK(store.Open(path).responses == 6);

    // After an interrupted import, importing again works and counts once.
    const std::string frames_without_commit = after.substr(0, after.size() - 1);
    WriteBytes(path, frames_without_commit);
    ResponseStore retry;
    const ResponseStoreOpenReport retry_report = retry.Open(path);
    CHECK(retry_report.unfinished_import_responses == 5);
    CHECK(retry.Count() == 1);
    REQUIRE(retry.Merge(MakeResponses(1, 5), "tablet1.yousaid", 1767500002000).added.size() == 5);
    ResponseStore final_store;
    const ResponseStoreOpenReport final_report = final_store.Open(path);
    CHECK(final_store.Count() == 6);
    CHECK(final_report.imports == 1);
}

TEST_CASE("store: a merge whose write fails changes nothing") {
    ScratchDirectory directory;
    const std::string path = directory.File("officer.log");
    ResponseStore store;
    REQUIRE(store.Open(path).ok);
    REQUIRE(store.Merge(MakeResponses(1, 2), "a.yousaid", 1).ok);
    // Something else wrote to the file since it was opened: the log refuses to append.
    WriteBytes(path, ReadBytes(path) + "x");
    const std::string bytes = ReadBytes(path);
    const StoreMergeResult merged = store.Merge(MakeResponses(3, 3), "b.yousaid", 2);
    CHECK_FALSE(merged.ok);
    CHECK(merged.added.empty());
    CHECK(merged.message.find("nothing was imported") != std::string::npos);
    CHECK(store.Count() == 2);
    CHECK(ReadBytes(path) == bytes);
}

TEST_CASE("store: 10,000 responses with 20 answers each open") {
    ScratchDirectory directory;
    const std::string path = directory.File("big.log");
    std::vector<std::string> payloads;
    payloads.reserve(10000);
    for (std::uint32_t seed = 0; seed < 10000; ++seed) {
        Response response = MakeResponse(seed);
        response.answers.clear();
        for (int question = 1; question <= 20; ++question) {
            response.answers["question_" + std::to_string(question)] =
                question % 4 == 0 ? Answer::Integer(static_cast<std::int32_t>(seed % 11))
                                  : Answer::Choice("option_" + std::to_string((seed + static_cast<std::uint32_t>(question)) % 5));
        }
        payloads.push_back(ResponseStore::EncodeResponseRecord(response));
    }
    {
        RecordLog log;
        REQUIRE(log.Open(path).ok);
        REQUIRE(log.AppendAll(payloads).ok());
    }
    ResponseStore store;
    const ResponseStoreOpenReport report = store.Open(path);
    REQUIRE(report.ok);
    CHECK_FALSE(report.HasProblems());
    CHECK(store.Count() == 10000);
    CHECK(store.Responses()[9999].answers.size() == 20);
    CHECK(store.NotYetExportedCount() == 10000);
}

TEST_CASE("store: the checked reader reads cereal's portable binary and refuses lengths that cannot fit") {
    const Response response = MakeResponse(3);
    Response copy;
    LoadPortableBinary(SavePortableBinary(response), copy);
    CHECK(copy == response);

    // Big-endian data, as cereal writes on request, reads back the same.
    std::ostringstream big_endian(std::ios::binary);
    {
        cereal::PortableBinaryOutputArchive archive(big_endian,
                                                    cereal::PortableBinaryOutputArchive::Options::BigEndian());
        archive(response);
    }
    Response from_big_endian;
    LoadPortableBinary(big_endian.str(), from_big_endian);
    CHECK(from_big_endian == response);

    std::string huge(1, '\x01');
    for (int index = 0; index < 8; ++index) huge.push_back('\xFF');  // a string of 2^64-1 bytes
    std::string text;
    CHECK_THROWS_AS(LoadPortableBinary(huge, text), cereal::Exception);
    CHECK_THROWS_AS(LoadPortableBinary(std::string("\x07", 1), text), cereal::Exception);
    CHECK_THROWS_AS(LoadPortableBinary(std::string(), text), cereal::Exception);

    bool flag = false;
    LoadPortableBinary(std::string("\x01\x01", 2), flag);
    CHECK(flag);
    CHECK_THROWS_AS(LoadPortableBinary(std::string("\x01\x02", 2), flag), cereal::Exception);

    std::vector<std::uint64_t> numbers;
    std::string many(1, '\x01');
    many += std::string("\x00\x00\x00\x00\x00\x00\x00\x40", 8);  // 2^62 elements
    CHECK_THROWS_AS(LoadPortableBinary(many, numbers), cereal::Exception);
}
