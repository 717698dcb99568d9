"""The page of one agency: its facts, its units, its totals, its (and its units')
innovations, paged, and what its admins still have to complete before the IID deadline.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date

from generator.base import urls, vocab
from generator.base.escape import Text, Url, text, url
from generator.base.formats import tanggal
from generator.catalogue.records import Agency
from generator.iid import todo
from generator.iid.scoring import AgencyTotals
from generator.pages import parts as v
from generator.pages.context import (
    Page,
    PageContext,
    agency_link,
    href,
    mandatory_evidence,
    meta,
)
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
    bukti: Text
    """Mandatory indicators with a claim and evidence, as the Rapor counts them."""


@dataclass(frozen=True)
class Gap:
    """One kind of gap of an innovation: what, then the indicators, fields or evidence."""

    label: Text
    values: tuple[Text, ...]


@dataclass(frozen=True)
class TodoItem:
    """What one of the agency's own innovations still lacks (``iid/todo.py``)."""

    link: v.Link
    status: Text
    """The pokja's verification state in words."""
    done: bool
    lacks: tuple[Gap, ...]


@dataclass(frozen=True)
class Todo:
    """The agency page's "Yang perlu dilengkapi": its own innovations' gaps before the
    deadline; its units' innovations are on their own pages."""

    deadline: Text
    """"Tenggat IID <year>: <date>" when ``extra.tenggat`` configures one, else empty."""
    as_of: Text
    """The date of the data the page shows, empty when unknown."""
    command: Text
    items: tuple[TodoItem, ...]
    units: bool
    """Units under the agency have innovations of their own (listed on their pages)."""


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
    todo: Todo


def _totals(totals: AgencyTotals) -> Totals:
    return Totals(
        count=len(totals.inovasi),
        klaim=totals.klaim,
        maksimum=totals.maksimum,
        terverifikasi=totals.terverifikasi,
        diverifikasi=totals.jumlah_diverifikasi,
        bukti=text(mandatory_evidence(totals.inovasi)),
    )


def _deadline(ctx: PageContext) -> tuple[int, date] | None:
    """The IID deadline the page names: the next one on or after the date of the data (a
    page has no clock, so two builds of one catalogue agree), else the latest configured."""
    region = ctx.region
    if ctx.history.data_date is None:
        return region.deadlines[-1] if region.deadlines else None
    return region.deadline(ctx.history.data_date)


def _todo(ctx: PageContext, agency: Agency, uri: str) -> Todo:
    """The same to-do as ``sepeda check innovations/<opd>``, as a view."""
    items = []
    for item in todo.agency_todo(ctx.catalogue, ctx.scores, agency.slug):
        gaps = (
            ("Indikator wajib belum diklaim", item.wajib_belum_diklaim),
            ("Klaim tanpa bukti dukung", item.tanpa_bukti),
            ("Bukti terlalu lama", item.bukti_lama),
            ("Isian profil kosong di inovasi.yaml", item.profil_kosong),
        )
        items.append(
            TodoItem(
                link=v.Link(href(uri, urls.innovation_uri(item.slug)), text(item.nama)),
                status=text(
                    vocab.STATUS_VERIFIKASI.get(item.status_verifikasi, item.status_verifikasi)
                ),
                done=item.done,
                lacks=tuple(
                    Gap(text(label), tuple(text(x) for x in values))
                    for label, values in gaps
                    if values
                ),
            )
        )
    deadline = _deadline(ctx)
    day = ctx.history.data_date
    return Todo(
        deadline=text(f"Tenggat IID {deadline[0]}: {tanggal(deadline[1]).unescape()}")
        if deadline
        else text(""),
        as_of=tanggal(day) if day else text(""),
        command=text(f"sepeda check {posixpath.dirname(agency.source.path)}"),
        items=tuple(items),
        units=any(i.opd != agency.slug for i in ctx.family.get(agency.slug, ())),
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
    named = (agency, *([parent] if parent else []), *ctx.children.get(agency.slug, ()))
    lists = paged_list(
        ctx,
        lambda n: urls.agency_page_uri(agency.slug, n),
        f"Inovasi {data.nama}",
        f"Inovasi {data.nama} dan unit di bawahnya, diurutkan menurut nama.",
        by_name(family),
        back=(uri, f"Kembali ke {data.nama}"),
        sources=tuple(a.source.path for a in named),
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
        todo=_todo(ctx, agency, uri),
    )
    return [Page(uri, "agency.html.j2", view, lists[0].sources), *lists[1:]]
