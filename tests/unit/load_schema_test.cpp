// load/schema.cpp: the typed front matter, key-type, key-enum and
// unknown-key, each at the value's (or the unknown key's) position.
#include "support.h"

using namespace prfaq;
using namespace prfaq::test;

using Lines = std::vector<std::string>;

namespace {

// An idea brief with `extra` front-matter lines from line 5 on.
std::string with_keys(std::string_view extra) {
  return "+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n" + std::string(extra) + "+++\n";
}

}  // namespace

TEST_CASE("key-type: status = 3, and status is not also reported missing", "[schema]") {
  CHECK(brief_findings("+++\ntitle = \"T\"\nstatus = 3\nowner = \"o\"\n+++\n") ==
        Lines{at(3, 10) + "error: 'status' must be a string, not an integer [key-type]"});
}

TEST_CASE("key-type: owner = {}, and owner is not also reported missing", "[schema]") {
  CHECK(brief_findings("+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = {}\n+++\n") ==
        Lines{at(4, 9) + "error: 'owner' must be a string or an array of strings, not a table [key-type]"});
}

TEST_CASE("key-type: an owner list item that is no string is reported once", "[schema]") {
  CHECK(brief_findings("+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = [1]\n+++\n") ==
        Lines{at(4, 10) + "error: 'owner item' must be a string, not an integer [key-type]"});
}

TEST_CASE("key-type: launch as a string asks for a TOML date", "[schema]") {
  CHECK(brief_findings(with_keys("launch = \"2027-01-01\"\n")) ==
        Lines{at(5, 10) + "error: 'launch' must be a TOML date such as 2027-06-30, without quotes, not a string "
                          "[key-type]"});
}

TEST_CASE("front-matter columns count code points, as the body's do", "[schema]") {
  CHECK(brief_findings(with_keys("tags = [\"\xC3\xA9\xC3\xA9\", 3]\n")) ==
        Lines{at(5, 15) + "error: 'tags item' must be a string, not an integer [key-type]"});
}

TEST_CASE("a TOML date or date-time is a date", "[schema]") {
  CHECK(brief_findings(with_keys("launch = 2027-01-01\n")) == Lines{});
  Brief b = load(with_keys("launch = 2027-01-02T10:00:00Z\n"));
  REQUIRE(b.fm.launch);
  CHECK(b.fm.launch->value == Date{2027, 1, 2});
  CHECK(b.fm.launch->pos == Position{5, 10});
}

TEST_CASE("key-type: strings, lists and tables of the wrong type", "[schema]") {
  CHECK(brief_findings(with_keys("tags = \"x\"\nrelated = [1]\nteam = [\"a\"]\n")) ==
        Lines{at(5, 8) + "error: 'tags' must be an array of strings, not a string [key-type]",
              at(6, 12) + "error: 'related item' must be a string, not an integer [key-type]",
              at(7, 8) + "error: 'team' must be a string, not an array [key-type]"});
  CHECK(brief_findings(with_keys("[journey]\nstep = \"a\"\n")) ==
        Lines{at(5, 1) + "error: 'journey' must be an array of tables ([[journey]]), not a table [key-type]"});
  CHECK(brief_findings(with_keys("business = 3\n")) ==
        Lines{at(5, 12) + "error: 'business' must be a table ([business]), not an integer [key-type]"});
}

TEST_CASE("key-type: values inside tables", "[schema]") {
  CHECK(brief_findings(with_keys("[[journey]]\nstep = \"s\"\naha = \"yes\"\n")) ==
        Lines{at(7, 7) + "error: 'journey.aha' must be a boolean (true or false), not a string [key-type]"});
  CHECK(brief_findings(with_keys("[[metric]]\nbaseline = \"1\"\nby = \"2027-01-01\"\n")) ==
        Lines{at(6, 12) + "error: 'metric.baseline' must be a number, not a string [key-type]",
              at(7, 6) + "error: 'metric.by' must be a TOML date such as 2027-06-30, without quotes, not a string "
                         "[key-type]"});
  CHECK(brief_findings(with_keys("[[review]]\ndate = \"2020-01-01\"\n")) ==
        Lines{at(6, 8) + "error: 'review.date' must be a TOML date such as 2027-06-30, without quotes, not a string "
                         "[key-type]"});
  CHECK(brief_findings(with_keys("[business]\ncost = \"1\"\n")) ==
        Lines{at(6, 8) + "error: 'business.cost' must be a number, not a string [key-type]"});
}

TEST_CASE("key-type: an actual's date or value of the wrong type is reported once", "[schema]") {
  CHECK(brief_findings(with_keys("[[metric]]\nactuals = [{ date = \"2027-01-01\", value = 1 }]\n")) ==
        Lines{at(6, 21) + "error: 'metric.actuals.date' must be a TOML date such as 2027-06-30, without quotes, not a "
                          "string [key-type]"});
  CHECK(brief_findings(with_keys("[[metric]]\nactuals = [{ date = 2027-01-01, value = inf }]\n")) ==
        Lines{at(6, 41) + "error: 'metric.actuals.value' must be a finite number, not inf [key-type]"});
  CHECK(brief_findings(with_keys("[[metric]]\nactuals = [{ date = \"2027-01-01\" }]\n")) ==
        Lines{at(6, 12) + "error: an actual needs a date and a value: { date = 2027-07-15, value = 0.02 } [key-type]",
              at(6, 21) + "error: 'metric.actuals.date' must be a TOML date such as 2027-06-30, without quotes, not a "
                          "string [key-type]"});
}

TEST_CASE("key-type: an actual without a value", "[schema]") {
  CHECK(brief_findings(with_keys("[[metric]]\nactuals = [{ date = 2027-01-01 }]\n")) ==
        Lines{at(6, 12) + "error: an actual needs a date and a value: { date = 2027-07-15, value = 0.02 } [key-type]"});
}

TEST_CASE("numbers may be integers or floats", "[schema]") {
  Brief b = load(with_keys("[[metric]]\nbaseline = 120\ntarget = 0.5\n"));
  CHECK(b.findings.empty());
  REQUIRE(b.fm.metrics.size() == 1);
  CHECK(b.fm.metrics[0].baseline->value == 120);
  CHECK(b.fm.metrics[0].target->value == 0.5);
  CHECK(b.fm.metrics[0].pos == Position{5, 1});
}

TEST_CASE("key-enum: status, with did you mean", "[schema]") {
  CHECK(brief_findings("+++\ntitle = \"T\"\nstatus = \"drafted\"\nowner = \"o\"\n+++\n") ==
        Lines{at(3, 10) + "error: 'status' is \"drafted\", not one of: idea, draft, review, approved, launched, "
                          "shelved (did you mean 'draft'?) [key-enum]"});
}

TEST_CASE("every status is a known status", "[schema]") {
  for (auto status : {"idea", "draft", "review", "approved", "launched", "shelved"}) {
    INFO(status);
    Brief b = load("+++\ntitle = \"T\"\nstatus = \"" + std::string(status) + "\"\nowner = \"o\"\n+++\n");
    CHECK(b.findings.empty());
    REQUIRE(b.fm.status);
    CHECK(to_string(*b.fm.status) == status);
  }
}

TEST_CASE("key-enum: metric kind and direction", "[schema]") {
  CHECK(brief_findings(with_keys("[[metric]]\nkind = \"revenu\"\ndirection = \"upward\"\n")) ==
        Lines{at(6, 8) + "error: 'metric.kind' is \"revenu\", not one of: activation, adoption, retention, "
                         "engagement, revenue, cost, quality, other (did you mean 'revenue'?) [key-enum]",
              at(7, 13) + "error: 'metric.direction' is \"upward\", not one of: up, down [key-enum]"});
  CHECK(brief_findings(with_keys("[[metric]]\nkind = \"revenue\"\ndirection = \"down\"\n")) == Lines{});
}

TEST_CASE("key-enum: review verdict and role", "[schema]") {
  CHECK(brief_findings(with_keys("[[review]]\nrole = \"enginering\"\nverdict = \"ok\"\n")) ==
        Lines{at(6, 8) + "error: 'review.role' is \"enginering\", not one of: engineering, design, marketing, "
                         "product, legal, finance, security, operations, support, leadership, sales, data (did you "
                         "mean 'engineering'?) (roles are set in prfaq.toml [review] roles) [key-enum]",
              at(7, 11) + "error: 'review.verdict' is \"ok\", not one of: approved, changes-requested, pending "
                          "[key-enum]"});
  CHECK(brief_findings(with_keys("[[review]]\nrole = \"legal\"\nverdict = \"changes-requested\"\n")) == Lines{});
}

TEST_CASE("key-enum: the roles listed include the required roles that roles leaves out", "[schema]") {
  Config c = config_of("[review]\nroles = [\"qa\"]\nrequired_roles = [\"security-review\", \"qa\"]\n");
  CHECK(brief_findings(with_keys("[[review]]\nrole = \"security-reviw\"\n"), c) ==
        Lines{at(6, 8) + "error: 'review.role' is \"security-reviw\", not one of: qa, security-review (did you mean "
                         "'security-review'?) (roles are set in prfaq.toml [review] roles) [key-enum]"});
}

TEST_CASE("a role from prfaq.toml is a known role", "[schema]") {
  Config c = config_of("[review]\nroles = [\"qa\"]\n");
  CHECK(brief_findings(with_keys("[[review]]\nrole = \"qa\"\n"), c) == Lines{});
  CHECK(brief_findings(with_keys("[[review]]\nrole = \"engineering\"\n"), c) == Lines{});  // required
  CHECK(with_rule(brief_findings(with_keys("[[review]]\nrole = \"legal\"\n"), c), "key-enum").size() == 1);
}

TEST_CASE("unknown-key: a top-level typo, with did you mean", "[schema]") {
  CHECK(brief_findings(with_keys("titel = \"x\"\n")) ==
        Lines{at(5, 1) + "warning: unknown key 'titel' (did you mean 'title'?) [unknown-key]"});
}

TEST_CASE("unknown-key: a key far from every known key has no suggestion", "[schema]") {
  CHECK(brief_findings(with_keys("[business]\nprice = 3\n")) ==
        Lines{at(6, 1) + "warning: unknown key 'business.price' [unknown-key]"});
}

TEST_CASE("unknown-key: keys inside tables name their table", "[schema]") {
  CHECK(brief_findings(with_keys("[[journey]]\nstpe = \"x\"\n[[metric]]\ntraget = 1\n"
                                 "actuals = [{ date = 2027-01-01, value = 1, vale = 2 }]\n[[review]]\nverdit = \"x\"\n")) ==
        Lines{at(6, 1) + "warning: unknown key 'journey.stpe' (did you mean 'step'?) [unknown-key]",
              at(8, 1) + "warning: unknown key 'metric.traget' (did you mean 'target'?) [unknown-key]",
              at(9, 44) + "warning: unknown key 'metric.actuals.vale' (did you mean 'value'?) [unknown-key]",
              at(11, 1) + "warning: unknown key 'review.verdit' (did you mean 'verdict'?) [unknown-key]"});
}

TEST_CASE("every key of the format is known", "[schema]") {
  CHECK(brief_findings(complete_brief("idea")) == Lines{});
  Brief b = load(complete_brief("launched"));
  CHECK(b.findings.empty());
  CHECK(b.fm.journey.size() == 3);
  CHECK(b.fm.journey[0].pos == Position{10, 1});
  CHECK(b.fm.journey[2].aha);
  REQUIRE(b.fm.metrics.size() == 1);
  CHECK(b.fm.metrics[0].actuals.size() == 1);
  CHECK(b.fm.business.present);
  CHECK(b.fm.business.pos == Position{33, 1});
  REQUIRE(b.fm.reviews.size() == 3);
  CHECK(b.fm.reviews[1].pos == Position{45, 1});
  CHECK(b.fm.reviews[1].date == Date{2020, 1, 11});
  CHECK(b.fm.owner == std::vector<std::string>{"jane@acme.example"});
  CHECK(b.fm.key_pos.at("launch") == Position{8, 1});
}

TEST_CASE("key-type: nan and inf are no numbers for a metric or the business case", "[schema]") {
  CHECK(brief_findings(with_keys("[[metric]]\nname = \"m\"\nbaseline = nan\ntarget = -inf\n"
                                 "[business]\ncost = +inf\n")) ==
        Lines{at(7, 12) + "error: 'metric.baseline' must be a finite number, not nan [key-type]",
              at(8, 10) + "error: 'metric.target' must be a finite number, not inf [key-type]",
              at(10, 8) + "error: 'business.cost' must be a finite number, not inf [key-type]"});
  CHECK(brief_findings(with_keys("[[metric]]\nname = \"m\"\nbaseline = 1e300\ntarget = -0.5\n")) == Lines{});
}

TEST_CASE("unknown-key: a top-level key written below a table says so", "[schema]") {
  CHECK(brief_findings(with_keys("[[review]]\nrole = \"design\"\nreason = \"x\"\n[business]\nlaunch = 2027-01-01\n")) ==
        Lines{at(7, 1) + "warning: unknown key 'review.reason' ('reason' is a top-level key: move it above the first "
                         "[table] or [[table]] header) [unknown-key]",
              at(9, 1) + "warning: unknown key 'business.launch' ('launch' is a top-level key: move it above the first "
                         "[table] or [[table]] header) [unknown-key]"});
  // A key of the table that is also a top-level key's near miss keeps its suggestion.
  CHECK(brief_findings(with_keys("[[review]]\nnot = \"x\"\n")) ==
        Lines{at(6, 1) + "warning: unknown key 'review.not' (did you mean 'note'?) [unknown-key]"});
}
