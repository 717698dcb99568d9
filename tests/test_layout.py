"""The canonical layout of catalogue files: what it writes, and that the shipped catalogue
keeps it (so a form's or a formatter's edit shows only what changed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.record import layout, models, yamlfile

ROOT = Path(__file__).resolve().parents[1]
MODELS = {
    "opd.yaml": models.Opd,
    "inovasi.yaml": models.Inovasi,
    "verifikasi.yaml": models.Verifikasi,
}
SHIPPED = sorted(p for name in MODELS for p in (ROOT / "innovations").rglob(name))


def test_the_layout_orders_keys_by_the_model_and_keeps_text_as_read() -> None:
    text = (
        "tahun_laporan: [2024, '2023']\n"
        "nama: Antrean\n"
        'ringkasan: "Dua\\nbaris"\n'
        "indikator:\n  regulasi: {bukti: [{url: 'https://a.example/x'}], tingkat: 1}\n"
        "tanggal: {penerapan: 2024-02-01, mulai: 2023-01-01}\n"
        "sumber_data: berita\n"
    )
    data = yamlfile.parse_yaml(text).data
    out = layout.dump(data, models.Inovasi)
    assert out == (
        "nama: Antrean\n"
        "ringkasan: |-\n  Dua\n  baris\n"
        "sumber_data: berita\n"
        "tanggal:\n  mulai: 2023-01-01\n  penerapan: 2024-02-01\n"
        "tahun_laporan:\n  - 2024\n  - 2023\n"
        "indikator:\n  regulasi:\n    tingkat: 1\n    bukti:\n      - url: https://a.example/x\n"
    )
    assert yamlfile.parse_yaml(out).data == data


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_shipped_file_is_in_the_canonical_layout(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert layout.dump(yamlfile.parse_yaml(text).data, MODELS[path.name]) == text


def test_sepeda_rapikan_rewrites_only_what_is_not_canonical(catalogue_copy: Path) -> None:
    from conftest import run_sepeda

    profile = catalogue_copy / "innovations/dinkes/antrean-daring/inovasi.yaml"
    before = yamlfile.parse_yaml(profile.read_text(encoding="utf-8")).data
    messy = (
        "tahun_laporan: [2023, '2024']\n"
        + "\n".join(
            line
            for line in profile.read_text(encoding="utf-8").splitlines()
            if not line.startswith("tahun_laporan")
            and not line.startswith("  - 2023")
            and not line.startswith("  - 2024")
        )
        + "\n"
    )
    profile.write_text(messy, encoding="utf-8")
    broken = catalogue_copy / "innovations/kecamatan-awayan/gertak-desa/inovasi.yaml"
    broken.write_text("nama: [tidak ditutup\n", encoding="utf-8")
    checked = run_sepeda(catalogue_copy, "rapikan", "--periksa")
    assert checked.returncode == 1
    assert "innovations/dinkes/antrean-daring/inovasi.yaml belum rapi" in checked.stderr
    assert "gertak-desa/inovasi.yaml" in checked.stdout and "tidak dirapikan" in checked.stdout
    tidied = run_sepeda(catalogue_copy, "rapikan", "innovations/dinkes")
    assert tidied.returncode == 0, tidied.stderr
    assert "Dirapikan: innovations/dinkes/antrean-daring/inovasi.yaml" in tidied.stderr
    after = profile.read_text(encoding="utf-8")
    assert yamlfile.parse_yaml(after).data == before  # the same values, canonical layout
    assert after == layout.dump(before, models.Inovasi)
    assert broken.read_text(encoding="utf-8") == "nama: [tidak ditutup\n"  # never touched
