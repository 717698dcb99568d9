"""``sepeda serve``: an edit shows up, only the pages it changed are rendered again, and
the server leaves nothing behind."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import TODAY

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, ready: Callable[[str], bool], timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - localhost
                body = response.read().decode("utf-8")
            if ready(body):
                return body
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} not ready after {timeout} s; last body: {body[:300]!r}")


@contextmanager
def _serving(project: Path, scratch: Path) -> Iterator[str]:
    """``sepeda serve`` on ``project`` (temporary folders under ``scratch``) until the block
    ends; yields its address. It is stopped as `kill` or a closed terminal would, and must
    leave no traceback and no folder behind."""
    scratch.mkdir()
    port = _free_port()
    env = {**os.environ, "SEPEDA_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(scratch)}
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()  # as `kill` or a closed terminal: stops like Ctrl+C
        output, _ = server.communicate(timeout=60)
    assert "Traceback" not in output, output
    assert "dirty" not in output, output  # MkDocs' warning about dirty builds is filtered
    assert list(scratch.iterdir()) == []  # the site and the staging folder are removed


def test_an_edit_is_served_and_only_changed_pages_are_rendered(
    site_project: Path, tmp_path: Path
) -> None:
    scratch = tmp_path / "tmp"
    with _serving(site_project, scratch) as base:
        _wait_for(base + "inovasi/antrean-daring/", lambda b: "Antrean Daring Puskesmas" in b)
        (site,) = scratch.glob("mkdocs_*")
        (staging,) = scratch.glob("sepeda-pratinjau-*")
        edited = site / "inovasi" / "antrean-daring" / "index.html"
        untouched = site / "inovasi" / "gertak-desa" / "index.html"
        before = edited.stat().st_mtime_ns, untouched.stat().st_mtime_ns

        profile = site_project / "innovations" / "dinkes" / "antrean-daring" / "inovasi.yaml"
        text = profile.read_text(encoding="utf-8")
        profile.write_text(text.replace("nama: Antrean Daring Puskesmas", "nama: Antrean Baru"))
        _wait_for(base + "inovasi/antrean-daring/", lambda b: "Antrean Baru" in b)
        _wait_for(base + "opd/dinkes/", lambda b: "Antrean Baru" in b)

        assert edited.stat().st_mtime_ns > before[0]
        assert untouched.stat().st_mtime_ns == before[1]
        assert staging.is_dir()


def test_a_bad_record_is_shown_on_the_page_and_the_preview_keeps_serving(
    site_project: Path, tmp_path: Path
) -> None:
    banner = "Perubahan terakhir belum dapat ditampilkan"
    with _serving(site_project, tmp_path / "tmp") as base:
        page = base + "inovasi/antrean-daring/"
        _wait_for(page, lambda b: "Antrean Daring Puskesmas" in b)
        profile = site_project / "innovations" / "dinkes" / "antrean-daring" / "inovasi.yaml"
        text = profile.read_text(encoding="utf-8")
        profile.write_text(text.replace("tahapan: penerapan", "tahapan: <b>salah</b>"))
        shown = _wait_for(page, lambda b: banner in b)
        assert "innovations/dinkes/antrean-daring/inovasi.yaml" in shown
        assert "&lt;b&gt;salah&lt;/b&gt;" in shown and "<b>salah</b>" not in shown
        assert "Antrean Daring Puskesmas" in shown  # the last page that built, still served
        _wait_for(base, lambda b: banner in b)  # the home page says so too
        profile.write_text(text.replace("nama: Antrean Daring Puskesmas", "nama: Antrean Pulih"))
        _wait_for(page, lambda b: "Antrean Pulih" in b and banner not in b)
        _wait_for(base, lambda b: banner not in b)
