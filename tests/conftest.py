"""Shared fixtures: the fixture catalogue, a fixed build date, and the golden-file helper."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CATALOGUE = FIXTURES / "catalogue"
GOLDEN = ROOT / "tests" / "golden"
TODAY = "2026-11-23"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/ from the current output (review the diff before committing)",
    )


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test builds 'today' = 2026-11-23 (WITA), so date rules are reproducible."""
    monkeypatch.setenv("SEPEDA_TODAY", TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return TODAY


@pytest.fixture
def catalogue_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture catalogue; returns the project root holding innovations/."""
    root = tmp_path / "proyek"
    shutil.copytree(CATALOGUE, root)
    return root


def make_site_project(root: Path) -> Path:
    """A complete project (mkdocs.yml, docs/, overrides/) around the fixture catalogue."""
    shutil.copytree(CATALOGUE, root)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    return root


@pytest.fixture
def site_project(tmp_path: Path) -> Path:
    """A complete project (mkdocs.yml, docs/, overrides/) around the fixture catalogue."""
    return make_site_project(tmp_path / "situs")


def assert_golden(name: str, actual: str, update: bool, folder: Path = GOLDEN) -> None:
    """Compare ``actual`` with ``<folder>/<name>`` (``tests/golden/`` unless given); with
    --update-goldens, rewrite it."""
    path = folder / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"no golden file {path}; run: make golden"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"golden/{name}",
                "actual",
            )
        )
        pytest.fail(f"{name} differs from its golden file (update with: make golden)\n{diff}")


def run_module(root: Path, module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m <module> <args>`` in ``root`` with the fixed build date."""
    env = {**os.environ, "SEPEDA_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def run_sepeda(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real ``sepeda`` entry point in ``root``, as an admin would."""
    return run_module(root, "generator", *args)
