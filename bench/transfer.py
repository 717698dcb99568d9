"""Bytes a reader transfers: each page in a fresh browser (empty cache), on a 360 px phone.

Serves a built site on 127.0.0.1 and records every response body with Debian's Chromium
(Playwright); gzip level 6 is applied to each body to estimate what a server that
compresses would send. A page named ``cari`` counts one search: the page, then Pagefind's
script, WebAssembly, index chunks and the result fragments it loads (of the first part, on
a catalogue searched in parts); ``cari-semua`` then widens it to every part, and
``daftar-urut`` sorts "Semua inovasi" (newest first) with the filter counts shown.

``python -m bench.transfer SITE [PATH ...]`` prints the figures; the tests call
:func:`transfers` on the shipped catalogue and hold them to the budgets.
"""

from __future__ import annotations

import functools
import gzip
import re
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator.site import search_index

CHROMIUM = "/usr/bin/chromium"
KB = 1000
INDEX_FOLDERS = (search_index.BUNDLE, search_index.SEARCH, search_index.LIST)
_INDEX = re.compile("/(?:" + "|".join(map(re.escape, INDEX_FOLDERS)) + ")/")
"""The search indexes' files (search, its parts, the list's index)."""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Transfer:
    raw: int = 0
    gzip: int = 0
    requests: int = 0
    index_gzip: int = 0
    """Of ``gzip``: the search index (Pagefind's script, WebAssembly, index and fragments)."""
    urls: list[str] = field(default_factory=list)


def transfers(
    site: Path, pages: dict[str, str], browser: object | None = None
) -> dict[str, Transfer]:
    """Bytes each page (a fresh context, empty cache) fetches; a ``cari`` name counts a search.

    ``browser`` is a Playwright browser to reuse (the tests pass theirs); without one, this
    launches Debian's Chromium.
    """
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        if browser is not None:
            return _measure(browser, base, pages)
        from playwright.sync_api import sync_playwright

        args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        with sync_playwright() as p:
            launched = p.chromium.launch(executable_path=CHROMIUM, args=args)
            try:
                return _measure(launched, base, pages)
            finally:
                launched.close()
    finally:
        server.shutdown()
        server.server_close()


def _measure(browser: object, base: str, pages: dict[str, str]) -> dict[str, Transfer]:
    found: dict[str, Transfer] = {}
    for name, path in pages.items():
        context = browser.new_context(viewport={"width": 360, "height": 760})  # type: ignore[attr-defined]
        page = context.new_page()
        total = Transfer()

        def count(response: object, total: Transfer = total) -> None:
            try:
                body = response.body()  # type: ignore[attr-defined]
            except Exception:  # a redirect has no body
                return
            total.raw += len(body)
            packed = len(gzip.compress(body, 6, mtime=0))
            total.gzip += packed
            if _INDEX.search(response.url):  # type: ignore[attr-defined]
                total.index_gzip += packed
            total.requests += 1
            total.urls.append(response.url)  # type: ignore[attr-defined]

        page.on("response", count)
        page.goto(base + path, wait_until="networkidle")
        if name.startswith("cari"):
            page.wait_for_selector("#kt-hasil .kt-kartu", timeout=60_000)
            page.wait_for_load_state("networkidle")
        if name.startswith("daftar-urut"):  # "Semua inovasi" sorted: its own index
            page.locator("#kt-saring summary").click()
            page.locator("#kt-saring select[name=urut]").select_option(value="tahun:desc")
            page.wait_for_selector("#kt-hasil .kt-kartu", timeout=120_000)
            page.wait_for_load_state("networkidle")
        while name.startswith("cari-semua") and page.locator(".kt-hasil__perluas").count():
            button = page.locator(".kt-hasil__perluas").element_handle()
            button.click()  # "Cari juga di ... berikutnya"; the results replace the button
            button.wait_for_element_state("hidden", timeout=120_000)
            page.wait_for_selector("#kt-hasil .kt-kartu", timeout=120_000)  # searched again
            page.wait_for_load_state("networkidle")
        found[name] = total
        context.close()
    return found


def main() -> None:
    site = Path(sys.argv[1])
    paths = sys.argv[2:] or ["", "cari/?q=pelayanan"]
    pages = {path or "beranda": path for path in paths}
    for name, total in transfers(site, pages).items():
        print(
            f"{name}: {total.gzip / KB:.0f} KB gzip ({total.raw / KB:.0f} KB), "
            f"{total.requests} requests, index {total.index_gzip / KB:.0f} KB"
        )


if __name__ == "__main__":
    main()
