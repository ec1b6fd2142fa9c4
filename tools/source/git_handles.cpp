#include "source/git_handles.h"

#include "util/error.h"

namespace prfaq {

int git_check(int rc, const std::string& doing) {
  if (rc >= 0) return rc;
  const git_error* e = git_error_last();  // can be NULL in libgit2 1.5
  std::string message = e && e->message ? e->message : "libgit2 error " + std::to_string(rc);
  // libgit2 1.5 cannot read a split index (git update-index --split-index,
  // core.splitIndex): say what it is and how to undo it.
  if (message.find("extension: 'link'") != std::string::npos)
    message += " (the index is split, core.splitIndex, which libgit2 cannot read; join it with: "
               "git config core.splitIndex false && git update-index --no-split-index)";
  throw Fatal(doing + ": " + message);
}

std::string oid_hex(const git_oid& id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

std::string oid_short(const git_oid& id) { return oid_hex(id).substr(0, 7); }

}  // namespace prfaq
