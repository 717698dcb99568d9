"""Paged lists of innovation cards: every list has :data:`PAGE_SIZE` cards a page, so no page
grows with the catalogue, and without JavaScript a list is still complete across its
pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from generator.base.escape import text
from generator.catalogue.records import Innovation
from generator.pages import parts as v
from generator.pages.context import (
    Page,
    PageContext,
    card,
    card_parts,
    href,
    meta,
    shown_files,
)

PAGE_SIZE = 24
"""Cards per list page."""


PAGER_WINDOW = 2
"""Numbered links shown either side of the current page (plus the first and the last)."""


def by_name(innovations: Sequence[Innovation]) -> list[Innovation]:
    """Innovations in reading order: by name, case- and accent-blind, then slug."""
    return sorted(innovations, key=lambda i: (i.data.nama.casefold(), i.slug))


def _pager(uris: Sequence[str], current: int) -> v.Pager | None:
    """Links from page ``current`` (1-based) to its neighbours, first, last and a window."""
    if len(uris) < 2:
        return None
    here = uris[current - 1]
    last = len(uris)
    shown = {1, last, *range(current - PAGER_WINDOW, current + PAGER_WINDOW + 1)}
    links: list[v.PagerLink] = []
    previous_number = 0
    for number in sorted(n for n in shown if 1 <= n <= last):
        if number > previous_number + 1:
            links.append(v.PagerLink(0, href(here, uris[number - 1]), False))
        links.append(v.PagerLink(number, href(here, uris[number - 1]), number == current))
        previous_number = number
    return v.Pager(
        label=text(f"Halaman {current} dari {last}"),
        previous=href(here, uris[current - 2]) if current > 1 else None,
        next=href(here, uris[current]) if current < last else None,
        links=tuple(links),
    )


def paged_list(
    ctx: PageContext,
    uri_of: Callable[[int], str],
    title: str,
    intro: str,
    innovations: Sequence[Innovation],
    *,
    filters: tuple[v.FilterChoice, ...] = (),
    back: tuple[str, str] | None = None,
    description: str | None = None,
    score_sort: bool = True,
    sources: tuple[str, ...] = (),
    filter_sources: tuple[str, ...] = (),
) -> list[Page]:
    """Pages of :data:`PAGE_SIZE` cards; page 1 at ``uri_of(1)`` (with ``filters``, and the
    sort by claimed score when ``score_sort``). Each page's sources are every listed
    innovation's files (the order and the count depend on all of them), after ``sources``;
    page 1 also shows ``filter_sources`` (the files its filters' values come from).

    A preview keeps a page while everything it shows is the same: its cards (the same
    objects, :func:`~generator.pages.context.card_parts`), the number of pages and the
    texts; an edited name re-plans the one page that shows it, unless the order changed.
    """
    shown = (*sources, *shown_files(ctx.catalogue, innovations))
    count = max(1, -(-len(innovations) // PAGE_SIZE))
    uris = [uri_of(n) for n in range(1, count + 1)]
    pages = []
    for number, uri in enumerate(uris, start=1):
        chunk = innovations[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        heading = title if number == 1 else f"{title} (halaman {number})"
        page_filters = filters if number == 1 else ()
        page_sources = (*shown, *filter_sources) if page_filters else shown
        plan = partial(
            _list_page,
            ctx,
            uris,
            number,
            chunk,
            (heading, intro, description or intro),
            page_filters,
            back,
            score_sort,
            page_sources,
        )
        if not ctx.reuse.enabled:
            pages.append(plan())
            continue
        settled = (
            ctx.era,
            heading,
            intro,
            description,
            page_filters,
            back,
            score_sort,
            count,
            page_sources,
            *(card_parts(ctx, i) for i in chunk),
            *(i.slug for i in chunk),
        )
        pages.append(ctx.reuse.by_value("daftar", uri, settled, plan))
    return pages


def _list_page(
    ctx: PageContext,
    uris: Sequence[str],
    number: int,
    chunk: Sequence[Innovation],
    words: tuple[str, str, str],
    filters: tuple[v.FilterChoice, ...],
    back: tuple[str, str] | None,
    score_sort: bool,
    sources: tuple[str, ...],
) -> Page:
    """Page ``number`` of a list; ``words`` are its heading, intro and description."""
    uri = uris[number - 1]
    heading, intro, description = words
    view = v.ListView(
        meta=meta(heading, description),
        title=text(heading),
        intro=text(intro),
        cards=tuple(card(ctx, i, uri) for i in chunk),
        pager=_pager(uris, number),
        filters=filters,
        back=v.Link(href(uri, back[0]), text(back[1])) if back else None,
        score_sort=score_sort,
    )
    return Page(uri, "innovations.html.j2", view, sources)
