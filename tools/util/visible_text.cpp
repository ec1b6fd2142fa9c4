#include "util/visible_text.h"

#include "util/utf8.h"

namespace prfaq {

namespace {

bool is_c0_or_del(unsigned char c) { return c < 0x20 || c == 0x7F; }

// In valid UTF-8, U+0080 to U+009F are C2 80 to C2 9F.
bool is_c1_at(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
         static_cast<unsigned char>(text[i + 1]) >= 0x80 && static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

void append_escape(std::string& out, unsigned code_point) {
  switch (code_point) {
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\x";
  out += kHex[code_point >> 4];
  out += kHex[code_point & 0xF];
}

}  // namespace

bool has_control_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (is_c0_or_del(static_cast<unsigned char>(text[i])) || is_c1_at(text, i)) return true;
  return false;
}

std::string visible_text(std::string_view text) {
  std::string valid;
  if (first_invalid_utf8(text)) {
    valid = with_invalid_utf8_replaced(text);
    text = valid;
  }
  if (!has_control_character(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (is_c0_or_del(c)) {
      append_escape(out, c);
    } else if (is_c1_at(text, i)) {
      append_escape(out, static_cast<unsigned char>(text[++i]));  // C2 xx is U+00xx
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace prfaq
