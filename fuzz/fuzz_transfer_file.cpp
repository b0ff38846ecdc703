// libFuzzer target for everything that reads response files: transfer files, JSON exports,
// response CSVs and format detection. The first byte picks the mode:
//   0: the rest is a file's bytes, read as every format. Nothing may crash; a refusal must
//      give a reason and no responses; whatever is accepted must survive writing it again.
//   1: the rest describes responses and an accident; the responses are written as a transfer
//      file, the accident applied, and the reader must refuse the file (a cut: "cut short";
//      a flip: damaged or wrong format) or, for an edit with resealed checksums (a faulty or
//      forged writer), either refuse it or read it without crashing.
//   2: the rest describes responses, which must survive the transfer, JSON and CSV formats.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/responses/answer_checking.h"
#include "core/crypto/crc32.h"
#include "core/responses/response_csv.h"
#include "core/storage/response_import.h"
#include "core/survey/survey_loader.h"
#include "core/responses/transfer_file.h"

namespace {

void Require(bool condition) {
    if (!condition) std::abort();
}

const char* const kSurveyJson = R"({
  "id": "fuzz", "version": 2, "languages": ["en"], "title": "Fuzz", "introduction": "Fuzz.",
  "questions": [
    {"id": "phase", "kind": "single_choice", "role": "demographic", "dimension": "phase",
     "text": "Phase?", "options": [{"id": "primary", "text": "Primary"}, {"id": "secondary", "text": "Secondary"},
       {"id": "prefer_not_to_say", "text": "Prefer not to say", "non_substantive": "prefer_not_to_say"}]},
    {"id": "feelings", "kind": "multiple_choice", "text": "Feelings?",
     "options": [{"id": "happy", "text": "Happy"}, {"id": "calm", "text": "Calm"},
       {"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"}]},
    {"id": "happiness", "kind": "rating_0_10", "text": "Happy?",
     "options": [{"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"}]},
    {"id": "age", "kind": "number", "min": -5, "max": 120, "text": "Age?"},
    {"id": "understanding", "kind": "before_and_now", "text": "Understanding?", "before_label": "Before",
     "now_label": "Now", "options": [{"id": "dont_know", "text": "Don't know", "non_substantive": "dont_know"}]},
    {"id": "better", "kind": "short_text", "max_length": 60, "text": "Better?",
     "options": [{"id": "prefer_not_to_say", "text": "Prefer not to say", "non_substantive": "prefer_not_to_say"}]}
  ]})";

const yousaid::Survey& FuzzSurvey() {
    static const yousaid::Survey survey = [] {
        const yousaid::SurveyLoadResult result = yousaid::SurveyLoader::LoadFromText(kSurveyJson, "fuzz.json");
        Require(result.Ok());
        return *result.survey;
    }();
    return survey;
}

class ByteReader {
public:
    ByteReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    std::uint8_t Byte() { return position_ < size_ ? data_[position_++] : 0; }
    std::uint32_t Word() { return Byte() | (static_cast<std::uint32_t>(Byte()) << 8); }
    bool Empty() const { return position_ >= size_; }
    std::string Text(std::size_t max_length) {
        std::string text;
        const std::size_t length = Byte() % (max_length + 1);
        for (std::size_t index = 0; index < length && !Empty(); ++index) text.push_back(static_cast<char>(Byte()));
        return text;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t position_ = 0;
};

// A response built from fuzz bytes; free text is arbitrary bytes (even invalid UTF-8).
yousaid::Response MakeResponse(ByteReader& reader, std::uint32_t index) {
    using yousaid::Answer;
    yousaid::Response response;
    response.id = yousaid::ResponseId{0xF0220000ull + index, (static_cast<std::uint64_t>(reader.Word()) << 32) | index};
    response.survey_id = reader.Byte() % 8 == 0 ? reader.Text(12) : "fuzz";
    response.survey_version = reader.Byte() % 8 == 0 ? static_cast<std::int32_t>(reader.Word()) - 30000 : 2;
    response.wave = reader.Text(8);
    response.station_id = reader.Text(8);
    response.event_id = reader.Text(8);
    response.started_at_ms = static_cast<std::int64_t>(reader.Word()) * 1000003;
    response.submitted_at_ms = reader.Byte() % 2 == 0 ? 0 : response.started_at_ms + reader.Word();
    response.status = static_cast<yousaid::ResponseStatus>(reader.Byte() % 3);
    response.answer_mode = static_cast<yousaid::AnswerMode>(reader.Byte() % 4);
    response.language = reader.Byte() % 2 == 0 ? "en" : reader.Text(5);
    const std::uint8_t answers = reader.Byte();
    if (answers & 1) response.answers["phase"] = Answer::Choice(reader.Byte() % 2 ? "primary" : reader.Text(10));
    if (answers & 2) response.answers["feelings"] = Answer::Choices({"happy", reader.Text(6)});
    if (answers & 4) response.answers["happiness"] = Answer::Integer(static_cast<std::int32_t>(reader.Word()) - 100);
    if (answers & 8) response.answers["age"] = reader.Byte() % 4 == 0 ? Answer::Skipped() : Answer::Integer(reader.Byte());
    if (answers & 16) response.answers["understanding"] = Answer::BeforeAndNow(reader.Byte() % 12, reader.Byte() % 12);
    if (answers & 32) response.answers["better"] = Answer::Text(reader.Text(40));
    if (answers & 64) response.answers[reader.Text(6)] = Answer::Choice(reader.Text(4));
    return response;
}

std::vector<yousaid::Response> MakeResponses(ByteReader& reader) {
    std::vector<yousaid::Response> responses;
    const std::uint32_t count = reader.Byte() % 6;
    for (std::uint32_t index = 0; index < count; ++index) responses.push_back(MakeResponse(reader, index));
    return responses;
}

void CheckRefusal(const yousaid::TransferReadResult& read) {
    if (read.ok()) return;
    Require(read.problem != yousaid::TransferProblem::kNone);
    Require(!read.Message().empty());
    Require(read.responses.empty());
}

void FuzzRawFile(std::string_view bytes) {
    const yousaid::TransferReadResult transfer = yousaid::ReadTransferFile(bytes, "fuzz.yousaid");
    CheckRefusal(transfer);
    if (transfer.ok()) {
        // A file that reads must have been written exactly so (the checksums saw to that).
        const yousaid::TransferReadResult again = yousaid::ReadTransferFile(
            yousaid::WriteTransferFile({transfer.header.station_id, transfer.header.event_id,
                                        transfer.header.exported_at_ms},
                                       transfer.responses),
            "again.yousaid");
        Require(again.ok() && again.responses == transfer.responses);
    }
    const yousaid::TransferReadResult json = yousaid::ReadResponsesJson(bytes, "fuzz.json");
    CheckRefusal(json);
    const std::vector<yousaid::Survey> surveys = {FuzzSurvey()};
    for (const char* name : {"fuzz.csv", "fuzz.yousaid", "fuzz"}) {
        const yousaid::LoadedResponses loaded = yousaid::LoadResponsesFromBytes(bytes, name, surveys);
        if (!loaded.ok()) {
            Require(!loaded.problems.empty() && !loaded.Message().empty() && loaded.responses.empty());
            continue;
        }
        for (const yousaid::Response& response : loaded.responses) {
            Require(yousaid::CheckResponse(FuzzSurvey(), response).empty());
        }
    }
    const yousaid::ResponseCsvReadResult csv = yousaid::ReadResponsesCsv(bytes, FuzzSurvey());
    if (!csv.ok) {
        Require(csv.responses.empty() && (!csv.problems.empty()));
    } else {
        const yousaid::ResponseCsvReadResult again =
            yousaid::ReadResponsesCsv(yousaid::WriteResponsesCsv(FuzzSurvey(), csv.responses), FuzzSurvey());
        Require(again.ok && again.responses == csv.responses);
    }
    const auto time = yousaid::ParseIso8601Utc(bytes, true);
    if (time && yousaid::IsPlausibleTime(*time)) {
        Require(yousaid::ParseIso8601Utc(yousaid::FormatIso8601Utc(*time)) == *time);
    }
}

void FuzzAccident(ByteReader& reader) {
    const std::vector<yousaid::Response> responses = MakeResponses(reader);
    const std::string file = yousaid::WriteTransferFile({"tablet", "event", 1773504131000}, responses);
    const yousaid::TransferReadResult intact = yousaid::ReadTransferFile(file, "intact.yousaid");
    Require(intact.ok() && intact.responses == responses);

    const std::uint8_t kind = reader.Byte() % 3;
    const std::size_t position = (static_cast<std::size_t>(reader.Word()) << 8 | reader.Byte()) % file.size();
    std::string damaged = file;
    if (kind == 0) {
        damaged.resize(position);
        const yousaid::TransferReadResult read = yousaid::ReadTransferFile(damaged, "cut.yousaid");
        Require(!read.ok() && read.problem == yousaid::TransferProblem::kCutShort);
        return;
    }
    if (kind == 1) {
        const std::uint8_t mask = static_cast<std::uint8_t>(reader.Byte() | 1);
        damaged[position] = static_cast<char>(damaged[position] ^ mask);
        const yousaid::TransferReadResult read = yousaid::ReadTransferFile(damaged, "flip.yousaid");
        Require(!read.ok());
        Require(read.problem == (position < 16 ? yousaid::TransferProblem::kNotATransferFile
                                               : yousaid::TransferProblem::kDamaged));
        return;
    }
    // A faulty writer: bytes after the fixed header changed, the checksums made to match.
    for (std::size_t edit = 0; edit < 4 && !reader.Empty(); ++edit) {
        const std::size_t at = yousaid::kTransferFixedHeaderBytes +
                               (static_cast<std::size_t>(reader.Word()) % (file.size() - yousaid::kTransferFixedHeaderBytes - 4));
        damaged[at] = static_cast<char>(reader.Byte());
    }
    const std::uint32_t crc = yousaid::ComputeCrc32(damaged.data(), damaged.size() - 4);
    for (std::size_t index = 0; index < 4; ++index) {
        damaged[damaged.size() - 4 + index] = static_cast<char>((crc >> (8 * index)) & 0xFF);
    }
    const yousaid::TransferReadResult read = yousaid::ReadTransferFile(damaged, "forged.yousaid");
    CheckRefusal(read);
    if (read.ok()) Require(read.responses.size() + read.unreadable.size() == read.header.response_count);
}

void FuzzRoundTrips(ByteReader& reader) {
    const std::vector<yousaid::Response> responses = MakeResponses(reader);
    const yousaid::TransferExportSettings settings{"tablet", "event", 1773504131000};
    const yousaid::TransferReadResult transfer =
        yousaid::ReadTransferFile(yousaid::WriteTransferFile(settings, responses), "t.yousaid");
    Require(transfer.ok() && transfer.responses == responses);

    // JSON keeps everything that is valid UTF-8 with plausible times.
    const yousaid::TransferReadResult json = yousaid::ReadResponsesJson(yousaid::WriteResponsesJson(settings, responses), "t.json");
    Require(json.ok());
    Require(json.responses.size() + json.unreadable.size() == responses.size());

    // CSV keeps every response that is valid for the survey (which is all CSV can hold).
    std::vector<yousaid::Response> valid;
    for (const yousaid::Response& response : responses) {
        if (yousaid::CheckResponse(FuzzSurvey(), response).empty() && yousaid::IsPlausibleTime(response.started_at_ms) &&
            yousaid::IsPlausibleTime(response.submitted_at_ms)) {
            valid.push_back(response);
        }
    }
    const yousaid::ResponseCsvReadResult csv =
        yousaid::ReadResponsesCsv(yousaid::WriteResponsesCsv(FuzzSurvey(), valid), FuzzSurvey());
    if (!csv.ok) return;  // free text of arbitrary bytes may not be valid UTF-8; that is refused
    Require(csv.responses.size() == valid.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    ByteReader reader(data + 1, size - 1);
    switch (data[0] % 3) {
        case 0:
            FuzzRawFile(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
            break;
        case 1:
            FuzzAccident(reader);
            break;
        default:
            FuzzRoundTrips(reader);
            break;
    }
    return 0;
}
