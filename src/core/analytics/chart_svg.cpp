#include "core/analytics/chart_svg.h"

#include <algorithm>
#include <cmath>

#include "core/analytics/display_text.h"

namespace yousaid {

namespace {

// Coordinates at one decimal: precise enough for any screen or printer, and the same
// digits in every build.
std::string Px(double value) { return DisplayDecimal(value, 1); }

class SvgWriter {
public:
    SvgWriter(const ChartPalette& palette, const ChartFont& font) : palette_(palette), font_(font) {}

    void Rect(double x, double y, double width, double height, ChartRgb fill) {
        out_ += "<rect x=\"" + Px(x) + "\" y=\"" + Px(y) + "\" width=\"" + Px(std::max(0.0, width)) + "\" height=\"" +
                Px(height) + "\" fill=\"" + HexColour(fill) + "\"/>";
    }
    void Line(double x1, double y1, double x2, double y2, ChartRgb stroke, double stroke_width = 1.0) {
        out_ += "<line x1=\"" + Px(x1) + "\" y1=\"" + Px(y1) + "\" x2=\"" + Px(x2) + "\" y2=\"" + Px(y2) +
                "\" stroke=\"" + HexColour(stroke) + "\" stroke-width=\"" + Px(stroke_width) + "\"/>";
    }
    // `anchor`: "start", "middle" or "end". `baseline_y` is the text's baseline.
    void Text(double x, double baseline_y, const std::string& text, ChartRgb fill, const char* anchor = "start") {
        out_ += "<text x=\"" + Px(x) + "\" y=\"" + Px(baseline_y) + "\" fill=\"" + HexColour(fill) + "\"" +
                (std::string(anchor) == "start" ? "" : std::string(" text-anchor=\"") + anchor + "\"") + ">" +
                MarkupEscaped(text) + "</text>";
    }
    void Polygon(const std::vector<std::pair<double, double>>& points, ChartRgb fill) {
        out_ += "<polygon points=\"";
        for (std::size_t index = 0; index < points.size(); ++index) {
            out_ += (index == 0 ? "" : " ") + Px(points[index].first) + "," + Px(points[index].second);
        }
        out_ += "\" fill=\"" + HexColour(fill) + "\"/>";
    }
    void Raw(const std::string& markup) { out_ += markup; }
    // The baseline of text centred in a line whose top is `top`.
    double Baseline(double top) const { return top + font_.line_height * 0.75; }

    const ChartPalette& palette() const { return palette_; }
    const ChartFont& font() const { return font_; }
    std::string Take() { return std::move(out_); }

private:
    const ChartPalette& palette_;
    const ChartFont& font_;
    std::string out_;
};

void Whisker(SvgWriter& svg, double x_low, double x_high, double y_middle, double cap) {
    svg.Line(x_low, y_middle, x_high, y_middle, svg.palette().whisker, 1.5);
    svg.Line(x_low, y_middle - cap, x_low, y_middle + cap, svg.palette().whisker, 1.5);
    svg.Line(x_high, y_middle - cap, x_high, y_middle + cap, svg.palette().whisker, 1.5);
}

ChartRgb VerdictColour(const ChartPalette& palette, VerdictSymbol symbol) {
    switch (symbol) {
        case VerdictSymbol::kUpTriangle:
            return palette.improved;
        case VerdictSymbol::kDownTriangle:
            return palette.worse;
        case VerdictSymbol::kCircle:
        case VerdictSymbol::kNone:
            break;
    }
    return palette.unchanged;
}

// The symbol in a square of `size` whose top left is (x, y).
void VerdictMark(SvgWriter& svg, VerdictSymbol symbol, double x, double y, double size) {
    const ChartRgb colour = VerdictColour(svg.palette(), symbol);
    if (symbol == VerdictSymbol::kUpTriangle) svg.Polygon({{x, y + size}, {x + size / 2, y}, {x + size, y + size}}, colour);
    if (symbol == VerdictSymbol::kDownTriangle) svg.Polygon({{x, y}, {x + size, y}, {x + size / 2, y + size}}, colour);
    if (symbol == VerdictSymbol::kCircle) {
        svg.Raw("<circle cx=\"" + Px(x + size / 2) + "\" cy=\"" + Px(y + size / 2) + "\" r=\"" + Px(size / 2) +
                "\" fill=\"" + HexColour(colour) + "\"/>");
    }
}

void Legend(SvgWriter& svg, const ChartDescription& chart, const ChartLayout& layout) {
    for (std::size_t series = 0; series < layout.legend.size(); ++series) {
        const auto [x, y] = layout.legend[series];
        svg.Rect(x, y + (layout.line_height - kChartLegendSwatch) / 2, kChartLegendSwatch, kChartLegendSwatch,
                 SeriesColour(svg.palette(), series));
        svg.Text(x + kChartLegendSwatch + 4.0, svg.Baseline(y), chart.series[series], svg.palette().text);
    }
}

void ValueAxis(SvgWriter& svg, const ChartDescription& chart, const ChartLayout& layout) {
    for (const ChartTick& tick : layout.ticks) {
        const double x = layout.ValueX(tick.value);
        svg.Line(x, layout.plot_top, x, layout.plot_bottom, svg.palette().grid);
        svg.Text(x, svg.Baseline(layout.plot_bottom), tick.label, svg.palette().muted_text, "middle");
    }
    const double origin = layout.ValueX(chart.axis.bar_origin);
    svg.Line(origin, layout.plot_top, origin, layout.plot_bottom, svg.palette().axis);
}

ChartRgb BarColour(const ChartDescription& chart, const ChartRow& row, const ChartPalette& palette,
                   std::size_t series) {
    if (chart.kind == ChartKind::kDivergingChange) return VerdictColour(palette, row.verdict.symbol);
    return SeriesColour(palette, series);
}

void BarRow(SvgWriter& svg, const ChartDescription& chart, const ChartLayout& layout, std::size_t index) {
    const ChartRow& row = chart.rows[index];
    const ChartPalette& palette = svg.palette();
    svg.Raw("<g><title>" + MarkupEscaped(row.spoken) + "</title>");
    const double top = layout.row_tops[index];
    svg.Text(0.0, svg.Baseline(top), layout.row_labels[index], palette.text);
    if (!row.verdict.word.empty()) {
        const double word_left = layout.width - LabelWidth(row.verdict.word, svg.font());
        const double size = layout.line_height * 0.6;
        VerdictMark(svg, row.verdict.symbol, word_left - size - 4.0, top + (layout.line_height - size) / 2, size);
        svg.Text(layout.width, svg.Baseline(top), row.verdict.word, palette.text, "end");
    }
    for (std::size_t series = 0; series < row.values.size(); ++series) {
        const ChartValue& value = row.values[series];
        const double line_top = top + layout.line_height * static_cast<double>(series + 1);
        if (chart.series.size() > 1) svg.Text(0.0, svg.Baseline(line_top), chart.series[series], palette.muted_text);
        const double bar_top = layout.BarTop(index, series);
        if (value.value && !value.hidden) {
            const double from = layout.ValueX(chart.axis.bar_origin);
            const double to = layout.ValueX(*value.value);
            svg.Rect(std::min(from, to), bar_top, std::fabs(to - from), layout.bar_height,
                     BarColour(chart, row, palette, series));
        }
        if (value.low && value.high && !value.hidden) {
            Whisker(svg, layout.ValueX(*value.low), layout.ValueX(*value.high), bar_top + layout.bar_height / 2,
                     layout.bar_height / 2);
        }
        svg.Text(layout.value_label_left, svg.Baseline(line_top), value.label,
                 value.value ? palette.text : palette.muted_text);
    }
    svg.Raw("</g>");
}

void TrendAxes(SvgWriter& svg, const ChartDescription& chart, const ChartLayout& layout) {
    for (const ChartTick& tick : layout.ticks) {
        const double y = layout.ValueY(tick.value);
        svg.Line(layout.plot_left, y, layout.plot_right, y, svg.palette().grid);
        svg.Text(layout.plot_left - 6.0, y + layout.line_height * 0.3, tick.label, svg.palette().muted_text, "end");
    }
    for (std::size_t series = 0; series < layout.series_labels.size(); ++series) {
        const double x = layout.SeriesX(series, chart.series.size());
        svg.Text(x, svg.Baseline(layout.plot_bottom + 2.0), layout.series_labels[series], svg.palette().muted_text,
                 "middle");
    }
}

void TrendRow(SvgWriter& svg, const ChartDescription& chart, const ChartLayout& layout, const ChartRow& row) {
    const ChartRgb colour = SeriesColour(svg.palette(), 1);
    svg.Raw("<g><title>" + MarkupEscaped(row.spoken) + "</title>");
    // The line breaks where a wave has no figure: joining across it would invent one.
    std::string path;
    bool drawing = false;
    double note_top = layout.plot_bottom + layout.line_height + 4.0;
    for (std::size_t series = 0; series < row.values.size(); ++series) {
        const ChartValue& value = row.values[series];
        const double x = layout.SeriesX(series, chart.series.size());
        if (!value.value || value.hidden) {
            drawing = false;
            if (value.hidden) {
                svg.Text(0.0, svg.Baseline(note_top), chart.series[series] + ": " + value.label, svg.palette().muted_text);
                note_top += layout.line_height;
            }
            continue;
        }
        path += (drawing ? " L" : (path.empty() ? "M" : " M")) + Px(x) + " " + Px(layout.ValueY(*value.value));
        drawing = true;
        if (value.low && value.high) {
            const double cap = 4.0;
            svg.Line(x, layout.ValueY(*value.low), x, layout.ValueY(*value.high), svg.palette().whisker, 1.5);
            svg.Line(x - cap, layout.ValueY(*value.low), x + cap, layout.ValueY(*value.low), svg.palette().whisker, 1.5);
            svg.Line(x - cap, layout.ValueY(*value.high), x + cap, layout.ValueY(*value.high), svg.palette().whisker, 1.5);
        }
    }
    if (!path.empty()) {
        svg.Raw("<path d=\"" + path + "\" fill=\"none\" stroke=\"" + HexColour(colour) + "\" stroke-width=\"2\"/>");
    }
    for (std::size_t series = 0; series < row.values.size(); ++series) {
        const ChartValue& value = row.values[series];
        if (!value.value || value.hidden) continue;
        svg.Raw("<circle cx=\"" + Px(layout.SeriesX(series, chart.series.size())) + "\" cy=\"" +
                Px(layout.ValueY(*value.value)) + "\" r=\"3.5\" fill=\"" + HexColour(colour) + "\"/>");
    }
    svg.Raw("</g>");
}

}  // namespace

std::string MarkupEscaped(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (const char character : text) {
        switch (character) {
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            case '"': escaped += "&quot;"; break;
            case '\'': escaped += "&#39;"; break;
            default: escaped += character;
        }
    }
    return escaped;
}

std::string ChartSvg(const ChartDescription& chart, const ChartSvgOptions& options) {
    const ChartLayout layout = LayoutChart(chart, options.width, options.font);
    const ChartPalette& palette = ChartPaletteFor(options.theme);
    SvgWriter svg(palette, options.font);
    svg.Raw("<svg class=\"chart\" role=\"img\" aria-label=\"" + MarkupEscaped(chart.title) + "\" width=\"" +
            Px(layout.width) + "\" height=\"" + Px(layout.height) + "\" viewBox=\"0 0 " + Px(layout.width) + " " +
            Px(layout.height) + "\" font-family=\"sans-serif\" font-size=\"" + Px(options.font.line_height * 0.75) +
            "\">");
    svg.Raw("<title>" + MarkupEscaped(chart.title) + "</title><desc>" + MarkupEscaped(chart.description) + "</desc>");
    svg.Rect(0.0, 0.0, layout.width, layout.height, palette.background);
    if (chart.kind == ChartKind::kTrendLine) {
        TrendAxes(svg, chart, layout);
        for (const ChartRow& row : chart.rows) TrendRow(svg, chart, layout, row);
    } else {
        Legend(svg, chart, layout);
        ValueAxis(svg, chart, layout);
        for (std::size_t row = 0; row < chart.rows.size(); ++row) BarRow(svg, chart, layout, row);
    }
    svg.Raw("</svg>");
    return svg.Take();
}

}  // namespace yousaid
