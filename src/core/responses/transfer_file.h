#pragma once
// Transfer files: how responses travel from a tablet to the officer (docs/transfer-format.md).
//
// A transfer file is binary: a fixed 36-byte header (magic "YOUSAID-TRANSFER", format
// version, flags, total length, header CRC-32), a cereal PortableBinary summary (station,
// event, export time, counts by survey and status), each response as its own length-prefixed
// cereal PortableBinary payload, and a CRC-32 of everything before it. The stated length and
// the two checksums let the reader tell a download that was cut short from a damaged file
// and from a file made by a newer version, and say so in words an officer can act on.
//
// The same content can be written as JSON for other tools (Power BI, a spreadsheet, a
// script): option ids, numbers and texts as they are, times in ISO 8601 UTC, never NaN.
// Both formats read back through ReadTransferFile / ReadResponsesJson.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <cereal/types/vector.hpp>

#include "core/responses/response.h"
#include "core/responses/response_set.h"

#include "core/base/problem.h"

namespace yousaid {

// Exactly 16 bytes, no terminator in the file.
inline constexpr std::string_view kTransferMagic = "YOUSAID-TRANSFER";
// 2: responses may be sealed (Response's cereal version 2). Version 1 files still read.
inline constexpr std::uint32_t kTransferFormatVersion = 2;
inline constexpr std::uint32_t kTransferFixedHeaderBytes = 36;
// Fixed header, summary length, and the trailing CRC: the smallest possible file is bigger.
inline constexpr std::uint32_t kTransferMinimumBytes = kTransferFixedHeaderBytes + 4 + 4;
// Far more than a year of responses from one tablet; anything bigger is not ours.
inline constexpr std::uint64_t kMaxTransferFileBytes = 512ull * 1024ull * 1024ull;
inline constexpr std::string_view kResponsesJsonFormat = "yousaid-responses";
// 2: a response may be sealed ("sealed": base64, with no language or answers). An export
// without a sealed response is still written as version 1.
inline constexpr std::int32_t kResponsesJsonFormatVersion = 2;
// A sealed response is a few kilobytes; more than this is not one.
inline constexpr std::size_t kMaxSealedResponseBytes = 4u * 1024u * 1024u;
// The extension the app gives transfer files.
inline constexpr std::string_view kTransferFileExtension = ".yousaid";

// Who made the file and when; the responses are passed alongside.
struct TransferExportSettings {
    std::string station_id;
    std::string event_id;  // empty when not at an event
    std::int64_t exported_at_ms = 0;
};

// The summary at the front of a transfer file (and of the JSON export).
struct TransferHeader {
    std::string station_id;
    std::string event_id;
    std::int64_t exported_at_ms = 0;
    std::string app_version;   // the Yousaid version that wrote the file
    std::string build_target;  // "native" or "wasm32"
    std::vector<ResponseCount> counts;  // by survey id and version, each by status
    std::uint32_t response_count = 0;

    template <class Archive>
    void save(Archive& archive, const std::uint32_t /*version*/) const {
        archive(cereal::make_nvp("station_id", station_id), cereal::make_nvp("event_id", event_id),
                cereal::make_nvp("exported_at_ms", exported_at_ms), cereal::make_nvp("app_version", app_version),
                cereal::make_nvp("build_target", build_target), cereal::make_nvp("counts", counts),
                cereal::make_nvp("response_count", response_count));
    }

    template <class Archive>
    void load(Archive& archive, const std::uint32_t version) {
        if (version > kSerialVersion) {
            throw cereal::Exception("the file's summary was written by a newer version of Yousaid");
        }
        archive(cereal::make_nvp("station_id", station_id), cereal::make_nvp("event_id", event_id),
                cereal::make_nvp("exported_at_ms", exported_at_ms), cereal::make_nvp("app_version", app_version),
                cereal::make_nvp("build_target", build_target), cereal::make_nvp("counts", counts),
                cereal::make_nvp("response_count", response_count));
    }

    static constexpr std::uint32_t kSerialVersion = 1;
};

enum class TransferProblem {
    kNone,
    kCutShort,          // fewer bytes than the file says it has: an interrupted copy or download
    kNotATransferFile,  // wrong magic bytes: some other file
    kNewerVersion,      // made by a newer version of Yousaid
    kDamaged,           // checksum mismatch, bytes added, or content that cannot be read
    kTooBig,
    kCannotRead,        // the file could not be opened or read
};

const char* TransferProblemName(TransferProblem problem);

// One response in a file that could not be read on its own (the rest of the file is fine),
// e.g. a response written by a newer version of Yousaid: a Problem whose path is
// "response N", N counting from 1 in the file's order.
Problem UnreadableResponse(std::uint32_t position, std::string message);

struct TransferReadResult {
    TransferProblem problem = TransferProblem::kNone;
    // Why the file as a whole was refused: one Problem naming the file, e.g.
    // "tablet3.yousaid: the file is cut short: 1,204 of 5,310 bytes; download it again".
    std::vector<Problem> problems;
    std::uint32_t format_version = 0;
    TransferHeader header;
    std::vector<Response> responses;
    std::vector<Problem> unreadable;

    // The file as a whole is sound; `responses` holds every response that could be read.
    bool ok() const { return problems.empty(); }
    std::string Message() const { return DescribeProblems(problems); }
};

// The whole file, in memory (the browser downloads it as one blob).
std::string WriteTransferFile(const TransferExportSettings& settings, const std::vector<Response>& responses);

// Checks and reads a transfer file. Never throws; anything wrong with the file as a whole
// comes back as !ok with a reason, and then no responses are returned.
TransferReadResult ReadTransferFile(std::string_view bytes, const std::string& file_name);
// The same, handing each response to `visit` as it is read; `responses` stays empty. The
// checks that need every response (their count by survey) come at the end, so when the
// result is !ok what was visited must be dropped.
TransferReadResult ReadTransferFile(std::string_view bytes, const std::string& file_name,
                                    const ResponseVisitor& visit);

// Whether the bytes start like a transfer file (or a piece of one).
bool LooksLikeTransferFile(std::string_view bytes);

// The same content as JSON (schema in docs/transfer-format.md), UTF-8, indented.
std::string WriteResponsesJson(const TransferExportSettings& settings, const std::vector<Response>& responses);

// Reads a JSON export back. A response entry that cannot be read is listed in `unreadable`
// with its JSON path; a file that is not such an export at all is !ok.
TransferReadResult ReadResponsesJson(std::string_view text, const std::string& file_name);
// The same, handing each response to `visit` as it is read (the JSON document itself is
// still parsed whole); as for transfer files, drop what was visited when the result is !ok.
TransferReadResult ReadResponsesJson(std::string_view text, const std::string& file_name,
                                     const ResponseVisitor& visit);

// A transfer file or a JSON export read a slice of responses at a time, so that a page
// reading 100,000 keeps drawing: Step hands up to `count` more responses to `visit`, and
// Finish gives what the one-go readers above return. A transfer file's header is checked at
// the start, then its checksum over every byte a slice per Step, then its summary read; a JSON
// document is parsed whole at the start. Drop what was visited when Finish() is !ok.
class TransferReading {
public:
    enum class Format { kTransferFile, kJson };
    TransferReading(Format format, std::string_view bytes, std::string file_name);
    ~TransferReading();
    TransferReading(TransferReading&&) noexcept;
    TransferReading& operator=(TransferReading&&) noexcept;

    // True once the file is read (or refused).
    bool Step(std::size_t count, const ResponseVisitor& visit);
    // From 0 to 1.
    double Progress() const;
    TransferReadResult Finish();

private:
    struct BinaryBody;
    struct JsonBody;
    void BeginTransferFile();
    void ChecksumSlice(std::size_t count);
    void StepTransferFile(std::size_t count, const ResponseVisitor& visit);
    void BeginJson();
    void StepJson(std::size_t count, const ResponseVisitor& visit);
    void Refuse(TransferProblem problem, const std::string& why);
    void Damaged(const std::string& why);

    Format format_;
    std::string_view bytes_;
    std::string file_name_;
    TransferReadResult result_;
    ResponseCounter counter_;
    std::unique_ptr<BinaryBody> binary_;
    std::unique_ptr<JsonBody> json_;
    bool done_ = false;
};

// "yousaid_tablet-3_2026-03-14T160211Z.yousaid": station and time, safe in any file system.
std::string SuggestedTransferFileName(const std::string& station_id, std::int64_t exported_at_ms,
                                      std::string_view extension = kTransferFileExtension);

// Parses "2026-03-14T09:26:53.589Z" (fraction optional, 1-3 digits, "Z" required) to UTC
// milliseconds; with `allow_date_only`, also "2026-03-14" (midnight UTC). nullopt otherwise.
std::optional<std::int64_t> ParseIso8601Utc(std::string_view text, bool allow_date_only = false);

// The time range a response's times must fall in: 0 ("not known"), or 1970-01-01 to
// 9999-12-31, which FormatIso8601Utc can write.
bool IsPlausibleTime(std::int64_t milliseconds_since_epoch);

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::TransferHeader, yousaid::TransferHeader::kSerialVersion)
