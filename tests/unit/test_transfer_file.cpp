// Transfer files and JSON exports: what leaves a tablet arrives whole or is refused with a
// reason an officer can act on, and loading files twice never double-counts.
#include "core/io/json_document.h"


#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/base/build_info.h"
#include "core/io/checked_portable_binary.h"
#include "core/crypto/crc32.h"
#include "core/storage/response_import.h"
#include "core/storage/response_store.h"
#include "core/responses/transfer_file.h"
#include "response_fixtures.h"

using namespace yousaid;
using response_fixtures::MakeResponse;
using response_fixtures::MakeResponses;
using response_fixtures::ReadBytes;
using response_fixtures::ScratchDirectory;
using response_fixtures::TestSurvey;
using response_fixtures::WriteBytes;

namespace {

TransferExportSettings Settings() {
    TransferExportSettings settings;
    settings.station_id = "tablet-3";
    settings.event_id = "local-offer-fayre";
    settings.exported_at_ms = 1773504131000;  // 2026-03-14T16:02:11Z
    return settings;
}

void PutU32(std::string& bytes, std::size_t offset, std::uint32_t value) {
    for (std::size_t index = 0; index < 4; ++index) bytes[offset + index] = static_cast<char>((value >> (8 * index)) & 0xFF);
}

void AppendU32(std::string& out, std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFFu));
}

void AppendU64(std::string& out, std::uint64_t value) {
    for (int shift = 0; shift < 64; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFFu));
}

// Builds a transfer file from its parts, exactly as docs/transfer-format.md lays it out.
std::string AssembleTransferFile(std::uint32_t version, const std::string& summary,
                                 const std::vector<std::string>& response_payloads) {
    std::string body;
    AppendU32(body, static_cast<std::uint32_t>(summary.size()));
    body += summary;
    for (const std::string& payload : response_payloads) {
        AppendU32(body, static_cast<std::uint32_t>(payload.size()));
        body += payload;
    }
    std::string file(kTransferMagic);
    AppendU32(file, version);
    AppendU32(file, 0);
    AppendU64(file, kTransferFixedHeaderBytes + body.size() + 4);
    AppendU32(file, ComputeCrc32(file));
    file += body;
    AppendU32(file, ComputeCrc32(file));
    return file;
}

// Recomputes both checksums after a deliberate edit.
void Reseal(std::string& file) {
    PutU32(file, 32, ComputeCrc32(file.data(), 32));
    PutU32(file, file.size() - 4, ComputeCrc32(file.data(), file.size() - 4));
}

struct OfficerStore {
    ScratchDirectory directory;
    ResponseStore store;
    std::string path = directory.File("officer.log");
    std::vector<Survey> surveys{TestSurvey()};

    OfficerStore() { REQUIRE(store.Open(path).ok); }

    ImportReport Import(const std::string& bytes, const std::string& name) {
        return ImportBytesIntoStore(store, bytes, name, surveys, 1773600000000);
    }
};

}  // namespace

TEST_CASE("transfer: export then read back gives the same header and responses") {
    const std::vector<Response> responses = MakeResponses(1, 7);
    const std::string file = WriteTransferFile(Settings(), responses);
    CHECK(file.substr(0, 16) == "YOUSAID-TRANSFER");
    const TransferReadResult read = ReadTransferFile(file, "tablet3.yousaid");
    REQUIRE_MESSAGE(read.ok(), read.Message());
    CHECK(read.problem == TransferProblem::kNone);
    CHECK(read.format_version == kTransferFormatVersion);
    CHECK(read.header.station_id == "tablet-3");
    CHECK(read.header.event_id == "local-offer-fayre");
    CHECK(read.header.exported_at_ms == 1773504131000);
    CHECK(read.header.app_version == kAppVersion);
    CHECK(read.header.response_count == 7);
    REQUIRE(read.header.counts.size() == 1);
    CHECK(read.header.counts[0].complete == 7);
    CHECK(read.responses == responses);
    CHECK(read.unreadable.empty());

    const TransferReadResult empty = ReadTransferFile(WriteTransferFile(Settings(), {}), "empty.yousaid");
    REQUIRE(empty.ok());
    CHECK(empty.responses.empty());
}

TEST_CASE("transfer: a transfer file and a JSON export read a slice at a time give what a read in one go gives") {
    std::vector<Response> responses = MakeResponses(1, 25);
    const std::string transfer = WriteTransferFile(Settings(), responses);
    const std::string json = WriteResponsesJson(Settings(), responses);
    for (const auto& file : {std::pair{TransferReading::Format::kTransferFile, transfer},
                             std::pair{TransferReading::Format::kJson, json}}) {
        const bool is_json = file.first == TransferReading::Format::kJson;
        CAPTURE(is_json);
        TransferReading reading(file.first, file.second, "tablet3.file");
        std::vector<Response> seen;
        std::vector<double> progress;
        const ResponseVisitor keep = [&seen](Response&& response) { seen.push_back(std::move(response)); };
        std::size_t before = 0;
        while (!reading.Step(4, keep)) {
            progress.push_back(reading.Progress());
            // Four more a step at most (a transfer file's first steps work out its checksum).
            CHECK(seen.size() - before <= 4);
            before = seen.size();
        }
        CHECK(progress.size() >= 6);
        CHECK(std::is_sorted(progress.begin(), progress.end()));
        CHECK(progress.front() > 0.0);
        CHECK(progress.back() < 1.0);
        CHECK(reading.Progress() == 1.0);
        const TransferReadResult read = reading.Finish();
        REQUIRE_MESSAGE(read.ok(), read.Message());
        CHECK(read.header.station_id == "tablet-3");
        CHECK(read.header.response_count == 25);
        CHECK(seen == responses);
    }

    // The file's own checks still come at the end: a summary whose counts do not match.
    const TransferReadResult whole = ReadTransferFile(transfer, "tablet3.yousaid");
    REQUIRE(whole.ok());
    TransferReading cut(TransferReading::Format::kTransferFile, transfer.substr(0, transfer.size() - 1), "cut.yousaid");
    CHECK(cut.Step(4, [](Response&&) {}));
    CHECK(cut.Finish().problem == TransferProblem::kCutShort);

    // A whole import reads the file in slices too, with the same outcome.
    const std::vector<Survey> surveys{TestSurvey()};  // the reading keeps a reference to them
    ResponseFileReading importing(transfer, "tablet3.yousaid", surveys);
    std::size_t steps = 0;
    std::vector<Response> imported;
    while (!importing.Step(5, [&imported](Response&& response) { imported.push_back(std::move(response)); })) ++steps;
    CHECK(steps >= 5);
    const LoadedResponses loaded = importing.Finish();
    CHECK(loaded.ok());
    CHECK(loaded.rejected.empty());
    CHECK(imported == responses);
}

TEST_CASE("transfer: export then import into the officer's store") {
    OfficerStore officer;
    const std::vector<Response> responses = MakeResponses(1, 7);
    const ImportReport report = officer.Import(WriteTransferFile(Settings(), responses), "tablet3.yousaid");
    CHECK_FALSE(report.file_rejected);
    CHECK(report.format == ResponseFileFormat::kTransfer);
    CHECK(report.added == 7);
    CHECK(report.already_held == 0);
    CHECK(report.conflicts.empty());
    CHECK(report.rejected.empty());
    CHECK(report.Summary() == "tablet3.yousaid: 7 added, 0 already held, 0 conflicts, 0 rejected");
    CHECK(officer.store.Responses() == responses);

    ResponseStore reopened;
    reopened.Open(officer.path);
    CHECK(reopened.Responses() == responses);
}

TEST_CASE("transfer: importing the same file twice finds everything already held the second time") {
    OfficerStore officer;
    const std::string file = WriteTransferFile(Settings(), MakeResponses(1, 5));
    CHECK(officer.Import(file, "tablet3.yousaid").added == 5);
    const std::string store_bytes = ReadBytes(officer.path);
    const ImportReport second = officer.Import(file, "tablet3 (1).yousaid");
    CHECK(second.added == 0);
    CHECK(second.already_held == 5);
    CHECK(second.conflicts.empty());
    CHECK(second.ChangedNothing());
    CHECK(officer.store.Count() == 5);
    CHECK(ReadBytes(officer.path) == store_bytes);  // nothing written at all
}

TEST_CASE("transfer: overlapping files never double-count") {
    OfficerStore officer;
    // A tablet exported at lunchtime and again at the end of the day.
    CHECK(officer.Import(WriteTransferFile(Settings(), MakeResponses(1, 4)), "lunch.yousaid").added == 4);
    const ImportReport evening = officer.Import(WriteTransferFile(Settings(), MakeResponses(1, 9)), "evening.yousaid");
    CHECK(evening.added == 5);
    CHECK(evening.already_held == 4);
    const ImportReport other = officer.Import(WriteTransferFile(Settings(), MakeResponses(8, 4)), "other.yousaid");
    CHECK(other.added == 2);
    CHECK(other.already_held == 2);
    CHECK(officer.store.Count() == 11);
    const std::vector<ResponseCount> counts = officer.store.Counts();
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].complete == 11);
}

TEST_CASE("transfer: the same id with different content is a conflict and never overwrites") {
    OfficerStore officer;
    CHECK(officer.Import(WriteTransferFile(Settings(), MakeResponses(1, 3)), "a.yousaid").added == 3);
    std::vector<Response> changed = MakeResponses(2, 3);  // 2 and 3 overlap
    REQUIRE(MakeResponse(2).answers.at("happiness") != Answer::Integer(9));
    changed[0].answers["happiness"] = Answer::Integer(9);
    const ImportReport report = officer.Import(WriteTransferFile(Settings(), changed), "b.yousaid");
    CHECK(report.added == 1);
    CHECK(report.already_held == 1);
    REQUIRE(report.conflicts.size() == 1);
    CHECK(report.conflicts[0].id == MakeResponse(2).id);
    CHECK(report.conflicts[0].differences.find("answer 'happiness'") != std::string::npos);
    CHECK(*officer.store.Find(MakeResponse(2).id) == MakeResponse(2));
    CHECK(report.Summary() == "b.yousaid: 1 added, 1 already held, 1 conflict, 0 rejected");
}

TEST_CASE("transfer: every truncation of a small file is rejected as cut short and changes nothing") {
    OfficerStore officer;
    REQUIRE(officer.Import(WriteTransferFile(Settings(), MakeResponses(50, 2)), "earlier.yousaid").added == 2);
    const std::string store_bytes = ReadBytes(officer.path);
    const std::string file = WriteTransferFile(Settings(), MakeResponses(1, 2));
    for (std::size_t cut = 0; cut < file.size(); ++cut) {
        CAPTURE(cut);
        const TransferReadResult read = ReadTransferFile(file.substr(0, cut), "tablet3.yousaid");
        CHECK_FALSE(read.ok());
        CHECK(read.problem == TransferProblem::kCutShort);
        CHECK(read.Message().find("tablet3.yousaid: the file is cut short") == 0);
        CHECK(read.responses.empty());
        const ImportReport report = officer.Import(file.substr(0, cut), "tablet3.yousaid");
        CHECK(report.file_rejected);
        CHECK(report.added == 0);
    }
    CHECK(officer.store.Count() == 2);
    CHECK(ReadBytes(officer.path) == store_bytes);

    const std::string cut = file.substr(0, 1204 < file.size() ? 1204 : file.size() / 2);
    const TransferReadResult read = ReadTransferFile(cut, "tablet3.yousaid");
    CHECK(read.Message() == "tablet3.yousaid: the file is cut short: " + FormatCount(cut.size()) + " of " +
                              FormatCount(file.size()) +
                              " bytes; download it again or export it from the tablet again");
}

TEST_CASE("transfer: a changed byte anywhere in the file is rejected") {
    OfficerStore officer;
    const std::string file = WriteTransferFile(Settings(), MakeResponses(1, 2));
    for (std::size_t position = 0; position < file.size(); ++position) {
        for (const unsigned char mask : {0x01u, 0x80u, 0xFFu}) {
            CAPTURE(position);
            CAPTURE(mask);
            std::string damaged = file;
            damaged[position] = static_cast<char>(damaged[position] ^ mask);
            const TransferReadResult read = ReadTransferFile(damaged, "tablet3.yousaid");
            REQUIRE_FALSE(read.ok());
            CHECK(read.responses.empty());
            if (position < 16) {
                CHECK(read.problem == TransferProblem::kNotATransferFile);
            } else {
                CHECK(read.problem == TransferProblem::kDamaged);
                CHECK(read.Message().find("the file is damaged") != std::string::npos);
            }
        }
    }
    // One import of a damaged copy, through the whole path: refused, nothing written.
    std::string damaged = file;
    damaged[file.size() / 2] ^= 0x10;
    const ImportReport report = officer.Import(damaged, "tablet3.yousaid");
    CHECK(report.file_rejected);
    CHECK(officer.store.Count() == 0);
    // Bytes added at the end are damage too.
    CHECK(ReadTransferFile(file + "x", "t.yousaid").problem == TransferProblem::kDamaged);
}

TEST_CASE("transfer: files that are not transfer files are refused with a reason") {
    const TransferReadResult png = ReadTransferFile(std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, 'x'), "photo.yousaid");
    CHECK(png.problem == TransferProblem::kNotATransferFile);
    CHECK(png.Message() == "photo.yousaid: this is not a Yousaid transfer file (it does not start with YOUSAID-TRANSFER)");
    const TransferReadResult store_file =
        ReadTransferFile(std::string("YSLOG\0\1\0", 8) + std::string(40, '\0'), "responses.log");
    CHECK(store_file.problem == TransferProblem::kNotATransferFile);
    CHECK(store_file.Message().find("response store, not a transfer file") != std::string::npos);
    CHECK(ReadTransferFile("YOUSAID-TRANSFEX and more bytes here......", "x").problem ==
          TransferProblem::kNotATransferFile);
}

TEST_CASE("transfer: a file from a newer version of Yousaid says so") {
    std::string file = WriteTransferFile(Settings(), MakeResponses(1, 2));
    PutU32(file, 16, kTransferFormatVersion + 1);
    Reseal(file);
    const TransferReadResult read = ReadTransferFile(file, "tablet3.yousaid");
    CHECK(read.problem == TransferProblem::kNewerVersion);
    CHECK(read.Message().find("tablet3.yousaid: the file was made by a newer version of Yousaid") == 0);
    CHECK(read.Message().find("update Yousaid") != std::string::npos);

    // A newer version that changes the layout after the fixed header is still recognised.
    std::string different_layout = file.substr(0, 36) + "something else entirely";
    CHECK(ReadTransferFile(different_layout, "t.yousaid").problem == TransferProblem::kNewerVersion);

    std::string flagged = WriteTransferFile(Settings(), MakeResponses(1, 2));
    PutU32(flagged, 20, 1);
    Reseal(flagged);
    CHECK(ReadTransferFile(flagged, "t.yousaid").problem == TransferProblem::kNewerVersion);

    // A summary with a newer class version inside a version-1 file.
    std::string summary = SavePortableBinary(TransferHeader{});
    PutU32(summary, 1, 7);
    const TransferReadResult newer_summary = ReadTransferFile(AssembleTransferFile(1, summary, {}), "t.yousaid");
    CHECK(newer_summary.problem == TransferProblem::kNewerVersion);
}

TEST_CASE("transfer: one unreadable response is listed and the others still go in") {
    const std::vector<Response> responses = MakeResponses(1, 3);
    TransferHeader header;
    header.station_id = "tablet-3";
    header.response_count = 3;
    std::string future = SavePortableBinary(responses[1]);
    PutU32(future, 1, 9);  // Response class version 9
    const std::string file = AssembleTransferFile(
        1, SavePortableBinary(header), {SavePortableBinary(responses[0]), future, SavePortableBinary(responses[2])});
    const TransferReadResult read = ReadTransferFile(file, "t.yousaid");
    REQUIRE_MESSAGE(read.ok(), read.Message());
    CHECK(read.responses.size() == 2);
    REQUIRE(read.unreadable.size() == 1);
    CHECK(read.unreadable[0].path == "response 2");
    CHECK(read.unreadable[0].message.find("newer version of Yousaid") != std::string::npos);

    OfficerStore officer;
    const ImportReport report = officer.Import(file, "t.yousaid");
    CHECK(report.added == 2);
    REQUIRE(report.rejected.size() == 1);
    CHECK(report.rejected[0].which == "response 2 in the file");

    // The summary must agree with the content.
    TransferHeader wrong = header;
    wrong.response_count = 2;
    CHECK(ReadTransferFile(AssembleTransferFile(1, SavePortableBinary(wrong),
                                                {SavePortableBinary(responses[0]), SavePortableBinary(responses[2]),
                                                 SavePortableBinary(responses[1])}),
                           "t.yousaid")
              .problem == TransferProblem::kDamaged);
}

TEST_CASE("transfer: responses that fail the survey's checks are rejected one by one") {
    std::vector<Response> responses = MakeResponses(1, 6);
    responses[0].answers["happiness"] = Answer::Integer(11);
    responses[1].survey_id = "no_such_survey";
    responses[2].survey_version = 1;
    responses[3].answers.erase("phase");  // required, and the response says complete
    OfficerStore officer;
    const ImportReport report = officer.Import(WriteTransferFile(Settings(), responses), "t.yousaid");
    CHECK_FALSE(report.file_rejected);
    CHECK(report.added == 2);
    REQUIRE(report.rejected.size() == 4);
    CHECK(report.rejected[0].which == "response " + responses[0].id.ToHex());
    CHECK(report.rejected[0].reason == "question 'happiness': 11 is above the maximum 10");
    CHECK(report.rejected[1].reason == "it is for survey 'no_such_survey', which is not known here");
    CHECK(report.rejected[2].reason ==
          "it is for version 1 of survey 'transfer_test', but only version 2 is known here");
    CHECK(report.rejected[3].reason == "question 'phase': is required but has no answer");
    CHECK(officer.store.Contains(responses[4].id));
    CHECK_FALSE(officer.store.Contains(responses[0].id));
}

TEST_CASE("transfer: the JSON export parses back with RapidJSON and matches") {
    std::vector<Response> responses = MakeResponses(1, 6);
    responses[5].submitted_at_ms = 0;
    responses[5].status = ResponseStatus::kPartial;
    const std::string json = WriteResponsesJson(Settings(), responses);
    CHECK(json.find("NaN") == std::string::npos);
    CHECK(json.find("Infinity") == std::string::npos);

    rapidjson::Document document;
    document.Parse<rapidjson::kParseFullPrecisionFlag>(json.data(), json.size());
    REQUIRE_FALSE(document.HasParseError());
    REQUIRE(document.IsObject());
    CHECK(std::string(document["format"].GetString()) == "yousaid-responses");
    CHECK(document["format_version"].GetInt() == 1);
    CHECK(std::string(document["station_id"].GetString()) == "tablet-3");
    CHECK(std::string(document["exported_at"].GetString()) == "2026-03-14T16:02:11.000Z");
    CHECK(document["response_count"].GetUint() == 6);
    REQUIRE(document["counts"].IsArray());
    CHECK(document["counts"][0]["complete"].GetUint() == 5);
    CHECK(document["counts"][0]["partial"].GetUint() == 1);
    CHECK(document["counts"][0]["total"].GetUint() == 6);

    const rapidjson::Value& list = document["responses"];
    REQUIRE(list.Size() == 6);
    for (rapidjson::SizeType index = 0; index < list.Size(); ++index) {
        const Response& expected = responses[index];
        const rapidjson::Value& entry = list[index];
        CHECK(std::string(entry["id"].GetString()) == expected.id.ToHex());
        CHECK(std::string(entry["survey_id"].GetString()) == expected.survey_id);
        CHECK(entry["survey_version"].GetInt() == expected.survey_version);
        CHECK(std::string(entry["status"].GetString()) == ResponseStatusName(expected.status));
        CHECK(std::string(entry["started_at"].GetString()) == FormatIso8601Utc(expected.started_at_ms));
        if (expected.submitted_at_ms == 0) {
            CHECK(entry["submitted_at"].IsNull());
        } else {
            CHECK(std::string(entry["submitted_at"].GetString()) == FormatIso8601Utc(expected.submitted_at_ms));
        }
        const rapidjson::Value& answers = entry["answers"];
        CHECK(answers.MemberCount() == expected.answers.size());
        const Answer& phase = expected.answers.at("phase");
        CHECK(std::string(answers["phase"]["kind"].GetString()) == "option");
        CHECK(std::string(answers["phase"]["option_id"].GetString()) == phase.option_id);
        const Answer& understanding = expected.answers.at("understanding");
        CHECK(answers["understanding"]["before"].GetInt() == understanding.before);
        CHECK(answers["understanding"]["now"].GetInt() == understanding.now);
        const Answer& feelings = expected.answers.at("feelings");
        CHECK(answers["feelings"]["option_ids"].Size() == feelings.option_ids.size());
        const Answer& happiness = expected.answers.at("happiness");
        if (happiness.kind == AnswerKind::kInteger) {
            CHECK(answers["happiness"]["value"].GetInt() == happiness.value);
        } else {
            CHECK(std::string(answers["happiness"]["option_id"].GetString()) == happiness.option_id);
        }
        const auto better = expected.answers.find("better");
        if (better != expected.answers.end()) {
            CHECK(std::string(answers["better"]["text"].GetString(), answers["better"]["text"].GetStringLength()) ==
                  better->second.text);
        }
    }

    // And our own reader gets back exactly what was written.
    const TransferReadResult read = ReadResponsesJson(json, "tablet3.json");
    REQUIRE_MESSAGE(read.ok(), read.Message());
    CHECK(read.responses == responses);
    CHECK(read.header.station_id == "tablet-3");
    CHECK(read.header.exported_at_ms == 1773504131000);

    OfficerStore officer;
    const ImportReport report = officer.Import(json, "tablet3.json");
    CHECK(report.format == ResponseFileFormat::kJson);
    CHECK(report.added == 6);
    // The same responses as a transfer file are already held.
    CHECK(officer.Import(WriteTransferFile(Settings(), responses), "tablet3.yousaid").already_held == 6);
}

TEST_CASE("transfer: JSON that is not an export, or from a newer version, is refused") {
    CHECK(ReadResponsesJson("{\"format\": \"something-else\"}", "x.json").problem ==
          TransferProblem::kNotATransferFile);
    CHECK(ReadResponsesJson("[1, 2]", "x.json").problem == TransferProblem::kNotATransferFile);
    CHECK(ReadResponsesJson("{\"format\": \"yousaid-responses\", \"format_version\": NaN}", "x.json").problem ==
          TransferProblem::kDamaged);
    const TransferReadResult newer =
        ReadResponsesJson("{\"format\": \"yousaid-responses\", \"format_version\": 3}", "x.json");
    CHECK(newer.problem == TransferProblem::kNewerVersion);
    CHECK(newer.Message().find("made by a newer version of Yousaid") != std::string::npos);
    const std::string json = WriteResponsesJson(Settings(), MakeResponses(1, 2));
    CHECK(ReadResponsesJson(json.substr(0, json.size() / 2), "x.json").problem == TransferProblem::kDamaged);

    // A damaged entry is listed with its path; the other entry is read.
    std::string broken = json;
    const std::size_t status = broken.find("\"status\": \"complete\"");
    REQUIRE(status != std::string::npos);
    broken.replace(status, 20, "\"status\": \"finished\"");
    const TransferReadResult read = ReadResponsesJson(broken, "x.json");
    REQUIRE(read.ok());
    CHECK(read.responses.size() == 1);
    REQUIRE(read.unreadable.size() == 1);
    CHECK(read.unreadable[0].message == "responses[0].status: unknown status 'finished'");
}

TEST_CASE("transfer: files on disk are recognised by content and extension") {
    ScratchDirectory directory;
    const Survey survey = TestSurvey();
    const std::vector<Response> responses = MakeResponses(1, 4);
    WriteBytes(directory.File("a.yousaid"), WriteTransferFile(Settings(), responses));
    WriteBytes(directory.File("a.json"), WriteResponsesJson(Settings(), responses));
    WriteBytes(directory.File("a.csv"), WriteResponsesCsv(survey, responses));
    {
        ResponseStore store;
        REQUIRE(store.Open(directory.File("tablet.log")).ok);
        for (const Response& response : responses) REQUIRE(store.Add(response).Saved());
    }
    const std::string store_bytes = ReadBytes(directory.File("tablet.log"));
    // (Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.)
    for (const auto& entry : std::vector<std::pair<std::string, ResponseFileFormat>>{
             {"a.yousaid", ResponseFileFormat::kTransfer},
             {"a.json", ResponseFileFormat::kJson},
             {"a.csv", ResponseFileFormat::kCsv},
             {"tablet.log", ResponseFileFormat::kResponseStore}}) {
        const std::string& name = entry.first;
        const ResponseFileFormat format = entry.second;
        CAPTURE(name);
        const LoadedResponses loaded = LoadResponsesFromFile(directory.File(name), survey);
        REQUIRE_MESSAGE(loaded.ok(), loaded.Message());
        CHECK(loaded.format == format);
        CHECK(loaded.file_name == name);
        CHECK(loaded.responses == responses);
        CHECK(loaded.rejected.empty());
        CHECK(loaded.ProblemLines().empty());
    }
    CHECK(ReadBytes(directory.File("tablet.log")) == store_bytes);

    const LoadedResponses missing = LoadResponsesFromFile(directory.File("missing.yousaid"), survey);
    CHECK_FALSE(missing.ok());
    CHECK(missing.Message() == "missing.yousaid: the file cannot be opened");

    // Over the limit: refused by its size (a sparse file here, so nothing is really written),
    // with the size the officer's computer shows.
    const std::string huge = directory.File("huge.yousaid");
    WriteBytes(huge, "x");
    std::filesystem::resize_file(huge, kMaxTransferFileBytes + 1);
    const LoadedResponses too_big = LoadResponsesFromFile(huge, survey);
    CHECK_FALSE(too_big.ok());
    CHECK(too_big.Message() == "huge.yousaid: the file is 536,870,913 bytes, too big to be a response file");

    // A report on one survey skips responses to other surveys quietly.
    std::vector<Response> mixed = responses;
    mixed[0].survey_id = "pupil";
    WriteBytes(directory.File("mixed.yousaid"), WriteTransferFile(Settings(), mixed));
    const LoadedResponses loaded = LoadResponsesFromFile(directory.File("mixed.yousaid"), survey);
    CHECK(loaded.ok());
    CHECK(loaded.responses.size() == 3);
    CHECK(loaded.other_surveys == 1);
    CHECK(loaded.rejected.empty());
}

TEST_CASE("transfer: ISO 8601 times and suggested file names") {
    for (const std::int64_t time : {std::int64_t{0}, std::int64_t{1}, std::int64_t{951782400000},
                                    std::int64_t{1773504131589}, std::int64_t{253402300799999}}) {
        CAPTURE(time);
        CHECK(ParseIso8601Utc(FormatIso8601Utc(time)) == time);
    }
    CHECK(ParseIso8601Utc("2026-03-14T09:26:53Z") == 1773480413000);
    CHECK(ParseIso8601Utc("2026-03-14T09:26:53.5Z") == 1773480413500);
    CHECK(ParseIso8601Utc("2026-03-14", true) == 1773446400000);
    CHECK_FALSE(ParseIso8601Utc("2026-03-14").has_value());
    CHECK_FALSE(ParseIso8601Utc("2026-02-29T00:00:00Z").has_value());
    CHECK(ParseIso8601Utc("2024-02-29T00:00:00Z").has_value());
    CHECK_FALSE(ParseIso8601Utc("2026-03-14T09:26:53").has_value());
    CHECK_FALSE(ParseIso8601Utc("2026-03-14T24:00:00Z").has_value());
    CHECK_FALSE(ParseIso8601Utc("14/03/2026", true).has_value());
    CHECK(SuggestedTransferFileName("tablet 3/hall", 1773504131000) == "yousaid_tablet-3-hall_2026-03-14T160211Z.yousaid");
}

TEST_CASE("transfer: text answers must be real UTF-8 to be accepted (no overlong forms or surrogates)") {
    const Survey survey = TestSurvey();
    const Question& better = *survey.FindQuestion("better");
    CHECK_FALSE(CheckAnswer(better, Answer::Text("caf\xC3\xA9 \xF0\x9F\x98\x80")).has_value());
    CHECK(CheckAnswer(better, Answer::Text("\xE0\x80\xAF")).has_value());      // overlong '/'
    CHECK(CheckAnswer(better, Answer::Text("\xED\xA0\x80")).has_value());      // a UTF-16 surrogate
    CHECK(CheckAnswer(better, Answer::Text("\xF4\x90\x80\x80")).has_value());  // above U+10FFFF
}
