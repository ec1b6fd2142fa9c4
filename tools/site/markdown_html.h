#pragma once
// Brief Markdown to HTML for the static site, with md4c-html.
//
// The output is safe to paste into a page: raw HTML in the Markdown is shown
// as text, HTML comments are dropped, links and images with a script-capable
// URL lose the URL, and the output is valid UTF-8 whatever the input bytes.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace prfaq {

// Unique heading ids within one page, GitHub style: "How much does it cost?"
// -> "how-much-does-it-cost"; a repeat gets "-1", "-2", ...; text with nothing
// usable -> "section" (then "section-1", ...). One object per page; not
// thread-safe.
class AnchorIds {
 public:
  // Reserves and returns a new id for a heading's plain text (no markup).
  std::string make(std::string_view heading_text);
  bool taken(std::string_view id) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> taken_;
  // Per base id, the next suffix to try, so n repeats cost O(n), not O(n^2).
  std::unordered_map<std::string, unsigned> next_suffix_;
};

// Lower-case ASCII letters and digits, '-' and '_', non-ASCII UTF-8 as is
// (an invalid byte becomes U+FFFD), ASCII whitespace -> '-', every other
// ASCII character dropped. The result needs no HTML or URL-fragment escaping
// except for its non-ASCII characters. May be empty.
std::string anchor_slug(std::string_view text);

struct HtmlRender {
  // When set, every heading gets id="..." made from its plain text (inline
  // markup stripped, entities decoded). Borrowed; must outlive the call.
  AnchorIds* ids = nullptr;
  // Called for each link destination (image=false) and image source
  // (image=true) that passed the safety filter, with the destination as the
  // Markdown author wrote it (entities and backslash escapes decoded). Returns
  // the URL to write instead (e.g. "../briefs/x.html" for "../payments/x.md"),
  // or nullopt to keep it. A returned URL is attribute-escaped and checked
  // again: an empty or dangerous one drops the link (its text stays) or the
  // image (its alt text stays). Never called from inside md4c, so it may
  // throw (the exception reaches the caller of markdown_to_html).
  std::function<std::optional<std::string>(std::string_view url, bool image)> rewrite;
  // Added to every heading level, the result kept within 1..6.
  int heading_shift = 0;
};

// Markdown in prfaq's dialect (markdown_flags() from load/markdown.h) to
// HTML. Deterministic. Never throws on any input, except std::bad_alloc,
// std::length_error beyond 2 GiB (md4c sizes are 32-bit) and what `rewrite`
// throws.
std::string markdown_to_html(std::string_view markdown, const HtmlRender& options = {});

// True for a URL whose scheme is javascript:, vbscript: or data: once HTML
// entities and then percent-escapes are decoded and ASCII whitespace and
// control characters removed, ignoring case: browsers strip those, so
// "java\tscript:", " JaVaScRiPt:", "&#106;avascript:" are all dangerous (and
// "%6Aavascript:", to be safe).
bool is_dangerous_url(std::string_view url);

}  // namespace prfaq
