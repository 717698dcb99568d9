"""Readers' questions to the shipped catalogue's search, in headless Chromium (issue 25).

The shipped catalogue (``innovations/``, Balangan's real records) is built once for the
module and served the way a static host serves it (``Cache-Control: max-age=600``, as
GitHub Pages does), counting what the server sends. Each query is what a reader types;
each expectation is what that reader must find: an innovation by its agency's lineage,
acronym and urusan, every word of a multi-word query, the words meant by a misspelt one,
browse pages when nothing matches. Then the filters: counts like a shop's, the parent
agency with its units, verification state and data source, the state in the address
(shared and restored, the back button) and one search engine a page.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from test_browser import Session, Site, _build, _session, browser  # noqa: F401

pytestmark = pytest.mark.browser

PUSKESMAS_INNOVATIONS = {
    "bekal-akrobat",
    "boengas",
    "kalita-dua",
    "makan-apel",
    "motor-balap",
    "pubertas",
}
"""The shipped innovations of the puskesmas under Dinas Kesehatan."""


class _Host(SimpleHTTPRequestHandler):
    """A static host: files cached for ten minutes; every path served is counted."""

    served: Counter[str]

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        self.served[self.path.split("?")[0]] += 1
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, Counter[str]]]:
    out = tmp_path_factory.mktemp("pembaca-katalog") / "site"
    _build(out)
    served: Counter[str] = Counter()
    handler = functools.partial(type("Host", (_Host,), {"served": served}), directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(out, f"http://127.0.0.1:{server.server_address[1]}/"), served
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def site(host: tuple[Site, Counter[str]]) -> Site:
    return host[0]


@pytest.fixture
def reader(browser: Any, site: Site) -> Iterator[Session]:
    yield from _session(browser, site, viewport={"width": 1280, "height": 900})


def _found(session: Session) -> list[str]:
    """Every result's slug, in order ("Tampilkan lebih banyak" pressed until all show)."""
    from playwright.sync_api import expect

    page = session.page
    status = page.locator("#kt-hasil .kt-hasil__status")
    expect(status).to_contain_text("hasil ditemukan")
    count = int(status.inner_text().split()[0].replace(".", ""))
    links = page.locator("#kt-hasil .kt-kartu__judul a")
    expect(links).to_have_count(min(count, 12))
    while links.count() < count:
        shown = links.count()
        page.locator("#kt-hasil .kt-hasil__lagi").click()
        expect(links).to_have_count(min(count, shown + 12))
    hrefs: list[str] = links.evaluate_all("a => a.map(x => x.href)")
    return [h.rstrip("/").split("/")[-1] for h in hrefs]


def _innovations(site: Site) -> int:
    folders = (site.folder / "inovasi").iterdir()
    return sum(1 for f in folders if (f / "index.html").is_file() and f.name != "halaman")


def _ask(session: Session, query: str) -> list[str]:
    session.goto("cari/")
    session.page.locator("#kt-cari-q").fill(query)
    session.page.locator("#kt-cari button[type=submit]").click()
    return _found(session)


def _suggested(session: Session) -> list[str]:
    from playwright.sync_api import expect

    offer = session.page.locator("#kt-hasil .kt-hasil__saran", has_text="Mungkin maksud Anda")
    expect(offer).to_have_count(1)
    return offer.locator("a").all_inner_texts()


# ---- what readers ask ---------------------------------------------------------------------


def test_pelayanan_kesehatan_finds_pages_holding_both_words(reader: Session) -> None:
    """Pagefind wants every word of a query on one page (each word stemmed, matched at the
    start of indexed words, a word the index lacks dropped); the health innovations and
    the health agencies hold both."""
    found = _ask(reader, "pelayanan kesehatan")
    assert {"pubertas", "kalita-dua", "dinkes"} <= set(found), found
    reader.assert_clean()


def test_kesehatan_finds_the_puskesmas_innovations(reader: Session) -> None:
    found = _ask(reader, "kesehatan")
    assert set(found) >= PUSKESMAS_INNOVATIONS, found
    assert "dinkes" in found
    reader.assert_clean()


@pytest.mark.parametrize("query", ["dinkes", "Dinas Kesehatan"])
def test_the_health_office_by_acronym_or_name_finds_its_units_innovations(
    reader: Session, query: str
) -> None:
    found = _ask(reader, query)
    assert set(found) >= PUSKESMAS_INNOVATIONS, found
    reader.assert_clean()


def test_an_innovation_by_its_acronym_its_agency_acronym_and_its_agency_urusan(
    reader: Session,
) -> None:
    assert _ask(reader, "SEPEDA BARU")[0] == "sepeda-baru"
    assert "balanting" in _ask(reader, "bapperida")  # the agency's acronym
    # Balangan Lawan Stunting names the health urusan; its agency plans and researches
    found = _ask(reader, "penelitian pengembangan")
    assert "balanting" in found, found
    reader.assert_clean()


@pytest.mark.parametrize(
    ("query", "expected"),
    [("stunting", {"balanting", "panting-gematari"}), ("sekolah", {"pulpendacil"})],
)
def test_topics_readers_ask_for(reader: Session, query: str, expected: set[str]) -> None:
    found = _ask(reader, query)
    assert expected <= set(found), found
    reader.assert_clean()


def test_a_misspelt_word_offers_the_word_meant(reader: Session) -> None:
    from playwright.sync_api import expect

    _ask(reader, "kesehtan")
    assert _suggested(reader)[0] == "kesehatan"
    link = reader.page.locator("#kt-hasil .kt-hasil__saran a", has_text="kesehatan").first
    assert link.get_attribute("href") == "?q=kesehatan"
    link.click()  # searched in place; the address follows
    expect(reader.page.locator("#kt-hasil .kt-hasil__status")).to_contain_text("“kesehatan”")
    assert reader.page.url.endswith("cari/?q=kesehatan")
    assert set(_found(reader)) >= PUSKESMAS_INNOVATIONS
    reader.assert_clean()


def test_no_result_offers_single_words_and_the_browse_pages(reader: Session) -> None:
    assert _ask(reader, "stunting sekolah") == []
    help_text = reader.page.locator("#kt-hasil .kt-hasil__bantuan")
    single = help_text.locator(".kt-hasil__saran", has_text="Cari satu kata saja")
    assert single.locator("a").all_inner_texts() == ["stunting", "sekolah"]
    browse = help_text.locator("a", has_text="Jelajahi")
    assert (browse.get_attribute("href") or "").endswith("/jelajah/")
    assert _ask(reader, "qwertyuiop") == []
    assert help_text.locator("a", has_text="Semua inovasi").count() == 1
    reader.assert_clean()


# ---- filters --------------------------------------------------------------------------------


def _option_counts(session: Session, form: str, name: str) -> dict[str, int]:
    texts = session.page.locator(f"{form} select[name={name}] option").all_inner_texts()
    counts = {}
    for label in texts[1:]:
        value, _, rest = label.rpartition(" (")
        counts[value.strip()] = int(rest.rstrip(")")) if rest else -1
    return counts


def test_counts_are_a_shops_the_picked_fields_siblings_keep_theirs(reader: Session) -> None:
    from playwright.sync_api import expect

    reader.goto("inovasi/")
    page = reader.page
    form = page.locator("#kt-saring")
    form.locator("summary").click()
    form.locator("select[name=urut]").select_option(value="tahun:desc")
    status = page.locator("#kt-hasil .kt-hasil__status")
    expect(status).to_have_text(f"{_innovations(reader.site)} hasil ditemukan.")
    years = _option_counts(reader, "#kt-saring", "tahun")
    assert all(n > 0 for n in years.values()), years
    picked, other = sorted(years, key=lambda y: -years[y])[:2]
    form.locator("select[name=tahun]").select_option(value=picked)
    expect(status).to_have_text(f"{years[picked]} hasil ditemukan.")
    sibling = form.locator("select[name=tahun] option", has_text=f"{other} ({years[other]})")
    expect(sibling).to_have_count(1)
    assert _option_counts(reader, "#kt-saring", "tahun") == years  # as if tahun were free
    # another field counts within the year picked
    sources = _option_counts(reader, "#kt-saring", "sumber")
    assert sum(sources.values()) == years[picked], sources
    reader.assert_clean()


def test_filters_offer_parent_agencies_states_and_sources(reader: Session) -> None:
    from playwright.sync_api import expect

    reader.goto("cari/?opd=Dinas+Kesehatan")
    page = reader.page
    agencies = page.locator("#kt-cari select[name=opd] option").evaluate_all(
        "o => o.map(x => [x.value, x.dataset.label || x.textContent])"
    )
    names = [value for value, _ in agencies]
    at = names.index("Dinas Kesehatan")
    units = [label for _, label in agencies[at + 1 :] if label.startswith("– ")]
    assert "– UPT Puskesmas Uren" in units, agencies
    assert set(_found(reader)) == PUSKESMAS_INNOVATIONS  # no innovation of its own
    expect(page.locator("#kt-cari select[name=opd]")).to_have_value("Dinas Kesehatan")
    states = _option_counts(reader, "#kt-cari", "status")
    assert "Belum diverifikasi" in states, states
    sources = _option_counts(reader, "#kt-cari", "sumber")
    assert set(sources) <= {
        "Diisi oleh perangkat daerah",
        "Dihimpun dari pemberitaan (belum dikonfirmasi perangkat daerah)",
    }
    assert sum(sources.values()) == len(PUSKESMAS_INNOVATIONS), sources
    # every claimed score is 0: sorting by it would be no order, so it is not offered
    reader.goto("inovasi/")
    values = page.locator("#kt-saring select[name=urut] option").evaluate_all(
        "o => o.map(x => x.value)"
    )
    assert values == ["", "tahun:desc"]
    reader.assert_clean()


def test_a_shared_filtered_address_restores_the_filters_and_back_undoes(reader: Session) -> None:
    from playwright.sync_api import expect

    page = reader.page
    reader.goto("inovasi/")
    reader.goto("inovasi/?sumber=Diisi+oleh+perangkat+daerah&urut=tahun%3Adesc")  # shared
    form = page.locator("#kt-saring")
    expect(form.locator("details")).to_have_attribute("open", "")
    expect(form.locator("select[name=sumber]")).to_have_value("Diisi oleh perangkat daerah")
    expect(form.locator("select[name=urut]")).to_have_value("tahun:desc")
    expect(page.locator(".kt-daftar-statis")).to_be_hidden()
    first = _found(reader)
    assert 0 < len(first) < _innovations(reader.site)
    form.locator("select[name=tahapan]").select_option(index=1)
    expect(page).to_have_url(re.compile("tahapan="))
    narrowed = _found(reader)
    assert set(narrowed) <= set(first)
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?sumber=[^&]*&urut=tahun%3Adesc$"))
    expect(form.locator("select[name=tahapan]")).to_have_value("")
    assert _found(reader) == first
    page.go_back()  # the address before: the list as built
    expect(page.locator(".kt-daftar-statis")).to_be_visible()
    expect(form.locator("select[name=sumber]")).to_have_value("")
    # the search page: a query and a filter in the address, restored
    reader.goto("cari/?q=kesehatan&sumber=Diisi+oleh+perangkat+daerah")
    expect(page.locator("#kt-cari-q")).to_have_value("kesehatan")
    expect(page.locator("#kt-cari select[name=sumber]")).to_have_value(
        "Diisi oleh perangkat daerah"
    )
    found = _found(reader)
    page.locator("#kt-cari-q").fill("stunting")
    page.locator("#kt-cari button[type=submit]").click()
    expect(page).to_have_url(re.compile("q=stunting"))
    page.go_back()
    expect(page.locator("#kt-cari-q")).to_have_value("kesehatan")
    assert _found(reader) == found
    reader.assert_clean()


def test_filtering_then_typing_loads_the_engine_once(
    browser: Any, host: tuple[Site, Counter[str]]
) -> None:
    """Both indexes are instances of one Pagefind script; the list's index names the search
    index's WebAssembly, so the second instance's request for it is the browser cache's (a
    context of its own: Playwright's request routing would switch the cache off)."""
    from playwright.sync_api import expect

    site, served = host
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        served.clear()
        page.goto(site.url("cari/?opd=Dinas+Kesehatan"))  # no words: the list's index
        status = page.locator("#kt-hasil .kt-hasil__status")
        expect(status).to_have_text(f"{len(PUSKESMAS_INNOVATIONS)} hasil ditemukan.")
        page.locator("#kt-cari-q").fill("puskesmas")
        page.locator("#kt-cari button[type=submit]").click()
        expect(status).to_contain_text("hasil ditemukan untuk “puskesmas”")
        engine = {p: n for p, n in served.items() if "pagefind" in p and p.endswith(("js", "find"))}
        assert sorted(engine.values()) == [1, 1, 1], engine  # script, worker, WebAssembly
        assert served["/pagefind-daftar/pagefind-entry.json"] == 1  # both indexes were used
        assert served["/pagefind/pagefind-entry.json"] == 1
        assert all(url.startswith(site.base) for url in requested)
    finally:
        context.close()


def test_the_word_list_is_built_from_the_indexed_text(site: Site) -> None:
    import json

    words = json.loads((site.folder / "pagefind-cari" / "kata.json").read_text("utf-8"))
    listed = {w: n for w, n in words["kata"]}
    assert listed["kesehatan"] >= 7  # the health office, its units and their innovations
    assert "kesehtan" not in listed
    assert not [w for w in listed if not w.isalpha()]
    entry = json.loads((site.folder / "pagefind-daftar" / "pagefind-entry.json").read_text())
    assert entry["languages"]["id"]["wasm"] == "/../../pagefind/wasm.id"


def test_a_shared_address_whose_filter_no_longer_exists_says_it_is_not_applied(
    reader: Session,
) -> None:
    """A link shared before an agency was renamed: the reader is told the filter is gone
    rather than silently shown something else; a filter that exists is kept."""
    from playwright.sync_api import expect

    page = reader.page
    reader.goto("cari/?q=puskesmas&opd=Dinas+Yang+Sudah+Berganti+Nama&status=Belum+diverifikasi")
    notice = page.locator("#kt-cari + .kt-saringan-usang")
    expect(notice).to_be_visible()
    expect(notice).to_have_text(
        "Saringan dari tautan ini tidak ada lagi di katalog dan tidak dipakai: Perangkat "
        "daerah “Dinas Yang Sudah Berganti Nama”. Hasil di bawah tanpa saringan itu."
    )
    expect(page.locator("#kt-cari select[name=opd]")).to_have_value("")
    expect(page.locator("#kt-cari select[name=status]")).to_have_value("Belum diverifikasi")
    assert _found(reader)  # the search ran without the unknown filter
    page.locator("#kt-cari select[name=status]").select_option("")
    expect(notice).to_be_hidden()  # the reader has changed the form: the note has done its work
    reader.goto("inovasi/?opd=Dinas+Lama")
    expect(page.locator("#kt-saring + .kt-saringan-usang")).to_contain_text("“Dinas Lama”")
    expect(page.locator(".kt-daftar-statis")).to_be_visible()  # the whole list, unfiltered


def test_a_page_load_does_not_download_the_sitemap(
    browser: Any, host: tuple[Site, Counter[str]]
) -> None:
    """Material's script fetches sitemap.xml for every link[rel=alternate] it finds (it
    takes them for language versions): with the feed linked as plain "alternate", every
    page load downloaded the whole sitemap, 183 KB gzip at 20,000 innovations. The feed is
    still announced, as "alternate feed" (feed readers read the tokens)."""
    from playwright.sync_api import expect

    site, served = host
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        served.clear()
        for path in ("", "inovasi/sepeda-baru/", "opd/bapperida/"):
            page.goto(site.url(path), wait_until="networkidle")
            feed = page.locator('link[type="application/atom+xml"]')
            expect(feed).to_have_attribute("rel", "alternate feed")
            assert "alternate" in feed.evaluate("link => [...link.relList]")
        assert served["/sitemap.xml"] == 0, dict(served)
        assert served["/"] == 1 and served["/inovasi/sepeda-baru/"] == 1
    finally:
        context.close()
