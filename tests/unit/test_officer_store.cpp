// The officer store keeps imported responses as encoded columns, one segment file per
// import: what it reads back must be exactly what encoding every response at once gives,
// a file must never be counted twice, a crash must never leave half an import, a damaged
// segment must cost only itself, and an officer.yslog of an earlier version must open.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/crypto/crc32.h"
#include "core/officer/officer_import.h"
#include "core/officer/officer_store.h"
#include "core/responses/response_csv.h"
#include "core/responses/transfer_file.h"
#include "core/storage/response_store.h"
#include "demo_officer_report.h"
#include "encoding_checks.h"
#include "response_fixtures.h"

using namespace yousaid;
using encoding_checks::CheckSameEncoding;
using encoding_checks::EncodeAtOnce;
using response_fixtures::MakeResponse;
using response_fixtures::MakeResponses;
using response_fixtures::ReadBytes;
using response_fixtures::ScratchDirectory;
using response_fixtures::TestSurvey;
using response_fixtures::WriteBytes;

namespace {

ImportReport ImportResponses(OfficerStore& store, const std::vector<Response>& responses, const std::string& name) {
    TransferExportSettings settings;
    settings.station_id = "tablet-1";
    settings.exported_at_ms = 1767225600000;
    return ImportIntoOfficerStore(store, WriteTransferFile(settings, responses), name, {TestSurvey()}, 1767312000000);
}

std::vector<Response> Concatenated(std::vector<Response> first, const std::vector<Response>& second) {
    first.insert(first.end(), second.begin(), second.end());
    return first;
}

std::size_t TextAnswers(const std::vector<Response>& responses) {
    std::size_t texts = 0;
    for (const Response& response : responses) {
        for (const auto& [id, answer] : response.answers) texts += answer.kind == AnswerKind::kText;
    }
    return texts;
}

}  // namespace

TEST_CASE("officer store: imports read back as exactly the columns of every response encoded at once") {
    ScratchDirectory scratch;
    const std::vector<Response> first = MakeResponses(0, 40);
    const std::vector<Response> second = MakeResponses(40, 25);
    {
        OfficerStore store({TestSurvey()});
        REQUIRE(store.Open(scratch.File("officer")).ok);
        CHECK(ImportResponses(store, first, "tablet1.yousaid").added == 40);
        CHECK(ImportResponses(store, second, "tablet2.yousaid").added == 25);
        CHECK(store.Count() == 65);
    }
    OfficerStore reopened({TestSurvey()});
    const OfficerStoreOpenReport report = reopened.Open(scratch.File("officer"));
    REQUIRE(report.ok);
    CHECK(report.problems.empty());
    CHECK(report.segments == 2);
    CHECK(reopened.Count() == 65);
    const HeldSurvey* held = reopened.Find("transfer_test", 2);
    REQUIRE(held != nullptr);
    CheckSameEncoding(held->encoded, EncodeAtOnce(TestSurvey(), Concatenated(first, second)));
    // Free text is kept apart from the columns, by row.
    REQUIRE(held->texts.size() == TextAnswers(first) + TextAnswers(second));
    CHECK(held->texts.front().text == first[1].answers.at("better").text);
    CHECK(held->texts.back().row >= 40);
    REQUIRE(reopened.Files().size() == 2);
    CHECK(reopened.Files()[1].file_name == "tablet2.yousaid");
    CHECK(reopened.Files()[1].Added() == 25);
    CHECK(reopened.Files()[1].station_id == "tablet-1");
    CHECK(reopened.Files()[1].sha256.size() == 64);
}

TEST_CASE("officer store: each import is one new file, and earlier ones are never rewritten") {
    ScratchDirectory scratch;
    OfficerStore store({TestSurvey()});
    REQUIRE(store.Open(scratch.File("officer")).ok);
    ImportResponses(store, MakeResponses(0, 30), "a.yousaid");
    const std::vector<SegmentFileName> after_first = ListSegmentFiles(scratch.File("officer"));
    REQUIRE(after_first.size() == 1);
    const std::string first_bytes = ReadBytes(after_first[0].path);
    ImportResponses(store, MakeResponses(30, 30), "b.yousaid");
    const std::vector<SegmentFileName> after_second = ListSegmentFiles(scratch.File("officer"));
    REQUIRE(after_second.size() == 2);
    CHECK(ReadBytes(after_second[0].path) == first_bytes);
    CHECK(CountOfficerStoreResponses(scratch.File("officer")) == 60);
}

TEST_CASE("officer store: an import is written a stage at a time, and nothing shows before the last") {
    ScratchDirectory scratch;
    OfficerStore store({TestSurvey()});
    REQUIRE(store.Open(scratch.File("officer")).ok);
    ImportResponses(store, MakeResponses(0, 10), "first.yousaid");
    const std::uint64_t generation = store.Generation();
    TransferExportSettings settings;
    settings.station_id = "tablet-2";
    OfficerImportJob job(store, "second.yousaid", WriteTransferFile(settings, MakeResponses(10, 15)), {TestSurvey()}, 0);
    while (!job.Committing()) REQUIRE_FALSE(job.Step(4));
    // Read and judged, not yet in: each further step is one stage of writing the segment.
    CHECK(job.Progress() == 1.0);
    int stages = 0;
    bool written = false;
    while (!job.Step(4)) {
        ++stages;
        CHECK(store.Count() == 10);
        CHECK(store.Generation() == generation);
        CHECK(store.Files().size() == 1);
        written = written || ListSegmentFiles(scratch.File("officer")).size() == 2;
    }
    CHECK(stages == 3);  // columns, bytes, write; the last Step added them
    CHECK(written);
    CHECK(job.Report().added == 15);
    CHECK(store.Count() == 25);
    CHECK(store.Files().size() == 2);
    OfficerStore reopened({TestSurvey()});
    REQUIRE(reopened.Open(scratch.File("officer")).ok);
    CHECK(reopened.Count() == 25);
    CheckSameEncoding(reopened.Find("transfer_test", 2)->encoded, store.Find("transfer_test", 2)->encoded);
}

TEST_CASE("officer store: a segment that cannot be written leaves the store as it was") {
    ScratchDirectory scratch;
    OfficerStore store({TestSurvey()});
    REQUIRE(store.Open(scratch.File("officer")).ok);
    ImportResponses(store, MakeResponses(0, 10), "first.yousaid");
    // The next segment's name is taken by a folder, so the rename onto it fails.
    std::filesystem::create_directories(scratch.File("officer") + "/" + SegmentFileNameFor(2));
    std::filesystem::create_directories(scratch.File("officer") + "/" + SegmentFileNameFor(2) + "/keep");
    const ImportReport report = ImportResponses(store, MakeResponses(10, 5), "second.yousaid");
    CHECK(report.write_failed);
    CHECK(report.added == 0);
    REQUIRE_FALSE(report.problems.empty());
    CHECK(report.problems.back().message.find("nothing was imported") != std::string::npos);
    CHECK(store.Count() == 10);
    CHECK(store.Files().size() == 1);
}

TEST_CASE("officer store: a file imported twice counts once, and a changed response is a conflict") {
    ScratchDirectory scratch;
    OfficerStore store({TestSurvey()});
    REQUIRE(store.Open(scratch.File("officer")).ok);
    const std::vector<Response> responses = MakeResponses(0, 20);
    CHECK(ImportResponses(store, responses, "a.yousaid").added == 20);
    const ImportReport again = ImportResponses(store, responses, "a.yousaid");
    CHECK(again.added == 0);
    CHECK(again.already_held == 20);
    std::vector<Response> changed = {MakeResponse(3)};
    changed[0].wave = "2099";
    const ImportReport conflict = ImportResponses(store, changed, "c.yousaid");
    CHECK(conflict.added == 0);
    REQUIRE(conflict.conflicts.size() == 1);
    CHECK(conflict.conflicts[0].id == MakeResponse(3).id);
    CHECK(store.Count() == 20);
    // Every import is listed, even one that added nothing.
    REQUIRE(store.Files().size() == 3);
    CHECK(store.Files()[2].surveys.at(0).conflicts == 1);
}

TEST_CASE("officer store: a CSV file with one bad cell adds nothing and writes nothing") {
    ScratchDirectory scratch;
    OfficerStore store({TestSurvey()});
    REQUIRE(store.Open(scratch.File("officer")).ok);
    std::string csv = WriteResponsesCsv(TestSurvey(), MakeResponses(0, 10));
    csv.replace(csv.rfind("2026"), 4, "");  // the last row loses its wave
    const ImportReport report = ImportIntoOfficerStore(store, csv, "bad.csv", {TestSurvey()}, 0);
    CHECK(report.file_rejected);
    CHECK(report.added == 0);
    CHECK(store.Count() == 0);
    CHECK(ListSegmentFiles(scratch.File("officer")).empty());
}

TEST_CASE("officer store: a crash mid-write, a damaged segment and a newer one each cost only themselves") {
    ScratchDirectory scratch;
    const std::string folder = scratch.File("officer");
    {
        OfficerStore store({TestSurvey()});
        REQUIRE(store.Open(folder).ok);
        ImportResponses(store, MakeResponses(0, 10), "a.yousaid");
        ImportResponses(store, MakeResponses(10, 10), "b.yousaid");
        ImportResponses(store, MakeResponses(20, 10), "c.yousaid");
    }
    const std::vector<SegmentFileName> segments = ListSegmentFiles(folder);
    REQUIRE(segments.size() == 3);
    // A crash while writing a fourth: half a temporary file, never renamed.
    const std::string whole = ReadBytes(segments[0].path);
    WriteBytes(folder + "/" + SegmentFileNameFor(4) + ".tmp", whole.substr(0, whole.size() / 2));
    // The second is cut short; the third claims a newer format (its header checksum redone).
    const std::string second = ReadBytes(segments[1].path);
    WriteBytes(segments[1].path, second.substr(0, second.size() - 7));
    std::string third = ReadBytes(segments[2].path);
    third[8] = 9;
    std::string header = third.substr(0, 28);
    const std::uint32_t crc = ComputeCrc32(header);
    for (int index = 0; index < 4; ++index) third[28 + index] = static_cast<char>((crc >> (8 * index)) & 0xFF);
    WriteBytes(segments[2].path, third);

    OfficerStore store({TestSurvey()});
    const OfficerStoreOpenReport report = store.Open(folder);
    REQUIRE(report.ok);
    CHECK(store.Count() == 10);
    REQUIRE(report.problems.size() == 2);
    CHECK(report.problems[0].ToString().find("000002.ysseg") != std::string::npos);
    CHECK(report.problems[0].message.find("cut short") != std::string::npos);
    CHECK(report.problems[1].message.find("newer version") != std::string::npos);
    // The damaged files stay as they were, and the next import takes a new number.
    ImportResponses(store, MakeResponses(10, 10), "b.yousaid");
    CHECK(store.Count() == 20);
    CHECK(ReadBytes(segments[1].path).size() == second.size() - 7);
    CHECK(ListSegmentFiles(folder).back().number == 4);
}

TEST_CASE("officer store: an officer.yslog of an earlier version becomes one segment, once") {
    ScratchDirectory scratch;
    const std::string legacy = scratch.File("officer.yslog");
    {
        ResponseStore old_store;
        REQUIRE(old_store.Open(legacy).ok);
        REQUIRE(old_store.Merge(MakeResponses(0, 30), "tablet.yousaid", 1767225600000).ok);
    }
    {
        OfficerStore store({TestSurvey()});
        const OfficerStoreOpenReport report = store.Open(scratch.File("officer"), legacy);
        REQUIRE(report.ok);
        CHECK(report.migrated == 30);
        CHECK(report.problems.empty());
        CHECK(store.Count() == 30);
        CHECK_FALSE(std::filesystem::exists(legacy));
        CheckSameEncoding(store.Find("transfer_test", 2)->encoded, EncodeAtOnce(TestSurvey(), MakeResponses(0, 30)));
    }
    OfficerStore reopened({TestSurvey()});
    const OfficerStoreOpenReport report = reopened.Open(scratch.File("officer"), legacy);
    CHECK(report.migrated == 0);
    CHECK(reopened.Count() == 30);
    CHECK(reopened.Files().size() == 1);
}

TEST_CASE("officer store: responses to a survey this device lacks are kept, said, and not lost") {
    ScratchDirectory scratch;
    {
        OfficerStore store({TestSurvey()});
        REQUIRE(store.Open(scratch.File("officer")).ok);
        ImportResponses(store, MakeResponses(0, 12), "a.yousaid");
    }
    OfficerStore without({});
    const OfficerStoreOpenReport report = without.Open(scratch.File("officer"));
    REQUIRE(report.ok);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].message.find("12 responses to survey 'transfer_test' version 2 are kept") == 0);
    CHECK(without.Surveys().empty());
    // Still known, so importing them again adds nothing twice.
    CHECK(without.Count() == 12);
}

TEST_CASE("officer store: the demo imported through the store gives the CLI's report, byte for byte") {
    ScratchDirectory scratch;
    const auto survey_load = SurveyLoader::LoadFromFile(std::string(YOUSAID_SOURCE_DIR) + "/assets/surveys/pupil.json");
    REQUIRE(survey_load.Ok());
    const Survey& survey = *survey_load.survey;
    OfficerStore store({survey});
    REQUIRE(store.Open(scratch.File("officer")).ok);
    for (const char* name : {"pupil_responses_2024.csv", "pupil_responses_2025.csv"}) {
        const ImportReport report = ImportIntoOfficerStore(
            store, demo_report::ReadDemoFile(std::string("assets/demo/") + name), name, {survey}, 0);
        REQUIRE_MESSAGE(!report.file_rejected, report.Summary());
    }
    OfficerStore reopened({survey});
    REQUIRE(reopened.Open(scratch.File("officer")).ok);
    const OfficerReport& expected = demo_report::DemoOfficerReport();
    ReportSettings settings = expected.settings;
    settings.input_files.clear();
    settings.input_files.push_back(
        DescribeInputFile("survey", "pupil.json", demo_report::ReadDemoFile("assets/surveys/pupil.json")));
    for (const ImportedFile& file : reopened.Files()) settings.input_files.push_back({"responses", file.file_name, file.sha256});
    const std::string population_bytes = demo_report::ReadDemoFile("assets/demo/population.csv");
    const std::string kpi_bytes = demo_report::ReadDemoFile("assets/demo/kpis.csv");
    settings.input_files.push_back(DescribeInputFile("population", "population.csv", population_bytes));
    settings.input_files.push_back(DescribeInputFile("kpis", "kpis.csv", kpi_bytes));
    const auto population = ReadPopulationFile(population_bytes, "population.csv", survey);
    const auto kpis = ReadKpiFile(kpi_bytes, "kpis.csv", survey);
    const auto produced = ProduceOfficerReport(reopened.Find(survey.id, survey.version)->encoded, settings,
                                               &*population.value, &*kpis.value);
    REQUIRE(produced.ok());
    const std::vector<ReportFile> files = produced.value->Files();
    const std::vector<ReportFile> expected_files = expected.Files();
    REQUIRE(files.size() == expected_files.size());
    for (std::size_t index = 0; index < files.size(); ++index) {
        INFO(files[index].name);
        CHECK(files[index].bytes == expected_files[index].bytes);
    }
}
