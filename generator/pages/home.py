"""The home page: headline numbers, the newest innovations and the agencies."""

from __future__ import annotations

from dataclasses import dataclass

from generator.base import urls, vocab
from generator.base.escape import Text, Url, text
from generator.pages import parts as v
from generator.pages.context import (
    Page,
    PageContext,
    agency_counts,
    agency_link,
    card,
    href,
    latest_coverage,
    latest_date,
    meta,
)


@dataclass(frozen=True)
class Figure:
    """A headline number."""

    value: int
    label: Text


@dataclass(frozen=True)
class AgencyRow:
    """An agency in the agency list."""

    link: v.Link
    kind: Text
    count: int
    klaim: int
    terverifikasi: int


@dataclass(frozen=True)
class HomeView:
    """The home page."""

    meta: v.Meta
    pemda: Text
    search: Url
    figures: tuple[Figure, ...]
    stages: Text
    buttons: tuple[v.Link, ...]
    newest: tuple[v.Card, ...]
    coverage: v.Coverage | None
    agency_counts: Text
    agencies: tuple[AgencyRow, ...]
    all_agencies: Url


NEWEST_ON_HOME = 6


def _agency_rows(ctx: PageContext, source: str) -> tuple[AgencyRow, ...]:
    return tuple(
        AgencyRow(
            link=agency_link(source, agency),
            kind=text(vocab.JENIS_OPD[agency.data.jenis]),
            count=len(ctx.family.get(agency.slug, ())),
            klaim=ctx.family_totals[agency.slug].klaim,
            terverifikasi=ctx.family_totals[agency.slug].terverifikasi,
        )
        for agency in ctx.top_agencies()
    )


def home_page(ctx: PageContext) -> Page:
    innovations = ctx.catalogue.innovations
    by_stage = {
        label: sum(1 for i in innovations if i.data.tahapan == key)
        for key, label in vocab.TAHAPAN.items()
    }
    unclassified = sum(1 for i in innovations if i.data.tahapan is None)
    stages = ", ".join(f"{label} {n}" for label, n in by_stage.items())
    if unclassified:
        stages += f", belum dikonfirmasi {unclassified}"
    digital = sum(1 for i in innovations if i.data.jenis == "digital")
    verified = sum(1 for s in ctx.scores.values() if s.status_verifikasi == "terverifikasi")
    newest = sorted(innovations, key=latest_date, reverse=True)[:NEWEST_ON_HOME]
    view = HomeView(
        meta=meta(
            f"Katalog Inovasi Daerah {ctx.region.pemda}",
            f"Katalog Inovasi Daerah {ctx.region.pemda}: semua inovasi perangkat daerah, bukti "
            "dukung dan skor Indeks Inovasi Daerah.",
        ),
        pemda=text(ctx.region.pemda),
        search=href(urls.HOME, urls.SEARCH),
        figures=(
            Figure(len(innovations), text("inovasi di katalog")),
            Figure(
                sum(1 for a in ctx.catalogue.agencies if ctx.members.get(a.slug)),
                text(
                    f"dari {len(ctx.catalogue.agencies)} perangkat daerah punya inovasi di katalog"
                ),
            ),
            Figure(by_stage["Penerapan"], text("di katalog pada tahap penerapan")),
            Figure(verified, text("di katalog terverifikasi pokja")),
        ),
        stages=text(f"Rincian tahapan: {stages}. Inovasi digital: {digital}."),
        buttons=(
            v.Link(href(urls.HOME, urls.INNOVATIONS), text("Lihat semua inovasi")),
            v.Link(href(urls.HOME, urls.REGENCY_INDEX), text("Indeks Inovasi Daerah")),
            v.Link(href(urls.HOME, urls.OPEN_DATA), text("Data terbuka")),
        ),
        newest=tuple(card(ctx, i, urls.HOME) for i in newest),
        coverage=latest_coverage(ctx),
        agency_counts=agency_counts(ctx),
        agencies=_agency_rows(ctx, urls.HOME),
        all_agencies=href(urls.HOME, urls.AGENCIES),
    )
    return Page(urls.HOME, "home.html.j2", view, ctx.everything)
