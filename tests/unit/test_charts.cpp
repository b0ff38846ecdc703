// The chart description (scales, ticks, whiskers, hidden cells, labels, colours), its SVG,
// and report.html: well-formed, escaped, self-contained and deterministic.
#include <doctest/doctest.h>

#include <cctype>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/analytics/chart.h"
#include "core/analytics/chart_svg.h"
#include "core/analytics/display_text.h"
#include "core/analytics/report_html.h"
#include "core/analytics/report_request.h"
#include "demo_officer_report.h"

using yousaid::ChartDescription;
using yousaid::ChartKind;
using yousaid::ChartLayout;
using yousaid::ChartRow;
using yousaid::ChartUnit;
using yousaid::ChartValue;
using yousaid::kHiddenFigureText;

namespace {

std::size_t Occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

// True when `step` is 1, 2 or 5 times a power of ten.
bool IsRoundStep(double step) {
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
    return std::fabs(mantissa - 1.0) < 1e-9 || std::fabs(mantissa - 2.0) < 1e-9 || std::fabs(mantissa - 5.0) < 1e-9;
}

ChartDescription TwoRowChart(const std::string& first_label) {
    ChartDescription chart;
    chart.kind = ChartKind::kBarsWithIntervals;
    chart.title = "Test";
    chart.axis = yousaid::NiceAxis(0.0, 100.0, ChartUnit::kPercent, 5, "% positive");
    chart.series = {"2025"};
    ChartValue shown;
    shown.value = 60.0;
    shown.low = 50.0;
    shown.high = 70.0;
    shown.label = "60.0% (50.0 to 70.0)";
    ChartValue hidden;
    hidden.hidden = true;
    hidden.label = kHiddenFigureText;
    ChartRow shown_row;
    shown_row.label = first_label;
    shown_row.values = {shown};
    shown_row.spoken = first_label + ", 2025: 60.0% positive";
    ChartRow hidden_row;
    hidden_row.label = "Small group";
    hidden_row.values = {hidden};
    hidden_row.spoken = std::string("Small group, 2025: ") + kHiddenFigureText;
    chart.rows = {shown_row, hidden_row};
    return chart;
}

// Every element closed in order (void elements and "/>" apart), every '<' starting a tag
// and every '&' starting an entity: what an unescaped text would break.
std::string MarkupProblem(const std::string& html) {
    static const std::set<std::string> kVoid = {"meta", "br", "hr", "img", "input", "link"};
    std::vector<std::string> open;
    for (std::size_t at = 0; at < html.size(); ++at) {
        if (html[at] == '&') {
            const std::size_t end = html.find(';', at);
            if (end == std::string::npos || end - at > 8) return "bare & at " + std::to_string(at);
            for (std::size_t c = at + 1; c < end; ++c) {
                if (!std::isalnum(static_cast<unsigned char>(html[c])) && html[c] != '#') return "bad entity at " + std::to_string(at);
            }
            continue;
        }
        if (html[at] == '>') return "bare > at " + std::to_string(at);
        if (html[at] != '<') continue;
        if (html.compare(at, 9, "<!DOCTYPE") == 0) {
            at = html.find('>', at);
            continue;
        }
        const bool closing = html[at + 1] == '/';
        std::size_t name_end = at + (closing ? 2 : 1);
        while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
        const std::string name = html.substr(at + (closing ? 2 : 1), name_end - at - (closing ? 2 : 1));
        if (name.empty()) return "bare < at " + std::to_string(at);
        const std::size_t end = html.find('>', at);
        if (end == std::string::npos) return "unclosed tag " + name;
        const bool self_closing = html[end - 1] == '/';
        if (closing) {
            if (open.empty() || open.back() != name) return "</" + name + "> closes " + (open.empty() ? "nothing" : open.back());
            open.pop_back();
        } else if (!self_closing && kVoid.count(name) == 0) {
            open.push_back(name);
        }
        at = end;
        if (name == "style" && !closing) at = html.find("</style>", at) - 1;  // CSS is not markup
    }
    return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

}  // namespace

TEST_CASE("charts: display text rounds for reading and never shows -0.0") {
    CHECK(yousaid::DisplayCount(0) == "0");
    CHECK(yousaid::DisplayCount(999) == "999");
    CHECK(yousaid::DisplayCount(1234567) == "1,234,567");
    CHECK(yousaid::DisplayCount(-1000) == "-1,000");
    CHECK(yousaid::DisplayPercent(72.44999) == "72.4%");
    CHECK(yousaid::DisplayPercent(72.45) == "72.5%");  // 72.45 at 12 digits, then rounded
    CHECK(yousaid::DisplayPoints(5.2) == "+5.2 points");
    CHECK(yousaid::DisplayPoints(-0.01) == "0.0 points");
    CHECK(yousaid::DisplayPoints(-0.4) == "-0.4 points");
}

TEST_CASE("charts: axes have ticks at 1, 2 or 5 x 10^k covering the domain") {
    const yousaid::ChartAxis percent = yousaid::NiceAxis(0.0, 100.0, ChartUnit::kPercent, 5, "");
    CHECK(percent.step == doctest::Approx(20.0));
    REQUIRE(percent.ticks.size() == 6);
    CHECK(percent.ticks.front().label == "0%");
    CHECK(percent.ticks.back().label == "100%");
    const yousaid::ChartAxis points = yousaid::NiceAxis(-23.0, 23.0, ChartUnit::kPoints, 6, "");
    CHECK(points.step == doctest::Approx(10.0));
    CHECK(points.minimum == doctest::Approx(-30.0));
    CHECK(points.maximum == doctest::Approx(30.0));
    CHECK(points.bar_origin == doctest::Approx(0.0));
    CHECK(points.ticks[0].label == "-30");
    CHECK(points.ticks[3].label == "0");
    CHECK(points.ticks[4].label == "+10");
    for (const double extent : {0.3, 7.0, 13.0, 47.0, 130.0, 999.0}) {
        const yousaid::ChartAxis axis = yousaid::NiceAxis(0.0, extent, ChartUnit::kPercent, 5, "");
        INFO(extent);
        CHECK(IsRoundStep(axis.step));
        CHECK(axis.maximum >= extent);
        CHECK(axis.ticks.size() >= 3);
        CHECK(axis.ticks.size() <= 11);
    }
}

TEST_CASE("charts: tick labels never collide, at any width, with round steps only") {
    const ChartDescription chart = TwoRowChart("Feel safe");
    const yousaid::ChartFont font;
    for (double width = 120.0; width <= 1200.0; width += 37.0) {
        const ChartLayout layout = yousaid::LayoutChart(chart, width, font);
        INFO(width);
        REQUIRE(layout.ticks.size() >= 2);
        const double step = layout.ticks[1].value - layout.ticks[0].value;
        CHECK(IsRoundStep(step));
        for (std::size_t tick = 1; tick < layout.ticks.size(); ++tick) {
            const double left_end = layout.ValueX(layout.ticks[tick - 1].value) +
                                    yousaid::LabelWidth(layout.ticks[tick - 1].label, font) / 2;
            const double right_start =
                layout.ValueX(layout.ticks[tick].value) - yousaid::LabelWidth(layout.ticks[tick].label, font) / 2;
            CHECK(left_end < right_start);
        }
        CHECK(layout.ValueX(layout.ticks.front().value) - yousaid::LabelWidth(layout.ticks.front().label, font) / 2 >= 0.0);
        // Bars and whiskers end before the value labels begin.
        CHECK(layout.plot_right < layout.value_label_left);
    }
}

TEST_CASE("charts: row labels are shortened to fit beside the verdict, never overlapping it") {
    const yousaid::ChartFont font;
    const std::string long_label(200, 'x');
    CHECK(yousaid::FittedLabel("short", 100.0, font) == "short");
    const std::string fitted = yousaid::FittedLabel(long_label, 100.0, font);
    CHECK(yousaid::LabelWidth(fitted, font) <= 100.0);
    CHECK(fitted.substr(fitted.size() - 3) == "\xE2\x80\xA6");
    // Cut at a character boundary: "é" is two bytes, one character.
    const std::string accented = yousaid::FittedLabel("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 4 * font.char_width, font);
    CHECK(accented == "\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x80\xA6");

    ChartDescription chart = TwoRowChart(long_label);
    chart.rows[0].verdict = {"no significant change", yousaid::VerdictSymbol::kCircle};
    const ChartLayout layout = yousaid::LayoutChart(chart, 400.0, font);
    const double verdict_left = 400.0 - yousaid::LabelWidth("no significant change", font) - font.line_height;
    CHECK(yousaid::LabelWidth(layout.row_labels[0], font) < verdict_left);
}

TEST_CASE("charts: a renderer's own measure of its font sizes and fits the labels") {
    // A proportional font: "i" 3 px, every other character 10 px.
    yousaid::ChartFont font;
    font.measure = [](const std::string& text) {
        double width = 0.0;
        for (const char character : text) width += character == 'i' ? 3.0 : 10.0;
        return width;
    };
    CHECK(yousaid::LabelWidth("iiii", font) == 12.0);
    CHECK(yousaid::LabelWidth("WWWW", font) == 40.0);
    // Ten "i" and the ellipsis (3 bytes of 10 px each here) fill 60 px exactly: 30 + 30.
    CHECK(yousaid::FittedLabel(std::string(30, 'i'), 60.0, font) == std::string(10, 'i') + "\xE2\x80\xA6");
    CHECK(yousaid::FittedLabel("WWWWWWWW", 60.0, font) == "WWW\xE2\x80\xA6");
    CHECK(yousaid::FittedLabel("iii", 60.0, font) == "iii");
    // The layout follows the measure: the value column fits the widest measured label.
    ChartDescription chart = TwoRowChart("Feel safe");
    const ChartLayout layout = yousaid::LayoutChart(chart, 600.0, font);
    for (const yousaid::ChartRow& row : chart.rows) {
        for (const yousaid::ChartValue& value : row.values) {
            CHECK(layout.value_label_left + yousaid::LabelWidth(value.label, font) <= 600.0 + 1e-9);
        }
    }
}

TEST_CASE("charts: bars and whiskers end at their values; hidden cells draw no bar") {
    const ChartDescription chart = TwoRowChart("Feel safe");
    const ChartLayout layout = yousaid::LayoutChart(chart, 600.0);
    CHECK(layout.ValueX(0.0) == doctest::Approx(layout.plot_left));
    CHECK(layout.ValueX(100.0) == doctest::Approx(layout.plot_right));
    CHECK(layout.ValueX(60.0) == doctest::Approx(layout.plot_left + 0.6 * (layout.plot_right - layout.plot_left)));
    const std::string svg = yousaid::ChartSvg(chart, {600.0, yousaid::ChartTheme::kNormal, {}});
    const std::string bar_end = "width=\"" + yousaid::DisplayDecimal(layout.ValueX(60.0) - layout.ValueX(0.0), 1) + "\"";
    CHECK(svg.find(bar_end) != std::string::npos);
    const std::string whisker = "x1=\"" + yousaid::DisplayDecimal(layout.ValueX(50.0), 1) + "\" y1=";
    CHECK(svg.find(whisker) != std::string::npos);
    CHECK(svg.find("x2=\"" + yousaid::DisplayDecimal(layout.ValueX(70.0), 1) + "\"") != std::string::npos);
    // The background and one bar: the hidden row has its label and nothing else.
    CHECK(Occurrences(svg, "<rect") == 2);
    CHECK(svg.find(std::string(">") + kHiddenFigureText + "<") != std::string::npos);
}

TEST_CASE("charts: every text colour reaches 4.5:1 in both themes, and verdict symbols 3:1") {
    CHECK(yousaid::ContrastRatio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
    CHECK(yousaid::ContrastRatio({255, 255, 255}, {255, 255, 255}) == doctest::Approx(1.0));
    // WCAG's own example: #767676 on white is just above 4.5:1.
    CHECK(yousaid::ContrastRatio({118, 118, 118}, {255, 255, 255}) == doctest::Approx(4.54).epsilon(0.01));
    for (const auto theme : {yousaid::ChartTheme::kNormal, yousaid::ChartTheme::kHighContrast}) {
        const yousaid::ChartPalette& palette = yousaid::ChartPaletteFor(theme);
        CHECK(yousaid::ContrastRatio(palette.text, palette.background) >= 4.5);
        CHECK(yousaid::ContrastRatio(palette.muted_text, palette.background) >= 4.5);
        CHECK(yousaid::ContrastRatio(palette.whisker, palette.background) >= 4.5);
        for (const auto symbol : {palette.improved, palette.worse, palette.unchanged}) {
            CHECK(yousaid::ContrastRatio(symbol, palette.background) >= 3.0);
        }
    }
    CHECK(yousaid::HexColour({0, 114, 178}) == "#0072b2");
}

TEST_CASE("charts: the SVG escapes every text, carries its alternatives, and is deterministic") {
    ChartDescription chart = TwoRowChart("Tom & Jerry <b>\"quoted\"</b> 'single'");
    chart.title = "A <title> & more";
    const std::string svg = yousaid::ChartSvg(chart);
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("Tom &amp; Jerry &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &#39;single&#39;") != std::string::npos);
    CHECK(svg.find("<title>A &lt;title&gt; &amp; more</title>") != std::string::npos);
    CHECK(svg.find("<desc>") != std::string::npos);
    CHECK(Occurrences(svg, "<g><title>") == chart.rows.size());
    CHECK(MarkupProblem(svg).empty());
    CHECK(svg.find("http") == std::string::npos);
    CHECK(yousaid::ChartSvg(chart) == svg);
}

TEST_CASE("charts: the demo's charts carry the report's figures, hidden cells and verdicts") {
    const yousaid::OfficerReport& officer = demo_report::DemoOfficerReport();
    const yousaid::AnalyticsReport& report = officer.report;
    const ChartDescription satisfaction = yousaid::SatisfactionChart(officer, 0, 0);
    REQUIRE(satisfaction.rows.size() == report.satisfaction_questions.size());
    REQUIRE(satisfaction.series == std::vector<std::string>{"2024", "2025"});
    const yousaid::SatisfactionRow* row = report.FindSatisfaction(1, 0, 0, 2);
    REQUIRE(row != nullptr);
    REQUIRE(row->interval_percent);
    CHECK(*satisfaction.rows[2].values[1].low == row->interval_percent->low);
    CHECK(*satisfaction.rows[2].values[1].high == row->interval_percent->high);
    CHECK(satisfaction.rows[2].verdict.word == "improved");
    CHECK(satisfaction.rows[2].verdict.symbol == yousaid::VerdictSymbol::kUpTriangle);
    CHECK(satisfaction.rows[2].spoken.find(", 2025: 75.0% positive, 95% interval 71.9 to 78.0, up 16.3 points on 2024, "
                                           "improved; 2024: 58.8% positive") != std::string::npos);

    // st_aldhelms_primary's return rate is hidden in 2024: no value, the one label.
    const auto school = report.FindBreakdown("school");
    REQUIRE(school);
    const auto group = report.FindGroup(*school, "st_aldhelms_primary");
    REQUIRE(group);
    const ChartDescription rates = yousaid::ReturnRatesChart(officer, *school);
    const ChartValue& hidden = rates.rows[*group].values[0];
    CHECK(hidden.hidden);
    CHECK_FALSE(hidden.value);
    CHECK(hidden.label == kHiddenFigureText);
    CHECK(rates.rows[*group].spoken.find(std::string("2024: ") + kHiddenFigureText) != std::string::npos);

    CHECK(satisfaction.rows[2].spoken.rfind("I know where to go to get help if I need it, 2025: 75.0% positive", 0) == 0);
    const ChartDescription change = yousaid::ChangeChart(officer, 0, 0);
    CHECK(change.rows[2].spoken ==
          "I know where to go to get help if I need it, 2025, up 16.3 points on 2024, improved, 95% interval 11.4 to 21.0");
    CHECK(change.axis.minimum < 0.0);
    CHECK(change.axis.minimum == -change.axis.maximum);
    for (const ChartRow& change_row : change.rows) {
        if (change_row.values[0].low) CHECK(*change_row.values[0].low >= change.axis.minimum);
        if (change_row.values[0].high) CHECK(*change_row.values[0].high <= change.axis.maximum);
    }
    const ChartDescription trend = yousaid::TrendChart(officer, 0, 0, 0);
    CHECK(trend.kind == ChartKind::kTrendLine);
    CHECK(trend.rows.size() == 1);
    CHECK(trend.rows[0].values.size() == report.waves.size());
}

TEST_CASE("report.html: well-formed, self-contained, deterministic, and among the report's files") {
    const yousaid::OfficerReport& officer = demo_report::DemoOfficerReport();
    const std::string html = yousaid::ReportHtml(officer);
    CHECK(MarkupProblem(html).empty());
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    for (const char* external : {"http", "//", "url(", "src=", "href=", "@import", "<script", "<link"}) {
        INFO(external);
        CHECK(html.find(external) == std::string::npos);
    }
    CHECK(html.find("@page { size: A4") != std::string::npos);
    CHECK(yousaid::ReportHtml(officer) == html);
    CHECK(Occurrences(html, "<svg") >= 4);
    CHECK(html.find(officer.settings.input_files[0].sha256) != std::string::npos);
    CHECK(html.find(kHiddenFigureText) != std::string::npos);

    const std::vector<std::string> names = officer.FileNames();
    CHECK(std::find(names.begin(), names.end(), yousaid::kReportHtmlName) != names.end());
    const auto file = officer.File(yousaid::kReportHtmlName);
    REQUIRE(file);
    CHECK(file->bytes == html);
    CHECK(officer.Files().back().bytes == html);
}

TEST_CASE("report.html: every text from the survey and the files is escaped") {
    yousaid::OfficerReport officer = demo_report::DemoOfficerReport();
    officer.survey.title = yousaid::TranslatableText("Tom & Jerry's <script>alert(\"x\")</script>");
    officer.survey.questions[officer.report.satisfaction_questions[0]].text =
        yousaid::TranslatableText("Do you feel <safe> & \"happy\"?");
    officer.settings.input_files.push_back({"responses", "<img src=x>.csv", std::string(64, 'a')});
    officer.report.warnings.push_back("a warning with <b>markup</b> & ampersand");
    const std::string html = yousaid::ReportHtml(officer);
    CHECK(MarkupProblem(html).empty());
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<safe>") == std::string::npos);
    CHECK(html.find("Tom &amp; Jerry&#39;s &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("Do you feel &lt;safe&gt; &amp; &quot;happy&quot;?") != std::string::npos);
    CHECK(html.find("&lt;img src=x&gt;.csv") != std::string::npos);
    CHECK(html.find("a warning with &lt;b&gt;markup&lt;/b&gt; &amp; ampersand") != std::string::npos);
}

TEST_CASE("charts: a trend line breaks at a hidden wave and says so under the axis") {
    ChartDescription chart;
    chart.kind = ChartKind::kTrendLine;
    chart.title = "Feel safe, everyone";
    chart.series = {"2023", "2024", "2025", "2026"};
    chart.axis = yousaid::NiceAxis(0.0, 100.0, ChartUnit::kPercent, 5, "% positive");
    ChartRow row;
    row.label = "Feel safe";
    for (const double percent : {61.0, -1.0, 68.5, 70.0}) {
        ChartValue value;
        if (percent < 0) {
            value.hidden = true;
            value.label = kHiddenFigureText;
        } else {
            value.value = percent;
            value.low = percent - 4.0;
            value.high = percent + 4.0;
            value.label = yousaid::DisplayPercent(percent);
        }
        row.values.push_back(value);
    }
    chart.rows.push_back(row);
    const ChartLayout layout = yousaid::LayoutChart(chart, 300.0);
    CHECK(layout.ValueY(100.0) == doctest::Approx(layout.plot_top));
    CHECK(layout.ValueY(0.0) == doctest::Approx(layout.plot_bottom));
    CHECK(layout.SeriesX(0, 4) == doctest::Approx(layout.plot_left));
    CHECK(layout.SeriesX(3, 4) == doctest::Approx(layout.plot_right));
    CHECK(layout.series_labels.back() == "2026");  // the reported wave is always labelled
    const std::string svg = yousaid::ChartSvg(chart, {300.0, yousaid::ChartTheme::kHighContrast, {}});
    CHECK(MarkupProblem(svg).empty());
    CHECK(Occurrences(svg, "<circle") == 3);  // no point for the hidden wave
    CHECK(Occurrences(svg, " M") == 1);       // the line starts again after it
    CHECK(svg.find(std::string(">2024: ") + kHiddenFigureText + "<") != std::string::npos);
    CHECK(svg.find("fill=\"#000000\"") != std::string::npos);

    // Narrow: wave labels are thinned, never overlapping, the last one kept.
    const ChartLayout narrow = yousaid::LayoutChart(chart, 90.0);
    const yousaid::ChartFont font;
    double previous_right = -1e9;
    for (std::size_t series = 0; series < narrow.series_labels.size(); ++series) {
        if (narrow.series_labels[series].empty()) continue;
        const double half = yousaid::LabelWidth(narrow.series_labels[series], font) / 2;
        CHECK(narrow.SeriesX(series, 4) - half > previous_right);
        previous_right = narrow.SeriesX(series, 4) + half;
    }
    CHECK(narrow.series_labels.back() == "2026");
}

TEST_CASE("charts: rows sort by change or by value, rows without the figure last, ties in question order") {
    const yousaid::OfficerReport& officer = demo_report::DemoOfficerReport();
    const ChartDescription chart = yousaid::SatisfactionChart(officer, 0, 0);
    const std::vector<std::size_t> as_built = yousaid::OrderedRows(chart, yousaid::ChartRowOrder::kAsBuilt);
    REQUIRE(as_built.size() == chart.rows.size());
    CHECK(as_built.front() == 0);
    const std::vector<std::size_t> by_change = yousaid::OrderedRows(chart, yousaid::ChartRowOrder::kByChange);
    CHECK(chart.rows[by_change.front()].label.find("adults listen") != std::string::npos);  // +20.1 points
    CHECK(chart.rows[by_change.back()].verdict.word == "worse");                             // -7.7 points
    const std::vector<std::size_t> by_value = yousaid::OrderedRows(chart, yousaid::ChartRowOrder::kByValue);
    for (std::size_t at = 1; at < by_value.size(); ++at) {
        CHECK(*chart.rows[by_value[at - 1]].values.back().value >= *chart.rows[by_value[at]].values.back().value);
    }

    ChartDescription with_hidden = TwoRowChart("Shown");
    std::swap(with_hidden.rows[0], with_hidden.rows[1]);  // the hidden row first as built
    CHECK(yousaid::OrderedRows(with_hidden, yousaid::ChartRowOrder::kByValue) == std::vector<std::size_t>{1, 0});
}
