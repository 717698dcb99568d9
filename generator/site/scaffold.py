"""``sepeda new``: a new innovation's ``inovasi.yaml`` from a commented template.

The template's placeholders fail the check until an admin fills them in. Nothing is
overwritten: an unknown agency, a name too short for a slug, or a slug already taken
anywhere in the catalogue is refused with an Indonesian message (:class:`Refused`).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.base import urls, vocab
from generator.catalogue.records import INOVASI_FILE, OPD_FILE
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
