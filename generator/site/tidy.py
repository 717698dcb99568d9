"""``sepeda rapikan``: every catalogue file in the one canonical layout.

The admin form writes :mod:`generator.record.layout`'s layout, and so does this command, so
a diff shows only what changed. A file that cannot be read is named with its finding and left
as it is; a file already in the layout is not touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from generator.base.diagnostics import Finding, Severity
from generator.catalogue.records import INOVASI_FILE, OPD_FILE, VERIFIKASI_FILE, display_path
from generator.record import layout, models
from generator.record.yamlfile import YamlProblem, read_yaml

MODELS: dict[str, type[BaseModel]] = {
    OPD_FILE: models.Opd,
    INOVASI_FILE: models.Inovasi,
    VERIFIKASI_FILE: models.Verifikasi,
}


def catalogue_files(folders: Iterable[Path]) -> list[Path]:
    """The catalogue's YAML files inside ``folders`` (each a folder or a file), sorted."""
    found: set[Path] = set()
    for folder in folders:
        if folder.is_file() and folder.name in MODELS:
            found.add(folder)
        elif folder.is_dir():
            found |= {p for name in MODELS for p in folder.rglob(name) if p.is_file()}
    return sorted(found)


def tidy(files: Iterable[Path], root: Path) -> tuple[dict[str, str], list[Finding]]:
    """The canonical text of every file not yet in it (project-relative path → text), and
    the findings of the files that could not be read."""
    changed: dict[str, str] = {}
    findings: list[Finding] = []
    for path in files:
        shown = display_path(path, root)
        try:
            doc, text = read_yaml(path)
        except YamlProblem as problem:
            findings.append(
                Finding(
                    shown,
                    problem.line,
                    problem.column,
                    Severity.ERROR,
                    problem.field,
                    problem.message + "; berkas ini tidak dirapikan",
                    problem.code,
                )
            )
            continue
        canonical = layout.dump(doc.data, MODELS[path.name])
        if canonical != text:
            changed[shown] = canonical
    return changed, findings
