"""Discovery and assembly: the ``innovations/`` tree in, an immutable :class:`Catalogue` out.

Walks ``innovations/<opd>/opd.yaml`` and ``innovations/<opd>/<slug>/{inovasi,verifikasi}.yaml``
in sorted order, reads and validates every file, runs the cross-file rules of
:mod:`generator.checks`, and builds the catalogue only when no error was found. Every
problem of the whole run comes back at once as findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from generator import checks
from generator.diagnostics import Finding, Severity, has_errors, sort_findings
from generator.models import AnyInovasi, Inovasi, InovasiBerita, Opd, Verifikasi
from generator.reference import Reference, load_reference
from generator.validate import validate_document
from generator.yamlfile import Document, YamlProblem, read_yaml

M = TypeVar("M", bound=BaseModel)

OPD_FILE = "opd.yaml"
INOVASI_FILE = "inovasi.yaml"
VERIFIKASI_FILE = "verifikasi.yaml"


@dataclass(frozen=True, eq=False)
class Source:
    """A validated file: its model, its parsed document (for positions) and its text."""

    path: str
    doc: Document
    text: str


@dataclass(frozen=True, eq=False)
class Agency:
    """An agency (``opd.yaml``) with its slug."""

    slug: str
    data: Opd
    source: Source


@dataclass(frozen=True, eq=False)
class Innovation:
    """An innovation: its profile, the pokja's verification if any, and where it lives."""

    slug: str
    opd: str
    data: AnyInovasi
    folder: Path
    source: Source
    verifikasi: Verifikasi | None = None
    verifikasi_source: Source | None = None

    @property
    def url(self) -> str:
        """Public URL relative to the site root (permanent)."""
        return f"inovasi/{self.slug}/"


@dataclass(frozen=True, eq=False)
class Catalogue:
    """Every agency and innovation, sorted by slug, plus the national reference data."""

    agencies: tuple[Agency, ...]
    innovations: tuple[Innovation, ...]
    reference: Reference
    _by_agency: dict[str, Agency] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_agency.update({a.slug: a for a in self.agencies})

    def agency(self, slug: str) -> Agency:
        """The agency with this slug."""
        return self._by_agency[slug]

    def innovations_of(self, opd: str) -> list[Innovation]:
        """The agency's innovations, sorted by slug."""
        return [i for i in self.innovations if i.opd == opd]

    def children_of(self, opd: str) -> list[Agency]:
        """Agencies whose ``induk`` is this one."""
        return [a for a in self.agencies if a.data.induk == opd]

    def innovation(self, slug: str) -> Innovation | None:
        """The innovation with this slug, if any."""
        return next((i for i in self.innovations if i.slug == slug), None)


def display_path(path: Path, root: Path) -> str:
    """A path as shown in findings: relative to the project root, forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _finding(path: str, message: str, field: str = "", line: int = 1, column: int = 1) -> Finding:
    return Finding(path, line, column, Severity.ERROR, field, message)


@dataclass
class _Reader:
    """Reads and validates files, collecting findings as it goes."""

    root: Path
    context: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)

    def read(self, path: Path, model: Callable[[Any], type[M]]) -> tuple[M | None, Source | None]:
        """Parse ``path`` once, then validate it against ``model(raw data)``."""
        shown = display_path(path, self.root)
        try:
            doc, text = read_yaml(path)
        except YamlProblem as problem:
            self.findings.append(
                _finding(
                    shown, problem.message, problem.field, problem.line or 1, problem.column or 1
                )
            )
            return None, None
        source = Source(shown, doc, text)
        self.findings.extend(checks.personal_data(source))
        record, problems = validate_document(model(doc.data), doc, shown, self.context)
        self.findings.extend(problems)
        return record, source


def _folders(path: Path) -> Iterator[Path]:
    yield from sorted((p for p in path.iterdir() if p.is_dir() and not p.is_symlink()), key=str)


def _stray_files(folder: Path, expected: set[str], root: Path, what: str) -> list[Finding]:
    findings = []
    for entry in sorted(folder.iterdir(), key=str):
        if entry.name.startswith("."):
            continue
        if (entry.is_file() or entry.is_symlink()) and entry.name not in expected:
            findings.append(
                _finding(
                    display_path(entry, root),
                    f"berkas '{entry.name}' tidak pada tempatnya; {what}",
                )
            )
    return findings


def _inovasi_model(raw: Any) -> type[AnyInovasi]:
    is_news = isinstance(raw, dict) and raw.get("sumber_data") == "berita"
    return InovasiBerita if is_news else Inovasi


def load_catalogue(
    innovations_dir: Path, root: Path, today: date
) -> tuple[Catalogue | None, list[Finding]]:
    """Read, validate and cross-check the whole tree.

    Returns the catalogue (``None`` when any error was found) and every finding, sorted.
    """
    reader = _Reader(root=root, context={"today": today})
    if not innovations_dir.is_dir():
        shown = display_path(innovations_dir, root)
        return None, [_finding(shown, "folder katalog tidak ditemukan; buat folder innovations/")]
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
    for opd_dir in _folders(innovations_dir):
        agency_folders.append(opd_dir.name)
        agency = _read_agency(opd_dir, reader)
        if agency is not None:
            agencies.append(agency)
        for folder in _folders(opd_dir):
            innovation_folders.append(folder.name)
            innovation = _read_innovation(folder, opd_dir.name, reader)
            if innovation is not None:
                innovations.append(innovation)
    catalogue = Catalogue(tuple(agencies), tuple(innovations), load_reference())
    reader.findings += checks.run_all(catalogue, agency_folders, innovation_folders)
    findings = sort_findings(reader.findings)
    return (None if has_errors(findings) else catalogue), findings


def _read_agency(opd_dir: Path, reader: _Reader) -> Agency | None:
    shown = display_path(opd_dir / OPD_FILE, reader.root)
    reader.findings += checks.check_slug(opd_dir.name, shown, "perangkat daerah")
    reader.findings += _stray_files(
        opd_dir,
        {OPD_FILE},
        reader.root,
        "di folder perangkat daerah hanya boleh ada opd.yaml dan folder-folder inovasi",
    )
    if not (opd_dir / OPD_FILE).is_file():
        reader.findings.append(
            _finding(
                shown,
                "folder perangkat daerah belum punya opd.yaml; minta pokja membuatnya "
                "(berisi nama dan jenis perangkat daerah)",
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
    if not profile.is_file():
        reader.findings.append(
            _finding(
                shown,
                "folder inovasi belum punya inovasi.yaml; buat dengan perintah "
                f"'sepeda new {opd} \"Nama Inovasi\"'",
            )
        )
        return None
    record, source = reader.read(profile, _inovasi_model)
    verifikasi: Verifikasi | None = None
    verifikasi_source: Source | None = None
    if (folder / VERIFIKASI_FILE).is_file():
        verifikasi, verifikasi_source = reader.read(
            folder / VERIFIKASI_FILE, lambda _raw: Verifikasi
        )
    if record is None or source is None:
        return None
    return Innovation(folder.name, opd, record, folder, source, verifikasi, verifikasi_source)
