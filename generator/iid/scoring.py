"""IID scores per innovation: what it claims, what the pokja accepted, what would raise it.

Owns the numbers the catalogue derives per innovation from the Indeks Inovasi Daerah (IID)
frameworks in ``data/iid-*.yaml``: the claimed score (``bobot x tingkat`` over claims with
at least one ``bukti``), the verified score (the pokja's levels from ``verifikasi.yaml``),
the verification status, the mandatory indicators without a counted claim, one row per
indicator of the framework and the advice (as data) on what would raise the score; and an
agency's totals. The regency projection is :mod:`generator.iid.projection`; advice in words is
:mod:`generator.iid.advice`.

Pure functions over validated records: no I/O, no printing, deterministic output order.
Raw values stay unrounded; rounding happens at the presentation edge.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Literal, Protocol

from generator.base.numbers import ratio
from generator.base.reuse import FRESH, Reuse
from generator.record.models import AnyInovasi, Klaim, Verifikasi
from generator.record.reference import Indikator, Kerangka, Reference

BELUM_DIVERIFIKASI = "belum-diverifikasi"
"""Status of an innovation without ``verifikasi.yaml``."""

DITOLAK = "ditolak"
"""Status whose verified score is 0 whatever the levels listed."""

AdviceKind = Literal["lampirkan-bukti", "naik-tingkat"]
LAMPIRKAN_BUKTI: AdviceKind = "lampirkan-bukti"
NAIK_TINGKAT: AdviceKind = "naik-tingkat"


class ScorableInnovation(Protocol):
    """What scoring needs of an innovation (:class:`~generator.catalogue.records.Innovation`)."""

    @property
    def slug(self) -> str: ...

    @property
    def opd(self) -> str: ...

    @property
    def data(self) -> AnyInovasi: ...

    @property
    def verifikasi(self) -> Verifikasi | None: ...


# ---- Per innovation -----------------------------------------------------------------------


@dataclass(frozen=True)
class Advice:
    """One step that would raise an innovation's claimed score on one indicator.

    Attributes:
        kunci: Indicator key.
        nomor: Indicator number in the framework (1..20).
        nama: Indicator name.
        wajib: Whether the indicator is mandatory.
        jenis: ``"lampirkan-bukti"`` (a claim without evidence: attach evidence) or
            ``"naik-tingkat"`` (claim the next level).
        tingkat_klaim: The level claimed now, ``None`` when unclaimed.
        tingkat_tujuan: The level the step reaches.
        parameter: The parameter text of ``tingkat_tujuan``.
        poin: Points the step adds to the claimed score.
    """

    kunci: str
    nomor: int
    nama: str
    wajib: bool
    jenis: AdviceKind
    tingkat_klaim: int | None
    tingkat_tujuan: int
    parameter: str
    poin: int


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator of the framework as it stands for one innovation.

    Attributes:
        kunci: Indicator key.
        nomor: Indicator number.
        nama: Indicator name.
        bobot: Weight.
        wajib: Whether it is mandatory.
        tingkat_klaim: Level claimed in ``inovasi.yaml``, ``None`` when unclaimed.
        parameter_klaim: Parameter text of the claimed level, ``None`` when unclaimed.
        ada_bukti: Whether the claim has at least one ``bukti``.
        poin_klaim: ``bobot x tingkat_klaim`` when the claim has evidence, else 0.
        tingkat_pokja: Level the pokja accepted (0..3), ``None`` when not listed.
        poin_pokja: Points this row adds to the verified score (0 when the indicator is not
            claimed or the innovation is rejected), ``None`` when the pokja did not list it.
        catatan_pokja: The pokja's note on this indicator, if any.
        maksimum: ``bobot x`` the top level.
        saran: What would raise this row, ``None`` at the top level with evidence.
    """

    kunci: str
    nomor: int
    nama: str
    bobot: int
    wajib: bool
    tingkat_klaim: int | None
    parameter_klaim: str | None
    ada_bukti: bool
    poin_klaim: int
    tingkat_pokja: int | None
    poin_pokja: int | None
    catatan_pokja: str | None
    maksimum: int
    saran: Advice | None


@dataclass(frozen=True)
class InnovationScore:
    """An innovation's claimed and verified score against one framework.

    Attributes:
        slug: Innovation slug.
        opd: Agency slug.
        kerangka: Id of the framework used (e.g. ``iid-2024``).
        klaim: Claimed score (claims with evidence only).
        terverifikasi: Verified score; ``None`` without ``verifikasi.yaml``.
        maksimum: The framework's maximum per innovation.
        status_verifikasi: ``verifikasi.status`` or ``belum-diverifikasi``.
        baris: One row per indicator, in framework order.
        wajib_kosong: Keys of mandatory indicators without a counted claim, framework order.
        jumlah_klaim: Claims on this framework's indicators.
        klaim_berbukti: Of those, claims with at least one ``bukti``.
        di_luar_kerangka: Claimed keys this framework does not have (scored nothing), sorted.
        perkiraan: The latest reporting year has no published framework yet, so the newest
            one stands in for it: the score is an estimate.
        tahun: The reporting year whose claims were scored (``None``: no year given).
    """

    slug: str
    opd: str
    kerangka: str
    klaim: int
    terverifikasi: int | None
    maksimum: int
    status_verifikasi: str
    baris: tuple[IndicatorRow, ...]
    wajib_kosong: tuple[str, ...]
    jumlah_klaim: int
    klaim_berbukti: int
    di_luar_kerangka: tuple[str, ...]
    perkiraan: bool = False
    tahun: int | None = None

    @property
    def kelengkapan_bukti(self) -> float | None:
        """Share of claims with evidence (0..1); ``None`` when nothing is claimed."""
        return ratio(self.klaim_berbukti, self.jumlah_klaim)

    @property
    def saran(self) -> tuple[Advice, ...]:
        """Every advice of the rows, by points gained (desc) then indicator number."""
        return sort_advice(row.saran for row in self.baris if row.saran is not None)


def top_level(indikator: Indikator) -> int:
    """The highest parameter level of an indicator (3 in every IID framework so far)."""
    return max(indikator.parameter)


def has_evidence(klaim: Klaim) -> bool:
    """A claim counts only with at least one ``bukti``."""
    return len(klaim.bukti) > 0


def claimed_points(indikator: Indikator, klaim: Klaim | None) -> int:
    """``bobot x tingkat`` for a claim with evidence; 0 otherwise."""
    if klaim is None or not has_evidence(klaim):
        return 0
    return indikator.bobot * klaim.tingkat


def verification_status(verifikasi: Verifikasi | None) -> str:
    """The status slug shown as a badge: the pokja's, or ``belum-diverifikasi``."""
    return BELUM_DIVERIFIKASI if verifikasi is None else verifikasi.status


def _pokja_points(
    indikator: Indikator, klaim: Klaim | None, verifikasi: Verifikasi | None
) -> int | None:
    """Points one indicator adds to the verified score (``None``: not listed by the pokja)."""
    if verifikasi is None or indikator.kunci not in verifikasi.indikator:
        return None
    if klaim is None or verifikasi.status == DITOLAK:
        return 0
    # Never above the claim (A603 refuses it; capped here as well).
    return indikator.bobot * min(verifikasi.indikator[indikator.kunci].tingkat, klaim.tingkat)


def advise(indikator: Indikator, klaim: Klaim | None) -> Advice | None:
    """The one step that would raise this indicator's claimed points, if any.

    A claim without evidence: attach evidence (worth ``bobot x tingkat``). Otherwise, below
    the top level: the next level (from 0 when unclaimed), worth ``bobot x`` the difference.
    """
    if klaim is not None and not has_evidence(klaim):
        return _advice(indikator, klaim.tingkat, klaim.tingkat, LAMPIRKAN_BUKTI, klaim.tingkat)
    current = 0 if klaim is None else klaim.tingkat
    if current >= top_level(indikator):
        return None
    claimed = None if klaim is None else klaim.tingkat
    return _advice(indikator, claimed, current + 1, NAIK_TINGKAT, 1)


def _advice(
    indikator: Indikator, claimed: int | None, target: int, kind: AdviceKind, levels: int
) -> Advice:
    return Advice(
        kunci=indikator.kunci,
        nomor=indikator.nomor,
        nama=indikator.nama,
        wajib=indikator.wajib,
        jenis=kind,
        tingkat_klaim=claimed,
        tingkat_tujuan=target,
        parameter=indikator.parameter[target],
        poin=indikator.bobot * levels,
    )


def indicator_row(
    indikator: Indikator, klaim: Klaim | None, verifikasi: Verifikasi | None
) -> IndicatorRow:
    """The row of one indicator for one innovation."""
    pokja = None if verifikasi is None else verifikasi.indikator.get(indikator.kunci)
    return IndicatorRow(
        kunci=indikator.kunci,
        nomor=indikator.nomor,
        nama=indikator.nama,
        bobot=indikator.bobot,
        wajib=indikator.wajib,
        tingkat_klaim=None if klaim is None else klaim.tingkat,
        parameter_klaim=None if klaim is None else indikator.parameter.get(klaim.tingkat),
        ada_bukti=klaim is not None and has_evidence(klaim),
        poin_klaim=claimed_points(indikator, klaim),
        tingkat_pokja=None if pokja is None else pokja.tingkat,
        poin_pokja=_pokja_points(indikator, klaim, verifikasi),
        catatan_pokja=None if pokja is None else pokja.catatan,
        maksimum=indikator.bobot * top_level(indikator),
        saran=advise(indikator, klaim),
    )


def _verified_total(rows: Sequence[IndicatorRow], verifikasi: Verifikasi | None) -> int | None:
    if verifikasi is None:
        return None
    return sum(row.poin_pokja or 0 for row in rows)


def score_with(
    innovation: ScorableInnovation,
    kerangka: Kerangka,
    year: int | None = None,
    *,
    perkiraan: bool = False,
) -> InnovationScore:
    """Score an innovation's claims of ``year`` against a given framework.

    The claims of an earlier year kept in ``riwayat`` are scored as claimed only: the pokja's
    ``verifikasi.yaml`` judges the current claims (those of ``indikator``).
    """
    kept = year is not None and any(entry.tahun == year for entry in innovation.data.riwayat)
    claims = innovation.data.claims_for(year)
    verifikasi = None if kept else innovation.verifikasi
    rows = tuple(
        indicator_row(indikator, claims.get(indikator.kunci), verifikasi)
        for indikator in kerangka.indikator
    )
    claimed_rows = [row for row in rows if row.tingkat_klaim is not None]
    known = set(kerangka.by_key())
    return InnovationScore(
        slug=innovation.slug,
        opd=innovation.opd,
        kerangka=kerangka.id,
        klaim=sum(row.poin_klaim for row in rows),
        terverifikasi=_verified_total(rows, verifikasi),
        maksimum=kerangka.skor_maksimum,
        status_verifikasi=verification_status(verifikasi),
        baris=rows,
        wajib_kosong=tuple(row.kunci for row in rows if row.wajib and not row.ada_bukti),
        jumlah_klaim=len(claimed_rows),
        klaim_berbukti=sum(1 for row in claimed_rows if row.ada_bukti),
        di_luar_kerangka=tuple(sorted(key for key in claims if key not in known)),
        perkiraan=perkiraan,
        tahun=year,
    )


def sort_advice(advice: Iterable[Advice]) -> tuple[Advice, ...]:
    """Advice ordered by points gained (highest first), then indicator number."""
    return tuple(sorted(advice, key=lambda item: (-item.poin, item.nomor)))


def score_current(innovation: ScorableInnovation, reference: Reference) -> InnovationScore:
    """Score an innovation's current claims under the framework of its latest reporting
    year; when that year has none published yet, under the newest framework, marked as an
    estimate."""
    years = list(innovation.data.tahun_laporan)
    return score_with(
        innovation,
        reference.kerangka_for_years(years),
        max(years) if years else None,
        perkiraan=reference.is_estimate(years),
    )


def score_all(
    innovations: Iterable[ScorableInnovation], reference: Reference, reuse: Reuse = FRESH
) -> tuple[InnovationScore, ...]:
    """Score every innovation's current claims (:func:`score_current`), sorted by slug; a
    preview's ``reuse`` keeps the score of a record that did not change."""
    scores = (
        reuse.same(
            "skor",
            f"{innovation.opd}/{innovation.slug}",
            (innovation.data, innovation.verifikasi, reference),
            partial(score_current, innovation, reference),
        )
        for innovation in innovations
    )
    return tuple(sorted(scores, key=lambda score: score.slug))


# ---- Per agency ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyTotals:
    """An agency's innovations and their summed scores.

    Attributes:
        opd: Agency slug.
        inovasi: The agency's innovation scores, sorted by slug.
        klaim: Sum of claimed scores.
        terverifikasi: Sum of verified scores, counting "belum diverifikasi" as 0.
        jumlah_diverifikasi: Innovations that have a verified score (``verifikasi.yaml``).
        maksimum: Sum of the maxima.
        jumlah_klaim: Claims over all its innovations.
        klaim_berbukti: Of those, claims with evidence.
    """

    opd: str
    inovasi: tuple[InnovationScore, ...]
    klaim: int
    terverifikasi: int
    jumlah_diverifikasi: int
    maksimum: int
    jumlah_klaim: int
    klaim_berbukti: int

    @property
    def jumlah_inovasi(self) -> int:
        """Number of innovations."""
        return len(self.inovasi)

    @property
    def kelengkapan_bukti(self) -> float | None:
        """Share of the agency's claims with evidence; ``None`` when nothing is claimed."""
        return ratio(self.klaim_berbukti, self.jumlah_klaim)


def agency_totals(opd: str, scores: Iterable[InnovationScore]) -> AgencyTotals:
    """Totals of one agency over ``scores``.

    Args:
        opd: The agency slug.
        scores: The scores to total: the agency's own innovations, or its own and those of
            the units under it (the caller chooses; nothing is filtered here, so that a
            catalogue-wide total never scans the whole catalogue per agency).

    Returns:
        The totals; "belum diverifikasi" counts 0 in the verified sum.
    """
    own = tuple(sorted(scores, key=lambda s: s.slug))
    return AgencyTotals(
        opd=opd,
        inovasi=own,
        klaim=sum(s.klaim for s in own),
        terverifikasi=sum(s.terverifikasi or 0 for s in own),
        jumlah_diverifikasi=sum(1 for s in own if s.terverifikasi is not None),
        maksimum=sum(s.maksimum for s in own),
        jumlah_klaim=sum(s.jumlah_klaim for s in own),
        klaim_berbukti=sum(s.klaim_berbukti for s in own),
    )
