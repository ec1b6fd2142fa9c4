#include "load/text_stats.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace prfaq {

namespace {

// Letter classes for syllables(), one lookup per character: 0 not an
// ASCII letter, 1 a consonant, 2 a vowel (a e i o u y, either case).
struct LetterClasses {
  unsigned char table[256] = {};
  constexpr LetterClasses() {
    for (int c = 'a'; c <= 'z'; ++c) table[c] = table[c - 'a' + 'A'] = 1;
    for (char v : {'a', 'e', 'i', 'o', 'u', 'y'}) table[static_cast<unsigned char>(v)] = table[v - 'a' + 'A'] = 2;
  }
};
inline constexpr LetterClasses kLetters{};

bool is_vowel(char c) { return kLetters.table[static_cast<unsigned char>(c)] == 2; }

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

// A text's bytes as bit sets, one bit per byte, 64 to a word, with one
// word past the end (all clear). Finding words byte by byte took most of
// the time of loading a brief: a branch per byte, mispredicted at every
// word boundary. With the classes as bits, word starts and ends are a few
// shifts per 64 bytes and one bit scan per word, and sentence ends are
// looked for only at the stops.
struct TextBits {
  // `runs`: the bytes of words (word characters, and the joiners that hold
  // a word together); `stops`: '.', '!' and '?'.
  std::vector<std::uint64_t> runs, stops;
  void classify(std::string_view t);

 private:
  std::vector<std::uint64_t> word_, digit_, joins_, joins_digits_;  // scratch
};

void TextBits::classify(std::string_view t) {
  const std::size_t n = t.size(), blocks = n / 64 + 1;
  for (auto* v : {&word_, &digit_, &joins_, &joins_digits_, &stops}) v->assign(blocks, 0);
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  auto put = [](std::vector<std::uint64_t>& v, std::size_t at, std::uint64_t bits) { v[at / 64] |= bits << (at % 64); };
#if defined(__SSE2__)
  // 16 bytes at a time (signed compares: a byte with its high bit set is
  // below every ASCII range, and is_word_char counts it as a letter).
  auto chunk = [&](const unsigned char* p, std::size_t at) {
    __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    auto in = [&](__m128i x, char lo, char hi) {
      return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                           _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
    };
    auto is = [&](char ch) { return _mm_cmpeq_epi8(c, _mm_set1_epi8(ch)); };
    auto bits = [](__m128i m) { return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(m))); };
    __m128i digit = in(c, '0', '9');
    __m128i letter = in(_mm_or_si128(c, _mm_set1_epi8(0x20)), 'a', 'z');  // either case
    put(word_, at, bits(_mm_or_si128(_mm_or_si128(letter, digit), c)));
    put(digit_, at, bits(digit));
    put(joins_, at, bits(_mm_or_si128(is('\''), is('-'))));
    put(joins_digits_, at, bits(_mm_or_si128(is('.'), is(','))));
    put(stops, at, bits(_mm_or_si128(_mm_or_si128(is('.'), is('!')), is('?'))));
  };
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) chunk(s + i, i);
  if (i < n) {  // the rest, padded with NULs (in no class)
    unsigned char rest[16] = {};
    std::memcpy(rest, s + i, n - i);
    chunk(rest, i);
  }
#else
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = s[i];
    put(word_, i, is_word_char(c));
    put(digit_, i, is_digit(c));
    put(joins_, i, c == '\'' || c == '-');
    put(joins_digits_, i, c == '.' || c == ',');
    put(stops, i, c == '.' || c == '!' || c == '?');
  }
#endif
  // An apostrophe or hyphen between word characters, or a decimal point or
  // thousands comma between digits, joins them into one word ("don't",
  // "well-known", "3.5", "1,000").
  runs.assign(blocks, 0);
  auto before = [&](const std::vector<std::uint64_t>& v, std::size_t b) {  // bit p: v at p - 1
    return (v[b] << 1) | (b > 0 ? v[b - 1] >> 63 : 0);
  };
  auto after = [&](const std::vector<std::uint64_t>& v, std::size_t b) {  // bit p: v at p + 1
    return (v[b] >> 1) | (b + 1 < blocks ? v[b + 1] << 63 : 0);
  };
  for (std::size_t b = 0; b < blocks; ++b) {
    std::uint64_t joins = joins_[b] | (joins_digits_[b] & before(digit_, b) & after(digit_, b));
    runs[b] = word_[b] | (joins & before(word_, b) & after(word_, b));
  }
}

}  // namespace

Span TextScan::sentence_span(std::size_t k) const {
  std::size_t first = sentence_start(k);
  std::size_t last = first + sentence_words(k) - 1;
  return {words[first].begin, words[last].end};
}

std::size_t TextScan::sentence_of(std::size_t w) const {
  auto it = std::upper_bound(later_starts.begin(), later_starts.end(), static_cast<std::uint32_t>(w));
  return static_cast<std::size_t>(it - later_starts.begin());
}

void scan_text(std::string_view t, TextScan& out) {
  // Found into scratch space this thread reuses, then copied once into
  // vectors of their exact size: one allocation each per block, where
  // growing them took several (every block of every brief is scanned).
  thread_local TextBits bits;
  thread_local std::vector<Span> words;
  thread_local std::vector<std::uint32_t> starts;
  words.clear();
  starts.clear();
  bits.classify(t);
  // A word starts where a run does and ends (exclusive) at the first byte
  // after it; the clear word past the end ends a run that ends the text.
  const std::size_t blocks = bits.runs.size();
  std::uint64_t prev = 0;  // the last block's runs, for a run crossing into this one
  for (std::size_t b = 0; b < blocks; ++b) {
    std::uint64_t x = bits.runs[b], carry = prev >> 63;
    for (std::uint64_t begins = x & ~((x << 1) | carry); begins; begins &= begins - 1)
      words.push_back({b * 64 + static_cast<std::size_t>(std::countr_zero(begins)), 0, 0});
    prev = x;
  }
  prev = 0;
  std::size_t ended = 0;
  for (std::size_t b = 0; b < blocks; ++b) {
    std::uint64_t x = bits.runs[b], carry = prev >> 63;
    for (std::uint64_t ends = ~x & ((x << 1) | carry); ends; ends &= ends - 1) {
      Span& word = words[ended++];
      word.end = b * 64 + static_cast<std::size_t>(std::countr_zero(ends));
      std::size_t len = word.end - word.begin;
      std::uint32_t capped = len < 31 ? static_cast<std::uint32_t>(len) : 31u;
      word.shape = (capped * 27 + letter_index(t[word.begin])) * 27 + letter_index(t[word.end - 1]);
    }
    prev = x;
  }
  // Sentences: the first word opens one; a sentence ends in the gap before
  // a word at the gap's first stop followed by a space (or more closing
  // characters, then a space), except after an abbreviation or an initial.
  // Each gap decides alone, so only the gaps holding a stop are looked at:
  // the stops are visited in order, each word once.
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  std::size_t w = 1;              // the first word after the current stop
  std::size_t decided = 0;        // gaps before words below this one are done
  for (std::size_t b = 0; b < blocks && w < words.size(); ++b) {
    for (std::uint64_t x = bits.stops[b]; x && w < words.size(); x &= x - 1) {
      std::size_t k = b * 64 + static_cast<std::size_t>(std::countr_zero(x));
      while (w < words.size() && words[w].begin <= k) ++w;
      if (w == words.size()) break;
      std::size_t gap = words[w - 1].end, i = words[w].begin;
      if (k < gap || w <= decided) continue;  // inside a word ("3.5"), or not the gap's first stop
      decided = w;
      unsigned char c = s[k];
      std::size_t j = k + 1;
      while (j < i && !is_space(s[j])) ++j;  // closing quotes, brackets, more dots
      if (j < i && !(c == '.' && k == gap && is_abbreviation(t, words[w - 1].begin, k)))
        starts.push_back(static_cast<std::uint32_t>(w));
    }
  }
  out.words.assign(words.begin(), words.end());
  out.later_starts.assign(starts.begin(), starts.end());
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
  // Without branches: whether a letter is a vowel is as good as random.
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char kind = kLetters.table[static_cast<unsigned char>(w[i])];
    bool v = kind == 2;
    letters += kind != 0;
    count += v & !prev;
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
  for (auto w : scan.words) c.syllables += syllables(std::string_view(text.data() + w.begin, w.end - w.begin));
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
