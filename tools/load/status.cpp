#include "load/status.h"

namespace prfaq {

std::string_view to_string(Status s) {
  switch (s) {
    case Status::idea: return "idea";
    case Status::draft: return "draft";
    case Status::review: return "review";
    case Status::approved: return "approved";
    case Status::launched: return "launched";
    case Status::shelved: return "shelved";
  }
  return "idea";
}

std::optional<Status> parse_status(std::string_view s) {
  for (Status st : kAllStatuses)
    if (to_string(st) == s) return st;
  return std::nullopt;
}

}  // namespace prfaq
