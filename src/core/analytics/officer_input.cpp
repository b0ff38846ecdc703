#include "core/analytics/officer_input.h"

#include "core/base/text.h"

namespace yousaid {

std::optional<std::int64_t> ParseWholeNumberCell(std::string_view text) {
    return ParseWholeNumber(text, ThousandsSeparators::kAccepted);
}

std::string OfficerCsvRow::Cell(std::string_view column) const {
    const std::optional<std::size_t> at = header_.IndexOf(column);
    return at && *at < cells_.size() ? std::string(TrimSpaces(cells_[*at])) : std::string();
}

bool OfficerCsvFile::Read(std::string_view bytes, const std::string& needs) {
    Result<CsvTable> csv = ReadCsv(bytes);
    if (!csv.ok()) {
        for (Problem& problem : csv.problems) {
            problem.file = file_name_;
            problems_.push_back(std::move(problem));
        }
        return false;
    }
    table_ = std::move(*csv.value);
    if (table_.rows.empty() || IsBlankCsvRow(table_.rows.front())) {
        Report(0, "", "the file is empty; it needs " + needs);
        return false;
    }
    return true;
}

bool OfficerCsvFile::MapHeader(const std::vector<std::string>& required, const std::vector<std::string>& optional,
                               const std::string& hint) {
    header_ = CsvHeader::Map(HeaderRow(), required, optional);
    if (header_.ok()) return true;
    Report(1, "", header_.Describe() + (hint.empty() ? "" : " (" + hint + ")"));
    return false;
}

void OfficerCsvFile::ForEachRow(const std::function<void(const OfficerCsvRow&)>& visit) const {
    for (std::size_t index = 1; index < table_.rows.size(); ++index) {
        if (IsBlankCsvRow(table_.rows[index])) continue;
        visit(OfficerCsvRow(static_cast<std::uint32_t>(index + 1), table_.rows[index], header_));
    }
}

void OfficerCsvFile::Report(std::uint32_t row, const std::string& field, const std::string& message) {
    problems_.push_back(Problem{file_name_, row, "", field, message});
}

}  // namespace yousaid
