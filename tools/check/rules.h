#pragma once
// The per-brief rules, grouped by concern. Each group emits raw findings
// (rule id, position, message and, for ladder rules, the status that first
// requires it); the checker then gives each its severity for the brief's
// status and drops what is off or suppressed.
#include "check/finding.h"
#include "check/word_matcher.h"
#include "config/config.h"
#include "load/brief.h"

namespace prfaq {

// What the rules share for one run: the config and its compiled word lists.
struct CheckContext {
  explicit CheckContext(const Config& c);
  const Config& config;
  WordMatcher weasel, hype, comparatives, placeholders;
  WordMatcher style_shapes;  // quick pre-test for weasel, hype and comparatives at once
  std::vector<WordMatcher> topics;  // faq-coverage, one per config topic
  Date today;
};

void check_fields(const Brief& b, const CheckContext& ctx, Emitter& emit);       // required-field, shelved-reason
void check_body(const Brief& b, const CheckContext& ctx, Emitter& emit);         // press release, FAQs
void check_journey(const Brief& b, const CheckContext& ctx, Emitter& emit);      // journey-steps, journey-aha
void check_metrics(const Brief& b, const CheckContext& ctx, Emitter& emit);      // metric-*, launch-*
void check_reviews(const Brief& b, const CheckContext& ctx, Emitter& emit);      // review-*, business-incomplete
void check_placeholders(const Brief& b, const CheckContext& ctx, Emitter& emit); // placeholder
void check_style(const Brief& b, const CheckContext& ctx, Emitter& emit);        // the writing-style warnings

}  // namespace prfaq
