#pragma once
// The one owner of calendar rules (proleptic Gregorian, UTC): leap years, month lengths,
// reading dates as people and spreadsheets write them, and converting between dates and
// days since 1970-01-01. No gmtime or locale: libcs differ, and the wasm build has no
// time zone.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/problem.h"

namespace yousaid {

bool IsLeapYear(std::int64_t year);
// 28 to 31; `month` is 1 to 12.
std::int32_t DaysInMonth(std::int64_t year, std::int32_t month);

struct CalendarDate {
    std::int32_t year = 0;
    std::int32_t month = 0;
    std::int32_t day = 0;

    // Whether the month exists and has that day.
    bool IsValid() const;

    // The fields of "YYYY-MM-DD" (exactly ten characters, digits where digits belong),
    // whether or not the date exists: callers tell "not written as a date" from "no such day".
    static std::optional<CalendarDate> ReadIsoShape(std::string_view text);
    // "2025-03-31" naming a day that exists; nullopt otherwise.
    static std::optional<CalendarDate> FromIso(std::string_view text);
    // "31/03/2025" or "1/3/2025", the UK order Excel writes in a UK locale; nullopt otherwise.
    static std::optional<CalendarDate> FromUk(std::string_view text);
    // A date as a spreadsheet cell holds it: either form above, surrounding spaces allowed,
    // in 1900 or later (where spreadsheet calendars begin); nullopt for anything else.
    static std::optional<CalendarDate> Parse(std::string_view text);

    std::string ToIso() const;  // "2025-03-31"
    std::string ToUk() const;   // "31/03/2025", as a UK volunteer writes it
    // "31 March 2025", for sentences.
    std::string InWords() const;

    // The same day of the month `months` later (or earlier), or the month's last day when it
    // has fewer days (31 January + 1 month is 28 or 29 February).
    CalendarDate PlusMonths(std::int32_t months) const;
    CalendarDate PlusDays(std::int64_t days) const { return FromDaysSinceEpoch(DaysSinceEpoch() + days); }

    // Days since 1970-01-01 (negative before it), after H. Hinnant's days_from_civil.
    std::int64_t DaysSinceEpoch() const;
    static CalendarDate FromDaysSinceEpoch(std::int64_t days);

    friend bool operator<(const CalendarDate& a, const CalendarDate& b) {
        if (a.year != b.year) return a.year < b.year;
        if (a.month != b.month) return a.month < b.month;
        return a.day < b.day;
    }
    friend bool operator<=(const CalendarDate& a, const CalendarDate& b) { return !(b < a); }
    friend bool operator==(const CalendarDate& a, const CalendarDate& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
};

// A date as a person in the UK types it into a form: day/month/year with /, - or . between
// (14/03/2026, 4/3/2026, 14-03-2026, 14.03.2026) or ISO (2026-03-14); a four-digit year,
// spaces around allowed. A failure says, in one sentence for the person who typed it, how
// to write a date, or that the day does not exist ("There is no 31 February 2026.").
Result<CalendarDate> ReadTypedDate(std::string_view text);

}  // namespace yousaid
