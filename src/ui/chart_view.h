#pragma once
// The workspace's charts, drawn with ImGui's draw lists from the same ChartDescription and
// LayoutChart that report.html's SVG renders (core/analytics/chart_svg.cpp), so the screen
// and the printed report cannot disagree about a scale, a tick, a whisker or a label. This
// file only paints: every number, label and position comes from the description and its
// layout, measured with the screen's own font.
//
// Every kind of chart: bars with 95% whiskers, grouped bars per wave (with a legend of
// swatch and wave name), a diverging bar for change (the verdict as a word and a symbol,
// never colour alone) and a small trend line. A hidden figure is drawn as
// kHiddenFigureText and no bar. Rows outside the view are not drawn, so a long breakdown
// costs what is on screen. The chart's words also go to the test hook's drawn text; its
// figures reach screen readers through the table each view draws beside it.
#include <cstddef>
#include <string>
#include <vector>

#include "core/analytics/chart.h"
#include "ui/frame_context.h"

namespace yousaid::ui {

// Draws `chart` at the cursor, `width` pixels wide (0: the column), and moves the cursor
// below it. Publishes one text item over its area: the chart's title and what it shows
// (and a trend's figures, which no table holds).
void ChartView(const FrameContext& frame, const ChartDescription& chart, float width = 0.0f);

// The chart with its rows in `order` (indices into its rows, as OrderedRows gives them), so
// that a chart follows the sort the officer chose, and two charts of the same questions
// (percent and change) follow the same one.
ChartDescription WithRowsInOrder(ChartDescription chart, const std::vector<std::size_t>& order);

}  // namespace yousaid::ui
