"""The catalogue as data: agencies, innovations and where each came from (immutable).

Built by :mod:`generator.catalogue.loader` only when no error was found; read by the checks, the
scoring and the page plan. No I/O here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.record.models import AnyInovasi, Opd, Verifikasi
from generator.record.reference import Reference
from generator.record.yamlfile import Document

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


@dataclass(frozen=True, eq=False)
class Catalogue:
    """Every agency and innovation, sorted by slug, plus the national reference data."""

    agencies: tuple[Agency, ...]
    innovations: tuple[Innovation, ...]
    reference: Reference
    _by_agency: dict[str, Agency] = field(default_factory=dict, repr=False)
    _by_slug: dict[str, Innovation] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_agency.update({a.slug: a for a in self.agencies})
        self._by_slug.update({i.slug: i for i in reversed(self.innovations)})

    def agency(self, slug: str) -> Agency:
        """The agency with this slug."""
        return self._by_agency[slug]

    def innovation(self, slug: str) -> Innovation | None:
        """The innovation with this slug, if any."""
        return self._by_slug.get(slug)


def display_path(path: Path, root: Path) -> str:
    """A path as shown in findings: relative to the project root, forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
