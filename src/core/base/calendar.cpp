#include "core/base/calendar.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/base/text.h"

namespace yousaid {

namespace {

// One to four ASCII digits; nullopt for anything else.
std::optional<std::int32_t> ParseDigits(std::string_view text) {
    if (text.empty() || text.size() > 4) return std::nullopt;
    std::int32_t value = 0;
    for (const char character : text) {
        if (character < '0' || character > '9') return std::nullopt;
        value = value * 10 + (character - '0');
    }
    return value;
}

constexpr std::array<const char*, 12> kMonthNames{{"January", "February", "March", "April", "May", "June", "July",
                                                  "August", "September", "October", "November", "December"}};

// The day, month and year fields of "D/M/YYYY" with one separator (/, - or .) used twice,
// whether or not the date exists; nullopt when the text has another shape.
std::optional<CalendarDate> ReadDayMonthYearShape(std::string_view text) {
    const std::size_t first = text.find_first_of("/-.");
    if (first == std::string_view::npos) return std::nullopt;
    const char separator = text[first];
    const std::size_t second = text.find(separator, first + 1);
    if (second == std::string_view::npos || first > 2 || second - first - 1 > 2) return std::nullopt;
    const auto day = ParseDigits(text.substr(0, first));
    const auto month = ParseDigits(text.substr(first + 1, second - first - 1));
    const std::string_view year_text = text.substr(second + 1);
    const auto year = year_text.size() == 4 ? ParseDigits(year_text) : std::nullopt;
    if (!year || !month || !day) return std::nullopt;
    return CalendarDate{*year, *month, *day};
}

}  // namespace

bool IsLeapYear(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::int32_t DaysInMonth(std::int64_t year, std::int32_t month) {
    static constexpr std::array<std::int32_t, 12> kDays{{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};
    if (month == 2 && IsLeapYear(year)) return 29;
    return kDays[static_cast<std::size_t>(month - 1)];
}

bool CalendarDate::IsValid() const { return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month); }

std::optional<CalendarDate> CalendarDate::ReadIsoShape(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto year = ParseDigits(text.substr(0, 4));
    const auto month = ParseDigits(text.substr(5, 2));
    const auto day = ParseDigits(text.substr(8, 2));
    if (!year || !month || !day) return std::nullopt;
    return CalendarDate{*year, *month, *day};
}

std::optional<CalendarDate> CalendarDate::FromIso(std::string_view text) {
    const std::optional<CalendarDate> date = ReadIsoShape(text);
    if (!date || !date->IsValid()) return std::nullopt;
    return date;
}

std::optional<CalendarDate> CalendarDate::FromUk(std::string_view text) {
    const std::size_t separator = text.find_first_of("/-.");
    if (separator == std::string_view::npos || text[separator] != '/') return std::nullopt;
    const std::optional<CalendarDate> date = ReadDayMonthYearShape(text);
    if (!date || !date->IsValid()) return std::nullopt;
    return date;
}

std::optional<CalendarDate> CalendarDate::Parse(std::string_view text) {
    const std::string_view trimmed = TrimSpaces(text);
    std::optional<CalendarDate> date = FromIso(trimmed);
    if (!date && !ReadIsoShape(trimmed)) date = FromUk(trimmed);
    if (!date || date->year < 1900) return std::nullopt;
    return date;
}

std::string CalendarDate::ToIso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(year), static_cast<int>(month),
                  static_cast<int>(day));
    return buffer;
}

std::string CalendarDate::ToUk() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", static_cast<int>(day), static_cast<int>(month),
                  static_cast<int>(year));
    return buffer;
}

std::string CalendarDate::InWords() const {
    const bool named = month >= 1 && month <= 12;
    return std::to_string(day) + " " + (named ? kMonthNames[static_cast<std::size_t>(month - 1)] : "month " + std::to_string(month)) +
           " " + std::to_string(year);
}

CalendarDate CalendarDate::PlusMonths(std::int32_t months) const {
    const std::int64_t index = static_cast<std::int64_t>(year) * 12 + (month - 1) + months;
    const std::int64_t new_year = index >= 0 ? index / 12 : (index - 11) / 12;
    CalendarDate date;
    date.year = static_cast<std::int32_t>(new_year);
    date.month = static_cast<std::int32_t>(index - new_year * 12 + 1);
    date.day = std::min(day, DaysInMonth(date.year, date.month));
    return date;
}

Result<CalendarDate> ReadTypedDate(std::string_view text) {
    const std::string_view trimmed = TrimSpaces(text);
    std::optional<CalendarDate> date = CalendarDate::ReadIsoShape(trimmed);
    if (!date) date = ReadDayMonthYearShape(trimmed);
    if (!date) return Result<CalendarDate>::Failure("Type the date as day/month/year, for example 14/03/2026.");
    if (date->month < 1 || date->month > 12) {
        return Result<CalendarDate>::Failure("There is no month " + std::to_string(date->month) +
                                             ": type the date as day/month/year, for example 14/03/2026.");
    }
    if (!date->IsValid()) return Result<CalendarDate>::Failure("There is no " + date->InWords() + ".");
    return Result<CalendarDate>::Success(*date);
}

std::int64_t CalendarDate::DaysSinceEpoch() const {
    const std::int64_t shifted_year = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (shifted_year >= 0 ? shifted_year : shifted_year - 399) / 400;
    const std::int64_t year_of_era = shifted_year - era * 400;
    const std::int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

CalendarDate CalendarDate::FromDaysSinceEpoch(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_index = (5 * day_of_year + 2) / 153;
    CalendarDate date;
    date.day = static_cast<std::int32_t>(day_of_year - (153 * month_index + 2) / 5 + 1);
    date.month = static_cast<std::int32_t>(month_index < 10 ? month_index + 3 : month_index - 9);
    date.year = static_cast<std::int32_t>(year_of_era + era * 400 + (date.month <= 2 ? 1 : 0));
    return date;
}

}  // namespace yousaid
