"""The regency projection: the innovation part of Balangan's IID per reporting year.

Per reporting year, under that year's framework and index rules: the divisor, the score
for the count of innovations, the coverage of the six urusan wajib pelayanan dasar
(yandas), and the range of IID values the missing regency-level (SPD) part still allows.
Pure: innovations and reference data in, frozen results out.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from generator.base.numbers import round2
from generator.iid.scoring import InnovationScore, ScorableInnovation, score_with
from generator.record.reference import AturanIndeks, Kerangka, Predikat, Reference


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
        return self.met_with(0)

    def met_with(self, added: int) -> bool:
        """Whether the rule is met once ``added`` new innovations cover missing urusan."""
        covered = self.jumlah + min(added, len(self.belum))
        return self.syarat_minimum is None or covered >= self.syarat_minimum


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
class NextBand:
    """How many more innovations would lift the guaranteed IID into the next band.

    "Guaranteed" is the low end of the range: the IID with an SPD score of 0, the part the
    catalogue alone decides. New innovations are assumed to score like the year's
    innovations with evidence (their average claimed score) and to go first to the urusan
    wajib pelayanan dasar still missing.

    Attributes:
        jumlah: Innovations to add; ``None`` when no number of them reaches the band.
        predikat: The next band above the guaranteed one.
        skor_per_inovasi: The score assumed for each new innovation.
    """

    jumlah: int | None
    predikat: Predikat
    skor_per_inovasi: float


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
        menuju_predikat: What it takes to reach the next band, ``None`` at the top band.
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
    menuju_predikat: NextBand | None


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


def count_score(aturan: AturanIndeks, n: int, coverage: YandasCoverage, added: int = 0) -> float:
    """``min(n, batas_inovasi) x per_inovasi``; 0 when the yandas rule is not met.

    ``added`` of the ``n`` innovations are new ones that may each cover a missing urusan.
    """
    rule = aturan.skor_jumlah_inovasi
    if not coverage.met_with(added):
        return 0.0
    return min(n, rule.batas_inovasi) * rule.per_inovasi


def _max_count_score(aturan: AturanIndeks) -> float:
    rule = aturan.skor_jumlah_inovasi
    return rule.batas_inovasi * rule.per_inovasi


def _percent(part: float, aturan: AturanIndeks) -> float:
    """An innovation part (plus any SPD score) on the IID's 0-100 scale."""
    return part / aturan.skor_total_maksimum * 100


def max_innovation_part(kerangka: Kerangka, aturan: AturanIndeks) -> float:
    """``skor_maksimum + batas_inovasi x per_inovasi`` (111 + 76 = 187 in IID 2025)."""
    return kerangka.skor_maksimum + _max_count_score(aturan)


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
    low = _percent(part, aturan)
    high = _percent(part + aturan.skor_spd_maksimum, aturan)
    return IndexRange(low, high, bands_touching(round2(low), round2(high), aturan.predikat))


def innovation_part(
    total: int, pembagi: int, counted: float, aturan: AturanIndeks
) -> InnovationPart:
    """The innovation part from a sum of scores: average over the divisor plus count score."""
    average = _average(total, pembagi)
    value = average + counted
    return InnovationPart(total, average, counted, value, index_range(value, aturan))


def _average(total: float, pembagi: int) -> float:
    return total / pembagi if pembagi else 0.0


def _band_above(value: float, bands: Sequence[Predikat]) -> Predikat | None:
    """The lowest band that starts above the band holding ``value`` (or above ``value``)."""
    current = predicate_of(value, bands)
    floor = current.max if current is not None else round2(value)
    above = [band for band in bands if band.min > floor]
    return min(above, key=lambda band: band.min, default=None)


def next_band(
    scores: Sequence[int], aturan: AturanIndeks, coverage: YandasCoverage
) -> NextBand | None:
    """The fewest added innovations that lift the guaranteed IID into the next band.

    Args:
        scores: Claimed scores of the year's innovations.
        aturan: The year's index rules.
        coverage: The year's yandas coverage; each new innovation may cover one missing
            urusan.

    Returns:
        ``None`` when the guaranteed IID is already in the top band. Otherwise the band
        and the count; ``jumlah`` is ``None`` when no count is enough. Each count is
        tried until the count cap, the divisor minimum and the yandas rule stop changing;
        from there the part is ``s + cap + (total - s x n) / m`` for ``m`` innovations in
        all, so the remaining count is solved, not searched.
    """
    n, total = len(scores), sum(scores)
    with_evidence = [score for score in scores if score > 0]
    assumed = _average(sum(with_evidence), len(with_evidence))
    now = innovation_part(total, divisor(aturan, n), count_score(aturan, n, coverage), aturan)
    target = _band_above(now.rentang.minimum, aturan.predikat)
    if target is None:
        return None

    def reaches(k: int) -> bool:
        average = _average(total + assumed * k, divisor(aturan, n + k))
        part = average + count_score(aturan, n + k, coverage, added=k)
        return round2(_percent(part, aturan)) >= target.min

    steady = max(aturan.skor_jumlah_inovasi.batas_inovasi, aturan.pembagi_minimum) - n
    searched = max(steady, 0) + len(coverage.belum) + 1
    found = next((k for k in range(1, searched + 1) if reaches(k)), None)
    if found is not None:
        return NextBand(found, target, assumed)
    ceiling = assumed + _max_count_score(aturan)  # the part as m grows
    # The band is read at 2 decimals: half a hundredth below its bound already rounds in.
    needed = (target.min - 0.005) * aturan.skor_total_maksimum / 100
    deficit = total - assumed * n  # <= 0: the records without evidence pull the part down
    if deficit >= 0 or ceiling <= needed:
        return NextBand(None, target, assumed)
    estimate = math.ceil(deficit / (needed - ceiling)) - n
    nearby = range(max(estimate - 2, searched + 1), max(estimate + 3, searched + 2))
    return NextBand(next((k for k in nearby if reaches(k)), None), target, assumed)


ScoreFor = Callable[[ScorableInnovation, Kerangka, int], InnovationScore]
"""Scores an innovation's claims of a year under a framework (:func:`score_with`, or a
preview's kept score of a record that did not change)."""


def _detail(
    innovations: Sequence[ScorableInnovation],
    reference: Reference,
    kerangka: Kerangka,
    aturan: AturanIndeks,
    year: int,
    score_for: ScoreFor,
) -> ProjectionDetail:
    n = len(innovations)
    scores = [score_for(innovation, kerangka, year) for innovation in innovations]
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
        menuju_predikat=next_band([score.klaim for score in scores], aturan, coverage),
    )


def project_year(
    year: int,
    innovations: Iterable[ScorableInnovation],
    reference: Reference,
    score_for: ScoreFor = score_with,
) -> YearProjection:
    """Project one reporting year with that year's framework and index rules.

    Args:
        year: The reporting year.
        innovations: Every innovation of the catalogue; those whose ``tahun_laporan``
            holds ``year`` are the year's ``n``.
        reference: The national reference data (frameworks, the six yandas urusan).
        score_for: How an innovation is scored (:data:`ScoreFor`).

    Returns:
        The projection. Every innovation of the year is scored against the year's framework
        (not its own latest one), as that year's national assessment would, with the claims
        of that year (those kept in ``riwayat``, else the current ones). Without a
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
    detail = _detail(reported, reference, kerangka, kerangka.indeks, year, score_for)
    return YearProjection(year, slugs, kerangka.id, detail, None)


def regency_projection(
    innovations: Sequence[ScorableInnovation],
    reference: Reference,
    score_for: ScoreFor = score_with,
) -> tuple[YearProjection, ...]:
    """One projection per reporting year found in the catalogue, ascending."""
    years = reporting_years(innovations)
    return tuple(project_year(year, innovations, reference, score_for) for year in years)
