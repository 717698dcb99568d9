"""The page plan: which pages the site has, and the typed view each one formats.

Pure: catalogue and scores in, :class:`Page` specs out (no disk, no clock). Every
contributor value is passed through :mod:`generator.escape` here, once, for the context it
lands in; links are final relative URLs from :mod:`generator.urls`. Indexes that need the
whole catalogue (agency members, replications, covers) are built once per plan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from generator import codes, graphics, urls, vocab
from generator import views as v
from generator.catalogue import Agency, Catalogue, Innovation
from generator.escape import Html, Text, Url, plain_text, prose, text, url
from generator.formats import angka, desimal, tanggal
from generator.projection import YearProjection
from generator.scoring import AgencyTotals, InnovationScore, agency_totals

NEWEST_ON_HOME = 6
TEMPLATES = {
    v.HomeView: "home.md.j2",
    v.ListView: "innovations.md.j2",
    v.AgenciesView: "agencies.md.j2",
    v.OpenDataView: "open-data.md.j2",
    v.CodesView: "codes.md.j2",
    v.IndexView: "index.md.j2",
    v.AgencyView: "agency.md.j2",
    v.InnovationView: "innovation.md.j2",
}


@dataclass(frozen=True)
class Page:
    """One generated Markdown page: where, which view, and the files it was made from."""

    uri: str
    view: object
    sources: tuple[str, ...] = ()

    @property
    def template(self) -> str:
        """The template that formats this page's view."""
        return TEMPLATES[type(self.view)]


@dataclass(frozen=True)
class _Index:
    """Whole-catalogue lookups, computed once per plan."""

    catalogue: Catalogue
    scores: Mapping[str, InnovationScore]
    members: Mapping[str, tuple[Innovation, ...]]
    children: Mapping[str, tuple[Agency, ...]]
    replicated_by: Mapping[str, tuple[Innovation, ...]]
    totals: Mapping[str, AgencyTotals]
    cover: Mapping[str, str]

    @classmethod
    def build(cls, catalogue: Catalogue, scores: Mapping[str, InnovationScore]) -> _Index:
        members: dict[str, list[Innovation]] = defaultdict(list)
        replicated: dict[str, list[Innovation]] = defaultdict(list)
        children: dict[str, list[Agency]] = defaultdict(list)
        for innovation in catalogue.innovations:
            members[innovation.opd].append(innovation)
            for item in innovation.data.replikasi:
                if item.inovasi:
                    replicated[item.inovasi].append(innovation)
        for agency in catalogue.agencies:
            if agency.data.induk:
                children[agency.data.induk].append(agency)
        totals = {
            a.slug: agency_totals(a.slug, [scores[i.slug] for i in members[a.slug]])
            for a in catalogue.agencies
        }
        return cls(
            catalogue,
            scores,
            {k: tuple(x) for k, x in members.items()},
            {k: tuple(x) for k, x in children.items()},
            {k: tuple(x) for k, x in replicated.items()},
            totals,
            {i.slug: cover_file(i) for i in catalogue.innovations},
        )


def cover_file(innovation: Innovation) -> str:
    """The cover image file name inside the innovation's folder on the site."""
    photos = [m for m in innovation.data.media if urls.is_image(m.berkas)]
    chosen = next((m for m in photos if m.sampul), photos[0] if photos else None)
    return chosen.berkas if chosen else urls.COVER_SVG


def latest_date(innovation: Innovation) -> tuple[date, str]:
    """Sort key for "newest": the latest date or year the record mentions."""
    data = innovation.data
    days = [d for _, d in data.tanggal.steps() if d is not None] if data.tanggal else []
    years = [*data.tahun_laporan, *(p.tahun for p in data.penghargaan)]
    candidates = days + [date(y, 1, 1) for y in years]
    return (max(candidates) if candidates else date(1900, 1, 1), innovation.slug)


def _meta(title: str, description: str) -> v.Meta:
    return v.Meta(text(title), text(description, 300))


def _href(source: str, target: str) -> Url:
    return url(urls.link(source, target))


def _score(score: InnovationScore) -> v.Score:
    verified = "–" if score.terverifikasi is None else str(score.terverifikasi)
    return v.Score(
        klaim=score.klaim,
        maksimum=score.maksimum,
        terverifikasi=text(verified),
        diverifikasi=score.terverifikasi is not None,
        status=v.Badge(
            text(vocab.STATUS_VERIFIKASI[score.status_verifikasi]),
            text(f"status-{score.status_verifikasi}"),
        ),
        jumlah_klaim=score.jumlah_klaim,
        klaim_berbukti=score.klaim_berbukti,
    )


def _agency_link(source: str, agency: Agency) -> v.Link:
    return v.Link(_href(source, urls.agency_uri(agency.slug)), text(agency.data.nama))


def _card(ix: _Index, innovation: Innovation, source: str) -> v.Card:
    data = innovation.data
    badges = []
    if data.tahapan:
        badges.append(v.Badge(text(vocab.TAHAPAN[data.tahapan]), text("tahapan")))
    score = _score(ix.scores[innovation.slug])
    badges.append(score.status)
    if data.sumber_data == "berita":
        badges.append(v.Badge(text("Dari pemberitaan"), text("berita")))
    cover = urls.innovation_file(innovation.slug, ix.cover[innovation.slug])
    return v.Card(
        link=_href(source, urls.innovation_uri(innovation.slug)),
        cover=_href(source, cover),
        name=text(data.nama),
        agency=_agency_link(source, ix.catalogue.agency(innovation.opd)),
        badges=tuple(badges),
        summary=plain_text(data.ringkasan, 180),
        score=score,
    )


def _colour(catalogue: Catalogue, innovation: Innovation) -> str:
    urusan = innovation.data.urusan
    nomor = catalogue.reference.urusan[urusan.utama].nomor if urusan else None
    return graphics.urusan_colour(nomor)


def _timeline(innovation: Innovation) -> tuple[v.Step, ...]:
    data = innovation.data
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


def _profile(ix: _Index, innovation: Innovation) -> tuple[v.Row, ...]:
    data = innovation.data
    ref = ix.catalogue.reference
    unknown = "Belum dikonfirmasi"
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
    rows += [
        ("Tahapan", vocab.TAHAPAN[data.tahapan] if data.tahapan else unknown),
        ("Jenis", vocab.JENIS_INOVASI[data.jenis] if data.jenis else unknown),
        ("Bentuk", vocab.BENTUK[data.bentuk] if data.bentuk else unknown),
        ("Urusan utama", ref.urusan[data.urusan.utama].nama if data.urusan else unknown),
    ]
    if data.urusan and data.urusan.beririsan:
        names = ", ".join(ref.urusan[u].nama for u in data.urusan.beririsan)
        rows.append(("Urusan beririsan", names))
    if data.tematik:
        rows.append(("Tematik", vocab.TEMATIK[data.tematik]))
    years = ", ".join(str(y) for y in data.tahun_laporan) or "Belum ada"
    rows.append(("Tahun dilaporkan", years))
    if data.tpb:
        rows.append(
            (
                "Tujuan Pembangunan Berkelanjutan",
                "; ".join(f"TPB {n}: {vocab.TPB[n]}" for n in data.tpb),
            )
        )
    if data.asta_cita:
        rows.append(("Asta Cita", ", ".join(str(n) for n in data.asta_cita)))
    rows.append(("Sumber data", vocab.SUMBER_DATA[data.sumber_data]))
    return tuple(v.Row(text(label), text(value)) for label, value in rows)


def _charts(
    ix: _Index, innovation: Innovation
) -> tuple[tuple[v.Chart, ...], tuple[v.ResultRow, ...]]:
    capaian = sorted(innovation.data.capaian, key=lambda c: (c.satuan, c.tahun))
    colour = _colour(ix.catalogue, innovation)
    charts = tuple(
        v.Chart(
            graphics.bar_chart_svg(
                [(c.tahun, c.nilai) for c in capaian if c.satuan == unit], unit, colour
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


def _indicators(ix: _Index, innovation: Innovation, source: str) -> v.Indicators:
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
            href = _href(source, target) if target else url(b.url or "")
            label = b.tentang or b.berkas or "Tautan bukti"
            ref_text = ""
            if b.nomor:
                ref_text = f"Nomor {b.nomor}" + (f", {tanggal(b.tanggal)}" if b.tanggal else "")
            evidence.append(
                v.Evidence(v.Link(href, text(label)), b.url is not None, text(ref_text))
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
    return v.Indicators(
        framework=text(framework.nama),
        framework_id=text(framework.id),
        score=_score(score),
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


def _proposal_heading(skema: str, key: str) -> str:
    if skema == "kipp" and key in vocab.KIPP_BAGIAN:
        return vocab.KIPP_BAGIAN[key][0]
    return key


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


def _innovation_page(ix: _Index, innovation: Innovation) -> Page:
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
    score = _score(ix.scores[innovation.slug])
    badges.append(score.status)
    charts, results = _charts(ix, innovation)
    design, sections = _prose_sections(innovation)

    def file_href(name: str) -> Url:
        return _href(uri, urls.innovation_file(innovation.slug, name))

    photos = tuple(
        v.Photo(file_href(m.berkas), text(m.alt or m.keterangan), text(m.keterangan))
        for m in data.media
        if urls.is_image(m.berkas)
    )
    documents = tuple(
        v.Link(file_href(m.berkas), text(m.keterangan)) for m in data.media if urls.is_pdf(m.berkas)
    )
    replicas = tuple(
        v.Replica(
            text(r.pemda),
            r.tahun,
            _href(uri, urls.innovation_uri(r.inovasi)) if r.inovasi else None,
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
        meta=_meta(data.nama, plain_text(data.ringkasan, 300).unescape()),
        name=text(data.nama),
        badges=tuple(badges),
        score=score,
        is_news=data.sumber_data == "berita",
        cover=v.Photo(file_href(ix.cover[innovation.slug]), text(f"Sampul {data.nama}"), text("")),
        summary=prose(data.ringkasan),
        agency=_agency_link(uri, ix.catalogue.agency(innovation.opd)),
        profile=_profile(ix, innovation),
        timeline=_timeline(innovation),
        charts=charts,
        results=results,
        indicators=_indicators(ix, innovation, uri),
        design=design,
        sections=sections,
        photos=photos,
        documents=documents,
        video=url(data.video) if data.video else None,
        links=tuple(v.Link(url(t.url), text(t.judul)) for t in data.tautan),
        awards=tuple(
            v.Award(p.tahun, text(p.nama), text(p.peringkat or ""))
            for p in sorted(data.penghargaan, key=lambda p: p.tahun, reverse=True)
        ),
        replicas=replicas,
        replicated_by=tuple(
            v.Link(_href(uri, urls.innovation_uri(i.slug)), text(i.data.nama))
            for i in ix.replicated_by.get(innovation.slug, ())
        ),
        contact=tuple(contact),
        proposals=_proposals(innovation),
    )
    return Page(uri, view, tuple(sources))


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


def _agency_page(ix: _Index, agency: Agency) -> Page:
    uri = urls.agency_uri(agency.slug)
    data = agency.data
    badges = []
    if data.singkatan:
        badges.append(v.Badge(text(data.singkatan), text("singkatan")))
    badges.append(v.Badge(text(vocab.JENIS_OPD[data.jenis]), text("jenis")))
    parent = ix.catalogue.agency(data.induk) if data.induk else None
    view = v.AgencyView(
        meta=_meta(data.nama, f"Inovasi daerah {data.nama} Kabupaten Balangan"),
        name=text(data.nama),
        badges=tuple(badges),
        former_names=text("; ".join(data.nama_lama)),
        parent=_agency_link(uri, parent) if parent else None,
        website=v.Link(url(data.situs), text(data.situs)) if data.situs else None,
        children=tuple(_agency_link(uri, c) for c in ix.children.get(agency.slug, ())),
        totals=_totals(ix.totals[agency.slug]),
        cards=tuple(_card(ix, i, uri) for i in ix.members.get(agency.slug, ())),
    )
    return Page(uri, view, (agency.source.path,))


def _agency_rows(ix: _Index, source: str) -> tuple[v.AgencyRow, ...]:
    return tuple(
        v.AgencyRow(
            link=_agency_link(source, agency),
            kind=text(vocab.JENIS_OPD[agency.data.jenis]),
            count=len(ix.members.get(agency.slug, ())),
            klaim=ix.totals[agency.slug].klaim,
            terverifikasi=ix.totals[agency.slug].terverifikasi,
        )
        for agency in ix.catalogue.agencies
    )


def _home(ix: _Index) -> Page:
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
        meta=_meta(
            "Beranda",
            "Katalog Inovasi Daerah Kabupaten Balangan: semua inovasi perangkat daerah, bukti "
            "dukung dan skor Indeks Inovasi Daerah.",
        ),
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
            v.Link(_href(urls.HOME, urls.INNOVATIONS), text("Lihat semua inovasi")),
            v.Link(_href(urls.HOME, urls.INDEX), text("Indeks Inovasi Daerah")),
            v.Link(_href(urls.HOME, urls.OPEN_DATA), text("Data terbuka")),
        ),
        newest=tuple(_card(ix, i, urls.HOME) for i in newest),
        agencies=_agency_rows(ix, urls.HOME),
        all_agencies=_href(urls.HOME, urls.AGENCIES),
    )
    return Page(urls.HOME, view)


def _range(low: float, high: float) -> Text:
    return text(f"{desimal(low).unescape()} – {desimal(high).unescape()}")


def _year_view(ix: _Index, year: YearProjection) -> v.YearView:
    links = tuple(
        v.Link(_href(urls.INDEX, urls.innovation_uri(slug)), text(_name_of(ix.catalogue, slug)))
        for slug in year.inovasi
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


def _name_of(catalogue: Catalogue, slug: str) -> str:
    found = catalogue.innovation(slug)
    return found.data.nama if found else slug


def _index(ix: _Index, projection: Sequence[YearProjection]) -> Page:
    view = v.IndexView(
        meta=_meta(
            "Indeks Inovasi Daerah",
            "Proyeksi bagian inovasi Indeks Inovasi Daerah Kabupaten Balangan per tahun "
            "pelaporan, dihitung dari katalog.",
        ),
        years=tuple(_year_view(ix, y) for y in reversed(projection)),
        unreported=tuple(
            v.Link(_href(urls.INDEX, urls.innovation_uri(i.slug)), text(i.data.nama))
            for i in ix.catalogue.innovations
            if not i.data.tahun_laporan
        ),
    )
    return Page(urls.INDEX, view)


def plan_pages(
    catalogue: Catalogue,
    scores: Mapping[str, InnovationScore],
    projection: Sequence[YearProjection],
) -> list[Page]:
    """Every generated page of the site, in a stable order."""
    ix = _Index.build(catalogue, scores)
    pages = [
        _home(ix),
        Page(
            urls.INNOVATIONS,
            v.ListView(
                _meta("Semua inovasi", "Daftar seluruh inovasi daerah Kabupaten Balangan."),
                tuple(_card(ix, i, urls.INNOVATIONS) for i in catalogue.innovations),
            ),
        ),
        Page(
            urls.AGENCIES,
            v.AgenciesView(
                _meta("Perangkat daerah", "Perangkat daerah Kabupaten Balangan dan inovasinya."),
                _agency_rows(ix, urls.AGENCIES),
            ),
        ),
        Page(
            urls.OPEN_DATA,
            v.OpenDataView(
                _meta(
                    "Data terbuka",
                    "Unduh data katalog inovasi daerah Kabupaten Balangan dalam format JSON "
                    "dan CSV.",
                ),
                len(catalogue.innovations),
                _href(urls.OPEN_DATA, urls.JSON_EXPORT),
                _href(urls.OPEN_DATA, urls.CSV_EXPORT),
            ),
        ),
        _index(ix, projection),
        _codes(),
    ]
    pages += [_agency_page(ix, a) for a in catalogue.agencies]
    pages += [_innovation_page(ix, i) for i in catalogue.innovations]
    return pages


def _codes() -> Page:
    families = []
    for letter, title in codes.FAMILIES.items():
        rows = tuple(
            v.CodeRow(text(code), text(code.lower()), text(doc.title), text(doc.fix))
            for code, doc in codes.EXPLAINED.items()
            if code.startswith(letter)
        )
        families.append(v.CodeFamily(text(title), rows))
    meta = _meta(
        "Kode temuan",
        "Arti setiap kode temuan sepeda check dan cara memperbaikinya.",
    )
    return Page(urls.CODES, v.CodesView(meta, tuple(families)))


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
            _colour(catalogue, innovation),
        )
    return result
