"""Tests for generator.catalogue.media: file-name rules, file checks and metadata-free publishing.

Every input is built here with Pillow, pypdf or raw bytes; nothing binary is committed.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms, PngImagePlugin
from pypdf import PdfReader, PdfWriter

from generator.base.codes import Code
from generator.catalogue import media, media_batch
from generator.catalogue.media import MediaError, MediaProblem, check_file, check_name

XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="2,19.5S"/>'
    b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
COMMENT = b"Alamat: Jl. Melati No. 5"
RED = (255, 0, 0)
BLUE = (0, 0, 255)

PDF_PII = (
    "memuat NIK (3204********0001); hapus data pribadi itu dari dokumen asli, buat ulang "
    "PDF-nya, lalu unggah ulang"
)


# --- builders --------------------------------------------------------------------------


def two_colour_image(size: tuple[int, int]) -> Image.Image:
    """Left half red, right half blue."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    return image


def exif_with_gps(orientation: int = 1, *, gps_too: bool = True) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "KameraPonsel"
    if not gps_too:
        return exif
    gps = exif.get_ifd(0x8825)
    gps[1] = "S"
    gps[2] = (2.0, 19.0, 30.0)
    gps[3] = "E"
    gps[4] = (115.0, 27.0, 0.0)
    return exif


def jpeg_with_metadata(
    size: tuple[int, int] = (3200, 1600), orientation: int = 6, *, gps: bool = True
) -> bytes:
    """A photo with EXIF, XMP and a comment; ``gps`` adds its location (refused by the
    check since P505, still stripped by the publish functions)."""
    buffer = io.BytesIO()
    xmp = XMP if gps else XMP.replace(b"GPSLatitude", b"Artist")
    exif = exif_with_gps(orientation, gps_too=gps)
    two_colour_image(size).save(buffer, "JPEG", quality=90, exif=exif, comment=COMMENT, xmp=xmp)
    return buffer.getvalue()


def png_with_text(*, gps: bool = True) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Budi 081234567890")
    info.add_text("Location", "RT 003/RW 002", zip=True)
    info.add_itxt("Comment", "Jl. Melati No. 5")
    buffer = io.BytesIO()
    two_colour_image((200, 100)).save(buffer, "PNG", pnginfo=info, exif=exif_with_gps(gps_too=gps))
    return buffer.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares ``width`` x ``height`` pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def make_pdf(
    pages: list[str],
    *,
    catalog: str = "",
    page_extra: str = "",
    info: str | None = None,
    xmp: bytes | None = None,
) -> bytes:
    """A minimal valid PDF, written by hand with a correct xref table.

    Objects: 1 catalog, 2 page tree, 3 font (Helvetica), then per page a page and its
    content stream, then the optional /Info dictionary and XMP stream.
    """
    count = len(pages)
    page_ids = [4 + 2 * i for i in range(count)]
    info_id = 4 + 2 * count
    xmp_id = info_id + 1
    metadata = f" /Metadata {xmp_id} 0 R" if xmp is not None else ""
    kids = " ".join(f"{n} 0 R" for n in page_ids)
    bodies: list[bytes] = [
        f"<< /Type /Catalog /Pages 2 0 R{metadata}{catalog} >>".encode(),
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for number, text in zip(page_ids, pages, strict=True):
        content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        page = (
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {number + 1} 0 R{page_extra} >>"
        )
        bodies.append(page.encode())
        bodies.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    bodies.append((info or "<< >>").encode())
    if xmp is not None:
        bodies.append(
            b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(xmp)
            + xmp
            + b"\nendstream"
        )
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = (
        f"<< /Size {len(bodies) + 1} /Root 1 0 R /Info {info_id} 0 R "
        "/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>"
    )
    out += b"trailer\n" + trailer.encode() + b"\nstartxref\n%d\n" % xref + b"%%EOF\n"
    return out


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def messages(problems: list[MediaProblem]) -> list[str]:
    return [p.message for p in problems]


# --- names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["foto-kegiatan-1.jpg", "sk-188-4-69-2020.pdf", "a.jpeg", "peta_layanan.png", "x.webp"]
)
def test_good_names(name: str) -> None:
    assert check_name(name) == []


@pytest.mark.parametrize(
    "name",
    [
        "foto kegiatan.jpg",
        "Foto.jpg",
        "FOTO.JPG",
        "../x.jpg",
        "sub/x.jpg",
        "a..b.jpg",
        ".foto.jpg",
        "-foto.jpg",
        "foto%20.jpg",
        "foto\u00e9.jpg",
        "a" * 101 + ".jpg",
        "",
    ],
)
def test_bad_names(name: str) -> None:
    assert messages(check_name(name)) == [media.MSG_NAME]


@pytest.mark.parametrize("name", ["foto.gif", "gambar.svg", "catatan.txt", "foto", "foto.jpg.exe"])
def test_suffix_not_allowed(name: str) -> None:
    assert messages(check_name(name)) == [media.MSG_SUFFIX]


def test_windows_reserved_name() -> None:
    assert messages(check_name("con.jpg")) == [media.MSG_RESERVED]


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("ktp-budi.jpg", "ktp"),
        ("scan_kk_2020.pdf", "kk"),
        ("npwp.pdf", "npwp"),
        ("e-ktp.png", "ktp"),
        ("kartu-keluarga-budi.pdf", "kartu keluarga"),
    ],
)
def test_identity_document_words(name: str, word: str) -> None:
    assert messages(check_name(name)) == [
        f"nama berkas menunjukkan dokumen identitas pribadi ('{word}'); jangan unggah KTP, "
        "KK, NPWP atau dokumen identitas lain"
    ]


@pytest.mark.parametrize("name", ["klinik-kktp.jpg", "nikah-massal.jpg", "snip.png", "kkn.jpg"])
def test_identity_words_only_as_whole_tokens(name: str) -> None:
    assert check_name(name) == []


def test_personal_data_in_name() -> None:
    assert messages(check_name("scan 3204010101900001.pdf")) == [
        media.MSG_NAME,
        "nama berkas memuat NIK (3204********0001); ganti nama berkas tanpa data pribadi, "
        "misalnya 'bukti-kegiatan.pdf'",
    ]
    assert messages(check_name("wa-081234567890.jpg")) == [
        "nama berkas memuat nomor ponsel pribadi (0812******90); ganti nama berkas tanpa data "
        "pribadi, misalnya 'bukti-kegiatan.pdf'"
    ]


def test_no_message_repeats_a_full_number() -> None:
    for problem in check_name("ktp 3204010101900001.pdf"):
        assert "3204010101900001" not in problem.message


# --- files: location, type, size ------------------------------------------------------


def test_symlink_is_refused(tmp_path: Path) -> None:
    outside = write(tmp_path, "rahasia.jpg", jpeg_with_metadata((64, 32)))
    folder = tmp_path / "inovasi"
    folder.mkdir()
    link = folder / "foto.jpg"
    link.symlink_to(outside)
    assert messages(check_file(link, folder)) == [media.MSG_SYMLINK]


def test_symlink_to_a_file_inside_is_refused_too(tmp_path: Path) -> None:
    real = write(tmp_path, "asli.jpg", jpeg_with_metadata((64, 32)))
    link = tmp_path / "foto.jpg"
    link.symlink_to(real)
    assert messages(check_file(link, tmp_path)) == [media.MSG_SYMLINK]


def test_file_reached_through_a_symlinked_folder_is_outside(tmp_path: Path) -> None:
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    write(elsewhere, "foto.jpg", jpeg_with_metadata((64, 32)))
    folder = tmp_path / "inovasi"
    folder.mkdir()
    (folder / "media").symlink_to(elsewhere, target_is_directory=True)
    assert messages(check_file(folder / "media" / "foto.jpg", folder)) == [media.MSG_OUTSIDE]


def test_directory_missing_and_empty(tmp_path: Path) -> None:
    (tmp_path / "folder.jpg").mkdir()
    assert messages(check_file(tmp_path / "folder.jpg", tmp_path)) == [media.MSG_NOT_REGULAR]
    assert messages(check_file(tmp_path / "tidak-ada.jpg", tmp_path)) == [media.MSG_MISSING]
    empty = write(tmp_path, "kosong.png", b"")
    assert messages(check_file(empty, tmp_path)) == [media.MSG_EMPTY]


def test_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "besar.jpg"
    with path.open("wb") as handle:
        handle.write(b"\xff\xd8\xff")
        handle.truncate(media.MAX_FILE_BYTES + 1)
    assert messages(check_file(path, tmp_path)) == [
        "berkas terlalu besar (10,0 MB, paling besar 10 MB); perkecil foto atau pecah PDF "
        "menjadi beberapa berkas"
    ]


def test_jpeg_that_is_a_png(tmp_path: Path) -> None:
    path = write(tmp_path, "foto.jpg", png_with_text())
    assert messages(check_file(path, tmp_path)) == [
        "isi berkas adalah PNG, bukan JPEG; ganti akhiran nama berkas menjadi .png atau "
        "simpan ulang sebagai JPEG"
    ]


def test_pdf_that_is_a_jpeg(tmp_path: Path) -> None:
    path = write(tmp_path, "bukti.pdf", jpeg_with_metadata((64, 32)))
    assert messages(check_file(path, tmp_path)) == [
        "isi berkas adalah JPEG, bukan PDF; ganti akhiran nama berkas menjadi .jpg atau "
        "simpan ulang sebagai PDF"
    ]


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("foto.jpg", b"ini teks biasa, bukan foto", "JPEG"),
        ("foto.jpeg", b"<html><script>alert(1)</script></html>", "JPEG"),
        ("foto.png", b"GIF89a\x01\x00\x01\x00", "PNG"),
        ("foto.webp", b"RIFF\x00\x00\x00\x00WAVEfmt ", "WEBP"),
        ("bukti.pdf", b"%!PS-Adobe-3.0\n", "PDF"),
    ],
)
def test_wrong_magic(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    path = write(tmp_path, name, data)
    assert messages(check_file(path, tmp_path)) == [
        f"berkas rusak atau bukan {kind} yang sah; simpan ulang sebagai {kind} lalu unggah ulang"
    ]


def test_unsupported_suffix_on_disk(tmp_path: Path) -> None:
    path = write(tmp_path, "gambar.svg", b"<svg onload='alert(1)'/>")
    assert messages(check_file(path, tmp_path)) == [media.MSG_SUFFIX]


# --- files: images ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"), [("foto.jpg", "JPEG"), ("foto.png", "PNG"), ("foto.webp", "WEBP")]
)
def test_valid_images_pass(tmp_path: Path, name: str, fmt: str) -> None:
    buffer = io.BytesIO()
    two_colour_image((120, 80)).save(buffer, fmt)
    assert check_file(write(tmp_path, name, buffer.getvalue()), tmp_path) == []


def test_decompression_bomb_png(tmp_path: Path) -> None:
    data = png_declaring(30000, 30000)
    assert len(data) < 2000
    path = write(tmp_path, "bom.png", data)
    assert messages(check_file(path, tmp_path)) == [media.MSG_TOO_MANY_PIXELS]
    with pytest.raises(MediaError) as raised:
        media.publish_image(path)
    assert raised.value.problem.message == media.MSG_TOO_MANY_PIXELS


@pytest.mark.parametrize("size", [(8000, 6000), (10000, 10000)])
def test_images_above_the_pixel_cap(tmp_path: Path, size: tuple[int, int]) -> None:
    path = write(tmp_path, "besar.png", png_declaring(*size))
    assert messages(check_file(path, tmp_path)) == [media.MSG_TOO_MANY_PIXELS]


def test_truncated_jpeg(tmp_path: Path) -> None:
    data = jpeg_with_metadata((400, 200))
    path = write(tmp_path, "potong.jpg", data[: len(data) // 2])
    assert messages(check_file(path, tmp_path)) == [
        "berkas rusak atau bukan JPEG yang sah; simpan ulang sebagai JPEG lalu unggah ulang"
    ]


def test_png_with_bad_checksum(tmp_path: Path) -> None:
    data = bytearray(png_declaring(10, 10))
    data[29] ^= 0xFF  # inside the IHDR checksum
    path = write(tmp_path, "rusak.png", bytes(data))
    assert messages(check_file(path, tmp_path)) == [
        "berkas rusak atau bukan PNG yang sah; simpan ulang sebagai PNG lalu unggah ulang"
    ]


@pytest.mark.parametrize(("name", "fmt"), [("gerak.png", "PNG"), ("gerak.webp", "WEBP")])
def test_animated_images_are_refused(tmp_path: Path, name: str, fmt: str) -> None:
    frames = [Image.new("RGB", (32, 32), RED), Image.new("RGB", (32, 32), BLUE)]
    buffer = io.BytesIO()
    frames[0].save(buffer, fmt, save_all=True, append_images=frames[1:], duration=100)
    path = write(tmp_path, name, buffer.getvalue())
    assert messages(check_file(path, tmp_path)) == [media.MSG_ANIMATED]


# --- publishing images -----------------------------------------------------------------


def test_publish_jpeg_strips_metadata_applies_orientation_and_downscales(
    tmp_path: Path,
) -> None:
    source = jpeg_with_metadata((3200, 1600), orientation=6)
    for marker in (b"Exif\x00\x00", b"http://ns.adobe.com/xap", b"\xff\xfe", COMMENT):
        assert marker in source  # the input really carries the metadata
    path = write(tmp_path, "foto.jpg", source)
    # The check refuses the original (its location is public in the repository); the
    # publish function still strips everything, whatever reaches it.
    assert [p.code for p in check_file(path, tmp_path)] == [Code.PHOTO_LOCATION]

    published = media.publish_image(path)

    assert b"Exif\x00\x00" not in published
    assert b"http://ns.adobe.com/xap" not in published
    assert b"\xff\xfe" not in published
    assert COMMENT not in published
    assert b"KameraPonsel" not in published
    with Image.open(io.BytesIO(published)) as image:
        assert image.format == "JPEG"
        assert image.size == (800, 1600)  # rotated upright, long edge 1600
        assert not image.getexif()
        assert "comment" not in image.info
        assert "icc_profile" not in image.info
        rgb = image.convert("RGB")
        top, bottom = rgb.getpixel((400, 400)), rgb.getpixel((400, 1200))
    assert isinstance(top, tuple)
    assert isinstance(bottom, tuple)
    assert top[0] > 200 and top[2] < 60  # the left (red) half is now on top
    assert bottom[2] > 200 and bottom[0] < 60


def test_publish_is_deterministic(tmp_path: Path) -> None:
    path = write(tmp_path, "foto.jpg", jpeg_with_metadata((2000, 1500), orientation=3))
    assert media.publish_image(path) == media.publish_image(path)
    copy = write(tmp_path, "salinan.jpg", path.read_bytes())
    assert media.publish_image(copy) == media.publish_image(path)


def test_small_images_keep_their_size(tmp_path: Path) -> None:
    path = write(tmp_path, "kecil.jpg", jpeg_with_metadata((300, 200), orientation=1))
    with Image.open(io.BytesIO(media.publish_image(path))) as image:
        assert image.size == (300, 200)


def test_publish_png_strips_text_chunks(tmp_path: Path) -> None:
    source = png_with_text()
    assert b"tEXt" in source and b"zTXt" in source and b"iTXt" in source and b"eXIf" in source
    path = write(tmp_path, "peta.png", source)
    published = media.publish_image(path)
    for chunk in (b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"Budi", b"0812", b"Melati"):
        assert chunk not in published
    with Image.open(io.BytesIO(published)) as image:
        assert image.format == "PNG"
        assert image.size == (200, 100)
        assert image.info.get("Author") is None
    assert media.publish_image(path) == published


def test_publish_png_keeps_transparency(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGBA", (40, 20), (10, 20, 30, 0)).save(buffer, "PNG")
    path = write(tmp_path, "logo.png", buffer.getvalue())
    with Image.open(io.BytesIO(media.publish_image(path))) as image:
        assert image.mode == "RGBA"
        assert image.getpixel((0, 0)) == (10, 20, 30, 0)


def test_publish_webp_strips_exif_and_xmp(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    two_colour_image((2400, 1200)).save(buffer, "WEBP", exif=exif_with_gps(), xmp=XMP)
    source = buffer.getvalue()
    assert b"EXIF" in source and b"XMP " in source
    path = write(tmp_path, "foto.webp", source)
    published = media.publish_image(path)
    assert b"EXIF" not in published and b"XMP " not in published and b"ICCP" not in published
    with Image.open(io.BytesIO(published)) as image:
        assert image.format == "WEBP"
        assert image.size == (1600, 800)
    assert media.publish_image(path) == published


def test_publish_multi_picture_jpeg_gives_one_plain_jpeg(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (100, 50), RED), Image.new("RGB", (100, 50), BLUE)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "MPO", save_all=True, append_images=frames[1:])
    path = write(tmp_path, "ponsel.jpg", buffer.getvalue())
    assert check_file(path, tmp_path) == []  # phone photos with a gain map are not animations
    with Image.open(io.BytesIO(media.publish_image(path))) as image:
        assert image.format == "JPEG"
        assert getattr(image, "n_frames", 1) == 1


def test_publish_drops_icc_profile_and_converts_cmyk(tmp_path: Path) -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    Image.new("RGB", (100, 50), (200, 10, 10)).save(buffer, "JPEG", icc_profile=srgb)
    assert b"ICC_PROFILE" in buffer.getvalue()
    published = media.publish_image(write(tmp_path, "warna.jpg", buffer.getvalue()))
    assert b"ICC_PROFILE" not in published
    buffer = io.BytesIO()
    Image.new("CMYK", (100, 50), (0, 255, 255, 0)).save(buffer, "JPEG")
    published = media.publish_image(write(tmp_path, "cmyk.jpg", buffer.getvalue()))
    with Image.open(io.BytesIO(published)) as image:
        assert image.mode == "RGB"


def test_publish_refuses_what_check_refuses(tmp_path: Path) -> None:
    path = write(tmp_path, "foto.jpg", b"bukan foto")
    with pytest.raises(MediaError):
        media.publish_image(path)
    with pytest.raises(MediaError):
        media.publish_image(write(tmp_path, "bukti.pdf", make_pdf(["x"])))
    active = make_pdf(["x"], catalog=" /OpenAction << /S /JavaScript /JS (1) >>")
    with pytest.raises(MediaError) as raised:
        media.publish_pdf(write(tmp_path, "aktif.pdf", active))
    assert raised.value.problem.message == media.MSG_ACTIVE


# --- PDFs ------------------------------------------------------------------------------


def test_plain_pdf_passes(tmp_path: Path) -> None:
    path = write(tmp_path, "bukti.pdf", make_pdf(["Laporan kegiatan 2024", "Halaman dua"]))
    assert check_file(path, tmp_path) == []


def test_pdf_text_with_nik_is_reported_with_page_and_mask(tmp_path: Path) -> None:
    pdf = make_pdf(["Laporan kegiatan", "NIK 3204014501900001"])
    path = write(tmp_path, "bukti.pdf", pdf)
    problems = check_file(path, tmp_path)
    assert problems == [MediaProblem(PDF_PII, Code.PERSONAL_DATA_IN_PDF, page=2)]
    assert "3204014501900001" not in problems[0].message


def test_pdf_with_several_findings(tmp_path: Path) -> None:
    pdf = make_pdf(["NIP 19860926 201505 1 001", "HP 0812-3456-7890 RT 003/RW 002"])
    problems = check_file(write(tmp_path, "bukti.pdf", pdf), tmp_path)
    assert [(p.page, p.message.split(";")[0]) for p in problems] == [
        (1, "memuat NIP (1986**********1001)"),
        (2, "memuat nomor ponsel pribadi (0812******90)"),
        (2, "memuat alamat rumah (RT ***/RW ***)"),
    ]


@pytest.mark.parametrize("password", ["rahasia", ""])
def test_encrypted_pdf(tmp_path: Path, password: str) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["NIK 3204014501900001"]))))
    writer.encrypt(password, owner_password="pemilik")  # noqa: S106 - test data
    buffer = io.BytesIO()
    writer.write(buffer)
    path = write(tmp_path, "kunci.pdf", buffer.getvalue())
    assert messages(check_file(path, tmp_path)) == [media.MSG_ENCRYPTED]


@pytest.mark.parametrize(
    ("catalog", "page_extra"),
    [
        (" /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>", ""),
        (" /OpenAction << /S /Launch /F (cmd.exe) >>", ""),
        (" /OpenAction << /S /URI /URI (https://contoh.invalid) >>", ""),
        (" /Names << /JavaScript << /Names [(x) << /S /JavaScript /JS (1) >>] >> >>", ""),
        (" /Names << /EmbeddedFiles << /Names [] >> >>", ""),
        (" /AA << /WC << /S /JavaScript /JS (1) >> >>", ""),
        ("", " /AA << /O << /S /JavaScript /JS (1) >> >>"),
        ("", " /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /Launch >> >>]"),
    ],
)
def test_active_content_is_refused(tmp_path: Path, catalog: str, page_extra: str) -> None:
    pdf = make_pdf(["Laporan"], catalog=catalog, page_extra=page_extra)
    assert messages(check_file(write(tmp_path, "aktif.pdf", pdf), tmp_path)) == [
        "PDF memuat konten aktif (JavaScript, tindakan otomatis atau berkas sisipan); cetak "
        "ulang dokumen ke PDF biasa (Print to PDF) lalu unggah ulang"
    ]


@pytest.mark.parametrize(
    "catalog",
    [
        " /OpenAction [4 0 R /XYZ null null 0]",
        " /OpenAction << /S /GoTo /D [4 0 R /Fit] >>",
    ],
)
def test_open_action_that_only_opens_a_page_is_fine(tmp_path: Path, catalog: str) -> None:
    pdf = make_pdf(["Laporan"], catalog=catalog)
    assert check_file(write(tmp_path, "bukti.pdf", pdf), tmp_path) == []


def test_link_annotations_are_fine(tmp_path: Path) -> None:
    link = (
        " /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 9 9]"
        " /A << /S /URI /URI (https://balangankab.go.id) >> >>]"
    )
    pdf = make_pdf(["Laporan"], page_extra=link)
    assert check_file(write(tmp_path, "bukti.pdf", pdf), tmp_path) == []


def test_broken_pdf(tmp_path: Path) -> None:
    path = write(tmp_path, "rusak.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog" + b"\x00" * 50)
    assert messages(check_file(path, tmp_path)) == [
        "berkas rusak atau bukan PDF yang sah; simpan ulang sebagai PDF lalu unggah ulang"
    ]


def test_too_many_pages(tmp_path: Path) -> None:
    pdf = make_pdf(["Halaman"] * (media.MAX_PDF_PAGES + 1))
    assert messages(check_file(write(tmp_path, "tebal.pdf", pdf), tmp_path)) == [
        "PDF terlalu panjang (51 halaman, paling banyak 50); unggah halaman yang diperlukan saja"
    ]


def test_publish_pdf_drops_info_and_xmp(tmp_path: Path) -> None:
    info = "<< /Author (Budi Santoso) /Creator (Pemindai Kantor) /CreationDate (D:20240101) >>"
    source = make_pdf(["Laporan kegiatan"], info=info, xmp=XMP)
    assert b"Budi Santoso" in source and b"http://ns.adobe.com/exif" in source
    path = write(tmp_path, "bukti.pdf", source)

    published = media.publish_pdf(path)

    assert b"Budi Santoso" not in published
    assert b"Pemindai Kantor" not in published
    assert b"/Author" not in published
    assert b"xmpmeta" not in published
    assert b"00112233445566778899" not in published  # the original file identifier
    reader = PdfReader(io.BytesIO(published))
    assert reader.metadata is None or "/Author" not in reader.metadata
    assert reader.xmp_metadata is None
    assert reader.pages[0].extract_text() == "Laporan kegiatan"
    assert check_file(write(tmp_path, "terbit.pdf", published), tmp_path) == []


def test_publish_pdf_is_deterministic(tmp_path: Path) -> None:
    path = write(tmp_path, "bukti.pdf", make_pdf(["A", "B"], info="<< /Author (Budi) >>"))
    first = media.publish_pdf(path)
    assert media.publish_pdf(path) == first
    copy = write(tmp_path, "salinan.pdf", path.read_bytes())
    assert media.publish_pdf(copy) == first


def test_publish_pdf_refuses_encrypted(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["x"]))))
    writer.encrypt("rahasia")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(MediaError) as raised:
        media.publish_pdf(write(tmp_path, "kunci.pdf", buffer.getvalue()))
    assert raised.value.problem.message == media.MSG_ENCRYPTED


# --- messages --------------------------------------------------------------------------


def test_fixed_messages() -> None:
    assert media.MSG_NAME == (
        "nama berkas tidak sah; pakai huruf kecil a-z, angka 0-9, titik, '-' atau '_' saja "
        "(tanpa spasi dan tanpa folder), paling banyak 100 karakter, misalnya "
        "'foto-kegiatan-1.jpg'"
    )
    assert media.MSG_SUFFIX == (
        "jenis berkas tidak diterima; pakai .jpg, .jpeg, .png, .webp atau .pdf"
    )
    assert media.MSG_SYMLINK == (
        "berkas ini tautan (symlink), bukan berkas sungguhan; unggah berkas aslinya ke folder "
        "inovasi"
    )
    assert media.MSG_TOO_MANY_PIXELS == (
        "gambar terlalu besar (lebih dari 40 juta piksel); perkecil fotonya, misalnya sisi "
        "terpanjang 3000 piksel"
    )
    assert media.MSG_ENCRYPTED == (
        "PDF dikunci dengan kata sandi atau enkripsi sehingga isinya tidak bisa diperiksa; "
        "unggah PDF tanpa kata sandi"
    )


# --- many files at once (media_batch) --------------------------------------------------


def _batch_folder(folder: Path) -> list[tuple[Path, Path]]:
    """Photos, a PDF, a refused file and a corrupt photo, some with the same bytes."""
    jpeg = jpeg_with_metadata((900, 600), gps=False)
    files = {
        "a.jpg": jpeg,
        "b.png": png_with_text(gps=False),
        "c.jpg": jpeg,  # the same bytes as a.jpg
        "d.pdf": make_pdf(["Laporan kegiatan"]),
        "e.jpg": jpeg[: len(jpeg) // 2],  # truncated
        "f.gif": b"GIF89a",
        "g.jpg": jpeg_with_metadata((640, 1200), orientation=1, gps=False),
    }
    return [(write(folder, name, data), folder) for name, data in files.items()]


@pytest.mark.parametrize("publish", [False, True])
def test_batch_in_worker_processes_equals_one_at_a_time(tmp_path: Path, publish: bool) -> None:
    jobs = _batch_folder(tmp_path)
    expected = [media.inspect(path, folder, publish=publish) for path, folder in jobs]
    pooled = media_batch.inspect_all(jobs, publish=publish, workers=2, min_parallel=1)
    assert pooled == expected
    assert [bool(problems) for problems, _ in pooled] == [False] * 4 + [True, True, False]
    assert all((content is not None) == publish for problems, content in pooled if not problems)


def test_batch_memo_answers_for_the_same_bytes_only(tmp_path: Path) -> None:
    jobs = _batch_folder(tmp_path)
    memo = media_batch.MediaMemo()
    first = media_batch.inspect_all(jobs, publish=True, memo=memo, workers=1)
    assert len(memo.outcomes) == 5  # a.jpg and c.jpg share bytes; f.gif is refused unread
    again = media_batch.inspect_all(jobs, publish=True, memo=memo, workers=1)
    assert all(x is y for x, y in zip(first, again, strict=True) if x[1] is not None)
    write(tmp_path, "a.jpg", jpeg_with_metadata((300, 200), gps=False))  # new bytes
    changed = media_batch.inspect_all(jobs, publish=True, memo=memo, workers=1)
    assert changed[0] == media.inspect(jobs[0][0], tmp_path, publish=True)
    assert changed[0] != first[0]
    assert len(memo.outcomes) == 6


def test_batch_memo_does_not_read_a_file_whose_stat_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = _batch_folder(tmp_path)
    memo = media_batch.MediaMemo()
    first = media_batch.inspect_all(jobs, publish=True, memo=memo, workers=1)
    read = media.read_media
    opened: list[str] = []

    def counting(path: Path, folder: Path) -> bytes | media.MediaProblem:
        opened.append(path.name)
        return read(path, folder)

    monkeypatch.setattr(media, "read_media", counting)
    again = media_batch.inspect_all(jobs, publish=True, memo=memo, workers=1)
    assert again == first
    assert opened == ["f.gif"]  # refused before: asked again; every other file unread
    photo = tmp_path / "b.png"
    later = photo.stat().st_mtime_ns + 1_000_000_000
    photo.write_bytes(photo.read_bytes())  # saved again: the same bytes, a later time
    os.utime(photo, ns=(later, later))
    media_batch.inspect_all(jobs, publish=True, memo=memo, workers=1)
    assert opened == ["f.gif", "b.png", "f.gif"]
