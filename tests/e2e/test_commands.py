"""Commands that write files or read the environment: init, new, list,
check with paths, help."""
import os
import re
import subprocess
import unittest

from prfaq_test import IDEA, TestCase

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Test(TestCase):
    def test_init_writes_config_content_and_template(self):
        r = self.repo()
        res = r.run("init")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertIn("created  prfaq.toml", res.stdout)
        self.assertTrue(r.exists("content/_template.md"))
        # The site prfaq build writes by default, and its lock and staging, are ignored.
        self.assertIn("created  .gitignore\n", res.stdout)
        self.assertEqual(r.read(".gitignore").splitlines()[1:], ["/public/", "/.public.prfaq-*"])
        config = r.read("prfaq.toml")
        self.assertIn('# required_roles = ["engineering", "design", "marketing"]', config)
        self.assertIn('# press-release-length = { severity = "warning", max_words = 600 }', config)
        # Every line is a comment, a table header or blank: uncommenting is the user's choice.
        for line in config.splitlines():
            self.assertTrue(line == "" or line.startswith("#") or line.startswith("["), line)
        # The written config parses, and checking the empty repository finds nothing.
        res = r.run("check")
        self.assertEqual((res.returncode, res.stdout), (0, "0 briefs checked, no problems\n"), res.stderr)
        # A second init keeps what is there.
        r.write("prfaq.toml", "[site]\ntitle = \"Mine\"\n")
        res = r.run("init")
        self.assertIn("kept     prfaq.toml (exists)", res.stdout)
        self.assertEqual(r.read("prfaq.toml"), "[site]\ntitle = \"Mine\"\n")
        self.assertIn("kept     .gitignore (ignores the site already)\n", res.stdout)
        # An existing .gitignore gets the missing lines appended, the rest untouched.
        r.write(".gitignore", "node_modules/\n/public/")
        res = r.run("init")
        self.assertIn("updated  .gitignore (added /.public.prfaq-*)\n", res.stdout)
        self.assertTrue(r.read(".gitignore").startswith("node_modules/\n/public/\n#"))
        self.assertTrue(r.read(".gitignore").endswith("\n/.public.prfaq-*\n"))

    def test_init_in_a_git_repository_installs_the_hooks(self):
        r = self.repo()
        r.git("init", "-q")
        res = r.run("init")
        self.assertEqual(res.returncode, 0, res.stderr)
        for hook in ("pre-commit", "pre-merge-commit", "pre-push"):
            self.assertIn(f"installed {os.path.join(r.path, '.git', 'hooks', hook)}\n", res.stdout)
            self.assertIn("prfaq-hook:", r.read(f".git/hooks/{hook}"))

    def test_uncommented_default_config_is_valid(self):
        r = self.repo()
        r.run("init")
        text = r.read("prfaq.toml")
        # Uncomment every "# key = value" line: the defaults must parse as they are.
        lines = []
        for line in text.splitlines():
            body = line[2:] if line.startswith("# ") else line
            if line.startswith("# [") or line.startswith("# ") and " = " in body and not body.startswith(("Every", "A rule", "Ladder", "Word", "faq-coverage:")):
                lines.append(body)
            elif not line.startswith("#"):
                lines.append(line)
        r.write("prfaq.toml", "\n".join(lines) + "\n")
        res = r.run("check")
        self.assertEqual(res.returncode, 0, res.stderr + "\n" + "\n".join(lines))

    def test_new_uses_git_email_and_refuses_to_overwrite(self):
        r = self.repo()
        r.git("init", "-q")
        r.git("config", "user.email", "dev@acme.example")
        r.run("init")
        res = r.run("new", "Instant Refunds for Café Owners!", "--team", "Payments", "--dir", "payments")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(res.stdout, "created content/payments/instant-refunds-for-cafe-owners.md\n")
        text = r.read("content/payments/instant-refunds-for-cafe-owners.md")
        self.assertIn('title = "Instant Refunds for Café Owners!"', text)
        self.assertIn('owner = ["dev@acme.example"]', text)
        self.assertIn('team = "Payments"', text)
        self.assertIn('status = "idea"', text)
        # An idea from the template passes; the same slug again is refused, in any folder or case.
        self.assertEqual(r.run("check").returncode, 0)
        again = r.run("new", "Instant refunds for cafe owners")
        self.assertEqual(again.returncode, 2)
        self.assertIn("already exists: content/payments/instant-refunds-for-cafe-owners.md", again.stderr)

    def test_new_escapes_quotes_and_makes_bundles(self):
        r = self.repo()
        res = r.run("new", 'The "Best" \\ Thing', "--bundle", "--owner", "o@x.example")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(res.stdout, "created content/the-best-thing/index.md\n")
        text = r.read("content/the-best-thing/index.md")
        self.assertIn('title = "The \\"Best\\" \\\\ Thing"', text)
        check = r.run("check", "--format", "json")
        self.assertEqual(check.returncode, 0, check.stdout)

    def test_template_keys_uncommented_stay_where_they_belong(self):
        # A user fills a brief in by uncommenting the template's keys: reason
        # must stay a top-level key, not land in the last [[review]].
        r = self.repo()
        self.assertEqual(r.run("new", "Shelf", "--owner", "o@x.example").returncode, 0)
        text = r.read("content/shelf.md")
        front, body = text.split("\n+++\n", 1)
        lines = []
        for line in front.splitlines():
            keyed = re.match(r"# (\[|[a-z_]+ = )", line)
            lines.append(line[2:] if keyed else line)
        front = "\n".join(lines).replace('status = "idea"', 'status = "shelved"')
        r.write("content/shelf.md", front + "\n+++\n" + body)
        res = r.run("check", "--format", "json")
        rules = [(f["rule"], f["message"]) for f in self.json(res)["findings"]]
        self.assertEqual([f for f in rules if f[0] in ("toml-syntax", "unknown-key", "shelved-reason", "key-type")], [],
                         front)

    def test_new_without_slug_material_asks_for_one(self):
        r = self.repo()
        res = r.run("new", "日本語")
        self.assertEqual(res.returncode, 2)
        self.assertEqual(res.stderr, 'prfaq: error: cannot make a slug from "日本語"; give one with --slug\n')
        res = r.run("new", "日本語", "--slug", "nihongo", "--owner", "a@b.c")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertTrue(r.exists("content/nihongo.md"))

    def test_new_uses_the_repository_template(self):
        r = self.repo({"content/_template.md": '+++\ntitle = "{{title}}"\nstatus = "idea"\nowner = "{{owner}}"\n+++\nHouse style\n'})
        res = r.run("new", "Mine", "--owner", "me@x.example")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(r.read("content/mine.md"), '+++\ntitle = "Mine"\nstatus = "idea"\nowner = "me@x.example"\n+++\nHouse style\n')

    def test_new_and_init_never_write_through_a_symbolic_link(self):
        outside = self.repo()  # a folder outside the repository
        r = self.repo({"content/x.md": IDEA.format(title="X")})
        os.symlink(outside.path, os.path.join(r.path, "content", "lnk"))
        for where in ("lnk", "lnk/deeper"):
            res = r.run("new", "Escape Me", "--dir", where, "--owner", "a@b.c")
            self.assertEqual((res.returncode, res.stdout), (2, ""))
            self.assertEqual(res.stderr, "prfaq: error: content/lnk is a symbolic link; prfaq never writes "
                                         "through one (make it a folder)\n")
        self.assertEqual(os.listdir(outside.path), [])
        # content/ itself a link: init and new refuse; prfaq.toml is written first, inside.
        r2 = self.repo()
        os.symlink(outside.path, os.path.join(r2.path, "content"))
        res = r2.run("init")
        self.assertEqual((res.returncode, res.stdout), (2, "created  prfaq.toml\n"))
        self.assertEqual(res.stderr, "prfaq: error: content is a symbolic link; prfaq never writes through one "
                                     "(make it a folder)\n")
        res = r2.run("new", "Escape Me", "--owner", "a@b.c")
        self.assertEqual(res.returncode, 2)
        self.assertEqual(os.listdir(outside.path), [])

    def test_new_in_an_underscore_folder_says_check_skips_it(self):
        r = self.repo()
        res = r.run("new", "Draft One", "--dir", "_drafts", "--owner", "a@b.c")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(res.stdout, "created content/_drafts/draft-one.md\n"
                                     "note: content/_drafts/ starts with '_': check and list pass over the briefs there\n")
        res = r.run("new", "Hidden", "--dir", ".hidden", "--owner", "a@b.c")
        self.assertEqual((res.returncode, res.stderr),
                         (2, "prfaq: error: --dir '.hidden': folders starting with '.' hold no briefs\n"))

    def test_new_refuses_a_template_that_makes_a_bad_brief(self):
        r = self.repo({"content/_template.md": '+++\ntitle = {{title}}\nstatus = "idea"\n+++\n'})
        res = r.run("new", "Bad", "--owner", "a@b.c")
        self.assertEqual(res.returncode, 2)
        self.assertTrue(res.stderr.startswith("prfaq: error: content/_template.md makes a brief that does not "
                                              "load (line 2 of it: "), res.stderr)
        self.assertTrue(res.stderr.endswith("[toml-syntax]); nothing was created\n"), res.stderr)
        self.assertFalse(r.exists("content/bad.md"))
        r.write("content/_template.md", '+++\ntitle = "{{title}}"\n+++\n{{#open}}\ntext\n')
        res = r.run("new", "Bad", "--owner", "a@b.c")
        self.assertEqual((res.returncode, res.stderr),
                         (2, 'prfaq: error: content/_template.md:4:1: Unclosed section "open"\n'))
        r.write("content/_template.md", 'no front matter {{title}}\n')
        res = r.run("new", "Bad", "--owner", "a@b.c")
        self.assertEqual(res.returncode, 2)
        self.assertIn("[front-matter-missing]); nothing was created", res.stderr)
        self.assertFalse(r.exists("content/bad.md"))

    def test_new_does_not_follow_a_linked_template(self):
        outside = self.repo({"t.md": '+++\ntitle = "{{title}}"\nsecret = true\n+++\n'})
        r = self.repo({"content/.keep": ""})
        os.symlink(os.path.join(outside.path, "t.md"), os.path.join(r.path, "content", "_template.md"))
        res = r.run("new", "Linked", "--owner", "a@b.c")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(res.stderr, "prfaq: warning: content/_template.md is a symbolic link, which prfaq never "
                                     "follows; using the built-in template\n")
        self.assertNotIn("secret", r.read("content/linked.md"))

    def test_commands_without_arguments_refuse_them(self):
        r = self.repo()
        res = r.run("rules", "extra")
        self.assertEqual((res.returncode, res.stdout, res.stderr),
                         (2, "", "prfaq: error: prfaq rules takes no arguments; see 'prfaq rules --help'\n"))

    def test_check_list_and_build_need_a_content_folder(self):
        r = self.repo({"prfaq.toml": ""})
        root = os.path.realpath(r.path)
        for cmd in (["check"], ["list"], ["build"]):
            res = r.run(*cmd)
            self.assertEqual((res.returncode, res.stdout, res.stderr),
                             (2, "", f"prfaq: error: no content/ folder in {root}: briefs live in content/ "
                                     "(prfaq init makes it)\n"), cmd)
        r.write("content", "a file\n")
        res = r.run("check")
        self.assertEqual((res.returncode, res.stderr),
                         (2, f"prfaq: error: content in {root} is not a folder: briefs live in content/\n"))
        os.remove(os.path.join(r.path, "content"))
        outside = self.repo({"content/x.md": IDEA.format(title="X")})
        os.symlink(os.path.join(outside.path, "content"), os.path.join(r.path, "content"))
        res = r.run("check")
        self.assertEqual((res.returncode, res.stderr),
                         (2, f"prfaq: error: content/ in {root} is a symbolic link, which prfaq never follows: "
                             "make it a folder\n"))

    def test_a_linked_or_odd_config_is_refused_not_followed(self):
        outside = self.repo({"prfaq.toml": "[site]\ntitle = 3\n"})
        r = self.repo({"content/x.md": IDEA.format(title="X")})
        os.symlink(os.path.join(outside.path, "prfaq.toml"), os.path.join(r.path, "prfaq.toml"))
        link = "prfaq: error: prfaq.toml is a symbolic link, which prfaq never follows: make it a file\n"
        res = r.run("check")
        self.assertEqual((res.returncode, res.stdout, res.stderr), (2, "", link))
        os.remove(os.path.join(r.path, "prfaq.toml"))
        os.symlink("/nonexistent/prfaq.toml", os.path.join(r.path, "prfaq.toml"))  # dangling
        self.assertEqual((r.run("check").returncode, r.run("check").stderr), (2, link))
        os.remove(os.path.join(r.path, "prfaq.toml"))
        os.mkdir(os.path.join(r.path, "prfaq.toml"))
        res = r.run("check")
        self.assertEqual((res.returncode, res.stderr), (2, "prfaq: error: prfaq.toml is not a file\n"))

    def test_check_names_a_fifo_for_what_it_is(self):
        r = self.repo({"content/x.md": IDEA.format(title="X")})
        os.mkfifo(os.path.join(r.path, "content", "pipe.md"))
        res = r.run("check")  # the listing passes over it, without waiting on it
        self.assertEqual((res.returncode, res.stdout), (0, "1 brief checked, no problems\n"))
        res = r.run("check", "content/pipe.md")
        self.assertEqual((res.returncode, res.stderr),
                         (2, "prfaq: error: content/pipe.md is not a regular file or folder; prfaq reads neither "
                             "it nor anything through it\n"))

    def test_list_text_table(self):
        r = self.repo({
            "content/b.md": IDEA.format(title="Bee"),
            "content/a.md": '+++\ntitle = "Ay"\nstatus = "draft"\nowner = ["x@y.z", "w@y.z"]\nteam = "Core"\n+++\n',
        })
        res = r.run("list")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(res.stdout,
                         "SLUG  TITLE  STATUS  READINESS  OWNER             TEAM  CREATED  UPDATED\n"
                         "a     Ay     draft   idea !     x@y.z, w@y.z      Core  -        -\n"
                         "b     Bee    idea    idea       ana@acme.example        -        -\n"
                         "2 briefs, 1 with errors (!): run prfaq check\n")
        res = r.run("list", "--status", "idea")
        self.assertEqual(res.stdout.splitlines()[-1], "1 brief")

    def test_check_paths_and_dash_c(self):
        r = self.repo({
            "content/x/good.md": IDEA.format(title="Good"),
            "content/y/bad.md": "no front matter\n",
        })
        res = r.run("check", "content/x")
        self.assertEqual((res.returncode, res.stdout), (0, "1 brief checked, no problems\n"))
        res = r.run("check", "bad.md", cwd=os.path.join(r.path, "content", "y"))
        self.assertEqual(res.returncode, 1)
        self.assertTrue(res.stdout.startswith("content/y/bad.md:1:1: error: the file does not start with a +++ line"))
        res = r.run("-C", "content", "check", "x/good.md", cwd=r.path)
        self.assertEqual(res.returncode, 0, res.stderr)
        res = r.run("check", "missing.md")
        self.assertEqual((res.returncode, res.stderr), (2, "prfaq: error: missing.md: no such file or folder in the working tree\n"))

    def test_help_is_generated_from_the_command_table(self):
        r = self.repo()
        res = r.run("--help")
        self.assertEqual(res.returncode, 0)
        for name in ("check", "list", "new", "init", "rules"):
            self.assertIn(f"\n  {name}", res.stdout)
        res = r.run("check", "--help")
        self.assertIn("usage: prfaq check [options] [PATH...]", res.stdout)
        self.assertIn("--format FORMAT", res.stdout)
        self.assertEqual(r.run("help", "new").stdout, r.run("new", "--help").stdout)
        self.assertEqual(r.run("--version").stdout.split()[0], "prfaq")

    def test_project_content_passes(self):
        res = subprocess.run([os.environ.get("PRFAQ", "prfaq"), "-C", ROOT, "check"], capture_output=True, text=True)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        self.assertRegex(res.stdout, r"^\d+ briefs checked, no problems\n$")


if __name__ == "__main__":
    unittest.main()
