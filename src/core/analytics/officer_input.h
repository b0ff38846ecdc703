#pragma once
// A problem with a file an officer supplied to the report (population, KPIs, responses).
// Officers fix these files in a spreadsheet, so every message names the file, the row as
// the spreadsheet numbers it (the header is row 1) and the column, never just "bad input".
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/problem.h"
#include "core/io/csv.h"

namespace yousaid {

// A count in an officer's spreadsheet: spaces around it and thousands separators ("1,250")
// are accepted, as spreadsheets write them; nullopt otherwise (also for "3.0"). The one
// number parser is ParseWholeNumber in core/base/text.h; this names the officer files' rule.
std::optional<std::int64_t> ParseWholeNumberCell(std::string_view text);

// One data row of an OfficerCsvFile.
class OfficerCsvRow {
public:
    OfficerCsvRow(std::uint32_t number, const CsvRow& cells, const CsvHeader& header)
        : number_(number), cells_(cells), header_(header) {}

    std::uint32_t Number() const { return number_; }  // as the spreadsheet numbers it
    // The cell under `column`, without surrounding spaces; empty when the column is absent.
    std::string Cell(std::string_view column) const;

private:
    std::uint32_t number_;
    const CsvRow& cells_;
    const CsvHeader& header_;
};

// The skeleton every small officer CSV file (population, KPIs) shares: read the bytes, map
// the header, then visit each row that is not blank; every problem found on the way is kept
// with the file's name, the row and the column.
class OfficerCsvFile {
public:
    explicit OfficerCsvFile(std::string file_name) : file_name_(std::move(file_name)) {}

    // False, with a problem, when the bytes are not CSV or there is no header. `needs` ends
    // the message for an empty file: "the file is empty; it needs <needs>".
    bool Read(std::string_view bytes, const std::string& needs);
    const CsvRow& HeaderRow() const { return table_.rows.front(); }
    // False, with a problem on row 1, when a required column is missing or a name appears
    // twice; `hint` (may be empty) follows the description in parentheses.
    bool MapHeader(const std::vector<std::string>& required, const std::vector<std::string>& optional,
                   const std::string& hint = "");

    void ForEachRow(const std::function<void(const OfficerCsvRow&)>& visit) const;

    void Report(std::uint32_t row, const std::string& field, const std::string& message);
    const std::vector<Problem>& Problems() const { return problems_; }

    // What was read, given only when no problem was found; else every problem.
    template <typename T>
    Result<T> Finish(std::optional<T> value) {
        if (!value || !problems_.empty()) return Result<T>::Failure(std::move(problems_));
        return Result<T>::Success(std::move(*value));
    }

private:
    std::string file_name_;
    CsvTable table_;
    CsvHeader header_;
    std::vector<Problem> problems_;
};

}  // namespace yousaid
