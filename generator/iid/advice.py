"""Advice in words: the Indonesian lines ``sepeda check`` and the open data print.

What would raise a score is computed by :mod:`generator.iid.scoring` (as :class:`Advice`
data); this module only words it: as lines, and as the info findings of ``sepeda check``.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.base.codes import Code
from generator.base.diagnostics import Finding, Severity
from generator.catalogue.records import Catalogue
from generator.iid.scoring import LAMPIRKAN_BUKTI, Advice, InnovationScore


def advice_line(advice: Advice) -> str:
    """One advice as an Indonesian line for ``sepeda check`` and the export.

    Examples:
        ``regulasi (Regulasi Inovasi Daerah, wajib): klaim tingkat 1 belum dihitung karena
        belum ada bukti; lampirkan bukti dukung untuk +3 poin``;
        ``sdm (Ketersediaan SDM terhadap Inovasi Daerah, wajib): naik ke tingkat 2
        «11-30 SDM» untuk +2 poin``.
    """
    label = f"{advice.kunci} ({advice.nama}{', wajib' if advice.wajib else ''})"
    gain = f"untuk +{advice.poin} poin"
    if advice.jenis == LAMPIRKAN_BUKTI:
        return (
            f"{label}: klaim tingkat {advice.tingkat_klaim} belum dihitung karena belum ada "
            f"bukti; lampirkan bukti dukung {gain}"
        )
    step = f"tingkat {advice.tingkat_tujuan} «{advice.parameter}» {gain}"
    if advice.tingkat_klaim is None:
        return f"{label}: belum diklaim; klaim {step}"
    return f"{label}: naik ke {step}"


def advice_lines(score: InnovationScore) -> list[str]:
    """Every advice of an innovation as Indonesian lines, in :func:`sort_advice` order."""
    return [advice_line(advice) for advice in score.saran]


def missing_mandatory_line(score: InnovationScore) -> str | None:
    """A line naming the mandatory indicators without a counted claim, if any."""
    if not score.wajib_kosong:
        return None
    return "indikator wajib belum terpenuhi: " + ", ".join(score.wajib_kosong)


ADVICE_SHOWN = 3
"""Advice lines per innovation that ``sepeda check`` shows unless asked for all."""
NEWS_TODO = (
    "data dari pemberitaan: lengkapi tahapan, inisiator, jenis, bentuk, urusan, tanggal dan "
    "tahun_laporan, lalu hapus baris 'sumber_data: berita' agar inovasi ini dinilai penuh"
)


def advice_findings(
    catalogue: Catalogue, scores: Mapping[str, InnovationScore], *, complete: bool
) -> list[Finding]:
    """For admins: what would raise each innovation's score, as info findings.

    A record taken from the news gets one line asking for its IID keys instead; without
    ``complete`` only the first :data:`ADVICE_SHOWN` advice lines of an innovation are given
    (the missing mandatory indicators always are).
    """
    findings = []
    for innovation in catalogue.innovations:
        lines: list[tuple[str, Code]]
        if innovation.data.sumber_data == "berita":
            lines, anchor = [(NEWS_TODO, Code.NEWS_RECORD)], "sumber_data"
        else:
            score = scores[innovation.slug]
            lines_all = advice_lines(score)
            shown = lines_all if complete else lines_all[:ADVICE_SHOWN]
            missing = missing_mandatory_line(score)
            lines = [(missing, Code.MANDATORY_MISSING)] if missing else []
            lines += [(line, Code.ADVICE) for line in shown]
            anchor = "indikator"
        position = innovation.source.doc.where((anchor,))
        findings += [
            Finding(
                innovation.source.path,
                position.line,
                position.column,
                Severity.INFO,
                anchor,
                line,
                code,
            )
            for line, code in lines
        ]
    return findings
