#include "load/sections.h"

#include <algorithm>
#include <iterator>

namespace prfaq {

namespace {

// The C locale's std::isspace and std::isalnum (prfaq never sets another
// locale), inline: they run over the text of every heading and FAQ block.
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_alnum(char c) {
  return is_digit(static_cast<unsigned char>(c)) || (lower_ascii(c) >= 'a' && lower_ascii(c) <= 'z');
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower_ascii(c);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Whether one of `any` (in lower case) is a word of `heading`: a run of
// letters and digits, in any case. Read in place, with no copy of the
// heading's words: every heading is asked.
bool has(std::string_view heading, std::initializer_list<std::string_view> any) {
  auto is = [](std::string_view w, std::string_view lower) {
    if (w.size() != lower.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
      if (lower_ascii(w[k]) != lower[k]) return false;
    return true;
  };
  for (std::size_t i = 0, j = 0; i < heading.size(); i = j) {
    if (!is_alnum(heading[i])) {
      j = i + 1;
      continue;
    }
    for (j = i; j < heading.size() && is_alnum(heading[j]);) ++j;
    for (auto a : any)
      if (is(heading.substr(i, j - i), a)) return true;
  }
  return false;
}

// "2. Press Release (Draft)" -> "press release"; "Part 1 - PR" -> "pr".
std::string normalize(std::string_view heading) {
  std::string s = lower(trim(heading));
  std::string_view v = s;
  if (v.starts_with("part ")) {
    v.remove_prefix(5);
    while (!v.empty() && is_alnum(v.front())) v.remove_prefix(1);
  }
  // Word processors turn "Part 1 - " into "Part 1 \u2013 " (en dash) or an em dash.
  for (;;) {
    if (!v.empty() && (is_digit(static_cast<unsigned char>(v.front())) || v.front() == '.' || v.front() == ')' ||
                       v.front() == ':' || v.front() == '-' || v.front() == ' '))
      v.remove_prefix(1);
    else if (v.starts_with("\u2013") || v.starts_with("\u2014"))
      v.remove_prefix(3);
    else
      break;
  }
  v = trim(v);
  if (!v.empty() && v.back() == ')') {
    if (auto open = v.rfind('('); open != std::string_view::npos) v = trim(v.substr(0, open));
  }
  while (!v.empty() && (v.back() == ':' || v.back() == '.')) v.remove_suffix(1);
  return std::string(v);
}

bool in(const std::vector<std::string>& names, const std::string& s) {
  return std::find(names.begin(), names.end(), s) != names.end();
}

bool is_customer_word(std::string_view heading) {
  return has(heading, {"customer", "customers", "external", "user", "users", "adopter", "adopters"});
}
bool is_internal_word(std::string_view heading) {
  return has(heading, {"internal", "stakeholder", "stakeholders", "technical", "business", "engineering"});
}

// "Q:", "Q1.", "C1.", "Q1:" at the start of a question.
bool has_q_prefix(std::string_view s) {
  s = trim(s);
  if (s.size() < 2 || (s[0] != 'Q' && s[0] != 'C')) return false;
  std::size_t i = 1;
  while (i < s.size() && is_digit(static_cast<unsigned char>(s[i]))) ++i;
  if (i >= s.size()) return false;
  if (s[0] == 'C' && i == 1) return false;  // "C:" is not a question label; "C1." is
  return s[i] == ':' || (s[i] == '.' && i > 1);
}

bool ends_with_question(std::string_view s) {
  s = trim(s);
  while (!s.empty() && (s.back() == '*' || s.back() == '_' || s.back() == '"')) s.remove_suffix(1);
  return !s.empty() && s.back() == '?';
}

// "Q:" or "Q1." alone: a bold label ("**Q:** How much?"), the question follows it.
bool is_q_label(std::string_view s) {
  s = trim(s);
  return has_q_prefix(s) && s.find_first_of(":.") == s.size() - 1;
}

// An answer's text less its optional label ("A:", "A1:", "A1.", as the
// questions' "Q:", "Q1."): a blank "A:" left from a template answers nothing.
std::string_view answer_text(std::string_view s) {
  s = trim(s);
  if (s.empty() || s[0] != 'A') return s;
  std::size_t i = 1;
  while (i < s.size() && is_digit(static_cast<unsigned char>(s[i]))) ++i;
  if (i < s.size() && (s[i] == ':' || (s[i] == '.' && i > 1))) return trim(s.substr(i + 1));
  return s;
}

bool is_content(const Block& b) {
  if (b.kind == BlockKind::thematic_break || b.kind == BlockKind::html) return false;
  if (b.kind == BlockKind::paragraph) return !answer_text(b.text).empty();
  return !trim(b.text).empty() || b.kind == BlockKind::code || b.kind == BlockKind::table;
}

}  // namespace

SectionKind classify_heading(std::string_view heading, const Config& config) {
  std::string n = normalize(heading);
  if (n == "press release" || n == "pr" || n == "announcement" || n == "future press release" ||
      n == "the press release" || in(config.press_release_names, n))
    return SectionKind::press_release;
  if (in(config.customer_faq_names, n)) return SectionKind::customer_faq;
  if (in(config.internal_faq_names, n)) return SectionKind::internal_faq;
  bool faq = has(heading, {"faq", "faqs", "questions"});
  if (faq) {
    if (is_internal_word(heading)) return SectionKind::internal_faq;
    if (is_customer_word(heading)) return SectionKind::customer_faq;
    return SectionKind::faq_umbrella;
  }
  if (has(heading, {"journey"})) return SectionKind::journey;
  if (n == "metrics" || n == "success metrics" || n == "business case" || n == "metrics and business case")
    return SectionKind::metrics;
  return SectionKind::other;
}

void find_sections(Body& body, const LineIndex& lines, const Config& config) {
  auto& blocks = body.blocks;
  auto line_pos = [&](std::size_t offset) { return Position{lines.line_of(offset), 1}; };

  // Pass 1: sections. A recognised heading at level 2 or 3 opens one (an
  // umbrella also at level 1 or 2); it runs to the next heading at its level
  // or above. FAQ-named subsections of an umbrella are FAQ sections.
  struct Open {
    SectionKind kind;
    int level;
    std::size_t heading;
  };
  std::vector<Open> found;
  found.reserve(blocks.size());  // at most one a block: one allocation, not one per doubling
  int umbrella_level = 0;  // level of the umbrella we are in, 0: none
  int known_level = 0;     // level of the recognised section we are in, 0: none
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.kind != BlockKind::heading) continue;
    if (umbrella_level && b.level <= umbrella_level) umbrella_level = 0;
    if (known_level && b.level <= known_level) known_level = 0;
    // A heading that asks something is a question, never a section name
    // ("### Who are the users?" under "## FAQ").
    bool question = ends_with_question(b.text);
    SectionKind k = question ? SectionKind::other : classify_heading(b.text, config);
    if (!question && umbrella_level && b.level == umbrella_level + 1) {
      if (k == SectionKind::other || k == SectionKind::faq_umbrella) {
        if (is_internal_word(b.text)) k = SectionKind::internal_faq;
        else if (is_customer_word(b.text)) k = SectionKind::customer_faq;
      }
    }
    bool at_section_level = b.level == 2 || b.level == 3 || (umbrella_level && b.level == umbrella_level + 1);
    if (k == SectionKind::faq_umbrella && b.level <= 3) {
      umbrella_level = b.level;
      found.push_back({k, b.level, i});
    } else if (k != SectionKind::other && at_section_level) {
      found.push_back({k, b.level, i});
      if (!known_level) known_level = b.level;
    } else if (b.level <= 3 && !umbrella_level && !known_level) {
      found.push_back({SectionKind::other, b.level, i});
    }
  }
  body.sections.reserve(found.size());
  for (std::size_t s = 0; s < found.size(); ++s) {
    Section sec;
    sec.kind = found[s].kind;
    sec.level = found[s].level;
    sec.heading_block = found[s].heading;
    sec.title = blocks[sec.heading_block].text;
    sec.pos = line_pos(blocks[sec.heading_block].offset);
    sec.begin = sec.heading_block + 1;
    sec.end = blocks.size();
    for (std::size_t j = sec.begin; j < blocks.size(); ++j)
      if (blocks[j].kind == BlockKind::heading && blocks[j].level <= sec.level) {
        sec.end = j;
        break;
      }
    body.sections.push_back(std::move(sec));
  }
  // An umbrella with recognised subsections only holds them (FAQ sections,
  // or the press release under a "# X PR/FAQ" title); one with none is the
  // customer FAQ itself.
  for (auto& sec : body.sections) {
    if (sec.kind != SectionKind::faq_umbrella) continue;
    bool has_sub = std::any_of(body.sections.begin(), body.sections.end(), [&](const Section& o) {
      return o.heading_block > sec.heading_block && o.heading_block < sec.end && o.kind != SectionKind::other;
    });
    if (!has_sub) sec.kind = SectionKind::customer_faq;
  }

  // Pass 2: questions in each FAQ section.
  for (auto& sec : body.sections) {
    if (sec.kind != SectionKind::customer_faq && sec.kind != SectionKind::internal_faq) continue;
    // Found into scratch this thread reuses, then copied out at their
    // exact size: one allocation a section, where growing took several.
    thread_local std::vector<Question> qs;
    qs.clear();
    for (std::size_t j = sec.begin; j < sec.end; ++j) {
      const Block& b = blocks[j];
      Question q;
      q.block = j;
      bool inline_answer = false;
      if (b.kind == BlockKind::heading) {
        if (b.level != sec.level + 1) continue;
        q.text = std::string(trim(b.text));
        q.heading = true;
      } else if (b.kind == BlockKind::paragraph && b.bold_end > 0 &&
                 !is_q_label(std::string_view(b.text).substr(0, b.bold_end)) &&
                 (ends_with_question(std::string_view(b.text).substr(0, b.bold_end)) ||
                  has_q_prefix(b.text))) {
        q.text = std::string(trim(std::string_view(b.text).substr(0, b.bold_end)));
        inline_answer = !answer_text(std::string_view(b.text).substr(b.bold_end)).empty();
      } else if (b.kind == BlockKind::paragraph && has_q_prefix(b.text)) {
        std::string_view first = std::string_view(b.text).substr(0, b.first_line_end);
        std::string_view rest = std::string_view(b.text).substr(b.first_line_end);
        // "Q: How much? A: Five dollars." on one line.
        if (auto a = first.find(" A:"); a != std::string_view::npos) {
          rest = first.substr(a + 3);
          first = first.substr(0, a);
        }
        q.text = std::string(trim(first));
        inline_answer = !answer_text(rest).empty();
      } else if (b.kind == BlockKind::list_item &&
                 ends_with_question(std::string_view(b.text).substr(0, b.first_line_end))) {
        q.text = std::string(trim(std::string_view(b.text).substr(0, b.first_line_end)));
        inline_answer = b.has_more;
      } else {
        continue;
      }
      q.pos = line_pos(b.offset);  // only for questions: most blocks are answers
      q.answered = inline_answer;
      qs.push_back(std::move(q));
    }
    for (std::size_t k = 0; k < qs.size(); ++k) {
      auto& q = qs[k];
      q.answer_begin = q.block + 1;
      q.answer_end = k + 1 < qs.size() ? qs[k + 1].block : sec.end;
      for (std::size_t j = q.answer_begin; j < q.answer_end && !q.answered; ++j) {
        const Block& b = blocks[j];
        // A heading deeper than the question is part of its answer only with content under it.
        if (b.kind == BlockKind::heading) continue;
        if (is_content(b)) q.answered = true;
      }
    }
    sec.questions.assign(std::make_move_iterator(qs.begin()), std::make_move_iterator(qs.end()));
  }
}

const Section* Body::find(SectionKind kind) const {
  for (const auto& s : sections)
    if (s.kind == kind) return &s;
  return nullptr;
}

}  // namespace prfaq
