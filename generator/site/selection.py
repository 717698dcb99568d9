"""``sepeda check PATH...``: the whole check's verdict on the given files and folders.

The CI passes the paths a pull request adds, changes, renames or removes
(``git diff --name-only --no-renames``), so a path here may no longer exist. Each path
becomes a *scope* of findings:

- a file of an innovation stands for its whole folder (lowering a claim in ``inovasi.yaml``
  makes ``verifikasi.yaml`` wrong, removing a file makes its reference wrong);
- a path that does not exist but that Git has known was removed or renamed: nothing is
  reported on it, but the records that referred to what it held are in scope (another
  innovation's ``replikasi.inovasi``, another agency's ``induk``);
- a path that neither exists nor was ever committed is a usage error (a typo).

Findings outside the catalogue folder (``mkdocs.yml``) always show. Errors elsewhere are
counted, so the caller can say that the whole catalogue has more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.base.diagnostics import Finding, Severity
from generator.base.history import known_to_git
from generator.catalogue.records import INOVASI_FILE, OPD_FILE, Catalogue


@dataclass(frozen=True)
class Selection:
    """What ``sepeda check PATH...`` shows."""

    findings: tuple[Finding, ...]
    removed: tuple[str, ...] = ()
    """Paths (project-relative) that no longer exist: removed or renamed."""
    elsewhere: int = 0
    """Errors of the whole check outside the selection (shown by ``sepeda check``)."""


def relative(path: str, root: Path, cwd: Path) -> str:
    """A PATH argument as a project-relative path with '/' (from any working folder)."""
    given = Path(path)
    absolute = (given if given.is_absolute() else cwd / given).resolve()
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return given.as_posix().strip("/")


def unknown(paths: Sequence[str], root: Path, cwd: Path) -> tuple[str, ...]:
    """The paths (as given) that do not exist and never did: typing mistakes."""
    missing = [p for p in paths if not (cwd / p).exists()]
    return tuple(p for p in missing if not known_to_git(root, relative(p, root, cwd)))


def default_paths(root: Path, katalog: str, cwd: Path) -> tuple[str, ...]:
    """``sepeda check`` without PATH: the current folder when it lies inside the catalogue
    (an agency's or an innovation's folder), otherwise everything."""
    folder = (root / katalog).resolve()
    here = cwd.resolve()
    if here != folder and folder in here.parents:
        return (".",)
    return ()


def _scope(path: str, katalog: str) -> str:
    """A file of an innovation stands for the innovation's folder."""
    parts = path.split("/")
    base = len(katalog.strip("/").split("/"))
    if path.startswith(katalog.strip("/") + "/") and len(parts) > base + 2:
        return "/".join(parts[: base + 2])
    return path


def _within(finding_path: str, scope: str) -> bool:
    return scope in ("", ".") or finding_path == scope or finding_path.startswith(scope + "/")


def _gone(path: str, katalog: str, root: Path) -> tuple[set[str], set[str]]:
    """The innovation slugs and agency slugs a removed path took away."""
    inside = katalog.strip("/") + "/"
    if not path.startswith(inside):
        return set(), set()
    parts = path.removeprefix(inside).split("/")
    folder = root / katalog
    agencies = {parts[0]} if not (folder / parts[0]).is_dir() else set()
    slugs = set()
    if len(parts) >= 2 and parts[1] != OPD_FILE and not (folder / parts[0] / parts[1]).is_dir():
        slugs.add(parts[1])
    return slugs, agencies


def _referrers(catalogue: Catalogue | None, slugs: set[str], agencies: set[str]) -> list[str]:
    """The records that named a removed innovation or agency."""
    if catalogue is None:
        return []
    found = [
        innovation.source.path.rsplit("/", 1)[0]
        for innovation in catalogue.innovations
        if any(item.inovasi in slugs for item in innovation.data.replikasi)
    ]
    found += [a.source.path for a in catalogue.agencies if a.data.induk in agencies]
    return found


def scope_of(paths: Sequence[str], *, root: Path, katalog: str, cwd: Path) -> frozenset[str] | None:
    """The folders a check of ``paths`` must read: each innovation's folder, each agency's
    folder, and the folders of records that referred to a removed innovation (found by
    their text, without reading every record). ``None`` (read everything) when a path is
    the catalogue itself or lies outside it."""
    inside = katalog.strip("/") + "/"
    given = [relative(p, root, cwd) for p in paths]
    if any(not p.startswith(inside) for p in given):
        return None
    scopes = {_scope(p, katalog) for p in given}
    gone: set[str] = set()
    for path in given:
        if not (root / path).exists():
            gone |= _gone(path, katalog, root)[0]
    if gone:
        for profile in sorted((root / katalog).glob("*/*/" + INOVASI_FILE)):
            text = profile.read_text(encoding="utf-8", errors="replace")
            if any(re.search(rf"inovasi:\s*['\"]?{re.escape(slug)}\b", text) for slug in gone):
                scopes.add(profile.parent.relative_to(root).as_posix())
    return frozenset(scopes)


def select(
    findings: Sequence[Finding],
    paths: Sequence[str],
    *,
    root: Path,
    katalog: str,
    cwd: Path,
    catalogue: Catalogue | None,
) -> Selection:
    """The findings on ``paths`` (as given from ``cwd``) and on what they concern.

    ``catalogue`` holds every record valid on its own (the loader's partial catalogue), to
    find the records that referred to a removed path."""
    given = [relative(p, root, cwd) for p in paths]
    removed = [p for p in paths if not (cwd / p).exists()]
    scopes = [_scope(p, katalog) for p in given]
    gone_slugs: set[str] = set()
    gone_agencies: set[str] = set()
    for path in (relative(p, root, cwd) for p in removed):
        slugs, agencies = _gone(path, katalog, root)
        gone_slugs |= slugs
        gone_agencies |= agencies
    scopes += _referrers(catalogue, gone_slugs, gone_agencies)
    inside = katalog.strip("/") + "/"
    shown = [
        any(_within(f.path, s) for s in scopes) or not f.path.startswith(inside) for f in findings
    ]
    chosen = tuple(f for f, keep in zip(findings, shown, strict=True) if keep)
    errors = (f.severity is Severity.ERROR for f in findings)
    elsewhere = sum(1 for keep, error in zip(shown, errors, strict=True) if error and not keep)
    return Selection(chosen, tuple(removed), elsewhere)
