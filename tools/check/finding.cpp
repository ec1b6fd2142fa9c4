#include "check/finding.h"

#include <tuple>

namespace prfaq {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::off: return "off";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "off") return Severity::off;
  if (s == "warning") return Severity::warning;
  if (s == "error") return Severity::error;
  return std::nullopt;
}

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.file, a.pos, a.rule, a.message) < std::tie(b.file, b.pos, b.rule, b.message);
}

}  // namespace prfaq
