#pragma once
// The Markdown body of a brief as the rules and the site see it: a flat list
// of blocks with their plain text and source positions, the sections they
// fall into (press release, FAQs, ...), the FAQ questions, and every link and
// image. Built by load/markdown.cpp (md4c) and load/sections.cpp.
#include <cstdint>
#include <string>
#include <vector>

#include "load/text_stats.h"
#include "util/line_index.h"

namespace prfaq {

enum class BlockKind {
  heading,
  paragraph,
  list_item,  // an item of an ordered list directly in the body or a section
  bullet_item,
  quote,
  code,
  table,
  html,
  thematic_break,
};

struct Block {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;         // heading level 1-6
  std::size_t offset = 0;  // byte offset in the file where its text starts
  std::string text;      // plain text: inline markup removed, soft breaks as spaces
  // Maps offsets in `text` back to file offsets: (text offset, file offset)
  // pairs sorted by text offset; a text offset maps through the last pair
  // at or before it.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> map;
  // Text copied from the file in one piece, starting at `offset` (a
  // heading, a one-line item): its map would be the one pair (0, offset),
  // so `map` stays empty, with nothing to allocate.
  bool contiguous = false;
  std::size_t bold_end = 0;  // end (in `text`) of a strong span opening the block; 0: none
  std::size_t first_line_end = 0;  // end of the first line (or first paragraph) in `text`
  bool has_more = false;     // list item: content after its first line or paragraph
  TextScan scan;             // words and sentences of `text` (not for code or HTML)
  std::size_t file_offset(std::size_t text_offset) const;
};

enum class SectionKind { other, press_release, customer_faq, internal_faq, faq_umbrella, journey, metrics };

struct Question {
  std::string text;
  Position pos;
  std::size_t block = 0;       // index of the block holding the question
  std::size_t answer_begin = 0, answer_end = 0;  // block range of its answer
  bool heading = false;        // written as a heading (question-mark applies); `text` is then the
                               // heading block's text less the blanks at its ends
  bool answered = false;
};

struct Section {
  SectionKind kind = SectionKind::other;
  std::string title;
  int level = 0;
  Position pos;
  std::size_t heading_block = 0;
  std::size_t begin = 0, end = 0;  // block range of its content (after the heading)
  std::vector<Question> questions;
};

struct Link {
  std::string url;
  Position pos;
  bool image = false;
  std::string alt;             // an image's alt text (entities decoded)
  std::size_t alt_offset = 0;  // file offset where the alt text starts
};

struct Body {
  std::vector<Block> blocks;
  std::vector<Section> sections;  // in document order
  std::vector<Link> links;
  std::vector<Span> html;    // raw HTML (blocks and inline) as file offsets: where comments are
  TextCounts press_release;  // counts over the press release's prose
  int faq_words = 0;         // words in both FAQs (questions and answers)
  const Section* find(SectionKind kind) const;
};

}  // namespace prfaq
