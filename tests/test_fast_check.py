"""The fast check of a pull request is the full check's verdict on the change.

Scripted Git branches (an unreferenced file, a duplicate slug, a removal, a rename) run the
exact command of the CI step (read from ``periksa.yml``) and the full ``sepeda check``; both
must give the same exit status and the same errors, and the errors must land on the changed
files (the newcomer of a duplicate slug, the stray file itself).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import CATALOGUE, ROOT, TODAY

WORKFLOW = ROOT / ".github/workflows/periksa.yml"
STEP = "Periksa berkas yang berubah (temuan sebagai anotasi)"
MAIN_DATE = "2025-01-10T09:00:00+08:00"
BRANCH_DATE = "2025-02-10T09:00:00+08:00"


def _ci_script() -> str:
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    steps = workflow["jobs"]["cepat"]["steps"]
    return str(next(s["run"] for s in steps if s.get("name") == STEP))


def _env(when: str) -> dict[str, str]:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    env |= {"GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@x", "GIT_COMMITTER_NAME": "a"}
    env |= {"GIT_COMMITTER_EMAIL": "a@x", "GIT_CONFIG_GLOBAL": os.devnull}
    return env | {"SEPEDA_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "BASE_REF": "main"}


def _git(root: Path, when: str) -> Callable[..., str]:
    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=root, env=_env(when), check=True, capture_output=True, text=True
        )
        return done.stdout

    return git


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The fixture catalogue committed on ``main`` (also ``origin/main``), on a branch."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "proyek"
    shutil.copytree(CATALOGUE, root)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / ".venv").symlink_to(ROOT / ".venv")
    (root / ".gitignore").write_text(".venv\n")
    git = _git(root, MAIN_DATE)
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "katalog")
    git("update-ref", "refs/remotes/origin/main", "main")
    git("checkout", "-qb", "usulan")
    return root


def _commit(root: Path) -> None:
    git = _git(root, BRANCH_DATE)
    git("add", "-A")
    git("commit", "-qm", "usulan")


def _errors(stdout: str) -> list[str]:
    """The error annotations (``::error file=...``) of a run, sorted."""
    return sorted(line for line in stdout.splitlines() if line.startswith("::error "))


def _files(errors: list[str]) -> set[str]:
    return {m.group(1) for e in errors if (m := re.match(r"::error file=([^,]+),", e))}


def _verdicts(root: Path) -> tuple[subprocess.CompletedProcess[str], ...]:
    """The CI's fast check (its exact script) and the full check, on the committed branch."""
    fast = subprocess.run(
        ["bash", "-e", "-c", _ci_script()],
        cwd=root, env=_env(BRANCH_DATE), capture_output=True, text=True, check=False,
    )  # fmt: skip
    full = subprocess.run(
        [".venv/bin/sepeda", "check", "--format", "github"],
        cwd=root, env=_env(BRANCH_DATE), capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert fast.returncode == full.returncode, fast.stderr + full.stderr
    assert _errors(fast.stdout) == _errors(full.stdout)
    return fast, full


def test_an_unreferenced_file_fails_on_itself(project: Path) -> None:
    stray = project / "innovations/upt-puskesmas-uren/bekal-obat/foto-lain.jpg"
    stray.write_bytes(b"bukan foto")
    _commit(project)
    fast, _full = _verdicts(project)
    assert fast.returncode == 1
    assert _files(_errors(fast.stdout)) == {
        "innovations/upt-puskesmas-uren/bekal-obat/foto-lain.jpg"
    }
    assert "B302" in fast.stdout


def test_a_duplicate_slug_is_blamed_on_the_newcomer(project: Path) -> None:
    # dinkes/ sorts before upt-puskesmas-uren/: the path order alone would blame the published one
    shutil.copytree(
        project / "innovations/upt-puskesmas-uren/bekal-obat",
        project / "innovations/dinkes/bekal-obat",
    )
    _commit(project)
    fast, _full = _verdicts(project)
    assert fast.returncode == 1
    errors = _errors(fast.stdout)
    assert _files(errors) == {"innovations/dinkes/bekal-obat/inovasi.yaml"}
    assert "R401" in errors[0] and "innovations/upt-puskesmas-uren/bekal-obat" in errors[0]


def test_a_removal_never_exits_2(project: Path) -> None:
    shutil.rmtree(project / "innovations/kecamatan-awayan/gertak-desa")
    _commit(project)
    fast, _full = _verdicts(project)
    assert fast.returncode == 0, fast.stderr
    assert "tidak ditemukan" not in fast.stderr
    assert "sudah dihapus atau dipindah" in fast.stderr


def test_removing_a_referenced_innovation_fails_on_its_referrer(project: Path) -> None:
    shutil.rmtree(project / "innovations/dinkes/antrean-daring")
    _commit(project)
    fast, _full = _verdicts(project)
    assert fast.returncode == 1
    errors = _errors(fast.stdout)
    assert _files(errors) == {"innovations/upt-puskesmas-uren/bekal-obat/inovasi.yaml"}
    assert "R403" in errors[0]


def test_a_rename_is_checked_under_both_names(project: Path) -> None:
    git = _git(project, BRANCH_DATE)
    git("mv", "innovations/dinkes/antrean-daring", "innovations/dinkes/antrean-daring-puskesmas")
    _commit(project)
    fast, _full = _verdicts(project)
    assert fast.returncode == 1  # bekal-obat still replicates 'antrean-daring'
    assert _files(_errors(fast.stdout)) == {
        "innovations/upt-puskesmas-uren/bekal-obat/inovasi.yaml"
    }
    bekal = project / "innovations/upt-puskesmas-uren/bekal-obat/inovasi.yaml"
    bekal.write_text(
        bekal.read_text().replace("inovasi: antrean-daring", "inovasi: antrean-daring-puskesmas")
    )
    _commit(project)
    fast, _full = _verdicts(project)
    assert fast.returncode == 0, fast.stdout + fast.stderr


def test_a_mistyped_path_is_still_a_usage_error(project: Path) -> None:
    result = subprocess.run(
        [".venv/bin/sepeda", "check", "innovations/dinkes/antrean-darin"],
        cwd=project, env=_env(BRANCH_DATE), capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and "tidak ditemukan" in result.stderr


def test_check_from_inside_an_agency_folder_checks_that_agency(project: Path) -> None:
    broken = project / "innovations/kecamatan-awayan/gertak-desa/inovasi.yaml"
    broken.write_text(broken.read_text().replace("tautan:", "tautn:"))
    inside = subprocess.run(
        [str(project / ".venv/bin/sepeda"), "check"],
        cwd=project / "innovations/dinkes", env=_env(BRANCH_DATE), capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    assert inside.returncode == 0, inside.stdout
    assert "gertak-desa" not in inside.stdout
    # only the agency's folder was read: the broken record elsewhere is neither read nor
    # counted, and the admin is told how to check everything
    assert "Hanya yang disebut (dan yang terkait dengannya) yang diperiksa" in inside.stderr
