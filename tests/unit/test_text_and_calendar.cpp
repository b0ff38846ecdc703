// The helpers every loader shares (core/base/text, core/base/calendar, core/survey/identifiers):
// one rule each for quoting, trimming, numbers in cells, dates and identifiers.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "core/base/calendar.h"
#include "core/base/problem.h"
#include "core/base/text.h"
#include "core/survey/identifiers.h"

using yousaid::CalendarDate;
using yousaid::ParseWholeNumber;
using yousaid::ThousandsSeparators;

TEST_CASE("text: quoting, trimming and ASCII lowercase") {
    CHECK(yousaid::Quoted("pupil") == "'pupil'");
    CHECK(yousaid::TrimSpaces(" \t 12 \t") == "12");
    CHECK(yousaid::TrimSpaces("   ").empty());
    CHECK(yousaid::AsciiLowercase("On Track \xC3\x89") == "on track \xC3\x89");  // UTF-8 left alone
}

TEST_CASE("text: whole numbers, with thousands separators only where asked for") {
    CHECK(ParseWholeNumber(" 317 ") == std::optional<std::int64_t>(317));
    CHECK(ParseWholeNumber("-2") == std::optional<std::int64_t>(-2));
    CHECK(ParseWholeNumber("+7") == std::optional<std::int64_t>(7));
    CHECK_FALSE(ParseWholeNumber("1,250"));
    CHECK(ParseWholeNumber("1,250", ThousandsSeparators::kAccepted) == std::optional<std::int64_t>(1250));
    CHECK(ParseWholeNumber("12,345,678", ThousandsSeparators::kAccepted) == std::optional<std::int64_t>(12345678));
    for (const char* bad : {"", "-", "3.0", "1 2", "12,50", ",250", "1,2500", "1250,", "ten", "1234567890123456789"}) {
        CAPTURE(bad);
        CHECK_FALSE(ParseWholeNumber(bad, ThousandsSeparators::kAccepted));
    }
    CHECK(yousaid::ParseWholeNumber32("2147483647") == std::optional<std::int32_t>(2147483647));
    CHECK_FALSE(yousaid::ParseWholeNumber32("2147483648"));
    CHECK(yousaid::ParseDecimal(" 87.5 ") == std::optional<double>(87.5));
    CHECK_FALSE(yousaid::ParseDecimal("90%"));
    CHECK_FALSE(yousaid::ParseDecimal("1e999"));
}

TEST_CASE("calendar: leap years, month lengths and the two written forms") {
    CHECK(yousaid::IsLeapYear(2024));
    CHECK(yousaid::IsLeapYear(2000));
    CHECK_FALSE(yousaid::IsLeapYear(2100));
    CHECK(yousaid::DaysInMonth(2024, 2) == 29);
    CHECK(yousaid::DaysInMonth(2025, 2) == 28);
    CHECK(yousaid::DaysInMonth(2025, 4) == 30);

    CHECK(CalendarDate::FromIso("2025-03-31") == CalendarDate{2025, 3, 31});
    CHECK_FALSE(CalendarDate::FromIso("2025-02-29"));
    REQUIRE(CalendarDate::ReadIsoShape("2025-02-29"));  // written as a date, but no such day
    CHECK_FALSE(CalendarDate::ReadIsoShape("2025-2-28"));
    CHECK(CalendarDate::FromUk("1/3/2025") == CalendarDate{2025, 3, 1});
    CHECK_FALSE(CalendarDate::FromUk("31/04/2025"));
    CHECK_FALSE(CalendarDate::FromUk("1/3/25"));
    CHECK(CalendarDate::Parse(" 31/03/2025 ") == CalendarDate{2025, 3, 31});
    CHECK_FALSE(CalendarDate::Parse("1899-12-31"));  // before spreadsheet calendars begin
    CHECK(CalendarDate{2025, 3, 1}.ToIso() == "2025-03-01");
}

TEST_CASE("calendar: a date as a UK volunteer types it, with a plain sentence when it is not one") {
    for (const char* typed : {"14/03/2026", "14/3/2026", "2026-03-14", "14-03-2026", "14.03.2026", " 14/03/2026 "}) {
        CAPTURE(typed);
        const yousaid::Result<CalendarDate> read = yousaid::ReadTypedDate(typed);
        REQUIRE(read.ok());
        CHECK(*read.value == CalendarDate{2026, 3, 14});
    }
    CHECK(*yousaid::ReadTypedDate("4/3/2026").value == CalendarDate{2026, 3, 4});  // day first, as in the UK
    CHECK(*yousaid::ReadTypedDate("29/02/2024").value == CalendarDate{2024, 2, 29});
    CHECK(yousaid::ReadTypedDate("31/02/2026").Message() == "There is no 31 February 2026.");
    CHECK(yousaid::ReadTypedDate("29/02/2025").Message() == "There is no 29 February 2025.");
    CHECK(yousaid::ReadTypedDate("00/03/2026").Message() == "There is no 0 March 2026.");
    CHECK(yousaid::ReadTypedDate("14/13/2026").Message() ==
          "There is no month 13: type the date as day/month/year, for example 14/03/2026.");
    for (const char* not_a_date : {"", "14/03/26", "14/03-2026", "14 March 2026", "2026/03/14", "143/03/2026", "soon"}) {
        CAPTURE(not_a_date);
        CHECK(yousaid::ReadTypedDate(not_a_date).Message() == "Type the date as day/month/year, for example 14/03/2026.");
    }
    CHECK(CalendarDate{2026, 3, 4}.ToUk() == "04/03/2026");
    CHECK(CalendarDate{2026, 3, 4}.InWords() == "4 March 2026");
}

TEST_CASE("calendar: stepping by months keeps the day where the month has it") {
    CHECK(CalendarDate{2026, 1, 31}.PlusMonths(1) == CalendarDate{2026, 2, 28});
    CHECK(CalendarDate{2024, 1, 31}.PlusMonths(1) == CalendarDate{2024, 2, 29});
    CHECK(CalendarDate{2026, 12, 14}.PlusMonths(1) == CalendarDate{2027, 1, 14});
    CHECK(CalendarDate{2026, 1, 14}.PlusMonths(-1) == CalendarDate{2025, 12, 14});
    CHECK(CalendarDate{2026, 3, 14}.PlusMonths(-12) == CalendarDate{2025, 3, 14});
    CHECK(CalendarDate{2026, 2, 28}.PlusDays(1) == CalendarDate{2026, 3, 1});
    CHECK(CalendarDate{2026, 1, 1}.PlusDays(-1) == CalendarDate{2025, 12, 31});
}

TEST_CASE("calendar: days since 1970 round-trip across leap days and before the epoch") {
    CHECK(CalendarDate{1970, 1, 1}.DaysSinceEpoch() == 0);
    CHECK(CalendarDate{2000, 3, 1}.DaysSinceEpoch() == 11017);
    CHECK(CalendarDate::FromDaysSinceEpoch(-1) == CalendarDate{1969, 12, 31});
    for (std::int64_t days = -800; days < 40000; days += 37) {
        CAPTURE(days);
        CHECK(CalendarDate::FromDaysSinceEpoch(days).DaysSinceEpoch() == days);
    }
}

TEST_CASE("identifiers: one rule for ids and language codes") {
    CHECK(yousaid::IsValidIdentifier("parent_carer"));
    CHECK(yousaid::IsValidIdentifier("q4"));
    CHECK_FALSE(yousaid::IsValidIdentifier("_q"));
    CHECK_FALSE(yousaid::IsValidIdentifier("Parent"));
    CHECK_FALSE(yousaid::IsValidIdentifier(std::string(65, 'a')));
    CHECK(yousaid::IsValidLanguageCode("en"));
    CHECK(yousaid::IsValidLanguageCode("pt-BR"));
    CHECK_FALSE(yousaid::IsValidLanguageCode("EN"));
    CHECK_FALSE(yousaid::IsValidLanguageCode("Polish"));
    CHECK_FALSE(yousaid::IsValidLanguageCode("en-"));
}

TEST_CASE("problem: Status carries a failure's message") {
    CHECK(yousaid::Succeeded().ok());
    const yousaid::Status failed = yousaid::Status::Failure(std::string("the disk is full"));
    CHECK_FALSE(failed.ok());
    CHECK(failed.Message() == "the disk is full");
}
