// config/parse_config.cpp (and defaults.cpp): prfaq.toml on top of the
// defaults, severity resolution, and errors at prfaq.toml:LINE:COL.
#include "support.h"

#include <algorithm>

#include "check/rule_table.h"
#include "util/error.h"

using namespace prfaq;
using namespace prfaq::test;

namespace {

// The Fatal message parse_config throws, or "no error".
std::string error_of(std::string_view toml) {
  try {
    config_of(toml);
  } catch (const Fatal& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("an empty prfaq.toml gives the defaults", "[config]") {
  Config c = config_of("");
  CHECK(c.path == "prfaq.toml");
  CHECK(c.required_roles == std::vector<std::string>{"engineering", "design", "marketing"});
  CHECK(c.press_release_max_words == 600);
  CHECK(c.faq_max_words == 2500);
  CHECK(c.headline_max_chars == 100);
  CHECK(c.sentence_max_words == 30);
  CHECK(c.readability_max_grade == 10);
  CHECK(c.journey_min_steps == 3);
  CHECK(c.placeholder_words == std::vector<std::string>{"TODO", "TBD", "FIXME", "XXX", "lorem ipsum"});
  CHECK(c.required_fields.at(Status::idea) == std::vector<std::string>{"title", "status", "owner"});
  CHECK(c.required_fields.at(Status::draft) == std::vector<std::string>{"headline", "subheadline", "customer"});
  CHECK(c.transitions.at(Status::launched) == std::vector<Status>{Status::approved});
  CHECK(c.severity.empty());
}

TEST_CASE("default severities come from the rule table", "[config]") {
  Config c = default_config();
  CHECK(c.severity_for("hype", Status::idea, std::nullopt) == Severity::warning);
  CHECK(c.severity_for("toml-syntax", Status::idea, std::nullopt) == Severity::error);
  CHECK(c.severity_for("faq-unanswered", Status::idea, Status::draft) == Severity::off);
  CHECK(c.severity_for("faq-unanswered", Status::draft, Status::draft) == Severity::error);
  CHECK(c.severity_for("faq-unanswered", Status::launched, Status::draft) == Severity::error);
  CHECK(c.severity_for("faq-unanswered", std::nullopt, Status::draft) == Severity::off);  // no status: idea
  CHECK(c.severity_for("shelved-reason", Status::launched, Status::shelved) == Severity::off);
  CHECK(c.severity_for("shelved-reason", Status::shelved, Status::shelved) == Severity::error);
  CHECK(c.severity_for("faq-unanswered", Status::shelved, Status::draft) == Severity::off);
}

TEST_CASE("the rules table sets a rule's severity", "[config]") {
  Config c = config_of("[rules]\nhype = \"error\"\nfaq-coverage = \"off\"\nweasel-words = { severity = \"off\" }\n");
  CHECK(c.severity_for("hype", Status::idea, std::nullopt) == Severity::error);
  CHECK(c.severity_for("faq-coverage", Status::idea, std::nullopt) == Severity::off);
  CHECK(c.severity_for("weasel-words", Status::idea, std::nullopt) == Severity::off);
}

TEST_CASE("a rules severity for a ladder rule keeps it silent below its status", "[config]") {
  Config c = config_of("[rules]\nfaq-unanswered = \"warning\"\n");
  CHECK(c.severity_for("faq-unanswered", Status::idea, Status::draft) == Severity::off);
  CHECK(c.severity_for("faq-unanswered", Status::draft, Status::draft) == Severity::warning);
}

TEST_CASE("status.X.rules sets a rule's severity for one status", "[config]") {
  Config c = config_of("[status.draft.rules]\nplaceholder = \"warning\"\n\n[status.idea.rules]\nhype = \"off\"\n");
  CHECK(c.severity_for("placeholder", Status::draft, Status::draft) == Severity::warning);
  CHECK(c.severity_for("placeholder", Status::review, Status::draft) == Severity::error);
  CHECK(c.severity_for("placeholder", Status::idea, Status::draft) == Severity::off);
  CHECK(c.severity_for("hype", Status::idea, std::nullopt) == Severity::off);
  CHECK(c.severity_for("hype", Status::draft, std::nullopt) == Severity::warning);
}

TEST_CASE("status.X.rules applies to the briefs at that status", "[config]") {
  Config c = config_of("[status.draft.rules]\nplaceholder = \"warning\"\n");
  std::string draft = replace(complete_brief("draft"), "is free for", "is TBD for");
  CHECK(with_rule(brief_findings(draft, c), "placeholder") ==
        std::vector<std::string>{at(70, 20) + "warning: placeholder left in: 'TBD' [placeholder]"});
  std::string review = replace(complete_brief("review"), "is free for", "is TBD for");
  CHECK(with_rule(brief_findings(review, c), "placeholder") ==
        std::vector<std::string>{at(70, 20) + "error: placeholder left in: 'TBD' [placeholder]"});
}

TEST_CASE("from moves a ladder rule to another status", "[config]") {
  Config c = config_of("[rules]\nplaceholder = { from = \"review\" }\nlaunch-missing = { from = \"draft\" }\n");
  CHECK(c.ladder_status("placeholder") == Status::review);
  CHECK(c.ladder_status("launch-missing") == Status::draft);
  CHECK(c.ladder_status("faq-unanswered") == Status::draft);
  CHECK(c.ladder_status("hype") == std::nullopt);
  CHECK(with_rule(brief_findings(replace(complete_brief("draft"), "launch = 2020-06-30\n", ""), c),
                  "launch-missing") ==
        std::vector<std::string>{at(1, 1) + "error: 'launch' is missing: the date the press release imagines, e.g. "
                                            "launch = 2027-06-30 (required from draft) [launch-missing]"});
}

TEST_CASE("thresholds are rule options", "[config]") {
  Config c = config_of(R"([rules]
press-release-length = { max_words = 500 }
faq-length = { max_words = 2000 }
headline-length = { max_chars = 80 }
sentence-length = { max_words = 25 }
readability = { max_grade = 8.5 }
journey-steps = { min_steps = 2 }
customer-quote = { min_quotes = 1, min_words = 6 }
)");
  CHECK(c.press_release_max_words == 500);
  CHECK(c.faq_max_words == 2000);
  CHECK(c.headline_max_chars == 80);
  CHECK(c.sentence_max_words == 25);
  CHECK(c.readability_max_grade == 8.5);
  CHECK(c.journey_min_steps == 2);
  CHECK(c.customer_quote_min_quotes == 1);
  CHECK(c.customer_quote_min_words == 6);
  CHECK(c.severity.empty());  // options alone keep the severity
}

TEST_CASE("word lists: words replaces, add and remove edit", "[config]") {
  Config c = config_of("[rules]\nweasel-words = { add = [\"world-class\", \"very\"], remove = [\"most\"] }\n"
                       "hype = { words = [\"epic\"], comparatives = [\"snappier\"] }\n"
                       "placeholder = { words = [\"WIP\"], add = [\"TODO\"] }\n");
  CHECK(c.weasel_words.back() == "world-class");
  CHECK(std::count(c.weasel_words.begin(), c.weasel_words.end(), "very") == 1);
  CHECK(std::count(c.weasel_words.begin(), c.weasel_words.end(), "most") == 0);
  CHECK(c.weasel_words.size() == default_config().weasel_words.size());
  CHECK(c.hype_words == std::vector<std::string>{"epic"});
  CHECK(c.comparative_words == std::vector<std::string>{"snappier"});
  CHECK(c.placeholder_words == std::vector<std::string>{"WIP", "TODO"});
}

TEST_CASE("faq-coverage topics replace the defaults", "[config]") {
  Config c = config_of("[rules]\nfaq-coverage = { topics = { legal = [\"law\"], cost = [\"price\"] } }\n");
  REQUIRE(c.coverage_topics.size() == 2);
  CHECK(c.coverage_topics[0].name == "cost");  // toml++ tables iterate by key
  CHECK(c.coverage_topics[0].words == std::vector<std::string>{"price"});
  CHECK(c.coverage_topics[1].name == "legal");
}

TEST_CASE("the review, required_fields, sections, site and transitions tables", "[config]") {
  Config c = config_of(R"([site]
title = "Acme PR/FAQs"
base_url = "https://prfaq.acme.example/"

[review]
required_roles = ["engineering", "legal"]
roles = ["qa"]

[required_fields]
review = ["team", "tags"]

[sections]
press_release = ["Launch Memo"]

[transitions]
approved = ["review", "draft"]
)");
  CHECK(c.site_title == "Acme PR/FAQs");
  CHECK(c.base_url == "https://prfaq.acme.example/");
  CHECK(c.required_roles == std::vector<std::string>{"engineering", "legal"});
  CHECK(c.is_known_role("qa"));
  CHECK(c.is_known_role("legal"));
  CHECK_FALSE(c.is_known_role("design"));
  CHECK(c.required_fields.at(Status::review) == std::vector<std::string>{"team", "tags"});
  CHECK(c.required_fields.at(Status::idea) == std::vector<std::string>{"title", "status", "owner"});
  CHECK(c.press_release_names == std::vector<std::string>{"launch memo"});
  CHECK(c.transitions.at(Status::approved) == std::vector<Status>{Status::review, Status::draft});
}

TEST_CASE("error: an unknown rule id, with did you mean", "[config]") {
  CHECK(error_of("[rules]\nweasel-word = \"off\"\n") ==
        "prfaq.toml:2:1: unknown rule id 'weasel-word' (did you mean 'weasel-words'?)");
  CHECK(error_of("\n[status.draft.rules]\nplacehoder = \"off\"\n") ==
        "prfaq.toml:3:1: unknown rule id 'placehoder' (did you mean 'placeholder'?)");
  CHECK(error_of("[rules]\nzzz = \"off\"\n") == "prfaq.toml:2:1: unknown rule id 'zzz'");
}

TEST_CASE("error: an unknown severity", "[config]") {
  CHECK(error_of("[rules]\nhype = \"fatal\"\n") == "prfaq.toml:2:8: unknown severity 'fatal' for 'hype' (error, warning, off)");
  CHECK(error_of("[rules]\nhype = { severity = \"warn\" }\n") ==
        "prfaq.toml:2:21: unknown severity 'warn' for 'hype' (error, warning, off)");
}

TEST_CASE("error: an unknown key, with did you mean", "[config]") {
  CHECK(error_of("[sit]\ntitle = \"x\"\n") == "prfaq.toml:1:2: unknown key 'sit' (did you mean 'site'?)");
  CHECK(error_of("[review]\nrequired_role = []\n") ==
        "prfaq.toml:2:1: unknown key 'required_role' (did you mean 'required_roles'?)");
  CHECK(error_of("[status.draft]\nrule = {}\n") == "prfaq.toml:2:1: unknown key 'rule' (did you mean 'rules'?)");
}

TEST_CASE("error: an option a rule does not take", "[config]") {
  CHECK(error_of("[rules]\nhype = { max_words = 5 }\n") == "prfaq.toml:2:10: rule 'hype' has no option 'max_words'");
  CHECK(error_of("[rules]\nhype = { from = \"draft\" }\n") == "prfaq.toml:2:10: rule 'hype' has no option 'from'");
  CHECK(error_of("[rules]\nrequired-field = { from = \"draft\" }\n") ==
        "prfaq.toml:2:20: required-field has no single 'from': list the keys each status requires in "
        "[required_fields]");
}

TEST_CASE("error: a value of the wrong type", "[config]") {
  CHECK(error_of("[review]\nrequired_roles = \"engineering\"\n") ==
        "prfaq.toml:2:18: 'required_roles' must be an array of strings");
  CHECK(error_of("site = 3\n") == "prfaq.toml:1:8: 'site' must be a table");
  CHECK(error_of("[rules]\npress-release-length = { max_words = \"500\" }\n") ==
        "prfaq.toml:2:38: 'max_words' must be a non-negative integer");
  CHECK(error_of("[rules]\npress-release-length = { max_words = -1 }\n") ==
        "prfaq.toml:2:38: 'max_words' must be a non-negative integer");
  CHECK(error_of("[rules]\nhype = 3\n") == "prfaq.toml:2:8: rule 'hype' takes a severity string or a table of options");
}

TEST_CASE("error: an unknown status", "[config]") {
  CHECK(error_of("[status.drafts.rules]\nhype = \"off\"\n") ==
        "prfaq.toml:1:9: unknown status 'drafts' (idea, draft, review, approved, launched, shelved)");
  CHECK(error_of("[rules]\nplaceholder = { from = \"later\" }\n") ==
        "prfaq.toml:2:24: unknown status 'later' (idea, draft, review, approved, launched, shelved)");
  CHECK(error_of("[transitions]\napproved = [\"reviewed\"]\n") ==
        "prfaq.toml:2:13: unknown status 'reviewed' (idea, draft, review, approved, launched, shelved)");
}

TEST_CASE("error: a required field that is no front-matter key", "[config]") {
  CHECK(error_of("[required_fields]\nreview = [\"titel\"]\n") ==
        "prfaq.toml:2:10: 'titel' cannot be a required field (did you mean 'title'?)");
}

TEST_CASE("error: TOML syntax, at the parser's position", "[config]") {
  CHECK(error_of("[rules]\nhype = \n") == "prfaq.toml:2:8: Error while parsing key-value pair: expected value, saw '\\n'");
  CHECK(error_of("[rules]\nhype = \"off\"\nhype = \"error\"\n").starts_with("prfaq.toml:3:"));
}

TEST_CASE("the default prfaq.toml text parses to the defaults", "[config]") {
  Config c = config_of(default_config_text());
  CHECK(c.severity.empty());
  CHECK(c.weasel_words == default_config().weasel_words);
}

TEST_CASE("every rule id is kebab-case and found by find_rule", "[config]") {
  for (const auto& r : all_rules()) {
    INFO(r.id);
    CHECK(find_rule(r.id) == &r);
    CHECK(r.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos);
  }
  CHECK(find_rule("nope") == nullptr);
  CHECK(all_rules().size() == 47);
}

TEST_CASE("error: a rule option larger than an int, which would have wrapped around to a negative", "[config]") {
  CHECK(error_of("[rules]\npress-release-length = { max_words = 4294967296 }\n") ==
        "prfaq.toml:2:38: 'max_words' must be at most 2147483647");
  CHECK(config_of("[rules]\npress-release-length = { max_words = 2147483647 }\n").press_release_max_words == 2147483647);
}

TEST_CASE("max_grade must be a finite number: nan would silence readability", "[config]") {
  CHECK(error_of("[rules]\nreadability = { max_grade = nan }\n") == "prfaq.toml:2:29: 'max_grade' must be a finite number");
  CHECK(error_of("[rules]\nreadability = { max_grade = -inf }\n") == "prfaq.toml:2:29: 'max_grade' must be a finite number");
  CHECK(error_of("[rules]\nreadability = { max_grade = \"8\" }\n") == "prfaq.toml:2:29: 'max_grade' must be a finite number");
  CHECK(config_of("[rules]\nreadability = { max_grade = 12 }\n").readability_max_grade == 12);
}

TEST_CASE("a role listed twice is one role", "[config]") {
  Config c = config_of("[review]\nrequired_roles = [\"design\", \"legal\", \"design\"]\nroles = [\"a\", \"a\"]\n");
  CHECK(c.required_roles == std::vector<std::string>{"design", "legal"});
  CHECK(c.roles == std::vector<std::string>{"a"});
  CHECK(rule_findings(complete_brief("review"), "review-missing", c) ==
        std::vector<std::string>{at(1, 1) + "error: no [[review]] for required role 'legal' (required from review) [review-missing]"});
}

TEST_CASE("a faq-coverage topic with no word is refused", "[config]") {
  CHECK(error_of("[rules]\nfaq-coverage = { topics = { cost = [] } }\n") ==
        "prfaq.toml:2:36: topic 'cost' needs at least one word");
}
