"""The hooks and the Git sources driven by the real `git` command: what a
commit, a merge, a push and a server see, in temporary repositories with no
system or user Git configuration. Every hook runs behind a spy that fails the
test if the hook changed the index or the working tree."""
import os
import re
import shutil
import subprocess
import unittest

from prfaq_test import PRFAQ, GitTestCase, brief

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

BLOCKED = "prfaq: commit blocked: "
COMMIT_HINT = "Fix what is listed and stage it (git add), or commit anyway on purpose with: git commit --no-verify"
FINDING = re.compile(r"^(remote: )?\S.*:\d+:\d+: (error|warning): .* \[[a-z0-9-]+\]$")

BAD = brief("Bad", "draft", answered=False)
UNANSWERED = ':18:1: error: question has no answer: "Is it free?" [faq-unanswered]'


def left_alone(hooks, hook):
    """What `prfaq hook install` says of a hook it leaves as it is."""
    return (f"prfaq: {hooks}/{hook} exists and was not written by prfaq (or was changed since): left as it is.\n"
            f"  To run both, add this line to it:  prfaq hook {hook} \"$@\" || exit 1\n"
            + ("  (pre-push also needs its standard input: see docs/reference.md, Hooks)\n" if hook == "pre-push" else "")
            + "  To replace it: prfaq hook install --force\n")


def findings(stderr):
    return [line for line in stderr.splitlines() if FINDING.match(line)]


class Test(GitTestCase):
    def assertBlocked(self, res, expected, briefs=1):
        """A commit stopped by the pre-commit hook: exit 1, the blocked
        message first, exactly these findings, the --no-verify hint last."""
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        lines = res.stderr.splitlines()
        noun = "1 brief has" if briefs == 1 else f"{briefs} briefs have"
        self.assertEqual(lines[0], f"{BLOCKED}{noun} errors (what a brief lacks for its status, or what the change breaks)", res.stderr)
        self.assertEqual(lines[-1], COMMIT_HINT, res.stderr)
        self.assertEqual(findings(res.stderr), expected, res.stderr)

    def assertPassed(self, res):
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        self.assertNotIn("prfaq:", res.stderr)

    def blocked_commit(self, r, *args):
        """A commit the hook must stop, leaving index and working tree as they
        were. (git commit itself rewrites the index with fresh stat data and
        cache tree before the hook runs: done here first, so that the bytes
        compare.)"""
        r.git("update-index", "-q", "--refresh", check=False)
        r.git("write-tree")
        before = r.state()
        head = r.git("rev-parse", "-q", "--verify", "HEAD", check=False).stdout
        res = r.commit(*args)
        self.assertEqual(r.state(), before)
        self.assertEqual(r.git("rev-parse", "-q", "--verify", "HEAD", check=False).stdout, head)
        return res

    def started(self, files, hooks=True):
        """A repository with `files` committed and the hooks installed."""
        r = self.git_repo(files)
        r.commit_all()
        if hooks:
            r.install_hooks()
        return r

    # -- what pre-commit checks: exactly what will be committed ------------

    def test_partial_staging_broken_version_staged_is_blocked(self):
        r = self.started({"content/a.md": brief("A", "idea")})
        r.write("content/a.md", BAD.replace("Bad", "A"))
        r.git("add", "content/a.md")
        r.write("content/a.md", brief("A", "draft"))  # fixed, but not staged
        res = self.blocked_commit(r, "-m", "a")
        self.assertBlocked(res, ["content/a.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1)])

    def test_partial_staging_good_version_staged_passes(self):
        r = self.started({"content/a.md": brief("A", "idea")})
        r.write("content/a.md", brief("A", "draft"))
        r.git("add", "content/a.md")
        r.write("content/a.md", BAD.replace("Bad", "A"))  # broken, but not staged
        self.assertPassed(r.commit("-m", "a"))
        self.assertHookRuns(r, [("pre-commit", 0)])
        self.assertEqual(r.git("show", "HEAD:content/a.md").stdout, brief("A", "draft"))

    def test_commit_all_checks_the_working_tree_version(self):
        r = self.started({"content/a.md": brief("A", "draft")})
        r.write("content/a.md", BAD.replace("Bad", "A"))
        # The index still holds the good version: git commit -a hands the
        # hook a temporary index with the working tree's.
        res = self.blocked_commit(r, "-a", "-m", "a")
        self.assertBlocked(res, ["content/a.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1)])
        r.write("content/a.md", brief("A", "draft").replace('status = "draft"', 'status = "review"'))
        res = self.blocked_commit(r, "-a", "-m", "a")
        self.assertBlocked(res, findings(res.stderr))
        self.assertIn("content/a.md:1:1: error: the user journey has 0 steps; it needs at least 3 [[journey]] "
                      "steps (required from review) [journey-steps]", findings(res.stderr))
        self.assertHookRuns(r, [("pre-commit", 1)])
        # From a sub-folder: the hook still sees the temporary index.
        sub = os.path.join(r.path, "content")
        self.assertBlocked(r.git("commit", "-q", "-a", "-m", "a", check=False, cwd=sub), findings(res.stderr))
        self.assertHookRuns(r, [("pre-commit", 1)])
        r.write("content/a.md", brief("A", "draft", extra="\nMore text.\n"))
        self.assertPassed(r.git("commit", "-q", "-a", "-m", "a", check=False, cwd=sub))
        self.assertHookRuns(r, [("pre-commit", 0)])

    def test_every_index_format_git_writes_is_read_as_staged(self):
        # Versions 2, 3 and 4, and a split index (core.splitIndex), each with
        # a file added with intent (git add -N), which a commit leaves out.
        flavours = {
            "2": [],
            "3": [],  # git add -N needs the extended flags of version 3
            "4": [["update-index", "--index-version", "4"]],
        }
        for name, setup in flavours.items():
            with self.subTest(index=name):
                r = self.started({"content/team1/a.md": brief("A", "draft"), "content/team2/b.md": brief("B", "idea"),
                                  "content/other/c.md": brief("C", "idea")})
                for args in setup:
                    r.git(*args)
                r.write("content/team1/a.md", BAD.replace("Bad", "A"))
                r.git("add", "content/team1/a.md")
                if name != "2":
                    r.write("content/team2/new.md", BAD.replace("Bad", "New"))
                    r.git("add", "-N", "content/team2/new.md")
                with open(os.path.join(r.path, ".git", "index"), "rb") as f:
                    version = int.from_bytes(f.read(8)[4:], "big")
                self.assertEqual(version, int(name))
                res = self.blocked_commit(r, "-m", "a")
                self.assertBlocked(res, ["content/team1/a.md" + UNANSWERED])
                staged = r.run("check", "--staged")
                self.assertEqual(staged.returncode, 1, staged.stdout + staged.stderr)
                self.assertEqual(findings(staged.stdout), ["content/team1/a.md" + UNANSWERED])
                r.write("content/team1/a.md", brief("A2", "draft"))
                r.git("add", "content/team1/a.md")
                self.assertPassed(r.commit("-m", "a"))
                self.assertEqual(r.git("ls-tree", "-r", "--name-only", "HEAD").stdout.split(),
                                 ["content/other/c.md", "content/team1/a.md", "content/team2/b.md"])

    def test_libgit2_loads_no_tls_certificates(self):
        # prfaq opens no network connection; libgit2's call that parses the
        # system's CA certificates at start-up binds to prfaq's stand-in
        # (tools/cli/no_tls_certificates.cpp), as the dynamic linker shows.
        r = self.started({"content/a.md": brief("A", "idea")}, hooks=False)
        res = r.run("check", "--staged", env={"LD_DEBUG": "bindings"})
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertRegex(res.stderr, r"binding file \S*libgit2\.so\S* \[0\] to \S*prfaq \[0\]: "
                                     r"normal symbol `mbedtls_x509_crt_parse_file'")

    def test_a_corrupt_index_is_exit_2_with_the_reason(self):
        r = self.started({"content/a.md": brief("A", "idea")}, hooks=False)
        index = os.path.join(r.path, ".git", "index")
        with open(index, "rb") as f:
            whole = f.read()
        for cut in (whole[:100], whole[:12] + b"\xff" * 60, b"DIRC\0\0\0\x07" + whole[8:]):
            with open(index, "wb") as f:
                f.write(cut)
            for args in (["hook", "pre-commit"], ["check", "--staged"]):
                res = r.run(*args)
                self.assertEqual(res.returncode, 2, res.stdout + res.stderr)
                self.assertRegex(res.stderr, r"^prfaq: error: (opening the Git repository at .*|reading the Git index): "
                                             r".*(index|version).*\n$")

    def test_a_split_index_is_refused_with_how_to_join_it(self):
        # libgit2 1.5 reads no split index: the hook says so, and how to undo
        # it, and the commit does not happen.
        r = self.started({"content/a.md": brief("A", "draft")})
        r.git("config", "core.splitIndex", "true")
        r.git("update-index", "--split-index")
        r.write("content/a.md", brief("A2", "draft"))
        r.git("add", "content/a.md")
        res = r.commit("-m", "a")
        self.assertEqual(res.returncode, 1, res.stderr)
        self.assertRegex(res.stderr, r"^prfaq: error: opening the Git repository at .*: unsupported mandatory "
                         r"extension: 'link' \(the index is split, core.splitIndex, which libgit2 cannot read; join "
                         r"it with: git config core.splitIndex false && git update-index --no-split-index\)\n$")
        self.assertEqual(r.git("rev-list", "--count", "HEAD").stdout.strip(), "1")
        r.git("config", "core.splitIndex", "false")
        r.git("update-index", "--no-split-index")
        self.assertPassed(r.commit("-m", "a"))

    def test_commit_path_checks_only_that_path_from_the_working_tree(self):
        r = self.started({"content/a.md": brief("A", "draft"), "content/b.md": brief("B", "idea")})
        r.write("content/b.md", BAD)
        r.git("add", "content/b.md")  # staged, but not part of `git commit content/a.md`
        r.write("content/a.md", BAD.replace("Bad", "A"))
        res = self.blocked_commit(r, "-m", "a", "content/a.md")
        self.assertBlocked(res, ["content/a.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1)])
        r.write("content/a.md", brief("A", "draft", extra="\nMore text.\n"))
        self.assertPassed(r.git("commit", "-q", "-m", "a", "a.md", check=False, cwd=os.path.join(r.path, "content")))
        self.assertHookRuns(r, [("pre-commit", 0)])
        # b.md's broken version is still staged, and still not committed.
        self.assertEqual(r.git("show", "HEAD:content/b.md").stdout, brief("B", "idea"))
        self.assertEqual(r.git("show", ":content/b.md").stdout, BAD)

    # -- repository-wide rules: renames and deletions ----------------------

    def test_rename_checks_the_new_name_and_reports_what_named_the_old(self):
        r = self.started({
            "content/old-name.md": brief("Old", "draft"),
            "content/linker.md": brief("Linker", "idea", extra="\nSee [the old one](old-name.md).\n"),
            "content/relative.md": brief("Relative", "idea", related=["old-name"]),
            "content/bystander.md": brief("Bystander", "idea"),
        })
        r.git("mv", "content/old-name.md", "content/new-name.md")
        res = self.blocked_commit(r, "-m", "rename")
        self.assertBlocked(res, [
            "content/linker.md:7:19: error: link 'old-name.md' points at content/old-name.md, which is no file "
            "and no brief [link-broken]",
            "content/relative.md:5:12: error: 'related' names 'old-name', but no brief has that slug [related-unknown]",
        ], briefs=2)
        self.assertHookRuns(r, [("pre-commit", 1)])
        # Fixed: the renamed brief is checked under its new name.
        r.write("content/linker.md", brief("Linker", "idea", extra="\nSee [the new one](new-name.md).\n"))
        r.write("content/relative.md", brief("Relative", "idea", related=["new-name"]))
        r.write("content/new-name.md", brief("Old", "draft", answered=False))
        r.git("add", "-A")
        res = self.blocked_commit(r, "-m", "rename")
        self.assertBlocked(res, ["content/new-name.md" + UNANSWERED])
        r.hook_runs()
        r.write("content/new-name.md", brief("Old", "draft"))
        r.git("add", "-A")
        self.assertPassed(r.commit("-m", "rename"))
        self.assertHookRuns(r, [("pre-commit", 0)])
        self.assertIn("R100\tcontent/old-name.md\tcontent/new-name.md",
                      r.git("show", "--name-status", "-M", "--format=", "HEAD").stdout)

    def test_delete_of_a_linked_brief_is_blocked(self):
        r = self.started({
            "content/target.md": brief("Target", "idea"),
            "content/linker.md": brief("Linker", "idea", extra="\nSee [it](target.md).\n"),
        })
        r.git("rm", "-q", "content/target.md")
        res = self.blocked_commit(r, "-m", "delete")
        self.assertBlocked(res, ["content/linker.md:7:10: error: link 'target.md' points at content/target.md, "
                                 "which is no file and no brief [link-broken]"])
        self.assertHookRuns(r, [("pre-commit", 1)])
        # Deleting a brief nobody names is fine.
        r.git("reset", "-q", "HEAD", "content/target.md")
        r.git("checkout", "-q", "--", "content/target.md")
        r.write("content/linker.md", brief("Linker", "idea"))
        r.git("add", "-A")
        r.git("rm", "-q", "content/target.md")
        self.assertPassed(r.commit("-m", "delete"))
        self.assertHookRuns(r, [("pre-commit", 0)])

    def test_staged_brief_colliding_with_an_unchanged_one_is_blocked(self):
        r = self.started({"content/payments/refunds.md": brief("Refunds", "idea")})
        r.write("content/growth/refunds.md", brief("Other", "idea"))
        r.git("add", "-A")
        self.assertBlocked(self.blocked_commit(r, "-m", "collide"), [
            "content/growth/refunds.md:1:1: error: slug 'refunds' is also the slug of content/payments/refunds.md "
            "[slug-collision]",
        ])
        self.assertHookRuns(r, [("pre-commit", 1)])
        # Also when they differ only in case.
        os.rename(os.path.join(r.path, "content/growth/refunds.md"), os.path.join(r.path, "content/growth/Refunds.md"))
        r.git("add", "-A")
        res = self.blocked_commit(r, "-m", "collide")
        self.assertBlocked(res, findings(res.stderr))
        self.assertIn("content/growth/Refunds.md:1:1: error: slug 'Refunds' is also the slug of "
                      "content/payments/refunds.md (they differ only in case, which collides on macOS and Windows) "
                      "[slug-collision]", findings(res.stderr))
        self.assertHookRuns(r, [("pre-commit", 1)])

    def test_warnings_are_shown_and_do_not_block(self):
        r = self.started({"content/a.md": brief("A", "idea")})
        r.write("content/a.md", brief("A", "draft", extra="\nIt is very good.\n"))
        res = r.commit("-a", "-m", "a")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(findings(res.stderr), ["content/a.md:40:7: warning: 'very' is a weasel word: say how much, with a "
                                                "number [weasel-words]"])
        self.assertNotIn("blocked", res.stderr)
        self.assertHookRuns(r, [("pre-commit", 0)])

    # -- status moves, against the committed version -----------------------

    def test_status_draft_to_launched_is_blocked(self):
        r = self.started({"content/a.md": brief("A", "draft")})
        r.write("content/a.md", brief("A", "launched"))
        r.git("add", "-A")
        res = self.blocked_commit(r, "-m", "launch")
        self.assertBlocked(res, [
            "content/a.md:3:10: error: status moved from draft to launched; launched may only follow approved "
            "([transitions] in prfaq.toml) [status-transition]",
        ])
        self.assertHookRuns(r, [("pre-commit", 1)])
        # prfaq.toml can allow the move (and the change to it is checked too).
        r.write("prfaq.toml", '[transitions]\nlaunched = ["approved", "draft"]\n')
        r.git("add", "-A")
        self.assertPassed(r.commit("-m", "launch"))
        self.assertHookRuns(r, [("pre-commit", 0)])

    def test_status_review_to_approved_is_allowed_when_complete(self):
        r = self.started({"content/a.md": brief("A", "review")})
        # Approved, but the reviews are still pending: incomplete, not a bad move.
        r.write("content/a.md", brief("A", "review").replace('status = "review"', 'status = "approved"'))
        r.git("add", "-A")
        res = self.blocked_commit(r, "-m", "approve")
        found = findings(res.stderr)
        self.assertBlocked(res, found)
        self.assertTrue(found and all("[status-transition]" not in f for f in found), found)
        self.assertIn("[review-not-approved]", res.stderr)
        self.assertIn("[business-incomplete]", res.stderr)
        r.hook_runs()
        r.write("content/a.md", brief("A", "approved"))
        r.git("add", "-A")
        self.assertPassed(r.commit("-m", "approve"))
        self.assertHookRuns(r, [("pre-commit", 0)])
        # approved -> launched is the next allowed move.
        r.write("content/a.md", brief("A", "launched"))
        self.assertPassed(r.commit("-a", "-m", "launch"))
        self.assertHookRuns(r, [("pre-commit", 0)])

    def test_new_brief_may_start_at_any_status_it_meets(self):
        r = self.started({"content/a.md": brief("A", "idea")})
        r.write("content/shipped.md", brief("Shipped", "launched"))
        r.write("content/approved.md", brief("Approved", "approved"))
        r.git("add", "-A")
        self.assertPassed(r.commit("-m", "new"))
        self.assertHookRuns(r, [("pre-commit", 0)])
        # A new brief at a status it does not meet is still incomplete.
        r.write("content/claims.md", brief("Claims", "draft").replace('status = "draft"', 'status = "launched"'))
        r.git("add", "-A")
        res = self.blocked_commit(r, "-m", "new")
        self.assertBlocked(res, findings(res.stderr))
        self.assertNotIn("[status-transition]", res.stderr)
        self.assertIn("content/claims.md:1:1: error: the user journey has 0 steps; it needs at least 3 [[journey]] "
                      "steps (required from review) [journey-steps]", findings(res.stderr))

    # -- merges, the first commit, worktrees, core.hooksPath ---------------

    def test_check_staged_refuses_an_unresolved_merge(self):
        r = self.started({"content/a.md": brief("A", "idea"), "content/b.md": brief("B", "idea")}, hooks=False)
        r.git("checkout", "-q", "-b", "other")
        r.write("content/a.md", brief("A", "idea", extra="\nOther side.\n"))
        r.write("content/b.md", brief("B", "idea", extra="\nOther side.\n"))
        r.commit_all("other")
        r.git("checkout", "-q", "main")
        r.write("content/a.md", brief("A", "idea", extra="\nThis side.\n"))
        r.write("content/b.md", brief("B", "idea", extra="\nThis side.\n"))
        r.commit_all("main")
        self.assertNotEqual(r.git("merge", "other", check=False).returncode, 0)  # both conflict
        res = r.run("check", "--staged")
        self.assertEqual((res.returncode, res.stdout, res.stderr),
                         (2, "", "prfaq: error: the index has unresolved conflicts (content/a.md and 1 more): "
                             "resolve them and git add, then check again\n"))
        # The hook run by hand (Git runs none then): the same, not the
        # conflicted briefs taken for deleted.
        res = r.run("hook", "pre-commit")
        self.assertEqual((res.returncode, res.stdout, res.stderr),
                         (2, "", "prfaq: error: the index has unresolved conflicts (content/a.md and 1 more): "
                             "resolve them and git add, then check again\n"))
        r.write("content/a.md", brief("A", "idea"))
        r.write("content/b.md", brief("B", "idea"))
        r.git("add", "-A")
        res = r.run("check", "--staged")
        self.assertEqual((res.returncode, res.stdout), (0, "2 briefs checked, no problems\n"), res.stderr)

    def test_merge_without_conflict_runs_the_hook_on_the_merge_commit(self):
        r = self.started({"content/a.md": brief("A", "idea"), "content/b.md": brief("B", "idea")})
        r.git("checkout", "-q", "-b", "topic")
        r.write("content/a.md", brief("A", "draft"))
        self.assertPassed(r.commit("-a", "-m", "a to draft"))
        r.git("checkout", "-q", "main")
        r.write("content/b.md", brief("B", "draft"))
        self.assertPassed(r.commit("-a", "-m", "b to draft"))
        self.assertHookRuns(r, [("pre-commit", 0), ("pre-commit", 0)])
        res = r.git("merge", "--no-edit", "topic", check=False)
        self.assertPassed(res)
        self.assertHookRuns(r, [("pre-merge-commit", 0)])
        self.assertEqual(len(r.git("show", "-s", "--format=%P", "HEAD").stdout.split()), 2)
        # Concluding a merge with git commit runs pre-commit on the merged index.
        r.git("checkout", "-q", "-b", "topic2", "HEAD~1")
        r.write("content/c.md", brief("C", "review"))
        r.commit_all("c")
        r.git("checkout", "-q", "main")
        r.git("merge", "--no-commit", "--no-ff", "topic2")
        self.assertPassed(r.commit("--no-edit"))
        self.assertHookRuns(r, [("pre-commit", 0)])

    def test_merge_bringing_an_incomplete_brief_is_blocked(self):
        r = self.started({"content/a.md": brief("A", "idea")})
        r.git("checkout", "-q", "-b", "topic")
        r.write("content/bad.md", BAD)
        r.commit_all("bad, on purpose")  # --no-verify
        r.git("checkout", "-q", "main")
        r.write("content/a.md", brief("A", "draft"))
        r.commit_all("a")
        before = r.state()
        res = r.git("merge", "--no-edit", "topic", check=False)
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        self.assertEqual(findings(res.stderr), ["content/bad.md" + UNANSWERED])
        lines = res.stderr.splitlines()
        self.assertEqual(lines[0], BLOCKED + "1 brief has errors (what a brief lacks for its status, or what the change breaks)")
        self.assertEqual(lines[-2], COMMIT_HINT)  # the merge stays in progress: git commit concludes it
        self.assertEqual(lines[-1], "Not committing merge; use 'git commit' to complete the merge.")
        self.assertHookRuns(r, [("pre-merge-commit", 1)])
        r.git("merge", "--abort")
        self.assertEqual(r.state(), before)
        # The same merge concluded by hand.
        r.git("merge", "--no-commit", "--no-ff", "topic")
        res = self.blocked_commit(r, "--no-edit")
        self.assertBlocked(res, ["content/bad.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1)])

    def test_merge_takes_the_status_moves_made_on_the_merged_branch(self):
        r = self.started({"content/a.md": brief("A", "review"), "content/b.md": brief("B", "idea")})
        r.git("checkout", "-q", "-b", "topic")
        r.write("content/a.md", brief("A", "approved"))
        self.assertPassed(r.commit("-a", "-m", "approve"))
        r.write("content/a.md", brief("A", "launched"))
        self.assertPassed(r.commit("-a", "-m", "launch"))  # review -> approved -> launched: two allowed steps
        r.git("checkout", "-q", "main")
        r.write("content/b.md", brief("B", "draft"))
        self.assertPassed(r.commit("-a", "-m", "b to draft"))
        self.assertHookRuns(r, [("pre-commit", 0)] * 3)
        # The merge takes a.md from topic: a move made there, not by the merge.
        self.assertPassed(r.git("merge", "--no-edit", "topic", check=False))
        self.assertHookRuns(r, [("pre-merge-commit", 0)])
        # The same, concluded with git commit (MERGE_HEAD).
        r.git("reset", "-q", "--hard", "HEAD~1")
        r.git("merge", "--no-commit", "--no-ff", "topic")
        self.assertPassed(r.commit("--no-edit"))
        self.assertHookRuns(r, [("pre-commit", 0)])
        # A status that no side had is a move the merge makes: judged as one.
        r.git("reset", "-q", "--hard", "HEAD~1")
        r.git("checkout", "-q", "-b", "topic2")
        r.write("content/c.md", brief("C", "idea"))
        r.commit_all("c")
        r.git("checkout", "-q", "main")
        r.git("merge", "--no-commit", "--no-ff", "topic2")
        r.write("content/b.md", brief("B", "launched"))
        r.git("add", "-A")
        res = self.blocked_commit(r, "--no-edit")
        self.assertBlocked(res, [
            "content/b.md:3:10: error: status moved from draft to launched; launched may only follow approved "
            "([transitions] in prfaq.toml) [status-transition]",
        ])
        self.assertHookRuns(r, [("pre-commit", 1)])

    def test_pre_push_of_a_merge_takes_the_status_moves_of_the_merged_side(self):
        r = self.started({"content/a.md": brief("A", "review"), "content/b.md": brief("B", "idea")}, hooks=False)
        remote = self.server(r)
        os.remove(os.path.join(remote.path, "hooks", "pre-receive"))  # the client's hook alone
        r.git("push", "-q", "-u", "origin", "main")
        clone = r.other("clone", init=False)
        r.git("clone", "-q", remote.path, clone.path)
        # Someone moves a.md through two allowed steps and pushes.
        r.write("content/a.md", brief("A", "approved"))
        r.commit_all("approve")
        r.write("content/a.md", brief("A", "launched"))
        r.commit_all("launch")
        r.git("push", "-q", "origin", "main")
        # Someone else, on a commit of their own, pulls that in with a merge and pushes.
        clone.install_hooks()
        clone.write("content/b.md", brief("B", "draft"))
        clone.commit_all("b to draft")
        clone.git("pull", "-q", "--no-rebase", "--no-edit", "--no-verify", "origin", "main")  # pre-push alone
        self.assertEqual(len(clone.git("show", "-s", "--format=%P", "HEAD").stdout.split()), 2)
        res = clone.git("push", "origin", "main", check=False)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(findings(res.stderr), [])
        self.assertHookRuns(r, [("pre-push", 0)])
        self.assertEqual(remote.git("rev-parse", "main").stdout.strip(), clone.head())

    def test_first_commit_good_passes_bad_is_blocked(self):
        r = self.git_repo({"content/bad.md": BAD, "content/good.md": brief("Good", "review")})
        r.install_hooks()
        r.git("add", "-A")
        res = self.blocked_commit(r, "-m", "first")
        self.assertBlocked(res, ["content/bad.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1)])
        self.assertEqual(r.git("rev-parse", "-q", "--verify", "HEAD", check=False).returncode, 1)
        r.git("rm", "-q", "--cached", "content/bad.md")
        self.assertPassed(r.commit("-m", "first"))
        self.assertHookRuns(r, [("pre-commit", 0)])

    def test_linked_worktree_runs_the_hook_installed_from_the_main_repository(self):
        r = self.started({"content/a.md": brief("A", "idea")})
        wt = r.other("wt", init=False)
        r.git("worktree", "add", "-q", "-b", "wt-branch", wt.path)
        wt.write("content/a.md", BAD.replace("Bad", "A"))
        wt.git("add", "-A")
        res = self.blocked_commit(wt, "-m", "in the worktree")
        self.assertBlocked(res, ["content/a.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1)])
        wt.write("content/a.md", brief("A", "draft"))
        self.assertPassed(wt.commit("-a", "-m", "in the worktree"))
        self.assertHookRuns(r, [("pre-commit", 0)])
        # Installing from the worktree writes the same, shared hooks.
        res = wt.run("hook", "install", "--force")
        self.assertEqual(res.returncode, 0, res.stderr)
        common = os.path.realpath(os.path.join(r.path, ".git", "hooks"))
        self.assertEqual(res.stdout, f"replaced  {common}/pre-commit\nreplaced  {common}/pre-push\n"
                         f"replaced  {common}/pre-merge-commit\n")
        self.assertFalse(os.path.exists(os.path.join(r.path, ".git", "worktrees", "wt", "hooks")))

    def test_git_dir_and_work_tree_given_on_the_command_line(self):
        # git --git-dir=... --work-tree=... exports GIT_DIR and GIT_WORK_TREE to the hook.
        r = self.started({"content/a.md": brief("A", "idea")})
        r.write("content/a.md", BAD.replace("Bad", "A"))
        args = ["--git-dir", os.path.join(r.path, ".git"), "--work-tree", r.path, "commit", "-q", "-a", "-m", "a"]
        res = r.git(*args, check=False, cwd=r.home)
        self.assertBlocked(res, ["content/a.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1)])
        r.write("content/a.md", brief("A", "draft"))
        self.assertPassed(r.git(*args, check=False, cwd=r.folder))
        self.assertHookRuns(r, [("pre-commit", 0)])

    def test_hook_script_that_changes_folder_reads_the_index_git_hands_it(self):
        # Git hands hooks GIT_INDEX_FILE=.git/index, relative to the top of
        # the work tree; a script that moves first (`cd docs && ...`, as
        # lefthook's root: does) must not read an empty index and pass.
        r = self.started({"content/a.md": brief("A", "idea")}, hooks=False)
        hook = os.path.join(r.hooks_dir(), "pre-commit")
        os.makedirs(os.path.dirname(os.path.join(r.path, hook)), exist_ok=True)
        with open(os.path.join(r.path, hook), "w") as f:
            f.write('#!/bin/sh\ncd content/team && exec "$PRFAQ" hook pre-commit\n')
        os.chmod(os.path.join(r.path, hook), 0o755)
        r.spy(hook)
        r.write("content/team/x.md", brief("X", "idea"))
        r.commit_all("team")
        r.write("content/a.md", BAD.replace("Bad", "A"))
        r.git("add", "-A")
        self.assertBlocked(self.blocked_commit(r, "-m", "a"), ["content/a.md" + UNANSWERED])
        self.assertBlocked(self.blocked_commit(r, "-a", "-m", "a"), ["content/a.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1), ("pre-commit", 1)])
        res = r.run("check", "--staged", cwd=os.path.join(r.path, "content", "team"),
                    env={"GIT_INDEX_FILE": ".git/index"})
        self.assertEqual((res.returncode, findings(res.stdout)), (1, ["content/a.md" + UNANSWERED]), res.stderr)
        r.write("content/a.md", brief("A", "draft"))
        r.git("add", "-A")
        self.assertPassed(r.commit("-m", "a"))
        self.assertHookRuns(r, [("pre-commit", 0)])

    def test_core_hooks_path_install_writes_into_that_folder(self):
        r = self.started({"content/a.md": brief("A", "idea")}, hooks=False)
        r.git("config", "core.hooksPath", "my-hooks")
        res = r.install_hooks()
        folder = os.path.join(r.path, "my-hooks")
        self.assertEqual(sorted(os.listdir(folder)), sorted(["pre-commit", "pre-commit.prfaq", "pre-push",
                                                             "pre-push.prfaq", "pre-merge-commit",
                                                             "pre-merge-commit.prfaq"]))
        self.assertIn(f"installed {folder}/pre-commit\n", res.stdout)
        self.assertFalse(os.path.exists(os.path.join(r.path, ".git", "hooks", "pre-commit")))
        with open(os.path.join(folder, "pre-commit.prfaq")) as f:
            self.assertIn(f"prfaq='{os.path.realpath(PRFAQ)}'\n", f.read())
        r.write("content/a.md", BAD.replace("Bad", "A"))
        self.assertBlocked(self.blocked_commit(r, "-a", "-m", "a"), ["content/a.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1)])

    def test_core_hooks_path_with_the_repository_shims(self):
        r = self.started({"content/a.md": brief("A", "idea")}, hooks=False)
        shutil.copytree(os.path.join(ROOT, "hooks"), os.path.join(r.path, "hooks"))
        r.commit_all("hooks")
        r.git("config", "core.hooksPath", "hooks")
        for name in ("pre-commit", "pre-merge-commit", "pre-push", "pre-receive"):
            self.assertTrue(os.access(os.path.join(r.path, "hooks", name), os.X_OK), name)
            r.spy(os.path.join("hooks", name))
        path = {"PATH": os.path.dirname(os.path.abspath(PRFAQ)) + os.pathsep + os.environ.get("PATH", "")}
        r.write("content/a.md", BAD.replace("Bad", "A"))
        before = r.state()
        res = r.git("commit", "-q", "-a", "-m", "a", check=False, env=path)
        self.assertEqual(r.state(), before)
        self.assertBlocked(res, ["content/a.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1)])
        r.write("content/a.md", brief("A", "draft"))
        self.assertPassed(r.git("commit", "-q", "-a", "-m", "a", check=False, env=path))
        self.assertHookRuns(r, [("pre-commit", 0)])
        r.git("checkout", "-q", "-b", "topic", "HEAD~1")
        r.write("content/b.md", BAD)
        r.commit_all("b, on purpose")
        r.git("checkout", "-q", "main")
        res = r.git("merge", "--no-edit", "topic", check=False, env=path)
        self.assertEqual(findings(res.stderr), ["content/b.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-merge-commit", 1)])

    # -- pushes: pre-receive on a bare server, pre-push on the client ------

    def server(self, r):
        """A bare remote `origin` of r, whose pre-receive hook runs $PRFAQ."""
        remote = r.other("remote.git", bare=True)
        hook = os.path.join(remote.path, "hooks", "pre-receive")
        with open(hook, "w") as f:
            f.write('#!/bin/sh\n# The server refuses briefs incomplete for their status.\nexec "$PRFAQ" hook pre-receive\n')
        os.chmod(hook, 0o755)
        remote.spy(hook)
        r.git("remote", "add", "origin", remote.path)
        return remote

    def test_pre_receive_rejects_a_bad_push_and_accepts_the_fixed_one(self):
        r = self.started({"content/a.md": brief("A", "draft")}, hooks=False)
        remote = self.server(r)
        self.assertEqual(r.git("push", "-q", "origin", "main").returncode, 0)
        self.assertHookRuns(r, [("pre-receive", 0)])
        r.write("content/a.md", BAD.replace("Bad", "A"))
        r.commit_all("broken")
        bad = r.head()
        res = r.git("push", "origin", "main", check=False)
        self.assertNotEqual(res.returncode, 0)
        remote_lines = [line.rstrip() for line in res.stderr.splitlines() if line.startswith("remote: ")]
        self.assertEqual(remote_lines[0], f"remote: prfaq: refs/heads/main at {bad[:7]}:")
        self.assertEqual(remote_lines[1], "remote: prfaq: push rejected: 1 brief has errors (what a brief lacks for its status, or what the change breaks)")
        self.assertIn("remote: content/a.md" + UNANSWERED, remote_lines)
        self.assertIn("remote: Fix what is listed, commit and push again.", remote_lines)
        self.assertIn("[remote rejected] main -> main (pre-receive hook declined)", res.stderr)
        self.assertHookRuns(r, [("pre-receive", 1)])
        self.assertNotEqual(remote.git("rev-parse", "main").stdout.strip(), bad)
        r.write("content/a.md", brief("A", "draft", extra="\nFixed.\n"))
        r.commit_all("fixed")
        self.assertEqual(r.git("push", "-q", "origin", "main").returncode, 0)
        self.assertHookRuns(r, [("pre-receive", 0)])
        self.assertEqual(remote.git("rev-parse", "main").stdout.strip(), r.head())

    def test_pre_receive_refuses_a_force_push_that_puts_a_broken_brief_back(self):
        r = self.started({"content/a.md": brief("A", "draft")}, hooks=False)
        remote = self.server(r)
        r.write("content/a.md", BAD.replace("Bad", "A"))
        r.commit_all("broken")
        bad = r.head()
        r.write("content/a.md", brief("A", "draft", extra="\nFixed.\n"))
        r.commit_all("fixed")
        self.assertEqual(r.git("push", "-q", "origin", "main").returncode, 0)  # the tip is good
        fixed = r.head()
        # Rewound to the broken commit: no new commit, but the brief breaks again.
        res = r.git("push", "-f", "origin", f"{bad}:refs/heads/main", check=False)
        self.assertNotEqual(res.returncode, 0, res.stderr)
        self.assertIn("remote: content/a.md" + UNANSWERED, [line.rstrip() for line in res.stderr.splitlines()])
        self.assertEqual(remote.git("rev-parse", "main").stdout.strip(), fixed)
        # Rebased: the broken commit and an empty one on top, in place of the fix.
        r.git("reset", "-q", "--hard", bad)
        r.git("commit", "-q", "--allow-empty", "--no-verify", "-m", "empty")
        res = r.git("push", "-f", "origin", "main", check=False)
        self.assertNotEqual(res.returncode, 0, res.stderr)
        self.assertIn("remote: content/a.md" + UNANSWERED, [line.rstrip() for line in res.stderr.splitlines()])
        self.assertEqual(remote.git("rev-parse", "main").stdout.strip(), fixed)
        # Rewinding to a good commit is a push like any other.
        r.git("reset", "-q", "--hard", fixed)
        self.assertEqual(r.git("push", "-q", "-f", "origin", f"{fixed}~2:refs/heads/main", check=False).returncode, 0)

    def test_pre_receive_checks_the_status_move_of_a_rewind(self):
        r = self.started({"content/a.md": brief("A", "approved")}, hooks=False)
        remote = self.server(r)
        r.write("content/a.md", brief("A", "launched", launch="2026-06-30"))
        r.commit_all("launch")
        launched = r.head()
        r.write("content/a.md", brief("A", "review"))
        r.commit_all("back to review")
        self.assertEqual(r.git("push", "-q", "origin", "main").returncode, 0)
        review = r.head()
        # Back to the launched commit: a move from review to launched, in no commit of its own.
        res = r.git("push", "-f", "origin", f"{launched}:refs/heads/main", check=False)
        self.assertNotEqual(res.returncode, 0)
        self.assertIn(f"remote: content/a.md:3:10: error: in commit {launched[:7]}: status moved from review to "
                      "launched; launched may only follow approved ([transitions] in prfaq.toml) [status-transition]",
                      [line.rstrip() for line in res.stderr.splitlines()])
        self.assertEqual(remote.git("rev-parse", "main").stdout.strip(), review)

    def test_pre_receive_accepts_two_allowed_status_steps_in_one_push(self):
        r = self.started({"content/a.md": brief("A", "review")}, hooks=False)
        remote = self.server(r)
        self.assertEqual(r.git("push", "-q", "origin", "main").returncode, 0)
        r.write("content/a.md", brief("A", "approved"))
        r.commit_all("approve")
        r.write("content/a.md", brief("A", "launched", launch="2026-06-30"))
        r.commit_all("launch")
        res = r.git("push", "origin", "main", check=False)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(remote.git("rev-parse", "main").stdout.strip(), r.head())

    def test_pre_receive_names_the_commit_of_a_forbidden_status_move(self):
        r = self.started({"content/a.md": brief("A", "review")}, hooks=False)
        self.server(r)
        self.assertEqual(r.git("push", "-q", "origin", "main").returncode, 0)
        r.write("content/a.md", brief("A", "launched", launch="2026-06-30"))
        r.commit_all("launch straight from review")
        bad = r.head()
        res = r.git("push", "origin", "main", check=False)
        self.assertNotEqual(res.returncode, 0)
        self.assertIn(f"remote: content/a.md:3:10: error: in commit {bad[:7]}: status moved from review to launched; "
                      "launched may only follow approved ([transitions] in prfaq.toml) [status-transition]",
                      [line.rstrip() for line in res.stderr.splitlines()])

    def test_pre_receive_counts_a_brief_whose_status_moved_and_came_back(self):
        r = self.started({"content/a.md": brief("A", "review")}, hooks=False)
        self.server(r)
        self.assertEqual(r.git("push", "-q", "origin", "main").returncode, 0)
        r.write("content/a.md", brief("A", "launched"))
        r.commit_all("launch straight from review")
        bad = r.head()
        r.write("content/a.md", brief("A", "review"))
        r.commit_all("back to review")
        # The tip holds a.md as the server has it: only the commit before moved it.
        res = r.git("push", "origin", "main", check=False)
        self.assertNotEqual(res.returncode, 0)
        remote_lines = [line.rstrip() for line in res.stderr.splitlines() if line.startswith("remote: ")]
        self.assertEqual(remote_lines[1], "remote: prfaq: push rejected: 1 brief has errors (what a brief lacks for "
                                          "its status, or what the change breaks)")
        self.assertEqual(findings("\n".join(remote_lines)), [
            f"remote: content/a.md:3:10: error: in commit {bad[:7]}: status moved from review to launched; launched "
            "may only follow approved ([transitions] in prfaq.toml) [status-transition]"])

    def test_annotated_tag_push_is_checked_at_its_commit(self):
        r = self.started({"content/a.md": brief("A", "draft")}, hooks=False)
        remote = self.server(r)
        self.assertEqual(r.git("push", "-q", "origin", "main").returncode, 0)
        r.git("tag", "-a", "v1.0", "-m", "first release")
        res = r.git("push", "origin", "v1.0", check=False)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(remote.git("tag").stdout.strip(), "v1.0")

    def test_shallow_clone_history_stops_at_the_boundary_and_says_so(self):
        r = self.started({"content/a.md": brief("A", "idea")}, hooks=False)
        for i in (2, 3):
            r.write("content/a.md", brief("A", "idea", extra=f"\nEdit {i}.\n"))
            r.commit_all(f"edit {i}")
        clone = r.other("shallow", init=False)
        subprocess.run(["git", "clone", "-q", "--depth", "2", "file://" + r.path, clone.path], check=True,
                       env=r.env(), capture_output=True)
        res = clone.run("log", "a")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("prfaq: warning: this is a shallow clone", res.stderr)
        lines = res.stdout.splitlines()
        self.assertTrue(lines[0].startswith("content/a.md: created "), res.stdout)
        self.assertIn(", 2 commits by ", lines[0])
        self.assertEqual([line.split("  ")[-1] for line in lines[2:]], ["edit 3", "edit 2"])

    def test_deleting_a_file_reports_only_what_it_breaks_in_other_briefs(self):
        # other.md already has an unanswered question (committed with
        # --no-verify): the deletion's check reports only the broken link.
        other = brief("Other", "draft", answered=False, extra="\nSee [the card](card.md).\n")
        r = self.started({"content/card.md": brief("Card", "idea"), "content/other.md": other}, hooks=False)
        r.install_hooks()
        r.git("rm", "-q", "content/card.md")
        res = r.commit("-m", "remove the card")
        self.assertBlocked(res, ["content/other.md:39:16: error: link 'card.md' points at content/card.md, "
                                 "which is no file and no brief [link-broken]"])

    def test_deleting_a_file_named_by_an_escaped_link_or_its_folder_is_blocked(self):
        text = brief("Card", "draft", extra="\n![shot](my%20shot.png) and [the assets](assets/).\n")
        r = self.started({"content/card.md": text, "content/my shot.png": "png",
                          "content/assets/a.pdf": "pdf"}, hooks=False)
        r.install_hooks()
        r.git("rm", "-q", "content/my shot.png")
        res = r.commit("-m", "remove the shot")
        self.assertBlocked(res, ["content/card.md:40:9: error: image 'my%20shot.png' points at content/my shot.png, "
                                 "which does not exist [image-missing]"])
        r.git("reset", "-q", "--hard")
        r.git("rm", "-q", "content/assets/a.pdf")  # the folder's only file: the folder goes too
        res = r.commit("-m", "remove the assets")
        self.assertBlocked(res, ["content/card.md:40:41: error: link 'assets/' points at content/assets, "
                                 "which is no file and no brief [link-broken]"])

    def test_pre_receive_new_branch_and_deleted_branch(self):
        r = self.started({"content/a.md": brief("A", "draft")}, hooks=False)
        self.server(r)
        r.git("push", "-q", "origin", "main")
        r.hook_runs()
        # A new branch is checked against its merge base with the default branch.
        r.git("checkout", "-q", "-b", "topic")
        r.write("content/t.md", brief("T", "review"))
        r.commit_all("t")
        self.assertEqual(r.git("push", "-q", "origin", "topic").returncode, 0)
        self.assertHookRuns(r, [("pre-receive", 0)])
        r.git("checkout", "-q", "-b", "bad-topic")
        r.write("content/b.md", BAD)
        r.commit_all("b")
        res = r.git("push", "origin", "bad-topic", check=False)
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("remote: content/b.md" + UNANSWERED, [line.rstrip() for line in res.stderr.splitlines()])
        self.assertNotIn("content/t.md", res.stderr)  # not changed by bad-topic: not checked
        self.assertHookRuns(r, [("pre-receive", 1)])
        # Deleting a branch checks nothing and is accepted.
        res = r.git("push", "-q", "origin", "--delete", "topic", check=False)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertHookRuns(r, [("pre-receive", 0)])
        # One push of a good and a bad branch: pre-receive rejects it whole.
        r.git("branch", "good", "main")
        res = r.git("push", "origin", "good", "bad-topic", check=False)
        self.assertNotEqual(res.returncode, 0)
        remote_lines = [line.rstrip() for line in res.stderr.splitlines() if line.startswith("remote: ")]
        self.assertEqual([line for line in remote_lines if line.startswith("remote: prfaq: refs/")],
                         [f"remote: prfaq: refs/heads/bad-topic at {r.head()[:7]}:"])
        self.assertIn("[remote rejected] good -> good (pre-receive hook declined)", res.stderr)
        self.assertHookRuns(r, [("pre-receive", 1)])

    def test_pre_receive_new_branch_when_the_server_head_names_no_branch(self):
        # `git init --bare` without init.defaultBranch points HEAD at master,
        # and the clients push main: a new branch is still checked for what
        # it adds to the branches there, not whole.
        r = self.started({"content/a.md": BAD.replace("Bad", "A"), "content/b.md": brief("B", "idea")}, hooks=False)
        remote = self.server(r)
        remote.git("symbolic-ref", "HEAD", "refs/heads/master")
        self.assertEqual(r.git("push", "-q", "--no-verify", "origin", "main", check=False).returncode, 1)
        os.rename(os.path.join(remote.path, "hooks", "pre-receive"), os.path.join(remote.path, "hooks", "off"))
        r.git("push", "-q", "origin", "main")  # a.md broken on main, before the hook was there
        os.rename(os.path.join(remote.path, "hooks", "off"), os.path.join(remote.path, "hooks", "pre-receive"))
        r.hook_runs()
        r.git("checkout", "-q", "-b", "topic")
        r.write("content/b.md", brief("B", "idea", extra="\nMore.\n"))
        r.commit_all("b only")
        res = r.git("push", "origin", "topic", check=False)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertNotIn("content/a.md", res.stderr)
        self.assertHookRuns(r, [("pre-receive", 0)])
        r.write("content/b.md", BAD.replace("Bad", "B"))
        r.commit_all("b broken")
        res = r.git("push", "origin", "topic:topic2", check=False)
        self.assertNotEqual(res.returncode, 0)
        remote_lines = [line.rstrip() for line in res.stderr.splitlines() if line.startswith("remote: ")]
        self.assertEqual(findings("\n".join(remote_lines)), ["remote: content/b.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-receive", 1)])

    def test_pre_push_blocks_a_bad_commit_made_with_no_verify(self):
        r = self.started({"content/a.md": brief("A", "draft")}, hooks=False)
        remote = self.server(r)
        r.git("push", "-q", "-u", "origin", "main")
        clone = r.other("clone", init=False)
        r.git("clone", "-q", remote.path, clone.path)
        clone.install_hooks()
        r.hook_runs()
        clone.write("content/a.md", BAD.replace("Bad", "A"))
        clone.commit_all("broken, on purpose")  # --no-verify
        bad = clone.head()
        before = clone.state()
        res = clone.git("push", "origin", "main", check=False)
        self.assertEqual(clone.state(), before)
        self.assertNotEqual(res.returncode, 0)
        lines = res.stderr.splitlines()
        self.assertEqual(lines[0], f"prfaq: refs/heads/main at {bad[:7]}:")
        self.assertEqual(lines[1], "prfaq: push blocked: 1 brief has errors (what a brief lacks for its status, or what the change breaks)")
        self.assertEqual(findings(res.stderr), ["content/a.md" + UNANSWERED])
        self.assertIn("Fix what is listed and commit, or push anyway on purpose with: git push --no-verify", lines)
        self.assertHookRuns(r, [("pre-push", 1)])  # the server was never asked
        self.assertNotEqual(remote.git("rev-parse", "main").stdout.strip(), bad)
        # A new branch pushed from the clone is checked against origin's default branch.
        clone.git("checkout", "-q", "-b", "new", "origin/main")
        clone.write("content/n.md", BAD)
        clone.commit_all("n")
        res = clone.git("push", "origin", "new", check=False)
        self.assertNotEqual(res.returncode, 0)
        self.assertEqual(findings(res.stderr), ["content/n.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-push", 1)])

    def test_pre_push_to_a_url_uses_the_remote_with_that_url(self):
        r = self.started({"content/a.md": BAD.replace("Bad", "A"), "content/b.md": brief("B", "idea")}, hooks=False)
        remote = self.server(r)
        os.remove(os.path.join(remote.path, "hooks", "pre-receive"))  # the client's hook alone
        r.git("push", "-q", "-u", "origin", "main")  # a bad brief already on main
        r.install_hooks()
        r.git("checkout", "-q", "-b", "topic")
        r.write("content/b.md", brief("B", "idea", extra="\nMore.\n"))
        r.commit_all("b only")
        # By URL, as `git push <url> topic` does: Git names no remote, only the URL.
        res = r.git("push", remote.path, "topic", check=False)
        self.assertEqual(res.returncode, 0, res.stderr)  # a.md is not the branch's change
        self.assertEqual(findings(res.stderr), [])
        r.git("checkout", "-q", "-b", "topic2", "main")
        r.write("content/b.md", BAD.replace("Bad", "B"))
        r.commit_all("b broken")
        res = r.git("push", remote.path + "/", "topic2", check=False)
        self.assertNotEqual(res.returncode, 0)
        self.assertEqual(findings(res.stderr), ["content/b.md" + UNANSWERED])

    def test_pre_push_of_a_new_branch_to_an_empty_remote_checks_everything(self):
        r = self.git_repo({"content/a.md": BAD})
        r.commit_all("broken, on purpose")
        r.install_hooks()
        empty = r.other("empty.git", bare=True)
        res = r.git("push", empty.path, "main", check=False)
        self.assertNotEqual(res.returncode, 0)
        self.assertEqual(findings(res.stderr), ["content/a.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-push", 1)])

    # -- install and uninstall ---------------------------------------------

    def test_install_leaves_a_foreign_hook_alone_force_replaces_uninstall_removes_ours(self):
        r = self.git_repo()
        hooks = os.path.join(r.path, ".git", "hooks")
        foreign = "#!/bin/sh\necho mine\n"
        r.write(".git/hooks/pre-commit", foreign)
        os.chmod(os.path.join(hooks, "pre-commit"), 0o755)
        res = r.run("hook", "install")
        self.assertEqual(res.returncode, 1)
        self.assertEqual(res.stderr, left_alone(hooks, "pre-commit"))
        self.assertEqual(r.read(".git/hooks/pre-commit"), foreign)
        self.assertIn(f"installed {hooks}/pre-push\n", res.stdout)
        # uninstall removes only what prfaq wrote.
        res = r.run("hook", "uninstall")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn(f"kept    {hooks}/pre-commit (not written by prfaq, or changed since)\n", res.stdout)
        self.assertIn(f"removed {hooks}/pre-push\n", res.stdout)
        self.assertEqual(r.read(".git/hooks/pre-commit"), foreign)
        self.assertFalse(r.exists(".git/hooks/pre-push"))
        # --force replaces it; a second install replaces its own without --force.
        res = r.run("hook", "install", "--force")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn(f"replaced  {hooks}/pre-commit\n", res.stdout)
        self.assertIn("exec \"$prfaq\" hook pre-commit \"$@\"\n", r.read(".git/hooks/pre-commit"))
        self.assertTrue(os.access(os.path.join(hooks, "pre-commit"), os.X_OK))
        self.assertEqual(r.run("hook", "install").returncode, 0)
        res = r.run("hook", "uninstall")
        self.assertNotIn("kept", res.stdout)
        self.assertEqual(sorted(n for n in os.listdir(hooks) if not n.endswith(".sample")), [])

    def test_a_prfaq_hook_someone_edited_is_theirs(self):
        r = self.git_repo()
        hooks = os.path.join(r.path, ".git", "hooks")
        self.assertEqual(r.run("hook", "install").returncode, 0)
        shim = r.read(".git/hooks/pre-commit")
        edited = shim.replace("prfaq=", "./scripts/lint || exit 1\nprfaq=", 1)
        r.write(".git/hooks/pre-commit", edited)
        mentions = "#!/bin/sh\n./lint.sh || exit 1\nx=1 # prfaq-hook: not ours\n"
        r.write(".git/hooks/pre-push", mentions)
        res = r.run("hook", "install")
        self.assertEqual(res.returncode, 1)
        self.assertEqual(res.stderr, left_alone(hooks, "pre-commit") + left_alone(hooks, "pre-push"))
        self.assertEqual((r.read(".git/hooks/pre-commit"), r.read(".git/hooks/pre-push")), (edited, mentions))
        res = r.run("hook", "uninstall")
        self.assertEqual(res.stdout, f"kept    {hooks}/pre-commit (not written by prfaq, or changed since)\n"
                                     f"kept    {hooks}/pre-push (not written by prfaq, or changed since)\n"
                                     f"removed {hooks}/pre-merge-commit\n")
        self.assertEqual((r.read(".git/hooks/pre-commit"), r.read(".git/hooks/pre-push")), (edited, mentions))
        # A shim written by a prfaq installed elsewhere is still prfaq's.
        lines = shim.split("\n")
        self.assertTrue(lines[4].startswith("prfaq='"), shim)
        lines[4] = "prfaq='/opt/other it'\\''s/prfaq'"
        r.write(".git/hooks/pre-commit", "\n".join(lines))
        res = r.run("hook", "install")
        self.assertIn(f"replaced  {hooks}/pre-commit\n", res.stdout)

    # -- the pre-commit framework ------------------------------------------

    def install_framework(self, r):
        """`pre-commit install` in r, with prfaq on PATH; spies on its hook.
        Returns the PATH to commit with."""
        path = {"PATH": os.path.dirname(os.path.abspath(PRFAQ)) + os.pathsep + os.environ.get("PATH", "")}
        res = subprocess.run(["pre-commit", "install"], cwd=r.path, env=r.env(path), capture_output=True, text=True)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        r.spy(os.path.join(".git", "hooks", "pre-commit"))
        return path

    @unittest.skipUnless(shutil.which("pre-commit"), "the pre-commit framework is not installed")
    def test_pre_commit_framework_runs_prfaq_from_the_manifest(self):
        # The project's .pre-commit-hooks.yaml, served from a local Git repository.
        hooks_repo = self.git_repo(name="prfaq-hooks")
        shutil.copy(os.path.join(ROOT, ".pre-commit-hooks.yaml"), hooks_repo.path)
        hooks_repo.commit_all("manifest")
        r = hooks_repo.other("repo", files={
            "content/a.md": brief("A", "idea"),
            ".pre-commit-config.yaml": f"repos:\n- repo: {hooks_repo.path}\n  rev: {hooks_repo.head()}\n"
                                       "  hooks:\n  - id: prfaq\n",
        })
        r.commit_all()
        path = self.install_framework(r)
        r.write("content/a.md", BAD.replace("Bad", "A"))
        r.git("add", "-A")
        r.write("content/a.md", brief("A", "draft"))  # partial staging: pre-commit stashes and restores
        before = r.state()
        res = r.git("commit", "-q", "-m", "a", check=False, env=path)
        # The framework stashes the unstaged change around its hooks, which
        # refreshes the index's stat data: what it holds and the files stay.
        after = r.state()
        del before["index"], after["index"]
        self.assertEqual(after, before)
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        out = res.stdout + res.stderr
        self.assertRegex(out, r"prfaq \(PR/FAQ briefs complete for their status\)\.+Failed")
        self.assertIn(BLOCKED + "1 brief has errors (what a brief lacks for its status, or what the change breaks)", out)
        self.assertIn("content/a.md" + UNANSWERED, out)
        runs = r.hook_runs()
        self.assertEqual([(hook, rc) for hook, rc, _ in runs], [("pre-commit", 1)])
        self.assertEqual([c for c in runs[0][2] if not c.startswith("index ")], [])
        r.git("add", "-A")
        res = r.git("commit", "-q", "-m", "a", check=False, env=path)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        self.assertHookRuns(r, [("pre-commit", 0)])

    def framework_repo(self, files):
        """A repository whose .pre-commit-config.yaml uses the project's manifest."""
        hooks_repo = self.git_repo(name="prfaq-hooks")
        shutil.copy(os.path.join(ROOT, ".pre-commit-hooks.yaml"), hooks_repo.path)
        hooks_repo.commit_all("manifest")
        return hooks_repo.other("repo", files=dict(files, **{
            ".pre-commit-config.yaml": f"repos:\n- repo: {hooks_repo.path}\n  rev: {hooks_repo.head()}\n"
                                       "  hooks:\n  - id: prfaq\n"}))

    @unittest.skipUnless(shutil.which("pre-commit"), "the pre-commit framework is not installed")
    def test_pre_commit_framework_run_all_files_checks_every_brief(self):
        # As CI runs it: nothing staged, a bad brief committed earlier.
        r = self.framework_repo({"content/a.md": BAD.replace("Bad", "A"), "content/b.md": brief("B", "idea"),
                                 "content/shot.png": "png", "content/_template.md": "not a brief\n"})
        r.commit_all("a, broken on purpose")
        path = {"PATH": os.path.dirname(os.path.abspath(PRFAQ)) + os.pathsep + os.environ.get("PATH", "")}
        res = subprocess.run(["pre-commit", "run", "--all-files"], cwd=r.path, env=r.env(path),
                             capture_output=True, text=True)
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        self.assertIn("content/a.md" + UNANSWERED, res.stdout)
        self.assertNotIn("content/b.md", res.stdout)
        r.write("content/a.md", brief("A", "draft"))
        r.commit_all("fixed")
        res = subprocess.run(["pre-commit", "run", "--all-files"], cwd=r.path, env=r.env(path),
                             capture_output=True, text=True)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)

    @unittest.skipUnless(shutil.which("pre-commit"), "the pre-commit framework is not installed")
    def test_pre_commit_framework_at_pre_push_checks_the_pushed_commits(self):
        r = self.framework_repo({"content/a.md": brief("A", "draft")})
        r.commit_all()
        remote = r.other("remote.git", bare=True)
        r.git("remote", "add", "origin", remote.path)
        r.git("push", "-q", "-u", "origin", "main")
        path = {"PATH": os.path.dirname(os.path.abspath(PRFAQ)) + os.pathsep + os.environ.get("PATH", "")}
        res = subprocess.run(["pre-commit", "install", "-t", "pre-push"], cwd=r.path, env=r.env(path),
                             capture_output=True, text=True)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        r.write("content/a.md", BAD.replace("Bad", "A"))
        r.commit_all("broken, on purpose")  # --no-verify
        bad = r.head()
        res = r.git("push", "origin", "main", check=False, env=path)
        self.assertNotEqual(res.returncode, 0, res.stdout + res.stderr)
        self.assertIn("prfaq: push blocked: 1 brief has errors", res.stdout + res.stderr)
        self.assertIn("content/a.md" + UNANSWERED, res.stdout + res.stderr)
        self.assertNotEqual(remote.git("rev-parse", "main").stdout.strip(), bad)
        r.write("content/a.md", brief("A", "draft", extra="\nFixed.\n"))
        r.commit_all("fixed")
        res = r.git("push", "-q", "origin", "main", check=False, env=path)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)

    @unittest.skipUnless(shutil.which("pre-commit"), "the pre-commit framework is not installed")
    def test_pre_commit_framework_first_push_checks_the_pushed_branch_not_the_index(self):
        # To an empty remote the framework names no range (its "all files"):
        # the branch pushed, not the one checked out, is what is checked.
        r = self.framework_repo({"content/a.md": brief("A", "draft")})
        r.commit_all()
        remote = r.other("remote.git", bare=True)
        r.git("remote", "add", "origin", remote.path)
        path = {"PATH": os.path.dirname(os.path.abspath(PRFAQ)) + os.pathsep + os.environ.get("PATH", "")}
        res = subprocess.run(["pre-commit", "install", "-t", "pre-push"], cwd=r.path, env=r.env(path),
                             capture_output=True, text=True)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        r.git("checkout", "-q", "-b", "topic")
        r.write("content/a.md", BAD.replace("Bad", "A"))
        r.commit_all("broken, on purpose")  # --no-verify
        bad = r.head()
        r.git("checkout", "-q", "main")
        res = r.git("push", "origin", "topic", check=False, env=path)
        self.assertNotEqual(res.returncode, 0, res.stdout + res.stderr)
        self.assertIn("prfaq: refs/heads/topic at " + bad[:7] + ":", res.stdout + res.stderr)
        self.assertIn("prfaq: push blocked: 1 brief has errors", res.stdout + res.stderr)
        self.assertIn("content/a.md" + UNANSWERED, res.stdout + res.stderr)
        self.assertEqual(remote.git("branch").stdout, "")
        res = r.git("push", "-q", "origin", "main", check=False, env=path)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)

    @unittest.skipUnless(shutil.which("pre-commit"), "the pre-commit framework is not installed")
    def test_pre_commit_framework_push_to_a_url_uses_the_remote_with_that_url(self):
        # `git push URL topic`: the framework finds no remote-tracking branch
        # for a URL and names no range; prfaq compares the branch with the
        # configured remote of that URL, so a brief already broken on main
        # does not stop a branch that leaves it alone.
        r = self.framework_repo({"content/a.md": BAD.replace("Bad", "A"), "content/b.md": brief("B", "idea")})
        r.commit_all("a broken, on purpose")
        remote = r.other("remote.git", bare=True)
        r.git("remote", "add", "origin", remote.path)
        r.git("push", "-q", "-u", "origin", "main")
        r.git("remote", "set-head", "origin", "main")
        path = {"PATH": os.path.dirname(os.path.abspath(PRFAQ)) + os.pathsep + os.environ.get("PATH", "")}
        res = subprocess.run(["pre-commit", "install", "-t", "pre-push"], cwd=r.path, env=r.env(path),
                             capture_output=True, text=True)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        r.git("checkout", "-q", "-b", "topic")
        r.write("content/b.md", brief("B", "idea", extra="\nMore.\n"))
        r.commit_all("b only")
        res = r.git("push", remote.path, "topic", check=False, env=path)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        self.assertNotIn("content/a.md", res.stdout + res.stderr)
        r.git("checkout", "-q", "-b", "topic2", "main")
        r.write("content/b.md", BAD.replace("Bad", "B"))
        r.commit_all("b broken")
        res = r.git("push", remote.path, "topic2", check=False, env=path)
        self.assertNotEqual(res.returncode, 0, res.stdout + res.stderr)
        self.assertIn("content/b.md" + UNANSWERED, res.stdout + res.stderr)
        self.assertNotIn("content/a.md", res.stdout + res.stderr)

    @unittest.skipUnless(shutil.which("pre-commit"), "the pre-commit framework is not installed")
    def test_pre_commit_framework_local_hook(self):
        r = self.git_repo({
            "content/a.md": brief("A", "idea"),
            ".pre-commit-config.yaml": "repos:\n- repo: local\n  hooks:\n  - id: prfaq\n    name: prfaq\n"
                                       "    entry: prfaq hook pre-commit\n    language: system\n"
                                       "    pass_filenames: false\n    always_run: true\n",
        })
        r.commit_all()
        path = self.install_framework(r)
        r.write("content/a.md", BAD.replace("Bad", "A"))
        res = r.git("commit", "-q", "-a", "-m", "a", check=False, env=path)
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        self.assertIn("content/a.md" + UNANSWERED, res.stdout + res.stderr)
        self.assertHookRuns(r, [("pre-commit", 1)])

    # -- paths and repositories of every shape -----------------------------

    def test_non_ascii_and_spaced_paths(self):
        folder = "content/Équipe produit"
        r = self.started({f"{folder}/mon-brief.md": brief("Mon", "idea")})
        r.write(f"{folder}/mon-brief.md", BAD.replace("Bad", "Mon"))
        r.write(f"{folder}/my brief.md", brief("Spaced", "idea"))
        r.git("add", "-A")
        res = self.blocked_commit(r, "-m", "é")
        self.assertBlocked(res, [
            f"{folder}/mon-brief.md" + UNANSWERED,
            f"{folder}/my brief.md:1:1: error: 'my brief' is not a valid slug: use a-z, 0-9 and '-', starting "
            "with a letter or digit, at most 64 [slug-malformed]",
        ], briefs=2)
        self.assertHookRuns(r, [("pre-commit", 1)])
        r.git("mv", f"{folder}/my brief.md", f"{folder}/my-brief.md")
        r.write(f"{folder}/mon-brief.md", brief("Mon", "draft"))
        r.git("add", "-A")
        self.assertPassed(r.commit("-m", "é"))
        self.assertHookRuns(r, [("pre-commit", 0)])
        self.assertEqual(r.run("check", "--rev", "HEAD").returncode, 0)

    def test_repository_without_content_passes(self):
        r = self.started({"README.md": "# Notes\n"})
        r.write("README.md", "# Notes\n\nMore.\n")
        self.assertPassed(r.commit("-a", "-m", "notes"))
        self.assertHookRuns(r, [("pre-commit", 0)])
        before = r.state()
        res = r.run("hook", "pre-commit")
        self.assertEqual((res.returncode, res.stdout, res.stderr), (0, "", ""))
        self.assertEqual(r.state(), before)

    def test_check_staged_and_rev(self):
        r = self.started({"content/a.md": brief("A", "draft")}, hooks=False)
        r.write("content/a.md", BAD.replace("Bad", "A"))
        r.commit_all("broken")
        r.write("content/a.md", brief("A", "draft", extra="\nFixed.\n"))
        r.git("add", "-A")
        r.write("content/a.md", BAD.replace("Bad", "A"))
        before = r.state()
        res = r.run("check", "--staged")
        self.assertEqual((res.returncode, res.stdout), (0, "1 brief checked, no problems\n"), res.stderr)
        res = r.run("check")
        self.assertEqual(res.returncode, 1)
        res = r.run("check", "--rev", "HEAD")
        self.assertEqual(res.returncode, 1)
        self.assertEqual(findings(res.stdout), ["content/a.md" + UNANSWERED])
        res = r.run("check", "--rev", "HEAD~1")
        self.assertEqual((res.returncode, res.stdout), (0, "1 brief checked, no problems\n"), res.stderr)
        res = r.run("check", "--rev", "HEAD~1", "--format", "json")
        self.assertEqual(self.json(res)["summary"], {"briefs": 1, "errors": 0, "warnings": 0})
        self.assertEqual(r.state(), before)
        res = r.run("check", "--staged", "--rev", "HEAD")
        self.assertEqual((res.returncode, res.stderr), (2, "prfaq: error: --staged and --rev cannot be used together\n"))

    def test_check_in_a_bare_clone(self):
        r = self.started({"content/a.md": brief("A", "draft"), "content/b.md": BAD}, hooks=False)
        bare = r.other("bare.git", init=False)
        r.git("clone", "-q", "--bare", r.path, bare.path)
        res = bare.run("check", "--rev", "main")
        self.assertEqual(res.returncode, 1, res.stderr)
        self.assertEqual(findings(res.stdout), ["content/b.md" + UNANSWERED])
        res = bare.run("check", "--rev", "main", "content/a.md")
        self.assertEqual((res.returncode, res.stdout), (0, "1 brief checked, no problems\n"), res.stderr)
        res = bare.run("check", "--staged")
        self.assertEqual((res.returncode, res.stderr),
                         (2, "prfaq: error: --staged needs a work tree; this repository is bare (use --rev)\n"))
        res = bare.run("hook", "pre-commit")
        self.assertEqual(res.returncode, 0, res.stderr)

    # -- bad input: a clear message and the right exit code, never a crash --

    def test_symlink_under_content_is_not_read(self):
        r = self.started({"content/a.md": brief("A", "idea"), "outside/bad.md": BAD})
        os.symlink("../outside/bad.md", os.path.join(r.path, "content", "link.md"))
        os.symlink("/etc/passwd", os.path.join(r.path, "content", "passwd.md"))
        r.git("add", "-A")
        res = r.commit("-m", "links")
        self.assertPassed(res)
        # Not read, and said so: a warning, which does not block.
        self.assertEqual(res.stderr, "".join(f"{p}:1:1: warning: a symbolic link: prfaq follows none, so it is neither checked nor published (commit the file itself here) [symlink-skipped]\n"
                                             for p in ["content/link.md", "content/passwd.md"]) +
                         "0 errors, 2 warnings in 2 files (0 briefs checked)\n")
        self.assertHookRuns(r, [("pre-commit", 0)])
        self.assertEqual(r.git("ls-files", "-s", "content/link.md").stdout.split()[0], "120000")
        res = r.run("check", "--rev", "HEAD", "--format", "json")
        self.assertEqual(res.returncode, 0, res.stdout)
        report = self.json(res)
        self.assertEqual([b["path"] for b in report["briefs"]], ["content/a.md"])
        self.assertEqual([(f["file"], f["line"], f["rule"]) for f in report["findings"]],
                         [("content/link.md", 1, "symlink-skipped"), ("content/passwd.md", 1, "symlink-skipped")])
        # A commit that leaves the links alone says nothing of them.
        r.write("content/a.md", brief("A2", "idea"))
        r.git("add", "-A")
        res = r.commit("-m", "a")
        self.assertEqual((res.returncode, res.stderr), (0, ""))

    def test_prfaq_toml_linked_or_a_folder_is_refused_in_git_as_in_the_folder(self):
        # A link to a shared configuration that turns a rule off: the folder
        # refuses it, and so must the index, a commit and the hook (not check
        # with the defaults instead).
        r = self.started({"shared.toml": '[rules]\nplaceholder = { severity = "off" }\n',
                          "content/a.md": brief("A", "draft", extra="\nTODO\n")})
        os.symlink("shared.toml", os.path.join(r.path, "prfaq.toml"))
        r.git("add", "-A")
        link = "prfaq: error: prfaq.toml is a symbolic link, which prfaq never follows: make it a file\n"
        for args in (["check"], ["check", "--staged"], ["hook", "pre-commit"]):
            res = r.run(*args)
            self.assertEqual((res.returncode, res.stdout, res.stderr), (2, "", link), args)
        res = self.blocked_commit(r, "-m", "shared configuration")
        self.assertEqual((res.returncode, res.stderr), (1, link))  # git commit exits 1 whatever the hook did
        self.assertHookRuns(r, [("pre-commit", 2)])
        r.commit_all("linked, on purpose")  # --no-verify
        res = r.run("check", "--rev", "HEAD")
        self.assertEqual((res.returncode, res.stdout, res.stderr), (2, "", link))
        # A folder named prfaq.toml.
        os.remove(os.path.join(r.path, "prfaq.toml"))
        r.write("prfaq.toml/x", "x\n")
        r.git("add", "-A")
        res = r.run("check", "--staged")
        self.assertEqual((res.returncode, res.stdout, res.stderr), (2, "", "prfaq: error: prfaq.toml is not a file\n"))

    def test_gitlink_under_content_is_reported_and_not_checked(self):
        r = self.started({"content/a.md": brief("A", "idea")})
        r.git("update-index", "--add", "--cacheinfo", f"160000,{r.head()},content/sub.md")
        r.git("update-index", "--add", "--cacheinfo", f"160000,{r.head()},content/bundle")
        res = r.commit("-m", "gitlinks")
        self.assertPassed(res)
        self.assertHookRuns(r, [("pre-commit", 0)])
        expected = (f"content/bundle:1:1: warning: a submodule or a repository of its own: the files in it are neither checked nor published [submodule-skipped]\n"
                    f"content/sub.md:1:1: warning: a submodule or a repository of its own: the files in it are neither checked nor published [submodule-skipped]\n"
                    "0 errors, 2 warnings in 2 files (1 brief checked)\n")
        res = r.run("check", "--rev", "HEAD")
        self.assertEqual((res.returncode, res.stdout), (0, expected), res.stderr)
        self.assertIn(f"content/sub.md:1:1: warning: a submodule or a repository of its own: the files in it are neither checked nor published [submodule-skipped]", r.run("check", "--staged").stdout)

    def test_unborn_branch(self):
        r = self.started({"content/a.md": brief("A", "idea")})
        r.git("checkout", "-q", "--orphan", "fresh")
        before = r.state()
        res = r.run("hook", "pre-commit")
        self.assertEqual((res.returncode, res.stderr), (0, ""))
        self.assertEqual(r.state(), before)
        r.write("content/b.md", BAD)
        r.git("add", "-A")
        self.assertBlocked(self.blocked_commit(r, "-m", "orphan"), ["content/b.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1)])
        res = r.run("check", "--rev", "HEAD")
        self.assertEqual(res.returncode, 2)
        self.assertEqual(res.stderr, "prfaq: error: 'HEAD' names no commit in this repository (HEAD has no commit yet)\n")

    def test_detached_head(self):
        r = self.started({"content/a.md": brief("A", "idea")})
        r.git("checkout", "-q", "--detach")
        r.write("content/a.md", BAD.replace("Bad", "A"))
        self.assertBlocked(self.blocked_commit(r, "-a", "-m", "detached"), ["content/a.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1)])
        r.write("content/a.md", brief("A", "draft"))
        self.assertPassed(r.commit("-a", "-m", "detached"))
        self.assertHookRuns(r, [("pre-commit", 0)])

    def test_rev_nonexistent_exits_2(self):
        r = self.started({"content/a.md": brief("A", "idea")}, hooks=False)
        r.git("tag", "-a", "-m", "v1", "v1")
        self.assertEqual(r.run("check", "--rev", "v1").returncode, 0)  # an annotated tag names its commit
        res = r.run("check", "--rev", "nonexistent")
        self.assertEqual((res.returncode, res.stdout, res.stderr),
                         (2, "", "prfaq: error: 'nonexistent' names no commit in this repository (a branch, a tag, "
                                 "a commit id, HEAD~2)\n"))
        for rev in ("HEAD~99", "@{-1}"):
            res = r.run("check", "--rev", rev)
            self.assertEqual((res.returncode, res.stderr),
                             (2, f"prfaq: error: '{rev}' names no commit in this repository (a branch, a tag, "
                                 "a commit id, HEAD~2)\n"))
        res = r.run("check", "--rev", "main..HEAD")
        self.assertEqual((res.returncode, res.stderr),
                         (2, "prfaq: error: 'main..HEAD' is a range; give one commit (a branch, a tag, a commit id, "
                             "HEAD~2)\n"))
        res = r.run("check", "--rev", "HEAD:content")
        self.assertEqual((res.returncode, res.stderr), (2, "prfaq: error: 'HEAD:content' names a tree, not a commit\n"))
        res = r.run("check", "--staged", cwd=r.home)
        self.assertEqual((res.returncode, res.stderr),
                         (2, f"prfaq: error: not a Git repository (or any parent up to /): {r.home}\n"))

    def test_missing_or_corrupt_object_exits_2(self):
        r = self.started({"content/a.md": brief("A", "idea")})
        blob = r.git("rev-parse", "HEAD:content/a.md").stdout.strip()
        head = r.head()[:7]
        loose = os.path.join(r.path, ".git", "objects", blob[:2], blob[2:])
        os.remove(loose)
        res = r.run("check", "--rev", "HEAD")
        self.assertEqual((res.returncode, res.stdout), (2, ""))
        self.assertEqual(res.stderr, f"prfaq: error: reading content/a.md from HEAD ({head}): object not found - "
                                     f"no match for id ({blob})\n")
        # The hook, on a change that needs the missing object (the status move).
        r.write("content/a.md", brief("A", "draft"))
        r.git("add", "-A")
        res = self.blocked_commit(r, "-m", "a")
        self.assertEqual(res.returncode, 1)
        self.assertEqual(res.stderr, "prfaq: error: reading content/a.md from HEAD: object not found - "
                                     f"no match for id ({blob})\n")
        self.assertHookRuns(r, [("pre-commit", 2)])
        # A corrupt object.
        os.makedirs(os.path.dirname(loose), exist_ok=True)
        with open(loose, "wb") as f:
            f.write(b"not zlib data\n")
        res = r.run("check", "--rev", "HEAD")
        self.assertEqual((res.returncode, res.stdout), (2, ""))
        self.assertEqual(res.stderr, f"prfaq: error: reading content/a.md from HEAD ({head}): failed to inflate loose object\n")
        self.assertEqual(self.blocked_commit(r, "-m", "a").returncode, 1)
        self.assertHookRuns(r, [("pre-commit", 2)])

    def test_file_in_one_revision_folder_in_another(self):
        r = self.started({"content/a.md": brief("A", "idea")})
        # A file becomes a folder...
        os.remove(os.path.join(r.path, "content", "a.md"))
        r.write("content/a.md/index.md", BAD.replace("Bad", "A"))
        r.git("add", "-A")
        res = self.blocked_commit(r, "-m", "file to folder")
        self.assertBlocked(res, [
            "content/a.md/index.md:1:1: error: 'a.md' is not a valid slug: use a-z, 0-9 and '-', starting with a "
            "letter or digit, at most 64 [slug-malformed]",
            "content/a.md/index.md" + UNANSWERED,
        ])
        self.assertHookRuns(r, [("pre-commit", 1)])
        r.commit_all("file to folder, on purpose")
        # ... and the folder a file again.
        shutil.rmtree(os.path.join(r.path, "content", "a.md"))
        r.write("content/a.md", brief("A", "draft", answered=False))
        r.git("add", "-A")
        self.assertBlocked(self.blocked_commit(r, "-m", "folder to file"), ["content/a.md" + UNANSWERED])
        self.assertHookRuns(r, [("pre-commit", 1)])
        r.write("content/a.md", brief("A", "draft"))
        r.git("add", "-A")
        self.assertPassed(r.commit("-m", "folder to file"))
        self.assertHookRuns(r, [("pre-commit", 0)])
        self.assertEqual(r.run("check", "--rev", "HEAD~1").returncode, 1)
        self.assertEqual(r.run("check", "--rev", "HEAD~2").returncode, 0)

    def test_index_md_in_a_bundle_sub_folder_is_a_resource_in_every_source(self):
        # content/b/y/ is a bundle: the index.md in its sub-folder is one of
        # its resources, like notes.md, whether read from the working tree,
        # the index or a commit, by check, list, build and the hooks. It
        # would fail as a brief (a review brief that lacks nearly all).
        r = self.started({"content/b/y/index.md": brief("Y", "idea"),
                          "content/b/y/sub/index.md": BAD.replace('"draft"', '"review"'),
                          "content/b/y/sub/notes.md": "Notes, no front matter.\n"}, hooks=False)
        clean = (0, "1 brief checked, no problems\n")
        for args in [(), ("--staged",), ("--rev", "HEAD")]:
            res = r.run("check", *args)
            self.assertEqual((res.returncode, res.stdout), clean, (args, res.stderr))
            res = r.run("check", "--format", "json", *args)
            self.assertEqual([b["path"] for b in self.json(res)["briefs"]], ["content/b/y/index.md"], args)
            for path in ["content/b/y/sub/index.md", "content/b/y/sub/notes.md"]:
                res = r.run("check", path, *args)
                self.assertEqual((res.returncode, res.stdout), (2, ""), (args, path))
                self.assertEqual(res.stderr, f"prfaq: error: {path} is not a brief (briefs are content/**/SLUG.md and "
                                 "content/**/SLUG/index.md; names starting with '_' are not briefs)\n")
        res = r.run("list")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual([line.split()[0] for line in res.stdout.splitlines()], ["SLUG", "y", "1"])
        res = r.run("build")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(os.listdir(os.path.join(r.path, "public", "briefs")), ["y.html"])
        # The hooks: a commit and a push that change the resource's status
        # in a way [transitions] forbids for a brief (review to launched).
        r.install_hooks()
        remote = self.server(r)
        self.assertEqual(r.git("push", "-q", "origin", "main").returncode, 0)
        self.assertHookRuns(r, [("pre-push", 0), ("pre-receive", 0)])
        r.write("content/b/y/sub/index.md", BAD.replace('"draft"', '"launched"'))
        r.git("add", "-A")
        self.assertPassed(r.commit("-m", "the resource says launched"))
        self.assertHookRuns(r, [("pre-commit", 0)])
        res = r.git("push", "origin", "main", check=False)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertNotIn("prfaq:", res.stderr)
        self.assertHookRuns(r, [("pre-push", 0), ("pre-receive", 0)])
        self.assertEqual(remote.git("rev-parse", "main").stdout.strip(), r.head())

if __name__ == "__main__":
    unittest.main()
