"""The statistics page and the agency scorecards for the DPRD.

Counts come from the same facets as the browse pages (:mod:`generator.pages.facets`), so every
bar links to the list it counts, and every number on these pages is the number on the
list. Charts are static SVG drawn at build time, each followed by its table.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.base import urls
from generator.base.escape import text
from generator.base.formats import angka
from generator.catalogue.records import Innovation
from generator.pages import graphics
from generator.pages import views as v
from generator.pages.cards import CatalogueIndex, Page, agency_link, href, meta
from generator.pages.facets import UNSET, by_key, grouped

BAR_COLOUR = "#00695c"
"""Bars in the theme's dark teal (contrast 6.6:1 on white)."""


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _has_evidence(ix: CatalogueIndex, innovation: Innovation) -> bool:
    return ix.scores[innovation.slug].klaim_berbukti > 0


def _is_verified(ix: CatalogueIndex, innovation: Innovation) -> bool:
    return ix.scores[innovation.slug].status_verifikasi == "terverifikasi"


def _chart(
    title: str, anchor: str, rows: Sequence[tuple[str, str | None, int]], total: int, note: str
) -> v.StatChart:
    svg = graphics.hbar_chart_svg([(label, count) for label, _, count in rows], title, BAR_COLOUR)
    table = tuple(
        v.StatRow(
            text(label),
            href(urls.STATISTICS, target) if target else None,
            count,
            text(_percent(count, total)),
        )
        for label, target, count in rows
    )
    return v.StatChart(text(title), text(anchor), svg, table, text(note))


def _facet_chart(ix: CatalogueIndex, key: str, title: str, note: str = "") -> v.StatChart:
    facet = by_key(key)
    rows = [
        (label, urls.browse_uri(facet.key, slug), len(found))
        for (slug, label), found in grouped(ix.catalogue, facet)
    ]
    total = len(ix.catalogue.innovations)
    return _chart(title, key, rows, total, note)


def statistics_page(ix: CatalogueIndex) -> Page:
    """Counts by year, agency, urusan, stage and TPB; shares with evidence and verified."""
    innovations = ix.catalogue.innovations
    total = len(innovations)
    evidenced = sum(_has_evidence(ix, i) for i in innovations)
    verified = sum(_is_verified(ix, i) for i in innovations)
    tiles = (
        v.Tile(angka(total), text("inovasi tercatat"), href(urls.STATISTICS, urls.INNOVATIONS)),
        v.Tile(
            text(_percent(evidenced, total)),
            text(f"punya bukti dukung ({evidenced} inovasi)"),
            None,
        ),
        v.Tile(
            text(_percent(verified, total)),
            text(f"terverifikasi pokja ({verified} inovasi)"),
            None,
        ),
    )
    agencies = sorted(
        ((a, len(ix.family.get(a.slug, ()))) for a in ix.top_agencies()),
        key=lambda pair: (-pair[1], pair[0].data.nama),
    )
    agency_rows = [(a.data.nama, urls.agency_uri(a.slug), count) for a, count in agencies if count]
    unset_note = "“Belum diisi”: data dari pemberitaan yang belum dilengkapi perangkat daerah."
    has_unset = any(slug == UNSET[0] for (slug, _), _ in grouped(ix.catalogue, by_key("urusan")))
    charts = (
        _facet_chart(
            ix,
            "tahun",
            "Inovasi per tahun pelaporan",
            "Satu inovasi dapat dilaporkan pada beberapa tahun.",
        ),
        _chart(
            "Inovasi per perangkat daerah",
            "opd",
            agency_rows,
            total,
            "Termasuk inovasi unit di bawahnya (puskesmas di bawah Dinas Kesehatan, desa di "
            "bawah kecamatan).",
        ),
        _facet_chart(ix, "urusan", "Inovasi per urusan utama", unset_note if has_unset else ""),
        _facet_chart(ix, "tahapan", "Inovasi per tahapan"),
        _facet_chart(
            ix,
            "tpb",
            "Inovasi per Tujuan Pembangunan Berkelanjutan (TPB)",
            "Satu inovasi dapat mendukung beberapa TPB.",
        ),
    )
    view = v.StatsView(
        meta(
            "Statistik inovasi",
            f"Jumlah inovasi {ix.region.pemda} per tahun, perangkat daerah, urusan, tahapan "
            "dan TPB.",
        ),
        tiles,
        charts,
    )
    return Page(urls.STATISTICS, "statistics.md.j2", view)


def _year_rows(ix: CatalogueIndex, years: Sequence[int]) -> tuple[v.YearRow, ...]:
    rows = []
    previous: int | None = None
    for year in years:
        found = [i for i in ix.catalogue.innovations if year in i.data.tahun_laporan]
        count = len(found)
        change = "–" if previous is None else f"{count - previous:+d} inovasi"
        rows.append(
            v.YearRow(
                year,
                count,
                sum(_has_evidence(ix, i) for i in found),
                sum(_is_verified(ix, i) for i in found),
                sum(ix.scores[i.slug].klaim for i in found),
                text(change),
            )
        )
        previous = count
    return tuple(rows)


def _change(family: Sequence[Innovation], latest: int | None) -> str:
    if latest is None:
        return "belum ada tahun pelaporan"
    now = sum(latest in i.data.tahun_laporan for i in family)
    before = sum(latest - 1 in i.data.tahun_laporan for i in family)
    return f"{now} inovasi dilaporkan {latest} ({now - before:+d} dibanding {latest - 1})"


def scorecards_page(ix: CatalogueIndex) -> Page:
    """The regency year over year, then one scorecard per agency (units included)."""
    reported = {y for i in ix.catalogue.innovations for y in i.data.tahun_laporan}
    # every year from the first to the last, so a year nobody reported shows as 0
    years = list(range(min(reported), max(reported) + 1)) if reported else []
    latest = years[-1] if years else None
    cards = []
    for agency in sorted(ix.top_agencies(), key=lambda a: a.data.nama):
        family = ix.family.get(agency.slug, ())
        totals = ix.family_totals[agency.slug]
        units = len({i.opd for i in family} - {agency.slug})
        cards.append(
            v.Scorecard(
                link=agency_link(urls.SCORECARDS, agency),
                scope=text(f"termasuk {units} unit di bawahnya" if units else ""),
                count=len(family),
                completeness=text(
                    f"{_percent(totals.klaim_berbukti, totals.jumlah_klaim)} "
                    f"({totals.klaim_berbukti} dari {totals.jumlah_klaim} klaim)"
                    if totals.jumlah_klaim
                    else "belum ada klaim indikator"
                ),
                klaim=totals.klaim,
                maksimum=totals.maksimum,
                verified=text(
                    f"{totals.terverifikasi} ({totals.jumlah_diverifikasi} dari "
                    f"{len(family)} inovasi diverifikasi)"
                    if totals.jumlah_diverifikasi
                    else "belum diverifikasi"
                ),
                change=text(_change(family, latest)),
            )
        )
    view = v.ScorecardsView(
        meta(
            "Rapor perangkat daerah",
            f"Rapor inovasi setiap perangkat daerah {ix.region.pemda} untuk DPRD dan masyarakat.",
        ),
        text(f"Tahun pelaporan terakhir: {latest}." if latest else "Belum ada tahun pelaporan."),
        _year_rows(ix, years),
        tuple(cards),
    )
    return Page(urls.SCORECARDS, "scorecards.md.j2", view)


def pages(ix: CatalogueIndex) -> list[Page]:
    """The statistics page and the scorecards page."""
    return [statistics_page(ix), scorecards_page(ix)]
