// Search over every brief's title, headline and text, in the browser. The
// index is search-index.js, written by `prfaq build`: it sets
// window.PRFAQ_SEARCH = {briefs: [{t: title, h: headline, s: status,
// m: team, u: url, x: text}, ...]}. Loaded as a script file (not fetched) so
// the search also works from file:// and offline. Results are built with DOM
// calls and textContent only: no brief text is ever parsed as HTML.
(function () {
  "use strict";
  var data = window.PRFAQ_SEARCH;
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var input = document.getElementById("site-search");
  if (!data || !results || !status) return;
  var root = document.documentElement.getAttribute("data-root") || "";
  var briefs = data.briefs.map(function (b) {
    return { b: b, title: fold(b.t), head: fold(b.h), text: fold(b.x) };
  });
  function fold(s) {
    return (s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(q) { return fold(q).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; }); }
  function score(e, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (e.title.indexOf(t) >= 0) s += 10;
      if (e.head.indexOf(t) >= 0) s += 5;
      if (e.text.indexOf(t) >= 0) s += 1;
      if (s === 0) return 0;  // every word must match somewhere
      total += s;
    }
    return total;
  }
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text;
    return n;
  }
  function snippet(text, terms) {
    // fold() changes lengths (NFD splits a Hangul syllable into two or three
    // letters, "İ" lower-cases to two): where each folded character came from.
    var chars = Array.from(text), lower = "", from = [];
    chars.forEach(function (c, k) {
      var f = fold(c);
      lower += f;
      for (var j = 0; j < f.length; j++) from.push(k);
    });
    var at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) at = lower.indexOf(terms[i]);
    if (at < 0) return "";
    var start = Math.max(0, from[at] - 60);
    return (start > 0 ? "…" : "") + chars.slice(start, start + 180).join("") + (start + 180 < chars.length ? "…" : "");
  }
  function run(q) {
    var terms = words(q);
    while (results.firstChild) results.removeChild(results.firstChild);
    if (!terms.length) { status.textContent = "Type words to find briefs by title, headline and text."; return; }
    var hits = [];
    briefs.forEach(function (e) { var s = score(e, terms); if (s) hits.push({ e: e, s: s }); });
    hits.sort(function (a, b) { return b.s - a.s || a.e.b.t.localeCompare(b.e.b.t); });
    status.textContent = hits.length + (hits.length === 1 ? " brief matches " : " briefs match ") + "\u201c" + q + "\u201d.";
    hits.slice(0, 100).forEach(function (h) {
      var b = h.e.b, li = el("li", "card"), h2 = el("h2"), a = el("a", null, b.t);
      a.href = root + b.u;
      h2.appendChild(a);
      li.appendChild(h2);
      if (b.h) li.appendChild(el("p", "headline", b.h));
      var meta = el("p", "meta");
      meta.appendChild(el("span", "status status-" + b.s, b.s));
      if (b.m) meta.appendChild(document.createTextNode(" · " + b.m));
      li.appendChild(meta);
      var snip = snippet(b.x || "", terms);
      if (snip) li.appendChild(el("p", "snippet", snip));
      results.appendChild(li);
    });
  }
  var q = new URLSearchParams(window.location.search).get("q") || "";
  if (input) {
    input.value = q;
    input.addEventListener("input", function () { run(input.value); });
  }
  run(q);
})();
