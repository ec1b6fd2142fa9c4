#pragma once
// bytes -> Brief. Loading never throws for anything a file holds: every
// problem becomes a finding with a position. A brief whose front matter is
// missing, unterminated or not TOML (or whose bytes are not UTF-8) is loaded
// no further: Brief::front_matter_ok is false and only that finding stands.
#include <string>
#include <vector>

#include "config/config.h"
#include "load/brief.h"

namespace prfaq {

Brief load_brief(std::string path, std::string bytes, const Config& config);

// The briefs among repository files (content/**/x.md and bundles
// content/**/x/index.md; names starting with '_' or '.' are skipped; other
// .md files inside a bundle are its resources).
std::vector<std::string> find_brief_paths(const std::vector<std::string>& files);

}  // namespace prfaq
