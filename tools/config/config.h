#pragma once
// The repository configuration, prfaq.toml. Every key has a default
// (config/defaults.cpp), so a repository without the file works. A malformed
// file, an unknown key, rule id or severity throws Fatal with
// "prfaq.toml:LINE:COL: ..." (prfaq exits 2).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "check/finding.h"
#include "load/status.h"

namespace prfaq {

struct CoverageTopic {
  std::string name;                 // "customer", "cost", ...
  std::vector<std::string> words;   // a question matches when it has one of them
};

// The highest max_brief_bytes prfaq.toml may set: 1 GiB, well inside the
// 32-bit offsets a brief's words are kept in (load/text_stats.h).
inline constexpr std::size_t kMaxBriefBytesLimit = std::size_t{1} << 30;

struct Config {
  std::string path;  // where it was read from; empty for defaults

  // [site]
  std::string site_title = "PR/FAQs";
  std::string base_url;
  std::string base_url_at;  // "LINE:COL" of base_url in the file, for a build that refuses it

  // [review]
  std::vector<std::string> required_roles;
  std::vector<std::string> roles;  // every role a [[review]] may name (required ones included)

  // [sections]: extra names, lower case, matched like the built-in ones.
  std::vector<std::string> press_release_names, customer_faq_names, internal_faq_names;

  // [required_fields]: status -> keys that status adds to the ladder.
  std::map<Status, std::vector<std::string>> required_fields;

  // [rules] and [status.<s>.rules]
  std::map<std::string, Severity, std::less<>> severity;                  // general overrides
  std::map<std::string, Status, std::less<>> ladder_from;                 // `from` overrides
  std::map<Status, std::map<std::string, Severity, std::less<>>> status_severity;

  // Rule options (thresholds and word lists), defaults in defaults.cpp.
  int press_release_max_words = 600;
  int faq_max_words = 2500;
  int headline_max_chars = 100;
  int sentence_max_words = 30;
  double readability_max_grade = 10;
  int journey_min_steps = 3;
  int customer_quote_min_quotes = 2;
  int customer_quote_min_words = 4;
  std::vector<std::string> weasel_words;
  std::vector<std::string> hype_words;        // superlatives
  std::vector<std::string> comparative_words; // need a number in the sentence
  std::vector<std::string> placeholder_words; // matched as whole words, case-sensitive for all-caps
  std::vector<CoverageTopic> coverage_topics;

  // [limits]: bounds on the work one file can cause (hostile or broken
  // input). A brief larger than max_brief_bytes gets one file-too-large
  // finding and is not parsed; a file's findings beyond
  // max_findings_per_file are dropped for one too-many-findings summary.
  // 1 MiB: 80 times the largest real brief we know of (12 KB); 10,000 FAQ
  // questions fit. It bounds the worst case we know: md4c 0.4.8 takes time
  // quadratic in one paragraph of many `www.` autolinks, 17 s a pass at
  // 1 MiB (fixed upstream in md4c 0.5). prfaq's own work is linear: 1 MiB
  // of weasel words (200,000 findings) is checked in 0.2 s.
  std::size_t max_brief_bytes = 1024 * 1024;
  std::size_t max_findings_per_file = 100;

  // [transitions]: status -> statuses it may come from (absent: any).
  std::map<Status, std::vector<Status>> transitions;

  // The first status requiring `rule` (ladder rules), after overrides.
  std::optional<Status> ladder_status(std::string_view rule) const;
  // The severity of a finding of `rule` in a brief at `status` (nullopt:
  // status unknown or absent, treated as idea).
  Severity severity_for(std::string_view rule, std::optional<Status> status,
                        std::optional<Status> requires_status) const;
  bool is_known_role(std::string_view role) const;
};

// Defaults for every key.
Config default_config();
// Parses prfaq.toml text on top of the defaults. `path` is for messages.
Config parse_config(std::string_view text, const std::string& path);
// The commented prfaq.toml that `prfaq init` writes: every default spelled out.
std::string default_config_text();

}  // namespace prfaq
