"""Readers find and compare, in headless Chromium, on the fixture catalogue's built site.

Search (Pagefind, Indonesian stemming) with filters, the agency hierarchy, "Semua inovasi"
sorted and filtered in the browser, the statistics and scorecard pages, axe-core on each
new page kind, and nothing cut off on a 360-pixel phone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser import Session, Site, _session, browser, serving  # noqa: F401

from conftest import ROOT, make_site_project, run_sepeda

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 760}
NEW_PAGES = ["cari/?q=kesehatan", "jelajah/", "jelajah/urusan/kesehatan/", "statistik/", "rapor/"]
EVERY_KIND = [
    *NEW_PAGES,
    "",
    "opd/dinkes/",
    "inovasi/antrean-daring/",
    "inovasi/gertak-desa/",
    "indeks-inovasi/",
    "data-terbuka/",
    "kode-temuan/",
    "panduan-kontributor/",
    "tidak-ada/",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = make_site_project(tmp_path_factory.mktemp("pembaca") / "situs")
    result = run_sepeda(root, "build", "--out", "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serving(root / "site") as served:
        yield served


@pytest.fixture
def desktop(browser: Any, site: Site) -> Iterator[Session]:
    yield from _session(browser, site, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone(browser: Any, site: Site) -> Iterator[Session]:
    yield from _session(browser, site, viewport=PHONE, is_mobile=True, has_touch=True)


def _results(session: Session) -> list[str]:
    from playwright.sync_api import expect

    status = session.page.locator("#kt-hasil .kt-hasil__status")
    expect(status).to_contain_text("hasil ditemukan")
    count = int(status.inner_text().split()[0].replace(".", ""))  # "1.234 hasil"
    links = session.page.locator("#kt-hasil .kt-kartu__judul a")
    expect(links).to_have_count(min(count, 12))  # cards follow the status line
    return [
        href.rstrip("/").split("/")[-1] for href in links.evaluate_all("a => a.map(x => x.href)")
    ]


def _search(session: Session, query: str) -> list[str]:
    session.goto("cari/")
    session.page.locator("#kt-cari-q").fill(query)
    session.page.locator("#kt-cari button[type=submit]").click()
    return _results(session)


def test_search_uses_indonesian_stemming(desktop: Session) -> None:
    desktop.goto()
    assert not [u for u in desktop.requests if "/pagefind" in u]  # nothing on page load
    assert "bekal-obat" in _search(desktop, "berinovasi")
    found = _search(desktop, "pelayanan kesehatan")
    assert {"antrean-daring", "bekal-obat"} <= set(found)
    title = desktop.page.get_by_role("heading", name="Bekal Obat Keliling", exact=True)
    card = desktop.page.locator("#kt-hasil .kt-kartu", has=title)
    assert card.locator(".kt-kartu__opd").inner_text() == "UPT Puskesmas Uren"
    assert card.locator(".kt-badge").inner_text() == "Uji Coba"
    assert "berinovasi" in card.locator(".kt-kartu__ringkasan").inner_text()
    # the filter files (the largest part of a search on a big catalogue) wait for the panel
    assert not [u for u in desktop.requests if "/pagefind/filter/" in u]
    desktop.assert_clean()


def test_search_narrowed_by_urusan_shows_counts(desktop: Session) -> None:
    from playwright.sync_api import expect

    everything = _search(desktop, "kesehatan")
    assert "dinkes" in everything  # the agency page matches too
    agency = desktop.page.locator("#kt-hasil .kt-kartu", has_text="Satuan Kerja")
    assert agency.locator(".kt-kartu__judul").inner_text() == "Dinas Kesehatan"
    assert "¶" not in desktop.page.locator("#kt-hasil").inner_text()  # no heading anchors
    assert not [u for u in desktop.requests if "/pagefind/filter/" in u]
    desktop.page.locator("#kt-cari summary").click()  # "Saring hasil": now counted
    select = desktop.page.locator("#kt-cari select[name=urusan]")
    expect(select.locator("option", has_text="Kesehatan (2)")).to_have_count(1)
    select.select_option(label="Kesehatan (2)")
    expect(desktop.page.locator("#kt-hasil .kt-hasil__status")).to_have_text(
        "2 hasil ditemukan untuk “kesehatan”."
    )
    assert sorted(_results(desktop)) == ["antrean-daring", "bekal-obat"]
    assert "urusan=Kesehatan" in desktop.page.url
    desktop.assert_clean()


def test_agency_counts_its_units(desktop: Session) -> None:
    desktop.goto("opd/dinkes/")
    page = desktop.page
    assert "2 inovasi: 1 milik Dinas Kesehatan sendiri dan 1 dari 1 unit di bawahnya." in (
        page.locator("article.md-content__inner").inner_text()
    )
    cards = page.locator(".kt-kartu__judul a").all_inner_texts()
    assert sorted(cards) == ["Antrean Daring Puskesmas", "Bekal Obat Keliling"]
    desktop.goto("opd/")
    entry = page.locator("ul.kt-opd > li", has_text="Dinas Kesehatan").first
    assert "2 inovasi, termasuk 1 dari unit di bawahnya" in entry.inner_text()
    assert entry.locator("ul li a").all_inner_texts() == ["UPT Puskesmas Uren"]
    desktop.assert_clean()


def test_all_innovations_sort_and_filter_in_the_browser(desktop: Session) -> None:
    from playwright.sync_api import expect

    desktop.goto("inovasi/")
    page = desktop.page
    static = page.locator(".kt-daftar-statis")
    names = static.locator(".kt-kartu__judul a").all_inner_texts()
    assert names == sorted(names, key=str.casefold)  # complete without JavaScript, by name
    form = page.locator("#kt-saring")
    expect(form).to_be_visible()
    form.locator("summary").click()
    form.locator("select[name=tahapan]").select_option(label="Uji Coba")
    expect(static).to_be_hidden()
    assert _results(desktop) == ["bekal-obat"]
    form.locator("select[name=tahapan]").select_option(value="")
    form.locator("select[name=urut]").select_option(value="skor:desc")
    expect(page.locator("#kt-hasil .kt-hasil__status")).to_have_text("3 hasil ditemukan.")
    assert _results(desktop)[0] == "antrean-daring"  # the only record with evidence
    form.locator("button[type=reset]").click()
    expect(static).to_be_visible()
    # the list's own index: filters, sorts and result fields, none of the pages' text (the
    # engine's WebAssembly is the search index's, one file for every index of the site)
    loaded = [u.split("/", 3)[3] for u in desktop.requests if "/pagefind" in u]
    assert {u.split("/")[0] for u in loaded if not u.endswith(".pagefind")} == {"pagefind-daftar"}
    assert set(u for u in loaded if u.endswith(".pagefind")) == {"pagefind/wasm.id.pagefind"}
    desktop.assert_clean()


def test_statistics_page_readable_on_a_phone(phone: Session) -> None:
    phone.goto("statistik/")
    page = phone.page
    assert page.locator("figure.kt-statistik svg").count() == 5
    assert page.locator("details.kt-statistik__tabel table").count() == 5
    smallest = page.evaluate(
        """() => Math.min(...Array.from(document.querySelectorAll('svg.kt-grafik-batang')).map(
             s => s.getBoundingClientRect().width / s.viewBox.baseVal.width * 13))"""
    )
    assert smallest >= 12, smallest
    tile = page.locator(".kt-ubin a").first
    assert tile.get_attribute("href") == "../inovasi/"
    phone.assert_clean()


@pytest.mark.parametrize("path", EVERY_KIND[:-1])
def test_nothing_is_cut_off_at_360_pixels(phone: Session, path: str, tmp_path: Path) -> None:
    phone.goto(path)
    phone.page.wait_for_load_state("networkidle")
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path}: {width}px wide"
    phone.page.screenshot(path=str(tmp_path / "halaman.png"), full_page=True)
    phone.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", EVERY_KIND)
def test_no_serious_accessibility_violation(
    browser: Any, site: Site, path: str, scheme: str
) -> None:
    assert AXE.is_file(), "axe-core is missing: run make test (npm ci)"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site.url(path.replace("tidak-ada/", "404.html")), wait_until="networkidle")
        page.evaluate(AXE.read_text(encoding="utf-8"))
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
        )
        assert violations == [], f"{path}: {violations}"
    finally:
        context.close()


def test_link_preview_and_not_found_page_in_indonesian(site: Site) -> None:
    page = (site.folder / "inovasi/antrean-daring/index.html").read_text("utf-8")
    assert '<meta property="og:title" content="Antrean Daring Puskesmas">' in page
    assert (
        '<meta property="og:image" content="https://inovasi.balangankab.go.id/inovasi/'
        'antrean-daring/loket.png">'
    ) in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    assert 'rel="icon" href="../../assets/katalog/logo.svg"' in page
    missing = (site.folder / "404.html").read_text("utf-8")
    assert "<h1>Halaman tidak ditemukan</h1>" in missing and "Not found" not in missing
    assert "Made with" not in page and "Dibuat dengan perangkat lunak sumber terbuka" in page


def test_an_innovation_prints_on_two_a4_pages_with_its_links(browser: Any, site: Site) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(site.url("inovasi/bekal-obat/"), wait_until="networkidle")
        pdf = PdfReader(BytesIO(page.pdf(format="A4", print_background=False)))
        text = "".join(p.extract_text() for p in pdf.pages)
        assert len(pdf.pages) <= 2, len(pdf.pages)
        assert "Bekal Obat Keliling" in text
        assert "Cari" not in text.split("Bekal")[0]  # no menu or header before the title
        page.goto(site.url("inovasi/gertak-desa/"), wait_until="networkidle")
        pdf = PdfReader(BytesIO(page.pdf(format="A4")))
        text = "".join(p.extract_text() for p in pdf.pages).replace("\n", "")
        assert len(pdf.pages) == 1
        assert "https://berita.example.com/2024/09/bailang.html" in text  # sources written out
    finally:
        context.close()


def test_results_chart_and_goals_readable_on_a_phone(phone: Session) -> None:
    phone.goto("inovasi/antrean-daring/")
    page = phone.page
    smallest = page.evaluate(
        """() => Math.min(...Array.from(document.querySelectorAll('.kt-capaian svg')).map(
             s => s.getBoundingClientRect().width / s.viewBox.baseVal.width * 13))"""
    )
    assert smallest >= 12, smallest
    goal = page.locator(".kt-tpb__butir").first
    assert goal.inner_text().startswith("3")
    colour = goal.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(76, 159, 56)"  # TPB 3, #4C9F38
    phone.assert_clean()


def test_gallery_photo_opens_full_size_and_closes(desktop: Session) -> None:
    from playwright.sync_api import expect

    desktop.goto("inovasi/antrean-daring/")
    page = desktop.page
    thumb = page.locator(".kt-galeri img").first
    assert (thumb.get_attribute("src") or "").startswith("kecil/")  # the small copy
    page.locator(".kt-galeri a").first.click()
    dialog = page.locator("dialog.kt-lightbox")
    expect(dialog).to_be_visible()
    full = dialog.locator("img")
    assert "kecil" not in (full.get_attribute("src") or "")
    expect(full).to_have_js_property("complete", True)
    assert full.evaluate("i => i.naturalWidth") > 0
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    desktop.assert_clean()


def test_a_phone_loads_the_small_webp_copy_of_a_photo(phone: Session) -> None:
    """The cover is a <picture>: a browser that takes WebP on a 360 px screen loads the
    640 px WebP twin, not the JPEG/PNG fallback or the full-size file."""
    phone.goto("inovasi/antrean-daring/")
    source = phone.page.locator(".kt-sampul picture img").evaluate("i => i.currentSrc")
    assert source.endswith("/inovasi/antrean-daring/kecil/loket.png.webp"), source
    size = phone.page.locator(".kt-sampul picture img").evaluate("i => i.naturalWidth")
    assert size > 0
    phone.assert_clean()


@pytest.mark.parametrize("path", ["", "inovasi/antrean-daring/", "rapor/", "panduan-kontributor/"])
def test_tab_never_lands_off_screen_at_360_pixels(phone: Session, path: str) -> None:
    """The closed menu's links are out of the tab order; every stop is on the screen."""
    phone.goto(path)
    page = phone.page
    page.wait_for_load_state("networkidle")
    for step in range(30):
        page.keyboard.press("Tab")
        box = page.evaluate(
            """() => { let e = document.activeElement; if (!e || e === document.body) return null;
                 // Material's colour toggle focuses a hidden radio and rings its visible label
                 if (e.tagName === 'INPUT' && e.getBoundingClientRect().width === 0
                     && e.nextElementSibling && e.nextElementSibling.tagName === 'LABEL') {
                   e = e.nextElementSibling;
                 }
                 const r = e.getBoundingClientRect();
                 return {tag: e.tagName, text: (e.textContent || '').trim().slice(0, 40),
                         left: r.left, right: r.right, width: r.width, height: r.height}; }"""
        )
        if box is None:
            continue
        assert box["width"] > 0 and box["height"] > 0, (path, step, box)
        assert box["left"] >= -1 and box["right"] <= PHONE["width"] + 1, (path, step, box)


def test_search_from_the_home_page_and_the_header(desktop: Session) -> None:
    desktop.goto("")
    page = desktop.page
    page.locator("#kt-beranda-q").fill("kesehatan")
    page.locator(".kt-cari-beranda button[type=submit]").click()
    page.wait_for_url("**/cari/?q=kesehatan")
    assert _results(desktop), "a search from the home page finds results"
    desktop.goto("inovasi/antrean-daring/")
    button = page.locator("a.kt-cari-tombol")
    assert button.get_attribute("href") == "../../cari/"
    assert button.get_attribute("aria-label") == "Cari inovasi"
    desktop.assert_clean()
