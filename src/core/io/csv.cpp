#include "core/io/csv.h"

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

class CsvParser {
public:
    explicit CsvParser(std::string_view bytes) : bytes_(bytes) {}

    Result<CsvTable> Parse() {
        if (bytes_.substr(0, 2) == "\xFF\xFE" || bytes_.substr(0, 2) == "\xFE\xFF") {
            Fail(1, 1,
                 "the file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8; save it as "
                 "\"CSV UTF-8 (Comma delimited)\" and load it again");
            return Result<CsvTable>::Failure(std::move(problem_));
        }
        if (bytes_.substr(0, kUtf8Bom.size()) == kUtf8Bom) position_ = kUtf8Bom.size();
        while (position_ < bytes_.size()) {
            if (!Step(bytes_[position_])) return Result<CsvTable>::Failure(std::move(problem_));
        }
        if (state_ == State::kQuoted) {
            Fail(quote_line_, quote_column_,
                 "the quoted field that starts here is never closed (a missing closing quote)");
            return Result<CsvTable>::Failure(std::move(problem_));
        }
        if (row_started_) {
            EndField();
            EndRow();
        }
        return Result<CsvTable>::Success(std::move(table_));
    }

private:
    enum class State { kFieldStart, kUnquoted, kQuoted, kAfterQuote };

    // Takes in the byte at position_ (and what follows it, as the state needs); false, with
    // problem_ set, when the file cannot be read on.
    bool Step(char byte) {
        switch (state_) {
            case State::kFieldStart:
                StartField(byte);
                return true;
            case State::kUnquoted:
                if (byte == '"') {
                    return Fail(line_, column_,
                                "a quote in the middle of an unquoted field; a field that contains quotes must "
                                "be enclosed in quotes, with each quote inside doubled");
                }
                return EndsField(byte) || ConsumeCharacter();
            case State::kQuoted:
                return StepQuoted(byte);
            case State::kAfterQuote:
                if (EndsField(byte)) return true;
                return Fail(line_, column_,
                            "unexpected text after the closing quote of a quoted field; a quote inside a "
                            "quoted field must be doubled");
        }
        return true;
    }

    void StartField(char byte) {
        if (!row_started_) {
            row_started_ = true;
            row_line_ = line_;
        }
        if (byte == '"') {
            quote_line_ = line_;
            quote_column_ = column_;
            Advance(1);
            state_ = State::kQuoted;
        } else {
            state_ = State::kUnquoted;  // look at this byte again as field content
        }
    }

    // A comma or a line break outside quotes ends the field (and a line break the row).
    bool EndsField(char byte) {
        if (byte == ',') {
            EndField();
            Advance(1);
        } else if (byte == '\r' || byte == '\n') {
            EndField();
            EndRow();
            ConsumeLineBreak(nullptr);
        } else {
            return false;
        }
        state_ = State::kFieldStart;
        return true;
    }

    bool StepQuoted(char byte) {
        if (byte == '"') {
            if (position_ + 1 < bytes_.size() && bytes_[position_ + 1] == '"') {
                field_.push_back('"');
                Advance(2);
            } else {
                Advance(1);
                state_ = State::kAfterQuote;
            }
            return true;
        }
        if (byte == '\r' || byte == '\n') {
            ConsumeLineBreak(&field_);
            return true;
        }
        return ConsumeCharacter();
    }

    void Advance(std::size_t byte_count) {
        position_ += byte_count;
        column_ += static_cast<std::uint32_t>(byte_count);
    }

    // Keeps CR, LF and CRLF as they are when they sit inside a quoted field.
    void ConsumeLineBreak(std::string* keep) {
        const std::size_t length =
            bytes_[position_] == '\r' && position_ + 1 < bytes_.size() &&
                    bytes_[position_ + 1] == '\n'
                ? 2
                : 1;
        if (keep != nullptr) keep->append(bytes_.substr(position_, length));
        position_ += length;
        ++line_;
        column_ = 1;
    }

    // One character of field content; false (with problem_ set) if it is not valid UTF-8.
    bool ConsumeCharacter() {
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
        field_.append(bytes_.substr(position_, length));
        position_ += length;
        ++column_;
        return true;
    }

    void EndField() {
        row_.push_back(std::move(field_));
        field_.clear();
        ++field_number_;
    }

    void EndRow() {
        table_.rows.push_back(std::move(row_));
        table_.row_lines.push_back(row_line_);
        row_.clear();
        ++row_number_;
        field_number_ = 1;
        row_started_ = false;
    }

    // Always false, for `return Fail(...)`.
    bool Fail(std::uint32_t line, std::uint32_t column, const std::string& message) {
        problem_.row = row_number_;
        problem_.message = "field " + std::to_string(field_number_) + " (line " + std::to_string(line) + ", column " +
                           std::to_string(column) + "): " + message;
        return false;
    }

    std::string_view bytes_;
    std::size_t position_ = 0;
    std::uint32_t line_ = 1;
    std::uint32_t column_ = 1;
    std::uint32_t row_number_ = 1;
    std::uint32_t field_number_ = 1;
    std::uint32_t row_line_ = 1;
    bool row_started_ = false;
    std::string field_;
    CsvRow row_;
    State state_ = State::kFieldStart;
    std::uint32_t quote_line_ = 0;  // where the open quoted field started
    std::uint32_t quote_column_ = 0;
    CsvTable table_;
    Problem problem_;
};


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

Result<CsvTable> ReadCsv(std::string_view bytes) { return CsvParser(bytes).Parse(); }

bool IsBlankCsvRow(const CsvRow& row) {
    for (const std::string& field : row) {
        if (!field.empty()) return false;
    }
    return true;
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
