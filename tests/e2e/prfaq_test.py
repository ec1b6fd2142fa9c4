"""Shared support for the Python end-to-end tests: a temporary repository
written from a dict of files, and a runner for the real prfaq binary (its
path comes from CTest in $PRFAQ). A failing test keeps its folder and says
where."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

PRFAQ = os.environ.get("PRFAQ", "prfaq")


class Repo:
    def __init__(self, files=None):
        self.path = tempfile.mkdtemp(prefix="prfaq-e2e-")
        for name, text in (files or {}).items():
            self.write(name, text)

    def write(self, name, text):
        full = os.path.join(self.path, name)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        mode = "wb" if isinstance(text, bytes) else "w"
        with open(full, mode) as f:
            f.write(text)

    def read(self, name):
        with open(os.path.join(self.path, name), encoding="utf-8") as f:
            return f.read()

    def exists(self, name):
        return os.path.exists(os.path.join(self.path, name))

    def run(self, *args, cwd=None, env=None, stdin=None):
        e = dict(os.environ, PRFAQ_TODAY="2026-11-29", NO_COLOR="1")
        e.update(env or {})
        return subprocess.run([PRFAQ, *args], cwd=cwd or self.path, env=e, capture_output=True, text=True,
                              timeout=60, stdin=subprocess.DEVNULL if stdin is None else stdin)

    def git(self, *args):
        return subprocess.run(["git", *args], cwd=self.path, capture_output=True, text=True, check=True)


class TestCase(unittest.TestCase):
    def repo(self, files=None):
        r = Repo(files)
        self.addCleanup(self._cleanup, r)
        return r

    def _cleanup(self, r):
        outcome = getattr(self, "_outcome", None)
        failed = outcome is not None and any(err for _, err in getattr(outcome, "errors", []) if err) \
            or (outcome is not None and hasattr(outcome, "result") and
                any(t is self for t, _ in outcome.result.failures + outcome.result.errors))
        folder = getattr(r, "folder", r.path)
        if failed:
            print(f"repository kept at {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)

    def json(self, result):
        return json.loads(result.stdout)


IDEA = """+++
title = "{title}"
status = "idea"
owner = "ana@acme.example"
+++
"""

DRAFT_BROKEN = """+++
title = "Broken"
status = "draft"
owner = ["ana@acme.example"]
headline = "Acme launches a very good thing"
subheadline = "It helps."
customer = "Shoppers"
+++

## Press release

Acme launched it.

## Customer FAQ

### Is it free?

## Internal FAQ

### What does it cost?

Nothing at all, for 3 years.
"""


# ---------------------------------------------------------------------------
# Real Git: repositories run by the `git` command, with no system or user
# configuration (GIT_CONFIG_NOSYSTEM, HOME in the test's folder), and hooks
# watched by a spy that records whether a hook run changed the index or the
# working tree (it never may).

LADDER = ["idea", "draft", "review", "approved", "launched"]


def brief(title, status="idea", *, related=None, answered=True, launch="2026-06-30", extra=""):
    """A brief that meets exactly the bar of `status` (and no style warning);
    answered=False leaves a Customer FAQ question unanswered (faq-unanswered
    from draft up)."""
    level = LADDER.index(status)
    fm = [f'title = "{title}"', f'status = "{status}"', 'owner = ["ana@acme.example"]']
    if level >= 1:
        fm += [f'headline = "Acme launches {title} for shoppers"',
               'subheadline = "Shoppers get their refund in 10 seconds"',
               'customer = "Shoppers who return items"']
    if related:
        fm.append("related = [" + ", ".join(f'"{r}"' for r in related) + "]")
    if level >= 2:
        fm.append(f"launch = {launch}")
        for i, step in enumerate(["Start", "Scan", "Refund"]):
            fm += ["", "[[journey]]", f'step = "{step}"', f'detail = "The shopper does step {i + 1}"']
            if i == 2:
                fm.append("aha = true")
        fm += ["", "[[metric]]", 'name = "Refund time"', 'kind = "quality"', 'direction = "down"',
               "baseline = 120", "target = 1", "by = 2027-09-30"]
        if level >= 4:
            fm.append("actuals = [{ date = 2026-10-01, value = 2 }]")
    if level >= 3:
        fm += ["", "[business]", "headcount = 2", "months = 3", "cost = 90000"]
    if level >= 2:
        verdict = "approved" if level >= 3 else "pending"
        for role in ["engineering", "design", "marketing"]:
            fm += ["", "[[review]]", f'who = "{role}@acme.example"', f'role = "{role}"',
                   f'verdict = "{verdict}"', "date = 2026-11-20"]
    body = ""
    if level >= 1:
        body = ("\n## Press release\n\n"
                "Acme launched it today. \"Refunds now take 10 seconds,\" said Bo, the lead.\n\n"
                "\"I got my money back in 10 seconds,\" said Ana, a shopper.\n\n"
                "## Customer FAQ\n\n### Is it free?\n\n" + ("It is free for 3 years.\n" if answered else "") +
                "\n## Internal FAQ\n\n### Who is the customer?\n\nShoppers, 8 million of them.\n\n"
                "### What does it cost?\n\nIt costs $90,000 to build.\n\n"
                "### What are the risks and dependencies?\n\nFraud; the card network.\n\n"
                "### How will we measure success?\n\nThe refund time.\n")
    return "+++\n" + "\n".join(fm) + "\n+++\n" + body + extra


# Runs the real hook (NAME.prfaq next to it), recording in $PRFAQ_SPY_LOG
# whether the index (git ls-files -s, the bytes of the index Git hands the
# hook and of the repository's own index) or any working-tree file changed.
SPY = r'''#!{python}
import hashlib, json, os, subprocess, sys

def git(*args):
    return subprocess.run(["git", *args], capture_output=True).stdout

def snapshot():
    if git("rev-parse", "--is-bare-repository").strip() == b"true":
        return {{"refs": git("for-each-ref").decode()}}
    h = lambda b: hashlib.sha256(b).hexdigest()
    s = {{"ls-files -s": h(git("ls-files", "-s", "-z"))}}
    for index in (os.environ.get("GIT_INDEX_FILE"), os.path.join(git("rev-parse", "--git-dir").decode().strip(), "index")):
        if index and os.path.exists(index):
            s["index " + os.path.abspath(index)] = h(open(index, "rb").read())
    top = git("rev-parse", "--show-toplevel").decode().strip()
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d != ".git"]
        for f in files:
            if f == ".git":
                continue
            p = os.path.join(folder, f)
            s["file " + os.path.relpath(p, top)] = ("-> " + os.readlink(p)) if os.path.islink(p) else h(open(p, "rb").read())
    return s

hook = os.path.basename(sys.argv[0])
before = snapshot()
rc = subprocess.run([sys.argv[0] + ".prfaq", *sys.argv[1:]]).returncode
after = snapshot()
changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
with open(os.environ["PRFAQ_SPY_LOG"], "a") as log:
    log.write(json.dumps({{"hook": hook, "rc": rc, "changed": changed}}) + "\n")
sys.exit(rc)
'''


class GitRepo(Repo):
    """A Git repository in <folder>/<name>; <folder>/home is HOME for git and
    prfaq. Repositories made with `other` share the folder (and the spy log)."""

    def __init__(self, files=None, *, folder=None, name="repo", bare=False, init=True):
        self.folder = folder or tempfile.mkdtemp(prefix="prfaq-git-")
        self.home = os.path.join(self.folder, "home")
        self.spy_log = os.path.join(self.folder, "hook-runs.jsonl")
        self.path = os.path.join(self.folder, name)
        if not os.path.exists(self.home):
            os.makedirs(self.home)
            with open(os.path.join(self.home, ".gitconfig"), "w") as f:
                f.write("[user]\n\tname = Ana Test\n\temail = ana@acme.example\n"
                        "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n")
        if init:
            os.makedirs(self.path, exist_ok=True)
            self.git("init", "-q", *(["--bare"] if bare else []))
        for name_, text in (files or {}).items():
            self.write(name_, text)

    def other(self, name, **kw):
        return GitRepo(folder=self.folder, name=name, **kw)

    def env(self, extra=None):
        e = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        e.update(HOME=self.home, XDG_CONFIG_HOME=os.path.join(self.home, ".config"), GIT_CONFIG_NOSYSTEM="1",
                 LC_ALL="C.UTF-8", PRFAQ_TODAY="2026-11-29", NO_COLOR="1", PRFAQ=os.path.abspath(PRFAQ),
                 PRFAQ_SPY_LOG=self.spy_log)
        e.update(extra or {})
        return e

    def git(self, *args, check=True, cwd=None, env=None, input=None):
        res = subprocess.run(["git", *args], cwd=cwd or self.path, env=self.env(env), capture_output=True,
                             text=True, timeout=120, input=input, stdin=None if input is not None else subprocess.DEVNULL)
        if check and res.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} exited {res.returncode}:\n{res.stdout}{res.stderr}")
        return res

    def run(self, *args, cwd=None, env=None, stdin=None):
        return subprocess.run([PRFAQ, *args], cwd=cwd or self.path, env=self.env(env), capture_output=True,
                              text=True, timeout=60, stdin=subprocess.DEVNULL if stdin is None else stdin)

    def commit_all(self, message="set-up", verify=False):
        """Stages everything and commits; by default without hooks (set-up)."""
        self.git("add", "-A")
        return self.git("commit", "-q", "-m", message, *([] if verify else ["--no-verify"]))

    def commit(self, *args):
        """git commit with the hooks, not checked: the test looks at the result."""
        return self.git("commit", "-q", *args, check=False)

    def head(self):
        return self.git("rev-parse", "HEAD").stdout.strip()

    def hooks_dir(self):
        return self.git("rev-parse", "--git-path", "hooks").stdout.strip()

    def install_hooks(self, *args, spy=True):
        res = self.run("hook", "install", *args)
        if res.returncode != 0:
            raise AssertionError(f"prfaq hook install exited {res.returncode}:\n{res.stdout}{res.stderr}")
        if spy:
            for line in res.stdout.splitlines():
                self.spy(line.split(None, 1)[1])
        return res

    def spy(self, hook_path):
        """Puts the spy in front of the hook at hook_path."""
        hook_path = os.path.join(self.path, hook_path)
        os.replace(hook_path, hook_path + ".prfaq")
        with open(hook_path, "w") as f:
            f.write(SPY.format(python=sys.executable))
        os.chmod(hook_path, 0o755)

    def hook_runs(self):
        """The hook runs recorded since the last call: [(hook, exit code, what changed)]."""
        if not os.path.exists(self.spy_log):
            return []
        with open(self.spy_log) as f:
            runs = [json.loads(line) for line in f]
        os.remove(self.spy_log)
        return [(r["hook"], r["rc"], r["changed"]) for r in runs]

    def state(self):
        """What a hook must leave as it is: git ls-files -s, the index's bytes
        and every working-tree file's bytes."""
        s = {"ls-files": self.git("ls-files", "-s", "-z").stdout}
        index = os.path.join(self.path, self.git("rev-parse", "--git-dir").stdout.strip(), "index")
        if os.path.exists(index):
            with open(index, "rb") as f:
                s["index"] = f.read()
        for folder, dirs, files in os.walk(self.path):
            dirs[:] = [d for d in dirs if d != ".git"]
            for name in files:
                p = os.path.join(folder, name)
                if name == ".git":
                    continue
                if os.path.islink(p):
                    s[p] = "-> " + os.readlink(p)
                else:
                    with open(p, "rb") as f:
                        s[p] = f.read()
        return s


class GitTestCase(TestCase):
    def git_repo(self, files=None, **kw):
        r = GitRepo(files, **kw)
        self.addCleanup(self._cleanup, r)
        return r

    def assertHookRuns(self, repo, expected):
        """The hooks that ran since the last look, each (name, exit code);
        none of them changed the index or the working tree."""
        runs = repo.hook_runs()
        for hook, rc, changed in runs:
            self.assertEqual(changed, [], f"{hook} changed the repository")
        self.assertEqual([(hook, rc) for hook, rc, _ in runs], expected)
