"""A field's facts, declared once with the model field and read by everything that shows it.

A model field carries ``Field(description=..., json_schema_extra=Facts(...))``:

- ``label``: its name in Bahasa Indonesia, as the admin form, the innovation page's profile
  table and the messages for admins show it;
- the ``description`` of the field stays its help text (the form's hint, the JSON schema);
- ``column`` and ``about``: its column in the open data (CSV, XLSX) and the data dictionary's
  line for it; ``order`` places the column among the others (computed columns such as the
  scores are declared in :data:`COMPUTED_COLUMNS` with their own order);
- ``profile``: its place in the profile table of the innovation page (0: not shown there);
- ``widget``: the admin form's widget when the type alone does not say it (an upload).

A new optional field therefore touches its model (and the docs and schema): the form, the
page, the CSV and the data dictionary pick it up from here. ``Facts`` is callable so that
pydantic accepts it as ``json_schema_extra``; calling it leaves the JSON schema unchanged.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.record import fields
from generator.record.reference import Reference


@dataclass(frozen=True)
class Facts:
    """What the site, the form and the open data say about one field."""

    label: str
    column: str | None = None
    about: str | None = None
    order: int = 0
    profile: int = 0
    widget: str | None = None

    def __call__(self, schema: dict[str, Any]) -> None:
        """As pydantic's ``json_schema_extra``: the schema keeps only the description."""


@dataclass(frozen=True)
class Column:
    """A column of the open data: its name, its dictionary line and where its value is."""

    name: str
    about: str
    order: int
    path: tuple[str, ...] = ()
    """The field path in ``inovasi.yaml`` (empty for a column computed by the exporter)."""


COMPUTED_COLUMNS = (
    Column("id", "Kode tetap inovasi (nama foldernya); alamat halamannya inovasi/<id>/", 10),
    Column("opd", "Kode perangkat daerah pemilik (nama foldernya)", 40),
    Column("opd_nama", "Nama perangkat daerah pemilik", 50),
    Column(
        "kerangka",
        "Kerangka IID yang dipakai untuk skor inovasi ini (tahun pelaporan terakhirnya)",
        170,
    ),
    Column(
        "kerangka_perkiraan",
        "'ya' bila kerangka tahun pelaporan terakhirnya belum diterbitkan, sehingga skornya "
        "perkiraan dengan kerangka terbaru",
        172,
    ),
    Column("kerangka_tahun", "Kerangka IID tahun pelaporan itu", 175),
    Column("skor_klaim", "Skor dari klaim indikator yang sudah dilampiri bukti dukung", 180),
    Column("skor_terverifikasi", "Skor dari penilaian pokja; kosong bila belum diverifikasi", 190),
    Column("skor_maksimum", "Skor tertinggi yang mungkin menurut kerangkanya", 200),
    Column(
        "status_verifikasi", "Status penilaian pokja (lihat kode status_verifikasi)", 210
    ),
    Column("url", "Alamat halaman inovasi, relatif terhadap alamat situs", 220),
)  # fmt: skip
"""Columns the exporter computes from the catalogue (not written by an admin)."""


def facts(model: type[BaseModel], name: str) -> Facts | None:
    """The facts declared on a field of ``model`` or, where a subclass redeclares the field
    (``Inovasi`` makes the classification required), on the class that declared them."""
    for cls in model.__mro__:
        info = getattr(cls, "model_fields", {}).get(name)
        if info is not None and isinstance(info.json_schema_extra, Facts):
            return info.json_schema_extra
    return None


def unwrap(annotation: Any) -> tuple[Any, list[Any], bool]:
    """``(base type, validator functions, optional)`` of a field annotation."""
    optional = False
    found: list[Any] = []
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        optional = len(args) < len(get_args(annotation))
        annotation = args[0]
    if get_origin(annotation) is Annotated:
        base, *meta = get_args(annotation)
        found = [getattr(m, "func", None) for m in meta]
        annotation = base
    return annotation, [f for f in found if f is not None], optional


def validators(info: FieldInfo) -> list[Any]:
    """The validator functions of a field: its type's and those pydantic keeps aside."""
    base, found, _ = unwrap(info.annotation)
    if get_origin(base) is list:
        found += unwrap(get_args(base)[0])[1]
    return found + [m.func for m in info.metadata if hasattr(m, "func")]


def shown(value: Any, info: FieldInfo, reference: Reference) -> str:
    """A field's value in words, as the site shows it (empty when there is none): a
    vocabulary's label, an urusan's name, a list joined with commas."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(shown(item, info, reference) for item in value)
    if isinstance(value, BaseModel):
        return str(getattr(value, "shown")())  # noqa: B009 - records shown in words have one
    for check in validators(info):
        if hasattr(check, "choices"):
            return str(check.choices[value])
        if check is fields._urusan_key:
            return reference.urusan[value].nama
    return str(value)


def nested_model(info: FieldInfo) -> type[BaseModel] | None:
    """The model of a field holding one nested record (``urusan``, ``tanggal``), if any."""
    annotation = info.annotation
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        annotation = args[0] if len(args) == 1 else annotation
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def walk(
    model: type[BaseModel], prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Facts]]:
    """Every field with facts, nested records included, as ``(path, facts)``."""
    for name, info in model.model_fields.items():
        found = facts(model, name)
        if found is not None:
            yield (*prefix, name), found
        inner = nested_model(info)
        if inner is not None:
            yield from walk(inner, (*prefix, name))


def label(model: type[BaseModel], name: str) -> str | None:
    """The Indonesian label of a field of ``model``, if declared."""
    found = facts(model, name)
    return found.label if found else None


@cache
def columns(model: type[BaseModel]) -> tuple[Column, ...]:
    """The open-data columns of a record: its fields' and the computed ones, in order."""
    found = [
        Column(f.column, f.about or f.label, f.order, path)
        for path, f in walk(model)
        if f.column is not None
    ]
    return tuple(sorted([*found, *COMPUTED_COLUMNS], key=lambda c: c.order))


def field_info(model: type[BaseModel], path: tuple[str, ...]) -> FieldInfo:
    """The field at a path of nested records."""
    info = model.model_fields[path[0]]
    for name in path[1:]:
        inner = nested_model(info)
        assert inner is not None, path
        info = inner.model_fields[name]
    return info


def value_at(record: BaseModel, path: tuple[str, ...]) -> Any:
    """The value at a field path, or ``None`` where a nested record is absent."""
    value: Any = record
    for name in path:
        if value is None:
            return None
        value = getattr(value, name)
    return value


@cache
def profile(model: type[BaseModel]) -> tuple[tuple[tuple[str, ...], Facts], ...]:
    """The fields of the profile table, in their order."""
    return tuple(sorted(((p, f) for p, f in walk(model) if f.profile), key=lambda x: x[1].profile))
