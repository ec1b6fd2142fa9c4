#include "load/text_stats.h"

#include <array>
#include <cctype>
#include <string>

namespace prfaq {

namespace {

bool letter(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

bool is_vowel(char c) {
  switch (std::tolower(static_cast<unsigned char>(c))) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
  }
}

constexpr std::array<std::string_view, 14> kAbbrev = {"e.g", "i.e", "mr", "mrs", "ms", "dr", "vs",
                                                      "etc", "inc", "ltd", "st", "no", "approx", "jr"};

}  // namespace

std::vector<Span> words(std::string_view t) {
  std::vector<Span> out;
  std::size_t i = 0, n = t.size();
  while (i < n) {
    while (i < n && !letter(static_cast<unsigned char>(t[i]))) ++i;
    if (i >= n) break;
    std::size_t b = i;
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(t[i]);
      if (letter(c)) {
        ++i;
      } else if ((c == '\'' || c == '-' || c == '.' || c == ',') && i + 1 < n &&
                 letter(static_cast<unsigned char>(t[i + 1])) &&
                 // "3.5" and "1,000" stay one word; "end.Next" does not.
                 (c == '\'' || c == '-' || std::isdigit(static_cast<unsigned char>(t[i + 1])))) {
        if ((c == '.' || c == ',') && !std::isdigit(static_cast<unsigned char>(t[i - 1]))) break;
        ++i;
      } else {
        break;
      }
    }
    out.push_back({b, i});
  }
  return out;
}

std::vector<Span> sentences(std::string_view t) {
  std::vector<Span> out;
  std::size_t begin = 0, n = t.size();
  auto push = [&](std::size_t end) {
    std::size_t b = begin;
    while (b < end && std::isspace(static_cast<unsigned char>(t[b]))) ++b;
    if (b < end) out.push_back({b, end});
  };
  for (std::size_t i = 0; i < n; ++i) {
    char c = t[i];
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t j = i + 1;
    while (j < n && (t[j] == '"' || t[j] == '\'' || t[j] == ')' || t[j] == '.' || t[j] == '!' || t[j] == '?' ||
                     (static_cast<unsigned char>(t[j]) == 0xE2 && j + 2 < n)))  // closing curly quote
      j += static_cast<unsigned char>(t[j]) == 0xE2 ? 3 : 1;
    if (j < n && !std::isspace(static_cast<unsigned char>(t[j]))) continue;
    if (c == '.') {
      std::size_t w = i;
      while (w > begin && !std::isspace(static_cast<unsigned char>(t[w - 1]))) --w;
      std::string word;
      for (std::size_t k = w; k < i; ++k) word += static_cast<char>(std::tolower(static_cast<unsigned char>(t[k])));
      bool abbrev = word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]));
      for (auto a : kAbbrev) abbrev = abbrev || word == a;
      if (abbrev) continue;
    }
    push(std::min(j, n));
    begin = std::min(j, n);
    i = begin;
  }
  push(n);
  return out;
}

int syllables(std::string_view w) {
  std::size_t n = w.size();
  if (n == 0) return 0;
  int count = 0;
  bool prev = false;
  int letters = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char c = w[i];
    if (!std::isalpha(static_cast<unsigned char>(c))) {
      prev = false;
      continue;
    }
    ++letters;
    bool v = is_vowel(c);
    if (v && !prev) ++count;
    prev = v;
  }
  if (letters == 0) return 1;  // a number is read as one word
  char last = static_cast<char>(std::tolower(static_cast<unsigned char>(w[n - 1])));
  char before = n > 1 ? static_cast<char>(std::tolower(static_cast<unsigned char>(w[n - 2]))) : 0;
  // Silent final e ("make"), but not "-le" ("table") or "ee" ("free").
  if (last == 'e' && count > 1 && before != 'l' && !is_vowel(before)) --count;
  if (n > 2 && last == 'd' && before == 'e' && count > 1) {
    char third = static_cast<char>(std::tolower(static_cast<unsigned char>(w[n - 3])));
    if (third != 't' && third != 'd') --count;  // "used", but "wanted"
  }
  return count < 1 ? 1 : count;
}

TextCounts count_text(std::string_view text) {
  TextCounts c;
  for (auto s : sentences(text)) {
    auto ws = words(text.substr(s.begin, s.end - s.begin));
    if (ws.empty()) continue;
    ++c.sentences;
    c.words += static_cast<int>(ws.size());
    for (auto w : ws) c.syllables += syllables(text.substr(s.begin + w.begin, w.end - w.begin));
  }
  return c;
}

double flesch_kincaid_grade(const TextCounts& c) {
  if (c.words == 0 || c.sentences == 0) return 0;
  return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59;
}

}  // namespace prfaq
