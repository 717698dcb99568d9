"""`sepeda check PATH` reads only what the path concerns, and reports for that path exactly
what the whole check reports (issue "As fast as the floor": a check that scales with the
change)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.site import pipeline

ANTREAN = "innovations/dinkes/antrean-daring"
GERTAK = "innovations/kecamatan-awayan/gertak-desa"


def _settings(root: Path) -> pipeline.Settings:
    return pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR, dates=False)


def _shown(findings: object) -> tuple[str, ...]:
    """Errors and warnings (advice, info, is given only for a catalogue without errors: a
    check of one path gives it when that path is clean, the whole check when all is)."""
    return tuple(str(f) for f in findings if f.severity.value != "info")  # type: ignore[attr-defined]


def _scoped(root: Path, path: str) -> tuple[str, ...]:
    settings = _settings(root)
    result = pipeline.check(settings, pipeline.scope_of([path], settings, root))
    findings = (*result.findings, *pipeline.advice(result, complete=True))
    chosen = pipeline.select(result, findings, [path], settings, root)
    return _shown(chosen.findings)


def _whole(root: Path, path: str) -> tuple[str, ...]:
    settings = _settings(root)
    result = pipeline.check(settings)
    findings = (*result.findings, *pipeline.advice(result, complete=True))
    chosen = pipeline.select(result, findings, [path], settings, root)
    return _shown(chosen.findings)


def test_a_path_gets_the_whole_checks_findings(catalogue_copy: Path) -> None:
    profile = catalogue_copy / ANTREAN / "inovasi.yaml"
    profile.write_text(profile.read_text().replace("tujuan:", "tujuan_:"), encoding="utf-8")
    (catalogue_copy / ANTREAN / "sisa.png").write_bytes(b"\x89PNG")  # unreferenced
    for path in (ANTREAN, f"{ANTREAN}/inovasi.yaml", "innovations/dinkes", GERTAK):
        assert _scoped(catalogue_copy, path) == _whole(catalogue_copy, path), path
    assert any("[S202]" in line for line in _scoped(catalogue_copy, ANTREAN))


def test_a_duplicate_slug_outside_the_path_is_still_found(catalogue_copy: Path) -> None:
    newcomer = catalogue_copy / "innovations/kecamatan-awayan/antrean-daring"
    shutil.copytree(catalogue_copy / ANTREAN, newcomer)
    shutil.rmtree(newcomer / "verifikasi.yaml", ignore_errors=True)
    path = "innovations/kecamatan-awayan/antrean-daring"
    scoped = _scoped(catalogue_copy, path)
    assert scoped == _whole(catalogue_copy, path)
    assert any("[R401]" in line for line in scoped), scoped


def test_records_outside_the_path_are_not_read(catalogue_copy: Path) -> None:
    broken = catalogue_copy / GERTAK / "inovasi.yaml"
    broken.write_text("nama: [tidak ditutup\n", encoding="utf-8")
    settings = _settings(catalogue_copy)
    scoped = pipeline.check(settings, pipeline.scope_of([ANTREAN], settings, catalogue_copy))
    assert scoped.ok, [str(f) for f in scoped.findings]
    assert not any(f.path.startswith(GERTAK) for f in scoped.findings)
    assert not pipeline.check(settings).ok  # the whole check reads it and refuses it
