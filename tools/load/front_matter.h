#pragma once
// The typed front matter of a brief, as validated by the schema
// (load/schema.cpp). Every value keeps the position of its key in the .md
// file, so a finding can point at it. A key that was missing or had the wrong
// type is left empty: the schema reports it, the rules see "absent".
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "load/date.h"
#include "load/status.h"
#include "util/line_index.h"

namespace prfaq {

template <class T>
struct Located {
  T value{};
  Position pos;
};

struct JourneyStep {
  Position pos;  // the [[journey]] header
  Located<std::string> step, detail, screen;
  bool aha = false;
};

struct Actual {
  Date date;
  double value = 0;
};

struct Metric {
  Position pos;  // the [[metric]] header
  Located<std::string> name, kind, direction, unit;
  std::optional<Located<double>> baseline, target;
  std::optional<Located<Date>> by;
  std::vector<Actual> actuals;
  // baseline, target or by given with the wrong type: key-type reported
  // them; metric-target does not call them missing.
  std::vector<std::string> mistyped;  // and "actuals" when one was dropped for a wrong type
  bool is_mistyped(std::string_view key) const {
    for (const auto& k : mistyped)
      if (k == key) return true;
    return false;
  }
};

struct Business {
  bool present = false;
  Position pos;
  std::optional<double> headcount, months, cost, revenue;
  std::string currency;
};

struct Review {
  Position pos;  // the [[review]] header
  Located<std::string> who, role, verdict, note;
  std::optional<Date> date;
};

struct FrontMatter {
  std::optional<Status> status;  // absent or unknown: nullopt
  Located<std::string> title, headline, subheadline, team, customer, reason, status_text;
  std::vector<std::string> owner;
  std::vector<std::string> tags;
  std::vector<Located<std::string>> related;
  std::optional<Located<Date>> launch;
  std::vector<JourneyStep> journey;
  std::vector<Metric> metrics;
  Business business;
  std::vector<Review> reviews;
  // Where each top-level key is, for findings about a key ("owner is empty").
  std::map<std::string, Position, std::less<>> key_pos;
  // Top-level keys whose value had the wrong type (key-type reported them;
  // the ladder does not report them again as missing).
  std::vector<std::string> mistyped;
  bool is_mistyped(std::string_view key) const {
    for (const auto& k : mistyped)
      if (k == key) return true;
    return false;
  }
  // Every string value in the front matter, for the placeholder rule.
  std::vector<Located<std::string>> strings;
};

}  // namespace prfaq
