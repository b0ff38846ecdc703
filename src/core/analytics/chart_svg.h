#pragma once
// A chart description (chart.h) as SVG, for report.html: the same layout the workspace
// screen draws, so the printed chart and the one on screen agree. The SVG is meant to sit
// inline in an HTML page, where the HTML parser gives <svg> its namespace: it carries no
// xmlns attribute, so that report.html holds no URL at all. Deterministic: the same chart
// gives the same bytes, natively and in WebAssembly (coordinates at one decimal).
#include <string>
#include <string_view>

#include "core/analytics/chart.h"

namespace yousaid {

// Text safe inside an element or a double-quoted attribute: & < > " ' escaped.
std::string MarkupEscaped(std::string_view text);

struct ChartSvgOptions {
    double width = 640.0;
    ChartTheme theme = ChartTheme::kNormal;
    ChartFont font;  // the SVG's font-size is font.line_height * 0.75
};

// <svg role="img" aria-label=title> with <title>, <desc>, and each row in a group whose
// <title> is the row's sentence (its text alternative).
std::string ChartSvg(const ChartDescription& chart, const ChartSvgOptions& options = {});

}  // namespace yousaid
