#include <algorithm>

#include "check/checker.h"
#include "cli/commands.h"
#include "cli/repository.h"
#include "source/fs_source.h"
#include "source/git_history.h"
#include "util/error.h"
#include "util/json.h"
#include "util/visible_text.h"

namespace prfaq {

namespace {

bool wanted(const std::vector<std::string>* filter, const std::string& value) {
  return !filter || std::find(filter->begin(), filter->end(), value) != filter->end();
}

std::size_t width(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

int run_list(const Args& args, Io& io) {
  std::string format = args.get("--format").value_or("text");
  if (format != "text" && format != "json") throw Fatal("unknown format '" + format + "' (text, json)");
  if (!args.positional.empty()) throw Fatal("prfaq list takes no paths; filter with --status, --team, --owner");
  if (auto it = args.options.find("--status"); it != args.options.end())
    for (const auto& s : it->second)
      if (!parse_status(s)) throw Fatal("--status '" + s + "' is not a status (idea, draft, review, approved, launched, shelved)");
  Repository repo = open_repository(io.cwd);
  require_content_folder(repo.root);
  FsSource source(repo.root);
  CheckResult r = check_repository(source, repo.config);
  // Created and updated come from Git: one walk over HEAD's history.
  History history;
  bool shallow = false;
  if (auto git = GitRepo::discover(repo.root)) {
    if (auto head = git->head_commit()) {
      std::vector<std::string> paths;
      for (const auto& b : r.briefs) paths.push_back(b.path);
      history = read_history(*git, *head, paths, prefix_in_work_tree(*git, repo.root));
      shallow = history.shallow;
    }
  }
  auto dates = [&](const std::string& path) -> std::pair<std::string, std::string> {
    auto it = history.files.find(path);
    if (it == history.files.end() || it->second.commits.empty()) return {"", ""};
    return {it->second.created, it->second.updated};
  };
  if (shallow)
    io.err << "prfaq: warning: this is a shallow clone: created dates stop at its boundary (git fetch --unshallow)\n";
  auto filter = [&](std::string_view o) -> const std::vector<std::string>* {
    auto it = args.options.find(o);
    return it == args.options.end() ? nullptr : &it->second;
  };
  std::vector<const BriefSummary*> rows;
  for (const auto& b : r.briefs) {
    bool owner_ok = !filter("--owner");
    for (const auto& o : b.owner) owner_ok = owner_ok || wanted(filter("--owner"), o);
    if (wanted(filter("--status"), b.status) && wanted(filter("--team"), b.team) && owner_ok) rows.push_back(&b);
  }
  auto ready = [](const BriefSummary& b) { return b.readiness ? std::string(to_string(*b.readiness)) : "-"; };
  if (format == "json") {
    io.out << "[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& b = *rows[i];
      io.out << (i ? ",\n  " : "\n  ") << "{\"slug\": " << json_string(b.slug) << ", \"path\": " << json_string(b.path)
             << ", \"title\": " << json_string(b.title) << ", \"status\": " << json_string(b.status)
             << ", \"readiness\": " << (b.readiness ? json_string(to_string(*b.readiness)) : "null")
             << ", \"owner\": [";
      for (std::size_t k = 0; k < b.owner.size(); ++k) io.out << (k ? ", " : "") << json_string(b.owner[k]);
      auto [created, updated] = dates(b.path);
      io.out << "], \"team\": " << json_string(b.team) << ", \"created\": " << (created.empty() ? "null" : json_string(created))
             << ", \"updated\": " << (updated.empty() ? "null" : json_string(updated)) << ", \"errors\": " << b.errors
             << ", \"warnings\": " << b.warnings << "}";
    }
    io.out << (rows.empty() ? "]\n" : "\n]\n");
    return 0;
  }
  std::vector<std::vector<std::string>> table = {
      {"SLUG", "TITLE", "STATUS", "READINESS", "OWNER", "TEAM", "CREATED", "UPDATED"}};
  for (const auto* b : rows) {
    std::string readiness = ready(*b);
    if (b->errors) readiness += " !";
    auto [created, updated] = dates(b->path);
    // A brief's values as the text report shows them: a line feed in a
    // title would break the table, an ESC act on the terminal.
    table.push_back({visible_text(b->slug), visible_text(b->title), visible_text(b->status), readiness,
                     visible_text(join(b->owner)), visible_text(b->team), created.empty() ? "-" : created,
                     updated.empty() ? "-" : updated});
  }
  std::vector<std::size_t> widths(table[0].size(), 0);
  for (const auto& row : table)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width(row[c]));
  for (const auto& row : table) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - width(row[c]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    io.out << line << '\n';
  }
  int incomplete = 0;
  for (const auto* b : rows) incomplete += b->errors > 0;
  io.out << rows.size() << " brief" << (rows.size() == 1 ? "" : "s");
  if (incomplete) io.out << ", " << incomplete << " with errors (!): run prfaq check";
  io.out << '\n';
  return 0;
}

}  // namespace prfaq
