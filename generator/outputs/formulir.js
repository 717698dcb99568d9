// The admin form's own script: reads and writes inovasi.yaml in the canonical layout of
// generator/record/layout.py (so a form edit's diff shows only what changed), keeps last
// year's claims in riwayat when a save adds a new reporting year, and keeps the media picker
// to photos and PDFs. Served from the site; no eval, no network.
// window.SEPEDA_URUTAN (urutan.js, generated from the models) gives the key order.
(function (root) {
  "use strict";

  // ---- reading: the block YAML our layout writes (and simple hand-written files) -------
  function indentOf(line) {
    return line.length - line.replace(/^ +/, "").length;
  }

  function unquote(text) {
    if (text.startsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
    if (text.startsWith('"')) {
      return text.slice(1, -1).replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, function (_, c) {
        if (c[0] === "x" || c[0] === "u") return String.fromCharCode(parseInt(c.slice(1), 16));
        return { t: "\t", n: "\n", _: "\u00a0", "0": "\0", '"': '"', "\\": "\\", "/": "/", " ": " " }[c] || c;
      });
    }
    if (text === "{}") return {};
    if (text === "[]") return [];
    return text.replace(/\s+#.*$/, "");
  }

  function literal(lines, i, header, base) {
    var digit = header.match(/[1-9]/);
    var chomp = header.includes("-") ? "-" : header.includes("+") ? "+" : "";
    var body = [];
    var indent = digit ? base + Number(digit[0]) : null;
    for (; i < lines.length; i++) {
      var line = lines[i];
      if (line.trim() === "") { body.push(""); continue; }
      if (indent === null) indent = indentOf(line);
      if (indentOf(line) < indent) break;
      body.push(line.slice(indent));
    }
    var trailing = 0;
    while (body.length && body[body.length - 1] === "") { body.pop(); trailing++; }
    var text = body.join("\n");
    if (chomp === "" && body.length) text += "\n";
    if (chomp === "+") text += "\n".repeat(trailing + (body.length ? 1 : 0));
    return [text, i];
  }

  function skip(lines, i) {
    while (i < lines.length && (lines[i].trim() === "" || lines[i].trim().startsWith("#"))) i++;
    return i;
  }

  function value(lines, i, rest, base) {
    // the value after "key:" or "- " at column base; i is the next line
    if (rest.startsWith("|")) return literal(lines, i, rest, base);
    if (rest !== "") return [unquote(rest), i];
    var next = skip(lines, i);
    if (next >= lines.length) return [null, i];
    var indent = indentOf(lines[next]);
    if (indent > base || (indent === base && /^ *- |^ *-$/.test(lines[next]))) {
      return block(lines, next, indent);
    }
    return [null, i];
  }

  function block(lines, i, indent) {
    i = skip(lines, i);
    var seq = /^-( |$)/.test(lines[i].slice(indent));
    var result = seq ? [] : {};
    while (i < lines.length) {
      i = skip(lines, i);
      if (i >= lines.length || indentOf(lines[i]) !== indent) break;
      var text = lines[i].slice(indent);
      if (seq) {
        if (!/^-( |$)/.test(text)) break;
        var rest = text.slice(2);
        if (/^[^'"|\s][^:]*:( |$)/.test(rest) || /^[A-Za-z0-9_]+:$/.test(rest)) {
          lines = lines.slice();
          lines[i] = " ".repeat(indent + 2) + rest;
          var item = block(lines, i, indent + 2);
          result.push(item[0]);
          i = item[1];
        } else {
          var got = value(lines, i + 1, rest, indent);
          result.push(got[0]);
          i = got[1];
        }
      } else {
        var colon = text.search(/:( |$)/);
        if (colon < 0) throw new Error("baris tidak terbaca: " + text);
        var key = text.slice(0, colon);
        var found = value(lines, i + 1, text.slice(colon + 1).trim(), indent);
        result[key] = found[0];
        i = found[1];
      }
    }
    return [result, i];
  }

  var BOOLEAN = ["sampul", "persetujuan", "nama_terkonfirmasi"];
  var INTEGER = ["tahun_laporan", "tpb", "asta_cita", "tingkat", "tahun"];

  function typed(data, key) {
    // the widgets' types: numbers and switches as the form's widgets expect them
    if (Array.isArray(data)) return data.map(function (v) { return typed(v, key); });
    if (data && typeof data === "object") {
      var out = {};
      Object.keys(data).forEach(function (k) { out[k] = typed(data[k], k); });
      return out;
    }
    if (typeof data === "string" && BOOLEAN.includes(key) && /^(true|false)$/.test(data)) return data === "true";
    if (typeof data === "string" && INTEGER.includes(key) && /^(0|[1-9][0-9]{0,8})$/.test(data)) return Number(data);
    return data;
  }

  // dates: YYYY-MM-DD in the file, day-month-year in the form (window.SEPEDA_TANGGAL
  // names the keys holding a date; urutan.js)
  function dates(data, key, from, to) {
    if (Array.isArray(data)) return data.map(function (v) { return dates(v, key, from, to); });
    if (data && typeof data === "object") {
      var out = {};
      Object.keys(data).forEach(function (k) { out[k] = dates(data[k], k, from, to); });
      return out;
    }
    if (typeof data === "string" && (root.SEPEDA_TANGGAL || []).includes(key) && from.test(data)) {
      return data.split("-").reverse().join("-");
    }
    return data;
  }
  var ISO = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  var DMY = /^[0-9]{2}-[0-9]{2}-[0-9]{4}$/;

  function parse(text) {
    var lines = text.replace(/\r\n?/g, "\n").split("\n");
    if (skip(lines, 0) >= lines.length) return {};
    return dates(typed(block(lines, skip(lines, 0), 0)[0], ""), "", ISO);
  }

  // ---- writing: the canonical layout (generator/record/layout.py) -----------------------
  function plain(s) {
    if (s === "" || s !== s.trim() || s.startsWith("---") || s.startsWith("...")) return false;
    if ("#,[]{}&*!|>'\"%@`".includes(s[0])) return false;
    if ("-?:".includes(s[0]) && (s.length === 1 || s[1] === " ")) return false;
    return !(/: |:$| #/.test(s));
  }

  function doubleQuoted(s) {
    return '"' + s.replace(/[\\"\t\n\u00a0]/g, function (c) {
      return { "\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\u00a0": "\\_" }[c];
    }) + '"';
  }

  function scalar(v, base) {
    if (typeof v === "boolean" || typeof v === "number") return String(v);
    var s = String(v);
    if (s.includes("\t")) return doubleQuoted(s);
    if (s.includes("\n")) {
      var text = s.split("\n").map(function (l) { return l.replace(/\s+$/, ""); }).join("\n");
      var hints = /^[ \n]/.test(text) ? "2" : "";
      if (!text.endsWith("\n")) hints += "-";
      else if (text.length === 1 || text.endsWith("\n\n")) hints += "+";
      var body = text.endsWith("\n") ? text.slice(0, -1) : text;
      var pad = " ".repeat(base + 2);
      return "|" + hints + "\n" + body.split("\n").map(function (l) { return l ? pad + l : ""; }).join("\n");
    }
    return plain(s) ? s : "'" + s.replace(/'/g, "''") + "'";
  }

  function empty(v) {
    return v === null || v === undefined;
  }

  function keys(obj, order) {
    var known = (order && order.k) || [];
    var present = Object.keys(obj).filter(function (k) { return !empty(obj[k]); });
    return known.filter(function (k) { return present.includes(k); })
      .concat(present.filter(function (k) { return !known.includes(k); }));
  }

  function sub(order, key) {
    return order && order.c && order.c[key];
  }

  function entry(key, v, order, indent) {
    var pad = " ".repeat(indent);
    if (Array.isArray(v)) {
      if (!v.length) return pad + key + ": []\n";
      return pad + key + ":\n" + v.map(function (item) { return listItem(item, order, indent + 2); }).join("");
    }
    if (v && typeof v === "object") {
      var inner = dict(v, order, indent + 2);
      return inner ? pad + key + ":\n" + inner : pad + key + ": {}\n";
    }
    return pad + key + ": " + scalar(v, indent) + "\n";
  }

  function listItem(item, order, indent) {
    var pad = " ".repeat(indent);
    if (item && typeof item === "object" && !Array.isArray(item)) {
      var inner = dict(item, order, indent + 2);
      return inner ? pad + "- " + inner.slice(indent + 2) : pad + "- {}\n";
    }
    return pad + "- " + scalar(item, indent) + "\n";
  }

  function dict(obj, order, indent) {
    return keys(obj, order).map(function (k) {
      var inner = sub(order, k);
      var v = obj[k];
      if (inner && inner.d && v && typeof v === "object" && !Array.isArray(v)) {
        var pad = " ".repeat(indent);
        var names = Object.keys(v).filter(function (n) { return !empty(v[n]); });
        if (!names.length) return pad + k + ": {}\n";
        return pad + k + ":\n" + names.map(function (n) { return entry(n, v[n], inner.d, indent + 2); }).join("");
      }
      return entry(k, v, inner, indent);
    }).join("");
  }

  function dump(data, order) {
    return dict(dates(data, "", DMY), order, 0);
  }

  // ---- the yearly update: last year's claims are kept in riwayat ------------------------
  // Saving an innovation whose reporting years gained a year later than the latest one in
  // the file keeps the claims as the file had them (its indikator) in riwayat under that
  // previous year, unless riwayat already holds that year or the file had no claims: the
  // projection of that year keeps scoring them and the page keeps showing them.
  function latestYear(years) {
    var numbers = (Array.isArray(years) ? years : []).map(Number).filter(Number.isInteger);
    return numbers.length ? Math.max.apply(null, numbers) : null;
  }

  function keptYear(before, after) {
    // before: the file as it was loaded (parsed); after: the form's data as plain values.
    // The riwayat entry the save adds, or null.
    var previous = latestYear(before && before.tahun_laporan);
    var latest = latestYear(after && after.tahun_laporan);
    if (previous === null || latest === null || latest <= previous) return null;
    var claims = before.indikator;
    if (!claims || typeof claims !== "object" || Array.isArray(claims)) return null;
    if (!Object.keys(claims).some(function (k) { return !empty(claims[k]); })) return null;
    var kept = Array.isArray(after.riwayat) && after.riwayat.some(function (e) {
      return e && Number(e.tahun) === previous;
    });
    return kept ? null : { tahun: previous, indikator: claims };
  }

  function immutable(value, map, list) {
    // plain values into the Immutable collections of Decap's entry data
    if (Array.isArray(value)) {
      return value.reduce(function (l, v) { return l.push(immutable(v, map, list)); }, list);
    }
    if (value && typeof value === "object") {
      return Object.keys(value).reduce(function (m, k) {
        return m.set(k, immutable(value[k], map, list));
      }, map);
    }
    return value;
  }

  function preSave(event) {
    // Decap's preSave event: event.entry is the entry being saved (an Immutable Map) with
    // its edited data and, in raw, the file's text as it was loaded; the returned value
    // replaces its data.
    var entry = event.entry;
    var data = entry.get("data");
    var raw = entry.get("raw");
    if (entry.get("newRecord") || typeof raw !== "string" || !raw.trim()) return undefined;
    var found;
    try {
      found = keptYear(parse(raw), data.toJS());
    } catch (error) {
      return undefined;  // a file the reader does not understand: nothing is added
    }
    if (!found) return undefined;
    var map = data.clear();
    var list = data.toList().clear();
    var riwayat = data.get("riwayat");
    if (!riwayat || typeof riwayat.push !== "function") riwayat = list;
    return data.set("riwayat", riwayat.push(immutable(found, map, list)));
  }

  var api = { parse: parse, dump: dump, keptYear: keptYear };
  root.SEPEDA_YAML = api;
  if (root.CMS && root.SEPEDA_URUTAN) {
    root.CMS.registerCustomFormat("sepeda-yaml", "yaml", {
      fromFile: parse,
      toFile: function (data) { return dump(data, root.SEPEDA_URUTAN); },
    });
    root.CMS.registerEventListener({ name: "preSave", handler: preSave });
  }

  // ---- the media picker: photos and PDFs only, nothing deleted from the form ------------
  // The picker lists the files of the innovation's folder (of the agency's folder for a new
  // innovation): inovasi.yaml, verifikasi.yaml and opd.yaml are hidden, and the button that
  // deletes files from the repository is removed. Files of another type are refused.
  var ACCEPTED = /\.(jpe?g|png|webp|pdf)$/i;
  var ACCEPT = ".jpg,.jpeg,.png,.webp,.pdf";
  var MESSAGE = "Jenis berkas ini tidak diterima. Unggah foto (.jpg, .jpeg, .png, .webp) atau PDF.";
  var DELETE = "Hapus yang dipilih";
  function guard(node) {
    if (!node.querySelectorAll) return;
    node.querySelectorAll("input[type=file]").forEach(function (input) {
      if (input.dataset.sepeda) return;
      input.dataset.sepeda = "1";
      input.setAttribute("accept", ACCEPT);
      input.addEventListener("change", function (event) {
        var bad = Array.prototype.some.call(input.files || [], function (f) {
          return !ACCEPTED.test(f.name);
        });
        if (bad) {
          event.stopImmediatePropagation();
          input.value = "";
          root.alert(MESSAGE);
        }
      }, true);
    });
    node.querySelectorAll("[class*=CardText]").forEach(function (text) {
      var cell = text.parentElement && text.parentElement.parentElement;
      if (!cell) return;
      var hide = !ACCEPTED.test(text.textContent.trim());
      if (hide !== (cell.style.display === "none")) {
        cell.style.display = hide ? "none" : "";
        cell.toggleAttribute("hidden", hide);
      }
    });
    node.querySelectorAll("button").forEach(function (button) {
      if (button.textContent.trim() === DELETE) button.remove();
    });
  }
  if (root.document && root.MutationObserver) {
    // one pass over the page after each batch of changes (react-window reuses the cards)
    new root.MutationObserver(function () {
      guard(root.document);
    }).observe(root.document.documentElement, { childList: true, subtree: true, characterData: true });
  }
})(typeof window !== "undefined" ? window : globalThis);
