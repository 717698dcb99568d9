"""``sepeda review``'s reading of Git: commits, trees, renames and archives of the catalogue,
with an Indonesian message for whatever Git cannot answer (:class:`ReviewError`)."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from pathlib import Path


class ReviewError(Exception):
    """The comparison cannot be made (no Git, unknown base); the message is Indonesian."""


def git_bytes(root: Path, *args: str) -> bytes:
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


def git_text(root: Path, *args: str) -> str:
    return git_bytes(root, *args).decode("utf-8", "replace")


def commit_of(root: Path, ref: str, role: str) -> str:
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


def tree(root: Path, commit: str, katalog: str) -> dict[str, tuple[str, int]]:
    """Every file of the catalogue folder at ``commit``: path → (blob hash, size)."""
    found: dict[str, tuple[str, int]] = {}
    listing = git_bytes(root, "ls-tree", "-r", "-l", "-z", commit, "--", katalog)
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, path = entry.decode("utf-8", "replace").split("\t", 1)
        _mode, kind, blob, size = meta.split()
        if kind == "blob":
            found[path] = (blob, int(size) if size.isdigit() else 0)
    return found


def extract(root: Path, commit: str, katalog: str, into: Path) -> None:
    """The catalogue folder and ``mkdocs.yml`` at ``commit`` extracted into ``into``."""
    top = set(git_text(root, "ls-tree", "--name-only", commit).splitlines())
    wanted = [p for p in (katalog.split("/")[0], "mkdocs.yml") if p in top]
    into.mkdir(parents=True, exist_ok=True)
    if not wanted:
        return
    archive = git_bytes(root, "archive", "--format=tar", commit, "--", *wanted)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def renames(root: Path, old: str, new: str, katalog: str) -> dict[str, str]:
    """Files Git sees as moved between the two commits: new path → old path."""
    out = git_bytes(root, "diff", "--name-status", "-z", "-M", old, new, "--", katalog)
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


def uncommitted(root: Path) -> list[str]:
    out = git_text(root, "status", "--porcelain", "--untracked-files=all")
    return sorted(line[3:] for line in out.splitlines() if line[3:])
