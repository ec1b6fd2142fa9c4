#include "util/utf8.h"

namespace prfaq {

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path over ASCII, 32 bytes at a time, then eight.
    while (i + 32 <= n) {
      std::uint64_t w[4];
      __builtin_memcpy(w, s + i, 32);
      if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ULL) break;
      i += 32;
    }
    while (i + 8 <= n) {
      std::uint64_t w;
      __builtin_memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) { ++i; continue; }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) { len = 3; lo = 0xA0; }
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) { len = 3; hi = 0x9F; }
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) { len = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) { len = 4; hi = 0x8F; }
    else return i;
    if (i + len > n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if ((s[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::nullopt;
}

std::string with_invalid_utf8_replaced(std::string_view text) {
  std::string clean;
  while (auto bad = first_invalid_utf8(text)) {
    clean.append(text.substr(0, *bad));
    clean += "\xEF\xBF\xBD";
    text.remove_prefix(*bad + 1);
  }
  clean.append(text);
  return clean;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

Utf8Char decode_utf8(std::string_view text, std::size_t at) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + at;
  const std::size_t n = text.size() - at;
  unsigned char c = s[0];
  if (c < 0x80) return {c, 1, true};
  std::size_t len;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range (RFC 3629's table)
  if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
  else if (c == 0xE0) len = 3, cp = c & 0x0F, lo = 0xA0;
  else if (c >= 0xE1 && c <= 0xEC) len = 3, cp = c & 0x0F;
  else if (c == 0xED) len = 3, cp = c & 0x0F, hi = 0x9F;
  else if (c >= 0xEE && c <= 0xEF) len = 3, cp = c & 0x0F;
  else if (c == 0xF0) len = 4, cp = c & 0x07, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3) len = 4, cp = c & 0x07;
  else if (c == 0xF4) len = 4, cp = c & 0x07, hi = 0x8F;
  else return {};
  for (std::size_t k = 1; k < len; ++k) {
    if (k >= n) return {0, k, false};
    unsigned char b = s[k];
    if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) return {0, k, false};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len, true};
}

}  // namespace prfaq
