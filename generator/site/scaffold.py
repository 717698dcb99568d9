"""``sepeda new``: a new innovation's ``inovasi.yaml`` from a commented template.

The template's placeholders fail the check until an admin fills them in. Nothing is
overwritten: an unknown agency, a name too short for a slug, or a slug already taken
anywhere in the catalogue is refused with an Indonesian message (:class:`Refused`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from generator.base import urls, vocab
from generator.catalogue.records import INOVASI_FILE, OPD_FILE, Innovation
from generator.pages.render import render_text

TEMPLATE = "inovasi-baru.yaml.j2"
NEWS_TEMPLATE = "inovasi-berita.yaml.j2"


class Refused(Exception):
    """Nothing was created; the message (Bahasa Indonesia) says why and what to do."""


def new_innovation(root: Path, catalogue_dir: Path, opd: str, nama: str, *, news: bool) -> Path:
    """Create ``<catalogue_dir>/<opd>/<slug>/inovasi.yaml``; return its path."""
    agencies = sorted(p.name for p in catalogue_dir.iterdir() if (p / OPD_FILE).is_file())
    if opd not in agencies:
        raise Refused(
            f"Perangkat daerah '{opd}' tidak dikenal; " + vocab.choices_hint(opd, agencies)
        )
    slug = urls.slugify(nama)
    if len(slug) < 3:
        raise Refused("Nama inovasi terlalu pendek; tulis nama lengkapnya.")
    taken = [p for p in catalogue_dir.glob(f"*/{slug}") if p.is_dir()]
    if taken:
        shown = taken[0].relative_to(root).as_posix()
        raise Refused(f"Inovasi '{slug}' sudah ada di {shown}; pilih nama lain.")
    folder = catalogue_dir / opd / slug
    folder.mkdir(parents=True)
    nama = " ".join(nama.split())
    name_yaml = yaml.safe_dump(nama, allow_unicode=True).strip()
    name_yaml = name_yaml.removesuffix("\n...").removesuffix("...").strip()
    text = render_text(NEWS_TEMPLATE if news else TEMPLATE, nama=nama, nama_yaml=name_yaml, opd=opd)
    target = folder / INOVASI_FILE
    target.write_text(text, encoding="utf-8")
    return target


VERIFIER = "Pokja Inovasi Daerah"
"""``oleh`` of a new verification: a team, never a person (P504)."""


def verification_skeleton(innovation: Innovation, today: date) -> str:
    """``verifikasi.yaml`` for ``innovation``: status ``diajukan``, every claimed indicator
    at the level claimed with a note to complete; it passes the check as written."""
    lines = [
        "# Verifikasi pokja, dibuat oleh 'sepeda verifikasi' dari klaim di inovasi.yaml.",
        "# Setiap tingkat diisi sama dengan klaimnya. Periksa bukti setiap indikator, lalu:",
        "# - turunkan tingkat bila bukti tidak mendukung (0 = tidak diterima; tidak boleh di",
        "#   atas klaim: bila bukti mendukung tingkat lebih tinggi, admin menaikkan klaimnya),",
        "# - ganti catatan 'Lengkapi: ...' dengan penilaian pokja,",
        "# - ganti status: terverifikasi, dikembalikan (perlu diperbaiki admin) atau ditolak",
        "#   (semua tingkat 0).",
        "status: diajukan",
        f"tanggal: {today.isoformat()}",
        f"oleh: {VERIFIER}",
        "catatan: 'Lengkapi: ringkasan penilaian pokja.'",
    ]
    claims = innovation.data.indikator
    if claims:
        lines.append("indikator:")
    for key, claim in claims.items():
        note = (
            "Lengkapi: apakah bukti mendukung tingkat ini?"
            if claim.bukti
            else "Lengkapi: klaim ini belum punya bukti dukung."
        )
        lines += [f"  {key}:", f"    tingkat: {claim.tingkat}", f"    catatan: '{note}'"]
    return "\n".join(lines) + "\n"
