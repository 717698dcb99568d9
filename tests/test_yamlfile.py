"""The strict YAML reader, under libyaml's event parser and PyYAML's pure-Python parser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.record import yamlfile
from generator.record.yamlfile import Position, YamlProblem, parse_yaml, read_yaml

LOADERS = {"pure": yamlfile._PureLoader}
if hasattr(yamlfile, "_FastLoader"):
    LOADERS["libyaml"] = yamlfile._FastLoader


@pytest.fixture(params=sorted(LOADERS), autouse=True)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(yamlfile, "_Loader", LOADERS[request.param])
    yield request.param


def problem(text: str) -> tuple[int, int, str]:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    return caught.value.line, caught.value.column, caught.value.message


def test_every_scalar_stays_text_and_positions_are_kept() -> None:
    doc = parse_yaml(
        "negara: NO\ntelepon: 02155512345\ndurasi: 1:20\nkode: 012\n"
        "tanggal: 2023-01-15\nkosong:\ntilde: ~\nteks: ''\ndaftar:\n  - a: 1\n"
    )
    assert doc.data == {
        "negara": "NO", "telepon": "02155512345", "durasi": "1:20", "kode": "012",
        "tanggal": "2023-01-15", "kosong": None, "tilde": None, "teks": "",
        "daftar": [{"a": "1"}],
    }  # fmt: skip
    assert doc.where(("daftar", 0, "a")) == Position(10, 8)
    assert doc.where(("daftar", 0, "a"), key=True) == Position(10, 5)
    assert doc.where(("tidak", "ada")) == Position(1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x 1\nb: *x\n", (1, 4, "anchor YAML (&nama) tidak boleh dipakai; hapus '&' beserta namanya")),
        ("a: !!python/object/apply:os.system [ls]\n", (1, 4, "tag YAML 'tag:yaml.org,2002:python/object/apply:os.system' tidak boleh dipakai; hapus tag itu dan tulis nilainya saja")),
        ("a: 1\nb: 2\na: 3\n", (3, 1, "kunci 'a' ditulis dua kali (pertama di baris 1); hapus salah satunya")),
        ("a:\n\t- b\n", (2, 1, "karakter tab tidak boleh dipakai; gunakan spasi untuk indentasi")),
        ("- a\n- b\n", (1, 1, "isi berkas harus berupa pasangan 'kunci: nilai' (peta), bukan daftar atau teks")),
        ("", (1, 1, "berkas kosong; isi berkas dengan pasangan 'kunci: nilai'")),
        ("a: b\u202ec\n", (1, 5, "karakter tak terlihat U+202E (RIGHT-TO-LEFT OVERRIDE) tidak boleh ada; hapus karakter itu (biasanya terbawa saat menyalin dari dokumen lain)")),
        ("? [a, b]\n: 1\n", (1, 3, "kunci harus berupa teks biasa, bukan daftar atau peta")),
        ("a: 1\n---\nb: 2\n", (2, 1, "berkas hanya boleh berisi satu dokumen; hapus baris '---' yang kedua")),
    ],
)  # fmt: skip
def test_refusals(text: str, expected: tuple[int, int, str]) -> None:
    assert problem(text) == expected


def test_deep_nesting_is_a_finding_not_a_crash() -> None:
    line, _, message = problem("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert line == 1
    assert message == "struktur bersarang lebih dari 20 tingkat; sederhanakan isinya"


def test_colon_in_plain_text_gets_a_hint() -> None:
    assert problem("nama: Waktu: 1 hari\n")[2].startswith("tanda ':' tidak boleh di sini")


def test_file_level_rules(tmp_path: Path) -> None:
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbfnama: Sepeda\r\n")
    assert read_yaml(bom)[0].data == {"nama": "Sepeda"}
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"nama: caf\xe9\n")
    with pytest.raises(YamlProblem) as caught:
        read_yaml(latin)
    assert (caught.value.line, caught.value.column) == (1, 10)
    assert caught.value.message == "berkas bukan UTF-8; simpan ulang berkas dengan pengodean UTF-8"
    big = tmp_path / "besar.yaml"
    big.write_text("a: " + "x" * 300_000 + "\n")
    with pytest.raises(YamlProblem) as caught:
        read_yaml(big)
    assert caught.value.message.startswith("berkas terlalu besar (292 KB, batas 256 KB)")
