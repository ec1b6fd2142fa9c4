#include "site/metrics_chart.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "util/escape_markup.h"

namespace prfaq {
namespace {

// The viewBox, in user units. Text is 11 units high and about 6.2 wide per
// character in a sans-serif font: margins are sized from label lengths.
constexpr double kWidth = 600, kHeight = 214;
// The frame spans kTop to kBottom; values stop kGap above the bottom axis so
// a target of 0 does not hide in the axis line.
constexpr double kTop = 12, kBottom = 190, kGap = 8;
constexpr double kCharWidth = 6.2;

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
// algorithm): the x axis needs a linear day count, and these are exact for any
// year, where <ctime> is bounded by time_t and the local time zone.
std::int64_t days_from_civil(const Date& date) {
  std::int64_t y = date.year - (date.month <= 2);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (date.month + 9) % 12;  // March = 0
  const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// The date of a day count, the inverse of days_from_civil.
Date civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = static_cast<int>((5 * doy + 2) / 153);
  const int month = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe + era * 400 + (month <= 2)), month, static_cast<int>(doy - (153 * mp + 2) / 5 + 1)};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

// `v` with `decimals` places and trailing zeros dropped. std::to_chars, not
// printf: it ignores the C locale, so the bytes never depend on the machine.
std::string fixed(double v, int decimals) {
  std::array<char, 400> buf;  // DBL_MAX has 309 integer digits
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, decimals);
  if (ec != std::errc{}) return "";
  std::string s(buf.data(), end);
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string coord(double v) { return fixed(v, 1); }

struct ValueAxis {
  double lo = 0, hi = 1;
  std::vector<double> ticks;  // 3 to 5, from lo to hi
};

// Round ticks (1, 2, 2.5 or 5 times a power of ten) around [lo, hi], padded
// so no value sits on the frame. Values that are all >= 0 (times, counts)
// keep the axis at >= 0. Equal values, and values too close for a double to
// step between (1e17 and 1e17 + 16), get a band of 10% around them, so the
// scale never divides by zero.
ValueAxis value_axis(double lo, double hi) {
  const bool non_negative = lo >= 0;
  if (hi - lo <= std::fabs(lo) * 1e-9) hi = lo;
  const double pad = hi > lo ? (hi - lo) * 0.05 : lo != 0 ? std::fabs(lo) * 0.1 : 1;
  lo -= pad;
  hi += pad;
  if (non_negative) lo = std::max(lo, 0.0);
  const double magnitude = std::pow(10, std::floor(std::log10((hi - lo) / 4)));
  ValueAxis axis;
  if (!(magnitude > 0) || !std::isfinite(hi - lo)) return axis;  // ranges a double cannot scale: no ticks
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0, 20.0}) {  // 20: at most 4 intervals, always
    const double step = m * magnitude;
    const double first = std::floor(lo / step);
    double last = std::ceil(hi / step);
    if (!(last - first <= 4)) continue;
    last = std::max(last, first + 2);
    for (int i = 0; i <= static_cast<int>(last - first); ++i) axis.ticks.push_back((first + i) * step);
    axis.lo = first * step;
    axis.hi = last * step;
    break;
  }
  return axis;
}

struct Point {
  std::int64_t day;
  Date date;
  double value;
};

struct XTick {
  std::int64_t day;
  std::string label;
};

// Month starts inside the window [lo, hi] (day numbers), every 1, 2, 3 or 6
// months or a number of whole years, so that at most 5 show. A window holding
// fewer than 2 (under about two months) gets the first and last data dates.
std::vector<XTick> time_ticks(double lo, double hi, std::int64_t first_day, std::int64_t last_day) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const Date a = civil_from_days(static_cast<std::int64_t>(std::ceil(lo)));
  const Date b = civil_from_days(static_cast<std::int64_t>(std::floor(hi)));
  // Months counted as year * 12 + month - 1.
  const std::int64_t lo_month = a.year * std::int64_t{12} + a.month - 1 + (a.day != 1);
  const std::int64_t hi_month = b.year * std::int64_t{12} + b.month - 1;
  constexpr std::array<std::int64_t, 8> kSteps = {1, 2, 3, 6, 12, 24, 60, 120};
  std::int64_t step = 1, first = lo_month;
  for (std::size_t i = 0;; ++i) {
    step = i < kSteps.size() ? kSteps[i] : step * 2;
    first = floor_div(lo_month + step - 1, step) * step;
    if (first > hi_month || (hi_month - first) / step < 5) break;
  }
  std::vector<XTick> ticks;
  for (std::int64_t m = first; m <= hi_month; m += step) {
    const Date start{static_cast<int>(floor_div(m, 12)), static_cast<int>(m - floor_div(m, 12) * 12) + 1, 1};
    const std::string year = std::to_string(start.year);
    ticks.push_back({days_from_civil(start), step < 12 ? kMonths[start.month - 1] + (" " + year) : year});
  }
  if (ticks.size() >= 2) return ticks;
  ticks = {{first_day, civil_from_days(first_day).str()}};
  if (last_day != first_day) ticks.push_back({last_day, civil_from_days(last_day).str()});
  return ticks;
}

std::string with_unit(double v, const std::string& unit) {
  return unit.empty() ? format_number(v) : format_number(v) + " " + unit;
}

}  // namespace

std::string format_number(double value) {
  if (!std::isfinite(value)) return "";
  int decimals = 4;
  const double magnitude = std::fabs(value);
  if (magnitude > 0 && magnitude < 1)
    decimals = std::clamp(3 + static_cast<int>(std::ceil(-std::log10(magnitude))), 4, 15);
  std::string s = fixed(value, decimals);
  const std::size_t begin = s[0] == '-' ? 1 : 0;
  std::size_t i = std::min(s.find('.'), s.size());
  while (i > begin + 3) {
    i -= 3;
    s.insert(i, 1, ',');
  }
  return s;
}

std::string metric_chart_svg(const Metric& metric, std::string_view id) {
  auto finite = [](const std::optional<Located<double>>& v) -> std::optional<double> {
    if (v && std::isfinite(v->value)) return v->value;
    return std::nullopt;
  };
  const std::optional<double> baseline = finite(metric.baseline), target = finite(metric.target);
  std::vector<Point> points;
  for (const Actual& a : metric.actuals)
    if (std::isfinite(a.value)) points.push_back({days_from_civil(a.date), a.date, a.value});
  std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.day < b.day; });
  if (!baseline && !target && points.empty()) return "";

  std::vector<double> values;
  for (auto v : {baseline, target})
    if (v) values.push_back(*v);
  for (const Point& p : points) values.push_back(p.value);
  const auto [min_v, max_v] = std::minmax_element(values.begin(), values.end());
  const ValueAxis vy = value_axis(*min_v, *max_v);
  // Without ticks the range overflows (near ±DBL_MAX) or underflows: nothing
  // honest to draw.
  if (vy.ticks.empty() || !std::isfinite(vy.hi - vy.lo) || !(vy.hi > vy.lo)) return "";

  // Margins fit the longest tick label on the left and line label on the right.
  std::vector<std::string> tick_labels;
  std::size_t left_chars = 1;
  for (double t : vy.ticks) left_chars = std::max(left_chars, tick_labels.emplace_back(format_number(t)).size());
  const std::string base_label = baseline ? "baseline " + format_number(*baseline) : "";
  const std::string target_label = target ? "target " + format_number(*target) : "";
  const auto right_chars = static_cast<double>(std::max(base_label.size(), target_label.size()));
  const double x0 = 14 + static_cast<double>(left_chars) * kCharWidth;
  const double x1 = std::max(kWidth * 0.6, kWidth - 16 - right_chars * kCharWidth);
  auto y_of = [&](double v) { return kBottom - kGap - (v - vy.lo) / (vy.hi - vy.lo) * (kBottom - kGap - kTop); };

  // Time runs from a margin before the first date (actual or `by`) to just
  // after the last. Without any date the lines span the plot and x has no ticks.
  std::optional<std::int64_t> by, first_day, last_day;
  if (metric.by) by = first_day = last_day = days_from_civil(metric.by->value);
  if (!points.empty()) {
    first_day = std::min(points.front().day, by.value_or(points.front().day));
    last_day = std::max(points.back().day, by.value_or(points.back().day));
  }
  double day_lo = 0, day_hi = 1;
  if (first_day) {
    const auto span = static_cast<double>(*last_day - *first_day);
    day_lo = static_cast<double>(*first_day) - std::max(span / 10, 7.0);
    day_hi = static_cast<double>(*last_day) + std::max(span / 40, 2.0);
  }
  auto x_of = [&](std::int64_t day) { return x0 + (static_cast<double>(day) - day_lo) / (day_hi - day_lo) * (x1 - x0); };

  std::string grid, labels;
  auto text = [&](double x, double y, const char* anchor, std::string_view s) {
    labels += "<text x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" text-anchor=\"" + anchor + "\">" + escape_markup(s) +
              "</text>";
  };
  auto line = [](double xa, double ya, double xb, double yb) {
    return " x1=\"" + coord(xa) + "\" y1=\"" + coord(ya) + "\" x2=\"" + coord(xb) + "\" y2=\"" + coord(yb) + "\"";
  };
  for (std::size_t i = 0; i < vy.ticks.size(); ++i) {
    grid += "<line" + line(x0, y_of(vy.ticks[i]), x1, y_of(vy.ticks[i])) + "/>";
    text(x0 - 6, y_of(vy.ticks[i]) + 4, "end", tick_labels[i]);
  }
  if (first_day) {
    double right_edge = -1e9;  // of the last date label drawn: one that would overlap it is left out
    for (const XTick& t : time_ticks(day_lo, day_hi, *first_day, *last_day)) {
      const double x = x_of(t.day), half = static_cast<double>(t.label.size()) * kCharWidth / 2;
      grid += "<line" + line(x, kTop, x, kBottom) + "/>";
      if (x - half < right_edge + 6) continue;
      text(x, kBottom + 16, "middle", t.label);
      right_edge = x + half;
    }
  }

  // Baseline and target are labelled in the right margin; labels of lines
  // closer than a text line are pushed apart, the larger value on top.
  double y_base = baseline ? y_of(*baseline) : 0, y_target = target ? y_of(*target) : 0;
  if (baseline && target && std::fabs(y_base - y_target) < 12) {
    const double mid = (y_base + y_target) / 2, shift = *target >= *baseline ? 6 : -6;
    y_target = mid - shift;
    y_base = mid + shift;
  }
  std::string marks;
  if (baseline) {
    marks += "<line class=\"mc-baseline\"" + line(x0, y_of(*baseline), x1, y_of(*baseline)) +
             " stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" stroke-opacity=\"0.7\"/>";
    text(x1 + 6, y_base + 4, "start", base_label);
  }
  const std::string& unit = metric.unit.value;
  const std::string by_text = metric.by ? " by " + metric.by->value.str() : "";
  if (target) {
    const double y = y_of(*target);
    marks += "<line class=\"mc-target\"" + line(x0, y, x1, y) + " stroke=\"currentColor\" stroke-width=\"1.5\"/>";
    text(x1 + 6, y_target + 4, "start", target_label);
    if (by) {
      const double x = x_of(*by);
      marks += "<g class=\"mc-goal\" fill=\"currentColor\" stroke=\"currentColor\"><title>target " +
               escape_markup(with_unit(*target, unit) + by_text) + "</title><line" + line(x, kBottom, x, y) +
               " stroke-dasharray=\"2 3\"/><path d=\"M" + coord(x) + " " + coord(y - 6) + "l6 6-6 6-6-6z\"/></g>";
    }
  }
  if (points.size() >= 2) {
    marks += "<polyline class=\"mc-actual\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" "
             "stroke-linejoin=\"round\" points=\"";
    for (std::size_t i = 0; i < points.size(); ++i)
      marks += (i ? " " : "") + coord(x_of(points[i].day)) + "," + coord(y_of(points[i].value));
    marks += "\"/>";
  }
  std::string desc;
  if (!points.empty()) {
    marks += "<g class=\"mc-point\" fill=\"currentColor\">";
    for (const Point& p : points) {
      const std::string value = format_number(p.value);
      marks += "<circle cx=\"" + coord(x_of(p.day)) + "\" cy=\"" + coord(y_of(p.value)) + "\" r=\"3.5\"><title>" +
               p.date.str() + ": " + escape_markup(with_unit(p.value, unit)) + "</title></circle>";
      desc += (desc.empty() ? "" : ", ") + value + " on " + p.date.str();
    }
    marks += "</g>";
  }

  // The title reads as one sentence for a screen reader; the description
  // lists every actual, which the point tooltips only show to a mouse.
  std::string title = metric.name.value.empty() ? "Metric" : metric.name.value;
  std::string sep = ": ";
  if (baseline) title += sep + "baseline " + with_unit(*baseline, unit), sep = ", ";
  if (target) title += sep + "target " + with_unit(*target, unit) + by_text, sep = ", ";
  if (!points.empty())
    title += sep + "latest actual " + format_number(points.back().value) + " on " + points.back().date.str();
  desc = points.empty() ? "No actuals measured yet."
                        : "Actuals" + (unit.empty() ? std::string() : " in " + unit) + ": " + desc + ".";

  const std::string eid = escape_markup(id);
  return "<svg class=\"metric-chart\" viewBox=\"0 0 " + coord(kWidth) + " " + coord(kHeight) +
         "\" width=\"100%\" role=\"img\" aria-labelledby=\"" + eid + "-title\" aria-describedby=\"" + eid +
         "-desc\" font-family=\"sans-serif\" font-size=\"11\"><title id=\"" + eid + "-title\">" + escape_markup(title) +
         "</title><desc id=\"" + eid + "-desc\">" + escape_markup(desc) + "</desc><g class=\"mc-grid\" stroke=\"currentColor\" "
         "stroke-opacity=\"0.12\">" + grid + "</g><path class=\"mc-axis\" d=\"M" + coord(x0) + " " + coord(kTop) + "V" +
         coord(kBottom) + "H" + coord(x1) + "\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>" + marks +
         "<g class=\"mc-label\" fill=\"currentColor\">" + labels + "</g></svg>";
}

}  // namespace prfaq
