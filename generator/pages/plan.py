"""The page plan: which pages the site has, and the typed view each one formats.

Pure: catalogue and scores in, :class:`~generator.pages.cards.Page` specs out (no disk, no
clock). This module owns the innovation, agency, home, index, open-data and codes pages;
lists and browse pages are :mod:`generator.pages.browse`, statistics and scorecards
:mod:`generator.pages.stats`; what they share is :mod:`generator.pages.cards`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from generator.base import codes, urls, vocab
from generator.base.escape import Html, Text, Url, plain_text, prose, text, url
from generator.base.formats import angka, desimal, tanggal
from generator.base.history import History
from generator.catalogue.records import Agency, Catalogue, Innovation
from generator.iid.projection import ProjectionDetail, YearProjection
from generator.iid.scoring import AgencyTotals, InnovationScore
from generator.pages import browse, graphics, stats
from generator.pages import views as v
from generator.pages.cards import (
    CatalogueIndex,
    Page,
    agency_link,
    card,
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
from generator.record.models import Media
from generator.record.region import Region

NEWEST_ON_HOME = 6


def _timeline(innovation: Innovation) -> tuple[v.Step, ...]:
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
            v.Step(
                text(label),
                tanggal(day) if day else text("Belum ada tanggal"),
                text(state),
                i == reached,
            )
        )
    return tuple(steps)


def _profile(ix: CatalogueIndex, innovation: Innovation) -> tuple[v.Row, ...]:
    data = innovation.data
    ref = ix.catalogue.reference
    rows: list[tuple[str, str]] = [
        ("Perangkat daerah", ix.catalogue.agency(innovation.opd).data.nama)
    ]
    if data.inisiator:
        rows.append(
            ("Inisiator", f"{data.inisiator.nama} ({vocab.INISIATOR[data.inisiator.jenis]})")
        )
    if data.inovator:
        people = [f"{p.nama} ({p.peran})" if p.peran else p.nama for p in data.inovator]
        rows.append(("Inovator", ", ".join(people)))
    # Only what the record says: a news record leaves these out, and so does the page.
    known = [
        ("Tahapan", vocab.TAHAPAN.get(data.tahapan or "")),
        ("Jenis", vocab.JENIS_INOVASI.get(data.jenis or "")),
        ("Bentuk", vocab.BENTUK.get(data.bentuk or "")),
        ("Urusan utama", ref.urusan[data.urusan.utama].nama if data.urusan else None),
    ]
    rows += [(label, value) for label, value in known if value]
    if data.urusan and data.urusan.beririsan:
        names = ", ".join(ref.urusan[u].nama for u in data.urusan.beririsan)
        rows.append(("Urusan beririsan", names))
    if data.tematik:
        rows.append(("Tematik", vocab.TEMATIK[data.tematik]))
    if data.tahun_laporan:
        rows.append(("Tahun dilaporkan ke IID", ", ".join(str(y) for y in data.tahun_laporan)))
    if data.asta_cita:
        rows.append(("Asta Cita", ", ".join(str(n) for n in data.asta_cita)))
    rows.append(("Sumber data", vocab.SUMBER_DATA[data.sumber_data]))
    return tuple(v.Row(text(label), text(value)) for label, value in rows)


def _charts(
    ix: CatalogueIndex, innovation: Innovation
) -> tuple[tuple[v.Chart, ...], tuple[v.ResultRow, ...]]:
    capaian = sorted(innovation.data.capaian, key=lambda c: (c.satuan, c.tahun))
    tint = colour(ix.catalogue, innovation)
    charts = tuple(
        v.Chart(
            graphics.bar_chart_svg(
                [(c.tahun, c.nilai) for c in capaian if c.satuan == unit], unit, tint
            ),
            text(f"Capaian per tahun: {unit}"),
        )
        for unit in sorted({c.satuan for c in capaian})
    )
    rows = tuple(
        v.ResultRow(c.tahun, angka(c.nilai), text(c.satuan), text(c.keterangan or ""))
        for c in capaian
    )
    return charts, rows


def _indicators(ix: CatalogueIndex, innovation: Innovation, source: str) -> v.Indicators:
    score = ix.scores[innovation.slug]
    framework = next(k for k in ix.catalogue.reference.kerangka if k.id == score.kerangka)
    by_key = framework.by_key()
    lines = []
    for row in score.baris:
        if not row.tingkat_klaim:
            continue
        klaim = innovation.data.indikator[row.kunci]
        evidence = []
        for b in klaim.bukti:
            target = urls.innovation_file(innovation.slug, b.berkas) if b.berkas else None
            link = href(source, target) if target else url(b.url or "")
            label = b.tentang or b.berkas or "Tautan bukti"
            ref_text = ""
            if b.nomor:
                ref_text = f"Nomor {b.nomor}" + (f", {tanggal(b.tanggal)}" if b.tanggal else "")
            evidence.append(
                v.Evidence(v.Link(link, text(label)), b.url is not None, text(ref_text))
            )
        if row.tingkat_pokja is not None:
            pokja = f"Tingkat {row.tingkat_pokja} ({row.poin_pokja} poin)"
        else:
            pokja = "Belum dinilai"
        lines.append(
            v.IndicatorLine(
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
        note = v.PokjaNote(
            text(f"Catatan pokja ({tanggal(verifikasi.tanggal)}{by}):"), prose(verifikasi.catatan)
        )
    years = innovation.data.tahun_laporan
    reason = (
        f"kerangka tahun pelaporan terakhirnya, {max(years)}"
        if years
        else "belum ada tahun pelaporan, jadi kerangka terbaru yang dipakai"
    )
    return v.Indicators(
        framework=text(framework.nama),
        framework_reason=text(reason),
        framework_id=text(framework.id),
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


def _proposals(innovation: Innovation) -> tuple[v.Proposal, ...]:
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
        result.append(v.Proposal(text(f"{p.skema.upper()} {p.tahun}"), sections))
    return tuple(result)


def _innovation_page(ix: CatalogueIndex, innovation: Innovation) -> Page:
    uri = urls.innovation_uri(innovation.slug)
    data = innovation.data
    ref = ix.catalogue.reference
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
    score = score_view(ix.scores[innovation.slug])
    news = data.sumber_data == "berita"
    if news:
        badges.append(v.Badge(text("Dari pemberitaan"), text("berita")))
    else:
        badges.append(score.status)
    charts, results = _charts(ix, innovation)
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
    cover = small_cover(ix, innovation)
    documents = tuple(
        v.Link(filehref(m.berkas), text(m.keterangan)) for m in data.media if urls.is_pdf(m.berkas)
    )
    replicas = tuple(
        v.Replica(
            text(r.pemda),
            r.tahun,
            href(uri, urls.innovation_uri(r.inovasi)) if r.inovasi else None,
        )
        for r in data.replikasi
    )
    contact: list[v.Row] = []
    if data.kontak:
        for label, value in (
            ("Unit", data.kontak.unit),
            ("E-mail", data.kontak.email),
            ("Telepon kantor", data.kontak.telepon),
        ):
            if value:
                contact.append(v.Row(text(label), text(value)))
    sources = [innovation.source.path]
    if innovation.verifikasi_source:
        sources.append(innovation.verifikasi_source.path)
    view = v.InnovationView(
        meta=replace(
            meta(data.nama, plain_text(data.ringkasan, 300).unescape(), search=True),
            image=_photo_cover(ix, innovation),
        ),
        search=search_fields(ix, innovation),
        name=text(data.nama),
        badges=tuple(badges),
        score=score,
        is_news=news,
        cover=v.Photo(
            filehref(ix.cover[innovation.slug]),
            text(f"Sampul {data.nama}"),
            text(""),
            href(uri, cover),
            webp_href(uri, cover),
        ),
        summary=prose(data.ringkasan),
        agency=agency_link(uri, ix.catalogue.agency(innovation.opd)),
        profile=_profile(ix, innovation),
        timeline=_timeline(innovation),
        charts=charts,
        results=results,
        indicators=None if news else _indicators(ix, innovation, uri),
        goals=tuple(v.Goal(n, text(vocab.TPB[n])) for n in data.tpb),
        how_scored=href(uri, urls.INDEX),
        changed=_changed(ix, innovation),
        edit=_edit(ix, innovation),
        design=design,
        sections=sections,
        photos=photos,
        documents=documents,
        video=url(data.video) if data.video else None,
        links=tuple(v.Link(url(t.url), text(t.judul)) for t in data.tautan),
        awards=tuple(
            v.Award(
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
            for i in ix.replicated_by.get(innovation.slug, ())
        ),
        contact=tuple(contact),
        proposals=_proposals(innovation),
    )
    return Page(uri, "innovation.md.j2", view, tuple(sources))


def _edit(ix: CatalogueIndex, innovation: Innovation) -> Url | None:
    """The hosting site's editor for the record's ``inovasi.yaml``, when one is configured."""
    base = ix.region.edit_base
    if base is None:
        return None
    return url(f"{base}innovations/{innovation.opd}/{innovation.slug}/inovasi.yaml")


def _changed(ix: CatalogueIndex, innovation: Innovation) -> Text:
    day = ix.history.changed.get(f"{innovation.opd}/{innovation.slug}")
    return text(f"Data terakhir diubah {tanggal(day).unescape()}.") if day else text("")


def _photo_cover(ix: CatalogueIndex, innovation: Innovation) -> str | None:
    """The cover photo as a site path, for link previews (a generated SVG cover is not one)."""
    name = ix.cover[innovation.slug]
    return None if name == urls.COVER_SVG else urls.innovation_file(innovation.slug, name)


def search_fields(ix: CatalogueIndex, innovation: Innovation) -> tuple[v.SearchField, ...]:
    """What the search index reads from an innovation page: filters, result fields, sorts.

    The agency filter holds the agency and every agency above it, so that filtering by
    Dinas Kesehatan finds its puskesmas' innovations too.
    """
    fields: list[tuple[str, str, str]] = [("filter", "halaman", "Inovasi")]
    agency = ix.catalogue.agency(innovation.opd)
    chain = ix.lineage(innovation.opd)
    fields += [("filter", "opd", a.data.nama) for a in chain]
    for facet in FACETS:
        fields += [
            ("filter", facet.key, label) for _, label in facet.values(innovation, ix.catalogue)
        ]
    data = innovation.data
    stage = vocab.TAHAPAN[data.tahapan] if data.tahapan else "Dari pemberitaan"
    cover = small_cover(ix, innovation)
    fields += [
        ("meta", "title", data.nama),
        ("meta", "opd", agency.data.nama),
        ("meta", "tahapan", stage),
        ("meta", "ringkasan", plain_text(data.ringkasan, 180).unescape()),
        ("meta", "sampul", cover),
        ("sort", "tahun", latest_date(innovation)[0].strftime("%Y%m%d")),
        ("sort", "skor", str(ix.scores[innovation.slug].klaim)),
        ("sort", "nama", data.nama.casefold()),
    ]
    return tuple(v.SearchField(text(kind), text(key), text(value)) for kind, key, value in fields)


def _totals(totals: AgencyTotals) -> v.Totals:
    return v.Totals(
        count=len(totals.inovasi),
        klaim=totals.klaim,
        maksimum=totals.maksimum,
        terverifikasi=totals.terverifikasi,
        diverifikasi=totals.jumlah_diverifikasi,
        jumlah_klaim=totals.jumlah_klaim,
        klaim_berbukti=totals.klaim_berbukti,
    )


def _agency_pages(ix: CatalogueIndex, agency: Agency) -> list[Page]:
    """The agency page (its own and its units' innovations, page 1) and later list pages."""
    uri = urls.agency_uri(agency.slug)
    data = agency.data
    badges = []
    if data.singkatan:
        badges.append(v.Badge(text(data.singkatan), text("singkatan")))
    badges.append(v.Badge(text(vocab.JENIS_OPD[data.jenis]), text("jenis")))
    parent = ix.catalogue.agency(data.induk) if data.induk else None
    family = ix.family.get(agency.slug, ())
    own = len(ix.members.get(agency.slug, ()))
    units = len({i.opd for i in family} - {agency.slug})
    lists = browse.paged_list(
        ix,
        lambda n: urls.agency_page_uri(agency.slug, n),
        f"Inovasi {data.nama}",
        f"Inovasi {data.nama} dan unit di bawahnya, diurutkan menurut nama.",
        browse.by_name(family),
        back=(uri, f"Kembali ke {data.nama}"),
    )
    first = lists[0].view
    assert isinstance(first, v.ListView)
    scope = (
        f"{len(family)} inovasi: {own} milik {data.nama} sendiri dan {len(family) - own} dari "
        f"{units} unit di bawahnya."
        if len(family) > own
        else f"{own} inovasi."
    )
    view = v.AgencyView(
        meta=meta(data.nama, f"Inovasi daerah {data.nama} {ix.region.pemda}", search=True),
        name=text(data.nama),
        badges=tuple(badges),
        former_names=text("; ".join(data.nama_lama)),
        parent=agency_link(uri, parent) if parent else None,
        website=v.Link(url(data.situs), text(data.situs)) if data.situs else None,
        children=tuple(agency_link(uri, c) for c in ix.children.get(agency.slug, ())),
        scope=text(scope),
        totals=_totals(ix.family_totals[agency.slug]),
        cards=first.cards,
        pager=first.pager,
        scorecard=href(uri, urls.SCORECARDS),
    )
    return [Page(uri, "agency.md.j2", view, (agency.source.path,)), *lists[1:]]


def _agency_rows(ix: CatalogueIndex, source: str) -> tuple[v.AgencyRow, ...]:
    return tuple(
        v.AgencyRow(
            link=agency_link(source, agency),
            kind=text(vocab.JENIS_OPD[agency.data.jenis]),
            count=len(ix.family.get(agency.slug, ())),
            klaim=ix.family_totals[agency.slug].klaim,
            terverifikasi=ix.family_totals[agency.slug].terverifikasi,
        )
        for agency in ix.top_agencies()
    )


def _home(ix: CatalogueIndex) -> Page:
    innovations = ix.catalogue.innovations
    by_stage = {
        label: sum(1 for i in innovations if i.data.tahapan == key)
        for key, label in vocab.TAHAPAN.items()
    }
    unclassified = sum(1 for i in innovations if i.data.tahapan is None)
    stages = ", ".join(f"{label} {n}" for label, n in by_stage.items())
    if unclassified:
        stages += f", belum dikonfirmasi {unclassified}"
    digital = sum(1 for i in innovations if i.data.jenis == "digital")
    verified = sum(1 for s in ix.scores.values() if s.status_verifikasi == "terverifikasi")
    newest = sorted(innovations, key=latest_date, reverse=True)[:NEWEST_ON_HOME]
    view = v.HomeView(
        meta=meta(
            "Beranda",
            f"Katalog Inovasi Daerah {ix.region.pemda}: semua inovasi perangkat daerah, bukti "
            "dukung dan skor Indeks Inovasi Daerah.",
        ),
        pemda=text(ix.region.pemda),
        figures=(
            v.Figure(len(innovations), text("inovasi")),
            v.Figure(
                sum(1 for a in ix.catalogue.agencies if ix.members.get(a.slug)),
                text("perangkat daerah berinovasi"),
            ),
            v.Figure(by_stage["Penerapan"], text("tahap penerapan")),
            v.Figure(verified, text("terverifikasi pokja")),
        ),
        stages=text(f"Rincian tahapan: {stages}. Inovasi digital: {digital}."),
        buttons=(
            v.Link(href(urls.HOME, urls.INNOVATIONS), text("Lihat semua inovasi")),
            v.Link(href(urls.HOME, urls.INDEX), text("Indeks Inovasi Daerah")),
            v.Link(href(urls.HOME, urls.OPEN_DATA), text("Data terbuka")),
        ),
        newest=tuple(card(ix, i, urls.HOME) for i in newest),
        agencies=_agency_rows(ix, urls.HOME),
        all_agencies=href(urls.HOME, urls.AGENCIES),
    )
    return Page(urls.HOME, "home.md.j2", view)


def _range(low: float, high: float) -> Text:
    return text(f"{desimal(low).unescape()} – {desimal(high).unescape()}")


def _year_view(ix: CatalogueIndex, year: YearProjection) -> v.YearView:
    count = len(year.inovasi)
    links = (
        v.Link(
            href(urls.INDEX, urls.browse_uri("tahun", str(year.tahun))),
            text(f"Lihat {count} inovasi yang dilaporkan tahun {year.tahun}"),
        )
        if count
        else None
    )
    r = year.rincian
    empty = text("")
    if r is None or year.kerangka is None:
        return v.YearView(
            year=year.tahun, count=len(year.inovasi), not_computed=text(year.catatan or ""),
            framework=empty, framework_id=empty, divisor=empty, below_minimum=False, rows=(),
            count_rule=empty, yandas=empty, covered=(), missing=(), bands=empty,
            innovations=links,
        )  # fmt: skip
    framework = next(k for k in ix.catalogue.reference.kerangka if k.id == year.kerangka)
    urusan = ix.catalogue.reference.urusan
    n = len(year.inovasi)
    maks = text(f"{framework.skor_maksimum} per inovasi")
    predikat_k = " s.d. ".join(p.nama for p in r.klaim.rentang.predikat)
    predikat_t = " s.d. ".join(p.nama for p in r.terverifikasi.rentang.predikat)
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
        ("Predikat yang mungkin", text(predikat_k), text(predikat_t), empty, False),
    ]
    rows = tuple(v.ProjectionRow(text(label), k, t, m, strong) for label, k, t, m, strong in table)
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
    return v.YearView(
        year=year.tahun,
        count=n,
        not_computed=empty,
        framework=text(framework.nama),
        framework_id=text(framework.id),
        divisor=text(f"MAX({r.pembagi_minimum}, {n}) = {r.pembagi}"),
        below_minimum=n < r.pembagi_minimum,
        rows=rows,
        count_rule=text(rule + "."),
        yandas=text(yandas + "."),
        covered=tuple(text(urusan[k].nama) for k in r.yandas.tercakup),
        missing=tuple(text(urusan[k].nama) for k in r.yandas.belum),
        bands=text(f"Predikat tahun {year.tahun}: {bands}."),
        innovations=links,
    )


def _summary(ix: CatalogueIndex, projection: Sequence[YearProjection]) -> tuple[Text, ...]:
    """The answer first, in plain sentences, for the latest year that could be projected."""
    latest = next((y for y in reversed(projection) if y.rincian is not None), None)
    if latest is None or latest.rincian is None or latest.kerangka is None:
        return (text("Belum ada tahun pelaporan yang dapat diproyeksikan dari katalog."),)
    r, year, n = latest.rincian, latest.tahun, len(latest.inovasi)
    framework = next(k for k in ix.catalogue.reference.kerangka if k.id == latest.kerangka)
    urusan = ix.catalogue.reference.urusan
    bands = " atau ".join(p.nama for p in r.klaim.rentang.predikat) or "belum dapat ditentukan"
    lines = [
        f"Tahun {year}, kerangka {framework.nama}: {n} inovasi di katalog dilaporkan.",
        f"Dari skor klaim yang berbukti, bagian inovasi {ix.region.pemda} "
        f"{desimal(r.klaim.nilai).unescape()} dari maksimum "
        f"{desimal(r.bagian_inovasi_maksimum).unescape()}; dari skor yang sudah diverifikasi "
        f"pokja {desimal(r.terverifikasi.nilai).unescape()}.",
        f"Bagian pemerintah daerah (SPD) tidak ada di katalog, jadi IID hanya dapat "
        f"diperkirakan pada rentang {_range(r.klaim.rentang.minimum, r.klaim.rentang.maksimum)}"
        f": predikat {bands}.",
    ]
    if r.yandas.belum:
        names = "; ".join(urusan[k].nama for k in r.yandas.belum)
        lines.append(f"Urusan wajib pelayanan dasar yang belum punya inovasi: {names}.")
    unset = sum(
        1
        for slug in latest.inovasi
        if (found := ix.catalogue.innovation(slug)) is not None and found.data.urusan is None
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
    if (step := _next_band_line(r)) is not None:
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


def _published(ix: CatalogueIndex) -> tuple[v.PublishedResult, ...]:
    return tuple(
        v.PublishedResult(
            h.tahun,
            text(h.ringkasan),
            tuple(v.Link(url(s.url), text(s.judul)) for s in h.sumber),
        )
        for h in sorted(ix.catalogue.reference.hasil, key=lambda h: h.tahun, reverse=True)
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


def _index(ix: CatalogueIndex, projection: Sequence[YearProjection]) -> Page:
    unreported = sum(1 for i in ix.catalogue.innovations if not i.data.tahun_laporan)
    view = v.IndexView(
        meta=meta(
            "Indeks Inovasi Daerah",
            f"Proyeksi bagian inovasi Indeks Inovasi Daerah {ix.region.pemda} per tahun "
            "pelaporan, dihitung dari katalog.",
        ),
        summary=_summary(ix, projection),
        published=_published(ix),
        years=tuple(_year_view(ix, y) for y in reversed(_with_gaps(projection))),
        unreported=v.Link(
            href(urls.INDEX, urls.browse_uri("tahun", "belum-diisi")),
            text(f"{unreported} inovasi belum mencantumkan tahun pelaporan"),
        )
        if unreported
        else None,
    )
    return Page(urls.INDEX, "index.md.j2", view)


def plan_pages(
    catalogue: Catalogue,
    scores: Mapping[str, InnovationScore],
    projection: Sequence[YearProjection],
    history: History | None = None,
    region: Region | None = None,
) -> Iterator[Page]:
    """Every generated page of the site, in a stable order.

    Planned one at a time as the caller asks (an innovation's page is planned when it is
    rendered), so the views of a large catalogue are never all held at once.
    """
    ix = CatalogueIndex.build(catalogue, scores, history or History(), region or Region())
    yield _home(ix)
    yield _open_data(ix)
    yield _index(ix, projection)
    yield _codes()
    yield browse.agencies_page(ix)
    yield from browse.innovation_lists(ix)
    yield from browse.browse_pages(ix)
    yield from stats.pages(ix)
    yield search_page(ix)
    for agency in catalogue.agencies:
        yield from _agency_pages(ix, agency)
    for innovation in catalogue.innovations:
        yield _innovation_page(ix, innovation)


TERMS = "Data dapat digunakan ulang dengan menyebut sumbernya: Katalog Inovasi Daerah {pemda}."


def _licence_link(region: Region) -> v.Link | None:
    lic = region.licence
    return v.Link(url(lic.url), text(lic.nama)) if lic is not None else None


def _open_data(ix: CatalogueIndex) -> Page:
    """Downloads, the date of the data, the terms of reuse and the data dictionary."""
    here = urls.OPEN_DATA
    files = [
        (urls.XLSX_EXPORT, "Lembar kerja Excel: lembar 'inovasi' (satu baris per inovasi) dan "
         "'tahun' (satu baris per inovasi dan tahun pelaporan). Terbuka benar di Excel "
         "berbahasa apa pun."),
        (urls.CSV_EXPORT, "Satu baris per inovasi; UTF-8 dengan BOM, pemisah koma."),
        (urls.YEARS_CSV_EXPORT, "Satu baris per inovasi dan tahun pelaporan."),
        (urls.JSON_EXPORT, "Semua isian setiap inovasi, skor per indikator dan saran."),
        (urls.INDEX_EXPORT, "Proyeksi bagian inovasi Indeks Inovasi Daerah kabupaten per tahun "
         "(skor klaim dan terverifikasi, cakupan urusan pelayanan dasar)."),
        (urls.FEED, "Umpan Atom inovasi yang baru ditambahkan."),
        (f"{urls.SCHEMA_FOLDER}/inovasi.schema.json", "JSON Schema berkas inovasi.yaml."),
    ]  # fmt: skip
    day = ix.history.data_date
    ref = ix.catalogue.reference
    codes = [
        ("tahapan", vocab.TAHAPAN),
        ("jenis", vocab.JENIS_INOVASI),
        ("bentuk", vocab.BENTUK),
        ("sumber_data", vocab.SUMBER_DATA),
        ("status_verifikasi", vocab.STATUS_VERIFIKASI),
        ("urusan_utama", {key: u.nama for key, u in ref.urusan.items()}),
        ("kerangka", {k.id: k.nama for k in ref.kerangka}),
    ]
    view = v.OpenDataView(
        meta(
            "Data terbuka",
            f"Unduh data katalog inovasi daerah {ix.region.pemda}: Excel, CSV dan JSON, "
            "dengan kamus data.",
        ),
        len(ix.catalogue.innovations),
        tuple(
            v.DataFile(v.Link(href(here, name), text(name)), text(about)) for name, about in files
        ),
        text(f"Data per {tanggal(day).unescape()}." if day else "Tanggal data tidak diketahui."),
        text(TERMS.format(pemda=ix.region.pemda)),
        _licence_link(ix.region),
        tuple(v.Row(text(k), text(d)) for k, d in vocab.DATA_COLUMNS.items()),
        tuple(
            v.CodeList(
                text(column), tuple(v.Row(text(k), text(label)) for k, label in table.items())
            )
            for column, table in codes
        ),
    )
    return Page(here, "open-data.md.j2", view)


def search_page(ix: CatalogueIndex) -> Page:
    """The search page: a form that works with JavaScript (results from the search index)."""
    view = v.SearchView(
        meta("Cari inovasi", f"Cari inovasi daerah {ix.region.pemda}."),
        browse.filter_choices(ix),
    )
    return Page(urls.SEARCH, "search.md.j2", view)


def _codes() -> Page:
    families = []
    for letter, title in codes.FAMILIES.items():
        rows = tuple(
            v.CodeRow(text(code), text(code.lower()), text(doc.title), text(doc.fix))
            for code, doc in codes.EXPLAINED.items()
            if code.startswith(letter)
        )
        families.append(v.CodeFamily(text(title), rows))
    page_meta = meta(
        "Kode temuan",
        "Arti setiap kode temuan sepeda check dan cara memperbaikinya.",
    )
    return Page(urls.CODES, "codes.md.j2", v.CodesView(page_meta, tuple(families)))


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
