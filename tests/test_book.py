"""The yearly Buku Inovasi Daerah (``sepeda buku``): reproducible bytes and its text."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import MappingProxyType

import pytest
from pypdf import PdfReader

from conftest import CATALOGUE, run_sepeda
from generator.base.history import History
from generator.outputs import book
from generator.site import pipeline

HISTORY = History(
    added=MappingProxyType({}),
    changed=MappingProxyType({}),
    data_date=date(2024, 8, 1),
)
NAME = "buku/buku-inovasi-2024.pdf"


def _settings(root: Path = CATALOGUE) -> pipeline.Settings:
    return replace(pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR), history=HISTORY)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    steps: list[str] = []
    result = pipeline.book(_settings(), 2024, progress=steps.append)
    assert result.ok, [str(f) for f in result.findings]
    assert list(result.files) == [NAME]
    assert steps[-1] == "menata halaman (Typst)"
    content = result.files[NAME]
    assert isinstance(content, bytes)
    return content


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_two_builds_are_byte_identical(pdf: bytes) -> None:
    again = pipeline.book(_settings(), 2024).files[NAME]
    assert again == pdf
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info["/CreationDate"] == "D:20240801000000Z"  # the date of the data, not the clock
    assert info["/Title"] == "Buku Inovasi Daerah 2024"


def test_cover_contents_and_chapters(pdf: bytes) -> None:
    pages = _pages(pdf)
    cover, contents = pages[0], pages[1]
    assert "Kabupaten Balangan" in cover
    assert "Buku Inovasi Daerah 2024" in cover
    # the coverage in the site's words, and the regency's reported result of the year
    assert "Tahun 2024: katalog memuat 2 inovasi" in cover
    assert "Masuk 5 besar Kabupaten Terinovatif pada IGA 2024." in cover
    assert "Data per 1 Agustus 2024." in cover
    assert "Daftar isi" in contents
    # every chapter with its page range: the book's page numbers are the PDF's
    ranges = dict(re.findall(r"(Dinas Kesehatan|UPT Puskesmas Uren) \(1 inovasi[^)]*\)[ .]*"
                             r"hlm\. (\d+(?:–\d+)?)", contents))  # fmt: skip
    assert set(ranges) == {"Dinas Kesehatan", "UPT Puskesmas Uren"}
    first = int(ranges["Dinas Kesehatan"].split("–")[0])
    assert pages[first - 1].startswith("Dinas Kesehatan 1 inovasi dilaporkan tahun 2024")
    # the agency without an innovation that year is named as such
    empty = next(p for p in pages if p.startswith("Perangkat daerah tanpa inovasi tahun 2024"))
    assert "Kecamatan Awayan" in empty


def test_innovation_page(pdf: bytes) -> None:
    page = next(p for p in _pages(pdf) if p.startswith("Antrean Daring Puskesmas ANDARA"))
    for expected in (
        # the national form's profile fields, in its wording (outputs/submission.py)
        "Perangkat Daerah Pengusul Dinas Kesehatan",
        "Tahapan Inovasi Penerapan",
        "Nama Inisiator Bidang Pelayanan Kesehatan",
        "Urusan Pemerintahan (Urusan Utama) Kesehatan",
        "Urusan lain yang beririsan Komunikasi dan Informatika",
        "Waktu Uji Coba Inovasi Daerah 15-06-2022",
        "Waktu tunggu di loket turun dari dua jam menjadi tiga puluh menit.",
        "skor klaim 12 dari 111; skor terverifikasi pokja 10",
        "No. Indikator Klaim Pokja",
        "1 Regulasi Inovasi Daerah 2 2",
        "20 Kualitas Inovasi Daerah 2 (tanpa bukti) –",
        "Lomba Inovasi Balangan (Bailang), Juara 2, 2024",
        "Loket antrean setelah inovasi.",  # the photo's caption
    ):
        assert expected in page, expected
    assert "inovasi/antrean-daring/" in page.replace(" ", "")
    reader = PdfReader(io.BytesIO(pdf))
    index = _pages(pdf).index(page)
    images = reader.pages[index].images
    assert len(images) == 1  # the re-encoded photo (the QR code is vector)


def test_index_by_urusan_and_tpb(pdf: bytes) -> None:
    pages = _pages(pdf)
    urusan = next(p for p in pages if p.startswith("Indeks menurut urusan pemerintahan"))
    assert re.search(r"Kesehatan Antrean Daring Puskesmas[ .]+\d+ Bekal Obat Keliling", urusan)
    assert "Komunikasi dan Informatika Antrean Daring Puskesmas" in urusan
    tpb = next(p for p in pages if p.startswith("Indeks menurut Tujuan Pembangunan"))
    assert "TPB 3: Kehidupan Sehat dan Sejahtera Antrean Daring Puskesmas" in tpb


def test_contributor_text_is_never_typst_code() -> None:
    hostile = '#panic("x") #read("/etc/passwd") $x^2$ *tebal* <lbl> @lbl'
    result = pipeline.build(_settings())
    assert result.catalogue is not None
    media = {k: v for k, v in result.files.items() if isinstance(v, bytes)}
    data = book.book_data(result.catalogue, result.scores, media, HISTORY, _settings().region, 2024)
    item = data["bab"][0]["inovasi"][0]  # type: ignore[index]
    item["nama"] = hostile
    item["ringkasan"] = [hostile]
    text = " ".join(_pages(book.typeset(data, media, book.timestamp(HISTORY, 2024))))
    assert text.count(hostile) >= 2  # the heading, the summary (and the chapter's list)


def test_cli_writes_one_agency_chapter(tmp_path: Path) -> None:
    project = tmp_path / "proyek"
    shutil.copytree(CATALOGUE, project)
    done = run_sepeda(project, "buku", "2024", "--out", str(tmp_path / "keluar"), "--opd", "dinkes")
    assert done.returncode == 0, done.stderr
    assert "Buku: menata halaman (Typst)" in done.stderr
    written = tmp_path / "keluar" / "buku-inovasi-2024-dinkes.pdf"
    text = " ".join(_pages(written.read_bytes()))
    assert "Antrean Daring Puskesmas" in text
    assert "Bekal Obat Keliling" not in text  # another agency's chapter
    refused = run_sepeda(project, "buku", "2024", "--out", str(tmp_path / "x"), "--opd", "tidak")
    assert refused.returncode == 1
    assert "tidak ada di katalog" in refused.stderr


def test_a_build_publishes_the_book_and_links_it_only_then() -> None:
    built = pipeline.build(replace(_settings(), book=True))  # sepeda build --buku
    assert built.files[NAME] == pipeline.book(_settings(), 2024).files[NAME]
    for page in ("data-terbuka/index.md", "rapor/index.md"):
        assert "../buku/buku-inovasi-2024.pdf" in str(built.files[page])
    preview = pipeline.build(_settings())  # sepeda build without --buku, sepeda serve
    assert not any(uri.startswith("buku/") for uri in preview.files)
    for page in ("data-terbuka/index.md", "rapor/index.md"):
        assert "buku-inovasi" not in str(preview.files[page])


def test_chapters_follow_the_agency_tree_in_natural_order() -> None:
    names = ["Desa 10", "desa 2", "Desa 1", "Dinas A"]
    assert sorted(names, key=book.natural) == ["Desa 1", "desa 2", "Desa 10", "Dinas A"]
    result = pipeline.check(_settings())
    assert result.catalogue is not None
    ctx = book.PageContext.build(result.catalogue, result.scores, HISTORY, _settings().region)
    # the puskesmas follows its health office; the kecamatan, another top agency, comes after
    assert [a.slug for a in book.chapter_order(ctx)] == [
        "dinkes",
        "upt-puskesmas-uren",
        "kecamatan-awayan",
    ]


@pytest.mark.slow
def test_sepeda_build_buku_publishes_the_book_and_its_links(site_project: Path) -> None:
    done = run_sepeda(site_project, "build", "--out", "keluaran", "--buku")
    assert done.returncode == 0, done.stdout + done.stderr
    out = site_project / "keluaran"
    assert (out / NAME).read_bytes()[:5] == b"%PDF-"
    for page in ("data-terbuka/index.html", "rapor/index.html"):
        assert 'href="../buku/buku-inovasi-2024.pdf"' in (out / page).read_text()


def test_photo_caption_and_consent() -> None:
    result = pipeline.check(_settings())
    assert result.catalogue is not None
    innovation = result.catalogue.innovation("antrean-daring")
    assert innovation is not None
    media = {book.photo_uri("antrean-daring", "loket.png"): b"png"}
    photo = book._photo(innovation, media)
    assert photo is not None and photo.berkas == "loket.png"
    consented = photo.model_copy(update={"persetujuan": True, "lisensi": "CC BY 4.0"})
    assert book._caption(consented) == (
        "Loket antrean setelah inovasi. Lisensi: CC BY 4.0. "
        "Orang yang tampak di foto telah menyetujui penerbitannya."
    )
    refused = innovation.data.model_copy(
        update={"media": [photo.model_copy(update={"persetujuan": False})]}
    )
    assert book._photo(replace(innovation, data=refused), media) is None
