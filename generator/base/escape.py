"""The one escaping layer: every contributor value reaches the output through here.

Each function takes a raw value and returns it made safe for the context it lands in; the
result types say which context that is, so a template can only print what this module made:

- :class:`Text` — one line of text, safe at once in HTML text, in a quoted HTML attribute,
  in inline Markdown (headings, link text, table cells) and in the page title and
  description that MkDocs and Material print **unescaped** into ``<title>``, the header and
  ``<meta name="description">``. HTML metacharacters and quotes become entities, and so does
  every character that could start Markdown syntax (``*_`[]{}|#\\``, attribute lists
  ``{: ...}``, a leading ``-+.!:=``), so no contributor text can be read as markup by any of
  the renderers it passes through.
- :class:`Html` — an HTML fragment this module produced: admin Markdown converted by a bare
  Markdown instance and sanitized with nh3 (:func:`prose`), or SVG drawn from escaped parts.
- :class:`Url` — a link target: ``https://`` (the schema allows no other scheme), ``mailto:``
  or a relative path built by the generator; attribute-escaped.

The Jinja environment (``render.py``) autoescapes and refuses to print anything that is not
one of these types or an ``int``. Exports have their own context functions here too:
:func:`csv_cell` (no spreadsheet formulas) and :func:`svg_text` (XML text and attributes);
JSON is written by ``json.dumps`` only.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup

__all__ = [
    "Html",
    "Text",
    "Url",
    "csv_cell",
    "csv_row",
    "prose",
    "svg_text",
    "text",
    "trusted_html",
    "url",
]


class Text(Markup):
    """Text escaped for HTML text, quoted attributes, inline Markdown and page metadata."""


class Html(Markup):
    """A sanitized HTML fragment (no script, no event handler, no foreign resource)."""


class Url(Markup):
    """A safe, attribute-escaped link target."""


# Always encoded: HTML metacharacters and quotes, and every Markdown metacharacter that can
# act in the middle of a line. Encoded when leading: characters that start a block.
_ALWAYS = {c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]|#"}
_LEADING = {c: f"&#{ord(c)};" for c in "-+.!:="}
_ALWAYS_RE = re.compile(f"[{re.escape(''.join(_ALWAYS))}]")


def _entity(match: re.Match[str]) -> str:
    return _ALWAYS[match[0]]


_WHITESPACE = re.compile(r"\s+")


def text(value: object, limit: int = 0) -> Text:
    """One line of text (whitespace collapsed), optionally cut to ``limit`` characters."""
    flat = _WHITESPACE.sub(" ", str(value)).strip()
    if limit and len(flat) > limit:
        flat = flat[: limit - 1].rsplit(" ", 1)[0] + "…"
    encoded = _ALWAYS_RE.sub(_entity, flat)  # three times faster than str.translate here
    if flat and flat[0] in _LEADING:
        encoded = _LEADING[flat[0]] + encoded[1:]
    return Text(encoded)


_MARKUP_CHARS = re.compile(r"[*_`#>\[\]]|\(https?://[^)]*\)")


def plain_text(markdown_text: str | None, limit: int = 0) -> Text:
    """Admin Markdown flattened to one line of plain text (cards, descriptions)."""
    if not markdown_text:
        return Text("")
    return text(_MARKUP_CHARS.sub("", markdown_text), limit)


_ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "h4", "h5"}


@cache
def _converter() -> markdown.Markdown:
    """One bare Markdown instance (no extensions), reset before each use."""
    return markdown.Markdown(extensions=[], output_format="html")


def _demote_headings(source: str) -> str:
    """Admin headings become small headings (h4+), below the page's own structure."""
    return re.sub(r"^(#{1,3})(?=\s)", "####", source, flags=re.MULTILINE)


PROSE_MEMO = 1 << 15
"""Texts :func:`prose` remembers (a 2,000-innovation catalogue has about 19,000)."""


@lru_cache(maxsize=PROSE_MEMO)
def prose(markdown_text: str | None) -> Html:
    """Admin Markdown → sanitized HTML with no blank lines (safe inside a raw HTML block).

    A pure function of the text, remembered for the last :data:`PROSE_MEMO` texts: a
    rebuild in ``sepeda serve`` converts only the texts that changed.

    The text is HTML-escaped first (raw HTML is published as text), converted by a bare
    Markdown instance (no attribute lists, no snippets, no admonitions), then cleaned by nh3
    against a small allowlist: only http(s) and mailto links, no attributes but ``href``.
    Curly braces are encoded so the site's own Markdown pass cannot read an attribute list.
    """
    if not markdown_text:
        return Html("")
    escaped = html.escape(_demote_headings(markdown_text), quote=False)
    rendered = _converter().reset().convert(escaped)
    clean = nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    clean = clean.replace("{", "&#123;").replace("}", "&#125;")
    return Html(re.sub(r"\n\s*\n", "\n", clean).strip())


def url(value: str) -> Url:
    """A link target: ``https://`` or ``mailto:`` absolute, or a relative site path.

    Anything else (``javascript:``, ``data:``, protocol-relative ``//host``, credentials in
    the address) is a programming error here: the schema refuses it long before.
    """
    parts = urlsplit(value)
    if parts.scheme not in ("", "https", "mailto"):
        raise ValueError(f"unsafe URL scheme: {parts.scheme!r}")
    if parts.scheme == "" and (value.startswith("//") or parts.netloc):
        raise ValueError("protocol-relative URL")
    if "@" in parts.netloc:
        raise ValueError("URL with credentials")
    return Url(html.escape(value, quote=True))


def trusted_html(fragment: str) -> Html:
    """Mark generator-made markup (SVG drawn from :func:`svg_text` parts) as HTML."""
    return Html(fragment)


def svg_text(value: object) -> str:
    """Text for an SVG/XML text node or a double-quoted attribute: the same numeric
    character references as :func:`text` (valid XML), because a chart is inlined in a page
    that MkDocs' Markdown pass sees."""
    return str(text(value))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SEPARATORS = ",;\t\r\n"
"""Where a spreadsheet may start a new cell: the list separators (``,``; ``;`` in the
Indonesian locale), tab, and line breaks (a reader that ignores quotes)."""
_SPLIT_FORMULA = re.compile(r"([,;\t\r\n] *)(?=[=+\-@\t\r])")
_QUOTE_WHEN = frozenset(',;"\r\n')


def csv_cell(value: object) -> str:
    """A CSV cell that no spreadsheet runs as a formula (``=HYPERLINK(...)`` and kin), even
    one that splits the cell at a separator: a ``'`` goes before every formula character that
    starts the cell or follows a separator (``,``, ``;``, tab, a line break); numbers such as
    ``-12`` stay as they are."""
    cell = "" if value is None else str(value)
    pieces = _SPLIT_FORMULA.split(cell)
    # pieces: text, separator, text, separator, ...; each text after the first starts at a
    # possible cell boundary.
    out = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            segment = re.split(f"[{_SEPARATORS}]", piece, maxsplit=1)[0]
            if piece.startswith(_FORMULA_START) and not _is_number(segment):
                piece = "'" + piece
        out.append(piece)
    return "".join(out)


def csv_row(cells: Iterable[object]) -> str:
    """One CSV line (without its line break): every cell through :func:`csv_cell`, and
    quoted when it holds a separator a spreadsheet may split on (``,`` or ``;``), a quote or
    a line break, so that a reader set to either list separator sees the same cells."""
    quoted = []
    for value in cells:
        cell = csv_cell(value)
        if _QUOTE_WHEN.intersection(cell):
            cell = '"' + cell.replace('"', '""') + '"'
        quoted.append(cell)
    return ",".join(quoted)


def _is_number(cell: str) -> bool:
    return re.fullmatch(r"-?\d+(?:[.,]\d+)?", cell) is not None
