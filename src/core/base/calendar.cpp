#include "core/base/calendar.h"

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
    const std::size_t first = text.find('/');
    const std::size_t second = first == std::string_view::npos ? first : text.find('/', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    const auto day = ParseDigits(text.substr(0, first));
    const auto month = ParseDigits(text.substr(first + 1, second - first - 1));
    const std::string_view year_text = text.substr(second + 1);
    const auto year = year_text.size() == 4 ? ParseDigits(year_text) : std::nullopt;
    if (!year || !month || !day) return std::nullopt;
    const CalendarDate date{*year, *month, *day};
    if (!date.IsValid()) return std::nullopt;
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
