"""Tests for generator.record.pii: what counts as personal data, masking and positions."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from generator.record.pii import PiiMatch, is_mobile_number, is_personal_email, line_col, scan_text

# Synthetic numbers only (valid-looking, belonging to no one).
NIK = "3204014501900001"
NIP = "198609262015051001"
NPWP = "012345678901234"


def kinds(text: str) -> list[tuple[str, str]]:
    """(kind, matched text) for every match."""
    return [(m.kind, text[m.start : m.end]) for m in scan_text(text)]


@pytest.mark.parametrize(
    "written",
    [
        "3204014501900001",
        "3204 0145 0190 0001",
        "3204.0145.0190.0001",
        "3204-0145-0190-0001",
        "320401 450190 0001",
        "32.04.01.450190.0001",
        "32-04-01-450190-0001",
        "32 04 01 45 01 90 0001",
    ],
)
def test_nik_in_several_spellings(written: str) -> None:
    text = f"NIK pelapor: {written}, mohon dicek"
    assert kinds(text) == [("nik", written)]
    assert scan_text(text)[0].masked == "3204********0001"


def test_kk_number_is_reported_as_nik() -> None:
    assert kinds("No. KK 6308021203150004") == [("nik", "6308021203150004")]


def test_sixteen_digits_starting_with_zero_is_the_new_npwp() -> None:
    assert kinds("NPWP 0012345678901234") == [("npwp", "0012345678901234")]


@pytest.mark.parametrize(
    "written",
    [
        "198609262015051001",
        "19860926 201505 1 001",
        "19860926.201505.1.001",
        "19860926-201505-1-001",
        "19860926 201505 1001",
    ],
)
def test_nip_in_several_spellings(written: str) -> None:
    text = f"Kepala Bidang, NIP. {written}"
    assert kinds(text) == [("nip", written)]
    assert scan_text(text)[0].masked == "1986**********1001"


@pytest.mark.parametrize(
    ("written", "masked"),
    [
        ("01.234.567.8-901.234", "0123*******1234"),
        ("01.234.567.8.901.234", "0123*******1234"),
        ("01 234 567 8 901 234", "0123*******1234"),
        ("012345678901234", "0123*******1234"),
        ("001.234.567.8-901.234", "0012********1234"),
    ],
)
def test_npwp_in_several_spellings(written: str, masked: str) -> None:
    text = f"NPWP {written}"
    assert kinds(text) == [("npwp", written)]
    assert scan_text(text)[0].masked == masked


@pytest.mark.parametrize(
    "written",
    [
        "081234567890",
        "0812-3456-7890",
        "0812 3456 7890",
        "0812.3456.7890",
        "+6281234567890",
        "+62 812 3456 7890",
        "+62 (812) 3456-7890",
        "62812-3456-7890",
        "0813 4567 890",
        "085212345678",
    ],
)
def test_mobile_numbers(written: str) -> None:
    text = f"Hubungi {written} (WA)"
    found = scan_text(text)
    assert [(m.kind, m.label) for m in found] == [("telepon", "nomor ponsel pribadi")]
    assert text[found[0].start : found[0].end].endswith(written[-4:])


def test_mobile_number_in_parentheses_and_its_mask() -> None:
    text = "HP (0812) 3456-7890"
    [match] = scan_text(text)
    assert text[match.start : match.end] == "0812) 3456-7890"
    assert match.masked == "0812******90"


@pytest.mark.parametrize(
    "written", ["0526-2028123", "(0526) 2028123", "0511 3304567", "+62 526 2028123", "021-5551234"]
)
def test_landlines_are_not_personal(written: str) -> None:
    assert scan_text(f"Telepon kantor {written}") == []


@pytest.mark.parametrize(
    "address",
    [
        "budi.santoso@gmail.com",
        "Budi@Yahoo.co.id",
        "siti_77@ymail.com",
        "x@hotmail.com",
        "inovator@outlook.co.id",
        "a.b@live.com",
        "user@icloud.com",
        "rahasia@proton.me",
        "rahasia@protonmail.com",
    ],
)
def test_personal_email(address: str) -> None:
    text = f"kirim ke {address}."
    assert kinds(text) == [("email", address)]
    [match] = scan_text(text)
    assert match.label == "alamat e-mail pribadi"
    assert address not in match.masked
    assert match.masked.endswith("@" + address.rpartition("@")[2].lower())


@pytest.mark.parametrize(
    "address",
    [
        "bapperida@balangankab.go.id",
        "humas@kemendagri.go.id",
        "dosen@ulm.ac.id",
        "tu@sman1paringin.sch.id",
        "admin@batumandi.desa.id",
        "info@pkk.or.id",
        "redaksi@grapena.com",
        "mail@balangankab.go.id",
    ],
)
def test_institutional_email_is_allowed(address: str) -> None:
    assert not is_personal_email(address)
    assert scan_text(f"Kontak: {address}") == []


@pytest.mark.parametrize(
    "written",
    ["RT 003/RW 002", "RT.03/RW.02", "RT 03 RW 02", "RT 3, RW 4", "RT/RW 003/002", "rt 01 / rw 05"],
)
def test_home_address_rt_rw(written: str) -> None:
    text = f"Jl. Melati No. 5 {written} Desa Batu Piring"
    [match] = scan_text(text)
    assert (match.kind, match.label, match.masked) == ("alamat", "alamat rumah", "RT ***/RW ***")
    assert text[match.start : match.end] == written


@pytest.mark.parametrize(
    "text",
    [
        "SK Nomor 188.4/69/Balitbangda-Blg/2020",
        "Peraturan Bupati Nomor 40 Tahun 2021",
        "UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi",
        "tanggal: 2020-03-01",
        "tanggal 01-03-2020 sampai 31-12-2021",
        "01-03-2020 31-12-2021",
        "08-12-2020 08-01-2021",
        "tahun_laporan: [2020, 2021, 2022]",
        "tahun 2019 2020 2021 2022 2023",
        "2019-2020-2021-2022",
        "hadiah Rp1.500.000.000",
        "anggaran Rp 1.500.000.000.000.000",
        "IDR 1.234.567.890.123.456",
        "hadiah Rp40 juta dan umroh",
        "naik 12,5% dari 87.654 jiwa",
        "https://example.org/2024/09/x.html",
        "https://www.reportase9.com/berita/12345678901234",
        "https://grapena.com/2024/09/10-inovasi-terbaik-skpd-balangan-raih.html",
        "kode rekening 5.1.02.01.01.0024 dan 1.02.0.00.0.00.01.0000",
        "jam layanan 08.00-16.00 WITA",
        "Jl. A. Yani Km. 4,5 Paringin, Telp. (0526) 2028123",
        "Lomba Inovasi Balangan (Bailang) 2024 - juara 1 (hadiah Rp40 juta dan umroh)",
        "ISBN 978-602-1234-56-7",
        "id: blg-2024-papah-modis-dalang-batik",
        "screenshot_2024-08-15-10-30-45-123_com.whatsapp.jpg",
        "whatsapp-image-2024-09-15-at-10.30.45.jpeg",
        "pxl_20240915_103045123.jpg",
    ],
)
def test_ordinary_text_does_not_match(text: str) -> None:
    assert scan_text(text) == []


@pytest.mark.parametrize(
    "path",
    sorted(
        Path(__file__).resolve().parents[1].joinpath("generator", "record", "data").glob("*.yaml")
    ),
)
def test_shipped_reference_data_is_clean(path: Path) -> None:
    assert scan_text(path.read_text(encoding="utf-8")) == []


def test_offsets_and_masks_are_exact() -> None:
    text = f"nama: Budi\nnik: {NIK}\nnip: 19860926 201505 1 001\nhp: 0812-3456-7890\n"
    found = scan_text(text)
    assert found == [
        PiiMatch("nik", "NIK", 16, 32, "3204********0001"),
        PiiMatch("nip", "NIP", 38, 59, "1986**********1001"),
        PiiMatch("telepon", "nomor ponsel pribadi", 64, 78, "0812******90"),
    ]
    assert [line_col(text, m.start) for m in found] == [(2, 6), (3, 6), (4, 5)]


def test_masked_value_never_contains_the_full_number() -> None:
    text = (
        f"{NIK} / 3204 0145 0190 0001 / {NIP} / {NPWP} / 01.234.567.8-901.234 / "
        "0812-3456-7890 / 6281234567890 / budi@gmail.com / RT 003/RW 002"
    )
    found = scan_text(text)
    assert [m.kind for m in found] == [
        "nik",
        "nik",
        "nip",
        "npwp",
        "npwp",
        "telepon",
        "telepon",
        "email",
        "alamat",
    ]
    for match in found:
        value = re.sub(r"[^0-9A-Za-z@.]", "", text[match.start : match.end])
        assert value not in match.masked
        assert "*" in match.masked


def test_results_are_sorted_and_never_overlap() -> None:
    text = f"budi{NIK}@gmail.com, 0812 3456 7890 0813 4567 8901, NIK {NIK} 2020"
    found = scan_text(text)
    assert [(m.kind, text[m.start : m.end]) for m in found] == [
        ("email", f"budi{NIK}@gmail.com"),
        ("telepon", "0812 3456 7890"),
        ("telepon", "0813 4567 8901"),
        ("nik", NIK),
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_number_glued_to_a_year_is_still_found() -> None:
    assert kinds("NIK 3204 0145 0190 0001 2020") == [("nik", "3204 0145 0190 0001")]
    assert kinds("2020-03-01 3204014501900001") == [("nik", NIK)]


def test_file_names_are_scanned_too() -> None:
    assert kinds("scan 3204010101900001.pdf") == [("nik", "3204010101900001")]
    assert kinds("ktp_3204010101900001_budi.jpg") == [("nik", "3204010101900001")]


def test_scan_is_deterministic() -> None:
    text = f"NIK {NIK} hp 081234567890 budi@gmail.com RT 1/RW 2"
    assert scan_text(text) == scan_text(text)


def test_line_col() -> None:
    text = "ab\ncd\n\nef"
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, 2) == (1, 3)
    assert line_col(text, 3) == (2, 1)
    assert line_col(text, 6) == (3, 1)
    assert line_col(text, 7) == (4, 1)
    assert line_col(text, 8) == (4, 2)
    assert line_col(text, len(text)) == (4, 3)
    with pytest.raises(ValueError):
        line_col(text, len(text) + 1)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("081234567890", True),
        ("0812-3456-7890", True),
        ("+62 812 3456 7890", True),
        ("62 812 3456 7890", True),
        ("(0812) 3456 7890", True),
        ("081234567", True),
        ("08123456", False),
        ("08123456789012", False),
        ("0526-2028123", False),
        ("0802345678", False),
        ("+61 412 345 678", False),
        ("nomor 0812", False),
    ],
)
def test_is_mobile_number(number: str, expected: bool) -> None:
    assert is_mobile_number(number) is expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("a@gmail.com", True),
        ("a@googlemail.com", True),
        ("a@yahoo.com", True),
        ("a@yahoo.co.id", True),
        ("a@ymail.com", True),
        ("a@hotmail.com", True),
        ("a@outlook.com", True),
        ("a@live.com", True),
        ("a@icloud.com", True),
        ("a@proton.me", True),
        ("a@pm.me", True),
        ("A@GMAIL.COM", True),
        ("a@balangankab.go.id", False),
        ("a@ulm.ac.id", False),
        ("a@sdn1.sch.id", False),
        ("a@halong.desa.id", False),
        ("a@mail.balangankab.go.id", False),
        ("a@example.org", False),
        ("not-an-address", False),
    ],
)
def test_is_personal_email(address: str, expected: bool) -> None:
    assert is_personal_email(address) is expected
