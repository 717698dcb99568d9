"""Formatting page views as Markdown: the Jinja2 environment and the one rule it enforces.

Templates only format views (:mod:`generator.pages.views`). The environment autoescapes, and its
``finalize`` hook refuses to print anything that is not an escaped value made by
:mod:`generator.base.escape` (``Text``, ``Html``, ``Url``, or a macro's output built from them)
or an ``int``: a raw contributor string, ``None``, a float or a date printed by a template
is a build error, not a published page.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any

import jinja2
import yaml
from markupsafe import Markup

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
    """The Markdown-producing Jinja2 environment (one per process; templates are immutable)."""
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


def render(template: str, view: Any) -> str:
    """Format one view; front matter first, trailing whitespace stripped, one final newline."""
    if not is_dataclass(view) or isinstance(view, type):
        raise TypeError("render() takes a view dataclass instance")
    context = {f.name: getattr(view, f.name) for f in fields(view)}
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
