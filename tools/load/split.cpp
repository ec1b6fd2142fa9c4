#include "load/split.h"

namespace prfaq {

namespace {

// Is [begin, end) a "+++" line (ignoring trailing blanks and CR)?
bool is_fence(std::string_view bytes, std::size_t begin, std::size_t end) {
  while (end > begin && (bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) --end;
  return bytes.substr(begin, end - begin) == "+++";
}

}  // namespace

Split split_front_matter(std::string_view bytes) {
  Split s;
  std::size_t start = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  s.open_offset = start;
  std::size_t eol = bytes.find('\n', start);
  std::size_t first_end = eol == std::string_view::npos ? bytes.size() : eol;
  if (!is_fence(bytes, start, first_end)) {
    s.error = Split::Error::missing;
    s.body_begin = start;
    return s;
  }
  if (eol == std::string_view::npos) {
    s.error = Split::Error::unterminated;
    return s;
  }
  s.toml_begin = eol + 1;
  std::size_t line = s.toml_begin;
  while (line < bytes.size()) {
    std::size_t next = bytes.find('\n', line);
    std::size_t end = next == std::string_view::npos ? bytes.size() : next;
    if (end - line >= 3 && bytes[line] == '+' && is_fence(bytes, line, end)) {
      s.toml_end = line;
      s.body_begin = next == std::string_view::npos ? bytes.size() : next + 1;
      return s;
    }
    if (next == std::string_view::npos) break;
    line = next + 1;
  }
  s.error = Split::Error::unterminated;
  return s;
}

}  // namespace prfaq
