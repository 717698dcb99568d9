"""Dates from the Git history: when each innovation was added and last changed.

Read once per run with one ``git log`` (no clock: the same commit gives the same dates on
any machine, in any folder). Outside a Git checkout, or without ``git``, every date is
unknown and the pages and feed say nothing rather than invent one.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType


@dataclass(frozen=True)
class History:
    """Dates keyed by innovation folder (``<opd>/<slug>``); ``data_date`` is the newest."""

    added: Mapping[str, date] = field(default_factory=lambda: MappingProxyType({}))
    changed: Mapping[str, date] = field(default_factory=lambda: MappingProxyType({}))
    data_date: date | None = None


def read_history(root: Path, innovations_dir: Path) -> History:
    """The history of ``innovations_dir`` in the checkout at ``root`` (empty if none)."""
    git = shutil.which("git")
    if git is None or not innovations_dir.is_dir():
        return History()
    command = [git, "log", "--format=@%cs", "--name-status", "--no-renames", "--", "."]
    result = subprocess.run(  # noqa: S603 - fixed argv, no shell
        command, cwd=innovations_dir, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        return History()
    prefix = _prefix(git, innovations_dir)
    added: dict[str, date] = {}
    changed: dict[str, date] = {}
    newest: date | None = None
    day: date | None = None
    for line in result.stdout.splitlines():
        if line.startswith("@"):
            day = date.fromisoformat(line[1:])
            newest = newest or day
            continue
        status, _, path = line.partition("\t")
        parts = path.removeprefix(prefix).split("/")
        if day is None or len(parts) != 3 or parts[2] != "inovasi.yaml":
            continue
        key = f"{parts[0]}/{parts[1]}"
        changed.setdefault(key, day)  # newest first: the first date seen is the last change
        if status == "A":
            added[key] = day  # the oldest addition wins (a file deleted and re-added)
    return History(MappingProxyType(added), MappingProxyType(changed), newest)


def _prefix(git: str, folder: Path) -> str:
    result = subprocess.run(  # noqa: S603
        [git, "rev-parse", "--show-prefix"], cwd=folder, capture_output=True, text=True, check=False
    )
    return result.stdout.strip()


def first_committed(folder: Path, name: str) -> int | None:
    """When ``folder/name`` was first added in the history of ``HEAD`` (committer time, Unix
    seconds), or ``None`` when it is not committed (new in the working copy) or there is no
    Git. Used to tell which of two innovations with one slug came first (R401)."""
    git = shutil.which("git")
    if git is None or not folder.is_dir():
        return None
    result = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [git, "log", "--diff-filter=A", "--no-renames", "--format=%ct", "--", name],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    times = result.stdout.split() if result.returncode == 0 else []
    return min(int(t) for t in times) if times else None


def known_to_git(root: Path, relative: str) -> bool:
    """True when ``relative`` (a path under ``root``) was ever committed in the history of
    ``HEAD``: a path missing from the working copy that Git knows was removed or renamed,
    not mistyped. ``False`` without Git."""
    git = shutil.which("git")
    if git is None or not root.is_dir():
        return False
    result = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [git, "log", "-1", "--format=%H", "--", relative],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0 and bool(result.stdout.strip())
