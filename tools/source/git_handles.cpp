#include "source/git_handles.h"

#include "util/error.h"

namespace prfaq {

int git_check(int rc, const std::string& doing) {
  if (rc >= 0) return rc;
  const git_error* e = git_error_last();  // can be NULL in libgit2 1.5
  throw Fatal(doing + ": " + (e && e->message ? e->message : "libgit2 error " + std::to_string(rc)));
}

std::string oid_hex(const git_oid& id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

std::string oid_short(const git_oid& id) { return oid_hex(id).substr(0, 7); }

}  // namespace prfaq
