// The one UTF-8 reading shared by CSV, transfer files and answer checks, at the edges of
// the Unicode table of well-formed sequences (Unicode 15, table 3-7).
#include <doctest/doctest.h>

#include <string>

#include "core/base/utf8.h"

using yousaid::CountUtf8CodePoints;
using yousaid::ReplaceInvalidUtf8;
using yousaid::Utf8SequenceLength;

TEST_CASE("UTF-8 sequence lengths follow the table of well-formed sequences") {
    CHECK(Utf8SequenceLength(std::string("a"), 0) == 1);
    CHECK(Utf8SequenceLength(std::string(1, '\0'), 0) == 1);
    CHECK(Utf8SequenceLength("\xC5\x82", 0) == 2);            // ł
    CHECK(Utf8SequenceLength("\xE2\x82\xAC", 0) == 3);        // €
    CHECK(Utf8SequenceLength("\xF0\x9F\x99\x82", 0) == 4);    // 🙂
    CHECK(Utf8SequenceLength("\xC0\xAF", 0) == 0);            // overlong
    CHECK(Utf8SequenceLength("\xE0\x80\xAF", 0) == 0);        // overlong
    CHECK(Utf8SequenceLength("\xED\xA0\x80", 0) == 0);        // a UTF-16 surrogate
    CHECK(Utf8SequenceLength("\xF4\x90\x80\x80", 0) == 0);    // above U+10FFFF
    CHECK(Utf8SequenceLength("\xE2\x82", 0) == 0);            // cut short
    CHECK(Utf8SequenceLength("\x80", 0) == 0);                // a lone continuation byte
    CHECK(Utf8SequenceLength("x\xC5\x82", 1) == 2);
}

TEST_CASE("invalid UTF-8 is replaced byte by byte, and valid text is kept as it is") {
    CHECK(ReplaceInvalidUtf8("Zażółć gęślą jaźń") == "Zażółć gęślą jaźń");
    CHECK(ReplaceInvalidUtf8("caf\xE9!") == "caf\xEF\xBF\xBD!");               // Windows-1252 é
    CHECK(ReplaceInvalidUtf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("characters are counted as code points, and invalid UTF-8 has no count") {
    CHECK(CountUtf8CodePoints("") == 0u);
    CHECK(CountUtf8CodePoints("gęś 🙂") == 5u);
    CHECK_FALSE(CountUtf8CodePoints("caf\xE9").has_value());
}
