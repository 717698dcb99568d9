"""The scalar types of the data format: text, choices, dates, years, numbers, links.

The YAML reader hands over text only, so every typed value (dates, years, levels, numbers,
booleans, URLs, vocabulary slugs) is parsed here by a small validator that raises a
:class:`PydanticCustomError` whose message is already Bahasa Indonesia and says what to
write instead; its error type maps to a finding code (:mod:`generator.record.validate`). The
records built from these types are :mod:`generator.record.models`. No I/O in this module.

Validation context (``model_validate(..., context=...)``): ``today`` (a ``date``) for the
"not in the future" rule and ``reference`` (:class:`~generator.record.reference.Reference`) for
indicator and urusan keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, TypeAlias
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from generator.base import vocab
from generator.base.urls import SLUG_RE, slugify
from generator.record.reference import Reference

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

    check.limits = (min_len, max_len)  # type: ignore[attr-defined]  # read by cms.py
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
        if text == "PILIH":  # the placeholder of `sepeda new`
            raise PydanticCustomError(
                "pilihan",
                "belum dipilih: ganti PILIH dengan salah satu: {choices}",
                {"choices": ", ".join(options)},
            )
        if text not in options:
            raise PydanticCustomError(
                "pilihan",
                "'{value}' bukan nilai yang sah; {hint}",
                {"value": text, "hint": vocab.choices_hint(text, options)},
            )
        return text

    check.choices = options  # type: ignore[attr-defined]  # read by the admin form (cms.py)
    return check


JenisOpd: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.JENIS_OPD))]
Tahapan: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.TAHAPAN))]
JenisInisiator: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.INISIATOR))]
JenisInovasi: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.JENIS_INOVASI))]
Bentuk: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.BENTUK))]
Tematik: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.TEMATIK))]
SumberData: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.SUMBER_DATA))]
JenisPenghargaan: TypeAlias = Annotated[str, BeforeValidator(_choice(vocab.JENIS_PENGHARGAAN))]
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
    if text == "TTTT-BB-HH":
        raise PydanticCustomError(
            "tanggal",
            "belum diisi: ganti TTTT-BB-HH dengan tanggalnya (tahun-bulan-hari), misalnya "
            "2021-01-26 untuk 26 Januari 2021",
        )
    if not _DATE_RE.match(text):
        raise PydanticCustomError(
            "tanggal",
            "'{value}' bukan tanggal; tulis tahun-bulan-hari dengan angka, misalnya 2021-01-26 "
            "untuk 26 Januari 2021",
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
    if text == "TTTT":
        raise PydanticCustomError("tahun", "belum diisi: ganti TTTT dengan tahunnya, misalnya 2024")
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

    check.range = (low, high)  # type: ignore[attr-defined]  # read by cms.py
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


def _matching(
    pattern: re.Pattern[str], kind: str, message: str, *, one_line: bool = True
) -> Callable[[Any], str]:
    """A text that must match ``pattern``; ``message`` names ``{value}``."""

    def check(value: Any) -> str:
        text = _one_line(_text_in(value)) if one_line else _text_in(value)
        if not pattern.match(text):
            raise PydanticCustomError(kind, message, {"value": text})
        return text

    return check


_email = _matching(
    _EMAIL_RE,
    "email",
    "'{value}' bukan alamat e-mail yang sah; tulis misalnya inovasi@balangankab.go.id",
)
Email: TypeAlias = Annotated[str, BeforeValidator(_email)]


def _reference(info: ValidationInfo) -> Reference:
    """The national reference data, passed in the validation context (never a global)."""
    context = info.context or {}
    reference = context.get("reference")
    if not isinstance(reference, Reference):
        raise TypeError(
            "validation context needs 'reference' (generator.record.reference.Reference)"
        )
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


_ACCOUNT_RE = re.compile(r"^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]{1,100})?$")


_account = _matching(
    _ACCOUNT_RE,
    "akun",
    "'{value}' bukan nama akun GitHub; tulis dengan @ di depan, misalnya @admin-dinkes",
    one_line=False,
)
Account: TypeAlias = Annotated[str, BeforeValidator(_account)]
"""A GitHub account or team (``@name`` or ``@org/team``), as CODEOWNERS writes it."""
