#include "core/io/csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/base/text.h"
#include "core/base/utf8.h"

namespace yousaid {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

void AppendUtf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

// What a stray byte means in Windows-1252, Excel's legacy "CSV" encoding in the UK, so
// the message can say "£" rather than just 0xA3. Empty where 1252 leaves the byte unused.
std::string Windows1252Character(unsigned char byte) {
    static constexpr std::uint16_t kHighControlRange[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
        0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    const std::uint32_t code_point = byte >= 0xA0 ? byte : kHighControlRange[byte - 0x80];
    std::string text;
    if (code_point != 0 && code_point != 0xA0 && code_point != 0xAD) AppendUtf8(text, code_point);
    return text;
}

std::string HexByte(unsigned char byte) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0xF];
}

}  // namespace

CsvRowReader::CsvRowReader(std::string_view bytes) : bytes_(bytes) {
    if (bytes_.substr(0, 2) == "\xFF\xFE" || bytes_.substr(0, 2) == "\xFE\xFF") {
        row_number_ = 1;
        Fail(1, 1,
             "the file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8; save it as "
             "\"CSV UTF-8 (Comma delimited)\" and load it again");
        return;
    }
    if (bytes_.substr(0, kUtf8Bom.size()) == kUtf8Bom) position_ = kUtf8Bom.size();
}

bool CsvRowReader::Next() {
    if (problem_ || position_ >= bytes_.size()) return false;
    ++row_number_;
    row_line_ = line_;
    field_number_ = 1;
    spans_.clear();
    unescaped_.clear();
    bool row_ends = false;
    while (!row_ends) {
        const bool read = position_ < bytes_.size() && bytes_[position_] == '"' ? ReadQuotedField(row_ends)
                                                                                : ReadUnquotedField(row_ends);
        if (!read) return false;
    }
    // Views are made only now: unescaped_ may have moved while the row was read.
    fields_.clear();
    for (const FieldSpan& span : spans_) {
        fields_.push_back((span.unescaped ? std::string_view(unescaped_) : bytes_).substr(span.offset, span.length));
    }
    return true;
}

bool CsvRowReader::ReadUnquotedField(bool& row_ends) {
    const std::size_t start = position_;
    while (SkipPlainAscii(), position_ < bytes_.size()) {
        const char byte = bytes_[position_];
        if (byte == ',' || byte == '\r' || byte == '\n') {
            spans_.push_back(FieldSpan{false, start, position_ - start});
            return EndField(row_ends);
        }
        if (byte == '"') {
            return Fail(line_, column_,
                        "a quote in the middle of an unquoted field; a field that contains quotes must "
                        "be enclosed in quotes, with each quote inside doubled");
        }
        if (!ConsumeCharacter()) return false;
    }
    spans_.push_back(FieldSpan{false, start, position_ - start});
    row_ends = true;  // the last line needs no line break
    return true;
}

bool CsvRowReader::ReadQuotedField(bool& row_ends) {
    const std::uint32_t quote_line = line_;
    const std::uint32_t quote_column = column_;
    Advance(1);
    const std::size_t content_start = position_;
    std::size_t segment_start = position_;  // the part not yet copied, once a copy is needed
    const std::size_t unescaped_start = unescaped_.size();
    bool unescaped = false;
    for (;;) {
        SkipPlainAscii();
        if (position_ >= bytes_.size()) {
            return Fail(quote_line, quote_column,
                        "the quoted field that starts here is never closed (a missing closing quote)");
        }
        const char byte = bytes_[position_];
        if (byte == '"') {
            if (position_ + 1 >= bytes_.size() || bytes_[position_ + 1] != '"') break;
            // A doubled quote: the field is no longer its bytes as they stand, so it is copied.
            unescaped = true;
            unescaped_.append(bytes_.substr(segment_start, position_ + 1 - segment_start));
            Advance(2);
            segment_start = position_;
        } else if (byte == '\r' || byte == '\n') {
            ConsumeLineBreak();  // kept exactly as it is, as part of the field
        } else if (!ConsumeCharacter()) {
            return false;
        }
    }
    if (unescaped) {
        unescaped_.append(bytes_.substr(segment_start, position_ - segment_start));
        spans_.push_back(FieldSpan{true, unescaped_start, unescaped_.size() - unescaped_start});
    } else {
        spans_.push_back(FieldSpan{false, content_start, position_ - content_start});
    }
    Advance(1);  // the closing quote
    if (position_ >= bytes_.size()) {
        row_ends = true;
        return true;
    }
    const char after = bytes_[position_];
    if (after == ',' || after == '\r' || after == '\n') return EndField(row_ends);
    return Fail(line_, column_,
                "unexpected text after the closing quote of a quoted field; a quote inside a "
                "quoted field must be doubled");
}

bool CsvRowReader::EndField(bool& row_ends) {
    if (bytes_[position_] == ',') {
        Advance(1);
        ++field_number_;
        row_ends = false;
    } else {
        ConsumeLineBreak();
        row_ends = true;
    }
    return true;
}

namespace {

struct PlainAsciiTable {
    std::array<bool, 256> plain{};
    constexpr PlainAsciiTable() {
        for (int byte = 0x20; byte < 0x7F; ++byte) plain[static_cast<std::size_t>(byte)] = byte != ',' && byte != '"';
    }
};
constexpr PlainAsciiTable kPlainAscii;

}  // namespace

void CsvRowReader::SkipPlainAscii() {
    const char* const start = bytes_.data() + position_;
    const char* const end = bytes_.data() + bytes_.size();
    const char* cursor = start;
    while (cursor != end && kPlainAscii.plain[static_cast<unsigned char>(*cursor)]) ++cursor;
    column_ += static_cast<std::uint32_t>(cursor - start);
    position_ += static_cast<std::size_t>(cursor - start);
}

void CsvRowReader::Advance(std::size_t byte_count) {
    position_ += byte_count;
    column_ += static_cast<std::uint32_t>(byte_count);
}

void CsvRowReader::ConsumeLineBreak() {
    const bool crlf = bytes_[position_] == '\r' && position_ + 1 < bytes_.size() && bytes_[position_ + 1] == '\n';
    position_ += crlf ? 2 : 1;
    ++line_;
    column_ = 1;
}

bool CsvRowReader::ConsumeCharacter() {
    const unsigned char byte = static_cast<unsigned char>(bytes_[position_]);
    if (byte == 0) {
        return Fail(line_, column_,
                    "the file contains a NUL byte; it may be UTF-16 (Excel's \"Unicode Text\") "
                    "rather than CSV UTF-8");
    }
    std::size_t length = 1;
    if (byte >= 0x80) {
        length = Utf8SequenceLength(bytes_, position_);
        if (length == 0) {
            const std::string meaning = Windows1252Character(byte);
            return Fail(line_, column_,
                        "byte " + HexByte(byte) + " is not valid UTF-8" +
                            (meaning.empty() ? "" : " (in Windows-1252 it would be \"" + meaning + "\")") +
                            ": the file seems to be saved in a legacy encoding such as Excel's "
                            "\"CSV (Comma delimited)\"; save it as \"CSV UTF-8 (Comma delimited)\" "
                            "and load it again");
        }
    }
    position_ += length;
    ++column_;
    return true;
}

bool CsvRowReader::Fail(std::uint32_t line, std::uint32_t column, const std::string& message) {
    Problem problem;
    problem.row = row_number_;
    problem.message = "field " + std::to_string(field_number_) + " (line " + std::to_string(line) + ", column " +
                      std::to_string(column) + "): " + message;
    problem_ = std::move(problem);
    return false;
}

namespace {

std::string JoinNames(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names) {
        if (!text.empty()) text += ", ";
        text += "\"" + name + "\"";
    }
    return text;
}

bool StartsWithFormulaTrigger(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    if (text.empty()) return false;
    switch (text.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
        case '\n':
            return true;
        default:
            break;
    }
    // Full-width = + - @ (U+FF1D, U+FF0B, U+FF0D, U+FF20): some spreadsheets fold them to ASCII.
    for (const std::string_view wide : {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D", "\xEF\xBC\xA0"}) {
        if (text.substr(0, wide.size()) == wide) return true;
    }
    return false;
}

bool NeedsQuotes(std::string_view value) {
    return value.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

std::string NormaliseCsvColumnName(std::string_view name) { return AsciiLowercase(TrimSpaces(name)); }

Result<CsvTable> ReadCsv(std::string_view bytes) {
    CsvRowReader reader(bytes);
    CsvTable table;
    while (reader.Next()) {
        table.rows.emplace_back(reader.Fields().begin(), reader.Fields().end());
        table.row_lines.push_back(reader.Line());
    }
    if (reader.problem()) return Result<CsvTable>::Failure(*reader.problem());
    return Result<CsvTable>::Success(std::move(table));
}

bool IsBlankCsvRow(const CsvRow& row) {
    return std::all_of(row.begin(), row.end(), [](const std::string& field) { return field.empty(); });
}

bool IsBlankCsvFields(const std::vector<std::string_view>& fields) {
    return std::all_of(fields.begin(), fields.end(), [](std::string_view field) { return field.empty(); });
}

CsvHeader CsvHeader::Map(const CsvRow& header_row, const std::vector<std::string>& required,
                         const std::vector<std::string>& optional) {
    CsvHeader header;
    std::vector<std::string> known;
    for (const std::string& name : required) known.push_back(NormaliseCsvColumnName(name));
    for (const std::string& name : optional) known.push_back(NormaliseCsvColumnName(name));
    const auto contains = [](const std::vector<std::string>& names, const std::string& name) {
        for (const std::string& candidate : names) {
            if (candidate == name) return true;
        }
        return false;
    };

    std::vector<std::string> reported_duplicates;
    for (std::size_t index = 0; index < header_row.size(); ++index) {
        const std::string name = NormaliseCsvColumnName(header_row[index]);
        if (name.empty()) continue;
        if (header.IndexOf(name).has_value()) {
            if (!contains(reported_duplicates, name)) {
                reported_duplicates.push_back(name);
                header.duplicates_.push_back(header_row[header.IndexOf(name).value()]);
            }
            continue;
        }
        header.indices_.emplace_back(name, index);
        if (!contains(known, name)) header.unknown_.push_back(header_row[index]);
    }
    for (const std::string& name : required) {
        if (!header.IndexOf(name).has_value()) header.missing_.push_back(name);
    }
    return header;
}

std::optional<std::size_t> CsvHeader::IndexOf(std::string_view name) const {
    const std::string normalised = NormaliseCsvColumnName(name);
    for (const auto& [candidate, index] : indices_) {
        if (candidate == normalised) return index;
    }
    return std::nullopt;
}

std::string CsvHeader::Describe() const {
    std::string text;
    if (!missing_.empty()) {
        text += (missing_.size() == 1 ? "missing column " : "missing columns ") + JoinNames(missing_);
    }
    if (!duplicates_.empty()) {
        if (!text.empty()) text += "; ";
        text += (duplicates_.size() == 1 ? "column " : "columns ") + JoinNames(duplicates_) +
                " named more than once";
    }
    return text;
}

std::string NeutraliseCsvText(std::string_view text) {
    std::string clean;
    clean.reserve(text.size() + 1);
    for (std::size_t position = 0; position < text.size();) {
        const unsigned char byte = static_cast<unsigned char>(text[position]);
        if (byte == 0) {
            clean += kReplacementCharacter;
            ++position;
        } else if (byte < 0x80) {
            clean.push_back(static_cast<char>(byte));
            ++position;
        } else if (const std::size_t length = Utf8SequenceLength(text, position); length > 0) {
            clean.append(text.substr(position, length));
            position += length;
        } else {
            clean += kReplacementCharacter;
            ++position;
        }
    }
    if (StartsWithFormulaTrigger(clean)) clean.insert(clean.begin(), '\'');
    return clean;
}

std::string FormatCsvNumber(double value) {
    if (!std::isfinite(value)) return {};
    if (value == 0) return "0";  // also -0, which Excel would show as "-0"
    char buffer[40];
    // The fewest significant digits that read back as the very same double.
    for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    return buffer;
}

CsvCell CsvCell::Text(std::string_view text) { return CsvCell(NeutraliseCsvText(text), false); }

CsvCell CsvCell::Number(double value) { return CsvCell(FormatCsvNumber(value), true); }

CsvCell CsvCell::Number(std::optional<double> value) {
    return value.has_value() ? Number(value.value()) : CsvCell(std::string(), true);
}

CsvCell CsvCell::Integer(std::int64_t value) {
    char buffer[24];
    const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return CsvCell(std::string(buffer, result.ptr), true);
}

CsvCell CsvCell::Empty() { return CsvCell(std::string(), false); }

CsvWriter::CsvWriter() : bytes_(kUtf8Bom) {}

void CsvWriter::WriteRow(const std::vector<CsvCell>& cells) {
    for (std::size_t index = 0; index < cells.size(); ++index) {
        if (index > 0) bytes_.push_back(',');
        const std::string& value = cells[index].Value();
        if (!cells[index].IsNumber() && NeedsQuotes(value)) {
            bytes_.push_back('"');
            for (const char character : value) {
                if (character == '"') bytes_.push_back('"');
                bytes_.push_back(character);
            }
            bytes_.push_back('"');
        } else {
            bytes_ += value;
        }
    }
    bytes_ += "\r\n";
}

void CsvWriter::WriteTextRow(const std::vector<std::string>& texts) {
    std::vector<CsvCell> cells;
    cells.reserve(texts.size());
    for (const std::string& text : texts) cells.push_back(CsvCell::Text(text));
    WriteRow(cells);
}

}  // namespace yousaid
