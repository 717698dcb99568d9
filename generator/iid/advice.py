"""Advice in words: the Indonesian lines ``sepeda check`` and the open data print.

What would raise a score is computed by :mod:`generator.iid.scoring` (as :class:`Advice`
data); this module only words it.
"""

from __future__ import annotations

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
