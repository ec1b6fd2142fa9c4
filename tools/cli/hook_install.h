#pragma once
// prfaq hook install / uninstall: the pre-commit, pre-push and
// pre-merge-commit shims, written where Git runs hooks (core.hooksPath when
// set, else the common .git/hooks shared by all worktrees). A hook prfaq did not write is left alone unless
// --force; uninstall removes only prfaq's own.
#include "cli/command.h"

namespace prfaq {

int install_hooks(Io& io, bool force);
int uninstall_hooks(Io& io);

}  // namespace prfaq
