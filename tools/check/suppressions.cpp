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
  while (from < span.end) {
    std::size_t at = text.substr(0, span.end).find("prfaq-", from);
    if (at == std::string_view::npos) break;
    from = at + 6;
    int line = lines.line_of(at);
    std::size_t line_begin = std::max(lines.line_start(line), span.begin);
    std::string_view before = text.substr(line_begin, at - line_begin);
    // In the front matter: after a '#' outside a string (a TOML comment);
    // in raw HTML: inside "<!--".
    if (toml) {
      // The first '#' outside a "basic" or 'literal' string opens the comment
      // (title = "x" # prfaq-disable-line ...).
      bool comment = false;
      char quote = 0;
      for (std::size_t k = 0; k < before.size() && !comment; ++k) {
        char c = before[k];
        if (quote) {
          if (c == '\\' && quote == '"') ++k;
          else if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else {
          comment = c == '#';
        }
      }
      if (!comment) continue;
    } else if (before.rfind("<!--") == std::string_view::npos) {
      continue;
    }
    std::size_t word_end = at;
    while (word_end < span.end && is_id_char(text[word_end])) ++word_end;
    std::string_view directive = text.substr(at, word_end - at);
    enum { disable, enable, next_line, this_line } kind;
    if (directive == "prfaq-disable") kind = disable;
    else if (directive == "prfaq-enable") kind = enable;
    else if (directive == "prfaq-disable-next-line") kind = next_line;
    else if (directive == "prfaq-disable-line") kind = this_line;
    else continue;
    std::size_t stop = text.find('\n', word_end);
    if (stop == std::string_view::npos || stop > span.end) stop = span.end;
    if (!toml) {
      std::size_t close = text.substr(0, stop).find("-->", word_end);
      if (close != std::string_view::npos) stop = close;
    }
    std::vector<std::string> rules;
    std::size_t i = word_end;
    while (i < stop) {
      while (i < stop && (text[i] == ' ' || text[i] == '\t' || text[i] == ',')) ++i;
      std::size_t j = i;
      while (j < stop && text[j] != ' ' && text[j] != '\t' && text[j] != ',' && text[j] != '\r') ++j;
      if (j > i) {
        rules.emplace_back(text.substr(i, j - i));
        ids.push_back({lines.at(i), rules.back()});
      }
      i = j + 1;
    }
    if (rules.empty()) rules.emplace_back();
    for (auto& rule : rules) {
      switch (kind) {
        case disable: open_.push_back({rule, line, 0}); break;
        case next_line: ranges_.push_back({rule, line + 1, line + 1}); break;
        case this_line: ranges_.push_back({rule, line, line}); break;
        case enable:
          for (auto it = open_.begin(); it != open_.end();) {
            if (rule.empty() || it->rule == rule) {
              ranges_.push_back({it->rule, it->first, line});
              it = open_.erase(it);
            } else {
              ++it;
            }
          }
          break;
      }
    }
    from = stop;
  }
}

void Suppressions::finish(const LineIndex& lines) {
  for (auto& r : open_) ranges_.push_back({r.rule, r.first, lines.line_count()});
  open_.clear();
}

bool Suppressions::suppressed(std::string_view rule, int line) const {
  for (const auto& r : ranges_)
    if (line >= r.first && line <= r.last && (r.rule.empty() || r.rule == rule)) return true;
  return false;
}

}  // namespace prfaq
