"""``sepeda review``: what a branch changes, on one page the pokja decides from.

Only committed changes are compared: the catalogue at the head commit and at its merge base
with the base are both taken from Git (``git archive``) into temporary folders and read with
the same pipeline (:func:`pipeline.snapshot`), as data: nothing of either tree is run. What
the working copy holds beyond the head commit is listed apart and never mixed in.

Per changed innovation: its name, agency and stage; one row per claimed or verified
indicator (claimed level and the parameter's words, the evidence with its size and the
document's title and number, the pokja's level and note, what changed); claimed and verified
scores before and after; every other changed field; every added, replaced (by content hash)
or removed file with its size. Additions, removals and renames come from the Git trees, not
from the parsed catalogue, so an unfinished or invalid file is named with its findings and
never turned into the removal of the rest. Warnings name what a human must judge.

This module compares; :mod:`generator.site.review_git` reads Git,
:mod:`generator.site.review_evidence` reads an evidence document, and
:mod:`generator.site.review_text` writes the page (inert Markdown, JSON).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.base import vocab
from generator.base.diagnostics import Finding, Severity, has_errors
from generator.catalogue.records import INOVASI_FILE, OPD_FILE, VERIFIKASI_FILE, Catalogue
from generator.iid.scoring import InnovationScore
from generator.site import pipeline
from generator.site.review_evidence import document_kind, fits, pdf_facts
from generator.site.review_git import (
    ReviewError,
    commit_of,
    extract,
    git_bytes,
    git_text,
    renames,
    tree,
    uncommitted,
)

MANY_REMOVED = 3
"""More removals than this in one change is a warning."""
SHOWN = 80
"""Characters of an old or new value shown in the summary."""


@dataclass
class FileChange:
    """One file of the catalogue added, replaced (other bytes), removed or moved."""

    path: str
    kind: str
    """``ditambah``, ``diganti``, ``dihapus`` or ``dipindah``."""
    size: int | None
    old_size: int | None = None
    old_path: str | None = None


@dataclass
class EvidenceItem:
    """One ``bukti`` of a claim, as the pokja needs to judge it."""

    name: str
    """The file name, or the link."""
    size: int | None = None
    title: str | None = None
    """The document's title: the PDF's own heading when it has one, else ``tentang``."""
    number: str | None = None
    change: str = ""


@dataclass
class IndicatorReview:
    """One indicator of one innovation: claim, evidence, the pokja's judgement, changes."""

    key: str
    name: str
    claimed_before: int | None
    claimed: int | None
    parameter: str | None
    evidence: list[EvidenceItem]
    verified_before: int | None
    verified: int | None
    note: str | None
    changes: list[str] = field(default_factory=list)
    words: str = ""
    """The indicator's own words (name, parameters, expected evidence), to judge a title."""


@dataclass
class InnovationReview:
    """An innovation the change adds, changes, moves or leaves unfinished."""

    key: str
    state: str
    """``baru``, ``diubah``, ``dipindah`` or ``dihapus``."""
    name: str | None = None
    agency: str | None = None
    stage: str | None = None
    old_key: str | None = None
    valid: bool = True
    """False when the head's ``inovasi.yaml`` (or its verification) is unfinished or invalid."""
    indicators: list[IndicatorReview] = field(default_factory=list)
    fields: list[tuple[str, str, str]] = field(default_factory=list)
    claimed: tuple[int | None, int | None] = (None, None)
    verified: tuple[int | None, int | None] = (None, None)
    files: list[FileChange] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Review:
    """Everything the summary says, as data (``--format json`` prints it)."""

    base: str
    head: str = "HEAD"
    commits: tuple[str, str] = ("", "")
    """The merge base and the head commit compared (abbreviated)."""
    innovations: list[InnovationReview] = field(default_factory=list)
    removed: list[InnovationReview] = field(default_factory=list)
    other_files: list[FileChange] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    uncommitted: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)


# ---- Records --------------------------------------------------------------------------------


def _records(catalogue: Catalogue | None) -> dict[str, Any]:
    if catalogue is None:
        return {}
    return {f"{i.opd}/{i.slug}": i for i in catalogue.innovations}


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
    """Changed fields other than the indicators (those have their own table)."""
    old = {k: v for k, v in old.items() if k != "indikator"}
    new = {k: v for k, v in new.items() if k != "indikator"}
    before, after = _flatten(old), _flatten(new)
    keys = sorted(set(before) | set(after))
    return [
        (k, _short(before.get(k), after.get(k)), _short(after.get(k), before.get(k)))
        for k in keys
        if before.get(k) != after.get(k)
    ]


def _dump(innovation: Any) -> dict[str, Any]:
    if innovation is None:
        return {}
    data: dict[str, Any] = innovation.data.model_dump(mode="json", exclude_none=True)
    return data


# ---- The comparison ---------------------------------------------------------------------


def review(settings: pipeline.Settings, base: str, head: str = "HEAD") -> Review:
    """Compare the commit ``head`` of the project of ``settings`` with its merge base with
    ``base``; both trees are read from Git, with the same settings."""
    root, katalog = settings.root, settings.katalog
    base_commit = commit_of(root, base, "pembanding")
    head_commit = commit_of(root, head, "commit usulan")
    merge_base = git_text(root, "merge-base", base_commit, head_commit).strip()
    result = Review(base, head, (merge_base[:12], head_commit[:12]))
    if head == "HEAD":
        result.uncommitted = uncommitted(root)
    before_files = tree(root, merge_base, katalog)
    after_files = tree(root, head_commit, katalog)
    moved = renames(root, merge_base, head_commit, katalog)
    with tempfile.TemporaryDirectory(prefix="sepeda-review-") as tmp:
        then_root, now_root = Path(tmp) / "dasar", Path(tmp) / "usulan"
        extract(root, merge_base, katalog, then_root)
        extract(root, head_commit, katalog, now_root)
        then = pipeline.snapshot(
            pipeline.Settings.for_project(then_root, katalog, today=settings.today, dates=False)
        )
        now = pipeline.snapshot(
            pipeline.Settings.for_project(now_root, katalog, today=settings.today, dates=False)
        )
        _compare(result, settings, then, now, before_files, after_files, moved, now_root)
    _outside(result, root, merge_base, head_commit, katalog)
    return result


def _key(path: str, prefix: str) -> str | None:
    """``opd/slug`` of a file inside an innovation folder."""
    parts = path.removeprefix(prefix).split("/")
    return "/".join(parts[:2]) if path.startswith(prefix) and len(parts) >= 3 else None


def _compare(
    result: Review,
    settings: pipeline.Settings,
    then: pipeline.Result,
    now: pipeline.Result,
    before_files: dict[str, tuple[str, int]],
    after_files: dict[str, tuple[str, int]],
    moved: dict[str, str],
    now_root: Path,
) -> None:
    prefix = settings.katalog + "/"
    reference = settings.reference
    # Files: added, replaced (content hash), removed, moved.
    changes: list[FileChange] = []
    moved_from = set(moved.values())
    for path in sorted(set(before_files) | set(after_files)):
        old, new = before_files.get(path), after_files.get(path)
        if new is not None and path in moved:
            source = before_files.get(moved[path])
            kind = "dipindah" if source is not None and source[0] == new[0] else "diganti"
            size = None if source is None else source[1]
            changes.append(FileChange(path, kind, new[1], size, moved[path]))
        elif old is None and new is not None:
            changes.append(FileChange(path, "ditambah", new[1]))
        elif new is None and old is not None and path not in moved_from:
            changes.append(FileChange(path, "dihapus", None, old[1]))
        elif old is not None and new is not None and old[0] != new[0]:
            changes.append(FileChange(path, "diganti", new[1], old[1]))
    changed_paths = {c.path for c in changes} | {c.old_path for c in changes if c.old_path}

    # Innovations, from the trees (never from whether the catalogue parsed).
    def keys(files: dict[str, tuple[str, int]]) -> set[str]:
        return {
            k
            for p in files
            if p.endswith("/" + INOVASI_FILE) and (k := _key(p, prefix)) and k.count("/") == 1
        }

    before_keys, after_keys = keys(before_files), keys(after_files)
    renamed = {
        _key(new, prefix): _key(old, prefix)
        for new, old in moved.items()
        if new.endswith("/" + INOVASI_FILE) and _key(new, prefix) != _key(old, prefix)
    }
    before, after = _records(then.catalogue), _records(now.catalogue)
    agencies = {
        a.slug: a.data.nama for run in (then, now) if run.catalogue for a in run.catalogue.agencies
    }
    touched: dict[str, list[FileChange]] = {}
    for change in changes:
        key = _key(change.path, prefix)
        if key is not None:
            touched.setdefault(key, []).append(change)
        elif change.path.startswith(prefix):
            result.other_files.append(change)
    for key in sorted(touched):
        old_key = renamed.get(key)
        if key not in after_keys and key not in before_keys:
            state = "baru"  # files without inovasi.yaml on either side
        elif key not in after_keys:
            if key in renamed.values():
                continue
            state = "dihapus"
        elif key in before_keys:
            state = "diubah"
        else:
            state = "dipindah" if old_key in before_keys else "baru"
        item = _innovation(
            key,
            state,
            old_key if state == "dipindah" else (key if state != "baru" else None),
            before,
            after,
            then,
            now,
            reference,
            agencies,
            touched[key],
            now_root,
            settings,
        )
        (result.removed if state == "dihapus" else result.innovations).append(item)
    # Findings: on changed files, and every error the base did not have.
    known = {(f.path, f.code, f.message) for f in then.findings if f.severity is Severity.ERROR}
    result.findings = [
        f
        for f in now.findings
        if f.path in changed_paths
        or any(f.path.startswith(prefix + k + "/") for k in touched)
        or (f.severity is Severity.ERROR and (f.path, f.code, f.message) not in known)
    ]
    for item in result.innovations:
        item.findings = [f for f in result.findings if f.path.startswith(f"{prefix}{item.key}/")]
        item.valid = not has_errors(item.findings)
    _warnings(result, settings, changes, before, after, touched)


def _innovation(
    key: str,
    state: str,
    old_key: str | None,
    before: dict[str, Any],
    after: dict[str, Any],
    then: pipeline.Result,
    now: pipeline.Result,
    reference: Any,
    agencies: dict[str, str],
    files: list[FileChange],
    now_root: Path,
    settings: pipeline.Settings,
) -> InnovationReview:
    old = before.get(old_key) if old_key else None
    new = after.get(key)
    shown = new or old
    item = InnovationReview(key, state, old_key=old_key if state == "dipindah" else None)
    item.files = files
    if shown is not None:
        item.name = shown.data.nama
        item.agency = agencies.get(shown.opd, shown.opd)
        item.stage = vocab.TAHAPAN.get(shown.data.tahapan, shown.data.tahapan)
    else:
        item.agency = agencies.get(key.split("/")[0], key.split("/")[0])
    old_score: InnovationScore | None = then.scores.get(old_key) if old_key else None
    new_score: InnovationScore | None = now.scores.get(key)
    item.claimed = (
        None if old_score is None else old_score.klaim,
        None if new_score is None else new_score.klaim,
    )
    item.verified = (
        None if old_score is None else old_score.terverifikasi,
        None if new_score is None else new_score.terverifikasi,
    )
    if state != "dihapus":
        item.fields = _changes(_dump(old), _dump(new))
        item.indicators = _indicators(old, new, reference, files, now_root, settings)
    return item


def _indicators(
    old: Any,
    new: Any,
    reference: Any,
    files: list[FileChange],
    now_root: Path,
    settings: pipeline.Settings,
) -> list[IndicatorReview]:
    shown = new or old
    if shown is None:
        return []
    framework = reference.kerangka_for_years(list(shown.data.tahun_laporan)).by_key()
    claims_then = old.data.indikator if old is not None else {}
    claims_now = new.data.indikator if new is not None else {}
    ver_then = old.verifikasi.indikator if old is not None and old.verifikasi else {}
    ver_now = new.verifikasi.indikator if new is not None and new.verifikasi else {}
    by_name = {Path(f.path).name: f for f in files}
    folder = (
        now_root
        / settings.katalog
        / (new.opd if new else old.opd)
        / (new.slug if new else old.slug)
    )
    rows = []
    order = list(framework)
    wanted = set(claims_then) | set(claims_now) | set(ver_then) | set(ver_now)
    for key in sorted(wanted, key=lambda k: (order.index(k) if k in order else len(order), k)):
        indicator = framework.get(key)
        claim, claim_then = claims_now.get(key), claims_then.get(key)
        decision, decision_then = ver_now.get(key), ver_then.get(key)
        evidence = []
        for bukti in claim.bukti if claim is not None else []:
            if bukti.berkas is not None:
                path = folder / bukti.berkas
                size = path.stat().st_size if path.is_file() else None
                title, number = pdf_facts(path) if bukti.berkas.endswith(".pdf") else (None, None)
                change = by_name.get(bukti.berkas)
                item = EvidenceItem(
                    bukti.berkas,
                    size,
                    title or bukti.tentang,
                    number or bukti.nomor,
                    "" if change is None else change.kind,
                )
            else:
                item = EvidenceItem(str(bukti.url), title=bukti.tentang, number=bukti.nomor)
            old_links = {b.berkas or str(b.url) for b in (claim_then.bukti if claim_then else [])}
            if not item.change and item.name not in old_links and claim_then is not None:
                item.change = "ditambah"
            evidence.append(item)
        row = IndicatorReview(
            key,
            indicator.nama if indicator else key,
            None if claim_then is None else claim_then.tingkat,
            None if claim is None else claim.tingkat,
            indicator.parameter.get(claim.tingkat) if indicator and claim else None,
            evidence,
            None if decision_then is None else decision_then.tingkat,
            None if decision is None else decision.tingkat,
            None if decision is None else decision.catatan,
        )
        row.changes = _row_changes(row, claim_then, claim, old is None)
        if indicator is not None:
            row.words = " ".join(
                [
                    indicator.nama,
                    indicator.bukti,
                    indicator.keterangan,
                    *indicator.parameter.values(),
                ]
            )
        rows.append(row)
    return rows


def _row_changes(row: IndicatorReview, claim_then: Any, claim: Any, new_record: bool) -> list[str]:
    if new_record:
        return []
    said = []
    if row.claimed_before != row.claimed:
        said.append(f"klaim {level(row.claimed_before)} → {level(row.claimed)}")
    for item in row.evidence:
        if item.change:
            said.append(f"bukti {item.change}: {item.name}")
    if claim_then is not None:
        now_names = {e.name for e in row.evidence}
        for b in claim_then.bukti:
            name = b.berkas or str(b.url)
            if name not in now_names:
                said.append(f"bukti dilepas: {name}")
    if row.verified_before != row.verified:
        said.append(f"penilaian pokja {level(row.verified_before)} → {level(row.verified)}")
    return said


def level(value: int | None) -> str:
    return "–" if value is None else str(value)


def _warnings(
    result: Review,
    settings: pipeline.Settings,
    changes: list[FileChange],
    before: dict[str, Any],
    after: dict[str, Any],
    touched: dict[str, list[FileChange]],
) -> None:
    prefix = settings.katalog + "/"
    warn = result.warnings
    for change in changes:
        name = change.path.rsplit("/", 1)[-1]
        if name in (OPD_FILE, VERIFIKASI_FILE):
            warn.append(f"mengubah {change.path}: hanya pokja yang boleh mengubah berkas ini")
    # A file added to another agency's folder: the change touches more than one agency.
    by_agency: dict[str, list[FileChange]] = {}
    for change in changes:
        if change.path.startswith(prefix):
            by_agency.setdefault(change.path.removeprefix(prefix).split("/")[0], []).append(change)
    if len(by_agency) > 1:
        ranked = sorted(by_agency, key=lambda a: (-len(by_agency[a]), a))
        for agency in ranked[1:]:
            added = [c.path for c in by_agency[agency] if c.kind != "dihapus"]
            if added:
                warn.append(
                    f"perubahan ini juga menyentuh folder perangkat daerah lain ({agency}: "
                    f"{', '.join(added[:4])}); admin hanya boleh mengubah folder perangkat "
                    "daerahnya sendiri: pastikan pengusul berwenang atas folder itu"
                )
    for item in result.innovations:
        new = after.get(item.key)
        old = before.get(item.old_key or item.key)
        if not item.valid:
            warn.append(
                f"{item.key}: berkas belum selesai atau tidak sah "
                f"({sum(f.severity is Severity.ERROR for f in item.findings)} galat); "
                "lihat temuannya di bawah, inovasi lain tidak terpengaruh"
            )
        ver_changed = any(c.path.endswith("/" + VERIFIKASI_FILE) for c in touched[item.key])
        verification = new.verifikasi if new is not None else None
        for row in item.indicators:
            if row.verified is not None and row.claimed is not None and row.verified > row.claimed:
                warn.append(
                    f"{item.key}: indikator {row.key} dinilai {row.verified}, di atas klaim "
                    f"{row.claimed}; naikkan dulu klaimnya di inovasi.yaml atau turunkan penilaian"
                )
            for evidence in row.evidence:
                kind = document_kind(evidence.title) if evidence.title else None
                if kind is not None and row.words and not fits(kind, row.words):
                    warn.append(
                        f"{item.key}: bukti {row.key} '{evidence.name}' berjudul "
                        f'"{_short(evidence.title, None)}" ({kind}); tidak tampak sesuai '
                        f"indikator {row.name}"
                    )
                relied = (
                    old is not None
                    and old.verifikasi is not None
                    and row.key in old.verifikasi.indikator
                )
                if evidence.change in ("diganti",) and relied and not ver_changed:
                    warn.append(
                        f"{item.key}: bukti '{evidence.name}' ({row.key}) diganti isinya setelah "
                        "diverifikasi pokja; verifikasi perlu ditinjau ulang"
                    )
            if new is not None and verification is not None and row.key in verification.indikator:
                dates = [
                    b.tanggal
                    for b in (new.data.indikator[row.key].bukti if row.claimed else [])
                    if b.tanggal is not None
                ]
                if dates and max(dates) > verification.tanggal:
                    warn.append(
                        f"{item.key}: verifikasi ({verification.tanggal.isoformat()}) lebih tua "
                        f"daripada bukti {row.key} yang dinilainya ({max(dates).isoformat()})"
                    )
        if old is not None and old.verifikasi is not None and not ver_changed:
            cited = {
                b.berkas
                for key in old.verifikasi.indikator
                if key in old.data.indikator
                for b in old.data.indikator[key].bukti
                if b.berkas
            }
            for change in touched[item.key]:
                name = (change.old_path or change.path).rsplit("/", 1)[-1]
                if name in cited and change.kind == "dihapus":
                    warn.append(
                        f"{item.key}: bukti '{name}' yang diandalkan verifikasi dihapus; "
                        "verifikasi perlu ditinjau ulang"
                    )
            evidence_fields = [
                f"indikator.{r.key}" for r in item.indicators if r.changes and r.verified
            ]
            if evidence_fields and item.state != "baru":
                warn.append(
                    f"{item.key}: bukti atau tingkat klaim berubah setelah diverifikasi pokja "
                    f"({', '.join(evidence_fields[:3])}); verifikasi perlu ditinjau ulang"
                )
    if len(result.removed) > MANY_REMOVED:
        warn.append(f"{len(result.removed)} inovasi dihapus sekaligus")
    result.warnings = list(dict.fromkeys(warn))


def _outside(result: Review, root: Path, old: str, new: str, katalog: str) -> None:
    out = git_bytes(root, "diff", "--name-only", "-z", old, new)
    for path in out.decode("utf-8", "replace").split("\0"):
        if path and not path.startswith(katalog + "/"):
            result.warnings.insert(
                0, f"mengubah {path} di luar {katalog}/: perlu pemeriksaan pengelola repositori"
            )


__all__ = ["Review", "ReviewError", "level", "review"]
