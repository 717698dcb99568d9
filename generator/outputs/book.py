"""The yearly *Buku Inovasi Daerah*: a PDF of one reporting year's innovations, typeset
with Typst (PyPI ``typst``, the compiler as a Python extension; fonts embedded in it).

:func:`book_data` turns the catalogue into plain data (every value a string, number or
list, ready for ``data.json``): the cover (the regency, the year, its reported result and
the catalogue's coverage in the words of the site), one chapter per agency with the
innovations it reported that year, the agencies without any named together, and the index by
urusan and by TPB. :func:`typeset` writes that data, the re-encoded photos of the media
pipeline and one QR code (SVG, ``segno``) per innovation into a temporary folder and compiles
``templates/buku.typ`` there: only the fonts inside the compiler (no system font, no
network), and the PDF's dates set from the date of the data, so the same catalogue gives
the same bytes. The template shows every value as text (a Typst string is never evaluated),
so contributor text cannot run as Typst code.

Pages are numbered from the cover, so that the page ranges of the table of contents are the
PDF's own page numbers: an agency prints its chapter alone with that range (or with
``sepeda buku <tahun> --opd <slug>``, a book of that chapter only).
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import segno
import typst

from generator.base import urls, vocab
from generator.base.formats import tanggal
from generator.base.history import History
from generator.catalogue.records import Agency, Catalogue, Innovation
from generator.iid.scoring import InnovationScore, score_with
from generator.outputs import submission
from generator.pages.context import PageContext, coverage
from generator.record.models import Media
from generator.record.reference import Reference
from generator.record.region import Region

FOLDER = "buku"
"""Where a site publishes the book: ``buku/buku-inovasi-<tahun>.pdf``."""

TEMPLATE = "buku.typ"
_MARKUP = re.compile(r"[*_`#>\[\]]|^\s*(?:[-+]|\d+\.)\s+", re.MULTILINE)

Progress = Callable[[str], None]
Json = dict[str, Any]
"""Plain data for ``data.json``: strings, numbers, lists and such dicts."""


def file_name(year: int) -> str:
    """Site URI of the book of ``year``."""
    return f"{FOLDER}/buku-inovasi-{year}.pdf"


def latest_year(catalogue: Catalogue) -> int | None:
    """The latest reporting year of the catalogue: the year of the book a build publishes."""
    years = [y for i in catalogue.innovations for y in i.data.tahun_laporan]
    return max(years) if years else None


def timestamp(history: History, year: int) -> datetime:
    """The PDF's creation date: the date of the data (Git), else 1 January of the year."""
    day = history.data_date or date(year, 1, 1)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


# ---- data ------------------------------------------------------------------------------------


def _paragraphs(markdown_text: str) -> list[str]:
    """Admin Markdown as plain paragraphs (markup characters dropped, lines joined)."""
    blocks = re.split(r"\n\s*\n", markdown_text.strip())
    return [" ".join(_MARKUP.sub("", b).split()) for b in blocks if b.strip()]


def photo_uri(slug: str, name: str) -> str:
    """The copy of a photo the book prints: the media pipeline's small copy (640 px, about
    200 dpi at the book's 8 cm, without metadata), which keeps a 2,000-innovation book a
    download (about a tenth of the full copies' size)."""
    return urls.small_file(slug, name)


def _photo(innovation: Innovation, media: Mapping[str, bytes]) -> Media | None:
    """The photo the book prints: the cover photo (else the first) the media pipeline
    published; none when the innovation has no photo. A photo whose people did not consent
    (``persetujuan: false``) is never printed: a printed copy cannot be taken back."""
    photos = [
        m
        for m in innovation.data.media
        if urls.is_image(m.berkas)
        and m.persetujuan is not False
        and photo_uri(innovation.slug, m.berkas) in media
    ]
    return next((m for m in photos if m.sampul), photos[0] if photos else None)


def _caption(photo: Media) -> str:
    parts = [photo.keterangan]
    if photo.lisensi:
        parts.append(f"Lisensi: {photo.lisensi}")
    if photo.persetujuan is True:
        parts.append("Orang yang tampak di foto telah menyetujui penerbitannya")
    return ". ".join(p.rstrip(".") for p in parts) + "."


def _level(value: int | None) -> str:
    return "–" if value is None else str(value)


def _score_words(score: InnovationScore, reference: Reference) -> str:
    framework = reference.framework(score.kerangka).nama
    estimate = " (perkiraan: kerangka tahun ini belum terbit)" if score.perkiraan else ""
    verified = (
        f"skor terverifikasi pokja {score.terverifikasi}"
        if score.terverifikasi is not None
        else "belum diverifikasi pokja"
    )
    return f"{framework}{estimate}: skor klaim {score.klaim} dari {score.maksimum}; {verified}."


PROFILE = (
    "Perangkat Daerah Pengusul",
    "Tahapan Inovasi",
    "Inisiator Inovasi Daerah",
    "Nama Inisiator",
    "Jenis Inovasi",
    "Bentuk Inovasi Daerah",
    "Tematik",
    "Urusan Pemerintahan (Urusan Utama)",
    "Urusan lain yang beririsan",
    "Waktu Uji Coba Inovasi Daerah",
    "Waktu Penerapan Inovasi Daerah",
    "Keterkaitan dengan Asta Cita",
)
"""The national form's short profile fields the page shows (its wording, from
:func:`generator.outputs.submission.profile`); the long ones (design, goals) stay on the
site."""


def _profile(innovation: Innovation, catalogue: Catalogue, region: Region) -> list[list[str]]:
    data = innovation.data
    national = dict(submission.profile(innovation, catalogue, region))
    rows = [[label, national[label]] for label in PROFILE if national.get(label)]
    if data.tpb:
        rows.append(["TPB", ", ".join(f"{n}. {vocab.TPB[n]}" for n in sorted(data.tpb))])
    rows.append(["Tahun pelaporan", ", ".join(map(str, data.tahun_laporan))])
    if data.sumber_data == "berita":
        rows.append(["Sumber data", "pemberitaan (belum dikonfirmasi perangkat daerah)"])
    return rows


def _innovation(
    innovation: Innovation,
    catalogue: Catalogue,
    score: InnovationScore,
    region: Region,
    photo: Media | None,
) -> Json:
    data = innovation.data
    rows = [
        {
            "nomor": r.nomor,
            "nama": r.nama,
            "klaim": _level(r.tingkat_klaim)
            + ("" if r.ada_bukti or r.tingkat_klaim is None else " (tanpa bukti)"),
            "pokja": _level(r.tingkat_pokja),
        }
        for r in score.baris
        if r.tingkat_klaim is not None or r.tingkat_pokja is not None
    ]
    awards = [
        ", ".join(str(x) for x in (p.nama, p.peringkat, p.tahun) if x is not None)
        for p in data.penghargaan
    ]
    return {
        "slug": innovation.slug,
        "nama": data.nama,
        "singkatan": data.singkatan,
        "profil": _profile(innovation, catalogue, region),
        "ringkasan": _paragraphs(data.ringkasan),
        "skor": _score_words(score, catalogue.reference),
        "indikator": rows,
        "tanpa_indikator": "Belum ada klaim indikator Indeks Inovasi Daerah untuk tahun ini.",
        "penghargaan": awards,
        "alamat": region.site_url + urls.public_url(urls.innovation_uri(innovation.slug)),
        "qr": f"qr/{innovation.slug}.svg",
        "foto": None
        if photo is None
        else {
            "berkas": f"foto/{innovation.slug}/{photo.berkas}",
            "alt": photo.alt or photo.keterangan,
            "keterangan": _caption(photo),
        },
    }


def natural(name: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that orders "Desa 2" before "Desa 10" and ignores case."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.split(r"(\d+)", name.casefold())
        if part
    )


def chapter_order(ctx: PageContext) -> list[Agency]:
    """Agencies as the site's agency list has them: the top ones by name, each followed by
    its units (puskesmas under the health office, desa under their kecamatan), by name."""
    ordered: list[Agency] = []
    seen: set[str] = set()

    def visit(agency: Agency) -> None:
        if agency.slug in seen:  # an induk cycle must not loop
            return
        seen.add(agency.slug)
        ordered.append(agency)
        for unit in sorted(ctx.children.get(agency.slug, ()), key=_agency_key):
            visit(unit)

    for agency in sorted(ctx.top_agencies(), key=_agency_key):
        visit(agency)
    ordered += sorted((a for a in ctx.catalogue.agencies if a.slug not in seen), key=_agency_key)
    return ordered


def _agency_key(agency: Agency) -> tuple[tuple[tuple[int, int | str], ...], str]:
    return (natural(agency.data.nama), agency.slug)


def book_scores(catalogue: Catalogue, year: int) -> dict[str, InnovationScore]:
    """Every innovation reported in ``year`` scored with that year's claims and framework
    (the newest framework, marked as an estimate, when the year has none yet)."""
    reference = catalogue.reference
    framework = reference.kerangka_for_year(year)
    return {
        i.slug: score_with(i, framework or reference.newest, year, perkiraan=framework is None)
        for i in catalogue.innovations
        if year in i.data.tahun_laporan
    }


def book_data(
    catalogue: Catalogue,
    scores: Mapping[str, InnovationScore],
    media: Mapping[str, bytes],
    history: History,
    region: Region,
    year: int,
    opd: str | None = None,
) -> Json:
    """Everything the template prints, as plain JSON-ready data.

    ``scores`` are the site's (for the coverage sentence); the book scores each innovation
    with the claims of ``year`` (:func:`book_scores`). ``opd``: that agency's chapter only.
    """
    reference = catalogue.reference
    in_year = book_scores(catalogue, year)
    ctx = PageContext.build(catalogue, scores, history, region)
    chapters: list[Json] = []
    empty: list[str] = []
    for agency in chapter_order(ctx):
        if opd is not None and agency.slug != opd:
            continue
        own = [i for i in ctx.members.get(agency.slug, ()) if i.slug in in_year]
        if not own:
            empty.append(agency.data.nama)
            continue
        parent = agency.data.induk
        chapters.append(
            {
                "slug": agency.slug,
                "nama": agency.data.nama,
                "induk": f"Di bawah {catalogue.agency(parent).data.nama}"
                if parent and parent in {a.slug for a in catalogue.agencies}
                else None,
                "jumlah_teks": f"{len(own)} inovasi dilaporkan tahun {year}",
                "inovasi": [
                    _innovation(i, catalogue, in_year[i.slug], region, _photo(i, media))
                    for i in sorted(own, key=lambda i: (natural(i.data.nama), i.slug))
                ],
            }
        )
    shown = [i for c in chapters for i in c["inovasi"]]
    by_slug = {i.slug: i for i in catalogue.innovations}
    covered = coverage(ctx, year)
    cover = [covered.sentence.unescape()]
    cover_sources = [f"{s.label.unescape()} ({s.href.unescape()})" for s in covered.sources]
    framework = reference.kerangka_for_year(year)
    cover.append(
        f"Skor dihitung dengan {(framework or reference.newest).nama}"
        + ("." if framework else " sebagai perkiraan: kerangka tahun ini belum terbit.")
    )
    return {
        "judul": f"Buku Inovasi Daerah {year}",
        "pemda": region.pemda,
        "tahun": year,
        "sampul": cover,
        "sampul_sumber": cover_sources,
        "hasil": [
            {"ringkasan": h.ringkasan, "sumber": [f"{s.judul} ({s.url})" for s in h.sumber]}
            for h in reference.hasil
            if h.tahun == year
        ],
        "kolofon": [
            f"Disusun dari Katalog Inovasi Daerah {region.pemda}: {region.site_url}",
            f"Data per {tanggal(history.data_date).unescape()}."
            if history.data_date
            else "Tanggal data tidak diketahui.",
            "Angka dalam buku ini adalah angka katalog: inovasi yang sudah tercatat, bukan "
            "seluruh inovasi daerah. Skor klaim dihitung dari klaim yang dilampiri bukti "
            "dukung; skor terverifikasi dari penilaian pokja inovasi daerah.",
        ],
        "petunjuk": "Setiap bab dapat dicetak tersendiri: nomor halaman buku ini sama dengan "
        "nomor halaman berkas PDF-nya, jadi rentang halaman di bawah dapat langsung diisikan "
        "pada pilihan cetak. Pindai kode QR di halaman inovasi untuk membuka halamannya di "
        "situs katalog.",
        "bab": chapters,
        "judul_tanpa": f"Perangkat daerah tanpa inovasi tahun {year}",
        "tanpa_teks": f"Perangkat daerah dan unit berikut belum punya inovasi di katalog yang "
        f"dilaporkan tahun {year}.",
        "tanpa_inovasi": empty,
        "indeks_urusan": _urusan_index(shown, by_slug, reference),
        "indeks_tpb": _tpb_index(shown, by_slug),
        "indeks_kosong": "Belum ada inovasi yang dapat diindeks.",
    }


def _entry(item: Mapping[str, Any]) -> Json:
    return {"nama": item["nama"], "slug": item["slug"]}


def _urusan_index(
    shown: Sequence[Mapping[str, Any]],
    by_slug: Mapping[str, Innovation],
    reference: Reference,
) -> list[Json]:
    """Urusan in the national order, each with the innovations whose main or related urusan
    it is, by name."""
    groups: list[Json] = []
    for key, urusan in sorted(reference.urusan.items(), key=lambda kv: kv[1].nomor):
        found: list[Json] = []
        for item in shown:
            u = by_slug[str(item["slug"])].data.urusan
            if u is not None and (u.utama == key or key in u.beririsan):
                found.append(_entry(item))
        if found:
            groups.append({"nama": urusan.nama, "inovasi": sorted(found, key=_by_name)})
    return groups


def _tpb_index(shown: Sequence[Mapping[str, Any]], by_slug: Mapping[str, Innovation]) -> list[Json]:
    groups: list[Json] = []
    for number, name in vocab.TPB.items():
        found = [_entry(i) for i in shown if number in by_slug[str(i["slug"])].data.tpb]
        if found:
            groups.append({"nama": f"TPB {number}: {name}", "inovasi": sorted(found, key=_by_name)})
    return groups


def _by_name(entry: Mapping[str, Any]) -> tuple[tuple[tuple[int, int | str], ...], str]:
    return (natural(str(entry["nama"])), str(entry["slug"]))


# ---- typesetting -----------------------------------------------------------------------------


def qr_svg(address: str) -> bytes:
    """The QR code of an address as SVG (error correction M, a quiet zone of 2 modules)."""
    out = io.BytesIO()
    segno.make(address, error="m").save(out, kind="svg", xmldecl=False, border=2, scale=1, nl=False)
    return out.getvalue()


def typeset(
    data: Mapping[str, Any],
    media: Mapping[str, bytes],
    when: datetime,
    progress: Progress | None = None,
) -> bytes:
    """The PDF of :func:`book_data`'s ``data``; ``media`` the published files (site URI →
    bytes) holding the photos it names."""
    with tempfile.TemporaryDirectory(prefix="sepeda-buku-") as folder:
        root = Path(folder)
        template = resources.files("generator.outputs").joinpath("templates", TEMPLATE)
        (root / TEMPLATE).write_bytes(template.read_bytes())
        (root / "data.json").write_text(
            json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8"
        )
        (root / "qr").mkdir()
        for chapter in data["bab"]:
            for item in chapter["inovasi"]:
                (root / str(item["qr"])).write_bytes(qr_svg(str(item["alamat"])))
                photo = item["foto"]
                if photo is not None:
                    name = str(photo["berkas"])
                    slug, berkas = name.split("/")[1], name.split("/", 2)[2]
                    target = root / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(media[photo_uri(slug, berkas)])
        if progress:
            progress("menata halaman (Typst)")
        fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True)
        compiler = typst.Compiler(root=str(root), font_paths=fonts, ignore_system_fonts=True)
        pdf = compiler.compile(input=str(root / TEMPLATE), format="pdf", timestamp=when)
    assert isinstance(pdf, bytes)
    return pdf
