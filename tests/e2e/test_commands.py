"""Commands that write files or read the environment: init, new, list,
check with paths, help."""
import os
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
