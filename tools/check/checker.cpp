#include "check/checker.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "check/repository_rules.h"
#include "check/rules.h"
#include "check/skipped_entries.h"
#include "load/brief_paths.h"
#include "load/loader.h"

namespace prfaq {

std::optional<Status> readiness(const std::vector<Finding>& raw, bool loaded, const Config* config,
                                const Suppressions* suppressions) {
  if (!loaded) return std::nullopt;
  std::optional<Status> best;
  for (Status s : kLadder) {
    bool fails = std::any_of(raw.begin(), raw.end(), [&](const Finding& f) {
      if (!f.requires_status || *f.requires_status == Status::shelved || !requires_at(s, *f.requires_status))
        return false;
      if (suppressions && suppressions->suppressed(f.rule, f.pos.line)) return false;
      return !config || config->severity_for(f.rule, s, f.requires_status) == Severity::error;
    });
    if (fails) break;
    best = s;
  }
  return best;
}

namespace {

struct Slot {
  std::vector<Finding> findings;  // the brief's own, then the repository-wide rules'
  BriefSummary summary;
};

// The keys the brief gives with the wrong type that the ladder requires,
// with the status that first requires each: [required_fields], and
// `launch` (launch-missing). Such a key is reported once, as key-type, not
// again as missing; but it holds the brief below that status all the same.
std::vector<std::pair<Status, std::string>> mistyped_required(const FrontMatter& fm, const Config& config) {
  std::vector<std::pair<Status, std::string>> out;
  if (fm.mistyped.empty()) return out;
  for (const auto& [from, keys] : config.required_fields)
    if (from != Status::shelved)
      for (const auto& key : keys)
        if (fm.is_mistyped(key)) out.emplace_back(from, key);
  if (auto from = config.ladder_status("launch-missing"); from && *from != Status::shelved && fm.is_mistyped("launch"))
    out.emplace_back(*from, "launch");
  // Within tables: metric-target, journey-aha and business-incomplete leave
  // these to key-type too.
  if (auto from = config.ladder_status("metric-target"); from && *from != Status::shelved)
    for (const char* key : {"metric.baseline", "metric.target", "metric.by"})
      if (fm.is_mistyped(key)) out.emplace_back(*from, key);
  if (auto from = config.ladder_status("journey-aha"); from && *from != Status::shelved && fm.is_mistyped("journey.aha"))
    out.emplace_back(*from, "journey.aha");
  if (auto from = config.ladder_status("metric-actuals"); from && *from != Status::shelved)
    for (const auto& m : fm.metrics)
      if (m.actuals.empty() && m.is_mistyped("actuals")) {
        out.emplace_back(*from, "metric.actuals");
        break;
      }
  if (auto from = config.ladder_status("business-incomplete"); from && *from != Status::shelved) {
    for (const char* key : {"business", "business.headcount", "business.months"})
      if (fm.is_mistyped(key)) out.emplace_back(*from, key);
    // Either of cost and revenue will do: a mistyped one counts when the other is not there.
    if (!fm.business.cost && !fm.business.revenue)
      for (const char* key : {"business.cost", "business.revenue"})
        if (fm.is_mistyped(key)) out.emplace_back(*from, key);
  }
  return out;
}

// A ladder finding that shows below the status requiring it can only do
// so by [status.S.rules] in prfaq.toml: its "(required from review)" would
// not say why it is there, so it says "(required at idea by prfaq.toml)".
void say_where_required(Finding& f, std::optional<Status> status) {
  if (!f.requires_status) return;
  Status at = status.value_or(Status::idea);
  if (requires_at(at, *f.requires_status)) return;
  std::string ladder = " (required from " + std::string(to_string(*f.requires_status)) + ")";
  if (f.message.ends_with(ladder))
    f.message.replace(f.message.size() - ladder.size(), ladder.size(),
                      " (required at " + std::string(to_string(at)) + " by prfaq.toml)");
}

// A file's findings beyond [limits] max_findings_per_file: errors are kept
// before warnings (a file with errors still fails, and shows why), each kind
// in report order; the rest become one too-many-findings summary.
void cap_findings(std::vector<Finding>& fs, const Config& config, std::optional<Status> status) {
  std::size_t max = config.max_findings_per_file;
  if (fs.size() <= max) return;
  // Only which ones are kept matters here (the report sorts them): linear,
  // where sorting 100,000s of findings would not be.
  std::nth_element(fs.begin(), fs.begin() + static_cast<std::ptrdiff_t>(max), fs.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.severity != b.severity) return a.severity > b.severity;
                     return finding_less(a, b);
                   });
  std::size_t errors = 0;
  for (std::size_t i = max; i < fs.size(); ++i) errors += fs[i].severity == Severity::error;
  std::size_t dropped = fs.size() - max;
  std::string file = fs.front().file;
  fs.resize(max);
  Severity severity = config.severity_for("too-many-findings", status, std::nullopt);
  if (severity == Severity::off) return;
  auto count = [](std::size_t n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  fs.push_back({file, {1, 1}, "too-many-findings",
                count(dropped, "more finding") + " (" + count(errors, "error") + ", " +
                    count(dropped - errors, "warning") + ") not shown: the limit is " + std::to_string(max) +
                    " per file ([limits] max_findings_per_file in prfaq.toml)",
                severity, std::nullopt});
}

// The findings the report shows of a brief, in place: each at the severity
// prfaq.toml gives it for the brief's status, without those turned off or
// suppressed, and at most [limits] max_findings_per_file; and their count
// in the summary. On the worker that checked the brief: a hostile file may
// hold 100,000s of findings.
void show_findings(Slot& s, const Config& config, std::optional<Status> status, const Suppressions* suppressions) {
  std::vector<Finding>& shown = s.findings;
  std::size_t kept = 0;
  for (auto& f : shown) {
    f.severity = config.severity_for(f.rule, status, f.requires_status);
    if (f.severity == Severity::off || (suppressions && suppressions->suppressed(f.rule, f.pos.line))) continue;
    say_where_required(f, status);
    if (&f != &shown[kept]) shown[kept] = std::move(f);
    ++kept;
  }
  shown.erase(shown.begin() + static_cast<std::ptrdiff_t>(kept), shown.end());
  cap_findings(shown, config, status);
  for (const auto& f : shown) (f.severity == Severity::error ? s.summary.errors : s.summary.warnings)++;
}

void check_one(const Source& source, const std::string& path, const CheckContext& ctx,
               const RepositoryRules& repository_rules, Slot& slot, const CheckOptions& options, std::size_t index) {
  auto bytes = source.read(path);
  std::vector<Finding> raw;
  if (!bytes) {
    raw.push_back({path, {1, 1}, "front-matter-missing", "the file cannot be read", Severity::error, std::nullopt});
    slot.findings = std::move(raw);
    slot.summary.path = path;
    show_findings(slot, ctx.config, std::nullopt, nullptr);
    return;
  }
  Brief b = load_brief(path, std::move(*bytes), ctx.config);
  raw = std::move(b.findings);
  if (b.front_matter_ok) {
    Emitter emit(b.path, raw);
    check_fields(b, ctx, emit);
    check_body(b, ctx, emit);
    check_journey(b, ctx, emit);
    check_metrics(b, ctx, emit);
    check_reviews(b, ctx, emit);
    check_placeholders(b, ctx, emit);
    check_style(b, ctx, emit);
  }
  BriefSummary& s = slot.summary;
  s.path = b.path;
  s.slug = b.slug;
  s.title = b.fm.title.value;
  s.status = b.fm.status_text.value;
  s.team = b.fm.team.value;
  s.headline = b.fm.headline.value;
  s.owner = b.fm.owner;
  s.readiness = readiness(raw, b.front_matter_ok, &ctx.config, &b.suppressions);
  const auto mistyped = mistyped_required(b.fm, ctx.config);
  for (const auto& [from, key] : mistyped)
    if (s.readiness && ladder_rank(*s.readiness) >= ladder_rank(from)) {
      auto rank = ladder_rank(from);
      s.readiness = rank == 0 ? std::nullopt : std::optional<Status>(kLadder[static_cast<std::size_t>(rank - 1)]);
    }
  if (b.fm.status && b.fm.status != Status::shelved) {
    auto idx = static_cast<std::size_t>(ladder_rank(*b.fm.status)) + 1;
    if (idx < kLadder.size())
      for (const auto& [from, key] : mistyped)
        if (requires_at(kLadder[idx], from)) s.missing_for_next.push_back("'" + key + "' has the wrong type [key-type]");
    if (idx < kLadder.size())
      for (const auto& f : raw)
        if (f.requires_status && *f.requires_status != Status::shelved && requires_at(kLadder[idx], *f.requires_status) &&
            !b.suppressions.suppressed(f.rule, f.pos.line) &&  // as readiness() counts them
            ctx.config.severity_for(f.rule, kLadder[idx], f.requires_status) == Severity::error)
          s.missing_for_next.push_back(f.message + " [" + f.rule + "]");
  }
  if (options.on_loaded) options.on_loaded(b, index);
  slot.findings = std::move(raw);
  repository_rules.check(facts_of(b), slot.findings);
  show_findings(slot, ctx.config, b.fm.status, &b.suppressions);
}

}  // namespace

CheckResult check_repository(const Source& source, const Config& config, const CheckOptions& options) {
  // The listing and the targets by reference where they are the same: no
  // copy of 10,000 paths to make, and none to free at the end.
  std::vector<std::string> listed;
  Listing listing;
  if (!options.all_briefs) {
    listing = source.list_all("content");
    listed = find_brief_paths(listing.files);
  }
  const std::vector<std::string>& all = options.all_briefs ? *options.all_briefs : listed;
  std::vector<std::string> only;
  bool checks_all = !options.only_given && options.only.empty();
  const std::vector<SkippedEntry>& skipped = options.skipped ? *options.skipped : listing.skipped;
  if (!checks_all) {
    only = options.only;
    std::sort(only.begin(), only.end());
    only.erase(std::unique(only.begin(), only.end()), only.end());
  }
  const std::vector<std::string>& targets = checks_all ? all : only;

  // Every brief the repository-wide rules know of: all of them, plus any
  // checked path that is not among them (a file named on the command line).
  // The listing is sorted already; copying and sorting 10,000 paths is not
  // free per commit.
  std::vector<std::string> extra;
  if (!checks_all)
    for (const auto& t : targets)
      if (!std::binary_search(all.begin(), all.end(), t)) extra.push_back(t);
  const std::vector<std::string>* known = &all;
  std::vector<std::string> merged;
  if (!extra.empty()) {
    merged = all;
    merged.insert(merged.end(), extra.begin(), extra.end());
    std::sort(merged.begin(), merged.end());
    known = &merged;
  }
  // Their findings join each brief's own, on the worker that checked it.
  RepositoryRules repository_rules(source, *known, targets.size(), options.all_briefs ? nullptr : &listing.files);

  CheckContext ctx(config);
  std::vector<Slot> slots(targets.size());
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    try {
      for (std::size_t i; (i = next.fetch_add(1)) < targets.size();)
        check_one(source, targets[i], ctx, repository_rules, slots[i], options, i);
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      next = targets.size();
    }
  };
  unsigned jobs = options.jobs > 0 ? static_cast<unsigned>(options.jobs) : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(1, targets.size() / 4)));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);

  CheckResult result;
  result.briefs.reserve(slots.size());
  for (auto& s : slots) {
    for (auto& f : s.findings) result.findings.push_back(std::move(f));
    result.errors += s.summary.errors;
    result.warnings += s.summary.warnings;
    result.briefs.push_back(std::move(s.summary));
  }
  if (options.skipped || checks_all)
    for (auto& f : skipped_entry_findings(skipped, config)) {
      (f.severity == Severity::error ? result.errors : result.warnings)++;
      result.findings.push_back(std::move(f));
    }
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
  return result;
}

}  // namespace prfaq
