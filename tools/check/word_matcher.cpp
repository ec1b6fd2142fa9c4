#include "check/word_matcher.h"

#include <cctype>

namespace prfaq {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool all_caps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letter = letter || std::isupper(static_cast<unsigned char>(c));
  }
  return letter;
}

}  // namespace

WordMatcher::WordMatcher(const std::vector<std::string>& list) {
  for (const auto& text : list) {
    Entry e;
    e.text = text;
    e.exact = all_caps(text);
    for (auto w : words(text)) {
      std::string_view word = std::string_view(text).substr(w.begin, w.end - w.begin);
      e.words.push_back(e.exact ? std::string(word) : lower(word));
    }
    if (e.words.empty()) continue;
    first_[lower(e.words[0])].push_back(entries_.size());
    entries_.push_back(std::move(e));
  }
}

std::vector<WordMatcher::Match> WordMatcher::find(std::string_view text, const std::vector<Span>& ws) const {
  std::vector<Match> out;
  if (first_.empty()) return out;
  std::string key;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    std::string_view w = text.substr(ws[i].begin, ws[i].end - ws[i].begin);
    if (w.size() > 40) continue;
    key.assign(w);
    for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto it = first_.find(key);
    if (it == first_.end()) continue;
    for (std::size_t idx : it->second) {
      const Entry& e = entries_[idx];
      if (i + e.words.size() > ws.size()) continue;
      bool ok = true;
      for (std::size_t k = 0; k < e.words.size() && ok; ++k) {
        std::string_view got = text.substr(ws[i + k].begin, ws[i + k].end - ws[i + k].begin);
        ok = e.exact ? got == e.words[k] : lower(got) == e.words[k];
      }
      if (ok) {
        out.push_back({{ws[i].begin, ws[i + e.words.size() - 1].end}, &e.text});
        break;
      }
    }
  }
  return out;
}

}  // namespace prfaq
