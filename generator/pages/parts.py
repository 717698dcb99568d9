"""The view parts every page kind is made of: front matter, links, badges, scores, cards,
prose sections, photos, pagers and list filters.

Views are frozen, fully resolved and already escaped (:mod:`generator.base.escape`).
Templates only format views: they never look anything up, never build a link and never
see a raw string (the Jinja environment refuses to print one). Each page kind declares its
own view next to its builder; what two or more kinds show lives here.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.base.escape import Html, Text, Url


@dataclass(frozen=True)
class Meta:
    """Front matter: title and description (Material prints both unescaped); ``search``
    marks a page for the search index, ``template`` picks a theme template."""

    title: Text
    description: Text
    search: bool = False
    template: str | None = None
    image: str | None = None
    """Site-relative path of the link-preview picture (a cover photo), if any."""


@dataclass(frozen=True)
class Link:
    """A link: target and label."""

    href: Url
    label: Text


@dataclass(frozen=True)
class Badge:
    """A small label; ``kind`` is a CSS modifier chosen by the generator."""

    label: Text
    kind: Text


@dataclass(frozen=True)
class Score:
    """An innovation's scores as shown on cards and pages."""

    klaim: int
    maksimum: int
    terverifikasi: Text
    diverifikasi: bool
    status: Badge
    jumlah_klaim: int
    klaim_berbukti: int
    words: Text
    """The claimed score in words: "belum ada bukti dukung" rather than "0/111"."""
    verified_words: Text


@dataclass(frozen=True)
class Card:
    """An innovation in a list."""

    link: Url
    cover: Url
    name: Text
    agency: Link
    badges: tuple[Badge, ...]
    summary: Text
    score: Score
    news: bool
    cover_webp: Url | None = None


@dataclass(frozen=True)
class Row:
    """A labelled value (profile tables, contact lists)."""

    label: Text
    value: Text


@dataclass(frozen=True)
class Section:
    """A heading and sanitized admin prose."""

    heading: Text
    body: Html


@dataclass(frozen=True)
class Photo:
    """A published photo: ``small`` is what a phone loads first, ``src`` the full size."""

    src: Url
    alt: Text
    caption: Text
    small: Url
    small_webp: Url | None = None


@dataclass(frozen=True)
class PagerLink:
    """One numbered link of a pager; ``number`` 0 is a gap ("…")."""

    number: int
    href: Url
    current: bool


@dataclass(frozen=True)
class Pager:
    """Links between the pages of one list."""

    label: Text
    previous: Url | None
    next: Url | None
    links: tuple[PagerLink, ...]


@dataclass(frozen=True)
class FilterOption:
    """One value of a filter: the value the index holds, and the option's text (a unit
    indented under its agency)."""

    value: Text
    label: Text


@dataclass(frozen=True)
class FilterChoice:
    """A filter of the in-browser list tools: a search filter name and its values."""

    key: Text
    label: Text
    values: tuple[FilterOption, ...]


@dataclass(frozen=True)
class ListView:
    """One page of a list of innovations (all of them, or one value of a facet)."""

    meta: Meta
    title: Text
    intro: Text
    cards: tuple[Card, ...]
    pager: Pager | None
    filters: tuple[FilterChoice, ...]
    back: Link | None
    score_sort: bool = True
    """Whether "Skor klaim tertinggi" is offered (not when every claimed score is 0)."""


@dataclass(frozen=True)
class Coverage:
    """How much of the regency's reported innovations the catalogue holds, for one year."""

    sentence: Text
    sources: tuple[Link, ...]


@dataclass(frozen=True)
class Book:
    """The yearly *Buku Inovasi Daerah* a build publishes: its site URI and year."""

    uri: str
    year: int
