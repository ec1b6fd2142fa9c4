#include "check/word_matcher.h"

#include <algorithm>
#include <bit>

namespace prfaq {

namespace {

bool all_caps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z');
  }
  return letter;
}

bool equal_lower(std::string_view got, std::string_view lower) {
  if (got.size() != lower.size()) return false;
  for (std::size_t i = 0; i < got.size(); ++i)
    if (lower_ascii(got[i]) != lower[i]) return false;
  return true;
}

}  // namespace

WordMatcher::WordMatcher(const std::vector<std::string>& list) {
  for (const auto& text : list) {
    Entry e;
    e.text = text;
    e.exact = all_caps(text);
    for (auto w : words(text)) {
      std::string word = text.substr(w.begin, w.end - w.begin);
      if (!e.exact)
        for (auto& c : word) c = lower_ascii(c);
      e.words.push_back(std::move(word));
    }
    if (e.words.empty()) continue;
    e.shape = word_shape(e.words[0]);
    shapes_[e.shape / 64] |= std::uint64_t{1} << (e.shape % 64);
    entries_.push_back(std::move(e));
  }
  std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.shape < b.shape; });
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    const Entry& e = entries_[k];
    std::uint32_t bit = std::uint32_t{1} << (k < 31 ? k : 31);
    auto first = static_cast<unsigned char>(e.words[0][0]);
    first_bytes_[first] |= bit;
    if (!e.exact && first >= 'a' && first <= 'z') first_bytes_[first - 'a' + 'A'] |= bit;
  }
}

void WordMatcher::add_shapes(const WordMatcher& other) {
  for (std::size_t k = 0; k < shapes_.size(); ++k) shapes_[k] |= other.shapes_[k];
}

const std::string* WordMatcher::match_at(std::string_view text, const std::vector<Span>& ws, std::size_t i,
                                         Span& span) const {
  const std::uint32_t shape = ws[i].shape;
  if (!has_shape(shape)) return nullptr;
  auto e = std::lower_bound(entries_.begin(), entries_.end(), shape,
                            [](const Entry& x, std::uint32_t s) { return x.shape < s; });
  for (; e != entries_.end() && e->shape == shape; ++e) {
    if (i + e->words.size() > ws.size()) continue;
    bool ok = true;
    for (std::size_t k = 0; k < e->words.size() && ok; ++k) {
      std::string_view got = text.substr(ws[i + k].begin, ws[i + k].end - ws[i + k].begin);
      ok = e->exact ? got == e->words[k] : equal_lower(got, e->words[k]);
    }
    if (ok) {
      span = {ws[i].begin, ws[i + e->words.size() - 1].end};
      return &e->text;
    }
  }
  return nullptr;
}

void WordMatcher::find(std::string_view text, const std::vector<Span>& ws, std::vector<Match>& out) const {
  if (entries_.empty()) return;
  for (std::size_t i = next_candidate(ws, 0); i < ws.size(); i = next_candidate(ws, i + 1)) {
    Span span;
    if (const std::string* e = match_at(text, ws, i, span)) out.push_back({span, e});
  }
}

bool WordMatcher::may_occur(std::string_view text) const {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const auto& first = first_bytes_;
  auto occurs_at = [&](std::size_t p) {
    for (std::uint32_t m = first[s[p]]; m; m &= m - 1) {
      std::size_t k = static_cast<std::size_t>(std::countr_zero(m));
      // Bit 31 stands for entry 31 and every one after it.
      for (std::size_t last = k < 31 ? k + 1 : entries_.size(); k < last; ++k) {
        const Entry& e = entries_[k];
        std::string_view w = e.words[0];
        if (w.size() > n - p) continue;
        std::string_view got = text.substr(p, w.size());
        if (e.exact ? got == w : equal_lower(got, w)) return true;
      }
    }
    return false;
  };
  std::size_t p = 0;
  // Eight bytes tested together: most runs of eight hold no first byte.
  for (; p + 8 <= n; p += 8) {
    const unsigned char* q = s + p;
    if (!(first[q[0]] | first[q[1]] | first[q[2]] | first[q[3]] | first[q[4]] | first[q[5]] | first[q[6]] |
          first[q[7]]))
      continue;
    for (std::size_t k = 0; k < 8; ++k)
      if (first[q[k]] && occurs_at(p + k)) return true;
  }
  for (; p < n; ++p)
    if (first[s[p]] && occurs_at(p)) return true;
  return false;
}

}  // namespace prfaq
