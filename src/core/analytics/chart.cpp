#include "core/analytics/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/analytics/display_text.h"

namespace yousaid {

namespace {

constexpr ChartRgb kBlack{0, 0, 0};
constexpr ChartRgb kWhite{255, 255, 255};
// Okabe & Ito (2008), "Color Universal Design".
constexpr ChartRgb kOrange{230, 159, 0};
constexpr ChartRgb kSkyBlue{86, 180, 233};
constexpr ChartRgb kBluishGreen{0, 158, 115};
constexpr ChartRgb kYellow{240, 228, 66};
constexpr ChartRgb kBlue{0, 114, 178};
constexpr ChartRgb kVermillion{213, 94, 0};
constexpr ChartRgb kReddishPurple{204, 121, 167};

double Linearised(std::uint8_t channel) {
    const double value = channel / 255.0;
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

// Gaps between labels, in pixels: enough that two labels never read as one.
constexpr double kLabelGap = 8.0;
constexpr double kLegendSwatch = kChartLegendSwatch;

}  // namespace

double RelativeLuminance(ChartRgb colour) {
    return 0.2126 * Linearised(colour.r) + 0.7152 * Linearised(colour.g) + 0.0722 * Linearised(colour.b);
}

double ContrastRatio(ChartRgb foreground, ChartRgb background) {
    const double a = RelativeLuminance(foreground);
    const double b = RelativeLuminance(background);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

std::string HexColour(ChartRgb colour) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", colour.r, colour.g, colour.b);
    return text;
}

const ChartPalette& ChartPaletteFor(ChartTheme theme) {
    // The normal theme's text colours are the app's (ui/theme.cpp); the high-contrast theme is
    // white on black like the app's. Series: the reported wave is the last and strongest.
    static const ChartPalette normal{kWhite,
                                     {31, 36, 48},
                                     {84, 92, 107},
                                     {214, 211, 206},
                                     {84, 92, 107},
                                     {31, 36, 48},
                                     {kSkyBlue, kBlue, kOrange, kReddishPurple, kBluishGreen, kVermillion},
                                     kBluishGreen,
                                     kVermillion,
                                     {84, 92, 107}};
    static const ChartPalette high_contrast{kBlack,
                                            kWhite,
                                            {230, 230, 230},
                                            {90, 90, 90},
                                            {230, 230, 230},
                                            kWhite,
                                            {kSkyBlue, kYellow, kOrange, kReddishPurple, kBluishGreen, kVermillion},
                                            kBluishGreen,
                                            kVermillion,
                                            {230, 230, 230}};
    return theme == ChartTheme::kHighContrast ? high_contrast : normal;
}

ChartRgb SeriesColour(const ChartPalette& palette, std::size_t series) {
    return palette.series[series % palette.series.size()];
}

std::string AxisLabel(double value, ChartUnit unit) {
    // Ticks are whole multiples of 1, 2 or 5 x 10^k: whole numbers unless the step is below 1.
    const int decimals = std::fabs(value - std::round(value)) < 1e-9 ? 0 : 1;
    if (unit == ChartUnit::kPercent) return DisplayDecimal(value, decimals) + "%";
    return DisplaySignedNumber(value, decimals);
}

namespace {

// The smallest of 1, 2, 5 x 10^k that is at least `rough`.
double NiceStepAtLeast(double rough) {
    if (!(rough > 0.0)) return 1.0;
    // The power of ten at or below `rough`, by multiplying and dividing rather than through
    // log10 and pow, whose last bits differ between glibc and musl: the SVG must not.
    double magnitude = 1.0;
    while (magnitude * 10.0 <= rough) magnitude *= 10.0;
    while (magnitude > rough) magnitude /= 10.0;
    for (const double multiple : {1.0, 2.0, 5.0, 10.0}) {
        // A relative margin, so that a step of exactly 20 is not rounded up to 50.
        if (multiple * magnitude >= rough * (1.0 - 1e-9)) return multiple * magnitude;
    }
    return 10.0 * magnitude;
}

// The next round step above `step`: 1 -> 2 -> 5 -> 10.
double NextNiceStep(double step) { return NiceStepAtLeast(step * 1.5); }

std::vector<ChartTick> TicksEvery(double step, double minimum, double maximum, ChartUnit unit) {
    std::vector<ChartTick> ticks;
    const long long first = static_cast<long long>(std::ceil(minimum / step - 1e-9));
    const long long last = static_cast<long long>(std::floor(maximum / step + 1e-9));
    for (long long index = first; index <= last; ++index) {
        const double value = static_cast<double>(index) * step;
        ticks.push_back({value, AxisLabel(value, unit)});
    }
    return ticks;
}

double WidestLabel(const std::vector<ChartTick>& ticks, const ChartFont& font) {
    double widest = 0.0;
    for (const ChartTick& tick : ticks) widest = std::max(widest, LabelWidth(tick.label, font));
    return widest;
}

}  // namespace

ChartAxis NiceAxis(double minimum, double maximum, ChartUnit unit, int target_ticks, std::string title) {
    ChartAxis axis;
    if (!(maximum > minimum)) maximum = minimum + 1.0;
    axis.step = NiceStepAtLeast((maximum - minimum) / std::max(1, target_ticks));
    axis.minimum = std::floor(minimum / axis.step + 1e-9) * axis.step;
    axis.maximum = std::ceil(maximum / axis.step - 1e-9) * axis.step;
    axis.bar_origin = std::clamp(0.0, axis.minimum, axis.maximum);
    axis.unit = unit;
    axis.ticks = TicksEvery(axis.step, axis.minimum, axis.maximum, unit);
    axis.title = std::move(title);
    return axis;
}

std::vector<std::size_t> OrderedRows(const ChartDescription& chart, ChartRowOrder order) {
    std::vector<std::size_t> rows(chart.rows.size());
    for (std::size_t row = 0; row < rows.size(); ++row) rows[row] = row;
    if (order == ChartRowOrder::kAsBuilt) return rows;
    auto key = [&](std::size_t row) -> std::optional<double> {
        const ChartRow& shown = chart.rows[row];
        if (order == ChartRowOrder::kByChange) return shown.change;
        if (shown.values.empty() || shown.values.back().hidden) return std::nullopt;
        return shown.values.back().value;
    };
    // Stable, so that ties keep question order and every build sorts alike.
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        const std::optional<double> key_a = key(a);
        const std::optional<double> key_b = key(b);
        if (key_a.has_value() != key_b.has_value()) return key_a.has_value();
        return key_a && *key_a > *key_b;
    });
    return rows;
}

double LabelWidth(const std::string& text, const ChartFont& font) {
    if (font.measure) return font.measure(text);
    std::size_t characters = 0;
    for (const char byte : text) characters += (static_cast<unsigned char>(byte) & 0xC0) != 0x80 ? 1 : 0;
    return static_cast<double>(characters) * font.char_width;
}

std::string FittedLabel(const std::string& text, double width, const ChartFont& font) {
    if (LabelWidth(text, font) <= width) return text;
    const std::string ellipsis = "\xE2\x80\xA6";
    // The byte offsets where a character starts (and the end): the cut is one of them.
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) cuts.push_back(at);
    }
    if (cuts.empty()) return ellipsis;
    // The longest start that fits with the ellipsis, by bisection: a measured font costs a
    // pass over the label per try, and widths only grow with length.
    std::size_t fits = 0;
    std::size_t too_long = cuts.size();
    while (too_long - fits > 1) {
        const std::size_t middle = (fits + too_long) / 2;
        if (LabelWidth(text.substr(0, cuts[middle]) + ellipsis, font) <= width) {
            fits = middle;
        } else {
            too_long = middle;
        }
    }
    return text.substr(0, cuts[fits]) + ellipsis;
}

namespace {

// Ticks whose labels, centred on their ticks, leave a gap between neighbours: the axis's
// own step if it fits, otherwise the next round step (20 -> 50 -> 100), never a thinning
// that would leave ticks at odd values.
std::vector<ChartTick> TicksThatFit(const ChartAxis& axis, double length, double label_extent, const ChartFont& font) {
    double step = axis.step;
    for (int attempt = 0; attempt < 12; ++attempt) {
        std::vector<ChartTick> ticks = TicksEvery(step, axis.minimum, axis.maximum, axis.unit);
        const double spacing = length * step / (axis.maximum - axis.minimum);
        const double needed = label_extent < 0 ? WidestLabel(ticks, font) + kLabelGap : label_extent;
        if (spacing >= needed || ticks.size() <= 2) return ticks;
        step = NextNiceStep(step);
    }
    return TicksEvery(axis.maximum - axis.minimum, axis.minimum, axis.maximum, axis.unit);
}

}  // namespace

double ChartLayout::ValueX(double value) const {
    const double fraction = (std::clamp(value, minimum, maximum) - minimum) / (maximum - minimum);
    return plot_left + fraction * (plot_right - plot_left);
}

double ChartLayout::ValueY(double value) const {
    const double fraction = (std::clamp(value, minimum, maximum) - minimum) / (maximum - minimum);
    return plot_bottom - fraction * (plot_bottom - plot_top);
}

double ChartLayout::SeriesX(std::size_t series, std::size_t count) const {
    if (count <= 1) return (plot_left + plot_right) / 2.0;
    return plot_left + (plot_right - plot_left) * static_cast<double>(series) / static_cast<double>(count - 1);
}

double ChartLayout::BarTop(std::size_t row, std::size_t series) const {
    return row_tops[row] + line_height * static_cast<double>(series + 1) + (line_height - bar_height) / 2.0;
}

namespace {

double VerdictWidth(const ChartVerdict& verdict, const ChartFont& font) {
    return verdict.word.empty() ? 0.0 : LabelWidth(verdict.word, font) + font.line_height + kLabelGap;
}

// Legend entries (swatch and name) left to right from the legend's top left, wrapping to a
// new line when the width runs out. Trend lines have none: their waves are the axis.
std::vector<std::pair<double, double>> LegendPositions(const ChartDescription& chart, double width,
                                                       const ChartFont& font) {
    std::vector<std::pair<double, double>> positions;
    if (chart.kind == ChartKind::kTrendLine || chart.series.size() <= 1) return positions;
    double x = 0.0;
    double y = 0.0;
    for (const std::string& name : chart.series) {
        const double entry = kLegendSwatch + 4.0 + LabelWidth(name, font) + 2 * kLabelGap;
        if (x > 0.0 && x + entry > width) {
            y += font.line_height;
            x = 0.0;
        }
        positions.emplace_back(x, y);
        x += entry;
    }
    return positions;
}

void LayoutBars(const ChartDescription& chart, ChartLayout& layout, const ChartFont& font) {
    double series_column = 0.0;
    if (chart.series.size() > 1) {
        for (const std::string& name : chart.series) series_column = std::max(series_column, LabelWidth(name, font));
        series_column = std::min(series_column + kLabelGap, layout.width * 0.2);
    }
    double value_column = LabelWidth(kHiddenFigureText, font);
    for (const ChartRow& row : chart.rows) {
        for (const ChartValue& value : row.values) value_column = std::max(value_column, LabelWidth(value.label, font));
    }
    value_column = std::min(value_column + kLabelGap, layout.width * 0.45);
    const double tick_overhang = WidestLabel(chart.axis.ticks, font) / 2.0;
    layout.plot_left = std::max(series_column, tick_overhang);
    layout.value_label_left = layout.width - value_column + kLabelGap;
    layout.plot_right = std::max(layout.plot_left + 1.0, layout.width - value_column);
    layout.legend = LegendPositions(chart, layout.width, font);
    layout.plot_top = layout.legend.empty() ? 0.0 : layout.legend.back().second + layout.line_height + 4.0;
    double y = layout.plot_top;
    for (const ChartRow& row : chart.rows) {
        layout.row_tops.push_back(y);
        layout.row_labels.push_back(FittedLabel(row.label, layout.width - VerdictWidth(row.verdict, font), font));
        y += layout.line_height * static_cast<double>(row.values.size() + 1);
    }
    layout.plot_bottom = y;
    layout.height = y + layout.line_height;  // the tick labels' line
    layout.ticks = TicksThatFit(chart.axis, layout.plot_right - layout.plot_left, -1.0, font);
}

void LayoutTrend(const ChartDescription& chart, ChartLayout& layout, const ChartFont& font) {
    constexpr double kTrendPlotLines = 7.0;
    layout.plot_left = WidestLabel(chart.axis.ticks, font) + kLabelGap;
    const double last_label = chart.series.empty() ? 0.0 : LabelWidth(chart.series.back(), font);
    const double first_label = chart.series.empty() ? 0.0 : LabelWidth(chart.series.front(), font);
    layout.plot_left = std::max(layout.plot_left, first_label / 2.0);
    layout.plot_right = std::max(layout.plot_left + 1.0, layout.width - last_label / 2.0 - 2.0);
    layout.plot_top = layout.line_height / 2.0;
    layout.plot_bottom = layout.plot_top + kTrendPlotLines * layout.line_height;
    // Vertical ticks collide when they are closer than a line.
    layout.ticks = TicksThatFit(chart.axis, layout.plot_bottom - layout.plot_top, layout.line_height, font);
    // Wave labels across: every k-th, always the last (the reported wave).
    const std::size_t count = chart.series.size();
    double widest = 0.0;
    for (const std::string& name : chart.series) widest = std::max(widest, LabelWidth(name, font));
    const double spacing = count > 1 ? (layout.plot_right - layout.plot_left) / static_cast<double>(count - 1) : 1e9;
    const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((widest + kLabelGap) / spacing)));
    for (std::size_t series = 0; series < count; ++series) {
        const bool shown = (count - 1 - series) % every == 0;
        layout.series_labels.push_back(shown ? chart.series[series] : std::string());
    }
    for (const ChartRow& row : chart.rows) layout.row_labels.push_back(FittedLabel(row.label, layout.width, font));
    std::size_t hidden_notes = 0;
    for (const ChartRow& row : chart.rows) {
        for (const ChartValue& value : row.values) hidden_notes += value.hidden ? 1 : 0;
    }
    // Below the wave labels, one line per hidden wave: "2024: hidden: small numbers".
    layout.height = layout.plot_bottom + layout.line_height * static_cast<double>(1 + hidden_notes) + 4.0;
}

}  // namespace

ChartLayout LayoutChart(const ChartDescription& chart, double width, const ChartFont& font) {
    ChartLayout layout;
    layout.width = width;
    layout.line_height = font.line_height;
    layout.bar_height = std::round(font.line_height * 0.65);
    layout.minimum = chart.axis.minimum;
    layout.maximum = chart.axis.maximum > chart.axis.minimum ? chart.axis.maximum : chart.axis.minimum + 1.0;
    if (chart.kind == ChartKind::kTrendLine) {
        LayoutTrend(chart, layout, font);
    } else {
        LayoutBars(chart, layout, font);
    }
    return layout;
}

}  // namespace yousaid
