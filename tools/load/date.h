#pragma once
// A calendar date as TOML writes it (1979-05-27).
#include <compare>
#include <string>

namespace prfaq {

struct Date {
  int year = 0, month = 0, day = 0;
  friend auto operator<=>(const Date&, const Date&) = default;
  friend bool operator==(const Date&, const Date&) = default;
  std::string str() const;
  // Today in UTC; PRFAQ_TODAY=YYYY-MM-DD overrides it (reproducible checks).
  static Date today();
};

}  // namespace prfaq
