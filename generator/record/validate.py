"""One file's schema validation: parsed YAML in, a model or findings out.

Maps every pydantic error back to ``file:line:column`` through the positions the YAML reader
kept, names the field as ``media[0].berkas``, and words the message in Bahasa Indonesia
(the custom validators in :mod:`generator.record.models` already do; this module translates the few
built-in pydantic error types that can still occur).
"""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from generator.base import vocab
from generator.base.codes import Code
from generator.base.diagnostics import (
    SPACE_MARK,
    Finding,
    Severity,
    field_path,
    unusual_characters,
    visible,
)
from generator.record import facts
from generator.record.yamlfile import Document, Loc

M = TypeVar("M", bound=BaseModel)


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional from an annotation."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _type_at(model: type[BaseModel], loc: Loc) -> Any:
    """The (unwrapped) annotation that the value at ``loc`` is validated against."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(part, str):
            info = current.model_fields.get(part)
            if info is None:
                return None
            current = info.annotation
        elif origin in (list, dict):
            current = typing.get_args(current)[-1]
        else:
            return None
    return _unwrap(current)


def _field_at(model: type[BaseModel], loc: Loc) -> FieldInfo | None:
    """The FieldInfo of the last part of ``loc`` when it names a model field."""
    if not loc or not isinstance(loc[-1], str):
        return None
    owner = _type_at(model, loc[:-1])
    if isinstance(owner, type) and issubclass(owner, BaseModel):
        return owner.model_fields.get(loc[-1])
    return None


def _allowed_keys(model: type[BaseModel], parent: Loc) -> list[str]:
    owner = _type_at(model, parent)
    if isinstance(owner, type) and issubclass(owner, BaseModel):
        return list(owner.model_fields)
    return []


def _label(model: type[BaseModel], loc: Loc) -> str | None:
    """The field's name as the admin form and the site show it (``Tahun pelaporan IID``)."""
    owner = _type_at(model, loc[:-1]) if loc else None
    if isinstance(owner, type) and issubclass(owner, BaseModel) and isinstance(loc[-1], str):
        return facts.label(owner, loc[-1])
    return None


def _message(error: Any, model: type[BaseModel], loc: Loc) -> str:
    kind = error["type"]
    info = _field_at(model, loc)
    if kind in ("missing", "wajib") or (kind == "string_type" and error.get("input") is None):
        if info is not None and not info.is_required():
            return "kosong; isi nilainya atau hapus baris ini"
        description = info.description if info is not None else None
        named = _label(model, loc)
        said = f"«{named}» wajib diisi" if named else "wajib diisi"
        return f"{said}: {description}" if description else said
    if kind == "extra_forbidden":
        return _unknown_key(str(loc[-1]), _allowed_keys(model, loc[:-1]))
    if kind in ("list_type",):
        return "harus berupa daftar; tulis setiap butir pada baris baru yang diawali '- '"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return (
            "harus berupa peta; tulis 'kunci: nilai' pada baris-baris berikutnya dengan indentasi"
        )
    if kind in ("string_type", "bukan_teks"):
        return "harus berupa teks, bukan daftar atau peta; tulis nilainya langsung"
    if kind == "too_short":
        return "tidak boleh kosong; tambahkan paling sedikit satu butir"
    if kind == "too_long":
        return f"terlalu banyak butir; paling banyak {error.get('ctx', {}).get('max_length')}"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _unknown_key(key: str, allowed: list[str]) -> str:
    """An unknown key; one holding a no-break space, a homoglyph or another character no key
    has is shown visibly (``nama⍽``) and its characters are named, since the key looks right."""
    listed = f"kunci yang sah di sini: {', '.join(allowed)}"
    odd = unusual_characters(key)
    if not odd and key == key.strip():
        return f"kunci '{key}' tidak dikenal; {listed}" + vocab.did_you_mean(key, allowed)
    plain = "".join(c for c in key if " " < c <= "~")
    meant = plain if plain in allowed else vocab.suggest(plain, allowed)
    retype = f"'{meant}'" if meant else "kuncinya"
    marked = f" (spasi ditandai {SPACE_MARK})" if visible(key) != key else ""
    return (
        f"kunci '{visible(key)}'{marked} tidak dikenal: kunci ini memuat {odd}, yang tidak "
        f"terlihat atau mirip huruf biasa; hapus kunci itu dan ketik ulang {retype} dengan "
        f"papan ketik; {listed}"
    )


_CODES: dict[str, Code] = {
    "missing": Code.REQUIRED,
    "wajib": Code.REQUIRED,
    "extra_forbidden": Code.UNKNOWN_KEY,
    "pilihan": Code.NOT_A_CHOICE,
    "slug": Code.NOT_A_CHOICE,
    "indikator": Code.NOT_A_CHOICE,
    "urusan": Code.NOT_A_CHOICE,
    "bagian_kipp": Code.NOT_A_CHOICE,
    "list_type": Code.WRONG_SHAPE,
    "dict_type": Code.WRONG_SHAPE,
    "model_type": Code.WRONG_SHAPE,
    "model_attributes_type": Code.WRONG_SHAPE,
    "string_type": Code.WRONG_SHAPE,
    "bukan_teks": Code.WRONG_SHAPE,
    "flag": Code.WRONG_SHAPE,
    "tanggal": Code.BAD_DATE,
    "tanggal_kalender": Code.BAD_DATE,
    "tanggal_lampau": Code.BAD_DATE,
    "tanggal_masa_depan": Code.BAD_DATE,
    "tanggal_tahapan": Code.BAD_DATE,
    "urutan_tanggal": Code.BAD_DATE,
    "tahun": Code.BAD_DATE,
    "tahun_rentang": Code.BAD_DATE,
    "angka": Code.BAD_NUMBER,
    "angka_rentang": Code.BAD_NUMBER,
    "angka_ribuan": Code.BAD_NUMBER,
    "terlalu_panjang": Code.BAD_LENGTH,
    "terlalu_pendek": Code.BAD_LENGTH,
    "ringkasan_panjang": Code.BAD_LENGTH,
    "satu_baris": Code.BAD_LENGTH,
    "too_short": Code.BAD_LENGTH,
    "too_long": Code.BAD_LENGTH,
    "url": Code.BAD_LINK,
    "url_kredensial": Code.BAD_LINK,
    "email": Code.BAD_LINK,
    "akun": Code.BAD_LINK,
    "bukti": Code.EVIDENCE_RULE,
}
"""pydantic error type (ours are :class:`PydanticCustomError` types) → finding code."""


def error_code(kind: str, has_input: bool = True) -> Code:
    """The finding code of one pydantic error type; unknown types are S299."""
    if kind == "string_type" and not has_input:
        return Code.REQUIRED
    return _CODES.get(kind, Code.INVALID_VALUE)


def validate_document(
    model: type[M], doc: Document, path: str, context: dict[str, Any]
) -> tuple[M | None, list[Finding]]:
    """Validate ``doc.data`` against ``model``; findings carry positions from ``doc``."""
    try:
        return model.model_validate(doc.data, context=context), []
    except ValidationError as exc:
        findings = []
        for error in exc.errors(include_url=False):
            raw_loc: Loc = tuple(error["loc"])
            is_key = bool(raw_loc) and raw_loc[-1] == "[key]"
            loc = raw_loc[:-1] if is_key else raw_loc
            if error["type"] == "missing":
                position = doc.where(loc[:-1])
            else:
                position = doc.where(loc, key=is_key or error["type"] == "extra_forbidden")
            findings.append(
                Finding(
                    path=path,
                    line=position.line,
                    column=position.column,
                    severity=Severity.ERROR,
                    field=field_path(
                        (*loc[:-1], visible(str(loc[-1])))
                        if error["type"] == "extra_forbidden" and loc
                        else loc
                    ),
                    message=_message(error, model, loc),
                    code=error_code(error["type"], error.get("input") is not None),
                )
            )
        return None, findings
