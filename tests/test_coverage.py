"""The catalogue says how much of the regency it covers wherever it shows a number, prints
no predicate from a projection below the coverage threshold, and counts agencies the same
way on every page (issue "A real Balangan catalogue")."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import CATALOGUE, ROOT
from generator.record.reference import JumlahDilaporkan, Sumber
from generator.site import pipeline
from generator.site.pipeline import Result

SOURCE = Sumber(judul="Berita contoh", url="https://berita.example.com/iid-2024")


def _build(root: Path, reported: int | None = None) -> Result:
    settings = pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR, dates=False)
    if reported is not None:
        count = JumlahDilaporkan(
            tahun=2024,
            jumlah=reported,
            apa="dilaporkan pada Indeks Inovasi Daerah 2024",
            keterangan="contoh",
            sumber=[SOURCE],
        )
        settings = replace(
            settings, reference=settings.reference.model_copy(update={"jumlah": [count]})
        )
    result = pipeline.build(settings)
    assert result.ok, [str(f) for f in result.findings]
    return result


def _page(result: Result, uri: str) -> str:
    return str(result.files[uri])


@pytest.fixture(scope="module")
def fixture_200() -> Result:
    """The fixture catalogue (2 innovations reported in 2024) against a regency count of 200."""
    return _build(CATALOGUE, reported=200)


@pytest.fixture(scope="module")
def shipped() -> Result:
    return _build(ROOT)


COVERAGE_2024 = (
    "Tahun 2024: katalog memuat 2 dari 200 inovasi yang dilaporkan pada Indeks Inovasi "
    "Daerah 2024 (1%)."
)


@pytest.mark.parametrize(
    "uri", ["index.md", "indeks-inovasi/index.md", "rapor/index.md", "statistik/index.md"]
)
def test_every_page_with_counts_states_the_coverage_with_its_source(
    fixture_200: Result, uri: str
) -> None:
    page = _page(fixture_200, uri)
    assert COVERAGE_2024 in page
    assert 'href="https://berita.example.com/iid-2024"' in page


def test_catalogue_counts_are_labelled_as_catalogue_counts(fixture_200: Result) -> None:
    home = _page(fixture_200, "index.md")
    assert "<strong>3</strong> inovasi di katalog" in home
    scorecards = _page(fixture_200, "rapor/index.md")
    # the regency's own count and the catalogue's share stand beside the catalogue's count
    assert '<tr><th scope="row">2024</th><td>2</td><td>200</td><td>1%</td>' in scorecards
    assert "&#43;1 di katalog" in scorecards


def test_no_predicate_below_the_threshold_and_one_above_it(fixture_200: Result) -> None:
    low = _page(fixture_200, "indeks-inovasi/index.md")
    assert "predikat tidak ditampilkan: katalog baru memuat 1% inovasi" in low
    assert "Kurang Inovatif</td>" not in low
    full = _page(_build(CATALOGUE, reported=2), "indeks-inovasi/index.md")
    assert "Tahun 2024: katalog memuat 2 dari 2 inovasi" in full
    assert ": predikat Kurang Inovatif." in full
    assert "<td>Kurang Inovatif</td><td>Kurang Inovatif</td>" in full


def test_the_shipped_site_prints_no_predicate_from_its_low_coverage(shipped: Result) -> None:
    page = _page(shipped, "indeks-inovasi/index.md")
    rows = re.findall(r"<th scope=\"row\">Predikat yang mungkin</th><td[^>]*>([^<]*)</td>", page)
    assert rows, "the page has projection tables"
    assert all(row.startswith("tidak ditampilkan") for row in rows), rows
    assert ": predikat " not in page
    # the regency's reported result comes first, with its source
    assert page.index("Hasil resmi yang diberitakan") < page.index("Proyeksi dari katalog")
    assert "97,60" in page


def test_home_agency_list_and_scorecards_count_agencies_alike(shipped: Result) -> None:
    agencies = [uri for uri in shipped.files if re.fullmatch(r"opd/[a-z0-9-]+/index\.md", uri)]
    sentences = {
        uri: re.search(
            r"(\d+) perangkat daerah dan unit tercatat; (\d+) di antaranya", _page(shipped, uri)
        )
        for uri in ("index.md", "opd/index.md", "rapor/index.md")
    }
    found = {uri: (m.group(1), m.group(2)) if m else None for uri, m in sentences.items()}
    assert len(set(found.values())) == 1, found
    catalogue = shipped.catalogue
    assert catalogue is not None
    owners = {i.opd for i in catalogue.innovations}
    total, active = next(iter(found.values())) or ("", "")
    assert int(total) == len(agencies) == len(catalogue.agencies) >= 45
    assert int(active) == len(owners)
    # the list says "belum ada inovasi di katalog" for each agency with none, its units included
    above = {a.data.induk for a in catalogue.agencies if a.slug in owners}
    empty = [a for a in catalogue.agencies if a.slug not in owners and a.slug not in above]
    listing = _page(shipped, "opd/index.md")
    assert listing.count("belum ada inovasi di katalog</span>") == len(empty) > 20


def test_a_transcribed_sinovda_record_links_its_source(shipped: Result) -> None:
    page = _page(shipped, "inovasi/kompor-panggul/index.md")
    assert 'href="https://sinovda.balangankab.go.id/?set=detilInovasi_IND2022040125"' in page
    assert "Catatan sumber" in page


def test_an_innovation_without_urusan_shows_its_agency_urusan_labelled(fixture_200: Result) -> None:
    page = _page(fixture_200, "inovasi/gertak-desa/index.md")
    assert (
        '<th scope="row">Urusan perangkat daerah</th><td>Pemberdayaan Masyarakat dan Desa</td>'
        in page
    )
    assert "Urusan utama" not in page
