// RFC 4180 CSV: what officers load (invited counts, school lists) and download (tables).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/io/csv.h"

namespace {

using yousaid::CsvCell;
using yousaid::CsvHeader;
using yousaid::CsvRow;
using yousaid::CsvTable;
using yousaid::ReadCsv;

CsvTable Table(std::string_view text) {
    const yousaid::Result<CsvTable> read = ReadCsv(text);
    INFO(read.Message());
    REQUIRE(read.ok());
    return *read.value;
}

std::vector<CsvRow> Rows(std::string_view text) { return Table(text).rows; }

// Where the reader stopped, read back out of its one problem: the row, then the message
// "field F (line L, column C): what".
struct CsvFailure {
    std::uint32_t row = 0;
    std::uint32_t field = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;  // what, after the position
    std::string text;     // the whole problem, as shown
};

CsvFailure Failure(std::string_view text) {
    const yousaid::Result<CsvTable> read = ReadCsv(text);
    REQUIRE_FALSE(read.ok());
    REQUIRE(read.problems.size() == 1);
    const yousaid::Problem& problem = read.problems.front();
    CsvFailure failure;
    failure.row = problem.row;
    failure.text = problem.ToString();
    int consumed = 0;
    REQUIRE(std::sscanf(problem.message.c_str(), "field %u (line %u, column %u): %n", &failure.field, &failure.line,
                        &failure.column, &consumed) == 3);
    failure.message = problem.message.substr(static_cast<std::size_t>(consumed));
    CHECK_FALSE(failure.message.empty());
    return failure;
}

}  // namespace

TEST_CASE("csv: plain rows with every kind of line ending") {
    const std::vector<CsvRow> expected = {{"a", "b", "c"}, {"1", "2", "3"}};
    CHECK(Rows("a,b,c\r\n1,2,3\r\n") == expected);
    CHECK(Rows("a,b,c\n1,2,3\n") == expected);
    CHECK(Rows("a,b,c\r1,2,3\r") == expected);
    CHECK(Rows("a,b,c\r\n1,2,3") == expected);  // no line break after the last line
    CHECK(Rows("a,b,c\n1,2,3") == expected);
}

TEST_CASE("csv: empty fields, blank lines and empty input") {
    CHECK(Rows("").empty());
    CHECK(Rows("\xEF\xBB\xBF").empty());
    CHECK(Rows("a,,c\r\n,,\r\n") == std::vector<CsvRow>{{"a", "", "c"}, {"", "", ""}});
    CHECK(Rows("a,") == std::vector<CsvRow>{{"a", ""}});
    CHECK(Rows(",") == std::vector<CsvRow>{{"", ""}});
    // A blank line is a row with one empty field, so row numbers stay Excel's row numbers.
    const CsvTable result = Table("h\r\n\r\nx\r\n");
    CHECK(result.rows == std::vector<CsvRow>{{"h"}, {""}, {"x"}});
    CHECK(yousaid::IsBlankCsvRow(result.rows[1]));
    CHECK_FALSE(yousaid::IsBlankCsvRow(result.rows[2]));
    CHECK(yousaid::IsBlankCsvRow({"", "", ""}));
    CHECK(Rows("\"\"") == std::vector<CsvRow>{{""}});
}

TEST_CASE("csv: quoted fields keep commas, quotes and line breaks exactly") {
    const CsvTable result = Table("name,comment\r\n\"Smith, J\",\"said \"\"no\"\"\"\r\n"
                "x,\"line 1\r\nline 2\nline 3\rline 4\"\r\n\"\",\"\"\"\"\r\n");
    CHECK(result.rows == std::vector<CsvRow>{{"name", "comment"},
                                             {"Smith, J", "said \"no\""},
                                             {"x", "line 1\r\nline 2\nline 3\rline 4"},
                                             {"", "\""}});
    // Physical lines: the multi-line cell spans lines 3 to 6.
    CHECK(result.row_lines == std::vector<std::uint32_t>{1, 2, 3, 7});
}

TEST_CASE("csv: Excel's \"CSV UTF-8\" export parses exactly") {
    // As Excel for Windows saves it: BOM, CRLF between rows, Alt+Enter cells as a bare LF
    // inside quotes, quotes doubled, empty trailing cells, non-ASCII text.
    const std::string excel =
        "\xEF\xBB\xBF"
        "School,Comment,Score,Change\r\n"
        "St Mary's C of E,\"Line one\nLine two\",4,-3.5\r\n"
        "\"Oak Hill, Primary\",\"She said \"\"it's fine\"\"\",,\r\n"
        "Caf\xC3\xA9 Ysgol \xC5\xB5,\xC2\xA3"
        "5 for trips \xF0\x9F\x98\x80,5,0.1\r\n"
        ",,,\r\n";
    const CsvTable result = Table(excel);
    CHECK(result.rows ==
          std::vector<CsvRow>{{"School", "Comment", "Score", "Change"},
                              {"St Mary's C of E", "Line one\nLine two", "4", "-3.5"},
                              {"Oak Hill, Primary", "She said \"it's fine\"", "", ""},
                              {"Caf\xC3\xA9 Ysgol \xC5\xB5", "\xC2\xA3" "5 for trips \xF0\x9F\x98\x80", "5", "0.1"},
                              {"", "", "", ""}});
    CHECK(result.row_lines == std::vector<std::uint32_t>{1, 2, 4, 5, 6});
}

TEST_CASE("csv: malformed quoting is reported with line and column") {
    SUBCASE("unterminated quote points at the opening quote") {
        const CsvFailure result = Failure("a,b\r\n1,\"never closed\r\nmore,text\r\n");
        CHECK(result.line == 2);
        CHECK(result.column == 3);
        CHECK(result.row == 2);
        CHECK(result.field == 2);
        CHECK(result.message.find("never closed") != std::string::npos);
    }
    SUBCASE("a quote inside an unquoted field") {
        const CsvFailure result = Failure("a,b\r\n1,2\"3\r\n");
        CHECK(result.line == 2);
        CHECK(result.column == 4);
        CHECK(result.row == 2);
        CHECK(result.field == 2);
        CHECK(result.text == "row 2: field 2 (line 2, column 4): " + result.message);
    }
    SUBCASE("text after a closing quote") {
        const CsvFailure result = Failure("\"ab\"c,d\n");
        CHECK(result.line == 1);
        CHECK(result.column == 5);
        CHECK(result.field == 1);
    }
    SUBCASE("lines and rows part ways after a multi-line cell") {
        const CsvFailure result = Failure("h1,h2\n\"x\ny\nz\",ok\n\xC3\xA9t\xC3\xA9,a\"b\n");
        CHECK(result.row == 3);
        CHECK(result.line == 5);
        CHECK(result.column == 6);  // counted in characters: "été," is four
        CHECK(result.field == 2);
    }
}

TEST_CASE("csv: non-UTF-8 input is rejected naming the row") {
    SUBCASE("Excel's legacy Windows-1252 export with a pound sign") {
        const CsvFailure result = Failure("School,Cost\r\nOak,\xA3" "5\r\n");
        CHECK(result.row == 2);
        CHECK(result.line == 2);
        CHECK(result.field == 2);
        CHECK(result.column == 5);
        CHECK(result.message.find("0xA3") != std::string::npos);
        CHECK(result.message.find("\xC2\xA3") != std::string::npos);  // shows "£"
        CHECK(result.message.find("CSV UTF-8") != std::string::npos);
        CHECK(result.text.find("row 2") != std::string::npos);
    }
    SUBCASE("an e-acute in a quoted cell") {
        const CsvFailure result = Failure("a\r\nb\r\n\"Caf\xE9\"\r\n");
        CHECK(result.row == 3);
        CHECK(result.column == 5);
        CHECK(result.message.find("0xE9") != std::string::npos);
    }
    const std::vector<std::string> invalid = {
        "\xC0\xAF",          // overlong '/'
        "\xE0\x80\xAF",      // overlong, three bytes
        "\xED\xA0\x80",      // a UTF-16 surrogate
        "\xF4\x90\x80\x80",  // above U+10FFFF
        "\xF8\x88\x80\x80\x80",
        "\x80",              // a lone continuation byte
        "\xE2\x82",          // truncated at the end of the file
        "\xE2\x82x",         // truncated mid-line
        "\xFF",
    };
    for (const std::string& bytes : invalid) {
        CAPTURE(bytes);
        const CsvFailure result = Failure("ok," + bytes);
        CHECK(result.column == 4);
    }
    CHECK(Rows("\xF4\x8F\xBF\xBF,\xED\x9F\xBF,\xEE\x80\x80") ==
          std::vector<CsvRow>{{"\xF4\x8F\xBF\xBF", "\xED\x9F\xBF", "\xEE\x80\x80"}});
}

TEST_CASE("csv: UTF-16 and NUL bytes are rejected with a hint") {
    CHECK(Failure(std::string_view("\xFF\xFE" "a\0,\0b\0", 8)).message.find("UTF-16") != std::string::npos);
    CHECK(Failure(std::string_view("a,b\0c", 5)).message.find("NUL") != std::string::npos);
}

TEST_CASE("csv: a row at a time, the fields are those ReadCsv gives, mostly without a copy") {
    const std::string text = "\xEF\xBB\xBF" "name,comment\r\n\"Smith, J\",\"said \"\"no\"\"\"\r\n\r\nx,\"a\r\nb\"\nlast,";
    const CsvTable table = Table(text);
    yousaid::CsvRowReader reader(text);
    std::size_t index = 0;
    while (reader.Next()) {
        REQUIRE(index < table.rows.size());
        CHECK(CsvRow(reader.Fields().begin(), reader.Fields().end()) == table.rows[index]);
        CHECK(reader.RowNumber() == index + 1);
        CHECK(reader.Line() == table.row_lines[index]);
        ++index;
    }
    CHECK(index == table.rows.size());
    CHECK_FALSE(reader.problem().has_value());

    // Unquoted and quoted fields without a doubled quote are views into the input itself.
    const std::string plain = "ab,\"c,d\"\n";
    yousaid::CsvRowReader views(plain);
    REQUIRE(views.Next());
    CHECK(views.Fields()[0].data() == plain.data());
    CHECK(views.Fields()[1].data() == plain.data() + 4);
    CHECK_FALSE(views.Next());
}

TEST_CASE("csv: a row reader stops at the problem ReadCsv reports") {
    const std::string text = "a,b\r\n1,2\r\n3,\"x\"y\r\n4,5\r\n";
    const yousaid::Result<CsvTable> whole = ReadCsv(text);
    REQUIRE_FALSE(whole.ok());
    yousaid::CsvRowReader reader(text);
    CHECK(reader.Next());
    CHECK(reader.Next());
    CHECK_FALSE(reader.Next());
    REQUIRE(reader.problem().has_value());
    CHECK(reader.problem()->ToString() == whole.problems.front().ToString());
    CHECK(reader.problem()->row == 3);
    CHECK_FALSE(reader.Next());
}

TEST_CASE("csv: a header row maps to column indices") {
    const CsvRow header = {"School", " Invited ", "group", "", "Notes", "extra"};
    const CsvHeader columns = CsvHeader::Map(header, {"school", "invited"}, {"group", "notes"});
    CHECK(columns.ok());
    CHECK(columns.IndexOf("school") == std::optional<std::size_t>(0));
    CHECK(columns.IndexOf("INVITED") == std::optional<std::size_t>(1));
    CHECK(columns.IndexOf("notes") == std::optional<std::size_t>(4));
    CHECK_FALSE(columns.IndexOf("phase").has_value());
    CHECK(columns.unknown() == std::vector<std::string>{"extra"});
    CHECK(columns.Describe().empty());

    const CsvHeader broken =
        CsvHeader::Map({"school", "School", "count", "SCHOOL", "count"}, {"school", "invited", "phase"});
    CHECK_FALSE(broken.ok());
    CHECK(broken.missing() == std::vector<std::string>{"invited", "phase"});
    CHECK(broken.duplicates() == std::vector<std::string>{"school", "count"});
    CHECK(broken.Describe() ==
          "missing columns \"invited\", \"phase\"; columns \"school\", \"count\" named more than once");
    CHECK(broken.IndexOf("school") == std::optional<std::size_t>(0));
}

TEST_CASE("csv: the writer emits a BOM, CRLF and quotes only where needed") {
    yousaid::CsvWriter writer;
    writer.WriteTextRow({"School", "Comment", "Return rate"});
    writer.WriteRow({CsvCell::Text("Oak"), CsvCell::Text("plain"), CsvCell::Number(0.25)});
    writer.WriteRow({CsvCell::Text("Oak, Primary"), CsvCell::Text("say \"hi\""), CsvCell::Empty()});
    writer.WriteRow({CsvCell::Text("two\r\nlines"), CsvCell::Text("lf\nonly"), CsvCell::Integer(-42)});
    CHECK(writer.Bytes() ==
          "\xEF\xBB\xBF"
          "School,Comment,Return rate\r\n"
          "Oak,plain,0.25\r\n"
          "\"Oak, Primary\",\"say \"\"hi\"\"\",\r\n"
          "\"two\r\nlines\",\"lf\nonly\",-42\r\n");
}

TEST_CASE("csv: numbers are written unrounded and never as NaN or Infinity") {
    CHECK(yousaid::FormatCsvNumber(-3.5) == "-3.5");
    CHECK(yousaid::FormatCsvNumber(0.1) == "0.1");
    CHECK(yousaid::FormatCsvNumber(14.0 / 317.0 * 100.0) == "4.416403785488959");
    CHECK(yousaid::FormatCsvNumber(100) == "100");
    CHECK(yousaid::FormatCsvNumber(-0.0) == "0");
    CHECK(yousaid::FormatCsvNumber(1e300) == "1e+300");
    CHECK(yousaid::FormatCsvNumber(std::numeric_limits<double>::quiet_NaN()).empty());
    CHECK(yousaid::FormatCsvNumber(std::numeric_limits<double>::infinity()).empty());
    CHECK(yousaid::FormatCsvNumber(-std::numeric_limits<double>::infinity()).empty());
    for (const double value : {1.0 / 3.0, 2.0 / 3.0, 0.1 + 0.2, 123456.789, 5e-324,
                               std::numeric_limits<double>::max(), -1e-7}) {
        CAPTURE(value);
        CHECK(std::strtod(yousaid::FormatCsvNumber(value).c_str(), nullptr) == value);
    }
    CHECK(CsvCell::Number(std::nullopt).Value().empty());
    CHECK(CsvCell::Number(std::optional<double>(2.5)).Value() == "2.5");
    CHECK(CsvCell::Integer(std::numeric_limits<std::int64_t>::min()).Value() == "-9223372036854775808");
    CHECK(CsvCell::Number(-3.5).IsNumber());
    CHECK_FALSE(CsvCell::Text("-3.5").IsNumber());
}

TEST_CASE("csv: text that a spreadsheet would run as a formula is neutralised") {
    CHECK(CsvCell::Text("=1+1").Value() == "'=1+1");
    CHECK(CsvCell::Text("+44 20 7946 0000").Value() == "'+44 20 7946 0000");
    CHECK(CsvCell::Text("-3.5").Value() == "'-3.5");
    CHECK(CsvCell::Text("@SUM(A1:A2)").Value() == "'@SUM(A1:A2)");
    CHECK(CsvCell::Text("\t=cmd").Value() == "'\t=cmd");
    CHECK(CsvCell::Text("\r=cmd").Value() == "'\r=cmd");
    CHECK(CsvCell::Text("\n=cmd").Value() == "'\n=cmd");
    CHECK(CsvCell::Text("  =HYPERLINK(\"x\")").Value() == "'  =HYPERLINK(\"x\")");
    CHECK(CsvCell::Text("\xEF\xBC\x9D" "1+1").Value() == "'\xEF\xBC\x9D" "1+1");
    // Harmless text is left alone.
    CHECK(CsvCell::Text("a=b").Value() == "a=b");
    CHECK(CsvCell::Text("'=already quoted").Value() == "'=already quoted");
    CHECK(CsvCell::Text("").Value().empty());
    CHECK(CsvCell::Text("   ").Value() == "   ");
    // Numbers are numbers: a fall in percentage points stays a number, unquoted.
    yousaid::CsvWriter writer;
    writer.WriteRow({CsvCell::Text("-=x,y"), CsvCell::Number(-3.5), CsvCell::Text("-3.5")});
    CHECK(writer.Bytes() == "\xEF\xBB\xBF\"'-=x,y\",-3.5,'-3.5\r\n");
}

TEST_CASE("csv: the writer never emits invalid UTF-8 or NUL") {
    CHECK(CsvCell::Text(std::string_view("a\0b", 3)).Value() == "a\xEF\xBF\xBD" "b");
    CHECK(CsvCell::Text("Caf\xE9").Value() == "Caf\xEF\xBF\xBD");
    CHECK(CsvCell::Text("\xF0\x9F\x98\x80").Value() == "\xF0\x9F\x98\x80");
}

TEST_CASE("csv: awkward cells survive a write and a read") {
    const std::vector<CsvRow> rows = {
        {"plain", "with, comma", "with \"quotes\"", "\"", "\"\""},
        {"crlf\r\ninside", "lf\ninside", "cr\rinside", "x\r\n", ""},
        {" leading and trailing spaces ", "\xC3\xA9\xF0\x9F\x98\x80", ",,,", "tab\there", "'apostrophe"},
        {""},
        {"", ""},
        {"last"},
    };
    yousaid::CsvWriter writer;
    for (const CsvRow& row : rows) writer.WriteTextRow(row);
    const CsvTable result = Table(writer.Bytes());
    CHECK(result.rows == rows);

    // Neutralised cells come back with their apostrophe, and only those.
    yousaid::CsvWriter risky;
    risky.WriteTextRow({"=1+1", "-2", "ok"});
    risky.WriteRow({CsvCell::Number(-2.25), CsvCell::Number(std::nullopt), CsvCell::Integer(7)});
    CHECK(Rows(risky.Bytes()) == std::vector<CsvRow>{{"'=1+1", "'-2", "ok"}, {"-2.25", "", "7"}});
}
