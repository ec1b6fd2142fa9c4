// Home page filters and sort. The page works without this script (the
// listings by status, team and tag are plain pages); with it, the form
// above the cards filters them in place. No brief text is run as code: the
// script only reads data-* attributes the build wrote.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var list = document.getElementById("cards");
  if (!form || !list) return;
  form.hidden = false;
  var cards = Array.prototype.slice.call(list.children);
  var params = new URLSearchParams(window.location.search);
  // Only a value the form offers: an unknown or stale one in the address
  // (a team since renamed, a mistyped sort) leaves that choice at its default.
  function offers(control, v) {
    for (var i = 0; i < control.length; i++) if (control[i].value === v) return true;  // a <select>'s options, or radio buttons
    return false;
  }
  ["status", "team", "tag", "sort"].forEach(function (name) {
    var v = params.get(name), control = form.elements[name];
    if (v !== null && control && offers(control, v)) control.value = v;
  });
  var compare = {
    updated: function (a, b) { return (b.dataset.updated || "").localeCompare(a.dataset.updated || ""); },
    created: function (a, b) { return (b.dataset.created || "").localeCompare(a.dataset.created || ""); },
    title: function (a, b) { return a.dataset.title.localeCompare(b.dataset.title); },
    status: function (a, b) { return Number(a.dataset.rank) - Number(b.dataset.rank); }
  };
  function apply() {
    var status = form.elements.status.value, team = form.elements.team.value, tag = form.elements.tag.value;
    var sort = compare.hasOwnProperty(form.elements.sort.value) ? form.elements.sort.value : "updated";
    var shown = 0;
    var sorted = cards.slice().sort(function (a, b) {
      return compare[sort](a, b) || a.dataset.title.localeCompare(b.dataset.title);
    });
    sorted.forEach(function (card) {
      var tags = card.dataset.tags ? card.dataset.tags.split("\n") : [];
      var ok = (!status || card.dataset.status === status) && (!team || card.dataset.team === team) &&
               (!tag || tags.indexOf(tag) >= 0);
      card.hidden = !ok;
      if (ok) shown++;
      list.appendChild(card);
    });
    form.elements.shown.value = shown + " of " + cards.length + " briefs";
    var q = new URLSearchParams();
    ["status", "team", "tag"].forEach(function (n) { if (form.elements[n].value) q.set(n, form.elements[n].value); });
    if (sort !== "updated") q.set("sort", sort);
    var s = q.toString();
    if (window.history && window.history.replaceState) window.history.replaceState(null, "", s ? "?" + s : window.location.pathname);
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
