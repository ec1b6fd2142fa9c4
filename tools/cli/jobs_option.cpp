#include "cli/jobs_option.h"

#include <charconv>

#include "util/error.h"

namespace prfaq {

int jobs_option(const Args& args) {
  auto given = args.get("--jobs");
  if (!given) return 0;
  const std::string& j = *given;
  int n = 0;
  auto [end, ec] = std::from_chars(j.data(), j.data() + j.size(), n);
  if (ec == std::errc() && end == j.data() + j.size() && n > 0) return n;
  throw Fatal("--jobs takes a positive number of threads, not '" + j + "'");
}

}  // namespace prfaq
