#include "load/text_stats.h"

#include <algorithm>
#include <array>

namespace prfaq {

namespace {

bool is_vowel(char c) {
  switch (lower_ascii(c)) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
  }
}

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

constexpr std::array<std::string_view, 14> kAbbrev = {"e.g", "i.e", "mr", "mrs", "ms", "dr", "vs",
                                                      "etc", "inc", "ltd", "st", "no", "approx", "jr"};

bool is_abbreviation(std::string_view t, std::size_t word_begin, std::size_t dot) {
  // The run of non-space characters before the dot: "e.g", "Mr", "A".
  std::size_t b = dot;
  while (b > 0 && !is_space(static_cast<unsigned char>(t[b - 1]))) --b;
  std::string_view run = t.substr(b, dot - b);
  while (!run.empty() && (run.front() == '(' || run.front() == '"' || run.front() == '\'')) run.remove_prefix(1);
  if (dot - word_begin == 1 && run.size() == 1 && !is_digit(static_cast<unsigned char>(run[0]))) return true;
  if (run.size() > 6) return false;
  char buf[8];
  for (std::size_t i = 0; i < run.size(); ++i) buf[i] = lower_ascii(run[i]);
  std::string_view low(buf, run.size());
  for (auto a : kAbbrev)
    if (low == a) return true;
  return false;
}

}  // namespace

Span TextScan::sentence_span(std::size_t k) const {
  std::size_t first = sentence_starts[k];
  std::size_t last = first + sentence_words(k) - 1;
  return {words[first].begin, words[last].end};
}

std::size_t TextScan::sentence_of(std::size_t w) const {
  auto it = std::upper_bound(sentence_starts.begin(), sentence_starts.end(), static_cast<std::uint32_t>(w));
  return it == sentence_starts.begin() ? 0 : static_cast<std::size_t>(it - sentence_starts.begin() - 1);
}

void scan_text(std::string_view t, TextScan& out) {
  out.words.clear();
  out.sentence_starts.clear();
  if (t.size() > 64) out.words.reserve(t.size() / 6);
  const std::size_t n = t.size();
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  bool sentence_open = false;
  std::size_t i = 0;
  while (i < n) {
    // Between words: does a sentence end here?
    std::size_t gap = i;
    while (i < n && !is_word_char(s[i])) ++i;
    if (sentence_open && !out.words.empty()) {
      for (std::size_t k = gap; k < i; ++k) {
        unsigned char c = s[k];
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t j = k + 1;
        while (j < i && !is_space(s[j])) ++j;  // closing quotes, brackets, more dots
        if (j < i || j == n) {
          if (c == '.' && k == gap && is_abbreviation(t, out.words.back().begin, k)) break;
          sentence_open = false;
        }
        break;
      }
    }
    if (i >= n) break;
    std::size_t b = i;
    while (i < n) {
      unsigned char c = s[i];
      if (is_word_char(c)) {
        ++i;
      } else if (i + 1 < n && is_word_char(s[i + 1]) &&
                 (((c == '\'' || c == '-')) || ((c == '.' || c == ',') && is_digit(s[i - 1]) && is_digit(s[i + 1])))) {
        ++i;
      } else {
        break;
      }
    }
    if (!sentence_open) {
      out.sentence_starts.push_back(static_cast<std::uint32_t>(out.words.size()));
      sentence_open = true;
    }
    std::uint32_t len = i - b < 31 ? static_cast<std::uint32_t>(i - b) : 31u;
    out.words.push_back({b, i, (len * 27 + letter_index(t[b])) * 27 + letter_index(t[i - 1])});
  }
}

std::vector<Span> words(std::string_view text) {
  TextScan scan;
  scan_text(text, scan);
  return std::move(scan.words);
}

int syllables(std::string_view w) {
  std::size_t n = w.size();
  if (n == 0) return 0;
  int count = 0;
  bool prev = false;
  int letters = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char c = w[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha) {
      prev = false;
      continue;
    }
    ++letters;
    bool v = is_vowel(c);
    if (v && !prev) ++count;
    prev = v;
  }
  if (letters == 0) return 1;  // a number is read as one word
  char last = lower_ascii(w[n - 1]);
  char before = n > 1 ? lower_ascii(w[n - 2]) : 0;
  // Silent final e ("make"), but not "-le" ("table") or "ee" ("free").
  if (last == 'e' && count > 1 && before != 'l' && !is_vowel(before)) --count;
  if (n > 2 && last == 'd' && before == 'e' && count > 1) {
    char third = lower_ascii(w[n - 3]);
    if (third != 't' && third != 'd') --count;  // "used", but "wanted"
  }
  return count < 1 ? 1 : count;
}

TextCounts count_text(std::string_view text, const TextScan& scan) {
  TextCounts c;
  c.words = static_cast<int>(scan.words.size());
  c.sentences = static_cast<int>(scan.sentence_count());
  for (auto w : scan.words) c.syllables += syllables(text.substr(w.begin, w.end - w.begin));
  return c;
}

TextCounts count_text(std::string_view text) {
  TextScan scan;
  scan_text(text, scan);
  return count_text(text, scan);
}

double flesch_kincaid_grade(const TextCounts& c) {
  if (c.words == 0 || c.sentences == 0) return 0;
  return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59;
}

}  // namespace prfaq
