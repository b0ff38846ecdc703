#pragma once
// Figures as people read them, the same on screen, in report.html and in every chart: one
// decimal for percentages and points, thousands separators for counts, and one label for a
// hidden figure. The CSV files and summary.json stay unrounded; these are for reading only.
// Every non-integer goes through ReportFigure (12 significant digits) before it is rounded
// for display, so the native and WebAssembly builds print the same digits even where their
// maths libraries differ in the last bit.
#include <cstdint>
#include <string>

namespace yousaid {

// What every hidden figure shows, whichever rule hid it (primary, secondary or the audit):
// the label must not tell the rules apart, and a hidden figure is never shown as 0.
inline constexpr const char* kHiddenFigureText = "hidden: small numbers";

std::string DisplayDecimal(double value, int decimals);  // never "-0.0"
std::string DisplayPercent(double percent);              // "72.4%"
std::string DisplayPoints(double points);                // "+5.2 points", "-0.4 points", "0.0 points"
std::string DisplaySignedNumber(double value, int decimals);  // "+5", "-10", "0"
std::string DisplayCount(std::int64_t count);            // "12,345", "-1,000"

}  // namespace yousaid
