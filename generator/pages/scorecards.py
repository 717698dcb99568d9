"""The scorecards (``rapor/``) for the DPRD: the regency year over year, then one card per
agency, its units included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.base import urls
from generator.base.escape import Text, text
from generator.catalogue.records import Innovation
from generator.pages import parts as v
from generator.pages.context import (
    Page,
    PageContext,
    agency_counts,
    agency_link,
    book_link,
    has_evidence,
    is_verified,
    latest_coverage,
    mandatory_evidence,
    meta,
    percent,
)


@dataclass(frozen=True)
class YearRow:
    """The regency in one reporting year, for the scorecards."""

    year: int
    count: int
    evidenced: int
    verified: int
    klaim: int
    change: Text
    reported: Text
    """The regency's own count for the year ("–" when no source gives one)."""
    coverage: Text


@dataclass(frozen=True)
class Scorecard:
    """One agency's scorecard for the DPRD."""

    link: v.Link
    scope: Text
    count: int
    completeness: Text
    klaim: int
    maksimum: int
    verified: Text
    change: Text
    empty: bool
    """No innovation of this agency (or its units) is in the catalogue yet."""


@dataclass(frozen=True)
class ScorecardsView:
    """The scorecards page: the regency year over year, then one card per agency."""

    meta: v.Meta
    latest: Text
    counts: Text
    coverage: v.Coverage | None
    years: tuple[YearRow, ...]
    cards: tuple[Scorecard, ...]
    book: v.Link | None
    """The yearly book (PDF), when the build publishes one."""


def _year_rows(ctx: PageContext, years: Sequence[int]) -> tuple[YearRow, ...]:
    rows = []
    previous: int | None = None
    for year in years:
        found = [i for i in ctx.catalogue.innovations if year in i.data.tahun_laporan]
        count = len(found)
        change = "–" if previous is None else f"{count - previous:+d} di katalog"
        own = ctx.catalogue.reference.reported(year)
        rows.append(
            YearRow(
                year,
                count,
                sum(has_evidence(ctx, i) for i in found),
                sum(is_verified(ctx, i) for i in found),
                sum(ctx.scores[i.slug].klaim for i in found),
                text(change),
                text(str(own.jumlah) if own else "–"),
                text(percent(count, own.jumlah) if own else "–"),
            )
        )
        previous = count
    return tuple(rows)


def _change(family: Sequence[Innovation], latest: int | None) -> str:
    if latest is None:
        return "belum ada tahun pelaporan"
    now = sum(latest in i.data.tahun_laporan for i in family)
    before = sum(latest - 1 in i.data.tahun_laporan for i in family)
    return (
        f"{now} inovasi di katalog dilaporkan {latest} ({now - before:+d} dibanding {latest - 1})"
    )


def scorecards_page(ctx: PageContext) -> Page:
    """The regency year over year, then one scorecard per agency (units included)."""
    reported = {y for i in ctx.catalogue.innovations for y in i.data.tahun_laporan}
    # every year from the first to the last, so a year nobody reported shows as 0
    years = list(range(min(reported), max(reported) + 1)) if reported else []
    latest = years[-1] if years else None
    cards = []
    for agency in sorted(ctx.top_agencies(), key=lambda a: a.data.nama):
        family = ctx.family.get(agency.slug, ())
        totals = ctx.family_totals[agency.slug]
        units = len({i.opd for i in family} - {agency.slug})
        cards.append(
            Scorecard(
                link=agency_link(urls.SCORECARDS, agency),
                scope=text(f"termasuk {units} unit di bawahnya" if units else ""),
                count=len(family),
                completeness=text(mandatory_evidence(totals.inovasi)),
                klaim=totals.klaim,
                maksimum=totals.maksimum,
                verified=text(
                    f"{totals.terverifikasi} ({totals.jumlah_diverifikasi} dari "
                    f"{len(family)} inovasi diverifikasi)"
                    if totals.jumlah_diverifikasi
                    else "belum diverifikasi"
                ),
                change=text(_change(family, latest)),
                empty=not family,
            )
        )
    view = ScorecardsView(
        meta(
            "Rapor perangkat daerah",
            f"Rapor inovasi setiap perangkat daerah {ctx.region.pemda} untuk DPRD dan masyarakat.",
        ),
        text(f"Tahun pelaporan terakhir: {latest}." if latest else "Belum ada tahun pelaporan."),
        agency_counts(ctx),
        latest_coverage(ctx),
        _year_rows(ctx, years),
        tuple(cards),
        book_link(ctx, urls.SCORECARDS),
    )
    return Page(urls.SCORECARDS, "scorecards.html.j2", view, ctx.everything)
