// Wide tables: a table wider than the screen scrolls inside its box, and a box that scrolls
// must be reachable by keyboard and named for screen readers. Material wraps tables in
// .md-typeset__scrollwrap; each one that really scrolls gets a tab stop and a label taken
// from the heading above it. The printed page says when it was printed.
(function () {
  "use strict";
  function label(box) {
    var node = box;
    while (node && node !== document.body) {
      var previous = node.previousElementSibling;
      while (previous) {
        if (/^H[1-6]$/.test(previous.tagName)) return "Tabel: " + previous.textContent.replace("¶", "").trim();
        previous = previous.previousElementSibling;
      }
      node = node.parentElement;
    }
    return "Tabel (dapat digulir)";
  }
  function mark() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap, .kt-tabel-gulir");
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
        if (!box.hasAttribute("role")) box.setAttribute("role", "region");
        if (!box.hasAttribute("aria-label")) box.setAttribute("aria-label", label(box));
      }
    });
  }
  // Material wraps the tables after its own scripts start; mark them whenever it does.
  var pending = false;
  function soon() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; mark(); });
  }
  new MutationObserver(soon).observe(document.documentElement, { childList: true, subtree: true });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", soon);
  else soon();
  window.addEventListener("resize", soon);
  window.addEventListener("beforeprint", function () {
    var day = document.querySelector(".kt-cetak__tanggal");
    if (day) day.textContent = " pada " + new Date().toLocaleDateString("id-ID", { day: "numeric", month: "long", year: "numeric" });
  });
})();
