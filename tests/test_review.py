"""``sepeda review`` on a scripted Git history: the page the pokja decides from, posted in the
pull request by .github/workflows/komentar.yml (the command is read from the workflow)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import CATALOGUE, FIXTURES, ROOT, run_sepeda

GOLDEN = FIXTURES / "review.md"
WHEN = "2025-01-10T09:00:00+08:00"
PAYLOAD = "@user @org/team ![x](https://evil.example/t.png) <img src=x> <b>DISETUJUI</b> #12"
WORKFLOW = ROOT / ".github/workflows/komentar.yml"


def _git(root: Path) -> Callable[..., str]:
    env = {**os.environ, "GIT_AUTHOR_DATE": WHEN, "GIT_COMMITTER_DATE": WHEN}
    env |= {"GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@x", "GIT_COMMITTER_NAME": "a"}
    env |= {"GIT_COMMITTER_EMAIL": "a@x", "GIT_CONFIG_GLOBAL": os.devnull}

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)
        return done.stdout.decode()

    return git


@pytest.fixture
def branch(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "proyek"
    shutil.copytree(CATALOGUE, root)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    git = _git(root)
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "katalog")
    git("checkout", "-qb", "usulan")
    katalog = root / "innovations"
    pdf = (katalog / "dinkes/antrean-daring/sk-inovasi.pdf").read_bytes()
    # 1. an unfinished addition: the unfilled template of `sepeda new`
    assert run_sepeda(root, "new", "dinkes", "Posyandu Keliling").returncode == 0
    # 2. a changed claim with new evidence
    bekal = katalog / "upt-puskesmas-uren/bekal-obat"
    (bekal / "sk-bekal-obat.pdf").write_bytes(pdf)
    profile = bekal / "inovasi.yaml"
    profile.write_text(
        profile.read_text()
        + "indikator:\n  regulasi:\n    tingkat: 1\n    bukti:\n      - berkas: sk-bekal-obat.pdf\n"
        "        nomor: 445/12/PKM-URN/2024\n        tentang: Penetapan Bekal Obat Keliling\n"
    )
    git("add", "-A")
    git("commit", "-qm", "klaim")
    # 3. a verification added with `sepeda verifikasi`, one level above the claim
    assert run_sepeda(root, "verifikasi", "upt-puskesmas-uren/bekal-obat").returncode == 0
    verification = bekal / "verifikasi.yaml"
    verification.write_text(
        verification.read_text()
        .replace("tingkat: 1", "tingkat: 2")
        .replace("'Lengkapi: apakah bukti mendukung tingkat ini?'", repr(PAYLOAD))
    )
    # 4. an evidence PDF replaced after verification (other bytes, same name), name changed
    daring = katalog / "dinkes/antrean-daring"
    (daring / "sk-inovasi.pdf").write_bytes(pdf + b"\n% revisi\n")
    text = (daring / "inovasi.yaml").read_text()
    (daring / "inovasi.yaml").write_text(
        text.replace("dan pesan singkat.", "dan pesan WhatsApp kantor.")
    )
    # 5. evidence added to another agency's folder
    (katalog / "kecamatan-awayan/gertak-desa/lampiran-dinkes.pdf").write_bytes(pdf)
    git("add", "-A")
    git("commit", "-qm", "usulan")
    # uncommitted work is not compared
    (katalog / "dinkes/catatan.txt").write_text("belum\n")
    return root


def _workflow_review_args() -> list[str]:
    """The `sepeda review` arguments komentar.yml runs, with its variables as the test's."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    runs = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    line = next(r for run in runs for r in run.splitlines() if "sepeda review" in r)
    args = line.split("sepeda review", 1)[1].split(">")[0].split()
    values = {'"$BASE_SHA"': "main", '"$HEAD_SHA"': "usulan"}
    return [values.get(a, a) for a in args]


def test_review_is_the_pokja_page_against_its_golden(
    branch: Path, request: pytest.FixtureRequest
) -> None:
    args = _workflow_review_args()
    assert args[:2] == ["--base", "main"] and "--head" in args
    result = run_sepeda(branch, "review", *args)
    assert result.returncode == 1, result.stderr  # errors on the changed files
    # commit ids follow the fixture catalogue's content: the golden holds them as <commit>
    out = re.sub(r"`[0-9a-f]{12}`", "`<commit>`", result.stdout)
    if request.config.getoption("--update-goldens"):
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8")
    # the unfinished addition is named, nothing is reported removed
    assert "dihapus sekaligus" not in out and "### Inovasi dihapus" not in out
    assert "- `dinkes/posyandu-keliling`: " in out
    # the changed claim with its new evidence, the verification above the claim
    assert "| Regulasi Inovasi Daerah | 1: SK Kepala Perangkat Daerah | `sk-bekal-obat.pdf`" in out
    assert "bekal-obat: indikator regulasi dinilai 2, di atas klaim 1" in out
    assert "[A603]" in out
    # the evidence replaced after verification, with sizes
    assert "antrean-daring: bukti 'sk-inovasi.pdf' \\(regulasi\\) diganti isinya setelah" in out
    assert "diganti isinya `innovations/dinkes/antrean-daring/sk-inovasi.pdf`" in out
    # a file in another agency's folder
    assert "kecamatan-awayan: innovations/kecamatan-awayan/gertak-desa/lampiran-dinkes.pdf" in out
    # committed changes only
    assert "catatan.txt" not in out
    # contributor text is inert: no mention, image, link, HTML or issue reference survives
    for raw in ("@user", "@org/team", "https://evil", "#12"):
        assert raw not in out
    page = out.split("```text")[0]  # the findings block is a code block: literal
    assert re.search(r"(?<!\\)<(img|b|/b)", page) is None
    assert "![x]" not in page and "\\!\\[x\\]\\(https:\u2060//evil" in page
    assert "\\<img src=x\\>" in page and "\\<b\\>DISETUJUI\\</b\\>" in page


def test_review_in_the_working_copy_reports_uncommitted_files_apart(branch: Path) -> None:
    result = run_sepeda(branch, "review", "--base", "main")
    assert "1 berkas yang belum di-commit" in result.stdout
    assert "`innovations/dinkes/catatan.txt`" in result.stdout


def test_review_as_json_and_an_unknown_base(branch: Path) -> None:
    result = run_sepeda(branch, "review", "--base", "main", "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    keys = {i["kunci"]: i for i in data["inovasi"]}
    assert keys["dinkes/posyandu-keliling"]["sah"] is False
    assert data["dihapus"] == []
    bekal = keys["upt-puskesmas-uren/bekal-obat"]
    assert bekal["skor_klaim"] == {"sebelum": 0, "sesudah": 3}
    assert bekal["indikator"][0]["bukti"][0]["nomor"] == "445/12/PKM-URN/2024"
    assert bekal["indikator"][0]["catatan_pokja"] == PAYLOAD  # JSON keeps the raw text
    unknown = run_sepeda(branch, "review", "--base", "tidak-ada")
    assert unknown.returncode == 2
    assert "pembanding 'tidak-ada' tidak dikenal" in unknown.stderr
    assert "fatal" not in unknown.stderr and "Not a valid" not in unknown.stderr


def test_inert_markdown_renders_payloads_as_text() -> None:
    from generator.site.review_text import code, inert

    shown = inert(PAYLOAD)
    assert re.search(r"@(?!\u2060)", shown) is None
    assert "\\<img" in shown and "\\<b\\>" in shown and "\\!\\[x\\]" in shown
    assert "https://" not in shown
    assert code("a`b") == "`a'b`"
