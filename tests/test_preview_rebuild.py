"""A preview's rebuild (``sepeda serve``) plans and renders only the pages an edit shows, and
its files are byte for byte those of a fresh build of the edited catalogue.

The pipeline is driven as the ``katalog`` plugin drives it under ``serve``: one
:class:`~generator.site.pipeline.Preview` for the session, settings read again for every
rebuild. ``preview.reuse.computed["html"]`` names the pages whose HTML a rebuild rendered.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CATALOGUE, ROOT
from generator.base import urls
from generator.site import pipeline


def _shipped(root: Path) -> Path:
    shutil.copytree(ROOT / "innovations", root / "innovations")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _fixture(root: Path) -> Path:
    shutil.copytree(CATALOGUE, root)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _settings(root: Path) -> pipeline.Settings:
    return pipeline.Settings.for_project(root, "innovations", exports=False)


def _write(path: Path, text: str) -> None:
    """Write as an editor saves: new content, a later modification time."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    later = max(path.stat().st_mtime_ns, before + 1_000_000_000)
    os.utime(path, ns=(later, later))


def _replace(path: Path, pattern: str, new: str) -> None:
    text = path.read_text("utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.MULTILINE)
    assert count == 1, (path, pattern)
    _write(path, changed)


def _rebuild(root: Path, edit: Callable[[Path], None]) -> tuple[pipeline.Result, list[str]]:
    """Build, edit, rebuild in one preview; the rebuild's result and the pages it rendered.
    The rebuild's files must equal a fresh build's of the edited catalogue."""
    preview = pipeline.Preview()
    first = pipeline.build(_settings(root), preview)
    assert first.ok, [str(f) for f in first.findings]
    assert len(preview.reuse.computed["html"]) == len(first.sources)  # the first renders all
    edit(root)
    again = pipeline.build(_settings(root), preview)
    rendered = list(preview.reuse.computed["html"])
    fresh = pipeline.build(_settings(root))
    assert again.ok and fresh.ok
    assert dict(again.files) == dict(fresh.files)
    assert dict(again.sources) == dict(fresh.sources)
    return again, rendered


def _showing(result: pipeline.Result, path: str) -> set[str]:
    return {uri for uri, files in result.sources.items() if path in files}


def test_an_edited_name_renders_its_page_and_the_lists_that_show_it(tmp_path: Path) -> None:
    root = _shipped(tmp_path / "proyek")
    edited = "innovations/bapperida/sepeda-baru/inovasi.yaml"
    result, rendered = _rebuild(
        root, lambda r: _replace(r / edited, r"^nama: (.*)$", r"nama: \1 Terpadu")
    )
    assert set(rendered) <= _showing(result, edited)
    assert urls.innovation_uri("sepeda-baru") in rendered
    assert urls.agency_uri("bapperida") in rendered
    # of "Semua inovasi", the one page that lists it (its place in the order is the same)
    everything = [u for u in rendered if u.startswith(("inovasi/index", "inovasi/halaman/"))]
    assert everything == [urls.innovations_page_uri(2)]
    # no other innovation's page, and far fewer pages than the site has
    assert [u for u in rendered if u.startswith("inovasi/") and u.count("/") == 2] == [
        urls.innovation_uri("sepeda-baru")
    ]
    assert len(rendered) < len(result.sources) / 5
    assert "Terpadu" in str(result.files[urls.innovation_uri("sepeda-baru")])


def test_a_saved_file_whose_record_is_unchanged_renders_nothing(tmp_path: Path) -> None:
    root = _shipped(tmp_path / "proyek")
    edited = root / "innovations/disdukcapil/galuh-sanggam/inovasi.yaml"
    # a comment changes the file, not the record: it is read again (a new object) and its
    # page planned again, but the page's view is the same, so no HTML is rendered
    _, rendered = _rebuild(root, lambda r: _write(edited, edited.read_text("utf-8") + "# ok\n"))
    assert rendered == []


def test_an_agency_renamed_renders_its_innovations_and_units(tmp_path: Path) -> None:
    root = _shipped(tmp_path / "proyek")
    edited = "innovations/dinkes/opd.yaml"
    result, rendered = _rebuild(
        root, lambda r: _replace(r / edited, r"^nama: (.*)$", r"nama: \1 (baru)")
    )
    assert set(rendered) <= _showing(result, edited)
    assert urls.agency_uri("dinkes") in rendered
    puskesmas = [u for u in rendered if u.startswith("opd/upt-puskesmas-")]
    assert puskesmas  # a unit's page names the agency above it


def test_a_verification_edit_renders_the_pages_that_show_its_score(tmp_path: Path) -> None:
    root = _fixture(tmp_path / "proyek")
    edited = "innovations/dinkes/antrean-daring/verifikasi.yaml"
    result, rendered = _rebuild(
        root,
        lambda r: _replace(r / edited, r"^  regulasi: \{tingkat: 2\}$", "  regulasi: {tingkat: 1}"),
    )
    assert urls.innovation_uri("antrean-daring") in rendered
    assert set(rendered) <= _showing(result, edited)


@pytest.mark.parametrize("change", ["tambah", "hapus"])
def test_an_innovation_added_or_removed_gives_the_fresh_build(tmp_path: Path, change: str) -> None:
    root = _shipped(tmp_path / "proyek")
    source = root / "innovations" / "bapperida" / "sepeda-baru"

    def edit(r: Path) -> None:
        if change == "hapus":
            shutil.rmtree(source)
            return
        copy = r / "innovations" / "bapperida" / "sepeda-baru-dua"
        shutil.copytree(source, copy)
        _replace(copy / "inovasi.yaml", r"^nama: (.*)$", r"nama: \1 Dua")

    result, rendered = _rebuild(root, edit)
    if change == "tambah":
        assert urls.innovation_uri("sepeda-baru-dua") in rendered
    else:
        assert urls.innovation_uri("sepeda-baru") not in result.files


def test_a_rebuild_after_an_error_gives_the_fresh_build(tmp_path: Path) -> None:
    root = _shipped(tmp_path / "proyek")
    edited = root / "innovations/bapperida/sepeda-baru/inovasi.yaml"
    good = edited.read_text("utf-8")

    def broken_then_fixed(r: Path) -> None:
        _write(edited, good.replace("nama:", "nama_inovasi:", 1))
        failed = pipeline.build(_settings(r), preview)
        assert not failed.ok
        _write(edited, good.replace("nama: ", "nama: Ubah ", 1))

    preview = pipeline.Preview()
    assert pipeline.build(_settings(root), preview).ok
    broken_then_fixed(root)
    again = pipeline.build(_settings(root), preview)
    assert dict(again.files) == dict(pipeline.build(_settings(root)).files)
