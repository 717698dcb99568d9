"""The IID indicator section read on a 360-pixel phone, in headless Chromium (issue 22).

Each indicator is a block there (its name, then claim, points, evidence and the pokja's
judgement, each under its column's name); on a wide screen it stays a table. The site is the
fixture catalogue with a harder innovation page: one document evidencing two indicators, two
links to one host, a long address, and a document title also listed under "Dokumen".
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser import Session, Site, _session, browser, serving  # noqa: F401

from conftest import ROOT, make_site_project, run_sepeda

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 760}
PAGE = "inovasi/antrean-daring/"
HARDER = (
    "indikator:\n"
    "  sdm:\n"
    "    tingkat: 1\n"
    "    bukti:\n"
    "      - berkas: sk-inovasi.pdf\n"
    "        tentang: Penetapan Inovasi Daerah Kabupaten Balangan\n"
    "      - url: https://jdih.balangankab.go.id/produk-hukum/peraturan-bupati/2023/"
    "keputusan-bupati-tentang-tim-inovasi-daerah-kabupaten-balangan\n"
    "      - url: https://jdih.balangankab.go.id/produk-hukum/peraturan-bupati/2023/"
    "keputusan-bupati-tentang-tim-inovasi-daerah-kabupaten-balangan?lampiran=1\n"
    "  kecepatan:\n"
    "    tingkat: 1\n"
    "    bukti:\n"
    "      - berkas: sk-inovasi.pdf\n"
    "        tentang: SK penetapan inovasi\n"
)
COLUMNS = ["Parameter yang diklaim", "Poin klaim", "Bukti dukung", "Penilaian pokja"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = make_site_project(tmp_path_factory.mktemp("indikator") / "situs")
    profile = root / "innovations/dinkes/antrean-daring/inovasi.yaml"
    profile.write_text(profile.read_text("utf-8").replace("indikator:\n", HARDER, 1), "utf-8")
    result = run_sepeda(root, "build", "--out", "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serving(root / "site") as served:
        yield served


@pytest.fixture
def phone(browser: Any, site: Site) -> Iterator[Session]:
    yield from _session(browser, site, viewport=PHONE, is_mobile=True, has_touch=True)


@pytest.fixture
def desktop(browser: Any, site: Site) -> Iterator[Session]:
    yield from _session(browser, site, viewport={"width": 1280, "height": 900})


BOXES = """() => {
  const section = document.querySelector('.kt-tabel-gulir');
  const parts = [...section.querySelectorAll('tbody th, tbody td, tbody td *')];
  return {
    viewport: window.innerWidth,
    scroll: [section.scrollWidth, section.clientWidth],
    header: document.querySelector('table.kt-indikator thead').getBoundingClientRect().height,
    boxes: parts.map(e => { const r = e.getBoundingClientRect();
      return {tag: e.tagName, text: e.textContent.trim().slice(0, 40),
              left: r.left, right: r.right, width: r.width}; }),
    labels: [...section.querySelectorAll('tbody td')].map(
      td => getComputedStyle(td, '::before').content),
  };
}"""


def _labels(session: Session, selector: str) -> list[str]:
    return [
        " ".join(t.split())
        for t in session.page.locator(selector).evaluate_all("a => a.map(x => x.innerText)")
    ]


def test_every_indicator_column_is_on_a_360_pixel_screen(phone: Session, tmp_path: Path) -> None:
    phone.goto(PAGE)
    page = phone.page
    page.wait_for_load_state("networkidle")
    found = page.evaluate(BOXES)
    assert found["viewport"] == PHONE["width"]
    rows = page.locator("table.kt-indikator tbody tr").count()
    assert rows == 5  # regulasi, sdm, alat kerja, kecepatan, kualitas
    # every column's content of every indicator lies inside the screen, none scrolled away
    visible = [b for b in found["boxes"] if b["width"] > 0]
    assert len(visible) >= rows * 5
    outside = [b for b in visible if b["left"] < 0 or b["right"] > PHONE["width"]]
    assert outside == [], outside
    assert found["scroll"][0] <= found["scroll"][1], found["scroll"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # each value is told what it is: the column's name above it, the header row hidden
    assert found["labels"] == [f'"{c}"' for c in COLUMNS] * rows
    assert found["header"] <= 1
    assert page.get_by_role("columnheader", name="Bukti dukung").count() == 1  # still a table
    page.screenshot(path=str(tmp_path / "indikator-360.png"), full_page=True)
    phone.assert_clean()


def test_evidence_links_are_named_by_their_document_and_never_twice(phone: Session) -> None:
    phone.goto(PAGE)
    evidence = _labels(phone, ".kt-tabel-gulir a")
    assert evidence == [
        "Penetapan Inovasi Daerah Kabupaten Balangan",
        "Penetapan Inovasi Daerah Kabupaten Balangan (bukti indikator 2)",
        "jdih.balangankab.go.id/produk-hukum/peraturan-bupati/2023/keputusan-bupati-tentang-"
        "tim-inovasi-daerah-kabupaten-balangan",
        "jdih.balangankab.go.id/produk-hukum/peraturan-bupati/2023/keputusan-bupati-tentang-"
        "tim-inovasi-daerah-kabupaten-balangan (bukti indikator 2)",
        "antrean.example.go.id",
        "SK penetapan inovasi (bukti indikator 17)",
    ]
    every = _labels(phone, "article.md-content__inner a:not(.headerlink)")
    assert len({x.casefold() for x in every}) == len(every), every
    assert "Tautan bukti" not in every


def test_the_indicators_stay_a_table_on_a_wide_screen(desktop: Session, tmp_path: Path) -> None:
    desktop.goto(PAGE)
    page = desktop.page
    found = page.evaluate(BOXES)
    assert found["header"] > 10  # the column headers are shown
    assert found["labels"] == ["none"] * len(found["labels"])  # no per-value names
    first = page.locator("table.kt-indikator tbody tr").first
    tops = first.locator("th, td").evaluate_all(
        "cells => cells.map(c => Math.round(c.getBoundingClientRect().top))"
    )
    assert len(tops) == 5 and len(set(tops)) == 1, tops  # one row, five columns side by side
    assert found["scroll"][0] <= found["scroll"][1], found["scroll"]
    page.screenshot(path=str(tmp_path / "indikator-1280.png"), full_page=True)
    desktop.assert_clean()


def test_the_agency_to_do_fits_a_phone(phone: Session) -> None:
    phone.goto("opd/dinkes/")
    page = phone.page
    todo = page.locator(".kt-todo")
    assert "Kecepatan Penciptaan Inovasi" not in todo.inner_text()  # claimed in this site
    assert "18. Kemanfaatan Inovasi" in todo.inner_text()
    boxes = todo.locator("*").evaluate_all(
        "es => es.map(e => e.getBoundingClientRect()).filter(r => r.width > 0)"
        ".map(r => [r.left, r.right])"
    )
    assert all(left >= 0 and right <= PHONE["width"] for left, right in boxes), boxes
    phone.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [PAGE, "opd/dinkes/"])
def test_stacked_indicators_and_to_do_pass_axe_on_a_phone(
    browser: Any, site: Site, path: str, scheme: str
) -> None:
    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    assert axe.is_file(), "axe-core is missing: run make test (npm ci)"
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site.url(path), wait_until="networkidle")
        page.evaluate(axe.read_text(encoding="utf-8"))
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
        )
        assert violations == [], f"{path}: {violations}"
    finally:
        context.close()
