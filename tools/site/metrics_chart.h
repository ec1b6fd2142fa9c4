#pragma once
// An inline SVG chart of one success metric for a brief's page: the baseline,
// the target reached by its `by` date, and the actuals measured over time.
#include <string>
#include <string_view>

#include "load/front_matter.h"

namespace prfaq {

// A self-contained <svg class="metric-chart"> element for inline HTML:
// viewBox-sized (width 100%, height from the aspect ratio), role="img",
// aria-labelledby="<id>-title" and aria-describedby="<id>-desc". `id` must be
// unique on the page; it is only used to derive those two element ids. No
// script, no external reference; text from the brief is XML-escaped. Colours
// come from CSS classes (mc-axis, mc-grid, mc-baseline, mc-target, mc-actual,
// mc-point, mc-label, mc-goal) with currentColor presentation attributes as
// a fallback. Non-finite numbers are treated as absent. Returns "" when the
// metric has no finite baseline, target or actual (nothing to draw). The same
// input always gives the same bytes.
std::string metric_chart_svg(const Metric& metric, std::string_view id);

// Numbers as the page's table shows them: thousands separated by commas, no
// exponent, no trailing zeros, locale-independent. Four decimal places; below
// 1 in magnitude, four significant digits instead (0.000012345 ->
// "0.00001235"), up to 15 places. 120 -> "120", 0.01 -> "0.01",
// 2500000 -> "2,500,000", 1234.5 -> "1,234.5", -3 -> "-3". Non-finite
// values give "" (callers skip them).
std::string format_number(double value);

}  // namespace prfaq
