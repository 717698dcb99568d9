"""Formatting page views as finished HTML: the Jinja2 environment and the one rule it enforces.

Templates only format views (:mod:`generator.pages.views`). The environment autoescapes, and its
``finalize`` hook refuses to print anything that is not an escaped value made by
:mod:`generator.base.escape` (``Text``, ``Html``, ``Url``, or a macro's output built from them)
or an ``int``: a raw contributor string, ``None``, a float or a date printed by a template
is a build error, not a published page.

A page is YAML front matter and the HTML MkDocs places in the theme: the plugin skips the
Markdown step for it. The HTML is what Python-Markdown made of the pages when they were
Markdown (``tests/test_built_pages.py``): headings carry the ids and permalinks of MkDocs'
``toc`` extension (:class:`Outline`, configured as :data:`TOC_CONFIG`), and
:func:`table_of_contents` reads them back for the page's table of contents.
"""

from __future__ import annotations

import html
import re
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any

import jinja2
import yaml
from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from markupsafe import Markup, escape

from generator.pages.parts import Meta


class UnescapedValue(TypeError):
    """A template tried to print a value that did not pass the escaping layer."""


def _finalize(value: object) -> object:
    if isinstance(value, Markup) or type(value) is int:
        return value
    raise UnescapedValue(
        f"template printed an unescaped {type(value).__name__}: {str(value)[:60]!r}"
    )


@cache
def environment() -> jinja2.Environment:
    """The page-producing Jinja2 environment (one per process; templates are immutable)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator.pages", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter where PyYAML was built with it: ten times faster; the same values (it
writes a few characters, such as emoji, as escapes)."""


def front_matter(meta: Meta) -> str:
    """YAML front matter written by a YAML dumper, never by interpolation.

    The values are already :class:`~generator.base.escape.Text` (entities for every HTML and
    Markdown metacharacter), because Material prints ``title`` and ``description`` unescaped.
    """
    values: dict[str, object] = {"title": str(meta.title), "description": str(meta.description)}
    if meta.search:
        values["pagefind"] = True
    if meta.template:
        values["template"] = meta.template
    if meta.image:
        values["image"] = meta.image
    dumped = yaml.dump(values, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n"


TOC_CONFIG = {"permalink": True, "permalink_title": "Tautan ke bagian ini"}
"""The ``toc`` settings of ``mkdocs.yml`` whose headings :class:`Outline` writes (the plugin
refuses a ``mkdocs.yml`` with others, so generated and hand-written pages agree)."""

_PERMALINK_TITLE = escape(TOC_CONFIG["permalink_title"])


class Outline:
    """The headings of one page, given ids as Python-Markdown's ``toc`` extension gives them:
    the slug of the heading's text, made unique with ``_1``, ``_2`` in the page's order, or
    the id the template names (the old ``{: #id }``)."""

    title = _PERMALINK_TITLE

    def __init__(self) -> None:
        self._ids: set[str] = set()
        self._auto: set[str] = set()
        self._counters: dict[str, int] = {}

    def anchor(self, text: Markup, given: Markup | None = None) -> Markup:
        """The id of a heading whose (escaped) inner HTML is ``text``."""
        if not isinstance(text, Markup) or (given is not None and not isinstance(given, Markup)):
            raise UnescapedValue(f"heading {str(text)[:60]!r} is not escaped")
        if given is not None:
            if str(given) in self._auto:
                # the toc extension reserves named ids before it numbers the others
                raise ValueError(f"heading id {given!r} was already given to an earlier heading")
            self._ids.add(str(given))
            return given
        name = html.unescape(strip_tags(str(text)))
        slug = unique(slugify(name, "-"), self._ids, self._counters)
        self._auto.add(slug)
        return escape(slug)


_HEADING = re.compile(
    r'<h([1-6]) id="([^"]*)">(.*?)<a class="headerlink" href="#\2" title="[^"]*">&para;</a></h\1>'
)


def table_of_contents(page: str) -> list[Any]:
    """The table of contents of a page written by :func:`render`, as the ``toc`` extension's
    nested tokens (``mkdocs.structure.toc.get_toc`` takes them)."""
    tokens: list[Any] = []  # the toc extension's token dicts (typed apart in its stubs)
    for level, anchor, inner in _HEADING.findall(page):
        tokens.append(
            {
                "level": int(level),
                "id": html.unescape(anchor),
                "name": strip_tags(inner),
                "html": inner,
                "data-toc-label": "",
            }
        )
    return list(nest_toc_tokens(tokens))


_ID = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]*)"')


def anchors(page: str) -> set[str]:
    """Every id of a page written by :func:`render` (values are attribute-escaped, so a
    ``"`` never appears inside one), for MkDocs' validation of links to its anchors."""
    return {html.unescape(value) for value in _ID.findall(page)}


def render(template: str, view: Any) -> str:
    """Format one view; front matter first, trailing whitespace stripped, one final newline."""
    if not is_dataclass(view) or isinstance(view, type):
        raise TypeError("render() takes a view dataclass instance")
    context = {f.name: getattr(view, f.name) for f in fields(view)}
    context["toc"] = Outline()
    body = environment().get_template(template).render(**context)
    lines = [line.rstrip() for line in body.splitlines()]
    collapsed = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    meta = getattr(view, "meta")  # noqa: B009 - every page view has one
    if not isinstance(meta, Meta):
        raise TypeError("a page view needs meta: Meta")
    return front_matter(meta) + collapsed + "\n"


def render_html(template: str, **context: Any) -> str:
    """Render a whole HTML page that is not a MkDocs page (the admin form), autoescaped."""
    return environment().get_template(template).render(**context)


def render_text(template: str, **context: Any) -> str:
    """Render a non-page template (the ``sepeda new`` YAML skeleton) without finalize rules."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.pages", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 - YAML output for the admin's own editor, not HTML
        keep_trailing_newline=True,
    )
    return env.get_template(template).render(**context)
