// Search and list filters for the Katalog Inovasi Daerah, on top of Pagefind's JS API.
// Loaded (deferred) on every page, it does nothing unless the page has #kt-hasil; the
// Pagefind bundle itself is fetched only when a reader searches or filters. Every value
// from the index is put into the page with textContent, never as HTML.
(function () {
  "use strict";
  var results = document.getElementById("kt-hasil");
  if (!results || !document.currentScript) return;
  var base = new URL("../../", document.currentScript.src);
  var PAGE = 12;

  // Two indexes. Without words (the "Semua inovasi" list, or filters alone) a search uses
  // pagefind-daftar/, which holds no page text: a search without words loads every word of
  // its index. With words, the parts listed in pagefind-cari/bagian.json: one for a small
  // catalogue; for a large one the newest innovations first, the next part added each
  // time the reader asks.
  var started = Object.create(null);
  var manifest = null;
  var parts = null;
  var loaded = 0;
  var refocus = false;

  function start(path) {
    if (!started[path]) {
      started[path] = import(new URL(path + "pagefind.js", base).href).then(function (pf) {
        return pf.options({ baseUrl: base.pathname }).then(function () {
          pf.init();
          return pf;
        });
      });
    }
    return started[path];
  }

  function load(withWords) {
    if (!withWords) return start("pagefind-daftar/");
    if (!manifest) {
      manifest = fetch(new URL("pagefind-cari/bagian.json", base).href)
        .then(function (response) {
          if (!response.ok) throw new Error("bagian.json " + response.status);
          return response.json();
        })
        .then(function (data) {
          parts = data.bagian;
          loaded = 1;
        });
    }
    return manifest.then(function () { return start(parts[0].path); });
  }

  function widen() {
    return load(true).then(function (pf) {
      var part = parts[loaded];
      return pf.mergeIndex(new URL(part.path, base).href, { baseUrl: base.pathname }).then(
        function () { loaded += 1; }
      );
    });
  }

  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function years(list) {
    var from = null, to = null;
    list.forEach(function (part) {
      if (part.dari !== null && (from === null || part.dari < from)) from = part.dari;
      if (part.sampai !== null && (to === null || part.sampai > to)) to = part.sampai;
    });
    if (from === null) return "";
    return " (bertanggal " + (from === to ? from : from + "–" + to) + ")";
  }

  function total(list) {
    return list.reduce(function (sum, part) { return sum + part.inovasi; }, 0);
  }

  // Where a search of a large catalogue has looked so far, and the button to look further.
  function scope(update) {
    if (!parts || loaded >= parts.length) return null;
    var box = el("p", "kt-hasil__cakupan");
    var done = parts.slice(0, loaded);
    box.appendChild(document.createTextNode(
      "Pencarian ini mencakup " + number(total(done)) + " inovasi terbaru" + years(done) +
      " dari " + number(total(parts)) + " inovasi, serta halaman perangkat daerah. "
    ));
    var next = parts[loaded];
    var button = el("button", "md-button kt-hasil__perluas",
      "Cari juga di " + number(next.inovasi) + " inovasi berikutnya" + years([next]));
    button.type = "button";
    button.addEventListener("click", function () {
      button.disabled = true;
      button.textContent = "Memuat…";
      widen().then(
        function () {
          refocus = true; // the button is replaced: keyboard focus goes to the new count
          update(0);
        },
        function () {
          button.disabled = false;
          button.textContent = "Gagal memuat. Coba lagi";
        }
      );
    });
    box.appendChild(button);
    return box;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function card(data) {
    var meta = data.meta || {};
    var article = el("article", "kt-kartu");
    if (meta.sampul) {
      var cover = el("a", "kt-kartu__sampul");
      cover.href = data.url;
      cover.tabIndex = -1;
      cover.setAttribute("aria-hidden", "true");
      var img = el("img");
      img.loading = "lazy"; // before src, or the browser starts fetching at once
      img.alt = "";
      img.src = new URL(meta.sampul, base).href;
      img.width = 400;
      img.height = 210;
      cover.appendChild(img);
      article.appendChild(cover);
    }
    var body = el("div", "kt-kartu__isi");
    var title = el("h3", "kt-kartu__judul");
    var link = el("a", "", meta.title || data.url);
    link.href = data.url;
    title.appendChild(link);
    body.appendChild(title);
    if (meta.opd) body.appendChild(el("p", "kt-kartu__opd", meta.opd));
    if (meta.tahapan) {
      var badges = el("p", "kt-kartu__badges");
      badges.appendChild(el("span", "kt-badge kt-badge--tahapan", meta.tahapan));
      body.appendChild(badges);
    }
    var summary = meta.ringkasan || (data.excerpt || "").replace(/<[^>]*>/g, "");
    body.appendChild(el("p", "kt-kartu__ringkasan", summary));
    article.appendChild(body);
    return article;
  }

  function formState(form) {
    var query = "";
    var filters = Object.create(null);
    var sort = null;
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || !field.value) return;
      if (field.name === "q") query = field.value.trim();
      else if (field.name === "urut") {
        var parts = field.value.split(":");
        sort = {};
        sort[parts[0]] = parts[1];
      } else filters[field.name] = field.value;
    });
    return { query: query, filters: filters, sort: sort };
  }

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function showCounts(form, counts) {
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
      var known = own(counts, select.name) ? counts[select.name] : null;
      if (!known) return;
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        if (!option.dataset.label) option.dataset.label = option.textContent;
        var n = own(known, option.dataset.label) ? Number(known[option.dataset.label]) || 0 : 0;
        option.textContent = option.dataset.label + " (" + n + ")";
      });
    });
  }

  var run = 0;
  function render(form, state, listMode, update) {
    var mine = ++run;
    var statik = document.querySelector(".kt-daftar-statis");
    var active = state.query || Object.keys(state.filters).length || state.sort;
    if (listMode && !active) {
      results.replaceChildren();
      if (statik) statik.hidden = false;
      return;
    }
    if (!state.query && !Object.keys(state.filters).length && !listMode) {
      results.replaceChildren();
      return;
    }
    results.replaceChildren(el("p", "kt-hasil__status", "Mencari…"));
    load(Boolean(state.query))
      .then(function (pf) {
        // An unset filter as {any: []} restricts nothing but makes Pagefind count its values.
        // Counting loads every filter file, so a search counts only while its filter panel is
        // open (on a large catalogue the filter files outweigh the rest of the search).
        var filters = listMode ? { halaman: "Inovasi" } : {};
        var panel = form.querySelector("details");
        if (listMode || (panel && panel.open)) {
          Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
            if (select.name !== "urut") filters[select.name] = { any: [] };
          });
        }
        Object.assign(filters, state.filters);
        var options = { filters: filters };
        if (state.sort) options.sort = state.sort;
        else if (!state.query) options.sort = { nama: "asc" };
        return pf.search(state.query || null, options);
      })
      .then(function (search) {
        if (mine !== run) return;
        if (statik && listMode) statik.hidden = true;
        if (search.filters) showCounts(form, search.filters);
        var status = el("p", "kt-hasil__status");
        var words = state.query ? " untuk “" + state.query + "”" : "";
        status.textContent = number(search.results.length) + " hasil ditemukan" + words + ".";
        var list = el("div", "kt-kartu-daftar");
        var further = state.query ? scope(update) : null;
        results.replaceChildren.apply(results, further ? [status, further, list] : [status, list]);
        if (refocus) {
          refocus = false;
          status.tabIndex = -1;
          status.focus();
        }
        var shown = 0;
        function more() {
          var next = search.results.slice(shown, shown + PAGE);
          shown += next.length;
          return Promise.all(next.map(function (r) { return r.data(); })).then(function (all) {
            if (mine !== run) return;
            all.forEach(function (data) { list.appendChild(card(data)); });
            var button = results.querySelector(".kt-hasil__lagi");
            if (button) button.remove();
            if (shown < search.results.length) {
              button = el("button", "md-button kt-hasil__lagi", "Tampilkan lebih banyak");
              button.type = "button";
              button.addEventListener("click", more);
              results.appendChild(button);
            }
          });
        }
        return more();
      })
      .catch(function () {
        if (mine !== run) return;
        if (statik) statik.hidden = false;
        results.replaceChildren(
          el("p", "kt-hasil__status", "Indeks pencarian tidak tersedia di salinan situs ini " +
            "(indeks dibuat oleh 'sepeda build'). Gunakan Jelajahi atau Semua inovasi.")
        );
      });
  }

  function wire(form, listMode) {
    var timer = null;
    function update(delay) {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var state = formState(form);
        if (!listMode) {
          var params = new URLSearchParams();
          if (state.query) params.set("q", state.query);
          Object.keys(state.filters).forEach(function (k) { params.set(k, state.filters[k]); });
          var search = params.toString();
          history.replaceState(null, "", search ? "?" + search : location.pathname);
        }
        render(form, state, listMode, update);
      }, delay);
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); update(0); });
    form.addEventListener("input", function () { update(300); });
    form.addEventListener("change", function () { update(0); });
    form.addEventListener("reset", function () { setTimeout(function () { update(0); }, 0); });
    var panel = form.querySelector("details");
    if (panel) panel.addEventListener("toggle", function () { if (panel.open) update(0); });
    return update;
  }

  var searchForm = document.getElementById("kt-cari");
  if (searchForm) {
    // Only the form's own named fields: a parameter such as __proto__, length or
    // constructor names a property of the form's element collection, not a field.
    var fields = new Map();
    Array.prototype.forEach.call(searchForm.elements, function (field) {
      if (field.name && !fields.has(field.name)) fields.set(field.name, field);
    });
    var params = new URLSearchParams(location.search);
    params.forEach(function (value, key) {
      var field = fields.get(key);
      if (!field) return;
      field.value = value;
      var box = field.closest("details");
      if (box && key !== "q") box.open = true;
    });
    wire(searchForm, false)(0);
  }
  var listForm = document.getElementById("kt-saring");
  if (listForm) {
    listForm.hidden = false;
    wire(listForm, true);
  }
})();
