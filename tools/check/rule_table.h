#pragma once
// Every rule prfaq knows: id, default severity, where it sits on the
// readiness ladder and a one-line description. Ids are fixed forever: configs,
// suppression comments and CI scripts name them (brief-format.md, "Rule ids").
#include <optional>
#include <span>
#include <string_view>

#include "check/finding.h"
#include "load/status.h"

namespace prfaq {

enum class RuleScope { file, repository, hook };

struct RuleInfo {
  std::string_view id;
  Severity severity;              // default; for ladder rules, where required
  std::optional<Status> ladder;   // ladder rules: first status that requires it
  RuleScope scope;
  std::string_view description;
};

std::span<const RuleInfo> all_rules();
const RuleInfo* find_rule(std::string_view id);

}  // namespace prfaq
