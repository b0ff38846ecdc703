#include "core/analytics/display_text.h"

#include <cstdio>

#include "core/analytics/report_writer.h"

namespace yousaid {

std::string DisplayDecimal(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, ReportFigure(value));
    std::string shown(text);
    // "-0.0" reads as a fall where there is none.
    if (shown[0] == '-' && shown.find_first_not_of("-0.") == std::string::npos) shown.erase(0, 1);
    return shown;
}

std::string DisplayPercent(double percent) { return DisplayDecimal(percent, 1) + "%"; }

std::string DisplaySignedNumber(double value, int decimals) {
    const std::string number = DisplayDecimal(value, decimals);
    const bool zero = number.find_first_not_of("0.") == std::string::npos;
    return (number[0] == '-' || zero ? "" : "+") + number;
}

std::string DisplayPoints(double points) { return DisplaySignedNumber(points, 1) + " points"; }

std::string DisplayCount(std::int64_t count) {
    const bool negative = count < 0;
    // Digits of the magnitude, built as unsigned so that the most negative value has one.
    std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(count) : static_cast<std::uint64_t>(count);
    std::string reversed;
    int digits = 0;
    do {
        if (digits > 0 && digits % 3 == 0) reversed += ',';
        reversed += static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
        ++digits;
    } while (magnitude > 0);
    if (negative) reversed += '-';
    return std::string(reversed.rbegin(), reversed.rend());
}

}  // namespace yousaid
