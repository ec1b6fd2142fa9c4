#include <algorithm>

#include "cli/commands.h"
#include "cli/repository.h"
#include "load/brief.h"
#include "load/brief_paths.h"
#include "source/fs_source.h"
#include "source/git_history.h"
#include "util/error.h"
#include "util/json.h"
#include "util/visible_text.h"

namespace prfaq {

int run_log(const Args& args, Io& io) {
  if (args.positional.size() != 1) throw Fatal("prfaq log takes one brief's slug: prfaq log instant-refunds");
  const std::string& slug = args.positional[0];
  std::string format = args.get("--format").value_or("text");
  if (format != "text" && format != "json") throw Fatal("unknown format '" + format + "' (text, json)");
  GitRepo repo = GitRepo::open(io.cwd);
  auto head = repo.head_commit();
  if (!head) throw Fatal("the repository has no commits yet");
  Repository where = open_repository(io.cwd);
  FsSource files(where.root);
  std::string path;
  for (const auto& p : find_brief_paths(files.list("content")))
    if (slug_of(p) == slug) path = p;
  if (path.empty()) throw Fatal("no brief has the slug '" + slug + "'");
  History h = read_history(repo, *head, {path}, prefix_in_work_tree(repo, where.root));
  const FileHistory& f = h.files[path];
  if (h.shallow)
    io.err << "prfaq: warning: this is a shallow clone: the history stops at its boundary, so the created date "
              "may be wrong (git fetch --unshallow)\n";
  if (format == "json") {
    auto date = [](const std::string& d) { return d.empty() ? std::string("null") : json_string(d); };
    io.out << "{\"path\": " << json_string(path) << ", \"created\": " << date(f.created)
           << ", \"updated\": " << date(f.updated) << ", \"shallow\": " << (h.shallow ? "true" : "false")
           << ", \"commits\": [";
    for (std::size_t i = 0; i < f.commits.size(); ++i) {
      const auto& c = h.commits[f.commits[i]];
      io.out << (i ? ",\n  " : "\n  ") << "{\"id\": " << json_string(c.id) << ", \"date\": " << json_string(c.date)
             << ", \"author\": " << json_string(c.author) << ", \"email\": " << json_string(c.email)
             << ", \"subject\": " << json_string(c.subject) << "}";
    }
    io.out << (f.commits.empty() ? "]}\n" : "\n]}\n");
    return 0;
  }
  if (f.commits.empty()) {
    io.out << visible_text(path) << ": not committed yet\n";
    return 0;
  }
  std::string authors;
  for (const auto& a : f.authors) authors += (authors.empty() ? "" : ", ") + a;
  io.out << visible_text(path) << ": created " << f.created << ", updated " << f.updated << ", " << f.commits.size() << " commit"
         << (f.commits.size() == 1 ? "" : "s") << " by " << visible_text(authors) << "\n\n";
  for (std::size_t i : f.commits) {
    const auto& c = h.commits[i];
    io.out << c.date << "  " << c.id.substr(0, 7) << "  " << visible_text(c.author) << "  " << visible_text(c.subject) << '\n';
  }
  return 0;
}

}  // namespace prfaq
