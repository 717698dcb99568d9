"""Worked examples of the IID scores, computed by hand in the comments (generator.iid.scoring).

Weights of the IID 2022-2024 framework used below (``data/iid-2024.yaml``; same in 2025):
regulasi 3*, sdm 2*, anggaran 2, alat-kerja 2, bimtek 1, rkpd 2, aktor 1, pelaksana 1,
jejaring 1, sosialisasi 1, pedoman-teknis 1, informasi-layanan 1, proses-layanan 2,
pengaduan 1, layanan-terintegrasi 2, replikasi 3, kecepatan 2*, kemanfaatan 3*, monev 2,
kualitas 4* (* = wajib); sum 37, maximum 37 x 3 = 111.

The index rules are set in this file (not read from the data files) so that the arithmetic
below does not move when the reference data is edited:
- 2024: divisor MAX(10, n); count score MIN(n, 200) x 0.38, no yandas condition;
  SPD max 63, total max 250; bands Sangat 60.01-100, Inovatif 35-60, Kurang 0.01-34.99,
  Tidak Dapat Dinilai 0.
- 2025: divisor MAX(12, n); count score MIN(n, 200) x 0.38 only with >= 5 of 6 yandas;
  bands Sangat 65.01-100, Inovatif 40.01-65, Kurang 0.01-40, Tidak Dapat Dinilai 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.base.numbers import round2
from generator.iid import advice, projection, scoring
from generator.record.models import AnyInovasi, Inovasi, InovasiBerita, Verifikasi
from generator.record.reference import AturanIndeks, Kerangka, Predikat, Reference, load_reference

CONTEXT = {"reference": load_reference()}

# ---- Building blocks ---------------------------------------------------------------------


def _bands(sangat: float, inovatif: float, kurang_max: float) -> list[Predikat]:
    return [
        Predikat(kunci="sangat-inovatif", nama="Sangat Inovatif", min=sangat, max=100),
        Predikat(kunci="inovatif", nama="Inovatif", min=inovatif, max=sangat - 0.01),
        Predikat(kunci="kurang-inovatif", nama="Kurang Inovatif", min=0.01, max=kurang_max),
        Predikat(kunci="tidak-dapat-dinilai", nama="Tidak Dapat Dinilai", min=0, max=0),
    ]


def _rules(divisor: int, yandas_minimum: int | None, bands: list[Predikat]) -> AturanIndeks:
    return AturanIndeks.model_validate(
        {
            "pembagi_minimum": divisor,
            "skor_jumlah_inovasi": {
                "per_inovasi": 0.38,
                "batas_inovasi": 200,
                "syarat_urusan_yandas_minimum": yandas_minimum,
            },
            "skor_spd_maksimum": 63,
            "skor_total_maksimum": 250,
            "predikat": [band.model_dump() for band in bands],
        }
    )


RULES_2024 = _rules(10, None, _bands(60.01, 35.0, 34.99))
RULES_2025 = _rules(12, 5, _bands(65.01, 40.01, 40.0))


def _reference() -> Reference:
    """The packaged reference with the 2024 and 2025 frameworks and the rules above."""
    real = load_reference()
    k2024 = next(k for k in real.kerangka if k.id == "iid-2024")
    frameworks = [
        k2024.model_copy(update={"berlaku": [2022, 2023, 2024], "indeks": RULES_2024}),
        k2024.model_copy(update={"id": "iid-2025", "berlaku": [2025], "indeks": RULES_2025}),
    ]
    return real.model_copy(update={"kerangka": frameworks})


REF = _reference()
K2024: Kerangka = REF.kerangka[0]


@dataclass(frozen=True)
class Rec:
    """An innovation as the catalogue holds it (fits ``scoring.ScorableInnovation``)."""

    slug: str
    opd: str
    data: AnyInovasi
    verifikasi: Verifikasi | None = None


def claim(level: int, evidence: bool = True) -> dict[str, Any]:
    """A claim as the YAML reader hands it over (text values)."""
    bukti = [{"url": "https://balangankab.go.id/bukti.pdf"}] if evidence else []
    return {"tingkat": str(level), "bukti": bukti}


def profile(
    claims: dict[str, dict[str, Any]] | None = None,
    years: tuple[int, ...] = (2024,),
    urusan: str = "kesehatan",
    beririsan: tuple[str, ...] = (),
) -> Inovasi:
    return Inovasi.model_validate(
        {
            "nama": "Inovasi Contoh",
            "ringkasan": "Ringkasan inovasi contoh.",
            "tahapan": "inisiatif",
            "inisiator": {"jenis": "opd", "nama": "Bidang Pelayanan"},
            "jenis": "digital",
            "bentuk": "pelayanan-publik",
            "urusan": {"utama": urusan, "beririsan": list(beririsan)},
            "tanggal": {"mulai": "2023-01-02"},
            "tahun_laporan": [str(y) for y in years],
            "indikator": claims or {},
        },
        context=CONTEXT,
    )


def news(years: tuple[int, ...]) -> InovasiBerita:
    """A record transcribed from news: no urusan, no claims."""
    return InovasiBerita.model_validate(
        {
            "nama": "Inovasi dari Berita",
            "ringkasan": "Diberitakan media lokal.",
            "sumber_data": "berita",
            "tautan": [{"judul": "Berita", "url": "https://contoh.id/berita"}],
            "tahun_laporan": [str(y) for y in years],
        },
        context=CONTEXT,
    )


def verification(
    status: str, levels: dict[str, int], notes: dict[str, str] | None = None
) -> Verifikasi:
    notes = notes or {}
    indikator = {
        key: {"tingkat": str(level), **({"catatan": notes[key]} if key in notes else {})}
        for key, level in levels.items()
    }
    return Verifikasi.model_validate(
        {"status": status, "tanggal": "2024-08-10", "indikator": indikator},
        context=CONTEXT,
    )


def score_one(innovation: Rec, reference: Reference) -> scoring.InnovationScore:
    """The score ``score_all`` gives one innovation."""
    (score,) = scoring.score_all([innovation], reference)
    return score


def row(score: scoring.InnovationScore, key: str) -> scoring.IndicatorRow:
    return next(r for r in score.baris if r.kunci == key)


# Innovation A (dinkes, 2024), verified by the pokja:
#   claims                              claimed points    pokja level -> verified points
#   regulasi    2, bukti                3 x 2 = 6         1 -> 3 x 1 = 3
#   sdm         1, NO bukti             0                 (not listed)
#   alat-kerja  3, bukti                2 x 3 = 6         3 -> 2 x 3 = 6
#   replikasi   1, bukti                3 x 1 = 3         (not listed) -> 0
#   kecepatan   2, bukti                2 x 2 = 4         0 -> 0
#   kualitas    1, bukti                4 x 1 = 4         1 -> 4 x 1 = 4
#   sosialisasi (not claimed)           0                 2 -> not claimed: 0
#   claimed  = 6 + 6 + 3 + 4 + 4 = 23
#   verified = 3 + 6 + 0 + 4     = 13
A = Rec(
    "antrean-daring",
    "dinkes",
    profile(
        {
            "regulasi": claim(2),
            "sdm": claim(1, evidence=False),
            "alat-kerja": claim(3),
            "replikasi": claim(1),
            "kecepatan": claim(2),
            "kualitas": claim(1),
        }
    ),
    verification(
        "terverifikasi",
        {"regulasi": 1, "alat-kerja": 3, "kecepatan": 0, "kualitas": 1, "sosialisasi": 2},
        {"kecepatan": "Linimasa belum diunggah."},
    ),
)
# Innovation B (dinkes, 2024), rejected: claimed regulasi 1 with bukti = 3 x 1 = 3;
# the pokja lists regulasi at 1 but the status is ditolak, so verified = 0.
B = Rec(
    "posyandu-pintar",
    "dinkes",
    profile({"regulasi": claim(1)}),
    verification("ditolak", {"regulasi": 1}),
)
# Innovation C (dinkes, 2024), no verifikasi.yaml:
#   kemanfaatan 3, bukti = 3 x 3 = 9; kualitas 2, bukti = 4 x 2 = 8; pengaduan 1, NO bukti = 0
#   claimed = 17, verified = None
C = Rec(
    "skrining-desa",
    "dinkes",
    profile({"kemanfaatan": claim(3), "kualitas": claim(2), "pengaduan": claim(1, False)}),
)
# Innovation D (disdukcapil, 2024), status diajukan: regulasi 3, bukti = 9; pokja 3 -> 9.
D = Rec(
    "dukcapil-jemput-bola",
    "disdukcapil",
    profile({"regulasi": claim(3)}, urusan="administrasi-kependudukan-dan-pencatatan-sipil"),
    verification("diajukan", {"regulasi": 3}),
)


# ---- Per innovation ----------------------------------------------------------------------


def test_claimed_and_verified_scores_of_a_verified_innovation() -> None:
    score = score_one(A, REF)
    assert score.kerangka == "iid-2024"
    assert score.klaim == 23
    assert score.terverifikasi == 13
    assert score.maksimum == 111
    assert score.status_verifikasi == "terverifikasi"
    # Mandatory without a counted claim: sdm (no bukti) and kemanfaatan (not claimed).
    assert score.wajib_kosong == ("sdm", "kemanfaatan")
    # 6 claims, 5 with bukti.
    assert (score.jumlah_klaim, score.klaim_berbukti) == (6, 5)
    assert score.kelengkapan_bukti == pytest.approx(5 / 6)
    assert [r.kunci for r in score.baris] == [i.kunci for i in K2024.indikator]
    assert sum(r.poin_klaim for r in score.baris) == score.klaim
    assert sum(r.poin_pokja or 0 for r in score.baris) == score.terverifikasi


def test_indicator_rows() -> None:
    score = score_one(A, REF)
    regulasi = row(score, "regulasi")
    assert (regulasi.nomor, regulasi.bobot, regulasi.wajib, regulasi.maksimum) == (1, 3, True, 9)
    assert regulasi.tingkat_klaim == 2
    assert regulasi.parameter_klaim == "SK Kepala Daerah"
    assert (regulasi.ada_bukti, regulasi.poin_klaim) == (True, 6)
    assert (regulasi.tingkat_pokja, regulasi.poin_pokja) == (1, 3)

    sdm = row(score, "sdm")  # claimed without bukti: shown, scores 0
    assert (sdm.tingkat_klaim, sdm.ada_bukti, sdm.poin_klaim) == (1, False, 0)
    assert sdm.parameter_klaim == "1-10 SDM"
    assert (sdm.tingkat_pokja, sdm.poin_pokja) == (None, None)

    kecepatan = row(score, "kecepatan")  # level-0 decision
    assert (kecepatan.tingkat_pokja, kecepatan.poin_pokja) == (0, 0)
    assert kecepatan.catatan_pokja == "Linimasa belum diunggah."

    replikasi = row(score, "replikasi")  # claimed, not listed by the pokja
    assert (replikasi.poin_klaim, replikasi.tingkat_pokja, replikasi.poin_pokja) == (3, None, None)

    sosialisasi = row(score, "sosialisasi")  # listed by the pokja, never claimed
    assert sosialisasi.tingkat_klaim is None and sosialisasi.parameter_klaim is None
    assert (sosialisasi.tingkat_pokja, sosialisasi.poin_pokja) == (2, 0)

    alat = row(score, "alat-kerja")  # top level with evidence: nothing to raise
    assert (alat.poin_klaim, alat.maksimum, alat.saran) == (6, 6, None)


def test_rejected_innovation_verifies_to_zero() -> None:
    score = score_one(B, REF)
    assert (score.klaim, score.terverifikasi, score.status_verifikasi) == (3, 0, "ditolak")
    assert (row(score, "regulasi").tingkat_pokja, row(score, "regulasi").poin_pokja) == (1, 0)


def test_unverified_innovation() -> None:
    score = score_one(C, REF)
    assert (score.klaim, score.terverifikasi) == (17, None)
    assert score.status_verifikasi == "belum-diverifikasi"
    assert score.wajib_kosong == ("regulasi", "sdm", "kecepatan")
    assert score.kelengkapan_bukti == pytest.approx(2 / 3)
    assert all(r.tingkat_pokja is None and r.poin_pokja is None for r in score.baris)


def test_nothing_claimed() -> None:
    score = score_one(Rec("kosong", "dinkes", profile()), REF)
    assert (score.klaim, score.jumlah_klaim, score.kelengkapan_bukti) == (0, 0, None)
    assert score.wajib_kosong == ("regulasi", "sdm", "kecepatan", "kemanfaatan", "kualitas")
    # Every indicator can be claimed at level 1: 37 points of advice, one per indicator.
    assert len(score.saran) == 20
    assert sum(a.poin for a in score.saran) == 37


def test_framework_follows_latest_reporting_year_with_one() -> None:
    # 2021 has no framework; 2024 is the latest year that has one.
    assert score_one(Rec("x", "o", profile(years=(2021, 2024))), REF).kerangka == ("iid-2024")
    assert score_one(Rec("x", "o", profile(years=(2024, 2025))), REF).kerangka == ("iid-2025")
    # Only years without a framework: the newest one.
    assert score_one(Rec("x", "o", profile(years=(2019,))), REF).kerangka == ("iid-2025")


def test_claims_outside_the_framework_score_nothing() -> None:
    # A framework that lacks "replikasi" (as a future cycle might): the claim is named.
    slim = K2024.model_copy(
        update={"indikator": [i for i in K2024.indikator if i.kunci != "replikasi"]}
    )
    score = scoring.score_with(A, slim)
    # 23 - replikasi 3 = 20.
    assert score.klaim == 20
    assert score.di_luar_kerangka == ("replikasi",)
    assert score.jumlah_klaim == 5


# ---- Advice ------------------------------------------------------------------------------


def test_advice_order_and_points() -> None:
    score = score_one(A, REF)
    # Per indicator (current -> step, points):
    #   kualitas 1 -> 2: 4 x 1 = 4          regulasi 2 -> 3: 3        replikasi 1 -> 2: 3
    #   kemanfaatan 0 -> 1: 3               sdm: attach bukti, 2 x 1 = 2
    #   anggaran, rkpd, proses-layanan, layanan-terintegrasi, monev 0 -> 1: 2 each
    #   kecepatan 2 -> 3: 2                 alat-kerja: at 3 with bukti, none
    #   bimtek, aktor, pelaksana, jejaring, sosialisasi, pedoman-teknis, informasi-layanan,
    #   pengaduan 0 -> 1: 1 each
    # Sorted by points desc, then indicator number:
    assert [(a.kunci, a.poin) for a in score.saran] == [
        ("kualitas", 4),
        ("regulasi", 3),
        ("replikasi", 3),
        ("kemanfaatan", 3),
        ("sdm", 2),
        ("anggaran", 2),
        ("rkpd", 2),
        ("proses-layanan", 2),
        ("layanan-terintegrasi", 2),
        ("kecepatan", 2),
        ("monev", 2),
        ("bimtek", 1),
        ("aktor", 1),
        ("pelaksana", 1),
        ("jejaring", 1),
        ("sosialisasi", 1),
        ("pedoman-teknis", 1),
        ("informasi-layanan", 1),
        ("pengaduan", 1),
    ]
    # 4 + 3 x 3 + 2 x 7 + 1 x 8 = 35.
    assert sum(a.poin for a in score.saran) == 35
    sdm = row(score, "sdm").saran
    assert sdm is not None
    assert (sdm.jenis, sdm.tingkat_klaim, sdm.tingkat_tujuan) == ("lampirkan-bukti", 1, 1)


def test_advice_lines() -> None:
    lines = advice.advice_lines(score_one(A, REF))
    assert lines[0] == (
        "kualitas (Kualitas Inovasi Daerah, wajib): naik ke tingkat 2 "
        "«Video memenuhi 3 atau 4 unsur substansi» untuk +4 poin"
    )
    assert lines[3].startswith(
        "kemanfaatan (Kemanfaatan Inovasi, wajib): belum diklaim; klaim tingkat 1 «Orang: "
    )
    assert lines[3].endswith("» untuk +3 poin")
    assert lines[4] == (
        "sdm (Ketersediaan SDM terhadap Inovasi Daerah, wajib): klaim tingkat 1 belum dihitung "
        "karena belum ada bukti; lampirkan bukti dukung untuk +2 poin"
    )
    assert lines[5] == (
        "anggaran (Dukungan Anggaran): belum diklaim; klaim tingkat 1 «Anggaran dialokasikan "
        "pada kegiatan penerapan inovasi di T-0 (tahun berjalan)» untuk +2 poin"
    )


def test_advice_lines_of_the_brief() -> None:
    # regulasi 1 without bukti: worth 3 x 1 = 3; sdm 1 with bukti: 2 -> +2 x (2 - 1) = 2.
    rec = Rec("x", "o", profile({"regulasi": claim(1, evidence=False), "sdm": claim(1)}))
    score = score_one(rec, REF)
    lines = advice.advice_lines(score)
    assert (
        "regulasi (Regulasi Inovasi Daerah, wajib): klaim tingkat 1 belum dihitung karena "
        "belum ada bukti; lampirkan bukti dukung untuk +3 poin"
    ) in lines
    assert (
        "sdm (Ketersediaan SDM terhadap Inovasi Daerah, wajib): naik ke tingkat 2 «11-30 SDM» "
        "untuk +2 poin"
    ) in lines
    assert advice.missing_mandatory_line(score) == (
        "indikator wajib belum terpenuhi: regulasi, kecepatan, kemanfaatan, kualitas"
    )


def test_unproven_top_level_claim_still_gets_advice() -> None:
    # kualitas 3 without bukti: 0 points now, attaching bukti is worth 4 x 3 = 12.
    score = score_one(Rec("x", "o", profile({"kualitas": claim(3, False)})), REF)
    advice = row(score, "kualitas").saran
    assert advice is not None
    assert (advice.jenis, advice.poin, advice.tingkat_tujuan) == ("lampirkan-bukti", 12, 3)
    assert score.saran[0].kunci == "kualitas"


# ---- Per agency --------------------------------------------------------------------------


def test_agency_totals() -> None:
    scores = scoring.score_all([D, C, B, A], REF)
    assert [s.slug for s in scores] == sorted(s.slug for s in scores)
    dinkes = scoring.agency_totals("dinkes", [s for s in scores if s.opd == "dinkes"])
    # dinkes: A 23 / 13, B 3 / 0 (ditolak), C 17 / None
    assert dinkes.jumlah_inovasi == 3
    assert [s.slug for s in dinkes.inovasi] == [
        "antrean-daring",
        "posyandu-pintar",
        "skrining-desa",
    ]
    assert dinkes.klaim == 23 + 3 + 17 == 43
    assert dinkes.terverifikasi == 13 + 0 + 0 == 13
    assert dinkes.jumlah_diverifikasi == 2  # A and B have verifikasi.yaml
    assert dinkes.maksimum == 3 * 111 == 333
    # claims: A 6 (5 with bukti), B 1 (1), C 3 (2) -> 8 / 10
    assert (dinkes.jumlah_klaim, dinkes.klaim_berbukti) == (10, 8)
    assert dinkes.kelengkapan_bukti == pytest.approx(0.8)
    other = scoring.agency_totals("disdukcapil", [s for s in scores if s.opd == "disdukcapil"])
    assert (other.klaim, other.terverifikasi, other.jumlah_diverifikasi) == (9, 9, 1)


# ---- Regency projection ------------------------------------------------------------------


def test_projection_2024_with_fewer_innovations_than_the_divisor() -> None:
    (year,) = projection.regency_projection([A, B, C, D], REF)
    assert (year.tahun, year.kerangka, year.catatan) == (2024, "iid-2024", None)
    assert year.inovasi == (
        "antrean-daring",
        "dukcapil-jemput-bola",
        "posyandu-pintar",
        "skrining-desa",
    )
    detail = year.rincian
    assert detail is not None
    # n = 4 < 10: divisor MAX(10, 4) = 10.
    assert detail.pembagi == 10
    # Count score: MIN(4, 200) x 0.38 = 1.52 (no yandas condition in 2024).
    assert detail.yandas.syarat_minimum is None and detail.yandas.terpenuhi
    assert detail.skor_jumlah_inovasi == pytest.approx(1.52)
    # Claimed: (23 + 3 + 17 + 9) / 10 = 52 / 10 = 5.2; part = 5.2 + 1.52 = 6.72.
    assert detail.klaim.jumlah_skor == 52
    assert detail.klaim.rata_rata == pytest.approx(5.2)
    assert detail.klaim.nilai == pytest.approx(6.72)
    # Verified: (13 + 0 + 0 + 9) / 10 = 2.2; part = 2.2 + 1.52 = 3.72.
    assert detail.terverifikasi.jumlah_skor == 22
    assert detail.terverifikasi.nilai == pytest.approx(3.72)
    assert detail.jumlah_diverifikasi == 3
    # Maximum innovation part: 111 + 200 x 0.38 = 111 + 76 = 187.
    assert detail.bagian_inovasi_maksimum == pytest.approx(187)
    # IID range (claimed): 6.72 / 250 x 100 = 2.688 -> 2.69 .. (6.72 + 63) / 250 x 100
    # = 27.888 -> 27.89: Kurang Inovatif only.
    claimed = detail.klaim.rentang
    assert (round2(claimed.minimum), round2(claimed.maksimum)) == (2.69, 27.89)
    assert [p.kunci for p in claimed.predikat] == ["kurang-inovatif"]
    # IID range (verified): 3.72 / 2.5 = 1.488 -> 1.49 .. 66.72 / 2.5 = 26.688 -> 26.69.
    verified = detail.terverifikasi.rentang
    assert (round2(verified.minimum), round2(verified.maksimum)) == (1.49, 26.69)
    # Yandas coverage is shown even without the rule: only kesehatan (A, B, C).
    assert detail.yandas.tercakup == ("kesehatan",)


# 2025: seven innovations reported.
#   E1..E5: urusan pendidikan, kesehatan, pekerjaan umum, perumahan, sosial (5 of 6 yandas;
#           ketenteraman is missing); each claims kualitas 3 with bukti = 4 x 3 = 12.
#   E6: urusan penelitian-dan-pengembangan (not yandas), beririsan ketenteraman (does not
#       count); kualitas 3 + kemanfaatan 3 = 12 + 9 = 21.
#   E7: a news record without urusan and without claims: 0, counted in n only.
#   E1 verified kualitas 3 = 12; E2 rejected = 0; the rest unverified = 0.
FULL_VIDEO = {"kualitas": claim(3)}
YANDAS_5 = [
    "pendidikan",
    "kesehatan",
    "pekerjaan-umum-dan-penataan-ruang",
    "perumahan-rakyat-dan-kawasan-permukiman",
    "sosial",
]


def _catalogue_2025(fifth_urusan: str) -> list[Rec]:
    urusan = [*YANDAS_5[:4], fifth_urusan]
    recs = [
        Rec(f"e{i}", "dinas", profile(FULL_VIDEO, years=(2025,), urusan=u))
        for i, u in enumerate(urusan, start=1)
    ]
    recs[0] = Rec("e1", "dinas", recs[0].data, verification("terverifikasi", {"kualitas": 3}))
    recs[1] = Rec("e2", "dinas", recs[1].data, verification("ditolak", {"kualitas": 3}))
    e6 = profile(
        {"kualitas": claim(3), "kemanfaatan": claim(3)},
        years=(2025,),
        urusan="penelitian-dan-pengembangan",
        beririsan=("ketenteraman-ketertiban-umum-dan-pelindungan-masyarakat",),
    )
    return [*recs, Rec("e6", "bapperida", e6), Rec("e7", "dinas", news((2025,)))]


def test_projection_2025_with_five_yandas_covered() -> None:
    (year,) = projection.regency_projection(_catalogue_2025("sosial"), REF)
    detail = year.rincian
    assert detail is not None
    assert (year.kerangka, year.jumlah_inovasi) == ("iid-2025", 7)
    # n = 7 < 12: divisor 12.
    assert detail.pembagi == 12
    assert detail.yandas.tercakup == tuple(YANDAS_5)
    assert detail.yandas.belum == ("ketenteraman-ketertiban-umum-dan-pelindungan-masyarakat",)
    yandas = detail.yandas
    assert (yandas.jumlah, yandas.syarat_minimum, yandas.terpenuhi) == (5, 5, True)
    # 5 >= 5: count score MIN(7, 200) x 0.38 = 2.66.
    assert detail.skor_jumlah_inovasi == pytest.approx(2.66)
    # Claimed: (5 x 12 + 21 + 0) / 12 = 81 / 12 = 6.75; part = 6.75 + 2.66 = 9.41.
    assert detail.klaim.jumlah_skor == 81
    assert detail.klaim.rata_rata == pytest.approx(6.75)
    assert detail.klaim.nilai == pytest.approx(9.41)
    # Verified: 12 / 12 = 1.0; part = 1.0 + 2.66 = 3.66.
    assert detail.terverifikasi.jumlah_skor == 12
    assert detail.terverifikasi.nilai == pytest.approx(3.66)
    assert detail.jumlah_diverifikasi == 2
    # IID (claimed): 9.41 / 2.5 = 3.764 -> 3.76 .. 72.41 / 2.5 = 28.964 -> 28.96.
    rentang = detail.klaim.rentang
    assert (round2(rentang.minimum), round2(rentang.maksimum)) == (3.76, 28.96)
    assert [p.kunci for p in rentang.predikat] == ["kurang-inovatif"]
    # IID (verified): 3.66 / 2.5 = 1.464 -> 1.46 .. 66.66 / 2.5 = 26.664 -> 26.66.
    rentang = detail.terverifikasi.rentang
    assert (round2(rentang.minimum), round2(rentang.maksimum)) == (1.46, 26.66)
    assert detail.bagian_inovasi_maksimum == pytest.approx(187)


def test_projection_2025_with_four_yandas_covered() -> None:
    # E5 moves to pariwisata: kesehatan, pendidikan, PU, perumahan = 4 < 5.
    (year,) = projection.regency_projection(_catalogue_2025("pariwisata"), REF)
    detail = year.rincian
    assert detail is not None
    assert detail.yandas.jumlah == 4 and not detail.yandas.terpenuhi
    assert detail.yandas.belum == (
        "ketenteraman-ketertiban-umum-dan-pelindungan-masyarakat",
        "sosial",
    )
    # Count score 0; the scores are unchanged: claimed 81 / 12 = 6.75, verified 12 / 12 = 1.
    assert detail.skor_jumlah_inovasi == 0
    assert detail.klaim.nilai == pytest.approx(6.75)
    assert detail.terverifikasi.nilai == pytest.approx(1.0)
    # IID (claimed): 6.75 / 2.5 = 2.7 .. 69.75 / 2.5 = 27.9.
    rentang = detail.klaim.rentang
    assert (round2(rentang.minimum), round2(rentang.maksimum)) == (2.7, 27.9)


def test_projection_with_more_innovations_than_the_divisor() -> None:
    # 13 innovations in 2025 each claiming regulasi 1 (3 points), all yandas covered
    # (urusan cycle through the 6): divisor MAX(12, 13) = 13; average 39 / 13 = 3;
    # count score 13 x 0.38 = 4.94; part 7.94.
    yandas = [u.kunci for u in REF.yandas()]
    recs = [
        Rec(f"i{n:02}", "o", profile({"regulasi": claim(1)}, (2025,), yandas[n % 6]))
        for n in range(13)
    ]
    (year,) = projection.regency_projection(recs, REF)
    assert year.rincian is not None
    assert year.rincian.pembagi == 13
    assert year.rincian.yandas.jumlah == 6
    assert year.rincian.klaim.rata_rata == pytest.approx(3)
    assert year.rincian.klaim.nilai == pytest.approx(7.94)


def test_years_without_framework_or_rules() -> None:
    # An innovation reported in 2021 and 2024; 2021 has no framework.
    rec = Rec("lama", "o", profile({"regulasi": claim(1)}, years=(2021, 2024)))
    no_rules = REF.model_copy(
        update={"kerangka": [REF.kerangka[0].model_copy(update={"indeks": None})]}
    )
    y2021, y2024 = projection.regency_projection([rec], REF)
    assert (y2021.tahun, y2021.kerangka, y2021.rincian) == (2021, None, None)
    assert y2021.inovasi == ("lama",)
    assert y2021.catatan == "belum ada kerangka IID untuk tahun 2021; proyeksi tidak dihitung"
    assert y2024.rincian is not None and y2024.catatan is None
    # A framework without an ``indeks`` block: named, nothing computed.
    _, bare = projection.regency_projection([rec], no_rules)
    assert (bare.kerangka, bare.rincian) == ("iid-2024", None)
    assert bare.catatan == "kerangka iid-2024 belum memuat aturan indeks; proyeksi tidak dihitung"


def test_projection_years_are_ascending_and_counted_per_year() -> None:
    recs = [
        Rec("a", "o", profile(years=(2025,))),
        Rec("b", "o", profile(years=(2023, 2025))),
        Rec("c", "o", news((2024,))),
    ]
    years = projection.regency_projection(recs, REF)
    assert [(y.tahun, y.inovasi) for y in years] == [
        (2023, ("b",)),
        (2024, ("c",)),
        (2025, ("a", "b")),
    ]


def test_index_range_spans_every_band_it_touches() -> None:
    # Part 100 under 2025 rules: 100 / 250 x 100 = 40.00 (Kurang, max 40.00) ..
    # 163 / 250 x 100 = 65.20 (Sangat, from 65.01): three bands, never a single predicate.
    rentang = projection.index_range(100, RULES_2025)
    assert (rentang.minimum, rentang.maksimum) == pytest.approx((40.0, 65.2))
    assert [p.kunci for p in rentang.predikat] == ["kurang-inovatif", "inovatif", "sangat-inovatif"]
    # Part 0: 0 .. 25.2 touches Tidak Dapat Dinilai (0) and Kurang Inovatif.
    zero = projection.index_range(0, RULES_2025)
    assert [p.kunci for p in zero.predikat] == ["tidak-dapat-dinilai", "kurang-inovatif"]
    # A single value is judged at 2 decimals: 60.004 -> 60.00 is Inovatif (35.00-60.00),
    # 60.005 -> 60.01 is Sangat Inovatif (2024 bands).
    inovatif = projection.predicate_of(60.004, RULES_2024.predikat)
    sangat = projection.predicate_of(60.005, RULES_2024.predikat)
    assert inovatif is not None and inovatif.kunci == "inovatif"
    assert sangat is not None and sangat.kunci == "sangat-inovatif"


def test_round2_is_half_up() -> None:
    assert round2(2.675) == 2.68  # float round() gives 2.67
    assert round2(0.125) == 0.13  # banker's rounding gives 0.12
    assert round2(27.888) == 27.89
    assert round2(-1.005) == -1.01
    assert round2(3.0) == 3.0


# ---- Through the real loader -------------------------------------------------------------


def test_scores_from_a_catalogue_on_disk(tmp_path: Path) -> None:
    from generator.catalogue.loader import load_catalogue
    from generator.record.region import DEFAULT_PEMDA

    folder = tmp_path / "innovations" / "dinkes" / "antrean-daring"
    folder.mkdir(parents=True)
    (folder.parent / "opd.yaml").write_text("nama: Dinas Kesehatan\njenis: skpd\n", "utf-8")
    (folder / "inovasi.yaml").write_text(
        """\
nama: Antrean Daring Puskesmas
ringkasan: Pendaftaran berobat lewat aplikasi.
tahapan: inisiatif
inisiator: {jenis: opd, nama: Bidang Pelayanan Kesehatan}
jenis: digital
bentuk: pelayanan-publik
urusan: {utama: kesehatan}
tanggal: {mulai: 2023-02-01}
tahun_laporan: [2024]
indikator:
  regulasi:
    tingkat: 2
    bukti:
      - url: https://balangankab.go.id/sk-antrean.pdf
  sdm:
    tingkat: 1
""",
        "utf-8",
    )
    (folder / "verifikasi.yaml").write_text(
        """\
status: dikembalikan
tanggal: 2024-08-10
oleh: Pokja Inovasi Daerah
indikator:
  regulasi: {tingkat: 1}
""",
        "utf-8",
    )
    loaded = load_catalogue(
        tmp_path / "innovations",
        tmp_path,
        date(2025, 1, 1),
        load_reference(),
        pemda=DEFAULT_PEMDA,
    )
    catalogue = loaded.catalogue
    assert catalogue is not None, loaded.findings
    (score,) = scoring.score_all(catalogue.innovations, catalogue.reference)
    # regulasi 2 with bukti = 3 x 2 = 6; sdm 1 without bukti = 0 -> claimed 6.
    # pokja regulasi 1 = 3 x 1 = 3 -> verified 3.
    assert (score.klaim, score.terverifikasi, score.status_verifikasi) == (6, 3, "dikembalikan")
    assert score.wajib_kosong == ("sdm", "kecepatan", "kemanfaatan", "kualitas")


# ---- What it takes to reach the next band ---------------------------------------------------

ATURAN_2025 = next(k for k in REF.kerangka if k.id == "iid-2025").indeks
YANDAS_ALL = tuple(u.kunci for u in sorted(REF.yandas(), key=lambda u: u.nomor))


def test_next_band_counts_the_innovations_that_cover_the_missing_yandas_first() -> None:
    # The shipped catalogue's 2025: two records without evidence or urusan, 0 of 6 yandas.
    # k = 1..4 leave coverage under 5, so the count score stays 0 and the IID 0 (band
    # "Tidak Dapat Dinilai"); k = 5 covers 5: MIN(7, 200) x 0.38 = 2.66 -> 2.66 / 2.5
    # = 1.06, in "Kurang Inovatif" (0.01-40.00).
    assert ATURAN_2025 is not None
    coverage = projection.YandasCoverage((), YANDAS_ALL, 5)
    step = projection.next_band([0, 0], ATURAN_2025, coverage)
    assert step is not None
    assert (step.jumlah, step.predikat.kunci, step.skor_per_inovasi) == (5, "kurang-inovatif", 0)


def test_next_band_assumes_the_average_score_of_innovations_with_evidence() -> None:
    # Scores 40, 40, 0 with every yandas covered: new innovations score 80 / 2 = 40.
    # With m = 3 + k >= 12 innovations the part is (40m - 40) / m + 0.38m:
    # m = 158: 40 - 0.2532 + 60.04 = 99.79 -> 39.91 %, still "Kurang Inovatif";
    # m = 159: 40 - 0.2516 + 60.42 = 100.17 -> 40.07 % >= 40.01, "Inovatif". So k = 156.
    assert ATURAN_2025 is not None
    coverage = projection.YandasCoverage(YANDAS_ALL, (), 5)
    step = projection.next_band([40, 40, 0], ATURAN_2025, coverage)
    assert step is not None
    assert (step.jumlah, step.predikat.kunci, step.skor_per_inovasi) == (156, "inovatif", 40)


def test_next_band_says_when_more_innovations_alone_cannot_reach_it() -> None:
    # The 2025 fixture above: average with evidence 81 / 6 = 13.5. The part tends to
    # 13.5 + 76 = 89.5 < 100.03 needed for 40.01 %, so no count of innovations is enough.
    (year,) = projection.regency_projection(_catalogue_2025("sosial"), REF)
    assert year.rincian is not None
    step = year.rincian.menuju_predikat
    assert step is not None
    assert (step.jumlah, step.predikat.kunci, step.skor_per_inovasi) == (None, "inovatif", 13.5)


def test_next_band_beyond_the_count_cap_is_solved_not_given_up() -> None:
    # 300 innovations in 2025, all yandas covered: 100 score 30, 200 have no evidence (0).
    # Now: 3000 / 300 + 76 = 86 -> 34.40 %, "Kurang Inovatif". New ones score 30; past the
    # cap, with m innovations in all, the part is 30 + 76 + (3000 - 30 x 300) / m
    # = 106 - 6000 / m. "Inovatif" starts at 40.01 %, which 40.005 % already rounds to:
    # m = 1002: 106 - 5.98802 = 100.01198 -> 40.0048 % -> 40.00, not yet;
    # m = 1003: 106 - 5.98205 = 100.01795 -> 40.0072 % -> 40.01. So k = 1003 - 300 = 703,
    # far beyond the count cap (the search alone would have given up).
    assert ATURAN_2025 is not None
    coverage = projection.YandasCoverage(YANDAS_ALL, (), 5)
    step = projection.next_band([30] * 100 + [0] * 200, ATURAN_2025, coverage)
    assert step is not None
    assert (step.jumlah, step.predikat.kunci) == (703, "inovatif")
