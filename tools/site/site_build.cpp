#include "site/site_build.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "load/brief_paths.h"
#include "load/loader.h"
#include "site/base_url.h"
#include "site/output_dir.h"
#include "site/pages.h"
#include "site/site_files.h"
#include "site/templates.h"
#include "site/theme.h"
#include "source/git_history.h"
#include "util/content_hash.h"
#include "util/error.h"
#include "util/parallel_for.h"

namespace prfaq {

namespace {

// Manifest entries for briefs' content hashes: no output path starts with '#'.
const std::string kSourcePrefix = "#source ";

// A build's manifest: output path -> the key it was made from.
std::unordered_map<std::string, std::string> parse_manifest(const std::optional<std::string>& text) {
  std::unordered_map<std::string, std::string> keys;
  if (!text) return keys;
  std::string_view rest = *text;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    std::size_t sp = line.find(' ');
    if (sp != std::string_view::npos) keys.emplace(std::string(line.substr(sp + 1)), std::string(line.substr(0, sp)));
  }
  return keys;
}

}  // namespace

void link_briefs(SiteModel& site) {
  std::unordered_map<std::string, std::size_t> by_slug;
  for (std::size_t i = 0; i < site.briefs.size(); ++i)
    by_slug.emplace(site.briefs[i].view.slug, i);  // the first of colliding slugs (the checker reports the collision)
  for (std::size_t i = 0; i < site.briefs.size(); ++i) {
    SiteBrief& sb = site.briefs[i];
    for (const auto& slug : sb.view.related) {
      auto it = by_slug.find(slug);
      if (it == by_slug.end() || it->second == i) continue;
      if (std::find(sb.related_out.begin(), sb.related_out.end(), it->second) == sb.related_out.end()) {
        sb.related_out.push_back(it->second);
        site.briefs[it->second].related_by.push_back(i);
      }
    }
  }
  for (auto& sb : site.briefs) {
    if (!sb.view.team.empty()) site.teams.add(sb.view.team);
    for (const auto& t : sb.view.tags) site.tags.add(t);
    for (const auto& o : sb.view.owners) site.owners.add(o);
  }
  site.teams.freeze();
  site.tags.freeze();
  site.owners.freeze();
}

namespace {

void join_model(SiteModel& site, CheckResult& check) {
  std::map<std::string, std::vector<const Finding*>> by_file;
  for (const auto& f : check.findings) by_file[f.file].push_back(&f);
  for (std::size_t i = 0; i < site.briefs.size(); ++i) {
    SiteBrief& sb = site.briefs[i];
    sb.summary = &check.briefs[i];
    if (auto it = by_file.find(sb.view.path); it != by_file.end()) sb.findings = it->second;
    if (auto h = site.history.files.find(sb.view.path); h != site.history.files.end() && !h->second.commits.empty())
      sb.history = &h->second;
  }
  link_briefs(site);
  for (auto& sb : site.briefs) {
    const BriefView& v = sb.view;
    ContentHash h;
    h.add(v.page).add(v.title).add(v.slug).add(v.headline).add(v.status).add(v.team);
    for (const auto& o : v.owners) h.add(o);
    for (const auto& t : v.tags) h.add(t);
    if (sb.history) h.add(sb.history->created).add(sb.history->updated);
    h.add(static_cast<std::uint64_t>(sb.summary->errors));
    sb.card_key = h.hex();
  }
}

// Everything a brief's page is made from: when it is the same as last time,
// the page is reused.
std::string brief_key(const SiteModel& site, const SiteBrief& sb) {
  ContentHash h;
  h.add(site.global_key).add(sb.view.hash).add(sb.card_key);
  for (const Finding* f : sb.findings)
    h.add(f->rule).add(f->message).add(static_cast<std::uint64_t>(f->pos.line)).add(static_cast<std::uint64_t>(f->pos.column)).add(to_string(f->severity));
  const BriefSummary* s = sb.summary;
  h.add(s->readiness ? to_string(*s->readiness) : "-");
  for (const auto& m : s->missing_for_next) h.add(m);
  if (sb.history)
    for (std::size_t c : sb.history->commits) h.add(site.history.commits[c].id);
  for (const auto* list : {&sb.related_out, &sb.related_by}) {
    h.add(static_cast<std::uint64_t>(list->size()));
    for (std::size_t r : *list) h.add(site.briefs[r].card_key);
  }
  // Where its links go, and the listings its team, tags and owners link to:
  // names that another brief's change can move ("c++" is tag/c.html until a
  // brief adds "C#", which sorts first and takes it).
  h.add(static_cast<std::uint64_t>(sb.view.link_targets.size()));
  for (const auto& t : sb.view.link_targets) h.add(t);
  if (!sb.view.team.empty()) h.add(site.teams.file(sb.view.team));
  for (const auto& t : sb.view.tags) h.add(site.tags.file(t));
  for (const auto& o : sb.view.owners) h.add(site.owners.file(o));
  return h.hex();
}

class SiteWriter {
 public:
  SiteWriter(OutputDir& out, const std::unordered_map<std::string, std::string>& previous)
      : out_(out), previous_(previous) {}

  // True when the page is still the same as the previous build's and was reused.
  bool reuse(const std::string& path, const std::string& key) {
    auto it = previous_.find(path);
    if (it == previous_.end() || it->second != key || !out_.reuse(path)) return false;
    record(path, key, true);
    return true;
  }
  void write(const std::string& path, const std::string& key, std::string_view bytes) {
    out_.write(path, bytes);
    record(path, key, false);
  }
  // Records a brief's content hash, so that the next build knows which
  // briefs are unchanged before it renders them.
  void source(const std::string& path, const std::string& hash) {
    std::lock_guard lock(mutex_);
    sources_[kSourcePrefix + path] = hash;
  }
  std::string manifest() const {
    std::string out;
    for (const auto& [path, key] : written_) out += key + " " + path + "\n";
    for (const auto& [path, key] : sources_) out += key + " " + path + "\n";
    return out;
  }
  std::vector<std::string> html_pages() const {
    std::vector<std::string> pages;
    for (const auto& [path, key] : written_)
      if (path.ends_with(".html") && path != "404.html") pages.push_back(path);
    return pages;
  }
  std::size_t reused() const { return reused_; }
  std::size_t rendered() const { return rendered_; }
  std::size_t files() const { return written_.size(); }

 private:
  void record(const std::string& path, const std::string& key, bool reused) {
    std::lock_guard lock(mutex_);
    written_[path] = key;
    (reused ? reused_ : rendered_)++;
  }
  OutputDir& out_;
  const std::unordered_map<std::string, std::string>& previous_;
  std::mutex mutex_;
  std::map<std::string, std::string> written_;  // sorted: the manifest is deterministic
  std::map<std::string, std::string> sources_;  // kSourcePrefix + brief path -> content hash
  std::size_t reused_ = 0, rendered_ = 0;
};

// A listing page's key: the template, the site, and the cards it shows.
std::string list_key(const SiteModel& site, std::string_view kind, std::string_view name,
                     const std::vector<std::size_t>& which) {
  ContentHash h;
  h.add(site.global_key).add(kind).add(name).add(static_cast<std::uint64_t>(which.size()));
  for (std::size_t i : which) h.add(site.briefs[i].card_key);
  return h.hex();
}

void write_listings(const SiteModel& site, Templates& templates, SiteWriter& w) {
  CardCache card_cache(site, templates);
  std::vector<std::size_t> everyone(site.briefs.size());
  for (std::size_t i = 0; i < everyone.size(); ++i) everyone[i] = i;
  everyone = by_update(site, everyone);

  auto render_list = [&](const std::string& path, std::string_view kind, const std::string& kind_label,
                         const std::string& index_url, const std::string& heading, const std::vector<std::size_t>& which) {
    std::string key = list_key(site, kind, heading, which);
    if (w.reuse(path, key)) return;
    Data d = layout_data(site, 1, path, heading);
    d["nav_" + std::string(kind)] = Data(true);
    text(d, "kind_label", kind_label);
    text(d, "index_url", index_url);
    text(d, "heading", heading);
    text(d, "count", std::to_string(which.size()));
    d["cards"] = cards(card_cache, which, 1);
    w.write(path, key, templates.render("list", d));
  };
  auto render_index = [&](const std::string& kind, const std::string& heading,
                          const std::vector<std::tuple<std::string, std::string, std::size_t>>& terms) {
    std::string path = kind + "/" + std::string(kListingIndex) + ".html";
    ContentHash h;
    h.add(site.global_key).add(path);
    for (const auto& [name, url, count] : terms) h.add(name).add(url).add(static_cast<std::uint64_t>(count));
    if (w.reuse(path, h.hex())) return;
    Data d = layout_data(site, 1, path, heading);
    d["nav_" + kind] = Data(true);
    text(d, "heading", heading);
    Data list = list_data();
    for (const auto& [name, url, count] : terms) {
      Data t = object_data();
      text(t, "name", name);
      text(t, "url", url);
      text(t, "count", std::to_string(count));
      append(list, std::move(t));
    }
    set(d, "terms", std::move(list));
    w.write(path, h.hex(), templates.render("index", d));
  };

  // By status, in ladder order.
  std::vector<std::tuple<std::string, std::string, std::size_t>> status_terms;
  std::map<std::string, std::vector<std::size_t>> by_status, by_team, by_tag, by_owner;
  for (std::size_t i : everyone) {
    const BriefView& v = site.briefs[i].view;
    by_status[v.status].push_back(i);
    if (!v.team.empty()) by_team[v.team].push_back(i);
    for (const auto& t : v.tags) by_tag[t].push_back(i);
    for (const auto& o : v.owners) by_owner[o].push_back(i);
  }
  std::vector<std::string> statuses;
  for (Status s : kLadder) statuses.emplace_back(to_string(s));
  statuses.emplace_back(to_string(Status::shelved));
  Data status_counts = list_data();
  for (const auto& s : statuses) {
    const auto& which = by_status[s];
    std::string url = "status/" + s + ".html";
    render_list(url, "status", "Statuses", "status/index.html", status_label(s), which);
    status_terms.emplace_back(status_label(s), url, which.size());
    Data c = object_data();
    text(c, "name", s);
    text(c, "label", status_label(s));
    text(c, "url", url);
    text(c, "count", std::to_string(which.size()));
    append(status_counts, std::move(c));
  }
  render_index("status", "Statuses", status_terms);
  auto terms_of = [&](const std::map<std::string, std::vector<std::size_t>>& groups, const PageNames& names,
                      const std::string& kind, const std::string& label) {
    std::vector<std::tuple<std::string, std::string, std::size_t>> terms;
    for (const auto& [name, which] : groups) {
      std::string url = kind + "/" + names.file(name) + ".html";
      render_list(url, kind, label, kind + "/index.html", name, which);
      terms.emplace_back(name, url, which.size());
    }
    render_index(kind, label, terms);
  };
  terms_of(by_team, site.teams, "team", "Teams");
  terms_of(by_tag, site.tags, "tag", "Tags");
  terms_of(by_owner, site.owners, "owner", "Owners");

  // Home: every brief, with the filters' choices.
  {
    ContentHash h;
    h.add(list_key(site, "home", site.revision, everyone));
    if (!w.reuse("index.html", h.hex())) {
      Data d = layout_data(site, 0, "index.html", "");
      text(d, "revision", site.revision);
      set(d, "statuses", std::move(status_counts));
      Data teams = list_data(), tags = list_data();
      for (const auto& [name, which] : by_team) {
        Data t = object_data();
        text(t, "name", name);
        append(teams, std::move(t));
      }
      for (const auto& [name, which] : by_tag) {
        Data t = object_data();
        text(t, "name", name);
        append(tags, std::move(t));
      }
      set(d, "teams", std::move(teams));
      set(d, "tags", std::move(tags));
      d["cards"] = cards(card_cache, everyone, 0);
      w.write("index.html", h.hex(), templates.render("home", d));
    }
  }
}

void write_timeline(const SiteModel& site, Templates& templates, SiteWriter& w) {
  struct Event {
    std::int64_t time;
    std::string date, title, url, event, subject, author;
  };
  std::vector<Event> events;
  for (const auto& sb : site.briefs) {
    if (!sb.history) continue;
    const auto& commits = sb.history->commits;
    for (std::size_t k = 0; k < commits.size(); ++k) {
      const HistoryCommit& c = site.history.commits[commits[k]];
      bool created = k + 1 == commits.size() && !site.history.shallow;
      events.push_back({c.time, c.date, sb.view.title.empty() ? sb.view.slug : sb.view.title, sb.view.page,
                        created ? "created" : "updated", c.subject, c.author});
    }
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    if (a.time != b.time) return a.time > b.time;
    return std::tie(a.title, a.url) < std::tie(b.title, b.url);
  });
  if (events.size() > kTimelineEvents) events.resize(kTimelineEvents);
  ContentHash h;
  h.add(site.global_key).add("timeline");
  for (const auto& e : events) h.add(e.date).add(e.title).add(e.url).add(e.event).add(e.subject).add(e.author);
  if (w.reuse("timeline.html", h.hex())) return;
  Data d = layout_data(site, 0, "timeline.html", "Timeline");
  d["nav_timeline"] = Data(true);
  d["shallow"] = Data(site.history.shallow);
  Data months = list_data();
  for (std::size_t i = 0; i < events.size();) {
    std::string month = events[i].date.substr(0, 7);
    Data m = object_data();
    text(m, "month", month);
    Data list = list_data();
    for (; i < events.size() && events[i].date.substr(0, 7) == month; ++i) {
      Data e = object_data();
      for (auto [k, val] : {std::pair<const char*, const std::string*>{"date", &events[i].date}, {"title", &events[i].title},
                            {"url", &events[i].url}, {"event", &events[i].event}, {"subject", &events[i].subject},
                            {"author", &events[i].author}})
        text(e, k, *val);
      append(list, std::move(e));
    }
    set(m, "events", std::move(list));
    append(months, std::move(m));
  }
  set(d, "months", std::move(months));
  w.write("timeline.html", h.hex(), templates.render("timeline", d));
}

}  // namespace

BuildResult build_site(const Source& source, const Config& config, const BuildOptions& options) {
  // PRFAQ_TIMINGS=1 prints how long each stage took (for benchmarks).
  const bool timings = std::getenv("PRFAQ_TIMINGS") != nullptr;
  auto stage_start = std::chrono::steady_clock::now();
  auto stop_if_asked = [&] {
    if (options.stop && options.stop->load())
      throw Fatal("interrupted");
  };
  auto stage = [&](const char* name) {
    stop_if_asked();
    if (!timings) return;
    auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "prfaq: %-10s %7.3f s\n", name, std::chrono::duration<double>(now - stage_start).count());
    stage_start = now;
  };
  BuildResult result;
  Theme theme = Theme::load(source);  // before anything is written: a broken theme stops here
  result.warnings = theme.warnings();

  // What the pages link to: every file under content/, every brief's page.
  Listing listing = source.list_all("content");
  std::vector<std::string>& content_files = listing.files;
  std::vector<std::string> brief_paths = find_brief_paths(content_files);
  PageNames pages;
  for (const auto& p : brief_paths) pages.add(p, slug_of(p));
  pages.freeze();

  SiteModel site;
  site.config = config;
  site.title = config.site_title;
  site.base_url = normalise_base_url(options.base_url.value_or(config.base_url));
  site.revision = options.revision;
  site.preview = options.preview;
  site.live_reload_url = options.live_reload_url;
  site.briefs.resize(brief_paths.size());

  // The previous build's manifest as it is now, without the lock: which
  // briefs are unchanged, so not rendered while loaded (a hint: a build
  // running meanwhile may change it). An output folder prfaq refuses is
  // refused here, before anything is loaded or written.
  auto unchanged = parse_manifest(OutputDir::peek(options.out, kManifest));

  // Load and check every brief once; render its own content while loaded,
  // unless its bytes are those of the previous build (its page will most
  // likely be reused: only the metadata is kept).
  std::map<std::string, std::string> brief_by_slug;
  for (const auto& p : brief_paths) brief_by_slug.emplace(slug_of(p), p);
  ViewContext vctx{&content_files, &brief_paths, &pages, &brief_by_slug, &config};
  CheckOptions copts;
  copts.all_briefs = &brief_paths;
  copts.skipped = &listing.skipped;
  copts.jobs = options.jobs;
  copts.on_loaded = [&](const Brief& b, std::size_t i) {
    auto it = unchanged.find(kSourcePrefix + b.path);
    bool same = it != unchanged.end() && it->second == ContentHash().add(*b.bytes).hex();
    site.briefs[i].view = make_brief_view(b, vctx, !same);
  };
  result.check = check_repository(source, config, copts);
  stage("load+check");
  for (const auto& f : result.check.findings)
    if (f.rule == "symlink-skipped" || f.rule == "submodule-skipped")
      result.warnings.push_back("not published: " + f.file + " is " +
                                (f.rule == "symlink-skipped" ? "a symbolic link (prfaq follows none)"
                                                             : "a submodule or a repository of its own"));
  result.briefs = brief_paths.size();
  if (options.strict && result.check.errors > 0) return result;  // nothing written, not even the lock file

  // Taken once the build will write: two builds into one folder take turns,
  // and the second reuses what the first wrote.
  stop_if_asked();
  OutputDir out(options.out);
  auto previous = parse_manifest(out.read_previous(kManifest));
  for (std::size_t i = 0; i < site.briefs.size(); ++i)
    if (site.briefs[i].view.path.empty()) {  // unreadable: a page with its findings only
      site.briefs[i].view.path = brief_paths[i];
      site.briefs[i].view.slug = slug_of(brief_paths[i]);
      site.briefs[i].view.page = brief_page_url(pages.file(brief_paths[i]));
      site.briefs[i].view.rendered = true;
    }

  if (options.git && options.tip) {
    site.history = read_history(*options.git, *options.tip, brief_paths, options.git_prefix);
    site.has_history = true;
    result.shallow = site.history.shallow;
  }
  stage("history");
  join_model(site, result.check);
  {
    ContentHash g;
    g.add(PRFAQ_VERSION).add(theme.hash()).add(site.title).add(site.base_url);
    g.add(source.read("prfaq.toml").value_or("")).add(static_cast<std::uint64_t>(site.history.shallow));
    g.add(static_cast<std::uint64_t>(site.briefs.size()));
    g.add(static_cast<std::uint64_t>(site.preview)).add(site.live_reload_url);
    site.global_key = g.hex();
  }
  SiteWriter w(out, previous);
  for (const auto& sb : site.briefs) w.source(sb.view.path, sb.view.hash);

  // Brief pages, in parallel: one set of parsed templates per thread.
  std::atomic<std::size_t> done{0};
  parallel_for(
      site.briefs.size(), options.jobs, [&] { return Templates(theme); },
      [&](Templates& templates, std::size_t i) {
        stop_if_asked();
        const SiteBrief& sb = site.briefs[i];
        std::string key = brief_key(site, sb);
        if (!w.reuse(sb.view.page, key)) {
          // Its bytes are unchanged but something around it is not: render it
          // again in full, into a view of its own (other threads read this
          // brief's metadata for their related lists).
          std::optional<BriefView> full;
          if (!sb.view.rendered) {
            auto bytes = source.read(sb.view.path);
            if (!bytes) throw Fatal("cannot read " + sb.view.path + " again (did it change during the build?)");
            full = make_brief_view(load_brief(sb.view.path, std::move(*bytes), config), vctx);
          }
          Data d = brief_page(site, i, full ? *full : sb.view);
          w.write(sb.view.page, key, templates.render("brief", d));
        }
        if (options.progress) options.progress(++done, site.briefs.size());
      });

  stage("briefs");
  // Files the briefs link to, published under media/.
  std::set<std::string> media;
  for (const auto& sb : site.briefs) media.insert(sb.view.media.begin(), sb.view.media.end());
  for (const auto& path : media) {
    auto url = media_url(path);
    auto bytes = source.read(path);
    if (!url || !bytes) continue;
    std::string key = ContentHash().add(*bytes).hex();
    try {
      if (!w.reuse(*url, key)) w.write(*url, key, *bytes);
    } catch (const Fatal& e) {
      result.warnings.push_back("skipped " + path + ": " + e.what());
    }
  }
  for (const auto& [path, bytes] : theme.assets()) {
    std::string key = ContentHash().add(*bytes).hex();
    if (!w.reuse("assets/" + path, key)) w.write("assets/" + path, key, *bytes);
  }

  Templates templates(theme);
  stage("media");
  write_listings(site, templates, w);
  stage("listings");
  write_timeline(site, templates, w);
  {
    Data d = layout_data(site, 0, "search.html", "Search");
    w.write("search.html", site.global_key, templates.render("search", d));
    Data nf = layout_data(site, 0, "404.html", "Page not found");
    nf["root"] = Data(base_path(site.base_url));
    nf["canonical"] = Data(false);  // served at every missing address
    w.write("404.html", site.global_key, templates.render("404", nf));
  }
  w.write("feed.xml", "-", atom_feed(site));
  w.write("briefs.json", "-", briefs_json(site));
  w.write("search-index.js", "-", search_index_js(site));
  w.write("sitemap.xml", "-", sitemap_xml(site, w.html_pages()));
  result.pages = w.html_pages().size() + 1;  // and 404.html
  result.rendered = w.rendered();
  result.reused = w.reused();
  result.files = w.files() + 1;
  out.write(kManifest, w.manifest());
  stage("files");  // the last moment to stop: after the swap, the new site is there
  out.commit();
  stage("commit");
  result.written = true;
  return result;
}

}  // namespace prfaq
