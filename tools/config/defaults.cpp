#include <sstream>

#include "check/rule_table.h"
#include "config/config.h"

namespace prfaq {

Config default_config() {
  Config c;
  c.required_roles = {"engineering", "design", "marketing"};
  c.roles = {"engineering", "design", "marketing", "product", "legal", "finance",
             "security", "operations", "support", "leadership", "sales", "data"};
  c.required_fields = {
      {Status::idea, {"title", "status", "owner"}},
      {Status::draft, {"headline", "subheadline", "customer"}},
  };
  c.weasel_words = {"significantly", "substantially", "nearly",     "very",     "various",  "many",
                    "most",          "often",         "generally",  "should",   "might",    "could",
                    "arguably",      "several",       "fairly",     "quite",    "relatively", "usually",
                    "probably",      "possibly",      "extremely",  "numerous", "countless", "virtually"};
  c.hype_words = {"world-class",   "best-in-class", "revolutionary", "seamless",       "seamlessly",
                  "game-changing", "cutting-edge",  "next-generation", "state-of-the-art", "best",
                  "fastest",       "easiest",       "greatest",      "ultimate",       "unparalleled",
                  "unprecedented", "groundbreaking", "innovative",   "industry-leading", "disruptive"};
  c.comparative_words = {"faster", "better", "more",   "easier", "cheaper", "fewer",  "less",
                         "quicker", "higher", "lower", "greater", "smarter", "simpler"};
  c.placeholder_words = {"TODO", "TBD", "FIXME", "XXX", "lorem ipsum"};
  c.coverage_topics = {
      {"customer", {"customer", "customers", "user", "users", "who", "audience", "market"}},
      {"cost", {"cost", "costs", "price", "pricing", "spend", "budget", "invest", "investment"}},
      {"risk", {"risk", "risks", "risky", "fail", "failure", "threat", "threats"}},
      {"dependencies", {"dependency", "dependencies", "depend", "depends", "rely", "relies", "partner",
                        "partners", "prerequisite", "prerequisites"}},
      {"success", {"success", "successful", "measure", "measured", "metric", "metrics", "kpi", "kpis"}},
  };
  c.transitions = {
      {Status::approved, {Status::review}},
      {Status::launched, {Status::approved}},
  };
  return c;
}

namespace {

std::string toml_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += '"' + items[i] + '"';
  }
  return out + "]";
}

}  // namespace

std::string default_config_text() {
  Config c = default_config();
  std::ostringstream o;
  o << "# prfaq.toml: the configuration of this briefs repository.\n"
       "# Every key below is commented out and shows its default: uncomment and\n"
       "# change what you need. Reference: `prfaq rules` and the prfaq user docs.\n\n"
       "[site]\n"
       "# title = \"" << c.site_title << "\"\n"
       "# base_url = \"https://prfaq.example.com/\"\n\n"
       "[review]\n"
       "# Roles that must sign off ([[review]] entries) before review and approved.\n"
       "# required_roles = " << toml_list(c.required_roles) << "\n"
       "# Every role a [[review]] may name (required roles are always allowed).\n"
       "# roles = " << toml_list(c.roles) << "\n\n"
       "[sections]\n"
       "# Extra heading names, besides the built-in ones, for each section.\n"
       "# press_release = []\n# customer_faq = []\n# internal_faq = []\n\n"
       "[required_fields]\n"
       "# Front-matter keys each status adds to the readiness ladder.\n";
  for (auto& [status, keys] : c.required_fields)
    o << "# " << to_string(status) << " = " << toml_list(keys) << "\n";
  o << "\n[rules]\n"
       "# A rule's severity (\"error\", \"warning\" or \"off\"), or a table of options.\n"
       "# Ladder rules take `from`: the first status that requires them.\n";
  for (const auto& r : all_rules()) {
    std::string id(r.id);
    o << "# " << id << " = ";
    std::string opts;
    auto add = [&](const std::string& kv) { opts += (opts.empty() ? "" : ", ") + kv; };
    add("severity = \"" + std::string(to_string(r.severity)) + "\"");
    if (r.ladder && id != "required-field") add("from = \"" + std::string(to_string(*r.ladder)) + "\"");
    if (id == "press-release-length") add("max_words = " + std::to_string(c.press_release_max_words));
    if (id == "faq-length") add("max_words = " + std::to_string(c.faq_max_words));
    if (id == "headline-length") add("max_chars = " + std::to_string(c.headline_max_chars));
    if (id == "sentence-length") add("max_words = " + std::to_string(c.sentence_max_words));
    if (id == "readability") add("max_grade = " + std::to_string(static_cast<int>(c.readability_max_grade)));
    if (id == "journey-steps") add("min_steps = " + std::to_string(c.journey_min_steps));
    if (id == "customer-quote")
      add("min_quotes = " + std::to_string(c.customer_quote_min_quotes) +
          ", min_words = " + std::to_string(c.customer_quote_min_words));
    if (id == "weasel-words") add("words = " + toml_list(c.weasel_words));
    if (id == "hype") add("words = " + toml_list(c.hype_words) + ", comparatives = " + toml_list(c.comparative_words));
    if (id == "placeholder") add("words = " + toml_list(c.placeholder_words));
    if (id == "faq-coverage") {
      std::string topics;
      for (auto& t : c.coverage_topics) topics += (topics.empty() ? "" : ", ") + t.name + " = " + toml_list(t.words);
      add("topics = { " + topics + " }");
    }
    o << "{ " << opts << " }\n";
  }
  o << "# Word lists also take `add = [...]` and `remove = [...]` instead of `words`.\n"
       "# faq-coverage: the Internal FAQ asks about each topic; a question matches a\n"
       "# topic when it holds one of the topic's words.\n"
       "\n# Severity for one status only, e.g. placeholders are fine in drafts:\n"
       "# [status.draft.rules]\n# placeholder = \"warning\"\n\n"
       "[transitions]\n"
       "# Statuses a brief may move to a status from (checked by the hooks).\n";
  for (auto& [to, froms] : c.transitions) {
    std::vector<std::string> names;
    for (auto f : froms) names.emplace_back(to_string(f));
    o << "# " << to_string(to) << " = " << toml_list(names) << "\n";
  }
  o << "\n[limits]\n"
       "# A larger brief gets one file-too-large error and is not read.\n"
       "# max_brief_bytes = " << c.max_brief_bytes << "\n"
       "# Findings beyond this many in one file are summed up in one too-many-findings warning.\n"
       "# max_findings_per_file = " << c.max_findings_per_file << "\n";
  return o.str();
}

}  // namespace prfaq
