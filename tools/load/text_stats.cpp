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

// Up to 7 bytes and their count as one number (byte i at bits 8i, the count
// in the top byte), so that a run is compared with every abbreviation as a
// number, not as a string.
constexpr std::uint64_t packed(std::string_view s) {
  std::uint64_t v = std::uint64_t{s.size()} << 56;
  for (std::size_t i = 0; i < s.size() && i < 7; ++i) v |= std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
  return v;
}
static_assert(std::all_of(kAbbrev.begin(), kAbbrev.end(), [](std::string_view a) { return !a.empty() && a.size() <= 6; }));
constexpr auto kAbbrevPacked = [] {
  std::array<std::uint64_t, kAbbrev.size()> out{};
  for (std::size_t i = 0; i < kAbbrev.size(); ++i) out[i] = packed(kAbbrev[i]);
  return out;
}();

// Single letters joined by dots, the last dot not included: "U.S", "e.g".
bool is_initialism(std::string_view run) {
  if (run.size() < 3 || run.size() % 2 == 0) return false;
  for (std::size_t i = 0; i < run.size(); ++i) {
    bool letter = (run[i] | 0x20) >= 'a' && (run[i] | 0x20) <= 'z';
    if (i % 2 == 0 ? !letter : run[i] != '.') return false;
  }
  return true;
}

bool is_abbreviation(std::string_view t, std::size_t word_begin, std::size_t dot) {
  // The run of non-space characters before the dot: "e.g", "Mr", "A".
  std::size_t b = dot;
  while (b > 0 && !is_space(static_cast<unsigned char>(t[b - 1]))) --b;
  std::string_view run = t.substr(b, dot - b);
  while (!run.empty() && (run.front() == '(' || run.front() == '"' || run.front() == '\'')) run.remove_prefix(1);
  if (dot - word_begin == 1 && run.size() == 1 && !is_digit(static_cast<unsigned char>(run[0]))) return true;
  if (is_initialism(run)) return true;  // "U.S", "a.m", "U.K"
  if (run.size() > 6 || run.empty()) return false;  // no abbreviation is longer, and none is empty
  std::uint64_t low = std::uint64_t{run.size()} << 56;
  for (std::size_t i = 0; i < run.size(); ++i)
    low |= std::uint64_t{static_cast<unsigned char>(lower_ascii(run[i]))} << (8 * i);
  for (std::uint64_t a : kAbbrevPacked)
    if (low == a) return true;
  return false;
}

// A text's bytes as bit sets, one bit per byte, 64 to a word. Finding
// words byte by byte took most of the time of loading a brief: a branch
// per byte, mispredicted at every word boundary. With the classes as bits,
// word starts and ends are a few shifts per 64 bytes and one bit scan per
// word, and sentence ends are looked for only at the stops.
struct Classes64 {
  // word characters, digits, the joiners ' and -, the digit joiners . and
  // ',', the stops . ! and ?.
  std::uint64_t word = 0, digit = 0, joins = 0, joins_digits = 0, stops = 0;
};

// The classes of the 64 bytes at p (all readable).
[[gnu::always_inline]] inline Classes64 classify64(const unsigned char* p) {
  Classes64 k;
#if defined(__SSE2__)
  // 16 bytes at a time (signed compares: a byte with its high bit set is
  // below every ASCII range, and is_word_char counts it as a letter).
  for (int part = 0; part < 4; ++part) {
    __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * part));
    auto in = [](__m128i x, char lo, char hi) {
      return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                           _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
    };
    auto is = [&](char ch) { return _mm_cmpeq_epi8(c, _mm_set1_epi8(ch)); };
    auto bits = [&](__m128i m) {
      return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(m))) << (16 * part);
    };
    __m128i digit = in(c, '0', '9');
    __m128i letter = in(_mm_or_si128(c, _mm_set1_epi8(0x20)), 'a', 'z');  // either case
    __m128i dot = is('.');
    k.word |= bits(_mm_or_si128(_mm_or_si128(letter, digit), c));
    k.digit |= bits(digit);
    k.joins |= bits(_mm_or_si128(is('\''), is('-')));
    k.joins_digits |= bits(_mm_or_si128(dot, is(',')));
    k.stops |= bits(_mm_or_si128(_mm_or_si128(dot, is('!')), is('?')));
  }
#else
  for (int i = 0; i < 64; ++i) {
    unsigned char c = p[i];
    std::uint64_t bit = std::uint64_t{1} << i;
    if (is_word_char(c)) k.word |= bit;
    if (is_digit(c)) k.digit |= bit;
    if (c == '\'' || c == '-') k.joins |= bit;
    if (c == '.' || c == ',') k.joins_digits |= bit;
    if (c == '.' || c == '!' || c == '?') k.stops |= bit;
  }
#endif
  return k;
}

// The number of bits set, without a library call (x86-64 has no POPCNT
// instruction to rely on).
inline std::size_t bit_count(std::uint64_t v) {
  v = v - ((v >> 1) & 0x5555555555555555ull);
  v = (v & 0x3333333333333333ull) + ((v >> 2) & 0x3333333333333333ull);
  v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return static_cast<std::size_t>((v * 0x0101010101010101ull) >> 56);
}

// Where a text's words begin and end, and where its stops are, as bit
// sets per 64 bytes (a step): bit p of step b is byte 64b + p. A word's
// end is the byte after its last; a word that runs to the end of the text
// ends at its size, which may be the first bit of one step more.
struct TextBits {
  std::vector<std::uint64_t> starts, ends, stops;
  std::vector<std::uint32_t> words_before;  // words starting in the steps before each
  std::size_t steps = 0;  // of starts, stops and words_before; ends has one more
  std::size_t word_count = 0;
  // The number of words starting at or before byte k (in the text).
  std::size_t words_through(std::size_t k) const {
    std::size_t b = k / 64;
    std::uint64_t upto = (std::uint64_t{2} << (k % 64)) - 1;  // bits 0..k%64 (all of them for 63)
    return words_before[b] + bit_count(starts[b] & upto);
  }
  void find(std::string_view t);
};

void TextBits::find(std::string_view t) {
  const std::size_t n = t.size();
  steps = (n + 63) / 64;
  if (starts.size() < steps + 1) {
    starts.resize(steps + 1);
    ends.resize(steps + 1);
    stops.resize(steps + 1);
    words_before.resize(steps + 1);
  }
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  // The last, partial 64 bytes, padded with NULs (in no class).
  unsigned char tail[64] = {};
  if (n % 64) std::memcpy(tail, s + (steps - 1) * 64, n % 64);
  auto at = [&](std::size_t b) {
    if (b >= steps) return Classes64{};
    return (b + 1 < steps || n % 64 == 0) ? classify64(s + b * 64) : classify64(tail);
  };
  auto before = [](std::uint64_t v, std::uint64_t v_prev) { return (v << 1) | (v_prev >> 63); };  // bit p: p - 1
  auto after = [](std::uint64_t v, std::uint64_t v_next) { return (v >> 1) | (v_next << 63); };    // bit p: p + 1
  // The bytes of words: word characters, and an apostrophe or hyphen
  // between word characters, or a decimal point or thousands comma between
  // digits ("don't", "well-known", "3.5", "1,000"). Each step needs the
  // last bit of the step before and the first bit of the step after.
  Classes64 prev, cur = at(0);
  std::uint64_t prev_runs = 0;
  std::size_t count = 0;
  for (std::size_t b = 0; b < steps; ++b) {
    Classes64 next = at(b + 1);
    std::uint64_t joins =
        cur.joins | (cur.joins_digits & before(cur.digit, prev.digit) & after(cur.digit, next.digit));
    std::uint64_t runs = cur.word | (joins & before(cur.word, prev.word) & after(cur.word, next.word));
    std::uint64_t was = before(runs, prev_runs);
    starts[b] = runs & ~was;
    ends[b] = was & ~runs;
    stops[b] = cur.stops;
    words_before[b] = static_cast<std::uint32_t>(count);
    count += bit_count(starts[b]);
    prev_runs = runs;
    prev = cur;
    cur = next;
  }
  // A run still open at the end (the text fills its last 64 bytes) ends
  // at the end: bit 0 of the step after.
  ends[steps] = prev_runs >> 63;
  word_count = count;
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
  // The bits go to scratch space this thread reuses; the words and
  // sentence starts to vectors of their exact size: one allocation each per
  // block (every block of every brief is scanned), none where there is
  // nothing to keep.
  thread_local TextBits found;
  thread_local std::vector<std::uint32_t> starts, begins;
  found.find(t);
  starts.clear();
  const std::size_t count = found.word_count;
  out.words.clear();
  out.later_starts.clear();
  if (count == 0) return;
  // Each word's first byte, into scratch space; then the words, each as its
  // end is found (appended to room reserved for them all: the largest
  // thing a check allocates is not first filled with zeros).
  if (begins.size() < count) begins.resize(count);
  std::uint32_t* first = begins.data();
  for (std::size_t b = 0; b < found.steps; ++b) {
    const auto base = static_cast<std::uint32_t>(b * 64);
    for (std::uint64_t bits = found.starts[b]; bits; bits &= bits - 1)
      *first++ = base + static_cast<std::uint32_t>(std::countr_zero(bits));
  }
  out.words.reserve(count);
  first = begins.data();
  for (std::size_t b = 0; b <= found.steps; ++b) {
    const auto base = static_cast<std::uint32_t>(b * 64);
    for (std::uint64_t bits = found.ends[b]; bits; bits &= bits - 1) {
      std::uint32_t begin = *first++, end = base + static_cast<std::uint32_t>(std::countr_zero(bits));
      out.words.push_back({begin, end, word_shape(end - begin, t[begin], t[end - 1])});
    }
  }
  const Span* words = out.words.data();
  // Sentences: the first word opens one; a sentence ends in the gap before
  // a word at the gap's first stop followed by a space (or more closing
  // characters, then a space), except after an abbreviation or an initial.
  // Each gap decides alone, so only the gaps holding a stop are looked at:
  // the stops are visited in order, and the word after each is counted
  // from the start bits.
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  std::size_t decided = 0;  // gaps before words below this one are done
  for (std::size_t b = 0; b < found.steps; ++b) {
    for (std::uint64_t bits = found.stops[b]; bits; bits &= bits - 1) {
      std::size_t k = b * 64 + static_cast<std::size_t>(std::countr_zero(bits));
      std::size_t w = found.words_through(k);  // the first word after the stop
      if (w == count) break;
      if (w == 0) continue;  // before the first word
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
  out.later_starts.assign(starts.begin(), starts.end());
}

std::vector<Span> words(std::string_view text) {
  TextScan scan;
  scan_text(text, scan);
  return std::move(scan.words);
}

namespace {

// The syllables of word w, given its vowel groups (runs of a, e, i, o, u, y
// in either case) and whether it holds any ASCII letter: a silent final e
// ("make", but not "-le" as in "table" or "ee" as in "free") and ed ("used",
// but "wanted") are taken off; at least one.
[[gnu::always_inline]] inline int syllables_of(std::string_view w, int groups, bool letters) {
  std::size_t n = w.size();
  if (n == 0) return 0;
  if (!letters) return 1;  // a number is read as one word
  int count = groups;
  char last = lower_ascii(w[n - 1]);
  char before = n > 1 ? lower_ascii(w[n - 2]) : 0;
  if (last == 'e' && count > 1 && before != 'l' && !is_vowel(before)) --count;
  if (n > 2 && last == 'd' && before == 'e' && count > 1) {
    char third = lower_ascii(w[n - 3]);
    if (third != 't' && third != 'd') --count;
  }
  return count < 1 ? 1 : count;
}

// Per 64 bytes of a text (a step), as bits: where a vowel group starts (a
// vowel not right after another), and where an ASCII letter is. Found 16
// bytes at a time.
struct VowelBits {
  std::vector<std::uint64_t> starts, letters;
  void find(std::string_view t) {
    const std::size_t n = t.size(), words = (n + 63) / 64;
    starts.resize(words);
    letters.resize(words);
    const auto* s = reinterpret_cast<const unsigned char*>(t.data());
    for (std::size_t w = 0; w < words; ++w) {
      const unsigned char* p = s + w * 64;
      const std::size_t end = std::min<std::size_t>(64, n - w * 64);
      std::uint64_t vowels = 0, letter = 0;
      std::size_t i = 0;
#if defined(__SSE2__)
      for (; i + 16 <= end; i += 16) {
        __m128i c = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), _mm_set1_epi8(0x20));
        auto is = [&](char ch) { return _mm_cmpeq_epi8(c, _mm_set1_epi8(ch)); };
        __m128i v = _mm_or_si128(_mm_or_si128(_mm_or_si128(is('a'), is('e')), _mm_or_si128(is('i'), is('o'))),
                                 _mm_or_si128(is('u'), is('y')));
        __m128i l = _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(c, _mm_set1_epi8('z' + 1)));
        vowels |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(v))) << i;
        letter |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(l))) << i;
      }
#endif
      for (; i < end; ++i) {
        unsigned char kind = kLetters.table[p[i]];
        vowels |= static_cast<std::uint64_t>(kind == 2) << i;
        letter |= static_cast<std::uint64_t>(kind != 0) << i;
      }
      // No carry from the step before: only words within one step are read
      // from these bits, and the byte before a word is no letter.
      starts[w] = vowels & ~(vowels << 1);
      letters[w] = letter;
    }
  }
};

}  // namespace

int syllables(std::string_view w) {
  int groups = 0;
  bool prev = false, letters = false;
  // Without branches: whether a letter is a vowel is as good as random.
  for (char ch : w) {
    unsigned char kind = kLetters.table[static_cast<unsigned char>(ch)];
    bool v = kind == 2;
    letters |= kind != 0;
    groups += v & !prev;
    prev = v;
  }
  return syllables_of(w, groups, letters);
}

TextCounts count_text(std::string_view text, const TextScan& scan) {
  TextCounts c;
  c.words = static_cast<int>(scan.words.size());
  c.sentences = static_cast<int>(scan.sentence_count());
  if (scan.words.empty()) return c;
  // The vowel groups of the whole text at once, then each word's from its
  // bits. A word's bytes are word characters, so the byte before it is no
  // letter: a group starting in the word starts there in the text too.
  thread_local VowelBits bits;
  bits.find(text);
  const std::uint64_t* starts = bits.starts.data();
  const std::uint64_t* letters = bits.letters.data();
  for (const Span& w : scan.words) {
    std::string_view word(text.data() + w.begin, w.end - w.begin);
    std::size_t k = w.begin / 64, shift = w.begin % 64;
    if (shift + word.size() > 64) {  // across two 64-byte steps: rare
      c.syllables += syllables(word);
      continue;
    }
    std::uint64_t mask = word.size() == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << word.size()) - 1;
    int groups = static_cast<int>(bit_count((starts[k] >> shift) & mask));
    c.syllables += syllables_of(word, groups, ((letters[k] >> shift) & mask) != 0);
  }
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
