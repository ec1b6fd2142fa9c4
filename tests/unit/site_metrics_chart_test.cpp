// site/metrics_chart.cpp: the inline SVG chart of a success metric and the
// number format it shares with the page's table.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "site/metrics_chart.h"

using prfaq::Actual;
using prfaq::Date;
using prfaq::format_number;
using prfaq::Located;
using prfaq::Metric;
using prfaq::metric_chart_svg;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

Metric metric(std::string name, std::optional<double> baseline, std::optional<double> target,
              std::optional<Date> by = std::nullopt, std::vector<Actual> actuals = {}, std::string unit = "") {
  Metric m;
  m.name.value = std::move(name);
  m.unit.value = std::move(unit);
  if (baseline) m.baseline = Located<double>{*baseline, {}};
  if (target) m.target = Located<double>{*target, {}};
  if (by) m.by = Located<Date>{*by, {}};
  m.actuals = std::move(actuals);
  return m;
}

// The example of the design notes, actuals out of order on purpose.
Metric refund_time() {
  return metric("Refund time, median", 120, 0.01, Date{2027, 9, 30},
                {{{2027, 4, 15}, 30}, {{2027, 1, 15}, 96}, {{2027, 7, 15}, 0.02}}, "hours");
}

std::size_t count(const std::string& s, std::string_view what) {
  std::size_t n = 0;
  for (auto i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
  return n;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "nan", "inf", "-inf" as any float formatter prints them, in any case, as
// the start of a word.
bool has_non_finite(const std::string& svg) {
  const std::string s = lower(svg);
  for (std::string_view word : {"nan", "inf"})
    for (auto i = s.find(word); i != std::string::npos; i = s.find(word, i + 1))
      if (i == 0 || !std::isalpha(static_cast<unsigned char>(s[i - 1]))) return true;
  return false;
}

// An attribute like onload= or onclick=.
bool has_event_attribute(const std::string& svg) {
  const std::string s = lower(svg);
  for (auto i = s.find(" on"); i != std::string::npos; i = s.find(" on", i + 1)) {
    auto j = i + 3;
    while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i + 3 && j < s.size() && s[j] == '=') return true;
  }
  return false;
}

// The numbers of every ` attr="..."` in order, e.g. all cx of the circles.
std::vector<double> attr_values(const std::string& svg, const std::string& attr) {
  std::vector<double> out;
  const std::string key = " " + attr + "=\"";
  for (auto i = svg.find(key); i != std::string::npos; i = svg.find(key, i + 1))
    out.push_back(std::stod(svg.substr(i + key.size())));
  return out;
}

}  // namespace

TEST_CASE("format_number groups thousands and drops trailing zeros", "[site][metrics_chart]") {
  CHECK(format_number(120) == "120");
  CHECK(format_number(0.01) == "0.01");
  CHECK(format_number(2500000) == "2,500,000");
  CHECK(format_number(1234.5) == "1,234.5");
  CHECK(format_number(-3) == "-3");
  CHECK(format_number(-1234567.25) == "-1,234,567.25");
  CHECK(format_number(0) == "0");
  CHECK(format_number(-0.0) == "0");
  CHECK(format_number(999) == "999");
  CHECK(format_number(1000) == "1,000");
  CHECK(format_number(-100) == "-100");
}

TEST_CASE("format_number keeps four decimals, or four significant digits below 1", "[site][metrics_chart]") {
  CHECK(format_number(1.23456789) == "1.2346");
  CHECK(format_number(0.1 + 0.2) == "0.3");
  CHECK(format_number(0.123456) == "0.1235");
  CHECK(format_number(0.000012346) == "0.00001235");
  CHECK(format_number(-0.00005) == "-0.00005");
  CHECK(format_number(-0.00000000000000001) == "0");
  CHECK(format_number(1e20) == "100,000,000,000,000,000,000");
  CHECK(format_number(0.99999) == "1");
  CHECK(format_number(0.9999) == "0.9999");
}

TEST_CASE("format_number gives nothing for NaN and infinities", "[site][metrics_chart]") {
  CHECK(format_number(kNaN) == "");
  CHECK(format_number(kInf) == "");
  CHECK(format_number(-kInf) == "");
}

TEST_CASE("a simple metric renders to exactly these bytes", "[site][metrics_chart]") {
  const Metric m = metric("Signups", 10, 20, Date{2026, 3, 1}, {{{2026, 1, 1}, 12}, {{2026, 2, 1}, 15}});
  CHECK(metric_chart_svg(m, "m1") ==
        "<svg class=\"metric-chart\" viewBox=\"0 0 600 214\" width=\"100%\" role=\"img\" "
        "aria-labelledby=\"m1-title\" aria-describedby=\"m1-desc\" font-family=\"sans-serif\" font-size=\"11\">"
        "<title id=\"m1-title\">Signups: baseline 10, target 20 by 2026-03-01, latest actual 15 on 2026-02-01</title>"
        "<desc id=\"m1-desc\">Actuals: 12 on 2026-01-01, 15 on 2026-02-01.</desc>"
        "<g class=\"mc-grid\" stroke=\"currentColor\" stroke-opacity=\"0.12\">"
        "<line x1=\"26.4\" y1=\"182\" x2=\"515.8\" y2=\"182\"/>"
        "<line x1=\"26.4\" y1=\"139.5\" x2=\"515.8\" y2=\"139.5\"/>"
        "<line x1=\"26.4\" y1=\"97\" x2=\"515.8\" y2=\"97\"/>"
        "<line x1=\"26.4\" y1=\"54.5\" x2=\"515.8\" y2=\"54.5\"/>"
        "<line x1=\"26.4\" y1=\"12\" x2=\"515.8\" y2=\"12\"/>"
        "<line x1=\"76.8\" y1=\"12\" x2=\"76.8\" y2=\"190\"/>"
        "<line x1=\"299.9\" y1=\"12\" x2=\"299.9\" y2=\"190\"/>"
        "<line x1=\"501.4\" y1=\"12\" x2=\"501.4\" y2=\"190\"/></g>"
        "<path class=\"mc-axis\" d=\"M26.4 12V190H515.8\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>"
        "<line class=\"mc-baseline\" x1=\"26.4\" y1=\"139.5\" x2=\"515.8\" y2=\"139.5\" stroke=\"currentColor\" "
        "stroke-width=\"1.5\" stroke-dasharray=\"6 4\" stroke-opacity=\"0.7\"/>"
        "<line class=\"mc-target\" x1=\"26.4\" y1=\"54.5\" x2=\"515.8\" y2=\"54.5\" stroke=\"currentColor\" "
        "stroke-width=\"1.5\"/>"
        "<g class=\"mc-goal\" fill=\"currentColor\" stroke=\"currentColor\"><title>target 20 by 2026-03-01</title>"
        "<line x1=\"501.4\" y1=\"190\" x2=\"501.4\" y2=\"54.5\" stroke-dasharray=\"2 3\"/>"
        "<path d=\"M501.4 48.5l6 6-6 6-6-6z\"/></g>"
        "<polyline class=\"mc-actual\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" "
        "stroke-linejoin=\"round\" points=\"76.8,122.5 299.9,97\"/>"
        "<g class=\"mc-point\" fill=\"currentColor\">"
        "<circle cx=\"76.8\" cy=\"122.5\" r=\"3.5\"><title>2026-01-01: 12</title></circle>"
        "<circle cx=\"299.9\" cy=\"97\" r=\"3.5\"><title>2026-02-01: 15</title></circle></g>"
        "<g class=\"mc-label\" fill=\"currentColor\">"
        "<text x=\"20.4\" y=\"186\" text-anchor=\"end\">5</text>"
        "<text x=\"20.4\" y=\"143.5\" text-anchor=\"end\">10</text>"
        "<text x=\"20.4\" y=\"101\" text-anchor=\"end\">15</text>"
        "<text x=\"20.4\" y=\"58.5\" text-anchor=\"end\">20</text>"
        "<text x=\"20.4\" y=\"16\" text-anchor=\"end\">25</text>"
        "<text x=\"76.8\" y=\"206\" text-anchor=\"middle\">Jan 2026</text>"
        "<text x=\"299.9\" y=\"206\" text-anchor=\"middle\">Feb 2026</text>"
        "<text x=\"501.4\" y=\"206\" text-anchor=\"middle\">Mar 2026</text>"
        "<text x=\"521.8\" y=\"143.5\" text-anchor=\"start\">baseline 10</text>"
        "<text x=\"521.8\" y=\"58.5\" text-anchor=\"start\">target 20</text></g></svg>");
}

TEST_CASE("the chart is labelled by its title, which reads as one sentence", "[site][metrics_chart]") {
  const std::string svg = metric_chart_svg(refund_time(), "metric-1");
  CHECK(svg.find("aria-labelledby=\"metric-1-title\"") != std::string::npos);
  CHECK(svg.find("aria-describedby=\"metric-1-desc\"") != std::string::npos);
  CHECK(svg.find("<title id=\"metric-1-title\">Refund time, median: baseline 120 hours, target 0.01 hours by "
                 "2027-09-30, latest actual 0.02 on 2027-07-15</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"metric-1-desc\">Actuals in hours: 96 on 2027-01-15, 30 on 2027-04-15, 0.02 on "
                 "2027-07-15.</desc>") != std::string::npos);
  CHECK(metric_chart_svg(refund_time(), "metric-2").find("<title id=\"metric-2-title\">") != std::string::npos);
}

TEST_CASE("the chart is inline, responsive and self-contained", "[site][metrics_chart]") {
  const std::string svg = metric_chart_svg(refund_time(), "metric-1");
  CHECK(svg.rfind("<svg class=\"metric-chart\" viewBox=\"0 0 600 214\" width=\"100%\" role=\"img\"", 0) == 0);
  CHECK(svg.size() < 3000);
  CHECK(svg == metric_chart_svg(refund_time(), "metric-1"));
  CHECK_FALSE(has_event_attribute(svg));
  for (const char* banned : {"<script", "href", "url(", "style=", "http", "<image", "<foreignobject"})
    CHECK(lower(svg).find(banned) == std::string::npos);
  CHECK_FALSE(has_non_finite(svg));
  for (const char* cls : {"mc-axis", "mc-grid", "mc-baseline", "mc-target", "mc-actual", "mc-point", "mc-label",
                          "mc-goal"})
    CHECK(svg.find(std::string("class=\"") + cls + "\"") != std::string::npos);
}

TEST_CASE("actuals are drawn in date order, one point with a tooltip each", "[site][metrics_chart]") {
  const std::string svg = metric_chart_svg(refund_time(), "metric-1");
  CHECK(count(svg, "<circle ") == 3);
  CHECK(svg.find("<title>2027-01-15: 96 hours</title>") < svg.find("<title>2027-04-15: 30 hours</title>"));
  CHECK(svg.find("<title>2027-04-15: 30 hours</title>") < svg.find("<title>2027-07-15: 0.02 hours</title>"));
  const std::vector<double> cx = attr_values(svg, "cx");
  CHECK(std::is_sorted(cx.begin(), cx.end()));
  CHECK(svg.find(">baseline 120</text>") != std::string::npos);
  CHECK(svg.find(">target 0.01</text>") != std::string::npos);
  CHECK(svg.find(">Jan 2027</text>") != std::string::npos);
  CHECK(svg.find("<title>target 0.01 hours by 2027-09-30</title>") != std::string::npos);
}

TEST_CASE("text from the brief is escaped", "[site][metrics_chart]") {
  const std::string svg = metric_chart_svg(metric("<script>&\"'", 1, 2, std::nullopt, {{{2027, 1, 1}, 1.5}}, "<b>"),
                                           "x\"y");
  CHECK(svg.find("&lt;script&gt;&amp;&quot;&#39;: baseline 1 &lt;b&gt;") != std::string::npos);
  CHECK(svg.find("<title>2027-01-01: 1.5 &lt;b&gt;</title>") != std::string::npos);
  CHECK(svg.find("aria-labelledby=\"x&quot;y-title\"") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find('\'') == std::string::npos);
}

TEST_CASE("NaN and infinite values are left out, never printed", "[site][metrics_chart]") {
  const Metric m = metric("Latency", kNaN, 5, Date{2027, 6, 1},
                          {{{2027, 1, 1}, kNaN}, {{2027, 2, 1}, 9}, {{2027, 3, 1}, kInf}, {{2027, 4, 1}, -kInf}});
  const std::string svg = metric_chart_svg(m, "m");
  CHECK_FALSE(svg.empty());
  CHECK_FALSE(has_non_finite(svg));
  CHECK(count(svg, "<circle ") == 1);
  CHECK(svg.find("mc-actual") == std::string::npos);  // one point: no line
  CHECK(svg.find("mc-baseline") == std::string::npos);
  CHECK(metric_chart_svg(metric("All NaN", kNaN, kInf, Date{2027, 6, 1}, {{{2027, 1, 1}, kNaN}}), "m") == "");
}

TEST_CASE("a baseline equal to the target draws both lines with separate labels", "[site][metrics_chart]") {
  for (double v : {0.0, 5.0, -3.0, 2500000.0}) {
    const std::string svg = metric_chart_svg(metric("Flat", v, v, Date{2027, 6, 1}, {{{2027, 1, 1}, v}}), "m");
    CAPTURE(v, svg);
    CHECK_FALSE(has_non_finite(svg));
    CHECK(svg.find("class=\"mc-baseline\"") != std::string::npos);
    CHECK(svg.find("class=\"mc-target\"") != std::string::npos);
    const auto base = svg.find("\">baseline "), target = svg.find("\">target ");  // the <text>s, not <title>s
    REQUIRE(base != std::string::npos);
    REQUIRE(target != std::string::npos);
    const std::vector<double> ys = attr_values(svg.substr(svg.rfind("<text", base)), "y");
    const std::vector<double> yt = attr_values(svg.substr(svg.rfind("<text", target)), "y");
    CHECK(std::fabs(ys.at(0) - yt.at(0)) >= 12);
  }
}

TEST_CASE("only a baseline and a target still draw both lines", "[site][metrics_chart]") {
  const std::string svg = metric_chart_svg(metric("Errors", 40, 20), "m");
  CHECK(svg.find("class=\"mc-baseline\"") != std::string::npos);
  CHECK(svg.find("class=\"mc-target\"") != std::string::npos);
  CHECK(svg.find("mc-goal") == std::string::npos);
  CHECK(svg.find("mc-point") == std::string::npos);
  CHECK(svg.find("text-anchor=\"middle\"") == std::string::npos);  // no dates, no date labels
  CHECK(svg.find("<title id=\"m-title\">Errors: baseline 40, target 20</title>") != std::string::npos);
  CHECK(svg.find("No actuals measured yet.") != std::string::npos);
  // A `by` date alone places the target marker and labels that date.
  const std::string by = metric_chart_svg(metric("Errors", 40, 20, Date{2027, 3, 1}), "m");
  CHECK(by.find("class=\"mc-goal\"") != std::string::npos);
  CHECK(by.find(">2027-03-01</text>") != std::string::npos);
}

TEST_CASE("a metric without any number draws nothing", "[site][metrics_chart]") {
  CHECK(metric_chart_svg(metric("Nothing", std::nullopt, std::nullopt), "m") == "");
  CHECK(metric_chart_svg(metric("Only a date", std::nullopt, std::nullopt, Date{2027, 1, 1}), "m") == "");
  CHECK(metric_chart_svg(metric("Overflow", -1e308, 1e308), "m") == "");
}

TEST_CASE("the value axis has 3 to 5 round ticks for any range", "[site][metrics_chart]") {
  const std::vector<std::pair<double, double>> ranges = {
      {0.01, 2500000}, {120, 0.01}, {0, 1}, {-5, 5}, {0.001, 0.002}, {1e17, 1e17 + 16}, {97, 103},
      {-1e6, -2e6},    {3, 3},      {0, 0}, {1e-9, 2e-9}, {1, 1000000000}, {0.5, 0.5000001}};
  for (auto [baseline, target] : ranges) {
    const std::string svg = metric_chart_svg(metric("R", baseline, target), "m");
    CAPTURE(baseline, target, svg);
    CHECK_FALSE(has_non_finite(svg));
    const std::size_t ticks = count(svg, "text-anchor=\"end\"");
    CHECK(ticks >= 3);
    CHECK(ticks <= 5);
  }
  const std::string wide = metric_chart_svg(metric("Sellers", 0.01, 2500000), "m");
  CHECK(wide.find(">3,000,000</text>") != std::string::npos);
  CHECK(wide.find(">target 2,500,000</text>") != std::string::npos);
}

TEST_CASE("date labels are months, years, or the dates themselves in a short window", "[site][metrics_chart]") {
  const std::string years =
      metric_chart_svg(metric("Long", 1, 2, Date{2031, 1, 1}, {{{2025, 6, 1}, 1.2}, {{2028, 6, 1}, 1.5}}), "m");
  CHECK(years.find(">2030</text>") != std::string::npos);
  CHECK(years.find(" 2030</text>") == std::string::npos);
  CHECK(count(years, "text-anchor=\"middle\"") <= 5);
  const std::string days =
      metric_chart_svg(metric("Short", 10, 3, Date{2027, 3, 20}, {{{2027, 3, 2}, 8}, {{2027, 3, 12}, 6}}), "m");
  CHECK(days.find(">2027-03-02</text>") != std::string::npos);
  CHECK(days.find(">2027-03-20</text>") != std::string::npos);
}
