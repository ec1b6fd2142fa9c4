// The readiness ladder (brief-format.md): what each status requires.
#include <algorithm>
#include <cctype>
#include <map>

#include "check/rules.h"
#include "util/join.h"

namespace prfaq {

namespace {

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

// Where a finding about something missing points: the key if it is there,
// else line 1 (the file as a whole).
Position key_or_top(const Brief& b, std::string_view key) {
  auto it = b.fm.key_pos.find(key);
  return it == b.fm.key_pos.end() ? Position{1, 1} : it->second;
}

std::string from_text(Status s) { return " (required from " + std::string(to_string(s)) + ")"; }

bool field_present(const FrontMatter& fm, const std::string& key) {
  if (key == "title") return !blank(fm.title.value);
  if (key == "headline") return !blank(fm.headline.value);
  if (key == "subheadline") return !blank(fm.subheadline.value);
  if (key == "status") return !blank(fm.status_text.value);
  if (key == "owner")
    return std::any_of(fm.owner.begin(), fm.owner.end(), [](const std::string& o) { return !blank(o); });
  if (key == "team") return !blank(fm.team.value);
  if (key == "customer") return !blank(fm.customer.value);
  if (key == "launch") return fm.launch.has_value();
  if (key == "tags") return !fm.tags.empty();
  if (key == "related") return !fm.related.empty();
  if (key == "reason") return !blank(fm.reason.value);
  return true;
}

}  // namespace

CheckContext::CheckContext(const Config& c)
    : config(c),
      weasel(c.weasel_words),
      hype(c.hype_words),
      comparatives(c.comparative_words),
      placeholders(c.placeholder_words),
      today(Date::today()) {
  for (const auto& t : c.coverage_topics) topics.emplace_back(t.words);
  for (const auto* m : {&weasel, &hype, &comparatives}) style_shapes.add_shapes(*m);
}

void check_fields(const Brief& b, const CheckContext& ctx, Emitter& emit) {
  for (const auto& [status, keys] : ctx.config.required_fields)
    for (const auto& key : keys)
      if (!field_present(b.fm, key) && !b.fm.is_mistyped(key))
        emit.add(key_or_top(b, key), "required-field",
                 "'" + key + "' is " + (b.fm.key_pos.count(key) ? "empty" : "missing") + from_text(status), status);
  if (auto from = ctx.config.ladder_status("shelved-reason"); from && blank(b.fm.reason.value))
    emit.add(key_or_top(b, "reason"), "shelved-reason",
             std::string("'reason' is ") + (b.fm.key_pos.count("reason") ? "empty" : "missing") +
                 ": why it was shelved" + from_text(*from),
             *from);
}

void check_body(const Brief& b, const CheckContext& ctx, Emitter& emit) {
  const Body& body = b.body;
  Position top{b.lines.line_of(b.body_offset), 1};
  if (auto from = ctx.config.ladder_status("press-release-missing")) {
    const Section* pr = body.find(SectionKind::press_release);
    if (!pr) {
      emit.add(top, "press-release-missing", "no Press release section (## Press release)" + from_text(*from), *from);
    } else {
      bool text = false;
      for (std::size_t i = pr->begin; i < pr->end && !text; ++i)
        text = body.blocks[i].kind != BlockKind::heading && body.blocks[i].kind != BlockKind::thematic_break &&
               body.blocks[i].kind != BlockKind::html && !body.blocks[i].text.empty();
      if (!text) emit.add(pr->pos, "press-release-missing", "the Press release section is empty" + from_text(*from), *from);
    }
  }
  if (auto from = ctx.config.ladder_status("faq-missing")) {
    for (auto [kind, name] : {std::pair{SectionKind::customer_faq, "Customer FAQ"},
                              std::pair{SectionKind::internal_faq, "Internal FAQ"}}) {
      const Section* s = body.find(kind);
      if (!s) {
        emit.add(top, "faq-missing", std::string("no ") + name + " section (## " + name + ")" + from_text(*from), *from);
        continue;
      }
      bool any = false;
      for (const auto& sec : body.sections) any = any || (sec.kind == kind && !sec.questions.empty());
      if (!any)
        emit.add(s->pos, "faq-missing", std::string("the ") + name + " has no question" + from_text(*from), *from);
    }
  }
  if (auto from = ctx.config.ladder_status("faq-unanswered"))
    for (const auto& sec : body.sections)
      for (const auto& q : sec.questions)
        if (!q.answered) emit.add(q.pos, "faq-unanswered", "question has no answer: \"" + q.text + "\"", *from);
}

void check_journey(const Brief& b, const CheckContext& ctx, Emitter& emit) {
  const auto& journey = b.fm.journey;
  if (auto from = ctx.config.ladder_status("journey-steps");
      from && static_cast<int>(journey.size()) < ctx.config.journey_min_steps)
    emit.add(journey.empty() ? Position{1, 1} : journey.front().pos, "journey-steps",
             "the user journey has " + std::to_string(journey.size()) + " step" + (journey.size() == 1 ? "" : "s") +
                 "; it needs at least " + std::to_string(ctx.config.journey_min_steps) + " [[journey]] steps" +
                 from_text(*from),
             *from);
  // An aha of the wrong type (aha = "yes") is key-type's to report.
  if (auto from = ctx.config.ladder_status("journey-aha"); from && !journey.empty() && !b.fm.is_mistyped("journey.aha")) {
    std::vector<const JourneyStep*> aha;
    for (const auto& s : journey)
      if (s.aha) aha.push_back(&s);
    if (aha.empty())
      emit.add(journey.front().pos, "journey-aha",
               "no journey step is the aha moment: mark exactly one with aha = true" + from_text(*from), *from);
    else if (aha.size() > 1)
      emit.add(aha[1]->pos, "journey-aha",
               std::to_string(aha.size()) + " journey steps are marked aha = true; mark exactly one" + from_text(*from),
               *from);
  }
}

void check_metrics(const Brief& b, const CheckContext& ctx, Emitter& emit) {
  const Config& c = ctx.config;
  const auto& metrics = b.fm.metrics;
  if (auto from = c.ladder_status("metric-missing"); from && metrics.empty())
    emit.add({1, 1}, "metric-missing", "no success metric ([[metric]] with baseline, target and by)" + from_text(*from),
             *from);
  if (auto from = c.ladder_status("metric-target")) {
    for (const auto& m : metrics) {
      std::string name = m.name.value.empty() ? "a metric" : "metric '" + m.name.value + "'";
      std::vector<std::string> lacks;
      if (!m.baseline && !m.is_mistyped("baseline")) lacks.push_back("baseline");
      if (!m.target && !m.is_mistyped("target")) lacks.push_back("target");
      if (!m.by && !m.is_mistyped("by")) lacks.push_back("by");
      if (!lacks.empty()) {
        emit.add(m.pos, "metric-target", name + " lacks " + join_list(lacks) + from_text(*from), *from);
      } else if (m.baseline->value == m.target->value) {
        emit.add(m.target->pos, "metric-target", name + ": the target equals the baseline, so it measures no change",
                 *from);
      }
    }
  }
  if (auto from = c.ladder_status("launch-missing"); from && !b.fm.launch && !b.fm.is_mistyped("launch"))
    emit.add({1, 1}, "launch-missing",
             "'launch' is missing: the date the press release imagines, e.g. launch = 2027-06-30" + from_text(*from),
             *from);
  if (auto from = c.ladder_status("launch-future"); from && b.fm.launch && b.fm.launch->value > ctx.today)
    emit.add(b.fm.launch->pos, "launch-future",
             "launch " + b.fm.launch->value.str() + " is in the future; a launched brief has launched" +
                 from_text(*from),
             *from);
  if (auto from = c.ladder_status("metric-actuals"))
    for (const auto& m : metrics)
      if (m.actuals.empty() && !m.is_mistyped("actuals"))  // an actual of the wrong type is key-type's
        emit.add(m.pos, "metric-actuals",
                 (m.name.value.empty() ? std::string("a metric") : "metric '" + m.name.value + "'") +
                     " has no actuals: add actuals = [{ date = ..., value = ... }]" + from_text(*from),
                 *from);
}

void check_reviews(const Brief& b, const CheckContext& ctx, Emitter& emit) {
  const Config& c = ctx.config;
  const auto& reviews = b.fm.reviews;
  auto missing_from = c.ladder_status("review-missing");
  auto approved_from = c.ladder_status("review-not-approved");
  for (const auto& role : c.required_roles) {
    const Review* latest = nullptr;
    for (const auto& r : reviews) {
      if (r.role.value != role) continue;
      // Latest by date, then by position in the file; undated ranks first.
      if (!latest || r.date.value_or(Date{}) >= latest->date.value_or(Date{})) latest = &r;
    }
    if (!latest) {
      if (missing_from)
        emit.add({1, 1}, "review-missing", "no [[review]] for required role '" + role + "'" + from_text(*missing_from),
                 *missing_from);
      if (approved_from)
        emit.add({1, 1}, "review-not-approved", "required role '" + role + "' has not approved" + from_text(*approved_from),
                 *approved_from);
    } else if (approved_from && latest->verdict.value != "approved") {
      std::string says = latest->verdict.value.empty() ? "has no verdict"
                                                       : "is '" + latest->verdict.value + "'";
      emit.add(latest->verdict.value.empty() ? latest->pos : latest->verdict.pos, "review-not-approved",
               "the latest " + role + " review " + says + ", not 'approved'" + from_text(*approved_from),
               *approved_from);
    }
  }
  if (auto from = c.ladder_status("business-incomplete")) {
    const Business& biz = b.fm.business;
    // A part of the wrong type (headcount = "4") is key-type's to report.
    auto lacks_key = [&](const std::optional<double>& v, std::string_view key) {
      return !v && !b.fm.is_mistyped(key);
    };
    std::vector<std::string> lacks;
    if (lacks_key(biz.headcount, "business.headcount")) lacks.push_back("headcount");
    if (lacks_key(biz.months, "business.months")) lacks.push_back("months");
    if (lacks_key(biz.cost, "business.cost") && lacks_key(biz.revenue, "business.revenue"))
      lacks.push_back("cost or revenue");
    if (!biz.present) {
      if (!b.fm.is_mistyped("business"))
        emit.add({1, 1}, "business-incomplete",
                 "no [business] case (headcount, months, and cost or revenue)" + from_text(*from), *from);
    } else if (!lacks.empty())
      emit.add(biz.pos, "business-incomplete", "[business] lacks " + join_list(lacks) + from_text(*from), *from);
  }
}

}  // namespace prfaq
