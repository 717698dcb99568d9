"""Lists a reader browses: "Semua inovasi", one page per facet value, and the agency list.

Every list is paged (:data:`PAGE_SIZE` cards a page), so no page grows with the catalogue;
without JavaScript each list is still complete across its pages. Facet values come from
:mod:`generator.pages.facets`, the same definition the search filters use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from generator.base import urls
from generator.base.escape import text
from generator.catalogue.records import Agency, Innovation
from generator.pages import views as v
from generator.pages.cards import CatalogueIndex, Page, agency_link, card, href, meta
from generator.pages.facets import FACETS, UNSET, grouped

PAGE_SIZE = 24
"""Cards per list page."""

UNITS_LISTED = 30
"""Units listed under an agency in the agency list; more are listed on the agency's page."""

PAGER_WINDOW = 2
"""Numbered links shown either side of the current page (plus the first and the last)."""

AGENCY_GROUPS: tuple[tuple[str, str], ...] = (
    ("skpd", "Perangkat daerah (SKPD)"),
    ("blud", "Badan layanan umum daerah"),
    ("upt-puskesmas", "Puskesmas"),
    ("kecamatan", "Kecamatan"),
    ("kelurahan", "Kelurahan"),
    ("desa", "Desa"),
    ("lainnya", "Lainnya"),
)
"""Headings of the agency list, in order, by ``opd.yaml`` ``jenis``."""


def by_name(innovations: Sequence[Innovation]) -> list[Innovation]:
    """Innovations in reading order: by name, case- and accent-blind, then slug."""
    return sorted(innovations, key=lambda i: (i.data.nama.casefold(), i.slug))


def _pager(uris: Sequence[str], current: int) -> v.Pager | None:
    """Links from page ``current`` (1-based) to its neighbours, first, last and a window."""
    if len(uris) < 2:
        return None
    here = uris[current - 1]
    last = len(uris)
    shown = {1, last, *range(current - PAGER_WINDOW, current + PAGER_WINDOW + 1)}
    links: list[v.PagerLink] = []
    previous_number = 0
    for number in sorted(n for n in shown if 1 <= n <= last):
        if number > previous_number + 1:
            links.append(v.PagerLink(0, href(here, uris[number - 1]), False))
        links.append(v.PagerLink(number, href(here, uris[number - 1]), number == current))
        previous_number = number
    return v.Pager(
        label=text(f"Halaman {current} dari {last}"),
        previous=href(here, uris[current - 2]) if current > 1 else None,
        next=href(here, uris[current]) if current < last else None,
        links=tuple(links),
    )


def paged_list(
    ix: CatalogueIndex,
    uri_of: Callable[[int], str],
    title: str,
    intro: str,
    innovations: Sequence[Innovation],
    *,
    filters: tuple[v.FilterChoice, ...] = (),
    back: tuple[str, str] | None = None,
    description: str | None = None,
) -> list[Page]:
    """Pages of :data:`PAGE_SIZE` cards; page 1 at ``uri_of(1)``."""
    count = max(1, -(-len(innovations) // PAGE_SIZE))
    uris = [uri_of(n) for n in range(1, count + 1)]
    pages = []
    for number, uri in enumerate(uris, start=1):
        chunk = innovations[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        heading = title if number == 1 else f"{title} (halaman {number})"
        view = v.ListView(
            meta=meta(heading, description or intro),
            title=text(heading),
            intro=text(intro),
            cards=tuple(card(ix, i, uri) for i in chunk),
            pager=_pager(uris, number),
            filters=filters if number == 1 else (),
            back=v.Link(href(uri, back[0]), text(back[1])) if back else None,
        )
        pages.append(Page(uri, "innovations.md.j2", view))
    return pages


def filter_choices(ix: CatalogueIndex) -> tuple[v.FilterChoice, ...]:
    """The in-browser filters of "Semua inovasi": agency and every facet, with their values."""
    agencies = sorted({ix.catalogue.agency(i.opd).data.nama for i in ix.catalogue.innovations})
    choices = [v.FilterChoice(text("opd"), text("Perangkat daerah"), tuple(map(text, agencies)))]
    for facet in FACETS:
        labels = tuple(text(label) for (_, label), _ in grouped(ix.catalogue, facet))
        choices.append(v.FilterChoice(text(facet.key), text(facet.label), labels))
    return tuple(choices)


def innovation_lists(ix: CatalogueIndex) -> list[Page]:
    """ "Semua inovasi", paged, with the in-browser filter and sort tools on page 1."""
    everything = by_name(ix.catalogue.innovations)
    intro = (
        f"Katalog memuat {len(everything)} inovasi, diurutkan menurut nama (A–Z), "
        f"{PAGE_SIZE} per halaman."
    )
    return paged_list(
        ix,
        urls.innovations_page_uri,
        "Semua inovasi",
        intro,
        everything,
        filters=filter_choices(ix),
        description=f"Daftar seluruh inovasi daerah {ix.region.pemda}.",
    )


def browse_pages(ix: CatalogueIndex) -> list[Page]:
    """The browse overview and one paged list per facet value."""
    pages: list[Page] = []
    summaries = []
    for facet in FACETS:
        values = []
        for (slug, label), found in grouped(ix.catalogue, facet):
            first = urls.browse_uri(facet.key, slug)
            values.append(v.FacetValue(v.Link(href(urls.BROWSE, first), text(label)), len(found)))
            intro = (
                f"{len(found)} inovasi dengan {facet.label.lower()} {label}."
                if slug != UNSET[0]
                else f"{len(found)} inovasi yang {facet.label.lower()}-nya belum diisi."
            )
            pages += paged_list(
                ix,
                partial(urls.browse_uri, facet.key, slug),
                f"{facet.label}: {label}",
                intro,
                by_name(found),
                back=(urls.BROWSE, "Kembali ke Jelajahi"),
            )
        summaries.append(v.FacetSummary(text(facet.label), text(facet.key), tuple(values)))
    overview = v.BrowseView(
        meta(
            "Jelajahi inovasi",
            f"Inovasi {ix.region.pemda} menurut urusan, tahapan, jenis, bentuk, TPB dan tahun.",
        ),
        tuple(summaries),
    )
    return [Page(urls.BROWSE, "browse.md.j2", overview), *pages]


def _entry(
    ix: CatalogueIndex, agency: Agency, source: str, seen: frozenset[str] = frozenset()
) -> v.AgencyEntry:
    above = seen | {agency.slug}  # an induk cycle must not recurse forever
    units = [c for c in ix.children.get(agency.slug, ()) if c.slug not in above]
    listed = units if len(units) <= UNITS_LISTED else []
    more = (
        text(f"{len(units)} unit di bawahnya tercantum di halaman perangkat daerah ini")
        if len(units) > UNITS_LISTED
        else text("")
    )
    return v.AgencyEntry(
        agency_link(source, agency),
        len(ix.members.get(agency.slug, ())),
        len(ix.family.get(agency.slug, ())),
        tuple(_entry(ix, child, source, above) for child in listed),
        more,
    )


def agencies_page(ix: CatalogueIndex) -> Page:
    """Every agency, grouped by kind, units nested under their parent."""
    top = ix.top_agencies()
    groups = []
    for kind, title in AGENCY_GROUPS:
        entries = tuple(_entry(ix, a, urls.AGENCIES) for a in top if a.data.jenis == kind)
        if entries:
            groups.append(v.AgencyGroup(text(title), entries))
    view = v.AgenciesView(
        meta("Perangkat daerah", f"Perangkat daerah {ix.region.pemda} dan inovasinya."),
        tuple(groups),
    )
    return Page(urls.AGENCIES, "agencies.md.j2", view)
