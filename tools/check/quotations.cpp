#include "check/quotations.h"

#include <algorithm>

namespace prfaq {

namespace {

// Words of `ws` starting in [from, to).
std::size_t words_starting_in(const std::vector<Span>& ws, std::size_t from, std::size_t to) {
  auto starts_before = [](const Span& w, std::size_t at) { return w.begin < at; };
  auto first = std::lower_bound(ws.begin(), ws.end(), from, starts_before);
  return static_cast<std::size_t>(std::lower_bound(first, ws.end(), to, starts_before) - first);
}

}  // namespace

int count_quotations(std::string_view t, const std::vector<Span>& ws, int min_words) {
  int n = 0;
  std::size_t i = 0;
  // The next opening quote of each kind, searched again only once passed:
  // a paragraph of 100,000 straight quotes must not be scanned for a curly
  // one 100,000 times.
  std::size_t a = t.find('"'), b = t.find("\xE2\x80\x9C");
  while (i < t.size()) {
    std::size_t open = std::string_view::npos, open_len = 0;
    if (a != std::string_view::npos && a < i) a = t.find('"', i);
    if (b != std::string_view::npos && b < i) b = t.find("\xE2\x80\x9C", i);
    if (a != std::string_view::npos && (b == std::string_view::npos || a < b)) open = a, open_len = 1;
    else if (b != std::string_view::npos) open = b, open_len = 3;
    if (open == std::string_view::npos) break;
    std::size_t close = open_len == 1 ? t.find('"', open + 1) : t.find("\xE2\x80\x9D", open + 3);
    if (close == std::string_view::npos) break;
    // Whether a byte is in a word depends on it and its two neighbours
    // only, and '"' is in no word and joins none: the quoted text's words
    // are the words of `t` between the quotes. A curly quote's bytes are
    // not ASCII, so they count as letters and join the words beside them:
    // those quotations are scanned alone.
    std::size_t inner = open + open_len;
    std::size_t count =
        open_len == 1 ? words_starting_in(ws, inner, close) : words(t.substr(inner, close - inner)).size();
    if (static_cast<int>(count) >= min_words) ++n;
    i = close + (open_len == 1 ? 1 : 3);
  }
  return n;
}

}  // namespace prfaq
