"""Open data: the catalogue as JSON, CSV and XLSX, the projection, and the format's schema.

Every field of ``inovasi.yaml`` is exported under its own key, plus the computed ``id``,
``opd``, ``skor``, ``status_verifikasi``, ``url`` (relative, as the contract in CLI.md says)
and ``alamat`` (absolute). ``inovasi.csv`` keeps one row per innovation (UTF-8 with BOM);
``inovasi-tahun.csv`` has one row per innovation and reporting year, so no cell packs
several years; ``inovasi.xlsx`` holds both as sheets and opens in any locale; ``indeks.json``
is the regency projection per year; ``skema/*.schema.json`` describe the three YAML files.
Entries are sorted by ``id``; the same catalogue gives byte-identical files. The files are
exactly those of the registry :data:`generator.base.exports.EXPORTS`, each made by its writer
in :func:`export_files`; whose catalogue it is (the region) is always given, never assumed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import cache, partial
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from pydantic import BaseModel

from generator.base import exports, urls
from generator.base.escape import csv_row, plain_text
from generator.base.history import History
from generator.base.numbers import round2
from generator.catalogue.records import Catalogue, Innovation
from generator.iid import advice, scoring
from generator.iid.projection import InnovationPart, YearProjection
from generator.outputs import spreadsheet
from generator.record import facts
from generator.record.models import Inovasi, InovasiBerita, Opd, Verifikasi
from generator.record.region import Region

YEAR_COLUMNS = ["id", "nama", "opd", "tahun_laporan", "kerangka_tahun", "skor_klaim"]
"""The columns of ``inovasi-tahun.csv``: one row per innovation and reporting year."""


CSV_COLUMNS = [c.name for c in facts.columns(Inovasi) if c.name != "kerangka_tahun"]
"""The columns of ``inovasi.csv`` and the workbook's first sheet: every open-data column of
the record (its fields' facts) except the per-year framework of ``inovasi-tahun.csv``."""


def _plain(value: Any) -> Any:
    """pydantic dump → JSON-safe values (dates as ISO text, integral decimals as ints)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _indicator_levels(score: scoring.InnovationScore) -> dict[str, Any]:
    return {
        row.kunci: {
            "tingkat_klaim": row.tingkat_klaim,
            "ada_bukti": row.ada_bukti,
            "poin_klaim": row.poin_klaim,
            "tingkat_terverifikasi": row.tingkat_pokja,
            "poin_terverifikasi": row.poin_pokja,
            "maksimum": row.maksimum,
        }
        for row in score.baris
        if row.tingkat_klaim is not None or row.tingkat_pokja is not None
    }


def innovation_record(
    innovation: Innovation, score: scoring.InnovationScore, region: Region
) -> dict[str, Any]:
    """One entry of ``inovasi.json``."""
    fields = _plain(innovation.data.model_dump(mode="python"))
    record: dict[str, Any] = {"id": innovation.slug, **fields, "opd": innovation.opd}
    record["kerangka"] = score.kerangka
    record["kerangka_perkiraan"] = score.perkiraan
    record["skor"] = {
        "klaim": score.klaim,
        "terverifikasi": score.terverifikasi,
        "maksimum": score.maksimum,
        "indikator": _indicator_levels(score),
        "wajib_belum_terpenuhi": list(score.wajib_kosong),
        "saran": advice.advice_lines(score),
    }
    if innovation.data.sumber_data == "berita":
        record["skor"]["saran"] = []  # nothing to advise before the agency completes it
    record["status_verifikasi"] = score.status_verifikasi
    record["url"] = urls.public_url(urls.innovation_uri(innovation.slug))
    record["alamat"] = region.site_url + record["url"]
    return record


def to_json(
    catalogue: Catalogue,
    scores: Mapping[str, scoring.InnovationScore],
    region: Region,
) -> str:
    """The whole catalogue as ``inovasi.json`` text."""
    years = sorted({y for i in catalogue.innovations for y in i.data.tahun_laporan})
    framework = (
        catalogue.reference.kerangka_for_years(years) if years else catalogue.reference.newest
    )
    document = {
        "pemda": region.pemda,
        "kerangka": framework.id,
        "inovasi": [
            innovation_record(i, scores[i.slug], region)
            for i in sorted(catalogue.innovations, key=lambda i: i.slug)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def to_csv(catalogue: Catalogue, scores: Mapping[str, scoring.InnovationScore]) -> str:
    """The catalogue as ``inovasi.csv`` text, one row per innovation (UTF-8 with BOM for Excel)."""
    return _csv_text(CSV_COLUMNS, csv_rows(catalogue, scores))


def _csv_text(columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> str:
    """CSV text for Excel: UTF-8 with BOM, every cell through the CSV escaping layer."""
    lines = [csv_row(columns)]
    lines.extend(csv_row(row.get(key, "") for key in columns) for row in rows)
    return "\ufeff" + "".join(line + "\n" for line in lines)


def csv_rows(
    catalogue: Catalogue, scores: Mapping[str, scoring.InnovationScore]
) -> list[dict[str, Any]]:
    """One row per innovation, the columns of ``inovasi.csv`` (values unescaped)."""
    fields = [c for c in facts.columns(Inovasi) if c.path]
    rows = []
    for innovation in sorted(catalogue.innovations, key=lambda i: i.slug):
        data, score = innovation.data, scores[innovation.slug]
        computed: dict[str, Any] = {
            "id": innovation.slug,
            "opd": innovation.opd,
            "opd_nama": catalogue.agency(innovation.opd).data.nama,
            "kerangka": score.kerangka,
            "kerangka_perkiraan": "ya" if score.perkiraan else "",
            "skor_klaim": score.klaim,
            "skor_terverifikasi": "" if score.terverifikasi is None else score.terverifikasi,
            "skor_maksimum": score.maksimum,
            "status_verifikasi": score.status_verifikasi,
            "url": urls.public_url(urls.innovation_uri(innovation.slug)),
        }
        computed |= {c.name: _cell(facts.value_at(data, c.path)) for c in fields}
        rows.append({name: computed[name] for name in CSV_COLUMNS})
    return rows


def _cell(value: Any) -> str:
    """A record's value as one CSV cell: a date as TTTT-BB-HH, a list joined with ';',
    text on one line, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(_cell(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


def year_rows(
    catalogue: Catalogue, scores: Mapping[str, scoring.InnovationScore]
) -> list[dict[str, Any]]:
    """One row per innovation and reporting year (``inovasi-tahun.csv``)."""
    rows = []
    for innovation in sorted(catalogue.innovations, key=lambda i: i.slug):
        for year in innovation.data.tahun_laporan:
            kerangka = catalogue.reference.kerangka_for_year(year)
            rows.append(
                {
                    "id": innovation.slug,
                    "nama": innovation.data.nama,
                    "opd": innovation.opd,
                    "tahun_laporan": year,
                    "kerangka_tahun": kerangka.id if kerangka else "",
                    "skor_klaim": scores[innovation.slug].klaim,
                }
            )
    return rows


def to_year_csv(catalogue: Catalogue, scores: Mapping[str, scoring.InnovationScore]) -> str:
    """``inovasi-tahun.csv``: UTF-8 with BOM, one row per innovation and year."""
    return _csv_text(YEAR_COLUMNS, year_rows(catalogue, scores))


def _part(part: InnovationPart) -> dict[str, float]:
    return {
        "jumlah_skor": part.jumlah_skor,
        "rata_rata": round2(part.rata_rata),
        "skor_jumlah_inovasi": round2(part.skor_jumlah_inovasi),
        "bagian_inovasi": round2(part.nilai),
    }


def to_projection_json(projection: Sequence[YearProjection], region: Region) -> str:
    """``indeks.json``: the regency's innovation part per reporting year, both scores."""
    years: dict[str, Any] = {}
    for year in projection:
        detail = year.rincian
        entry: dict[str, Any] = {"kerangka": year.kerangka, "jumlah_inovasi": year.jumlah_inovasi}
        if detail is None:
            entry["catatan"] = year.catatan
        else:
            entry |= {
                "pembagi": detail.pembagi,
                "klaim": _part(detail.klaim),
                "terverifikasi": _part(detail.terverifikasi),
                "yandas": {
                    "tercakup": list(detail.yandas.tercakup),
                    "belum": list(detail.yandas.belum),
                },
            }
        years[str(year.tahun)] = entry
    document = {"pemda": region.pemda, "tahun": years}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def schemas() -> dict[str, str]:
    """JSON Schema of ``inovasi.yaml`` (full and news record), ``opd.yaml``, ``verifikasi.yaml``."""
    models: dict[str, type[BaseModel]] = {
        "inovasi": Inovasi,
        "inovasi-berita": InovasiBerita,
        "opd": Opd,
        "verifikasi": Verifikasi,
    }
    if set(models) != set(exports.SCHEMAS):
        raise RuntimeError(f"schemas: models for {sorted(models)}, registry {exports.SCHEMAS}")
    found = {name: models[name].model_json_schema() for name in exports.SCHEMAS}
    return {
        exports.schema_uri(name): json.dumps(
            {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema},
            ensure_ascii=False,
            indent=2,
            sort_keys=True,
        )
        + "\n"
        for name, schema in found.items()
    }


FEED_SIZE = 50
"""Entries in the Atom feed: the newest additions."""


def to_feed(catalogue: Catalogue, history: History, region: Region) -> str:
    """``inovasi-baru.xml``: an Atom feed of the newest innovations, dated by Git history.

    An innovation without a known "added" date (outside a Git checkout) is left out rather
    than dated by the build clock.
    """
    dated = sorted(
        (
            (history.added[key], innovation)
            for innovation in catalogue.innovations
            if (key := f"{innovation.opd}/{innovation.slug}") in history.added
        ),
        key=lambda pair: (pair[0], pair[1].slug),
        reverse=True,
    )[:FEED_SIZE]
    updated = dated[0][0] if dated else (history.data_date or date(2020, 1, 1))
    pemda, site_url = region.pemda, region.site_url
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">',
        f"<title>Inovasi baru: Katalog Inovasi Daerah {xml_escape(pemda)}</title>",
        f'<link rel="self" href="{xml_escape(site_url + urls.FEED)}"/>',
        f'<link rel="alternate" href="{xml_escape(site_url)}"/>',
        f"<id>{xml_escape(site_url + urls.FEED)}</id>",
        f"<updated>{updated.isoformat()}T00:00:00Z</updated>",
        f"<author><name>{xml_escape(pemda)}</name></author>",
    ]
    if region.licence is not None:
        lines.append(
            f"<rights>{xml_escape(region.licence.nama)} ({xml_escape(region.licence.url)})</rights>"
        )
    for added, innovation in dated:
        address = site_url + urls.public_url(urls.innovation_uri(innovation.slug))
        summary = plain_text(innovation.data.ringkasan).unescape()
        agency = catalogue.agency(innovation.opd).data.nama
        lines += [
            "<entry>",
            f"<title>{xml_escape(innovation.data.nama)}</title>",
            f'<link rel="alternate" href="{xml_escape(address)}"/>',
            f"<id>{xml_escape(address)}</id>",
            f"<published>{added.isoformat()}T00:00:00Z</published>",
            f"<updated>{added.isoformat()}T00:00:00Z</updated>",
            f"<author><name>{xml_escape(agency)}</name></author>",
            f'<summary type="text">{xml_escape(summary)}</summary>',
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


Writer = Callable[[], Mapping[str, str | bytes]]


def export_files(
    catalogue: Catalogue,
    scores: Mapping[str, scoring.InnovationScore],
    projection: Sequence[YearProjection],
    history: History,
    region: Region,
) -> dict[str, str | bytes]:
    """Site URI → content of every open-data file, in the order of the registry. The rows
    the workbook and the CSV files share are made once."""
    rows = cache(partial(csv_rows, catalogue, scores))
    by_year = cache(partial(year_rows, catalogue, scores))

    def workbook() -> dict[str, str | bytes]:
        sheets = [("inovasi", CSV_COLUMNS, rows()), ("tahun", YEAR_COLUMNS, by_year())]
        return {urls.XLSX_EXPORT: spreadsheet.workbook(sheets, history.data_date)}

    writers: dict[str, Writer] = {
        urls.XLSX_EXPORT: workbook,
        urls.CSV_EXPORT: lambda: {urls.CSV_EXPORT: _csv_text(CSV_COLUMNS, rows())},
        urls.YEARS_CSV_EXPORT: lambda: {urls.YEARS_CSV_EXPORT: _csv_text(YEAR_COLUMNS, by_year())},
        urls.JSON_EXPORT: lambda: {urls.JSON_EXPORT: to_json(catalogue, scores, region)},
        urls.PROJECTION_EXPORT: lambda: {
            urls.PROJECTION_EXPORT: to_projection_json(projection, region)
        },
        urls.FEED: lambda: {urls.FEED: to_feed(catalogue, history, region)},
        urls.SCHEMA_FOLDER: schemas,
    }
    registered = [entry.name for entry in exports.EXPORTS]
    if sorted(writers) != sorted(registered):
        raise RuntimeError(
            f"export writers {sorted(writers)} differ from the registry {registered}"
        )
    files: dict[str, str | bytes] = {}
    for entry in exports.EXPORTS:
        made = writers[entry.name]()
        if tuple(made) != entry.uris:
            raise RuntimeError(f"export {entry.name} wrote {list(made)}, not {list(entry.uris)}")
        files.update(made)
    return files
