#include "util/json.h"

#include "util/utf8.h"

#include <cstdio>

namespace prfaq {


std::string json_string(std::string_view text) {
  // JSON is UTF-8: a byte that is not (a file name from another system)
  // becomes U+FFFD rather than making the whole document invalid.
  std::string clean;
  if (first_invalid_utf8(text)) {
    clean = with_invalid_utf8_replaced(text);
    text = clean;
  }
  std::string_view s = text;
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace prfaq
