"""Golden output of the fixture catalogue: every generated page, graphic and export.

Update after an intended change with ``make golden`` and review the diff like code.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from types import MappingProxyType

import pytest

from conftest import CATALOGUE, GOLDEN, assert_golden
from generator.base.history import History
from generator.site import pipeline
from generator.site.pipeline import Result

TEXT_SUFFIXES = (".md", ".svg", ".json", ".csv", ".xml")


HISTORY = History(
    added=MappingProxyType(
        {
            "dinkes/antrean-daring": date(2024, 1, 10),
            "upt-puskesmas-uren/bekal-obat": date(2024, 3, 5),
        }
    ),
    changed=MappingProxyType({"dinkes/antrean-daring": date(2024, 8, 1)}),
    data_date=date(2024, 8, 1),
)
"""A fixed Git history, so the goldens never depend on this repository's commits."""


def _generate(root: Path) -> Result:
    settings = replace(
        pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR, book=True), history=HISTORY
    )
    result = pipeline.build(settings)
    assert result.ok, [str(f) for f in result.findings]
    return result


@pytest.fixture(scope="module")
def output() -> Result:
    return _generate(CATALOGUE)


def _text_files(output: Result) -> dict[str, str]:
    return {
        uri: content
        for uri, content in output.files.items()
        if isinstance(content, str) and uri.endswith(TEXT_SUFFIXES)
    }


def test_every_text_file_matches_its_golden(output: Result, request: pytest.FixtureRequest) -> None:
    update = bool(request.config.getoption("--update-goldens"))
    files = _text_files(output)
    for uri, content in sorted(files.items()):
        assert_golden(uri, content, update)
    stale = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()} - set(
        files
    )
    if update:
        for name in stale:
            (GOLDEN / name).unlink()
    else:
        assert not stale, f"golden files no longer generated: {sorted(stale)}; run make golden"


def test_planned_pages(output: Result) -> None:
    pages = sorted(uri for uri in output.files if uri.endswith(".md"))
    assert pages == [
        "cari/index.md",
        "data-terbuka/index.md",
        "indeks-inovasi/index.md",
        "index.md",
        "inovasi/antrean-daring/index.md",
        "inovasi/bekal-obat/index.md",
        "inovasi/gertak-desa/index.md",
        "inovasi/index.md",
        "jelajah/bentuk/belum-diisi/index.md",
        "jelajah/bentuk/pelayanan-publik/index.md",
        "jelajah/index.md",
        "jelajah/jenis/belum-diisi/index.md",
        "jelajah/jenis/digital/index.md",
        "jelajah/jenis/non-digital/index.md",
        "jelajah/tahapan/belum-diisi/index.md",
        "jelajah/tahapan/penerapan/index.md",
        "jelajah/tahapan/uji-coba/index.md",
        "jelajah/tahun/2023/index.md",
        "jelajah/tahun/2024/index.md",
        "jelajah/tahun/belum-diisi/index.md",
        "jelajah/tpb/3/index.md",
        "jelajah/tpb/9/index.md",
        "jelajah/urusan/belum-diisi/index.md",
        "jelajah/urusan/kesehatan/index.md",
        "kode-temuan.md",
        "opd/dinkes/index.md",
        "opd/index.md",
        "opd/kecamatan-awayan/index.md",
        "opd/upt-puskesmas-uren/index.md",
        "rapor/index.md",
        "statistik/index.md",
    ]


def test_media_are_published_and_covers_generated_only_without_photo(output: Result) -> None:
    assert isinstance(output.files["inovasi/antrean-daring/loket.png"], bytes)
    assert isinstance(output.files["inovasi/antrean-daring/sk-inovasi.pdf"], bytes)
    assert "inovasi/antrean-daring/sampul.svg" not in output.files
    assert "inovasi/bekal-obat/sampul.svg" in output.files
    # a small copy of each photo for cards and phones; PDFs have none
    small = output.files["inovasi/antrean-daring/kecil/loket.png"]
    assert isinstance(small, bytes) and small[:4] == b"\x89PNG"
    assert "inovasi/antrean-daring/kecil/sk-inovasi.pdf" not in output.files
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(small)) as image:
        assert max(image.size) <= 640
    home = output.files["index.md"]
    assert isinstance(home, str) and 'src="inovasi/antrean-daring/kecil/loket.png"' in home


def test_same_catalogue_gives_byte_identical_output(output: Result) -> None:
    again = _generate(CATALOGUE)
    assert again.files.keys() == output.files.keys()
    for uri, content in output.files.items():
        assert again.files[uri] == content, uri


def test_admin_text_is_published_inert(output: Result) -> None:
    page = output.files["inovasi/antrean-daring/index.md"]
    assert isinstance(page, str)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:" not in page


def test_agency_list_does_not_grow_with_many_units(catalogue_copy: Path) -> None:
    for number in range(1, 32):
        folder = catalogue_copy / f"innovations/desa-awayan-{number}"
        folder.mkdir()
        (folder / "opd.yaml").write_text(
            f"nama: Desa Awayan {number}\njenis: desa\ninduk: kecamatan-awayan\n", "utf-8"
        )
    result = pipeline.build(pipeline.Settings.for_project(catalogue_copy, pipeline.CATALOGUE_DIR))
    assert result.ok, [str(f) for f in result.findings]
    listing = str(result.files["opd/index.md"])
    assert "31 unit di bawahnya tercantum di halaman perangkat daerah ini" in listing
    assert "Desa Awayan 7" not in listing
    assert "Desa Awayan 7" in str(result.files["opd/kecamatan-awayan/index.md"])
