// The writing-style warnings, after the Working Backwards writing rules:
// short press release and FAQ, data instead of weasel words and hype, short
// sentences, plain words, a customer quote, an Internal FAQ that asks what
// every review asks, metrics that move the right way.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "check/rules.h"

namespace prfaq {

namespace {

bool is_prose(const Block& b) {
  return b.kind == BlockKind::paragraph || b.kind == BlockKind::list_item || b.kind == BlockKind::bullet_item ||
         b.kind == BlockKind::quote;
}

bool in_style_scope(SectionKind k) {
  return k == SectionKind::press_release || k == SectionKind::customer_faq || k == SectionKind::internal_faq;
}

// Blocks of the press release and both FAQs, each once, in order.
std::vector<std::size_t> style_blocks(const Body& body) {
  std::vector<std::size_t> out;
  for (const auto& s : body.sections)
    if (in_style_scope(s.kind))
      for (std::size_t i = s.begin; i < s.end; ++i)
        if (is_prose(body.blocks[i]) || body.blocks[i].kind == BlockKind::heading) out.push_back(i);
  std::sort(out.begin(), out.end());  // sections can nest: keep each block once
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string fmt1(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

// Quotations of at least `min_words` words: "..." or “...”.
int count_quotes(std::string_view t, int min_words) {
  int n = 0;
  std::size_t i = 0;
  // The next opening quote of each kind, searched again only once passed:
  // a paragraph of 100,000 straight quotes must not be scanned for a curly
  // one 100,000 times.
  std::size_t a = t.find('"'), b = t.find("\xE2\x80\x9C");
  while (i < t.size()) {
    std::size_t open = std::string_view::npos, open_len = 0;
    if (a != std::string_view::npos && a < i) a = t.find('"', i);
    if (b != std::string_view::npos && b < i) b = t.find("\xE2\x80\x9C", i);
    if (a != std::string_view::npos && (b == std::string_view::npos || a < b)) open = a, open_len = 1;
    else if (b != std::string_view::npos) open = b, open_len = 3;
    if (open == std::string_view::npos) break;
    std::size_t close = open_len == 1 ? t.find('"', open + 1) : t.find("\xE2\x80\x9D", open + 3);
    if (close == std::string_view::npos) break;
    if (static_cast<int>(words(t.substr(open + open_len, close - open - open_len)).size()) >= min_words) ++n;
    i = close + (open_len == 1 ? 1 : 3);
  }
  return n;
}

// "Acme launches X. It is free." -> 2
int count_sentences(std::string_view s) {
  TextScan ts;
  scan_text(s, ts);
  return static_cast<int>(ts.sentence_count());
}

}  // namespace

void check_style(const Brief& b, const CheckContext& ctx, Emitter& emit) {
  const Config& c = ctx.config;
  const Body& body = b.body;
  const FrontMatter& fm = b.fm;
  const Section* pr = body.find(SectionKind::press_release);

  for (const auto& sec : body.sections)
    for (const auto& q : sec.questions)
      if (q.heading && !q.text.empty() && q.text.back() != '?')
        emit.add(q.pos, "question-mark", "this FAQ question does not end in '?': \"" + q.text + "\"");

  if (pr && body.press_release.words > c.press_release_max_words)
    emit.add(pr->pos, "press-release-length",
             "the press release has " + std::to_string(body.press_release.words) + " words; keep it to " +
                 std::to_string(c.press_release_max_words) + " (about one page)");
  if (body.faq_words > c.faq_max_words) {
    const Section* first = nullptr;
    for (const auto& s : body.sections)
      if (!first && (s.kind == SectionKind::customer_faq || s.kind == SectionKind::internal_faq)) first = &s;
    emit.add(first ? first->pos : Position{1, 1}, "faq-length",
             "the two FAQs have " + std::to_string(body.faq_words) + " words; keep them to " +
                 std::to_string(c.faq_max_words) + " (about five pages)");
  }
  if (code_points(fm.headline.value) > static_cast<std::size_t>(c.headline_max_chars))
    emit.add(fm.headline.pos, "headline-length",
             "the headline has " + std::to_string(code_points(fm.headline.value)) + " characters; keep it to " +
                 std::to_string(c.headline_max_chars) + " (one line)");
  if (count_sentences(fm.subheadline.value) > 1)
    emit.add(fm.subheadline.pos, "subheadline-sentence",
             "the subheadline has " + std::to_string(count_sentences(fm.subheadline.value)) +
                 " sentences; make it one");

  if (pr) {
    int quotes = 0;
    bool any_text = false;
    for (std::size_t i = pr->begin; i < pr->end; ++i) {
      const Block& bl = body.blocks[i];
      if (!is_prose(bl)) continue;
      any_text = any_text || !bl.text.empty();
      quotes += bl.kind == BlockKind::quote ? 1 : count_quotes(bl.text, c.customer_quote_min_words);
    }
    if (any_text && quotes < c.customer_quote_min_quotes)
      emit.add(pr->pos, "customer-quote",
               "the press release has " + std::to_string(quotes) + " quotation" + (quotes == 1 ? "" : "s") +
                   "; it should quote a customer, not only a leader (at least " +
                   std::to_string(c.customer_quote_min_quotes) + ")");
    double grade = flesch_kincaid_grade(body.press_release);
    if (body.press_release.words >= 30 && grade > c.readability_max_grade)
      emit.add(pr->pos, "readability",
               "the press release reads at grade " + fmt1(grade) + "; aim for " + fmt1(c.readability_max_grade) +
                   " or lower with shorter sentences and plainer words");
  }

  // Word-level rules over the headline, subheadline, press release and FAQs.
  auto scan = [&](std::string_view text, const TextScan& ts, auto&& position, bool sentences_too) {
    auto quote = [&](Span sp) {
      std::string q(1, '\'');  // not "'" + std::string(...): GCC 12 -O3 warns falsely (-Wrestrict)
      q.append(text.substr(sp.begin, sp.end - sp.begin));
      q += '\'';
      return q;
    };
    const auto& ws = ts.words;
    for (std::size_t i = 0; i < ws.size(); ++i) {
      if (!ctx.style_shapes.may_start(ws[i])) continue;
      Span sp;
      if (ctx.weasel.match_at(text, ws, i, sp))
        emit.add(position(sp.begin), "weasel-words", quote(sp) + " is a weasel word: say how much, with a number");
      if (ctx.hype.match_at(text, ws, i, sp))
        emit.add(position(sp.begin), "hype", quote(sp) + " is hype: show the data instead");
      if (ctx.comparatives.match_at(text, ws, i, sp)) {
        Span sentence = ts.sentence_span(ts.sentence_of(i));
        if (!has_digit(text.substr(sentence.begin, sentence.end - sentence.begin)))
          emit.add(position(sp.begin), "hype", quote(sp) + " compares without a number: than what, and by how much?");
      }
    }
    if (!sentences_too) return;
    for (std::size_t k = 0; k < ts.sentence_count(); ++k) {
      std::size_t n = ts.sentence_words(k);
      if (static_cast<int>(n) > c.sentence_max_words)
        emit.add(position(ts.sentence_span(k).begin), "sentence-length",
                 "this sentence has " + std::to_string(n) + " words; keep sentences to " +
                     std::to_string(c.sentence_max_words));
    }
  };
  for (const auto* s : {&fm.headline, &fm.subheadline}) {
    if (s->value.empty()) continue;
    TextScan ts;
    scan_text(s->value, ts);
    scan(s->value, ts, [&](std::size_t) { return s->pos; }, false);
  }
  for (std::size_t i : style_blocks(body)) {
    const Block& bl = body.blocks[i];
    scan(bl.text, bl.scan, [&](std::size_t off) { return b.pos(bl.file_offset(off)); },
         bl.kind != BlockKind::heading);
  }

  if (const Section* internal = body.find(SectionKind::internal_faq)) {
    // Each question's words once; then each topic looks for one of its words.
    std::vector<std::pair<const Question*, std::vector<Span>>> qs;
    for (const auto& sec : body.sections)
      if (sec.kind == SectionKind::internal_faq)
        for (const auto& q : sec.questions) qs.emplace_back(&q, words(q.text));
    if (!qs.empty()) {
      for (std::size_t t = 0; t < c.coverage_topics.size(); ++t) {
        const auto& topic = c.coverage_topics[t];
        const WordMatcher& m = ctx.topics[t];
        bool asked = std::any_of(qs.begin(), qs.end(), [&](const auto& q) {
          for (std::size_t w = 0; w < q.second.size(); ++w) {
            Span sp;
            if (m.may_start(q.second[w]) && m.match_at(q.first->text, q.second, w, sp))
              return true;
          }
          return false;
        });
        if (!asked)
          emit.add(internal->pos, "faq-coverage",
                   "the Internal FAQ asks nothing about " + topic.name + " (a question with one of: " +
                       [&] {
                         std::string l;
                         for (std::size_t k = 0; k < topic.words.size() && k < 4; ++k)
                           l += (k ? ", " : "") + topic.words[k];
                         return l;
                       }() + ")");
      }
    }
  }

  for (const auto& m : fm.metrics) {
    std::string dir = m.direction.value;
    if (dir.empty()) {
      const std::string& k = m.kind.value;
      if (k == "revenue" || k == "adoption" || k == "retention" || k == "engagement" || k == "activation") dir = "up";
      else if (k == "cost") dir = "down";
    }
    if (dir.empty() || !m.baseline || !m.target) continue;
    double from = m.baseline->value, to = m.target->value;
    if ((dir == "up" && to < from) || (dir == "down" && to > from))
      emit.add(m.target->pos, "metric-direction",
               "metric '" + m.name.value + "' should go " + dir + ", but its target moves " +
                   (to < from ? "down" : "up") + " from the baseline");
  }
}

}  // namespace prfaq
