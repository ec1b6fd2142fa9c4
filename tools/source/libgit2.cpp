#include "source/libgit2.h"

#include <git2.h>

namespace prfaq {

namespace {

struct Libgit2 {
  Libgit2() { git_libgit2_init(); }
  ~Libgit2() { git_libgit2_shutdown(); }
  Libgit2(const Libgit2&) = delete;
  Libgit2& operator=(const Libgit2&) = delete;
};

}  // namespace

void libgit2_init_once() {
  static Libgit2 guard;  // thread-safe initialisation, destroyed at exit
}

}  // namespace prfaq
