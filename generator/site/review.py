"""``sepeda review``: what a branch changes, in one summary the pokja reads in the pull request.

The catalogue is checked twice with the same pipeline: as it is now (the working tree) and
as it was at the base (``git archive`` of the base commit into a temporary folder). The
summary lists innovations added, changed (each changed field, old and new value), removed
or renamed, score changes, media added with their sizes, every finding on the changed
files, and warnings that need a human decision. Nothing here writes to the repository.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.base import urls
from generator.base.diagnostics import Finding, Severity
from generator.catalogue.records import INOVASI_FILE, OPD_FILE, VERIFIKASI_FILE, Catalogue
from generator.site import pipeline

MANY_REMOVED = 3
"""More removals than this in one change is a warning."""
SHOWN = 80
"""Characters of an old or new value shown in the summary."""


class ReviewError(Exception):
    """The comparison cannot be made (no Git, unknown base); the message is Indonesian."""


@dataclass
class Review:
    """Everything the summary says, as data (``--format json`` prints it)."""

    base: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    changed: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    scores: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    media: list[tuple[str, int]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)


def _git_bytes(root: Path, *args: str) -> bytes:
    git = shutil.which("git")
    if git is None:
        raise ReviewError("git tidak terpasang; sepeda review memerlukan git")
    result = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [git, *args], cwd=root, capture_output=True, check=False
    )
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip()[:300]
        raise ReviewError(f"git {' '.join(args)} gagal: {detail}")
    return result.stdout


def _git(root: Path, *args: str) -> str:
    return _git_bytes(root, *args).decode("utf-8")


def _records(catalogue: Catalogue | None) -> dict[str, dict[str, Any]]:
    if catalogue is None:
        return {}
    return {
        f"{i.opd}/{i.slug}": i.data.model_dump(mode="json", exclude_none=True)
        for i in catalogue.innovations
    }


def _flatten(value: Any, prefix: str = "") -> dict[str, str]:
    if isinstance(value, dict):
        found: dict[str, str] = {}
        for key, item in value.items():
            found |= _flatten(item, f"{prefix}.{key}" if prefix else str(key))
        return found
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        found = {}
        for index, item in enumerate(value):
            found |= _flatten(item, f"{prefix}[{index}]")
        return found
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return {prefix: " ".join(text.split())}


def _short(text: str | None, other: str | None) -> str:
    """A value for the table: around its first difference from ``other``, at most SHOWN."""
    if text is None:
        return "–"
    if len(text) <= SHOWN:
        return text
    start = 0
    if other is not None:
        same = next((i for i, (a, b) in enumerate(zip(text, other, strict=False)) if a != b), 0)
        start = max(0, same - SHOWN // 3)
    piece = text[start : start + SHOWN - 2]
    return ("…" if start else "") + piece + ("…" if start + len(piece) < len(text) else "")


def _changes(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str]]:
    before, after = _flatten(old), _flatten(new)
    keys = sorted(set(before) | set(after))
    return [
        (k, _short(before.get(k), after.get(k)), _short(after.get(k), before.get(k)))
        for k in keys
        if before.get(k) != after.get(k)
    ]


def _base_tree(root: Path, base: str, into: Path) -> None:
    """The project files at ``base`` (a commit) extracted into ``into``."""
    archive = _git_bytes(root, "archive", "--format=tar", base)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def review(settings: pipeline.Settings, base: str) -> Review:
    """Compare the working tree of the project of ``settings`` with ``base`` (its merge base
    with HEAD); the base is checked with the same settings, in a copy of its tree."""
    root, katalog = settings.root, settings.katalog
    merge_base = _git(root, "merge-base", base, "HEAD").strip()
    status = _git(root, "diff", "--name-status", "-M", merge_base, "--").splitlines()
    status += [f"A\t{p}" for p in _git(root, "ls-files", "--others", "--exclude-standard").split()]
    result = Review(base)
    now = pipeline.check(settings)
    with tempfile.TemporaryDirectory(prefix="sepeda-review-") as tmp:
        _base_tree(root, merge_base, Path(tmp))
        then = pipeline.check(
            pipeline.Settings.for_project(Path(tmp), katalog, today=settings.today, dates=False)
        )
    before, after = _records(then.catalogue), _records(now.catalogue)
    changed_paths: set[str] = set()
    prefix = katalog + "/"
    for line in status:
        kind, *paths = line.split("\t")
        path = paths[-1]
        changed_paths.add(path)
        parts = path.removeprefix(prefix).split("/")
        if not path.startswith(prefix):
            result.warnings.append(
                f"mengubah {path} di luar {prefix}: perlu pemeriksaan pengelola repositori"
            )
        elif parts[-1] in (OPD_FILE, VERIFIKASI_FILE):
            result.warnings.append(f"mengubah {path}: hanya pokja yang boleh mengubah berkas ini")
        if kind.startswith("R") and path.endswith("/" + INOVASI_FILE):
            old = paths[0].removeprefix(prefix).removesuffix("/" + INOVASI_FILE)
            result.renamed.append((old, "/".join(parts[:-1])))
        elif kind == "A" and len(parts) == 3 and parts[2] not in (INOVASI_FILE, VERIFIKASI_FILE):
            file = root / path
            if file.is_file() and urls.MEDIA_SUFFIXES & {file.suffix.lower()}:
                result.media.append((path, file.stat().st_size))
    renamed_to = {new for _, new in result.renamed}
    renamed_from = {old for old, _ in result.renamed}
    result.added = sorted(k for k in after if k not in before and k not in renamed_to)
    result.removed = sorted(k for k in before if k not in after and k not in renamed_from)
    pairs = [(k, k) for k in sorted(set(before) & set(after))] + [
        (old, new) for old, new in result.renamed if old in before and new in after
    ]
    old_scores, new_scores = _scores(then), _scores(now)
    for old, new in pairs:
        diff = _changes(before[old], after[new])
        if diff:
            result.changed[new] = diff
        if old_scores.get(old) != new_scores.get(new):
            result.scores[new] = (old_scores.get(old), new_scores.get(new))
    for key in result.added:
        result.scores[key] = (None, new_scores.get(key))
    for key in result.removed:
        result.scores[key] = (old_scores.get(key), None)
    for key, diff in result.changed.items():
        verified = f"{prefix}{key}/{VERIFIKASI_FILE}"
        evidence = [f for f, _, _ in diff if ".bukti" in f or f.endswith(".tingkat")]
        if evidence and (root / verified).is_file() and verified not in changed_paths:
            result.warnings.append(
                f"{key}: bukti atau tingkat klaim berubah setelah diverifikasi pokja "
                f"({', '.join(evidence[:3])}); verifikasi perlu ditinjau ulang"
            )
    if len(result.removed) > MANY_REMOVED:
        result.warnings.append(f"{len(result.removed)} inovasi dihapus sekaligus")
    result.findings = [f for f in now.findings if f.path in changed_paths]
    return result


def _scores(run: pipeline.Result) -> dict[str, int]:
    if run.catalogue is None:
        return {}
    return {f"{i.opd}/{i.slug}": run.scores[i.slug].klaim for i in run.catalogue.innovations}


def markdown(r: Review) -> str:
    """The summary for the pull request, in Bahasa Indonesia."""
    lines = [f"## Ringkasan perubahan katalog (dibanding `{r.base}`)", ""]
    if r.warnings:
        lines += ["### Perlu keputusan pokja", ""] + [f"- ⚠️ {w}" for w in r.warnings] + [""]
    for title, items in (("Inovasi baru", r.added), ("Inovasi dihapus", r.removed)):
        if items:
            lines += [f"### {title}", ""] + [f"- `{k}`" for k in items] + [""]
    if r.renamed:
        lines += ["### Inovasi dipindah atau diganti nama", ""]
        lines += [f"- `{old}` → `{new}`" for old, new in r.renamed] + [""]
    if r.changed:
        lines += ["### Inovasi diubah", ""]
        for key, diff in r.changed.items():
            lines += [f"**`{key}`**", "", "| Isian | Sebelum | Sesudah |", "|---|---|---|"]
            lines += [f"| `{k}` | {_cell(a)} | {_cell(b)} |" for k, a, b in diff] + [""]
    if r.scores:
        lines += [
            "### Perubahan skor klaim",
            "",
            "| Inovasi | Sebelum | Sesudah |",
            "|---|---:|---:|",
        ]
        for key, (old, new) in r.scores.items():
            lines.append(
                f"| `{key}` | {'–' if old is None else old} | {'–' if new is None else new} |"
            )
        lines.append("")
    if r.media:
        lines += ["### Media baru", ""]
        lines += [f"- `{p}` ({size / 1024:.0f} KB)" for p, size in r.media] + [""]
    lines += ["### Temuan pemeriksaan pada berkas yang berubah", ""]
    if r.findings:
        lines += ["```text", *(str(f) for f in r.findings), "```", ""]
    else:
        lines += ["Tidak ada temuan.", ""]
    return "\n".join(lines)


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("`", "'") or "–"


def as_json(r: Review) -> str:
    data = {
        "base": r.base,
        "ditambah": r.added,
        "dihapus": r.removed,
        "dipindah": [{"dari": a, "ke": b} for a, b in r.renamed],
        "diubah": {
            k: [{"isian": f, "sebelum": a, "sesudah": b} for f, a, b in v]
            for k, v in r.changed.items()
        },
        "skor": {k: {"sebelum": a, "sesudah": b} for k, (a, b) in r.scores.items()},
        "media": [{"berkas": p, "ukuran": s} for p, s in r.media],
        "peringatan": r.warnings,
        "temuan": [str(f) for f in r.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
