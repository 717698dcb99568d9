"""The last line of defence: every HTML page is scanned before the site is published.

Runs on every build (from the plugin's ``on_post_page``/``on_post_template``), not only in
tests. A page fails when it carries an event-handler attribute, a script that is not one of
the theme's files (or its JSON configuration), a ``<style>`` element, a dangerous URL scheme
(``javascript:``, ``vbscript:``, ``data:``, ``file:``), ``<base>``, ``<iframe>``,
``<object>``, ``<embed>``, ``<template>`` (whose content a parser does not walk), a meta
refresh, or a resource or form that points at another host. Findings name the page and the
catalogue files it was made from.

Pages are parsed with Lexbor (``selectolax``), an HTML5 parser that builds the same tree a
browser does (misnested tags, attributes in any case, SVG and MathML content), ten times
faster than ``html.parser``, which was the largest cost of our own in a 20,000-innovation
build (bench/RESULTS.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from generator.base import urls
from generator.base.codes import Code
from generator.base.diagnostics import Finding, Severity

FORBIDDEN_TAGS = frozenset(
    {"base", "iframe", "frame", "frameset", "object", "embed", "applet", "template"}
)
DANGEROUS_SCHEMES = frozenset({"javascript", "vbscript", "data", "file"})
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "background",
     "cite", "manifest", "icon", "srcset", "ping"}
)  # fmt: skip
RESOURCE_ATTRIBUTES = frozenset({"src", "poster", "data", "srcset", "background", "manifest"})
_STRIP = re.compile(r"[\x00-\x20\x7f]+")
_THEME_SCRIPT = re.compile(r"^(?:/|(?:\.\./|\./)*)assets/(?:javascripts|katalog)/[\w./-]+\.js$")


@dataclass(frozen=True)
class _Problem:
    tag: str
    attribute: str
    message: str


class _PageChecker:
    """Collects the problems of one page."""

    def __init__(self, own_hosts: frozenset[str]) -> None:
        self.own_hosts = own_hosts
        self.problems: list[_Problem] = []

    def _add(self, tag: str, attribute: str, message: str) -> None:
        self.problems.append(_Problem(tag, attribute, message))

    def check(self, html: str) -> None:
        """Every element of the parsed page (the names are lower case, as a browser has them)."""
        root = LexborHTMLParser(html).root
        for node in root.traverse(include_text=False) if root is not None else ():
            tag = node.tag or ""
            if tag.startswith("_"):  # Lexbor's name for a comment or text node
                continue
            self.element(tag, {k.lower(): (v or "") for k, v in node.attributes.items()})

    def element(self, tag: str, values: Mapping[str, str]) -> None:
        if tag in FORBIDDEN_TAGS:
            self._add(tag, "", f"elemen <{tag}> tidak boleh ada")
        for name in values:
            if name.startswith("on"):
                self._add(tag, name, f"atribut penangan peristiwa '{name}' tidak boleh ada")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self._add(tag, "http-equiv", "meta refresh (pengalihan otomatis) tidak boleh ada")
        if tag == "style":
            self._add(tag, "", "elemen <style> di luar tema tidak boleh ada")
        if tag == "script":
            self._check_script(values)
        for name, value in values.items():
            if name in URL_ATTRIBUTES:
                self._check_url(tag, name, value, values)

    def _check_script(self, values: Mapping[str, str]) -> None:
        src = values.get("src")
        if src is not None:
            if not _THEME_SCRIPT.match(src):
                self._add("script", "src", f"skrip '{src[:80]}' bukan berkas tema situs ini")
        elif values.get("type") != "application/json" or values.get("id") != "__config":
            self._add("script", "", "skrip di dalam halaman tidak boleh ada")

    def _check_url(self, tag: str, name: str, value: str, values: Mapping[str, str]) -> None:
        candidates = (
            [part.strip().split(" ")[0] for part in value.split(",")]
            if name == "srcset"
            else [value]
        )
        for candidate in candidates:
            cleaned = _STRIP.sub("", candidate)
            parts = urlsplit(cleaned)
            scheme = parts.scheme.lower()
            if scheme in DANGEROUS_SCHEMES:
                self._add(tag, name, f"alamat dengan skema '{scheme}:' tidak boleh ada")
                continue
            host = parts.hostname or ""
            foreign = bool(host) and host not in self.own_hosts
            loads = name in RESOURCE_ATTRIBUTES or (
                tag == "link" and name == "href" and values.get("rel", "") not in ("canonical",)
            )
            submits = name in ("action", "formaction")
            if foreign and (loads or submits):
                what = "mengirim formulir ke" if submits else "memuat sumber dari"
                self._add(tag, name, f"halaman {what} situs lain ({host})")


SOURCES_NAMED = 5
"""Source files a finding names (a list page is made from every listed record)."""


class Scanner:
    """Scans pages; knows which catalogue files each generated page came from."""

    def __init__(
        self, sources: Mapping[str, tuple[str, ...]], own_hosts: frozenset[str] = frozenset()
    ) -> None:
        self.sources = sources
        self.own_hosts = own_hosts

    def scan(self, html: str, src_uri: str) -> list[Finding]:
        """Findings for one page (empty when it is safe to publish)."""
        parser = _PageChecker(self.own_hosts)
        parser.check(html)
        files = self.sources.get(src_uri, ())
        own = files and urls.is_record_page(src_uri)
        path = files[0] if own else f"(halaman {src_uri})"
        named = ", ".join(files[:SOURCES_NAMED])
        if len(files) > SOURCES_NAMED:
            named += f" dan {len(files) - SOURCES_NAMED} berkas lain"
        origin = f" (halaman {src_uri}, dibuat dari {named})" if files else ""
        return [
            Finding(
                path,
                0,
                0,
                Severity.ERROR,
                f"<{p.tag}>{'.' + p.attribute if p.attribute else ''}",
                f"{p.message}{origin}",
                Code.OUTPUT_UNSAFE,
            )
            for p in parser.problems
        ]
