"""``sepeda review`` on a scripted Git history: what the pokja reads in the pull request."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CATALOGUE, FIXTURES, ROOT, run_sepeda

GOLDEN = FIXTURES / "review.md"
WHEN = "2025-01-10T09:00:00+08:00"


@pytest.fixture
def branch(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "proyek"
    shutil.copytree(CATALOGUE, root)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    env = {**os.environ, "GIT_AUTHOR_DATE": WHEN, "GIT_COMMITTER_DATE": WHEN}
    env |= {"GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@x", "GIT_COMMITTER_NAME": "a"}
    env |= {"GIT_COMMITTER_EMAIL": "a@x", "GIT_CONFIG_GLOBAL": os.devnull}

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "katalog")
    git("checkout", "-qb", "usulan")
    katalog = root / "innovations"
    # changed: the summary, and the evidence of a verified innovation
    profile = katalog / "dinkes/antrean-daring/inovasi.yaml"
    text = profile.read_text()
    text = text.replace("dan pesan singkat.", "dan pesan WhatsApp kantor.")
    text = text.replace("nomor: 188.45/123/2023", "nomor: 188.45/124/2023")
    profile.write_text(text)
    # renamed folder
    git("mv", "innovations/kecamatan-awayan/gertak-desa", "innovations/kecamatan-awayan/gertak")
    # added, with a photo
    added = katalog / "dinkes/posyandu-keliling"
    added.mkdir()
    (added / "inovasi.yaml").write_text(
        (katalog / "upt-puskesmas-uren/bekal-obat/inovasi.yaml")
        .read_text()
        .replace("nama: Bekal Obat Keliling", "nama: Posyandu Keliling")
    )
    # configuration and an agency record touched
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "# catatan\n")
    opd = katalog / "dinkes/opd.yaml"
    opd.write_text(opd.read_text().replace("singkatan: Dinkes", "singkatan: DINKES"))
    git("add", "-A")
    git("commit", "-qm", "usulan")
    return root


def test_review_summarises_the_branch_against_its_golden(
    branch: Path, request: pytest.FixtureRequest
) -> None:
    result = run_sepeda(branch, "review", "--base", "main")
    assert result.returncode == 0, result.stdout + result.stderr
    if request.config.getoption("--update-goldens"):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")
    out = result.stdout
    assert "⚠️ mengubah mkdocs.yml di luar innovations/" in out
    assert "⚠️ mengubah innovations/dinkes/opd.yaml: hanya pokja" in out
    assert "dinkes/antrean-daring: bukti atau tingkat klaim berubah setelah diverifikasi" in out
    assert "`kecamatan-awayan/gertak-desa` → `kecamatan-awayan/gertak`" in out
    assert "- `dinkes/posyandu-keliling`" in out


def test_review_as_json_and_errors_on_changed_files(branch: Path) -> None:
    broken = branch / "innovations/dinkes/posyandu-keliling/inovasi.yaml"
    broken.write_text(broken.read_text().replace("tahapan: uji-coba", "tahapan: ujicoba"))
    result = run_sepeda(branch, "review", "--base", "main", "--format", "json")
    assert result.returncode == 1  # an error on a changed file
    data = json.loads(result.stdout)
    assert data["dipindah"] == [
        {"dari": "kecamatan-awayan/gertak-desa", "ke": "kecamatan-awayan/gertak"}
    ]
    assert any("tahapan" in line and "[S203]" in line for line in data["temuan"])
    assert run_sepeda(branch, "review", "--base", "tidak-ada").returncode == 2
