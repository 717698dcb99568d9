"""The site's search index: Pagefind, run over the built site before it is swapped in.

Pagefind (PyPI ``pagefind[extended]``, its binary ships in the wheel, nothing is fetched)
indexes only pages marked ``data-pagefind-body`` (innovation and agency pages), with
Indonesian stemming from ``<html lang="id">``. It writes ``pagefind/`` into the site; the
browser loads fragments of it only when a reader searches or filters.

Every search loads the bundle's metadata: a hash and a word count for each page it holds,
plus one permutation per sort. At 21,000 pages that alone is about 290 KB, so one bundle
cannot answer a search within 300 KB on a large catalogue. Above ``shard_pages`` indexed
pages, search therefore gets bundles of its own (``pagefind-cari/1/``, ``2/`` ...), each
of at most that many pages and without sorts (the search page does not sort): the first
holds the agency pages and the most recently dated innovations, the next ones older
innovations. The search page searches the first and adds the next one each time the
reader asks (Pagefind's ``mergeIndex``: the loaded parts are ranked together).
``pagefind/`` keeps every page with its sorts, for the sorting and filtering of "Semua
inovasi". :data:`MANIFEST` lists the parts the search page uses, in order.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"
"""Folder of the whole index inside the site (every searchable page, with sorts)."""
SEARCH = "pagefind-cari"
"""Folder of the search page's parts (only when the catalogue needs more than one)."""
MANIFEST = f"{SEARCH}/bagian.json"
"""The parts the search page loads, in order (always written, one part for a small site)."""
SHARD_PAGES = 3000
"""Default largest part. Measured on the benchmark's 20,000 catalogue (bench/RESULTS.md), a
search of the first part loads 221 KB for "pelayanan" (a word on nearly every page) and
271 KB for "pelayanan kesehatan"; with 4,000 pages they were 250 and 299 KB."""

_BODY = "<div data-pagefind-body>"
"""How ``overrides/main.html`` marks a searchable page (contributor text cannot: it is escaped)."""
_NEWEST = re.compile(r'<span data-pagefind-sort="tahun">(\d{8})</span>')
_SORT = re.compile(r'<span data-pagefind-sort="[^"<>]*">[^<]*</span>')


class SearchIndexError(Exception):
    """Pagefind failed; the message says why (in Bahasa Indonesia, Pagefind's text after it)."""


@dataclass(frozen=True)
class _Searchable:
    path: str
    """Relative to the site, with ``/``."""
    newest: str | None
    """The innovation's latest date (``YYYYMMDD``, its "Terbaru" sort); ``None`` for an agency."""


def index_site(site_dir: Path, shard_pages: int = SHARD_PAGES) -> None:
    """Index ``site_dir`` in place; raises :class:`SearchIndexError` if Pagefind fails."""
    _pagefind(site_dir, BUNDLE)
    pages = _searchable(site_dir)
    if len(pages) <= shard_pages:
        parts = [_part(f"{BUNDLE}/", pages)]
    else:
        parts = _shards(site_dir, pages, shard_pages)
    manifest = site_dir / MANIFEST
    manifest.parent.mkdir(exist_ok=True)
    text = json.dumps({"bagian": parts}, ensure_ascii=False, indent=1, sort_keys=True)
    manifest.write_text(text + "\n", encoding="utf-8")


def _pagefind(site_dir: Path, output: str, *, source: Path | None = None) -> None:
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


def _searchable(site_dir: Path) -> list[_Searchable]:
    """The indexed pages, newest innovation first (then by path), agency pages before them."""
    found: list[_Searchable] = []
    for path in site_dir.rglob("*.html"):
        relative = path.relative_to(site_dir).as_posix()
        if relative.startswith((f"{BUNDLE}/", f"{SEARCH}/")):
            continue
        html = path.read_text(encoding="utf-8")
        if _BODY not in html:
            continue
        newest = _NEWEST.search(html)
        found.append(_Searchable(relative, newest.group(1) if newest else None))
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


def _shards(site_dir: Path, pages: list[_Searchable], size: int) -> list[dict[str, object]]:
    """Write the search parts; each is indexed from a copy of its pages without sorts."""
    parts = []
    work = Path(tempfile.mkdtemp(prefix=".sepeda-cari-", dir=site_dir))
    try:
        for number, group in enumerate(_groups(pages, size), start=1):
            source = work / str(number)
            for page in group:
                target = source / page.path
                target.parent.mkdir(parents=True, exist_ok=True)
                html = (site_dir / page.path).read_text(encoding="utf-8")
                target.write_text(_SORT.sub("", html), encoding="utf-8")
            output = f"{SEARCH}/{number}"
            _pagefind(site_dir, output, source=source)
            parts.append(_part(f"{output}/", group))
            shutil.rmtree(source)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return parts


def _part(path: str, pages: list[_Searchable]) -> dict[str, object]:
    years = [int(p.newest[:4]) for p in pages if p.newest is not None]
    return {
        "path": path,
        "inovasi": len(years),
        "opd": len(pages) - len(years),
        "dari": min(years) if years else None,
        "sampai": max(years) if years else None,
    }
