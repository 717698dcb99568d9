"""The open-data files: one registry, read by the exporter, the open-data page and the docs check.

Leaf module (imports only :mod:`generator.base.urls`). :data:`EXPORTS` lists every file
``sepeda export`` writes and every build publishes beside the pages, in the order the
open-data page offers them, each with the sentence that page says about it. A new export
is a new entry here and its writer in :mod:`generator.outputs.export` (which refuses to run
while an entry has no writer or a writer no entry).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.base import urls

SCHEMAS = ("inovasi", "inovasi-berita", "opd", "verifikasi")
"""The JSON Schemas in :data:`urls.SCHEMA_FOLDER`: the full and the news innovation record,
the agency and the verification file, in this order."""


def schema_uri(name: str) -> str:
    """Site URI of one JSON Schema (``skema/inovasi.schema.json``)."""
    return f"{urls.SCHEMA_FOLDER}/{name}.schema.json"


@dataclass(frozen=True)
class ExportEntry:
    """One open-data download: a file at the site root, or a folder of files."""

    name: str
    """The file's site URI (``inovasi.json``), or the folder's name (``skema``)."""
    description: str
    """What it holds, in Bahasa Indonesia, as the open-data page says it."""
    files: tuple[str, ...] = ()
    """A folder's files (site URIs), the linked one first; empty for a single file."""

    @property
    def is_folder(self) -> bool:
        """True for a folder of files (the JSON Schemas)."""
        return bool(self.files)

    @property
    def uris(self) -> tuple[str, ...]:
        """Every site URI this entry publishes."""
        return self.files or (self.name,)

    @property
    def link(self) -> str:
        """The URI the open-data page links to (a folder: its first file)."""
        return self.uris[0]

    @property
    def doc_name(self) -> str:
        """How the documentation names it: ``inovasi.json``, or ``skema/`` for a folder."""
        return f"{self.name}/" if self.is_folder else self.name


EXPORTS: tuple[ExportEntry, ...] = (
    ExportEntry(
        urls.XLSX_EXPORT,
        "Lembar kerja Excel: lembar 'inovasi' (satu baris per inovasi) dan 'tahun' (satu baris "
        "per inovasi dan tahun pelaporan). Terbuka benar di Excel berbahasa apa pun.",
    ),
    ExportEntry(urls.CSV_EXPORT, "Satu baris per inovasi; UTF-8 dengan BOM, pemisah koma."),
    ExportEntry(urls.YEARS_CSV_EXPORT, "Satu baris per inovasi dan tahun pelaporan."),
    ExportEntry(urls.JSON_EXPORT, "Semua isian setiap inovasi, skor per indikator dan saran."),
    ExportEntry(
        urls.PROJECTION_EXPORT,
        "Proyeksi bagian inovasi Indeks Inovasi Daerah kabupaten per tahun (skor klaim dan "
        "terverifikasi, cakupan urusan pelayanan dasar).",
    ),
    ExportEntry(urls.FEED, "Umpan Atom inovasi yang baru ditambahkan."),
    ExportEntry(
        urls.SCHEMA_FOLDER,
        "JSON Schema berkas inovasi.yaml.",
        tuple(schema_uri(name) for name in SCHEMAS),
    ),
)
"""Every open-data download, in the order of the open-data page."""

EXPORT_URIS: tuple[str, ...] = tuple(uri for entry in EXPORTS for uri in entry.uris)
"""Every file an export writes (site URIs), in registry order."""
