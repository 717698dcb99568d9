"""What every page kind's builder shares: the page spec, the catalogue's lookups (built
once per plan), links, front matter, scores in words, cards and the list filters.

Pure: catalogue and scores in, escaped view parts out (no disk, no clock). Every
contributor value passes through :mod:`generator.base.escape` here or in the page kind's
own module, once, for the context it lands in; links are final relative URLs from
:mod:`generator.base.urls`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from generator.base import urls, vocab
from generator.base.escape import Text, Url, plain_text, text, url
from generator.base.history import History
from generator.base.reuse import FRESH, Reuse
from generator.catalogue.records import Agency, Catalogue, Innovation
from generator.iid.scoring import AgencyTotals, InnovationScore, agency_totals
from generator.pages import graphics
from generator.pages import parts as v
from generator.pages.facets import FACETS, grouped
from generator.record.region import Region


@dataclass(frozen=True)
class Page:
    """One generated page: where, which view and template, and its source files."""

    uri: str
    template: str
    view: object
    sources: tuple[str, ...] = ()
    """Every catalogue file whose content the page shows, its own record first: an edit of
    any other file leaves the page as it is."""


@dataclass(frozen=True)
class PageContext:
    """Whole-catalogue lookups for the page builders, computed once per plan."""

    catalogue: Catalogue
    scores: Mapping[str, InnovationScore]
    history: History
    region: Region
    members: Mapping[str, tuple[Innovation, ...]]
    """An agency's own innovations."""
    children: Mapping[str, tuple[Agency, ...]]
    replicated_by: Mapping[str, tuple[Innovation, ...]]
    cover: Mapping[str, str]
    family: Mapping[str, tuple[Innovation, ...]]
    """An agency's own innovations, then those of every unit under it (recursively)."""
    family_totals: Mapping[str, AgencyTotals]
    everything: tuple[str, ...]
    """Every catalogue file (the sources of the pages that sum up the whole catalogue)."""
    book: v.Book | None = None
    """The yearly book this build publishes (a PDF), if it publishes one: pages link to it
    only then, so a link never names a file the site does not have."""
    card_parts: dict[str, v.Card] = field(default_factory=dict, compare=False, repr=False)
    """Escaped card contents per innovation, made once per plan (links are per page)."""
    reuse: Reuse = field(default=FRESH, compare=False, repr=False)
    """A preview's results kept from its last build (:mod:`generator.base.reuse`)."""
    era: object = field(default=None, compare=False, repr=False)
    """The same object from build to build while every setting a page shows (today, the
    Git dates, the region, the reference, the book) is unchanged."""

    @cached_property
    def agency_slugs(self) -> frozenset[str]:
        """Every agency of the catalogue, by slug."""
        return frozenset(a.slug for a in self.catalogue.agencies)

    @cached_property
    def filters(self) -> tuple[v.FilterChoice, ...]:
        """The in-browser filters of "Semua inovasi" and the search page (made once)."""
        return filter_choices(self)

    def top_agencies(self) -> tuple[Agency, ...]:
        """Agencies under no other agency of the catalogue, in catalogue order."""
        return tuple(a for a in self.catalogue.agencies if a.data.induk not in self.agency_slugs)

    def lineage(self, slug: str) -> tuple[Agency, ...]:
        """The agency, then each agency above it (an induk cycle stops the walk)."""
        found = [self.catalogue.agency(slug)]
        seen = {slug}
        while (parent := found[-1].data.induk) in self.agency_slugs and parent not in seen:
            found.append(self.catalogue.agency(parent or ""))
            seen.add(parent or "")
        return tuple(found)

    @classmethod
    def build(
        cls,
        catalogue: Catalogue,
        scores: Mapping[str, InnovationScore],
        history: History,
        region: Region,
        book: v.Book | None = None,
        *,
        reuse: Reuse = FRESH,
        era: object = None,
    ) -> PageContext:
        members: dict[str, list[Innovation]] = defaultdict(list)
        replicated: dict[str, list[Innovation]] = defaultdict(list)
        children: dict[str, list[Agency]] = defaultdict(list)
        for innovation in catalogue.innovations:
            members[innovation.opd].append(innovation)
            for item in innovation.data.replikasi:
                if item.inovasi:
                    replicated[item.inovasi].append(innovation)
        for agency in catalogue.agencies:
            if agency.data.induk:
                children[agency.data.induk].append(agency)
        units = {k: tuple(x) for k, x in children.items()}
        family = {
            a.slug: tuple(
                i for unit in (a, *_descendants(units, a.slug)) for i in members.get(unit.slug, ())
            )
            for a in catalogue.agencies
        }
        return cls(
            catalogue,
            scores,
            history,
            region,
            members={k: tuple(x) for k, x in members.items()},
            children=units,
            replicated_by={k: tuple(x) for k, x in replicated.items()},
            cover={i.slug: cover_file(i) for i in catalogue.innovations},
            family=family,
            family_totals={
                slug: agency_totals(slug, [scores[i.slug] for i in found])
                for slug, found in family.items()
            },
            everything=(
                *(a.source.path for a in catalogue.agencies),
                *shown_files(catalogue, catalogue.innovations),
            ),
            book=book,
            reuse=reuse,
            era=era,
        )


def _descendants(children: Mapping[str, tuple[Agency, ...]], slug: str) -> tuple[Agency, ...]:
    """Every unit under an agency, depth first, in catalogue order."""
    found: list[Agency] = []
    seen = {slug}  # an induk cycle (A under B under A) must not loop
    stack = list(reversed(children.get(slug, ())))
    while stack:
        unit = stack.pop()
        if unit.slug in seen:
            continue
        seen.add(unit.slug)
        found.append(unit)
        stack.extend(reversed(children.get(unit.slug, ())))
    return tuple(found)


def shown_files(catalogue: Catalogue, innovations: Iterable[Innovation]) -> tuple[str, ...]:
    """The files behind the cards of ``innovations``: each record, its verification and its
    agency (whose name the card shows), each once, in order."""
    found: dict[str, None] = {}
    for innovation in innovations:
        found[innovation.source.path] = None
        if innovation.verifikasi_source:
            found[innovation.verifikasi_source.path] = None
        found[catalogue.agency(innovation.opd).source.path] = None
    return tuple(found)


def cover_file(innovation: Innovation) -> str:
    """The cover image file name inside the innovation's folder on the site."""
    photos = [m for m in innovation.data.media if urls.is_image(m.berkas)]
    chosen = next((m for m in photos if m.sampul), photos[0] if photos else None)
    return chosen.berkas if chosen else urls.COVER_SVG


def small_cover(ctx: PageContext, innovation: Innovation) -> str:
    """Site URI of the cover as a card shows it: the small copy of a photo, or the SVG."""
    name = ctx.cover[innovation.slug]
    if name == urls.COVER_SVG:
        return urls.innovation_file(innovation.slug, name)
    return urls.small_file(innovation.slug, name)


def webp_href(source: str, small: str) -> Url | None:
    """Link from ``source`` to the WebP twin of the small photo copy ``small``, if it has one."""
    twin = urls.webp_copy(small)
    return href(source, twin) if twin else None


def latest_date(innovation: Innovation) -> tuple[date, str]:
    """Sort key for "newest": the latest date or year the record mentions."""
    data = innovation.data
    days = [d for _, d in data.tanggal.steps() if d is not None] if data.tanggal else []
    years = [*data.tahun_laporan, *(p.tahun for p in data.penghargaan if p.tahun is not None)]
    candidates = days + [date(y, 1, 1) for y in years]
    return (max(candidates) if candidates else date(1900, 1, 1), innovation.slug)


def meta(title: str, description: str, *, search: bool = False) -> v.Meta:
    """Front matter of a page; ``search`` puts the page in the search index."""
    return v.Meta(text(title), text(description, 300), search)


def href(source: str, target: str) -> Url:
    return url(urls.link(source, target))


def score_view(score: InnovationScore) -> v.Score:
    verified = "–" if score.terverifikasi is None else str(score.terverifikasi)
    if not score.jumlah_klaim:
        words = "Belum ada klaim indikator IID"
    elif not score.klaim_berbukti:
        words = f"Belum ada bukti dukung ({score.jumlah_klaim} indikator diklaim)"
    else:
        words = f"Skor klaim {score.klaim} dari {score.maksimum}"
    verified_words = (
        f"terverifikasi pokja: {score.terverifikasi}"
        if score.terverifikasi is not None
        else "belum diverifikasi pokja"
    )
    return v.Score(
        klaim=score.klaim,
        maksimum=score.maksimum,
        terverifikasi=text(verified),
        diverifikasi=score.terverifikasi is not None,
        status=v.Badge(
            text(vocab.STATUS_VERIFIKASI[score.status_verifikasi]),
            text(f"status-{score.status_verifikasi}"),
        ),
        jumlah_klaim=score.jumlah_klaim,
        klaim_berbukti=score.klaim_berbukti,
        words=text(words),
        verified_words=text(verified_words),
    )


def agency_link(source: str, agency: Agency) -> v.Link:
    return v.Link(href(source, urls.agency_uri(agency.slug)), text(agency.data.nama))


def card(ctx: PageContext, innovation: Innovation, source: str) -> v.Card:
    """An innovation's card as seen from the page ``source``.

    An innovation appears in a dozen lists (all, each facet value, each agency above it);
    its escaped text is made once per plan and only the relative links per page.
    """
    parts = card_parts(ctx, innovation)
    agency_uri = urls.agency_uri(innovation.opd)
    cover = small_cover(ctx, innovation)
    return replace(
        parts,
        link=href(source, urls.innovation_uri(innovation.slug)),
        cover=href(source, cover),
        cover_webp=webp_href(source, cover),
        agency=v.Link(href(source, agency_uri), parts.agency.label),
    )


def card_parts(ctx: PageContext, innovation: Innovation) -> v.Card:
    """An innovation's card without its links: made once per plan, and kept by a preview
    while the record, its agency and its score are the same objects."""
    parts = ctx.card_parts.get(innovation.slug)
    if parts is None:
        inputs = (
            innovation.data,
            ctx.catalogue.agency(innovation.opd).data,
            ctx.scores[innovation.slug],
        )
        parts = ctx.card_parts[innovation.slug] = ctx.reuse.same(
            "kartu", innovation.slug, inputs, lambda: _card_parts(ctx, innovation)
        )
    return parts


def _card_parts(ctx: PageContext, innovation: Innovation) -> v.Card:
    data = innovation.data
    badges = []
    if data.tahapan:
        badges.append(v.Badge(text(vocab.TAHAPAN[data.tahapan]), text("tahapan")))
    score = score_view(ctx.scores[innovation.slug])
    if data.sumber_data == "berita":
        badges.append(v.Badge(text("Dari pemberitaan"), text("berita")))
    else:
        badges.append(score.status)
    unlinked = url("")
    return v.Card(
        link=unlinked,
        cover=unlinked,
        name=text(data.nama),
        agency=v.Link(unlinked, text(ctx.catalogue.agency(innovation.opd).data.nama)),
        badges=tuple(badges),
        summary=plain_text(data.ringkasan, 180),
        score=score,
        news=data.sumber_data == "berita",
    )


def colour(catalogue: Catalogue, innovation: Innovation) -> str:
    urusan = innovation.data.urusan
    nomor = catalogue.reference.urusan[urusan.utama].nomor if urusan else None
    return graphics.urusan_colour(nomor)


def filter_choices(ctx: PageContext) -> tuple[v.FilterChoice, ...]:
    """The in-browser filters of "Semua inovasi" and the search page: agency, every facet,
    verification state and data source, each with the values some innovation has (the
    values :func:`generator.pages.innovation.search_fields` writes into the index)."""

    def option(value: str, label: str | None = None) -> v.FilterOption:
        return v.FilterOption(text(value), text(label or value))

    choices = [v.FilterChoice(text("opd"), text("Perangkat daerah"), _agency_options(ctx))]
    for facet in FACETS:
        values = tuple(option(label) for (_, label), _ in grouped(ctx.catalogue, facet))
        choices.append(v.FilterChoice(text(facet.key), text(facet.label), values))
    states = {ctx.scores[i.slug].status_verifikasi for i in ctx.catalogue.innovations}
    sources = {i.data.sumber_data for i in ctx.catalogue.innovations}
    for key, label, vocabulary, found in (
        ("status", "Status verifikasi", vocab.STATUS_VERIFIKASI, states),
        ("sumber", "Sumber data", vocab.SUMBER_DATA, sources),
    ):
        values = tuple(option(name) for slug, name in vocabulary.items() if slug in found)
        choices.append(v.FilterChoice(text(key), text(label), values))
    return tuple(choices)


def _agency_options(ctx: PageContext) -> tuple[v.FilterOption, ...]:
    """Every agency that has an innovation or a unit with one, A-Z, each followed by its
    units (indented with a dash): Dinas Kesehatan is offered though only its puskesmas have
    innovations, and filtering by it finds theirs."""
    listed = {a.slug for i in ctx.catalogue.innovations for a in ctx.lineage(i.opd)}
    agencies = [a for a in ctx.catalogue.agencies if a.slug in listed]
    parent = {a.slug: (ctx.lineage(a.slug)[1:2] or (None,))[0] for a in agencies}
    children: dict[str | None, list[Agency]] = defaultdict(list)
    for agency in agencies:
        above = parent[agency.slug]
        children[above.slug if above else None].append(agency)
    found: list[v.FilterOption] = []

    def walk(slug: str | None, depth: int) -> None:
        for agency in sorted(children.get(slug, []), key=lambda a: a.data.nama.casefold()):
            name = agency.data.nama
            found.append(v.FilterOption(text(name), text("– " * depth + name)))
            walk(agency.slug, depth + 1)

    walk(None, 0)
    shown = {o.value for o in found}  # an induk cycle (refused by the checks) stays findable
    found += [option for option in _flat(agencies) if option.value not in shown]
    return tuple(found)


def _flat(agencies: Iterable[Agency]) -> list[v.FilterOption]:
    names = sorted({a.data.nama for a in agencies}, key=str.casefold)
    return [v.FilterOption(text(name), text(name)) for name in names]


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def mandatory_evidence(scores: Iterable[InnovationScore]) -> str:
    """ "Bukti dukung" of an agency (Rapor and the agency page): the mandatory indicators of
    every innovation that have a claim with evidence (2 innovations x 5 mandatory = 10), not
    only the claims made."""
    rows = [r for s in scores for r in s.baris if r.wajib]
    if not rows:
        return "belum ada inovasi"
    evidenced = sum(1 for r in rows if r.ada_bukti)
    return (
        f"{percent(evidenced, len(rows))} ({evidenced} dari {len(rows)} indikator wajib berbukti)"
    )


def has_evidence(ctx: PageContext, innovation: Innovation) -> bool:
    return ctx.scores[innovation.slug].klaim_berbukti > 0


def is_verified(ctx: PageContext, innovation: Innovation) -> bool:
    return ctx.scores[innovation.slug].status_verifikasi == "terverifikasi"


PREDICATE_COVERAGE = 0.8
"""A projection's predicate is printed only when the catalogue holds at least this share of
the innovations the regency itself reported for that year (``jumlah`` in hasil-iid.yaml);
below it, or when no source gives the regency's count, the projection is shown without one."""

THRESHOLD = f"{round(100 * PREDICATE_COVERAGE)}%"
""":data:`PREDICATE_COVERAGE` as the pages print it."""


def in_catalogue(ctx: PageContext, year: int) -> int:
    """Innovations of the catalogue reported in ``year``."""
    return sum(1 for i in ctx.catalogue.innovations if year in i.data.tahun_laporan)


def coverage_share(ctx: PageContext, year: int) -> float | None:
    """The catalogue's share of the regency's own count for ``year``, if a source gives it."""
    reported = ctx.catalogue.reference.reported(year)
    if reported is None or not reported.jumlah:
        return None
    return in_catalogue(ctx, year) / reported.jumlah


def latest_coverage(ctx: PageContext) -> v.Coverage | None:
    """The coverage the site states (:func:`coverage` of :func:`coverage_year`), if any."""
    year = coverage_year(ctx)
    return coverage(ctx, year) if year is not None else None


def coverage_year(ctx: PageContext) -> int | None:
    """The year the site states its coverage for: the latest with the regency's own count,
    else the latest reporting year of the catalogue."""
    counted = [j.tahun for j in ctx.catalogue.reference.jumlah]
    years = [y for i in ctx.catalogue.innovations for y in i.data.tahun_laporan]
    return max(counted) if counted else (max(years) if years else None)


def coverage(ctx: PageContext, year: int) -> v.Coverage:
    """ "Tahun 2025: katalog memuat 2 dari 200 inovasi yang diajukan ... (1%)." with sources."""
    n = in_catalogue(ctx, year)
    reported = ctx.catalogue.reference.reported(year)
    if reported is None:
        return v.Coverage(
            text(
                f"Tahun {year}: katalog memuat {n} inovasi; jumlah inovasi yang dilaporkan "
                f"{ctx.region.pemda} untuk tahun ini belum ditemukan sumbernya."
            ),
            (),
        )
    return v.Coverage(
        text(
            f"Tahun {year}: katalog memuat {n} dari {reported.jumlah} inovasi yang "
            f"{reported.apa} ({percent(n, reported.jumlah)})."
        ),
        tuple(v.Link(url(s.url), text(s.judul)) for s in reported.sumber),
    )


def agency_counts(ctx: PageContext) -> Text:
    """The one sentence every page that counts agencies shows, so their numbers agree."""
    total = len(ctx.catalogue.agencies)
    active = sum(1 for a in ctx.catalogue.agencies if ctx.members.get(a.slug))
    return text(
        f"{total} perangkat daerah dan unit tercatat; {active} di antaranya punya inovasi di "
        f"katalog, {total - active} belum ada inovasi di katalog."
    )


def book_link(ctx: PageContext, source: str) -> v.Link | None:
    """The link from ``source`` to the yearly book, when this build publishes one."""
    if ctx.book is None:
        return None
    return v.Link(href(source, ctx.book.uri), text(f"Buku Inovasi Daerah {ctx.book.year} (PDF)"))
