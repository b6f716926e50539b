"use strict";
(function () {
  // Search, filters and paging of the calls; copy buttons for Wireshark filters.
  var calls = Array.prototype.slice.call(document.querySelectorAll("details.call"));
  var search = document.getElementById("call-search");
  var state = document.getElementById("call-state");
  var finding = document.getElementById("call-finding");
  var size = document.getElementById("page-size");
  var info = document.getElementById("page-info");
  var count = document.getElementById("call-count");
  var prev = document.getElementById("page-prev");
  var next = document.getElementById("page-next");
  var page = 0;

  function matches(c) {
    var q = search ? search.value.trim().toLowerCase() : "";
    if (q && (c.getAttribute("data-text") || "").indexOf(q) < 0) return false;
    if (state && state.value && c.getAttribute("data-state") !== state.value) return false;
    var f = finding ? finding.value : "";
    var ids = (c.getAttribute("data-findings") || "").split(" ").filter(Boolean);
    if (f === "*" && ids.length === 0) return false;
    if (f === "-" && ids.length > 0) return false;
    if (f && f !== "*" && f !== "-" && ids.indexOf(f) < 0) return false;
    return true;
  }

  function fill(el, a, b, c) {
    if (el) el.textContent = el.getAttribute("data-template").replace("{0}", a).replace("{1}", b).replace("{2}", c);
  }

  function show() {
    var per = size ? parseInt(size.value, 10) : 25;
    var hits = calls.filter(matches);
    var pages = Math.max(1, Math.ceil(hits.length / per));
    page = Math.min(page, pages - 1);
    calls.forEach(function (c) { c.hidden = true; });
    hits.slice(page * per, page * per + per).forEach(function (c) { c.hidden = false; });
    fill(count, hits.length, calls.length, "");
    fill(info, page + 1, pages, "");
    if (prev) prev.disabled = page === 0;
    if (next) next.disabled = page >= pages - 1;
  }

  [search, state, finding, size].forEach(function (el) {
    if (el) el.addEventListener("input", function () { page = 0; show(); });
  });
  if (prev) prev.addEventListener("click", function () { page--; show(); });
  if (next) next.addEventListener("click", function () { page++; show(); });

  // a link to a call or a message opens the call, wherever its page is
  function reveal() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    var call = target && target.closest ? target.closest("details.call") : null;
    if (!call) return;
    if (call.hidden) {
      if (search) search.value = "";
      if (state) state.value = "";
      if (finding) finding.value = "";
      var per = size ? parseInt(size.value, 10) : 25;
      page = Math.floor(calls.indexOf(call) / per);
      show();
    }
    call.open = true;
    var msg = target.closest("tr");
    if (msg) {
      var d = msg.querySelector("details.msg");
      if (d) d.open = true;
    }
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);

  function copied(button) {
    button.classList.add("copied");
    setTimeout(function () { button.classList.remove("copied"); }, 1200);
  }

  // the selection fallback works where the clipboard API is missing or refused (some browsers
  // refuse it for pages opened from a file)
  function fallback(button, text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
    document.body.removeChild(area);
    if (ok) copied(button);
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("button.copy") : null;
    if (!button) return;
    var text = button.getAttribute("data-copy");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(button); }, function () { fallback(button, text); });
    } else {
      fallback(button, text);
    }
  });

  show();
  reveal();
})();
