"""The contributor guide (docs/panduan-kontributor.md) stays in step with the code.

Every key of the record models, every vocabulary slug, every urusan and indicator key and
every ``sepeda`` subcommand must be documented in the guide, and the YAML examples in it
must be accepted by the same strict reader and models as real records. Fast, no network.
"""

from __future__ import annotations

import argparse
import re
import types
import typing
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from generator.base import vocab
from generator.cli import _parser
from generator.record.models import Inovasi, InovasiBerita, Opd, Verifikasi
from generator.record.reference import load_reference
from generator.record.validate import validate_document
from generator.record.yamlfile import YamlProblem, parse_yaml

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "panduan-kontributor.md"
GUIDE_NAME = "docs/panduan-kontributor.md"

# Pages the guide may link to (relative to docs/); the site is built with --strict.
LINKABLE_PAGES = {
    "tentang.md",
    "indeks-inovasi/index.md",
    "data-terbuka/index.md",
    "inovasi/index.md",
    "kode-temuan.md",
}

_FENCE_RE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE_RE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]+")
_LINK_RE = re.compile(r"\]\(([^)\s]+)\)")
_EXAMPLE_MODELS: dict[str, type[BaseModel]] = {
    "inovasi.yaml": Inovasi,
    "opd.yaml": Opd,
    "verifikasi.yaml": Verifikasi,
}


# ---- Reading the guide ------------------------------------------------------------------


@cache
def guide_text() -> str:
    assert GUIDE.is_file(), f"{GUIDE_NAME} tidak ada"
    return GUIDE.read_text(encoding="utf-8")


@cache
def fenced_blocks() -> tuple[tuple[str, str], ...]:
    """``(language, body)`` of every fenced code block."""
    return tuple((m.group(1).strip(), m.group(2)) for m in _FENCE_RE.finditer(guide_text()))


@cache
def prose() -> str:
    """The guide without its fenced code blocks."""
    return _FENCE_RE.sub("", guide_text())


@cache
def inline_code() -> tuple[str, ...]:
    """The content of every inline code span (outside fenced blocks), stripped."""
    return tuple(m.group(2).strip() for m in _INLINE_CODE_RE.finditer(prose()))


@cache
def inline_code_tokens() -> frozenset[str]:
    """Words of the inline code spans: `inisiator.jenis` gives inisiator and jenis."""
    return frozenset(token for span in inline_code() for token in _TOKEN_RE.findall(span))


@cache
def all_code() -> str:
    """Inline spans and fenced blocks, one per line."""
    return "\n".join([*inline_code(), *(body for _, body in fenced_blocks())])


def missing_message(what: str, missing: list[str], how: str) -> str:
    return f"{GUIDE_NAME} tidak menyebut {what}: {', '.join(missing)}. {how}"


# ---- Walking the models -----------------------------------------------------------------


def _nested_models(annotation: Any) -> Iterator[type[BaseModel]]:
    """Model classes inside an annotation (through Annotated, Optional, list, dict ...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _nested_models(typing.get_args(annotation)[0])
        return
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _nested_models(arg)


def model_fields(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, str]]:
    """``(key, dotted path)`` of every field of ``model`` and of the models nested in it."""
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        yield name, path
        for nested in dict.fromkeys(_nested_models(info.annotation)):
            yield from model_fields(nested, f"{path}.")


def documented_models() -> dict[str, type[BaseModel]]:
    return {
        "Inovasi": Inovasi,
        "InovasiBerita": InovasiBerita,
        "Opd": Opd,
        "Verifikasi": Verifikasi,
    }


# ---- Subcommands ------------------------------------------------------------------------


def subcommands() -> dict[str, str | None]:
    """Name and help text of every ``sepeda`` subcommand, read from the real parser."""
    parser = _parser()
    found: dict[str, str | None] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                found[choice.dest] = choice.help
            for name in action.choices:
                found.setdefault(name, None)
    return found


# ---- Tests: the guide names everything --------------------------------------------------


@pytest.mark.parametrize("model_name", sorted(documented_models()))
def test_every_model_field_is_in_backticks(model_name: str) -> None:
    model = documented_models()[model_name]
    tokens = inline_code_tokens()
    missing = sorted({path for name, path in model_fields(model) if name not in tokens})
    assert not missing, missing_message(
        f"kunci {model_name} berikut dalam `backtick`",
        missing,
        "Tambahkan ke tabel referensi kunci (bagian 5).",
    )


def test_model_walk_finds_nested_keys() -> None:
    """Guard for the walker itself: nested keys must be found, or the test above is empty."""
    paths = {path for _, path in model_fields(Inovasi)}
    expected = {
        "inisiator.jenis",
        "urusan.beririsan",
        "tanggal.uji_coba",
        "rancang_bangun.cara_kerja",
        "capaian.satuan",
        "indikator.bukti.tentang",
        "media.sampul",
        "tautan.url",
        "penghargaan.peringkat",
        "replikasi.pemda",
        "kontak.telepon",
        "proposal.bagian",
        "inovator.peran",
        "sumber_data",
    }
    assert expected <= paths, f"penelusuran model tidak menemukan: {sorted(expected - paths)}"
    verifikasi = {path for _, path in model_fields(Verifikasi)}
    assert "indikator.catatan" in verifikasi


VOCABULARIES: dict[str, dict[str, Any]] = {
    "TAHAPAN": vocab.TAHAPAN,
    "INISIATOR": vocab.INISIATOR,
    "JENIS_INOVASI": vocab.JENIS_INOVASI,
    "BENTUK": vocab.BENTUK,
    "TEMATIK": vocab.TEMATIK,
    "JENIS_OPD": vocab.JENIS_OPD,
    "STATUS_VERIFIKASI": {
        k: v for k, v in vocab.STATUS_VERIFIKASI.items() if k != "belum-diverifikasi"
    },
    "SUMBER_DATA": vocab.SUMBER_DATA,
    "KIPP_BAGIAN": vocab.KIPP_BAGIAN,
}


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_every_vocabulary_slug_is_in_backticks(name: str) -> None:
    spans = set(inline_code())
    missing = [slug for slug in VOCABULARIES[name] if slug not in spans]
    assert not missing, missing_message(
        f"slug vocab.{name} berikut sebagai `slug`",
        missing,
        "Tambahkan ke tabel nilai yang sah (bagian 6).",
    )


LABELLED = [name for name in VOCABULARIES if name != "KIPP_BAGIAN"]


@pytest.mark.parametrize("name", LABELLED)
def test_every_vocabulary_label_is_shown(name: str) -> None:
    labels = VOCABULARIES[name].values()
    missing = [label for label in labels if label not in guide_text()]
    assert not missing, missing_message(
        f"label resmi vocab.{name} berikut",
        missing,
        "Tulis label yang sama dengan generator/base/vocab.py.",
    )


def test_every_urusan_key_is_in_backticks() -> None:
    urusan = load_reference().urusan
    assert len(urusan) == 38
    spans = set(inline_code())
    missing = [key for key in urusan if key not in spans]
    assert not missing, missing_message(
        "kunci urusan berikut sebagai `kunci`", missing, "Lengkapi tabel 38 urusan (bagian 6)."
    )


def test_the_six_yandas_urusan_are_marked() -> None:
    rows = {
        line.split("|")[2].strip().strip("`"): line
        for line in prose().splitlines()
        if line.startswith("|") and line.count("|") >= 5
    }
    yandas = [u.kunci for u in load_reference().yandas()]
    assert len(yandas) == 6
    unmarked = [key for key in yandas if "★" not in rows.get(key, "")]
    assert not unmarked, missing_message(
        "tanda ★ (urusan wajib pelayanan dasar) pada baris urusan berikut",
        unmarked,
        "Tandai keenam urusan wajib pelayanan dasar di tabel urusan.",
    )


def test_every_indicator_key_is_in_backticks() -> None:
    keys = load_reference().indicator_keys()
    spans = set(inline_code())
    missing = [key for key in keys if key not in spans]
    assert not missing, missing_message(
        "kunci indikator IID berikut sebagai `kunci`",
        missing,
        "Lengkapi tabel indikator (bagian 7).",
    )


def test_indicator_table_matches_the_framework() -> None:
    """Each indicator row shows the framework's number, weight and mandatory flag."""
    newest = load_reference().newest
    wrong = []
    for indikator in newest.indikator:
        expected = (
            f"| {indikator.nomor} | `{indikator.kunci}` | {indikator.nama} | {indikator.bobot} | "
            f"{'**ya**' if indikator.wajib else '-'} | {indikator.bobot * 3} |"
        )
        if expected not in guide_text():
            wrong.append(indikator.kunci)
    assert not wrong, missing_message(
        "baris tabel indikator yang sesuai kerangka untuk",
        wrong,
        f"Samakan nomor, nama, bobot dan status wajib dengan {newest.id}.",
    )
    assert str(newest.skor_maksimum) in guide_text()


def test_subcommands_have_help_and_are_documented() -> None:
    commands = subcommands()
    assert {"check", "new"} <= set(commands), f"subperintah tidak terbaca: {sorted(commands)}"
    without_help = sorted(name for name, text in commands.items() if not (text or "").strip())
    assert not without_help, f"subperintah sepeda tanpa teks bantuan (help=...): {without_help}"
    code = all_code()
    missing = [
        f"sepeda {name}"
        for name in commands
        if not re.search(rf"\bsepeda {re.escape(name)}\b", code)
    ]
    assert not missing, missing_message(
        "perintah berikut dalam `backtick`",
        missing,
        "Tambahkan ke tabel perintah sepeda (bagian 2).",
    )


# ---- Tests: the guide is a valid page with valid examples --------------------------------


def test_internal_links_point_to_existing_pages() -> None:
    anchors = set(re.findall(r"\{#([a-z0-9-]+)\}", guide_text()))
    bad = []
    for target in _LINK_RE.findall(prose()):
        if target.startswith(("https://", "http://", "mailto:")):
            continue
        page, _, anchor = target.partition("#")
        unknown_page = bool(page) and page not in LINKABLE_PAGES
        unknown_anchor = not page and anchor not in anchors
        if unknown_page or unknown_anchor:
            bad.append(target)
    assert not bad, f"{GUIDE_NAME} punya tautan internal yang tidak ada: {bad}"


def test_no_raw_html_outside_code() -> None:
    text = _INLINE_CODE_RE.sub("", prose())
    tags = re.findall(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?>", text)
    assert not tags, f"{GUIDE_NAME} memuat HTML mentah: {tags[:5]}"


def yaml_examples() -> list[tuple[int, str]]:
    return [(i, body) for i, (lang, body) in enumerate(fenced_blocks()) if lang == "yaml"]


def test_there_are_yaml_examples() -> None:
    headers = [body.splitlines()[0] for _, body in yaml_examples() if body.strip()]
    for name in _EXAMPLE_MODELS:
        assert f"# contoh: {name}" in headers, f"{GUIDE_NAME} tidak punya contoh '# contoh: {name}'"


@pytest.mark.parametrize("index", [i for i, _ in yaml_examples()])
def test_yaml_examples_are_strict_yaml(index: int) -> None:
    body = fenced_blocks()[index][1]
    try:
        parse_yaml(body)
    except YamlProblem as problem:
        pytest.fail(
            f"contoh YAML ke-{index + 1} di {GUIDE_NAME} ditolak pembaca YAML "
            f"(baris {problem.line}): {problem.message}\n{body}"
        )


@pytest.mark.parametrize(
    "index", [i for i, body in yaml_examples() if body.startswith("# contoh: ")]
)
def test_complete_examples_validate(index: int) -> None:
    body = fenced_blocks()[index][1]
    name = body.splitlines()[0].removeprefix("# contoh: ").strip()
    model = _EXAMPLE_MODELS[name]
    doc = parse_yaml(body)
    if model is Inovasi and doc.data.get("sumber_data") == "berita":
        model = InovasiBerita
    context = {"today": date(2026, 1, 1), "reference": load_reference()}
    _, findings = validate_document(model, doc, name, context)
    assert not findings, f"contoh {name} di {GUIDE_NAME} tidak sah:\n" + "\n".join(
        str(f) for f in findings
    )


README = Path(__file__).resolve().parents[1] / "README.md"
GENERATOR = Path(__file__).resolve().parents[1] / "generator"


def readme_tree() -> set[str]:
    """The files and folders of the README's ``generator/`` tree, as paths under it."""
    text = README.read_text(encoding="utf-8")
    block = text[text.index("```\ngenerator/\n") + len("```\ngenerator/\n") :]
    block = block[: block.index("```")]
    found: set[str] = set()
    parents: list[str] = []
    for line in block.splitlines():
        name = line.strip().split(" ", 1)[0]
        if not name or not (name.endswith((".py", "/"))):
            continue  # a continuation line of a description
        depth = (len(line) - len(line.lstrip())) // 2 - 1
        parents = parents[:depth]
        path = "/".join([*parents, name.rstrip("/")])
        found.add(path)
        if name.endswith("/"):
            parents.append(name.rstrip("/"))
    return found


def test_the_readme_tree_is_the_generator_on_disk() -> None:
    on_disk = {
        p.relative_to(GENERATOR).as_posix()
        for p in GENERATOR.rglob("*")
        if (p.suffix == ".py" and p.name not in ("__init__.py", "__main__.py"))
        or (p.is_dir() and p.name != "__pycache__" and p.parent.name != "templates")
    }
    listed = readme_tree()
    assert sorted(on_disk - listed) == [], "missing from the README's tree"
    assert sorted(listed - on_disk) == [], "in the README's tree but not on disk"
