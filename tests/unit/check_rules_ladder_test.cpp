// check/rules_ladder.cpp: the readiness ladder. Each rule fires as an error
// from the status that requires it, and is silent below it.
#include "support.h"

using namespace prfaq;
using namespace prfaq::test;

using Lines = std::vector<std::string>;

namespace {

// complete_brief(status) with one edit.
std::string edited(std::string_view status, std::string_view from, std::string_view to) {
  return replace(complete_brief(status), from, to);
}

constexpr std::string_view kThirdStep =
    "[[journey]]\nstep = \"Money back\"\ndetail = \"The refund shows on the card in 10 seconds\"\naha = true\n";
constexpr std::string_view kCustomerFaq = "## Customer FAQ\n\n### How much does it cost?\n\nInstant Refunds is free for shoppers.\n\n";

}  // namespace

TEST_CASE("required-field: a missing key is reported at 1:1 from its status", "[ladder]") {
  std::string draft = edited("draft", "headline = \"Acme Pay launches Instant Refunds\"\n", "");
  CHECK(rule_findings(draft, "required-field") ==
        Lines{at(1, 1) + "error: 'headline' is missing (required from draft) [required-field]"});
  std::string idea = edited("idea", "headline = \"Acme Pay launches Instant Refunds\"\n", "");
  CHECK(brief_findings(idea) == Lines{});
}

TEST_CASE("required-field: an empty key is reported at the key", "[ladder]") {
  CHECK(rule_findings(edited("review", "customer = \"Online shoppers who return items\"", "customer = \" \""),
                      "required-field") ==
        Lines{at(7, 1) + "error: 'customer' is empty (required from draft) [required-field]"});
}

TEST_CASE("required-field: idea needs title, status and owner", "[ladder]") {
  CHECK(brief_findings("+++\nowner = []\n+++\n") ==
        Lines{at(1, 1) + "error: 'status' is missing (required from idea) [required-field]",
              at(1, 1) + "error: 'title' is missing (required from idea) [required-field]",
              at(2, 1) + "error: 'owner' is empty (required from idea) [required-field]"});
}

TEST_CASE("required-field: prfaq.toml adds keys to a status", "[ladder]") {
  Config c = config_of("[required_fields]\nreview = [\"team\"]\n");
  CHECK(rule_findings(complete_brief("review"), "required-field", c) ==
        Lines{at(1, 1) + "error: 'team' is missing (required from review) [required-field]"});
  CHECK(rule_findings(complete_brief("draft"), "required-field", c) == Lines{});
}

TEST_CASE("press-release-missing: no section is reported where the body starts", "[ladder]") {
  std::string text = edited("draft", "## Press release\n", "## Background\n");
  CHECK(rule_findings(text, "press-release-missing") ==
        Lines{at(57, 1) + "error: no Press release section (## Press release) (required from draft) "
                          "[press-release-missing]"});
  CHECK(rule_findings(edited("idea", "## Press release\n", "## Background\n"), "press-release-missing") == Lines{});
}

TEST_CASE("press-release-missing: an empty section is reported at its heading", "[ladder]") {
  std::string text = idea_brief("## Press release\n\n<!-- to do -->\n\n---\n\n## Customer FAQ\n");
  text = replace(text, "\"idea\"", "\"draft\"");
  CHECK(rule_findings(text, "press-release-missing") ==
        Lines{at(6, 1) + "error: the Press release section is empty (required from draft) [press-release-missing]"});
}

TEST_CASE("faq-missing: a missing FAQ section is reported where the body starts", "[ladder]") {
  CHECK(rule_findings(edited("draft", kCustomerFaq, ""), "faq-missing") ==
        Lines{at(57, 1) + "error: no Customer FAQ section (## Customer FAQ) (required from draft) [faq-missing]"});
  CHECK(rule_findings(edited("idea", kCustomerFaq, ""), "faq-missing") == Lines{});
}

TEST_CASE("faq-missing: a FAQ section with no question is reported at its heading", "[ladder]") {
  std::string text = edited("draft", kCustomerFaq, "## Customer FAQ\n\nIt is free.\n\n");
  CHECK(rule_findings(text, "faq-missing") ==
        Lines{at(66, 1) + "error: the Customer FAQ has no question (required from draft) [faq-missing]"});
}

TEST_CASE("faq-unanswered: an error from draft, absent at idea", "[ladder]") {
  std::string_view answer = "Instant Refunds is free for shoppers.\n";
  CHECK(rule_findings(edited("draft", answer, ""), "faq-unanswered") ==
        Lines{at(68, 1) + "error: question has no answer: \"How much does it cost?\" [faq-unanswered]"});
  CHECK(rule_findings(edited("launched", answer, ""), "faq-unanswered").size() == 1);
  CHECK(brief_findings(edited("idea", answer, "")) == Lines{});
}

TEST_CASE("journey-steps: fewer than 3 steps from review, at the first step", "[ladder]") {
  CHECK(rule_findings(edited("review", kThirdStep, ""), "journey-steps") ==
        Lines{at(10, 1) + "error: the user journey has 2 steps; it needs at least 3 [[journey]] steps "
                          "(required from review) [journey-steps]"});
  CHECK(rule_findings(edited("draft", kThirdStep, ""), "journey-steps") == Lines{});
}

TEST_CASE("journey-steps: no journey at all is reported at 1:1", "[ladder]") {
  std::string text = idea_brief("");
  text = replace(text, "\"idea\"", "\"review\"");
  CHECK(rule_findings(text, "journey-steps") ==
        Lines{at(1, 1) + "error: the user journey has 0 steps; it needs at least 3 [[journey]] steps "
                         "(required from review) [journey-steps]"});
}

TEST_CASE("journey-steps: the minimum comes from prfaq.toml", "[ladder]") {
  Config c = config_of("[rules]\njourney-steps = { min_steps = 4 }\n");
  CHECK(rule_findings(complete_brief("review"), "journey-steps", c) ==
        Lines{at(10, 1) + "error: the user journey has 3 steps; it needs at least 4 [[journey]] steps "
                          "(required from review) [journey-steps]"});
}

TEST_CASE("a ladder rule made an error below its status says prfaq.toml requires it", "[ladder]") {
  Config c = config_of("[status.idea.rules]\njourney-steps = \"error\"\n");
  CHECK(rule_findings(idea_brief(""), "journey-steps", c) ==
        Lines{at(1, 1) + "error: the user journey has 0 steps; it needs at least 3 [[journey]] steps "
                         "(required at idea by prfaq.toml) [journey-steps]"});
  CHECK(rule_findings(edited("review", kThirdStep, ""), "journey-steps", c) ==
        Lines{at(10, 1) + "error: the user journey has 2 steps; it needs at least 3 [[journey]] steps "
                          "(required from review) [journey-steps]"});
}

TEST_CASE("journey-aha: no aha step, at the first step", "[ladder]") {
  CHECK(rule_findings(edited("review", "aha = true\n", ""), "journey-aha") ==
        Lines{at(10, 1) + "error: no journey step is the aha moment: mark exactly one with aha = true (required "
                          "from review) [journey-aha]"});
  CHECK(rule_findings(edited("draft", "aha = true\n", ""), "journey-aha") == Lines{});
}

TEST_CASE("journey-aha: two aha steps, at the second one's [[journey]] line", "[ladder]") {
  std::string text = edited("review", "detail = \"The shopper leaves the parcel at the shop\"\n",
                            "detail = \"The shopper leaves the parcel at the shop\"\naha = true\n");
  CHECK(rule_findings(text, "journey-aha") ==
        Lines{at(19, 1) + "error: 2 journey steps are marked aha = true; mark exactly one (required from review) "
                          "[journey-aha]"});
  CHECK(rule_findings(edited("review", "aha = true", "aha = false"), "journey-aha").size() == 1);
}

TEST_CASE("metric-missing: no metric from review, at 1:1", "[ladder]") {
  std::string_view metric =
      "[[metric]]\nname = \"Refund time\"\nkind = \"quality\"\ndirection = \"down\"\nunit = \"hours\"\n"
      "baseline = 120\ntarget = 1\nby = 2020-09-30\nactuals = [{ date = 2020-07-15, value = 2 }]\n";
  CHECK(rule_findings(edited("review", metric, ""), "metric-missing") ==
        Lines{at(1, 1) + "error: no success metric ([[metric]] with baseline, target and by) (required from "
                         "review) [metric-missing]"});
  CHECK(rule_findings(edited("draft", metric, ""), "metric-missing") == Lines{});
}

TEST_CASE("metric-target: a metric lacking by, at its [[metric]] line", "[ladder]") {
  CHECK(rule_findings(edited("review", "by = 2020-09-30\n", ""), "metric-target") ==
        Lines{at(23, 1) + "error: metric 'Refund time' lacks by (required from review) [metric-target]"});
  CHECK(rule_findings(edited("draft", "by = 2020-09-30\n", ""), "metric-target") == Lines{});
}

TEST_CASE("metric-target: a metric lacking all three lists them", "[ladder]") {
  std::string text = edited("review", "baseline = 120\ntarget = 1\nby = 2020-09-30\n", "");
  text = replace(text, "name = \"Refund time\"\n", "");
  CHECK(rule_findings(text, "metric-target") ==
        Lines{at(23, 1) + "error: a metric lacks baseline, target and by (required from review) [metric-target]"});
}

TEST_CASE("metric-target: a target equal to the baseline, at the target", "[ladder]") {
  CHECK(rule_findings(edited("review", "target = 1\n", "target = 120.0\n"), "metric-target") ==
        Lines{at(29, 10) + "error: metric 'Refund time': the target equals the baseline, so it measures no change "
                           "[metric-target]"});
}

TEST_CASE("launch-missing: from review, at 1:1", "[ladder]") {
  CHECK(rule_findings(edited("review", "launch = 2020-06-30\n", ""), "launch-missing") ==
        Lines{at(1, 1) + "error: 'launch' is missing: the date the press release imagines, e.g. launch = 2027-06-30 "
                         "(required from review) [launch-missing]"});
  CHECK(rule_findings(edited("draft", "launch = 2020-06-30\n", ""), "launch-missing") == Lines{});
}

TEST_CASE("launch-missing: a mistyped launch is reported only as key-type", "[ladder]") {
  CHECK(brief_findings(edited("review", "launch = 2020-06-30", "launch = \"2020-06-30\"")) ==
        Lines{at(8, 10) + "error: 'launch' must be a TOML date such as 2027-06-30, without quotes, not a string "
                          "[key-type]"});
}

TEST_CASE("review-missing: a required role without a review, from review", "[ladder]") {
  std::string text = edited("review", "role = \"design\"", "role = \"legal\"");
  CHECK(rule_findings(text, "review-missing") ==
        Lines{at(1, 1) + "error: no [[review]] for required role 'design' (required from review) [review-missing]"});
  CHECK(rule_findings(edited("draft", "role = \"design\"", "role = \"legal\""), "review-missing") == Lines{});
}

TEST_CASE("review-missing: the required roles come from prfaq.toml", "[ladder]") {
  Config c = config_of("[review]\nrequired_roles = [\"engineering\", \"legal\"]\n");
  CHECK(rule_findings(complete_brief("review"), "review-missing", c) ==
        Lines{at(1, 1) + "error: no [[review]] for required role 'legal' (required from review) [review-missing]"});
  Config none = config_of("[review]\nrequired_roles = []\n");
  CHECK(brief_findings(edited("approved", "role = \"design\"", "role = \"legal\""), none) == Lines{});
}

TEST_CASE("review-not-approved: a pending verdict, at the verdict, from approved", "[ladder]") {
  std::string_view design = "role = \"design\"\nverdict = \"approved\"";
  CHECK(rule_findings(edited("approved", design, "role = \"design\"\nverdict = \"pending\""), "review-not-approved") ==
        Lines{at(48, 11) + "error: the latest design review is 'pending', not 'approved' (required from approved) "
                           "[review-not-approved]"});
  CHECK(rule_findings(edited("review", design, "role = \"design\"\nverdict = \"pending\""), "review-not-approved") ==
        Lines{});
}

TEST_CASE("review-not-approved: a review with no verdict, at its [[review]] line", "[ladder]") {
  CHECK(rule_findings(edited("approved", "role = \"design\"\nverdict = \"approved\"\n", "role = \"design\"\n"),
                      "review-not-approved") ==
        Lines{at(45, 1) + "error: the latest design review has no verdict, not 'approved' (required from approved) "
                          "[review-not-approved]"});
}

TEST_CASE("review-not-approved: a role with no review at all, at 1:1", "[ladder]") {
  CHECK(rule_findings(edited("approved", "role = \"design\"", "role = \"legal\""), "review-not-approved") ==
        Lines{at(1, 1) + "error: required role 'design' has not approved (required from approved) "
                         "[review-not-approved]"});
}

TEST_CASE("review-not-approved: the latest review by date counts", "[ladder]") {
  std::string_view close = "date = 2020-01-12\n+++\n";
  std::string pending_later = edited("approved", close,
                                     "date = 2020-01-12\n\n[[review]]\nrole = \"design\"\nverdict = \"pending\"\n"
                                     "date = 2020-02-01\n+++\n");
  CHECK(rule_findings(pending_later, "review-not-approved") ==
        Lines{at(59, 11) + "error: the latest design review is 'pending', not 'approved' (required from approved) "
                           "[review-not-approved]"});
  std::string pending_earlier = edited("approved", close,
                                       "date = 2020-01-12\n\n[[review]]\nrole = \"design\"\nverdict = \"pending\"\n"
                                       "date = 2019-12-01\n+++\n");
  CHECK(rule_findings(pending_earlier, "review-not-approved") == Lines{});
}

TEST_CASE("review-not-approved: on the same date the later entry counts", "[ladder]") {
  std::string_view close = "date = 2020-01-12\n+++\n";
  std::string same_day = edited("approved", close,
                                "date = 2020-01-12\n\n[[review]]\nrole = \"design\"\nverdict = \"changes-requested\"\n"
                                "date = 2020-01-11\n+++\n");
  CHECK(rule_findings(same_day, "review-not-approved") ==
        Lines{at(59, 11) + "error: the latest design review is 'changes-requested', not 'approved' (required from "
                           "approved) [review-not-approved]"});
}

TEST_CASE("business-incomplete: no [business], at 1:1, from approved", "[ladder]") {
  std::string_view business = "[business]\nheadcount = 4\nmonths = 6\ncost = 480000\ncurrency = \"USD\"\n";
  CHECK(rule_findings(edited("approved", business, ""), "business-incomplete") ==
        Lines{at(1, 1) + "error: no [business] case (headcount, months, and cost or revenue) (required from "
                         "approved) [business-incomplete]"});
  CHECK(rule_findings(edited("review", business, ""), "business-incomplete") == Lines{});
}

TEST_CASE("business-incomplete: missing parts, at the [business] line", "[ladder]") {
  CHECK(rule_findings(edited("approved", "months = 6\ncost = 480000\n", ""), "business-incomplete") ==
        Lines{at(33, 1) + "error: [business] lacks months and cost or revenue (required from approved) "
                          "[business-incomplete]"});
  CHECK(rule_findings(edited("approved", "cost = 480000", "revenue = 2500000"), "business-incomplete") == Lines{});
}

TEST_CASE("launch-future: a launched brief with a launch date in the future", "[ladder]") {
  CHECK(rule_findings(edited("launched", "launch = 2020-06-30", "launch = 2999-01-01"), "launch-future") ==
        Lines{at(8, 10) + "error: launch 2999-01-01 is in the future; a launched brief has launched (required from launched) [launch-future]"});
  CHECK(rule_findings(edited("approved", "launch = 2020-06-30", "launch = 2999-01-01"), "launch-future") == Lines{});
}

TEST_CASE("launch-future: today is not the future (PRFAQ_TODAY)", "[ladder]") {
  ::setenv("PRFAQ_TODAY", "2027-03-01", 1);
  auto today = rule_findings(edited("launched", "launch = 2020-06-30", "launch = 2027-03-01"), "launch-future");
  auto tomorrow = rule_findings(edited("launched", "launch = 2020-06-30", "launch = 2027-03-02"), "launch-future");
  ::unsetenv("PRFAQ_TODAY");
  CHECK(today == Lines{});
  CHECK(tomorrow == Lines{at(8, 10) + "error: launch 2027-03-02 is in the future; a launched brief has launched "
                                      "(required from launched) [launch-future]"});
}

TEST_CASE("metric-actuals: a launched brief's metric with no actual, at its [[metric]] line", "[ladder]") {
  std::string_view actuals = "actuals = [{ date = 2020-07-15, value = 2 }]\n";
  CHECK(rule_findings(edited("launched", actuals, ""), "metric-actuals") ==
        Lines{at(23, 1) + "error: metric 'Refund time' has no actuals: add actuals = [{ date = ..., value = ... }] "
                          "(required from launched) [metric-actuals]"});
  CHECK(rule_findings(edited("approved", actuals, ""), "metric-actuals") == Lines{});
}

TEST_CASE("shelved-reason: a shelved brief with no reason, at 1:1", "[ladder]") {
  std::string_view reason = "reason = \"The card networks said no\"\n";
  CHECK(brief_findings(edited("shelved", reason, "")) ==
        Lines{at(1, 1) + "error: 'reason' is missing: why it was shelved (required from shelved) [shelved-reason]"});
  CHECK(brief_findings(edited("launched", reason, "")) == Lines{});
}

TEST_CASE("shelved-reason: an empty reason is reported at the key", "[ladder]") {
  CHECK(rule_findings(edited("shelved", "reason = \"The card networks said no\"", "reason = \"\""), "shelved-reason") ==
        Lines{at(9, 1) + "error: 'reason' is empty: why it was shelved (required from shelved) [shelved-reason]"});
}

TEST_CASE("an empty status is reported once, as required-field", "[ladder]") {
  CHECK(brief_findings(edited("idea", "status = \"idea\"", "status = \"\"")) ==
        Lines{at(5, 1) + "error: 'status' is empty (required from idea) [required-field]"});
  CHECK(brief_findings(edited("idea", "status = \"idea\"", "status = \"  \"")) ==
        Lines{at(5, 1) + "error: 'status' is empty (required from idea) [required-field]"});
}

TEST_CASE("a shelved brief needs only idea's bar", "[ladder]") {
  std::string text = idea_brief("");
  text = replace(text, "\"idea\"", "\"shelved\"\nreason = \"No budget\"");
  CHECK(brief_findings(text) == Lines{});
}

TEST_CASE("a brief with no status is held to idea's bar", "[ladder]") {
  CHECK(brief_findings("+++\ntitle = \"T\"\nowner = \"o\"\n+++\n") ==
        Lines{at(1, 1) + "error: 'status' is missing (required from idea) [required-field]"});
}

TEST_CASE("a brief with an unknown status is held to idea's bar", "[ladder]") {
  CHECK(brief_findings("+++\ntitle = \"T\"\nstatus = \"done\"\nowner = \"o\"\n+++\n") ==
        Lines{at(3, 10) + "error: 'status' is \"done\", not one of: idea, draft, review, approved, launched, shelved "
                          "[key-enum]"});
}

TEST_CASE("metric-target and journey-aha leave keys of the wrong type to key-type", "[ladder]") {
  std::string text = edited("review", "baseline = 120\ntarget = 1\nby = 2020-09-30", "baseline = \"120\"\ntarget = 1\nby = \"2020-09-30\"");
  CHECK(brief_findings(text) ==
        Lines{at(28, 12) + "error: 'metric.baseline' must be a number, not a string [key-type]",
              at(30, 6) + "error: 'metric.by' must be a TOML date such as 2027-06-30, without quotes, not a string "
                          "[key-type]"});
  CHECK(rule_findings(edited("review", "baseline = 120\n", ""), "metric-target") ==
        Lines{at(23, 1) + "error: metric 'Refund time' lacks baseline (required from review) [metric-target]"});
  CHECK(brief_findings(edited("review", "aha = true", "aha = \"yes\"")) ==
        Lines{at(21, 7) + "error: 'journey.aha' must be a boolean (true or false), not a string [key-type]"});
  // They hold the brief below review all the same.
  Config c = default_config();
  CHECK(check_files({{std::string(kPath), text}}, c).briefs[0].readiness == Status::draft);
  CHECK(check_files({{std::string(kPath), edited("review", "aha = true", "aha = \"yes\"")}}, c).briefs[0].readiness ==
        Status::draft);
}

TEST_CASE("business-incomplete and metric-actuals leave keys of the wrong type to key-type", "[ladder]") {
  std::string headcount = edited("launched", "headcount = 4\n", "headcount = \"4\"\n");
  CHECK(brief_findings(headcount) ==
        Lines{at(34, 13) + "error: 'business.headcount' must be a number, not a string [key-type]"});
  std::string cost = edited("launched", "cost = 480000\n", "cost = \"480000\"\n");
  CHECK(brief_findings(cost) == Lines{at(36, 8) + "error: 'business.cost' must be a number, not a string [key-type]"});
  std::string business = replace(
      edited("launched", "[business]\nheadcount = 4\nmonths = 6\ncost = 480000\ncurrency = \"USD\"\n", ""),
      "reason = \"The card networks said no\"\n", "reason = \"The card networks said no\"\nbusiness = \"big\"\n");
  CHECK(brief_findings(business) ==
        Lines{at(10, 12) + "error: 'business' must be a table ([business]), not a string [key-type]"});
  std::string actual = edited("launched", "value = 2 }", "value = nan }");
  CHECK(brief_findings(actual) ==
        Lines{at(31, 41) + "error: 'metric.actuals.value' must be a finite number, not nan [key-type]"});
  // Still missing parts are reported, and the wrong types hold the brief below the status that needs them.
  CHECK(rule_findings(edited("approved", "headcount = 4\nmonths = 6\n", "headcount = \"4\"\n"), "business-incomplete") ==
        Lines{at(33, 1) + "error: [business] lacks months (required from approved) [business-incomplete]"});
  Config c = default_config();
  for (const auto& text : {headcount, cost, business})
    CHECK(check_files({{std::string(kPath), text}}, c).briefs[0].readiness == Status::review);
  CHECK(check_files({{std::string(kPath), edited("launched", "cost = 480000\n", "cost = \"480000\"\nrevenue = 1\n")}}, c)
            .briefs[0].readiness == Status::launched);
  CHECK(check_files({{std::string(kPath), actual}}, c).briefs[0].readiness == Status::approved);
}
