#include "check/word_matcher.h"

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
    shapes_.set(e.shape);
    entries_.push_back(std::move(e));
  }
}

const std::string* WordMatcher::match_at(std::string_view text, const std::vector<Span>& ws, std::size_t i,
                                         Span& span) const {
  for (const Entry& e : entries_) {
    if (e.shape != ws[i].shape || i + e.words.size() > ws.size()) continue;
    bool ok = true;
    for (std::size_t k = 0; k < e.words.size() && ok; ++k) {
      std::string_view got = text.substr(ws[i + k].begin, ws[i + k].end - ws[i + k].begin);
      ok = e.exact ? got == e.words[k] : equal_lower(got, e.words[k]);
    }
    if (ok) {
      span = {ws[i].begin, ws[i + e.words.size() - 1].end};
      return &e.text;
    }
  }
  return nullptr;
}

void WordMatcher::find(std::string_view text, const std::vector<Span>& ws, std::vector<Match>& out) const {
  if (entries_.empty()) return;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    if (!may_start(ws[i])) continue;
    Span span;
    if (const std::string* e = match_at(text, ws, i, span)) out.push_back({span, e});
  }
}

}  // namespace prfaq
