#include "load/loader.h"

#include <cstring>
#include <toml++/toml.h>

#include "check/rule_table.h"
#include "load/markdown.h"
#include "load/schema.h"
#include "load/sections.h"
#include "load/split.h"
#include "source/source.h"
#include "util/toml_depth.h"
#include "util/utf8.h"

namespace prfaq {

namespace {

void count_words(Brief& b) {
  Body& body = b.body;
  for (auto& bl : body.blocks)
    if (bl.kind != BlockKind::code && bl.kind != BlockKind::html) scan_text(bl.text, bl.scan);
  auto prose = [](const Block& bl) {
    return bl.kind == BlockKind::paragraph || bl.kind == BlockKind::list_item || bl.kind == BlockKind::bullet_item ||
           bl.kind == BlockKind::quote;
  };
  if (const Section* pr = body.find(SectionKind::press_release))
    for (std::size_t i = pr->begin; i < pr->end; ++i)
      if (prose(body.blocks[i])) body.press_release += count_text(body.blocks[i].text, body.blocks[i].scan);
  for (const auto& s : body.sections) {
    if (s.kind != SectionKind::customer_faq && s.kind != SectionKind::internal_faq) continue;
    for (std::size_t i = s.begin; i < s.end; ++i)
      body.faq_words += static_cast<int>(body.blocks[i].scan.words.size());
  }
}

}  // namespace

std::string_view slug_view(std::string_view path) {
  std::string_view name = base_name(path);
  if (name == "index.md") name = base_name(dir_name(path));
  else if (name.ends_with(".md")) name.remove_suffix(3);
  return name;
}

std::string slug_of(std::string_view path) { return std::string(slug_view(path)); }

std::string linked_slug(std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  for (std::string_view tail : {"/index.md", "/index.html"})
    if (path.ends_with(tail)) path.remove_suffix(tail.size());
  for (std::string_view ext : {".md", ".html"})
    if (path.ends_with(ext)) path.remove_suffix(ext.size());
  auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool is_valid_slug(std::string_view slug) {
  if (slug.empty() || slug.size() > 64) return false;
  auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!ok(slug[0])) return false;
  for (char c : slug)
    if (!ok(c) && c != '-') return false;
  return true;
}

Brief load_brief(std::string path, std::string bytes, const Config& config) {
  Brief b;
  b.path = std::move(path);
  b.slug = slug_of(b.path);
  b.dir = std::string(dir_name(b.path));
  b.bytes = std::make_unique<std::string>(std::move(bytes));
  const std::string& text = *b.bytes;
  Emitter emit(b.path, b.findings);

  if (!is_valid_slug(b.slug))
    emit.add({1, 1}, "slug-malformed",
             "'" + b.slug + "' is not a valid slug: use a-z, 0-9 and '-', starting with a letter or digit, at most 64");
  // Before any pass over the bytes (not even the line index): the work a
  // file can cause stays bounded by the limit, whatever it holds.
  if (text.size() > config.max_brief_bytes) {
    emit.add({1, 1}, "file-too-large",
             "the file is " + std::to_string(text.size()) + " bytes; the limit is " +
                 std::to_string(config.max_brief_bytes) + " ([limits] max_brief_bytes in prfaq.toml)");
    return b;
  }
  b.lines = LineIndex(text);

  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    emit.add(b.pos(static_cast<const char*>(nul) - text.data()), "nul-byte", "the file holds a NUL byte");
    return b;
  }
  if (auto bad = first_invalid_utf8(text)) {
    emit.add(b.pos(*bad), "invalid-utf8", "the file is not valid UTF-8 here");
    return b;
  }

  Split split = split_front_matter(text);
  if (split.error == Split::Error::missing) {
    emit.add({1, 1}, "front-matter-missing", "the file does not start with a +++ line (TOML front matter)");
    return b;
  }
  if (split.error == Split::Error::unterminated) {
    emit.add(b.pos(split.open_offset), "front-matter-unterminated",
             "the front matter opened here has no closing +++ line");
    return b;
  }
  int line_offset = b.lines.line_of(split.toml_begin) - 1;
  std::string_view toml_text = std::string_view(text).substr(split.toml_begin, split.toml_end - split.toml_begin);
  if (auto deep = toml_too_deep(toml_text)) {  // toml++ would recurse that deep (util/toml_depth.h)
    emit.add(b.pos(split.toml_begin + *deep), "toml-syntax", std::string(kTooDeepMessage));
    return b;
  }
  toml::table root;
  try {
    root = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {
    emit.add({static_cast<int>(e.source().begin.line) + line_offset, static_cast<int>(e.source().begin.column)},
             "toml-syntax", std::string(e.description()));
    return b;
  }
  b.front_matter_ok = true;
  b.body_offset = split.body_begin;
  read_front_matter(root, line_offset, config, b.fm, emit);

  parse_markdown(text, b.body_offset, b.lines, b.body);
  for (auto& bad : b.suppressions.scan(b.lines, span_between(split.toml_begin, split.toml_end), b.body.html,
                                       [](std::string_view id) { return find_rule(id) != nullptr; }))
    emit.add(bad.pos, "suppression-unknown", "no rule is called '" + bad.rule + "'");

  find_sections(b.body, b.lines, config);
  count_words(b);
  return b;
}

}  // namespace prfaq
