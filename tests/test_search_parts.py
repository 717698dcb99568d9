"""A large catalogue is searched part by part (``search_shard_pages``), in headless Chromium.

The fixture catalogue (3 agencies, 3 innovations) is built with parts of at most 4 pages,
so the search page has two parts: the agencies with the two newest innovations, then the
oldest. A search loads only the first; the reader widens it with one button. A small
catalogue (the shipped setting) has one part: the whole index.
"""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser import Session, Site, _session, browser, serving  # noqa: F401

from conftest import CATALOGUE, ROOT, run_sepeda
from generator.site import search_index

pytestmark = pytest.mark.slow


def _project(root: Path, shard_pages: int | None) -> Path:
    shutil.copytree(CATALOGUE, root)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if shard_pages is not None:
        plugin = "      innovations_dir: innovations\n"
        assert plugin in config
        config = config.replace(plugin, f"{plugin}      search_shard_pages: {shard_pages}\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("docs", "overrides"):
        shutil.copytree(ROOT / folder, root / folder)
    result = run_sepeda(root, "build", "--out", "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def parted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _project(tmp_path_factory.mktemp("bagian") / "situs", shard_pages=4)


def _manifest(site: Path) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = json.loads(
        (site / search_index.MANIFEST).read_text(encoding="utf-8")
    )["bagian"]
    return parts


def _meta(bundle: Path) -> bytes:
    (meta,) = bundle.glob("pagefind.*.pf_meta")
    return gzip.decompress(meta.read_bytes())


def _fragments(bundle: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for fragment in (bundle / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        record = json.loads(data[data.index(b"{") :])
        found[record["url"]] = record
    return found


def _urls(bundle: Path) -> set[str]:
    return set(_fragments(bundle))


def test_parts_hold_agencies_and_newest_innovations_first(parted: Path) -> None:
    assert _manifest(parted) == [
        {"path": "pagefind-cari/1/", "inovasi": 2, "opd": 3, "dari": 2024, "sampai": 2024},
        {"path": "pagefind-cari/2/", "inovasi": 1, "opd": 0, "dari": 2024, "sampai": 2024},
    ]
    first, second = (parted / "pagefind-cari" / n for n in ("1", "2"))
    assert _urls(first) == {
        "/opd/dinkes/",
        "/opd/kecamatan-awayan/",
        "/opd/upt-puskesmas-uren/",
        "/inovasi/bekal-obat/",  # 2024-03-01
        "/inovasi/antrean-daring/",  # 2024-01-01, before gertak-desa by name
    }
    assert _urls(second) == {"/inovasi/gertak-desa/"}
    assert not (parted / "pagefind").exists()  # no index of every page's text is needed
    # the search parts carry no sorts (loaded by every search); the list's index has them
    assert b"skor" not in _meta(first) and b"skor" not in _meta(second)
    assert b"skor" in _meta(parted / "pagefind-daftar")
    assert not [p.name for p in parted.iterdir() if p.name.startswith(".sepeda-cari-")]


def test_a_small_catalogue_is_searched_in_one_part_and_listed_without_text(
    tmp_path: Path,
) -> None:
    site = _project(tmp_path / "situs", shard_pages=None)
    assert _manifest(site) == [
        {"path": "pagefind/", "inovasi": 3, "opd": 3, "dari": 2024, "sampai": 2024}
    ]
    assert sorted(p.name for p in (site / "pagefind-cari").iterdir()) == [
        "bagian.json",
        "kata.json",  # the words suggestions are drawn from
    ]
    listed = _fragments(site / "pagefind-daftar")
    assert sorted(listed) == [
        "/inovasi/antrean-daring/",
        "/inovasi/bekal-obat/",
        "/inovasi/gertak-desa/",
    ]
    record = listed["/inovasi/bekal-obat/"]
    assert record["content"] == "inovasi."
    assert record["meta"]["title"] == "Bekal Obat Keliling"
    assert record["filters"]["opd"] == ["UPT Puskesmas Uren", "Dinas Kesehatan"]
    searched = _fragments(site / "pagefind")
    assert "berinovasi" in searched["/inovasi/bekal-obat/"]["content"]


def test_many_agencies_leave_the_first_part_half_its_room_for_innovations() -> None:
    agencies = [search_index._Searchable(f"opd/{n}/index.html", None) for n in range(10)]
    innovations = [
        search_index._Searchable(f"inovasi/{n}/index.html", f"2024010{9 - n}") for n in range(9)
    ]
    groups = search_index._groups(agencies + innovations, 4)
    assert [len(g) for g in groups] == [12, 4, 3]
    assert groups[0][10:] == innovations[:2]  # the two newest
    assert [p for g in groups for p in g] == agencies + innovations


@pytest.fixture
def desktop(browser: Any, parted: Path) -> Iterator[Session]:
    with serving(parted) as site:
        yield from _session(browser, site, viewport={"width": 1280, "height": 900})


def _slugs(session: Session, count: int) -> list[str]:
    from playwright.sync_api import expect

    links = session.page.locator("#kt-hasil .kt-kartu__judul a")
    expect(links).to_have_count(count)  # the cards follow the status line
    hrefs: list[str] = links.evaluate_all("a => a.map(x => x.href)")
    return sorted(href.rstrip("/").split("/")[-1] for href in hrefs)


@pytest.mark.browser
def test_a_search_loads_the_first_part_and_widens_on_request(desktop: Session) -> None:
    from playwright.sync_api import expect

    page = desktop.page
    desktop.goto("cari/?q=gertak")
    status = page.locator("#kt-hasil .kt-hasil__status")
    expect(status).to_have_text("0 hasil ditemukan untuk “gertak”.")
    scope = page.locator("#kt-hasil .kt-hasil__cakupan")
    expect(scope).to_have_text(
        "Pencarian ini mencakup 2 inovasi terbaru (bertanggal 2024) dari 3 inovasi, serta "
        "halaman perangkat daerah. Cari juga di 1 inovasi berikutnya (bertanggal 2024)"
    )
    bundles = {u.split("/")[3] + "/" + u.split("/")[4] for u in desktop.requests if "pagefind" in u}
    # no result: the indexed words are read for a suggestion
    assert bundles == {"pagefind-cari/bagian.json", "pagefind-cari/1", "pagefind-cari/kata.json"}
    scope.get_by_role("button").focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text("1 hasil ditemukan untuk “gertak”.")
    expect(status).to_be_focused()  # the button is gone; the keyboard is not lost
    expect(scope).to_have_count(0)  # everything is searched now
    assert _slugs(desktop, 1) == ["gertak-desa"]
    assert any("/pagefind-cari/2/" in u for u in desktop.requests)
    # a new query keeps the widened scope and finds what the whole index finds
    page.locator("#kt-cari-q").fill("kesehatan")
    page.locator("#kt-cari button[type=submit]").click()
    expect(status).to_have_text("4 hasil ditemukan untuk “kesehatan”.")
    assert _slugs(desktop, 4) == ["antrean-daring", "bekal-obat", "dinkes", "upt-puskesmas-uren"]
    assert not [u for u in desktop.requests if "/pagefind/" in u or "pagefind-daftar" in u]
    desktop.assert_clean()


@pytest.mark.browser
def test_the_list_page_and_filters_alone_use_the_list_index(desktop: Session) -> None:
    from playwright.sync_api import expect

    desktop.goto("inovasi/")
    form = desktop.page.locator("#kt-saring")
    form.locator("summary").click()
    form.locator("select[name=urut]").select_option(value="tahun:desc")
    expect(desktop.page.locator("#kt-hasil .kt-hasil__status")).to_have_text("3 hasil ditemukan.")
    links = desktop.page.locator("#kt-hasil .kt-kartu__judul a")
    expect(links).to_have_count(3)
    assert links.first.inner_text() == "Bekal Obat Keliling"
    desktop.goto("cari/?urusan=Kesehatan")  # no words: the list's index answers
    expect(desktop.page.locator("#kt-hasil .kt-hasil__status")).to_have_text("2 hasil ditemukan.")
    assert _slugs(desktop, 2) == ["antrean-daring", "bekal-obat"]
    # the list's index, with the engine of the first part (the one WebAssembly of the site)
    loaded = [u.split("/", 3)[3] for u in desktop.requests if "/pagefind" in u]
    assert {u.split("/")[0] for u in loaded if not u.endswith(".pagefind")} == {"pagefind-daftar"}
    assert {u for u in loaded if u.endswith(".pagefind")} == {"pagefind-cari/1/wasm.id.pagefind"}
    desktop.assert_clean()


@pytest.mark.browser
def test_the_benchmark_counts_the_first_part_and_the_widened_search(
    browser: Any, parted: Path
) -> None:
    from bench.transfer import transfers

    pages = {
        "cari": "cari/?q=kesehatan",
        "cari-semua": "cari/?q=kesehatan",
        "daftar-urut": "inovasi/",
    }
    found = transfers(parted, pages, browser)
    first, every, listed = found["cari"], found["cari-semua"], found["daftar-urut"]
    assert [u for u in first.urls if "/pagefind-cari/2/" in u] == []
    assert [u for u in every.urls if "/pagefind-cari/2/pagefind-entry.json" in u] != []
    assert 0 < first.index_gzip < every.index_gzip
    assert [u for u in listed.urls if "/pagefind-daftar/pagefind-entry.json" in u] != []
    assert listed.index_gzip > 0


@pytest.mark.browser
def test_the_widening_line_is_accessible_and_fits_a_phone(browser: Any, parted: Path) -> None:
    from test_readers import AXE, PHONE

    with serving(parted) as site:
        context = browser.new_context(viewport=PHONE, is_mobile=True)
        try:
            page = context.new_page()
            page.goto(site.url("cari/?q=kesehatan"), wait_until="networkidle")
            page.wait_for_selector("#kt-hasil .kt-hasil__perluas")
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            page.evaluate(AXE.read_text(encoding="utf-8"))
            violations = page.evaluate(
                """async () => (await axe.run(document, {resultTypes: ['violations']}))
                     .violations.filter(v => ['serious', 'critical'].includes(v.impact))
                     .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
            )
            assert violations == []
        finally:
            context.close()
