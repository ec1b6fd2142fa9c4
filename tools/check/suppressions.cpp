#include "check/suppressions.h"

#include <algorithm>

namespace prfaq {

namespace {

bool is_id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

}  // namespace

void Suppressions::scan_comments(const LineIndex& lines, Span span, bool toml,
                                 std::vector<std::pair<Position, std::string>>& ids) {
  std::string_view text = lines.text();
  std::size_t from = span.begin;
  // What the line holds before the current "prfaq-": scanned on from one
  // occurrence to the next, so a long line with many costs O(its length).
  std::size_t line_begin = std::string_view::npos, scanned = 0;
  bool comment = false;
  char quote = 0;
  while (from < span.end) {
    std::size_t at = text.substr(0, span.end).find("prfaq-", from);
    if (at == std::string_view::npos) break;
    from = at + 6;
    int line = lines.line_of(at);
    if (std::size_t begin = std::max<std::size_t>(lines.line_start(line), span.begin); begin != line_begin) {
      line_begin = scanned = begin;
      comment = false;
      quote = 0;
    }
    // In the front matter: after a '#' outside a string (a TOML comment);
    // in raw HTML: inside "<!--".
    if (toml) {
      // The first '#' outside a "basic" or 'literal' string opens the comment
      // (title = "x" # prfaq-disable-line ...).
      for (; scanned < at && !comment; ++scanned) {
        char c = text[scanned];
        if (quote) {
          if (c == '\\' && quote == '"') ++scanned;
          else if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else {
          comment = c == '#';
        }
      }
      if (!comment) continue;
    } else if (at < html_skip_ || !html_in_comment(text, span, at)) {
      continue;  // read already as a rule id of the comment before; or not in a comment
    }
    std::size_t word_end = at;
    while (word_end < span.end && is_id_char(text[word_end])) ++word_end;
    // "<!-- prfaq-disable-->": the comment's close is no part of the word.
    if (!toml && word_end - at > 2 && word_end < span.end && text[word_end] == '>' && text[word_end - 1] == '-' &&
        text[word_end - 2] == '-')
      word_end -= 2;
    std::string_view directive = text.substr(at, word_end - at);
    enum { disable, enable, next_line, this_line } kind;
    if (directive == "prfaq-disable") kind = disable;
    else if (directive == "prfaq-enable") kind = enable;
    else if (directive == "prfaq-disable-next-line") kind = next_line;
    else if (directive == "prfaq-disable-line") kind = this_line;
    else continue;
    std::size_t stop = text.find('\n', word_end);
    if (stop == std::string_view::npos || stop > span.end) stop = span.end;
    int last_line = line;  // where the comment ends
    if (!toml) {
      // An HTML comment may run over several lines, its rule ids too
      // ("<!-- prfaq-disable\n     weasel-words -->"): they end at its
      // close. md4c hands over the lines one at a time, so the close is
      // looked for in the file; each search starts past the last one's.
      if (html_close_ != std::string_view::npos && html_close_ < word_end)
        html_close_ = text.find("-->", word_end);
      if (html_close_ != std::string_view::npos) {
        stop = html_close_;
        last_line = lines.line_of(stop);
        html_skip_ = stop;
      }
    }
    std::vector<std::string> rules;
    std::size_t i = word_end;
    // '>' and line ends separate ids too: a comment's next line in a quote starts with "> ".
    auto separates = [](char c) { return c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n' || c == '>'; };
    while (i < stop) {
      while (i < stop && separates(text[i])) ++i;
      std::size_t j = i;
      while (j < stop && !separates(text[j])) ++j;
      if (j > i) {
        rules.emplace_back(text.substr(i, j - i));
        ids.push_back({lines.at(i), rules.back()});
      }
      i = j + 1;
    }
    if (rules.empty()) rules.emplace_back();
    for (auto& rule : rules) {
      switch (kind) {
        case disable: open_[rule].push_back(line); break;
        case next_line: ranges_[rule].push_back({last_line + 1, last_line + 1}); break;
        case this_line: ranges_[rule].push_back({line, last_line}); break;
        case enable: {
          // Closes the disables of `rule`, or of every rule for a bare enable.
          auto close = [&](auto it) {
            for (int first : it->second) ranges_[it->first].push_back({first, line});
            return open_.erase(it);
          };
          if (rule.empty())
            for (auto it = open_.begin(); it != open_.end();) it = close(it);
          else if (auto it = open_.find(rule); it != open_.end())
            close(it);
          break;
        }
      }
    }
    from = stop;
  }
}

bool Suppressions::html_in_comment(std::string_view text, Span span, std::size_t at) {
  // The raw HTML before `at`, from where the last call stopped: each byte
  // is read once, whatever the number of "prfaq-" in it.
  std::string_view html = text.substr(0, span.end);
  std::size_t pos = std::max<std::size_t>(html_pos_, span.begin);
  while (pos < at) {
    // The next "<!--" or "-->" (whichever ends the current state), found
    // once: a long line of "prfaq-x" must not search the rest of it each time.
    if (!html_next_known_ || html_next_span_end_ != span.end) {
      html_next_ = html.find(html_comment_ ? "-->" : "<!--", pos);
      html_next_known_ = true;
      html_next_span_end_ = span.end;
    }
    if (html_next_ == std::string_view::npos || html_next_ >= at) {
      pos = at;  // a "<!--" may straddle `at`, but no directive starts inside one
      break;
    }
    pos = html_next_ + (html_comment_ ? 3 : 4);
    html_comment_ = !html_comment_;
    html_next_known_ = false;
  }
  html_pos_ = pos;
  return html_comment_;
}

void Suppressions::finish(const LineIndex& lines) {
  for (auto& [rule, firsts] : open_)
    for (int first : firsts) ranges_[rule].push_back({first, lines.line_count()});
  open_.clear();
  for (auto& entry : ranges_) {
    Lines& v = entry.second;
    std::sort(v.begin(), v.end());
    std::size_t n = 0;
    for (const auto& r : v) {
      if (n > 0 && r.first <= v[n - 1].second + 1) v[n - 1].second = std::max(v[n - 1].second, r.second);
      else v[n++] = r;
    }
    v.resize(n);
  }
}

bool Suppressions::suppressed(std::string_view rule, int line) const {
  auto covers = [line](const Lines& v) {
    auto after = std::upper_bound(v.begin(), v.end(), line, [](int l, const auto& r) { return l < r.first; });
    return after != v.begin() && std::prev(after)->second >= line;
  };
  if (auto it = ranges_.find(std::string_view()); it != ranges_.end() && covers(it->second)) return true;
  auto it = ranges_.find(rule);
  return it != ranges_.end() && covers(it->second);
}

}  // namespace prfaq
