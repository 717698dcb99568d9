"""The statistics page: counts by year, agency, urusan, stage and TPB, each chart (static SVG
drawn at build time) followed by its table, every bar linked to the list it counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.base import urls
from generator.base.escape import Html, Text, Url, text
from generator.base.formats import angka
from generator.pages import graphics
from generator.pages import parts as v
from generator.pages.context import (
    Page,
    PageContext,
    has_evidence,
    href,
    is_verified,
    latest_coverage,
    meta,
    percent,
)
from generator.pages.facets import UNSET, by_key, grouped


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

    meta: v.Meta
    coverage: v.Coverage | None
    tiles: tuple[Tile, ...]
    charts: tuple[StatChart, ...]


BAR_COLOUR = "#00695c"
"""Bars in the theme's dark teal (contrast 6.6:1 on white)."""


def _chart(
    title: str, anchor: str, rows: Sequence[tuple[str, str | None, int]], total: int, note: str
) -> StatChart:
    svg = graphics.hbar_chart_svg([(label, count) for label, _, count in rows], title, BAR_COLOUR)
    table = tuple(
        StatRow(
            text(label),
            href(urls.STATISTICS, target) if target else None,
            count,
            text(percent(count, total)),
        )
        for label, target, count in rows
    )
    return StatChart(text(title), text(anchor), svg, table, text(note))


def _facet_chart(ctx: PageContext, key: str, title: str, note: str = "") -> StatChart:
    facet = by_key(key)
    rows = [
        (label, urls.browse_uri(facet.key, slug), len(found))
        for (slug, label), found in grouped(ctx.catalogue, facet)
    ]
    total = len(ctx.catalogue.innovations)
    return _chart(title, key, rows, total, note)


def statistics_page(ctx: PageContext) -> Page:
    """Counts by year, agency, urusan, stage and TPB; shares with evidence and verified."""
    innovations = ctx.catalogue.innovations
    total = len(innovations)
    evidenced = sum(has_evidence(ctx, i) for i in innovations)
    verified = sum(is_verified(ctx, i) for i in innovations)
    tiles = (
        Tile(angka(total), text("inovasi di katalog"), href(urls.STATISTICS, urls.INNOVATIONS)),
        Tile(
            text(percent(evidenced, total)),
            text(f"punya bukti dukung ({evidenced} inovasi di katalog)"),
            None,
        ),
        Tile(
            text(percent(verified, total)),
            text(f"terverifikasi pokja ({verified} inovasi di katalog)"),
            None,
        ),
    )
    agencies = sorted(
        ((a, len(ctx.family.get(a.slug, ()))) for a in ctx.top_agencies()),
        key=lambda pair: (-pair[1], pair[0].data.nama),
    )
    agency_rows = [(a.data.nama, urls.agency_uri(a.slug), count) for a, count in agencies if count]
    unset_note = "“Belum diisi”: data dari pemberitaan yang belum dilengkapi perangkat daerah."
    has_unset = any(slug == UNSET[0] for (slug, _), _ in grouped(ctx.catalogue, by_key("urusan")))
    charts = (
        _facet_chart(
            ctx,
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
        _facet_chart(ctx, "urusan", "Inovasi per urusan utama", unset_note if has_unset else ""),
        _facet_chart(ctx, "tahapan", "Inovasi per tahapan"),
        _facet_chart(
            ctx,
            "tpb",
            "Inovasi per Tujuan Pembangunan Berkelanjutan (TPB)",
            "Satu inovasi dapat mendukung beberapa TPB.",
        ),
    )
    view = StatsView(
        meta(
            "Statistik inovasi",
            f"Jumlah inovasi {ctx.region.pemda} per tahun, perangkat daerah, urusan, tahapan "
            "dan TPB.",
        ),
        latest_coverage(ctx),
        tiles,
        charts,
    )
    return Page(urls.STATISTICS, "statistics.html.j2", view, ctx.everything)
