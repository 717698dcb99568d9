"""The list of agencies (``opd/``), grouped by kind, each with the units under it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.base import urls
from generator.base.escape import Text, text, url
from generator.catalogue.records import Agency
from generator.pages import parts as v
from generator.pages.context import Page, PageContext, agency_counts, agency_link, meta


@dataclass(frozen=True)
class AgencyEntry:
    """An agency in the agency list, with the units under it."""

    link: v.Link
    own: int
    total: int
    children: tuple[AgencyEntry, ...]
    more: Text
    """When the units are too many to list here: how many, listed on the agency's page."""
    unconfirmed: bool
    """No public source confirms the exact official name yet."""
    source: v.Link | None
    """The first public source that names the agency."""


@dataclass(frozen=True)
class AgencyGroup:
    """Agencies of one kind (SKPD, puskesmas, kecamatan, ...)."""

    title: Text
    entries: tuple[AgencyEntry, ...]


@dataclass(frozen=True)
class AgenciesView:
    """The list of agencies, grouped by kind, each with the units under it."""

    meta: v.Meta
    counts: Text
    groups: tuple[AgencyGroup, ...]


UNITS_LISTED = 30
"""Units listed under an agency in the agency list; more are listed on the agency's page."""


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


def _entry(
    ctx: PageContext, agency: Agency, source: str, seen: frozenset[str] = frozenset()
) -> AgencyEntry:
    above = seen | {agency.slug}  # an induk cycle must not recurse forever
    units = [c for c in ctx.children.get(agency.slug, ()) if c.slug not in above]
    listed = units if len(units) <= UNITS_LISTED else []
    more = (
        text(f"{len(units)} unit di bawahnya tercantum di halaman perangkat daerah ini")
        if len(units) > UNITS_LISTED
        else text("")
    )
    return AgencyEntry(
        agency_link(source, agency),
        len(ctx.members.get(agency.slug, ())),
        len(ctx.family.get(agency.slug, ())),
        tuple(_entry(ctx, child, source, above) for child in listed),
        more,
        not agency.data.nama_terkonfirmasi,
        next((v.Link(url(s.url), text(s.judul)) for s in agency.data.sumber), None),
    )


def agencies_page(ctx: PageContext) -> Page:
    """Every agency, grouped by kind, units nested under their parent."""
    top = ctx.top_agencies()
    groups = []
    for kind, title in AGENCY_GROUPS:
        entries = tuple(_entry(ctx, a, urls.AGENCIES) for a in top if a.data.jenis == kind)
        if entries:
            groups.append(AgencyGroup(text(title), entries))
    view = AgenciesView(
        meta("Perangkat daerah", f"Perangkat daerah {ctx.region.pemda} dan inovasinya."),
        agency_counts(ctx),
        tuple(groups),
    )
    return Page(urls.AGENCIES, "agencies.html.j2", view, ctx.everything)
