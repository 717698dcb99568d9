"""Open data: ``inovasi.json`` and ``inovasi.csv`` from the catalogue (shape in CLI.md).

Every field of ``inovasi.yaml`` is exported under its own key, plus the computed ``id``,
``opd``, ``skor``, ``status_verifikasi``, ``url`` and the per-indicator levels. Entries are
sorted by ``id``; dates are ISO strings; the same catalogue gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from generator import advice, scoring, urls
from generator.catalogue import Catalogue, Innovation
from generator.escape import csv_cell

PEMDA = "Kabupaten Balangan"
CSV_COLUMNS = [
    "id", "nama", "singkatan", "opd", "opd_nama", "sumber_data", "tahapan", "jenis", "bentuk",
    "urusan_utama", "urusan_beririsan", "tematik", "tanggal_mulai", "tanggal_uji_coba",
    "tanggal_penerapan", "tahun_laporan", "kerangka", "skor_klaim", "skor_terverifikasi",
    "skor_maksimum", "status_verifikasi", "url", "ringkasan",
]  # fmt: skip


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


def innovation_record(innovation: Innovation, score: scoring.InnovationScore) -> dict[str, Any]:
    """One entry of ``inovasi.json``."""
    fields = _plain(innovation.data.model_dump(mode="python"))
    record: dict[str, Any] = {"id": innovation.slug, **fields, "opd": innovation.opd}
    record["kerangka"] = score.kerangka
    record["skor"] = {
        "klaim": score.klaim,
        "terverifikasi": score.terverifikasi,
        "maksimum": score.maksimum,
        "indikator": _indicator_levels(score),
        "wajib_belum_terpenuhi": list(score.wajib_kosong),
        "saran": advice.advice_lines(score),
    }
    record["status_verifikasi"] = score.status_verifikasi
    record["url"] = innovation.url
    return record


def to_json(catalogue: Catalogue, scores: Mapping[str, scoring.InnovationScore]) -> str:
    """The whole catalogue as ``inovasi.json`` text."""
    years = sorted({y for i in catalogue.innovations for y in i.data.tahun_laporan})
    framework = (
        catalogue.reference.kerangka_for_years(years) if years else catalogue.reference.newest
    )
    document = {
        "pemda": PEMDA,
        "kerangka": framework.id,
        "inovasi": [
            innovation_record(i, scores[i.slug])
            for i in sorted(catalogue.innovations, key=lambda i: i.slug)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def to_csv(catalogue: Catalogue, scores: Mapping[str, scoring.InnovationScore]) -> str:
    """The catalogue as ``inovasi.csv`` text, one row per innovation (UTF-8 with BOM for Excel)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for innovation in sorted(catalogue.innovations, key=lambda i: i.slug):
        data, score = innovation.data, scores[innovation.slug]
        dates = data.tanggal
        row = {
            "id": innovation.slug,
            "nama": data.nama,
            "singkatan": data.singkatan or "",
            "opd": innovation.opd,
            "opd_nama": catalogue.agency(innovation.opd).data.nama,
            "sumber_data": data.sumber_data,
            "tahapan": data.tahapan or "",
            "jenis": data.jenis or "",
            "bentuk": data.bentuk or "",
            "urusan_utama": data.urusan.utama if data.urusan else "",
            "urusan_beririsan": ";".join(data.urusan.beririsan) if data.urusan else "",
            "tematik": data.tematik or "",
            "tanggal_mulai": dates.mulai.isoformat() if dates and dates.mulai else "",
            "tanggal_uji_coba": dates.uji_coba.isoformat() if dates and dates.uji_coba else "",
            "tanggal_penerapan": dates.penerapan.isoformat() if dates and dates.penerapan else "",
            "tahun_laporan": ";".join(str(y) for y in data.tahun_laporan),
            "kerangka": score.kerangka,
            "skor_klaim": score.klaim,
            "skor_terverifikasi": "" if score.terverifikasi is None else score.terverifikasi,
            "skor_maksimum": score.maksimum,
            "status_verifikasi": score.status_verifikasi,
            "url": innovation.url,
            "ringkasan": " ".join(data.ringkasan.split()),
        }
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
    return "\ufeff" + out.getvalue()


def export_files(
    catalogue: Catalogue, scores: Mapping[str, scoring.InnovationScore]
) -> dict[str, str]:
    """File name → content for both open-data files."""
    return {
        urls.JSON_EXPORT: to_json(catalogue, scores),
        urls.CSV_EXPORT: to_csv(catalogue, scores),
    }
