"""The admin form: a Decap CMS configuration generated from the models of ``inovasi.yaml``.

Every field of :class:`~generator.record.models.Inovasi` becomes a form widget with its Indonesian
label and help text (the ``Field`` description), the vocabularies become choices (the
validators in :mod:`generator.record.fields` carry their options and limits), required fields are
required, and the IID indicators of the newest framework become one optional block each.
Each agency gets its own collection, so an innovation is saved as
``innovations/<agency>/<slug>/inovasi.yaml`` with its photos and evidence in the same
folder. What the form cannot say (KIPP proposals, ``pemda``) is left to the YAML file.
No I/O here: the pipeline writes the result to ``admin/config.yml``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.base import escape, vocab
from generator.outputs.cms_bahasa import PHRASES
from generator.pages import render
from generator.record import facts, fields, layout, models
from generator.record.reference import Reference
from generator.record.region import FormBackend, Region

LEFT_TO_YAML = ("sumber_data", "proposal", "pemda")
"""Fields the form leaves out: the form is the agency's own record (``sumber_data: opd``)."""

ADMIN_DIR = "admin"
NEW_ONLY = (
    "Tambah inovasi baru di sini. Inovasi yang sudah terdaftar ada di daftar bernama "
    "perangkat daerah Anda (tanpa 'inovasi baru'): pilih inovasinya untuk memperbarui."
)
FORM_HINTS = {
    "nama inovasi, satu baris, 3-150 karakter": "nama inovasi, 3 sampai 150 karakter",
    "satu kunci urusan utama": "urusan pemerintahan yang paling dekat dengan inovasi ini",
    "daftar tahun inovasi dilaporkan, misalnya [2023, 2024]": (
        "pilih setiap tahun inovasi ini dilaporkan ke Indeks Inovasi Daerah, misalnya 2025 "
        "dan 2026; tahun lama jangan dihapus, itulah riwayat pelaporannya"
    ),
    "true bila orang yang tampak di foto sudah setuju fotonya diterbitkan": (
        "nyalakan bila orang yang tampak di foto sudah setuju fotonya diterbitkan"
    ),
    "tahun penghargaan; hapus baris ini bila sumbernya tidak menyebut tahun": (
        "tahun penghargaan; kosongkan bila sumbernya tidak menyebut tahun"
    ),
    "klaim indikator tahun-tahun pelaporan sebelumnya; 'indikator' berisi klaim tahun "
    "pelaporan terakhir": (
        "klaim indikator tahun-tahun pelaporan sebelumnya; klaim tahun pelaporan terakhir "
        "diisi di bagian indikator IID"
    ),
    "nama berkas di folder inovasi, misalnya foto-layanan.jpg": (
        "foto (.jpg, .jpeg, .png, .webp) atau dokumen PDF; beri nama yang jelas sebelum "
        "mengunggah, misalnya foto-layanan.jpg"
    ),
}
"""The models' descriptions speak of the YAML file (lines, keys, ``true``); the form says
the same in the words of its own controls."""

DATE_PATTERN = [
    "^(0[1-9]|[12][0-9]|3[01])-(0[1-9]|1[0-2])-[0-9]{4}$",
    "tulis tanggal sebagai hari-bulan-tahun, misalnya 01-03-2025",
]
"""Dates are typed day-month-year (``formulir.js`` turns them into the file's ``YYYY-MM-DD``):
the browser's own date picker follows its language, often month-day-year."""

EXISTING = (
    "Inovasi perangkat daerah ini yang sudah ada di katalog. Pilih satu untuk memperbarui "
    "datanya, misalnya menambah tahun pelaporan atau bukti dukung; perubahan diajukan untuk "
    "diperiksa pokja."
)


def _label(model: type[BaseModel], key: str) -> str:
    """The field's label from its facts; else the key, capitalised with spaces."""
    return facts.label(model, key) or key.replace("_", " ").capitalize()


class FormBuilder:
    """Turns model fields into Decap widgets; ``reference`` gives urusan and indicators."""

    def __init__(self, reference: Reference, latest_year: int | None = None) -> None:
        self.reference = reference
        self.latest_year = latest_year
        """The newest reporting year the check accepts (this year): the form's year list."""

    def _years(self) -> dict[str, Any]:
        """Reporting years as a choice, newest first: Decap's list widget saves an empty
        list despite ``required``, its multiple select refuses it."""
        assert self.latest_year is not None
        years = range(self.latest_year, fields.MIN_YEAR - 1, -1)
        return {"widget": "select", "options": [{"label": str(y), "value": y} for y in years]}

    def _scalar(self, base: Any, validators: list[Any]) -> dict[str, Any]:
        for check in validators:
            if hasattr(check, "choices"):
                options = [{"label": label, "value": key} for key, label in check.choices.items()]
                return {"widget": "select", "options": options}
            if hasattr(check, "range"):
                low, high = check.range
                return {"widget": "number", "value_type": "int", "min": low, "max": high}
            if check is fields._date:
                return {"widget": "string", "pattern": DATE_PATTERN}
            if check is fields._year:
                return {"widget": "number", "value_type": "int", "min": fields.MIN_YEAR}
            if check is fields._flag:
                return {"widget": "boolean"}
            if check is fields._number:
                return {"widget": "number", "value_type": "float"}
            if check is fields._https:
                return {
                    "widget": "string",
                    "pattern": [
                        "^https://\\S+\\.\\S+$",
                        "tulis alamat lengkap yang diawali https://",
                    ],
                }
            if check is fields._urusan_key:
                return self._urusan()
        widget = "text" if any(c is fields._max_text for c in validators) else "string"
        if base is str and widget == "string":
            for check in validators:
                if hasattr(check, "limits"):
                    low, high = check.limits
                    message = f"{low} sampai {high} karakter"
                    return {"widget": "string", "pattern": [f"^.{{{low},{high}}}$", message]}
        return {"widget": widget}

    def _urusan(self) -> dict[str, Any]:
        options = [
            {"label": f"{u.nomor}. {u.nama}", "value": key}
            for key, u in self.reference.urusan.items()
        ]
        return {"widget": "select", "options": options}

    def _indicators(self) -> dict[str, Any]:
        # Decap validates a required field inside an optional block even when the block is
        # left empty, so the level is optional here; 'sepeda check' requires it for a claim.
        claim = [{**f, "required": False} for f in self.model_fields(models.Klaim)]

        def levels(parameter: dict[int, str]) -> list[dict[str, Any]]:
            hint = "; ".join(f"{n}: {text}" for n, text in sorted(parameter.items()))
            return [
                {**f, "hint": f"tingkat yang bisa dibuktikan: {hint}"}
                if f["name"] == "tingkat"
                else f
                for f in claim
            ]

        blocks = [
            {
                "name": i.kunci,
                "label": f"{i.nomor}. {i.nama}" + (" (wajib)" if i.wajib else ""),
                "widget": "object",
                "required": False,
                "collapsed": True,
                "hint": i.keterangan,
                "fields": levels(i.parameter),
            }
            for i in self.reference.newest.indikator
        ]
        return {"widget": "object", "collapsed": True, "fields": blocks}

    def field(self, model: type[BaseModel], name: str, info: FieldInfo) -> dict[str, Any]:
        base, _, optional = facts.unwrap(info.annotation)
        validators = facts.validators(info)
        required = info.is_required() or bool(
            any(getattr(m, "min_length", None) for m in info.metadata)
        )
        entry: dict[str, Any] = {"name": name, "label": _label(model, name)}
        if get_origin(base) is list:
            item, item_validators, _ = facts.unwrap(get_args(base)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                entry |= {"widget": "list", "fields": self.model_fields(item)}
            else:
                inner = self._scalar(item, item_validators)
                if name == "tpb":
                    options = [{"label": f"{n}. {t}", "value": n} for n, t in vocab.TPB.items()]
                    inner = {"widget": "select", "options": options}
                elif fields._year in item_validators and self.latest_year is not None:
                    inner = self._years()
                if inner["widget"] == "select":
                    entry |= {**inner, "multiple": True}
                else:
                    entry |= {
                        "widget": "list",
                        "field": {"name": name, "label": _label(model, name), **inner},
                    }
            if required:
                entry["min"] = 1
        elif get_origin(base) is dict:
            entry |= self._indicators()
        elif isinstance(base, type) and issubclass(base, BaseModel):
            nested = self.model_fields(base)
            if optional or not required:
                # Decap requires the required fields of an optional block even when it is
                # left empty; 'sepeda check' requires them once the block is written
                nested = [{**f, "required": False} for f in nested]
            entry |= {"widget": "object", "fields": nested}
        else:
            entry |= self._scalar(base, validators)
        entry["required"] = required and not optional
        if info.description and entry.get("widget") != "object":
            entry["hint"] = FORM_HINTS.get(info.description, info.description)
        upload = facts.facts(model, name)
        if upload is not None and upload.widget is not None:
            entry.pop("pattern", None)
            entry |= {"widget": upload.widget, "choose_url": False}
        return entry

    def model_fields(self, model: type[BaseModel]) -> list[dict[str, Any]]:
        return [
            self.field(model, name, info)
            for name, info in model.model_fields.items()
            if name not in LEFT_TO_YAML
        ]


def date_keys(model: type[BaseModel]) -> list[str]:
    """The keys holding a date anywhere in ``model``'s records (``mulai``, ``tanggal`` of
    an evidence): the form shows their values day-month-year."""
    found: set[str] = set()

    def visit(record: type[BaseModel], seen: tuple[type[BaseModel], ...]) -> None:
        for name, info in record.model_fields.items():
            if fields._date in facts.validators(info):
                found.add(name)
            inner = layout.records_in(info.annotation)
            if inner is not None and inner not in seen:
                visit(inner, (*seen, inner))

    visit(model, (model,))
    return sorted(found)


class _NoAliases(yaml.SafeDumper):
    """Writes a shared list (the claim fields of every indicator) in full each time."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


FORMAT = "sepeda-yaml"
"""The format ``formulir.js`` registers: the canonical layout of :mod:`generator.record.layout`."""


@dataclass(frozen=True)
class Listed:
    """An innovation the form lists for editing: its agency, slug, name and what is missing."""

    opd: str
    slug: str
    nama: str
    missing: tuple[str, ...] = ()


def missing(data: BaseModel) -> tuple[str, ...]:
    """The labels of the required fields of an agency's own record that ``data`` lacks."""
    return tuple(
        _label(models.Inovasi, name)
        for name, info in models.Inovasi.model_fields.items()
        if info.is_required() and getattr(data, name, None) in (None, [], "")
    )


def _existing(katalog: str, slug: str, name: str, listed: Sequence[Listed], form: Any) -> Any:
    files = [
        {
            "name": i.slug,
            "label": i.nama + (f" (belum lengkap: {', '.join(i.missing)})" if i.missing else ""),
            "file": f"{katalog}/{slug}/{i.slug}/inovasi.yaml",
            "media_folder": "",
            "public_folder": "",
            "fields": form,
        }
        for i in listed
        if i.opd == slug
    ]
    if not files:
        return None
    return {
        "name": f"{slug}--terdaftar",
        "label": name,
        "label_singular": "inovasi",
        "description": EXISTING,
        "format": FORMAT,
        "extension": "yaml",
        "delete": False,
        "files": files,
    }


def config(
    reference: Reference,
    katalog: str,
    agencies: Sequence[tuple[str, str]],
    backend: dict[str, Any],
    listed: Sequence[Listed] = (),
    latest_year: int | None = None,
) -> dict[str, Any]:
    """The Decap configuration: per agency ``(slug, name)`` of the catalogue folder
    ``katalog`` (project-relative, for example ``innovations``) one collection listing its
    innovations for editing (``listed``) and one for adding a new one; ``latest_year``
    (this year) ends the choice of reporting years."""
    form = FormBuilder(reference, latest_year).model_fields(models.Inovasi)
    existing = [_existing(katalog, slug, name, listed, form) for slug, name in agencies]
    new = [
        {
            "name": slug,
            "label": f"{name}: inovasi baru",
            "label_singular": "inovasi",
            "description": NEW_ONLY,
            "folder": f"{katalog}/{slug}",
            "path": "{{slug}}/inovasi",
            "extension": "yaml",
            "format": FORMAT,
            "create": True,
            "delete": False,
            "identifier_field": "nama",
            "summary": "{{nama}}",
            "media_folder": "",
            "public_folder": "",
            # Decap lists every YAML file of the folder (opd.yaml and verifikasi.yaml too) and
            # filters only by equality, so the list is kept empty: no valid file has an empty
            # nama. The form adds innovations; a published one is edited from its page.
            "filter": {"field": "nama", "value": ""},
            "fields": form,
        }
        for slug, name in agencies
    ]
    collections = [c for c in existing if c is not None] + new
    return {
        "backend": backend,
        "locale": "id",
        "publish_mode": "editorial_workflow",
        "omit_empty_optional_fields": True,
        "editor": {"preview": False},  # the form gets the whole width (phones)
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "media_folder": katalog,
        "collections": collections,
    }


def csp(form: FormBackend) -> str:
    """The admin page's Content Security Policy: its own files plus the Git host's API.

    Decap CMS styles its interface from script (``'unsafe-inline'`` styles) and validates
    its configuration with compiled schemas (``'unsafe-eval'``); nothing else runs there.
    """
    hosts = {"github": ["https://api.github.com"], "gitlab": ["https://gitlab.com"]}[form.backend]
    if form.base_url:
        hosts.append(form.base_url.rstrip("/"))
    if form.local_port:
        hosts.append(f"http://localhost:{form.local_port}")
    images = "https://avatars.githubusercontent.com" if form.backend == "github" else "https:"
    return (
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data: blob: {images}; connect-src 'self' blob: {' '.join(hosts)}; "
        "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
    )


def admin_files(
    reference: Reference,
    katalog: str,
    agencies: Sequence[tuple[str, str]],
    region: Region,
    bundle: dict[str, bytes],
    listed: Sequence[Listed] = (),
    latest_year: int | None = None,
) -> dict[str, str | bytes]:
    """Everything under ``admin/``: the page, its configuration, the Indonesian interface
    strings and the Decap bundle (``bundle``, from :mod:`generator.outputs.vendor`)."""
    form = region.form
    if form is None:
        return {}
    settings = config(reference, katalog, agencies, form.decap(), listed, latest_year)
    if form.local_port:
        local = {"url": f"http://localhost:{form.local_port}/api/v1"}
        settings = {"local_backend": local, **settings}
    header = "# Dibuat oleh 'sepeda build' dari model data; jangan disunting.\n"
    body = yaml.dump(settings, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)
    page = render.render_html(
        "admin.html.j2", csp=escape.text(csp(form)), pemda=escape.text(region.pemda)
    )
    phrases = json.dumps(PHRASES, ensure_ascii=False, sort_keys=True, indent=1)
    script = f'window.CMS.registerLocale("id", {phrases});\n'
    files: dict[str, str | bytes] = {
        f"{ADMIN_DIR}/index.html": page,
        f"{ADMIN_DIR}/formulir.css": render.render_text("formulir.css"),
        f"{ADMIN_DIR}/config.yml": header + body,
        f"{ADMIN_DIR}/bahasa.js": script,
        f"{ADMIN_DIR}/urutan.js": "window.SEPEDA_URUTAN = "
        + json.dumps(layout.order_tree(models.Inovasi), separators=(",", ":"))
        + ";\nwindow.SEPEDA_TANGGAL = "
        + json.dumps(date_keys(models.Inovasi))
        + ";\n",
        f"{ADMIN_DIR}/formulir.js": Path(__file__).with_name("formulir.js").read_text("utf-8"),
    }
    files.update({f"{ADMIN_DIR}/{name}": data for name, data in bundle.items()})
    return files
