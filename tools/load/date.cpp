#include "load/date.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace prfaq {

std::string Date::str() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

Date Date::today() {
  if (const char* env = std::getenv("PRFAQ_TODAY")) {
    Date d;
    if (std::sscanf(env, "%d-%d-%d", &d.year, &d.month, &d.day) == 3) return d;
  }
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace prfaq
