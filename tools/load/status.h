#pragma once
// The statuses of a brief and the readiness ladder's order:
// idea < draft < review < approved < launched. `shelved` is off the ladder:
// it needs idea's bar and a reason.
#include <array>
#include <optional>
#include <string_view>

namespace prfaq {

enum class Status { idea, draft, review, approved, launched, shelved };

inline constexpr std::array<Status, 6> kAllStatuses = {Status::idea,     Status::draft,    Status::review,
                                                      Status::approved, Status::launched, Status::shelved};
inline constexpr std::array<Status, 5> kLadder = {Status::idea, Status::draft, Status::review, Status::approved,
                                                 Status::launched};

std::string_view to_string(Status s);
std::optional<Status> parse_status(std::string_view s);

// Position on the ladder; shelved ranks as idea.
inline int ladder_rank(Status s) { return s == Status::shelved ? 0 : static_cast<int>(s); }

// Does a brief at `status` have to meet a requirement that starts at `from`?
// The shelved requirement applies to shelved briefs only; shelved briefs
// otherwise meet idea's bar.
inline bool requires_at(Status status, Status from) {
  if (from == Status::shelved) return status == Status::shelved;
  return ladder_rank(status) >= ladder_rank(from);
}

}  // namespace prfaq
