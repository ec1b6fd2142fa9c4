// placeholder: text left over from a template, in the body or in a
// front-matter value: TODO, TBD, FIXME, XXX, lorem ipsum (the configurable
// word list) and template brackets such as "[Product name]".
#include <cctype>

#include "check/rules.h"

namespace prfaq {

namespace {

// "[Product name]": brackets around text holding at least two letters.
// Links and task boxes never reach here: md4c has taken their brackets.
template <class F>
void each_bracket(std::string_view text, F&& f) {
  std::size_t i = 0;
  while ((i = text.find('[', i)) != std::string_view::npos) {
    std::size_t close = text.find(']', i + 1);
    if (close == std::string_view::npos) return;
    int letters = 0;
    std::size_t inner = i;  // the last '[' before `close`
    for (std::size_t k = i + 1; k < close; ++k) {
      letters += std::isalpha(static_cast<unsigned char>(text[k])) ? 1 : 0;
      if (text[k] == '[') inner = k;
    }
    if (inner == i && letters >= 2 && close - i <= 120) f(i, close + 1);
    // Nested: only the innermost pair can be one. Going there at once, not
    // one '[' at a time, keeps "[[[[...a]" linear.
    i = inner != i ? inner : close + 1;
  }
}

}  // namespace

void check_placeholders(const Brief& b, const CheckContext& ctx, Emitter& emit) {
  auto from = ctx.config.ladder_status("placeholder");
  if (!from) return;
  auto report = [&](Position pos, std::string_view what) {
    // A long template prompt is named by its start: the position says where.
    std::string shown(what.substr(0, 40));
    if (what.size() > 40) {
      while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
      if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xC0) shown.pop_back();
      shown += "...";
    }
    emit.add(pos, "placeholder", "placeholder left in: '" + shown + "'", *from);
  };
  TextScan scan;  // reused: front matter holds dozens of short strings
  for (const auto& s : b.fm.strings) {
    // Most values hold no entry even as a substring: finding their words
    // (several times the cost of this byte scan) would find no match.
    if (ctx.placeholders.may_occur(s.value)) {
      scan_text(s.value, scan);
      for (auto& m : ctx.placeholders.find(s.value, scan.words))
        report(s.pos, std::string_view(s.value).substr(m.span.begin, m.span.end - m.span.begin));
    }
    each_bracket(s.value, [&](std::size_t x, std::size_t y) { report(s.pos, std::string_view(s.value).substr(x, y - x)); });
  }
  for (const auto& l : b.body.links) {  // an image's alt text is no prose, but a left-over all the same
    if (l.alt.empty() || !ctx.placeholders.may_occur(l.alt)) continue;
    scan_text(l.alt, scan);
    for (auto& m : ctx.placeholders.find(l.alt, scan.words))
      report(b.pos(l.alt_offset), std::string_view(l.alt).substr(m.span.begin, m.span.end - m.span.begin));
  }
  for (const auto& bl : b.body.blocks) {
    if (bl.kind == BlockKind::code || bl.kind == BlockKind::html) continue;
    for (auto& m : ctx.placeholders.find(bl.text, bl.scan.words))
      report(b.pos(bl.file_offset(m.span.begin)), std::string_view(bl.text).substr(m.span.begin, m.span.end - m.span.begin));
    each_bracket(bl.text, [&](std::size_t x, std::size_t y) {
      report(b.pos(bl.file_offset(x)), std::string_view(bl.text).substr(x, y - x));
    });
  }
}

}  // namespace prfaq
