"""The page plan: which pages the site has, in a stable order, one page kind a module.

Pure: catalogue, scores and projection in, :class:`~generator.pages.context.Page` specs out
(no disk, no clock). Each page kind's module owns its builder and its view; what they share
is :mod:`generator.pages.context` (lookups, links, cards) and :mod:`generator.pages.parts`
(the shared view parts).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import partial

from generator.base.history import History
from generator.base.reuse import FRESH, Reuse
from generator.catalogue.records import Catalogue
from generator.iid.projection import YearProjection
from generator.iid.scoring import InnovationScore
from generator.pages import (
    agencies,
    agency,
    finding_codes,
    home,
    innovation,
    lists,
    open_data,
    regency_index,
    scorecards,
    search,
    statistics,
)
from generator.pages.context import Page, PageContext
from generator.pages.parts import Book
from generator.record.region import Region

covers = innovation.covers
preview_cards = innovation.preview_cards


def plan_pages(
    catalogue: Catalogue,
    scores: Mapping[str, InnovationScore],
    projection: Sequence[YearProjection],
    history: History,
    region: Region,
    book: Book | None = None,
    *,
    reuse: Reuse = FRESH,
    era: object = None,
) -> Iterator[Page]:
    """Every generated page of the site, in a stable order.

    Planned one at a time as the caller asks (an innovation's page is planned when it is
    rendered), so the views of a large catalogue are never all held at once. A preview's
    ``reuse`` keeps an innovation's page from its last build while everything the page shows
    is the same (:func:`generator.pages.innovation.shown_inputs`, within one ``era``).
    """
    ctx = PageContext.build(catalogue, scores, history, region, book, reuse=reuse, era=era)
    yield home.home_page(ctx)
    yield open_data.open_data_page(ctx)
    yield regency_index.regency_index_page(ctx, projection)
    yield finding_codes.finding_codes_page()
    yield agencies.agencies_page(ctx)
    yield from lists.innovation_lists(ctx)
    yield from lists.browse_pages(ctx)
    yield statistics.statistics_page(ctx)
    yield scorecards.scorecards_page(ctx)
    yield search.search_page(ctx)
    for unit in catalogue.agencies:
        yield from agency.agency_pages(ctx, unit)
    for record in catalogue.innovations:
        yield reuse.same(
            "halaman",
            record.slug,
            innovation.shown_inputs(ctx, record),
            partial(innovation.innovation_page, ctx, record),
        )
