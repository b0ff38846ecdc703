#pragma once
// One description per chart, as plain data, that both report.html's SVG (chart_svg.h) and
// the workspace screen (ImGui draw lists) render, so that the two cannot disagree about a
// scale, a tick, a whisker or a label. The description says what to draw (rows of values
// with their 95% intervals, the value axis with ticks at round numbers, verdicts as a word
// and a symbol); LayoutChart says where, for a given width and font, so that labels never
// overlap whoever draws them. Colours come from the Okabe-Ito palette, which stays
// distinguishable with every common colour-vision deficiency, in a normal and a
// high-contrast theme; every text colour reaches 4.5:1 on its background (WCAG 2.x AA).
//
// Usage (a renderer):
//   const ChartDescription chart = SatisfactionChart(officer, breakdown, group, wave);
//   const ChartLayout layout = LayoutChart(chart, width_px, {char_width_px, line_height_px});
//   for each tick in layout.ticks: a grid line at layout.ValueX(tick.value), its label below;
//   for each row r, value v: if (v.hidden) write kHiddenFigureText, draw no bar;
//                            else a bar from layout.ValueX(chart.axis.bar_origin) to ValueX(*v.value),
//                            a whisker from ValueX(*v.low) to ValueX(*v.high), and v.label.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace yousaid {

struct OfficerReport;

struct ChartRgb {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    friend bool operator==(const ChartRgb& a, const ChartRgb& c) { return a.r == c.r && a.g == c.g && a.b == c.b; }
};

// WCAG 2.x relative luminance and contrast ratio (1 to 21).
double RelativeLuminance(ChartRgb colour);
double ContrastRatio(ChartRgb foreground, ChartRgb background);
// "#0072b2", for SVG and CSS.
std::string HexColour(ChartRgb colour);

enum class ChartTheme : std::uint8_t { kNormal, kHighContrast };

struct ChartPalette {
    ChartRgb background;
    ChartRgb text;        // labels and values: >= 4.5:1 on background
    ChartRgb muted_text;  // axis labels and the hidden label: >= 4.5:1 on background
    ChartRgb grid;        // tick lines (decoration: the tick labels carry the values)
    ChartRgb axis;        // the zero line
    ChartRgb whisker;     // interval whiskers: the text colour, so they read on any bar
    std::vector<ChartRgb> series;  // one per wave, in order; Okabe-Ito
    ChartRgb improved;    // verdict symbols (with the word beside them: never colour alone)
    ChartRgb worse;
    ChartRgb unchanged;
};
const ChartPalette& ChartPaletteFor(ChartTheme theme);
// The series colour for a wave: the reported wave always gets the strongest colour.
ChartRgb SeriesColour(const ChartPalette& palette, std::size_t series);

enum class ChartKind : std::uint8_t {
    kBarsWithIntervals,  // horizontal bars per row, one per wave, each with a 95% whisker
    kGroupedBars,        // horizontal bars per row, one per wave, no intervals (return rates)
    kDivergingChange,    // a bar from 0 to the change in points, with its interval
    kTrendLine,          // one row's values across the waves, a line with interval whiskers
};

enum class ChartUnit : std::uint8_t { kPercent, kPoints };

struct ChartTick {
    double value = 0.0;
    std::string label;  // "40%", "+10", "0"
};

struct ChartAxis {
    double minimum = 0.0;
    double maximum = 100.0;
    double bar_origin = 0.0;  // where bars start: 0, inside the domain
    ChartUnit unit = ChartUnit::kPercent;
    double step = 20.0;              // between ticks: 1, 2 or 5 x 10^k
    std::vector<ChartTick> ticks;    // every step from minimum to maximum
    std::string title;               // "% positive", "change in points"
};

// Ticks at round numbers (1, 2 or 5 x 10^k) covering [minimum, maximum], about `target`
// of them; the domain is widened to whole steps.
ChartAxis NiceAxis(double minimum, double maximum, ChartUnit unit, int target_ticks, std::string title);
std::string AxisLabel(double value, ChartUnit unit);

enum class VerdictSymbol : std::uint8_t { kNone, kUpTriangle, kDownTriangle, kCircle };

struct ChartVerdict {
    std::string word;  // "improved", "no significant change", "worse"; empty: none
    VerdictSymbol symbol = VerdictSymbol::kNone;
};

struct ChartValue {
    std::optional<double> value;           // empty: hidden, or no answers
    std::optional<double> low, high;       // the 95% interval, when there is one
    bool hidden = false;                   // suppressed: no bar, and kHiddenFigureText
    std::string label;                     // "72.4% (68.1 to 76.3)", kHiddenFigureText, "no answers"
};

struct ChartRow {
    std::string label;                // a question, a group
    std::vector<ChartValue> values;   // one per series
    ChartVerdict verdict;
    std::string spoken;               // the row as one sentence, the chart's text alternative
    std::string section;              // the question's section title, for grouping; may be empty
    std::optional<double> change;     // points against the baseline, for sorting; empty when hidden
};

struct ChartDescription {
    ChartKind kind = ChartKind::kBarsWithIntervals;
    std::string title;
    std::string description;          // one sentence on what is shown, for <desc> and captions
    ChartAxis axis;
    std::vector<std::string> series;  // legend: one name per series (waves), in order
    std::vector<ChartRow> rows;
    std::vector<std::string> notes;   // e.g. "RR1 where invited counts are known, else COOP1"
};

// Orders for a chart's rows on screen: as built (question or group order), by the change
// against the baseline (largest rise first), or by the last series' value (highest first).
// Rows without the figure (hidden, no answers) come last, in their built order.
enum class ChartRowOrder : std::uint8_t { kAsBuilt, kByChange, kByValue };
std::vector<std::size_t> OrderedRows(const ChartDescription& chart, ChartRowOrder order);

// What a renderer's font measures. Without `measure`, labels are sized as characters *
// char_width, so pass a width no smaller than the font's widest common glyph (digits and
// lower case); the default is conservative for a 12 px sans-serif. A renderer that can
// measure its own font (the workspace screen, through ImGui) passes `measure`, so labels
// are fitted to what is really drawn rather than to a guess.
inline constexpr double kChartLegendSwatch = 10.0;

struct ChartFont {
    double char_width = 7.2;
    double line_height = 16.0;
    std::function<double(const std::string&)> measure;  // a label's width; may be empty
};
// Width of a label in the given font, counting UTF-8 characters, not bytes.
double LabelWidth(const std::string& text, const ChartFont& font);
// `text` shortened with "…" to fit `width`, cut at a character boundary; whole if it fits.
std::string FittedLabel(const std::string& text, double width, const ChartFont& font);

// Where everything goes for one width. Bar kinds: each row is a block of lines, a label line
// followed by one line per series (bar, whisker, value label right of the plot); trend: the
// value axis runs up the left, series (waves) across.
struct ChartLayout {
    double width = 0.0;
    double height = 0.0;
    double plot_left = 0.0, plot_right = 0.0;  // value axis (bar kinds), series axis (trend)
    double plot_top = 0.0, plot_bottom = 0.0;
    double value_label_left = 0.0;  // bar kinds: where each bar's value label starts
    // Bar kinds with more than one series: each legend entry's top left (a swatch of
    // kChartLegendSwatch pixels, then the series name); rows start below them.
    std::vector<std::pair<double, double>> legend;
    double line_height = 0.0;
    double bar_height = 0.0;
    std::vector<double> row_tops;   // bar kinds: the top of each row's block
    std::vector<ChartTick> ticks;   // those whose labels do not collide (coarser steps if needed)
    std::vector<std::string> row_labels;     // fitted to the width
    std::vector<std::string> series_labels;  // trend: the waves' labels shown (empty where thinned)
    double minimum = 0.0, maximum = 100.0;

    double ValueX(double value) const;       // bar kinds
    double ValueY(double value) const;       // trend
    double SeriesX(std::size_t series, std::size_t count) const;  // trend
    double BarTop(std::size_t row, std::size_t series) const;     // bar kinds
};
ChartLayout LayoutChart(const ChartDescription& chart, double width, const ChartFont& font = {});

// Builders from an officer's report. `reported_wave` indexes report.waves; empty means the
// last wave. Rows follow the survey's question order (or the breakdown's group order).
ChartDescription SatisfactionChart(const OfficerReport& officer, std::uint32_t breakdown, std::uint32_t group,
                                   std::optional<std::uint32_t> reported_wave = std::nullopt);
ChartDescription ChangeChart(const OfficerReport& officer, std::uint32_t breakdown, std::uint32_t group,
                             std::optional<std::uint32_t> reported_wave = std::nullopt);
ChartDescription ReturnRatesChart(const OfficerReport& officer, std::uint32_t breakdown);
ChartDescription TrendChart(const OfficerReport& officer, std::uint32_t breakdown, std::uint32_t group,
                            std::uint32_t question);

}  // namespace yousaid
