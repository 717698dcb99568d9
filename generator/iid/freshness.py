"""Which findings the reporting year raises about the claims: evidence older than its
indicator allows (``usia_bukti`` in the framework files), and a year whose framework is not
published yet (the score is then an estimate with the newest framework)."""

from __future__ import annotations

from collections.abc import Mapping

from generator.base.codes import Code
from generator.base.diagnostics import Finding, Severity
from generator.catalogue.records import Catalogue, Innovation
from generator.iid.scoring import InnovationScore


def _estimate(innovation: Innovation, score: InnovationScore) -> list[Finding]:
    if not score.perkiraan or score.tahun is None:
        return []
    where = innovation.source.doc.where(("tahun_laporan",))
    return [
        Finding(
            innovation.source.path,
            where.line,
            where.column,
            Severity.INFO,
            "tahun_laporan",
            f"kerangka IID tahun {score.tahun} belum diterbitkan; skor dihitung dengan kerangka "
            f"terbaru ({score.kerangka}) dan ditandai perkiraan di situs dan data terbuka",
            Code.FRAMEWORK_ESTIMATED,
        )
    ]


def too_old(innovation: Innovation, score: InnovationScore, catalogue: Catalogue) -> list[Finding]:
    """Warnings for the innovation's evidence older than its indicator allows."""
    if score.tahun is None:
        return []
    framework = catalogue.reference.framework(score.kerangka).by_key()
    found = []
    for key, claim in innovation.data.indikator.items():
        indicator = framework.get(key)
        if indicator is None or indicator.usia_bukti is None:
            continue
        since = score.tahun - indicator.usia_bukti
        for index, evidence in enumerate(claim.bukti):
            if evidence.tanggal is None or evidence.tanggal.year >= since:
                continue
            loc = ("indikator", key, "bukti", index, "tanggal")
            where = innovation.source.doc.where(loc)
            found.append(
                Finding(
                    innovation.source.path,
                    where.line,
                    where.column,
                    Severity.WARNING,
                    f"indikator.{key}.bukti[{index}].tanggal",
                    f"bukti bertanggal {evidence.tanggal.isoformat()} terlalu lama untuk "
                    f"'{indicator.nama}' tahun pelaporan {score.tahun}: kerangka {score.kerangka} "
                    f"hanya mengakui bukti sejak {since}; lampirkan bukti yang lebih baru",
                    Code.EVIDENCE_TOO_OLD,
                )
            )
    return found


def year_findings(catalogue: Catalogue, scores: Mapping[str, InnovationScore]) -> list[Finding]:
    """Evidence too old for its indicator (warnings) and estimated scores (info)."""
    found: list[Finding] = []
    for innovation in catalogue.innovations:
        if innovation.data.sumber_data == "berita":
            continue
        score = scores[innovation.slug]
        found += too_old(innovation, score, catalogue) + _estimate(innovation, score)
    return found
