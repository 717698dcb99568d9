"""Exact findings for bad input: one fixture per defect, plus cross-file defects.

Each file in tests/fixtures/invalid/ is tests/fixtures/invalid/valid_minimal.yaml with one
defect (its first line says which); it replaces one innovation of the fixture catalogue and
the test pins every error line the checker prints for it.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES
from generator.base.diagnostics import Finding, Severity
from generator.catalogue.loader import Loaded, load_catalogue
from generator.record.reference import load_reference
from generator.record.region import DEFAULT_PEMDA

TARGET = "innovations/upt-puskesmas-uren/bekal-obat/inovasi.yaml"
TODAY = date(2026, 11, 23)

EXPECTED: dict[str, list[str]] = {
    "berkas_tidak_ada": [
        "@18:13: error: media[0].berkas: berkas 'foto-antar.jpg' tidak ada di folder inovasi; unggah berkasnya ke folder yang sama dengan inovasi.yaml atau perbaiki namanya [B301]",
    ],
    "bukti_kosong": [
        "@21:9: error: indikator.regulasi.bukti[0]: setiap bukti harus berupa satu berkas di folder inovasi ('berkas: nama.pdf') atau satu tautan ('url: https://...'), tidak keduanya dan tidak kosong [S209]",
    ],
    "indikator_salah": [
        "@18:3: error: indikator.regulasii: 'regulasii' bukan kunci indikator IID; pilih salah satu: regulasi, sdm, anggaran, alat-kerja, bimtek, rkpd, aktor, pelaksana, jejaring, sosialisasi, pedoman-teknis, informasi-layanan, proses-layanan, pengaduan, layanan-terintegrasi, replikasi, kecepatan, kemanfaatan, monev, kualitas (maksud Anda 'regulasi'?) [S203]",
        "@21:14: error: indikator.sdm.tingkat: '4' tidak sah; tulis tingkat parameter berupa angka bulat 1 sampai 3 [S206]",
    ],
    "kunci_salah_ketik": [
        "@2:1: error: tahapan: «Tahapan» wajib diisi: tahapan inovasi [S201]",
        "@4:1: error: tahapn: kunci 'tahapn' tidak dikenal; kunci yang sah di sini: nama, singkatan, ringkasan, sumber_data, tahapan, inisiator, inovator, jenis, bentuk, urusan, tematik, tanggal, tahun_laporan, rancang_bangun, tujuan, manfaat, hasil, capaian, tpb, asta_cita, indikator, media, video, tautan, penghargaan, replikasi, kontak, proposal, perkembangan, anggaran, koordinat, riwayat, catatan_sumber, pemda (maksud Anda 'tahapan'?) [S202]",
    ],
    "lima_kesalahan": [
        "@4:10: error: tahapan: 'ujicoba' bukan nilai yang sah; pilih salah satu: inisiatif, uji-coba, penerapan (maksud Anda 'uji-coba'?) [S203]",
        "@8:8: error: jenis: 'digitl' bukan nilai yang sah; pilih salah satu: digital, non-digital (maksud Anda 'digital'?) [S203]",
        "@11:10: error: urusan.utama: 'kesehatann' bukan kunci urusan yang sah; lihat daftar 38 urusan di panduan kontributor (maksud Anda 'kesehatan'?) [S203]",
        "@13:13: error: tanggal.uji_coba: tanggal '2024-13-01' tidak ada di kalender; periksa hari dan bulannya [S205]",
        "@17:1: error: warna: kunci 'warna' tidak dikenal; kunci yang sah di sini: nama, singkatan, ringkasan, sumber_data, tahapan, inisiator, inovator, jenis, bentuk, urusan, tematik, tanggal, tahun_laporan, rancang_bangun, tujuan, manfaat, hasil, capaian, tpb, asta_cita, indikator, media, video, tautan, penghargaan, replikasi, kontak, proposal, perkembangan, anggaran, koordinat, riwayat, catatan_sumber, pemda [S202]",
    ],
    "nama_pendek": [
        "@2:7: error: nama: terlalu pendek (2 karakter); tulis paling sedikit 3 karakter [S207]",
    ],
    "norway": [
        "@8:8: error: jenis: 'no' bukan nilai yang sah; pilih salah satu: digital, non-digital [S203]",
    ],
    "ponsel_pribadi": [
        "@19:12: error: kontak.telepon: tampak seperti nomor ponsel pribadi (0812******67); data pribadi tidak boleh diterbitkan: hapus atau ganti dengan kontak kantor [P501]",
    ],
    "ringkasan_panjang": [
        "@3:12: error: ringkasan: ringkasan 205 kata; singkat menjadi paling banyak 200 kata (uraian lengkap tulis di rancang_bangun) [S207]",
    ],
    "tahapan_salah": [
        "@4:10: error: tahapan: 'ujicoba' bukan nilai yang sah; pilih salah satu: inisiatif, uji-coba, penerapan (maksud Anda 'uji-coba'?) [S203]",
    ],
    "tanggal_kalender": [
        "@13:13: error: tanggal.uji_coba: tanggal '2024-02-30' tidak ada di kalender; periksa hari dan bulannya [S205]",
    ],
    "tanggal_masa_depan": [
        "@13:13: error: tanggal.uji_coba: tanggal 2027-01-05 belum terjadi (hari ini 2026-11-23); tanggal tidak boleh di masa depan [S205]",
    ],
    "tanggal_tahapan": [
        "@13:3: error: tanggal: tahapan Penerapan memerlukan «Tanggal penerapan»: isi tanggal penerapannya (di berkas YAML: 'penerapan: TTTT-BB-HH' di bawah 'tanggal') [S205]",
    ],
    "tanggal_urutan": [
        "@13:3: error: tanggal: uji_coba (2024-03-01) lebih awal daripada mulai (2024-05-01); urutannya harus mulai, uji_coba, lalu penerapan [S205]",
    ],
    "tautan_http": [
        "@19:10: error: tautan[0].url: 'http://berita.example.com/x' bukan tautan yang sah; tulis alamat lengkap yang diawali https:// [S208]",
    ],
    "urusan_salah": [
        "@11:10: error: urusan.utama: 'kesehatn' bukan kunci urusan yang sah; lihat daftar 38 urusan di panduan kontributor (maksud Anda 'kesehatan'?) [S203]",
    ],
    "valid_minimal": [],
    "yaml_anchor": [
        "@7:9: error: (sintaks): anchor YAML (&nama) tidak boleh dipakai; hapus '&' beserta namanya [Y104]",
    ],
    "yaml_duplikat": [
        "@10:1: error: jenis: kunci 'jenis' ditulis dua kali (pertama di baris 8); hapus salah satunya [Y103]",
    ],
    "yaml_tab": [
        "@11:1: error: (sintaks): karakter tab tidak boleh dipakai; gunakan spasi untuk indentasi [Y101]",
    ],
    "yaml_blok_kurang": [
        "@5:2: error: (sintaks): baris ini kurang menjorok: teks di bawah 'ringkasan: |' harus diawali 2 spasi, sama seperti baris pertamanya [Y101]",
    ],
    "yaml_kutip_ganda": [
        '@2:14: error: (sintaks): tanda kutip " di tengah teks yang diapit tanda kutip; apit teksnya dengan kutip tunggal, misalnya nama: \'Sistem "Sepeda" Baru\', atau hapus kutip pembuka dan penutupnya [Y101]',
    ],
    "yaml_tag": [
        "@2:7: error: (sintaks): tag YAML 'tag:yaml.org,2002:python/object/apply:os.system' tidak boleh dipakai; hapus tag itu dan tulis nilainya saja [Y104]",
    ],
}


def _load(root: Path) -> tuple[object, list[Finding]]:
    loaded = load_catalogue(
        root / "innovations", root, TODAY, load_reference(), pemda=DEFAULT_PEMDA
    )
    return loaded.catalogue, loaded.findings


def _errors(findings: list[Finding]) -> list[str]:
    return [str(f) for f in findings if f.severity is Severity.ERROR]


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_invalid_fixture_gives_exact_findings(case: str, catalogue_copy: Path) -> None:
    source = FIXTURES / "invalid" / f"{case}.yaml"
    (catalogue_copy / TARGET).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    catalogue, findings = _load(catalogue_copy)
    expected = [line.replace("@", TARGET + ":", 1) for line in EXPECTED[case]]
    assert _errors(findings) == expected
    assert (catalogue is None) == bool(expected)


def test_every_invalid_fixture_is_in_the_table() -> None:
    files = {p.stem for p in (FIXTURES / "invalid").glob("*.yaml")}
    assert files == set(EXPECTED)


def test_five_mistakes_give_five_findings_and_no_catalogue(catalogue_copy: Path) -> None:
    source = FIXTURES / "invalid" / "lima_kesalahan.yaml"
    (catalogue_copy / TARGET).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    catalogue, findings = _load(catalogue_copy)
    assert catalogue is None
    lines = [(f.line, f.field) for f in findings if f.severity is Severity.ERROR]
    assert lines == [
        (4, "tahapan"),
        (8, "jenis"),
        (11, "urusan.utama"),
        (13, "tanggal.uji_coba"),
        (17, "warna"),
    ]


# ---- Cross-file defects -------------------------------------------------------------------


def test_duplicate_slug_across_agencies(catalogue_copy: Path) -> None:
    shutil.copytree(
        catalogue_copy / "innovations/upt-puskesmas-uren/bekal-obat",
        catalogue_copy / "innovations/kecamatan-awayan/bekal-obat",
    )
    _, findings = _load(catalogue_copy)
    assert _errors(findings) == [
        "innovations/upt-puskesmas-uren/bekal-obat/inovasi.yaml:1:1: error: (folder): slug 'bekal-obat' "
        "sudah dipakai oleh innovations/kecamatan-awayan/bekal-obat/inovasi.yaml; slug inovasi "
        "harus unik di seluruh katalog: ganti nama folder ini [R401]"
    ]


def test_agency_folder_without_opd_yaml(catalogue_copy: Path) -> None:
    (catalogue_copy / "innovations/kecamatan-awayan/opd.yaml").unlink()
    _, findings = _load(catalogue_copy)
    assert _errors(findings) == [
        "innovations/kecamatan-awayan/opd.yaml:1:1: error: (berkas): folder perangkat daerah belum punya "
        "opd.yaml; minta pokja membuatnya (berisi nama dan jenis perangkat daerah) [B304]"
    ]


def test_unreferenced_file_is_refused(catalogue_copy: Path) -> None:
    (catalogue_copy / "innovations/upt-puskesmas-uren/bekal-obat/ktp-scan.jpg").write_bytes(b"x")
    _, findings = _load(catalogue_copy)
    assert _errors(findings) == [
        "innovations/upt-puskesmas-uren/bekal-obat/ktp-scan.jpg:1:1: error: (berkas): berkas "
        "'ktp-scan.jpg' ada di folder inovasi tetapi tidak dirujuk di inovasi.yaml; tambahkan ke "
        "'media' atau 'bukti', atau hapus dari folder (agar tidak ada yang terbit tanpa sengaja) "
        "[B302]"
    ]


def test_unknown_parent_agency(catalogue_copy: Path) -> None:
    path = catalogue_copy / "innovations/upt-puskesmas-uren/opd.yaml"
    path.write_text(path.read_text().replace("induk: dinkes", "induk: dinkess"))
    _, findings = _load(catalogue_copy)
    assert _errors(findings) == [
        "innovations/upt-puskesmas-uren/opd.yaml:3:8: error: induk: perangkat daerah induk "
        "'dinkess' tidak ada di katalog; tulis slug folder perangkat daerah lain "
        "(maksud Anda 'dinkes'?) [R402]"
    ]


def test_unknown_replicated_innovation(catalogue_copy: Path) -> None:
    path = catalogue_copy / TARGET
    path.write_text(path.read_text().replace("inovasi: antrean-daring", "inovasi: antrian-daring"))
    _, findings = _load(catalogue_copy)
    assert _errors(findings) == [
        TARGET + ":21:14: error: replikasi[1].inovasi: inovasi 'antrian-daring' tidak ada di "
        "katalog; tulis slug inovasi lain atau hapus baris ini (maksud Anda 'antrean-daring'?) "
        "[R403]"
    ]


def test_bad_folder_name(catalogue_copy: Path) -> None:
    (catalogue_copy / "innovations/kecamatan-awayan/gertak-desa").rename(
        catalogue_copy / "innovations/kecamatan-awayan/Gertak Desa"
    )
    _, findings = _load(catalogue_copy)
    assert _errors(findings) == [
        "innovations/kecamatan-awayan/Gertak Desa/inovasi.yaml:1:1: error: (folder): nama folder inovasi "
        "'Gertak Desa' tidak sah; pakai huruf kecil, angka dan '-', misalnya 'gertak-desa' [B305]"
    ]


def test_verification_status_and_unclaimed_indicator(catalogue_copy: Path) -> None:
    path = catalogue_copy / "innovations/dinkes/antrean-daring/verifikasi.yaml"
    path.write_text(path.read_text().replace("status: terverifikasi", "status: lulus"))
    _, findings = _load(catalogue_copy)
    assert _errors(findings) == [
        "innovations/dinkes/antrean-daring/verifikasi.yaml:1:9: error: status: 'lulus' bukan "
        "nilai yang sah; pilih salah satu: diajukan, dikembalikan, terverifikasi, ditolak [S203]"
    ]
    path.write_text("status: diajukan\ntanggal: 2024-08-10\nindikator:\n  sdm: {tingkat: 1}\n")
    _, findings = _load(catalogue_copy)
    assert (
        "innovations/dinkes/antrean-daring/verifikasi.yaml:4:3: warning: indikator.sdm: "
        "indikator 'sdm' tidak diklaim di inovasi.yaml; penilaian ini tidak dihitung [A604]"
    ) in [str(f) for f in findings if f.severity is Severity.WARNING]


def test_news_record_needs_its_sources(catalogue_copy: Path) -> None:
    path = catalogue_copy / "innovations/kecamatan-awayan/gertak-desa/inovasi.yaml"
    text = path.read_text()
    path.write_text(text[: text.index("tautan:")])
    _, findings = _load(catalogue_copy)
    assert _errors(findings) == [
        "innovations/kecamatan-awayan/gertak-desa/inovasi.yaml:2:1: error: tautan: wajib diisi: "
        "tautan ke berita sumber (wajib untuk data dari berita) [S201]"
    ]


def test_thousands_separator_in_a_number_is_caught(catalogue_copy: Path) -> None:
    path = catalogue_copy / "innovations/dinkes/antrean-daring/inovasi.yaml"
    path.write_text(path.read_text().replace("nilai: 1200", "nilai: 1.200"))
    _, findings = _load(catalogue_copy)
    assert _errors(findings) == [
        "innovations/dinkes/antrean-daring/inovasi.yaml:43:12: error: capaian[0].nilai: '1.200' "
        "tampak memakai titik sebagai pemisah ribuan; tulis 1200 tanpa titik (bila maksudnya "
        "pecahan, buang nol di belakang, misalnya 1.5) [S206]"
    ]


def test_personal_data_is_reported_even_in_an_otherwise_broken_file(catalogue_copy: Path) -> None:
    source = (FIXTURES / "invalid" / "tahapan_salah.yaml").read_text()
    (catalogue_copy / TARGET).write_text(source + "# kontak pribadi: 0812-5123-4567\n")
    _, findings = _load(catalogue_copy)
    assert _errors(findings) == [
        TARGET + ":4:10: error: tahapan: 'ujicoba' bukan nilai yang sah; pilih salah satu: "
        "inisiatif, uji-coba, penerapan (maksud Anda 'uji-coba'?) [S203]",
        TARGET
        + ":16:19: error: (komentar): tampak seperti nomor ponsel pribadi (0812******67); data "
        "pribadi tidak boleh diterbitkan: hapus atau ganti dengan kontak kantor [P501]",
    ]


def test_award_kind_says_taking_part_is_not_winning(catalogue_copy: Path) -> None:
    path = catalogue_copy / "innovations/kecamatan-awayan/gertak-desa/inovasi.yaml"
    text = path.read_text()
    path.write_text(
        text.replace(
            "    peringkat: 10 inovasi terbaik",
            "    peringkat: 10 inovasi terbaik\n    jenis: menang",
        )
    )
    _, findings = _load(catalogue_copy)
    errors = _errors(findings)
    assert len(errors) == 1 and errors[0].endswith(
        "penghargaan[0].jenis: 'menang' bukan nilai yang sah; pilih salah satu: juara, "
        "finalis, peserta, apresiasi [S203]"
    ), errors
    path.write_text(
        text.replace(
            "    peringkat: 10 inovasi terbaik",
            "    peringkat: 10 inovasi terbaik\n    jenis: finalis",
        )
    )
    from generator.site import pipeline

    result = pipeline.build(pipeline.Settings.for_project(catalogue_copy, pipeline.CATALOGUE_DIR))
    assert "(10 inovasi terbaik). Finalis atau nominasi</li>" in str(
        result.files["inovasi/gertak-desa/index.md"]
    )


def test_a_record_of_another_regency_is_refused(catalogue_copy: Path) -> None:
    """``pemda`` names the record's regional government; the catalogue keeps only its own."""
    target = catalogue_copy / TARGET
    text = target.read_text(encoding="utf-8")

    def load_with(pemda_line: str) -> Loaded:
        target.write_text(pemda_line + "\n" + text, encoding="utf-8")
        root = catalogue_copy
        return load_catalogue(
            root / "innovations", root, TODAY, load_reference(), pemda="Kabupaten Balangan"
        )

    loaded = load_with("pemda: Kabupaten Tabalong")
    assert loaded.catalogue is None
    assert _errors(loaded.findings) == [
        f"{TARGET}:1:8: error: pemda: inovasi ini milik Kabupaten Tabalong, sedangkan katalog "
        "ini katalog Kabupaten Balangan; hapus folder inovasi ini, atau bila Kabupaten "
        "Tabalong mereplikasi inovasi Kabupaten Balangan, catat di 'replikasi' inovasi "
        "asalnya (pemda: Kabupaten Tabalong) [R404]"
    ]
    # The catalogue's own name passes, whatever its case and spacing.
    again = load_with("pemda: kabupaten  BALANGAN")
    assert again.catalogue is not None, _errors(again.findings)
