"""Faults, end to end: what a user finds after a build is killed, after the
disk fills up, when the output folder is read-only, and after a commit is
interrupted with Ctrl-C while the pre-commit hook runs.

A full disk and a read-only filesystem are real ones: a small tmpfs mounted
in a private mount namespace (`unshare --user --map-root-user --mount`, which
needs no privilege on Debian), gone when the test ends."""
import hashlib
import os
import shutil
import signal
import subprocess
import time
import unittest

from prfaq_test import PRFAQ, GitTestCase, brief


def snapshot(root):
    """Every file under root (relative path -> sha256), symlinks as their target."""
    out = {}
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for f in files:
            p = os.path.join(folder, f)
            rel = os.path.relpath(p, root)
            if os.path.islink(p):
                out[rel] = "-> " + os.readlink(p)
            else:
                with open(p, "rb") as fh:
                    out[rel] = hashlib.sha256(fh.read()).hexdigest()
    return out


def staging_left(folder):
    return sorted(f for f in os.listdir(folder) if ".prfaq-tmp-" in f)


def write_briefs(r, n, version):
    """Writes many_briefs(n, version) into r."""
    for name, text in many_briefs(n, version).items():
        r.write(name, text)


def many_briefs(n, version):
    statuses = ["idea", "draft", "review", "approved", "launched"]
    files = {"prfaq.toml": "[site]\ntitle = \"Acme\"\n"}
    for i in range(n):
        files[f"content/team{i % 5}/brief-{i:03d}.md"] = brief(
            f"Brief {i} v{version}", statuses[i % 5], extra=f"\nVersion {version} of brief {i}.\n")
    return files


UNSHARE = ["unshare", "--user", "--map-root-user", "--mount"]


def hook_started(commit):
    """Waits until the pre-commit hook runs: a process named prfaq in the
    process group of `commit` (a Popen that leads its own group). Returns the
    time it was first seen, or None if the commit ended first."""
    while commit.poll() is None:
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            state, _, group = stat[stat.rindex(")") + 2:].split()[:3]
            if name == "prfaq" and state != "Z" and int(group) == commit.pid:
                return time.monotonic()
        time.sleep(0.001)
    return None


class Test(GitTestCase):
    def env(self):
        return dict(os.environ, PRFAQ_TODAY="2026-11-29", NO_COLOR="1")

    def build(self, r, out, rc=0):
        res = subprocess.run([PRFAQ, "build", "--out", out], cwd=r.path, env=self.env(), capture_output=True,
                             text=True, timeout=120, stdin=subprocess.DEVNULL)
        self.assertEqual(res.returncode, rc, res.stdout + res.stderr)
        return res

    def in_tmpfs(self, r, script):
        """Runs a bash script in r's folder in a private mount namespace, with
        $DISK a mount point for it (mount -t tmpfs ... "$DISK") and $PRFAQ
        set; returns the completed process."""
        disk = os.path.join(r.path, "disk")
        os.makedirs(disk, exist_ok=True)
        res = subprocess.run(UNSHARE + ["bash", "-euo", "pipefail", "-c", script], cwd=r.path,
                             env=dict(self.env(), DISK=disk, PRFAQ=PRFAQ), capture_output=True, text=True,
                             timeout=300, stdin=subprocess.DEVNULL)
        self.assertEqual(res.returncode, 0, "the test's own script failed:\n" + res.stdout + res.stderr)
        return res

    # -- A build killed at any moment ---------------------------------------

    def test_a_build_killed_at_any_moment_leaves_the_previous_site_or_the_new_one_whole(self):
        r = self.repo(many_briefs(150, 1))
        self.build(r, "site")
        old = snapshot(os.path.join(r.path, "site"))
        write_briefs(r, 150, 2)  # every page changes
        self.build(r, "expected")
        new = snapshot(os.path.join(r.path, "expected"))
        self.assertNotEqual(old, new)

        started = time.monotonic()
        self.build(r, "probe")
        duration = time.monotonic() - started
        outcomes = []
        for sig in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT):
            for step in range(12):
                # Put the old site back, then kill a build after a delay
                # spread over its whole run (and a little beyond).
                if snapshot(os.path.join(r.path, "site")) != old:
                    write_briefs(r, 150, 1)
                    self.build(r, "site")
                    write_briefs(r, 150, 2)
                p = subprocess.Popen([PRFAQ, "build", "--out", "site"], cwd=r.path, env=self.env(),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
                time.sleep(duration * step / 10)
                p.send_signal(sig)
                killed = p.wait(timeout=60) != 0
                now = snapshot(os.path.join(r.path, "site"))
                self.assertIn(now, (old, new), f"{signal.Signals(sig).name} after {step}/10 of a build: a mixed site")
                outcomes.append(("killed" if killed else "finished", "old" if now == old else "new"))
        # Most signals landed while the build ran (how many depends on the
        # machine's load: a build that finished first wrote the new site,
        # which is also whole). A killed build left the old site (or, killed
        # between its swap and its exit, the new one).
        self.assertGreaterEqual(sum(k == "killed" for k, _ in outcomes), 12, outcomes)
        self.assertIn(("killed", "old"), outcomes)
        # The next build sweeps what killed builds left, and writes the new site.
        self.build(r, "site")
        self.assertEqual(snapshot(os.path.join(r.path, "site")), new)
        self.assertEqual(staging_left(r.path), [])

    def test_ctrl_c_during_a_build_removes_its_staging_folder_and_leaves_the_site(self):
        r = self.repo(many_briefs(400, 1))
        self.build(r, "site")
        old = snapshot(os.path.join(r.path, "site"))
        write_briefs(r, 400, 2)  # every page changes
        interrupted = []
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP) * 3:
            p = subprocess.Popen([PRFAQ, "build", "--out", "site"], cwd=r.path, env=self.env(),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
            deadline = time.monotonic() + 30
            while not staging_left(r.path) and p.poll() is None and time.monotonic() < deadline:
                time.sleep(0.002)  # the staging folder is made once the build starts writing
            p.send_signal(sig)
            _, err = p.communicate(timeout=60)
            if p.returncode == 0:  # it finished first: the new site, whole; put the old one back
                write_briefs(r, 400, 1)
                self.build(r, "site")
                write_briefs(r, 400, 2)
                continue
            interrupted.append(signal.Signals(sig).name)
            self.assertEqual((p.returncode, err), (2, "prfaq: error: interrupted: site is left as it was\n"))
            self.assertEqual(staging_left(r.path), [], signal.Signals(sig).name)
            self.assertEqual(snapshot(os.path.join(r.path, "site")), old)
        self.assertGreaterEqual(len(interrupted), 3, "the signals came too late to interrupt a build")

    # -- A full disk ---------------------------------------------------------

    def test_a_full_disk_is_exit_2_with_the_file_and_the_reason_and_the_previous_site_stays(self):
        r = self.repo(many_briefs(40, 1))
        res = self.in_tmpfs(r, """
            # No room for even a first site: nothing is left behind.
            mount -t tmpfs -o size=16k tmpfs "$DISK"
            rc=0; "$PRFAQ" build --out "$DISK/site" >first.out 2>first.err || rc=$?
            echo "first $rc $(ls -A "$DISK" | tr '\\n' ' ')"
            umount "$DISK"

            # A site, then a disk just too small for the next one.
            mount -t tmpfs -o size=8m tmpfs "$DISK"
            "$PRFAQ" build --out "$DISK/site" >/dev/null
            cp -a "$DISK/site" before
            used=$(df --output=used -k "$DISK" | tail -1)
            mount -o remount,size=$((used + 32))k "$DISK"
            mkdir -p site-theme/templates   # a new layout: every page is written again
            printf '<!doctype html><title>{{title}}</title><main>{{{body}}}</main>\\n' > site-theme/templates/layout.html
            rc=0; "$PRFAQ" build --out "$DISK/site" >second.out 2>second.err || rc=$?
            echo "second $rc $(ls -A "$DISK" | tr '\\n' ' ')"
            cp -a "$DISK/site" after
        """)
        first, second = res.stdout.splitlines()
        self.assertEqual(first, "first 2 .site.prfaq-lock ")
        self.assertEqual(second, "second 2 .site.prfaq-lock site ")
        disk = os.path.join(r.path, "disk")
        for err in ("first.err", "second.err"):
            lines = r.read(err).splitlines()
            self.assertTrue(lines, err)
            for line in lines:
                self.assertRegex(line, r"^prfaq: error: cannot write " + disk + r"/site/\S+: No space left on device$")
        self.assertEqual(r.read("first.out") + r.read("second.out"), "")
        self.assertEqual(snapshot(os.path.join(r.path, "after")), snapshot(os.path.join(r.path, "before")))

    # -- A read-only output ----------------------------------------------------

    def test_a_read_only_filesystem_is_exit_2_and_the_site_stays(self):
        r = self.repo(many_briefs(10, 1))
        res = self.in_tmpfs(r, """
            mount -t tmpfs -o size=8m tmpfs "$DISK"
            "$PRFAQ" build --out "$DISK/site" >/dev/null
            cp -a "$DISK/site" before
            mount -o remount,ro "$DISK"
            rc=0; "$PRFAQ" build --out "$DISK/site" >ro.out 2>ro.err || rc=$?
            echo "rc $rc"
            cp -a "$DISK/site" after
        """)
        self.assertEqual(res.stdout, "rc 2\n")
        disk = os.path.join(r.path, "disk")
        self.assertEqual(r.read("ro.err"),
                         f"prfaq: error: cannot write the site into {disk}/site: Read-only file system\n")
        self.assertEqual(r.read("ro.out"), "")
        self.assertEqual(snapshot(os.path.join(r.path, "after")), snapshot(os.path.join(r.path, "before")))

    def test_an_output_folder_made_read_only_is_refused_and_left_as_it_was(self):
        # As an ordinary user: root ignores folder permissions.
        r = self.repo(many_briefs(10, 1))
        as_user, prfaq = [], PRFAQ
        if os.geteuid() == 0:
            # User nobody runs a copy of prfaq (the build folder may be in
            # root's home) in a repository it owns.
            prfaq = os.path.join(r.path, "bin", "prfaq")
            os.makedirs(os.path.dirname(prfaq))
            shutil.copy2(PRFAQ, prfaq)
            os.chmod(r.path, 0o755)
            for folder, dirs, files in os.walk(r.path):
                for name in dirs + files + [""]:
                    os.lchown(os.path.join(folder, name), 65534, 65534)
            as_user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]

        def build():
            return subprocess.run(as_user + [prfaq, "build", "--out", "site"], cwd=r.path, env=self.env(),
                                  capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)

        res = build()
        self.assertEqual(res.returncode, 0, res.stderr)
        site = os.path.join(r.path, "site")
        before = snapshot(site)
        os.chmod(site, 0o555)
        res = build()
        self.assertEqual((res.returncode, res.stdout), (2, ""))
        self.assertEqual(res.stderr, f"prfaq: error: cannot write the site into {site}: Permission denied\n")
        self.assertEqual(snapshot(site), before)
        self.assertEqual(staging_left(r.path), [])
        # A read-only folder inside the site is replaced with the rest, and
        # nothing stays behind.
        os.chmod(site, 0o755)
        os.chmod(os.path.join(site, "briefs"), 0o555)
        res = build()
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(staging_left(r.path), [])
        self.assertEqual(snapshot(site), before)

    # -- Ctrl-C during the pre-commit hook -----------------------------------

    def test_ctrl_c_during_the_pre_commit_hook_leaves_the_index_and_the_files_untouched(self):
        r = self.git_repo(many_briefs(60, 1))
        r.commit_all()
        r.install_hooks(spy=False)
        # Big staged briefs, so the hook runs long enough to be interrupted;
        # one of them is broken, so a hook that finishes refuses the commit.
        padding = "".join(f"The shopper gets a refund in {i} seconds.\n\n" for i in range(6000))
        for i in range(40):
            r.write(f"content/team{i % 5}/brief-{i:03d}.md",
                    brief(f"Brief {i} v2", "draft", answered=(i != 7), extra="\n" + padding))
        r.git("add", "-A")
        git_dir = os.path.join(r.path, ".git")
        head = r.git("rev-parse", "HEAD").stdout
        staged = r.git("ls-files", "-s").stdout
        files = snapshot(os.path.join(r.path, "content"))

        env = r.env()

        def commit():
            return subprocess.Popen(["git", "commit", "-q", "-m", "v2"], cwd=r.path, env=env, start_new_session=True,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                    text=True)

        p = commit()
        started = hook_started(p)
        self.assertIsNotNone(started, "the hook never ran")
        out, err = p.communicate(timeout=120)
        hook = time.monotonic() - started
        self.assertEqual(p.returncode, 1, err)  # the hook refuses it
        self.assertIn("[faq-unanswered]", err)
        # Git itself rewrites the index before it runs the hook (it stores the
        # staged trees' ids in it), so its bytes are compared from here on.
        self.assertEqual(r.git("ls-files", "-s").stdout, staged)
        with open(os.path.join(git_dir, "index"), "rb") as f:
            index = f.read()

        # A terminal's Ctrl-C (SIGINT to the whole foreground process group)
        # at ten moments of the hook's run, from its first instant to its end.
        # The signal is sent once the hook runs: before that, Git is alone,
        # and Git itself leaves index.lock behind if the signal lands between
        # its creating the lock and installing its handler that removes it.
        interrupted = 0
        for step in range(10):
            p = commit()
            self.assertIsNotNone(hook_started(p), "the hook never ran")
            time.sleep(hook * step / 10)
            try:
                os.killpg(p.pid, signal.SIGINT)
            except ProcessLookupError:
                pass
            p.communicate(timeout=60)
            self.assertNotEqual(p.returncode, 0)
            interrupted += p.returncode == -signal.SIGINT
            self.assertEqual(r.git("ls-files", "-s").stdout, staged)
            with open(os.path.join(git_dir, "index"), "rb") as f:
                self.assertEqual(f.read(), index, f"Ctrl-C after {step}/10 of the hook changed the index")
            self.assertEqual(snapshot(os.path.join(r.path, "content")), files)
            self.assertEqual(r.git("rev-parse", "HEAD").stdout, head)
            self.assertFalse(os.path.exists(os.path.join(git_dir, "index.lock")), "a stale index.lock")
        self.assertGreaterEqual(interrupted, 3, "the signal came too late to interrupt the hook")
        # Git still works: the fixed brief commits.
        r.write("content/team2/brief-007.md", brief("Brief 7 v2", "draft", extra="\n" + padding))
        r.git("add", "content/team2/brief-007.md")
        done = subprocess.run(["git", "commit", "-q", "-m", "v2"], cwd=r.path, env=env, capture_output=True,
                              text=True, timeout=120, stdin=subprocess.DEVNULL)
        self.assertEqual(done.returncode, 0, done.stderr)


if __name__ == "__main__":
    unittest.main()
