#include "check/rule_table.h"

#include <array>

namespace prfaq {

namespace {

constexpr auto E = Severity::error;
constexpr auto W = Severity::warning;
constexpr auto F = RuleScope::file;
constexpr auto R = RuleScope::repository;
constexpr auto none = std::nullopt;

const std::array kRules = {
    RuleInfo{"front-matter-missing", E, none, F, "the file does not start with a +++ line"},
    RuleInfo{"front-matter-unterminated", E, none, F, "the front matter has no closing +++ line"},
    RuleInfo{"toml-syntax", E, none, F, "the front matter is not valid TOML (duplicate keys included)"},
    RuleInfo{"key-type", E, none, F, "a key has the wrong type (status = 3, owner = {}, a date as a string)"},
    RuleInfo{"key-enum", E, none, F, "a value is outside its set (status, kind, direction, verdict, role)"},
    RuleInfo{"unknown-key", W, none, F, "a key the schema does not know"},
    RuleInfo{"invalid-utf8", E, none, F, "the file is not UTF-8 (a BOM is allowed)"},
    RuleInfo{"nul-byte", E, none, F, "the file holds a NUL byte"},
    RuleInfo{"slug-malformed", E, none, F, "the file or bundle name is not a valid slug ([a-z0-9][a-z0-9-]*, at most 64)"},
    RuleInfo{"slug-collision", E, none, R, "two briefs share a slug, also case-insensitively"},
    RuleInfo{"related-unknown", E, none, R, "`related` names a slug that no brief has"},
    RuleInfo{"link-broken", E, none, R, "a relative link points at no file and no brief"},
    RuleInfo{"image-missing", E, none, R,
             "an image or a journey `screen` points at no file (or outside the repository)"},
    RuleInfo{"required-field", E, Status::idea, F, "a key the status requires is missing or empty"},
    RuleInfo{"press-release-missing", E, Status::draft, F, "no or an empty Press release section"},
    RuleInfo{"faq-missing", E, Status::draft, F, "a required FAQ section is missing or has no question"},
    RuleInfo{"faq-unanswered", E, Status::draft, F, "a question has no answer"},
    RuleInfo{"placeholder", E, Status::draft, F,
             "TODO, TBD, FIXME, XXX, lorem ipsum or a template bracket, in the body or a front-matter value"},
    RuleInfo{"journey-steps", E, Status::review, F, "fewer journey steps than the status requires"},
    RuleInfo{"journey-aha", E, Status::review, F, "not exactly one `aha` journey step"},
    RuleInfo{"metric-missing", E, Status::review, F, "no metric where the status requires one"},
    RuleInfo{"metric-target", E, Status::review, F,
             "a metric lacks baseline, target or by, or its target equals its baseline"},
    RuleInfo{"launch-missing", E, Status::review, F, "`launch` missing where the status requires it"},
    RuleInfo{"review-missing", E, Status::review, F, "a required role has no [[review]]"},
    RuleInfo{"review-not-approved", E, Status::approved, F,
             "a required role's latest review (by date, then position) is not approved"},
    RuleInfo{"business-incomplete", E, Status::approved, F, "[business] lacks what the status requires"},
    RuleInfo{"launch-future", E, Status::launched, F, "status launched with a launch date in the future"},
    RuleInfo{"metric-actuals", E, Status::launched, F, "a launched brief's metric has no actual"},
    RuleInfo{"shelved-reason", E, Status::shelved, F, "a shelved brief has no reason"},
    RuleInfo{"status-transition", E, none, RuleScope::hook,
             "the status moved in a way prfaq.toml does not allow (checked by the hooks)"},
    RuleInfo{"question-mark", W, none, F, "a question heading under a FAQ does not end in ?"},
    RuleInfo{"press-release-length", W, none, F, "the press release is longer than max_words"},
    RuleInfo{"faq-length", W, none, F, "the two FAQs together are longer than max_words"},
    RuleInfo{"headline-length", W, none, F, "the headline is longer than max_chars"},
    RuleInfo{"subheadline-sentence", W, none, F, "the subheadline is more than one sentence"},
    RuleInfo{"customer-quote", W, none, F, "the press release quotes no customer"},
    RuleInfo{"weasel-words", W, none, F, "a word from the weasel list: say the number instead"},
    RuleInfo{"hype", W, none, F, "a superlative, or a comparative in a sentence with no number"},
    RuleInfo{"sentence-length", W, none, F, "a sentence longer than max_words"},
    RuleInfo{"readability", W, none, F, "the press release's grade level is above max_grade"},
    RuleInfo{"faq-coverage", W, none, F, "the Internal FAQ asks none of the questions of one required topic"},
    RuleInfo{"metric-direction", W, none, F, "the target moves against the metric's direction"},
    RuleInfo{"suppression-unknown", W, none, F, "a prfaq-disable comment names a rule that does not exist"},
    RuleInfo{"file-too-large", E, none, F, "the file is larger than [limits] max_brief_bytes; nothing in it is read"},
    RuleInfo{"symlink-skipped", W, none, F,
             "a symbolic link under content/: prfaq follows none, so it is neither checked nor published"},
    RuleInfo{"submodule-skipped", W, none, F,
             "a submodule (or a nested repository) under content/: its files are neither checked nor published"},
    RuleInfo{"too-many-findings", W, none, F,
             "the file has more findings than [limits] max_findings_per_file; the rest are not shown"},
};

}  // namespace

std::span<const RuleInfo> all_rules() { return kRules; }

const RuleInfo* find_rule(std::string_view id) {
  for (const auto& r : kRules)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace prfaq
