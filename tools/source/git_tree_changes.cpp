#include "source/git_tree_changes.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <mutex>
#include <string_view>

#include "util/error.h"
#include "util/parallel_for.h"

namespace prfaq {

namespace {

constexpr std::size_t kIdSize = GIT_OID_RAWSZ;

// One entry of a raw tree object ("<octal mode> <name>\0<id>"), pointing
// into the object's data.
struct Entry {
  std::string_view name;
  bool folder = false;  // mode 040000 (a gitlink, 160000, is not a folder)
  const unsigned char* id = nullptr;
};

git_oid oid_of(const unsigned char* raw) {
  git_oid id;
  git_oid_fromraw(&id, raw);
  return id;
}

// Git orders tree entries by name, a folder's name as if it ended in '/'.
int git_order(const Entry& a, const Entry& b) {
  std::size_t n = std::min(a.name.size(), b.name.size());
  if (int c = a.name.substr(0, n).compare(b.name.substr(0, n))) return c;
  auto tail = [n](const Entry& e) -> int {
    if (n < e.name.size()) return static_cast<unsigned char>(e.name[n]);
    return e.folder ? '/' : 0;
  };
  return tail(a) - tail(b);
}

// Reads trees raw from the object database, keeping the last few: a
// commit's folder is its child's parent folder, read just before.
class TreeReader {
 public:
  explicit TreeReader(git_repository* repo) {
    git_odb* raw = nullptr;
    git_check(git_repository_odb(&raw, repo), "opening the object database for the history");
    odb_.reset(raw);
  }

  // The entries of tree `id`; valid until four other trees have been read.
  const std::vector<Entry>& read(const git_oid& id) {
    ++clock_;
    Slot* oldest = &slots_[0];
    for (auto& s : slots_) {
      if (s.object && git_oid_equal(&s.id, &id)) {
        s.used = clock_;
        return s.entries;
      }
      if (s.used < oldest->used) oldest = &s;
    }
    Slot& s = *oldest;
    s.object.reset();
    git_odb_object* raw = nullptr;
    git_check(git_odb_read(&raw, odb_.get(), &id), "reading tree " + oid_short(id) + " for the history");
    s.object.reset(raw);
    s.id = id;
    s.used = clock_;
    if (git_odb_object_type(raw) != GIT_OBJECT_TREE) throw Fatal("reading tree " + oid_short(id) + ": not a tree");
    parse(static_cast<const char*>(git_odb_object_data(raw)), git_odb_object_size(raw), id, s.entries);
    return s.entries;
  }

 private:
  static void parse(const char* p, std::size_t size, const git_oid& id, std::vector<Entry>& out) {
    out.clear();
    const char* end = p + size;
    auto malformed = [&] { return Fatal("reading tree " + oid_short(id) + ": malformed tree object"); };
    while (p < end) {
      unsigned mode = 0;
      for (; p < end && *p != ' '; ++p) {
        if (*p < '0' || *p > '7') throw malformed();
        mode = mode * 8 + static_cast<unsigned>(*p - '0');
      }
      if (p == end) throw malformed();
      ++p;
      const char* nul = static_cast<const char*>(std::memchr(p, 0, static_cast<std::size_t>(end - p)));
      if (!nul || static_cast<std::size_t>(end - nul - 1) < kIdSize) throw malformed();
      out.push_back({std::string_view(p, static_cast<std::size_t>(nul - p)), (mode & 0170000) == 0040000,
                     reinterpret_cast<const unsigned char*>(nul + 1)});
      p = nul + 1 + kIdSize;
    }
  }

  struct Slot {
    git_oid id{};
    GitOdbObject object;
    std::vector<Entry> entries;
    std::size_t used = 0;
  };
  GitOdb odb_;
  std::array<Slot, 4> slots_;
  std::size_t clock_ = 0;
};

// A folder to compare for one pair: its two versions (either may be absent).
struct Job {
  std::size_t pair = 0;
  std::string path;  // with its slash: "content/a/"
  std::optional<git_oid> a, b;
  bool whole = false;   // inside a folder added or deleted whole: `wanted` is not asked
  std::string checked;  // see TreeChange::checked
};

// What comparing a run of jobs found.
struct Found {
  std::vector<Job> next;  // folders to compare at the next level
  std::vector<std::pair<std::size_t, TreeChange>> changes;
  std::vector<std::size_t> incomplete;
};

void compare(TreeReader& reader, const Job& job, const WantedFolder& wanted, Found& out) {
  static const std::vector<Entry> none;
  // Both reads stay valid together: the reader keeps four trees.
  const std::vector<Entry>& x = job.a ? reader.read(*job.a) : none;
  const std::vector<Entry>& y = job.b ? reader.read(*job.b) : none;
  auto descend = [&](std::string path, const unsigned char* a, const unsigned char* b) {
    std::string checked = job.checked;
    if (!job.whole) {
      if (wanted && !wanted(path)) {
        out.incomplete.push_back(job.pair);
        return;
      }
      checked = path;
    }
    Job next{job.pair, std::move(path), std::nullopt, std::nullopt, job.whole || !a || !b, std::move(checked)};
    if (a) next.a = oid_of(a);
    if (b) next.b = oid_of(b);
    out.next.push_back(std::move(next));
  };
  auto change = [&](git_delta_t status, std::string path) {
    TreeChange c{status, "", "", job.checked};
    if (status != GIT_DELTA_ADDED) c.old_path = path;
    if (status != GIT_DELTA_DELETED) c.new_path = std::move(path);
    out.changes.emplace_back(job.pair, std::move(c));
  };
  std::size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    int order = i == x.size() ? 1 : j == y.size() ? -1 : git_order(x[i], y[j]);
    if (order == 0) {
      const Entry &ex = x[i++], &ey = y[j++];
      if (std::memcmp(ex.id, ey.id, kIdSize) == 0) continue;  // the common case: unchanged
      std::string path = job.path + std::string(ey.name);
      if (ex.folder && ey.folder)
        descend(path + "/", ex.id, ey.id);
      else if (!ex.folder && !ey.folder)
        change(GIT_DELTA_MODIFIED, std::move(path));
      continue;
    }
    const Entry& e = order < 0 ? x[i++] : y[j++];
    std::string path = job.path + std::string(e.name);
    if (e.folder)
      descend(path + "/", order < 0 ? e.id : nullptr, order < 0 ? nullptr : e.id);
    else
      change(order < 0 ? GIT_DELTA_DELETED : GIT_DELTA_ADDED, std::move(path));
  }
}

// The id of the folder `folder` ("a/b") in root tree `root`, if it is one.
std::optional<git_oid> find_folder(TreeReader& reader, const git_oid& root, std::string_view folder) {
  git_oid id = root;
  while (!folder.empty()) {
    std::size_t slash = folder.find('/');
    std::string_view name = folder.substr(0, slash);
    folder = slash == std::string_view::npos ? std::string_view() : folder.substr(slash + 1);
    const auto& entries = reader.read(id);
    auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.name == name; });
    if (it == entries.end() || !it->folder) return std::nullopt;
    id = oid_of(it->id);
  }
  return id;
}

// Tree readers for the threads, each with a repository handle of its own
// (libgit2 handles are single-threaded), lent and given back, so that a
// thread keeps its handle across the levels of the comparison.
class ReaderPool {
 public:
  struct Reader {
    GitRepository repo;
    TreeReader trees;
  };
  class Lease {
   public:
    Lease(ReaderPool& pool, std::unique_ptr<Reader> r) : pool_(&pool), reader_(std::move(r)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (!reader_) return;
      std::lock_guard lock(pool_->mutex_);
      pool_->idle_.push_back(std::move(reader_));
    }
    TreeReader& operator*() { return reader_->trees; }

   private:
    ReaderPool* pool_;
    std::unique_ptr<Reader> reader_;
  };

  explicit ReaderPool(const GitRepo& repo) : repo_(repo) {}
  Lease lend() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        auto r = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(r));
      }
    }
    GitRepository handle = repo_.reopen();
    TreeReader trees(handle.get());
    return Lease(*this, std::unique_ptr<Reader>(new Reader{std::move(handle), std::move(trees)}));
  }

 private:
  const GitRepo& repo_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Reader>> idle_;
};

// Jobs of one path are read together, newest first, in runs of at most this
// many (a run is one thread's work; each run starts its delta chains anew).
constexpr std::size_t kRun = 512;

}  // namespace

std::vector<PairChanges> tree_changes(const GitRepo& repo, const std::vector<TreePair>& pairs,
                                      const std::string& folder, const WantedFolder& wanted) {
  std::vector<PairChanges> result(pairs.size());
  std::vector<Job> jobs;
  {
    // Root trees are small, and each is the next pair's too.
    TreeReader reader(repo.get());
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      std::optional<git_oid> a, b;
      if (pairs[k].from) a = find_folder(reader, *pairs[k].from, folder);
      if (pairs[k].to) b = find_folder(reader, *pairs[k].to, folder);
      if ((a || b) && !(a && b && git_oid_equal(&*a, &*b))) jobs.push_back({k, folder + "/", a, b, false, ""});
    }
  }
  ReaderPool readers(repo);
  while (!jobs.empty()) {
    std::stable_sort(jobs.begin(), jobs.end(), [](const Job& x, const Job& y) { return x.path < y.path; });
    std::vector<std::size_t> runs;  // start of each run
    for (std::size_t k = 0; k < jobs.size(); ++k)
      if (runs.empty() || jobs[k].path != jobs[runs.back()].path || k - runs.back() == kRun) runs.push_back(k);
    runs.push_back(jobs.size());
    std::vector<Found> found(runs.size() - 1);
    parallel_for(
        found.size(), 0, [&] { return readers.lend(); },
        [&](ReaderPool::Lease& reader, std::size_t r) {
          for (std::size_t k = runs[r]; k < runs[r + 1]; ++k) compare(*reader, jobs[k], wanted, found[r]);
        });
    std::vector<Job> next;
    for (auto& f : found) {
      for (auto& [k, c] : f.changes) result[k].changes.push_back(std::move(c));
      for (std::size_t k : f.incomplete) result[k].complete = false;
      std::move(f.next.begin(), f.next.end(), std::back_inserter(next));
    }
    jobs = std::move(next);
  }
  return result;
}

}  // namespace prfaq
