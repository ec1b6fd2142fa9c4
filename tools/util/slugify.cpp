#include "util/slugify.h"

namespace prfaq {

namespace {

// Latin-1 supplement letters (U+00C0..U+00FF) folded to ASCII; 0: separator.
const char* fold_latin1(unsigned cp) {
  static const char* table[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
      "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
      "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
  };
  return cp >= 0xC0 && cp <= 0xFF ? table[cp - 0xC0] : nullptr;
}

// Latin Extended-A letters (U+0100..U+017F: Polish, Czech, Turkish, Baltic
// and more) folded to ASCII, as runs of code points that fold alike, in
// order: U+0100..U+0105 are a, then eight c, and so on.
const char* fold_latin_extended_a(unsigned cp) {
  struct Run {
    const char* ascii;
    unsigned count;
  };
  static constexpr Run runs[] = {
      {"a", 6}, {"c", 8},  {"d", 4}, {"e", 10}, {"g", 8}, {"h", 4}, {"i", 10}, {"ij", 2},
      {"j", 2}, {"k", 3},  {"l", 10}, {"n", 9}, {"o", 6}, {"oe", 2}, {"r", 6},  {"s", 8},
      {"t", 6}, {"u", 12}, {"w", 2}, {"y", 3},  {"z", 6}, {"s", 1},
  };
  static_assert([] {
    unsigned n = 0;
    for (const Run& r : runs) n += r.count;
    return n;
  }() == 0x80);  // the whole block, U+0100..U+017F
  if (cp < 0x100) return nullptr;
  unsigned at = 0x100;
  for (const Run& r : runs) {
    if (cp < at + r.count) return r.ascii;
    at += r.count;
  }
  return nullptr;
}

const char* fold_latin(unsigned cp) { return cp < 0x100 ? fold_latin1(cp) : fold_latin_extended_a(cp); }

}  // namespace

std::string slugify(std::string_view title) {
  std::string out;
  bool dash = false;
  auto put = [&](std::string_view s) {
    if (dash && !out.empty()) out += '-';
    dash = false;
    out += s;
  };
  for (std::size_t i = 0; i < title.size(); ++i) {
    auto c = static_cast<unsigned char>(title[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      put(std::string_view(reinterpret_cast<const char*>(&title[i]), 1));
    } else if (c >= 'A' && c <= 'Z') {
      char l = static_cast<char>(c - 'A' + 'a');
      put(std::string_view(&l, 1));
    } else if (c == '\'' || c == 0xE2) {
      // Apostrophes join ("Don't" -> "dont"); skip the rest of a curly one.
      if (c == 0xE2 && i + 2 < title.size() && static_cast<unsigned char>(title[i + 1]) == 0x80 &&
          static_cast<unsigned char>(title[i + 2]) == 0x99)
        i += 2;
      else if (c == 0xE2)
        dash = true;
    } else if ((c & 0xE0) == 0xC0 && i + 1 < title.size()) {
      unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(title[i + 1]) & 0x3Fu);
      ++i;
      if (const char* f = fold_latin(cp)) put(f);
      else dash = true;
    } else {
      dash = true;
    }
  }
  if (out.size() > 64) {
    auto cut = out.rfind('-', 64);
    out.resize(cut != std::string::npos && cut > 0 ? cut : 64);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace prfaq
