#pragma once
// A finding: one problem in one file, at a line and column, under a rule id.
// Findings are data: they accumulate, get their severity from the config
// (check/severity.cpp) and are sorted and reported together.
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "load/status.h"
#include "util/line_index.h"

namespace prfaq {

enum class Severity { off, warning, error };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

struct Finding {
  std::string file;
  Position pos;
  std::string rule;
  std::string message;
  Severity severity = Severity::error;
  // For readiness-ladder rules: the first status that requires this; the
  // severity then depends on the brief's status (silent below it).
  std::optional<Status> requires_status;
};

// Adds findings for one file.
class Emitter {
 public:
  Emitter(const std::string& file, std::vector<Finding>& out) : file_(file), out_(out) {}
  void add(Position pos, std::string_view rule, std::string message,
           std::optional<Status> requires_status = std::nullopt) {
    out_.push_back({file_, pos, std::string(rule), std::move(message), Severity::error, requires_status});
  }

 private:
  const std::string& file_;
  std::vector<Finding>& out_;
};

// Sort order of every report: file, line, column, rule.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace prfaq
