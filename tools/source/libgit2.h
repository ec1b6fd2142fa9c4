#pragma once
// libgit2 is initialised on first use, not at start-up: its initialisation
// loads the TLS certificate store (about 15 ms here), which commands that
// never touch Git should not pay. Call before any other libgit2 function;
// shutdown happens once at exit.
namespace prfaq {

void libgit2_init_once();

}  // namespace prfaq
