#pragma once
// CSV as RFC 4180 defines it, in the dialect Excel's "CSV UTF-8" reads and writes: UTF-8
// (with or without a BOM), comma separated, fields quoted with '"' where they hold a comma,
// a quote or a line break, quotes inside doubled.
//
// Reading is strict where leniency would silently corrupt data: invalid UTF-8 (a file saved
// in Excel's legacy "CSV" encoding), a stray quote or an unterminated quoted field is an
// error that names the line and column, never a best guess.
//
// Writing guards against CSV (formula) injection: a text cell that a spreadsheet would run
// as a formula gets a leading apostrophe. Numbers are a separate kind of cell so that a
// negative number stays a number.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/problem.h"

namespace yousaid {

using CsvRow = std::vector<std::string>;

struct CsvTable {
    // Every record in order. A blank line is a record with one empty field, as RFC 4180 and
    // Excel have it, so rows[i] is always Excel's row i + 1. Rows may differ in length.
    std::vector<CsvRow> rows;
    // The physical line each record starts on, parallel to rows.
    std::vector<std::uint32_t> row_lines;
};

// Parses a whole file. A UTF-8 byte order mark is skipped; line breaks may be CRLF, LF or CR
// (and are kept exactly as they are inside quoted fields); the last line needs no line break.
// Fails with one Problem whose row is the record's number (the header being row 1: the row
// Excel shows) and whose message starts with where in it, as Excel and a text editor count:
// "field 2 (line 5, column 7): ...", the field 1-based (Excel's column A = 1), the line
// physical (line breaks inside a quoted field count) and the column in characters.
Result<CsvTable> ReadCsv(std::string_view bytes);

// The same reader one record at a time, for files too large to hold as a CsvTable: each
// field is a view into the input, except a quoted field with a doubled quote, which is
// unescaped into the reader's own buffer. Views last until the next call to Next().
class CsvRowReader {
public:
    explicit CsvRowReader(std::string_view bytes);

    // Reads the next record; false at the end of the input, or when the input cannot be read
    // on (then problem() says where and why, exactly as ReadCsv would).
    bool Next();
    const std::vector<std::string_view>& Fields() const { return fields_; }
    // The record's number, the first being row 1 (the row Excel shows).
    std::uint32_t RowNumber() const { return row_number_; }
    // The physical line the record starts on.
    std::uint32_t Line() const { return row_line_; }
    const std::optional<Problem>& problem() const { return problem_; }
    // How many bytes have been read: for progress.
    std::size_t Position() const { return position_; }

private:
    // Where a field's text is: in the input, or in unescaped_.
    struct FieldSpan {
        bool unescaped = false;
        std::size_t offset = 0;
        std::size_t length = 0;
    };

    bool ReadUnquotedField(bool& row_ends);
    bool ReadQuotedField(bool& row_ends);
    // At the comma or line break after a field.
    bool EndField(bool& row_ends);
    // Past printable ASCII other than the comma and the quote: most of any file, and one
    // column per byte, so it needs none of the checks other characters do.
    void SkipPlainAscii();
    void Advance(std::size_t byte_count);
    void ConsumeLineBreak();
    // One character of field content; false (with problem_ set) if it is not valid UTF-8.
    bool ConsumeCharacter();
    // Always false, for `return Fail(...)`.
    bool Fail(std::uint32_t line, std::uint32_t column, const std::string& message);

    std::string_view bytes_;
    std::size_t position_ = 0;
    std::uint32_t line_ = 1;
    std::uint32_t column_ = 1;  // in characters
    std::uint32_t row_number_ = 0;
    std::uint32_t field_number_ = 1;
    std::uint32_t row_line_ = 1;
    std::vector<FieldSpan> spans_;
    std::string unescaped_;
    std::vector<std::string_view> fields_;
    std::optional<Problem> problem_;
};

// True for a row with no content (a blank line, or only empty fields).
bool IsBlankCsvRow(const CsvRow& row);
bool IsBlankCsvFields(const std::vector<std::string_view>& fields);

// Which field holds each expected column, from a header row. Names are compared ignoring
// ASCII case and surrounding spaces ("School " matches "school"); empty header cells
// (Excel leaves them after a stray edit) are ignored.
// How header names are compared: ASCII case and surrounding spaces do not matter.
std::string NormaliseCsvColumnName(std::string_view name);

class CsvHeader {
public:
    // ok() unless a required column is missing or a name appears twice.
    static CsvHeader Map(const CsvRow& header_row, const std::vector<std::string>& required,
                         const std::vector<std::string>& optional = {});

    bool ok() const { return missing_.empty() && duplicates_.empty(); }
    std::optional<std::size_t> IndexOf(std::string_view name) const;

    const std::vector<std::string>& missing() const { return missing_; }
    // Each name that appears more than once, as first written in the header.
    const std::vector<std::string>& duplicates() const { return duplicates_; }
    // Header names neither required nor optional: not an error, but worth showing.
    const std::vector<std::string>& unknown() const { return unknown_; }
    // All problems in one sentence for the user; empty when ok().
    std::string Describe() const;

private:
    std::vector<std::pair<std::string, std::size_t>> indices_;  // normalised name, field
    std::vector<std::string> missing_;
    std::vector<std::string> duplicates_;
    std::vector<std::string> unknown_;
};

class CsvCell {
public:
    // Free text; neutralised on output if a spreadsheet would take it for a formula.
    static CsvCell Text(std::string_view text);
    // Written unrounded, in the shortest form that reads back as the same double. NaN and
    // infinities write an empty cell: a spreadsheet has no way to show them.
    static CsvCell Number(double value);
    static CsvCell Number(std::optional<double> value);
    static CsvCell Integer(std::int64_t value);
    static CsvCell Empty();

    bool IsNumber() const { return is_number_; }
    // The value as it goes between the separators, before any quoting.
    const std::string& Value() const { return value_; }

private:
    CsvCell(std::string value, bool is_number) : value_(std::move(value)), is_number_(is_number) {}

    std::string value_;
    bool is_number_ = false;
};

// Builds a file in memory (downloads are produced whole): a UTF-8 BOM so Excel reads the
// text as UTF-8, CRLF after every row, quotes only where a field needs them.
class CsvWriter {
public:
    CsvWriter();

    void WriteRow(const std::vector<CsvCell>& cells);
    // A row of text cells, e.g. a header.
    void WriteTextRow(const std::vector<std::string>& texts);

    const std::string& Bytes() const { return bytes_; }
    std::string TakeBytes() { return std::move(bytes_); }

private:
    std::string bytes_;
};

// The number formatting CsvCell::Number uses: "" for NaN and infinities, "0" for -0.
std::string FormatCsvNumber(double value);

// Text made safe for a spreadsheet cell: invalid UTF-8 and NUL become U+FFFD, and a
// leading '=', '+', '-', '@', tab, CR or LF (also after leading spaces, and the
// full-width forms of the first four) gets an apostrophe in front, as OWASP advises.
std::string NeutraliseCsvText(std::string_view text);

}  // namespace yousaid
