"""Turning planned pages into Markdown: the Jinja2 environment and its escaping filters.

Admin-written text never reaches the site's Markdown pipeline as Markdown. Free text
(``ringkasan``, ``rancang_bangun``, ...) is HTML-escaped, converted by a separate Markdown
instance with no extensions, sanitized with nh3 against a small allowlist, and embedded as a
raw HTML block, so raw HTML, scripts, event attributes, ``javascript:`` links, attribute lists,
admonitions and snippet or template syntax are published as inert text. One-line values that
must sit in Markdown context (titles, link text, table cells) go through :func:`md_inline`.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal
from functools import cache
from typing import Any

import jinja2
import markdown
import nh3
import yaml

from generator.scoring import round2

_ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "h4", "h5"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:=^$])")
_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


@cache
def _converter() -> markdown.Markdown:
    """One bare Markdown instance (no extensions), reset before each use."""
    return markdown.Markdown(extensions=[], output_format="html")


def prose(text: str | None) -> str:
    """Admin Markdown → sanitized HTML with no blank lines (safe inside a raw HTML block)."""
    if not text:
        return ""
    converter = _converter()
    rendered = converter.reset().convert(html.escape(_demote_headings(text), quote=False))
    clean = nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return re.sub(r"\n\s*\n", "\n", clean).strip()


def _demote_headings(text: str) -> str:
    """Admin headings become small headings (h4+), below the page's own structure."""
    return re.sub(r"^(#{1,3})(?=\s)", "####", text, flags=re.MULTILINE)


def md_inline(value: object) -> str:
    """One line of text, safe in Markdown context: HTML-escaped and Markdown-escaped."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=True))


def attr(value: object) -> str:
    """Text for an HTML attribute or element inside a raw HTML block."""
    return html.escape(" ".join(str(value).split()), quote=True)


def plain(text: str | None, limit: int = 0) -> str:
    """Admin Markdown flattened to plain text (for descriptions and cards), optionally cut."""
    if not text:
        return ""
    flat = re.sub(r"[*_`#>\[\]]|\(https?://[^)]*\)", "", text)
    flat = " ".join(flat.split())
    if limit and len(flat) > limit:
        flat = flat[: limit - 1].rsplit(" ", 1)[0] + "…"
    return flat


def tanggal(value: Any) -> str:
    """A date in Indonesian, e.g. ``26 Januari 2021`` (fixed table, no locale)."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def angka(value: Decimal | int | float) -> str:
    """A number in Indonesian notation: ``1.500``, ``12,5``."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return f"{int(number):,}".replace(",", ".")
    whole, _, frac = f"{number:f}".partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac.rstrip("0")


def desimal(value: float) -> str:
    """A score with two decimals in Indonesian notation: ``35,07`` (half-up rounding)."""
    whole, _, frac = f"{round2(value):.2f}".partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac


def front_matter(values: dict[str, Any]) -> str:
    """YAML front matter written by a YAML dumper, never by interpolation."""
    dumped = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n"


def environment() -> jinja2.Environment:
    """The Markdown-producing Jinja2 environment (strict undefined, no autoescape)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        prose=prose,
        md=md_inline,
        attr=attr,
        plain=plain,
        tanggal=tanggal,
        angka=angka,
        desimal=desimal,
    )
    env.globals["front_matter"] = front_matter
    return env


def render(env: jinja2.Environment, template: str, context: dict[str, Any]) -> str:
    """Render one template; trailing whitespace stripped per line, one final newline."""
    text = env.get_template(template).render(**context)
    lines = [line.rstrip() for line in text.splitlines()]
    collapsed = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return collapsed + "\n"
