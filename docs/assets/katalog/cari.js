// Search and list filters for the Katalog Inovasi Daerah, on top of Pagefind's JS API.
// Loaded (deferred) on every page, it does nothing unless the page has #kt-hasil; the
// Pagefind bundle itself is fetched only when a reader searches or filters. Every value
// from the index is put into the page with textContent, never as HTML. The form's state
// is the address (?q=...&urusan=...): shareable, and the back button restores it.
(function () {
  "use strict";
  var results = document.getElementById("kt-hasil");
  if (!results || !document.currentScript) return;
  var base = new URL("../../", document.currentScript.src);
  var PAGE = 12;
  var FEW = 5; // fewer results than this: look for the words the reader may have meant

  // Two indexes. Without words (the "Semua inovasi" list, or filters alone) a search uses
  // pagefind-daftar/, which holds no page text: a search without words loads every word of
  // its index. With words, the parts listed in pagefind-cari/bagian.json: one for a small
  // catalogue; for a large one the newest innovations first, the next part added each
  // time the reader asks. One engine a page: Pagefind's script is imported once and each
  // index is an instance of it (createInstance); the list's index names the search
  // index's WebAssembly file (written so by the build), so the engine is fetched once.
  var engine = null;
  var started = new Map();
  var manifest = null;
  var parts = null;
  var loaded = 0;
  var refocus = false;

  function start(path) {
    if (!engine) engine = import(new URL(path + "pagefind.js", base).href);
    if (!started.has(path)) {
      started.set(path, engine.then(function (pf) {
        var one = pf.createInstance({
          basePath: new URL(path, base).pathname,
          baseUrl: base.pathname
        });
        return one.init().then(function () { return one; });
      }));
    }
    return started.get(path);
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
    var sortValue = "";
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || !field.value) return;
      if (field.name === "q") query = field.value.trim();
      else if (field.name === "urut") {
        var pair = field.value.split(":");
        sort = {};
        sort[pair[0]] = pair[1];
        sortValue = field.value;
      } else filters[field.name] = field.value;
    });
    return { query: query, filters: filters, sort: sort, sortValue: sortValue };
  }

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  // Each option reads "<label> (<count>)", the count looked up by the option's value.
  function showCounts(form, counts) {
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
      var known = own(counts, select.name) ? counts[select.name] : null;
      if (!known) return;
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        if (!option.dataset.label) option.dataset.label = option.textContent;
        var n = own(known, option.value) ? Number(known[option.value]) || 0 : 0;
        option.textContent = option.dataset.label + " (" + n + ")";
      });
    });
  }

  // ---- the words a reader may have meant ------------------------------------------------
  // pagefind-cari/kata.json lists the indexed pages' words with the number of pages holding
  // each; loaded only when a search finds few results. A query word that is neither one of
  // them nor the start of one (Pagefind matches the start of words) gets the nearest ones.
  var wordList = null;
  function indexedWords() {
    if (!wordList) {
      wordList = fetch(new URL("pagefind-cari/kata.json", base).href)
        .then(function (response) { return response.ok ? response.json() : { kata: [] }; })
        .then(function (data) {
          var found = new Map();
          (Array.isArray(data && data.kata) ? data.kata : []).forEach(function (entry) {
            if (Array.isArray(entry) && typeof entry[0] === "string") {
              found.set(entry[0], Number(entry[1]) || 0);
            }
          });
          return found;
        })
        .catch(function () { return new Map(); });
    }
    return wordList;
  }

  // Edit distance (insertions, deletions, substitutions, swaps of neighbours); above
  // ``most`` it stops early and answers most + 1.
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var before = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var value = Math.min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
        );
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        current[j] = value;
        if (value < best) best = value;
      }
      if (best > most) return most + 1;
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  function queryWords(query) {
    return query.toLocaleLowerCase("id").split(/[^\p{L}]+/u).filter(function (w) {
      return w.length >= 3;
    });
  }

  function isKnown(word, list) {
    if (list.has(word)) return true;
    var found = false;
    list.forEach(function (_, known) { if (!found && known.startsWith(word)) found = true; });
    return found;
  }

  function nearest(word, list) {
    var most = word.length <= 4 ? 1 : word.length <= 7 ? 2 : 3;
    var found = [];
    list.forEach(function (count, known) {
      var d = distance(word, known, most);
      if (d <= most) found.push({ word: known, d: d, count: count });
    });
    found.sort(function (x, y) {
      return x.d - y.d || y.count - x.count || (x.word < y.word ? -1 : x.word > y.word ? 1 : 0);
    });
    return found.slice(0, 3).map(function (f) { return f.word; });
  }

  // "Mungkin maksud Anda: kesehatan"; each suggestion is the query with the word replaced.
  function suggestions(state, list, go) {
    var lower = state.query.toLocaleLowerCase("id");
    var offered = [];
    queryWords(state.query).forEach(function (word) {
      if (isKnown(word, list)) return;
      nearest(word, list).forEach(function (better) {
        var query = lower.split(word).join(better);
        if (offered.indexOf(query) < 0) offered.push(query);
      });
    });
    if (!offered.length) return null;
    var box = el("p", "kt-hasil__saran", "Mungkin maksud Anda: ");
    offered.slice(0, 5).forEach(function (query, n) {
      if (n) box.appendChild(document.createTextNode(", "));
      box.appendChild(go(query, query));
    });
    box.appendChild(document.createTextNode("?"));
    return box;
  }

  // No result: each word alone (Pagefind wants every word on one page), and the lists.
  function emptyHelp(state, go) {
    var nodes = [];
    var alone = state.query.split(/\s+/).filter(Boolean);
    if (alone.length > 1) {
      var box = el("p", "kt-hasil__saran",
        "Tidak ada halaman yang memuat semua kata itu. Cari satu kata saja: ");
      alone.forEach(function (word, n) {
        if (n) box.appendChild(document.createTextNode(", "));
        box.appendChild(go(word, word));
      });
      box.appendChild(document.createTextNode("."));
      nodes.push(box);
    }
    var browse = el("p", "kt-hasil__saran", "Atau telusuri inovasi menurut daftar: ");
    var byFacet = el("a", "", "Jelajahi menurut urusan, tahapan, jenis, bentuk, TPB dan tahun");
    byFacet.href = new URL("jelajah/", base).href;
    var all = el("a", "", "Semua inovasi");
    all.href = new URL("inovasi/", base).href;
    var agencies = el("a", "", "Perangkat daerah");
    agencies.href = new URL("opd/", base).href;
    browse.appendChild(byFacet);
    browse.appendChild(document.createTextNode(", "));
    browse.appendChild(all);
    browse.appendChild(document.createTextNode(" atau "));
    browse.appendChild(agencies);
    browse.appendChild(document.createTextNode("."));
    nodes.push(browse);
    return nodes;
  }

  // ---- searching ---------------------------------------------------------------------------

  var run = 0;
  function render(form, state, listMode, update, go) {
    var mine = ++run;
    var statik = document.querySelector(".kt-daftar-statis");
    var active = state.query || Object.keys(state.filters).length || state.sort;
    if (listMode && !active) {
      results.replaceChildren();
      if (statik) statik.hidden = false;
      showCounts(form, Object.create(null));
      return;
    }
    if (!state.query && !Object.keys(state.filters).length && !listMode) {
      results.replaceChildren();
      return;
    }
    results.replaceChildren(el("p", "kt-hasil__status", "Mencari…"));
    var counts = Object.create(null);
    load(Boolean(state.query))
      .then(function (pf) {
        // An unset filter as {any: []} restricts nothing but makes Pagefind count its values.
        // Counting loads every filter file, so a search counts only while its filter panel is
        // open (on a large catalogue the filter files outweigh the rest of the search).
        // Counts are a shop's: a field's values are counted as if that field were not
        // filtered (with 2025 picked, 2023 still shows its innovations), one more search for
        // each filtered field, on chunks already loaded.
        var panel = form.querySelector("details");
        var counting = listMode || (panel && panel.open);
        var names = [];
        Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
          if (select.name !== "urut") names.push(select.name);
        });
        function filtersWithout(skip) {
          var filters = listMode ? { halaman: "Inovasi" } : {};
          if (counting) names.forEach(function (name) { filters[name] = { any: [] }; });
          Object.keys(state.filters).forEach(function (name) {
            if (name !== skip) filters[name] = state.filters[name];
          });
          return filters;
        }
        var options = { filters: filtersWithout(null) };
        if (state.sort) options.sort = state.sort;
        else if (!state.query) options.sort = { nama: "asc" };
        var term = state.query || null;
        var siblings = counting ? Object.keys(state.filters) : [];
        return Promise.all(
          [pf.search(term, options)].concat(siblings.map(function (name) {
            return pf.search(term, { filters: filtersWithout(name) });
          }))
        ).then(function (all) {
          if (counting && all[0].filters) Object.assign(counts, all[0].filters);
          siblings.forEach(function (name, n) {
            var other = all[n + 1].filters;
            if (other && own(other, name)) counts[name] = other[name];
          });
          return all[0];
        });
      })
      .then(function (search) {
        if (mine !== run) return;
        if (statik && listMode) statik.hidden = true;
        showCounts(form, counts);
        var status = el("p", "kt-hasil__status");
        var words = state.query ? " untuk “" + state.query + "”" : "";
        status.textContent = number(search.results.length) + " hasil ditemukan" + words + ".";
        var list = el("div", "kt-kartu-daftar");
        var further = state.query ? scope(update) : null;
        var help = el("div", "kt-hasil__bantuan");
        results.replaceChildren.apply(
          results, further ? [status, help, further, list] : [status, help, list]
        );
        if (refocus) {
          refocus = false;
          status.tabIndex = -1;
          status.focus();
        }
        if (state.query && search.results.length < FEW) {
          indexedWords().then(function (known) {
            if (mine !== run) return;
            var offer = suggestions(state, known, go);
            if (offer) help.appendChild(offer);
            if (!search.results.length) {
              emptyHelp(state, go).forEach(function (node) { help.appendChild(node); });
            }
          });
        } else if (!search.results.length) {
          emptyHelp(state, go).forEach(function (node) { help.appendChild(node); });
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

  // ---- the address holds the form ---------------------------------------------------------

  // Only the form's own named fields: a parameter such as __proto__, length or
  // constructor names a property of the form's element collection, not a field.
  function namedFields(form) {
    var fields = new Map();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && !fields.has(field.name)) fields.set(field.name, field);
    });
    return fields;
  }

  // The words a reader sees for a field: the text its <label> starts with, else its name.
  function labelOf(field) {
    var label = field.closest("label");
    var first = label ? label.firstChild : null;
    var words = first && first.nodeType === Node.TEXT_NODE ? first.textContent.trim() : "";
    return words || field.name;
  }

  // Fills the form from the address; returns the filters the address asks for that no
  // longer exist (a renamed agency, a value no innovation has now), which are not applied.
  function fromAddress(form, fields) {
    var params = new URLSearchParams(location.search);
    var opened = false;
    var unknown = [];
    fields.forEach(function (field, name) {
      var value = params.has(name) ? params.get(name) : "";
      field.value = value;
      if (field.tagName === "SELECT" && field.value !== value) {
        field.value = "";
        if (value) unknown.push(labelOf(field) + " “" + value + "”");
      }
      if (field.value && (name !== "q" || field.closest("details"))) opened = true;
    });
    var box = form.querySelector("details");
    if (box && opened) box.open = true;
    return unknown;
  }

  // Says which filters of a shared address were left out, until the reader changes the form.
  function showUnknown(notice, unknown) {
    notice.hidden = !unknown.length;
    notice.textContent = unknown.length
      ? "Saringan dari tautan ini tidak ada lagi di katalog dan tidak dipakai: " +
        unknown.join(", ") + ". Hasil di bawah tanpa saringan itu."
      : "";
  }

  function toAddress(state) {
    var params = new URLSearchParams();
    if (state.query) params.set("q", state.query);
    Object.keys(state.filters).forEach(function (k) { params.set(k, state.filters[k]); });
    if (state.sortValue) params.set("urut", state.sortValue);
    var search = params.toString();
    return search ? "?" + search : location.pathname;
  }

  function wire(form, listMode) {
    var fields = namedFields(form);
    var notice = el("p", "kt-hasil__status kt-saringan-usang");
    notice.setAttribute("role", "status");
    notice.hidden = true;
    form.after(notice);
    var timer = null;
    var push = false;
    var typing = false;
    // A new entry in the history for each choice (a filter, a sort, a submitted query);
    // typing replaces the entry its first keystroke made.
    function update(delay, newEntry) {
      push = push || Boolean(newEntry);
      clearTimeout(timer);
      timer = setTimeout(function () {
        var state = formState(form);
        var address = toAddress(state);
        if (address !== location.search && !(address === location.pathname && !location.search)) {
          if (push) history.pushState(null, "", address);
          else history.replaceState(null, "", address);
        }
        push = false;
        render(form, state, listMode, update, go);
      }, delay);
    }
    // A suggestion: a link to its own address, followed here without reloading the page.
    function go(query, label) {
      var link = el("a", "", label);
      var state = formState(form);
      state.query = query;
      link.href = toAddress(state);
      link.addEventListener("click", function (event) {
        var field = fields.get("q");
        if (!field || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        field.value = query;
        typing = false;
        update(0, true);
        field.focus();
      });
      return link;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      typing = false;
      update(0, true);
    });
    form.addEventListener("input", function (event) {
      if (event.target.tagName === "SELECT") return; // its change event follows
      update(300, !typing);
      typing = true;
    });
    form.addEventListener("change", function () {
      typing = false;
      showUnknown(notice, []);
      update(0, true);
    });
    form.addEventListener("reset", function () {
      typing = false;
      showUnknown(notice, []);
      setTimeout(function () { update(0, true); }, 0);
    });
    var panel = form.querySelector("details");
    if (panel) panel.addEventListener("toggle", function () { if (panel.open) update(0); });
    window.addEventListener("popstate", function () {
      showUnknown(notice, fromAddress(form, fields));
      clearTimeout(timer);
      push = false;
      typing = false;
      render(form, formState(form), listMode, update, go);
    });
    showUnknown(notice, fromAddress(form, fields));
    return update;
  }

  var searchForm = document.getElementById("kt-cari");
  if (searchForm) wire(searchForm, false)(0);
  var listForm = document.getElementById("kt-saring");
  if (listForm) {
    listForm.hidden = false;
    var listUpdate = wire(listForm, true);
    if (location.search) listUpdate(0);
  }
})();
