#include "core/responses/response.h"

#include "core/base/calendar.h"
#include "core/base/enum_names.h"

#include <array>
#include <cstdio>
#include <utility>

namespace yousaid {

namespace {

constexpr EnumNames<ResponseStatus, 3> kStatusNames{{
    {ResponseStatus::kComplete, "complete"},
    {ResponseStatus::kPartial, "partial"},
    {ResponseStatus::kRefused, "refused"},
}};

constexpr EnumNames<AnswerMode, 4> kModeNames{{
    {AnswerMode::kSelf, "self"},
    {AnswerMode::kHelpedByAdult, "helped_by_adult"},
    {AnswerMode::kOnBehalf, "on_behalf"},
    {AnswerMode::kByPhone, "by_phone"},
}};

int HexDigitValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::int64_t FloorDivide(std::int64_t value, std::int64_t divisor) {
    const std::int64_t quotient = value / divisor;
    return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

}  // namespace

std::string_view ResponseStatusName(ResponseStatus status) { return NameOf(kStatusNames, status); }
std::optional<ResponseStatus> ParseResponseStatus(std::string_view name) { return ValueOf(kStatusNames, name); }
std::string_view AnswerModeName(AnswerMode mode) { return NameOf(kModeNames, mode); }
std::optional<AnswerMode> ParseAnswerMode(std::string_view name) { return ValueOf(kModeNames, name); }

ResponseId ResponseId::Generate(const RandomBytesFunction& fill_random) {
    std::array<std::uint8_t, 16> bytes{};
    fill_random(bytes.data(), bytes.size());
    ResponseId id;
    for (std::size_t index = 0; index < 8; ++index) {
        id.high = (id.high << 8) | bytes[index];
        id.low = (id.low << 8) | bytes[index + 8];
    }
    return id;
}

std::optional<ResponseId> ResponseId::FromHex(std::string_view hex) {
    if (hex.size() != 32) return std::nullopt;
    ResponseId id;
    for (std::size_t index = 0; index < 32; ++index) {
        const int digit = HexDigitValue(hex[index]);
        if (digit < 0) return std::nullopt;
        std::uint64_t& half = index < 16 ? id.high : id.low;
        half = (half << 4) | static_cast<std::uint64_t>(digit);
    }
    return id;
}

std::string ResponseId::ToHex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex(32, '0');
    for (std::size_t index = 0; index < 16; ++index) {
        hex[15 - index] = kDigits[(high >> (4 * index)) & 0xF];
        hex[31 - index] = kDigits[(low >> (4 * index)) & 0xF];
    }
    return hex;
}

std::string FormatIso8601Utc(std::int64_t milliseconds_since_epoch) {
    constexpr std::int64_t kMillisecondsPerDay = 86400000;
    const std::int64_t days = FloorDivide(milliseconds_since_epoch, kMillisecondsPerDay);
    const std::int64_t in_day = milliseconds_since_epoch - days * kMillisecondsPerDay;
    const CalendarDate date = CalendarDate::FromDaysSinceEpoch(days);
    const auto hours = static_cast<int>(in_day / 3600000);
    const auto minutes = static_cast<int>(in_day / 60000 % 60);
    const auto seconds = static_cast<int>(in_day / 1000 % 60);
    const auto millis = static_cast<int>(in_day % 1000);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ", static_cast<long long>(date.year),
                  static_cast<int>(date.month), static_cast<int>(date.day), hours, minutes, seconds, millis);
    return buffer;
}

bool operator==(const Response& a, const Response& b) {
    return a.id == b.id && a.survey_id == b.survey_id && a.survey_version == b.survey_version && a.wave == b.wave &&
           a.station_id == b.station_id && a.event_id == b.event_id && a.started_at_ms == b.started_at_ms &&
           a.submitted_at_ms == b.submitted_at_ms && a.status == b.status && a.answer_mode == b.answer_mode &&
           a.language == b.language && a.answers == b.answers && a.sealed == b.sealed;
}

}  // namespace yousaid
