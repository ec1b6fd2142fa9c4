"""Shared support for the Python end-to-end tests: a temporary repository
written from a dict of files, and a runner for the real prfaq binary (its
path comes from CTest in $PRFAQ). A failing test keeps its folder and says
where."""
import json
import os
import shutil
import subprocess
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
        if failed:
            print(f"repository kept at {r.path}")
        else:
            shutil.rmtree(r.path, ignore_errors=True)

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
