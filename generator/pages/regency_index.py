"""The Indeks Inovasi Daerah page (``indeks-inovasi/``): the regency's published results and
the projection of its innovation part per reporting year, computed from the catalogue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.base import urls
from generator.base.escape import Text, text, url
from generator.base.formats import desimal
from generator.iid.projection import ProjectionDetail, YearProjection
from generator.pages import parts as v
from generator.pages.context import (
    PREDICATE_COVERAGE,
    THRESHOLD,
    Page,
    PageContext,
    coverage,
    coverage_share,
    href,
    in_catalogue,
    meta,
    percent,
)


@dataclass(frozen=True)
class ProjectionRow:
    """One row of a year's projection table."""

    label: Text
    klaim: Text
    terverifikasi: Text
    maksimum: Text
    strong: bool


@dataclass(frozen=True)
class YearView:
    """One reporting year on the IID page."""

    year: int
    count: int
    not_computed: Text
    framework: Text
    divisor: Text
    below_minimum: bool
    rows: tuple[ProjectionRow, ...]
    count_rule: Text
    yandas: Text
    covered: tuple[Text, ...]
    missing: tuple[Text, ...]
    bands: Text
    innovations: v.Link | None
    coverage: v.Coverage


@dataclass(frozen=True)
class PublishedResult:
    """A published IID result (reference data), with its sources."""

    year: int
    summary: Text
    sources: tuple[v.Link, ...]


@dataclass(frozen=True)
class RegencyIndexView:
    """The Indeks Inovasi Daerah page: plain sentences first, then the years in detail."""

    meta: v.Meta
    summary: tuple[Text, ...]
    threshold: Text
    """The coverage from which a projection's predicate is printed, as a percentage."""
    published: tuple[PublishedResult, ...]
    years: tuple[YearView, ...]
    unreported: v.Link | None


def _range(low: float, high: float) -> Text:
    return text(f"{desimal(low).unescape()} – {desimal(high).unescape()}")


def _year_view(ctx: PageContext, year: YearProjection) -> YearView:
    count = len(year.inovasi)
    links = (
        v.Link(
            href(urls.REGENCY_INDEX, urls.browse_uri("tahun", str(year.tahun))),
            text(f"Lihat {count} inovasi yang dilaporkan tahun {year.tahun}"),
        )
        if count
        else None
    )
    r = year.rincian
    empty = text("")
    if r is None or year.kerangka is None:
        return YearView(
            year=year.tahun, count=len(year.inovasi), not_computed=text(year.catatan or ""),
            framework=empty, divisor=empty, below_minimum=False, rows=(),
            count_rule=empty, yandas=empty, covered=(), missing=(), bands=empty,
            innovations=links, coverage=coverage(ctx, year.tahun),
        )  # fmt: skip
    framework = ctx.catalogue.reference.framework(year.kerangka)
    urusan = ctx.catalogue.reference.urusan
    n = len(year.inovasi)
    maks = text(f"{framework.skor_maksimum} per inovasi")
    hidden = _predicate_hidden(ctx, year.tahun)
    predikat_k = hidden or " s.d. ".join(p.nama for p in r.klaim.rentang.predikat)
    predikat_t = hidden or " s.d. ".join(p.nama for p in r.terverifikasi.rentang.predikat)
    verified = r.terverifikasi
    table: list[tuple[str, Text, Text, Text, bool]] = [
        (
            "Jumlah skor inovasi",
            text(str(r.klaim.jumlah_skor)),
            text(f"{verified.jumlah_skor} ({r.jumlah_diverifikasi} inovasi terverifikasi)"),
            maks,
            False,
        ),
        (
            f"Rata-rata (÷ {r.pembagi})",
            desimal(r.klaim.rata_rata),
            desimal(verified.rata_rata),
            text(str(framework.skor_maksimum)),
            False,
        ),
        (
            "Skor jumlah inovasi",
            desimal(r.skor_jumlah_inovasi),
            desimal(r.skor_jumlah_inovasi),
            desimal(r.batas_inovasi * r.per_inovasi),
            False,
        ),
        (
            "Bagian inovasi",
            desimal(r.klaim.nilai),
            desimal(verified.nilai),
            desimal(r.bagian_inovasi_maksimum),
            True,
        ),
        (
            "Bagian SPD",
            text("belum tersedia di katalog"),
            empty,
            desimal(r.skor_spd_maksimum),
            False,
        ),
        (
            "Rentang IID (SPD 0 sampai maksimum)",
            _range(r.klaim.rentang.minimum, r.klaim.rentang.maksimum),
            _range(verified.rentang.minimum, verified.rentang.maksimum),
            text("100"),
            False,
        ),
        (
            "Predikat yang mungkin",
            text(predikat_k),
            text("") if hidden else text(predikat_t),
            empty,
            False,
        ),
    ]
    rows = tuple(ProjectionRow(text(label), k, t, m, strong) for label, k, t, m, strong in table)
    rule = f"Skor jumlah inovasi: MIN({n}, {r.batas_inovasi}) × {desimal(r.per_inovasi).unescape()}"
    yandas = f"Cakupan urusan wajib pelayanan dasar: {r.yandas.jumlah} dari 6"
    if r.yandas.syarat_minimum is not None:
        rule += (
            f", hanya bila inovasi mencakup paling sedikit {r.yandas.syarat_minimum} dari 6 "
            "urusan wajib pelayanan dasar"
        )
        yandas += (
            " (syarat terpenuhi)"
            if r.yandas.terpenuhi
            else " (syarat belum terpenuhi: skor jumlah inovasi 0)"
        )
    bands = "; ".join(
        f"{p.nama} {desimal(p.min).unescape()}–{desimal(p.max).unescape()}" for p in r.predikat
    )
    return YearView(
        year=year.tahun,
        count=n,
        not_computed=empty,
        framework=text(framework.nama),
        divisor=text(f"MAX({r.pembagi_minimum}, {n}) = {r.pembagi}"),
        below_minimum=n < r.pembagi_minimum,
        rows=rows,
        count_rule=text(rule + "."),
        yandas=text(yandas + "."),
        covered=tuple(text(urusan[k].nama) for k in r.yandas.tercakup),
        missing=tuple(text(urusan[k].nama) for k in r.yandas.belum),
        bands=text(f"Predikat tahun {year.tahun}: {bands}."),
        innovations=links,
        coverage=coverage(ctx, year.tahun),
    )


def _predicate_hidden(ctx: PageContext, year: int) -> str:
    """Why no predicate is printed for ``year`` (empty when the coverage allows one)."""
    share = coverage_share(ctx, year)
    reported = ctx.catalogue.reference.reported(year)
    if share is None or reported is None:
        return (
            "tidak ditampilkan: jumlah inovasi yang dilaporkan pemerintah kabupaten tahun ini "
            "belum diketahui, sehingga cakupan katalog tidak dapat dinilai"
        )
    if share < PREDICATE_COVERAGE:
        return (
            "tidak ditampilkan: katalog baru memuat "
            f"{percent(in_catalogue(ctx, year), reported.jumlah)} inovasi yang dilaporkan tahun "
            f"ini (paling sedikit {THRESHOLD})"
        )
    return ""


def _summary(ctx: PageContext, projection: Sequence[YearProjection]) -> tuple[Text, ...]:
    """The answer first, in plain sentences, for the latest year that could be projected."""
    latest = next((y for y in reversed(projection) if y.rincian is not None), None)
    if latest is None or latest.rincian is None or latest.kerangka is None:
        return (text("Belum ada tahun pelaporan yang dapat diproyeksikan dari katalog."),)
    r, year, n = latest.rincian, latest.tahun, len(latest.inovasi)
    framework = ctx.catalogue.reference.framework(latest.kerangka)
    urusan = ctx.catalogue.reference.urusan
    bands = " atau ".join(p.nama for p in r.klaim.rentang.predikat) or "belum dapat ditentukan"
    hidden = _predicate_hidden(ctx, year)
    lines = [
        f"Proyeksi dari catatan katalog saja. {coverage(ctx, year).sentence.unescape()}",
        f"Tahun {year}, kerangka {framework.nama}: {n} inovasi di katalog dilaporkan.",
        f"Dari skor klaim yang berbukti, bagian inovasi {ctx.region.pemda} "
        f"{desimal(r.klaim.nilai).unescape()} dari maksimum "
        f"{desimal(r.bagian_inovasi_maksimum).unescape()}; dari skor yang sudah diverifikasi "
        f"pokja {desimal(r.terverifikasi.nilai).unescape()}.",
        f"Bagian pemerintah daerah (SPD) tidak ada di katalog, jadi IID hanya dapat "
        f"diperkirakan pada rentang {_range(r.klaim.rentang.minimum, r.klaim.rentang.maksimum)}"
        + (f"; predikat {hidden}." if hidden else f": predikat {bands}."),
    ]
    if r.yandas.belum:
        names = "; ".join(urusan[k].nama for k in r.yandas.belum)
        lines.append(
            f"Urusan wajib pelayanan dasar yang belum punya inovasi di katalog (menurut urusan "
            f"yang dicantumkan inovasinya): {names}."
        )
    unset = sum(
        1
        for slug in latest.inovasi
        if (found := ctx.catalogue.innovation(slug)) is not None and found.data.urusan is None
    )
    if unset:
        lines.append(
            f"{unset} inovasi tahun {year} belum mengisi urusan, sehingga tidak ikut dihitung "
            "dalam cakupan urusan."
        )
    if not r.yandas.terpenuhi and r.yandas.syarat_minimum is not None:
        lines.append(
            f"Selama kurang dari {r.yandas.syarat_minimum} dari 6 urusan itu tercakup, skor "
            "jumlah inovasi bernilai 0."
        )
    else:
        lines.append(
            f"Setiap inovasi tambahan yang dilaporkan menambah {desimal(r.per_inovasi).unescape()} "
            f"poin skor jumlah inovasi, ditambah skornya sendiri dibagi {r.pembagi}."
        )
    if not hidden and (step := _next_band_line(r)) is not None:
        lines.append(step)
    return tuple(text(line) for line in lines)


def _next_band_line(r: ProjectionDetail) -> str | None:
    """How many more innovations lift the IID that is certain (SPD 0) into the next band."""
    nxt = r.menuju_predikat
    if nxt is None:
        return None
    each = (
        f"masing-masing berskor {desimal(nxt.skor_per_inovasi).unescape()}, rata-rata "
        "inovasi berbukti tahun ini"
        if nxt.skor_per_inovasi
        else "yang dihitung dari skor jumlah inovasi saja (belum ada inovasi berbukti "
        "tahun ini sebagai patokan)"
    )
    if nxt.jumlah is None:
        return (
            f"Tambahan inovasi {each} saja tidak cukup untuk mencapai predikat "
            f"{nxt.predikat.nama} tanpa bagian SPD; skor tiap inovasi perlu dinaikkan "
            "dengan bukti dukung."
        )
    yandas = (
        " (yang pertama mengisi urusan wajib yang belum tercakup)" if not r.yandas.terpenuhi else ""
    )
    return (
        f"Bahkan bila bagian SPD bernilai 0, predikat {nxt.predikat.nama} tercapai dengan "
        f"{nxt.jumlah} inovasi lagi{yandas}, {each}."
    )


def _published(ctx: PageContext) -> tuple[PublishedResult, ...]:
    return tuple(
        PublishedResult(
            h.tahun,
            text(h.ringkasan),
            tuple(v.Link(url(s.url), text(s.judul)) for s in h.sumber),
        )
        for h in sorted(ctx.catalogue.reference.hasil, key=lambda h: h.tahun, reverse=True)
    )


def _with_gaps(projection: Sequence[YearProjection]) -> list[YearProjection]:
    """Every year from the first to the last, so a year nobody reported says so."""
    if not projection:
        return []
    known = {y.tahun: y for y in projection}
    empty = "tidak ada inovasi di katalog yang dilaporkan tahun ini"
    return [
        known.get(year) or YearProjection(year, (), None, None, empty)
        for year in range(projection[0].tahun, projection[-1].tahun + 1)
    ]


def regency_index_page(ctx: PageContext, projection: Sequence[YearProjection]) -> Page:
    unreported = sum(1 for i in ctx.catalogue.innovations if not i.data.tahun_laporan)
    view = RegencyIndexView(
        meta=meta(
            "Indeks Inovasi Daerah",
            f"Proyeksi bagian inovasi Indeks Inovasi Daerah {ctx.region.pemda} per tahun "
            "pelaporan, dihitung dari katalog.",
        ),
        summary=_summary(ctx, projection),
        threshold=text(THRESHOLD),
        published=_published(ctx),
        years=tuple(_year_view(ctx, y) for y in reversed(_with_gaps(projection))),
        unreported=v.Link(
            href(urls.REGENCY_INDEX, urls.browse_uri("tahun", "belum-diisi")),
            text(f"{unreported} inovasi belum mencantumkan tahun pelaporan"),
        )
        if unreported
        else None,
    )
    return Page(urls.REGENCY_INDEX, "regency-index.html.j2", view, ctx.everything)
