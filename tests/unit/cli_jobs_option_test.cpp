// cli/jobs_option.cpp: --jobs, a positive number of threads.
#include <catch2/catch.hpp>

#include <string>

#include "cli/jobs_option.h"
#include "util/error.h"

using prfaq::Args;
using prfaq::Fatal;
using prfaq::jobs_option;

namespace {

Args with_jobs(const std::string& value) {
  Args a;
  a.options["--jobs"] = {value};
  return a;
}

}  // namespace

TEST_CASE("jobs_option: --jobs not given is 0, one thread per CPU", "[cli][jobs_option]") { CHECK(jobs_option(Args{}) == 0); }

TEST_CASE("jobs_option: --jobs takes a positive number", "[cli][jobs_option]") {
  CHECK(jobs_option(with_jobs("1")) == 1);
  CHECK(jobs_option(with_jobs("8")) == 8);
  CHECK(jobs_option(with_jobs("0012")) == 12);
}

TEST_CASE("jobs_option: --jobs refuses zero, negatives, words, trailing text and overflow", "[cli][jobs_option]") {
  for (const char* bad : {"0", "-1", "-0", "+2", "two", "4x", " 4", "4 ", "", "1.5", "99999999999"}) {
    INFO(bad);
    CHECK_THROWS_MATCHES(jobs_option(with_jobs(bad)), Fatal,
                         Catch::Message("--jobs takes a positive number of threads, not '" + std::string(bad) + "'"));
  }
}
