// check/word_matcher.cpp: whole words and phrases of a word list, the
// shape pre-test every word goes through, and may_occur, the byte scan
// that lets a rule skip finding the words of a string.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "check/word_matcher.h"

using namespace prfaq;

namespace {

using Strings = std::vector<std::string>;

// The matched text of every match in `text`.
Strings found(const WordMatcher& m, std::string_view text) {
  Strings out;
  auto ws = words(text);
  for (const auto& f : m.find(text, ws)) out.emplace_back(text.substr(f.span.begin, f.span.end - f.span.begin));
  return out;
}

// The entry match_at picks at every word, "" where none: what the rules see.
Strings entries_at(const WordMatcher& m, std::string_view text) {
  Strings out;
  auto ws = words(text);
  for (std::size_t i = 0; i < ws.size(); ++i) {
    Span sp;
    const std::string* e = m.match_at(text, ws, i, sp);
    out.push_back(e ? *e + "@" + std::string(text.substr(sp.begin, sp.end - sp.begin)) : "");
  }
  return out;
}

// The matcher's contract written plainly: at each word, the list's first
// entry whose words equal the next words (in capitals only for an entry
// in capitals, else in any ASCII case).
Strings reference_at(const Strings& list, std::string_view text) {
  auto lower = [](std::string s) {
    for (auto& c : s) c = lower_ascii(c);
    return s;
  };
  auto caps = [](std::string_view s) {
    bool letter = false;
    for (char c : s) {
      if (c >= 'a' && c <= 'z') return false;
      letter = letter || (c >= 'A' && c <= 'Z');
    }
    return letter;
  };
  Strings out;
  auto ws = words(text);
  for (std::size_t i = 0; i < ws.size(); ++i) {
    std::string hit;
    for (const auto& entry : list) {
      auto es = words(entry);
      if (es.empty() || i + es.size() > ws.size()) continue;
      bool exact = caps(entry), ok = true;
      for (std::size_t k = 0; k < es.size() && ok; ++k) {
        std::string want(entry.substr(es[k].begin, es[k].end - es[k].begin));
        std::string got(text.substr(ws[i + k].begin, ws[i + k].end - ws[i + k].begin));
        ok = exact ? got == want : lower(got) == lower(want);
      }
      if (ok) {
        hit = entry + "@" + std::string(text.substr(ws[i].begin, ws[i + es.size() - 1].end - ws[i].begin));
        break;
      }
    }
    out.push_back(hit);
  }
  return out;
}

}  // namespace

TEST_CASE("word matcher: whole words, capitals only for an entry in capitals", "[word_matcher]") {
  WordMatcher m(Strings{"TODO", "lorem ipsum", "very"});
  CHECK(found(m, "TODO: a todo, VERY Very very; Lorem  IPSUM and lorem.") ==
        Strings{"TODO", "VERY", "Very", "very", "Lorem  IPSUM"});
  CHECK(found(m, "TODOS, everyday, veryfine, lorem-ipsum") == Strings{});
}

TEST_CASE("word matcher: the list's first entry wins where several match", "[word_matcher]") {
  CHECK(entries_at(WordMatcher(Strings{"lorem ipsum", "lorem"}), "lorem ipsum") ==
        Strings{"lorem ipsum@lorem ipsum", ""});
  CHECK(entries_at(WordMatcher(Strings{"lorem", "lorem ipsum"}), "lorem ipsum") == Strings{"lorem@lorem", ""});
  // Entries of one shape (length, first and last letter) keep their order.
  CHECK(entries_at(WordMatcher(Strings{"zebra", "Zebra", "ZEBRA", "zebra crossing"}), "ZEBRA crossing") ==
        Strings{"zebra@ZEBRA", ""});
  CHECK(entries_at(WordMatcher(Strings{"ZEBRA", "zebra"}), "Zebra ZEBRA") == Strings{"zebra@Zebra", "ZEBRA@ZEBRA"});
}

TEST_CASE("word matcher: match_at agrees with the list read in order", "[word_matcher]") {
  // Many entries of few shapes, and texts of their words, so that most
  // words are candidates and the order among entries of a shape matters.
  const Strings list = {"best", "bust", "Best", "BEST", "best in class", "bust it", "most", "MOST",
                        "more", "more than", "mare", "TBD", "tbd", "ted", "lorem ipsum", "lorem",
                        "x-ray", "it's", "3.5", "café", "CAFÉ", "e.g.", "a", "A", "in class"};
  const Strings vocabulary = {"best", "Best", "BEST", "bust", "in", "class", "it", "most", "MOST", "Most",
                              "more", "than", "mare", "TBD", "Tbd", "ted", "lorem", "Lorem", "ipsum",
                              "x-ray", "X-Ray", "it's", "3.5", "café", "CAFÉ", "Café", "e.g.", "a", "A"};
  const Strings separators = {" ", ", ", ". ", " - ", "\n", "!", " (", ") "};
  WordMatcher m(list);
  std::mt19937 rng(7);
  for (int n = 0; n < 2000; ++n) {
    std::string text;
    int count = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < count; ++k)
      text += vocabulary[rng() % vocabulary.size()] + separators[rng() % separators.size()];
    INFO(text);
    REQUIRE(entries_at(m, text) == reference_at(list, text));
  }
}

TEST_CASE("word matcher: next_candidate stops only at words of an entry's shape", "[word_matcher]") {
  WordMatcher m(Strings{"very", "TBD"});
  std::string text = "a vary big TBD that is very tad";
  auto ws = words(text);  // a vary big TBD that is very tad
  CHECK(m.next_candidate(ws, 0) == 1);  // "vary": the shape of "very"
  CHECK(m.next_candidate(ws, 2) == 3);
  CHECK(m.next_candidate(ws, 4) == 6);
  CHECK(m.next_candidate(ws, 7) == 7);  // "tad": the shape of "TBD", in any case
  CHECK(m.next_candidate(ws, 8) == 8);  // the end
  CHECK(WordMatcher().next_candidate(ws, 0) == ws.size());

  WordMatcher both;  // a combined pre-test
  both.add_shapes(WordMatcher(Strings{"big"}));
  both.add_shapes(WordMatcher(Strings{"that"}));
  CHECK(both.next_candidate(ws, 0) == 2);
  CHECK(both.next_candidate(ws, 3) == 4);
  CHECK(both.empty());
}

TEST_CASE("word matcher: may_occur finds an entry's first word anywhere", "[word_matcher]") {
  WordMatcher m(Strings{"TODO", "lorem ipsum", "café"});
  CHECK_FALSE(m.may_occur(""));
  CHECK_FALSE(m.may_occur("Paperless Expenses Console"));
  CHECK_FALSE(m.may_occur("a todo list, Todo, ToDo"));  // capitals only
  CHECK_FALSE(m.may_occur("lore, LOREN, ipsum alone, cafe"));
  CHECK(m.may_occur("TODO"));
  CHECK(m.may_occur("TODOS"));  // inside a word: may_occur is a pre-test, find() decides
  CHECK(m.may_occur("doloremque"));
  CHECK(m.may_occur("LoReM"));  // in any case: find() would match "LoReM ipsum"
  CHECK(m.may_occur("0123456789 CAFé"));  // ASCII letters in any case, other bytes as they are
  CHECK_FALSE(m.may_occur("0123456789 CAFÉ"));
  CHECK(m.may_occur("at the very end of a string longer than eight bytes: TODO"));
  CHECK_FALSE(m.may_occur("at the very end of a string longer than eight bytes: TOD"));
  CHECK_FALSE(WordMatcher().may_occur("TODO"));
}

TEST_CASE("word matcher: may_occur with more entries than its bit table", "[word_matcher]") {
  Strings list;
  for (char c = 'a'; c <= 'z'; ++c) list.push_back(std::string(1, c) + "q" + std::string(1, c));
  for (char c = 'a'; c <= 'z'; ++c) list.push_back(std::string(1, c) + "z" + std::string(1, c));  // entries 26-51
  WordMatcher m(list);
  for (const auto& e : list) {
    INFO(e);
    CHECK(m.may_occur("-- " + e + " --"));
    CHECK(m.may_occur("-- " + std::string(1, static_cast<char>(e[0] - 'a' + 'A')) + e.substr(1)));
  }
  CHECK_FALSE(m.may_occur("aqb azb zqa zza"));
}

TEST_CASE("word matcher: no match where may_occur says none can be", "[word_matcher]") {
  const Strings list = {"TODO", "TBD", "FIXME", "XXX", "lorem ipsum", "x-ray", "3.5", "é"};
  const std::string alphabet = "TODBFIXMEtodbfixmelrmpsu-.35 ,\xC3\xA9";
  WordMatcher m(list);
  std::mt19937 rng(11);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    int len = static_cast<int>(rng() % 24);
    for (int k = 0; k < len; ++k) text += alphabet[rng() % alphabet.size()];
    INFO(text);
    if (!m.may_occur(text)) REQUIRE(found(m, text).empty());
  }
}
