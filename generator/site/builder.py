"""Building the site into a folder safely: the target rules, one build at a time, the swap
(and the live preview of ``sepeda serve``, MkDocs' own server).

``sepeda build --out DIR`` may only replace a folder that is empty, missing, or a previous
site of ours (marked by :data:`MARKER`, which every build writes). It refuses the project
root, any folder that holds the project or its parts (``innovations/``, ``.git``,
``docs/``, ``mkdocs.yml``), any folder inside them, and anything else that is not ours; it
never deletes what it did not create. Builds of the same target take turns (an exclusive
lock file beside the target, removed when the build ends; a second build waits). The site
is built into a temporary folder beside the target, scanned (the plugin's output scan),
made readable (directories 0755, files 0644), and swapped in; temporary folders left by a
killed build are removed by the next build of that target and are ignored by Git.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.base import urls
from generator.base.codes import Code
from generator.base.diagnostics import Finding, Severity, has_errors
from generator.site import search_index

MARKER = ".sepeda-situs"
"""File at the root of every site this command built; only such a folder is ever replaced."""
MARKER_TEXT = (
    "Situs ini dibangun oleh 'sepeda build'; folder ini boleh diganti oleh build berikutnya.\n"
)
PROTECTED = (urls.CATALOGUE_DIR, ".git", "docs", "mkdocs.yml", "generator", "overrides", "tests")
_PLUGIN_MESSAGES = ("Katalog tidak dapat diterbitkan", "Pemeriksaan keluaran menolak")


class BuildRefused(Exception):
    """The target folder must not be written; ``finding`` says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.finding = Finding("--out", 0, 0, Severity.ERROR, "--out", message, Code.BUILD_TARGET)


@dataclass(frozen=True)
class Outcome:
    """How a build ended: ``ok``, ``errors`` (findings) or ``failure`` (internal)."""

    status: Literal["ok", "errors", "failure"]
    findings: tuple[Finding, ...]
    message: str = ""


class ServeRefused(Exception):
    """``sepeda serve`` cannot start; the message (Bahasa Indonesia) says what to do."""


def os_error_message(exc: OSError) -> str | None:
    """What to do about a failure of the machine rather than the catalogue (a full disk, a
    read-only or forbidden folder), in Bahasa Indonesia; ``None`` for any other error."""
    where = f" '{exc.filename}'" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"Ruang disk habis saat menulis{where}: kosongkan ruang disk (misalnya hapus "
            "folder situs lama atau unduhan yang tidak perlu), lalu jalankan perintah ini lagi."
        )
    if exc.errno == errno.EROFS:
        return (
            f"Folder{where} hanya bisa dibaca (read-only), tidak bisa ditulis: pilih folder "
            "lain yang bisa ditulis (pilihan --out), lalu jalankan perintah ini lagi."
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (
            f"Tidak ada izin untuk{where}: periksa izin folder itu (ls -ld) atau pilih folder "
            "lain yang bisa ditulis, lalu jalankan perintah ini lagi."
        )
    return None


def _writable_ancestor(path: Path) -> Path:
    """The nearest existing folder at or above ``path`` (where a new folder would go)."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def check_target(root: Path, out: Path) -> None:
    """Raise :class:`BuildRefused` unless ``out`` may receive a new site."""
    root = root.resolve()
    if out.is_symlink():
        raise BuildRefused(f"'{out}' adalah tautan simbolik; pilih folder biasa")
    target = out.resolve()
    if _is_within(root, target):
        raise BuildRefused(
            f"'{out}' adalah folder proyek atau berisi folder proyek; pilih folder baru, "
            "misalnya --out site"
        )
    for name in PROTECTED:
        if _is_within(target, root / name):
            raise BuildRefused(
                f"'{out}' berada di dalam '{name}' milik proyek; pilih folder lain, misalnya "
                "--out site"
            )
    folders = [_writable_ancestor(target.parent), *([target] if target.is_dir() else [])]
    if not all(os.access(folder, os.W_OK) for folder in folders):
        raise BuildRefused(
            f"'{out}' tidak bisa ditulis (folder hanya-baca atau tanpa izin tulis); pilih "
            "folder lain yang bisa ditulis, misalnya --out site, atau periksa izinnya (ls -ld)"
        )
    if not target.exists():
        return
    if not target.is_dir():
        raise BuildRefused(f"'{out}' adalah berkas, bukan folder; pilih folder lain")
    holds = [name for name in PROTECTED if (target / name).exists()]
    if holds:
        raise BuildRefused(
            f"'{out}' berisi {', '.join(holds)}: itu bukan folder situs; pilih folder lain, "
            "misalnya --out site"
        )
    if any(target.iterdir()) and not (target / MARKER).is_file():
        raise BuildRefused(
            f"'{out}' sudah berisi berkas yang tidak dibuat oleh 'sepeda build'; kosongkan "
            "sendiri folder itu atau pilih folder lain (tidak ada yang dihapus)"
        )


def make_readable(folder: Path) -> None:
    """Directories 0755 and files 0644, so a web server running as another user can read."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() else 0o644)


class _DropPluginErrors(logging.Filter):
    """MkDocs logs a PluginError's text; the CLI prints those findings itself."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.getMessage()).startswith(_PLUGIN_MESSAGES)


class SiteBuilder:
    """Builds the project's site into ``out`` (checked on construction)."""

    def __init__(self, root: Path, out: Path, *, book: bool = False) -> None:
        self.root = root.resolve()
        self.book = book
        """Publish the yearly book too (``sepeda build --buku``; CI on the default branch)."""
        self.out = (self.root / out) if not out.is_absolute() else out
        check_target(self.root, self.out)
        self.out = self.out.resolve()
        self.parent = self.out.parent
        self.prefix = f".{self.out.name}.sepeda-"
        self.shard_pages = search_index.SHARD_PAGES
        """Largest search part (``search_shard_pages`` of the katalog plugin, read by the build)."""

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """One build of this target at a time; the lock file is removed when done.

        The holder unlinks the file before it unlocks, so a build that was waiting on
        the old file finds it gone (or replaced) and locks the current one instead.
        """
        self.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.parent / f"{self.prefix}lock"
        waited = False
        while True:
            handle = open(lock_path, "a")  # noqa: SIM115 (closed below, after unlocking)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not waited:
                    print(
                        "Menunggu pembangunan lain ke folder yang sama selesai...",
                        file=sys.stderr,
                    )
                    waited = True
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                current = os.stat(lock_path).st_ino
            except FileNotFoundError:
                current = None
            if current == os.fstat(handle.fileno()).st_ino:
                break
            handle.close()  # the previous holder removed this file: lock the new one
        try:
            yield
        finally:
            lock_path.unlink(missing_ok=True)
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    def _remove_leftovers(self) -> None:
        """Temporary folders of earlier, interrupted builds of this target (ours by name)."""
        for entry in self.parent.iterdir():
            if entry.name.startswith(self.prefix) and entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)

    def build(self) -> Outcome:
        """Build, scan and swap in; the previous site stays on any failure. A full disk or
        a folder that cannot be written ends the build with a message that says what to do
        (a read-only or forbidden target is a finding on ``--out``)."""
        try:
            return self._build()
        except OSError as exc:
            message = os_error_message(exc)
            if message is None:
                raise
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                return Outcome("failure", (), message)
            return Outcome("errors", (BuildRefused(message.rstrip(".")).finding,))

    def _build(self) -> Outcome:
        with self._lock():
            check_target(self.root, self.out)  # the other build may have changed it
            self._remove_leftovers()
            tmp = Path(tempfile.mkdtemp(prefix=f"{self.prefix}tmp-", dir=self.parent))
            try:
                outcome = self._mkdocs(tmp)
                if outcome.status == "ok":
                    try:
                        search_index.index_site(tmp, self.shard_pages)
                    except search_index.SearchIndexError as exc:
                        return Outcome("failure", outcome.findings, str(exc))
                    (tmp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
                    make_readable(tmp)
                    self._swap(tmp)
                return outcome
            finally:
                if tmp.exists():
                    shutil.rmtree(tmp, ignore_errors=True)

    def _swap(self, built: Path) -> None:
        old = self.parent / f"{self.prefix}old"
        if old.exists():
            shutil.rmtree(old)
        if self.out.exists():
            self.out.rename(old)
        built.rename(self.out)
        if old.exists():
            shutil.rmtree(old)

    def _mkdocs(self, site_dir: Path) -> Outcome:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, MkDocsException

        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        _source_date_epoch(self.root)
        mkdocs_log = logging.getLogger("mkdocs")
        drop = _DropPluginErrors()
        mkdocs_log.addFilter(drop)
        for handler in logging.getLogger().handlers:
            handler.addFilter(drop)
        try:
            config = load_config(
                config_file=str(self.root / "mkdocs.yml"), site_dir=str(site_dir), strict=True
            )
            plugin = config.plugins.get("katalog")
            if plugin is not None:
                self.shard_pages = plugin.config.search_shard_pages
                plugin.book = self.book
            try:
                build(config)
            except (Abort, MkDocsException) as exc:
                return self._failed(plugin, str(exc))
            return Outcome("ok", tuple(getattr(plugin, "findings", ())))
        finally:
            mkdocs_log.removeFilter(drop)
            for handler in logging.getLogger().handlers:
                handler.removeFilter(drop)

    @staticmethod
    def _failed(plugin: object, message: str) -> Outcome:
        findings = tuple(getattr(plugin, "findings", ()))
        scan = tuple(getattr(plugin, "scan_findings", ()))
        if scan:
            return Outcome("errors", (*findings, *scan))
        if has_errors(findings):
            return Outcome("errors", findings)
        return Outcome("failure", findings, message)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(root: Path, dev_addr: str) -> bool:
    """``sepeda serve``: the MkDocs live server on ``dev_addr`` until stopped; False when
    MkDocs aborts. Call it only after the configuration guard accepted ``mkdocs.yml``."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import Abort

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # Dirty rebuilds: only the pages whose generated content changed are rendered again
    # (generator.plugin); MkDocs' warning about them does not apply to this site's menu.
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: "'dirty' build" not in record.getMessage()
    )
    # Closing the terminal or `kill` stops the server like Ctrl+C does, so that MkDocs and the
    # plugin remove their temporary folders.
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, _interrupt)
    try:
        mkdocs_serve(
            config_file=str(root / "mkdocs.yml"),
            dev_addr=dev_addr,
            livereload=True,
            build_type="dirty",
        )
    except Abort:
        return False
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeRefused(
                f"Alamat {dev_addr} sudah dipakai program lain (mungkin 'sepeda serve' yang "
                "masih berjalan di jendela lain): hentikan program itu, atau pakai alamat "
                "lain, misalnya: sepeda serve --dev-addr 127.0.0.1:8001"
            ) from None
        if exc.errno in (errno.EADDRNOTAVAIL, errno.EACCES):
            raise ServeRefused(
                f"Alamat {dev_addr} tidak bisa dipakai di komputer ini: pakai alamat lokal "
                "dengan port di atas 1024, misalnya: sepeda serve --dev-addr 127.0.0.1:8001"
            ) from None
        raise
    return True


def _source_date_epoch(root: Path) -> None:
    """Pin MkDocs' build date (sitemap) to the last commit, so rebuilds are identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    git = shutil.which("git")
    if git is None:
        return
    result = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [git, "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=False
    )
    if result.returncode == 0 and result.stdout.strip():
        os.environ["SOURCE_DATE_EPOCH"] = result.stdout.strip()
