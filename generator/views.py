"""Typed page views: frozen, fully resolved and already escaped data for each template.

A view carries display labels (vocabulary and reference names looked up), framework rows,
final relative links and every contributor value made safe by :mod:`generator.escape`.
Templates only format views: they never look anything up, never build a link and never
see a raw string (the Jinja environment refuses to print one).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.escape import Html, Text, Url


@dataclass(frozen=True)
class Meta:
    """Front matter: page title and description (Material prints both unescaped)."""

    title: Text
    description: Text


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


@dataclass(frozen=True)
class Row:
    """A labelled value (profile tables, contact lists)."""

    label: Text
    value: Text


@dataclass(frozen=True)
class Step:
    """A stage of the timeline."""

    label: Text
    date: Text
    state: Text
    current: bool


@dataclass(frozen=True)
class Chart:
    """An inline SVG chart with its caption."""

    svg: Html
    caption: Text


@dataclass(frozen=True)
class ResultRow:
    """One row of the per-year results table."""

    year: int
    value: Text
    unit: Text
    note: Text


@dataclass(frozen=True)
class Evidence:
    """One piece of supporting evidence of a claim."""

    link: Link
    external: bool
    reference: Text


@dataclass(frozen=True)
class IndicatorLine:
    """One claimed indicator in the indicator table."""

    title: Text
    wajib: bool
    claim: Text
    note: Text
    points: Text
    evidence: tuple[Evidence, ...]
    pokja: Text
    pokja_note: Text


@dataclass(frozen=True)
class PokjaNote:
    """The pokja's general note on a verification."""

    heading: Text
    body: Html


@dataclass(frozen=True)
class Indicators:
    """The IID section of an innovation page."""

    framework: Text
    framework_id: Text
    score: Score
    status: Text
    note: PokjaNote | None
    missing: Text
    lines: tuple[IndicatorLine, ...]


@dataclass(frozen=True)
class Section:
    """A heading and sanitized admin prose."""

    heading: Text
    body: Html


@dataclass(frozen=True)
class Photo:
    """A published photo."""

    src: Url
    alt: Text
    caption: Text


@dataclass(frozen=True)
class Award:
    """An award or competition result."""

    year: int
    name: Text
    rank: Text


@dataclass(frozen=True)
class Replica:
    """A regional government that replicated the innovation."""

    pemda: Text
    year: int
    link: Url | None


@dataclass(frozen=True)
class Proposal:
    """A competition proposal with its sections."""

    summary: Text
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class InnovationView:
    """The page of one innovation."""

    meta: Meta
    name: Text
    badges: tuple[Badge, ...]
    score: Score
    is_news: bool
    cover: Photo
    summary: Html
    agency: Link
    profile: tuple[Row, ...]
    timeline: tuple[Step, ...]
    charts: tuple[Chart, ...]
    results: tuple[ResultRow, ...]
    indicators: Indicators
    design: tuple[Section, ...]
    sections: tuple[Section, ...]
    photos: tuple[Photo, ...]
    documents: tuple[Link, ...]
    video: Url | None
    links: tuple[Link, ...]
    awards: tuple[Award, ...]
    replicas: tuple[Replica, ...]
    replicated_by: tuple[Link, ...]
    contact: tuple[Row, ...]
    proposals: tuple[Proposal, ...]


@dataclass(frozen=True)
class Totals:
    """An agency's totals."""

    count: int
    klaim: int
    maksimum: int
    terverifikasi: int
    diverifikasi: int
    jumlah_klaim: int
    klaim_berbukti: int


@dataclass(frozen=True)
class AgencyView:
    """The page of one agency."""

    meta: Meta
    name: Text
    badges: tuple[Badge, ...]
    former_names: Text
    parent: Link | None
    website: Link | None
    children: tuple[Link, ...]
    totals: Totals
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class AgencyRow:
    """An agency in the agency list."""

    link: Link
    kind: Text
    count: int
    klaim: int
    terverifikasi: int


@dataclass(frozen=True)
class Figure:
    """A headline number."""

    value: int
    label: Text


@dataclass(frozen=True)
class HomeView:
    """The home page."""

    meta: Meta
    figures: tuple[Figure, ...]
    stages: Text
    buttons: tuple[Link, ...]
    newest: tuple[Card, ...]
    agencies: tuple[AgencyRow, ...]
    all_agencies: Url


@dataclass(frozen=True)
class ListView:
    """The list of every innovation."""

    meta: Meta
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class AgenciesView:
    """The list of agencies."""

    meta: Meta
    rows: tuple[AgencyRow, ...]


@dataclass(frozen=True)
class OpenDataView:
    """The open-data page."""

    meta: Meta
    count: int
    json: Url
    csv: Url


@dataclass(frozen=True)
class CodeRow:
    """One finding code on the "Kode temuan" page."""

    code: Text
    anchor: Text
    title: Text
    fix: Text


@dataclass(frozen=True)
class CodeFamily:
    """A family of finding codes (one letter)."""

    title: Text
    rows: tuple[CodeRow, ...]


@dataclass(frozen=True)
class CodesView:
    """The guide's page of finding codes."""

    meta: Meta
    families: tuple[CodeFamily, ...]


@dataclass(frozen=True)
class ProjectionRow:
    """One row of a year's projection table."""

    label: Text
    klaim: Text
    terverifikasi: Text
    maksimum: Text
    strong: bool


@dataclass(frozen=True)
class YearView:
    """One reporting year on the IID page."""

    year: int
    count: int
    not_computed: Text
    framework: Text
    framework_id: Text
    divisor: Text
    below_minimum: bool
    rows: tuple[ProjectionRow, ...]
    count_rule: Text
    yandas: Text
    covered: tuple[Text, ...]
    missing: tuple[Text, ...]
    bands: Text
    innovations: tuple[Link, ...]


@dataclass(frozen=True)
class IndexView:
    """The Indeks Inovasi Daerah page."""

    meta: Meta
    years: tuple[YearView, ...]
    unreported: tuple[Link, ...]
