#pragma once
// Escaping text for HTML, SVG and XML (the pages, the metric charts, the
// feed and the sitemap), in text and in quoted attribute values alike.
#include <string>
#include <string_view>

namespace prfaq {

// & < > " ' become &amp; &lt; &gt; &quot; &#39;. C0 control characters other
// than tab, line feed and carriage return are dropped: XML forbids them even
// escaped, and in HTML they are parse errors.
std::string escape_markup(std::string_view s);
// The same, appended to `out` (no string of its own: for hot loops).
void append_escaped_markup(std::string& out, std::string_view s);

}  // namespace prfaq
