"""The site's search index: Pagefind, run over the built site before it is swapped in.

Pagefind (PyPI ``pagefind[extended]``, its binary ships in the wheel, nothing is fetched)
indexes only pages marked ``data-pagefind-body`` (innovation and agency pages), with
Indonesian stemming from ``<html lang="id">``. It writes ``pagefind/`` into the site; the
browser loads fragments of it only when a reader searches or filters.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"
"""Folder of the index inside the site."""


class SearchIndexError(Exception):
    """Pagefind failed; the message says why (in Bahasa Indonesia, Pagefind's text after it)."""


def index_site(site_dir: Path) -> None:
    """Index ``site_dir`` in place; raises :class:`SearchIndexError` if Pagefind fails."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--force-language",
        "id",
        "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0 or not (site_dir / BUNDLE / "pagefind.js").is_file():
        detail = (result.stderr or result.stdout).strip()[-500:]
        raise SearchIndexError(f"indeks pencarian (Pagefind) gagal dibuat: {detail}")
