#include "util/escape_markup.h"

#include "util/utf8.h"

namespace prfaq {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Not allowed in XML 1.0 (Char), or a parse error in HTML
// (control-character-in-input-stream, noncharacter-in-input-stream).
bool forbidden(char32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp >= 0x7F && cp <= 0x9F) return true;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
  return (cp & 0xFFFE) == 0xFFFE;
}

}  // namespace

bool replace_forbidden_characters(std::string& html) {
  std::size_t i = 0;
  // Most HTML has none: find the first before copying anything.
  for (; i < html.size(); ++i) {
    auto u = static_cast<unsigned char>(html[i]);
    if (u >= 0x20 && u < 0x7F) continue;
    if (u == '\t' || u == '\n' || u == '\r') continue;
    if (u < 0x80) break;
    Utf8Char ch = decode_utf8(html, i);
    if (!ch.valid || forbidden(ch.code_point)) break;
    i += ch.length - 1;
  }
  if (i == html.size()) return false;
  std::string out(html, 0, i);
  out.reserve(html.size() + 8);
  while (i < html.size()) {
    Utf8Char ch = decode_utf8(html, i);
    if (ch.valid && !forbidden(ch.code_point)) out.append(html, i, ch.length);
    else out += kReplacement;
    i += ch.length;
  }
  html = std::move(out);
  return true;
}

std::string escape_markup(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_escaped_markup(out, s);
  return out;
}

void append_escaped_markup(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    switch (c) {
      case '&': out += "&amp;"; ++i; continue;
      case '<': out += "&lt;"; ++i; continue;
      case '>': out += "&gt;"; ++i; continue;
      case '"': out += "&quot;"; ++i; continue;
      case '\'': out += "&#39;"; ++i; continue;
      default: break;
    }
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F) {
      out += c;
      ++i;
      continue;
    }
    Utf8Char ch = decode_utf8(s, i);
    if (ch.valid && !forbidden(ch.code_point)) out.append(s.substr(i, ch.length));
    else out += kReplacement;
    i += ch.length;
  }
}

}  // namespace prfaq
