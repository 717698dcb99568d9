"""The IID submission pack (`sepeda paket`): the national form's fields in order, the
evidence renamed in upload order, a checklist of what the national form refuses, verified
levels by default and claims only when asked (marked in every file)."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import CATALOGUE, assert_golden, run_sepeda
from generator.outputs import submission
from generator.site import pipeline

PACK_GOLDEN = Path(__file__).resolve().parent / "golden-paket"
"""Apart from tests/golden/, which holds exactly the files a site build generates."""


def _pack(root: Path, *, claimed: bool) -> dict[str, str | bytes]:
    settings = pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR, dates=False)
    result = pipeline.pack(settings, 2024, claimed=claimed)
    assert result.ok, [str(f) for f in result.findings]
    return dict(result.files)


def _values(data: bytes) -> dict[str, list[list[object]]]:
    book = load_workbook(BytesIO(data))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def _as_golden(files: dict[str, str | bytes]) -> str:
    """Every file of the pack by name: workbooks as their cell values, a row a line."""
    lines: list[str] = []
    for name, content in sorted(files.items()):
        lines.append(f"== {name}")
        if name.endswith(".xlsx"):
            assert isinstance(content, bytes)
            for title, rows in _values(content).items():
                lines.append(f"-- {title}")
                lines += [json.dumps(row, ensure_ascii=False, default=str) for row in rows]
        elif name.endswith(".md"):
            lines += str(content).splitlines()
        else:
            lines.append(f"{len(content)} bytes")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("claimed", [False, True], ids=["terverifikasi", "klaim"])
def test_the_pack_matches_its_golden(claimed: bool, request: pytest.FixtureRequest) -> None:
    files = _pack(CATALOGUE, claimed=claimed)
    name = "paket-iid-2024" + ("-klaim" if claimed else "") + ".txt"
    update = bool(request.config.getoption("--update-goldens"))
    assert_golden(name, _as_golden(files), update, PACK_GOLDEN)


def test_verified_by_default_and_claims_marked_in_every_file() -> None:
    verified = _pack(CATALOGUE, claimed=False)
    claimed = _pack(CATALOGUE, claimed=True)
    assert sorted(verified) == [
        "paket-iid-2024/001-antrean-daring/bukti/01-regulasi-1.pdf",
        "paket-iid-2024/001-antrean-daring/isian.xlsx",
        "paket-iid-2024/BACA-DULU.md",
        "paket-iid-2024/ringkasan.xlsx",
    ]
    assert all(name.startswith("paket-iid-2024-klaim/") for name in claimed)
    # the unverified innovation stays out of the verified pack, and the checklist says why
    readme = str(verified["paket-iid-2024/BACA-DULU.md"])
    assert (
        "Bekal Obat Keliling (UPT Puskesmas Uren): klaim tahun ini belum diverifikasi pokja"
        in readme
    )

    # the pokja accepted level 2 of a level-3 claim: the verified pack says 2, the claims 3
    def level(files: dict[str, str | bytes], root: str) -> object:
        rows = _values(bytes(files[f"{root}/001-antrean-daring/isian.xlsx"]))["indikator"]
        header = rows[0]
        row = next(r for r in rows[1:] if r[header.index("Indikator")] == "Alat Kerja")
        return row[header.index("Tingkat")]

    assert level(verified, "paket-iid-2024") == 2
    assert level(claimed, "paket-iid-2024-klaim") == 3
    for name, content in claimed.items():
        if name.endswith(".xlsx"):
            for title, rows in _values(bytes(content)).items():
                column = rows[0].index("Status paket") if "Status paket" in rows[0] else None
                if title == "periksa":
                    continue
                assert column is not None, (name, title)
                assert {r[column] for r in rows[1:]} <= {submission.CLAIMED}, (name, title)
        elif name.endswith(".md"):
            assert submission.CLAIMED in str(content)


def test_every_required_field_is_filled_or_on_the_checklist() -> None:
    settings = pipeline.Settings.for_project(CATALOGUE, pipeline.CATALOGUE_DIR, dates=False)
    catalogue = pipeline.check(settings).catalogue
    assert catalogue is not None
    packed, _ = submission.entries(catalogue, settings.region, 2024, claimed=True)
    assert len(packed) == 2
    for entry in packed:
        values = dict(entry.profile)
        for label in submission.REQUIRED:
            assert values[label] or f"isian '{label}' masih kosong" in entry.checklist, label
        for item in entry.indicators:
            if item.mandatory and item.level is None:
                assert any(f"wajib {item.number}. {item.name}" in line for line in entry.checklist)
    assert "rancang bangun baru 54 kata" in " ".join(packed[0].checklist)


def test_the_pack_is_reproducible_and_never_overwrites(tmp_path: Path) -> None:
    assert _pack(CATALOGUE, claimed=True) == _pack(CATALOGUE, claimed=True)
    out = tmp_path / "keluar"
    first = run_sepeda(CATALOGUE, "paket", "2024", "--out", str(out))
    assert first.returncode == 0, first.stderr
    assert (out / "paket-iid-2024" / "ringkasan.xlsx").is_file()
    assert "Paket: 2 dari 2 inovasi" in first.stderr
    again = run_sepeda(CATALOGUE, "paket", "2024", "--out", str(out))
    assert again.returncode == 1
    assert "sudah ada" in again.stderr
