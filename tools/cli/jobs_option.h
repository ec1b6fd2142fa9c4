#pragma once
// `--jobs N`, as `prfaq check` and `prfaq build` take it: the number of
// threads, a positive whole number.
#include "cli/command.h"

namespace prfaq {

// The value of --jobs; 0 when it is not given (one thread per CPU). Throws
// Fatal for anything but a positive number written in digits ("0", "-1",
// "two", "4x", a number too large).
int jobs_option(const Args& args);

}  // namespace prfaq
