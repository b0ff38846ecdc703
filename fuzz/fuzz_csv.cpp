// libFuzzer target for the CSV reader and writer: no input may crash the reader, every error
// must say where it is, and whatever the reader accepts must survive a write and a re-read.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "core/io/csv.h"

namespace {

void Require(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const yousaid::Result<yousaid::CsvTable> read = yousaid::ReadCsv(input);

    if (size >= sizeof(double)) {
        double value = 0;
        std::memcpy(&value, data, sizeof value);
        const std::string text = yousaid::FormatCsvNumber(value);
        if (value == value && value - value == 0) {  // finite
            Require(std::strtod(text.c_str(), nullptr) == value);
        } else {
            Require(text.empty());
        }
    }

    if (!read.ok()) {
        Require(read.problems.size() == 1);
        Require(read.problems[0].row >= 1);
        Require(read.problems[0].message.rfind("field ", 0) == 0);
        Require(read.problems[0].message.find(" (line ") != std::string::npos);
        return 0;
    }
    const yousaid::CsvTable& result = *read.value;
    Require(result.row_lines.size() == result.rows.size());
    for (std::size_t index = 1; index < result.row_lines.size(); ++index) {
        Require(result.row_lines[index] > result.row_lines[index - 1]);
    }

    yousaid::CsvWriter writer;
    for (const yousaid::CsvRow& row : result.rows) writer.WriteTextRow(row);
    const yousaid::Result<yousaid::CsvTable> read_again = yousaid::ReadCsv(writer.Bytes());
    Require(read_again.ok());
    const yousaid::CsvTable& again = *read_again.value;
    Require(again.rows.size() == result.rows.size());
    for (std::size_t row = 0; row < result.rows.size(); ++row) {
        Require(again.rows[row].size() == result.rows[row].size());
        for (std::size_t field = 0; field < result.rows[row].size(); ++field) {
            // The reader only accepts valid UTF-8 without NUL, so the writer's only change is
            // the apostrophe in front of formula-like text.
            Require(again.rows[row][field] == yousaid::NeutraliseCsvText(result.rows[row][field]));
        }
    }

    if (!result.rows.empty()) {
        const yousaid::CsvHeader header =
            yousaid::CsvHeader::Map(result.rows.front(), {"school", "invited"}, {"group"});
        Require(header.ok() == header.Describe().empty());
    }
    return 0;
}
