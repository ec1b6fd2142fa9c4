#include <algorithm>

#include "site/pages.h"

namespace prfaq {

namespace {

constexpr std::string_view kVerdicts[] = {"approved", "changes-requested", "pending"};

std::string verdict_label(std::string_view v) {
  if (v == "approved") return "Approved";
  if (v == "changes-requested") return "Changes requested";
  if (v == "pending") return "Pending";
  return std::string(v);
}

// One row per role: the required roles first (in configured order), then any
// other role reviewed; each with its latest review (by date, then position
// in the file, as the readiness rule reads it).
Data sign_off_rows(const BriefView& v, const Config& config) {
  std::vector<std::string> roles = config.required_roles;
  for (const auto& r : v.reviews)
    if (!r.role.empty() && std::find(roles.begin(), roles.end(), r.role) == roles.end()) roles.push_back(r.role);
  Data rows = list_data();
  for (const auto& role : roles) {
    const ViewReview* latest = nullptr;
    for (const auto& r : v.reviews)
      if (r.role == role && (!latest || r.date >= latest->date)) latest = &r;
    Data row = object_data();
    text(row, "role", role);
    row["required"] = Data(std::find(config.required_roles.begin(), config.required_roles.end(), role) !=
                           config.required_roles.end());
    std::string verdict = latest ? latest->verdict : "missing";
    text(row, "verdict", verdict.empty() ? "pending" : verdict);
    Data cells = list_data();
    for (auto known : kVerdicts) {
      Data cell = object_data();
      cell["on"] = Data(latest && (latest->verdict == known || (latest->verdict.empty() && known == "pending")));
      text(cell, "label", verdict_label(known));
      append(cells, std::move(cell));
    }
    set(row, "cells", std::move(cells));
    text(row, "who", latest ? latest->who : "no review yet");
    text(row, "date", latest ? latest->date : "");
    text(row, "note", latest ? latest->note : "");
    append(rows, std::move(row));
  }
  return rows;
}

Data related_list(const SiteModel& site, const std::vector<std::size_t>& which) {
  Data list = list_data();
  for (std::size_t i : which) {
    const BriefView& r = site.briefs[i].view;
    Data item = object_data();
    text(item, "title", r.title.empty() ? r.slug : r.title);
    text(item, "url", r.page);
    text(item, "status", r.status);
    text(item, "status_label", status_label(r.status));
    append(list, std::move(item));
  }
  return list;
}

}  // namespace

Data brief_page(const SiteModel& site, std::size_t i, const BriefView& view) {
  const SiteBrief& sb = site.briefs[i];
  const BriefView& v = view;
  Data d = layout_data(site, 1, v.page, v.title.empty() ? v.slug : v.title);
  text(d, "description", v.headline);
  text(d, "path", v.path);
  text(d, "slug", v.slug);
  text(d, "title", v.title.empty() ? v.slug : v.title);
  text(d, "headline", v.headline);
  text(d, "subheadline", v.subheadline);
  text(d, "status", v.status);
  text(d, "status_label", status_label(v.status));
  text(d, "team", v.team);
  text(d, "team_url", v.team.empty() ? "" : "team/" + site.teams.file(v.team) + ".html");
  text(d, "customer", v.customer);
  text(d, "launch", v.launch);
  Data owners = list_data();
  for (std::size_t k = 0; k < v.owners.size(); ++k) {
    Data o = object_data();
    text(o, "name", v.owners[k]);
    text(o, "url", "owner/" + site.owners.file(v.owners[k]) + ".html");
    o["last"] = Data(k + 1 == v.owners.size());
    append(owners, std::move(o));
  }
  set(d, "owners", std::move(owners));
  d["has_owners"] = Data(!v.owners.empty());
  Data tags = list_data();
  for (const auto& t : v.tags) {
    Data o = object_data();
    text(o, "name", t);
    text(o, "url", "tag/" + site.tags.file(t) + ".html");
    append(tags, std::move(o));
  }
  set(d, "tags", std::move(tags));
  d["has_tags"] = Data(!v.tags.empty());
  if (sb.history && !sb.history->commits.empty()) {
    text(d, "created", sb.history->created);
    text(d, "updated", sb.history->updated);
  } else {
    d["created"] = Data(false);
    d["updated"] = Data(false);
  }

  // Findings and readiness, as prfaq check reports them.
  const BriefSummary* s = sb.summary;
  Data findings = list_data(), errors = list_data();
  for (const Finding* f : sb.findings) {
    Data o = object_data();
    text(o, "line", std::to_string(f->pos.line));
    text(o, "column", std::to_string(f->pos.column));
    text(o, "severity", std::string(to_string(f->severity)));
    text(o, "message", f->message);
    text(o, "rule", f->rule);
    if (f->severity == Severity::error) append(errors, Data(o));
    append(findings, std::move(o));
  }
  // Published pages show a brief's errors; the preview (prfaq serve) shows
  // every finding in its panel.
  d["has_errors"] = Data(s && s->errors > 0);
  set(d, "error_findings", std::move(errors));
  set(d, "findings", std::move(findings));
  d["has_findings"] = Data(!sb.findings.empty());
  text(d, "errors", std::to_string(s ? s->errors : 0));
  text(d, "warnings", std::to_string(s ? s->warnings : 0));
  std::optional<Status> ready = s ? s->readiness : std::nullopt;
  text(d, "readiness_label", ready ? status_label(to_string(*ready)) : "not even idea");
  std::string next;
  if (v.status_value && *v.status_value != Status::shelved) {
    auto idx = static_cast<std::size_t>(ladder_rank(*v.status_value)) + 1;
    if (idx < kLadder.size()) next = std::string(to_string(kLadder[idx]));
  }
  text(d, "next_status", next);
  Data missing = list_data();
  if (s)
    for (const auto& m : s->missing_for_next) append(missing, Data(m));
  // A list in a Mustache section repeats the section per item, so the
  // template tests this flag, not the list (the list inside a section of
  // itself rendered it once per item: n squared items).
  d["has_missing"] = Data(s && !s->missing_for_next.empty());
  set(d, "missing", std::move(missing));

  // The brief's own content, rendered while it was loaded.
  d["press_release"] = Data(!v.press_release_html.empty());
  d["press_release_html"] = Data(v.press_release_html);
  Data faqs = list_data();
  for (const auto& f : v.faqs) {
    Data o = object_data();
    text(o, "title", f.title);
    text(o, "id", f.id);
    o["intro_html"] = Data(f.intro_html);
    Data qs = list_data();
    for (const auto& q : f.questions) {
      Data qd = object_data();
      text(qd, "text", q.text);
      text(qd, "id", q.id);
      qd["html"] = Data(q.html);
      append(qs, std::move(qd));
    }
    set(o, "questions", std::move(qs));
    o["has_questions"] = Data(!f.questions.empty());
    append(faqs, std::move(o));
  }
  set(d, "faqs", std::move(faqs));
  Data sections = list_data();
  for (const auto& sec : v.sections) {
    Data o = object_data();
    text(o, "title", sec.title);
    text(o, "id", sec.id);
    o["html"] = Data(sec.html);
    append(sections, std::move(o));
  }
  set(d, "sections", std::move(sections));

  d["has_journey"] = Data(!v.journey.empty() || !v.journey_html.empty());
  d["journey_html"] = Data(v.journey_html);
  Data steps = list_data();
  int n = 0;
  for (const auto& st : v.journey) {
    Data o = object_data();
    text(o, "number", std::to_string(++n));
    text(o, "step", st.step);
    text(o, "detail", st.detail);
    text(o, "screen_url", st.screen_url);
    o["aha"] = Data(st.aha);
    append(steps, std::move(o));
  }
  set(d, "journey", std::move(steps));

  d["has_metrics"] = Data(!v.metrics.empty() || !v.metrics_html.empty());
  d["metrics_html"] = Data(v.metrics_html);
  Data metrics = list_data();
  for (const auto& m : v.metrics) {
    Data o = object_data();
    o["chart"] = Data(m.chart_svg);
    for (auto [key, value] : {std::pair<const char*, const std::string*>{"name", &m.name}, {"kind", &m.kind},
                              {"direction", &m.direction}, {"unit", &m.unit}, {"baseline", &m.baseline},
                              {"target", &m.target}, {"by", &m.by}, {"latest", &m.latest},
                              {"latest_date", &m.latest_date}})
      text(o, key, *value);
    append(metrics, std::move(o));
  }
  set(d, "metrics", std::move(metrics));
  if (v.has_business) {
    Data b = object_data();
    text(b, "headcount", v.headcount);
    text(b, "months", v.months);
    text(b, "cost", v.cost);
    text(b, "revenue", v.revenue);
    text(b, "currency", v.currency);
    set(d, "business", std::move(b));
  } else {
    d["business"] = Data(false);
  }

  Data verdicts = list_data();
  for (auto known : kVerdicts) {
    Data o = object_data();
    text(o, "label", verdict_label(known));
    append(verdicts, std::move(o));
  }
  set(d, "verdicts", std::move(verdicts));
  d["reviews"] = sign_off_rows(v, site.config);

  d["related"] = related_list(site, sb.related_out);
  d["related_by"] = related_list(site, sb.related_by);
  d["has_related_out"] = Data(!sb.related_out.empty());
  d["has_related_by"] = Data(!sb.related_by.empty());
  d["has_related"] = Data(!sb.related_out.empty() || !sb.related_by.empty());

  Data history = list_data();
  if (sb.history)
    for (std::size_t c : sb.history->commits) {
      const HistoryCommit& hc = site.history.commits[c];
      Data o = object_data();
      text(o, "date", hc.date);
      text(o, "author", hc.author);
      text(o, "subject", hc.subject);
      text(o, "id", hc.id);
      text(o, "short_id", hc.id.substr(0, 7));
      append(history, std::move(o));
    }
  set(d, "history", std::move(history));
  d["has_history"] = Data(sb.history && !sb.history->commits.empty());
  d["shallow"] = Data(site.history.shallow);
  return d;
}

}  // namespace prfaq
