#include "load/markdown.h"

#include <md4c.h>

#include <algorithm>
#include <exception>
#include <vector>

#include "util/utf8.h"

namespace prfaq {

unsigned markdown_flags() { return MD_DIALECT_GITHUB; }

std::size_t Block::file_offset(std::size_t text_offset) const {
  if (map.empty()) return contiguous ? offset + text_offset : offset;
  auto it = std::upper_bound(map.begin(), map.end(), text_offset,
                             [](std::size_t t, const auto& pair) { return t < pair.first; });
  if (it == map.begin()) return offset;
  --it;
  return it->second + (text_offset - it->first);
}

namespace {

class Builder {
 public:
  Builder(std::string_view file, const LineIndex& lines, Body& out) : file_(file), lines_(lines), out_(out) {}

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    std::size_t depth = stack_.size();
    stack_.push_back(type);
    if (current_ < 0) {
      // Children of the document become blocks; lists are split into items.
      if (depth == 1 && type != MD_BLOCK_UL && type != MD_BLOCK_OL) {
        start(kind_of(type));
        if (type == MD_BLOCK_H) cur().level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        block_depth_ = stack_.size();
      } else if (depth == 2 && type == MD_BLOCK_LI) {
        start(stack_[1] == MD_BLOCK_OL ? BlockKind::list_item : BlockKind::bullet_item);
        block_depth_ = stack_.size();
      }
      return 0;
    }
    // Nested block inside the current one: a boundary in its text.
    if (type == MD_BLOCK_P || type == MD_BLOCK_UL || type == MD_BLOCK_OL || type == MD_BLOCK_CODE ||
        type == MD_BLOCK_TABLE || type == MD_BLOCK_QUOTE) {
      mark_first_line_end();
    }
    separate();
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    if (current_ >= 0) {
      if (stack_.size() == block_depth_) {
        finish();
      } else {
        if (type == MD_BLOCK_P) mark_first_line_end();
        separate();
      }
    }
    stack_.pop_back();
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_STRONG:
        if (current_ >= 0 && strong_depth_++ == 0 && trimmed_empty()) bold_open_ = true;
        break;
      case MD_SPAN_A: {
        auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
        link(a->href, false);
        break;
      }
      case MD_SPAN_IMG: {
        auto* img = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
        link(img->src, true);
        ++quiet_;
        if (images_++ == 0) alt_of_ = static_cast<long>(out_.links.size()) - 1;
        break;
      }
      case MD_SPAN_CODE:
        ++quiet_;
        ++code_spans_;
        break;
      default: break;
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type, void*) {
    switch (type) {
      case MD_SPAN_STRONG:
        if (current_ >= 0 && --strong_depth_ == 0 && bold_open_) {
          bold_open_ = false;
          if (cur().bold_end == 0) cur().bold_end = text_.size();
        }
        break;
      case MD_SPAN_IMG:
        --quiet_;
        if (--images_ == 0) alt_of_ = -1;
        break;
      case MD_SPAN_CODE:
        --quiet_;
        --code_spans_;
        if (!in_heading()) append(" ", nullptr);
        break;
      default: break;
    }
    return 0;
  }

  int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    if (type == MD_TEXT_HTML && in_file(text)) {
      auto at = static_cast<std::size_t>(text - file_.data());
      out_.html.push_back(span_between(at, at + size));
    }
    if (current_ < 0) return 0;
    note_offset(text);
    if (alt_of_ >= 0) alt_text(type, text, size);
    switch (type) {
      case MD_TEXT_NORMAL:
        if (!quiet_) append(std::string_view(text, size), text);
        break;
      case MD_TEXT_CODE:
        // Code is not prose: a code span leaves a space in the text the
        // style rules read, except in a heading, whose words name a section
        // or ask a question ("### Does it run `make`?").
        if (!quiet_ || cur().kind == BlockKind::code || (in_heading() && quiet_ == code_spans_))
          append(std::string_view(text, size), text);
        break;
      case MD_TEXT_NULLCHAR: append("\xEF\xBF\xBD", nullptr); break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        mark_first_line_end();
        append(" ", nullptr);
        break;
      case MD_TEXT_ENTITY:
        if (!quiet_) append(decode_entity(std::string_view(text, size)), nullptr);
        break;
      default: break;  // raw HTML and math are not prose
    }
    return 0;
  }

  void end() {
    if (current_ >= 0) finish();
  }

 private:
  std::string_view file_;
  const LineIndex& lines_;
  Body& out_;
  std::vector<MD_BLOCKTYPE> stack_;
  long current_ = -1;
  std::size_t block_depth_ = 0;
  bool has_offset_ = false;
  std::size_t last_offset_ = 0;
  int strong_depth_ = 0;
  bool bold_open_ = false;
  int quiet_ = 0;       // inside images and code spans: their text is not prose
  int images_ = 0;      // inside images (of quiet_)
  long alt_of_ = -1;    // the link whose alt text is being read (the outer image's)
  int code_spans_ = 0;  // inside code spans (of quiet_)
  bool in_heading() { return current_ >= 0 && cur().kind == BlockKind::heading; }
  // The current block's text and offset map, built here and copied into
  // the block once it is finished: one allocation of its exact size each,
  // where building them in the block took a generous reserve per block
  // (most of it unused) and still a reallocation for long ones.
  std::string text_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> map_;

  Block& cur() { return out_.blocks[static_cast<std::size_t>(current_)]; }

  static BlockKind kind_of(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_H: return BlockKind::heading;
      case MD_BLOCK_QUOTE: return BlockKind::quote;
      case MD_BLOCK_CODE: return BlockKind::code;
      case MD_BLOCK_TABLE: return BlockKind::table;
      case MD_BLOCK_HTML: return BlockKind::html;
      case MD_BLOCK_HR: return BlockKind::thematic_break;
      default: return BlockKind::paragraph;
    }
  }

  bool in_file(const char* p) const { return p >= file_.data() && p < file_.data() + file_.size(); }

  void note_offset(const char* p) {
    if (!in_file(p)) return;
    last_offset_ = static_cast<std::size_t>(p - file_.data());
    if (!has_offset_) {
      cur().offset = last_offset_;
      has_offset_ = true;
    }
  }

  void start(BlockKind kind) {
    out_.blocks.emplace_back();
    current_ = static_cast<long>(out_.blocks.size() - 1);
    cur().kind = kind;
    cur().offset = last_offset_;
    text_.clear();
    map_.clear();
    has_offset_ = false;
    strong_depth_ = 0;
    bold_open_ = false;
  }

  void finish() {
    Block& b = cur();
    while (!text_.empty() && (text_.back() == ' ' || text_.back() == '\n')) text_.pop_back();
    b.text.assign(text_);
    b.contiguous = map_.size() == 1 && map_[0].first == 0 && map_[0].second == b.offset;
    if (!b.contiguous) b.map.assign(map_.begin(), map_.end());
    if (b.first_line_end == 0 || b.first_line_end > b.text.size()) b.first_line_end = b.text.size();
    b.has_more = b.first_line_end < b.text.size();
    if (b.bold_end > b.text.size()) b.bold_end = b.text.size();
    current_ = -1;
  }

  bool trimmed_empty() {
    for (char c : text_)
      if (c != ' ') return false;
    return true;
  }

  void mark_first_line_end() {
    if (current_ >= 0 && cur().first_line_end == 0 && !trimmed_empty()) cur().first_line_end = text_.size();
  }

  void separate() {
    if (current_ >= 0 && !text_.empty() && text_.back() != ' ') text_ += ' ';
  }

  void append(std::string_view s, const char* src) {
    if (src && in_file(src)) {
      auto t = static_cast<std::uint32_t>(text_.size());
      auto f = static_cast<std::uint32_t>(src - file_.data());
      if (map_.empty() || map_.back().first != t) map_.emplace_back(t, f);
      else map_.back().second = f;
    }
    text_ += s;
  }

  // An image's alt text, for the placeholder rule (it is no prose).
  void alt_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    Link& l = out_.links[static_cast<std::size_t>(alt_of_)];
    if (type != MD_TEXT_NORMAL && type != MD_TEXT_CODE && type != MD_TEXT_ENTITY) return;
    if (l.alt.empty() && in_file(text)) l.alt_offset = static_cast<std::size_t>(text - file_.data());
    l.alt += type == MD_TEXT_ENTITY ? decode_entity(std::string_view(text, size)) : std::string(text, size);
  }

  void link(const MD_ATTRIBUTE& attr, bool image) {
    Link l;
    l.image = image;
    l.url = attribute_text(attr);
    l.pos = lines_.at(locate(attr));
    out_.links.push_back(std::move(l));
  }

  // An attribute's text with its entities decoded ("a&amp;b.md" names the
  // file "a&b.md"); md4c leaves that to the caller.
  static std::string attribute_text(const MD_ATTRIBUTE& attr) {
    std::string out;
    for (int i = 0; attr.substr_offsets[i] < attr.size; ++i) {
      std::string_view piece(attr.text + attr.substr_offsets[i], attr.substr_offsets[i + 1] - attr.substr_offsets[i]);
      switch (attr.substr_types[i]) {
        case MD_TEXT_ENTITY: out += decode_entity(piece); break;
        case MD_TEXT_NULLCHAR: out += "\xEF\xBF\xBD"; break;
        default: out += piece; break;
      }
    }
    return out;
  }

  // Where a link's destination is in the file. md4c points into the file
  // unless it had to rewrite the destination (entities, backslash escapes);
  // then it is found after the last text seen, right after its '(' or '<'
  // (the destination as written holds the entities as they are). Failing
  // that, the last text seen stands in.
  std::size_t locate(const MD_ATTRIBUTE& attr) const {
    if (in_file(attr.text)) return static_cast<std::size_t>(attr.text - file_.data());
    std::string_view raw(attr.text, attr.size);
    if (raw.empty() || last_offset_ >= file_.size()) return last_offset_;
    std::string_view rest = file_.substr(last_offset_, 64 * 1024);
    for (std::size_t at = rest.find(raw); at != std::string_view::npos; at = rest.find(raw, at + 1))
      if (at > 0 && (rest[at - 1] == '(' || rest[at - 1] == '<')) return last_offset_ + at;
    return last_offset_;
  }

  static std::string decode_entity(std::string_view e) {
    if (e == "&amp;") return "&";
    if (e == "&lt;") return "<";
    if (e == "&gt;") return ">";
    if (e == "&quot;") return "\"";
    if (e == "&apos;") return "'";
    if (e == "&nbsp;") return " ";
    if (e.size() > 3 && e[1] == '#') {
      unsigned long cp = 0;
      try {
        cp = (e[2] == 'x' || e[2] == 'X') ? std::stoul(std::string(e.substr(3)), nullptr, 16)
                                          : std::stoul(std::string(e.substr(2)), nullptr, 10);
      } catch (...) {
        return " ";
      }
      if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return " ";  // control characters: a space, as in prose
      std::string out;
      append_utf8(out, static_cast<std::uint32_t>(std::min<unsigned long>(cp, 0x110000)));
      return out;
    }
    return " ";
  }

};

}  // namespace

void parse_markdown(std::string_view file, std::size_t body_offset, const LineIndex& lines, Body& out) {
  // Room for a block per two lines of the body (a brief has about one per
  // three), so the blocks are rarely moved as the list grows; no more than
  // 1,024 ahead of time, which a file of blank lines would never fill.
  int body_lines = lines.line_count() - lines.line_of(std::min(body_offset, file.size())) + 1;
  out.blocks.reserve(std::min<std::size_t>(static_cast<std::size_t>(body_lines) / 2 + 8, 1024));
  Builder b(file, lines, out);
  // No exception may cross md4c's C frames: catch in the callback, stop the
  // parse with a non-zero return, rethrow once md_parse has returned.
  struct Ctx {
    Builder* b;
    std::exception_ptr error;
  } ctx{&b, nullptr};
  auto guard = [](void* u, auto&& f) -> int {
    auto* c = static_cast<Ctx*>(u);
    try {
      return f(*c->b);
    } catch (...) {
      c->error = std::current_exception();
      return -1;
    }
  };
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = markdown_flags();
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
    return decltype(guard){}(u, [&](Builder& x) { return x.enter_block(t, d); });
  };
  parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) {
    return decltype(guard){}(u, [&](Builder& x) { return x.leave_block(t, d); });
  };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) {
    return decltype(guard){}(u, [&](Builder& x) { return x.enter_span(t, d); });
  };
  parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) {
    return decltype(guard){}(u, [&](Builder& x) { return x.leave_span(t, d); });
  };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
    return decltype(guard){}(u, [&](Builder& x) { return x.text(t, s, n); });
  };
  std::string_view body = file.substr(std::min(body_offset, file.size()));
  md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, &ctx);
  if (ctx.error) std::rethrow_exception(ctx.error);
  b.end();
}

}  // namespace prfaq
