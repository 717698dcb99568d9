"""IID scores: what each innovation claims, what the pokja accepted, and what would raise it.

Owns every number the catalogue derives from the Indeks Inovasi Daerah (IID) frameworks in
``data/iid-*.yaml``:

- per innovation: the claimed score (``bobot x tingkat`` over claims with at least one
  ``bukti``), the verified score (the pokja's levels from ``verifikasi.yaml``), the
  verification status, the mandatory indicators without a counted claim, one row per
  indicator of the framework, and advice on what would raise the score;
- per agency: totals and evidence completeness;
- per reporting year: the projection of the innovation part of the regency's index under
  that year's rules (divisor, count-of-innovations score, yandas coverage), shown as the
  range of IID values the missing regency-level (SPD) part still allows.

Pure functions over validated records: no I/O, no printing, deterministic output order.
Raw values stay unrounded in the dataclasses; :func:`round2` rounds at the presentation
edge. Reading the catalogue is :mod:`generator.catalogue`'s job, showing the numbers is the
site's and the CLI's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, Protocol

from generator.models import AnyInovasi, Klaim, Verifikasi
from generator.reference import AturanIndeks, Indikator, Kerangka, Predikat, Reference

BELUM_DIVERIFIKASI = "belum-diverifikasi"
"""Status of an innovation without ``verifikasi.yaml``."""

DITOLAK = "ditolak"
"""Status whose verified score is 0 whatever the levels listed."""

AdviceKind = Literal["lampirkan-bukti", "naik-tingkat"]
LAMPIRKAN_BUKTI: AdviceKind = "lampirkan-bukti"
NAIK_TINGKAT: AdviceKind = "naik-tingkat"


class ScorableInnovation(Protocol):
    """What scoring needs of an innovation (:class:`generator.catalogue.Innovation` fits)."""

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

    @property
    def kelengkapan_bukti(self) -> float | None:
        """Share of claims with evidence (0..1); ``None`` when nothing is claimed."""
        return ratio(self.klaim_berbukti, self.jumlah_klaim)

    @property
    def saran(self) -> tuple[Advice, ...]:
        """Every advice of the rows, by points gained (desc) then indicator number."""
        return sort_advice(row.saran for row in self.baris if row.saran is not None)


def ratio(part: int, whole: int) -> float | None:
    """``part / whole``, or ``None`` when ``whole`` is 0."""
    return part / whole if whole else None


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
    return indikator.bobot * verifikasi.indikator[indikator.kunci].tingkat


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


def score_with(innovation: ScorableInnovation, kerangka: Kerangka) -> InnovationScore:
    """Score an innovation against a given framework (see :func:`score_innovation`)."""
    claims = innovation.data.indikator
    verifikasi = innovation.verifikasi
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
    )


def score_innovation(innovation: ScorableInnovation, reference: Reference) -> InnovationScore:
    """Score an innovation against the framework of its latest reporting year.

    Args:
        innovation: The innovation (profile and, if any, the pokja's verification).
        reference: The national reference data holding the frameworks.

    Returns:
        The score under ``reference.kerangka_for_years(tahun_laporan)``: the framework of
        the latest reporting year that has one, else the newest framework.
    """
    kerangka = reference.kerangka_for_years(list(innovation.data.tahun_laporan))
    return score_with(innovation, kerangka)


def score_all(
    innovations: Iterable[ScorableInnovation], reference: Reference
) -> tuple[InnovationScore, ...]:
    """Score every innovation; the result is sorted by slug."""
    scores = (score_innovation(innovation, reference) for innovation in innovations)
    return tuple(sorted(scores, key=lambda score: score.slug))


# ---- Advice as text -----------------------------------------------------------------------


def sort_advice(advice: Iterable[Advice]) -> tuple[Advice, ...]:
    """Advice ordered by points gained (highest first), then indicator number."""
    return tuple(sorted(advice, key=lambda item: (-item.poin, item.nomor)))


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
    """Totals of one agency.

    Args:
        opd: The agency slug.
        scores: Innovation scores of the catalogue (others' are ignored).

    Returns:
        The agency's totals; "belum diverifikasi" counts 0 in the verified sum.
    """
    own = tuple(sorted((s for s in scores if s.opd == opd), key=lambda s: s.slug))
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


def all_agency_totals(scores: Sequence[InnovationScore]) -> tuple[AgencyTotals, ...]:
    """Totals of every agency that has an innovation, sorted by agency slug."""
    return tuple(agency_totals(opd, scores) for opd in sorted({s.opd for s in scores}))


# ---- Regency projection -------------------------------------------------------------------


@dataclass(frozen=True)
class YandasCoverage:
    """Which of the six urusan wajib pelayanan dasar the year's innovations cover.

    Attributes:
        tercakup: Covered urusan keys, in urusan order.
        belum: Uncovered urusan keys, in urusan order.
        syarat_minimum: Coverage the count score requires, ``None`` when the year has no
            such rule.
    """

    tercakup: tuple[str, ...]
    belum: tuple[str, ...]
    syarat_minimum: int | None

    @property
    def jumlah(self) -> int:
        """Number of yandas urusan covered."""
        return len(self.tercakup)

    @property
    def terpenuhi(self) -> bool:
        """Whether the count score's coverage rule is met (always, without a rule)."""
        return self.syarat_minimum is None or self.jumlah >= self.syarat_minimum


@dataclass(frozen=True)
class IndexRange:
    """The IID values (0-100) an innovation part allows while the SPD part is unknown.

    Attributes:
        minimum: IID with an SPD score of 0.
        maksimum: IID with the maximum SPD score.
        predikat: Predicate bands the (2-decimal) range touches, lowest first.
    """

    minimum: float
    maksimum: float
    predikat: tuple[Predikat, ...]


@dataclass(frozen=True)
class InnovationPart:
    """The innovation part of the index from one kind of score (claimed or verified).

    Attributes:
        jumlah_skor: Sum of the innovations' scores.
        rata_rata: ``jumlah_skor / pembagi``.
        skor_jumlah_inovasi: The count score (same for both kinds).
        nilai: ``rata_rata + skor_jumlah_inovasi``.
        rentang: The IID range this part allows.
    """

    jumlah_skor: int
    rata_rata: float
    skor_jumlah_inovasi: float
    nilai: float
    rentang: IndexRange


@dataclass(frozen=True)
class ProjectionDetail:
    """The year's rules applied to the year's innovations.

    Attributes:
        pembagi: ``max(pembagi_minimum, n)``.
        pembagi_minimum: The year's divisor minimum.
        yandas: Coverage of the six urusan wajib pelayanan dasar.
        skor_jumlah_inovasi: ``min(n, batas) x per_inovasi``, 0 when coverage falls short.
        per_inovasi: Count score per innovation.
        batas_inovasi: Innovations counted at most.
        bagian_inovasi_maksimum: ``skor_maksimum + batas x per_inovasi``.
        skor_spd_maksimum: Maximum of the SPD part (not in the catalogue).
        skor_total_maksimum: Maximum total score (the IID's 100).
        predikat: The year's predicate bands, as in the framework.
        jumlah_diverifikasi: Innovations of the year with a verified score.
        klaim: The part from claimed scores.
        terverifikasi: The part from verified scores (unverified and rejected count 0).
    """

    pembagi: int
    pembagi_minimum: int
    yandas: YandasCoverage
    skor_jumlah_inovasi: float
    per_inovasi: float
    batas_inovasi: int
    bagian_inovasi_maksimum: float
    skor_spd_maksimum: float
    skor_total_maksimum: float
    predikat: tuple[Predikat, ...]
    jumlah_diverifikasi: int
    klaim: InnovationPart
    terverifikasi: InnovationPart


@dataclass(frozen=True)
class YearProjection:
    """The projection of the regency's innovation part for one reporting year.

    Attributes:
        tahun: The reporting year.
        inovasi: Slugs of the innovations reported that year, sorted.
        kerangka: Id of the year's framework, ``None`` when the package has none.
        rincian: The computation, ``None`` when the year has no framework or its framework
            has no index rules (``indeks``).
        catatan: Why ``rincian`` is missing, in Indonesian; ``None`` when present.
    """

    tahun: int
    inovasi: tuple[str, ...]
    kerangka: str | None
    rincian: ProjectionDetail | None
    catatan: str | None

    @property
    def jumlah_inovasi(self) -> int:
        """``n``: innovations reported that year."""
        return len(self.inovasi)


def reporting_years(innovations: Iterable[ScorableInnovation]) -> list[int]:
    """Every year in any innovation's ``tahun_laporan``, ascending."""
    return sorted({year for innovation in innovations for year in innovation.data.tahun_laporan})


def divisor(aturan: AturanIndeks, n: int) -> int:
    """``max(pembagi_minimum, n)``: fewer innovations than the minimum leave empty seats."""
    return max(aturan.pembagi_minimum, n)


def yandas_coverage(
    innovations: Iterable[ScorableInnovation], reference: Reference, minimum: int | None
) -> YandasCoverage:
    """Which yandas urusan appear as ``urusan.utama`` (records without urusan count not)."""
    main = {i.data.urusan.utama for i in innovations if i.data.urusan is not None}
    keys = [urusan.kunci for urusan in sorted(reference.yandas(), key=lambda u: u.nomor)]
    return YandasCoverage(
        tercakup=tuple(k for k in keys if k in main),
        belum=tuple(k for k in keys if k not in main),
        syarat_minimum=minimum,
    )


def count_score(aturan: AturanIndeks, n: int, coverage: YandasCoverage) -> float:
    """``min(n, batas_inovasi) x per_inovasi``; 0 when the yandas rule is not met."""
    rule = aturan.skor_jumlah_inovasi
    if not coverage.terpenuhi:
        return 0.0
    return min(n, rule.batas_inovasi) * rule.per_inovasi


def max_innovation_part(kerangka: Kerangka, aturan: AturanIndeks) -> float:
    """``skor_maksimum + batas_inovasi x per_inovasi`` (111 + 76 = 187 in IID 2025)."""
    rule = aturan.skor_jumlah_inovasi
    return kerangka.skor_maksimum + rule.batas_inovasi * rule.per_inovasi


def bands_touching(low: float, high: float, bands: Iterable[Predikat]) -> tuple[Predikat, ...]:
    """Predicate bands (inclusive bounds) that overlap ``[low, high]``, lowest first."""
    touching = (band for band in bands if band.min <= high and band.max >= low)
    return tuple(sorted(touching, key=lambda band: (band.min, band.max)))


def predicate_of(value: float, bands: Iterable[Predikat]) -> Predikat | None:
    """The band of a single IID value rounded to 2 decimals, if one holds it."""
    shown = round2(value)
    return next(iter(bands_touching(shown, shown, bands)), None)


def index_range(part: float, aturan: AturanIndeks) -> IndexRange:
    """The IID range an innovation part allows while the SPD part is unknown.

    Args:
        part: The innovation part (average score plus count score).
        aturan: The year's index rules.

    Returns:
        ``part / total_max x 100`` .. ``(part + spd_max) / total_max x 100`` and the
        predicate bands that range touches, matched at 2 decimals (the bands' precision).
    """
    low = part / aturan.skor_total_maksimum * 100
    high = (part + aturan.skor_spd_maksimum) / aturan.skor_total_maksimum * 100
    return IndexRange(low, high, bands_touching(round2(low), round2(high), aturan.predikat))


def innovation_part(
    total: int, pembagi: int, counted: float, aturan: AturanIndeks
) -> InnovationPart:
    """The innovation part from a sum of scores: average over the divisor plus count score."""
    average = total / pembagi if pembagi else 0.0
    value = average + counted
    return InnovationPart(total, average, counted, value, index_range(value, aturan))


def _detail(
    innovations: Sequence[ScorableInnovation],
    reference: Reference,
    kerangka: Kerangka,
    aturan: AturanIndeks,
) -> ProjectionDetail:
    n = len(innovations)
    scores = [score_with(innovation, kerangka) for innovation in innovations]
    rule = aturan.skor_jumlah_inovasi
    coverage = yandas_coverage(innovations, reference, rule.syarat_urusan_yandas_minimum)
    counted = count_score(aturan, n, coverage)
    pembagi = divisor(aturan, n)
    claimed = sum(score.klaim for score in scores)
    verified = sum(score.terverifikasi or 0 for score in scores)
    return ProjectionDetail(
        pembagi=pembagi,
        pembagi_minimum=aturan.pembagi_minimum,
        yandas=coverage,
        skor_jumlah_inovasi=counted,
        per_inovasi=rule.per_inovasi,
        batas_inovasi=rule.batas_inovasi,
        bagian_inovasi_maksimum=max_innovation_part(kerangka, aturan),
        skor_spd_maksimum=aturan.skor_spd_maksimum,
        skor_total_maksimum=aturan.skor_total_maksimum,
        predikat=tuple(aturan.predikat),
        jumlah_diverifikasi=sum(1 for score in scores if score.terverifikasi is not None),
        klaim=innovation_part(claimed, pembagi, counted, aturan),
        terverifikasi=innovation_part(verified, pembagi, counted, aturan),
    )


def project_year(
    year: int, innovations: Iterable[ScorableInnovation], reference: Reference
) -> YearProjection:
    """Project one reporting year with that year's framework and index rules.

    Args:
        year: The reporting year.
        innovations: Every innovation of the catalogue; those whose ``tahun_laporan``
            holds ``year`` are the year's ``n``.
        reference: The national reference data (frameworks, the six yandas urusan).

    Returns:
        The projection. Every innovation of the year is scored against the year's framework
        (not its own latest one), as that year's national assessment would. Without a
        framework, or without index rules in it, ``rincian`` is ``None`` and ``catatan``
        says why.
    """
    reported = sorted(
        (i for i in innovations if year in i.data.tahun_laporan), key=lambda i: i.slug
    )
    slugs = tuple(i.slug for i in reported)
    kerangka = reference.kerangka_for_year(year)
    if kerangka is None:
        note = f"belum ada kerangka IID untuk tahun {year}; proyeksi tidak dihitung"
        return YearProjection(year, slugs, None, None, note)
    if kerangka.indeks is None:
        note = f"kerangka {kerangka.id} belum memuat aturan indeks; proyeksi tidak dihitung"
        return YearProjection(year, slugs, kerangka.id, None, note)
    detail = _detail(reported, reference, kerangka, kerangka.indeks)
    return YearProjection(year, slugs, kerangka.id, detail, None)


def regency_projection(
    innovations: Sequence[ScorableInnovation], reference: Reference
) -> tuple[YearProjection, ...]:
    """One projection per reporting year found in the catalogue, ascending."""
    years = reporting_years(innovations)
    return tuple(project_year(year, innovations, reference) for year in years)


# ---- Presentation -------------------------------------------------------------------------


def round2(value: float) -> float:
    """Round half-up to 2 decimals, on the value as written (``2.675`` gives ``2.68``)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
