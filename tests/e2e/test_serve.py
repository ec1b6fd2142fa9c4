"""prfaq serve: the real binary started on a free port in a temporary
repository, its pages fetched over HTTP while the test edits, breaks, fixes,
adds and deletes briefs and theme files. Every wait has a timeout, and every
server is killed when its test ends, whatever happened."""
import fcntl
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request

from prfaq_test import DRAFT_BROKEN, PRFAQ, TestCase, brief

TEST_TIMEOUT = 120  # seconds for a whole test, server start and cleanup included
SECRET = "SECRET-OUTSIDE-THE-SITE-7f3a"


class Serve:
    """A running `prfaq serve`: its URL, its output so far, requests to it."""

    def __init__(self, test, repo, *args, tmpdir=None, port="0"):
        self.tmpdir = tmpdir or tempfile.mkdtemp(prefix="prfaq-serve-tmp-")
        env = dict(os.environ, PRFAQ_TODAY="2026-11-29", NO_COLOR="1", TMPDIR=self.tmpdir)
        self.proc = subprocess.Popen([PRFAQ, "serve", "--port", port, *args], cwd=repo.path, env=env,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        test.addCleanup(self.kill)
        self.out, self.err = [], []
        self.lock = threading.Lock()
        self.readers = [threading.Thread(target=self._read, args=(stream, lines), daemon=True)
                        for stream, lines in ((self.proc.stdout, self.out), (self.proc.stderr, self.err))]
        for t in self.readers:
            t.start()
        self.url = None

    def _read(self, stream, lines):
        for line in stream:
            with self.lock:
                lines.append(line)

    def started(self):
        """Waits for the "serving" line; returns self."""
        m = self.wait_out(r"prfaq: serving \d+ briefs? at (http://127\.0\.0\.1:(\d+)/) \(Ctrl-C to stop\)\n", 60)
        self.url, self.port = m.group(1), int(m.group(2))
        return self

    def stdout(self):
        with self.lock:
            return "".join(self.out)

    def stderr(self):
        with self.lock:
            return "".join(self.err)

    def wait_out(self, pattern, timeout=10, stream="out"):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.stdout() if stream == "out" else self.stderr()
            m = re.search(pattern, text)
            if m:
                return m
            if self.proc.poll() is not None and stream == "out":
                time.sleep(0.2)  # let the readers finish
                text = self.stdout()
                m = re.search(pattern, text)
                if m:
                    return m
                raise AssertionError(f"prfaq serve exited {self.proc.returncode} before printing {pattern!r}:\n"
                                     f"{text}{self.stderr()}")
            time.sleep(0.05)
        raise AssertionError(f"no {pattern!r} within {timeout} s; stdout:\n{self.stdout()}\nstderr:\n{self.stderr()}")

    def get(self, path, headers=None):
        """(status, headers, body) of a GET; redirects are not followed."""
        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kw):
                return None
        opener = urllib.request.build_opener(NoRedirect)
        req = urllib.request.Request(self.url + path.lstrip("/"), headers=headers or {})
        try:
            with opener.open(req, timeout=10) as res:
                return res.status, res.headers, res.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read().decode("utf-8", "replace")

    def raw(self, target, host=None):
        """The whole response to a request sent as is, on a socket."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: {host or f'127.0.0.1:{self.port}'}\r\n"
                      "Connection: close\r\n\r\n".encode())
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    return data.decode("utf-8", "replace")
                data += chunk

    def poll(self, path, predicate, timeout=10):
        """Fetches `path` until predicate(status, body) holds; returns the body."""
        deadline = time.monotonic() + timeout
        status, body = None, ""
        while time.monotonic() < deadline:
            status, _, body = self.get(path)
            if predicate(status, body):
                return body
            time.sleep(0.1)
        raise AssertionError(f"{path}: still {status} after {timeout} s:\n{body[:2000]}\n"
                             f"stdout:\n{self.stdout()}\nstderr:\n{self.stderr()}")

    def stop(self, sig=signal.SIGINT, timeout=5):
        self.proc.send_signal(sig)
        return self.proc.wait(timeout)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        for t in self.readers:
            t.join(10)
        self.proc.stdout.close()
        self.proc.stderr.close()
        shutil.rmtree(self.tmpdir, ignore_errors=True)


class EventStream:
    """The server-sent events of /__prfaq/events, read on a socket."""

    def __init__(self, serve):
        self.sock = socket.create_connection(("127.0.0.1", serve.port), timeout=10)
        self.sock.sendall(f"GET /__prfaq/events HTTP/1.1\r\nHost: 127.0.0.1:{serve.port}\r\n\r\n".encode())
        self.data = ""

    def wait(self, text, timeout=10):
        deadline = time.monotonic() + timeout
        while text not in self.data:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {text!r} on the event stream within {timeout} s:\n{self.data}")
            self.sock.settimeout(left)
            chunk = self.sock.recv(4096)
            if not chunk:
                raise AssertionError(f"the event stream ended before {text!r}:\n{self.data}")
            self.data += chunk.decode()
        return self.data

    def close(self):
        self.sock.close()


class Browser:
    """One tab of headless Chromium, driven over the DevTools protocol on a
    pipe (fd 3 in, fd 4 out)."""

    def __init__(self, test):
        chromium = shutil.which("chromium")
        if not chromium:
            test.fail("chromium is not installed: run scripts/dev test, which installs it")
        self.udd = tempfile.mkdtemp(prefix="prfaq-chromium-")
        to_r, self.to_chrome = os.pipe()
        self.from_chrome, from_w = os.pipe()
        high_r, high_w = fcntl.fcntl(to_r, fcntl.F_DUPFD, 10), fcntl.fcntl(from_w, fcntl.F_DUPFD, 10)

        def child():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             f"--user-data-dir={self.udd}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4), preexec_fn=child, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        for fd in (to_r, from_w, high_r, high_w):
            os.close(fd)
        test.addCleanup(self.close)
        self.buffer, self.last_id, self.session = b"", 0, None
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def close(self):
        self.proc.kill()
        self.proc.wait(10)
        os.close(self.to_chrome)
        os.close(self.from_chrome)
        shutil.rmtree(self.udd, ignore_errors=True)

    def send(self, method, params=None):
        self.last_id += 1
        message = {"id": self.last_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 60
        while True:
            while b"\0" not in self.buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self.from_chrome], [], [], left)[0]:
                    raise AssertionError(f"chromium did not answer {method} in 60 s")
                chunk = os.read(self.from_chrome, 1 << 20)
                if not chunk:
                    raise AssertionError("chromium exited")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.last_id:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply["result"]

    def evaluate(self, expression):
        return self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"].get("value")

    def wait_for(self, expression, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.1)
        raise AssertionError(f"{expression} still false after {timeout} s; the page: {self.evaluate('document.title')}")


def refunds(title="Instant Refunds"):
    return brief(title, "idea")


class Test(TestCase):
    def setUp(self):
        def timed_out(signum, frame):
            raise TimeoutError(f"test took more than {TEST_TIMEOUT} s")
        signal.signal(signal.SIGALRM, timed_out)
        signal.alarm(TEST_TIMEOUT)
        self.addCleanup(signal.alarm, 0)

    def serve(self, repo, *args, **kw):
        return Serve(self, repo, *args, **kw).started()

    def test_serve_shows_pages_with_the_preview_panel(self):
        r = self.repo({"prfaq.toml": '[site]\ntitle = "Acme briefs"\n', "content/refunds.md": refunds(),
                       "content/broken.md": DRAFT_BROKEN})
        s = self.serve(r)
        self.assertIn("prfaq: built 2 briefs in ", s.stdout())
        self.assertIn("1 error in 1 brief", s.stdout())
        status, headers, body = s.get("/")
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")
        self.assertEqual(headers["Cache-Control"], "no-store")
        self.assertIn("Acme briefs", body)
        self.assertIn('<script src="/__prfaq/live.js" defer></script>', body)
        # The brief with an unanswered question: its finding in the panel.
        status, _, body = s.get("/briefs/broken.html")
        self.assertEqual(status, 200)
        self.assertIn('class="preview-panel"', body)
        self.assertIn("faq-unanswered", body)
        self.assertIn("only shown by <code>prfaq serve</code>", body)
        status, _, body = s.get("/briefs/refunds.html")
        self.assertIn('class="preview-panel"', body)
        # Content types.
        for path, ctype in [("/assets/style.css", "text/css; charset=utf-8"),
                            ("/assets/site.js", "text/javascript; charset=utf-8"),
                            ("/briefs.json", "application/json"),
                            ("/feed.xml", "application/atom+xml; charset=utf-8"),
                            ("/sitemap.xml", "application/xml; charset=utf-8"),
                            ("/__prfaq/live.js", "text/javascript; charset=utf-8")]:
            status, headers, body = s.get(path)
            self.assertEqual((path, status, headers["Content-Type"]), (path, 200, ctype))
        self.assertIn("EventSource", s.get("/__prfaq/live.js")[2])
        # A folder without its '/' is redirected; a missing page gets the site's 404 page.
        status, headers, _ = s.get("/status")
        self.assertEqual((status, headers["Location"]), (301, "/status/"))
        self.assertEqual(s.get("/status/")[0], 200)
        status, headers, body = s.get("/briefs/nope.html")
        self.assertEqual(status, 404)
        self.assertIn("Page not found", body)
        self.assertEqual(s.get("/__prfaq/nothing")[0], 404)
        # The build's own files, and other methods.
        self.assertEqual(s.get("/.prfaq-manifest")[0], 404)
        req = urllib.request.Request(s.url, data=b"x", method="POST")
        with self.assertRaises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(req, timeout=10)
        self.assertEqual(e.exception.code, 405)
        # Nothing is written into the repository.
        self.assertFalse(r.exists("public"))

    def test_serve_rebuilds_on_edit_and_reloads_pages(self):
        r = self.repo({"content/refunds.md": refunds()})
        s = self.serve(r)
        self.assertIn("Instant Refunds", s.get("/briefs/refunds.html")[2])
        events = EventStream(s)
        self.addCleanup(events.close)
        events.wait("event: hello")
        r.write("content/refunds.md", refunds("Refunds in Ten Seconds"))
        s.poll("/briefs/refunds.html", lambda st, b: "Refunds in Ten Seconds" in b)
        events.wait("event: reload")
        s.wait_out(r"prfaq: content/refunds\.md changed: rebuilt in \d+\.\d\d s, no errors\n")
        # The home page follows too.
        s.poll("/", lambda st, b: "Refunds in Ten Seconds" in b)

    def test_serve_reloads_the_page_in_a_browser(self):
        r = self.repo({"content/refunds.md": refunds()})
        tmp = tempfile.mkdtemp(prefix="prfaq-serve-tmp-")
        s = self.serve(r, tmpdir=tmp)
        browser = Browser(self)
        browser.send("Page.navigate", {"url": s.url + "briefs/refunds.html"})
        browser.wait_for("document.title.startsWith('Instant Refunds') && document.readyState === 'complete'")
        # A page that reloads loses this mark.
        browser.wait_for("(window.prfaqMark = 1) && document.querySelector('.preview-panel') !== null")
        time.sleep(0.5)  # the event stream is open
        r.write("content/refunds.md", refunds("Refunds in Ten Seconds"))
        browser.wait_for("document.title.startsWith('Refunds in Ten Seconds') && window.prfaqMark === undefined")
        # prfaq serve started again, with a change made meanwhile: the page reconnects and reloads.
        browser.evaluate("window.prfaqMark = 2")
        self.assertEqual(s.stop(), 0)
        r.write("content/refunds.md", refunds("Refunds While Away"))
        self.serve(r, port=str(s.port))
        browser.wait_for("document.title.startsWith('Refunds While Away') && window.prfaqMark === undefined", 30)

    def test_preview_lists_what_the_next_status_lacks_once_each(self):
        # An idea with many questions and no answers: what it lacks for
        # draft is one item per question. Each is listed once (a Mustache
        # list inside a section of itself once repeated the list per item:
        # 1,600 questions made a 195 MB page).
        body = "## Customer FAQ\n\n" + "".join(f"### Question {i}?\n\n" for i in range(300))
        r = self.repo({"content/many.md": brief("Many", "idea", extra=body)})
        s = self.serve(r)
        status, _, page = s.get("/briefs/many.html")
        self.assertEqual(status, 200)
        checklist = re.search(r'<ul class="checklist">(.*?)</ul>', page, re.S)
        self.assertIsNotNone(checklist, page[:2000])
        items = re.findall(r"<li>(.*?)</li>", checklist.group(1), re.S)
        self.assertEqual(len(items), len(set(items)))
        self.assertGreaterEqual(len(items), 300)
        self.assertLess(len(page), 2_000_000)

    def test_serve_shows_a_broken_brief_and_recovers(self):
        r = self.repo({"content/refunds.md": refunds()})
        s = self.serve(r)
        # Invalid TOML mid-edit: the page and the terminal say where.
        r.write("content/refunds.md", '+++\ntitle = "Instant Refunds\nstatus = "idea"\n+++\n')
        body = s.poll("/briefs/refunds.html", lambda st, b: "toml-syntax" in b)
        self.assertRegex(body, r'<aside class="preview-panel"[^>]*>\n<h2 id="preview-title">Preview: 1 error')
        self.assertRegex(body, r'class="where">2:\d+</span>')
        m = s.wait_out(r"content/refunds\.md:(\d+):\d+: error: .* \[toml-syntax\]\n")
        self.assertEqual(m.group(1), "2")
        self.assertIsNone(s.proc.poll())
        # Half a table.
        r.write("content/refunds.md", '+++\ntitle = "Instant Refunds"\nstatus = "idea"\n[[journey]\n+++\n')
        s.poll("/briefs/refunds.html", lambda st, b: re.search(r'class="where">4:\d+</span> <span class="severity">error'
                                                             r'</span> [^<]* <code>toml-syntax</code>', b))
        # Fixed on the next save.
        r.write("content/refunds.md", refunds("Instant Refunds Again"))
        body = s.poll("/briefs/refunds.html", lambda st, b: "Instant Refunds Again" in b)
        self.assertNotIn("toml-syntax", body)
        s.wait_out(r"content/refunds\.md: no errors now\n")
        self.assertIsNone(s.proc.poll())

    def test_serve_follows_added_deleted_renamed_briefs_and_theme_files(self):
        r = self.repo({"content/refunds.md": refunds(), "content/old.md": brief("Old Idea")})
        s = self.serve(r)
        self.assertEqual(s.get("/briefs/old.html")[0], 200)
        r.write("content/payments/cards.md", brief("Card Payments"))  # in a new folder
        s.poll("/briefs/cards.html", lambda st, b: st == 200 and "Card Payments" in b)
        os.remove(os.path.join(r.path, "content/old.md"))
        s.poll("/briefs/old.html", lambda st, b: st == 404)
        os.rename(os.path.join(r.path, "content/payments"), os.path.join(r.path, "content/money"))
        r.write("content/money/cards.md", brief("Card Payments Renamed"))
        s.poll("/briefs/cards.html", lambda st, b: "Card Payments Renamed" in b)
        os.rename(os.path.join(r.path, "content/refunds.md"), os.path.join(r.path, "content/returns.md"))
        s.poll("/briefs/returns.html", lambda st, b: st == 200)
        self.assertEqual(s.get("/briefs/refunds.html")[0], 404)
        # The repository's theme overrides the built-in one as soon as it is saved.
        r.write("site-theme/templates/404.html", "<h1>Nothing at this address, says our theme</h1>\n")
        s.poll("/nowhere.html", lambda st, b: st == 404 and "says our theme" in b)
        # A template that does not parse: reported, and the last good site stays.
        r.write("site-theme/templates/404.html", "<h1>{{#open}} never closed</h1>\n")
        s.wait_out(r"prfaq: site-theme/templates/404\.html changed: error: .*404\.html.*\n"
                   r"prfaq: still serving the last good build; the next save rebuilds it\n", stream="err")
        self.assertIn("says our theme", s.get("/nowhere.html")[2])
        self.assertEqual(s.get("/briefs/returns.html")[0], 200)
        os.remove(os.path.join(r.path, "site-theme/templates/404.html"))
        s.poll("/nowhere.html", lambda st, b: st == 404 and "No brief lives at this address" in b)
        s.wait_out(r"prfaq: site-theme/templates/404\.html changed: rebuilt in ")
        # A broken prfaq.toml: the same.
        r.write("prfaq.toml", "[site\n")
        s.wait_out(r"prfaq: prfaq\.toml changed: error: .*\n", stream="err")
        self.assertEqual(s.get("/briefs/returns.html")[0], 200)
        r.write("prfaq.toml", '[site]\ntitle = "Fixed Title"\n')
        s.poll("/", lambda st, b: "Fixed Title" in b)

    def test_serve_refuses_paths_outside_the_site(self):
        outside = tempfile.mkdtemp(prefix="prfaq-outside-")
        self.addCleanup(shutil.rmtree, outside, True)
        with open(os.path.join(outside, "secret.md"), "w") as f:
            f.write(brief("Secret") + SECRET + "\n")
        r = self.repo({"prfaq.toml": f"# {SECRET}\n", "content/refunds.md": refunds() + "\n![chart](leak.txt)\n"})
        os.symlink(os.path.join(outside, "secret.md"), os.path.join(r.path, "content/leak.md"))
        os.symlink(os.path.join(outside, "secret.md"), os.path.join(r.path, "content/leak.txt"))
        os.symlink(outside, os.path.join(r.path, "content/outside"))
        s = self.serve(r)
        for target in ["/../prfaq.toml", "/%2e%2e/prfaq.toml", "/%2E%2E%2Fprfaq.toml", "//etc/passwd",
                       "/briefs/..%2f..%2fprfaq.toml", "/briefs/../../prfaq.toml", "/..\\prfaq.toml",
                       "/%2e%2e%5cprfaq.toml", "/%00", "/etc/passwd", "http://127.0.0.1/../prfaq.toml",
                       "/media/leak.txt", "/media/leak.md", "/media/outside/secret.md", "/briefs/leak.html",
                       "/briefs/secret.html", "/" + "/".join([".."] * 8) + "/etc/passwd"]:
            response = s.raw(target)
            status = int(response.split(" ", 2)[1])
            self.assertIn(status, (400, 404), f"{target}:\n{response[:500]}")
            self.assertNotIn(SECRET, response, target)
            self.assertNotIn("root:x:0:0", response, target)
        # A page of some other host name (DNS rebinding) is not answered.
        response = s.raw("/", host="attacker.example")
        self.assertTrue(response.startswith("HTTP/1.1 403"), response[:200])
        self.assertTrue(s.raw("/", host="localhost:1").startswith("HTTP/1.1 200"))
        self.assertIsNone(s.proc.poll())

    def test_serve_answers_no_host_name_that_only_looks_like_a_loopback_address(self):
        r = self.repo({"content/refunds.md": refunds()})
        s = self.serve(r)
        # Public DNS names that resolve to 127.0.0.1 (DNS rebinding), and
        # one that ends like it.
        for host in ["127.0.0.1.nip.io", f"127.attacker.example:{s.port}", "127.0.0.1.attacker.example",
                     "evil-127.0.0.1"]:
            response = s.raw("/", host=host)
            self.assertTrue(response.startswith("HTTP/1.1 403"), f"{host}: {response[:200]}")
            self.assertNotIn("Instant Refunds", response, host)
        for host in [f"127.0.0.1:{s.port}", "127.1.2.3", "localhost", f"LocalHost:{s.port}", "[::1]:80",
                     "preview.localhost"]:
            self.assertTrue(s.raw("/", host=host).startswith("HTTP/1.1 200"), host)

    def test_serve_port_in_use_and_clean_shutdown(self):
        r = self.repo({"content/refunds.md": refunds()})
        s = self.serve(r)
        self.assertEqual(len(os.listdir(s.tmpdir)), 1)  # the private build folder
        second = Serve(self, r, port=str(s.port))
        self.assertEqual(second.proc.wait(30), 2)
        second.wait_out(f"prfaq: error: cannot listen on 127.0.0.1:{s.port}: address in use "
                        r"\(try --port N, or --port 0 for any free port\)\n", stream="err")
        self.assertEqual(os.listdir(second.tmpdir), [])  # removed on the way out
        # An open event stream does not hold up the shutdown.
        events = EventStream(s)
        self.addCleanup(events.close)
        events.wait("event: hello")
        started = time.monotonic()
        self.assertEqual(s.stop(signal.SIGINT), 0)
        self.assertLess(time.monotonic() - started, 5)
        s.wait_out("prfaq: stopped\n")
        self.assertEqual(os.listdir(s.tmpdir), [])
        with socket.socket() as sock:  # the port is free again (for a server: TIME_WAIT does not count)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("127.0.0.1", s.port))
            sock.listen(1)
        # SIGTERM, as a service manager sends it: the same. On the same port.
        t = self.serve(r, port=str(s.port))
        self.assertEqual(t.stop(signal.SIGTERM), 0)
        self.assertEqual(os.listdir(t.tmpdir), [])

    def test_serve_option_errors(self):
        r = self.repo({"content/refunds.md": refunds()})
        res = r.run("serve", "--port", "http")
        self.assertEqual((res.returncode, res.stderr),
                         (2, "prfaq: error: --port takes a port number from 0 to 65535 (0: any free port), not 'http'\n"))
        res = r.run("serve", "content")
        self.assertEqual(res.returncode, 2)
        self.assertIn("prfaq serve takes no paths", res.stderr)
        res = r.run("serve", "--help")
        self.assertEqual(res.returncode, 0)
        self.assertIn("usage: prfaq serve [options]", res.stdout)
        self.assertIn("--port N", res.stdout)
        self.assertIn("serve", r.run("--help").stdout)


if __name__ == "__main__":
    unittest.main()
