#pragma once
// Escaping text for HTML, SVG and XML (the pages, through the templates'
// {{...}}; the metric charts; the feed and the sitemap), in text and in
// quoted attribute values alike.
#include <string>
#include <string_view>

namespace prfaq {

// & < > " ' become &amp; &lt; &gt; &quot; &#39;. Every character that XML 1.0
// forbids even escaped, or that HTML calls a parse error, becomes U+FFFD:
// C0 control characters other than tab, line feed and carriage return (so
// form feed too, which HTML allows but XML does not), DEL and the C1
// controls, the noncharacters (U+FDD0..U+FDEF, and U+FFFE and U+FFFF in
// every plane), and each invalid UTF-8 sequence (a surrogate's among them).
// The output is valid UTF-8 that any XML parser and the HTML spec accept.
std::string escape_markup(std::string_view s);
// The same, appended to `out` (no string of its own: for hot loops).
void append_escaped_markup(std::string& out, std::string_view s);
// For what is markup already (the Markdown renderer's HTML): each character
// escape_markup would replace with U+FFFD is so replaced, and nothing is
// escaped. False, and `html` untouched, when there is none.
bool replace_forbidden_characters(std::string& html);

}  // namespace prfaq
