"""The page plan: which pages the site has, at which URI, with which template and data.

Pure: takes the catalogue and its scores, returns :class:`Page` specs (and the generated
graphics) without touching the disk. URIs are the public contract: ``inovasi/<slug>/`` for
an innovation (permanent), ``opd/<slug>/`` for an agency.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator import graphics, scoring, vocab
from generator.catalogue import Agency, Catalogue, Innovation
from generator.media import IMAGE_SUFFIXES

HOME = "index.md"
INNOVATIONS = "inovasi/index.md"
AGENCIES = "opd/index.md"
INDEX = "indeks-inovasi/index.md"
OPEN_DATA = "data-terbuka/index.md"
NEWEST_ON_HOME = 6


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    uri: str
    template: str
    context: dict[str, Any]


def innovation_uri(slug: str) -> str:
    """Source URI of an innovation page."""
    return f"inovasi/{slug}/index.md"


def agency_uri(slug: str) -> str:
    """Source URI of an agency page."""
    return f"opd/{slug}/index.md"


def rel(source: str, target: str) -> str:
    """A relative link from one page source URI to another file's URI."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def cover_file(innovation: Innovation) -> str:
    """The cover image file name inside the innovation's folder on the site."""
    photos = [m for m in innovation.data.media if m.berkas.lower().endswith(tuple(IMAGE_SUFFIXES))]
    chosen = next((m for m in photos if m.sampul), photos[0] if photos else None)
    return chosen.berkas if chosen else "sampul.svg"


def latest_date(innovation: Innovation) -> tuple[date, str]:
    """Sort key for "newest": the latest date or year the record mentions."""
    data = innovation.data
    days = [d for _, d in data.tanggal.steps() if d is not None] if data.tanggal else []
    years = [*data.tahun_laporan, *(p.tahun for p in data.penghargaan)]
    candidates = days + [date(y, 1, 1) for y in years]
    return (max(candidates) if candidates else date(1900, 1, 1), innovation.slug)


def _timeline(innovation: Innovation) -> list[dict[str, Any]]:
    data = innovation.data
    order = list(vocab.TAHAPAN)
    reached = order.index(data.tahapan) if data.tahapan else -1
    dates = dict(data.tanggal.steps()) if data.tanggal else {}
    labels = {"mulai": "Inovasi dimulai", "uji_coba": "Uji coba", "penerapan": "Penerapan"}
    return [
        {
            "label": label,
            "date": dates.get(key),
            "state": "done" if i < reached else ("current" if i == reached else "pending"),
        }
        for i, (key, label) in enumerate(labels.items())
    ]


def _colour(catalogue: Catalogue, innovation: Innovation) -> str:
    urusan = innovation.data.urusan
    nomor = catalogue.reference.urusan[urusan.utama].nomor if urusan else None
    return graphics.urusan_colour(nomor)


def _card(
    catalogue: Catalogue, innovation: Innovation, source: str, score: scoring.InnovationScore
) -> dict[str, Any]:
    agency = catalogue.agency(innovation.opd)
    return {
        "innovation": innovation,
        "data": innovation.data,
        "agency": agency,
        "link": rel(source, innovation_uri(innovation.slug)),
        "agency_link": rel(source, agency_uri(agency.slug)),
        "cover": rel(source, f"inovasi/{innovation.slug}/{cover_file(innovation)}"),
        "score": score,
    }


def _innovation_page(
    catalogue: Catalogue, innovation: Innovation, score: scoring.InnovationScore
) -> Page:
    uri = innovation_uri(innovation.slug)
    data = innovation.data
    capaian = sorted(data.capaian, key=lambda c: (c.satuan, c.tahun))
    satuan = sorted({c.satuan for c in capaian})
    charts = [
        graphics.bar_chart_svg(
            [(c.tahun, c.nilai) for c in capaian if c.satuan == unit],
            unit,
            _colour(catalogue, innovation),
        )
        for unit in satuan
    ]
    replicated_by = [
        i
        for i in catalogue.innovations
        if any(r.inovasi == innovation.slug for r in i.data.replikasi)
    ]
    return Page(
        uri,
        "innovation.md.j2",
        {
            "uri": uri,
            "innovation": innovation,
            "data": data,
            "agency": catalogue.agency(innovation.opd),
            "agency_link": rel(uri, agency_uri(innovation.opd)),
            "ref": catalogue.reference,
            "cover": cover_file(innovation),
            "timeline": _timeline(innovation),
            "capaian": capaian,
            "charts": list(zip(satuan, charts, strict=True)),
            "photos": [m for m in data.media if m.berkas.lower().endswith(tuple(IMAGE_SUFFIXES))],
            "documents": [m for m in data.media if m.berkas.lower().endswith(".pdf")],
            "replicated_by": [(i, rel(uri, innovation_uri(i.slug))) for i in replicated_by],
            "replica_links": {
                r.inovasi: rel(uri, innovation_uri(r.inovasi)) for r in data.replikasi if r.inovasi
            },
            "score": score,
        },
    )


def _agency_page(
    catalogue: Catalogue, agency: Agency, scores: dict[str, scoring.InnovationScore]
) -> Page:
    uri = agency_uri(agency.slug)
    own = catalogue.innovations_of(agency.slug)
    parent = catalogue.agency(agency.data.induk) if agency.data.induk else None
    return Page(
        uri,
        "agency.md.j2",
        {
            "agency": agency,
            "cards": [_card(catalogue, i, uri, scores[i.slug]) for i in own],
            "totals": scoring.agency_totals(agency.slug, [scores[i.slug] for i in own]),
            "parent": (parent, rel(uri, agency_uri(parent.slug))) if parent else None,
            "children": [
                (c, rel(uri, agency_uri(c.slug))) for c in catalogue.children_of(agency.slug)
            ],
        },
    )


def _agency_rows(
    catalogue: Catalogue, source: str, scores: dict[str, scoring.InnovationScore]
) -> list[dict[str, Any]]:
    rows = []
    for agency in catalogue.agencies:
        own = catalogue.innovations_of(agency.slug)
        rows.append(
            {
                "agency": agency,
                "link": rel(source, agency_uri(agency.slug)),
                "count": len(own),
                "totals": scoring.agency_totals(agency.slug, [scores[i.slug] for i in own]),
            }
        )
    return rows


def _stats(catalogue: Catalogue, scores: dict[str, scoring.InnovationScore]) -> dict[str, Any]:
    innovations = catalogue.innovations
    by_stage = {
        label: sum(1 for i in innovations if i.data.tahapan == key)
        for key, label in vocab.TAHAPAN.items()
    }
    return {
        "innovations": len(innovations),
        "agencies": sum(1 for a in catalogue.agencies if catalogue.innovations_of(a.slug)),
        "by_stage": by_stage,
        "unclassified": sum(1 for i in innovations if i.data.tahapan is None),
        "verified": sum(1 for s in scores.values() if s.status_verifikasi == "terverifikasi"),
        "digital": sum(1 for i in innovations if i.data.jenis == "digital"),
    }


def plan_pages(catalogue: Catalogue, scores: dict[str, scoring.InnovationScore]) -> list[Page]:
    """Every generated page of the site, in a stable order."""
    newest = sorted(catalogue.innovations, key=latest_date, reverse=True)[:NEWEST_ON_HOME]
    pages = [
        Page(
            HOME,
            "home.md.j2",
            {
                "catalogue": catalogue,
                "newest": [_card(catalogue, i, HOME, scores[i.slug]) for i in newest],
                "agencies": _agency_rows(catalogue, HOME, scores),
                "stats": _stats(catalogue, scores),
                "links": {
                    "innovations": rel(HOME, INNOVATIONS),
                    "agencies": rel(HOME, AGENCIES),
                    "index": rel(HOME, INDEX),
                    "data": rel(HOME, OPEN_DATA),
                },
            },
        ),
        Page(
            INNOVATIONS,
            "innovations.md.j2",
            {
                "cards": [
                    _card(catalogue, i, INNOVATIONS, scores[i.slug]) for i in catalogue.innovations
                ],
            },
        ),
        Page(AGENCIES, "agencies.md.j2", {"agencies": _agency_rows(catalogue, AGENCIES, scores)}),
        Page(OPEN_DATA, "open-data.md.j2", {"count": len(catalogue.innovations)}),
        Page(
            INDEX,
            "index.md.j2",
            {
                "ref": catalogue.reference,
                "years": scoring.regency_projection(catalogue.innovations, catalogue.reference),
                "names": {
                    i.slug: (i.data.nama, rel(INDEX, innovation_uri(i.slug)))
                    for i in catalogue.innovations
                },
                "unreported": [
                    (i, rel(INDEX, innovation_uri(i.slug)))
                    for i in catalogue.innovations
                    if not i.data.tahun_laporan
                ],
            },
        ),
    ]
    pages += [_agency_page(catalogue, a, scores) for a in catalogue.agencies]
    pages += [_innovation_page(catalogue, i, scores[i.slug]) for i in catalogue.innovations]
    return pages


def covers(catalogue: Catalogue) -> dict[str, str]:
    """Generated cover SVGs for innovations without a photo: site URI → SVG text."""
    result = {}
    for innovation in catalogue.innovations:
        if cover_file(innovation) != "sampul.svg":
            continue
        data = innovation.data
        urusan = catalogue.reference.urusan[data.urusan.utama].nama if data.urusan else None
        agency = catalogue.agency(innovation.opd).data
        result[f"inovasi/{innovation.slug}/sampul.svg"] = graphics.cover_svg(
            data.nama,
            data.singkatan,
            urusan,
            agency.singkatan or agency.nama,
            _colour(catalogue, innovation),
        )
    return result
