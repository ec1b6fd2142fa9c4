#include <algorithm>
#include <map>

#include "site/pages.h"

namespace prfaq {

std::string status_label(std::string_view status) {
  if (status.empty()) return "No status";
  std::string out(status);
  if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

Data layout_data(const SiteModel& site, int depth, const std::string& site_path, const std::string& page_title) {
  Data d = object_data();
  text(d, "site_title", site.title);
  text(d, "page_title", page_title);
  d["root"] = Data(root_prefix(depth));
  text(d, "canonical", site.base_url.empty() ? "" : site.url(site_path));
  text(d, "version", PRFAQ_VERSION);
  text(d, "language", "en");
  d["description"] = Data(false);
  d["query"] = Data(false);
  d["revision"] = Data(false);
  d["preview"] = Data(site.preview);
  text(d, "live_reload", site.live_reload_url);
  return d;
}

std::vector<std::size_t> by_update(const SiteModel& site, std::vector<std::size_t> which) {
  auto updated = [&](std::size_t i) -> const std::string& {
    static const std::string none;
    const FileHistory* h = site.briefs[i].history;
    return h ? h->updated : none;
  };
  std::stable_sort(which.begin(), which.end(), [&](std::size_t a, std::size_t b) {
    if (updated(a) != updated(b)) return updated(a) > updated(b);
    return site.briefs[a].view.title < site.briefs[b].view.title;
  });
  return which;
}

const std::string& CardCache::html(std::size_t i, int depth) {
  auto [it, fresh] = html_.try_emplace({i, depth});
  if (!fresh) return it->second;
  const SiteBrief& sb = site_.briefs[i];
  const BriefView& v = sb.view;
  Data c = object_data();
  text(c, "title", v.title.empty() ? v.slug : v.title);
  text(c, "url", v.page);
  text(c, "headline", v.headline);
  text(c, "status", v.status);
  text(c, "status_label", status_label(v.status));
  text(c, "team", v.team);
  std::string owners, tags;
  for (const auto& o : v.owners) owners += (owners.empty() ? "" : ", ") + o;
  for (const auto& t : v.tags) tags += (tags.empty() ? "" : "\n") + t;
  text(c, "owner", owners);
  text(c, "tags_joined", tags);
  text(c, "updated", sb.history ? sb.history->updated : "");
  text(c, "created", sb.history ? sb.history->created : "");
  int rank = v.status_value ? (*v.status_value == Status::shelved ? 9 : ladder_rank(*v.status_value)) : 10;
  text(c, "rank", std::to_string(rank));
  int errors = sb.summary ? sb.summary->errors : 0;
  text(c, "errors", errors ? std::to_string(errors) : "");
  c["root"] = Data(root_prefix(depth));
  it->second = templates_.render_bare("card", c);
  return it->second;
}

Data cards(CardCache& cache, const std::vector<std::size_t>& which, int depth) {
  Data list = list_data();
  for (std::size_t i : which) {
    Data c = object_data();
    c["html"] = Data(cache.html(i, depth));
    append(list, std::move(c));
  }
  return list;
}

}  // namespace prfaq
