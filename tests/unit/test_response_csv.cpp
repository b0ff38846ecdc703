// Responses from and to CSV: a baseline kept in a spreadsheet comes in whole or not at all,
// every problem is named by row and column, and re-importing never double-counts.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "core/responses/response_csv.h"
#include "core/storage/response_import.h"
#include "core/storage/response_store.h"
#include "core/crypto/sha256.h"
#include "response_fixtures.h"

using namespace yousaid;
using response_fixtures::MakeResponse;
using response_fixtures::MakeResponses;
using response_fixtures::ReadBytes;
using response_fixtures::ScratchDirectory;
using response_fixtures::TestSurvey;

namespace {

const char* const kHeader = "wave,status,phase,feelings,safe,listened,happiness,age,understanding.before,understanding.now,better";

// A header and rows, joined with CRLF as Excel writes them.
std::string Csv(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += line + "\r\n";
    return text;
}

std::vector<std::string> Problems(const ResponseCsvReadResult& result) {
    std::vector<std::string> problems;
    for (const yousaid::Problem& problem : result.problems) problems.push_back(problem.ToString());
    return problems;
}

bool HasProblem(const ResponseCsvReadResult& result, const std::string& text) {
    for (const yousaid::Problem& problem : result.problems) {
        if (problem.ToString() == text) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("import: SHA-256 check values") {
    CHECK(Sha256Hex(ComputeSha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(Sha256Hex(ComputeSha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(Sha256Hex(ComputeSha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    Sha256 pieces;
    const std::string million(1000000, 'a');
    for (std::size_t offset = 0; offset < million.size(); offset += 997) {
        pieces.Update(std::string_view(million).substr(offset, 997));
    }
    CHECK(Sha256Hex(pieces.Finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("import: responses written to CSV read back equal, tricky text included") {
    const Survey survey = TestSurvey();
    std::vector<Response> responses = MakeResponses(1, 6);
    const std::vector<std::string> texts = {"=1+1",           "-so-so",  "'quoted already", "(skipped)",
                                            "prefer_not_to_say", "  +leading", "tab\tinside",    "a,b\r\nc \"d\""};
    for (std::size_t index = 0; index < texts.size(); ++index) {
        Response response = MakeResponse(static_cast<std::uint32_t>(100 + index));
        response.answers["better"] = Answer::Text(texts[index]);
        responses.push_back(response);
    }
    Response options = MakeResponse(200);
    options.answers["better"] = Answer::Choice("prefer_not_to_say");
    options.answers["happiness"] = Answer::Choice("dont_know");
    options.answers["understanding"] = Answer::Choice("dont_know");
    options.answers["feelings"] = Answer::Skipped();
    options.wave = "-1";
    options.event_id = "@fayre";
    responses.push_back(options);
    Response skipped = MakeResponse(201);
    skipped.answers["understanding"] = Answer::Skipped();
    skipped.answers["better"] = Answer::Skipped();
    skipped.answer_mode = AnswerMode::kByPhone;
    skipped.language = "pl";
    responses.push_back(skipped);
    Response partial = MakeResponse(202);
    partial.status = ResponseStatus::kPartial;
    partial.answers.erase("phase");
    partial.answers.erase("age");
    partial.submitted_at_ms = 0;
    responses.push_back(partial);
    Response refused = MakeResponse(203);
    refused.status = ResponseStatus::kRefused;
    refused.answers.clear();
    refused.started_at_ms = 0;
    refused.submitted_at_ms = 0;
    responses.push_back(refused);
    for (const Response& response : responses) REQUIRE(CheckResponse(survey, response).empty());

    const std::string csv = WriteResponsesCsv(survey, responses);
    CHECK(csv.substr(0, 3) == "\xEF\xBB\xBF");
    CHECK(csv.find("\r\n") != std::string::npos);
    CHECK(csv.find(",'=1+1\r\n") != std::string::npos);   // neutralised for spreadsheets
    CHECK(csv.find(",'-1,") != std::string::npos);
    const ResponseCsvReadResult read = ReadResponsesCsv(csv, survey);
    REQUIRE_MESSAGE(read.ok, read.ProblemsText("export.csv"));
    CHECK(read.generated_ids == 0);
    REQUIRE(read.responses.size() == responses.size());
    for (std::size_t index = 0; index < responses.size(); ++index) {
        CAPTURE(index);
        CHECK_MESSAGE(read.responses[index] == responses[index],
                      DescribeResponseDifferences(responses[index], read.responses[index]));
    }
    CHECK(ResponseCsvColumns(survey).front() == "response_id");
    CHECK(ResponseCsvColumns(survey).back() == "better");
}

TEST_CASE("import: an Excel \"CSV UTF-8\" file with BOM, CRLF, quoted commas and line breaks reads") {
    const Survey survey = TestSurvey();
    // As Excel for Windows saves it: BOM, CRLF between rows, LF inside quoted cells, and
    // quotes only where needed. Columns in another order than ours, with capitals.
    std::string bytes = "\xEF\xBB\xBF";
    bytes += "Wave,Status,Answer_Mode,Phase,Feelings,Safe,Listened,Happiness,Age,Understanding.Before,"
             "Understanding.Now,Better\r\n";
    bytes += "2025,Complete,self,primary,happy;calm,agree,yes,7,11,3,8,\"More time, with teachers\"\r\n";
    bytes += "2025,complete,helped_by_adult,secondary,worried,disagree,no,2,14,0,2,\"Line one\nline two, "
             "\"\"quoted\"\"\"\r\n";
    bytes += "2025,partial,,secondary,,,,dont_know,,,,\r\n";
    bytes += "2025,refused,,,,,,,,,,\r\n";
    bytes += ",,,,,,,,,,,\r\n";  // Excel keeps a row of empty cells after a deletion
    bytes += "2025,complete,on_behalf,prefer_not_to_say,dont_know,strongly_agree,(skipped),10,25,dont_know,"
             "dont_know,\"caf\xC3\xA9 \xE2\x82\xAC" "5\"\r\n";

    const ResponseCsvReadResult read = ReadResponsesCsv(bytes, survey);
    REQUIRE_MESSAGE(read.ok, read.ProblemsText("baseline.csv"));
    REQUIRE(read.responses.size() == 5);
    CHECK(read.generated_ids == 5);
    const Response& first = read.responses[0];
    CHECK(first.survey_id == "transfer_test");
    CHECK(first.survey_version == 2);
    CHECK(first.wave == "2025");
    CHECK(first.status == ResponseStatus::kComplete);
    CHECK(first.answers.at("feelings") == Answer::Choices({"happy", "calm"}));
    CHECK(first.answers.at("happiness") == Answer::Integer(7));
    CHECK(first.answers.at("understanding") == Answer::BeforeAndNow(3, 8));
    CHECK(first.answers.at("better") == Answer::Text("More time, with teachers"));
    CHECK(read.responses[1].answer_mode == AnswerMode::kHelpedByAdult);
    CHECK(read.responses[1].answers.at("better") == Answer::Text("Line one\nline two, \"quoted\""));
    CHECK(read.responses[2].status == ResponseStatus::kPartial);
    CHECK(read.responses[2].answers.size() == 2);
    CHECK(read.responses[2].answers.at("happiness") == Answer::Choice("dont_know"));
    CHECK(read.responses[3].status == ResponseStatus::kRefused);
    CHECK(read.responses[3].answers.empty());
    const Response& last = read.responses[4];
    CHECK(last.answer_mode == AnswerMode::kOnBehalf);
    CHECK(last.answers.at("listened") == Answer::Skipped());
    CHECK(last.answers.at("feelings") == Answer::Choices({"dont_know"}));
    CHECK(last.answers.at("understanding") == Answer::Choice("dont_know"));
    CHECK(last.answers.at("better") == Answer::Text("caf\xC3\xA9 \xE2\x82\xAC" "5"));
    std::set<ResponseId> ids;
    for (const Response& response : read.responses) ids.insert(response.id);
    CHECK(ids.size() == 5);

    // LF-only line ends and no BOM (a file saved on a Mac) read the same.
    std::string unix_bytes;
    for (std::size_t index = 3; index < bytes.size(); ++index) {
        if (bytes[index] == '\r' && index + 1 < bytes.size() && bytes[index + 1] == '\n') continue;
        unix_bytes.push_back(bytes[index]);
    }
    const ResponseCsvReadResult unix_read = ReadResponsesCsv(unix_bytes, survey);
    REQUIRE(unix_read.ok);
    CHECK(unix_read.responses == read.responses);
}

TEST_CASE("import: a Windows-1252 file is rejected with a clear message") {
    const Survey survey = TestSurvey();
    const std::string bytes = Csv({kHeader, "2025,complete,primary,,,,,,,,Caf\xE9 au lait"});
    const ResponseCsvReadResult read = ReadResponsesCsv(bytes, survey);
    REQUIRE_FALSE(read.ok);
    CHECK(read.responses.empty());
    REQUIRE(read.problems.size() == 1);
    const std::string message = read.problems[0].ToString();
    CAPTURE(message);
    CHECK(message.find("row 2") == 0);
    CHECK(message.find("not valid UTF-8") != std::string::npos);
    CHECK(message.find("Windows-1252") != std::string::npos);
    CHECK(message.find("CSV UTF-8") != std::string::npos);
}

TEST_CASE("import: a bad cell is named by row and column") {
    const Survey survey = TestSurvey();
    const std::string bytes = Csv({kHeader,
                                   "2025,complete,primary,happy,agree,yes,7,11,3,8,",
                                   "2025,complete,primary,happy,agree,yes,5,11,3,8,",
                                   "2025,complete,primary,happy,agree,yes,6,11,3,8,",
                                   "2025,complete,primary,happy,agree,yes,8,11,3,8,",
                                   "2025,complete,primary,happy,agree,yes,9,11,3,8,",
                                   "2025,complete,primary,happy,agree,yes,11,11,3,8,"});
    const ResponseCsvReadResult read = ReadResponsesCsv(bytes, survey);
    REQUIRE_FALSE(read.ok);
    CHECK(read.responses.empty());
    REQUIRE(read.problems.size() == 1);
    CHECK(read.problems[0].row == 7);
    CHECK(read.problems[0].field == "happiness");
    CHECK(read.problems[0].ToString() == "row 7, field 'happiness': 11 is above the maximum 10");
    CHECK(read.ProblemsText("baseline.csv") == "baseline.csv: row 7, field 'happiness': 11 is above the maximum 10\n");
}

TEST_CASE("import: every kind of bad cell gets its own sentence") {
    const Survey survey = TestSurvey();
    const std::string bytes = Csv({
        std::string("response_id,survey_id,survey_version,started_at,") + kHeader,
        "nothex,,,,2025,complete,primary,,,,,,,,",                               // row 2
        ",other_survey,1,,2025,complete,primary,,,,,,,,",                        // row 3
        ",,,yesterday,2025,done,primary,,,,,,,,",                                // row 4
        ",,,,,complete,primary,,,,,,,,",                                         // row 5
        ",,,,2025,complete,nursery,happy;sad,,,,abc,,,",                         // row 6
        ",,,,2025,complete,primary,dont_know;happy,,,,7.5,3,,",                  // row 7
        ",,,,2025,complete,,,,,,,,,",                                            // row 8
        ",,,,2025,refused,primary,,,,,,,,",                                      // row 9
        ",,,,2025,complete,primary,,,,,,dont_know,4,",                           // row 10
        ",,,,2025,complete,primary,,,,,,,,'",                                    // row 11
        ",,,,2025,complete,primary,,,,,,,,,surplus",                             // row 12
    });
    const ResponseCsvReadResult read = ReadResponsesCsv(bytes, survey);
    REQUIRE_FALSE(read.ok);
    CHECK(read.responses.empty());
    const std::vector<std::string> expected = {
        "row 2, field 'response_id': 'nothex' is not a response id (32 hex digits)",
        "row 3, field 'survey_id': the row is for survey 'other_survey', but this import is for survey 'transfer_test'",
        "row 3, field 'survey_version': the row is for version 1 of the survey, but this import is for version 2",
        "row 4, field 'started_at': 'yesterday' is not a date or time in the form 2026-03-14 or 2026-03-14T09:26:53Z (UTC)",
        "row 4, field 'status': 'done' is not a status; write complete, partial or refused",
        "row 5, field 'wave': is empty; every response needs its wave, e.g. 2025",
        "row 6, field 'phase': 'nursery' is not one of its options (primary, secondary, prefer_not_to_say)",
        "row 6, field 'feelings': 'sad' is not one of its options (happy, calm, worried, dont_know); separate several with ;",
        "row 6, field 'age': 'abc' is not a whole number",
        "row 7, field 'age': '7.5' is not a whole number",
        "row 7, field 'understanding.now': is empty, but understanding.before is not; fill both or neither",
        "row 8, field 'phase': is required but has no answer",
        "row 9: a refused response cannot hold answers",
        "row 10, field 'understanding.now': 'dont_know' must be in both understanding.before and understanding.now",
        "row 11, field 'better': the text is empty; record a skip instead",
        "row 12: field 16 holds 'surplus' but its column has no name in row 1",
    };
    CHECK(Problems(read) == expected);

    // "dont_know" alone is fine; together with another option it is not.
    const ResponseCsvReadResult together =
        ReadResponsesCsv(Csv({kHeader, "2025,complete,primary,dont_know;happy,,,,,,,"}), survey);
    CHECK(HasProblem(together, "row 2, field 'feelings': 'dont_know' cannot be chosen together with other options"));
}

TEST_CASE("import: a row with too few cells says so, not that its status is empty") {
    const Survey survey = TestSurvey();
    // A line break typed into a cell without quotes splits the row: row 3 is what follows it.
    const std::string bytes = Csv({kHeader, "2025,complete,primary,happy,agree,yes,7,12,3,8,more", "time", "2026,partial"});
    const ResponseCsvReadResult read = ReadResponsesCsv(bytes, survey);
    REQUIRE_FALSE(read.ok);
    CHECK(Problems(read) == std::vector<std::string>{
                                "row 3: has 1 of the 11 cells the header names (is it cut short, or split by a line "
                                "break in a cell that is not in quotes?)"});

    // Cells left off after the status and wave are empty cells, as some spreadsheets write them.
    const ResponseCsvReadResult short_but_whole = ReadResponsesCsv(Csv({kHeader, "2026,partial"}), survey);
    INFO(short_but_whole.ProblemsText("short.csv"));
    CHECK(short_but_whole.ok);
    CHECK(short_but_whole.responses.size() == 1);
}

TEST_CASE("import: the header must name known columns, each once, wave and status included") {
    const Survey survey = TestSurvey();
    const ResponseCsvReadResult unknown = ReadResponsesCsv(Csv({"wave,status,phase,notes", "2025,complete,primary,x"}), survey);
    REQUIRE_FALSE(unknown.ok);
    REQUIRE(unknown.problems.size() == 1);
    CHECK(unknown.problems[0].row == 1);
    CHECK(unknown.problems[0].field == "notes");
    CHECK(unknown.problems[0].message.find("is neither a question of survey 'transfer_test'") == 0);

    ResponseCsvOptions options;
    options.ignore_columns = {"Notes"};
    const ResponseCsvReadResult ignored =
        ReadResponsesCsv(Csv({"wave,status,phase,notes", "2025,complete,primary,x"}), survey, options);
    CHECK_MESSAGE(ignored.ok, ignored.ProblemsText("x.csv"));

    const ResponseCsvReadResult missing = ReadResponsesCsv(Csv({"phase", "primary"}), survey);
    CHECK(Problems(missing) ==
          std::vector<std::string>{"row 1: the column wave is missing", "row 1: the column status is missing"});

    const ResponseCsvReadResult twice = ReadResponsesCsv(Csv({"wave,status,Wave", "2025,complete,2025"}), survey);
    CHECK(HasProblem(twice, "row 1, field 'Wave': this column name appears more than once"));

    const ResponseCsvReadResult one_column = ReadResponsesCsv(Csv({"wave,status,understanding", "2025,partial,3"}), survey);
    CHECK(HasProblem(one_column,
                     "row 1, field 'understanding': a before-and-now question takes two columns, understanding.before "
                     "and understanding.now"));
    const ResponseCsvReadResult half = ReadResponsesCsv(Csv({"wave,status,understanding.before", "2025,partial,3"}), survey);
    CHECK(HasProblem(half,
                     "row 1: the column understanding.now is missing; understanding.before and understanding.now go "
                     "together"));

    CHECK(Problems(ReadResponsesCsv("", survey)) == std::vector<std::string>{"the file is empty"});
    CHECK(Problems(ReadResponsesCsv("\r\nwave,status\r\n", survey)) ==
          std::vector<std::string>{"row 1: should hold the column names but is blank"});
    // A header with no data rows is a valid, empty file.
    const ResponseCsvReadResult empty = ReadResponsesCsv(Csv({"wave,status"}), survey);
    CHECK(empty.ok);
    CHECK(empty.responses.empty());
}

TEST_CASE("import: the same response id twice in one file is an error") {
    const Survey survey = TestSurvey();
    const std::string id = MakeResponse(1).id.ToHex();
    const ResponseCsvReadResult read = ReadResponsesCsv(
        Csv({"response_id,wave,status", id + ",2025,refused", ",2025,refused", id + ",2025,refused"}), survey);
    CHECK(Problems(read) ==
          std::vector<std::string>{"row 4, field 'response_id': response " + id + " is also on row 2; each response must appear once"});
}

TEST_CASE("import: a CSV file goes into the store whole or not at all") {
    const Survey survey = TestSurvey();
    ScratchDirectory directory;
    const std::string path = directory.File("officer.log");
    ResponseStore store;
    REQUIRE(store.Open(path).ok);
    REQUIRE(store.Add(MakeResponse(1)).Saved());
    const std::string before = ReadBytes(path);

    std::vector<std::string> lines = {kHeader};
    for (int row = 0; row < 5; ++row) lines.push_back("2025,complete,primary,happy,agree,yes,7,11,3,8,");
    lines.push_back("2025,complete,primary,happy,agree,yes,7,99,3,8,");  // age 99
    const std::string bad = Csv(lines);
    const ImportReport rejected = ImportBytesIntoStore(store, bad, "baseline.csv", {survey}, 1773600000000);
    CHECK(rejected.file_rejected);
    CHECK(rejected.added == 0);
    CHECK(rejected.Summary() ==
          "baseline.csv: nothing was imported because of 1 problem: row 7, field 'age': 99 is above the maximum 25");
    REQUIRE(rejected.problems.size() == 1);
    CHECK(rejected.problems[0].file == "baseline.csv");
    CHECK(rejected.problems[0].row == 7);
    CHECK(rejected.DetailLines() ==
          std::vector<std::string>{"baseline.csv: row 7, field 'age': 99 is above the maximum 25"});
    CHECK(store.Count() == 1);
    CHECK(ReadBytes(path) == before);

    lines.pop_back();
    const ImportReport accepted = ImportBytesIntoStore(store, Csv(lines), "baseline.csv", {survey}, 1773600000000);
    CHECK_FALSE(accepted.file_rejected);
    CHECK(accepted.format == ResponseFileFormat::kCsv);
    CHECK(accepted.added == 5);
    CHECK(store.Count() == 6);
}

TEST_CASE("import: generated ids make re-importing the same CSV count nothing twice") {
    const Survey survey = TestSurvey();
    ScratchDirectory directory;
    ResponseStore store;
    REQUIRE(store.Open(directory.File("officer.log")).ok);
    // Two identical rows are two respondents who answered alike: two responses.
    const std::string bytes = "\xEF\xBB\xBF" + Csv({kHeader, "2025,complete,primary,happy,agree,yes,7,11,3,8,",
                                                    "2025,complete,primary,happy,agree,yes,7,11,3,8,",
                                                    "2025,partial,secondary,,,,,,,,\"Fine, thanks\""});
    const ImportReport first = ImportBytesIntoStore(store, bytes, "baseline.csv", {survey}, 1);
    REQUIRE_MESSAGE(!first.file_rejected, first.Summary());
    CHECK(first.added == 3);
    const ImportReport again = ImportBytesIntoStore(store, bytes, "baseline (copy).csv", {survey}, 2);
    CHECK(again.added == 0);
    CHECK(again.already_held == 3);

    // Saved again by another spreadsheet: no BOM, LF, more quotes, a blank line, spaces.
    const std::string resaved = std::string(kHeader) + "\n\"2025\",complete,primary,happy,agree,yes,7,11,3,8\n\n" +
                                "2025,complete, primary ,happy,agree,yes,7,11,3,8,\n" +
                                "2025,partial,secondary,,,,,,,,\"Fine, thanks\"\n";
    const ImportReport resaved_report = ImportBytesIntoStore(store, resaved, "baseline.csv", {survey}, 3);
    CHECK_MESSAGE(!resaved_report.file_rejected, resaved_report.Summary());
    CHECK(resaved_report.added == 0);
    CHECK(resaved_report.already_held == 3);
    CHECK(store.Count() == 3);

    // An edited file is another file: its rows get other ids (docs/transfer-format.md says
    // to keep the response_id column to avoid exactly this).
    const std::string edited = "\xEF\xBB\xBF" + Csv({kHeader, "2025,complete,primary,happy,agree,yes,7,11,3,8,",
                                                     "2025,complete,primary,happy,agree,yes,7,11,3,8,",
                                                     "2025,partial,secondary,,,,,,,,\"Fine, thank you\""});
    const ResponseCsvReadResult edited_read = ReadResponsesCsv(edited, survey);
    REQUIRE(edited_read.ok);
    for (const Response& response : edited_read.responses) CHECK_FALSE(store.Contains(response.id));

    // The same rows for another survey get other ids too.
    Survey other = survey;
    other.id = "another_survey";
    const ResponseCsvReadResult other_read = ReadResponsesCsv(bytes, other);
    REQUIRE(other_read.ok);
    for (const Response& response : other_read.responses) CHECK_FALSE(store.Contains(response.id));
}

TEST_CASE("import: with several surveys known, a CSV file's survey_id column picks the survey") {
    const Survey survey = TestSurvey();
    Survey pledge = survey;
    pledge.id = "pledge";
    const std::vector<Survey> surveys = {pledge, survey};
    const LoadedResponses loaded = LoadResponsesFromBytes(
        Csv({"survey_id,wave,status", "transfer_test,2025,refused"}), "baseline.csv", surveys);
    REQUIRE_MESSAGE(loaded.ok(), loaded.Message());
    REQUIRE(loaded.responses.size() == 1);
    CHECK(loaded.responses[0].survey_id == "transfer_test");
    const LoadedResponses unnamed = LoadResponsesFromBytes(Csv({"wave,status", "2025,refused"}), "b.csv", surveys);
    CHECK_FALSE(unnamed.ok());
    CHECK(unnamed.Message() == "b.csv: it does not say which survey it is for; fill in a survey_id column");
}

TEST_CASE("import: file formats are recognised by content, then by name") {
    CHECK(DetectResponseFileFormat("YOUSAID-TRANSFER...", "x.csv") == ResponseFileFormat::kTransfer);
    CHECK(DetectResponseFileFormat("YOUSAID", "x") == ResponseFileFormat::kTransfer);
    CHECK(DetectResponseFileFormat(std::string("YSLOG\0\1\0", 8), "x") == ResponseFileFormat::kResponseStore);
    CHECK(DetectResponseFileFormat("\xEF\xBB\xBF  {\"format\": 1}", "x.txt") == ResponseFileFormat::kJson);
    CHECK(DetectResponseFileFormat("wave;status", "baseline.CSV") == ResponseFileFormat::kCsv);
    CHECK(DetectResponseFileFormat("wave,status\r\n2025,complete", "download") == ResponseFileFormat::kCsv);
    CHECK(DetectResponseFileFormat("", "tablet3.yousaid") == ResponseFileFormat::kTransfer);
    CHECK(DetectResponseFileFormat("hello", "notes.txt") == ResponseFileFormat::kUnknown);
    const LoadedResponses unknown = LoadResponsesFromBytes("hello", "notes.txt", {TestSurvey()});
    CHECK_FALSE(unknown.ok());
    CHECK(unknown.Message() ==
          "notes.txt: this is not a Yousaid response file (a .yousaid transfer file, a JSON export or a CSV file)");
    // An empty download named .yousaid says it was cut short.
    const LoadedResponses empty = LoadResponsesFromBytes("", "tablet3.yousaid", {TestSurvey()});
    CHECK(empty.transfer_problem == TransferProblem::kCutShort);
}
