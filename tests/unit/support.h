#pragma once
// Shared helpers for the unit tests: briefs checked from memory.
//
// MemorySource is the Source seam (source/source.h) over a map path -> bytes,
// so a test writes a whole repository inline and runs the real pipeline
// (check_repository: loading, rules, severity, suppressions, sorting).
// Findings come back as the text report prints them,
//   path:line:col: severity: message [rule]
// so tests compare exact lines.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "check/checker.h"
#include "config/config.h"
#include "load/brief_paths.h"
#include "load/loader.h"
#include "memory_source.h"
#include "source/source.h"

namespace prfaq::test {


// The path single-brief helpers check the brief at.
inline constexpr std::string_view kPath = "content/a.md";


inline Config config_of(std::string_view toml) { return parse_config(toml, "prfaq.toml"); }

inline CheckResult check_files(const Files& files, const Config& config = default_config(),
                               CheckOptions options = {}) {
  MemorySource source(files);
  if (options.jobs == 0) options.jobs = 1;
  return check_repository(source, config, options);
}

// One finding as the text report writes it (without colour).
inline std::string line_of(const Finding& f) {
  return f.file + ":" + std::to_string(f.pos.line) + ":" + std::to_string(f.pos.column) + ": " +
         std::string(to_string(f.severity)) + ": " + f.message + " [" + f.rule + "]";
}

inline std::vector<std::string> lines_of(const CheckResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) out.push_back(line_of(f));
  return out;
}

inline std::vector<std::string> findings_of(const Files& files, const Config& config = default_config()) {
  return lines_of(check_files(files, config));
}

// The findings of one brief at content/a.md.
inline std::vector<std::string> brief_findings(std::string_view brief, const Config& config = default_config()) {
  return findings_of(Files{{std::string(kPath), std::string(brief)}}, config);
}

// Only the lines of `rule`.
inline std::vector<std::string> with_rule(const std::vector<std::string>& lines, std::string_view rule) {
  std::string tail = " [" + std::string(rule) + "]";
  std::vector<std::string> out;
  for (const auto& l : lines)
    if (l.ends_with(tail)) out.push_back(l);
  return out;
}

inline std::vector<std::string> rule_findings(std::string_view brief, std::string_view rule,
                                              const Config& config = default_config()) {
  return with_rule(brief_findings(brief, config), rule);
}

// "content/a.md:LINE:COL: " for building expected lines.
inline std::string at(int line, int column) {
  return std::string(kPath) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

// The loaded brief (no rules run), for tests of the loader's structures.
inline Brief load(std::string text, const Config& config = default_config()) {
  return load_brief(std::string(kPath), std::move(text), config);
}

// `text` with the one occurrence of `from` replaced by `to`; a test that
// edits a fixture fails loudly if the fixture no longer holds `from`.
inline std::string replace(std::string text, std::string_view from, std::string_view to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

// A brief that meets every status's bar and trips no style rule, with
// `status` filled in. Tests remove or change one thing and expect one rule.
// Lines worth knowing: 2 title, 3 headline, 4 subheadline, 5 status,
// 8 launch, 9 reason, 10 first [[journey]], 23 [[metric]], 33 [business],
// 39 first [[review]], 56 closing +++, 58 "## Press release",
// 66 "## Customer FAQ", 68 its question, 72 "## Internal FAQ", 74 its
// first question.
inline std::string complete_brief(std::string_view status) {
  std::string text = R"(+++
title = "Instant Refunds"
headline = "Acme Pay launches Instant Refunds"
subheadline = "Shoppers see the refund on their card in 10 seconds"
status = "STATUS"
owner = ["jane@acme.example"]
customer = "Online shoppers who return items"
launch = 2020-06-30
reason = "The card networks said no"
[[journey]]
step = "Start a return"
detail = "The shopper taps Return on the order page"

[[journey]]
step = "Drop off"
detail = "The shopper leaves the parcel at the shop"

[[journey]]
step = "Money back"
detail = "The refund shows on the card in 10 seconds"
aha = true

[[metric]]
name = "Refund time"
kind = "quality"
direction = "down"
unit = "hours"
baseline = 120
target = 1
by = 2020-09-30
actuals = [{ date = 2020-07-15, value = 2 }]

[business]
headcount = 4
months = 6
cost = 480000
currency = "USD"

[[review]]
who = "sam@acme.example"
role = "engineering"
verdict = "approved"
date = 2020-01-10

[[review]]
who = "dee@acme.example"
role = "design"
verdict = "approved"
date = 2020-01-11

[[review]]
who = "max@acme.example"
role = "marketing"
verdict = "approved"
date = 2020-01-12
+++

## Press release

Acme Pay today launched Instant Refunds. Shoppers who return an item get their money back in 10 seconds.

"I had my money back before I left the shop," said Ann Lee, a shopper in Leeds.

"Our 4 million shoppers waited 5 days for a refund, and now they wait 10 seconds," said Bo Chan, head of payments.

## Customer FAQ

### How much does it cost?

Instant Refunds is free for shoppers.

## Internal FAQ

### Who is the customer?

The 4 million shoppers who return an item each year.

### What does it cost to build?

Four engineers for six months, 480,000 USD.

### What are the biggest risks?

Card networks may cap instant credits; we checked the limits with 2 networks.

### What are the dependencies?

The card network API and the returns team.

### How will we measure success?

Median refund time, from 120 hours to 1 hour.
)";
  return replace(std::move(text), "STATUS", status);
}

// A minimal idea-stage brief around `body`: front matter on lines 1-5, the
// body from line 6.
inline std::string idea_brief(std::string_view body) {
  return "+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n+++\n" + std::string(body);
}

}  // namespace prfaq::test
