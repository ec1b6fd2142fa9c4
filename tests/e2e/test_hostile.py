"""Hostile repositories, end to end: what `prfaq check`, `prfaq build` and
the pre-commit hook do with briefs made to hurt them. Each command must end
(a hang fails the test at its timeout), stay within bounded memory, and say
what is wrong with file, line and rule; nothing from outside the
repository may be read or published, and no name may run as a command.
The unit tests (tests/unit/hostile_input_test.cpp) hold the same inputs
against the loader and the rules; docs/reference.md lists what each gets."""
import json
import os
import resource
import subprocess
import unittest

from prfaq_test import PRFAQ, GitTestCase


def front(title, extra="", status="idea"):
    return f'+++\ntitle = "{title}"\nstatus = "{status}"\nowner = "ana@acme.example"\n{extra}+++\n'


# Peak memory a command may use on these repositories. The briefs are at
# most 20 MB; prfaq needs a few tens of MB for all of them (sanitizer builds
# several times that), so 1 GB only catches unbounded growth.
MEMORY_LIMIT_KB = 1024 * 1024


class Test(GitTestCase):
    def measured(self, r, *args):
        """Runs prfaq in r, returning (completed process, the largest peak RSS
        in KB of any child process so far, which bounds this one's)."""
        p = subprocess.Popen([PRFAQ, *args], cwd=r.path, env=r.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             stdin=subprocess.DEVNULL, text=True)
        try:
            out, err = p.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            p.kill()
            p.communicate()
            self.fail(f"prfaq {' '.join(args)} did not finish in 120 s")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        self.assertLess(peak, MEMORY_LIMIT_KB, f"prfaq {' '.join(args)}: peak {peak} KB")
        return subprocess.CompletedProcess(p.args, p.returncode, out, err), peak

    def hostile_sizes(self):
        return {
            # 20 MB: over the 1 MiB limit, so not even parsed.
            "content/huge.md": front("Huge") + ("x" * 99 + "\n") * 200000,
            # 100,000 nested blockquotes and 100,000 nested list items.
            "content/quotes.md": front("Quotes") + "\n## Press release\n\n" + "> " * 100000 + "deep\n",
            "content/lists.md": front("Lists") + "\n## Press release\n\n" + "- " * 100000 + "x\n",
            # A 1 MB line.
            "content/line.md": front("Line") + "\n## Press release\n\n" + "word " * 200000 + "\n",
            # 10,000 FAQ questions.
            "content/faq.md": front("Faq") + "\n## Customer FAQ\n\n" +
            "".join(f"### Question {i}?\n\nAnswer {i}.\n\n" for i in range(10000)),
            # Huge TOML numbers, and TOML nested 100,000 deep.
            "content/numbers.md": front("Numbers", "x = 99999999999999999999999999999\n"),
            "content/float.md": front("Float", "x = 1e99999\ny = -0x7fffffffffffffffff\n"),
            "content/nested.md": front("Nested", "x = " + "[" * 100000 + "]" * 100000 + "\n"),
            "content/tables.md": front("Tables", "x = " + "{a = " * 100000 + "1" + "}" * 100000 + "\n"),
        }

    def test_huge_deep_and_long_briefs_get_a_finding_each_in_bounded_time_and_memory(self):
        r = self.git_repo(self.hostile_sizes())
        res, _ = self.measured(r, "check")
        self.assertEqual(res.returncode, 1, res.stderr)
        self.assertEqual(res.stderr, "")
        self.assertEqual(res.stdout.splitlines(), [
            "content/faq.md:7:1: warning: the two FAQs have 40000 words; keep them to 2500 (about five pages) [faq-length]",
            "content/float.md:5:12: error: Error while parsing floating-point: '1e99999' could not be interpreted as a value [toml-syntax]",
            "content/huge.md:1:1: error: the file is 20000066 bytes; the limit is 1048576 ([limits] max_brief_bytes in prfaq.toml) [file-too-large]",
            "content/line.md:7:1: warning: the press release has 0 quotations; it should quote a customer, not only a leader (at least 2) [customer-quote]",
            "content/line.md:7:1: warning: the press release has 200000 words; keep it to 600 (about one page) [press-release-length]",
            "content/line.md:7:1: warning: the press release reads at grade 77996.2; aim for 10.0 or lower with shorter sentences and plainer words [readability]",
            "content/line.md:9:1: warning: this sentence has 200000 words; keep sentences to 30 [sentence-length]",
            "content/lists.md:7:1: warning: the press release has 0 quotations; it should quote a customer, not only a leader (at least 2) [customer-quote]",
            "content/nested.md:5:104: error: tables, arrays and dotted keys nest more than 100 levels deep here [toml-syntax]",
            "content/numbers.md:5:34: error: Error while parsing decimal integer: '99999999999999999999999999999' is not representable in 64 bits [toml-syntax]",
            "content/quotes.md:7:1: warning: the press release has 1 quotation; it should quote a customer, not only a leader (at least 2) [customer-quote]",
            "content/tables.md:5:501: error: tables, arrays and dotted keys nest more than 100 levels deep here [toml-syntax]",
            "5 errors, 7 warnings in 9 briefs (9 checked)",
        ])

        res, _ = self.measured(r, "build")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertRegex(res.stdout, r"^prfaq: built 9 brief\(s\) into public/: ")
        self.assertIn("prfaq: 5 brief(s) have errors, shown on their pages", res.stdout)
        with open(os.path.join(r.path, "public/briefs/huge.html")) as f:
            self.assertIn("[limits] max_brief_bytes in prfaq.toml", f.read())
        with open(os.path.join(r.path, "public/briefs/faq.html")) as f:
            self.assertIn("Question 9999?", f.read())

        # The hook: the commit is refused, naming the briefs and the rules.
        r.install_hooks(spy=False)
        r.git("add", "-A")
        res = r.commit("-m", "hostile")
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        for line in ("content/huge.md:1:1: error:", "[file-too-large]", "content/tables.md:5:501: error:"):
            self.assertIn(line, res.stderr)
        self.assertEqual(r.git("rev-parse", "--verify", "-q", "HEAD", check=False).returncode, 1)

    def test_paths_out_of_the_bundle_and_the_repository_are_errors_and_nothing_outside_is_read(self):
        screens = "".join(f'\n[[journey]]\nstep = "Step {i}"\ndetail = "d"\nscreen = "{path}"\n'
                          for i, path in enumerate(["../../../../etc/passwd", "/etc/passwd",
                                                    "screens/../../../prfaq.toml", "screens/ok.png"]))
        r = self.git_repo({
            "content/bundle/index.md": front("Bundle", screens) +
            "\n## Press release\n\n![p](../../../../etc/passwd) ![q](/etc/hostname) [r](../../.git/config) "
            "![s](screens/%2e%2e/%2e%2e/x.png) ![t](screens/ok.png)\n",
            "content/bundle/screens/ok.png": b"\x89PNG\r\n\x1a\n",
        })
        os.symlink("/etc/passwd", os.path.join(r.path, "content/passwd.md"))
        os.symlink("/etc", os.path.join(r.path, "content/etc"))
        os.symlink("/etc/hostname", os.path.join(r.path, "content/bundle/screens/host.png"))
        res, _ = self.measured(r, "check")
        self.assertEqual(res.returncode, 1, res.stderr)
        self.assertEqual(res.stdout.splitlines(), [
            "content/bundle/index.md:9:10: error: image '../../../../etc/passwd' points outside the repository [image-missing]",
            "content/bundle/index.md:14:10: error: image '/etc/passwd' is an absolute path; use a path relative to the brief [image-missing]",
            "content/bundle/index.md:19:10: error: image 'screens/../../../prfaq.toml' points at prfaq.toml, which does not exist [image-missing]",
            "content/bundle/index.md:27:1: warning: the press release has 0 quotations; it should quote a customer, not only a leader (at least 2) [customer-quote]",
            "content/bundle/index.md:29:6: error: image '../../../../etc/passwd' points outside the repository [image-missing]",
            "content/bundle/index.md:29:35: error: image '/etc/hostname' is an absolute path; use a path relative to the brief [image-missing]",
            "content/bundle/index.md:29:78: error: image 'screens/%2e%2e/%2e%2e/x.png' points at content/x.png, which does not exist [image-missing]",
            "content/bundle/screens/host.png:1:1: warning: a symbolic link: prfaq follows none, so it is neither checked nor published (commit the file itself here) [symlink-skipped]",
            "content/etc:1:1: warning: a symbolic link: prfaq follows none, so it is neither checked nor published (commit the file itself here) [symlink-skipped]",
            "content/passwd.md:1:1: warning: a symbolic link: prfaq follows none, so it is neither checked nor published (commit the file itself here) [symlink-skipped]",
            "6 errors, 4 warnings in 4 files (1 brief checked)",
        ])
        res, _ = self.measured(r, "build")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(res.stderr, "".join(
            f"prfaq: warning: not published: content/{p} is a symbolic link (prfaq follows none)\n"
            for p in ["bundle/screens/host.png", "etc", "passwd.md"]))
        published = set()
        for folder, _, files in os.walk(os.path.join(r.path, "public")):
            for name in files:
                path = os.path.join(folder, name)
                self.assertFalse(os.path.islink(path), path)
                published.add(os.path.relpath(path, os.path.join(r.path, "public")))
                with open(path, "rb") as f:
                    data = f.read()
                self.assertNotIn(b"root:x:0:0", data, path)
        self.assertEqual(sorted(p for p in published if p.startswith("media/")), ["media/bundle/screens/ok.png"])

    def test_links_and_nested_repositories_in_the_working_tree_are_reported_and_never_read(self):
        bad = front("Bad", status="launched") + "\n## Press release\n\nTODO\n"
        r = self.git_repo({"content/a.md": front("A"), "elsewhere/bad.md": bad})
        os.makedirs(os.path.join(r.path, "content/team"))
        os.symlink("../../elsewhere/bad.md", os.path.join(r.path, "content/team/link.md"))
        # A repository of its own inside content/ (a clone, or a submodule's
        # checkout), holding a brief that would fail.
        r.write("content/vendor/bad.md", bad)
        subprocess.run(["git", "init", "-q", os.path.join(r.path, "content/vendor")], check=True)
        link = ("warning: a symbolic link: prfaq follows none, so it is neither checked nor published "
                "(commit the file itself here) [symlink-skipped]")
        repo = ("warning: a submodule or a repository of its own: the files in it are neither checked nor "
                "published [submodule-skipped]")
        res, _ = self.measured(r, "check")
        self.assertEqual((res.returncode, res.stderr), (0, ""))
        self.assertEqual(res.stdout.splitlines(), [
            "content/team/link.md:1:1: " + link,
            "content/vendor:1:1: " + repo,
            "0 errors, 2 warnings in 2 files (1 brief checked)",
        ])
        # Named on the command line, or a folder holding them.
        res, _ = self.measured(r, "check", "content/vendor")
        self.assertEqual((res.returncode, res.stdout), (0, "content/vendor:1:1: " + repo + "\n"
                                                        "0 errors, 1 warning in 1 file (0 briefs checked)\n"))
        res, _ = self.measured(r, "check", "content/team")
        self.assertEqual((res.returncode, res.stdout), (0, "content/team/link.md:1:1: " + link + "\n"
                                                        "0 errors, 1 warning in 1 file (0 briefs checked)\n"))
        # A link named itself is reported, not followed; named twice, once.
        res, _ = self.measured(r, "check", "content/team/link.md", "content/team", "content/a.md")
        self.assertEqual((res.returncode, res.stdout), (0, "content/team/link.md:1:1: " + link + "\n"
                                                        "0 errors, 1 warning in 1 file (1 brief checked)\n"))
        res, _ = self.measured(r, "check", "content/vendor/")
        self.assertEqual((res.returncode, res.stdout), (0, "content/vendor:1:1: " + repo + "\n"
                                                        "0 errors, 1 warning in 1 file (0 briefs checked)\n"))
        res, _ = self.measured(r, "check", "--format", "sarif")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual([x["ruleId"] for x in json.loads(res.stdout)["runs"][0]["results"]],
                         ["symlink-skipped", "submodule-skipped"])
        res, _ = self.measured(r, "build")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(res.stderr,
                         "prfaq: warning: not published: content/team/link.md is a symbolic link (prfaq follows none)\n"
                         "prfaq: warning: not published: content/vendor is a submodule or a repository of its own\n")
        self.assertEqual(sorted(os.listdir(os.path.join(r.path, "public/briefs"))), ["a.html"])

    def test_names_with_shell_and_html_metacharacters_are_reported_and_never_run(self):
        names = ["$(touch PWNED)", "a;touch PWNED", "<b>x<\\b>", "q'uo\"te", "back`touch PWNED`", "sp ace",
                 "-rf", "&amp;", "ünï"]
        r = self.git_repo({f"content/{n}.md": front("Meta") for n in names})
        res, _ = self.measured(r, "check")
        self.assertEqual(res.returncode, 1, res.stderr)
        rule = "is not a valid slug: use a-z, 0-9 and '-', starting with a letter or digit, at most 64 [slug-malformed]"
        self.assertEqual(res.stdout.splitlines(),
                         sorted(f"content/{n}.md:1:1: error: '{n}' {rule}" for n in names) +
                         [f"{len(names)} errors, 0 warnings in {len(names)} briefs ({len(names)} checked)"])
        res, _ = self.measured(r, "build")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertFalse(any("<" in f or '"' in f for f in os.listdir(os.path.join(r.path, "public/briefs"))))
        r.install_hooks(spy=False)
        r.git("add", "-A")
        res = r.commit("-m", "names")
        self.assertEqual(res.returncode, 1, res.stderr)
        self.assertIn("content/$(touch PWNED).md:1:1: error:", res.stderr)
        res, _ = self.measured(r, "check", "--staged", "--format", "json")
        self.assertEqual(res.returncode, 1)
        for folder, _, files in os.walk(r.folder):
            self.assertNotIn("PWNED", files, folder)

    def test_control_characters_in_names_links_and_values_never_reach_the_terminal(self):
        # An ESC sequence in a file name clears the screen, in a link target
        # (percent-encoded) recolours it; a line feed in a title broke the
        # table of `prfaq list`. The text report, the GitHub annotations and
        # the table show them as escapes; a byte that is not UTF-8 as U+FFFD.
        ml = '+++\ntitle = "Multi\\nLine\\u001b[31mRED\\tTab"\nstatus = "idea"\nowner = "ana@acme.example"\n' \
             'team = "Pay\\u0085ments"\n+++\n\n![v](x%1b[31mRED%1b[0m.png)\n'
        r = self.git_repo({"content/bad\x1b[2Jname.md": front("Bad"), "content/inv\udcffalid.md": front("Inv"),
                           "content/ml.md": ml})
        slug = "is not a valid slug: use a-z, 0-9 and '-', starting with a letter or digit, at most 64"
        image = "image 'x%1b[31mRED%1b[0m.png' names no file: its path holds a control character"
        res = r.run("check")
        self.assertEqual((res.returncode, res.stderr), (1, ""))
        self.assertEqual(res.stdout,
                         f"content/bad\\x1b[2Jname.md:1:1: error: 'bad\\x1b[2Jname' {slug} [slug-malformed]\n"
                         f"content/inv\ufffdalid.md:1:1: error: 'inv\ufffdalid' {slug} [slug-malformed]\n"
                         f"content/ml.md:8:6: error: {image} [image-missing]\n"
                         "3 errors, 0 warnings in 3 briefs (3 checked)\n")
        res = r.run("check", "--format", "github")
        github_image = image.replace("%", "%25")  # GitHub's own escape, undone when it reads the command
        self.assertEqual(res.stdout,
                         f"::error file=content/bad\\x1b[2Jname.md,line=1,col=1,title=slug-malformed::'bad\\x1b[2Jname' {slug}\n"
                         f"::error file=content/inv\ufffdalid.md,line=1,col=1,title=slug-malformed::'inv\ufffdalid' {slug}\n"
                         f"::error file=content/ml.md,line=8,col=6,title=image-missing::{github_image}\n"
                         "3 errors, 0 warnings in 3 briefs\n")
        res = r.run("list")
        self.assertEqual((res.returncode, res.stderr), (0, ""))
        self.assertEqual(res.stdout,
                         "SLUG            TITLE                        STATUS  READINESS  OWNER             TEAM          CREATED  UPDATED\n"
                         "bad\\x1b[2Jname  Bad                          idea    idea !     ana@acme.example                -        -\n"
                         "inv\ufffdalid        Inv                          idea    idea !     ana@acme.example                -        -\n"
                         "ml              Multi\\nLine\\x1b[31mRED\\tTab  idea    idea !     ana@acme.example  Pay\\x85ments  -        -\n"
                         "3 briefs, 3 with errors (!): run prfaq check\n")
        # JSON keeps its own escapes, as before.
        res = r.run("list", "--format", "json")
        self.assertEqual(json.loads(res.stdout)[2]["title"], "Multi\nLine\x1b[31mRED\tTab")
        res = r.run("check", "--format", "json")
        self.assertIn('"file": "content/bad\\u001b[2Jname.md"', res.stdout)
        # The hook prints the text report.
        r.install_hooks(spy=False)
        r.git("add", "-A")
        res = r.commit("-m", "names")
        self.assertEqual(res.returncode, 1, res.stderr)
        self.assertIn(f"content/bad\\x1b[2Jname.md:1:1: error: 'bad\\x1b[2Jname' {slug} [slug-malformed]\n", res.stderr)
        self.assertNotIn("\x1b", res.stderr)

    def test_control_characters_in_errors_and_the_log_never_reach_the_terminal(self):
        r = self.git_repo({"content/a.md": front("A")})
        r.git("add", "-A")
        r.git("commit", "-q", "--no-verify", "-m", "subject \x1b[2J cleared")
        res = r.run("check", "content/no\x1b[2J.md")
        self.assertEqual((res.returncode, res.stderr),
                         (2, "prfaq: error: content/no\\x1b[2J.md: no such file or folder in the working tree\n"))
        res = r.run("log", "a")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertNotIn("\x1b", res.stdout)
        self.assertIn("subject \\x1b[2J cleared\n", res.stdout)


if __name__ == "__main__":
    unittest.main()
