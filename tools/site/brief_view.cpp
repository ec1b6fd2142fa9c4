#include "site/brief_view.h"

#include <algorithm>
#include <map>
#include <set>

#include "site/markdown_html.h"
#include "site/metrics_chart.h"
#include "source/source.h"
#include "util/content_hash.h"
#include "util/escape_markup.h"

namespace prfaq {

namespace {

// The tags or owners a page shows and lists the brief under: each once, in
// the order given, and none that is blank ("" or spaces names nothing: it
// would make a listing page and a link with no text).
bool blank(std::string_view name) { return name.find_first_not_of(" \t") == std::string_view::npos; }

std::vector<std::string> distinct_names(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  std::set<std::string_view> seen;  // a hostile brief may list 100,000s
  for (const auto& n : names)
    if (!blank(n) && seen.insert(n).second) out.push_back(n);
  return out;
}

// Start of the line holding `offset`, not before `floor` (the body's start).
std::size_t line_start(std::string_view file, std::size_t offset, std::size_t floor) {
  offset = std::min(offset, file.size());
  while (offset > floor && file[offset - 1] != '\n') --offset;
  return offset;
}

// An ATX heading line: up to 3 spaces, 1 to 6 '#', then a blank or the end.
bool atx_heading(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  std::size_t hashes = i;
  while (i < line.size() && line[i] == '#') ++i;
  hashes = i - hashes;
  return hashes >= 1 && hashes <= 6 && (i == line.size() || line[i] == ' ' || line[i] == '\t' || line[i] == '\r');
}

// A setext heading's underline: up to 3 spaces, only '=' or only '-', blanks.
bool setext_underline(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i == line.size() || (line[i] != '=' && line[i] != '-')) return false;
  for (char c = line[i]; i < line.size() && line[i] == c;) ++i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
  return i == line.size();
}

// The lines of the heading `chunk` starts with: one for an ATX heading; for
// a setext heading, its text (which may run over several lines) and the
// underline.
std::vector<std::string_view> heading_lines(std::string_view chunk) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < chunk.size();) {
    std::size_t end = std::min(chunk.find('\n', at), chunk.size());
    lines.push_back(chunk.substr(at, end - at));
    if (lines.size() == 1 ? atx_heading(lines[0]) : setext_underline(lines.back())) return lines;
    at = end + 1;
  }
  if (lines.empty()) lines.push_back(chunk);
  if (lines.size() > 2) lines.resize(2);  // no underline found: as a one-line setext heading
  return lines;
}

// A section's or question's Markdown without its heading line(s): the page
// writes the heading itself, so that its id is known for the table of
// contents.
std::string_view after_heading(std::string_view chunk) {
  std::string_view last = heading_lines(chunk).back();
  std::size_t end = static_cast<std::size_t>(last.data() - chunk.data()) + last.size();
  return end < chunk.size() ? chunk.substr(end + 1) : std::string_view();
}

// A line that opens or closes a fenced code block: up to 3 spaces, then
// ``` or ~~~.
bool fence_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  line.remove_prefix(i);
  return line.starts_with("```") || line.starts_with("~~~");
}

// A reference label as links match it: ASCII case folded, blank runs made
// one space, trimmed ("[Refunds  Brief]" and "[refunds brief]" match).
std::string reference_label(std::string_view label) {
  std::string out;
  bool blank = false;
  for (char c : label) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// The link reference definitions of a body ("[o]: other.md \"Title\""), one
// a line, outside fenced code, by label. The page renders each section on
// its own, and a definition usually sits at the end of the brief, away from
// its uses. A line over 1,000 bytes is left out: each part of the page that
// uses it is parsed again with it.
using Definitions = std::map<std::string, std::string, std::less<>>;
Definitions reference_definitions(std::string_view body) {
  Definitions out;
  bool in_fence = false;
  while (!body.empty()) {
    std::size_t end = std::min(body.find('\n'), body.size());
    std::string_view line = body.substr(0, end);
    body.remove_prefix(std::min(end + 1, body.size()));
    if (fence_line(line)) in_fence = !in_fence;
    if (in_fence || line.size() > 1000) continue;
    std::size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ') ++i;
    std::size_t close = line.find("]:", i);
    if (i < line.size() && line[i] == '[' && close != std::string_view::npos && close > i + 1 &&
        line.find_first_not_of(" \t\r", close + 2) != std::string_view::npos)
      out.emplace(reference_label(line.substr(i + 1, close - i - 1)), std::string(line));  // the first one wins
  }
  return out;
}

// `text` with the definitions of the labels it names in brackets after it,
// so that its reference links resolve; as it is when it ends inside a
// fenced code block, where the definitions would show as code.
std::string with_definitions(std::string_view text, const Definitions& definitions) {
  if (definitions.empty()) return std::string(text);
  std::set<const std::string*> used;
  for (std::size_t open = text.find('['); open != std::string_view::npos; open = text.find('[', open + 1)) {
    std::size_t close = text.find_first_of("[]", open + 1);
    if (close == std::string_view::npos || text[close] != ']' || close - open > 1000) continue;
    if (auto it = definitions.find(reference_label(text.substr(open + 1, close - open - 1))); it != definitions.end())
      used.insert(&it->second);
  }
  if (used.empty()) return std::string(text);
  bool in_fence = false;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = std::min(text.find('\n', at), text.size());
    if (fence_line(text.substr(at, end - at))) in_fence = !in_fence;
    at = end + 1;
  }
  if (in_fence) return std::string(text);
  std::string out(text);
  out += "\n\n";
  for (const auto& [label, line] : definitions)  // in label order: the same bytes every time
    if (used.count(&line)) out.append(line).append("\n");
  return out;
}

struct HeadingText {
  std::string html, text;  // inline HTML of the heading, and its plain text
};

// Plain text of md4c-html's inline output: tags removed, its escapes undone.
std::string html_to_text(std::string_view html) {
  std::string out;
  for (std::size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (c == '<') {
      std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '&') {
      static constexpr std::pair<std::string_view, char> kEscapes[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool done = false;
      for (auto [name, ch] : kEscapes)
        if (html.substr(i, name.size()) == name) {
          out += ch;
          i += name.size() - 1;
          done = true;
          break;
        }
      if (!done) out += c;
    } else {
      out += c;
    }
  }
  return out;
}

// A section's or question's heading as its author wrote it (the loader's
// plain text leaves out raw HTML, which the page shows as text), rendered
// as inline Markdown.
HeadingText heading_of(std::string_view chunk, const HtmlRender& render, const Definitions& definitions) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
  };
  std::vector<std::string_view> lines = heading_lines(chunk);
  std::string setext;  // a setext heading's text lines, joined
  if (lines.size() > 1) {
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) setext.append(k ? "\n" : "").append(trim(lines[k]));
  }
  std::string_view line = lines.size() > 1 ? std::string_view(setext) : trim(lines.front());
  if (lines.size() == 1 && atx_heading(lines.front())) {
    while (line.starts_with('#')) line.remove_prefix(1);
    line = trim(line);
    // An optional closing sequence of '#', after a space.
    std::size_t end = line.size();
    while (end > 0 && line[end - 1] == '#') --end;
    if (end < line.size() && (end == 0 || line[end - 1] == ' ' || line[end - 1] == '\t')) line = trim(line.substr(0, end));
  }
  HtmlRender inline_render = render;
  inline_render.ids = nullptr;
  std::string html = markdown_to_html(with_definitions(line, definitions), inline_render);
  HeadingText h;
  if (html.starts_with("<p>") && html.ends_with("</p>\n")) {
    h.html = html.substr(3, html.size() - 8);
    h.text = html_to_text(h.html);
  } else {  // a heading text Markdown would read as a block ("1. x", "- x"): shown as written
    h.text = std::string(line);
    h.html = escape_markup(h.text);
  }
  return h;
}

bool has_scheme(std::string_view url) {
  for (std::size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return i > 0;
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return false;
}

// A path with a component starting with '.' (".env", ".git/config"): never
// published, even when a brief links to it.
bool hidden(std::string_view path) {
  return path.starts_with('.') || path.find("/.") != std::string_view::npos;
}

std::string percent_decode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      char c = static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      if (c == '\0' || c == '/') return {};  // never a path separator or NUL by escape
      out += c;
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Turns a brief's relative links into links between pages, and its images
// and other linked files under content/ into published media. A link that
// leaves content/ or points at nothing is dropped (its text stays): the site
// publishes nothing from outside content/ and no dead links.
class LinkRewriter {
 public:
  LinkRewriter(const Brief& brief, const ViewContext& ctx, std::vector<std::string>& media)
      : brief_(brief), ctx_(ctx), media_(media) {}

  // Site-relative URL of a reference written in the brief (a Markdown link or
  // a journey screen), or "" to drop it; nullopt: an external or in-page link, kept.
  std::optional<std::string> site_url(std::string_view url) const {
    if (url.empty() || url.front() == '#' || url.starts_with("//") || has_scheme(url)) return std::nullopt;
    std::size_t cut = url.find_first_of("?#");
    std::string_view path = url.substr(0, cut);
    std::string_view rest = cut == std::string_view::npos ? std::string_view() : url.substr(cut);
    if (path.empty()) return std::nullopt;
    std::string decoded = percent_decode(path);
    auto target = decoded.empty() ? std::nullopt : resolve_relative(brief_.dir, decoded);
    if (!target) return "";
    if (auto page = brief_page(*target)) return *page + std::string(rest);
    if (std::binary_search(ctx_.content_files->begin(), ctx_.content_files->end(), *target)) {
      auto m = media_url(*target);
      if (m && !hidden(*target)) {
        media_.push_back(*target);
        return escape_url_path(*m) + std::string(rest);
      }
      return "";
    }
    // A brief named by its slug ("../x/", "x.html"), as link-broken accepts.
    if (ctx_.brief_by_slug)
      if (auto it = ctx_.brief_by_slug->find(linked_slug(decoded)); it != ctx_.brief_by_slug->end())
        if (auto page = brief_page(it->second)) return *page + std::string(rest);
    return "";
  }

  // For md4c: URLs relative to the brief's page, one folder down (briefs/).
  std::optional<std::string> operator()(std::string_view url, bool) const {
    auto u = site_url(url);
    if (!u || u->empty()) return u;
    return "../" + *u;
  }

 private:
  std::optional<std::string> brief_page(const std::string& target) const {
    const auto& briefs = *ctx_.brief_paths;
    for (const std::string& candidate : {target, target + "/index.md"})
      if (std::binary_search(briefs.begin(), briefs.end(), candidate))
        return escape_url_path(brief_page_url(ctx_.pages->file(candidate)));
    return std::nullopt;
  }

  const Brief& brief_;
  const ViewContext& ctx_;
  std::vector<std::string>& media_;
};


void sort_unique(std::vector<std::string>& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

void append_capped(std::string& out, std::string_view text) {
  if (out.size() >= kSearchTextBytes) return;
  if (!out.empty()) out += ' ';
  std::size_t room = kSearchTextBytes - std::min(out.size(), kSearchTextBytes);
  if (text.size() > room) {
    // Cut before the character the cap falls in: step back while the first
    // byte left out continues a character.
    while (room > 0 && (static_cast<unsigned char>(text[room]) & 0xC0) == 0x80) --room;
    text = text.substr(0, room);
  }
  out += text;
}

// What the search index holds of a brief: its press release, then its
// questions, capped at kSearchTextBytes.
std::string search_text(const Brief& b) {
  std::string out;
  // Text before the first section is shown with the press release.
  std::size_t first = b.body.sections.empty() ? b.body.blocks.size() : b.body.sections.front().heading_block;
  for (std::size_t k = 0; k < first; ++k) append_capped(out, b.body.blocks[k].text);
  if (const Section* pr = b.body.find(SectionKind::press_release))
    for (std::size_t k = pr->begin; k < pr->end; ++k) append_capped(out, b.body.blocks[k].text);
  for (const auto& sec : b.body.sections)
    for (const auto& q : sec.questions) append_capped(out, q.text);
  return out;
}

}  // namespace

BriefView make_brief_view(const Brief& b, const ViewContext& ctx, bool render_html) {
  BriefView v;
  v.path = b.path;
  v.slug = b.slug;
  v.page = brief_page_url(ctx.pages->file(b.path));
  v.hash = ContentHash().add(*b.bytes).hex();
  v.loaded = b.front_matter_ok;
  v.rendered = render_html;
  if (!b.front_matter_ok) return v;

  const FrontMatter& fm = b.fm;
  v.title = fm.title.value;
  v.headline = fm.headline.value;
  v.subheadline = fm.subheadline.value;
  v.status = fm.status_text.value;
  v.status_value = fm.status;
  // A blank team is no team, as an empty one is.
  v.team = blank(fm.team.value) ? std::string() : fm.team.value;
  v.customer = fm.customer.value;
  v.reason = fm.reason.value;
  if (fm.launch) v.launch = fm.launch->value.str();
  v.owners = distinct_names(fm.owner);
  v.tags = distinct_names(fm.tags);
  for (const auto& r : fm.related) v.related.push_back(r.value);

  LinkRewriter links(b, ctx, v.media);
  // The files the page links to, and where each link goes (from the
  // loader's list of links: the same whether the page is rendered or not).
  // Where a link goes depends on other briefs' page names and on which
  // files exist, not on this brief's bytes alone.
  auto target = [&](const std::string& url) {
    if (auto u = links.site_url(url)) v.link_targets.push_back(url + '\0' + *u);
  };
  for (const auto& l : b.body.links) target(l.url);
  for (const auto& step : fm.journey)
    if (!step.screen.value.empty()) target(step.screen.value);
  sort_unique(v.link_targets);
  if (!render_html) {
    // What the listings, feed and search need.
    v.search_text = search_text(b);
    sort_unique(v.media);
    return v;
  }
  AnchorIds ids;
  // Ids the page template writes itself must not be taken by a heading.
  for (const char* fixed : {"main", "site-search", "brief-title", "findings-title", "preview-title", "toc-title",
                            "press-release", "journey", "metrics", "business", "sign-offs", "readiness", "related",
                            "history"})
    ids.make(fixed);
  for (std::size_t n = 1; n <= fm.metrics.size(); ++n) {  // the charts' <title> and <desc>
    ids.make("metric-" + std::to_string(n) + "-title");
    ids.make("metric-" + std::to_string(n) + "-desc");
  }
  HtmlRender render;
  render.ids = &ids;
  render.rewrite = std::cref(links);

  std::string_view file = *b.bytes;
  const Body& body = b.body;
  auto start_of = [&](std::size_t block) {
    return line_start(file, body.blocks[block].offset, b.body_offset);
  };
  const Definitions definitions = reference_definitions(file.substr(std::min(b.body_offset, file.size())));
  auto md = [&](std::size_t from, std::size_t to) {
    return markdown_to_html(with_definitions(file.substr(from, to > from ? to - from : 0), definitions), render);
  };

  // Text before the first section belongs with the press release.
  std::size_t first = body.sections.empty() ? file.size() : start_of(body.sections.front().heading_block);
  std::string preamble = first > b.body_offset ? md(b.body_offset, first) : std::string();
  bool press_release_seen = false;
  for (std::size_t s = 0; s < body.sections.size(); ++s) {
    const Section& sec = body.sections[s];
    std::size_t from = start_of(sec.heading_block);
    std::size_t to = s + 1 < body.sections.size() ? start_of(body.sections[s + 1].heading_block) : file.size();
    std::string_view chunk = file.substr(from, to - from);
    std::string_view content = after_heading(chunk);
    std::size_t content_from = from + (chunk.size() - content.size());
    bool faq = sec.kind == SectionKind::customer_faq || sec.kind == SectionKind::internal_faq ||
               (sec.kind == SectionKind::faq_umbrella && !sec.questions.empty());
    if (sec.kind == SectionKind::press_release && !press_release_seen) {
      press_release_seen = true;
      v.press_release_html = "<h2 id=\"press-release\">" + heading_of(chunk, render, definitions).html + "</h2>\n" + preamble +
                             md(content_from, to);
    } else if (faq) {
      ViewFaq f;
      HeadingText heading = heading_of(chunk, render, definitions);
      f.title = heading.text;
      f.id = ids.make(heading.text);
      std::size_t q_from = sec.questions.empty() ? to : start_of(sec.questions.front().block);
      f.intro_html = "<h2 id=\"" + escape_markup(f.id) + "\">" + heading.html + "</h2>\n" +
                     md(content_from, std::max(content_from, q_from));
      for (std::size_t q = 0; q < sec.questions.size(); ++q) {
        const Question& question = sec.questions[q];
        std::size_t qa_from = start_of(question.block);
        std::size_t qa_to = q + 1 < sec.questions.size() ? start_of(sec.questions[q + 1].block) : to;
        ViewQuestion vq;
        std::string_view qa = file.substr(qa_from, qa_to - qa_from);
        HeadingText qh;
        if (question.heading)
          qh = heading_of(qa, render, definitions);
        else
          qh.text = question.text;
        vq.text = qh.text;
        vq.id = ids.make(qh.text);
        if (question.heading) {
          std::string_view answer = after_heading(qa);
          vq.html = "<h3>" + qh.html + "</h3>\n" +
                    md(qa_from + (qa.size() - answer.size()), qa_to);
        } else {
          vq.html = md(qa_from, qa_to);
        }
        f.questions.push_back(std::move(vq));
      }
      v.faqs.push_back(std::move(f));
    } else if (sec.kind == SectionKind::journey && v.journey_html.empty()) {
      v.journey_html = md(content_from, to);
    } else if (sec.kind == SectionKind::metrics && v.metrics_html.empty()) {
      v.metrics_html = md(content_from, to);
    } else {
      std::string inner = md(content_from, to);
      if (sec.kind == SectionKind::faq_umbrella && inner.empty()) continue;  // only a heading over the FAQs
      ViewSection vs;
      HeadingText heading = heading_of(chunk, render, definitions);
      vs.title = heading.text;
      vs.id = ids.make(heading.text);
      vs.html = "<h2 id=\"" + escape_markup(vs.id) + "\">" + heading.html + "</h2>\n" + inner;
      v.sections.push_back(std::move(vs));
    }
  }
  // Text before the first heading, when there is no press release section,
  // is where a brief without the canonical layout keeps its announcement.
  if (!press_release_seen && !preamble.empty())
    v.press_release_html = "<h2 id=\"press-release\">Press release</h2>\n" + preamble;
  v.search_text = search_text(b);

  for (const auto& step : fm.journey) {
    ViewStep vs{step.step.value, step.detail.value, {}, step.aha};
    if (!step.screen.value.empty()) {
      auto url = links.site_url(step.screen.value);
      if (url) vs.screen_url = *url;
    }
    v.journey.push_back(std::move(vs));
  }
  int n = 0;
  for (const auto& m : fm.metrics) {
    ViewMetric vm;
    vm.name = m.name.value;
    vm.kind = m.kind.value;
    vm.direction = m.direction.value;
    vm.unit = m.unit.value;
    if (m.baseline) vm.baseline = format_number(m.baseline->value);
    if (m.target) vm.target = format_number(m.target->value);
    if (m.by) vm.by = m.by->value.str();
    const Actual* latest = nullptr;
    for (const auto& a : m.actuals)
      if (!latest || a.date >= latest->date) latest = &a;
    if (latest) {
      vm.latest = format_number(latest->value);
      vm.latest_date = latest->date.str();
    }
    vm.chart_svg = metric_chart_svg(m, "metric-" + std::to_string(++n));
    v.metrics.push_back(std::move(vm));
  }
  if (fm.business.present) {
    const Business& bc = fm.business;
    v.has_business = true;
    if (bc.headcount) v.headcount = format_number(*bc.headcount);
    if (bc.months) v.months = format_number(*bc.months);
    if (bc.cost) v.cost = format_number(*bc.cost);
    if (bc.revenue) v.revenue = format_number(*bc.revenue);
    v.currency = bc.currency;
  }
  for (const auto& r : fm.reviews)
    v.reviews.push_back({r.role.value, r.verdict.value, r.who.value, r.date ? r.date->str() : std::string(), r.note.value});
  sort_unique(v.media);
  return v;
}

}  // namespace prfaq
