"""End-to-end: build the shipped catalogue, serve it locally, drive Debian's chromium.

The site is built once per module with the real CLI (``python -m generator build``), served
from a local ``ThreadingHTTPServer`` on 127.0.0.1, and visited with Playwright's sync API
using ``/usr/bin/chromium`` (browsers are never downloaded). Every test also records every
request and console message: the public site must load nothing from other hosts and log no
errors.

Without ``/usr/bin/chromium`` (or without Playwright) the tests are skipped, except under CI
(``CI`` set), where that is a failure: ``make test`` installs chromium before running them.
"""

from __future__ import annotations

import functools
import os
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urldefrag, urlsplit

import pytest

from conftest import ROOT, run_sepeda

pytestmark = pytest.mark.browser


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TODAY = "2026-11-23"
HOST = "127.0.0.1"
TIMEOUT_MS = 20_000
MOBILE = {"width": 390, "height": 844}

SEPEDA_BARU = "inovasi/sepeda-baru/"
SEPEDA_BARU_NAME = "Sistem Penjaringan Inovasi Daerah Balangan Terpadu"
BAPPERIDA = "opd/bapperida/"
BAPPERIDA_NAME = "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"
NEWS_RECORD = "inovasi/galuh-sanggam/"
NEWS_WARNING = "Dihimpun dari pemberitaan"


def _unavailable(reason: str) -> NoReturn:
    """Skip on a developer's machine; fail under CI, where a skip would hide the test."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: the browser test must run in CI)", pytrace=False)
    pytest.skip(reason)


# ---- the built site, served locally ----------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class Site:
    """The built site folder and the base URL it is served from (ends with '/')."""

    folder: Path
    base: str

    def url(self, path: str = "") -> str:
        return self.base + path


def _build(out: Path) -> None:
    result = run_sepeda(ROOT, "build", "--out", str(out))
    assert result.returncode == 0, (
        f"sepeda build failed (exit {result.returncode})\n"
        f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    )
    assert (out / "index.html").is_file(), f"no index.html in {out}"


@contextmanager
def serving(out: Path) -> Iterator[Site]:
    """Serve a built site folder on 127.0.0.1 at a free port while the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = ThreadingHTTPServer((HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="e2e-http", daemon=True)
    thread.start()
    try:
        yield Site(out, f"http://{HOST}:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Build the shipped catalogue once, serve it on 127.0.0.1 at a free port."""
    out = tmp_path_factory.mktemp("e2e") / "site"
    _build(out)
    with serving(out) as served:
        yield served


# ---- the browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def _is_local(url: str, base: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.scheme == "http" and parts.netloc == urlsplit(base).netloc


@dataclass
class Session:
    """One browser context with everything it requested and every console error."""

    page: Any
    site: Site
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def goto(self, path: str = "") -> None:
        response = self.page.goto(self.site.url(path), wait_until="load")
        assert response is not None and response.status == 200, f"GET /{path}: {response}"

    def assert_clean(self) -> None:
        """Nothing was requested from another host and nothing was logged as an error."""
        external = sorted({u for u in self.requests if not _is_local(u, self.site.base)})
        assert not external, "requests to other hosts:\n  " + "\n  ".join(external)
        assert not self.errors, "console errors:\n  " + "\n  ".join(self.errors)


def _session(browser: Any, site: Site, **context_options: Any) -> Iterator[Session]:
    context = browser.new_context(locale="id-ID", timezone_id="Asia/Makassar", **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    session = Session(page, site)
    context.on("request", lambda request: session.requests.append(request.url))
    # Never let a request leave the machine (the assertion lists it afterwards).
    context.route(lambda url: not _is_local(url, site.base), lambda route: route.abort())

    def on_console(message: Any) -> None:
        if message.type == "error":
            session.errors.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: session.errors.append(f"{page.url}: uncaught {error}"))
    try:
        yield session
    finally:
        context.close()


@pytest.fixture
def desktop(browser: Any, site: Site) -> Iterator[Session]:
    yield from _session(browser, site, viewport={"width": 1280, "height": 900})


@pytest.fixture
def mobile(browser: Any, site: Site) -> Iterator[Session]:
    yield from _session(
        browser,
        site,
        viewport=MOBILE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )


def _section(page: Any, heading: str) -> Any:
    """The elements after the ``<h2>`` that starts with ``heading``, up to the next ``<h2>``."""
    starts = f"starts-with(normalize-space(.), '{heading}')"
    return page.locator(
        f"xpath=//h2[{starts}]/following-sibling::*[not(self::h2)][preceding-sibling::h2[1][{starts}]]"
    )


def _text(locator: Any) -> str:
    return " ".join(" ".join(locator.all_inner_texts()).split())


# ---- tests ------------------------------------------------------------------------------


def test_home_to_agency_to_sepeda_baru(desktop: Session) -> None:
    from playwright.sync_api import expect

    page = desktop.page
    desktop.goto()
    expect(page.locator("h1").first).to_contain_text("Katalog Inovasi Daerah")

    page.locator("main a", has_text=BAPPERIDA_NAME).first.click()
    expect(page).to_have_url(desktop.site.url(BAPPERIDA))
    expect(page.locator("h1").first).to_contain_text(BAPPERIDA_NAME)

    card_link = page.get_by_role(
        "link", name=re.compile(rf"SEPEDA BARU|{SEPEDA_BARU_NAME}", re.IGNORECASE)
    )
    card_link.first.click()
    expect(page).to_have_url(desktop.site.url(SEPEDA_BARU))
    expect(page.locator("h1").first).to_contain_text(SEPEDA_BARU_NAME)
    expect(page).to_have_title(re.compile(re.escape(SEPEDA_BARU_NAME)))

    # Linimasa: the three dates, in Indonesian, in order.
    timeline = _section(page, "Linimasa")
    expect(timeline.first).to_be_visible()
    text = _text(timeline)
    dates = ["1 Maret 2020", "5 Januari 2021", "26 Januari 2021"]
    positions = [text.find(d) for d in dates]
    assert all(p >= 0 for p in positions), f"timeline lacks a date of {dates}: {text!r}"
    assert positions == sorted(positions), f"timeline dates out of order: {text!r}"

    # Capaian: a per-year chart (inline SVG) and a table holding the same series.
    capaian = _section(page, "Capaian")
    chart = capaian.locator("svg").first
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 50, box
    table = capaian.locator("xpath=descendant-or-self::table").first
    expect(table).to_be_visible()
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    assert "Tahun" in headers and "Nilai" in headers, headers
    rows = [
        [c.strip() for c in row.locator("td").all_inner_texts()]
        for row in table.locator("tbody tr").all()
    ]
    series = [(r[headers.index("Tahun")], r[headers.index("Nilai")]) for r in rows]
    assert series == [
        ("2017", "2"),
        ("2018", "0"),
        ("2019", "0"),
        ("2020", "18"),
        ("2021", "32"),
        ("2022", "100"),
    ], series
    chart_text = " ".join(chart.locator("text").all_text_contents())
    for year in ("2017", "2022"):
        assert year in chart_text, f"chart lacks the year {year}: {chart_text!r}"

    # An agency-owned record is not flagged as news data.
    expect(page.get_by_text(NEWS_WARNING)).to_have_count(0)
    desktop.assert_clean()


def test_news_record_shows_warning(desktop: Session) -> None:
    from playwright.sync_api import expect

    desktop.goto(NEWS_RECORD)
    page = desktop.page
    warning = page.locator(".admonition", has_text=NEWS_WARNING)
    expect(warning).to_have_count(1)
    expect(warning).to_be_visible()
    # what the news says comes first; nothing that reads as a verdict or a placeholder
    headings = [h.rstrip("¶").strip() for h in page.locator("article h2").all_inner_texts()]
    assert headings.index("Sumber berita") < headings.index("Profil inovasi"), headings
    body = page.locator("article.md-content__inner").inner_text()
    # the record's own provenance note (its words, not the site's) may say anything
    body = body.replace(page.locator("tr", has_text="Catatan sumber").inner_text(), "")
    for filler in ("Belum dikonfirmasi", "Belum ada tanggal", "Skor klaim", "diverifikasi"):
        assert filler not in body, filler
    desktop.assert_clean()


def test_search_finds_sepeda_baru(desktop: Session) -> None:
    from playwright.sync_api import expect

    page = desktop.page
    desktop.goto()
    assert not [u for u in desktop.requests if "/pagefind" in u]  # no index on page load
    desktop.goto("cari/")
    page.locator("#kt-cari-q").fill("sepeda")
    page.locator("#kt-cari button[type=submit]").click()
    result = page.locator(f"#kt-hasil .kt-kartu__judul a[href*='{SEPEDA_BARU}']")
    expect(result.first).to_have_text(SEPEDA_BARU_NAME)
    expect(page.locator("#kt-hasil .kt-kartu__opd").first).to_have_text(BAPPERIDA_NAME)
    assert "q=sepeda" in page.url  # a result page can be shared
    desktop.assert_clean()


def test_mobile_innovation_page_fits_viewport(mobile: Session, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page = mobile.page
    mobile.goto(SEPEDA_BARU)
    expect(page.locator("h1").first).to_contain_text(SEPEDA_BARU_NAME)
    shot = tmp_path / "sepeda-baru-390.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.is_file() and shot.stat().st_size > 1000, shot

    width = MOBILE["width"]
    widths = page.evaluate(
        "() => ({document: document.documentElement.scrollWidth,"
        " body: document.body.scrollWidth, inner: window.innerWidth})"
    )
    wide = page.evaluate(
        """width => Array.from(document.querySelectorAll('main *'))
              .filter(e => e.getBoundingClientRect().right > width + 1)
              .slice(0, 3)
              .map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className
                   ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                   + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + 'px)')""",
        width,
    )
    assert widths["document"] <= width + 1 and widths["body"] <= width + 1, (
        f"horizontal scroll at {width}px: scrollWidth {widths}; too wide: {wide}; see {shot}"
    )
    mobile.assert_clean()


def _same_site_urls(page: Any, base: str) -> set[str]:
    found = page.evaluate(
        """() => [
            ...Array.from(document.querySelectorAll('a[href]'), a => a.href),
            ...Array.from(document.querySelectorAll('img[src]'), i => i.src),
            ...Array.from(document.querySelectorAll('link[rel=stylesheet][href]'), l => l.href),
            ...Array.from(document.querySelectorAll('script[src]'), s => s.src),
        ]"""
    )
    return {urldefrag(u).url for u in found if urlsplit(u).netloc == urlsplit(base).netloc}


def _status(url: str) -> int | str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local http
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError as exc:
        return f"{type(exc).__name__}: {exc}"


@pytest.mark.parametrize("path", ["", BAPPERIDA, SEPEDA_BARU], ids=["home", "opd", "inovasi"])
def test_same_site_links_resolve(desktop: Session, path: str) -> None:
    desktop.goto(path)
    urls = _same_site_urls(desktop.page, desktop.site.base)
    assert len(urls) > 10, f"suspiciously few links on /{path}: {sorted(urls)}"
    broken = {u: s for u in sorted(urls) if (s := _status(u)) != 200}
    assert not broken, f"broken same-site links on /{path}:\n" + "\n".join(
        f"  {s}  {u}" for u, s in broken.items()
    )
    desktop.assert_clean()


def test_pages_stay_within_their_byte_budgets(site: Site, browser: Any) -> None:
    """First visit, empty cache, 360 px: home <= 150 KB, an innovation <= 200 KB (gzip)."""
    from bench.transfer import transfers

    pages = {"beranda": "", "inovasi": SEPEDA_BARU, "cari": "cari/?q=inovasi"}
    found = transfers(site.folder, pages, browser)
    assert found["beranda"].gzip <= 150_000, found["beranda"]
    assert found["inovasi"].gzip <= 200_000, found["inovasi"]
    assert 0 < found["cari"].index_gzip <= 300_000, found["cari"]
    assert found["beranda"].index_gzip == 0  # no search index on a page load
