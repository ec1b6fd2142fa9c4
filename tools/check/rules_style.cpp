// The writing-style warnings, after the Working Backwards writing rules:
// short press release and FAQ, data instead of weasel words and hype, short
// sentences, plain words, a customer quote, an Internal FAQ that asks what
// every review asks, metrics that move the right way.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "check/quotations.h"
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

// Marks the blocks of the press release and both FAQs that the word rules
// read (prose and headings): in[i] for body.blocks[i]. Sections can nest,
// so a block may be in several; it is read once.
void mark_style_blocks(const Body& body, std::vector<char>& in) {
  in.assign(body.blocks.size(), 0);
  for (const auto& s : body.sections)
    if (in_style_scope(s.kind))
      for (std::size_t i = s.begin; i < s.end; ++i)
        in[i] = is_prose(body.blocks[i]) || body.blocks[i].kind == BlockKind::heading;
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
  // The headline's and subheadline's words and sentences, found once for
  // every rule here (scratch this thread reuses: no allocation a brief).
  thread_local TextScan headline_scan, subheadline_scan;
  scan_text(fm.headline.value, headline_scan);
  scan_text(fm.subheadline.value, subheadline_scan);
  if (subheadline_scan.sentence_count() > 1)
    emit.add(fm.subheadline.pos, "subheadline-sentence",
             "the subheadline has " + std::to_string(subheadline_scan.sentence_count()) + " sentences; make it one");

  if (pr) {
    int quotes = 0;
    bool any_text = false;
    for (std::size_t i = pr->begin; i < pr->end; ++i) {
      const Block& bl = body.blocks[i];
      if (!is_prose(bl)) continue;
      any_text = any_text || !bl.text.empty();
      quotes += bl.kind == BlockKind::quote ? 1 : count_quotations(bl.text, bl.scan.words, c.customer_quote_min_words);
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
    const WordMatcher& any = ctx.style_shapes;
    for (std::size_t i = any.next_candidate(ws, 0); i < ws.size(); i = any.next_candidate(ws, i + 1)) {
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
  for (const auto& field : {std::pair{&fm.headline, &headline_scan}, std::pair{&fm.subheadline, &subheadline_scan}}) {
    const auto* s = field.first;  // not a structured binding: clang 14 cannot capture one
    if (s->value.empty()) continue;
    scan(s->value, *field.second, [&](std::size_t) { return s->pos; }, false);
  }
  thread_local std::vector<char> in_scope;  // scratch this thread reuses
  mark_style_blocks(body, in_scope);
  for (std::size_t i = 0; i < body.blocks.size(); ++i) {
    if (!in_scope[i]) continue;
    const Block& bl = body.blocks[i];
    scan(bl.text, bl.scan, [&](std::size_t off) { return b.pos(bl.file_offset(off)); },
         bl.kind != BlockKind::heading);
  }

  if (const Section* internal = body.find(SectionKind::internal_faq)) {
    // Each question's words once; then each topic looks for one of its
    // words. A question written as a heading is the heading's text less
    // blanks at its ends, which are in no word: its words are the ones the
    // loader found in the block.
    struct Asked {
      std::string_view text;
      const std::vector<Span>* words;
    };
    std::vector<Asked> qs;
    std::vector<std::vector<Span>> found;  // the other questions' words
    std::size_t count = 0;
    for (const auto& sec : body.sections)
      if (sec.kind == SectionKind::internal_faq) count += sec.questions.size();
    found.reserve(count);  // `qs` points into it
    for (const auto& sec : body.sections)
      if (sec.kind == SectionKind::internal_faq)
        for (const auto& q : sec.questions) {
          const Block& bl = body.blocks[q.block];
          if (q.heading) {
            qs.push_back({bl.text, &bl.scan.words});
          } else {
            found.push_back(words(q.text));
            qs.push_back({q.text, &found.back()});
          }
        }
    if (!qs.empty()) {
      for (std::size_t t = 0; t < c.coverage_topics.size(); ++t) {
        const auto& topic = c.coverage_topics[t];
        const WordMatcher& m = ctx.topics[t];
        bool asked = std::any_of(qs.begin(), qs.end(), [&](const Asked& q) {
          const auto& ws = *q.words;
          for (std::size_t w = m.next_candidate(ws, 0); w < ws.size(); w = m.next_candidate(ws, w + 1)) {
            Span sp;
            if (m.match_at(q.text, ws, w, sp)) return true;
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
               (m.name.value.empty() ? std::string("a metric") : "metric '" + m.name.value + "'") + " should go " +
                   dir + ", but its target moves " +
                   (to < from ? "down" : "up") + " from the baseline");
  }
}

}  // namespace prfaq
