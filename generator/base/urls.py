"""One home for the site's public addresses, its navigation, file kinds and the slug rule.

Leaf module (imports nothing of the project). URIs are the public contract: an innovation
lives at ``inovasi/<slug>/`` forever, an agency at ``opd/<slug>/``. Page *source* URIs
(``.../index.md``) are what MkDocs receives; *links* in generated HTML point at the final
directory URL, relative to the page they appear on.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata

CATALOGUE_DIR = "innovations"
"""The catalogue folder beside ``mkdocs.yml``, when none is given (``--katalog``, the
``innovations_dir`` option of the ``katalog`` plugin); everything else is handed the folder."""

HOME = "index.md"
INNOVATIONS = "inovasi/index.md"
AGENCIES = "opd/index.md"
REGENCY_INDEX = "indeks-inovasi/index.md"
OPEN_DATA = "data-terbuka/index.md"
ABOUT = "tentang.md"
GUIDE = "panduan-kontributor.md"
CODES = "kode-temuan.md"
BROWSE = "jelajah/index.md"
STATISTICS = "statistik/index.md"
SCORECARDS = "rapor/index.md"
SEARCH = "cari/index.md"

PAGED = "halaman"
"""``inovasi/halaman/<n>/``: later pages of "Semua inovasi"; no innovation may take this slug."""
RESERVED_SLUGS = frozenset({PAGED})

NavEntry = tuple[str, "str | tuple[NavEntry, ...]"]

NAV: tuple[NavEntry, ...] = (
    ("Beranda", HOME),
    ("Cari", SEARCH),
    ("Semua inovasi", INNOVATIONS),
    ("Jelajahi", BROWSE),
    ("Perangkat daerah", AGENCIES),
    ("Statistik", STATISTICS),
    ("Rapor perangkat daerah", SCORECARDS),
    ("Indeks Inovasi", REGENCY_INDEX),
    ("Data terbuka", OPEN_DATA),
    ("Tentang", ABOUT),
    ("Untuk admin", (("Panduan kontributor", GUIDE), ("Kode temuan", CODES))),
)
"""The site's menu, in order: (label, source URI or a section of entries).

The only copy: the ``katalog`` plugin hands it to MkDocs (:func:`mkdocs_nav`), and
``mkdocs.yml`` has no ``nav`` of its own (the configuration guard refuses one).
"""


def _nav_uris(entries: tuple[NavEntry, ...]) -> frozenset[str]:
    found: set[str] = set()
    for _, target in entries:
        found |= {target} if isinstance(target, str) else _nav_uris(target)
    return frozenset(found)


NAV_URIS = _nav_uris(NAV)
"""Every page in the menu; every other generated page stays out of it."""


def mkdocs_nav(entries: tuple[NavEntry, ...] = NAV) -> list[dict[str, object]]:
    """:data:`NAV` in the shape of ``mkdocs.yml``'s ``nav``."""
    return [
        {label: target if isinstance(target, str) else mkdocs_nav(target)}
        for label, target in entries
    ]


IMAGE_SUFFIXES: frozenset[str] = frozenset({".jpg", ".jpeg", ".png", ".webp"})
PDF_SUFFIX = ".pdf"
MEDIA_SUFFIXES: frozenset[str] = IMAGE_SUFFIXES | {PDF_SUFFIX}

JSON_EXPORT = "inovasi.json"
CSV_EXPORT = "inovasi.csv"
YEARS_CSV_EXPORT = "inovasi-tahun.csv"
XLSX_EXPORT = "inovasi.xlsx"
PROJECTION_EXPORT = "indeks.json"
FEED = "inovasi-baru.xml"
SCHEMA_FOLDER = "skema"
COVER_SVG = "sampul.svg"

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_slug(name: str) -> bool:
    """True when ``name`` may be a folder name, hence a permanent URL part."""
    return SLUG_RE.match(name) is not None


def slugify(text: str) -> str:
    """A URL slug from a name: lowercase ASCII words joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))[:80].strip("-")


def is_image(name: str) -> bool:
    """True for a photo file name (by suffix, case-insensitive)."""
    return posixpath.splitext(name.lower())[1] in IMAGE_SUFFIXES


def is_pdf(name: str) -> bool:
    """True for a PDF file name (by suffix, case-insensitive)."""
    return name.lower().endswith(PDF_SUFFIX)


def innovation_uri(slug: str) -> str:
    """Source URI of an innovation page."""
    return f"inovasi/{slug}/index.md"


def agency_uri(slug: str) -> str:
    """Source URI of an agency page."""
    return f"opd/{slug}/index.md"


def is_record_page(uri: str) -> bool:
    """True for an innovation's or an agency's own page (made from its own record first)."""
    parts = uri.split("/")
    return (
        len(parts) == 3
        and parts[0] in ("inovasi", "opd")
        and parts[1] != PAGED
        and parts[2] == "index.md"
    )


def innovations_page_uri(number: int) -> str:
    """Source URI of page ``number`` (1-based) of "Semua inovasi"."""
    return INNOVATIONS if number == 1 else f"inovasi/{PAGED}/{number}/index.md"


def agency_page_uri(slug: str, number: int) -> str:
    """Source URI of page ``number`` of an agency's innovations (page 1 is the agency page)."""
    return agency_uri(slug) if number == 1 else f"opd/{slug}/{number}/index.md"


def browse_uri(facet: str, value: str | None = None, number: int = 1) -> str:
    """Source URI of a browse page: a facet's overview, or page ``number`` of one value."""
    if value is None:
        return f"jelajah/{facet}/index.md"
    return f"jelajah/{facet}/{value}/" + ("" if number == 1 else f"{number}/") + "index.md"


SMALL_FOLDER = "kecil"
"""Small copies of photos: ``inovasi/<slug>/kecil/<name>`` (a contributor's file names hold
no ``/``, so they can never collide)."""


def small_file(slug: str, name: str) -> str:
    """Site URI of the small copy of a photo."""
    return f"inovasi/{slug}/{SMALL_FOLDER}/{name}"


def webp_copy(uri: str) -> str | None:
    """Site URI of the WebP twin of a small photo copy (``kecil/foto.jpg.webp``); ``None``
    for a WebP photo (its small copy is WebP already) and for anything not a photo."""
    suffix = posixpath.splitext(uri.lower())[1]
    return f"{uri}.webp" if suffix in IMAGE_SUFFIXES and suffix != ".webp" else None


def innovation_file(slug: str, name: str) -> str:
    """Site URI of a file published beside an innovation page (photo, PDF, cover)."""
    return f"inovasi/{slug}/{name}"


def public_url(source_uri: str) -> str:
    """The public URL (relative to the site root) of a page source URI."""
    if source_uri == "index.md":
        return ""
    if source_uri.endswith("/index.md"):
        return source_uri.removesuffix("index.md")
    return source_uri.removesuffix(".md") + "/"


def link(from_source: str, to: str) -> str:
    """A relative link from the page ``from_source`` to a page source URI or a file URI."""
    here = public_url(from_source).rstrip("/")
    if to.endswith(".md"):
        rel = _relative(public_url(to).rstrip("/"), here)
        return "./" if rel == "." else rel + "/"
    return _relative(to, here)


def _relative(target: str, start: str) -> str:
    """``posixpath.relpath(target, start)`` for two site paths (``""`` is the site root),
    without the file-system calls: a page links to a hundred others."""
    to = [p for p in target.split("/") if p]
    here = [p for p in start.split("/") if p]
    common = 0
    for a, b in zip(to, here, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(here) - common) + to[common:]
    return "/".join(parts) or "."
