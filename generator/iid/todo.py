"""Each agency's to-do before the IID deadline, per innovation, as data.

What ``sepeda check innovations/<opd>`` lists after the findings and the agency page shows
under "Yang perlu dilengkapi": the mandatory indicators not yet claimed, claims without
evidence, evidence older than the framework allows (A605), empty profile fields the national
form asks for, and the verification state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from generator.base import formats, vocab
from generator.catalogue.records import Catalogue, Innovation
from generator.iid import freshness
from generator.iid.scoring import InnovationScore

PROFILE = (("tujuan", "tujuan"), ("manfaat", "manfaat"), ("hasil", "hasil"))
"""Profile texts the national form requires that ``inovasi.yaml`` may leave out."""


@dataclass(frozen=True)
class Todo:
    """What one innovation still lacks; ``done`` when nothing."""

    slug: str
    opd: str
    nama: str
    path: str
    """Its ``inovasi.yaml``, project-relative."""
    wajib_belum_diklaim: tuple[str, ...]
    """Mandatory indicators not claimed, as "<nomor>. <nama>"."""
    tanpa_bukti: tuple[str, ...]
    """Claimed indicators without any ``bukti``, as "<nomor>. <nama>"."""
    bukti_lama: tuple[str, ...]
    """Evidence older than its indicator allows, as "<field>: <message>"."""
    profil_kosong: tuple[str, ...]
    """Keys of ``inovasi.yaml`` to fill in (and the design's word count when short)."""
    status_verifikasi: str

    @property
    def done(self) -> bool:
        """Nothing left to claim, attach or fill in (verification is the pokja's)."""
        return not (
            self.wajib_belum_diklaim or self.tanpa_bukti or self.bukti_lama or self.profil_kosong
        )


def _profile(innovation: Innovation) -> tuple[str, ...]:
    data = innovation.data
    empty = [key for attr, key in PROFILE if not (getattr(data, attr, None) or "").strip()]
    words = data.rancang_bangun.words() if data.rancang_bangun else 0
    if words < vocab.RANCANG_BANGUN_MIN_WORDS:
        empty.insert(0, f"rancang_bangun ({words} dari {vocab.RANCANG_BANGUN_MIN_WORDS} kata)")
    return tuple(empty)


def agency_todo(
    catalogue: Catalogue, scores: Mapping[str, InnovationScore], opd: str
) -> tuple[Todo, ...]:
    """The to-do of every innovation of agency ``opd`` (not its units), by slug; records
    taken from news are included (their agency completes them)."""
    own = [i for i in catalogue.innovations if i.opd == opd and i.slug in scores]
    found = []
    for innovation in own:
        score = scores[innovation.slug]
        rows = score.baris
        # the A605 warnings of `sepeda check` (freshness.year_findings), for this record only:
        # every agency page asks, so the whole catalogue is not walked once per agency
        old = (
            []
            if innovation.data.sumber_data == "berita"
            else freshness.too_old(innovation, score, catalogue)
        )
        found.append(
            Todo(
                slug=innovation.slug,
                opd=opd,
                nama=innovation.data.nama,
                path=innovation.source.path,
                wajib_belum_diklaim=tuple(
                    f"{r.nomor}. {r.nama}" for r in rows if r.wajib and r.tingkat_klaim is None
                ),
                tanpa_bukti=tuple(
                    f"{r.nomor}. {r.nama}"
                    for r in rows
                    if r.tingkat_klaim is not None and not r.ada_bukti
                ),
                bukti_lama=tuple(f"{f.field}: {f.message}" for f in old),
                profil_kosong=_profile(innovation),
                status_verifikasi=score.status_verifikasi,
            )
        )
    return tuple(found)


def as_text(agency: str, todos: tuple[Todo, ...], deadline: tuple[int, date] | None) -> str:
    """The to-do in words for ``sepeda check``, one block per innovation (Bahasa Indonesia)."""
    when = (
        f" sebelum tenggat IID {deadline[0]} ({formats.tanggal(deadline[1])})" if deadline else ""
    )
    lines = [f"Yang perlu dilengkapi {agency}{when}:"]
    if not todos:
        lines.append("  belum ada inovasi di katalog.")
    for item in todos:
        state = vocab.STATUS_VERIFIKASI.get(item.status_verifikasi, item.status_verifikasi)
        lines.append(f"- {item.nama} ({item.path}); verifikasi pokja: {state}")
        if item.done:
            lines.append("    lengkap: semua indikator wajib diklaim dengan bukti")
        for label, values in (
            ("indikator wajib belum diklaim", item.wajib_belum_diklaim),
            ("klaim tanpa bukti", item.tanpa_bukti),
            ("isian profil kosong", item.profil_kosong),
        ):
            if values:
                lines.append(f"    {label}: {'; '.join(values)}")
        lines += [f"    bukti terlalu lama: {old}" for old in item.bukti_lama]
    return "\n".join(lines) + "\n"
