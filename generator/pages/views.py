"""Typed page views: frozen, fully resolved and already escaped data for each template.

A view carries display labels (vocabulary and reference names looked up), framework rows,
final relative links and every contributor value made safe by :mod:`generator.base.escape`.
Templates only format views: they never look anything up, never build a link and never
see a raw string (the Jinja environment refuses to print one).
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
    framework_reason: Text
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
    """A published photo: ``small`` is what a phone loads first, ``src`` the full size."""

    src: Url
    alt: Text
    caption: Text
    small: Url
    small_webp: Url | None = None


@dataclass(frozen=True)
class Award:
    """An award or competition result."""

    year: Text
    """The year, or "Tahun tidak diketahui"."""
    name: Text
    rank: Text
    kind: Text


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
class Goal:
    """A Sustainable Development Goal (TPB); its official colour is CSS ``kt-tpb--<n>``."""

    number: int
    label: Text


@dataclass(frozen=True)
class SearchField:
    """A value the search index reads from a page: a filter, a result field or a sort key."""

    kind: Text
    key: Text
    value: Text


@dataclass(frozen=True)
class InnovationView:
    """The page of one innovation."""

    meta: Meta
    search: tuple[SearchField, ...]
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
    indicators: Indicators | None
    goals: tuple[Goal, ...]
    how_scored: Url
    changed: Text
    edit: Url | None
    """"Terakhir diubah ..." from Git history, or empty when unknown."""
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
    scope: Text
    totals: Totals
    cards: tuple[Card, ...]
    pager: Pager | None
    scorecard: Url


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
    pemda: Text
    figures: tuple[Figure, ...]
    stages: Text
    buttons: tuple[Link, ...]
    newest: tuple[Card, ...]
    agencies: tuple[AgencyRow, ...]
    all_agencies: Url


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
class FilterChoice:
    """A filter of the in-browser list tools: a search filter name and its values."""

    key: Text
    label: Text
    values: tuple[Text, ...]


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


@dataclass(frozen=True)
class AgencyEntry:
    """An agency in the agency list, with the units under it."""

    link: Link
    own: int
    total: int
    children: tuple[AgencyEntry, ...]
    more: Text
    """When the units are too many to list here: how many, listed on the agency's page."""


@dataclass(frozen=True)
class AgencyGroup:
    """Agencies of one kind (SKPD, puskesmas, kecamatan, ...)."""

    title: Text
    entries: tuple[AgencyEntry, ...]


@dataclass(frozen=True)
class AgenciesView:
    """The list of agencies, grouped by kind, each with the units under it."""

    meta: Meta
    groups: tuple[AgencyGroup, ...]


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet with its count and list."""

    link: Link
    count: int


@dataclass(frozen=True)
class FacetSummary:
    """A facet on the browse overview."""

    title: Text
    anchor: Text
    values: tuple[FacetValue, ...]


@dataclass(frozen=True)
class BrowseView:
    """The browse overview: every facet with its values."""

    meta: Meta
    facets: tuple[FacetSummary, ...]


@dataclass(frozen=True)
class DataFile:
    """One downloadable open-data file."""

    link: Link
    about: Text


@dataclass(frozen=True)
class CodeList:
    """The codes of one column and their labels (data dictionary)."""

    column: Text
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class OpenDataView:
    """The open-data page: files, date, terms, and the data dictionary."""

    meta: Meta
    count: int
    files: tuple[DataFile, ...]
    data_date: Text
    terms: Text
    licence: Link | None
    columns: tuple[Row, ...]
    codes: tuple[CodeList, ...]


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
    innovations: Link | None


@dataclass(frozen=True)
class PublishedResult:
    """A published IID result (reference data), with its sources."""

    year: int
    summary: Text
    sources: tuple[Link, ...]


@dataclass(frozen=True)
class IndexView:
    """The Indeks Inovasi Daerah page: plain sentences first, then the years in detail."""

    meta: Meta
    summary: tuple[Text, ...]
    published: tuple[PublishedResult, ...]
    years: tuple[YearView, ...]
    unreported: Link | None


@dataclass(frozen=True)
class Tile:
    """A headline number on the statistics page, linking to its list."""

    value: Text
    label: Text
    href: Url | None


@dataclass(frozen=True)
class StatRow:
    """One bar of a statistics chart, as a table row."""

    label: Text
    href: Url | None
    count: int
    share: Text


@dataclass(frozen=True)
class StatChart:
    """A chart of the statistics page with the table it draws."""

    title: Text
    anchor: Text
    svg: Html
    rows: tuple[StatRow, ...]
    note: Text


@dataclass(frozen=True)
class StatsView:
    """The statistics page."""

    meta: Meta
    tiles: tuple[Tile, ...]
    charts: tuple[StatChart, ...]


@dataclass(frozen=True)
class YearRow:
    """The regency in one reporting year, for the scorecards."""

    year: int
    count: int
    evidenced: int
    verified: int
    klaim: int
    change: Text


@dataclass(frozen=True)
class Scorecard:
    """One agency's scorecard for the DPRD."""

    link: Link
    scope: Text
    count: int
    completeness: Text
    klaim: int
    maksimum: int
    verified: Text
    change: Text


@dataclass(frozen=True)
class ScorecardsView:
    """The scorecards page: the regency year over year, then one card per agency."""

    meta: Meta
    latest: Text
    years: tuple[YearRow, ...]
    cards: tuple[Scorecard, ...]


@dataclass(frozen=True)
class SearchView:
    """The search page (results come from the Pagefind index in the browser)."""

    meta: Meta
    filters: tuple[FilterChoice, ...]
