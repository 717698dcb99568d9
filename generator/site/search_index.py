"""The site's search indexes: Pagefind, run over the built site before it is swapped in.

Pagefind (PyPI ``pagefind[extended]``, its binary ships in the wheel, nothing is fetched)
indexes only pages marked ``data-pagefind-body`` (innovation and agency pages), with
Indonesian stemming (``--force-language id``). The browser loads fragments of an index only
when a reader searches, sorts or filters. Two kinds of bundle:

- **Search** (the search page). Every search loads its bundle's metadata, a hash and a word
  count for each page it holds (plus one permutation per sort), and every match of its
  words, so one bundle of 21,000 pages costs about 900 KB for a common word. Up to
  ``shard_pages`` indexed pages, the search bundle is ``pagefind/``, over the site itself.
  Above it, search comes in parts (``pagefind-cari/1/``, ``2/`` ...) of about that many
  pages, each indexed from copies of its pages without sorts: the first holds the agency
  pages and the most recently dated innovations, the next ones older innovations. The
  search page searches the first and adds the next one each time the reader asks
  (Pagefind's ``mergeIndex``: the loaded parts are ranked together). :data:`MANIFEST` lists
  the parts in order (one part, ``pagefind/``, for a small catalogue).
- **List** (``pagefind-daftar/``, the sorting and filtering of "Semua inovasi"). A search
  without words loads every word chunk of its bundle (3 MB for 2,000 innovations), so
  the list has a bundle without the pages' text: each innovation page reduced to its
  filters, sorts and result fields and the one word "inovasi" (Pagefind drops a page
  without words; it also indexes the words of the result fields, 125 KB at 2,000).

Beside them, :data:`WORDS` lists the words of the indexed pages' text with the number of
pages holding each, the most common first (at most :data:`WORD_LIMIT`): the search page
offers the nearest of them when a query word is not one of them ("kesehtan": "kesehatan").
One page loads one search engine (Pagefind's script and WebAssembly): the list's index
reads the WebAssembly of the first search part (:func:`share_engine`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

BUNDLE = "pagefind"
"""Folder of the search index of a catalogue searched in one part (every searchable page)."""
LIST = "pagefind-daftar"
"""Folder of the list page's index (innovations: filters, sorts, result fields, no text)."""
SEARCH = "pagefind-cari"
"""Folder of the search page's parts (only when it needs more than one) and their manifest."""
MANIFEST = f"{SEARCH}/bagian.json"
"""The parts the search page loads, in order (always written, one part for a small site)."""
WORDS = f"{SEARCH}/kata.json"
"""The indexed pages' words and how many pages hold each (suggestions for a query word the
index does not hold); loaded only by a search with few or no results."""
WORD_LIMIT = 12_000
"""Most words listed. The shipped catalogue has about 3,000 distinct words; the benchmark's
2,000 innovations 43,000, most of them on one page (the list keeps the common ones)."""
SHARD_PAGES = 3000
"""Default largest part. Measured on the benchmark's 20,000 catalogue (bench/RESULTS.md), a
search of the first part loads 221 KB for "pelayanan" (a word on nearly every page) and
271 KB for "pelayanan kesehatan"; with 4,000 pages they were 250 and 299 KB."""

_BODY = "<div data-pagefind-body>"
"""How ``overrides/main.html`` marks a searchable page (contributor text cannot: it is escaped)."""
_NEWEST = re.compile(r'<span data-pagefind-sort="tahun">(\d{8})</span>')
_SORT = re.compile(r'<span data-pagefind-sort="[^"<>]*">[^<]*</span>')
_FIELDS = re.compile(
    r'<div class="kt-indeks" hidden data-pagefind-ignore>[^<]*(?:<span [^<]*</span>[^<]*)*</div>'
)
"""The search fields of an innovation page (``search_fields`` in ``_macros.html.j2``)."""
_LIST_PAGE = (
    '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>inovasi</title></head>'
    "<body><div data-pagefind-body><p>inovasi</p>{fields}</div></body></html>\n"
)


class SearchIndexError(Exception):
    """Pagefind failed; the message says why (in Bahasa Indonesia, Pagefind's text after it)."""


@dataclass(frozen=True)
class _Searchable:
    path: str
    """Relative to the site, with ``/``."""
    newest: str | None
    """The innovation's latest date (``YYYYMMDD``, its "Terbaru" sort); ``None`` for an agency."""
    fields: str = ""
    """An innovation's search fields (its filters, result fields and sorts), as HTML."""
    words: frozenset[str] = frozenset()
    """The distinct words of the page's indexed text (casefolded, letters only)."""


def index_site(site_dir: Path, shard_pages: int = SHARD_PAGES) -> None:
    """Index ``site_dir`` in place; raises :class:`SearchIndexError` if Pagefind fails."""
    pages = _searchable(site_dir)
    single = len(pages) <= shard_pages
    if single:
        _pagefind(site_dir, BUNDLE)
    work = Path(tempfile.mkdtemp(prefix=".sepeda-cari-", dir=site_dir))  # after the site's run
    try:
        parts = (
            [_part(f"{BUNDLE}/", pages)] if single else _shards(site_dir, work, pages, shard_pages)
        )
        listed = _list(site_dir, work, [p for p in pages if p.newest is not None])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if listed:
        share_engine(site_dir / str(parts[0]["path"]), site_dir / LIST)
    manifest = site_dir / MANIFEST
    manifest.parent.mkdir(exist_ok=True)
    text = json.dumps({"bagian": parts}, ensure_ascii=False, indent=1, sort_keys=True)
    manifest.write_text(text + "\n", encoding="utf-8")
    words = json.dumps({"kata": word_list(pages)}, ensure_ascii=False, separators=(",", ":"))
    (site_dir / WORDS).write_text(words + "\n", encoding="utf-8")


# ---- the words a query may have meant ---------------------------------------------------

_WORD = re.compile(r"[^\W\d_]{3,30}")
"""A word a suggestion may offer: letters only (no numbers), 3 to 30 of them."""


class _Text(HTMLParser):
    """The text Pagefind indexes: inside ``data-pagefind-body``, without the elements marked
    ``data-pagefind-ignore`` or excluded (``.headerlink``)."""

    _VOID = frozenset(
        [
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "source",
            "track",
            "wbr",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.body = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._VOID:
            return
        self.depth += 1
        names = dict(attrs)
        if not self.body and "data-pagefind-body" in names:
            self.body = self.depth
        elif self.body and not self.skip:
            classes = (names.get("class") or "").split()
            if "data-pagefind-ignore" in names or "headerlink" in classes:
                self.skip = self.depth

    def handle_endtag(self, tag: str) -> None:
        if tag in self._VOID:
            return
        if self.skip == self.depth:
            self.skip = 0
        if self.body == self.depth:
            self.body = 0
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.body and not self.skip:
            self.parts.append(data)


def page_words(html: str) -> frozenset[str]:
    """The distinct words (casefolded) of the text Pagefind indexes on a page."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return frozenset(_WORD.findall(" ".join(parser.parts).casefold()))


def word_list(pages: Iterable[_Searchable], limit: int = WORD_LIMIT) -> list[list[object]]:
    """``[word, pages holding it]`` for the indexed pages' words, the most common first (then
    A-Z), at most ``limit`` of them."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update(page.words)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [[word, n] for word, n in ranked[:limit]]


# ---- one engine a page ------------------------------------------------------------------
# Pagefind loads its WebAssembly from the bundle's own folder (``<bundle>/wasm.<lang>.pagefind``,
# the name taken from the entry file), so a page that uses two bundles (the search page:
# filters alone use the list's index, words the search index) would download the same 70 KB
# twice. Every bundle's WebAssembly is the same file; the list's entry names the search
# bundle's instead, through a path Pagefind joins as ``<bundle>/wasm.<name>.pagefind``.


def share_engine(engine: Path, bundle: Path) -> None:
    """Make ``bundle`` load ``engine``'s WebAssembly (only where the files are identical)."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if not str(entry.get("version", "")).startswith(_STABLE_VERSIONS):
        return
    up = Path(os.path.relpath(engine, bundle)).as_posix()
    for info in entry["languages"].values():
        name = str(info.get("wasm") or "unknown")
        own, shared = bundle / f"wasm.{name}.pagefind", engine / f"wasm.{name}.pagefind"
        if shared.is_file() and own.is_file() and own.read_bytes() == shared.read_bytes():
            # "<bundle>/wasm./../<up>/wasm.<name>.pagefind": the "wasm." folder and ".." cancel
            info["wasm"] = f"/../{up}/wasm.{name}"
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    entry_path.write_text(text, encoding="utf-8")


def _pagefind(site_dir: Path, output: str, *, source: Path | None = None) -> None:
    """Pagefind over ``source`` (default: the site) into ``output`` inside the site."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(source or site_dir),
        "--output-path",
        str(site_dir / output),
        "--force-language",
        "id",
        "--exclude-selectors",
        ".headerlink",  # the heading's "¶" would end every title and excerpt
        "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0 or not (site_dir / output / "pagefind.js").is_file():
        detail = (result.stderr or result.stdout).strip()[-500:]
        raise SearchIndexError(f"indeks pencarian (Pagefind) gagal dibuat: {detail}")
    stabilise(site_dir / output)


# ---- the same catalogue, the same index ------------------------------------------------
# Pagefind (1.5) writes a filter's values, and the filters and sorts listed in a bundle's
# metadata, in the order of Rust hash maps, which differs from run to run (Pagefind#638:
# fragments and word indexes became stable in 1.3, "filter/metadata indexes" did not). The
# content is the same; only the order, and so the file names (content hashes) and the entry
# hash, change. stabilise() rewrites those files in sorted order and names them by their own
# content, so that two builds of one catalogue give identical bundles. The files are gzip of
# b"pagefind_dcd" and one CBOR value; only the versions measured are touched.

_STABLE_VERSIONS = ("1.5.",)
_DCD = b"pagefind_dcd"


def _cbor(value: object) -> bytes:
    """CBOR of text, unsigned integers and arrays (all a Pagefind index holds)."""

    def head(major: int, n: int) -> bytes:
        if n < 24:
            return bytes([major << 5 | n])
        for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
            if n < 1 << (8 * size):
                return bytes([major << 5 | extra]) + n.to_bytes(size, "big")
        raise ValueError(n)  # pragma: no cover

    if isinstance(value, bool) or (isinstance(value, int) and value < 0):
        raise ValueError(value)
    if isinstance(value, int):
        return head(0, value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return head(3, len(data)) + data
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(_cbor(item) for item in value)
    raise ValueError(type(value))


def _uncbor(data: bytes, at: int = 0) -> tuple[object, int]:
    """The inverse of :func:`_cbor`; anything else raises ValueError."""
    first, at = data[at], at + 1
    major, n = first >> 5, first & 31
    if n >= 24:
        if n > 27:
            raise ValueError(first)
        size = 1 << (n - 24)
        n, at = int.from_bytes(data[at : at + size], "big"), at + size
    if major == 0:
        return n, at
    if major == 3:
        return data[at : at + n].decode("utf-8"), at + n
    if major == 4:
        items = []
        for _ in range(n):
            item, at = _uncbor(data, at)
            items.append(item)
        return items, at
    raise ValueError(first)


def _read_dcd(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_DCD):
        raise ValueError(path)
    value, end = _uncbor(data, len(_DCD))
    if end != len(data):
        raise ValueError(path)
    return value


def _dcd(value: object) -> bytes:
    return _DCD + _cbor(value)


def _write_dcd(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def _key(item: Any) -> str:
    return str(item[0])


def stabilise(bundle: Path) -> None:
    """Rewrite a Pagefind bundle's filter files and metadata in sorted order, each named by
    its content, and its entry file; a bundle of an unmeasured version is left alone."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if not str(entry.get("version", "")).startswith(_STABLE_VERSIONS):
        return
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read_dcd(meta_path)
        filters = []
        for name, old in meta[3]:
            old_path = bundle / "filter" / f"{old}.pf_filter"
            label, values = _read_dcd(old_path)
            data = _dcd([label, sorted(values, key=_key)])
            new = f"{language}_{hashlib.sha256(data).hexdigest()[:7]}"
            old_path.unlink()
            _write_dcd(bundle / "filter" / f"{new}.pf_filter", data)
            filters.append([name, new])
        meta[3] = sorted(filters, key=_key)
        meta[4] = sorted(meta[4], key=_key)
        data = _dcd(meta)
        info["hash"] = f"{language}_{hashlib.sha256(data).hexdigest()[:10]}"
        meta_path.unlink()
        _write_dcd(bundle / f"pagefind.{info['hash']}.pf_meta", data)
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    entry_path.write_text(text, encoding="utf-8")


def _searchable(site_dir: Path) -> list[_Searchable]:
    """The indexed pages, newest innovation first (then by path), agency pages before them."""
    found: list[_Searchable] = []
    for path in site_dir.rglob("*.html"):
        relative = path.relative_to(site_dir).as_posix()
        if relative.startswith((f"{BUNDLE}/", f"{SEARCH}/", f"{LIST}/")):
            continue
        html = path.read_text(encoding="utf-8")
        if _BODY not in html:
            continue
        fields = _FIELDS.search(html)
        newest = _NEWEST.search(fields.group(0)) if fields else None
        words = page_words(html)
        if fields is None or newest is None:
            found.append(_Searchable(relative, None, words=words))
        else:
            found.append(_Searchable(relative, newest.group(1), fields.group(0), words))
    found.sort(key=lambda p: p.path)
    found.sort(key=lambda p: p.newest or "99999999", reverse=True)  # stable: paths stay A-Z
    return found


def _groups(pages: list[_Searchable], size: int) -> list[list[_Searchable]]:
    """Parts of at most ``size`` pages: the agencies and the newest innovations first.

    The first part keeps at least half its room for innovations, however many agencies
    there are, so that a search of it always covers the newest innovations.
    """
    agencies = [p for p in pages if p.newest is None]
    innovations = [p for p in pages if p.newest is not None]
    first = max(size - len(agencies), size // 2, 1)
    groups = [agencies + innovations[:first]]
    rest = innovations[first:]
    groups += [rest[start : start + size] for start in range(0, len(rest), size)]
    return groups


def _shards(
    site_dir: Path, work: Path, pages: list[_Searchable], size: int
) -> list[dict[str, object]]:
    """Write the search parts; each is indexed from copies of its pages without sorts."""
    parts = []
    for number, group in enumerate(_groups(pages, size), start=1):
        output = f"{SEARCH}/{number}"
        copies = (
            (p.path, _SORT.sub("", (site_dir / p.path).read_text(encoding="utf-8"))) for p in group
        )
        _index_copies(site_dir, work / str(number), output, copies)
        parts.append(_part(f"{output}/", group))
    return parts


def _list(site_dir: Path, work: Path, innovations: list[_Searchable]) -> bool:
    """The list page's index, from each innovation page's search fields only (if any)."""
    if innovations:
        copies = ((p.path, _LIST_PAGE.format(fields=p.fields)) for p in innovations)
        _index_copies(site_dir, work / "daftar", LIST, copies)
    return bool(innovations)


def _index_copies(
    site_dir: Path, source: Path, output: str, copies: Iterable[tuple[str, str]]
) -> None:
    """Pagefind over the given pages (site path, HTML) written to ``source``, then removed."""
    for path, html in copies:
        target = source / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    _pagefind(site_dir, output, source=source)
    shutil.rmtree(source)


def _part(path: str, pages: list[_Searchable]) -> dict[str, object]:
    years = [int(p.newest[:4]) for p in pages if p.newest is not None]
    return {
        "path": path,
        "inovasi": len(years),
        "opd": len(pages) - len(years),
        "dari": min(years) if years else None,
        "sampai": max(years) if years else None,
    }
