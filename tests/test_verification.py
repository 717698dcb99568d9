"""The pokja's verification: written by `sepeda verifikasi`, and the rules on verifikasi.yaml
(never above the claim, a team in `oleh`, no levels under `ditolak`, the one-line style)."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, run_sepeda

VERIFIED = "innovations/dinkes/antrean-daring/verifikasi.yaml"
UNVERIFIED = "dinkes/antrean-daring"


def _project(catalogue_copy: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", catalogue_copy / "mkdocs.yml")
    return catalogue_copy


def _check(root: Path, *paths: str) -> tuple[int, str]:
    done = run_sepeda(root, "check", *paths)
    return done.returncode, done.stdout


def test_verifikasi_writes_a_skeleton_that_passes_the_check(catalogue_copy: Path) -> None:
    root = _project(catalogue_copy)
    (root / VERIFIED).unlink()
    done = run_sepeda(root, "verifikasi", UNVERIFIED)
    assert done.returncode == 0, done.stderr
    created = root / "innovations" / UNVERIFIED / "verifikasi.yaml"
    assert done.stdout == f"Dibuat: innovations/{UNVERIFIED}/verifikasi.yaml\n"
    text = created.read_text(encoding="utf-8")
    assert "status: diajukan\n" in text and "oleh: Pokja Inovasi Daerah\n" in text
    assert "tanggal: 2026-11-23\n" in text
    assert "  regulasi:\n    tingkat: 2\n" in text and "  alat-kerja:\n    tingkat: 3\n" in text
    assert "klaim ini belum punya bukti" in text  # kualitas: claimed without evidence
    status, out = _check(root)
    assert status == 0, out
    assert "verifikasi.yaml" not in out
    # never overwritten, and an unknown innovation is named
    again = run_sepeda(root, "verifikasi", f"innovations/{UNVERIFIED}/")
    assert again.returncode == 1 and "sudah ada" in again.stderr
    unknown = run_sepeda(root, "verifikasi", "dinkes/tidak-ada")
    assert unknown.returncode == 1 and "tidak ada" in unknown.stderr
    assert run_sepeda(root, "verifikasi", "dinkes").returncode == 1


def test_a_verified_level_above_the_claim_is_an_error(catalogue_copy: Path) -> None:
    root = _project(catalogue_copy)
    path = root / VERIFIED
    path.write_text(path.read_text().replace("regulasi: {tingkat: 2}", "regulasi: {tingkat: 3}"))
    status, out = _check(root)
    assert status == 1
    assert (
        f"{VERIFIED}:6:23: error: indikator.regulasi.tingkat: tingkat yang diterima (3) lebih "
        "tinggi daripada tingkat yang diklaim (2)"
    ) in out
    assert "[A603]" in out


def test_a_person_in_oleh_and_levels_under_ditolak(catalogue_copy: Path) -> None:
    root = _project(catalogue_copy)
    path = root / VERIFIED
    text = path.read_text().replace("oleh: Pokja Inovasi Daerah", "oleh: Siti Rahmah")
    path.write_text(text.replace("status: terverifikasi", "status: ditolak"))
    status, out = _check(root)
    assert status == 1
    assert f"{VERIFIED}:3:7: error: oleh: 'oleh' tampak seperti nama orang" in out
    assert "[P504]" in out
    assert out.count("[S210]") == 2  # regulasi 2 and alat-kerja 2 under 'ditolak'
    path.write_text(
        text.replace("status: terverifikasi", "status: ditolak")
        .replace("{tingkat: 2}", "{tingkat: 0}")
        .replace("{tingkat: 2,", "{tingkat: 0,")
        .replace("oleh: Siti Rahmah", "oleh: Tim Verifikasi Bidang Litbang")
    )
    status, out = _check(root)
    assert status == 0, out


def test_a_colon_in_a_one_line_note_is_diagnosed(catalogue_copy: Path) -> None:
    root = _project(catalogue_copy)
    path = root / VERIFIED
    path.write_text(
        path.read_text().replace(
            "catatan: Sistem belum terintegrasi.}", "catatan: Lampiran: daftar tim}"
        )
    )
    status, out = _check(root)
    assert status == 1
    assert "tanda ':' di dalam nilai peta satu baris" in out
    assert 'catatan: \\"Lampiran: daftar tim\\"' not in out  # quoted as written in YAML
    assert 'catatan: "Lampiran: daftar tim"' in out
    assert "indentasi" not in out
    path.write_text(
        path.read_text().replace(
            "catatan: Lampiran: daftar tim}", 'catatan: "Lampiran: daftar tim"}'
        )
    )
    assert _check(root)[0] == 0
