#include "source/libgit2.h"

#include <git2.h>

namespace prfaq {

namespace {

struct Libgit2 {
  Libgit2() {
    git_libgit2_init();
    // libgit2 caches trees only up to 4 KB by default; a folder of a few
    // hundred briefs is a 30 KB tree that every commit of a history walk
    // reads twice (as a commit's tree and as its child's parent tree).
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, static_cast<size_t>(1) << 20);
    // libgit2 re-hashes every object it reads (SHA-1 with collision
    // detection): over half the time of a history walk. Git itself trusts
    // its object store on reads and leaves verification to git fsck.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  }
  ~Libgit2() { git_libgit2_shutdown(); }
  Libgit2(const Libgit2&) = delete;
  Libgit2& operator=(const Libgit2&) = delete;
};

}  // namespace

void libgit2_init_once() {
  static Libgit2 guard;  // thread-safe initialisation, destroyed at exit
}

}  // namespace prfaq
