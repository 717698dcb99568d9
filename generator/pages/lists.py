"""Lists a reader browses: "Semua inovasi" (``inovasi/``) and the browse overview with one
paged list per facet value (``jelajah/<facet>/<value>/``). Facet values come from
:mod:`generator.pages.facets`, the same definition the search filters and the statistics
use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from generator.base import urls
from generator.base.escape import Text, text
from generator.pages import parts as v
from generator.pages.context import Page, PageContext, href, meta
from generator.pages.facets import FACETS, UNSET, grouped
from generator.pages.paging import PAGE_SIZE, by_name, paged_list


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet with its count and list."""

    link: v.Link
    count: int


@dataclass(frozen=True)
class FacetSummary:
    """A facet on the browse overview."""

    title: Text
    anchor: Text
    values: tuple[FacetValue, ...]


@dataclass(frozen=True)
class BrowseView:
    """The browse overview: every facet with its values."""

    meta: v.Meta
    facets: tuple[FacetSummary, ...]


def innovation_lists(ctx: PageContext) -> list[Page]:
    """ "Semua inovasi", paged, with the in-browser filter and sort tools on page 1."""
    everything = by_name(ctx.catalogue.innovations)
    intro = (
        f"Katalog memuat {len(everything)} inovasi, diurutkan menurut nama (A–Z), "
        f"{PAGE_SIZE} per halaman."
    )
    return paged_list(
        ctx,
        urls.innovations_page_uri,
        "Semua inovasi",
        intro,
        everything,
        filters=ctx.filters,
        filter_sources=ctx.everything,
        description=f"Daftar seluruh inovasi daerah {ctx.region.pemda}.",
        # eleven zeros sorted are no order: the sort is offered once some score is claimed
        score_sort=any(ctx.scores[i.slug].klaim > 0 for i in everything),
    )


def browse_pages(ctx: PageContext) -> list[Page]:
    """The browse overview and one paged list per facet value."""
    pages: list[Page] = []
    summaries = []
    for facet in FACETS:
        values = []
        for (slug, label), found in grouped(ctx.catalogue, facet):
            first = urls.browse_uri(facet.key, slug)
            values.append(FacetValue(v.Link(href(urls.BROWSE, first), text(label)), len(found)))
            intro = (
                f"{len(found)} inovasi dengan {facet.label.lower()} {label}."
                if slug != UNSET[0]
                else f"{len(found)} inovasi yang {facet.label.lower()}-nya belum diisi."
            )
            pages += paged_list(
                ctx,
                partial(urls.browse_uri, facet.key, slug),
                f"{facet.label}: {label}",
                intro,
                by_name(found),
                back=(urls.BROWSE, "Kembali ke Jelajahi"),
            )
        summaries.append(FacetSummary(text(facet.label), text(facet.key), tuple(values)))
    overview = BrowseView(
        meta(
            "Jelajahi inovasi",
            f"Inovasi {ctx.region.pemda} menurut urusan, tahapan, jenis, bentuk, TPB dan tahun.",
        ),
        tuple(summaries),
    )
    return [Page(urls.BROWSE, "browse.html.j2", overview, ctx.everything), *pages]
