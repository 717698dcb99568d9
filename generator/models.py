"""The record schema of ``FORMAT.md`` as strict, frozen pydantic v2 models.

The YAML reader hands over text only, so every typed value (dates, years, levels, numbers,
booleans, URLs, vocabulary slugs) is parsed here by a small validator that raises a
:class:`PydanticCustomError` whose message is already Bahasa Indonesia and says what to
write instead. Rules that need other files (references, media on disk, uniqueness) live in
:mod:`generator.checks`, not here. No I/O in this module.

Validation context (``model_validate(..., context=...)``): ``today`` (a ``date``) for the
"not in the future" rule and ``reference`` (:class:`~generator.reference.Reference`) for
indicator and urusan keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Annotated, Any, TypeAlias
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from generator import vocab
from generator.reference import Reference
from generator.urls import SLUG_RE, slugify

# ---- Scalar types ----------------------------------------------------------------------

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER_RE = re.compile(r"^-?\d+(?:\.\d+)?$")
_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
MIN_YEAR = 1990


def _text_in(value: Any) -> str:
    """Accept text; turn whitespace-only into a 'missing' error."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PydanticCustomError("wajib", "wajib diisi")
    if not isinstance(value, str):
        raise PydanticCustomError(
            "bukan_teks", "harus berupa teks, bukan daftar atau peta; tulis nilainya langsung"
        )
    return value.strip()


def _one_line(value: str) -> str:
    if "\n" in value:
        raise PydanticCustomError(
            "satu_baris", "harus satu baris; hapus pergantian baris (jangan pakai '|' atau '>')"
        )
    return value


def _length(min_len: int, max_len: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) < min_len:
            raise PydanticCustomError(
                "terlalu_pendek",
                "terlalu pendek ({length} karakter); tulis paling sedikit {min} karakter",
                {"length": len(value), "min": min_len},
            )
        if len(value) > max_len:
            raise PydanticCustomError(
                "terlalu_panjang",
                "terlalu panjang ({length} karakter); singkat menjadi paling banyak {max} karakter",
                {"length": len(value), "max": max_len},
            )
        return value

    return check


def _max_text(value: str) -> str:
    if len(value) > 20_000:
        raise PydanticCustomError(
            "terlalu_panjang", "teks terlalu panjang (lebih dari 20.000 karakter); ringkas isinya"
        )
    return value


Line: TypeAlias = Annotated[
    str, BeforeValidator(_text_in), AfterValidator(_one_line), AfterValidator(_length(1, 300))
]
"""One line of admin text (no line breaks), at most 300 characters."""
NamaInovasi: TypeAlias = Annotated[
    str, BeforeValidator(_text_in), AfterValidator(_one_line), AfterValidator(_length(3, 150))
]
Text: TypeAlias = Annotated[str, BeforeValidator(_text_in), AfterValidator(_max_text)]
"""Multi-line Markdown text written by an admin (rendered inert, see render.py)."""


def _choice(options: dict[str, str]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        text = _text_in(value)
        if text not in options:
            raise PydanticCustomError(
                "pilihan",
                "'{value}' bukan nilai yang sah; {hint}",
                {"value": text, "hint": vocab.choices_hint(text, options)},
            )
        return text

    return check


JenisOpd: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.JENIS_OPD))]
Tahapan: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.TAHAPAN))]
JenisInisiator: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.INISIATOR))]
JenisInovasi: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.JENIS_INOVASI))]
Bentuk: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.BENTUK))]
Tematik: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.TEMATIK))]
SumberData: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.SUMBER_DATA))]
StatusVerifikasi: TypeAlias = Annotated[
    str,
    BeforeValidator(
        _choice({k: v for k, v in vocab.STATUS_VERIFIKASI.items() if k != "belum-diverifikasi"})
    ),
]


def _slug(value: Any) -> str:
    text = _text_in(value)
    if not SLUG_RE.match(text):
        raise PydanticCustomError(
            "slug",
            "'{value}' bukan slug yang sah; pakai huruf kecil, angka dan tanda '-', "
            "misalnya '{example}'",
            {"value": text, "example": slugify(text) or "dinas-kesehatan"},
        )
    return text


Slug: TypeAlias = Annotated[str, BeforeValidator(_slug)]


def _date(value: Any, info: ValidationInfo) -> date:
    text = _text_in(value)
    if not _DATE_RE.match(text):
        raise PydanticCustomError(
            "tanggal",
            "'{value}' bukan tanggal yang sah; tulis dengan format TTTT-BB-HH, misalnya 2021-01-26",
            {"value": text},
        )
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError(
            "tanggal_kalender",
            "tanggal '{value}' tidak ada di kalender; periksa hari dan bulannya",
            {"value": text},
        ) from None
    if parsed.year < MIN_YEAR:
        raise PydanticCustomError(
            "tanggal_lampau",
            "tahun {year} terlalu lampau; periksa tanggalnya",
            {"year": parsed.year},
        )
    today = (info.context or {}).get("today")
    if today is not None and parsed > today:
        raise PydanticCustomError(
            "tanggal_masa_depan",
            "tanggal {value} belum terjadi (hari ini {today}); tanggal tidak boleh di masa depan",
            {"value": text, "today": today.isoformat()},
        )
    return parsed


Date: TypeAlias = Annotated[date, BeforeValidator(_date)]


def _year(value: Any, info: ValidationInfo) -> int:
    text = _text_in(value)
    if not re.fullmatch(r"\d{4}", text):
        raise PydanticCustomError(
            "tahun",
            "'{value}' bukan tahun yang sah; tulis empat angka, misalnya 2024",
            {"value": text},
        )
    year = int(text)
    today = (info.context or {}).get("today")
    latest = today.year if today is not None else 9999
    if not MIN_YEAR <= year <= latest:
        raise PydanticCustomError(
            "tahun_rentang",
            "tahun {value} di luar rentang yang masuk akal ({low}-{high})",
            {"value": text, "low": MIN_YEAR, "high": latest},
        )
    return year


Year: TypeAlias = Annotated[int, BeforeValidator(_year)]


def _int_range(low: int, high: int, what: str) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        text = _text_in(value)
        if not re.fullmatch(r"\d{1,2}", text) or not low <= int(text) <= high:
            raise PydanticCustomError(
                "angka_rentang",
                "'{value}' tidak sah; tulis {what} berupa angka bulat {low} sampai {high}",
                {"value": text, "what": what, "low": low, "high": high},
            )
        return int(text)

    return check


Tingkat: TypeAlias = Annotated[int, BeforeValidator(_int_range(1, 3, "tingkat parameter"))]
TingkatVerifikasi: TypeAlias = Annotated[
    int, BeforeValidator(_int_range(0, 3, "tingkat yang diterima (0 = tidak diterima)"))
]
NomorTpb: TypeAlias = Annotated[int, BeforeValidator(_int_range(1, 17, "nomor TPB"))]
NomorAstaCita: TypeAlias = Annotated[int, BeforeValidator(_int_range(1, 8, "nomor Asta Cita"))]


def _number(value: Any) -> Decimal:
    text = _text_in(value)
    if not _NUMBER_RE.match(text):
        raise PydanticCustomError(
            "angka",
            "'{value}' bukan angka; tulis angka tanpa pemisah ribuan dengan titik sebagai "
            "pemisah desimal, misalnya 1500 atau 12.5",
            {"value": text},
        )
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        raise PydanticCustomError(
            "angka_ribuan",
            "'{value}' tampak memakai titik sebagai pemisah ribuan; tulis {plain} tanpa titik "
            "(bila maksudnya pecahan, buang nol di belakang, misalnya 1.5)",
            {"value": text, "plain": text.replace(".", "")},
        )
    return Decimal(text)


Number: TypeAlias = Annotated[Decimal, BeforeValidator(_number)]


def _flag(value: Any) -> bool:
    text = _text_in(value)
    if text not in ("true", "false"):
        raise PydanticCustomError(
            "flag", "'{value}' tidak sah; tulis true atau false", {"value": text}
        )
    return text == "true"


Flag: TypeAlias = Annotated[bool, BeforeValidator(_flag)]


def _https(value: Any) -> str:
    text = _one_line(_text_in(value))
    parts = urlsplit(text)
    if parts.scheme != "https" or not parts.netloc or " " in text or "." not in parts.netloc:
        raise PydanticCustomError(
            "url",
            "'{value}' bukan tautan yang sah; tulis alamat lengkap yang diawali https://",
            {"value": text},
        )
    if "@" in parts.netloc:
        raise PydanticCustomError(
            "url_kredensial",
            "tautan tidak boleh memuat nama pengguna atau kata sandi (bagian sebelum '@'); "
            "hapus bagian itu dan tulis https://{host}/...",
            {"host": parts.netloc.rsplit("@", 1)[-1]},
        )
    return text


HttpsUrl: TypeAlias = Annotated[str, BeforeValidator(_https)]


def _email(value: Any) -> str:
    text = _one_line(_text_in(value))
    if not _EMAIL_RE.match(text):
        raise PydanticCustomError(
            "email",
            "'{value}' bukan alamat e-mail yang sah; tulis misalnya inovasi@balangankab.go.id",
            {"value": text},
        )
    return text


Email: TypeAlias = Annotated[str, BeforeValidator(_email)]


def _reference(info: ValidationInfo) -> Reference:
    """The national reference data, passed in the validation context (never a global)."""
    context = info.context or {}
    reference = context.get("reference")
    if not isinstance(reference, Reference):
        raise TypeError("validation context needs 'reference' (generator.reference.Reference)")
    return reference


def _indicator_key(value: Any, info: ValidationInfo) -> str:
    text = _text_in(value)
    keys = _reference(info).indicator_keys()
    if text not in keys:
        raise PydanticCustomError(
            "indikator",
            "'{value}' bukan kunci indikator IID; {hint}",
            {"value": text, "hint": vocab.choices_hint(text, keys)},
        )
    return text


IndicatorKey: TypeAlias = Annotated[str, BeforeValidator(_indicator_key)]


def _urusan_key(value: Any, info: ValidationInfo) -> str:
    text = _text_in(value)
    keys = list(_reference(info).urusan)
    if text not in keys:
        hint = vocab.did_you_mean(text, keys)
        raise PydanticCustomError(
            "urusan",
            "'{value}' bukan kunci urusan yang sah; lihat daftar 38 urusan di panduan "
            "kontributor{hint}",
            {"value": text, "hint": hint},
        )
    return text


UrusanKey: TypeAlias = Annotated[str, BeforeValidator(_urusan_key)]


# ---- Models ----------------------------------------------------------------------------


class Record(BaseModel):
    """Base of every schema model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Opd(Record):
    """``opd.yaml``: an agency (perangkat daerah, puskesmas, kecamatan, desa, ...)."""

    nama: Line = Field(description="nama resmi perangkat daerah, misalnya Dinas Kesehatan")
    singkatan: Line | None = Field(None, description="singkatan, misalnya Dinkes")
    jenis: JenisOpd = Field(description="jenis perangkat daerah")
    induk: Slug | None = Field(None, description="slug perangkat daerah induk")
    nama_lama: list[Line] = Field(default_factory=list, description="nama-nama lama")
    situs: HttpsUrl | None = Field(None, description="alamat situs resmi (https://...)")


class Inisiator(Record):
    jenis: JenisInisiator = Field(description="jenis inisiator")
    nama: Line = Field(description="nama unit atau orang yang menjadi inisiator")


class Inovator(Record):
    nama: Line = Field(description="nama inovator (dengan persetujuannya)")
    peran: Line | None = None


class UrusanInovasi(Record):
    utama: UrusanKey = Field(description="satu kunci urusan utama")
    beririsan: list[UrusanKey] = Field(default_factory=list)


class Tanggal(Record):
    mulai: Date | None = None
    uji_coba: Date | None = None
    penerapan: Date | None = None

    def steps(self) -> list[tuple[str, date | None]]:
        """The three dates in stage order, each ``None`` when not given."""
        return [("mulai", self.mulai), ("uji_coba", self.uji_coba), ("penerapan", self.penerapan)]

    @model_validator(mode="after")
    def _in_order(self) -> Tanggal:
        present = [(name, value) for name, value in self.steps() if value is not None]
        for (first, a), (second, b) in pairwise(present):
            if b < a:
                raise PydanticCustomError(
                    "urutan_tanggal",
                    "{second} ({b}) lebih awal daripada {first} ({a}); urutannya harus "
                    "mulai, uji_coba, lalu penerapan",
                    {"first": first, "second": second, "a": a.isoformat(), "b": b.isoformat()},
                )
        return self


class RancangBangun(Record):
    dasar_hukum: Text | None = None
    permasalahan: Text | None = None
    isu_strategis: Text | None = None
    metode_pembaharuan: Text | None = None
    keunggulan: Text | None = None
    cara_kerja: Text | None = None

    def words(self) -> int:
        """Total words over all parts (IID expects at least 300)."""
        return sum(vocab.word_count(getattr(self, key)) for key in vocab.RANCANG_BANGUN)


class Capaian(Record):
    tahun: Year
    nilai: Number
    satuan: Line = Field(description="satuan nilai, misalnya 'inovasi terjaring'")
    keterangan: Line | None = None


class Bukti(Record):
    """Supporting evidence: a file in the folder or a public https link."""

    berkas: Line | None = None
    url: HttpsUrl | None = None
    nomor: Line | None = None
    tanggal: Date | None = None
    tentang: Line | None = None

    @model_validator(mode="after")
    def _file_or_link(self) -> Bukti:
        if (self.berkas is None) == (self.url is None):
            raise PydanticCustomError(
                "bukti",
                "setiap bukti harus berupa satu berkas di folder inovasi ('berkas: nama.pdf') "
                "atau satu tautan ('url: https://...'), tidak keduanya dan tidak kosong",
            )
        return self


class Klaim(Record):
    """A claim on one IID indicator."""

    tingkat: Tingkat = Field(description="tingkat parameter yang diklaim, 1 sampai 3")
    keterangan: Text | None = None
    bukti: list[Bukti] = Field(default_factory=list)


class Media(Record):
    berkas: Line = Field(description="nama berkas di folder inovasi, misalnya foto-layanan.jpg")
    keterangan: Line = Field(description="keterangan (caption) foto atau dokumen")
    alt: Line | None = None
    sampul: Flag = False


class Tautan(Record):
    judul: Line = Field(description="judul tautan")
    url: HttpsUrl = Field(description="alamat tautan (https://...)")


class Penghargaan(Record):
    nama: Line = Field(description="nama penghargaan atau lomba")
    tahun: Year
    peringkat: Line | None = None


class Replikasi(Record):
    pemda: Line = Field(description="nama pemerintah daerah yang mereplikasi")
    tahun: Year
    inovasi: Slug | None = None


class Kontak(Record):
    unit: Line | None = None
    email: Email | None = None
    telepon: Line | None = None


class Proposal(Record):
    skema: Slug = Field(description="skema lomba, misalnya kipp atau bailang")
    tahun: Year
    bagian: dict[str, Text] = Field(description="bagian-bagian narasi proposal")

    @field_validator("bagian")
    @classmethod
    def _known_parts(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        if info.data.get("skema") == "kipp":
            for key in value:
                if key not in vocab.KIPP_BAGIAN:
                    raise PydanticCustomError(
                        "bagian_kipp",
                        "'{value}' bukan bagian proposal KIPP; {hint}",
                        {"value": key, "hint": vocab.choices_hint(key, vocab.KIPP_BAGIAN)},
                    )
        return value


class _InovasiFields(Record):
    """All fields of ``inovasi.yaml``; the IID classification may be absent (news records)."""

    nama: NamaInovasi = Field(description="nama inovasi, satu baris, 3-150 karakter")
    singkatan: Line | None = None
    ringkasan: Text = Field(description="ringkasan inovasi, paling banyak 200 kata")
    sumber_data: SumberData = "opd"
    tahapan: Tahapan | None = None
    inisiator: Inisiator | None = None
    inovator: list[Inovator] = Field(default_factory=list)
    jenis: JenisInovasi | None = None
    bentuk: Bentuk | None = None
    urusan: UrusanInovasi | None = None
    tematik: Tematik | None = None
    tanggal: Tanggal | None = None
    tahun_laporan: list[Year] = Field(default_factory=list)
    rancang_bangun: RancangBangun | None = None
    tujuan: Text | None = None
    manfaat: Text | None = None
    hasil: Text | None = None
    capaian: list[Capaian] = Field(default_factory=list)
    tpb: list[NomorTpb] = Field(default_factory=list)
    asta_cita: list[NomorAstaCita] = Field(default_factory=list)
    indikator: dict[IndicatorKey, Klaim] = Field(default_factory=dict)
    media: list[Media] = Field(default_factory=list)
    video: HttpsUrl | None = None
    tautan: list[Tautan] = Field(default_factory=list)
    penghargaan: list[Penghargaan] = Field(default_factory=list)
    replikasi: list[Replikasi] = Field(default_factory=list)
    kontak: Kontak | None = None
    proposal: list[Proposal] = Field(default_factory=list)

    @field_validator("ringkasan")
    @classmethod
    def _short_summary(cls, value: str) -> str:
        words = vocab.word_count(value)
        if words > vocab.RINGKASAN_MAX_WORDS:
            raise PydanticCustomError(
                "ringkasan_panjang",
                "ringkasan {words} kata; singkat menjadi paling banyak {limit} kata "
                "(uraian lengkap tulis di rancang_bangun)",
                {"words": words, "limit": vocab.RINGKASAN_MAX_WORDS},
            )
        return value

    @field_validator("tanggal")
    @classmethod
    def _dates_for_stage(cls, value: Tanggal | None, info: ValidationInfo) -> Tanggal | None:
        stage = info.data.get("tahapan")
        if value is None or stage is None:
            return value
        if stage in ("uji-coba", "penerapan") and value.uji_coba is None:
            raise PydanticCustomError(
                "tanggal_tahapan",
                "tahapan '{stage}' memerlukan tanggal.uji_coba; tambahkan 'uji_coba: TTTT-BB-HH'",
                {"stage": stage},
            )
        if stage == "penerapan" and value.penerapan is None:
            raise PydanticCustomError(
                "tanggal_tahapan",
                "tahapan 'penerapan' memerlukan tanggal.penerapan; tambahkan "
                "'penerapan: TTTT-BB-HH'",
            )
        return value

    @field_validator("tahun_laporan")
    @classmethod
    def _sorted_years(cls, value: list[int]) -> list[int]:
        return sorted(set(value))


class InovasiBerita(_InovasiFields):
    """A record transcribed from news (``sumber_data: berita``): classification optional."""

    tautan: list[Tautan] = Field(
        min_length=1, description="tautan ke berita sumber (wajib untuk data dari berita)"
    )


class Inovasi(_InovasiFields):
    """An agency's own record: the IID profile fields are required."""

    tahapan: Tahapan = Field(description="tahapan inovasi")
    inisiator: Inisiator = Field(description="peta berisi jenis dan nama inisiator")
    jenis: JenisInovasi = Field(description="jenis inovasi")
    bentuk: Bentuk = Field(description="bentuk inovasi daerah")
    urusan: UrusanInovasi = Field(description="peta berisi urusan utama (dan beririsan)")
    tanggal: Tanggal = Field(description="peta tanggal mulai, uji_coba, penerapan")
    tahun_laporan: list[Year] = Field(
        min_length=1, description="daftar tahun inovasi dilaporkan, misalnya [2023, 2024]"
    )


AnyInovasi = Inovasi | InovasiBerita


class VerifikasiIndikator(Record):
    tingkat: TingkatVerifikasi = Field(description="tingkat yang diterima pokja, 0 sampai 3")
    catatan: Line | None = None


class Verifikasi(Record):
    """``verifikasi.yaml``: the pokja's verification of one innovation."""

    status: StatusVerifikasi = Field(description="status verifikasi")
    tanggal: Date = Field(description="tanggal verifikasi")
    oleh: Line | None = None
    catatan: Text | None = None
    indikator: dict[IndicatorKey, VerifikasiIndikator] = Field(default_factory=dict)
