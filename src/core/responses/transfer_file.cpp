// cereal's json.hpp first, so RapidJSON is configured here exactly as everywhere else in the
// program (its assertions throw instead of aborting); see survey_loader.cpp.
#include "core/io/json_document.h"


#include "core/responses/transfer_file.h"
#include "core/io/little_endian.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <limits>
#include <memory>
#include <set>
#include <utility>

#include "core/base/build_info.h"
#include "core/base/calendar.h"
#include "core/base/enum_names.h"
#include "core/io/checked_portable_binary.h"
#include "core/crypto/base64.h"
#include "core/crypto/crc32.h"
#include "core/base/utf8.h"

namespace yousaid {

namespace {

TransferHeader MakeHeader(const TransferExportSettings& settings, const std::vector<Response>& responses) {
    TransferHeader header;
    header.station_id = settings.station_id;
    header.event_id = settings.event_id;
    header.exported_at_ms = settings.exported_at_ms;
    header.app_version = kAppVersion;
    header.build_target = BuildTarget();
    header.counts = CountResponses(responses);
    header.response_count = static_cast<std::uint32_t>(responses.size());
    return header;
}

TransferReadResult Reject(const std::string& file_name, TransferProblem problem, const std::string& why) {
    TransferReadResult result;
    result.problem = problem;
    result.problems.push_back(Problem{file_name, 0, "", "", why});
    return result;
}


// --- civil time -----------------------------------------------------------------------------

// Reads exactly `count` ASCII digits at `position`.
bool ReadDigits(std::string_view text, std::size_t position, std::size_t count, std::int64_t& value) {
    if (position + count > text.size()) return false;
    value = 0;
    for (std::size_t index = position; index < position + count; ++index) {
        if (text[index] < '0' || text[index] > '9') return false;
        value = value * 10 + (text[index] - '0');
    }
    return true;
}

constexpr std::int64_t kLatestPlausibleMs = 253402300799999;  // 9999-12-31T23:59:59.999Z

// --- JSON writing -----------------------------------------------------------------------------

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void WriteString(JsonWriter& writer, std::string_view text) {
    // Invalid UTF-8 would make the JSON unreadable; a response should never hold any (answers
    // are checked), but a file must stay valid whatever it carries.
    const std::string clean = ReplaceInvalidUtf8(text);
    writer.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void WriteKey(JsonWriter& writer, const char* key) { writer.Key(key); }

void WriteTime(JsonWriter& writer, std::int64_t milliseconds) {
    // 0 means "not known" (a baseline from a spreadsheet) or "not submitted".
    if (milliseconds == 0 || !IsPlausibleTime(milliseconds)) {
        writer.Null();
    } else {
        WriteString(writer, FormatIso8601Utc(milliseconds));
    }
}

void WriteAnswer(JsonWriter& writer, const Answer& answer) {
    writer.StartObject();
    WriteKey(writer, "kind");
    WriteString(writer, AnswerKindName(answer.kind));
    switch (answer.kind) {
        case AnswerKind::kSkipped:
            break;
        case AnswerKind::kOption:
            WriteKey(writer, "option_id");
            WriteString(writer, answer.option_id);
            break;
        case AnswerKind::kOptions:
            WriteKey(writer, "option_ids");
            writer.StartArray();
            for (const std::string& option_id : answer.option_ids) WriteString(writer, option_id);
            writer.EndArray();
            break;
        case AnswerKind::kInteger:
            WriteKey(writer, "value");
            writer.Int(answer.value);
            break;
        case AnswerKind::kText:
            WriteKey(writer, "text");
            WriteString(writer, answer.text);
            break;
        case AnswerKind::kBeforeAndNow:
            WriteKey(writer, "before");
            writer.Int(answer.before);
            WriteKey(writer, "now");
            writer.Int(answer.now);
            break;
    }
    writer.EndObject();
}

void WriteResponse(JsonWriter& writer, const Response& response) {
    writer.StartObject();
    WriteKey(writer, "id");
    WriteString(writer, response.id.ToHex());
    WriteKey(writer, "survey_id");
    WriteString(writer, response.survey_id);
    WriteKey(writer, "survey_version");
    writer.Int(response.survey_version);
    WriteKey(writer, "wave");
    WriteString(writer, response.wave);
    WriteKey(writer, "station_id");
    WriteString(writer, response.station_id);
    WriteKey(writer, "event_id");
    WriteString(writer, response.event_id);
    WriteKey(writer, "started_at");
    WriteTime(writer, response.started_at_ms);
    WriteKey(writer, "submitted_at");
    WriteTime(writer, response.submitted_at_ms);
    WriteKey(writer, "status");
    WriteString(writer, ResponseStatusName(response.status));
    WriteKey(writer, "answer_mode");
    WriteString(writer, AnswerModeName(response.answer_mode));
    WriteKey(writer, "language");
    WriteString(writer, response.language);
    WriteKey(writer, "answers");
    writer.StartObject();
    for (const auto& [question_id, answer] : response.answers) {
        WriteString(writer, question_id);
        WriteAnswer(writer, answer);
    }
    writer.EndObject();
    if (response.IsSealed()) {
        WriteKey(writer, "sealed");
        WriteString(writer, Base64(response.sealed));
    }
    writer.EndObject();
}

// --- JSON reading ------------------------------------------------------------------------------

using JsonValue = rapidjson::Value;

// Thrown for one response entry that cannot be read; carries the JSON path.
struct JsonFieldError {
    std::string path;
    std::string message;
};

const JsonValue& Member(const JsonValue& object, const char* key, const std::string& path) {
    const auto found = object.FindMember(key);
    if (found == object.MemberEnd()) throw JsonFieldError{path + "." + key, "missing"};
    return found->value;
}

std::string StringMember(const JsonValue& object, const char* key, const std::string& path) {
    const JsonValue& value = Member(object, key, path);
    if (!value.IsString()) throw JsonFieldError{path + "." + key, "should be a string"};
    return std::string(value.GetString(), value.GetStringLength());
}

std::int32_t IntMember(const JsonValue& object, const char* key, const std::string& path) {
    const JsonValue& value = Member(object, key, path);
    if (!value.IsInt()) throw JsonFieldError{path + "." + key, "should be a whole number"};
    return value.GetInt();
}

std::int64_t TimeMember(const JsonValue& object, const char* key, const std::string& path) {
    const JsonValue& value = Member(object, key, path);
    if (value.IsNull()) return 0;
    if (!value.IsString()) throw JsonFieldError{path + "." + key, "should be an ISO 8601 UTC time or null"};
    const auto parsed = ParseIso8601Utc(std::string_view(value.GetString(), value.GetStringLength()));
    if (!parsed) throw JsonFieldError{path + "." + key, "is not an ISO 8601 UTC time such as 2026-03-14T09:26:53.589Z"};
    return *parsed;
}

Answer ReadJsonAnswer(const JsonValue& value, const std::string& path) {
    if (!value.IsObject()) throw JsonFieldError{path, "should be an object"};
    const std::string kind_name = StringMember(value, "kind", path);
    const auto kind = ParseAnswerKind(kind_name);
    if (!kind) throw JsonFieldError{path + ".kind", "unknown answer kind '" + kind_name + "'"};
    switch (*kind) {
        case AnswerKind::kSkipped:
            return Answer::Skipped();
        case AnswerKind::kOption:
            return Answer::Choice(StringMember(value, "option_id", path));
        case AnswerKind::kOptions: {
            const JsonValue& list = Member(value, "option_ids", path);
            if (!list.IsArray()) throw JsonFieldError{path + ".option_ids", "should be a list"};
            std::set<std::string> option_ids;
            for (rapidjson::SizeType index = 0; index < list.Size(); ++index) {
                if (!list[index].IsString()) {
                    throw JsonFieldError{path + ".option_ids[" + std::to_string(index) + "]", "should be a string"};
                }
                option_ids.emplace(list[index].GetString(), list[index].GetStringLength());
            }
            return Answer::Choices(std::move(option_ids));
        }
        case AnswerKind::kInteger:
            return Answer::Integer(IntMember(value, "value", path));
        case AnswerKind::kText:
            return Answer::Text(StringMember(value, "text", path));
        case AnswerKind::kBeforeAndNow:
            return Answer::BeforeAndNow(IntMember(value, "before", path), IntMember(value, "now", path));
    }
    throw JsonFieldError{path + ".kind", "unknown answer kind"};
}

Response ReadJsonResponse(const JsonValue& value, const std::string& path) {
    if (!value.IsObject()) throw JsonFieldError{path, "should be an object"};
    Response response;
    const std::string id_hex = StringMember(value, "id", path);
    const auto id = ResponseId::FromHex(id_hex);
    if (!id) throw JsonFieldError{path + ".id", "'" + id_hex + "' is not 32 hex digits"};
    response.id = *id;
    response.survey_id = StringMember(value, "survey_id", path);
    response.survey_version = IntMember(value, "survey_version", path);
    response.wave = StringMember(value, "wave", path);
    response.station_id = StringMember(value, "station_id", path);
    response.event_id = StringMember(value, "event_id", path);
    response.started_at_ms = TimeMember(value, "started_at", path);
    response.submitted_at_ms = TimeMember(value, "submitted_at", path);
    const std::string status = StringMember(value, "status", path);
    const auto parsed_status = ParseResponseStatus(status);
    if (!parsed_status) throw JsonFieldError{path + ".status", "unknown status '" + status + "'"};
    response.status = *parsed_status;
    const std::string mode = StringMember(value, "answer_mode", path);
    const auto parsed_mode = ParseAnswerMode(mode);
    if (!parsed_mode) throw JsonFieldError{path + ".answer_mode", "unknown answer mode '" + mode + "'"};
    response.answer_mode = *parsed_mode;
    response.language = StringMember(value, "language", path);
    const JsonValue& answers = Member(value, "answers", path);
    if (!answers.IsObject()) throw JsonFieldError{path + ".answers", "should be an object"};
    for (auto member = answers.MemberBegin(); member != answers.MemberEnd(); ++member) {
        std::string question_id(member->name.GetString(), member->name.GetStringLength());
        const std::string answer_path = path + ".answers." + question_id;
        if (response.answers.count(question_id) != 0) throw JsonFieldError{answer_path, "appears twice"};
        response.answers.emplace(std::move(question_id), ReadJsonAnswer(member->value, answer_path));
    }
    const auto sealed = value.FindMember("sealed");
    if (sealed != value.MemberEnd()) {
        std::optional<std::string> bytes;
        if (sealed->value.IsString()) {
            bytes = FromBase64(std::string_view(sealed->value.GetString(), sealed->value.GetStringLength()),
                               kMaxSealedResponseBytes);
        }
        if (!bytes || bytes->empty()) throw JsonFieldError{path + ".sealed", "should be the sealed answers in base64"};
        if (!response.language.empty() || !response.answers.empty()) {
            throw JsonFieldError{path + ".sealed", "a sealed response shows no language or answers"};
        }
        response.sealed = std::move(*bytes);
    }
    return response;
}

std::string Describe(const JsonFieldError& error) { return error.path + ": " + error.message; }

}  // namespace

namespace {

constexpr EnumNames<TransferProblem, 7> kTransferProblemNames{{
    {TransferProblem::kNone, "none"},
    {TransferProblem::kCutShort, "cut short"},
    {TransferProblem::kNotATransferFile, "not a transfer file"},
    {TransferProblem::kNewerVersion, "newer version"},
    {TransferProblem::kDamaged, "damaged"},
    {TransferProblem::kTooBig, "too big"},
    {TransferProblem::kCannotRead, "cannot read"},
}};

}  // namespace

// The names are string literals, so data() ends in a NUL.
const char* TransferProblemName(TransferProblem problem) { return NameOf(kTransferProblemNames, problem).data(); }

bool IsPlausibleTime(std::int64_t milliseconds_since_epoch) {
    return milliseconds_since_epoch >= 0 && milliseconds_since_epoch <= kLatestPlausibleMs;
}

std::optional<std::int64_t> ParseIso8601Utc(std::string_view text, bool allow_date_only) {
    const std::optional<CalendarDate> date = CalendarDate::FromIso(text.substr(0, 10));
    if (!date) return std::nullopt;
    const std::int64_t days = date->DaysSinceEpoch();
    std::int64_t hour = 0, minute = 0, second = 0, millis = 0;
    if (text.size() == 10) {
        if (!allow_date_only) return std::nullopt;
        return days * 86400000;
    }
    if (text.size() < 20 || text[10] != 'T' || !ReadDigits(text, 11, 2, hour) || text[13] != ':' ||
        !ReadDigits(text, 14, 2, minute) || text[16] != ':' || !ReadDigits(text, 17, 2, second)) {
        return std::nullopt;
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    std::size_t position = 19;
    if (text[position] == '.') {
        ++position;
        std::size_t digits = 0;
        std::int64_t fraction = 0;
        while (position < text.size() && text[position] >= '0' && text[position] <= '9' && digits < 3) {
            fraction = fraction * 10 + (text[position] - '0');
            ++position;
            ++digits;
        }
        if (digits == 0) return std::nullopt;
        while (digits < 3) {
            fraction *= 10;
            ++digits;
        }
        millis = fraction;
    }
    if (position + 1 != text.size() || text[position] != 'Z') return std::nullopt;
    return days * 86400000 + hour * 3600000 + minute * 60000 + second * 1000 + millis;
}

std::string WriteTransferFile(const TransferExportSettings& settings, const std::vector<Response>& responses) {
    const std::string summary = SavePortableBinary(MakeHeader(settings, responses));
    std::string body;
    AppendU32(body, static_cast<std::uint32_t>(summary.size()));
    body += summary;
    for (const Response& response : responses) {
        const std::string payload = SavePortableBinary(response);
        AppendU32(body, static_cast<std::uint32_t>(payload.size()));
        body += payload;
    }
    const std::uint64_t total = kTransferFixedHeaderBytes + body.size() + 4;

    std::string file(kTransferMagic);
    AppendU32(file, kTransferFormatVersion);
    AppendU32(file, 0);  // flags: none in version 1
    AppendU64(file, total);
    AppendU32(file, ComputeCrc32(file));
    file += body;
    AppendU32(file, ComputeCrc32(file));
    return file;
}

bool LooksLikeTransferFile(std::string_view bytes) {
    const std::size_t compared = std::min(bytes.size(), kTransferMagic.size());
    return compared > 0 && bytes.substr(0, compared) == kTransferMagic.substr(0, compared);
}

namespace {

constexpr const char* kGetAgain = "; download it again or export it from the tablet again";

// The envelope every version shares: magic, header checksum, version and length (the checksum
// over everything is TransferReading's first slices). Returns the offset of that final
// checksum (where the body ends), or nullopt with `rejected` saying why the file cannot be
// read.
std::optional<std::size_t> CheckTransferEnvelope(std::string_view bytes, const std::string& file_name,
                                                 TransferReadResult& rejected) {
    const std::uint64_t size = bytes.size();
    if (size == 0) {
        rejected = Reject(file_name, TransferProblem::kCutShort, std::string("the file is cut short: it is empty") + kGetAgain);
        return std::nullopt;
    }
    if (!LooksLikeTransferFile(bytes)) {
        if (bytes.substr(0, 6) == std::string_view("YSLOG\0", 6)) {
            rejected = Reject(file_name, TransferProblem::kNotATransferFile,
                          "this is a tablet's response store, not a transfer file; export a transfer file "
                          "from the station screen instead");
            return std::nullopt;
        }
        rejected = Reject(file_name, TransferProblem::kNotATransferFile,
                      "this is not a Yousaid transfer file (it does not start with YOUSAID-TRANSFER)");
        return std::nullopt;
    }
    if (size < kTransferFixedHeaderBytes) {
        rejected = Reject(file_name, TransferProblem::kCutShort,
                      "the file is cut short: only " + FormatCount(size) + " bytes, not even its header" + kGetAgain);
        return std::nullopt;
    }
    if (ComputeCrc32(bytes.data(), 32) != ReadU32(bytes, 32)) {
        rejected = Reject(file_name, TransferProblem::kDamaged,
                      std::string("the file is damaged: its header does not match its checksum") + kGetAgain);
        return std::nullopt;
    }
    // Bytes 0-35 mean the same in every version, so the version can be trusted from here on.
    const std::uint32_t version = ReadU32(bytes, 16);
    const std::uint32_t flags = ReadU32(bytes, 20);
    if (version > kTransferFormatVersion || (version == kTransferFormatVersion && flags != 0)) {
        rejected = Reject(file_name, TransferProblem::kNewerVersion,
                      "the file was made by a newer version of Yousaid (transfer format " + std::to_string(version) +
                          (flags != 0 ? " with new features" : "") + "; this version reads format " +
                          std::to_string(kTransferFormatVersion) + "); update Yousaid and load it again");
        return std::nullopt;
    }
    if (version == 0) {
        rejected = Reject(file_name, TransferProblem::kDamaged, "the file is damaged: its format version is 0");
        return std::nullopt;
    }
    const std::uint64_t declared = ReadU64(bytes, 24);
    if (declared < kTransferMinimumBytes || declared > kMaxTransferFileBytes) {
        rejected = Reject(file_name, TransferProblem::kDamaged,
                      "the file is damaged: its header gives an impossible length of " + FormatCount(declared) +
                          " bytes" + kGetAgain);
        return std::nullopt;
    }
    if (size < declared) {
        rejected = Reject(file_name, TransferProblem::kCutShort,
                      "the file is cut short: " + FormatCount(size) + " of " + FormatCount(declared) + " bytes" +
                          kGetAgain);
        return std::nullopt;
    }
    if (size > declared) {
        rejected = Reject(file_name, TransferProblem::kDamaged,
                      "the file is damaged: it has " + FormatCount(size - declared) + " bytes more than the " +
                          FormatCount(declared) + " it should have" + kGetAgain);
        return std::nullopt;
    }
    return static_cast<std::size_t>(declared - 4);
}

}  // namespace

Problem UnreadableResponse(std::uint32_t position, std::string message) {
    Problem problem;
    problem.path = "response " + std::to_string(position);
    problem.message = std::move(message);
    return problem;
}

TransferReadResult ReadTransferFile(std::string_view bytes, const std::string& file_name) {
    return KeepingResponses([&](const ResponseVisitor& visit) { return ReadTransferFile(bytes, file_name, visit); });
}

// The transfer file's responses, after its envelope and summary: one length-prefixed
// payload each, read a slice at a time.
struct TransferReading::BinaryBody {
    std::size_t crc_offset = 0;
    // The checksum over everything before it, worked out a slice per Step before anything is
    // read: 155 MB in one go held a page for 0.7 s.
    Crc32 crc;
    std::size_t checked = 0;
    std::size_t cursor = 0;
    std::uint32_t position = 0;  // responses read so far

    bool NextPayload(std::string_view bytes, std::string_view& payload) {
        if (crc_offset - cursor < 4) return false;
        const std::uint32_t length = ReadU32(bytes, cursor);
        cursor += 4;
        if (crc_offset - cursor < length) return false;
        payload = bytes.substr(cursor, length);
        cursor += length;
        return true;
    }
};

void TransferReading::BeginTransferFile() {
    const std::optional<std::size_t> body_end = CheckTransferEnvelope(bytes_, file_name_, result_);
    if (!body_end) {
        done_ = true;
        return;
    }
    binary_ = std::make_unique<BinaryBody>();
    binary_->crc_offset = *body_end;
    binary_->cursor = kTransferFixedHeaderBytes;
    result_.format_version = ReadU32(bytes_, 16);
}

// Once the whole checksum is worked out and matches, the summary is read.
void TransferReading::ChecksumSlice(std::size_t count) {
    BinaryBody& body = *binary_;
    constexpr std::size_t kBytesPerResponse = 2048;
    const std::size_t budget = count > body.crc_offset / kBytesPerResponse ? body.crc_offset : count * kBytesPerResponse;
    const std::size_t slice = std::min(body.crc_offset - body.checked, std::max<std::size_t>(budget, 1));
    body.crc.Update(bytes_.data() + body.checked, slice);
    body.checked += slice;
    if (body.checked < body.crc_offset) return;
    if (body.crc.Value() != ReadU32(bytes_, body.crc_offset)) {
        return Damaged(std::string("its content does not match its checksum, so some bytes changed after it was made") +
                       kGetAgain);
    }
    std::string_view payload;
    if (!body.NextPayload(bytes_, payload)) return Damaged("its summary runs past the end of the file");
    try {
        LoadPortableBinary(payload, result_.header);
    } catch (const std::exception& error) {
        const std::string what = error.what();
        if (what.find("newer version") != std::string::npos) {
            return Refuse(TransferProblem::kNewerVersion,
                          "the file was made by a newer version of Yousaid (" + what + "); update Yousaid and load it again");
        }
        Damaged("its summary cannot be read (" + what + ")");
    }
}

// From here on the bytes are exactly what the writer wrote (the checksum matched); anything
// wrong now means the writer was faulty (or the file was forged), and the file is refused
// as a whole.
void TransferReading::StepTransferFile(std::size_t count, const ResponseVisitor& visit) {
    BinaryBody& body = *binary_;
    if (body.checked < body.crc_offset) return ChecksumSlice(count);
    const std::uint32_t listed = result_.header.response_count;
    for (std::size_t read = 0; read < count && body.position < listed; ++read) {
        std::string_view payload;
        if (!body.NextPayload(bytes_, payload)) {
            return Damaged("the summary lists " + FormatCount(listed) + " responses but the file ends after " +
                           FormatCount(body.position));
        }
        ++body.position;
        Response response;
        try {
            LoadPortableBinary(payload, response);
        } catch (const std::exception& error) {
            // One unreadable response (typically from a newer version) does not spoil the rest.
            result_.unreadable.push_back(UnreadableResponse(body.position, error.what()));
            continue;
        }
        counter_.Count(response);
        visit(std::move(response));
    }
    if (body.position < listed) return;
    done_ = true;
    if (body.cursor != body.crc_offset) {
        return Damaged("it holds more than the " + FormatCount(listed) + " responses its summary lists");
    }
    if (result_.unreadable.empty() && counter_.Counts() != result_.header.counts) {
        return Damaged("its summary of counts by survey does not match the responses it holds");
    }
}

void TransferReading::Refuse(TransferProblem problem, const std::string& why) {
    done_ = true;
    result_ = Reject(file_name_, problem, why);
}

void TransferReading::Damaged(const std::string& why) { Refuse(TransferProblem::kDamaged, "the file is damaged: " + why); }

std::string WriteResponsesJson(const TransferExportSettings& settings, const std::vector<Response>& responses) {
    const TransferHeader header = MakeHeader(settings, responses);
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.SetIndent(' ', 2);
    writer.StartObject();
    WriteKey(writer, "format");
    WriteString(writer, kResponsesJsonFormat);
    WriteKey(writer, "format_version");
    // Files without sealed responses stay readable by versions before sealing.
    const bool any_sealed =
        std::any_of(responses.begin(), responses.end(), [](const Response& response) { return response.IsSealed(); });
    writer.Int(any_sealed ? kResponsesJsonFormatVersion : 1);
    WriteKey(writer, "station_id");
    WriteString(writer, header.station_id);
    WriteKey(writer, "event_id");
    WriteString(writer, header.event_id);
    WriteKey(writer, "exported_at");
    WriteTime(writer, header.exported_at_ms);
    WriteKey(writer, "app_version");
    WriteString(writer, header.app_version);
    WriteKey(writer, "build_target");
    WriteString(writer, header.build_target);
    WriteKey(writer, "counts");
    writer.StartArray();
    for (const ResponseCount& count : header.counts) {
        writer.StartObject();
        WriteKey(writer, "survey_id");
        WriteString(writer, count.survey_id);
        WriteKey(writer, "survey_version");
        writer.Int(count.survey_version);
        WriteKey(writer, "complete");
        writer.Uint(count.complete);
        WriteKey(writer, "partial");
        writer.Uint(count.partial);
        WriteKey(writer, "refused");
        writer.Uint(count.refused);
        WriteKey(writer, "total");
        writer.Uint(count.Total());
        writer.EndObject();
    }
    writer.EndArray();
    WriteKey(writer, "response_count");
    writer.Uint(header.response_count);
    WriteKey(writer, "responses");
    writer.StartArray();
    for (const Response& response : responses) WriteResponse(writer, response);
    writer.EndArray();
    writer.EndObject();
    std::string text(buffer.GetString(), buffer.GetSize());
    text += '\n';
    return text;
}

TransferReadResult ReadResponsesJson(std::string_view text, const std::string& file_name) {
    return KeepingResponses([&](const ResponseVisitor& visit) { return ReadResponsesJson(text, file_name, visit); });
}

// The JSON export, parsed whole; its responses are then read a slice at a time.
struct TransferReading::JsonBody {
    rapidjson::Document document;
    const JsonValue* list = nullptr;
    rapidjson::SizeType index = 0;
};

void TransferReading::BeginJson() {
    json_ = std::make_unique<JsonBody>();
    rapidjson::Document& document = json_->document;
    ParseJson(document, bytes_);
    if (document.HasParseError()) {
        return Refuse(TransferProblem::kDamaged,
                      "this is not readable JSON (" + std::string(rapidjson::GetParseError_En(document.GetParseError())) +
                          " at byte " + FormatCount(document.GetErrorOffset()) + ")");
    }
    const auto not_ours = [&](const std::string& why) {
        Refuse(TransferProblem::kNotATransferFile, "this is not a Yousaid responses export (" + why + ")");
    };
    if (!document.IsObject()) return not_ours("it is not a JSON object");
    const auto format = document.FindMember("format");
    if (format == document.MemberEnd() || !format->value.IsString() ||
        std::string_view(format->value.GetString(), format->value.GetStringLength()) != kResponsesJsonFormat) {
        return not_ours("\"format\" is not \"yousaid-responses\"");
    }
    const auto version = document.FindMember("format_version");
    if (version == document.MemberEnd() || !version->value.IsInt() || version->value.GetInt() < 1) {
        return not_ours("\"format_version\" is missing or not a positive whole number");
    }
    if (version->value.GetInt() > kResponsesJsonFormatVersion) {
        return Refuse(TransferProblem::kNewerVersion,
                      "the file was made by a newer version of Yousaid (JSON format " +
                          std::to_string(version->value.GetInt()) + "; this version reads format " +
                          std::to_string(kResponsesJsonFormatVersion) + "); update Yousaid and load it again");
    }
    result_.format_version = static_cast<std::uint32_t>(version->value.GetInt());
    try {
        result_.header.station_id = StringMember(document, "station_id", "");
        result_.header.event_id = StringMember(document, "event_id", "");
        result_.header.exported_at_ms = TimeMember(document, "exported_at", "");
        result_.header.app_version = StringMember(document, "app_version", "");
        const auto target = document.FindMember("build_target");
        if (target != document.MemberEnd() && target->value.IsString()) {
            result_.header.build_target.assign(target->value.GetString(), target->value.GetStringLength());
        }
    } catch (const JsonFieldError& error) {
        return Damaged(Describe(error));
    }
    const auto responses = document.FindMember("responses");
    if (responses == document.MemberEnd() || !responses->value.IsArray()) {
        return Damaged("\"responses\" is missing or not a list");
    }
    json_->list = &responses->value;
}

void TransferReading::StepJson(std::size_t count, const ResponseVisitor& visit) {
    JsonBody& body = *json_;
    const JsonValue& list = *body.list;
    for (std::size_t read = 0; read < count && body.index < list.Size(); ++read, ++body.index) {
        try {
            Response response = ReadJsonResponse(list[body.index], "responses[" + std::to_string(body.index) + "]");
            counter_.Count(response);
            visit(std::move(response));
        } catch (const JsonFieldError& error) {
            result_.unreadable.push_back(UnreadableResponse(static_cast<std::uint32_t>(body.index + 1), Describe(error)));
        }
    }
    if (body.index < list.Size()) return;
    done_ = true;
    result_.header.response_count = list.Size();
    result_.header.counts = counter_.Counts();
    const auto declared = body.document.FindMember("response_count");
    if (declared != body.document.MemberEnd() && declared->value.IsUint() && declared->value.GetUint() != list.Size()) {
        Damaged("it says it holds " + FormatCount(declared->value.GetUint()) + " responses but lists " +
                FormatCount(list.Size()));
    }
}

TransferReading::TransferReading(Format format, std::string_view bytes, std::string file_name)
    : format_(format), bytes_(bytes), file_name_(std::move(file_name)) {
    if (format_ == Format::kTransferFile) {
        BeginTransferFile();
    } else {
        BeginJson();
    }
}

TransferReading::~TransferReading() = default;
TransferReading::TransferReading(TransferReading&&) noexcept = default;
TransferReading& TransferReading::operator=(TransferReading&&) noexcept = default;

bool TransferReading::Step(std::size_t count, const ResponseVisitor& visit) {
    if (done_) return true;
    if (format_ == Format::kTransferFile) {
        StepTransferFile(count, visit);
    } else {
        StepJson(count, visit);
    }
    return done_;
}

double TransferReading::Progress() const {
    if (done_) return 1.0;
    if (binary_ && binary_->crc_offset > 0) {
        // The checksum is a fifth of the work; reading, the rest.
        const double whole = static_cast<double>(binary_->crc_offset);
        return 0.2 * static_cast<double>(binary_->checked) / whole + 0.8 * static_cast<double>(binary_->cursor) / whole;
    }
    if (json_ && json_->list != nullptr && json_->list->Size() > 0) {
        return static_cast<double>(json_->index) / static_cast<double>(json_->list->Size());
    }
    return 0.0;
}

TransferReadResult TransferReading::Finish() {
    done_ = true;
    json_.reset();
    binary_.reset();
    return std::move(result_);
}

namespace {

TransferReadResult ReadWhole(TransferReading::Format format, std::string_view bytes, const std::string& file_name,
                             const ResponseVisitor& visit) {
    TransferReading reading(format, bytes, file_name);
    while (!reading.Step(std::numeric_limits<std::size_t>::max(), visit)) {
    }
    return reading.Finish();
}

}  // namespace

TransferReadResult ReadTransferFile(std::string_view bytes, const std::string& file_name,
                                    const ResponseVisitor& visit) {
    return ReadWhole(TransferReading::Format::kTransferFile, bytes, file_name, visit);
}

TransferReadResult ReadResponsesJson(std::string_view text, const std::string& file_name,
                                     const ResponseVisitor& visit) {
    return ReadWhole(TransferReading::Format::kJson, text, file_name, visit);
}

std::string SuggestedTransferFileName(const std::string& station_id, std::int64_t exported_at_ms,
                                      std::string_view extension) {
    std::string name = "yousaid_";
    for (const char c : station_id) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_';
        name.push_back(plain ? c : '-');
    }
    if (station_id.empty()) name += "station";
    // "2026-03-14T16:02:11.000Z" -> "2026-03-14T160211Z": colons are not allowed on Windows.
    const std::string time = IsPlausibleTime(exported_at_ms) ? FormatIso8601Utc(exported_at_ms) : "0000-00-00T00:00:00";
    name += '_';
    name += time.substr(0, 10);
    name += 'T';
    name += time.substr(11, 2) + time.substr(14, 2) + time.substr(17, 2);
    name += 'Z';
    name += extension;
    return name;
}

}  // namespace yousaid
