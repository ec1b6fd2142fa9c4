#include "util/toml_depth.h"

#include <vector>

namespace prfaq {

namespace {

// The end of the string opening at `at` (one of " ' """ '''): the offset
// after its closing quotes, or the end of its line (single-line) or of the
// text (multi-line) when unterminated.
std::size_t skip_string(std::string_view s, std::size_t at) {
  char q = s[at];
  bool basic = q == '"';
  std::string_view triple = basic ? "\"\"\"" : "'''";
  if (s.substr(at, 3) == triple) {
    std::size_t i = at + 3;
    while (i < s.size()) {
      if (basic && s[i] == '\\') i += 2;
      else if (s.substr(i, 3) == triple) {
        i += 3;
        while (i < s.size() && s[i] == q) ++i;  // up to two quotes may end the content
        return i;
      } else ++i;
    }
    return s.size();
  }
  for (std::size_t i = at + 1; i < s.size(); ++i) {
    if (basic && s[i] == '\\') ++i;
    else if (s[i] == q) return i + 1;
    else if (s[i] == '\n') return i;
  }
  return s.size();
}

}  // namespace

namespace detail {

std::size_t toml_depth_bound(std::string_view toml) {
  // In blocks of 64 bytes, whose count fits a byte, a loop the compiler
  // turns into vector compares: this runs over every brief's front
  // matter, where the scan costs some 20 instructions a byte.
  const auto* s = reinterpret_cast<const unsigned char*>(toml.data());
  const std::size_t n = toml.size();
  auto weight = [](unsigned char c) { return static_cast<unsigned char>((c == '[') | (c == '{') | (c == '.')); };
  std::size_t sum = 0, i = 0;
  for (; i + 64 <= n; i += 64) {
    unsigned char block = 0;
    for (std::size_t k = 0; k < 64; ++k) block = static_cast<unsigned char>(block + weight(s[i + k]));
    sum += block;
  }
  for (; i < n; ++i) sum += weight(s[i]);
  return sum + 1;
}

std::optional<std::size_t> scan_toml_depth(std::string_view s, int max_depth) {
  // One frame per open array or inline table, with the parts of the key
  // that holds it (given back when it closes).
  struct Frame {
    bool table;
    int key_parts;
  };
  std::vector<Frame> open;
  int header = 0;      // levels of the current [table] or [[array]] header
  int outer = 0;       // levels of the open frames and their keys
  int key_parts = 0;   // parts of the key being read at the innermost level
  bool in_key = true;  // reading a key (else a value)
  bool line_start = true;
  auto depth = [&] { return header + outer + key_parts; };
  // An array's elements are one level below the array; an inline table's
  // keys count themselves.
  auto push = [&](bool table) {
    open.push_back({table, key_parts});
    outer += key_parts + (table ? 0 : 1);
    key_parts = 0;
    in_key = table;
  };
  auto pop = [&] {
    key_parts = open.back().key_parts;
    outer -= key_parts + (open.back().table ? 0 : 1);
    open.pop_back();
    in_key = false;
  };

  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      if (in_key && key_parts == 0) key_parts = 1;
      i = skip_string(s, i) - 1;
      line_start = false;
      if (depth() > max_depth) return i;
      continue;
    }
    if (c == '#') {
      while (i + 1 < s.size() && s[i + 1] != '\n') ++i;
      continue;
    }
    if (c == '\n') {
      if (open.empty()) in_key = true, key_parts = 0, line_start = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (line_start && open.empty() && c == '[') {
      // A header: [a.b], or [[a.b]] whose keys are in an array's element.
      header = s.substr(i, 2) == "[[" ? 2 : 1;
      for (++i; i < s.size() && s[i] != ']' && s[i] != '\n'; ++i) {
        if (s[i] == '"' || s[i] == '\'') i = skip_string(s, i) - 1;
        else if (s[i] == '.' && ++header > max_depth) return i;
      }
      while (i + 1 < s.size() && s[i + 1] != '\n') ++i;  // the rest of the line: "]", blanks, a comment
      in_key = true, key_parts = 0;
      continue;
    }
    line_start = false;
    if (in_key) {
      if (c == '=') {
        in_key = false;
      } else if (c == '}' && !open.empty()) {  // `{}`, or a trailing comma
        pop();
      } else {
        if (key_parts == 0) key_parts = 1;
        if (c == '.') ++key_parts;
        if (depth() > max_depth) return i;
      }
    } else if (c == '[' || c == '{') {
      push(c == '{');
      if (depth() > max_depth) return i;
    } else if ((c == ']' || c == '}') && !open.empty()) {
      pop();
    } else if (c == ',' && !open.empty() && open.back().table) {
      in_key = true, key_parts = 0;
    }
  }
  return std::nullopt;
}

}  // namespace detail

std::optional<std::size_t> toml_too_deep(std::string_view toml, int max_depth) {
  if (max_depth >= 0 && detail::toml_depth_bound(toml) <= static_cast<std::size_t>(max_depth)) return std::nullopt;
  return detail::scan_toml_depth(toml, max_depth);
}

}  // namespace prfaq
