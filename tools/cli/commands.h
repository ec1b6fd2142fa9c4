#pragma once
// The commands' entry points, one file each (cli/cmd_*.cpp). Each returns
// the exit code; "cannot go on" is a Fatal exception, caught in main.
#include "cli/command.h"

namespace prfaq {

int run_check(const Args& args, Io& io);
int run_list(const Args& args, Io& io);
int run_new(const Args& args, Io& io);
int run_init(const Args& args, Io& io);
int run_rules(const Args& args, Io& io);
int run_hook(const Args& args, Io& io);
int run_log(const Args& args, Io& io);
int run_build(const Args& args, Io& io);
int run_serve(const Args& args, Io& io);

}  // namespace prfaq
