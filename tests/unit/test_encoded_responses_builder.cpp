// Encoded columns built one response at a time as files are read (how the report CLI reads
// files far larger than their columns) must be exactly those built from every response at
// once, merge responses by id as the response set does, and take a refused file back whole.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/analytics/encoded_responses_builder.h"
#include "core/responses/response_csv.h"
#include "core/responses/response_set.h"
#include "core/responses/transfer_file.h"
#include "core/storage/response_import.h"
#include "core/survey/survey_loader.h"
#include "encoding_checks.h"
#include "response_fixtures.h"

using namespace yousaid;
using response_fixtures::MakeResponse;
using response_fixtures::MakeResponses;
using response_fixtures::ScratchDirectory;
using response_fixtures::TestSurvey;
using response_fixtures::WriteBytes;
using encoding_checks::CheckSameEncoding;
using encoding_checks::EncodeAtOnce;

namespace {

// Streams a file into the builder as the report CLI does, taking it back when it is refused.
LoadedResponses StreamInto(EncodedResponsesBuilder& builder, const std::string& path, const Survey& survey,
                           std::vector<MergeOutcome>& outcomes) {
    builder.Checkpoint();
    LoadedResponses loaded = StreamResponsesFromFile(path, survey, [&](Response&& response) {
        const EncodedResponsesBuilder::Offered offered = builder.Offer(response);
        CHECK_FALSE(offered.problem.has_value());
        outcomes.push_back(offered.outcome);
    });
    if (!loaded.ok()) builder.Rollback();
    return loaded;
}

std::size_t CountOf(const std::vector<MergeOutcome>& outcomes, MergeOutcome wanted) {
    return static_cast<std::size_t>(std::count(outcomes.begin(), outcomes.end(), wanted));
}

}  // namespace

TEST_CASE("builder: responses offered one at a time encode exactly as all at once") {
    const Survey survey = TestSurvey();
    std::vector<Response> responses = MakeResponses(1, 60);
    responses[7].status = ResponseStatus::kPartial;
    responses[7].answers.erase("age");
    responses[8].status = ResponseStatus::kRefused;
    responses[8].answers.clear();
    responses[9].language = "cy";
    EncodedResponsesBuilder builder(survey);
    for (const Response& response : responses) {
        const EncodedResponsesBuilder::Offered offered = builder.Offer(response);
        CHECK(offered.outcome == MergeOutcome::kAdded);
        CHECK_FALSE(offered.problem.has_value());
    }
    CheckSameEncoding(builder.Encoded(), EncodeAtOnce(survey, responses));
}

TEST_CASE("builder: the demo files streamed encode exactly as loaded whole and merged") {
    const auto survey_load =
        SurveyLoader::LoadFromFile(std::string(YOUSAID_SOURCE_DIR) + "/assets/surveys/pupil.json");
    REQUIRE(survey_load.Ok());
    const Survey& survey = *survey_load.survey;
    EncodedResponsesBuilder builder(survey);
    ResponseSet merged;
    std::vector<MergeOutcome> outcomes;
    for (const char* file : {"assets/demo/pupil_responses_2024.csv", "assets/demo/pupil_responses_2025.csv"}) {
        const std::string path = std::string(YOUSAID_SOURCE_DIR) + "/" + file;
        REQUIRE(StreamInto(builder, path, survey, outcomes).ok());
        const LoadedResponses loaded = LoadResponsesFromFile(path, survey);
        REQUIRE(loaded.ok());
        for (const Response& response : loaded.responses) merged.Offer(response);
    }
    CHECK(outcomes.size() == merged.Size());
    CheckSameEncoding(builder.Encoded(), EncodeAtOnce(survey, merged.All()));
}

TEST_CASE("builder: a response in two files counts once; a different one under its id is a conflict") {
    const Survey survey = TestSurvey();
    ScratchDirectory directory;
    const std::vector<Response> first = MakeResponses(1, 10);
    const std::vector<Response> second = MakeResponses(6, 10);  // 6..10 again, then 11..15
    WriteBytes(directory.File("first.csv"), WriteResponsesCsv(survey, first));
    WriteBytes(directory.File("second.csv"), WriteResponsesCsv(survey, second));

    EncodedResponsesBuilder builder(survey);
    std::vector<MergeOutcome> outcomes;
    REQUIRE(StreamInto(builder, directory.File("first.csv"), survey, outcomes).ok());
    REQUIRE(StreamInto(builder, directory.File("second.csv"), survey, outcomes).ok());
    CHECK(CountOf(outcomes, MergeOutcome::kAdded) == 15);
    CHECK(CountOf(outcomes, MergeOutcome::kAlreadyHeld) == 5);
    CheckSameEncoding(builder.Encoded(), EncodeAtOnce(survey, MakeResponses(1, 15)));

    Response changed = MakeResponse(3);
    changed.answers["age"] = Answer::Integer(24);
    CHECK(builder.Offer(changed).outcome == MergeOutcome::kConflict);
    CHECK(builder.Offer(MakeResponse(3)).outcome == MergeOutcome::kAlreadyHeld);
    CHECK(builder.Encoded().RowCount() == 15);
    // Equal to the response held in every field operator== compares, and only then.
    CHECK(FingerprintOf(MakeResponse(3)) == FingerprintOf(MakeResponse(3)));
    CHECK(FingerprintOf(changed) != FingerprintOf(MakeResponse(3)));
}

TEST_CASE("builder: a CSV file with a bad row among good rows is refused and taken back whole") {
    const Survey survey = TestSurvey();
    ScratchDirectory directory;
    const std::vector<Response> good = MakeResponses(1, 5);
    WriteBytes(directory.File("good.csv"), WriteResponsesCsv(survey, good));
    // Rows 2-4 are new responses in a wave nobody else has; row 5 is bad; row 6 is fine.
    std::vector<Response> later = MakeResponses(20, 5);
    for (Response& response : later) response.wave = "2031";
    std::string bytes = WriteResponsesCsv(survey, later);
    const std::size_t row_5 = bytes.find(",complete,", bytes.find(MakeResponse(23).id.ToHex()));
    REQUIRE(row_5 != std::string::npos);
    bytes.replace(row_5, 10, ",done,");
    WriteBytes(directory.File("later.csv"), bytes);

    EncodedResponsesBuilder builder(survey);
    std::vector<MergeOutcome> outcomes;
    REQUIRE(StreamInto(builder, directory.File("good.csv"), survey, outcomes).ok());
    const LoadedResponses refused = StreamInto(builder, directory.File("later.csv"), survey, outcomes);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.ProblemLines() ==
          std::vector<std::string>{"later.csv: row 5, field 'status': 'done' is not a status; write complete, "
                                   "partial or refused"});
    CHECK(outcomes.size() == 8);  // the rows before the bad one were offered, then taken back
    CheckSameEncoding(builder.Encoded(), EncodeAtOnce(survey, good));
    CHECK(builder.Encoded().FieldValues(ResponseField::kWave) == std::vector<std::string>{"2026", "2025"});

    // Corrected, the same responses come in as new: nothing of the refused file was kept.
    WriteBytes(directory.File("later.csv"), WriteResponsesCsv(survey, later));
    outcomes.clear();
    REQUIRE(StreamInto(builder, directory.File("later.csv"), survey, outcomes).ok());
    CHECK(CountOf(outcomes, MergeOutcome::kAdded) == 5);
    std::vector<Response> all = good;
    all.insert(all.end(), later.begin(), later.end());
    CheckSameEncoding(builder.Encoded(), EncodeAtOnce(survey, all));
}

TEST_CASE("builder: a transfer file and its JSON export, streamed one after the other, count once") {
    const Survey survey = TestSurvey();
    ScratchDirectory directory;
    const std::vector<Response> responses = MakeResponses(1, 12);
    TransferExportSettings settings;
    settings.station_id = "tablet-1";
    settings.exported_at_ms = 1767225600000;
    WriteBytes(directory.File("tablet-1.yousaid"), WriteTransferFile(settings, responses));
    WriteBytes(directory.File("tablet-1.json"), WriteResponsesJson(settings, responses));

    EncodedResponsesBuilder builder(survey);
    std::vector<MergeOutcome> outcomes;
    REQUIRE(StreamInto(builder, directory.File("tablet-1.yousaid"), survey, outcomes).ok());
    REQUIRE(StreamInto(builder, directory.File("tablet-1.json"), survey, outcomes).ok());
    CHECK(CountOf(outcomes, MergeOutcome::kAdded) == 12);
    CHECK(CountOf(outcomes, MergeOutcome::kAlreadyHeld) == 12);
    CheckSameEncoding(builder.Encoded(), EncodeAtOnce(survey, responses));
}
