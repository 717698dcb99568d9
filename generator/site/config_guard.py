"""The site configuration as data: ``mkdocs.yml`` is checked before MkDocs ever loads it.

MkDocs reads ``mkdocs.yml`` with PyYAML's unsafe loader (``!!python/object/apply`` runs
code) and executes ``hooks:`` files, plugins and Markdown extensions by name. So the build
first reads the file with the project's strict YAML reader (no tags, anchors or aliases at
all) and refuses hooks, ``INHERIT``, scripts, a theme folder other than ``overrides/``, and
plugins or Markdown extensions outside an allowlist, each with the reason. ``sepeda check``
reports the same findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.base.codes import Code
from generator.base.diagnostics import Finding, Severity, field_path
from generator.catalogue.records import display_path
from generator.record.region import deadlines_from, form_from, https_address, licence_from
from generator.record.yamlfile import Document, Loc, YamlProblem, read_yaml

PLUGINS = frozenset({"katalog"})
EXTENSIONS = frozenset({"tables", "attr_list", "md_in_html", "admonition", "toc"})
REFUSED_EXTENSIONS = {
    "pymdownx.snippets": (
        "menyisipkan isi berkas apa pun dari repositori (--8<--), termasuk rahasia"
    ),
    "markdown.extensions.snippets": "menyisipkan isi berkas dari repositori",
    "pymdownx.arithmatex": "memuat skrip dari situs lain",
}
REFUSED_KEYS = {
    "hooks": "menjalankan kode Python dari repositori saat pembangunan",
    "INHERIT": "memuat berkas konfigurasi lain tanpa pemeriksaan",
    "extra_javascript": "menambahkan skrip ke setiap halaman",
    "extra_templates": "menambahkan templat yang tidak diperiksa",
    "nav": "menu situs hanya diatur di satu tempat, NAV di generator/base/urls.py",
}
CUSTOM_DIR = "overrides"
SHARD_KEY = "search_shard_pages"
"""Option of the katalog plugin: the largest part of the search index (pages)."""


def _name(entry: Any) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return str(next(iter(entry)))
    return None


FIXED_FOLDERS = {
    "docs_dir": ("docs", "MkDocs menerbitkan seluruh isi folder ini"),
    "site_dir": ("site", "MkDocs biasa mengosongkan folder ini sebelum membangun"),
}
"""Folders whose name is fixed: the builder, ``.gitignore`` and the review know them, and
plain ``mkdocs build`` empties ``site_dir`` before it writes (``site_dir: innovations`` would
erase the catalogue). ``sepeda build --out DIR`` builds elsewhere safely."""
THEME_NAME = "material"


def check_config(path: Path, root: Path) -> list[Finding]:
    """Every reason ``mkdocs.yml`` must not be loaded, as findings (empty: safe to load)."""
    shown = display_path(path, root)
    try:
        doc, _ = read_yaml(path)
    except YamlProblem as problem:
        return [
            Finding(
                shown,
                problem.line or 1,
                problem.column or 1,
                Severity.ERROR,
                problem.field or "(berkas)",
                f"{problem.message} (mkdocs.yml dibaca dengan pembaca ketat proyek ini)",
                Code.CONFIG_REFUSED,
            )
        ]
    return [*_problems(doc, shown), *_path_problems(doc, shown, path.parent)]


def theme_missing(path: Path, root: Path) -> list[Finding]:
    """Before MkDocs runs (build, serve): the theme folder beside ``mkdocs.yml`` must exist.

    It is part of the site's safety (its CSP); without it MkDocs stops with an error of its
    own. Call after :func:`check_config` found nothing.
    """
    if (path.parent / CUSTOM_DIR / "main.html").is_file():
        return []
    shown = display_path(path, root)
    doc, _ = read_yaml(path)
    theme = doc.data.get("theme") if isinstance(doc.data, dict) else None
    loc: Loc = ("theme", "custom_dir") if isinstance(theme, dict) and "custom_dir" in theme else ()
    finding = _at(
        doc,
        shown,
        loc or ("theme",),
        f"folder tema '{CUSTOM_DIR}/' (atau {CUSTOM_DIR}/main.html) tidak ada di samping "
        f"mkdocs.yml; pulihkan dari repositori: git checkout -- {CUSTOM_DIR}",
    )
    return [replace(finding, code=Code.THEME_MISSING)]


def _at(doc: Document, shown: str, loc: Loc, message: str, *, key: bool = False) -> Finding:
    position = doc.where(loc, key=key)
    return Finding(
        shown,
        position.line,
        position.column,
        Severity.ERROR,
        field_path(loc),
        message,
        Code.CONFIG_REFUSED,
    )


def _problems(doc: Document, shown: str) -> list[Finding]:
    data: dict[str, Any] = doc.data
    found = []
    for key, reason in REFUSED_KEYS.items():
        if key in data:
            found.append(
                _at(doc, shown, (key,), f"'{key}' tidak boleh dipakai: {reason}; hapus bagian ini",
                    key=True)
            )  # fmt: skip
    theme = data.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir", CUSTOM_DIR) != CUSTOM_DIR:
        found.append(
            _at(doc, shown, ("theme", "custom_dir"),
                f"folder templat tema harus '{CUSTOM_DIR}' (templat dapat menambahkan skrip)")
        )  # fmt: skip
    for index, entry in enumerate(data.get("plugins") or []):
        name = _name(entry)
        if name not in PLUGINS:
            found.append(
                _at(doc, shown, ("plugins", index),
                    f"plugin '{name}' tidak ada dalam daftar yang diizinkan "
                    f"({', '.join(sorted(PLUGINS))}); plugin menjalankan kode saat pembangunan")
            )  # fmt: skip
        options = entry.get("katalog") if isinstance(entry, dict) else None
        shard = options.get(SHARD_KEY, "1") if isinstance(options, dict) else "1"
        if not re.fullmatch(r"[1-9][0-9]*", str(shard)):  # the strict reader keeps text
            found.append(
                _at(doc, shown, ("plugins", index, "katalog", SHARD_KEY),
                    f"{SHARD_KEY} harus bilangan bulat 1 atau lebih: jumlah halaman terbesar "
                    "satu bagian indeks pencarian, misalnya 3000 (bawaan)")
            )  # fmt: skip
    for index, entry in enumerate(data.get("markdown_extensions") or []):
        name = _name(entry)
        if name in EXTENSIONS:
            continue
        reason = REFUSED_EXTENSIONS.get(name or "", "ekstensi Markdown menjalankan kode Python")
        found.append(
            _at(doc, shown, ("markdown_extensions", index),
                f"ekstensi Markdown '{name}' tidak diizinkan: {reason}; yang diizinkan: "
                f"{', '.join(sorted(EXTENSIONS))}")
        )  # fmt: skip
    return found + _region_problems(doc, shown)


def _inside(value: object, project: Path) -> str | None:
    """Why ``value`` is not a folder inside the project, or None when it is: a relative
    path without ``..`` whose every part exists as a real folder (no symbolic link) or
    does not exist yet."""
    if not isinstance(value, str) or not value.strip():
        return "harus berupa nama folder"
    given = Path(value)
    if given.is_absolute() or value.startswith("~"):
        return "harus folder di dalam proyek (jalur relatif), bukan jalur mutlak"
    if ".." in given.parts:
        return "tidak boleh memakai '..', yang keluar dari folder proyek"
    if given.parts in ((), (".",)):
        return "tidak boleh folder proyek itu sendiri"
    here = project
    for part in given.parts:
        here = here / part
        if here.is_symlink():
            return f"'{here.relative_to(project).as_posix()}' adalah tautan simbolik"
    if not here.resolve().is_relative_to(project.resolve()):  # pragma: no cover - no links
        return "keluar dari folder proyek"
    return None


def _path_problems(doc: Document, shown: str, project: Path) -> list[Finding]:
    """Every path setting confined to the project: what plain ``mkdocs`` would read from or
    empty must be the project's own folder."""
    data: dict[str, Any] = doc.data
    found: list[Finding] = []

    def refuse(loc: Loc, message: str) -> None:
        found.append(replace(_at(doc, shown, loc, message), code=Code.CONFIG_PATH))

    for key, (fixed, risk) in FIXED_FOLDERS.items():
        value = data.get(key, fixed)
        reason = _inside(value, project)
        if value != fixed or reason is not None:
            why = f" ({reason})" if reason else ""
            refuse(
                (key,),
                f"{key} harus '{fixed}'{why}: {risk}, jadi folder lain tidak boleh dipakai; "
                f"tulis {key}: {fixed} (untuk membangun ke folder lain pakai sepeda build --out "
                "FOLDER)",
            )
    theme = data.get("theme")
    name = theme.get("name") if isinstance(theme, dict) else theme
    if name != THEME_NAME:
        refuse(
            ("theme", "name") if isinstance(theme, dict) else ("theme",),
            f"tema harus '{THEME_NAME}' (templat tema lain tidak memuat kebijakan keamanan "
            f"halaman situs ini); tulis name: {THEME_NAME}",
        )
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom is None or _inside(custom, project) is not None:
        refuse(
            ("theme", "custom_dir") if isinstance(theme, dict) else ("theme",),
            f"folder tema harus '{CUSTOM_DIR}' milik proyek (templatnya memuat "
            f"kebijakan keamanan halaman), bukan tautan simbolik; tulis custom_dir: {CUSTOM_DIR}",
        )
    watch = data.get("watch") or []
    for index, entry in enumerate(watch if isinstance(watch, list) else [watch]):
        reason = _inside(entry, project)
        if reason is not None:
            refuse(("watch", index), f"folder yang dipantau {reason}; hapus baris ini")
    for index, entry in enumerate(data.get("plugins") or []):
        options = entry.get("katalog") if isinstance(entry, dict) else None
        if isinstance(options, dict) and "innovations_dir" in options:
            reason = _inside(options["innovations_dir"], project)
            if reason is not None:
                refuse(
                    ("plugins", index, "katalog", "innovations_dir"),
                    f"folder katalog {reason}; tulis innovations_dir: innovations",
                )
    return found


def _region_problems(doc: Document, shown: str) -> list[Finding]:
    """``extra.sunting`` and ``extra.lisensi_data``, when present, must be usable: the
    pages would otherwise silently lose the edit link or the licence."""
    extra = doc.data.get("extra")
    if not isinstance(extra, dict):
        return []
    return [
        _at(doc, shown, ("extra", key), message)
        for key, (usable, message) in REGION_SETTINGS.items()
        if key in extra and usable(extra[key]) is None
    ]


REGION_SETTINGS: dict[str, tuple[Callable[[object], object | None], str]] = {
    "sunting": (
        https_address,
        "alamat penyunting harus satu alamat https:// tanpa spasi atau tanda kutip, "
        "misalnya https://github.com/PEMILIK/REPO/edit/main/",
    ),
    "lisensi_data": (
        licence_from,
        "lisensi data harus berisi 'nama' dan 'url' (https://), misalnya nama: CC BY "
        "4.0 dan url: https://creativecommons.org/licenses/by/4.0/deed.id",
    ),
    "formulir": (
        form_from,
        "formulir admin harus berisi backend (github atau gitlab) dan repo (PEMILIK/REPO); "
        "boleh ditambah branch, base_url (https://, penghubung OAuth untuk GitHub), app_id "
        "(GitLab) dan lokal (true, false atau nomor port); lihat bagian 'Formulir admin' di "
        "panduan",
    ),
    "tenggat": (
        deadlines_from,
        "tenggat ditulis per tahun pelaporan: tahun empat angka, titik dua, lalu tanggal "
        "TTTT-BB-HH, misalnya 2025: 2025-06-30",
    ),
}
"""Settings of ``extra`` read by :mod:`generator.record.region`: its reader, and what to write."""
