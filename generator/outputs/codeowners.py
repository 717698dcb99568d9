"""``.github/CODEOWNERS`` from the catalogue: who must approve a change to which file.

Each agency's folder is owned by its admins (``admin`` in ``opd.yaml``) and the pokja;
every ``opd.yaml`` and ``verifikasi.yaml`` by the pokja alone, and so is every evidence file
a verification relied on (the ``bukti`` files of the indicators a ``verifikasi.yaml`` lists),
so an agency's admins cannot approve a swap of verified evidence; everything else by the
maintainers (``extra.pokja`` and ``extra.pengelola`` in ``mkdocs.yml``). GitHub applies the
last matching line, so the general rules come first. ``sepeda codeowners`` writes the file;
``sepeda codeowners --periksa`` (and a test) fail when the committed file is stale.
"""

from __future__ import annotations

from generator.catalogue.records import OPD_FILE, VERIFIKASI_FILE, Catalogue, Innovation
from generator.record.region import Region

PATH = ".github/CODEOWNERS"


def codeowners(catalogue: Catalogue, region: Region, katalog: str) -> str:
    """The file's text (deterministic: agencies in catalogue order); ``katalog`` is the
    catalogue folder relative to the repository root (``innovations``)."""
    maintainers = " ".join(region.maintainers) or " ".join(region.pokja)
    pokja = " ".join(region.pokja) or maintainers
    lines = [
        "# Dibuat oleh `sepeda codeowners` dari opd.yaml (admin) dan mkdocs.yml (extra.pokja,",
        "# extra.pengelola). Jangan diubah langsung: ubah sumbernya lalu jalankan perintah itu.",
        "",
    ]
    if maintainers:
        lines.append(f"* {maintainers}")
    for agency in catalogue.agencies:
        owners = " ".join([*agency.data.admin, *region.pokja])
        if owners:
            lines.append(f"/{katalog}/{agency.slug}/ {owners}")
    if pokja:
        lines += [f"/{katalog}/*/{OPD_FILE} {pokja}", f"/{katalog}/**/{VERIFIKASI_FILE} {pokja}"]
        for innovation in catalogue.innovations:
            folder = f"/{katalog}/{innovation.opd}/{innovation.slug}"
            lines += [f"{folder}/{name} {pokja}" for name in verified_evidence(innovation)]
    return "\n".join(lines) + "\n"


def verified_evidence(innovation: Innovation) -> list[str]:
    """The evidence files of the indicators the innovation's ``verifikasi.yaml`` judged,
    sorted, each once (none without a verification)."""
    verifikasi = innovation.verifikasi
    if verifikasi is None:
        return []
    names = {
        bukti.berkas
        for key in verifikasi.indikator
        if (claim := innovation.data.indikator.get(key)) is not None
        for bukti in claim.bukti
        if bukti.berkas is not None
    }
    return sorted(names)
