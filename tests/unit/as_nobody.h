#pragma once
// Runs a check as an ordinary user. Permission checks are what some tests
// are about (a read-only folder), and root ignores permissions; so when the
// tests run as root, `fn` runs in a forked child switched to user nobody
// (65534), and its result comes back through a pipe.
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <optional>
#include <string>

namespace prfaq::test {

// fn's result, or nullopt when the child could not become nobody (no
// setuid: the caller says so with WARN). Throws nothing; a child that
// throws or crashes returns "child failed".
template <class Fn>
std::optional<std::string> as_nobody(Fn fn) {
  if (::geteuid() != 0) return fn();
  int msg[2];
  if (::pipe(msg) != 0) return "pipe failed";
  pid_t child = ::fork();
  if (child < 0) return "fork failed";
  if (child == 0) {
    ::close(msg[0]);
    if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(2);
    std::string out;
    try {
      out = fn();
    } catch (...) {
      ::_exit(4);
    }
    ::_exit(::write(msg[1], out.data(), out.size()) == static_cast<ssize_t>(out.size()) ? 0 : 3);
  }
  ::close(msg[1]);
  std::string out;
  char buf[512];
  for (ssize_t n; (n = ::read(msg[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  ::close(msg[0]);
  int status = 0;
  if (::waitpid(child, &status, 0) != child || !WIFEXITED(status)) return "child failed";
  if (WEXITSTATUS(status) == 2) return std::nullopt;
  if (WEXITSTATUS(status) != 0) return "child failed";
  return out;
}

}  // namespace prfaq::test
