"""Personal data and location hidden outside what a page shows: PDF comments, bookmarks,
form fields and document properties; GPS in a photo's EXIF or XMP. The original file stays
in the public repository, so these are refused even though the published copy is cleaned."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Text
from test_media import PDF_PII, XMP, exif_with_gps, make_pdf, write

from generator.base.codes import Code
from generator.catalogue.media import MediaProblem, check_file

NIK = "3204014501900001"


def _pdf(edit: object) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Laporan kegiatan"]))))
    edit(writer)  # type: ignore[operator]
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _problems(tmp_path: Path, data: bytes) -> list[MediaProblem]:
    return check_file(write(tmp_path, "bukti.pdf", data), tmp_path)


def test_a_nik_in_a_pdf_comment_is_refused_with_its_page(tmp_path: Path) -> None:
    def comment(writer: PdfWriter) -> None:
        writer.add_annotation(0, Text(text=f"NIK pemohon {NIK}", rect=(50, 550, 200, 650)))

    assert _problems(tmp_path, _pdf(comment)) == [
        MediaProblem(PDF_PII, Code.PERSONAL_DATA_IN_PDF, page=1, part="komentar (anotasi)")
    ]


def test_a_nik_in_a_bookmark_title_is_refused(tmp_path: Path) -> None:
    def bookmark(writer: PdfWriter) -> None:
        writer.add_outline_item(title=f"Lampiran KTP {NIK}", page_number=0)

    assert _problems(tmp_path, _pdf(bookmark)) == [
        MediaProblem(PDF_PII, Code.PERSONAL_DATA_IN_PDF, part="penanda (bookmark)")
    ]


def test_a_nik_in_the_document_properties_is_refused(tmp_path: Path) -> None:
    def properties(writer: PdfWriter) -> None:
        writer.add_metadata({"/Author": f"Budi {NIK}", "/Title": "Laporan"})

    assert _problems(tmp_path, _pdf(properties)) == [
        MediaProblem(PDF_PII, Code.PERSONAL_DATA_IN_PDF, part="properti dokumen")
    ]


def test_a_clean_pdf_with_comments_and_bookmarks_passes(tmp_path: Path) -> None:
    def clean(writer: PdfWriter) -> None:
        writer.add_annotation(0, Text(text="Lihat tabel 2", rect=(50, 550, 200, 650)))
        writer.add_outline_item(title="Bab 1 Pendahuluan", page_number=0)
        writer.add_metadata({"/Author": "Dinas Kesehatan", "/Title": "Laporan 2024"})

    assert _problems(tmp_path, _pdf(clean)) == []


def _jpeg(**info: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 10, 10)).save(buffer, "JPEG", **info)
    return buffer.getvalue()


def test_a_photo_with_gps_in_exif_or_xmp_is_refused(tmp_path: Path) -> None:
    for name, data in (("lokasi.jpg", _jpeg(exif=exif_with_gps())), ("xmp.jpg", _jpeg(xmp=XMP))):
        problems = check_file(write(tmp_path, name, data), tmp_path)
        assert [p.code for p in problems] == [Code.PHOTO_LOCATION], name
        assert "lokasi GPS" in problems[0].message
    assert check_file(write(tmp_path, "bersih.jpg", _jpeg()), tmp_path) == []
