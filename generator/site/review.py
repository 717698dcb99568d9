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

Everything a contributor wrote is printed as inert Markdown (:func:`inert`, :func:`code`):
mentions, links, images and HTML render as text in the pull-request comment.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.base import vocab
from generator.base.diagnostics import Finding, Severity
from generator.catalogue.records import INOVASI_FILE, OPD_FILE, VERIFIKASI_FILE, Catalogue
from generator.iid.scoring import InnovationScore
from generator.site import pipeline

MANY_REMOVED = 3
"""More removals than this in one change is a warning."""
SHOWN = 80
"""Characters of an old or new value shown in the summary."""
PDF_READ_LIMIT = 20 * 1024 * 1024
"""Larger PDFs are not opened for their title (the media rules refuse them anyway)."""

DOCUMENT_KINDS: dict[str, tuple[str, ...]] = {
    "surat edaran": ("surat edaran",),
    "keputusan": ("keputusan", "sk "),
    "peraturan": ("peraturan", "perbup", "perda"),
    "laporan": ("laporan",),
    "linimasa": ("linimasa", "timeline", "jadwal"),
    "notulen": ("notulen", "notula"),
    "daftar hadir": ("daftar hadir",),
}
"""A document's kind, from the words its title starts with; an evidence whose kind is not
among the words of its indicator (name, parameters, expected evidence) is a warning."""


class ReviewError(Exception):
    """The comparison cannot be made (no Git, unknown base); the message is Indonesian."""


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
        return any(f.severity is Severity.ERROR for f in self.findings)


# ---- Git ------------------------------------------------------------------------------------


def _git_bytes(root: Path, *args: str) -> bytes:
    git = shutil.which("git")
    if git is None:
        raise ReviewError("git tidak terpasang; sepeda review memerlukan git")
    result = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [git, *args], cwd=root, capture_output=True, check=False
    )
    if result.returncode != 0:
        raise ReviewError(
            f"perintah git gagal ({args[0]}); pastikan folder ini repositori Git dengan "
            "riwayat lengkap (di CI: fetch-depth 0)"
        )
    return result.stdout


def _git(root: Path, *args: str) -> str:
    return _git_bytes(root, *args).decode("utf-8", "replace")


def _commit(root: Path, ref: str, role: str) -> str:
    """The commit ``ref`` names; an Indonesian message when Git does not know it."""
    git = shutil.which("git")
    if git is None:
        raise ReviewError("git tidak terpasang; sepeda review memerlukan git")
    if ref.startswith("-"):
        raise ReviewError(f"{role} '{ref}' tidak sah: tulis nama cabang atau commit")
    found = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [git, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if found.returncode != 0:
        inside = subprocess.run(  # noqa: S603 - fixed argv, no shell
            [git, "rev-parse", "--git-dir"], cwd=root, capture_output=True, check=False
        )
        if inside.returncode != 0:
            raise ReviewError(
                "folder proyek ini bukan repositori Git; sepeda review memerlukan git"
            )
        raise ReviewError(
            f"{role} '{ref}' tidak dikenal di repositori ini; tulis nama cabang atau commit "
            "yang ada, misalnya main atau origin/main (di CI: ambil dulu cabangnya dengan "
            "git fetch)"
        )
    return found.stdout.decode().strip()


def _tree(root: Path, commit: str, katalog: str) -> dict[str, tuple[str, int]]:
    """Every file of the catalogue folder at ``commit``: path → (blob hash, size)."""
    found: dict[str, tuple[str, int]] = {}
    listing = _git_bytes(root, "ls-tree", "-r", "-l", "-z", commit, "--", katalog)
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, path = entry.decode("utf-8", "replace").split("\t", 1)
        _mode, kind, blob, size = meta.split()
        if kind == "blob":
            found[path] = (blob, int(size) if size.isdigit() else 0)
    return found


def _extract(root: Path, commit: str, katalog: str, into: Path) -> None:
    """The catalogue folder and ``mkdocs.yml`` at ``commit`` extracted into ``into``."""
    top = set(_git(root, "ls-tree", "--name-only", commit).splitlines())
    wanted = [p for p in (katalog.split("/")[0], "mkdocs.yml") if p in top]
    into.mkdir(parents=True, exist_ok=True)
    if not wanted:
        return
    archive = _git_bytes(root, "archive", "--format=tar", commit, "--", *wanted)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def _renames(root: Path, old: str, new: str, katalog: str) -> dict[str, str]:
    """Files Git sees as moved between the two commits: new path → old path."""
    out = _git_bytes(root, "diff", "--name-status", "-z", "-M", old, new, "--", katalog)
    fields = out.decode("utf-8", "replace").split("\0")
    moved: dict[str, str] = {}
    index = 0
    while index < len(fields) - 1:
        status = fields[index]
        if status.startswith(("R", "C")):
            moved[fields[index + 2]] = fields[index + 1]
            index += 3
        else:
            index += 2
    return moved


def _uncommitted(root: Path) -> list[str]:
    out = _git(root, "status", "--porcelain", "--untracked-files=all")
    return sorted(line[3:] for line in out.splitlines() if line[3:])


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


# ---- Evidence -------------------------------------------------------------------------------


def pdf_facts(path: Path) -> tuple[str | None, str | None]:
    """A PDF's title (the first heading lines of its first page, else its metadata title)
    and its number (``Nomor ...``), when it has them; never raises."""
    try:
        if not path.is_file() or path.stat().st_size > PDF_READ_LIMIT:
            return None, None
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(path.read_bytes()))
        text = reader.pages[0].extract_text() if reader.pages else ""
        meta = reader.metadata.title if reader.metadata is not None else None
    except Exception:  # a broken PDF has its own finding; no title then
        return None, None
    lines = [" ".join(line.split()) for line in (text or "").splitlines()]
    lines = [line for line in lines if line][:12]
    number = None
    for line in lines:
        match = re.match(r"(?i)nomor\s*:?\s*(\S.{0,60})$", line)
        if match:
            number = match.group(1).strip()
            break
    heading = [line for line in lines if not re.match(r"(?i)nomor\b", line)][:3]
    title = " ".join(heading) or (str(meta) if meta else None)
    return (title[:160] if title else None), number


def document_kind(title: str) -> str | None:
    """The kind of document a title names (``surat edaran``, ``keputusan`` ...), if any."""
    folded = " " + " ".join(title.casefold().split()) + " "
    found = [
        (folded.find(word), kind)
        for kind, words in DOCUMENT_KINDS.items()
        for word in words
        if word in folded
    ]
    return min(found)[1] if found else None


def _fits(kind: str, indicator_words: str) -> bool:
    folded = " " + " ".join(indicator_words.casefold().split()) + " "
    return any(word in folded for word in DOCUMENT_KINDS[kind])


# ---- The comparison ---------------------------------------------------------------------


def review(settings: pipeline.Settings, base: str, head: str = "HEAD") -> Review:
    """Compare the commit ``head`` of the project of ``settings`` with its merge base with
    ``base``; both trees are read from Git, with the same settings."""
    root, katalog = settings.root, settings.katalog
    base_commit = _commit(root, base, "pembanding")
    head_commit = _commit(root, head, "commit usulan")
    merge_base = _git(root, "merge-base", base_commit, head_commit).strip()
    result = Review(base, head, (merge_base[:12], head_commit[:12]))
    if head == "HEAD":
        result.uncommitted = _uncommitted(root)
    before_files = _tree(root, merge_base, katalog)
    after_files = _tree(root, head_commit, katalog)
    moved = _renames(root, merge_base, head_commit, katalog)
    with tempfile.TemporaryDirectory(prefix="sepeda-review-") as tmp:
        then_root, now_root = Path(tmp) / "dasar", Path(tmp) / "usulan"
        _extract(root, merge_base, katalog, then_root)
        _extract(root, head_commit, katalog, now_root)
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
        item.valid = not any(f.severity is Severity.ERROR for f in item.findings)
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
        said.append(f"klaim {_level(row.claimed_before)} → {_level(row.claimed)}")
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
        said.append(f"penilaian pokja {_level(row.verified_before)} → {_level(row.verified)}")
    return said


def _level(value: int | None) -> str:
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
                if kind is not None and row.words and not _fits(kind, row.words):
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
    out = _git_bytes(root, "diff", "--name-only", "-z", old, new)
    for path in out.decode("utf-8", "replace").split("\0"):
        if path and not path.startswith(katalog + "/"):
            result.warnings.insert(
                0, f"mengubah {path} di luar {katalog}/: perlu pemeriksaan pengelola repositori"
            )


# ---- Inert Markdown -------------------------------------------------------------------------

WORD_JOINER = "\u2060"
_PUNCTUATION = re.compile(r"([\\`*_\[\]()#!|<>~&])")
"""What can start inline Markdown or HTML; inert text never starts a line, so block markers
(``-``, ``+``, ``1.``) need no escape."""


def inert(text: str) -> str:
    """Contributor text as Markdown that renders as exactly that text: one line, every
    Markdown and HTML metacharacter backslash-escaped, mentions (``@user``, ``@org/team``),
    issue references (``#12``), autolinks (``https://``, ``www.``) and e-mail addresses
    broken by an invisible word joiner so that GitHub links and notifies nothing."""
    text = " ".join(str(text).split())
    text = text.replace("@", "@" + WORD_JOINER)
    text = re.sub(r"(?i)(www)\.", r"\1" + WORD_JOINER + ".", text)
    text = text.replace("://", ":" + WORD_JOINER + "//")
    text = re.sub(r"#(?=\d)", "#" + WORD_JOINER, text)
    return _PUNCTUATION.sub(r"\\\1", text)


def code(text: str) -> str:
    """Contributor text as a code span (paths, slugs): literal, nothing inside is parsed."""
    body = " ".join(str(text).split()).replace("`", "'")
    return f"`{body}`"


def _kb(size: int | None) -> str:
    if size is None:
        return "–"
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} B"


# ---- Markdown -------------------------------------------------------------------------------


def markdown(r: Review) -> str:
    """The pokja's page for the pull request, in Bahasa Indonesia, inert Markdown."""
    base, head = r.commits
    lines = [
        f"## Ringkasan untuk pokja (dibanding {code(r.base)})",
        "",
        f"Dibandingkan: commit {code(head)} terhadap titik cabang {code(base)}; hanya "
        "perubahan yang sudah di-commit.",
        "",
    ]
    if r.uncommitted:
        lines += [
            f"> Ada {len(r.uncommitted)} berkas yang belum di-commit (tidak ikut dibandingkan): "
            + ", ".join(code(p) for p in r.uncommitted[:10])
            + (" …" if len(r.uncommitted) > 10 else ""),
            "",
        ]
    if r.warnings:
        lines += ["### Perlu keputusan pokja", ""] + [f"- ⚠️ {inert(w)}" for w in r.warnings]
        lines.append("")
    unfinished = [i for i in r.innovations if not i.valid]
    if unfinished:
        lines += ["### Belum selesai atau tidak sah", ""]
        for item in unfinished:
            errors = sum(f.severity is Severity.ERROR for f in item.findings)
            lines.append(
                f"- {code(item.key)}: {errors} galat (temuan di bawah); bukan penghapusan, "
                "inovasi lain tidak berubah"
            )
        lines.append("")
    titles = {"baru": "Inovasi baru", "diubah": "Inovasi diubah", "dipindah": "Inovasi dipindah"}
    for item in r.innovations:
        lines += _innovation_markdown(item, titles[item.state])
    if r.removed:
        lines += ["### Inovasi dihapus", ""]
        for item in r.removed:
            name = f" {inert(item.name)}" if item.name else ""
            lines.append(f"- {code(item.key)}{name} (skor klaim {_level(item.claimed[0])})")
        lines.append("")
    if r.other_files:
        lines += ["### Berkas perangkat daerah", ""]
        lines += [f"- {_file_line(c)}" for c in r.other_files] + [""]
    lines += ["### Temuan pemeriksaan pada berkas yang berubah", ""]
    if r.findings:
        lines += ["```text", *(str(f).replace("```", "'''") for f in r.findings), "```", ""]
    else:
        lines += ["Tidak ada temuan.", ""]
    return "\n".join(lines)


def _file_line(c: FileChange) -> str:
    if c.kind == "diganti":
        return f"diganti isinya {code(c.path)} ({_kb(c.old_size)} → {_kb(c.size)})"
    if c.kind == "dihapus":
        return f"dihapus {code(c.path)} ({_kb(c.old_size)})"
    if c.kind == "dipindah":
        return f"dipindah {code(c.old_path or '')} → {code(c.path)} ({_kb(c.size)})"
    return f"ditambah {code(c.path)} ({_kb(c.size)})"


def _innovation_markdown(item: InnovationReview, title: str) -> list[str]:
    name = inert(item.name) if item.name else "(nama belum terbaca)"
    lines = [f"### {title}: {name} ({code(item.key)})", ""]
    if item.old_key:
        lines += [f"Dipindah dari {code(item.old_key)}.", ""]
    facts = [f"Perangkat daerah: {inert(item.agency or '–')}"]
    if item.stage:
        facts.append(f"tahapan: {inert(item.stage)}")
    facts.append(f"skor klaim: {_level(item.claimed[0])} → {_level(item.claimed[1])}")
    facts.append(f"skor terverifikasi: {_level(item.verified[0])} → {_level(item.verified[1])}")
    lines += ["; ".join(facts) + ".", ""]
    if not item.valid:
        lines += ["Berkas ini belum sah; lihat temuannya di bawah.", ""]
    if item.indicators:
        lines += [
            "| Indikator | Klaim | Bukti dukung | Penilaian pokja | Perubahan |",
            "|---|---|---|---|---|",
        ]
        for row in item.indicators:
            claim = "–"
            if row.claimed is not None:
                claim = str(row.claimed) + (f": {inert(row.parameter)}" if row.parameter else "")
            evidence = "<br>".join(_evidence(e) for e in row.evidence) or "tanpa bukti"
            verdict = _level(row.verified)
            if row.note:
                verdict += f": {inert(row.note)}"
            changes = "; ".join(inert(c) for c in row.changes) or ""
            lines.append(f"| {inert(row.name)} | {claim} | {evidence} | {verdict} | {changes} |")
        lines.append("")
    if item.fields:
        lines += ["| Isian | Sebelum | Sesudah |", "|---|---|---|"]
        lines += [f"| {code(k)} | {inert(a)} | {inert(b)} |" for k, a, b in item.fields]
        lines.append("")
    if item.files:
        lines += ["Berkas:", ""] + [f"- {_file_line(c)}" for c in item.files] + [""]
    return lines


def _evidence(e: EvidenceItem) -> str:
    if e.size is not None or not e.name.startswith("https://"):
        text = f"{code(e.name)} ({_kb(e.size)})"
    else:
        text = inert(e.name)
    if e.title:
        text += f", {inert(e.title)}"
    if e.number:
        text += f", nomor {inert(e.number)}"
    if e.change:
        text += f" ({inert(e.change)})"
    return text


# ---- JSON -----------------------------------------------------------------------------------


def _file_json(c: FileChange) -> dict[str, Any]:
    return {"berkas": c.path, "perubahan": c.kind, "ukuran": c.size, "ukuran_lama": c.old_size,
            "dari": c.old_path}  # fmt: skip


def as_json(r: Review) -> str:
    def innovation(i: InnovationReview) -> dict[str, Any]:
        return {
            "kunci": i.key,
            "keadaan": i.state,
            "dari": i.old_key,
            "nama": i.name,
            "perangkat_daerah": i.agency,
            "tahapan": i.stage,
            "sah": i.valid,
            "skor_klaim": {"sebelum": i.claimed[0], "sesudah": i.claimed[1]},
            "skor_terverifikasi": {"sebelum": i.verified[0], "sesudah": i.verified[1]},
            "indikator": [
                {
                    "kunci": row.key,
                    "nama": row.name,
                    "klaim": {"sebelum": row.claimed_before, "sesudah": row.claimed},
                    "parameter": row.parameter,
                    "bukti": [
                        {
                            "nama": e.name,
                            "ukuran": e.size,
                            "judul": e.title,
                            "nomor": e.number,
                            "perubahan": e.change,
                        }
                        for e in row.evidence
                    ],
                    "pokja": {"sebelum": row.verified_before, "sesudah": row.verified},
                    "catatan_pokja": row.note,
                    "perubahan": row.changes,
                }
                for row in i.indicators
            ],
            "isian": [{"isian": f, "sebelum": a, "sesudah": b} for f, a, b in i.fields],
            "berkas": [_file_json(c) for c in i.files],
            "temuan": [str(f) for f in i.findings],
        }

    data = {
        "base": r.base,
        "commit": {"titik_cabang": r.commits[0], "usulan": r.commits[1]},
        "inovasi": [innovation(i) for i in r.innovations],
        "dihapus": [innovation(i) for i in r.removed],
        "berkas_lain": [_file_json(c) for c in r.other_files],
        "peringatan": r.warnings,
        "temuan": [str(f) for f in r.findings],
        "belum_dicommit": r.uncommitted,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


__all__ = ["Review", "ReviewError", "as_json", "code", "inert", "markdown", "review"]
