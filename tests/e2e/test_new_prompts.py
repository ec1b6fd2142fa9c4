"""prfaq new on a terminal: without a title it asks for one, then for the
customer and the team not given as options. Run under a pseudo-terminal
(python's pty), as a person would type."""
import os
import pty
import select
import subprocess
import time
import unittest

from prfaq_test import PRFAQ, TestCase


class Terminal:
    """prfaq with a pseudo-terminal as its stdin, stdout and stderr."""

    def __init__(self, test, repo, *args):
        self.master, slave = pty.openpty()
        env = dict(os.environ, PRFAQ_TODAY="2026-11-29", NO_COLOR="1")
        self.proc = subprocess.Popen([PRFAQ, "new", *args], cwd=repo.path, env=env, stdin=slave, stdout=slave,
                                     stderr=slave, start_new_session=True)
        os.close(slave)
        test.addCleanup(self.close)
        self.screen = ""

    def expect(self, text, timeout=10):
        """Reads what prfaq writes until `text` appears."""
        deadline = time.monotonic() + timeout
        while text not in self.screen:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.master], [], [], left)[0]:
                raise AssertionError(f"no {text!r} within {timeout} s; the terminal shows:\n{self.screen}")
            try:
                chunk = os.read(self.master, 4096)
            except OSError:  # EIO: prfaq exited and closed the terminal
                chunk = b""
            if not chunk:
                raise AssertionError(f"prfaq closed the terminal before {text!r}:\n{self.screen}")
            self.screen += chunk.decode("utf-8", "replace")

    def type(self, text):
        os.write(self.master, text.encode())

    def finish(self, timeout=10):
        """Exit code, once the rest of the output is read."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not select.select([self.master], [], [], 0.1)[0]:
                if self.proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.screen += chunk.decode("utf-8", "replace")
        return self.proc.wait(timeout)

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        os.close(self.master)


class Test(TestCase):
    def test_new_asks_for_title_customer_and_team_on_a_terminal(self):
        r = self.repo({"prfaq.toml": ""})
        t = Terminal(self, r, "--owner", "ana@acme.example")
        t.expect("Title: ")
        t.type("Instant Refunds\n")
        t.expect("Customer: ")
        t.type("  Shoppers who return items  \n")
        t.expect("Team: ")
        t.type("\n")  # left empty
        self.assertEqual(t.finish(), 0, t.screen)
        self.assertIn("created content/instant-refunds.md", t.screen)
        text = r.read("content/instant-refunds.md")
        self.assertIn('title = "Instant Refunds"', text)
        self.assertIn('customer = "Shoppers who return items"', text)
        self.assertIn('team = ""', text)

    def test_new_asks_only_for_what_the_options_leave_out(self):
        r = self.repo({"prfaq.toml": ""})
        t = Terminal(self, r, "--team", "Payments", "--owner", "ana@acme.example")
        t.expect("Title: ")
        t.type("Card Payments\n")
        t.expect("Customer: ")
        t.type("Cafe owners\n")
        self.assertEqual(t.finish(), 0, t.screen)
        self.assertNotIn("Team: ", t.screen)
        text = r.read("content/card-payments.md")
        self.assertIn('team = "Payments"', text)
        self.assertIn('customer = "Cafe owners"', text)
        # With a title, it asks nothing, on a terminal too.
        t = Terminal(self, r, "Gift Cards", "--owner", "ana@acme.example")
        self.assertEqual(t.finish(), 0, t.screen)
        self.assertNotIn("Title: ", t.screen)
        self.assertTrue(r.exists("content/gift-cards.md"))

    def test_new_without_a_title_creates_nothing(self):
        r = self.repo({"prfaq.toml": ""})
        t = Terminal(self, r)
        t.expect("Title: ")
        t.type("\x04")  # Ctrl-D: the end of input
        self.assertEqual(t.finish(), 2, t.screen)
        self.assertIn("prfaq: error: a brief needs a title; nothing was created", t.screen)
        self.assertFalse(r.exists("content"))
        # Not on a terminal (a script, a hook): the title is an argument, as before.
        res = r.run("new")
        self.assertEqual((res.returncode, res.stderr),
                         (2, 'prfaq: error: prfaq new takes one title, in quotes: prfaq new "Instant Refunds"\n'))


if __name__ == "__main__":
    unittest.main()
