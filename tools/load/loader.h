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

}  // namespace prfaq
