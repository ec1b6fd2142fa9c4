#include "util/escape_markup.h"

namespace prfaq {

std::string escape_markup(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_escaped_markup(out, s);
  return out;
}

void append_escaped_markup(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
}

}  // namespace prfaq
