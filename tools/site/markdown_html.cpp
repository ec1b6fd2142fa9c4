#include "site/markdown_html.h"

#include <md4c-html.h>
#include <md4c.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <new>
#include <stdexcept>
#include <vector>

#include "load/markdown.h"
#include "util/escape_markup.h"
#include "util/utf8.h"

// How it works. md4c-html offers no hooks, so its output is post-processed.
// With MD_FLAG_NOHTML every '<' in that output starts a tag md4c-html wrote
// itself (text, code and attributes are escaped), so one scan finds <a href>,
// <img src> and <hN> and changes them. md4c passes:
//   1. only when "<!--" occurs: parse with raw HTML enabled, so that md4c
//      itself tells which "<!--" is an HTML comment (not text, not code), and
//      delete those comments from the input;
//   2. md_html, then the scan. A heading's id comes from its rendered text
//      (tags dropped but an image's alt text kept, md4c-html's four escapes
//      undone: it has decoded every entity itself). A link's destination as written is its href with
//      "&amp;" undone, exactly, unless the href holds a '%' (md4c-html
//      percent-escapes bytes, so "%20" may have been a space or "%20");
//   3. only then: parse once more to collect destinations as written, in
//      md_html's order. The k-th one is used for the k-th <a> only if
//      md4c-html's escaping of it gives that href; else no rewrite.
// Measured (RelWithDebInfo, CPU time of one core on a busy 2-core box), on
// 1 MB of a realistic 1.1 KB brief repeated (headings, links, image, table,
// task list, code block) and on 12 KB slices of it: about 45-70 MB/s with no
// "<!--"; about 25-40 MB/s with a comment every 1.1 KB (pass 1 is a full
// md4c parse); md_html alone does 80-100 MB/s on the same text.

namespace prfaq {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool needs_repair(std::string_view s) {
  return (!s.empty() && std::memchr(s.data(), '\0', s.size())) || first_invalid_utf8(s);
}

// Each byte of an invalid UTF-8 sequence, and each NUL, becomes U+FFFD.
std::string repaired(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  while (!s.empty()) {
    std::size_t bad = first_invalid_utf8(s).value_or(s.size());
    for (char c : s.substr(0, bad)) {
      if (c == '\0') out += kReplacement;
      else out += c;
    }
    if (bad == s.size()) break;
    out += kReplacement;
    s.remove_prefix(bad + 1);
  }
  return out;
}

constexpr bool is_alnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

constexpr int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
  return -1;
}

// md_html's output callback: no exception may cross md4c's C frames.
struct Sink {
  std::string out;
  std::exception_ptr error;
};
void on_output(const MD_CHAR* text, MD_SIZE size, void* userdata) noexcept {
  auto* sink = static_cast<Sink*>(userdata);
  if (sink->error) return;
  try {
    sink->out.append(text, size);
  } catch (...) {
    sink->error = std::current_exception();
  }
}

// Undoes md4c-html's text and attribute escaping (&amp; &lt; &gt; &quot;).
void append_unescaped(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t amp = s.find('&', i);
    out.append(s, i, amp - i);
    if (amp == std::string_view::npos) break;
    std::string_view e = s.substr(amp, s.find(';', amp) + 1 - amp);
    out += e == "&amp;" ? "&" : e == "&lt;" ? "<" : e == "&gt;" ? ">" : e == "&quot;" ? "\"" : e;
    i = amp + e.size() - 1;
  }
}

// Appends the text of a named entity ("amp" for "&amp;"); false when unknown.
bool append_named_entity(std::string& out, std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kCommon[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
  for (const auto& [n, text] : kCommon) {
    if (n == name) {
      out += text;
      return true;
    }
  }
  if (name.size() < 2 || name.size() > 48 || !std::all_of(name.begin(), name.end(), [](char c) { return is_alnum(c); }))
    return false;
  // The rest of HTML5's 2,231 names: md4c-html holds the table but exports
  // no lookup, so render the entity alone ("<p>X</p>\n", X escaped). Rare.
  std::string entity = "&" + std::string(name) + ";";
  Sink sink;
  md_html(entity.data(), static_cast<MD_SIZE>(entity.size()), on_output, &sink, 0, 0);
  if (sink.error) std::rethrow_exception(sink.error);
  std::string_view html = sink.out;
  if (html.size() < 8 || html.substr(0, 3) != "<p>" || html.substr(html.size() - 5) != "</p>\n") return false;
  html = html.substr(3, html.size() - 8);
  if (html.substr(0, 5) == "&amp;") return false;  // unknown: written back as text
  append_unescaped(out, html);
  return true;
}

// Decodes the entity at s[at] == '&' ("&amp;", "&#106;", "&#x6A;", numeric
// ones also without ';' as browsers accept). Returns the length consumed, 0
// when nothing there decodes.
std::size_t decode_entity_at(std::string_view s, std::size_t at, std::string& out) {
  std::size_t i = at + 1;
  if (i < s.size() && s[i] == '#') {
    bool hex = ++i < s.size() && (s[i] | 0x20) == 'x';
    if (hex) ++i;
    std::size_t digits = i;
    std::uint32_t cp = 0;
    for (int v; i < s.size() && (v = hex ? hex_value(s[i]) : (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1)) >= 0; ++i)
      cp = std::min<std::uint32_t>(cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v), 0x110000);
    if (i == digits) return 0;
    if (i < s.size() && s[i] == ';') ++i;
    append_utf8(out, cp);
    return i - at;
  }
  while (i < s.size() && i - at <= 49 && is_alnum(s[i])) ++i;
  if (i >= s.size() || s[i] != ';' || !append_named_entity(out, s.substr(at + 1, i - at - 1))) return 0;
  return i + 1 - at;
}

// An md4c attribute (link destination, image source) as the author wrote it.
std::string decode_attribute(const MD_ATTRIBUTE& a) {
  std::string out;
  if (a.size == 0 || !a.substr_offsets) return out;
  out.reserve(a.size);
  for (std::size_t k = 0; a.substr_offsets[k] < a.size; ++k) {
    std::string_view piece(a.text + a.substr_offsets[k], a.substr_offsets[k + 1] - a.substr_offsets[k]);
    if (a.substr_types[k] == MD_TEXT_NULLCHAR) out += kReplacement;
    else if (a.substr_types[k] != MD_TEXT_ENTITY || !decode_entity_at(piece, 0, out)) out += piece;
  }
  return out;
}

// Runs md_parse with `T`'s member callbacks; an exception thrown by one stops
// the parse and is rethrown once md_parse has returned.
template <class T>
struct ParseCtx {
  T* target;
  std::exception_ptr error;
  template <class F>
  static int guard(void* u, F&& f) noexcept {
    auto* c = static_cast<ParseCtx*>(u);
    try {
      return f(*c->target);
    } catch (...) {
      c->error = std::current_exception();
      return -1;
    }
  }
};

template <class T>
void parse(std::string_view md, unsigned flags, T& target) {
  using Ctx = ParseCtx<T>;
  Ctx ctx{&target, nullptr};
  MD_PARSER p{};
  p.flags = flags;
  p.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return Ctx::guard(u, [&](T& x) { return x.enter_block(t, d); }); };
  p.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return Ctx::guard(u, [&](T& x) { return x.leave_block(t, d); }); };
  p.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return Ctx::guard(u, [&](T& x) { return x.enter_span(t, d); }); };
  p.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return Ctx::guard(u, [&](T& x) { return x.leave_span(t, d); }); };
  p.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
    return Ctx::guard(u, [&](T& x) { return x.text(t, std::string_view(s, n)); });
  };
  md_parse(md.data(), static_cast<MD_SIZE>(md.size()), &p, &ctx);
  if (ctx.error) std::rethrow_exception(ctx.error);
}

struct Cut {
  std::size_t begin, end;
};

// Pass 1: the byte ranges of HTML comments, as md4c sees raw HTML (so a
// "<!--" in code or in plain text is not one). md4c reports raw HTML line
// by line with pointers into the input; the bytes between those pieces
// (line ends, "> " and list indentation) are kept, so the containers stay.
// A comment filling its lines leaves blank lines, which end a paragraph as
// the comment's HTML block did. An inline comment is deleted together with
// the blanks before it when a blank or line end follows ("a <!-- x --> b"
// -> "a b"). An unclosed comment in an HTML block runs to the block's end.
class CommentFinder {
 public:
  explicit CommentFinder(std::string_view md) : md_(md) {}
  std::vector<Cut> cuts;

  int enter_block(MD_BLOCKTYPE type, void*) {
    if (type == MD_BLOCK_HTML) pieces_.clear(), in_block_ = true;
    return 0;
  }
  int leave_block(MD_BLOCKTYPE type, void*) {
    if (type == MD_BLOCK_HTML) block_comments(), in_block_ = false;
    return 0;
  }
  int enter_span(MD_SPANTYPE, void*) { return 0; }
  int leave_span(MD_SPANTYPE, void*) { return 0; }
  int text(MD_TEXTTYPE type, std::string_view s) {
    bool continued = after_line_end_;
    after_line_end_ = false;
    if (type != MD_TEXT_HTML) return 0;
    if (s.data() < md_.data() || s.data() >= md_.data() + md_.size()) {
      after_line_end_ = true;  // a raw HTML span going on on the next line
      return 0;
    }
    auto at = static_cast<std::size_t>(s.data() - md_.data());
    if (in_block_) pieces_.push_back({at, at + s.size()});
    else if (!continued && s.substr(0, 4) == "<!--") inline_comment(at);
    return 0;
  }

 private:
  std::string_view md_;
  std::vector<Cut> pieces_;
  bool in_block_ = false;
  bool after_line_end_ = false;

  static bool blank(char c) { return c == ' ' || c == '\t'; }

  void add(std::size_t begin, std::size_t end) {
    if (!cuts.empty()) begin = std::max(begin, cuts.back().end);
    if (begin < end) cuts.push_back({begin, end});
  }

  void inline_comment(std::size_t at) {
    // md4c found a closed comment: its end is the first "-->" after "<!".
    std::size_t close = md_.find("-->", at + 2);
    if (close == std::string_view::npos) return;
    std::size_t end = close + 3, begin = at;
    if (end == md_.size() || blank(md_[end]) || md_[end] == '\n' || md_[end] == '\r') {
      std::size_t k = begin;
      while (k > 0 && blank(md_[k - 1])) --k;
      if (k > 0 && md_[k - 1] != '\n' && md_[k - 1] != '\r') begin = k;
    }
    add(begin, end);
  }

  void block_comments() {
    if (pieces_.empty()) return;
    // Searches stay within the block: many blocks must not cost O(n^2).
    std::string_view region = md_.substr(0, pieces_.back().end);
    std::size_t piece = 0;
    for (std::size_t pos = pieces_.front().begin;;) {
      std::size_t open = region.find("<!--", pos);
      if (open == std::string_view::npos) return;
      while (pieces_[piece].end <= open) ++piece;
      if (open < pieces_[piece].begin) {
        pos = open + 1;
        continue;
      }
      std::size_t close = region.find("-->", open + 2);
      std::size_t end = close == std::string_view::npos ? region.size() : close + 3;
      for (std::size_t k = piece; k < pieces_.size() && pieces_[k].begin < end; ++k)
        add(std::max(open, pieces_[k].begin), std::min(end, pieces_[k].end));
      pos = end;
    }
  }
};

// Pass 3: link destinations and image sources as written, in the order
// md_html writes them. md4c-html 0.4.8 writes no tag for a span inside an
// image's alt text, and the first image end inside an image already closes
// the <img> (the rest of the alt text is written as content): `image_open_`
// mirrors exactly that.
class LinkCollector {
 public:
  std::vector<std::string> links, images;

  int enter_block(MD_BLOCKTYPE, void*) { return 0; }
  int leave_block(MD_BLOCKTYPE, void*) { return 0; }
  int enter_span(MD_SPANTYPE type, void* detail) {
    if (image_open_) return 0;
    if (type == MD_SPAN_A) links.push_back(decode_attribute(static_cast<MD_SPAN_A_DETAIL*>(detail)->href));
    if (type == MD_SPAN_IMG) {
      images.push_back(decode_attribute(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src));
      image_open_ = true;
    }
    return 0;
  }
  int leave_span(MD_SPANTYPE type, void*) {
    if (type == MD_SPAN_IMG) image_open_ = false;
    return 0;
  }
  int text(MD_TEXTTYPE, std::string_view) { return 0; }

 private:
  bool image_open_ = false;
};

}  // namespace

std::string anchor_slug(std::string_view text) {
  std::string fixed;
  if (first_invalid_utf8(text)) text = fixed = repaired(text);
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out += ch;
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c | 0x20);
    else if (c == ' ' || (c >= '\t' && c <= '\r')) out += '-';
  }
  return out;
}

std::string AnchorIds::make(std::string_view heading_text) {
  std::string base = anchor_slug(heading_text);
  if (base.empty()) base = "section";
  if (taken_.insert(base).second) return base;
  unsigned& next = next_suffix_[base];
  std::string id;
  do {
    id = base + '-' + std::to_string(++next);
  } while (taken(id));
  taken_.insert(id);
  return id;
}

bool AnchorIds::taken(std::string_view id) const { return taken_.find(id) != taken_.end(); }

bool is_dangerous_url(std::string_view url) {
  std::string decoded;
  if (url.find('&') != std::string_view::npos) {
    decoded.reserve(url.size());
    for (std::size_t i = 0; i < url.size();) {
      std::size_t used = url[i] == '&' ? decode_entity_at(url, i, decoded) : 0;
      if (used) i += used;
      else decoded += url[i++];
    }
    url = decoded;
  }
  // Only the first 11 characters that survive can spell a scheme.
  char head[12];
  std::size_t n = 0;
  for (std::size_t i = 0; i < url.size() && n < sizeof head - 1; ++i) {
    auto c = static_cast<unsigned char>(url[i]);
    if (c == '%' && i + 2 < url.size() && hex_value(url[i + 1]) >= 0 && hex_value(url[i + 2]) >= 0) {
      c = static_cast<unsigned char>(hex_value(url[i + 1]) * 16 + hex_value(url[i + 2]));
      i += 2;
    }
    if (c <= 0x20 || c == 0x7F) continue;
    head[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  }
  std::string_view h(head, n);
  return h.starts_with("javascript:") || h.starts_with("vbscript:") || h.starts_with("data:");
}

namespace {

// md4c-html's URL escaping (render_url_escaped): would it write `dest` as `href`?
bool escapes_to(std::string_view dest, std::string_view href) {
  static constexpr auto kSafe = [] {
    std::array<bool, 256> safe{};
    for (int c = 0; c < 256; ++c) safe[c] = is_alnum(static_cast<unsigned char>(c));
    for (char c : std::string_view("~-_.+!*(),%#@?=;:/$")) safe[static_cast<unsigned char>(c)] = true;
    return safe;
  }();
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::size_t j = 0;
  for (char ch : dest) {
    auto c = static_cast<unsigned char>(ch);
    if (kSafe[c]) {
      if (j >= href.size() || href[j++] != ch) return false;
    } else if (c == '&') {
      if (href.substr(j, 5) != "&amp;") return false;
      j += 5;
    } else {
      if (j + 3 > href.size() || href[j] != '%' || href[j + 1] != kHex[c >> 4] || href[j + 2] != kHex[c & 15])
        return false;
      j += 3;
    }
  }
  return j == href.size();
}

// The scan over md_html's output; see the top of the file.
class PostProcess {
 public:
  PostProcess(std::string_view md, std::string_view html, const HtmlRender& options)
      : md_(md), html_(html), options_(options) {
    out_.reserve(html.size() + html.size() / 16 + 64);
  }

  std::string run() {
    std::size_t i = 0;
    while (i < html_.size()) {
      const void* lt = std::memchr(html_.data() + i, '<', html_.size() - i);
      std::size_t at = lt ? static_cast<std::size_t>(static_cast<const char*>(lt) - html_.data()) : html_.size();
      out_.append(html_, i, at - i);
      if (at == html_.size()) break;
      std::string_view tag = html_.substr(at, html_.find('>', at) + 1 - at);  // whole rest if no '>'
      i = at + tag.size();
      if (tag.starts_with("<a href=\"")) link(tag, false);
      else if (tag.starts_with("<img src=\"")) link(tag, true);
      else if (tag == "</a>") close_link();
      else if (tag.size() == 4 && tag[1] == 'h' && tag[2] >= '1' && tag[2] <= '6') open_heading(tag[2] - '0', i);
      else if (tag.size() == 5 && tag[1] == '/' && tag[2] == 'h' && tag[3] >= '1' && tag[3] <= '6') close_heading(tag[3] - '0');
      else out_ += tag;
    }
    return std::move(out_);
  }

 private:
  std::string_view md_, html_;
  const HtmlRender& options_;
  std::string out_;
  std::optional<LinkCollector> written_;  // pass 3, run on the first href with a '%'
  std::size_t links_ = 0, images_ = 0;
  std::vector<bool> open_links_;  // per open <a>: kept?

  // `tag` is `<a href="URL"...>` or `<img src="URL" alt="ALT"...>`.
  void link(std::string_view tag, bool image) {
    std::size_t from = image ? 10 : 9;
    std::size_t to = std::min(tag.find('"', from), tag.size());
    std::string_view href = tag.substr(from, to - from), rest = tag.substr(to);
    std::size_t index = (image ? images_ : links_)++;
    std::string dest;
    bool exact = true;
    if (href.find('%') == std::string_view::npos) {
      append_unescaped(dest, href);
    } else {
      if (!written_) parse(md_, markdown_flags() | MD_FLAG_NOHTML, written_.emplace());
      const auto& list = image ? written_->images : written_->links;
      exact = index < list.size() && escapes_to(list[index], href);
      if (exact) dest = list[index];
      else append_unescaped(dest, href);
    }
    bool keep = !is_dangerous_url(href) && !is_dangerous_url(dest);
    std::optional<std::string> url;
    if (keep && exact && options_.rewrite) {
      url = options_.rewrite(dest, image);
      keep = !url || (!url->empty() && !is_dangerous_url(*url));
    }
    if (!image) open_links_.push_back(keep);
    if (!keep) {
      // A link becomes its content; an image its alt text (already escaped).
      if (image && rest.starts_with("\" alt=\"")) out_ += rest.substr(7, rest.find('"', 7) - 7);
      return;
    }
    out_ += tag.substr(0, from);
    if (url) append_escaped_markup(out_, *url);
    else out_ += href;
    out_ += rest;
  }

  void close_link() {
    bool keep = open_links_.empty() || open_links_.back();
    if (!open_links_.empty()) open_links_.pop_back();
    if (keep) out_ += "</a>";
  }

  int shifted(int level) const { return std::clamp(level + options_.heading_shift, 1, 6); }

  // `content` starts right after the <hN> tag.
  void open_heading(int level, std::size_t content) {
    out_ += "<h";
    out_ += static_cast<char>('0' + shifted(level));
    if (options_.ids) {
      const char close[] = {'<', '/', 'h', static_cast<char>('0' + level), '>'};
      std::string_view inner = html_.substr(content, html_.find(std::string_view(close, 5), content) - content);
      out_ += " id=\"";
      out_ += options_.ids->make(plain_text(inner));
      out_ += '"';
    }
    out_ += '>';
  }

  void close_heading(int level) {
    out_ += "</h";
    out_ += static_cast<char>('0' + shifted(level));
    out_ += '>';
  }

  // A heading's text as a reader sees it: tags dropped, an image's alt kept.
  static std::string plain_text(std::string_view html) {
    std::string text;
    text.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
      std::size_t lt = std::min(html.find('<', i), html.size());
      append_unescaped(text, html.substr(i, lt - i));
      if (lt == html.size()) break;
      std::string_view tag = html.substr(lt, html.find('>', lt) + 1 - lt);
      if (std::size_t alt = tag.find("\" alt=\""); tag.starts_with("<img ") && alt != std::string_view::npos)
        append_unescaped(text, tag.substr(alt + 7, tag.find('"', alt + 7) - alt - 7));
      i = lt + tag.size();
    }
    return text;
  }
};

}  // namespace

std::string markdown_to_html(std::string_view markdown, const HtmlRender& options) {
  if (markdown.size() > std::numeric_limits<MD_SIZE>::max() / 2) throw std::length_error("Markdown over 2 GiB");
  if (markdown.starts_with("\xEF\xBB\xBF")) markdown.remove_prefix(3);
  std::string storage;
  std::string_view md = markdown;
  // md4c copes with any bytes, but ids, rewrite and the output want UTF-8.
  if (needs_repair(md)) md = storage = repaired(md);
  if (md.find("<!--") != std::string_view::npos) {
    CommentFinder finder(md);
    parse(md, markdown_flags(), finder);
    if (!finder.cuts.empty()) {
      std::string kept;
      kept.reserve(md.size());
      std::size_t from = 0;
      for (const Cut& c : finder.cuts) kept.append(md.substr(from, c.begin - from)), from = c.end;
      kept.append(md.substr(from));
      md = storage = std::move(kept);
    }
  }
  Sink sink;
  sink.out.reserve(md.size() + md.size() / 4 + 64);
  int rc = md_html(md.data(), static_cast<MD_SIZE>(md.size()), on_output, &sink, markdown_flags() | MD_FLAG_NOHTML, 0);
  if (sink.error) std::rethrow_exception(sink.error);
  if (rc != 0) throw std::bad_alloc();  // md4c fails only when out of memory
  std::string out = PostProcess(md, sink.out, options).run();
  // md4c-html writes control characters and noncharacters as they are
  // (from the text, or a numeric entity such as &#1; or &#xFFFE;), and an
  // entity for a surrogate (&#xD800;) as CESU-8 bytes, which are not UTF-8:
  // U+FFFD in their place, as in every other value of a page.
  replace_forbidden_characters(out);
  return out;
}

}  // namespace prfaq
