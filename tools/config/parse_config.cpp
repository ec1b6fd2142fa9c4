#include <algorithm>
#include <cmath>
#include <limits>
#include <toml++/toml.h>

#include "check/rule_table.h"
#include "config/config.h"
#include "util/error.h"
#include "util/line_index.h"
#include "util/suggest.h"
#include "util/toml_depth.h"

namespace prfaq {

namespace {

class ConfigReader {
 public:
  ConfigReader(Config& c, const std::string& path) : c_(c), path_(path) {}

  [[noreturn]] void fail(const toml::source_region& at, const std::string& what) const {
    throw Fatal(path_ + ":" + std::to_string(at.begin.line) + ":" + std::to_string(at.begin.column) + ": " + what);
  }

  void read(const toml::table& root) {
    for (auto&& [key, node] : root) {
      std::string k(key.str());
      if (k == "site") site(table(node, k));
      else if (k == "review") review(table(node, k));
      else if (k == "sections") sections(table(node, k));
      else if (k == "required_fields") required_fields(table(node, k));
      else if (k == "rules") rules(table(node, k), std::nullopt);
      else if (k == "status") statuses(table(node, k));
      else if (k == "transitions") transitions(table(node, k));
      else if (k == "limits") limits(table(node, k));
      else unknown(key, k, {"site", "review", "sections", "required_fields", "rules", "status", "transitions", "limits"});
    }
  }

 private:
  Config& c_;
  const std::string& path_;

  void unknown(const toml::key& key, const std::string& k, std::initializer_list<std::string_view> known) const {
    std::vector<std::string_view> v(known);
    fail(key.source(), "unknown key '" + k + "'" + did_you_mean(k, v));
  }

  const toml::table& table(const toml::node& n, const std::string& k) const {
    if (!n.is_table()) fail(n.source(), "'" + k + "' must be a table");
    return *n.as_table();
  }
  std::string string(const toml::node& n, const std::string& k) const {
    if (!n.is_string()) fail(n.source(), "'" + k + "' must be a string");
    return n.as_string()->get();
  }
  // Rule options are ints: a larger value would wrap around to a negative one.
  int integer(const toml::node& n, const std::string& k) const {
    if (!n.is_integer() || n.as_integer()->get() < 0) fail(n.source(), "'" + k + "' must be a non-negative integer");
    if (n.as_integer()->get() > std::numeric_limits<int>::max())
      fail(n.source(), "'" + k + "' must be at most " + std::to_string(std::numeric_limits<int>::max()));
    return static_cast<int>(n.as_integer()->get());
  }
  double number(const toml::node& n, const std::string& k) const {
    if (n.is_integer()) return static_cast<double>(n.as_integer()->get());
    // nan compares false with every grade: the rule would never fire.
    if (!n.is_floating_point() || !std::isfinite(n.as_floating_point()->get()))
      fail(n.source(), "'" + k + "' must be a finite number");
    return n.as_floating_point()->get();
  }
  std::vector<std::string> strings(const toml::node& n, const std::string& k) const {
    if (!n.is_array()) fail(n.source(), "'" + k + "' must be an array of strings");
    std::vector<std::string> out;
    for (auto& item : *n.as_array()) out.push_back(string(item, k));
    return out;
  }
  // A role listed twice is one role: not two review-missing findings for it.
  static std::vector<std::string> distinct(std::vector<std::string> v) {
    std::vector<std::string> out;
    for (auto& s : v)
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    return out;
  }
  Status status(const toml::node& n, const std::string& k) const {
    std::string s = string(n, k);
    auto st = parse_status(s);
    if (!st) fail(n.source(), "unknown status '" + s + "' (idea, draft, review, approved, launched, shelved)");
    return *st;
  }
  Status status_key(const toml::key& key) const {
    auto st = parse_status(key.str());
    if (!st)
      fail(key.source(), "unknown status '" + std::string(key.str()) +
                             "' (idea, draft, review, approved, launched, shelved)");
    return *st;
  }
  Severity severity(const toml::node& n, const std::string& k) const {
    std::string s = string(n, k);
    auto sev = parse_severity(s);
    if (!sev) fail(n.source(), "unknown severity '" + s + "' for '" + k + "' (error, warning, off)");
    return *sev;
  }
  const RuleInfo& rule(const toml::key& key) const {
    const RuleInfo* r = find_rule(key.str());
    if (!r) {
      std::vector<std::string_view> ids;
      for (auto& info : all_rules()) ids.push_back(info.id);
      fail(key.source(), "unknown rule id '" + std::string(key.str()) + "'" + did_you_mean(key.str(), ids));
    }
    return *r;
  }

  void site(const toml::table& t) {
    for (auto&& [key, n] : t) {
      std::string k(key.str());
      if (k == "title") c_.site_title = string(n, k);
      else if (k == "base_url") {
        c_.base_url = string(n, k);
        c_.base_url_at = std::to_string(n.source().begin.line) + ":" + std::to_string(n.source().begin.column);
      }
      else unknown(key, k, {"title", "base_url"});
    }
  }

  void review(const toml::table& t) {
    for (auto&& [key, n] : t) {
      std::string k(key.str());
      if (k == "required_roles") c_.required_roles = distinct(strings(n, k));
      else if (k == "roles") c_.roles = distinct(strings(n, k));
      else unknown(key, k, {"required_roles", "roles"});
    }
  }

  void sections(const toml::table& t) {
    auto lower = [](std::vector<std::string> v) {
      for (auto& s : v) std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
      return v;
    };
    for (auto&& [key, n] : t) {
      std::string k(key.str());
      if (k == "press_release") c_.press_release_names = lower(strings(n, k));
      else if (k == "customer_faq") c_.customer_faq_names = lower(strings(n, k));
      else if (k == "internal_faq") c_.internal_faq_names = lower(strings(n, k));
      else unknown(key, k, {"press_release", "customer_faq", "internal_faq"});
    }
  }

  void required_fields(const toml::table& t) {
    static const std::vector<std::string_view> keys = {"title", "headline", "subheadline", "status", "owner",
                                                       "team", "customer", "launch", "tags", "related", "reason"};
    for (auto&& [key, n] : t) {
      Status st = status_key(key);
      auto fields = strings(n, std::string(key.str()));
      for (auto& f : fields)
        if (std::find(keys.begin(), keys.end(), f) == keys.end())
          fail(n.source(), "'" + f + "' cannot be a required field" + did_you_mean(f, keys));
      c_.required_fields[st] = fields;
    }
  }

  void words(const toml::table& t, std::vector<std::string>& list) {
    for (auto&& [key, n] : t) {
      std::string k(key.str());
      if (k == "words") list = strings(n, k);
    }
    for (auto&& [key, n] : t) {
      std::string k(key.str());
      if (k == "add") {
        for (auto& w : strings(n, k))
          if (std::find(list.begin(), list.end(), w) == list.end()) list.push_back(w);
      } else if (k == "remove") {
        for (auto& w : strings(n, k)) list.erase(std::remove(list.begin(), list.end(), w), list.end());
      }
    }
  }

  void topics(const toml::node& n) {
    const auto& t = table(n, "topics");
    c_.coverage_topics.clear();
    for (auto&& [key, v] : t) {
      auto words = strings(v, std::string(key.str()));
      // No question can ask about a topic with no word: it would warn on every brief.
      if (words.empty()) fail(v.source(), "topic '" + std::string(key.str()) + "' needs at least one word");
      c_.coverage_topics.push_back({std::string(key.str()), std::move(words)});
    }
  }

  // Options a rule takes besides severity (and `from` for ladder rules).
  void rule_options(const RuleInfo& r, const toml::table& t) {
    std::string id(r.id);
    std::vector<std::string_view> allowed = {"severity"};
    if (r.ladder && id != "required-field") allowed.push_back("from");
    bool word_list = id == "weasel-words" || id == "hype" || id == "placeholder";
    if (word_list) allowed.insert(allowed.end(), {"words", "add", "remove"});
    for (auto&& [key, n] : t) {
      std::string k(key.str());
      if (k == "severity") c_.severity[id] = severity(n, id);
      else if (k == "from" && r.ladder && id == "required-field")
        fail(key.source(), "required-field has no single 'from': list the keys each status requires in [required_fields]");
      else if (k == "from" && r.ladder) c_.ladder_from[id] = status(n, k);
      else if (word_list && (k == "words" || k == "add" || k == "remove")) continue;
      else if (id == "press-release-length" && k == "max_words") c_.press_release_max_words = int(integer(n, k));
      else if (id == "faq-length" && k == "max_words") c_.faq_max_words = int(integer(n, k));
      else if (id == "headline-length" && k == "max_chars") c_.headline_max_chars = int(integer(n, k));
      else if (id == "sentence-length" && k == "max_words") c_.sentence_max_words = int(integer(n, k));
      else if (id == "readability" && k == "max_grade") c_.readability_max_grade = number(n, k);
      else if (id == "journey-steps" && k == "min_steps") c_.journey_min_steps = int(integer(n, k));
      else if (id == "customer-quote" && k == "min_quotes") c_.customer_quote_min_quotes = int(integer(n, k));
      else if (id == "customer-quote" && k == "min_words") c_.customer_quote_min_words = int(integer(n, k));
      else if (id == "hype" && k == "comparatives") c_.comparative_words = strings(n, k);
      else if (id == "faq-coverage" && k == "topics") topics(n);
      else fail(key.source(), "rule '" + id + "' has no option '" + k + "'");
    }
    if (id == "weasel-words") words(t, c_.weasel_words);
    if (id == "hype") words(t, c_.hype_words);
    if (id == "placeholder") words(t, c_.placeholder_words);
  }

  void rules(const toml::table& t, std::optional<Status> only) {
    for (auto&& [key, n] : t) {
      const RuleInfo& r = rule(key);
      std::string id(r.id);
      if (only) {
        c_.status_severity[*only][id] = severity(n, id);
      } else if (n.is_string()) {
        c_.severity[id] = severity(n, id);
      } else if (n.is_table()) {
        rule_options(r, *n.as_table());
      } else {
        fail(n.source(), "rule '" + id + "' takes a severity string or a table of options");
      }
    }
  }

  void statuses(const toml::table& t) {
    for (auto&& [key, n] : t) {
      Status st = status_key(key);
      for (auto&& [k2, n2] : table(n, std::string(key.str()))) {
        if (k2.str() != "rules") unknown(k2, std::string(k2.str()), {"rules"});
        rules(table(n2, "rules"), st);
      }
    }
  }

  std::size_t positive(const toml::node& n, const std::string& k) const {
    if (!n.is_integer() || n.as_integer()->get() < 1) fail(n.source(), "'" + k + "' must be a positive integer");
    return static_cast<std::size_t>(n.as_integer()->get());
  }

  std::size_t brief_bytes(const toml::node& n, const std::string& k) const {
    std::size_t v = positive(n, k);
    if (v > kMaxBriefBytesLimit)
      fail(n.source(), "'" + k + "' must be at most " + std::to_string(kMaxBriefBytesLimit) + " (1 GiB)");
    return v;
  }

  void limits(const toml::table& t) {
    for (auto&& [key, n] : t) {
      std::string k(key.str());
      if (k == "max_brief_bytes") c_.max_brief_bytes = brief_bytes(n, k);
      else if (k == "max_findings_per_file") c_.max_findings_per_file = positive(n, k);
      else unknown(key, k, {"max_brief_bytes", "max_findings_per_file"});
    }
  }

  void transitions(const toml::table& t) {
    for (auto&& [key, n] : t) {
      Status to = status_key(key);
      std::vector<Status> from;
      if (!n.is_array()) fail(n.source(), std::string(1, '\'').append(key.str()).append("' must be an array of statuses"));
      for (auto& item : *n.as_array()) from.push_back(status(item, std::string(key.str())));
      c_.transitions[to] = from;
    }
  }
};

}  // namespace

Config parse_config(std::string_view text, const std::string& path) {
  Config c = default_config();
  c.path = path;
  if (auto deep = toml_too_deep(text)) {  // toml++ would recurse that deep (util/toml_depth.h)
    Position at = LineIndex(text).at(*deep);
    throw Fatal(path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
                std::string(kTooDeepMessage));
  }
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw Fatal(path + ":" + std::to_string(e.source().begin.line) + ":" + std::to_string(e.source().begin.column) +
                ": " + std::string(e.description()));
  }
  ConfigReader(c, path).read(root);
  return c;
}

std::optional<Status> Config::ladder_status(std::string_view rule) const {
  if (auto it = ladder_from.find(rule); it != ladder_from.end()) return it->second;
  const RuleInfo* r = find_rule(rule);
  return r ? r->ladder : std::nullopt;
}

Severity Config::severity_for(std::string_view rule, std::optional<Status> status,
                              std::optional<Status> requires_status) const {
  Status st = status.value_or(Status::idea);
  if (auto it = status_severity.find(st); it != status_severity.end())
    if (auto r = it->second.find(rule); r != it->second.end()) return r->second;
  if (requires_status && !requires_at(st, *requires_status)) return Severity::off;
  if (auto it = severity.find(rule); it != severity.end()) return it->second;
  const RuleInfo* r = find_rule(rule);
  return r ? r->severity : Severity::error;
}

bool Config::is_known_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end() ||
         std::find(required_roles.begin(), required_roles.end(), role) != required_roles.end();
}

}  // namespace prfaq
