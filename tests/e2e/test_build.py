"""`prfaq build` end to end: the real binary renders small repositories
(plain folders, Git working trees, bare repositories) and the tests read the
site it writes as a user would: the files, the HTML parsed, the XML and JSON
parsed, and the pages loaded in Debian's headless Chromium (scripts/dev test
installs it, and poppler-utils for the printed PDF)."""
import fcntl
import html.parser
import json
import os
import posixpath
import re
import select
import shutil
import subprocess
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

from prfaq_test import IDEA, PRFAQ, GitTestCase, brief

SUMMARY = re.compile(r"^prfaq: built (\d+) brief\(s\) into (.+): (\d+) pages, (\d+) files \((\d+) reused\) in \d+\.\d\d s$")
ERRORS_LINE = "prfaq: {} brief(s) have errors, shown on their pages (prfaq check lists them; --strict refuses to build)"
MARKER_FILE = ".prfaq-build"
MANIFEST = ".prfaq-manifest"
# Written on every build, whatever changed (the rest is reused when its inputs are the same).
ALWAYS_WRITTEN = {"search.html", "404.html", "feed.xml", "briefs.json", "search-index.js", "sitemap.xml", MANIFEST}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INSTALL_HINT = "run scripts/dev test, which installs chromium and poppler-utils"

# ---------------------------------------------------------------------------
# The fixture: four briefs. A review-ready one (team, tags, journey with an aha
# step, a metric, sign-offs), a draft with errors (an unanswered question, a
# broken link) whose links go to other briefs, to a missing file and out of
# content/, a bundle with an image under screens/, and an idea.

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def add_front_matter(text, keys=(), tables=()):
    """Adds plain keys after the owner line and tables at the end of a
    brief()'s front matter."""
    owner = 'owner = ["ana@acme.example"]\n'
    assert owner in text
    text = text.replace(owner, owner + "".join(k + "\n" for k in keys), 1)
    end = text.index("\n+++\n", 4)
    return text[:end] + "".join("\n" + t for t in tables) + text[end:]


WALLET_LINKS = ("\nSee [the refunds brief](refunds.md), [its free question](refunds.md#is-it-free), "
                "[the loyalty bundle](../growth/loyalty/index.md) and [the loyalty folder](../growth/loyalty).\n\n"
                "Not linked: [gone](missing.md), [outside](../../prfaq.toml) and [root](/etc/passwd).\n")


def site_files():
    refunds = brief("Instant Refunds", "review").replace('verdict = "pending"', 'verdict = "approved"', 1)
    refunds = add_front_matter(refunds, ['team = "Payments"', 'tags = ["returns", "mobile"]'])
    wallet = brief("Wallet Top-up", "draft", answered=False, extra=WALLET_LINKS)
    loyalty = add_front_matter(brief("Loyalty Points", "draft", extra="\n![The points screen](screens/points.png)\n"),
                               ['team = "Growth"'])
    idea = IDEA.format(title="Dark Mode").replace('owner = "ana@acme.example"', 'owner = "bo@acme.example"')
    return {
        "prfaq.toml": '[site]\ntitle = "Acme briefs"\n',
        ".gitignore": "/public/\n/.public.prfaq-*\n",
        "content/payments/refunds.md": refunds,
        "content/payments/wallet-top-up.md": wallet,
        "content/growth/loyalty/index.md": loyalty,
        "content/growth/loyalty/screens/points.png": PNG,
        "content/ideas/dark-mode.md": idea,
    }


BRIEF_PAGES = {"briefs/refunds.html", "briefs/wallet-top-up.html", "briefs/loyalty.html", "briefs/dark-mode.html"}
SITE_FILES = BRIEF_PAGES | {
    "index.html", "404.html", "search.html", "timeline.html", "feed.xml", "sitemap.xml", "briefs.json",
    "search-index.js", MANIFEST, MARKER_FILE,
    "status/index.html", "status/idea.html", "status/draft.html", "status/review.html", "status/approved.html",
    "status/launched.html", "status/shelved.html",
    "team/index.html", "team/payments.html", "team/growth.html",
    "tag/index.html", "tag/returns.html", "tag/mobile.html",
    "owner/index.html", "owner/ana-acme-example.html", "owner/bo-acme-example.html",
    "media/growth/loyalty/screens/points.png",
}
THEME_ASSETS = {"assets/style.css", "assets/site.js", "assets/search.js"}


def line_of(text, needle):
    """1-based line number of the line holding needle, and the line."""
    for n, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return n, line
    raise AssertionError(f"{needle!r} is not in the fixture")


# ---------------------------------------------------------------------------
# Reading the output.

def files_under(root):
    """Every file (and symlink) under root, as paths relative to it."""
    out = set()
    for folder, dirs, files in os.walk(root):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            out.add(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return out


def snapshot(root):
    out = {}
    for rel in files_under(root):
        p = os.path.join(root, rel)
        out[rel] = ("-> " + os.readlink(p)) if os.path.islink(p) else open(p, "rb").read()
    return out


def inodes(root):
    return {rel: os.lstat(os.path.join(root, rel)).st_ino for rel in files_under(root)}


class Element:
    def __init__(self, tag, attrs, ancestors):
        self.tag, self.attr_list, self.attrs, self.ancestors = tag, attrs, dict(attrs), ancestors
        self.chunks = []

    @property
    def text(self):
        return " ".join("".join(self.chunks).split())

    def has_class(self, cls):
        return cls in (self.attrs.get("class") or "").split()

    def inside(self, other):
        return other in self.ancestors


class Page(html.parser.HTMLParser):
    """An HTML page as a flat list of elements, each with its attributes
    (entities decoded, as a browser sees them), ancestors and text."""
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.source = text
        self.elements, self.stack, self.chunks = [], [], []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        el = Element(tag, attrs, list(self.stack))
        self.elements.append(el)
        if tag not in self.VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, attrs, list(self.stack)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.chunks.append(data)
        for el in self.stack:
            el.chunks.append(data)

    @property
    def text(self):
        return " ".join("".join(self.chunks).split())

    def all(self, tag=None, cls=None, within=None, **attrs):
        return [e for e in self.elements
                if (tag is None or e.tag == tag) and (cls is None or e.has_class(cls))
                and (within is None or e.inside(within)) and all(e.attrs.get(k) == v for k, v in attrs.items())]

    def one(self, tag=None, cls=None, within=None, **attrs):
        found = self.all(tag, cls, within, **attrs)
        if len(found) != 1:
            raise AssertionError(f"expected one <{tag} class={cls} {attrs}>, found {len(found)}")
        return found[0]

    @property
    def title(self):
        """The document's title (not an SVG's)."""
        return self.one("title", within=self.one("head")).text

    def ids(self):
        return [e.attrs["id"] for e in self.elements if e.attrs.get("id")]


def read_page(out, rel):
    with open(os.path.join(out, rel), encoding="utf-8") as f:
        return Page(f.read())


def site_path(page, href):
    """Where a relative link on the page at `page` (site path) leads, as a
    site path and fragment."""
    path, _, fragment = href.partition("#")
    if not path:
        return page, fragment
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path)), fragment


DANGEROUS = re.compile(r"^(javascript|vbscript|data):")
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "background", "data", "ping"}


def injection_problems(page, allowed_scripts):
    """What on a parsed page could run code: elements that embed or run
    content, event handler attributes, dangerous URLs, inline scripts."""
    bad = []
    scripts = 0
    for e in page.elements:
        if e.tag in ("iframe", "frame", "object", "embed", "base", "applet", "frameset"):
            bad.append(f"<{e.tag}> element")
        if e.tag == "meta" and (e.attrs.get("http-equiv") or "").lower() == "refresh":
            bad.append("<meta http-equiv=refresh>")
        for name, value in e.attr_list:
            if name.startswith("on"):
                bad.append(f"<{e.tag} {name}={value!r}>")
            if name in ("srcdoc",):
                bad.append(f"<{e.tag} {name}>")
            if name in URL_ATTRS and value is not None:
                squeezed = "".join(c for c in value if ord(c) > 0x20 and c != "\x7f").lower()
                if DANGEROUS.match(squeezed):
                    bad.append(f"<{e.tag} {name}={value!r}>")
        if e.tag == "script":
            scripts += 1
            if e.attrs.get("src") not in allowed_scripts:
                bad.append(f"<script src={e.attrs.get('src')!r}>: not one of the theme's scripts")
            if e.text:
                bad.append(f"<script> with inline code {e.text[:60]!r}")
    # Every "<script" in the bytes is a script element the parser saw (none
    # hides where a browser would find another).
    if page.source.lower().count("<script") != scripts:
        bad.append(f"{page.source.lower().count('<script')} '<script' in the source, {scripts} script elements")
    return bad


# ---------------------------------------------------------------------------
# Headless Chromium.

def tool(testcase, name):
    path = shutil.which(name)
    if not path:
        testcase.fail(f"{name} is not installed: {INSTALL_HINT}")
    return path


def chromium_args(testcase, user_data_dir):
    return [tool(testcase, "chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", f"--user-data-dir={user_data_dir}"]


def file_url(path, query=""):
    return "file://" + os.path.abspath(path) + query


def dump_dom(testcase, url):
    """The DOM after the page's deferred scripts ran."""
    udd = tempfile.mkdtemp(prefix="prfaq-chromium-")
    try:
        res = subprocess.run(chromium_args(testcase, udd) + ["--dump-dom", url], capture_output=True, text=True,
                             timeout=60, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        testcase.fail(f"chromium --dump-dom {url} did not finish in 60 s (a JavaScript dialog blocks it)")
    finally:
        shutil.rmtree(udd, ignore_errors=True)
    testcase.assertEqual(res.returncode, 0, res.stderr[-2000:])
    testcase.assertIn("<html", res.stdout, res.stderr[-2000:])
    return res.stdout


def print_pdf(testcase, url, pdf):
    udd = tempfile.mkdtemp(prefix="prfaq-chromium-")
    try:
        res = subprocess.run(chromium_args(testcase, udd) + ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", url],
                             capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    finally:
        shutil.rmtree(udd, ignore_errors=True)
    testcase.assertEqual(res.returncode, 0, res.stderr[-2000:])
    testcase.assertTrue(os.path.getsize(pdf) > 0)


def pdf_pages(testcase, pdf):
    """The text of each page of a PDF (pdftotext -f N -l N), whitespace squeezed."""
    pages = []
    while True:
        res = subprocess.run([tool(testcase, "pdftotext"), "-f", str(len(pages) + 1), "-l", str(len(pages) + 1), pdf, "-"],
                             capture_output=True, text=True, timeout=60)
        if res.returncode != 0 or len(pages) > 50:  # past the last page
            testcase.assertTrue(pages, res.stderr)
            return pages
        pages.append(" ".join(res.stdout.split()))


# What a loaded page holds that could run code, as the browser sees it.
DOM_PROBLEMS_JS = r"""(() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'frame', 'object', 'embed', 'base'].includes(tag)) bad.push('<' + tag + '>');
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) bad.push('<' + tag + ' ' + a.name + '>');
      const v = a.value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name) && /^(javascript|vbscript|data):/.test(v))
        bad.push('<' + tag + ' ' + a.name + '=' + a.value + '>');
    }
    if (tag === 'script' && !el.getAttribute('src')) bad.push('inline <script>');
  }
  if (document.body && document.body.hasAttribute('data-pwned')) bad.push('data-pwned');
  return bad;
})()"""


class Browser:
    """Headless Chromium driven over the DevTools protocol on a pipe, so that
    a JavaScript dialog (alert, confirm, prompt) is seen and recorded rather
    than blocking the page."""

    def __init__(self, testcase):
        self.udd = tempfile.mkdtemp(prefix="prfaq-chromium-")
        args = chromium_args(testcase, self.udd) + ["--remote-debugging-pipe", "about:blank"]
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # Chromium reads commands on fd 3 and writes on fd 4.
        high_r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)

        def child():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=child, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in (to_chrome_r, from_chrome_w, high_r, high_w):
            os.close(fd)
        self.buffer, self.last_id, self.events, self.dialogs, self.exceptions = b"", 0, [], [], []
        self.probed = None

    def close(self):
        self.proc.kill()
        self.proc.wait()
        os.close(self.to_chrome)
        os.close(self.from_chrome)
        shutil.rmtree(self.udd, ignore_errors=True)

    def _write(self, message):
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")

    def _read(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            if select.select([self.from_chrome], [], [], left)[0]:
                chunk = os.read(self.from_chrome, 1 << 20)
                if not chunk:
                    raise AssertionError("chromium exited")
                self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        message = json.loads(raw)
        if message.get("method") == "Page.javascriptDialogOpening":
            self.dialogs.append(message["params"]["message"])
            self._write({"id": 10 ** 9 + len(self.dialogs), "method": "Page.handleJavaScriptDialog",
                         "params": {"accept": True}, "sessionId": message["sessionId"]})
        elif "method" in message:
            self.events.append(message["method"])
            if message["method"] == "Runtime.exceptionThrown":
                details = message["params"]["exceptionDetails"]
                self.exceptions.append(details.get("exception", {}).get("description") or details.get("text"))
        return message

    def send(self, method, params=None, session=None):
        self.last_id += 1
        message = {"id": self.last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._write(message)
        deadline = time.monotonic() + 60
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self.last_id:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply["result"]

    def load(self, url, settle=0.7, probe=None):
        """Opens url in a new tab, waits for its load event and a moment
        more (images fail, handlers would fire); returns (dialogs, problems
        from DOM_PROBLEMS_JS, outer HTML). Uncaught script errors go to
        self.exceptions, and the value of the expression `probe`, evaluated
        in the loaded page, to self.probed."""
        self.dialogs, self.events, self.exceptions, self.probed = [], [], [], None
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable", session=session)
        self.send("Runtime.enable", session=session)
        self.send("Page.navigate", {"url": url}, session=session)
        deadline = time.monotonic() + 60
        while "Page.loadEventFired" not in self.events:
            self._read(deadline)
        settle_until = time.monotonic() + settle
        try:
            while True:
                self._read(settle_until)
        except TimeoutError:
            pass

        def evaluate(expression):
            return self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                             session=session)["result"]["value"]

        problems, dom = evaluate(DOM_PROBLEMS_JS), evaluate("document.documentElement.outerHTML")
        if probe:
            self.probed = evaluate(probe)
        self.send("Target.closeTarget", {"targetId": target})
        return list(self.dialogs), problems, dom


# ---------------------------------------------------------------------------

class Test(GitTestCase):
    def build(self, r, *args, rc=0, cwd=None):
        res = r.run("build", *args, cwd=cwd)
        self.assertEqual(res.returncode, rc, f"exit {res.returncode}\nstdout:\n{res.stdout}\nstderr:\n{res.stderr}")
        return res

    def summary(self, res, briefs=4, with_errors=None):
        """The summary line's numbers: (out, pages, files, reused); the
        second line names the briefs with errors, or is not there."""
        lines = res.stdout.splitlines()
        m = SUMMARY.match(lines[0]) if lines else None
        self.assertTrue(m, res.stdout)
        self.assertEqual(int(m.group(1)), briefs, res.stdout)
        self.assertEqual(lines[1:], [ERRORS_LINE.format(with_errors)] if with_errors else [], res.stdout)
        return m.group(2), int(m.group(3)), int(m.group(4)), int(m.group(5))

    def site_repo(self, git=False, files=None):
        """The fixture (or `files`), in a plain folder or a Git repository with nothing committed."""
        files = files or site_files()
        return self.git_repo(files) if git else self.repo(files)

    def commit(self, r, message, date, author="Ana Test", email="ana@acme.example"):
        stamp = f"{date}T10:00:00Z"
        r.git("add", "-A")
        r.git("commit", "-q", "--no-verify", "-m", message,
              env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": author,
                   "GIT_COMMITTER_NAME": author, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_EMAIL": email})
        return r.git("rev-parse", "HEAD").stdout.strip()

    def assertNoInjection(self, out, rel):
        """The page at rel runs only the theme's script files and embeds nothing."""
        page = read_page(out, rel)
        root = "/" if rel == "404.html" else "../" * rel.count("/")  # 404.html is served at any address
        allowed = {root + "assets/site.js", root + "assets/search.js", root + "search-index.js"}
        self.assertEqual(injection_problems(page, allowed), [], f"{rel} in {out}")
        return page

    # -- 1. A basic build -----------------------------------------------------

    def test_build_writes_every_page_listing_feed_and_media_of_a_small_repository(self):
        r = self.site_repo()
        res = self.build(r)
        self.assertEqual(res.stderr, "")
        out_name, pages, files, reused = self.summary(res, with_errors=1)
        self.assertEqual(out_name, "public/")
        out = os.path.join(r.path, "public")
        written = files_under(out)
        self.assertEqual({f for f in written if not f.startswith("assets/")}, SITE_FILES)
        self.assertLessEqual(THEME_ASSETS, written)
        # The counts say what is in the folder: every .html file is a page;
        # the files are all but the marker saying prfaq wrote the folder.
        self.assertEqual(pages, len([f for f in written if f.endswith(".html")]))
        self.assertEqual(pages, 24)
        self.assertEqual(files, len(written) - 1)
        self.assertEqual(reused, 0)
        # The bundle's image is published byte for byte, as a file (not a link).
        media = os.path.join(out, "media/growth/loyalty/screens/points.png")
        self.assertFalse(os.path.islink(media))
        with open(media, "rb") as f:
            self.assertEqual(f.read(), PNG)
        # Every page parses and names the site; every relative link between
        # pages leads to a file that exists.
        for rel in sorted(f for f in written if f.endswith(".html")):
            page = read_page(out, rel)
            self.assertIn("Acme briefs", page.title, rel)
            if rel == "404.html":
                continue
            for e in page.elements:
                for name in ("href", "src"):
                    url = e.attrs.get(name)
                    if url is None or url.startswith("#") or url == "":
                        continue
                    target, _ = site_path(rel, url.split("?")[0])
                    self.assertTrue(os.path.isfile(os.path.join(out, target)), f"{rel}: {name}={url} leads nowhere")
        # Home: a card per brief, with the counts per status.
        home = read_page(out, "index.html")
        cards = home.all("li", cls="card")
        self.assertEqual(sorted(c.attrs["data-title"] for c in cards),
                         ["Dark Mode", "Instant Refunds", "Loyalty Points", "Wallet Top-up"])
        counts = {a.attrs["href"]: a.text for a in home.all("a", within=home.one("ul", cls="status-counts"))}
        self.assertEqual(counts, {"status/idea.html": "Idea 1", "status/draft.html": "Draft 2",
                                  "status/review.html": "Review 1", "status/approved.html": "Approved 0",
                                  "status/launched.html": "Launched 0", "status/shelved.html": "Shelved 0"})
        # Listings hold exactly their briefs.
        def listed(rel):
            p = read_page(out, rel)
            return sorted(site_path(rel, a.attrs["href"])[0] for c in p.all("li", cls="card") for a in p.all("a", within=c))
        self.assertEqual(listed("status/review.html"), ["briefs/refunds.html"])
        self.assertEqual(listed("status/draft.html"), ["briefs/loyalty.html", "briefs/wallet-top-up.html"])
        self.assertEqual(listed("team/payments.html"), ["briefs/refunds.html"])
        self.assertEqual(listed("team/growth.html"), ["briefs/loyalty.html"])
        self.assertEqual(listed("tag/mobile.html"), ["briefs/refunds.html"])
        self.assertEqual(listed("owner/bo-acme-example.html"), ["briefs/dark-mode.html"])
        self.assertEqual(listed("owner/ana-acme-example.html"),
                         ["briefs/loyalty.html", "briefs/refunds.html", "briefs/wallet-top-up.html"])
        self.assertEqual(read_page(out, "status/approved.html").one("p", cls="empty").text, "No briefs here yet.")
        # The card of the brief with errors says so.
        wallet_card = [c for c in cards if c.attrs["data-title"] == "Wallet Top-up"][0]
        self.assertIn("2 error(s)", wallet_card.text)

    def test_a_team_tag_or_owner_named_index_gets_its_own_page_beside_the_listing_index(self):
        files = site_files()
        files["content/ideas/dark-mode.md"] = add_front_matter(
            brief("Dark Mode"), ['team = "Index"', 'tags = ["index"]']).replace('"ana@acme.example"', '"index"')
        r = self.site_repo(files=files)
        self.build(r)
        out = os.path.join(r.path, "public")
        for kind, heading in (("team", "Teams"), ("tag", "Tags"), ("owner", "Owners")):
            self.assertTrue(os.path.isfile(os.path.join(out, kind, "index-2.html")), kind)
            # index.html is still the overview of every name of its kind, and links to the page of "index".
            overview = read_page(out, f"{kind}/index.html")
            self.assertEqual(overview.one("h1").text, heading)
            links = {a.text: a.attrs["href"] for a in overview.all("a", within=overview.one("ul", cls="term-list"))}
            self.assertEqual(links["Index" if kind == "team" else "index"], f"../{kind}/index-2.html")
            listing = read_page(out, f"{kind}/index-2.html")
            self.assertEqual(listing.one("h1").text, "Index" if kind == "team" else "index")
            self.assertEqual([c.attrs["data-title"] for c in listing.all("li", cls="card")], ["Dark Mode"])
        page = read_page(out, "briefs/dark-mode.html")
        hrefs = {a.attrs["href"] for a in page.all("a")}
        self.assertLessEqual({"../team/index-2.html", "../tag/index-2.html", "../owner/index-2.html"}, hrefs)

    def test_blank_and_repeated_tags_and_owners_make_no_page_and_show_once(self):
        files = site_files()
        files["content/ideas/dark-mode.md"] = add_front_matter(
            brief("Dark Mode"), ['team = "  "', 'tags = ["night", "night", "", "  "]']).replace(
                '"ana@acme.example"', '"", "bo@acme.example", "bo@acme.example"')
        r = self.site_repo(files=files)
        self.build(r)
        out = os.path.join(r.path, "public")
        written = files_under(out)
        # No page for "" or "  " (their names would be x.html, x-2.html), and one per real name.
        self.assertEqual(sorted(f for f in written if f.startswith("tag/")),
                         ["tag/index.html", "tag/mobile.html", "tag/night.html", "tag/returns.html"])
        self.assertNotIn("owner/x.html", written)
        self.assertNotIn("team/x.html", written)
        page = read_page(out, "briefs/dark-mode.html")
        shown = [(a.text, a.attrs["href"]) for a in page.all("a")
                 if a.attrs.get("href", "").startswith(("../tag/", "../owner/", "../team/"))]
        self.assertEqual([x for x in shown if "/index.html" not in x[1]],
                         [("bo@acme.example", "../owner/bo-acme-example.html"), ("night", "../tag/night.html")])
        # The listing shows the brief once.
        night = read_page(out, "tag/night.html")
        self.assertEqual([c.attrs["data-title"] for c in night.all("li", cls="card")], ["Dark Mode"])

    # -- 2. The brief page ------------------------------------------------------

    def test_brief_page_lays_out_press_release_faq_journey_metric_sign_offs_and_readiness(self):
        r = self.site_repo()
        self.build(r)
        out = os.path.join(r.path, "public")
        page = read_page(out, "briefs/refunds.html")
        self.assertEqual(page.one("h1").text, "Acme launches Instant Refunds for shoppers")
        self.assertEqual(page.one("p", cls="pr-subheadline").text, "Shoppers get their refund in 10 seconds")
        self.assertEqual(page.one("p", cls="brief-name").text, "Instant Refunds")
        self.assertIn("Acme launched it today.", page.one("section", cls="press-release").text)
        # The table of contents: every entry is an in-page link to an element
        # that is there; the FAQ questions are listed under their FAQ.
        toc = page.one("nav", cls="toc")
        hrefs = [a.attrs["href"] for a in page.all("a", within=toc)]
        self.assertEqual(hrefs, ["#press-release", "#customer-faq", "#is-it-free", "#internal-faq",
                                 "#who-is-the-customer", "#what-does-it-cost",
                                 "#what-are-the-risks-and-dependencies", "#how-will-we-measure-success",
                                 "#journey", "#metrics", "#sign-offs", "#readiness", "#history"])
        ids = page.ids()
        for href in hrefs:
            self.assertIn(href[1:], ids, f"table of contents entry {href} leads nowhere")
        question = [e for e in page.elements if e.attrs.get("id") == "is-it-free"][0]
        self.assertIn("Is it free?", question.text)
        self.assertIn("It is free for 3 years.", question.text)
        # The journey: three steps, the third marked as the aha moment.
        steps = page.all("li", within=page.one("ol", cls="storyboard"))
        self.assertEqual([s.text for s in steps], ["1 Start The shopper does step 1", "2 Scan The shopper does step 2",
                                                   "3 Refund Aha! The shopper does step 3"])
        self.assertEqual([s.has_class("aha") for s in steps], [False, False, True])
        # The metric, drawn as inline SVG with its numbers.
        metrics = page.one("section", cls="metrics")
        svg = page.one("svg", within=metrics)
        self.assertEqual(page.all("title", within=svg)[0].text, "Refund time: baseline 120, target 1 by 2027-09-30")
        self.assertIn("2027-09-30", page.one("table", within=metrics).text)
        # Sign-offs: a row per required role, the mark in its verdict's column.
        matrix = page.one("table", cls="sign-off-matrix")
        columns = [th.text for th in page.all("th", within=page.one("thead", within=matrix))]
        self.assertEqual(columns, ["Role", "Approved", "Changes requested", "Pending", "Reviewer", "Date", "Note"])
        rows = []
        for tr in page.all("tr", within=page.one("tbody", within=matrix)):
            cells = page.all("td", within=tr)
            marked = [columns[1 + i] for i, td in enumerate(cells[:3]) if td.text == "●"]
            rows.append((page.one("th", within=tr).text, marked, cells[3].text, cells[4].text))
        self.assertEqual(rows, [("engineering required", ["Approved"], "engineering@acme.example", "2026-11-20"),
                                ("design required", ["Pending"], "design@acme.example", "2026-11-20"),
                                ("marketing required", ["Pending"], "marketing@acme.example", "2026-11-20")])
        # Readiness: what it lacks to reach the next status, by rule.
        readiness = page.one("section", cls="readiness")
        self.assertIn("Status Review; meets the bar of Review.", readiness.text)
        self.assertIn("What it lacks to reach approved:", readiness.text)
        lacks = [li.text for li in page.all("li", within=page.one("ul", cls="checklist"))]
        self.assertEqual([re.search(r"\[([a-z-]+)\]$", t).group(1) for t in lacks],
                         ["review-not-approved", "review-not-approved", "business-incomplete"], lacks)
        self.assertIn("design", lacks[0])
        self.assertIn("marketing", lacks[1])
        # A brief with no errors has no findings section.
        self.assertEqual(page.all("section", cls="findings"), [])

    def test_every_page_has_unique_element_ids(self):
        # An in-page link (the table of contents, #is-it-free from another
        # brief) must have exactly one place to go.
        r = self.site_repo()
        self.build(r)
        out = os.path.join(r.path, "public")
        duplicates, count = {}, 0
        for rel in sorted(f for f in files_under(out) if f.endswith(".html")):
            ids = read_page(out, rel).ids()
            count += len(ids)
            if len(ids) != len(set(ids)):
                duplicates[rel] = sorted({i for i in ids if ids.count(i) > 1})
        self.assertGreater(count, 100)
        self.assertEqual(duplicates, {})

    def test_brief_with_errors_shows_its_findings_with_rule_and_line(self):
        r = self.site_repo()
        self.build(r)
        text = r.read("content/payments/wallet-top-up.md")
        unanswered, _ = line_of(text, "### Is it free?")
        broken, broken_line = line_of(text, "[gone](missing.md)")
        page = read_page(os.path.join(r.path, "public"), "briefs/wallet-top-up.html")
        findings = page.one("section", cls="findings")
        self.assertIn("2 error(s) in content/payments/wallet-top-up.md", findings.text)
        errors = [li.text for li in page.all("li", within=findings)]
        self.assertEqual(errors, [
            f'line {unanswered}:1 question has no answer: "Is it free?" faq-unanswered',
            f"line {broken}:{broken_line.index('missing.md') + 1} link 'missing.md' points at "
            "content/payments/missing.md, which is no file and no brief link-broken"])

    def test_links_to_briefs_become_page_links_and_links_out_of_content_are_dropped(self):
        r = self.site_repo()
        self.build(r)
        out = os.path.join(r.path, "public")
        page = read_page(out, "briefs/wallet-top-up.html")
        links = {a.text: a.attrs["href"] for a in page.all("a", within=page.one("main"))}
        self.assertEqual(site_path("briefs/wallet-top-up.html", links["the refunds brief"]), ("briefs/refunds.html", ""))
        self.assertEqual(site_path("briefs/wallet-top-up.html", links["its free question"]),
                         ("briefs/refunds.html", "is-it-free"))
        self.assertIn("is-it-free", read_page(out, "briefs/refunds.html").ids())
        self.assertEqual(site_path("briefs/wallet-top-up.html", links["the loyalty bundle"]), ("briefs/loyalty.html", ""))
        self.assertEqual(site_path("briefs/wallet-top-up.html", links["the loyalty folder"]), ("briefs/loyalty.html", ""))
        # Missing, outside content/, absolute: the text stays, the link goes.
        for dropped in ("gone", "outside", "root"):
            self.assertNotIn(dropped, links)
        self.assertIn("Not linked: gone, outside and root.", page.text)
        self.assertNotIn("prfaq.toml", page.source)
        self.assertNotIn("/etc/passwd", page.source.replace("content/payments/missing.md", ""))
        # The bundle's Markdown image points at the published copy.
        loyalty = read_page(out, "briefs/loyalty.html")
        img = loyalty.one("img", alt="The points screen")
        self.assertEqual(site_path("briefs/loyalty.html", img.attrs["src"]),
                         ("media/growth/loyalty/screens/points.png", ""))

    def test_a_setext_heading_over_several_lines_is_one_heading_with_its_content_after_it(self):
        # CommonMark: the lines of a paragraph before a "---" or "===" line
        # are one heading; ATX-looking text that is not one ("#tag") is text.
        text = brief("Notes") + ("\n## Press release\n\nToday.\n\nRisks and\nmitigations\n-----------\n\n"
                                 "The card network.\n\n#hashtag\n---\n\nMore text.\n")
        r = self.repo({"content/notes.md": text})
        self.build(r)
        page = read_page(os.path.join(r.path, "public"), "briefs/notes.html")
        sections = page.all("section", cls="other")
        self.assertEqual([page.one("h2", within=s).text for s in sections], ["Risks and mitigations", "#hashtag"])
        self.assertEqual([page.one("h2", within=s).attrs["id"] for s in sections],
                         ["risks-and-mitigations", "hashtag"])
        self.assertEqual([[p.text for p in page.all("p", within=s)] for s in sections],
                         [["The card network."], ["More text."]])
        self.assertEqual([e for e in page.elements if e.tag == "hr"], [])
        toc = page.one("nav", cls="toc")
        entries = [a.text for a in page.all("a", within=toc)]
        at = entries.index("Risks and mitigations")
        self.assertEqual(entries[at:at + 2], ["Risks and mitigations", "#hashtag"])

    def test_reference_links_resolve_in_every_section_whatever_section_defines_them(self):
        # The definitions sit at the end, in the Internal FAQ; each section
        # of the page is rendered on its own.
        text = brief("Wallet", "draft").replace(
            "Acme launched it today.", "Acme launched [the refunds brief][refunds] and ![the chart][chart] today.", 1)
        text = text.replace("### Is it free?", "### Is it free, as [refunds] is?", 1)
        text += "\n[refunds]: refunds.md \"Instant Refunds\"\n[chart]: <charts/refund time.png>\n"
        r = self.repo({"content/payments/wallet.md": text, "content/payments/refunds.md": brief("Refunds"),
                       "content/payments/charts/refund time.png": "PNG"})
        res = self.build(r)
        self.assertEqual(res.stdout.splitlines()[1:], [])  # no errors: check resolves them too
        out = os.path.join(r.path, "public")
        page = read_page(out, "briefs/wallet.html")
        pr = page.one("section", cls="press-release")
        self.assertEqual([(a.text, a.attrs["href"], a.attrs.get("title")) for a in page.all("a", within=pr)],
                         [("the refunds brief", "../briefs/refunds.html", "Instant Refunds")])
        self.assertEqual(page.one("img", within=pr).attrs["src"], "../media/payments/charts/refund%20time.png")
        question = page.one("div", id="is-it-free-as-refunds-is")
        self.assertEqual(page.one("h3", within=question).text, "Is it free, as refunds is?")
        self.assertEqual(page.one("a", within=question).attrs["href"], "../briefs/refunds.html")
        self.assertNotIn("[refunds]", page.source)
        self.assertTrue(os.path.isfile(os.path.join(out, "media/payments/charts/refund time.png")))

    # -- 3. Determinism -----------------------------------------------------------

    def test_two_builds_of_the_same_commit_are_byte_identical_whatever_the_thread_count(self):
        r = self.site_repo(git=True)
        self.commit(r, "Add the briefs", "2026-03-01")
        r.write("content/payments/refunds.md", r.read("content/payments/refunds.md").replace("It costs $90,000", "It costs $95,000"))
        self.commit(r, "Cost the refunds", "2026-04-15", author="Bo Writer", email="bo@acme.example")
        a, b = os.path.join(r.folder, "site-a"), os.path.join(r.folder, "site-b")
        self.build(r, "--out", a, "--jobs", "1")
        self.build(r, "--out", b, "--jobs", "8")
        site_a, site_b = snapshot(a), snapshot(b)
        self.assertEqual(sorted(site_a), sorted(site_b))
        self.assertIn(MANIFEST, site_a)
        for rel in sorted(site_a):
            self.assertEqual(site_a[rel], site_b[rel], f"{rel} differs between two builds")
        # Not vacuous: the pages carry the history that could have varied.
        self.assertIn(b"Bo Writer", site_a["briefs/refunds.html"])

    # -- 4. Incremental builds ------------------------------------------------------

    def test_rebuild_reuses_unchanged_pages_and_rewrites_changed_ones(self):
        r = self.site_repo()
        out = os.path.join(r.path, "public")
        first = self.summary(self.build(r), with_errors=1)
        self.assertEqual(first[3], 0)
        files = first[2]
        before = inodes(out)

        # A change to one brief's body: its page is new, other briefs' pages
        # and the home page (whose cards show no body) are the same files.
        r.write("content/payments/refunds.md",
                r.read("content/payments/refunds.md").replace("It costs $90,000 to build.", "It costs $95,000 to build."))
        _, _, files2, reused = self.summary(self.build(r), with_errors=1)
        after = inodes(out)
        self.assertEqual(files2, files)
        changed = {f for f in after if after[f] != before.get(f)}
        self.assertEqual(changed, ALWAYS_WRITTEN | {MARKER_FILE, "briefs/refunds.html"})
        self.assertEqual(reused, files - len(ALWAYS_WRITTEN) - 1)
        self.assertIn("It costs $95,000 to build.", r.read("public/briefs/refunds.html"))
        self.assertNotIn("$90,000", r.read("public/briefs/refunds.html"))

        # A change to a headline: the brief's page, the home page and the
        # listings showing its card are new, with the new headline.
        before = after
        r.write("content/payments/wallet-top-up.md",
                r.read("content/payments/wallet-top-up.md").replace(
                    'headline = "Acme launches Wallet Top-up for shoppers"', 'headline = "Acme tops up wallets in 40 countries"'))
        _, _, _, reused = self.summary(self.build(r), with_errors=1)
        after = inodes(out)
        changed = {f for f in after if after[f] != before.get(f)} - ALWAYS_WRITTEN - {MARKER_FILE}
        self.assertEqual(changed, {"briefs/wallet-top-up.html", "index.html", "status/draft.html",
                                   "owner/ana-acme-example.html"})
        self.assertEqual(reused, files - len(ALWAYS_WRITTEN) - len(changed))
        for rel in ("index.html", "briefs/wallet-top-up.html", "status/draft.html"):
            self.assertIn("Acme tops up wallets in 40 countries", r.read("public/" + rel), rel)
            self.assertNotIn("Acme launches Wallet Top-up", r.read("public/" + rel), rel)

        # Nothing changed: everything but the always-written files is reused.
        before = after
        _, _, files3, reused = self.summary(self.build(r), with_errors=1)
        after = inodes(out)
        self.assertEqual(reused, files3 - len(ALWAYS_WRITTEN))
        self.assertEqual({f for f in after if after[f] != before.get(f)}, ALWAYS_WRITTEN | {MARKER_FILE})
        # Reused files are the previous build's files, hard-linked: same bytes.
        for rel in BRIEF_PAGES:
            self.assertEqual(os.stat(os.path.join(out, rel)).st_nlink, 1, rel)  # the old site is gone

    def test_changing_the_theme_the_config_or_the_base_url_rerenders_every_page(self):
        r = self.site_repo()
        out = os.path.join(r.path, "public")
        self.build(r)
        pages = sorted(f for f in files_under(out) if f.endswith(".html"))
        with open(os.path.join(ROOT, "site-theme/templates/layout.html")) as f:
            layout = f.read()
        self.assertIn("<body>", layout)
        r.write("site-theme/templates/layout.html", layout.replace("<body>", '<body>\n<p class="banner">Theme two</p>', 1))
        self.build(r)
        for rel in pages:
            self.assertEqual(read_page(out, rel).one("p", cls="banner").text, "Theme two", rel)
        r.write("prfaq.toml", '[site]\ntitle = "Acme PR/FAQs"\n')
        self.build(r)
        for rel in pages:
            title = read_page(out, rel).title
            self.assertTrue(title.endswith("Acme PR/FAQs"), f"{rel}: {title}")
        self.build(r, "--base-url", "https://x.example/")
        for rel in pages:
            if rel == "404.html":
                continue  # served at any address: whether it names one is the theme's choice
            self.assertEqual([c.attrs["href"] for c in read_page(out, rel).all("link", rel="canonical")],
                             ["https://x.example/" + rel], rel)
        self.build(r)
        for rel in pages:
            self.assertEqual(read_page(out, rel).all("link", rel="canonical"), [], rel)

    def test_rebuild_shows_a_renamed_related_brief_and_drops_a_deleted_one(self):
        files = site_files()
        files["content/payments/refunds.md"] = add_front_matter(files["content/payments/refunds.md"],
                                                                ['related = ["loyalty"]'])
        r = self.site_repo(files=files)
        out = os.path.join(r.path, "public")
        self.build(r)

        def related(rel):
            page = read_page(out, rel)
            return [a.text for a in page.all("a", within=page.one("section", cls="related"))]

        self.assertEqual(related("briefs/refunds.html"), ["Loyalty Points"])
        self.assertEqual(related("briefs/loyalty.html"), ["Instant Refunds"])
        r.write("content/growth/loyalty/index.md",
                r.read("content/growth/loyalty/index.md").replace('title = "Loyalty Points"', 'title = "Points Club"'))
        os.remove(os.path.join(r.path, "content/ideas/dark-mode.md"))
        self.build(r)
        self.assertEqual(related("briefs/refunds.html"), ["Points Club"])
        written = files_under(out)
        self.assertNotIn("briefs/dark-mode.html", written)
        self.assertNotIn("owner/bo-acme-example.html", written)
        self.assertEqual(read_page(out, "status/idea.html").one("p", cls="empty").text, "No briefs here yet.")
        self.assertEqual(sorted(c.attrs["data-title"] for c in read_page(out, "index.html").all("li", cls="card")),
                         ["Instant Refunds", "Points Club", "Wallet Top-up"])
        for rel in ("briefs.json", "search-index.js", "sitemap.xml", "feed.xml"):
            self.assertNotIn("dark-mode", r.read("public/" + rel), rel)
        self.assertIn("Points Club", r.read("public/search-index.js"))

    def test_rebuild_moves_links_to_a_listing_or_brief_whose_page_name_another_brief_changed(self):
        # Tags "C#" and "c++" both slug to "c": "C#" sorts first and takes
        # tag/c.html. Briefs p/b.md and q/b.md collide: b.html and b-2.html.
        a = add_front_matter(brief("Alpha"), ['tags = ["c++"]']) + "\nSee [the other b](../q/b.md).\n"
        b = add_front_matter(brief("Beta"), ['tags = ["C#"]'])
        r = self.repo({"content/a/alpha.md": a, "content/b/beta.md": b,
                       "content/p/b.md": brief("P"), "content/q/b.md": brief("Q")})
        out = os.path.join(r.path, "public")
        self.build(r)

        def links(rel):
            page = read_page(out, rel)
            return [l.attrs["href"] for l in page.all("a") if re.search(r"/(tag/c|briefs/b)", l.attrs.get("href") or "")]

        self.assertEqual(links("briefs/alpha.html"), ["../tag/c-2.html", "../briefs/b-2.html"])
        # Beta drops "C#", and p/b.md is renamed: alpha.md is unchanged, but
        # its tag's listing is now tag/c.html and q/b.md's page briefs/b.html.
        r.write("content/b/beta.md", b.replace('tags = ["C#"]', 'tags = ["zz"]'))
        os.rename(os.path.join(r.path, "content/p/b.md"), os.path.join(r.path, "content/p/c.md"))
        self.build(r)
        self.assertEqual(links("briefs/alpha.html"), ["../tag/c.html", "../briefs/b.html"])
        self.assertEqual(read_page(out, "tag/c.html").one("h1").text, "c++")
        self.assertEqual(read_page(out, "briefs/b.html").one("h1").text, "Q")
        self.assertNotIn("tag/c-2.html", files_under(out))

    # -- 5. Git ---------------------------------------------------------------------

    def git_site(self):
        """The fixture in Git: two commits, the second changing the refunds headline."""
        r = self.site_repo(git=True)
        first = self.commit(r, "Add the briefs", "2026-03-01")
        r.write("content/payments/refunds.md", r.read("content/payments/refunds.md").replace(
            'headline = "Acme launches Instant Refunds for shoppers"', 'headline = "Acme refunds shoppers in 10 seconds"'))
        second = self.commit(r, "Sharpen the refunds headline", "2026-04-15", author="Bo Writer", email="bo@acme.example")
        return r, first, second

    def facts(self, page):
        """The brief header's facts: {"Owner": "...", "Created": "...", ...}."""
        dl = page.one("dl", cls="facts", within=page.one("header", cls="brief-header"))
        return {dt.text: dd.text for dt, dd in zip(page.all("dt", within=dl), page.all("dd", within=dl))}

    def history(self, page):
        section = page.one("section", cls="history")
        return [(page.one("time", within=li).attrs["datetime"], page.one("span", cls="author", within=li).text,
                 page.one("span", cls="subject", within=li).text, page.one("code", within=li).text)
                for li in page.all("li", within=section)]

    def test_history_lists_each_commit_with_date_author_and_subject(self):
        r, first, second = self.git_site()
        self.build(r)
        out = os.path.join(r.path, "public")
        refunds = read_page(out, "briefs/refunds.html")
        self.assertEqual(self.history(refunds), [("2026-04-15", "Bo Writer", "Sharpen the refunds headline", second[:7]),
                                                 ("2026-03-01", "Ana Test", "Add the briefs", first[:7])])
        facts = self.facts(refunds)
        self.assertEqual((facts["Created"], facts["Updated"]), ("2026-03-01", "2026-04-15"))
        self.assertEqual(self.history(read_page(out, "briefs/loyalty.html")),
                         [("2026-03-01", "Ana Test", "Add the briefs", first[:7])])
        # The timeline and briefs.json tell the same story.
        timeline = read_page(out, "timeline.html")
        events = [li.text for li in timeline.all("li", within=timeline.one("main"))]
        self.assertIn("2026-04-15 Instant Refunds updated Sharpen the refunds headline Bo Writer", events)
        self.assertIn("2026-03-01 Instant Refunds created Add the briefs Ana Test", events)
        self.assertEqual(len(events), 5)
        with open(os.path.join(out, "briefs.json")) as f:
            by_slug = {b["slug"]: b for b in json.load(f)["briefs"]}
        self.assertEqual((by_slug["refunds"]["created"], by_slug["refunds"]["updated"]), ("2026-03-01", "2026-04-15"))
        self.assertEqual(sorted(by_slug["refunds"]["authors"]), ["Ana Test", "Bo Writer"])
        self.assertEqual((by_slug["dark-mode"]["created"], by_slug["dark-mode"]["updated"]), ("2026-03-01", "2026-03-01"))

    def test_rev_builds_an_older_commit_without_touching_the_working_tree(self):
        r, first, second = self.git_site()
        # An uncommitted edit, which a build of a commit must neither show nor touch.
        r.write("content/payments/refunds.md", r.read("content/payments/refunds.md").replace(
            "Acme refunds shoppers in 10 seconds", "Acme refunds everyone instantly"))
        r.git("update-index", "-q", "--refresh", check=False)
        before, status, head = r.state(), r.git("status", "--porcelain").stdout, r.head()
        self.assertEqual(status, " M content/payments/refunds.md\n")
        self.build(r, "--rev", "HEAD~1")
        self.assertEqual(r.git("status", "--porcelain").stdout, status)  # public/ is ignored, as prfaq init sets up
        self.assertEqual(r.head(), head)
        after = r.state()
        after = {k: v for k, v in after.items() if not k.startswith(os.path.join(r.path, "public") + os.sep)
                 and not os.path.basename(k).startswith(".public.prfaq-")}
        self.assertEqual(after, before)
        out = os.path.join(r.path, "public")
        refunds = read_page(out, "briefs/refunds.html")
        self.assertEqual(refunds.one("h1").text, "Acme launches Instant Refunds for shoppers")
        self.assertEqual(self.history(refunds), [("2026-03-01", "Ana Test", "Add the briefs", first[:7])])
        self.assertIn(f"from commit HEAD~1 ({first[:7]})", read_page(out, "index.html").one("footer").text)
        # The working tree build shows the uncommitted edit.
        self.build(r)
        self.assertEqual(read_page(out, "briefs/refunds.html").one("h1").text, "Acme refunds everyone instantly")

    def test_rev_main_builds_inside_a_bare_repository(self):
        r, first, second = self.git_site()
        bare = r.other("server.git", bare=True)
        r.git("push", "-q", bare.path, "main")
        listing = sorted(os.listdir(bare.path))
        out = os.path.join(r.folder, "site")
        res = self.build(bare, "--rev", "main", "--out", out)
        self.assertEqual(self.summary(res, with_errors=1)[0], out + "/")
        self.assertEqual(sorted(os.listdir(bare.path)), listing)
        self.assertEqual({f for f in files_under(out) if not f.startswith("assets/")}, SITE_FILES)
        refunds = read_page(out, "briefs/refunds.html")
        self.assertEqual(refunds.one("h1").text, "Acme refunds shoppers in 10 seconds")
        self.assertEqual([h[2] for h in self.history(refunds)], ["Sharpen the refunds headline", "Add the briefs"])
        with open(os.path.join(out, "media/growth/loyalty/screens/points.png"), "rb") as f:
            self.assertEqual(f.read(), PNG)

    def test_build_without_rev_in_a_bare_repository_is_refused_like_check(self):
        r, _, _ = self.git_site()
        bare = r.other("server.git", bare=True)
        r.git("push", "-q", bare.path, "main")
        listing = sorted(os.listdir(bare.path))
        check = bare.run("check")
        self.assertEqual(check.returncode, 2)
        self.assertIn("use --rev", check.stderr)
        # A bare repository has no working tree: building one would publish an
        # empty site (into the Git folder itself).
        res = bare.run("build")
        self.assertEqual(res.returncode, 2, res.stdout + res.stderr)
        self.assertIn("bare repository", res.stderr)
        self.assertIn("--rev", res.stderr)
        self.assertEqual(sorted(os.listdir(bare.path)), listing)

    def test_shallow_clone_builds_and_says_its_history_is_cut(self):
        r, first, second = self.git_site()
        clone = r.other("clone", init=False)
        r.git("clone", "-q", "--depth", "1", "file://" + r.path, clone.path, cwd=r.folder)
        res = self.build(clone)
        self.assertIn("prfaq: warning: this is a shallow clone: history on the site stops at its boundary "
                      "(git fetch --unshallow)\n", res.stderr)
        out = os.path.join(clone.path, "public")
        refunds = read_page(out, "briefs/refunds.html")
        self.assertEqual(self.history(refunds),
                         [("2026-04-15", "Bo Writer", "Sharpen the refunds headline", second[:7])])
        self.assertIn("Built from a shallow clone", refunds.one("section", cls="history").text)
        timeline = read_page(out, "timeline.html")
        events = [li.text for li in timeline.all("li", within=timeline.one("main"))]
        # The boundary commit did not create the briefs: it is all the clone knows.
        self.assertNotIn("created", " ".join(events))
        with open(os.path.join(out, "briefs.json")) as f:
            self.assertTrue(json.load(f)["shallow_history"])

    def test_without_git_the_site_says_there_is_no_history(self):
        r = self.site_repo()
        self.build(r)
        out = os.path.join(r.path, "public")
        refunds = read_page(out, "briefs/refunds.html")
        history = refunds.one("section", cls="history")
        self.assertEqual(refunds.all("li", within=history), [])
        self.assertIn("No history from Git.", history.text)
        self.assertEqual(sorted(self.facts(refunds)), ["Launch", "Owner", "Readiness", "Tags"])
        self.assertIn("No history: the briefs are not in a Git repository, or nothing is committed yet.",
                      read_page(out, "timeline.html").text)
        with open(os.path.join(out, "briefs.json")) as f:
            briefs = json.load(f)["briefs"]
        self.assertEqual([(b["created"], b["updated"], b["authors"]) for b in briefs], [(None, None, [])] * 4)

    # -- 6. --strict ------------------------------------------------------------------

    def test_strict_refuses_a_repository_with_errors_and_keeps_the_previous_site(self):
        r = self.site_repo()
        res = self.build(r)
        self.assertEqual(self.summary(res, with_errors=1)[0], "public/")
        out = os.path.join(r.path, "public")
        site, ino = snapshot(out), inodes(out)
        # A change that a build would publish, then a strict build.
        r.write("content/ideas/dark-mode.md", r.read("content/ideas/dark-mode.md").replace("Dark Mode", "Night Mode"))
        res = self.build(r, "--strict", rc=1)
        self.assertEqual(res.stdout, "")
        text = r.read("content/payments/wallet-top-up.md")
        unanswered, _ = line_of(text, "### Is it free?")
        self.assertIn(f'content/payments/wallet-top-up.md:{unanswered}:1: error: question has no answer: "Is it free?" '
                      "[faq-unanswered]\n", res.stderr)
        self.assertTrue(res.stderr.endswith("prfaq: build refused by --strict: 2 error(s); public is unchanged\n"),
                        res.stderr)
        self.assertEqual(snapshot(out), site)
        self.assertEqual(inodes(out), ino)
        self.assertEqual([f for f in os.listdir(r.path) if ".prfaq-tmp-" in f], [])
        # Into a new folder: nothing is created, not even a lock file beside it.
        before = set(os.listdir(r.path))
        self.build(r, "--strict", "--out", "fresh", rc=1)
        self.assertEqual(set(os.listdir(r.path)), before)
        # Without --strict the same repository builds, and says which briefs have errors.
        res = self.build(r)
        self.summary(res, with_errors=1)
        self.assertEqual(read_page(out, "briefs/dark-mode.html").one("h1").text, "Night Mode")
        # Once the errors are fixed, --strict builds.
        r.write("content/payments/wallet-top-up.md", brief("Wallet Top-up", "draft"))
        res = self.build(r, "--strict")
        self.summary(res)

    # -- 7. Safety: nothing in a brief runs as code ------------------------------------

    EVIL_TITLE = 'Evil <script>alert(1)</script> "><img src=x onerror=alert(1)>'
    EVIL_HEADLINE = 'Acme launches <script>alert(2)</script> "><img src=x onerror=alert(2)> today'
    EVIL_TEAM = '"><script>alert(5)</script>'
    EVIL_TAGS = ["<img src=x onerror=alert(6)>", "javascript:alert(7)"]
    EVIL_BRIEF = """+++
title = '""" + EVIL_TITLE + """'
status = "review"
owner = ["ana@acme.example"]
headline = '""" + EVIL_HEADLINE + """'
subheadline = '<iframe src="javascript:alert(3)"></iframe> fast'
customer = '</p><svg onload=alert(4)>'
team = '""" + EVIL_TEAM + """'
tags = ['<img src=x onerror=alert(6)>', 'javascript:alert(7)']
launch = 2026-06-30

[[journey]]
step = '<script>alert(8)</script>'
detail = '"><img src=x onerror=alert(9)>'
screen = 'screens/x" onerror="alert(10).png'

[[journey]]
step = "Scan"
detail = "The shopper scans"
screen = "javascript:alert(11)"

[[journey]]
step = "Refund"
detail = "Money back"
aha = true

[[metric]]
name = '<script>alert(12)</script></title><script>alert(13)</script>'
kind = "quality"
direction = "down"
unit = '<img src=x onerror=alert(14)>'
baseline = 120
target = 1
by = 2027-09-30

[[review]]
who = '<script>alert(15)</script>'
role = "engineering"
verdict = "pending"
date = 2026-11-20
note = '"><img src=x onerror=alert(16)>'
+++

## Press release

Raw <script>alert(17)</script> and <iframe src="javascript:alert(18)"></iframe> and <img src=x onerror=alert(19)>.

<script>alert(20)</script>

<div onmouseover="alert(21)">hover</div>

<a href="javascript:alert(22)">raw anchor</a>

Links: [a](javascript:alert(23)), [b](JaVaScRiPt:alert(24)), [c](&#106;avascript:alert(25)), <javascript:alert(26)>,
![d](data:text/html;base64,PHNjcmlwdD5hbGVydCgyNyk8L3NjcmlwdD4=), [e](vbscript:msgbox(28)),
[f](java&#9;script:alert(29)), [g][evil], [h](&#x6A;&#x61;vascript&#58;alert(30)), [i](data:image/svg+xml,x)
and ![screen](screens/x%22%20onerror=%22alert(10).png).

[evil]: javascript:alert(31)

## Customer FAQ

### <script>alert(32)</script> Is it free?

Yes <img src=x onerror=alert(33)>.

## Internal FAQ

### Who is the customer? "><svg onload=alert(34)>

Shoppers `<script>alert(35)</script>` of all kinds.
"""

    def evil_site(self):
        files = site_files()
        files["content/evil/index.md"] = self.EVIL_BRIEF
        files['content/evil/screens/x" onerror="alert(10).png'] = PNG
        files['content/"><img src=x onerror=alert(36)>.md'] = brief("Odd Name", "idea")
        # Committed, so that the feed lists it and the history shows a hostile subject too.
        r = self.site_repo(git=True, files=files)
        self.commit(r, 'Add <script>alert(40)</script> "><img src=x onerror=alert(41)>', "2026-11-01")
        res = self.build(r)
        return r, os.path.join(r.path, "public"), res

    def test_brief_text_and_html_never_become_markup_or_script_in_any_output(self):
        r, out, res = self.evil_site()
        pages = sorted(f for f in files_under(out) if f.endswith(".html"))
        self.assertIn("briefs/evil.html", pages)
        self.assertIn("tag/javascript-alert-7.html", pages)
        for rel in pages:
            page = self.assertNoInjection(out, rel)
            for raw in ("<img src=x", "<iframe", "<svg onload", "<div onmouseover", '<a href="javascript'):
                self.assertNotIn(raw, page.source, rel)
        # Every page, listing and file showing the brief shows its text as text.
        evil = read_page(out, "briefs/evil.html")
        self.assertEqual(evil.one("h1").text, self.EVIL_HEADLINE)
        self.assertEqual(evil.one("p", cls="brief-name").text, self.EVIL_TITLE)
        self.assertIn(self.EVIL_TITLE, evil.title)
        self.assertEqual(evil.one("meta", name="description").attrs["content"], self.EVIL_HEADLINE)
        self.assertIn("&lt;script&gt;alert(2)&lt;/script&gt;", evil.source)
        pr = evil.one("section", cls="press-release")
        self.assertIn('Raw <script>alert(17)</script> and <iframe src="javascript:alert(18)"></iframe> and '
                      "<img src=x onerror=alert(19)>.", pr.text)
        self.assertIn('<div onmouseover="alert(21)">hover</div>', pr.text)
        # Dangerous links keep their text and lose the link; the image whose
        # file name holds a quote is published and its src stays one value.
        self.assertEqual([a.text for a in evil.all("a", within=pr)], [])
        self.assertIn("Links: a, b, c, javascript:alert(26), d, e, f, g, h, i and", pr.text)
        imgs = evil.all("img", within=evil.one("main"))
        self.assertEqual(len(imgs), 2, [i.attr_list for i in imgs])
        for img in imgs:
            self.assertEqual([n for n, _ in img.attr_list if n not in ("src", "alt", "loading")], [], img.attr_list)
            target, _ = site_path("briefs/evil.html", img.attrs["src"].replace("%22", '"').replace("%20", " "))
            self.assertEqual(target, 'media/evil/screens/x" onerror="alert(10).png')
        self.assertTrue(os.path.isfile(os.path.join(out, 'media/evil/screens/x" onerror="alert(10).png')))
        steps = evil.all("li", within=evil.one("ol", cls="storyboard"))
        self.assertIn("<script>alert(8)</script>", steps[0].text)
        self.assertIn('"><img src=x onerror=alert(9)>', steps[0].text)
        self.assertEqual(evil.all("title", within=evil.one("svg"))[0].text,
                         "<script>alert(12)</script></title><script>alert(13)</script>: baseline 120 "
                         "<img src=x onerror=alert(14)>, target 1 <img src=x onerror=alert(14)> by 2027-09-30")
        faq = evil.all("section", cls="faq")
        self.assertIn("Is it free? Yes <img src=x onerror=alert(33)>.", faq[0].text)
        self.assertIn("Who is the customer?", faq[1].text)
        self.assertIn("<script>alert(35)</script>", faq[1].text)
        home = read_page(out, "index.html")
        card = [c for c in home.all("li", cls="card") if c.attrs["data-title"] == self.EVIL_TITLE]
        self.assertEqual(len(card), 1)
        self.assertEqual(card[0].attrs["data-team"], self.EVIL_TEAM)
        self.assertEqual(card[0].attrs["data-tags"], "\n".join(self.EVIL_TAGS))
        self.assertEqual(read_page(out, "tag/javascript-alert-7.html").one("h1").text, "javascript:alert(7)")
        # search-index.js is one assignment of one JSON value.
        with open(os.path.join(out, "search-index.js"), encoding="utf-8") as f:
            m = re.fullmatch(r"window\.PRFAQ_SEARCH = (.*);\n", f.read(), re.S)
        self.assertTrue(m)
        entries = {e["u"]: e for e in json.loads(m.group(1))["briefs"]}
        self.assertEqual((entries["briefs/evil.html"]["t"], entries["briefs/evil.html"]["h"]),
                         (self.EVIL_TITLE, self.EVIL_HEADLINE))
        # The feed and briefs.json parse, and hold the text exactly.
        feed = ET.parse(os.path.join(out, "feed.xml")).getroot()
        ns = {"a": "http://www.w3.org/2005/Atom"}
        titles = {e.find("a:title", ns).text: e for e in feed.findall("a:entry", ns)}
        self.assertIn(self.EVIL_TITLE, titles)
        self.assertEqual(titles[self.EVIL_TITLE].find("a:summary", ns).text, self.EVIL_HEADLINE)
        self.assertEqual([el.tag for el in feed.iter() if not el.tag.startswith("{http://www.w3.org/2005/Atom}")], [])
        with open(os.path.join(out, "briefs.json"), encoding="utf-8") as f:
            data = {b["slug"]: b for b in json.load(f)["briefs"]}
        self.assertEqual((data["evil"]["title"], data["evil"]["headline"], data["evil"]["team"], data["evil"]["tags"]),
                         (self.EVIL_TITLE, self.EVIL_HEADLINE, self.EVIL_TEAM, self.EVIL_TAGS))
        odd = [b for b in data.values() if b["title"] == "Odd Name"]
        self.assertEqual(odd[0]["path"], 'content/"><img src=x onerror=alert(36)>.md')

    def test_control_characters_and_noncharacters_in_a_brief_keep_the_feed_and_pages_well_formed(self):
        files = site_files()
        files["content/ideas/dark-mode.md"] = (
            '+++\ntitle = "X \\uFFFE"\nheadline = "H \\u0000 \\u0001\\u000C\\u007F\\u0085 \\uFFFF."\n'
            'status = "idea"\nowner = "bo@acme.example"\nteam = "T \\u001B"\n+++\n\n'
            '## Press release\n\nBody \x01 and \x7f and \ufffe and &#1; and `\x02`.\n')
        r = self.site_repo(git=True, files=files)
        self.commit(r, "Add the briefs", "2026-03-01")
        self.build(r)
        out = os.path.join(r.path, "public")
        ns = {"a": "http://www.w3.org/2005/Atom"}
        feed = ET.parse(os.path.join(out, "feed.xml")).getroot()  # expat refuses U+FFFE, U+FFFF and C0 controls
        entry = [e for e in feed.findall("a:entry", ns) if e.find("a:link", ns).get("href") == "briefs/dark-mode.html"]
        self.assertEqual(entry[0].find("a:title", ns).text, "X \ufffd")
        self.assertEqual(entry[0].find("a:summary", ns).text, "H \ufffd \ufffd\ufffd\ufffd\ufffd \ufffd.")
        forbidden = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
        for rel in sorted(f for f in files_under(out) if f.endswith((".html", ".xml"))):
            with open(os.path.join(out, rel), encoding="utf-8") as f:
                text = f.read()
            self.assertEqual(forbidden.findall(text), [], rel)
        page = read_page(out, "briefs/dark-mode.html")
        self.assertEqual(page.one("h1").text, "H \ufffd \ufffd\ufffd\ufffd\ufffd \ufffd.")
        self.assertEqual(page.one("p", cls="brief-name").text, "X \ufffd")
        self.assertEqual([p.text for p in page.all("p", within=page.one("section", cls="press-release"))],
                         ["Body \ufffd and \ufffd and \ufffd and \ufffd and \ufffd."])
        card = [c for c in read_page(out, "index.html").all("li", cls="card") if c.attrs["data-title"] == "X \ufffd"]
        self.assertEqual(card[0].attrs["data-team"], "T \ufffd")
        # briefs.json keeps the values exactly: JSON escapes what it must.
        with open(os.path.join(out, "briefs.json"), encoding="utf-8") as f:
            data = {b["slug"]: b for b in json.load(f)["briefs"]}
        self.assertEqual(data["dark-mode"]["headline"], "H \x00 \x01\x0c\x7f\x85 \uffff.")

    def test_browser_runs_no_brief_script_and_finds_no_injected_element(self):
        r, out, res = self.evil_site()
        browser = Browser(self)
        self.addCleanup(browser.close)
        # The detector sees a dialog and an injected handler when there is one.
        control = os.path.join(r.path, "control.html")
        with open(control, "w") as f:
            f.write('<!DOCTYPE html><p>x</p><script>alert("control")</script><img src=x onerror="alert(1)">')
        dialogs, problems, _ = browser.load(file_url(control))
        self.assertIn("control", dialogs)
        self.assertIn("inline <script>", problems)
        for rel, query in (("briefs/evil.html", ""), ("index.html", ""), ("index.html", "?tag=javascript%3Aalert(7)"),
                           ("search.html", "?q=alert"), ("search.html", "?q=%3Cscript%3E"),
                           ("tag/javascript-alert-7.html", ""), ("team/index.html", ""), ("timeline.html", ""),
                           ("briefs/img-src-x-onerror-alert-36.html", "")):
            path = os.path.join(out, rel)
            if not os.path.exists(path):
                matches = [f for f in files_under(out) if f.startswith("briefs/") and "36" in f]
                self.assertEqual(len(matches), 1, sorted(files_under(out)))
                path = os.path.join(out, matches[0])
            dialogs, problems, dom = browser.load(file_url(path, query))
            self.assertEqual(dialogs, [], f"{rel}{query} opened a dialog")
            self.assertEqual(problems, [], f"{rel}{query}")
            if rel == "search.html" and query == "?q=alert":
                loaded = Page(dom)
                results = loaded.one("ol", id="search-results")
                titles = [a.text for a in loaded.all("a", within=results)]
                self.assertIn(self.EVIL_TITLE, titles)

    def test_raw_html_in_a_faq_question_is_shown_as_text_as_in_its_answer(self):
        # "Raw HTML in Markdown is escaped": shown as written, not dropped.
        files = site_files()
        files["content/menus.md"] = brief("Menus", "draft").replace(
            "### Is it free?\n\nIt is free for 3 years.",
            "### Does it work with <Select> menus?\n\nIt works with <Select> menus.")
        r = self.site_repo(files=files)
        self.build(r)
        page = read_page(os.path.join(r.path, "public"), "briefs/menus.html")
        faq = page.all("section", cls="faq")[0]
        self.assertIn("It works with <Select> menus.", faq.text)
        self.assertEqual(page.one("h3", within=faq).text, "Does it work with <Select> menus?")
        toc = page.one("nav", cls="toc")
        self.assertIn("Does it work with <Select> menus?", [a.text for a in page.all("a", within=toc)])

    # -- 8. Nothing from outside the repository -------------------------------------------

    def test_files_outside_the_repository_are_never_read_or_published(self):
        outside = tempfile.mkdtemp(prefix="prfaq-outside-")
        self.addCleanup(shutil.rmtree, outside, True)
        marker = "OUTSIDE-SECRET-7c1e0f"
        secret = os.path.join(outside, "secret.txt")
        os.makedirs(os.path.join(outside, "bundle"))
        os.makedirs(os.path.join(outside, "shots"))
        for name, text in (("secret.txt", marker + "\n"), ("shots/t.png", marker + "\n"),
                           ("evil.md", brief("Symlinked " + marker, "draft")),
                           ("bundle/index.md", brief("Bundle " + marker, "draft")),
                           ("404.html", f"<h1>{marker}</h1>\n")):
            with open(os.path.join(outside, name), "w") as f:
                f.write(text)
        files = site_files()
        files["notes/inside-but-not-content.txt"] = "INSIDE-NOT-CONTENT-5b2a\n"
        r = self.site_repo(git=True, files=files)
        rel_secret = os.path.relpath(secret, os.path.join(r.path, "content/b"))
        b = brief("Bundle B", "draft", extra=(
            "\n![ok](screens/ok.png) ![host](screens/s.png) ![m](screens/m.png) ![t](shots/t.png) ![x](/etc/passwd) "
            f"![y]({rel_secret}) ![z](../../notes/inside-but-not-content.txt) [w](../../../../../../etc/passwd)\n"))
        b = add_front_matter(b, tables=[
            '[[journey]]\nstep = "One"\nscreen = "../../../etc/passwd"',
            '[[journey]]\nstep = "Two"\nscreen = "/etc/passwd"',
            f'[[journey]]\nstep = "Three"\nscreen = "{rel_secret}"',
            '[[journey]]\nstep = "Four"\nscreen = "screens/m.png"',
            '[[journey]]\nstep = "Five"\nscreen = "screens/ok.png"'])
        r.write("content/b/index.md", b)
        r.write("content/b/screens/ok.png", PNG)
        for link, target in (("content/b/screens/s.png", "/etc/hostname"), ("content/b/screens/m.png", secret),
                             ("content/b/shots", os.path.join(outside, "shots")),
                             ("content/evil.md", os.path.join(outside, "evil.md")),
                             ("content/linked", os.path.join(outside, "bundle")),
                             ("site-theme/assets/leak.css", secret),
                             ("site-theme/templates/404.html", os.path.join(outside, "404.html"))):
            os.makedirs(os.path.dirname(os.path.join(r.path, link)), exist_ok=True)
            os.symlink(target, os.path.join(r.path, link))
        with open("/etc/hostname", "rb") as f:
            hostname = f.read()
        with open("/etc/passwd", "rb") as f:
            passwd_line = f.read().splitlines()[0]

        def check(res, out):
            self.summary(res, briefs=5, with_errors=2)
            site = snapshot(out)
            # Not vacuous: the bundle's own image is published, its page is there.
            self.assertEqual(site["media/b/screens/ok.png"], PNG)
            for rel, data in site.items():
                self.assertFalse(isinstance(data, str), f"{rel} is a symlink: {data}")
                self.assertNotIn(marker.encode(), data, rel)
                self.assertNotIn(b"INSIDE-NOT-CONTENT-5b2a", data, rel)
                self.assertNotIn(passwd_line, data, rel)
                self.assertNotEqual(data, hostname, rel)
            self.assertEqual(sorted(f for f in site if f.startswith("media/")),
                             ["media/b/screens/ok.png", "media/growth/loyalty/screens/points.png"])
            self.assertEqual(sorted(f for f in site if f.startswith("briefs/")), sorted(BRIEF_PAGES | {"briefs/b.html"}))
            self.assertNotIn("assets/leak.css", site)
            self.assertIn("No brief lives at this address", read_page(out, "404.html").text)
            # The page keeps the alt texts and the journey, with no image from outside.
            page = read_page(out, "briefs/b.html")
            srcs = [site_path("briefs/b.html", i.attrs["src"])[0] for i in page.all("img")]
            self.assertEqual(srcs, ["media/b/screens/ok.png", "media/b/screens/ok.png"])
            self.assertIn("The refund time. host m t x y z w", page.text)  # alt texts and link text kept
            steps = [li.text for li in page.all("li", within=page.one("ol", cls="storyboard"))]
            self.assertEqual([s.split()[1] for s in steps], ["One", "Two", "Three", "Four", "Five"])

        check(self.build(r), os.path.join(r.path, "public"))
        # The same from a commit, where the symbolic links are blobs naming their targets.
        self.commit(r, "Add the briefs and the links", "2026-03-01")
        out = os.path.join(r.folder, "from-commit")
        check(self.build(r, "--rev", "HEAD", "--out", out), out)

    def test_an_image_reached_through_a_symlinked_folder_is_reported_on_the_page(self):
        # The site never publishes a file reached through a symbolic link out
        # of the repository; the brief's page must then say the image is
        # missing, as it does for a symlinked file, not drop it silently.
        outside = tempfile.mkdtemp(prefix="prfaq-outside-")
        self.addCleanup(shutil.rmtree, outside, True)
        with open(os.path.join(outside, "t.png"), "wb") as f:
            f.write(PNG)
        r = self.site_repo()
        r.write("content/b/index.md", brief("Bundle B", "draft", extra="\n![file](screens/s.png) ![folder](shots/t.png)\n"))
        os.makedirs(os.path.join(r.path, "content/b/screens"))
        os.symlink(os.path.join(outside, "t.png"), os.path.join(r.path, "content/b/screens/s.png"))
        os.symlink(outside, os.path.join(r.path, "content/b/shots"))
        self.build(r)
        out = os.path.join(r.path, "public")
        self.assertEqual(sorted(f for f in files_under(out) if f.startswith("media/")),
                         ["media/growth/loyalty/screens/points.png"])
        page = read_page(out, "briefs/b.html")
        self.assertEqual(page.all("img"), [])
        findings = [li.text for li in page.all("li", within=page.one("section", cls="findings"))]
        self.assertEqual(len(findings), 2, findings)
        self.assertIn("image 'screens/s.png' points at content/b/screens/s.png", findings[0])
        self.assertIn("image 'shots/t.png'", findings[1])

    # -- 9. Where the site may go ------------------------------------------------------------

    def test_out_refuses_the_repository_content_and_folders_not_written_by_prfaq(self):
        r = self.site_repo()
        r.write("docs/guide.md", "# Our guide\n")
        before = snapshot(r.path)
        for out, message in ((".", "would replace the repository itself"),
                             ("./", "would replace the repository itself"),
                             ("..", "would replace the repository itself"),
                             ("content", "is inside content/, which prfaq reads"),
                             ("content/site", "is inside content/, which prfaq reads"),
                             ("site-theme", "is inside site-theme/, which prfaq reads"),
                             ("docs", "the folder is not empty and has no .prfaq-build file, so prfaq build did not "
                                      "write it; choose a new or empty output folder")):
            res = self.build(r, "--out", out, rc=2)
            self.assertEqual(res.stdout, "", out)
            self.assertTrue(res.stderr.startswith("prfaq: error: "), res.stderr)
            self.assertIn(message, res.stderr, out)
            self.assertEqual(res.stderr.count("\n"), 1, res.stderr)
            self.assertEqual(snapshot(r.path), before, out)
        self.assertFalse(os.path.exists(os.path.join(r.path, "content/site")))
        # An empty folder, and the folder a previous build wrote, are fine.
        os.makedirs(os.path.join(r.path, "empty"))
        self.summary(self.build(r, "--out", "empty"), with_errors=1)
        self.summary(self.build(r, "--out", "empty"), with_errors=1)
        self.assertIn("index.html", os.listdir(os.path.join(r.path, "empty")))

    def test_a_refused_out_outside_the_repository_leaves_no_lock_file_beside_it(self):
        r = self.site_repo()
        outside = tempfile.mkdtemp(prefix="prfaq-outside-")
        self.addCleanup(shutil.rmtree, outside, True)
        user = os.path.join(outside, "x", "userdir")
        os.makedirs(user)
        with open(os.path.join(user, "notes.txt"), "w") as f:
            f.write("mine\n")
        before = snapshot(outside)
        res = self.build(r, "--out", user, rc=2)
        self.assertEqual(res.stdout, "")
        self.assertEqual(res.stderr, f"prfaq: error: refusing to replace {user}: the folder is not empty and has no "
                                     ".prfaq-build file, so prfaq build did not write it; choose a new or empty "
                                     "output folder\n")
        self.assertEqual(sorted(os.listdir(os.path.join(outside, "x"))), ["userdir"])
        self.assertEqual(snapshot(outside), before)

    def test_build_from_a_subfolder_writes_the_site_at_the_repository_top(self):
        r = self.site_repo()
        before = snapshot(os.path.join(r.path, "content"))
        res = self.build(r, cwd=os.path.join(r.path, "content/payments"))
        self.assertEqual(self.summary(res, with_errors=1)[0], os.path.join(r.path, "public") + "/")
        self.assertEqual({f for f in files_under(os.path.join(r.path, "public")) if not f.startswith("assets/")},
                         SITE_FILES)
        self.assertEqual(snapshot(os.path.join(r.path, "content")), before)

    def test_out_refuses_a_file_and_a_symlink(self):
        r = self.site_repo()
        r.write("notes.txt", "mine\n")
        res = self.build(r, "--out", "notes.txt", rc=2)
        self.assertIn("it is a file, not a folder", res.stderr)
        self.assertEqual(r.read("notes.txt"), "mine\n")
        target = tempfile.mkdtemp(prefix="prfaq-target-")
        self.addCleanup(shutil.rmtree, target, True)
        os.symlink(target, os.path.join(r.path, "public"))
        res = self.build(r, rc=2)
        self.assertIn("it is a symbolic link", res.stderr)
        self.assertEqual(os.listdir(target), [])

    def test_bad_options_are_refused_with_exit_2(self):
        r = self.site_repo()
        for args, message in ((["--jobs", "-1"], "--jobs takes a positive number of threads, not '-1'"),
                              (["--jobs", "two"], "--jobs takes a positive number of threads, not 'two'"),
                              (["--jobs", "0"], "--jobs takes a positive number of threads, not '0'"),
                              (["--jobs", "4x"], "--jobs takes a positive number of threads, not '4x'"),
                              (["--base-url", "ftp://x.example/"], "--base-url takes an absolute address "
                                                                   "(https://host/path/ or /path/), not 'ftp://x.example/'"),
                              (["--base-url", "https:///"], "--base-url 'https:///' names no host: give the address "
                                                            "the site is published at (https://host/path/ or /path/)"),
                              (["--base-url", "http://:8080/pm/"], "--base-url 'http://:8080/pm/' names no host: give "
                                                                   "the address the site is published at "
                                                                   "(https://host/path/ or /path/)"),
                              (["--base-url", "https://x.example/pm?x=1"],
                               "--base-url 'https://x.example/pm?x=1' has a query or fragment (?, #): give the "
                               "address the site is published at (https://host/path/ or /path/)"),
                              (["--base-url", "/pm/#top"], "--base-url '/pm/#top' has a query or fragment (?, #): "
                                                           "give the address the site is published at "
                                                           "(https://host/path/ or /path/)"),
                              (["--base-url", "https://x.example/p m/"], "--base-url 'https://x.example/p m/' has a "
                                                                        "space or control character: write it "
                                                                        "percent-encoded (%20)"),
                              (["content/payments/refunds.md"], "prfaq build takes no paths; it builds every brief "
                                                                "(see --out, --rev)")):
            res = self.build(r, *args, rc=2)
            self.assertEqual((res.stdout, res.stderr), ("", f"prfaq: error: {message}\n"), args)
            self.assertFalse(os.path.exists(os.path.join(r.path, "public")), args)
        r.write("prfaq.toml", '[site]\nbase_url = "https:///briefs/"\n')
        res = self.build(r, rc=2)
        self.assertEqual(res.stderr, "prfaq: error: prfaq.toml:2:12: [site] base_url 'https:///briefs/' names no host: give "
                                     "the address the site is published at (https://host/path/ or /path/)\n")
        self.assertFalse(os.path.exists(os.path.join(r.path, "public")))
        # --base-url wins over prfaq.toml, and a good one builds.
        self.summary(self.build(r, "--base-url", "https://briefs.acme.example/", "--jobs", "1"), with_errors=1)

    def test_jobs_takes_a_positive_number_in_check_as_in_build(self):
        r = self.site_repo()
        for value in ("0", "-2", "3x"):
            res = r.run("check", "--jobs", value)
            self.assertEqual((res.returncode, res.stdout, res.stderr),
                             (2, "", f"prfaq: error: --jobs takes a positive number of threads, not '{value}'\n"))
        res = r.run("check", "--jobs", "1")
        self.assertEqual(res.returncode, 1, res.stderr)  # the fixture's draft has errors
        # list takes no --jobs at all.
        res = r.run("list", "--jobs", "0")
        self.assertEqual((res.returncode, res.stderr),
                         (2, "prfaq: error: prfaq list: unknown option '--jobs'; see 'prfaq list --help'\n"))

    # -- 10. Addresses ---------------------------------------------------------------------------

    def test_feed_entries_of_briefs_whose_slugs_collide_have_ids_of_their_own(self):
        r = self.git_repo({"content/payments/refunds.md": brief("Card Refunds"),
                           "content/growth/refunds.md": brief("Store Refunds"),
                           "content/ideas/dark-mode.md": brief("Dark Mode")})
        self.commit(r, "Add the briefs", "2026-03-01")
        self.build(r)
        ns = {"a": "http://www.w3.org/2005/Atom"}
        feed = ET.parse(os.path.join(r.path, "public", "feed.xml")).getroot()
        ids = {e.find("a:title", ns).text: e.find("a:id", ns).text for e in feed.findall("a:entry", ns)}
        # growth/ sorts first: its brief has briefs/refunds.html, the other briefs/refunds-2.html.
        self.assertEqual(ids, {"Store Refunds": "urn:prfaq:brief:refunds", "Card Refunds": "urn:prfaq:brief:refunds-2",
                               "Dark Mode": "urn:prfaq:brief:dark-mode"})

    def test_base_url_makes_feed_sitemap_and_canonical_links_absolute(self):
        base = "https://briefs.acme.example/prfaq/"
        r = self.site_repo(git=True)
        self.commit(r, "Add the briefs", "2026-03-01")
        self.build(r, "--base-url", base)
        out = os.path.join(r.path, "public")
        written = files_under(out)
        html_pages = sorted(f for f in written if f.endswith(".html"))
        # sitemap.xml: every page but 404.html, at its absolute address.
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "a": "http://www.w3.org/2005/Atom"}
        urls = ET.parse(os.path.join(out, "sitemap.xml")).getroot().findall("s:url", ns)
        self.assertEqual(sorted(u.find("s:loc", ns).text for u in urls),
                         sorted(base + p for p in html_pages if p != "404.html"))
        lastmod = {u.find("s:loc", ns).text: getattr(u.find("s:lastmod", ns), "text", None) for u in urls}
        self.assertEqual(lastmod[base + "briefs/refunds.html"], "2026-03-01")
        # feed.xml: absolute links to the site and to each brief.
        feed = ET.parse(os.path.join(out, "feed.xml")).getroot()
        self.assertEqual(feed.tag, "{http://www.w3.org/2005/Atom}feed")
        links = {l.get("rel"): l.get("href") for l in feed.findall("a:link", ns)}
        self.assertEqual(links, {"self": base + "feed.xml", None: base + "index.html"})
        entries = feed.findall("a:entry", ns)
        self.assertEqual(sorted(e.find("a:link", ns).get("href") for e in entries), sorted(base + p for p in BRIEF_PAGES))
        for e in entries:
            self.assertTrue(e.find("a:id", ns).text.startswith(base), e.find("a:id", ns).text)
            self.assertEqual(e.find("a:updated", ns).text, "2026-03-01T00:00:00Z")
        self.assertEqual(feed.find("a:updated", ns).text, "2026-03-01T00:00:00Z")
        # briefs.json: every brief with its metadata.
        with open(os.path.join(out, "briefs.json")) as f:
            data = json.load(f)
        self.assertEqual(data["site"], {"title": "Acme briefs", "base_url": base})
        got = sorted((b["slug"], b["url"], b["status"], b["readiness"], b["owner"], b["created"], b["updated"])
                     for b in data["briefs"])
        self.assertEqual(got, [
            ("dark-mode", base + "briefs/dark-mode.html", "idea", "idea", ["bo@acme.example"], "2026-03-01", "2026-03-01"),
            ("loyalty", base + "briefs/loyalty.html", "draft", "draft", ["ana@acme.example"], "2026-03-01", "2026-03-01"),
            ("refunds", base + "briefs/refunds.html", "review", "review", ["ana@acme.example"], "2026-03-01", "2026-03-01"),
            ("wallet-top-up", base + "briefs/wallet-top-up.html", "draft", "idea", ["ana@acme.example"], "2026-03-01",
             "2026-03-01")])
        # Each page names its address; the 404 page links from the site's root.
        for rel in html_pages:
            page = read_page(out, rel)
            canonical = page.all("link", rel="canonical")
            if rel == "404.html":
                continue
            self.assertEqual([c.attrs["href"] for c in canonical], [base + rel], rel)
        notfound = read_page(out, "404.html")
        hrefs = [a.attrs["href"] for a in notfound.all("a") if a.attrs.get("href", "#")[0] != "#"]
        self.assertTrue(hrefs)
        for href in hrefs:
            self.assertTrue(href.startswith("/prfaq/"), href)
        self.assertIn("/prfaq/index.html", hrefs)

    def test_without_base_url_pages_link_only_relatively(self):
        r = self.site_repo()
        self.build(r)
        out = os.path.join(r.path, "public")
        checked = 0
        for rel in sorted(f for f in files_under(out) if f.endswith(".html")):
            page = read_page(out, rel)
            self.assertEqual(page.all("link", rel="canonical"), [], rel)
            for e in page.elements:
                for name in ("href", "src", "action"):
                    url = e.attrs.get(name)
                    if url is None:
                        continue
                    checked += 1
                    if rel == "404.html":
                        self.assertTrue(url.startswith("/") or url.startswith("#"), f"{rel}: {url}")
                    else:
                        self.assertFalse(url.startswith("/"), f"{rel}: {name}={url}")
                        self.assertNotIn("://", url, f"{rel}: {name}={url}")
        self.assertGreater(checked, 300)
        self.assertIn('href="/index.html"', r.read("public/404.html"))
        feed = ET.parse(os.path.join(out, "feed.xml")).getroot()
        self.assertEqual(feed.find("{http://www.w3.org/2005/Atom}id").text, "urn:prfaq:feed")

    # -- 11. Theme overrides ---------------------------------------------------------------------

    def test_repository_theme_overrides_a_template_and_adds_an_asset(self):
        files = site_files()
        files["site-theme/templates/404.html"] = "<h1>Lost in the briefs</h1>\n<p>Try <a href=\"{{root}}index.html\">home</a>.</p>\n"
        files["site-theme/assets/extra.css"] = "body { color: #123456; }\n"
        r = self.site_repo(files=files)
        self.build(r)
        out = os.path.join(r.path, "public")
        notfound = read_page(out, "404.html")
        self.assertEqual(notfound.one("h1").text, "Lost in the briefs")
        self.assertNotIn("No brief lives at this address", notfound.source)
        self.assertEqual(notfound.one("link", rel="stylesheet").attrs["href"], "/assets/style.css")  # still in the layout
        with open(os.path.join(out, "assets/extra.css")) as f:
            self.assertEqual(f.read(), "body { color: #123456; }\n")
        # Everything else keeps the built-in theme.
        self.assertIn("Every PR/FAQ in the repository", read_page(out, "index.html").text)

    def test_symbolic_links_in_site_theme_are_not_used_and_the_build_says_so(self):
        outside = tempfile.mkdtemp(prefix="prfaq-outside-")
        self.addCleanup(shutil.rmtree, outside, True)
        with open(os.path.join(outside, "404.html"), "w") as f:
            f.write("<h1>From outside</h1>\n")
        r = self.site_repo(git=True)
        os.makedirs(os.path.join(r.path, "site-theme/templates"))
        os.symlink(os.path.join(outside, "404.html"), os.path.join(r.path, "site-theme/templates/404.html"))
        warning = "prfaq: warning: not used: {} is a symbolic link (prfaq follows none)\n"
        res = self.build(r)
        self.assertEqual(res.stderr, warning.format("site-theme/templates/404.html"))
        out = os.path.join(r.path, "public")
        self.assertEqual(read_page(out, "404.html").one("h1").text, "Page not found")
        # The same from a commit: Git stores the link, prfaq does not follow it.
        self.commit(r, "Add a linked template", "2026-03-01")
        res = self.build(r, "--rev", "HEAD")
        self.assertEqual(res.stderr, warning.format("site-theme/templates/404.html"))
        self.assertEqual(read_page(out, "404.html").one("h1").text, "Page not found")
        # A linked site-theme/ folder: nothing in it is used.
        shutil.rmtree(os.path.join(r.path, "site-theme"))
        os.symlink(outside, os.path.join(r.path, "site-theme"))
        res = self.build(r)
        self.assertEqual(res.stderr, warning.format("site-theme"))
        self.assertEqual(read_page(out, "404.html").one("h1").text, "Page not found")
        self.commit(r, "Link the whole theme", "2026-03-02")
        res = self.build(r, "--rev", "HEAD")
        self.assertEqual(res.stderr, warning.format("site-theme"))
        self.assertEqual(read_page(out, "404.html").one("h1").text, "Page not found")

    def test_broken_theme_template_stops_the_build_before_anything_is_written(self):
        r = self.site_repo()
        self.build(r)
        out = os.path.join(r.path, "public")
        site = snapshot(out)
        r.write("site-theme/templates/brief.html", "<article>{{#x}} never closed</article>\n")
        res = self.build(r, rc=2)
        self.assertEqual(res.stdout, "")
        self.assertEqual(res.stderr, 'prfaq: error: site-theme/templates/brief.html:1:10: Unclosed section "x"\n')
        self.assertEqual(snapshot(out), site)
        r.write("site-theme/templates/home.html", "<h1>Zoë {{site_title}}</h1>\n<ul>\n  {{#cards}}<li>{{{html}}}</li>\n</ul>\n")
        res = self.build(r, "--out", "fresh", rc=2)
        self.assertEqual(res.stderr, 'prfaq: error: site-theme/templates/brief.html:1:10: Unclosed section "x"\n')
        r.write("site-theme/templates/brief.html", "<article>{{title}}</article>\n")
        res = self.build(r, "--out", "fresh", rc=2)
        self.assertEqual(res.stderr, 'prfaq: error: site-theme/templates/home.html:3:3: Unclosed section "cards"\n')
        self.assertFalse(os.path.exists(os.path.join(r.path, "fresh")))
        self.assertEqual([f for f in os.listdir(r.path) if ".prfaq-tmp-" in f], [])

    def test_card_list_that_includes_itself_stops_the_build_instead_of_crashing(self):
        r = self.site_repo()
        self.build(r)
        out = os.path.join(r.path, "public")
        site = snapshot(out)
        r.write("site-theme/templates/card_list.html", "<ol>\n  <li>{{> card_list }}</li>\n</ol>\n")
        res = self.build(r, rc=2)
        self.assertEqual(res.stdout, "")
        self.assertEqual(res.stderr, "prfaq: error: site-theme/templates/card_list.html:2:7: "
                                     "card_list includes itself ({{> card_list}}), without end\n")
        self.assertEqual(snapshot(out), site)
        self.assertEqual([f for f in os.listdir(r.path) if ".prfaq-tmp-" in f], [])

    # -- 12. In the browser -------------------------------------------------------------------------

    def test_search_page_finds_a_brief_by_a_word_of_its_headline(self):
        r = self.site_repo()
        self.build(r)
        out = os.path.join(r.path, "public")
        for query, expected, first_title in (("loyalty", ["briefs/loyalty.html"], "Loyalty Points"),
                                ("shoppers", ["briefs/loyalty.html", "briefs/refunds.html", "briefs/wallet-top-up.html"],
                                 "Instant Refunds")):
            page = Page(dump_dom(self, file_url(os.path.join(out, "search.html"), "?q=" + query)))
            results = page.one("ol", id="search-results")
            items = page.all("li", within=results)
            found = sorted(site_path("search.html", page.one("a", within=li).attrs["href"])[0] for li in items)
            self.assertEqual(found, expected, query)
            for target in found:
                self.assertTrue(os.path.isfile(os.path.join(out, target)))
            n = len(expected)
            self.assertEqual(page.one("p", id="search-status").text,
                             f"{n} brief{' matches' if n == 1 else 's match'} \u201c{query}\u201d.")
            self.assertEqual(page.all("a", within=items[0])[0].text, first_title)

    def test_search_snippet_shows_the_match_in_text_whose_letters_fold_to_more(self):
        # NFD splits each Hangul syllable into two or three letters: the
        # snippet is cut where the match is in the text, not in its folded copy.
        filler = "가나다라마바사아자차카타파하 " * 12
        text = brief("Refunds") + "\n## Press release\n\n" + filler + "환불결제 오늘 시작합니다. " + filler + "\n"
        r = self.repo({"content/refunds.md": text})
        self.build(r)
        out = os.path.join(r.path, "public")
        page = Page(dump_dom(self, file_url(os.path.join(out, "search.html"), "?q=환불결제")))
        snippet = page.one("p", cls="snippet").text
        self.assertIn("환불결제 오늘 시작합니다.", snippet)
        self.assertTrue(snippet.startswith("…") and snippet.endswith("…"), snippet)

    def test_home_page_filters_by_status_from_the_address(self):
        r = self.site_repo()
        self.build(r)
        out = os.path.join(r.path, "public")
        # Without the script the form stays hidden and every card shows.
        static = read_page(out, "index.html")
        self.assertIn("hidden", static.one("form", id="filters").attrs)
        page = Page(dump_dom(self, file_url(os.path.join(out, "index.html"), "?status=review")))
        form = page.one("form", id="filters")
        self.assertNotIn("hidden", form.attrs)
        cards = page.all("li", cls="card")
        self.assertEqual(len(cards), 4)
        shown = [c.attrs["data-title"] for c in cards if "hidden" not in c.attrs]
        self.assertEqual(shown, ["Instant Refunds"])
        self.assertEqual({c.attrs["data-status"] for c in cards if "hidden" not in c.attrs}, {"review"})
        self.assertIn("1 of 4 briefs", page.one("output").text)

    def test_home_page_with_unknown_or_stale_choices_in_the_address_falls_back_to_the_defaults(self):
        r = self.site_repo()
        self.build(r)
        home = os.path.join(r.path, "public", "index.html")
        browser = Browser(self)
        self.addCleanup(browser.close)
        probe = ("(() => { const f = document.getElementById('filters').elements; return {status: f.status.value, "
                 "team: f.team.value, tag: f.tag.value, sort: f.sort.value, shown: f.shown.value, "
                 "address: location.search, cards: [...document.querySelectorAll('li.card')]"
                 ".filter(c => !c.hidden).map(c => c.dataset.title)}; })()")
        every = ["Dark Mode", "Instant Refunds", "Loyalty Points", "Wallet Top-up"]
        for query, expected in (
                ("?sort=bogus&status=shelved",
                 {"status": "shelved", "team": "", "tag": "", "sort": "updated", "shown": "0 of 4 briefs",
                  "address": "?status=shelved", "cards": []}),
                ("?status=bogus&team=Gone&tag=gone&sort=title",
                 {"status": "", "team": "", "tag": "", "sort": "title", "shown": "4 of 4 briefs",
                  "address": "?sort=title", "cards": every}),
                ("?sort=constructor&team=Payments&tag=",
                 {"status": "", "team": "Payments", "tag": "", "sort": "updated", "shown": "1 of 4 briefs",
                  "address": "?team=Payments", "cards": ["Instant Refunds"]}),
                ("?sort=__proto__&status=toString&tag=mobile",
                 {"status": "", "team": "", "tag": "mobile", "sort": "updated", "shown": "1 of 4 briefs",
                  "address": "?tag=mobile", "cards": ["Instant Refunds"]})):
            dialogs, problems, _ = browser.load(file_url(home, query), settle=0.3, probe=probe)
            self.assertEqual(browser.exceptions, [], query)
            self.assertEqual((dialogs, problems), ([], []), query)
            self.assertEqual(browser.probed, expected, query)
        # The detector sees an uncaught error when there is one.
        control = os.path.join(r.path, "control.html")
        with open(control, "w") as f:
            f.write("<!DOCTYPE html><p>x</p><script src=\"control.js\"></script>")
        with open(os.path.join(r.path, "control.js"), "w") as f:
            f.write("({})['bogus']();\n")
        browser.load(file_url(control), settle=0.3)
        self.assertEqual(len(browser.exceptions), 1, browser.exceptions)
        self.assertIn("TypeError", browser.exceptions[0])

    def test_printed_brief_puts_the_press_release_first_and_the_faq_after_a_page_break(self):
        r = self.site_repo()
        self.build(r)
        pdf = os.path.join(r.path, "refunds.pdf")
        print_pdf(self, file_url(os.path.join(r.path, "public/briefs/refunds.html")), pdf)
        pages = pdf_pages(self, pdf)
        first = pages[0]
        self.assertIn("Acme launches Instant Refunds for shoppers", first)
        self.assertIn("Acme launched it today.", first)
        self.assertIn("I got my money back in 10 seconds", first)
        self.assertNotIn("Is it free?", first)
        self.assertNotIn("Customer FAQ", first)
        # The FAQ opens a page of its own, after the press release's.
        faq_page = [i for i, text in enumerate(pages) if "Customer FAQ" in text]
        self.assertTrue(faq_page, pages)
        self.assertGreaterEqual(faq_page[0], 1)
        self.assertTrue(pages[faq_page[0]].startswith("Customer FAQ Is it free? It is free for 3 years."),
                        pages[faq_page[0]][:200])
        self.assertNotIn("Customer FAQ", " ".join(pages[:faq_page[0]]))
        whole = " ".join(pages)
        for chrome in ("Timeline", "Statuses", "Search briefs", "Skip to content", "Built by prfaq", "Contents"):
            self.assertNotIn(chrome, whole)
        self.assertIn("Sign-offs", whole)

    # -- 13. Concurrent builds --------------------------------------------------------------------------

    def test_builds_started_together_into_one_folder_leave_one_complete_site(self):
        r = self.site_repo()
        env = dict(os.environ, PRFAQ_TODAY="2026-11-29", NO_COLOR="1")
        out = os.path.join(r.path, "site")
        for round_ in range(3):
            procs = [subprocess.Popen([PRFAQ, "build", "--out", "site"], cwd=r.path, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL) for _ in range(4)]
            results = [(p.wait(timeout=60), p.stdout.read(), p.stderr.read()) for p in procs]
            for p in procs:
                p.stdout.close()
                p.stderr.close()
            for rc, stdout, stderr in results:
                self.assertEqual(rc, 0, stdout + stderr)
                self.assertTrue(stdout.startswith("prfaq: built 4 brief(s) into site/: "), stdout)
            written = files_under(out)
            self.assertEqual({f for f in written if not f.startswith("assets/")}, SITE_FILES, round_)
            with open(os.path.join(out, MANIFEST)) as f:
                listed = {line.split(" ", 1)[1] for line in f.read().splitlines()} - {""}
            listed = {p for p in listed if not p.startswith("#")}  # "#source <brief>": inputs, not outputs
            self.assertEqual(listed, written - {MANIFEST, MARKER_FILE})
            home = read_page(out, "index.html")
            self.assertEqual(len(home.all("li", cls="card")), 4)
            self.assertTrue(home.source.rstrip().endswith("</html>"))
            self.assertEqual([f for f in os.listdir(r.path) if ".prfaq-tmp-" in f], [])
        # The site is the one a build on its own writes, byte for byte.
        self.build(r, "--out", "solo")
        self.assertEqual(snapshot(out), snapshot(os.path.join(r.path, "solo")))

    def test_a_build_cleans_up_after_an_interrupted_one(self):
        r = self.site_repo()
        self.build(r)
        # What a killed build leaves: its staging folder beside the site.
        r.write(".public.prfaq-tmp-999999/index.html", "half a site")
        r.write(".public.prfaq-tmp-999998-old/index.html", "an old site")
        r.write(".public.prfaq-tmp-mine/keep.txt", "not prfaq's")
        self.build(r)
        self.assertEqual(sorted(f for f in os.listdir(r.path) if "prfaq-tmp" in f), [".public.prfaq-tmp-mine"])
        self.assertEqual(len(read_page(os.path.join(r.path, "public"), "index.html").all("li", cls="card")), 4)


if __name__ == "__main__":
    unittest.main()
