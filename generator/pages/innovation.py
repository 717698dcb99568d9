"""The page of one innovation: profile, timeline, results, the IID indicator table with its
evidence and the pokja's levels, prose, media, awards, replications and contact; its
search fields; and the generated covers of innovations without a photo.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from generator.base import urls, vocab
from generator.base.escape import Html, Text, Url, plain_text, prose, text, url
from generator.base.formats import angka, tanggal
from generator.catalogue.records import Agency, Catalogue, Innovation
from generator.iid.scoring import score_with
from generator.pages import cards, graphics
from generator.pages import parts as v
from generator.pages.context import (
    Page,
    PageContext,
    agency_link,
    colour,
    cover_file,
    href,
    latest_date,
    meta,
    score_view,
    small_cover,
    webp_href,
)
from generator.pages.facets import FACETS
from generator.record import facts
from generator.record.models import Bukti, Kontak, Media
from generator.record.region import Region


@dataclass(frozen=True)
class Step:
    """A stage of the timeline."""

    label: Text
    date: Text
    state: Text
    current: bool


@dataclass(frozen=True)
class Chart:
    """An inline SVG chart with its caption."""

    svg: Html
    caption: Text


@dataclass(frozen=True)
class ResultRow:
    """One row of the per-year results table."""

    year: int
    value: Text
    unit: Text
    note: Text


@dataclass(frozen=True)
class Evidence:
    """One piece of supporting evidence of a claim."""

    link: v.Link
    external: bool
    reference: Text


@dataclass(frozen=True)
class IndicatorLine:
    """One claimed indicator in the indicator table."""

    title: Text
    wajib: bool
    claim: Text
    note: Text
    points: Text
    evidence: tuple[Evidence, ...]
    pokja: Text
    pokja_note: Text


@dataclass(frozen=True)
class PokjaNote:
    """The pokja's general note on a verification."""

    heading: Text
    body: Html


@dataclass(frozen=True)
class Indicators:
    """The IID section of an innovation page."""

    framework: Text
    framework_reason: Text
    score: v.Score
    status: Text
    note: PokjaNote | None
    missing: Text
    lines: tuple[IndicatorLine, ...]


@dataclass(frozen=True)
class Award:
    """An award or competition result."""

    year: Text
    """The year, or "Tahun tidak diketahui"."""
    name: Text
    rank: Text
    kind: Text


@dataclass(frozen=True)
class Replica:
    """A regional government that replicated the innovation."""

    pemda: Text
    year: int
    link: Url | None


@dataclass(frozen=True)
class Proposal:
    """A competition proposal with its sections."""

    summary: Text
    sections: tuple[v.Section, ...]


@dataclass(frozen=True)
class Goal:
    """A Sustainable Development Goal (TPB); its official colour is CSS ``kt-tpb--<n>``."""

    number: int
    label: Text


@dataclass(frozen=True)
class SearchField:
    """A value the search index reads from a page: a filter, a result field or a sort key."""

    kind: Text
    key: Text
    value: Text


@dataclass(frozen=True)
class PastYear:
    """The claims kept for an earlier reporting year (``riwayat``), scored as claimed."""

    year: int
    framework: Text
    score: Text
    claims: tuple[Text, ...]


@dataclass(frozen=True)
class InnovationView:
    """The page of one innovation."""

    meta: v.Meta
    search: tuple[SearchField, ...]
    name: Text
    badges: tuple[v.Badge, ...]
    score: v.Score
    is_news: bool
    cover: v.Photo
    summary: Html
    agency: v.Link
    profile: tuple[v.Row, ...]
    timeline: tuple[Step, ...]
    charts: tuple[Chart, ...]
    results: tuple[ResultRow, ...]
    indicators: Indicators | None
    goals: tuple[Goal, ...]
    how_scored: Url
    changed: Text
    edit: Url | None
    """"Terakhir diubah ..." from Git history, or empty when unknown."""
    design: tuple[v.Section, ...]
    sections: tuple[v.Section, ...]
    photos: tuple[v.Photo, ...]
    documents: tuple[v.Link, ...]
    video: Url | None
    links: tuple[v.Link, ...]
    awards: tuple[Award, ...]
    replicas: tuple[Replica, ...]
    replicated_by: tuple[v.Link, ...]
    contact: tuple[v.Row, ...]
    proposals: tuple[Proposal, ...]
    past_years: tuple[PastYear, ...] = ()


def _timeline(innovation: Innovation) -> tuple[Step, ...]:
    data = innovation.data
    if data.tahapan is None and data.tanggal is None:
        return ()  # a news record without dates: no timeline of placeholders
    order = list(vocab.TAHAPAN)
    reached = order.index(data.tahapan) if data.tahapan else -1
    dates = dict(data.tanggal.steps()) if data.tanggal else {}
    labels = {"mulai": "Inovasi dimulai", "uji_coba": "Uji coba", "penerapan": "Penerapan"}
    steps = []
    for i, (key, label) in enumerate(labels.items()):
        day = dates.get(key)
        state = "done" if i < reached else ("current" if i == reached else "pending")
        steps.append(
            Step(
                text(label),
                tanggal(day) if day else text("Belum ada tanggal"),
                text(state),
                i == reached,
            )
        )
    return tuple(steps)


def _named(agency: Agency) -> str:
    data = agency.data
    return f"{data.nama} ({data.singkatan})" if data.singkatan else data.nama


def _lineage(ctx: PageContext, innovation: Innovation) -> str:
    """The agency with its acronym, then each agency above it: a puskesmas innovation is
    read (and found by search) as one of the health office's too."""
    own, *above = ctx.lineage(innovation.opd)
    return _named(own) + "".join(f", di bawah {_named(a)}" for a in above)


def _profile(ctx: PageContext, innovation: Innovation) -> tuple[v.Row, ...]:
    """The profile table: the agency, then each profile field the record fills (a news
    record leaves the classification out, and so does the page), labelled by its facts."""
    data = innovation.data
    model = type(data)
    rows = [v.Row(text("Perangkat daerah"), text(_lineage(ctx, innovation)))]
    for path, fact in facts.profile(model):
        value = facts.shown(
            facts.value_at(data, path), facts.field_info(model, path), ctx.catalogue.reference
        )
        if value:
            rows.append(v.Row(text(fact.label), text(value)))
    # Never guessed into the record: the agency's own urusan, labelled as the agency's, also
    # when the innovation names others (a reader, and search, find it by the agency's too).
    served = _agency_urusan(ctx, innovation)
    if served:
        names = ", ".join(ctx.catalogue.reference.urusan[k].nama for k in served)
        rows.append(v.Row(text("Urusan perangkat daerah"), text(names)))
    return tuple(rows)


def _agency_urusan(ctx: PageContext, innovation: Innovation) -> list[str]:
    """The urusan of the nearest agency in the lineage that names any, unless the
    innovation's own urusan already names every one of them."""
    served = next((a.data.urusan for a in ctx.lineage(innovation.opd) if a.data.urusan), [])
    own = innovation.data.urusan
    mine = {own.utama, *own.beririsan} if own else set()
    return [] if set(served) <= mine else list(served)


def _charts(
    ctx: PageContext, innovation: Innovation
) -> tuple[tuple[Chart, ...], tuple[ResultRow, ...]]:
    capaian = sorted(innovation.data.capaian, key=lambda c: (c.satuan, c.tahun))
    tint = colour(ctx.catalogue, innovation)
    charts = tuple(
        Chart(
            graphics.bar_chart_svg(
                [(c.tahun, c.nilai) for c in capaian if c.satuan == unit], unit, tint
            ),
            text(f"Capaian per tahun: {unit}"),
        )
        for unit in sorted({c.satuan for c in capaian})
    )
    rows = tuple(
        ResultRow(c.tahun, angka(c.nilai), text(c.satuan), text(c.keterangan or ""))
        for c in capaian
    )
    return charts, rows


def _document(evidence: Bukti) -> str:
    """What an evidence link is called: its document's title (``tentang``), else its file
    name, else the link's host and path (``contoh.go.id/sk``)."""
    if evidence.tentang:
        return evidence.tentang
    if evidence.berkas:
        return evidence.berkas
    parts = urlsplit(evidence.url or "")
    return (parts.netloc + parts.path).rstrip("/") or parts.netloc


def _distinct(label: str, nomor: int, position: int, taken: set[str]) -> str:
    """``label``, or when the page already has a link so called, the same label told apart
    by its indicator (and its place among the indicator's evidence): no two links on a page
    read the same."""
    candidates = [label, f"{label} (bukti indikator {nomor})"]
    candidates.append(f"{label} (bukti {position} indikator {nomor})")
    candidates += [f"{label} (bukti {position} indikator {nomor}, {n})" for n in range(2, 100)]
    for candidate in candidates:
        key = " ".join(candidate.split()).casefold()
        if key not in taken:
            taken.add(key)
            return candidate
    raise AssertionError(label)  # 100 identical labels on one indicator: not a real page


def _indicators(
    ctx: PageContext, innovation: Innovation, source: str, taken: set[str]
) -> Indicators:
    """The IID section; ``taken`` holds the page's other link labels (casefolded), and the
    evidence labels join it."""
    score = ctx.scores[innovation.slug]
    framework = ctx.catalogue.reference.framework(score.kerangka)
    by_key = framework.by_key()
    lines = []
    for row in score.baris:
        if not row.tingkat_klaim:
            continue
        klaim = innovation.data.indikator[row.kunci]
        evidence = []
        for position, b in enumerate(klaim.bukti, 1):
            target = urls.innovation_file(innovation.slug, b.berkas) if b.berkas else None
            link = href(source, target) if target else url(b.url or "")
            label = _distinct(_document(b), row.nomor, position, taken)
            ref_text = ""
            if b.nomor:
                ref_text = f"Nomor {b.nomor}" + (f", {tanggal(b.tanggal)}" if b.tanggal else "")
            evidence.append(Evidence(v.Link(link, text(label)), b.url is not None, text(ref_text)))
        if row.tingkat_pokja is not None:
            pokja = f"Tingkat {row.tingkat_pokja} ({row.poin_pokja} poin)"
        else:
            pokja = "Belum dinilai"
        lines.append(
            IndicatorLine(
                title=text(f"{row.nomor}. {row.nama}"),
                wajib=row.wajib,
                claim=text(f"Tingkat {row.tingkat_klaim}: {row.parameter_klaim or ''}"),
                note=plain_text(klaim.keterangan),
                points=text(f"{row.poin_klaim} / {row.maksimum}"),
                evidence=tuple(evidence),
                pokja=text(pokja),
                pokja_note=text(row.catatan_pokja or "")
                if row.tingkat_pokja is not None
                else text(""),
            )
        )
    note = None
    verifikasi = innovation.verifikasi
    if verifikasi and verifikasi.catatan:
        by = f", {verifikasi.oleh}" if verifikasi.oleh else ""
        note = PokjaNote(
            text(f"Catatan pokja ({tanggal(verifikasi.tanggal)}{by}):"), prose(verifikasi.catatan)
        )
    years = innovation.data.tahun_laporan
    if score.perkiraan:
        reason = (
            f"PERKIRAAN: kerangka IID tahun pelaporan terakhirnya, {max(years)}, belum "
            "diterbitkan, jadi kerangka terbaru yang dipakai sampai kerangka itu terbit"
        )
    elif years:
        reason = f"kerangka tahun pelaporan terakhirnya, {max(years)}"
    else:
        reason = "belum ada tahun pelaporan, jadi kerangka terbaru yang dipakai"
    return Indicators(
        framework=text(framework.nama),
        framework_reason=text(reason),
        score=score_view(score),
        status=text(vocab.STATUS_VERIFIKASI[score.status_verifikasi]),
        note=note,
        missing=text(", ".join(by_key[k].nama for k in score.wajib_kosong)),
        lines=tuple(lines),
    )


def _prose_sections(innovation: Innovation) -> tuple[tuple[v.Section, ...], tuple[v.Section, ...]]:
    data = innovation.data
    design: list[v.Section] = []
    if data.rancang_bangun:
        for key, label in vocab.RANCANG_BANGUN.items():
            body = getattr(data.rancang_bangun, key)
            if body:
                design.append(v.Section(text(label), prose(body)))
    sections = [
        v.Section(text(label), prose(body))
        for label, body in (
            ("Tujuan", data.tujuan),
            ("Manfaat", data.manfaat),
            ("Hasil", data.hasil),
        )
        if body
    ]
    return tuple(design), tuple(sections)


def _proposals(innovation: Innovation) -> tuple[Proposal, ...]:
    result = []
    for p in innovation.data.proposal:
        sections = tuple(
            v.Section(
                text(
                    vocab.KIPP_BAGIAN[key][0]
                    if p.skema == "kipp" and key in vocab.KIPP_BAGIAN
                    else key
                ),
                prose(body),
            )
            for key, body in p.bagian.items()
        )
        result.append(Proposal(text(f"{p.skema.upper()} {p.tahun}"), sections))
    return tuple(result)


def _past_years(ctx: PageContext, innovation: Innovation) -> tuple[PastYear, ...]:
    """Each earlier year's claims, newest first, scored with that year's framework."""
    reference = ctx.catalogue.reference
    found = []
    for entry in sorted(innovation.data.riwayat, key=lambda e: e.tahun, reverse=True):
        framework = reference.kerangka_for_years([entry.tahun])
        score = score_with(innovation, framework, entry.tahun)
        lines = tuple(
            text(
                f"{row.nomor}. {row.nama}: tingkat {row.tingkat_klaim}"
                + (f", {row.poin_klaim} poin" if row.ada_bukti else ", belum ada bukti dukung")
            )
            for row in score.baris
            if row.tingkat_klaim
        )
        found.append(
            PastYear(
                entry.tahun,
                text(framework.nama),
                text(f"Skor klaim {score.klaim} dari {score.maksimum}"),
                lines,
            )
        )
    return tuple(found)


def shown_inputs(ctx: PageContext, innovation: Innovation) -> tuple[object, ...]:
    """Everything an innovation's page shows, as the objects it is made from: the page is
    the same while each is the same object (the loader's memo hands back the same record
    for a file that did not change). Its :attr:`~generator.pages.context.Page.sources` are
    the files of these records."""
    return (
        ctx.era,
        ctx.catalogue.reference,
        innovation.data,
        innovation.verifikasi,
        ctx.scores[innovation.slug],
        *(a.data for a in ctx.lineage(innovation.opd)),
        *(i.data for i in ctx.replicated_by.get(innovation.slug, ())),
    )


def innovation_page(ctx: PageContext, innovation: Innovation) -> Page:
    uri = urls.innovation_uri(innovation.slug)
    data = innovation.data
    ref = ctx.catalogue.reference
    badges = []
    if data.singkatan:
        badges.append(v.Badge(text(data.singkatan), text("singkatan")))
    if data.tahapan:
        badges.append(v.Badge(text(f"Tahapan: {vocab.TAHAPAN[data.tahapan]}"), text("tahapan")))
    if data.jenis:
        badges.append(v.Badge(text(vocab.JENIS_INOVASI[data.jenis]), text("jenis")))
    if data.bentuk:
        badges.append(v.Badge(text(vocab.BENTUK[data.bentuk]), text("bentuk")))
    if data.urusan:
        badges.append(v.Badge(text(f"Urusan {ref.urusan[data.urusan.utama].nama}"), text("urusan")))
    score = score_view(ctx.scores[innovation.slug])
    news = data.sumber_data == "berita"
    if news:
        badges.append(v.Badge(text("Dari pemberitaan"), text("berita")))
    else:
        badges.append(score.status)
    charts, results = _charts(ctx, innovation)
    design, sections = _prose_sections(innovation)

    def filehref(name: str) -> Url:
        return href(uri, urls.innovation_file(innovation.slug, name))

    def photo(m: Media) -> v.Photo:
        small = urls.small_file(innovation.slug, m.berkas)
        return v.Photo(
            filehref(m.berkas),
            text(m.alt or m.keterangan),
            text(m.keterangan + (f" (lisensi: {m.lisensi})" if m.lisensi else "")),
            href(uri, small),
            webp_href(uri, small),
        )

    photos = tuple(photo(m) for m in data.media if urls.is_image(m.berkas))
    cover = small_cover(ctx, innovation)
    documents = tuple(
        v.Link(filehref(m.berkas), text(m.keterangan)) for m in data.media if urls.is_pdf(m.berkas)
    )
    links = tuple(v.Link(url(t.url), text(t.judul)) for t in data.tautan)
    taken = {" ".join(link.label.unescape().split()).casefold() for link in documents + links}
    replicas = tuple(
        Replica(
            text(r.pemda),
            r.tahun,
            href(uri, urls.innovation_uri(r.inovasi)) if r.inovasi else None,
        )
        for r in data.replikasi
    )
    contact: list[v.Row] = []
    if data.kontak:
        for name, value in data.kontak:
            if value:
                contact.append(v.Row(text(facts.label(Kontak, name) or name), text(value)))
    sources = [innovation.source.path]
    if innovation.verifikasi_source:
        sources.append(innovation.verifikasi_source.path)
    sources += [a.source.path for a in ctx.lineage(innovation.opd)]
    sources += [i.source.path for i in ctx.replicated_by.get(innovation.slug, ())]
    view = InnovationView(
        meta=replace(
            meta(data.nama, plain_text(data.ringkasan, 300).unescape(), search=True),
            image=_photo_cover(ctx, innovation),
        ),
        search=search_fields(ctx, innovation),
        name=text(data.nama),
        badges=tuple(badges),
        score=score,
        is_news=news,
        cover=v.Photo(
            filehref(ctx.cover[innovation.slug]),
            text(f"Sampul {data.nama}"),
            text(""),
            href(uri, cover),
            webp_href(uri, cover),
        ),
        summary=prose(data.ringkasan),
        agency=agency_link(uri, ctx.catalogue.agency(innovation.opd)),
        profile=_profile(ctx, innovation),
        timeline=_timeline(innovation),
        charts=charts,
        results=results,
        indicators=None if news else _indicators(ctx, innovation, uri, taken),
        goals=tuple(Goal(n, text(vocab.TPB[n])) for n in data.tpb),
        how_scored=href(uri, urls.REGENCY_INDEX),
        changed=_changed(ctx, innovation),
        edit=_edit(ctx, innovation),
        design=design,
        sections=sections,
        photos=photos,
        documents=documents,
        video=url(data.video) if data.video else None,
        links=links,
        awards=tuple(
            Award(
                text(p.tahun if p.tahun is not None else "Tahun tidak diketahui"),
                text(p.nama),
                text(p.peringkat or ""),
                text(vocab.JENIS_PENGHARGAAN[p.jenis] if p.jenis else ""),
            )
            for p in sorted(data.penghargaan, key=lambda p: p.tahun or 0, reverse=True)
        ),
        replicas=replicas,
        replicated_by=tuple(
            v.Link(href(uri, urls.innovation_uri(i.slug)), text(i.data.nama))
            for i in ctx.replicated_by.get(innovation.slug, ())
        ),
        contact=tuple(contact),
        proposals=_proposals(innovation),
        past_years=_past_years(ctx, innovation),
    )
    return Page(uri, "innovation.html.j2", view, tuple(sources))


def _edit(ctx: PageContext, innovation: Innovation) -> Url | None:
    """The hosting site's editor for the record's ``inovasi.yaml``, when one is configured."""
    base = ctx.region.edit_base
    if base is None:
        return None
    return url(base + innovation.source.path)  # the path in the repository


def _changed(ctx: PageContext, innovation: Innovation) -> Text:
    day = ctx.history.changed.get(f"{innovation.opd}/{innovation.slug}")
    return text(f"Data terakhir diubah {tanggal(day).unescape()}.") if day else text("")


PREVIEW_CARD = "bagikan.png"
"""The generated link-preview picture of an innovation without a photo."""


def _photo_cover(ctx: PageContext, innovation: Innovation) -> str:
    """The picture of the page's link preview: the cover photo, else the generated card
    (an SVG cover is not one: previews take raster pictures only)."""
    name = ctx.cover[innovation.slug]
    if name == urls.COVER_SVG:
        return urls.innovation_file(innovation.slug, PREVIEW_CARD)
    return urls.innovation_file(innovation.slug, name)


def search_fields(ctx: PageContext, innovation: Innovation) -> tuple[SearchField, ...]:
    """What the search index reads from an innovation page: filters, result fields, sorts.

    The agency filter holds the agency and every agency above it, so that filtering by
    Dinas Kesehatan finds its puskesmas' innovations too; "status" is the verification
    state, "sumber" where the data came from (the filters of :func:`filter_choices`).
    """
    fields: list[tuple[str, str, str]] = [("filter", "halaman", "Inovasi")]
    agency = ctx.catalogue.agency(innovation.opd)
    chain = ctx.lineage(innovation.opd)
    fields += [("filter", "opd", a.data.nama) for a in chain]
    for facet in FACETS:
        fields += [
            ("filter", facet.key, label) for _, label in facet.values(innovation, ctx.catalogue)
        ]
    data = innovation.data
    score = ctx.scores[innovation.slug]
    fields += [
        ("filter", "status", vocab.STATUS_VERIFIKASI[score.status_verifikasi]),
        ("filter", "sumber", vocab.SUMBER_DATA[data.sumber_data]),
    ]
    stage = vocab.TAHAPAN[data.tahapan] if data.tahapan else "Dari pemberitaan"
    cover = small_cover(ctx, innovation)
    fields += [
        ("meta", "title", data.nama),
        ("meta", "opd", agency.data.nama),
        ("meta", "tahapan", stage),
        ("meta", "ringkasan", plain_text(data.ringkasan, 180).unescape()),
        ("meta", "sampul", cover),
        ("sort", "tahun", latest_date(innovation)[0].strftime("%Y%m%d")),
        ("sort", "skor", str(score.klaim)),
        ("sort", "nama", data.nama.casefold()),
    ]
    return tuple(SearchField(text(kind), text(key), text(value)) for kind, key, value in fields)


def preview_cards(catalogue: Catalogue, region: Region) -> dict[str, bytes]:
    """Link-preview cards (PNG) for innovations without a photo: site URI → bytes."""
    site = f"Katalog Inovasi Daerah {region.pemda}"
    return {
        urls.innovation_file(i.slug, PREVIEW_CARD): cards.preview_card(
            i.data.nama, catalogue.agency(i.opd).data.nama, site
        )
        for i in catalogue.innovations
        if cover_file(i) == urls.COVER_SVG
    }


def covers(catalogue: Catalogue) -> dict[str, Html]:
    """Generated cover SVGs for innovations without a photo: site URI → SVG text."""
    result = {}
    for innovation in catalogue.innovations:
        if cover_file(innovation) != urls.COVER_SVG:
            continue
        data = innovation.data
        urusan = catalogue.reference.urusan[data.urusan.utama].nama if data.urusan else None
        agency = catalogue.agency(innovation.opd).data
        result[urls.innovation_file(innovation.slug, urls.COVER_SVG)] = graphics.cover_svg(
            data.nama,
            data.singkatan,
            urusan,
            agency.singkatan or agency.nama,
            colour(catalogue, innovation),
        )
    return result
