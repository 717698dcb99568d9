"""The page of one agency: its facts, its units, its totals and its (and its units')
innovations, paged.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.base import urls, vocab
from generator.base.escape import Text, Url, text, url
from generator.catalogue.records import Agency
from generator.iid.scoring import AgencyTotals
from generator.pages import parts as v
from generator.pages.context import Page, PageContext, agency_link, href, meta
from generator.pages.paging import by_name, paged_list
from generator.record import facts
from generator.record.models import Opd


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

    meta: v.Meta
    name: Text
    badges: tuple[v.Badge, ...]
    former_names: Text
    parent: v.Link | None
    website: v.Link | None
    children: tuple[v.Link, ...]
    scope: Text
    totals: Totals
    cards: tuple[v.Card, ...]
    pager: v.Pager | None
    scorecard: Url
    unconfirmed: bool
    """No public source confirms the exact official name yet."""
    urusan: Text
    """The urusan the agency serves (its ``opd.yaml``), not an innovation's own urusan."""
    contact: tuple[v.Row, ...]
    sources: tuple[v.Link, ...]
    provenance: Text


def _totals(totals: AgencyTotals) -> Totals:
    return Totals(
        count=len(totals.inovasi),
        klaim=totals.klaim,
        maksimum=totals.maksimum,
        terverifikasi=totals.terverifikasi,
        diverifikasi=totals.jumlah_diverifikasi,
        jumlah_klaim=totals.jumlah_klaim,
        klaim_berbukti=totals.klaim_berbukti,
    )


def agency_pages(ctx: PageContext, agency: Agency) -> list[Page]:
    """The agency page (its own and its units' innovations, page 1) and later list pages."""
    uri = urls.agency_uri(agency.slug)
    data = agency.data
    badges = []
    if data.singkatan:
        badges.append(v.Badge(text(data.singkatan), text("singkatan")))
    badges.append(v.Badge(text(vocab.JENIS_OPD[data.jenis]), text("jenis")))
    parent = ctx.catalogue.agency(data.induk) if data.induk else None
    family = ctx.family.get(agency.slug, ())
    own = len(ctx.members.get(agency.slug, ()))
    units = len({i.opd for i in family} - {agency.slug})
    lists = paged_list(
        ctx,
        lambda n: urls.agency_page_uri(agency.slug, n),
        f"Inovasi {data.nama}",
        f"Inovasi {data.nama} dan unit di bawahnya, diurutkan menurut nama.",
        by_name(family),
        back=(uri, f"Kembali ke {data.nama}"),
    )
    first = lists[0].view
    assert isinstance(first, v.ListView)
    scope = (
        f"{len(family)} inovasi: {own} milik {data.nama} sendiri dan {len(family) - own} dari "
        f"{units} unit di bawahnya."
        if len(family) > own
        else f"{own} inovasi."
    )
    view = AgencyView(
        meta=meta(data.nama, f"Inovasi daerah {data.nama} {ctx.region.pemda}", search=True),
        name=text(data.nama),
        badges=tuple(badges),
        former_names=text("; ".join(data.nama_lama)),
        parent=agency_link(uri, parent) if parent else None,
        website=v.Link(url(data.situs), text(data.situs)) if data.situs else None,
        children=tuple(agency_link(uri, c) for c in ctx.children.get(agency.slug, ())),
        scope=text(scope),
        totals=_totals(ctx.family_totals[agency.slug]),
        cards=first.cards,
        pager=first.pager,
        scorecard=href(uri, urls.SCORECARDS),
        unconfirmed=not data.nama_terkonfirmasi,
        urusan=text(", ".join(ctx.catalogue.reference.urusan[k].nama for k in data.urusan)),
        contact=tuple(
            v.Row(text(facts.label(Opd, key) or key), text(value))
            for key in ("alamat", "telepon", "email")
            if (value := getattr(data, key))
        ),
        sources=tuple(v.Link(url(s.url), text(s.judul)) for s in data.sumber),
        provenance=text(data.catatan_sumber or ""),
    )
    return [Page(uri, "agency.md.j2", view, (agency.source.path,)), *lists[1:]]
