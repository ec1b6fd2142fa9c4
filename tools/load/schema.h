#pragma once
// Reads a parsed TOML front matter into the typed FrontMatter, checking every
// key against the schema of brief-format.md: key-type (wrong type), key-enum
// (value outside its set), unknown-key. Positions are shifted by
// `line_offset` (the file line of the TOML's first line minus one).
#include <toml++/toml.h>

#include "check/finding.h"
#include "config/config.h"
#include "load/front_matter.h"

namespace prfaq {

void read_front_matter(const toml::table& root, int line_offset, const Config& config, FrontMatter& out,
                       Emitter& emit);

}  // namespace prfaq
