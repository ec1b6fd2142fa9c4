#include "source/git_source.h"

#include <exception>

#include "util/error.h"

namespace prfaq {

void GitSource::add(std::string path, const git_oid& id, git_filemode_t mode) {
  if (mode == GIT_FILEMODE_LINK || mode == GIT_FILEMODE_COMMIT) {
    skipped_.emplace(std::move(path),
                     mode == GIT_FILEMODE_LINK ? SkippedEntry::Kind::symlink : SkippedEntry::Kind::submodule);
    return;
  }
  if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return;
  files_.emplace_hint(files_.end(), std::move(path), id);  // both sources add in sorted order
}

std::unique_ptr<GitSource> GitSource::from_index(const GitRepo& repo) {
  return from_index(repo, read_staged_index(repo));
}

std::unique_ptr<GitSource> GitSource::from_index(const GitRepo& repo, StagedIndex index) {
  std::unique_ptr<GitSource> s(new GitSource(repo, "the index"));
  for (auto& e : index.entries) s->add(std::move(e.path), e.id, static_cast<git_filemode_t>(e.mode));
  return s;
}

std::unique_ptr<GitSource> GitSource::from_commit(const GitRepo& repo, const git_oid& commit_id, std::string label) {
  std::unique_ptr<GitSource> s(new GitSource(repo, std::move(label)));
  s->lazy_commit_ = commit_id;
  s->load_tree();
  return s;
}

std::unique_ptr<GitSource> GitSource::lazy_commit(const GitRepo& repo, const git_oid& commit_id, std::string label) {
  std::unique_ptr<GitSource> s(new GitSource(repo, std::move(label)));
  s->lazy_commit_ = commit_id;
  return s;
}

void GitSource::load_tree() const {
  std::call_once(listed_, [&] {
    if (!lazy_commit_) return;
    GitTree tree = repo_->commit_tree(*lazy_commit_);
    struct Ctx {
      GitSource* s;
      std::exception_ptr error;
    } ctx{const_cast<GitSource*>(this), nullptr};
    // No exception may cross libgit2: catch in the callback, stop the walk
    // with a negative return, rethrow afterwards.
    auto cb = [](const char* root, const git_tree_entry* e, void* payload) -> int {
      auto* c = static_cast<Ctx*>(payload);
      try {
        if (git_tree_entry_type(e) == GIT_OBJECT_TREE) return 0;
        c->s->add(std::string(root) + git_tree_entry_name(e), *git_tree_entry_id(e), git_tree_entry_filemode(e));
        return 0;
      } catch (...) {
        c->error = std::current_exception();
        return -1;
      }
    };
    int rc = git_tree_walk(tree.get(), GIT_TREEWALK_PRE, cb, &ctx);
    if (ctx.error) std::rethrow_exception(ctx.error);
    git_check(rc, "walking the tree of commit " + oid_short(*lazy_commit_));
    const_cast<GitSource*>(this)->lazy_commit_.reset();
  });
}

Listing GitSource::list_all(std::string_view dir) const {
  load_tree();
  Listing out;
  std::string prefix = dir.empty() ? "" : std::string(dir) + "/";
  if (auto self = skipped_.find(std::string(dir)); !dir.empty() && self != skipped_.end())
    out.skipped.push_back({self->second, self->first});  // `dir` is a link (or a submodule) itself
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix); ++it)
    out.files.push_back(it->first);
  for (auto it = skipped_.lower_bound(prefix); it != skipped_.end() && it->first.starts_with(prefix); ++it)
    out.skipped.push_back({it->second, it->first});
  return out;
}

std::optional<git_oid> GitSource::blob_id(std::string_view path) const {
  if (lazy_commit_) {
    // Not listed: find this one file in the commit's tree.
    std::lock_guard lock(mutex_);
    GitTree tree = repo_->commit_tree(*lazy_commit_);
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, tree.get(), std::string(path).c_str()) != 0) return std::nullopt;
    GitTreeEntry entry(raw);  // bypath returns an entry we own
    git_filemode_t mode = git_tree_entry_filemode(entry.get());
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return std::nullopt;
    return *git_tree_entry_id(entry.get());
  }
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> GitSource::read(std::string_view path) const {
  auto id = blob_id(path);
  if (!id) return std::nullopt;
  GitRepository handle;
  {
    std::lock_guard lock(mutex_);
    if (!pool_.empty()) {
      handle = std::move(pool_.back());
      pool_.pop_back();
    }
  }
  if (!handle) handle = repo_->reopen();
  std::string bytes;
  {
    git_blob* raw = nullptr;
    git_check(git_blob_lookup(&raw, handle.get(), &*id), "reading " + std::string(path) + " from " + label_);
    GitBlob blob(raw);
    // The content lives as long as the blob: copy it out before freeing.
    const char* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
    bytes.assign(data, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
  }
  std::lock_guard lock(mutex_);
  pool_.push_back(std::move(handle));
  return bytes;
}

bool GitSource::exists(std::string_view path) const {
  load_tree();
  if (files_.count(path)) return true;
  // A folder: some file's path starts with it and a slash.
  std::string folder = std::string(path) + "/";
  auto it = files_.lower_bound(folder);
  return it != files_.end() && it->first.starts_with(folder);
}

}  // namespace prfaq
