#pragma once
// Parses a brief's Markdown body with md4c into Body::blocks and Body::links.
// md4c reports no positions, but its text pointers point into the input: a
// block's position is that of its first text, a link's that of its
// destination. Sections and questions are found afterwards (load/sections.h).
#include <string_view>

#include "load/body.h"

namespace prfaq {

// The md4c dialect every part of prfaq uses (GitHub's: tables,
// strikethrough, task lists, permissive autolinks).
unsigned markdown_flags();

// `file` is the whole file; the body is file[body_offset..]. Positions in
// the result are byte offsets into `file`. Never throws on any input.
void parse_markdown(std::string_view file, std::size_t body_offset, const LineIndex& lines, Body& out);

}  // namespace prfaq
