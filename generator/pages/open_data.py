"""The open-data page (``data-terbuka/``): the downloads, the date of the data, the terms of
reuse and the data dictionary.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.base import urls, vocab
from generator.base.escape import Text, text, url
from generator.base.exports import EXPORTS
from generator.base.formats import tanggal
from generator.pages import parts as v
from generator.pages.context import Page, PageContext, book_link, href, meta
from generator.record import facts
from generator.record.models import Inovasi
from generator.record.region import Region


@dataclass(frozen=True)
class DataFile:
    """One downloadable open-data file."""

    link: v.Link
    about: Text


@dataclass(frozen=True)
class CodeList:
    """The codes of one column and their labels (data dictionary)."""

    column: Text
    rows: tuple[v.Row, ...]


@dataclass(frozen=True)
class OpenDataView:
    """The open-data page: files, date, terms, and the data dictionary."""

    meta: v.Meta
    count: int
    files: tuple[DataFile, ...]
    data_date: Text
    terms: Text
    licence: v.Link | None
    columns: tuple[v.Row, ...]
    codes: tuple[CodeList, ...]
    book: v.Link | None
    """The yearly book (PDF), when the build publishes one."""


TERMS = "Data dapat digunakan ulang dengan menyebut sumbernya: Katalog Inovasi Daerah {pemda}."


def _licence_link(region: Region) -> v.Link | None:
    lic = region.licence
    return v.Link(url(lic.url), text(lic.nama)) if lic is not None else None


def open_data_page(ctx: PageContext) -> Page:
    """Downloads, the date of the data, the terms of reuse and the data dictionary."""
    here = urls.OPEN_DATA
    day = ctx.history.data_date
    ref = ctx.catalogue.reference
    codes = [
        ("tahapan", vocab.TAHAPAN),
        ("jenis", vocab.JENIS_INOVASI),
        ("bentuk", vocab.BENTUK),
        ("sumber_data", vocab.SUMBER_DATA),
        ("status_verifikasi", vocab.STATUS_VERIFIKASI),
        ("urusan_utama", {key: u.nama for key, u in ref.urusan.items()}),
        ("kerangka", {k.id: k.nama for k in ref.kerangka}),
    ]
    view = OpenDataView(
        meta(
            "Data terbuka",
            f"Unduh data katalog inovasi daerah {ctx.region.pemda}: Excel, CSV dan JSON, "
            "dengan kamus data.",
        ),
        len(ctx.catalogue.innovations),
        tuple(
            DataFile(v.Link(href(here, e.link), text(e.link)), text(e.description)) for e in EXPORTS
        ),
        text(f"Data per {tanggal(day).unescape()}." if day else "Tanggal data tidak diketahui."),
        text(TERMS.format(pemda=ctx.region.pemda)),
        _licence_link(ctx.region),
        tuple(v.Row(text(c.name), text(c.about)) for c in facts.columns(Inovasi)),
        tuple(
            CodeList(text(column), tuple(v.Row(text(k), text(label)) for k, label in table.items()))
            for column, table in codes
        ),
        book_link(ctx, here),
    )
    return Page(here, "open-data.html.j2", view, ctx.everything)
