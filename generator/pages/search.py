"""The search page (``cari/``): a form whose results come from the Pagefind index in the
browser.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.base import urls
from generator.pages import parts as v
from generator.pages.context import Page, PageContext, meta


@dataclass(frozen=True)
class SearchView:
    """The search page (results come from the Pagefind index in the browser)."""

    meta: v.Meta
    filters: tuple[v.FilterChoice, ...]


def search_page(ctx: PageContext) -> Page:
    """The search page: a form that works with JavaScript (results from the search index)."""
    view = SearchView(
        meta("Cari inovasi", f"Cari inovasi daerah {ctx.region.pemda}."),
        ctx.filters,
    )
    return Page(urls.SEARCH, "search.html.j2", view, ctx.everything)
