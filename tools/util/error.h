#pragma once
// The one exception type for "prfaq cannot do its job" (unreadable config,
// bad arguments, not a repository). Thrown anywhere in the core, caught once
// in main, printed as "prfaq: error: <what>" with exit code 2. Findings about
// briefs are never exceptions: they are data (check/finding.h).
#include <stdexcept>
#include <string>

namespace prfaq {

class Fatal : public std::runtime_error {
 public:
  explicit Fatal(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace prfaq
