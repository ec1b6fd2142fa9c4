#!/usr/bin/env python3
"""Runs one end-to-end case: a whole repository and the expected result of
running the real prfaq binary on it, written as one text file.

A case file is a list of sections, each starting with a line `-- NAME --`:
  -- args --     the prfaq command line (shell words), one run per line
  -- exit --     expected exit code (default 0)
  -- stdout --   expected standard output, exactly (omit to not compare)
  -- stderr --   expected standard error, exactly (omit: must be empty)
  -- <path> --   any other name is a file written into the repository
Text before the first section is a comment. Files are written as UTF-8 with
`\\r` spelled as the two characters `<CR>` so CRLF cases stay readable.
The run uses PRFAQ_TODAY=2026-11-29 and no colour. On failure the repository
is kept and its path printed.

usage: run_case.py PRFAQ_BINARY CASE_FILE
"""
import os
import shlex
import subprocess
import sys
import tempfile

CONTROL = {"args", "exit", "stdout", "stderr"}


def parse(text):
    sections, name, lines = {}, None, []
    for line in text.splitlines(keepends=True):
        if line.startswith("-- ") and line.rstrip("\n").endswith(" --"):
            if name is not None:
                sections[name] = "".join(lines)
            name, lines = line.rstrip("\n")[3:-3], []
        elif name is not None:
            lines.append(line)
    if name is not None:
        sections[name] = "".join(lines)
    return sections


def main():
    binary, case = sys.argv[1], sys.argv[2]
    with open(case, encoding="utf-8") as f:
        sections = parse(f.read())
    repo = tempfile.mkdtemp(prefix="prfaq-e2e-")
    for name, body in sections.items():
        if name in CONTROL:
            continue
        path = os.path.join(repo, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(body.replace("<CR>", "\r").encode("utf-8"))
    env = dict(os.environ, PRFAQ_TODAY="2026-11-29", NO_COLOR="1")
    args = shlex.split(sections.get("args", "check").strip())
    run = subprocess.run([binary] + args, cwd=repo, env=env, capture_output=True, timeout=60)
    failures = []
    want_exit = int(sections.get("exit", "0").strip() or 0)
    if run.returncode != want_exit:
        failures.append(f"exit code: want {want_exit}, got {run.returncode}")
    out, err = run.stdout.decode("utf-8", "replace"), run.stderr.decode("utf-8", "replace")
    if "stdout" in sections and out != sections["stdout"]:
        failures.append("stdout differs:\n--- want\n" + sections["stdout"] + "--- got\n" + out)
    if err != sections.get("stderr", ""):
        failures.append("stderr differs:\n--- want\n" + sections.get("stderr", "") + "--- got\n" + err)
    if failures:
        print(f"FAIL {case}\nrepository kept at {repo}\ncommand: prfaq {shlex.join(args)}")
        print("\n".join(failures))
        return 1
    subprocess.run(["rm", "-rf", repo])
    return 0


if __name__ == "__main__":
    sys.exit(main())
