#!/usr/bin/env python3
"""Make a Git repository of N briefs with C commits, fast, for benchmarks.

    python3 bench/gen_history.py REPO N COMMITS [--seed S]

Writes the briefs with bench/gen_corpus.py, then streams the history into
`git fast-import`: the first N commits add one brief each (authors rotate,
dates one hour apart), the remaining COMMITS - N each edit one brief (a
changed line in its press release), so every brief has a history of a few
commits. The work tree is checked out and the objects repacked (as a clone
would have them) at the end. Standard library only.
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time

AUTHORS = [("Ana Lima", "ana@acme.example"), ("Ben Carter", "ben@acme.example"),
           ("Chen Wei", "chen@acme.example"), ("Dana Ross", "dana@acme.example"),
           ("Eli Novak", "eli@acme.example"), ("Fatima Khan", "fatima@acme.example")]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repo")
    ap.add_argument("n", type=int)
    ap.add_argument("commits", type=int)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if os.path.exists(a.repo):
        sys.exit(f"{a.repo} exists; remove it first")
    start = time.time()
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = tempfile.mkdtemp(prefix="prfaq-corpus-")
    subprocess.run([sys.executable, os.path.join(here, "gen_corpus.py"), corpus, str(a.n), "--seed", str(a.seed)],
                   check=True, stdout=subprocess.DEVNULL)
    files = []
    for root, _, names in os.walk(os.path.join(corpus, "content")):
        for name in names:
            full = os.path.join(root, name)
            files.append((os.path.relpath(full, corpus), open(full, "rb").read()))
    files.sort()
    briefs = [i for i, (p, _) in enumerate(files) if p.endswith(".md")]
    os.makedirs(a.repo)
    subprocess.run(["git", "init", "-q", "-b", "main", a.repo], check=True)
    fi = subprocess.Popen(["git", "-C", a.repo, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    out = fi.stdin
    rng = random.Random(a.seed)
    t0 = 1_700_000_000
    mark = 0

    def commit(when, author, message, ops):
        nonlocal mark
        mark += 1
        name, email = author
        msg = message.encode()
        out.write(b"commit refs/heads/main\nmark :%d\n" % mark)
        out.write(b"author %s <%s> %d +0000\n" % (name.encode(), email.encode(), when))
        out.write(b"committer %s <%s> %d +0000\n" % (name.encode(), email.encode(), when))
        out.write(b"data %d\n%s\n" % (len(msg), msg))
        if mark > 1:
            out.write(b"from :%d\n" % (mark - 1))
        for path, data in ops:
            out.write(b"M 100644 inline %s\ndata %d\n" % (path.encode(), len(data)))
            out.write(data + b"\n")

    # The repository's own files first, then each brief (with its bundle's
    # other files) in a commit of its own.
    commit(t0, AUTHORS[0], "Start the briefs repository", [("prfaq.toml", b"# benchmark repository\n")])
    n = 1
    for i in briefs:
        path, data = files[i]
        ops = [(path, data)]
        if path.endswith("/index.md"):  # a bundle: with its screens and other files
            folder = os.path.dirname(path) + "/"
            ops = [(p, d) for p, d in files if p.startswith(folder)]
        commit(t0 + 3600 * n, AUTHORS[n % len(AUTHORS)], f"Add {os.path.basename(path)}", ops)
        n += 1
    current = {i: files[i][1] for i in briefs}
    while n < a.commits:
        i = rng.choice(briefs)
        path = files[i][0]
        text = current[i]
        marker = b"\n## Press release\n\n"
        at = text.find(marker)
        edit = b"Update %d: the team checked the numbers again.\n\n" % n
        text = text[:at + len(marker)] + edit + text[at + len(marker):] if at >= 0 else text + b"\n" + edit
        current[i] = text
        commit(t0 + 3600 * n, AUTHORS[n % len(AUTHORS)], f"Edit {os.path.basename(path)} ({n})", [(path, text)])
        n += 1
    out.close()
    if fi.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "-C", a.repo, "checkout", "-q", "-f", "main"], check=True)
    # Pack as a clone from a server would be (fast-import's own deltas are
    # only against the previous version of the same path).
    subprocess.run(["git", "-C", a.repo, "repack", "-adfq"], check=True)
    subprocess.run(["rm", "-rf", corpus])
    print(f"{a.repo}: {len(briefs)} briefs, {n} commits, {time.time() - start:.1f} s")


if __name__ == "__main__":
    main()
