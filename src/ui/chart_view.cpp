#include "ui/chart_view.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

enum class Anchor { kStart, kMiddle, kEnd };

ImU32 Colour(ChartRgb colour) { return IM_COL32(colour.r, colour.g, colour.b, 255); }

float TextWidth(const std::string& text) { return ImGui::CalcTextSize(text.c_str(), text.c_str() + text.size()).x; }

// The screen's font as the layout measures it: real glyph widths, and lines a little taller
// than the text so that bars, whiskers and labels have room.
ChartFont ScreenFont() {
    ChartFont font;
    font.line_height = std::round(ImGui::GetFontSize() * 1.45f);
    font.char_width = TextWidth("W");
    font.measure = [](const std::string& text) { return static_cast<double>(TextWidth(text)); };
    return font;
}

// Paints in the layout's coordinates (pixels from the chart's top left), as chart_svg.cpp
// writes them. Words also go to ImGui's log, which the test hook reads as the drawn text.
class Painter {
public:
    Painter(const ImVec2& origin, const ChartPalette& palette, const ChartLayout& layout)
        : origin_(origin), palette_(palette), layout_(layout), draw_(ImGui::GetWindowDrawList()) {}

    ImVec2 At(double x, double y) const {
        return ImVec2(origin_.x + static_cast<float>(x), origin_.y + static_cast<float>(y));
    }
    void Rect(double left, double top, double right, double bottom, ChartRgb fill) const {
        draw_->AddRectFilled(At(left, top), At(right, bottom), Colour(fill));
    }
    void Line(double x1, double y1, double x2, double y2, ChartRgb colour, float thickness = 1.0f) const {
        draw_->AddLine(At(x1, y1), At(x2, y2), Colour(colour), thickness);
    }
    // An interval's line with a halo of the background, so it reads on a bar of any colour.
    void IntervalLine(double x1, double y1, double x2, double y2) const {
        Line(x1, y1, x2, y2, palette_.background, 4.0f);
        Line(x1, y1, x2, y2, palette_.whisker, 2.0f);
    }
    // Text in the middle of the line whose top is `top`; `x` is where it starts, its middle
    // or its end.
    void Text(double x, double top, const std::string& text, ChartRgb colour, Anchor anchor = Anchor::kStart) const {
        if (text.empty()) return;
        const ImVec2 size = ImGui::CalcTextSize(text.c_str(), text.c_str() + text.size());
        double left = x;
        if (anchor == Anchor::kMiddle) left -= size.x / 2.0;
        if (anchor == Anchor::kEnd) left -= size.x;
        const ImVec2 at = At(std::round(left), std::round(top + (layout_.line_height - size.y) / 2.0));
        // Words out of view are neither drawn nor logged: the drawn text is what is seen.
        if (!ImGui::IsRectVisible(at, ImVec2(at.x + size.x, at.y + size.y))) return;
        draw_->AddText(at, Colour(colour), text.c_str(), text.c_str() + text.size());
        if (GImGui->LogEnabled) ImGui::LogRenderedText(&at, text.c_str(), text.c_str() + text.size());
    }
    bool Visible(double top, double bottom) const { return ImGui::IsRectVisible(At(0.0, top), At(layout_.width, bottom)); }

    ImDrawList* draw() const { return draw_; }
    const ChartPalette& palette() const { return palette_; }
    const ChartLayout& layout() const { return layout_; }

private:
    ImVec2 origin_;
    const ChartPalette& palette_;
    const ChartLayout& layout_;
    ImDrawList* draw_;
};

ChartRgb VerdictColour(const ChartPalette& palette, VerdictSymbol symbol) {
    if (symbol == VerdictSymbol::kUpTriangle) return palette.improved;
    if (symbol == VerdictSymbol::kDownTriangle) return palette.worse;
    return palette.unchanged;
}

// The verdict's symbol in a square of `size` whose top left is (x, y): its shape, not its
// colour, says which verdict it is.
void VerdictMark(const Painter& paint, VerdictSymbol symbol, double x, double y, double size) {
    const ImU32 colour = Colour(VerdictColour(paint.palette(), symbol));
    if (symbol == VerdictSymbol::kUpTriangle) {
        paint.draw()->AddTriangleFilled(paint.At(x, y + size), paint.At(x + size / 2, y), paint.At(x + size, y + size), colour);
    } else if (symbol == VerdictSymbol::kDownTriangle) {
        paint.draw()->AddTriangleFilled(paint.At(x, y), paint.At(x + size, y), paint.At(x + size / 2, y + size), colour);
    } else if (symbol == VerdictSymbol::kCircle) {
        paint.draw()->AddCircleFilled(paint.At(x + size / 2, y + size / 2), static_cast<float>(size / 2), colour, 16);
    }
}

void Legend(const Painter& paint, const ChartDescription& chart) {
    const ChartLayout& layout = paint.layout();
    for (std::size_t series = 0; series < layout.legend.size(); ++series) {
        const auto [x, y] = layout.legend[series];
        const double swatch_top = y + (layout.line_height - kChartLegendSwatch) / 2;
        paint.Rect(x, swatch_top, x + kChartLegendSwatch, swatch_top + kChartLegendSwatch,
                   SeriesColour(paint.palette(), series));
        paint.Text(x + kChartLegendSwatch + 4.0, y, chart.series[series], paint.palette().text);
    }
}

void GridLines(const Painter& paint, const ChartDescription& chart) {
    const ChartLayout& layout = paint.layout();
    for (const ChartTick& tick : layout.ticks) {
        const double x = std::round(layout.ValueX(tick.value)) + 0.5;
        paint.Line(x, layout.plot_top, x, layout.plot_bottom, paint.palette().grid);
    }
    const double origin = std::round(layout.ValueX(chart.axis.bar_origin)) + 0.5;
    paint.Line(origin, layout.plot_top, origin, layout.plot_bottom, paint.palette().axis, 1.5f);
}

// Drawn after the rows, so that the drawn text reads top to bottom.
void TickLabels(const Painter& paint) {
    const ChartLayout& layout = paint.layout();
    for (const ChartTick& tick : layout.ticks) {
        paint.Text(layout.ValueX(tick.value), layout.plot_bottom, tick.label, paint.palette().muted_text, Anchor::kMiddle);
    }
}

// One wave's line of a row: its name, its bar (none when hidden or without a figure), its
// whisker and its value label.
void BarLine(const Painter& paint, const ChartDescription& chart, std::size_t index, std::size_t series) {
    const ChartLayout& layout = paint.layout();
    const ChartPalette& palette = paint.palette();
    const ChartRow& row = chart.rows[index];
    const ChartValue& value = row.values[series];
    const double line_top = layout.row_tops[index] + layout.line_height * static_cast<double>(series + 1);
    if (chart.series.size() > 1) paint.Text(0.0, line_top, chart.series[series], palette.muted_text);
    const double bar_top = layout.BarTop(index, series);
    const double bar_bottom = bar_top + layout.bar_height;
    if (value.value && !value.hidden) {
        const double from = layout.ValueX(chart.axis.bar_origin);
        const double to = layout.ValueX(*value.value);
        const ChartRgb fill = chart.kind == ChartKind::kDivergingChange ? VerdictColour(palette, row.verdict.symbol)
                                                                         : SeriesColour(palette, series);
        paint.Rect(std::min(from, to), bar_top, std::max(from, to), bar_bottom, fill);
    }
    if (value.low && value.high && !value.hidden) {
        const double low = layout.ValueX(*value.low);
        const double high = layout.ValueX(*value.high);
        const double middle = (bar_top + bar_bottom) / 2;
        paint.IntervalLine(low, middle, high, middle);
        paint.IntervalLine(low, bar_top - 1, low, bar_bottom + 1);
        paint.IntervalLine(high, bar_top - 1, high, bar_bottom + 1);
    }
    paint.Text(layout.value_label_left, line_top, value.label, value.value ? palette.text : palette.muted_text);
}

void BarRow(const Painter& paint, const ChartDescription& chart, std::size_t index) {
    const ChartLayout& layout = paint.layout();
    const ChartRow& row = chart.rows[index];
    const double top = layout.row_tops[index];
    // The row's words sit on the background, over the grid lines that cross their line.
    paint.Rect(0.0, top, TextWidth(layout.row_labels[index]) + 4.0, top + layout.line_height, paint.palette().background);
    paint.Text(0.0, top, layout.row_labels[index], paint.palette().text);
    if (!row.verdict.word.empty()) {
        const double size = std::round(layout.line_height * 0.6);
        const double word_left = layout.width - TextWidth(row.verdict.word);
        paint.Rect(word_left - size - 8.0, top, layout.width, top + layout.line_height, paint.palette().background);
        VerdictMark(paint, row.verdict.symbol, word_left - size - 4.0, top + (layout.line_height - size) / 2, size);
        paint.Text(layout.width, top, row.verdict.word, paint.palette().text, Anchor::kEnd);
    }
    for (std::size_t series = 0; series < row.values.size(); ++series) BarLine(paint, chart, index, series);
}

void DrawBars(const Painter& paint, const ChartDescription& chart) {
    const ChartLayout& layout = paint.layout();
    Legend(paint, chart);
    GridLines(paint, chart);
    // Only the rows in view: a breakdown of hundreds of groups costs what is on screen.
    for (std::size_t index = 0; index < chart.rows.size(); ++index) {
        const double top = layout.row_tops[index];
        const double bottom = top + layout.line_height * static_cast<double>(chart.rows[index].values.size() + 1);
        if (paint.Visible(top, bottom)) BarRow(paint, chart, index);
    }
    TickLabels(paint);
}

// The waves across, the value up the side; the line breaks where a wave has no figure, as
// joining across it would invent one; a hidden wave is named below the axis.
void DrawTrend(const Painter& paint, const ChartDescription& chart) {
    const ChartLayout& layout = paint.layout();
    const ChartPalette& palette = paint.palette();
    for (auto tick = layout.ticks.rbegin(); tick != layout.ticks.rend(); ++tick) {
        const double y = std::round(layout.ValueY(tick->value)) + 0.5;
        paint.Line(layout.plot_left, y, layout.plot_right, y, palette.grid);
        paint.Text(layout.plot_left - 6.0, y - layout.line_height / 2, tick->label, palette.muted_text, Anchor::kEnd);
    }
    const ChartRgb colour = SeriesColour(palette, 1);
    const std::size_t count = chart.series.size();
    for (const ChartRow& row : chart.rows) {
        std::vector<ImVec2> run;
        const auto finish_run = [&] {
            if (run.size() > 1) paint.draw()->AddPolyline(run.data(), static_cast<int>(run.size()), Colour(colour), 0, 2.5f);
            run.clear();
        };
        for (std::size_t series = 0; series < row.values.size(); ++series) {
            const ChartValue& value = row.values[series];
            if (!value.value || value.hidden) {
                finish_run();
                continue;
            }
            const double x = layout.SeriesX(series, count);
            if (value.low && value.high) {
                const double low = layout.ValueY(*value.low);
                const double high = layout.ValueY(*value.high);
                paint.IntervalLine(x, low, x, high);
                paint.IntervalLine(x - 4, low, x + 4, low);
                paint.IntervalLine(x - 4, high, x + 4, high);
            }
            run.push_back(paint.At(x, layout.ValueY(*value.value)));
        }
        finish_run();
        for (std::size_t series = 0; series < row.values.size(); ++series) {
            const ChartValue& value = row.values[series];
            if (!value.value || value.hidden) continue;
            paint.draw()->AddCircleFilled(paint.At(layout.SeriesX(series, count), layout.ValueY(*value.value)), 4.0f,
                                          Colour(colour), 12);
        }
    }
    for (std::size_t series = 0; series < layout.series_labels.size(); ++series) {
        paint.Text(layout.SeriesX(series, count), layout.plot_bottom + 2.0, layout.series_labels[series],
                   palette.muted_text, Anchor::kMiddle);
    }
    double note_top = layout.plot_bottom + layout.line_height + 4.0;
    for (const ChartRow& row : chart.rows) {
        for (std::size_t series = 0; series < row.values.size(); ++series) {
            if (!row.values[series].hidden) continue;
            paint.Text(0.0, note_top, chart.series[series] + ": " + row.values[series].label, palette.muted_text);
            note_top += layout.line_height;
        }
    }
}

}  // namespace

void ChartView(const FrameContext& frame, const ChartDescription& chart, float width) {
    const float chart_width = std::floor(width > 0.0f ? width : ColumnWidth());
    const ChartFont font = ScreenFont();
    const ChartLayout layout = LayoutChart(chart, chart_width, font);
    const ChartTheme theme = &frame.theme == &HighContrastTheme() ? ChartTheme::kHighContrast : ChartTheme::kNormal;
    const ChartPalette& palette = ChartPaletteFor(theme);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    origin = ImVec2(std::round(origin.x), std::round(origin.y));
    // A trend stands alone in a grid of them: its question goes above it.
    const double caption = chart.kind == ChartKind::kTrendLine && !layout.row_labels.empty() ? font.line_height : 0.0;
    const float height = static_cast<float>(layout.height + caption);
    if (ImGui::IsRectVisible(origin, ImVec2(origin.x + chart_width, origin.y + height))) {
        const Painter paint(ImVec2(origin.x, origin.y + static_cast<float>(caption)), palette, layout);
        // The palette's contrast is worked out against its own background.
        paint.Rect(0.0, -caption, layout.width, layout.height, palette.background);
        if (caption > 0.0) paint.Text(0.0, -caption, layout.row_labels[0], palette.text);
        if (chart.kind == ChartKind::kTrendLine) {
            DrawTrend(paint, chart);
        } else {
            DrawBars(paint, chart);
        }
    }
    ImGui::Dummy(ImVec2(chart_width, height));
    // A trend's waves between the baseline and now are in no table: its sentence says them.
    std::string spoken = chart.title + ". " + chart.description;
    if (chart.kind == ChartKind::kTrendLine) {
        for (const ChartRow& row : chart.rows) spoken += " " + row.spoken + ".";
    }
    PublishLastText(spoken);
}

ChartDescription WithRowsInOrder(ChartDescription chart, const std::vector<std::size_t>& order) {
    std::vector<ChartRow> rows;
    rows.reserve(order.size());
    for (const std::size_t index : order) rows.push_back(std::move(chart.rows[index]));
    chart.rows = std::move(rows);
    return chart;
}

}  // namespace yousaid::ui
