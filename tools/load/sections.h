#pragma once
// Finds the sections (press release, customer FAQ, internal FAQ, ...) and the
// FAQ questions in a parsed body, reading the layouts brief-format.md lists:
// canonical "## Customer FAQ" / "### question?", an umbrella "## FAQ" with
// FAQ subsections, bold "**Q: ...?**" paragraphs, "Q:" paragraphs and
// numbered questions.
#include <string_view>

#include "config/config.h"
#include "load/body.h"

namespace prfaq {

// Section kind of a heading's text (case-insensitive, ignoring a leading
// number or "Part N" and a trailing parenthesis).
SectionKind classify_heading(std::string_view heading, const Config& config);

void find_sections(Body& body, const LineIndex& lines, const Config& config);

}  // namespace prfaq
