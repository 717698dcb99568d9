"""Discovery: the ``innovations/`` tree in, an immutable :class:`Catalogue` and findings out.

Walks ``innovations/<opd>/opd.yaml`` and ``innovations/<opd>/<slug>/{inovasi,verifikasi}.yaml``
in sorted order, reads and validates every file (each read once), runs the cross-file rules
of :mod:`generator.catalogue.checks`, and builds the catalogue only when no error was found. Every
problem of the whole run comes back at once as findings.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from generator.base.codes import Code
from generator.base.diagnostics import Finding, Severity, has_errors, sort_findings
from generator.catalogue import checks, media_batch
from generator.catalogue.records import (
    INOVASI_FILE,
    OPD_FILE,
    VERIFIKASI_FILE,
    Agency,
    Catalogue,
    Innovation,
    Source,
    display_path,
)
from generator.record.models import AnyInovasi, Inovasi, InovasiBerita, Opd, Verifikasi
from generator.record.reference import Reference
from generator.record.validate import validate_document
from generator.record.yamlfile import YamlProblem, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Loaded:
    """What reading the catalogue gives: the catalogue (None on any error), findings, media."""

    catalogue: Catalogue | None
    findings: list[Finding]
    media: dict[str, bytes]
    partial: Catalogue | None = None
    """Every record that was valid on its own, even when the run has errors (for review)."""


def _finding(
    path: str, message: str, code: Code, field: str = "(berkas)", line: int = 1, column: int = 1
) -> Finding:
    return Finding(path, line, column, Severity.ERROR, field, message, code)


_Read = tuple[BaseModel | None, Source | None, tuple[Finding, ...]]


@dataclass
class Memo:
    """What a long-running process (``sepeda serve``) remembers between builds.

    A file whose path, size and modification time are unchanged is not parsed and validated
    again, and a media file whose bytes are unchanged is not decoded again; everything else
    is computed as in a fresh process, so the result is the same. Valid for one project
    and one ``today``: :func:`load_catalogue` forgets it when ``today`` changes.
    """

    today: date | None = None
    documents: dict[tuple[str, int, int], _Read] = field(default_factory=dict)
    media: media_batch.MediaMemo = field(default_factory=media_batch.MediaMemo)


@dataclass
class _Reader:
    """Reads and validates files, collecting findings as it goes."""

    root: Path
    context: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    memo: Memo | None = None

    def read(self, path: Path, model: Callable[[Any], type[M]]) -> tuple[M | None, Source | None]:
        """Parse ``path`` once, then validate it against ``model(raw data)``."""
        if self.memo is None:
            record, source, findings = self._read(path, model)
        else:
            info = path.lstat()  # a symbolic link is refused by read_yaml, never followed
            key = (str(path), info.st_size, info.st_mtime_ns)
            known = self.memo.documents.get(key)
            if known is None:
                known = self.memo.documents[key] = self._read(path, model)
            record, source, findings = known
        self.findings.extend(findings)
        return record, source  # type: ignore[return-value]  # model(raw) decided its type

    def _read(self, path: Path, model: Callable[[Any], type[M]]) -> _Read:
        shown = display_path(path, self.root)
        try:
            doc, text = read_yaml(path)
        except YamlProblem as first:
            refused = (
                _finding(shown, p.message, p.code, p.field, p.line or 1, p.column or 1)
                for p in first.problems
            )
            return None, None, tuple(refused)
        source = Source(shown, doc, text)
        record, problems = validate_document(model(doc.data), doc, shown, self.context)
        return record, source, (*checks.personal_data(source), *problems)


def _folders(path: Path) -> Iterator[Path]:
    yield from sorted((p for p in path.iterdir() if p.is_dir() and not p.is_symlink()), key=str)


def _stray_files(folder: Path, expected: set[str], root: Path, what: str) -> list[Finding]:
    findings = []
    for entry in sorted(folder.iterdir(), key=str):
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and entry.name not in expected:
            findings.append(
                _finding(
                    display_path(entry, root),
                    f"'{entry.name}' adalah tautan simbolik (symlink), bukan folder atau berkas "
                    "sungguhan; tautan bisa menunjuk ke luar repositori dan tidak dibaca: hapus "
                    "tautan itu (git rm) dan simpan folder atau berkas aslinya di sini",
                    Code.SYMLINK,
                )
            )
            continue
        if entry.is_file() and entry.name not in expected:
            findings.append(
                _finding(
                    display_path(entry, root),
                    f"berkas '{entry.name}' tidak pada tempatnya; {what}",
                    Code.FILE_MISPLACED,
                )
            )
    return findings


def _inovasi_model(raw: Any) -> type[AnyInovasi]:
    is_news = isinstance(raw, dict) and raw.get("sumber_data") == "berita"
    return InovasiBerita if is_news else Inovasi


def load_catalogue(
    innovations_dir: Path,
    root: Path,
    today: date,
    reference: Reference,
    *,
    pemda: str,
    publish: bool = False,
    memo: Memo | None = None,
    scope: frozenset[str] | None = None,
) -> Loaded:
    """Read, validate and cross-check the whole tree, or the part ``scope`` names.

    Returns the catalogue (``None`` when any error was found), every finding (sorted) and,
    with ``publish``, the published bytes of every media file (checked and re-encoded in one
    pass). ``pemda`` is the catalogue's own regional government (a record naming another is
    refused). ``memo`` (``sepeda serve``) skips the work whose inputs did not change.

    ``scope`` (``sepeda check PATH``): project-relative folders (an agency's, an
    innovation's); only the innovations inside them, and those sharing a slug with one of
    them, are read and checked. Every agency is read and every folder name is known, so the
    cross-file rules about the scope (slugs, ``induk``, ``replikasi``) hold as in a whole check.

    The garbage collector pauses while the tree is read: every record read is kept, so its
    full collections, which walk them all again and again, found nothing and cost 15% of a
    whole check at 2,000 innovations. Its state is restored afterwards.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load(innovations_dir, root, today, reference, pemda, publish, memo, scope)
    finally:
        if paused:
            gc.enable()


def _load(
    innovations_dir: Path,
    root: Path,
    today: date,
    reference: Reference,
    pemda: str,
    publish: bool,
    memo: Memo | None,
    scope: frozenset[str] | None,
) -> Loaded:
    if memo is not None and memo.today != today:
        memo.today, memo.documents = today, {}
    context = {"today": today, "reference": reference}
    reader = _Reader(root=root, context=context, memo=memo)
    if not innovations_dir.is_dir():
        shown = display_path(innovations_dir, root)
        missing = _finding(
            shown,
            "folder katalog tidak ditemukan; buat folder innovations/",
            Code.YAML_FILE_MISSING,
            "(folder)",
        )
        return Loaded(None, [missing], {})
    reader.findings += _stray_files(
        innovations_dir,
        set(),
        root,
        "di folder innovations/ hanya boleh ada folder perangkat daerah",
    )
    agencies: list[Agency] = []
    innovations: list[Innovation] = []
    agency_folders: list[str] = []
    innovation_folders: list[str] = []
    chosen: list[tuple[Path, str]] = []
    for opd_dir in _folders(innovations_dir):
        agency_folders.append(opd_dir.name)
        agency = _read_agency(opd_dir, reader)
        if agency is not None:
            agencies.append(agency)
        for folder in _folders(opd_dir):
            innovation_folders.append(folder.name)
            chosen.append((folder, opd_dir.name))
    if scope is not None:
        chosen = _in_scope(chosen, scope, root)
    for folder, opd in chosen:
        innovation = _read_innovation(folder, opd, reader)
        if innovation is not None:
            innovations.append(innovation)
    catalogue = Catalogue(tuple(agencies), tuple(innovations), reference)
    cross, media = checks.run_all(
        catalogue,
        agency_folders,
        innovation_folders,
        publish=publish,
        pemda=pemda,
        memo=memo.media if memo is not None else None,
    )
    findings = sort_findings(reader.findings + cross)
    if has_errors(findings):
        return Loaded(None, findings, {}, catalogue)
    return Loaded(catalogue, findings, media, catalogue)


def _in_scope(
    folders: list[tuple[Path, str]], scope: frozenset[str], root: Path
) -> list[tuple[Path, str]]:
    """The innovation folders inside ``scope``, and every folder sharing a slug with one."""

    def inside(folder: Path) -> bool:
        shown = display_path(folder, root)
        return any(shown == s or shown.startswith(s + "/") for s in scope)

    taken = {folder.name for folder, _ in folders if inside(folder)}
    return [(folder, opd) for folder, opd in folders if folder.name in taken]


def _present(path: Path) -> bool:
    """A file, or a symbolic link in its place (read_yaml refuses it with a finding)."""
    return path.is_file() or path.is_symlink()


def _misnamed(folder: Path, expected: str) -> str | None:
    """A file that is clearly ``expected`` with a slip (``inovasi.yml``, ``Inovasi.YAML``)."""
    stem = expected.removesuffix(".yaml")
    for entry in sorted(folder.iterdir(), key=str):
        lower = entry.name.lower().replace(" ", "")
        if (
            entry.is_file()
            and entry.name != expected
            and lower in (f"{stem}.yaml", f"{stem}.yml", f"{stem}.yaml.txt", f"{stem}.txt")
        ):
            return entry.name
    return None


def _read_agency(opd_dir: Path, reader: _Reader) -> Agency | None:
    shown = display_path(opd_dir / OPD_FILE, reader.root)
    reader.findings += checks.check_slug(opd_dir.name, shown, "perangkat daerah")
    reader.findings += _stray_files(
        opd_dir,
        {OPD_FILE},
        reader.root,
        "di folder perangkat daerah hanya boleh ada opd.yaml dan folder-folder inovasi",
    )
    if not _present(opd_dir / OPD_FILE):
        reader.findings.append(
            _finding(
                shown,
                "folder perangkat daerah belum punya opd.yaml; minta pokja membuatnya "
                "(berisi nama dan jenis perangkat daerah)",
                Code.YAML_FILE_MISSING,
            )
        )
        return None
    record, source = reader.read(opd_dir / OPD_FILE, lambda _raw: Opd)
    if record is None or source is None:
        return None
    return Agency(opd_dir.name, record, source)


def _read_innovation(folder: Path, opd: str, reader: _Reader) -> Innovation | None:
    profile = folder / INOVASI_FILE
    shown = display_path(profile, reader.root)
    reader.findings += checks.check_slug(folder.name, shown, "inovasi")
    if not _present(profile):
        misnamed = _misnamed(folder, INOVASI_FILE)
        if misnamed is not None:
            reader.findings.append(
                _finding(
                    display_path(folder / misnamed, reader.root),
                    f"ganti nama berkas '{misnamed}' menjadi '{INOVASI_FILE}' (huruf kecil, "
                    "akhiran .yaml); isinya belum diperiksa",
                    Code.YAML_FILE_MISSING,
                )
            )
            return None
        reader.findings.append(
            _finding(
                shown,
                "folder inovasi belum punya inovasi.yaml; buat dengan perintah "
                f"'sepeda new {opd} \"Nama Inovasi\"'",
                Code.YAML_FILE_MISSING,
            )
        )
        return None
    record, source = reader.read(profile, _inovasi_model)
    verifikasi: Verifikasi | None = None
    verifikasi_source: Source | None = None
    if _present(folder / VERIFIKASI_FILE):
        verifikasi, verifikasi_source = reader.read(
            folder / VERIFIKASI_FILE, lambda _raw: Verifikasi
        )
    if record is None or source is None:
        return None
    return Innovation(folder.name, opd, record, folder, source, verifikasi, verifikasi_source)
