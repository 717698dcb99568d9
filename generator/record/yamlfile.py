"""Strict YAML reading with positions: the only place contributor YAML is parsed.

Every scalar arrives as text (``no``, ``0812...``, ``1:20`` and ``2020-03-01`` stay strings);
the schema types them later. Tags, anchors, aliases, duplicate keys, non-text keys,
nesting deeper than :data:`MAX_DEPTH` and files larger than :data:`MAX_BYTES` are refused
with the line and column of the offending token. Alongside the data we keep the position of
every value and every key, so a later finding about ``media[2].berkas`` can point at its line.

Example::

    doc = parse_yaml("nama: Sepeda\\ntahapan: penerapan\\n", "inovasi.yaml")
    doc.data["tahapan"]            # 'penerapan'
    doc.where(("tahapan",))        # Position(line=2, column=10)
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from generator.base.codes import Code
from generator.base.diagnostics import field_path, line_col

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20

Loc = tuple[str | int, ...]

# Characters that make a reviewer see something other than what is published, that break
# XML (the Atom feed, the XLSX workbook) or that no text needs: C0/C1 controls (tab and line
# feed allowed), every format character (Unicode category Cf: soft hyphen, zero-width and
# bidirectional controls, word joiners, BOM, interlinear annotation, tag characters
# U+E0000-E007F, ...), fillers that render as nothing (combining grapheme joiner U+034F,
# Hangul fillers U+115F U+1160 U+3164 U+FFA0, Khmer inherent vowels, Mongolian variation
# selectors, braille blank U+2800), line/paragraph separators, surrogates, private use (all
# planes) and the 66 noncharacters (U+FDD0-FDEF and the last two code points of each plane).
# tests/test_security.py holds this class to Python's Unicode database (Cc, Cf, Cs, Co).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2028\u2029\u2060-\u206f\u2800\u3164\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef"
    "\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f"
    "\U000f0000-\U0010ffff"
    + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 16))
    + "]"
)
_NULL_WORDS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class Position:
    """A 1-based line and column."""

    line: int
    column: int


class YamlProblem(Exception):
    """The file cannot be read as catalogue YAML; ``message`` is Bahasa Indonesia.

    ``problems`` lists every problem found (this one first) when there are several.
    """

    def __init__(
        self,
        message: str,
        line: int = 0,
        column: int = 0,
        field: str = "(sintaks)",
        code: Code = Code.YAML_SYNTAX,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.field = field
        self.code = code
        self.problems: list[YamlProblem] = [self]


@dataclass(frozen=True)
class Document:
    """Parsed YAML: plain data plus where each value and key stands in the file."""

    data: Any
    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)

    def where(self, loc: Loc, *, key: bool = False) -> Position:
        """Position of ``loc``, or of its nearest existing ancestor.

        With ``key=True`` the position of the key itself is preferred (for unknown keys).
        """
        table = self.keys if key else self.values
        if loc in table:
            return table[loc]
        for end in range(len(loc), -1, -1):
            prefix = loc[:end]
            if prefix in self.values:
                return self.values[prefix]
        return Position(1, 1)

    def loc_at(self, line: int, column: int) -> Loc:
        """The value that stands at (or most closely before) a position in the file."""
        best: Loc = ()
        best_pos = Position(0, 0)
        for loc, pos in self.values.items():
            here = (pos.line, pos.column)
            if not loc or here > (line, column) or here < (best_pos.line, best_pos.column):
                continue
            if pos != best_pos or len(loc) > len(best):
                best, best_pos = loc, pos
        return best


class _StrictComposer(Composer, BaseResolver):
    """A composer that refuses what we do not allow; the parser underneath supplies events.

    Only libyaml's event parser (iterative, no recursion) or PyYAML's pure-Python parser is
    used; composing stays in Python here, with a depth cap, so deep nesting is a finding
    instead of a crash.
    """

    _depth = 0
    # Supplied by the parser half of the concrete loader.
    peek_event: Any
    check_event: Any

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()
        mark = event.start_mark
        if self.check_event(AliasEvent):
            raise YamlProblem(
                "alias YAML (*nama) tidak boleh dipakai; tulis nilainya secara lengkap",
                mark.line + 1,
                mark.column + 1,
                code=Code.YAML_FORBIDDEN_FEATURE,
            )
        if getattr(event, "anchor", None) is not None:
            raise YamlProblem(
                "anchor YAML (&nama) tidak boleh dipakai; hapus '&' beserta namanya",
                mark.line + 1,
                mark.column + 1,
                code=Code.YAML_FORBIDDEN_FEATURE,
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise YamlProblem(
                f"tag YAML '{tag}' tidak boleh dipakai; hapus tag itu dan tulis nilainya saja",
                mark.line + 1,
                mark.column + 1,
                code=Code.YAML_FORBIDDEN_FEATURE,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlProblem(
                    f"struktur bersarang lebih dari {MAX_DEPTH} tingkat; sederhanakan isinya",
                    mark.line + 1,
                    mark.column + 1,
                    code=Code.YAML_TOO_BIG,
                )
            return Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1


class _PureLoader(Reader, Scanner, Parser, _StrictComposer):
    """Pure-Python parser (fallback when PyYAML has no libyaml)."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)


try:
    from yaml._yaml import CParser

    class _FastLoader(CParser, _StrictComposer):
        """libyaml's event parser (about 15x faster) under the same strict composer."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            BaseResolver.__init__(self)

        def get_single_node(self) -> Node | None:
            return Composer.get_single_node(self)

    _Loader: Callable[[str], _StrictComposer] = _FastLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = _PureLoader


_PROBLEM_TEXT = {
    "mapping values are not allowed": (
        "tanda ':' tidak boleh di sini; jika teks mengandung ': ', apit seluruh teks dengan "
        "tanda kutip, atau periksa indentasi baris sebelumnya"
    ),
    "found character '\\t' that cannot start any token": (
        "karakter tab tidak boleh dipakai; gunakan spasi untuk indentasi"
    ),
    "could not find expected ':'": "tanda ':' tidak ditemukan; tulis sebagai 'kunci: nilai'",
    "expected a single document in the stream": (
        "berkas hanya boleh berisi satu dokumen; hapus baris '---' yang kedua"
    ),
    "found undefined alias": "alias YAML (*nama) tidak boleh dipakai",
    "found a tab character that violates indentation": (
        "karakter tab tidak boleh dipakai; gunakan spasi untuk indentasi"
    ),
    "found unexpected end of stream": "tanda kutip tidak ditutup; tutup teks dengan tanda kutip",
    "found invalid Unicode character escape code": (
        "kode escape Unicode tidak sah (\\uD800-\\uDFFF bukan karakter); hapus escape itu"
    ),
}


_FLOW_COLON = (
    "tanda ':' di dalam nilai peta satu baris {...}; apit nilai yang memuat ':' dengan tanda "
    'kutip, misalnya {tingkat: 2, catatan: "Lampiran: daftar tim"}'
)


def _translate(problem: str | None, char: str = "") -> str:
    problem = problem or "sintaks tidak sah"
    if "expected ',' or '}'" in problem and char == ":":  # a colon inside {a: b: c}
        return _FLOW_COLON
    if "found another document" in problem:
        return _PROBLEM_TEXT["expected a single document in the stream"]
    if char == "\t" and "cannot start any token" in problem:
        return _PROBLEM_TEXT["found character '\\t' that cannot start any token"]
    for english, indonesian in _PROBLEM_TEXT.items():
        if problem.startswith(english):
            return indonesian
    if "maximum nesting depth" in problem:  # libyaml >= 0.2.6 caps nesting itself
        return f"struktur bersarang lebih dari {MAX_DEPTH} tingkat; sederhanakan isinya"
    if "found unacceptable character" in problem or "special characters are not allowed" in problem:
        return "berkas berisi karakter kendali yang tidak boleh ada; hapus karakter itu"
    if problem.startswith("expected <block end>") or problem.startswith("did not find expected"):
        return "indentasi tidak konsisten; samakan jumlah spasi di awal baris-baris yang sejajar"
    return f"sintaks YAML tidak sah ({problem}); periksa indentasi dan tanda kutip"


_KEY_LINE = re.compile(r"^(\s*)(?:- )?[A-Za-z0-9_.-]+:(?:\s|$)")
_QUOTED = re.compile(r'^(\s*(?:- )?[A-Za-z0-9_.-]+:\s*)"((?:[^"\\]|\\.)*)"(.*)$')
_BLOCK = re.compile(r"^(\s*)(?:- )?[A-Za-z0-9_.-]+:\s*[|>][+-]?\s*(?:#.*)?$")


def _diagnose(text: str, error_line: int) -> tuple[str, int, int] | None:
    """The real mistake behind a syntax error, when it is one of the common slips.

    PyYAML reports where the parser gave up, often lines after the slip. Two slips are
    recognised at their own line: a ``"`` inside a ``"..."`` text, and a line of a ``|``
    block that is indented less than the block's first line.
    """
    lines = text.split("\n")[:error_line]
    block: tuple[int, int | None, str] | None = None  # (key indent, text indent, key)
    for number, raw in enumerate(lines, start=1):
        indent = len(raw) - len(raw.lstrip(" "))
        if block is not None and raw.strip():
            key_indent, text_indent, key = block
            if text_indent is None:
                block = (key_indent, indent, key) if indent > key_indent else None
            elif indent < text_indent and (indent > key_indent or not _KEY_LINE.match(raw)):
                message = (
                    f"baris ini kurang menjorok: teks di bawah '{key}: |' harus diawali "
                    f"{text_indent} spasi, sama seperti baris pertamanya"
                )
                return message, number, indent + 1
            elif indent <= key_indent:
                block = None
        quoted = _QUOTED.match(raw)
        if quoted and quoted.group(3).strip() and not quoted.group(3).strip().startswith("#"):
            column = len(quoted.group(1)) + len(quoted.group(2)) + 2
            message = (
                'tanda kutip " di tengah teks yang diapit tanda kutip; apit teksnya dengan '
                "kutip tunggal, misalnya nama: 'Sistem \"Sepeda\" Baru', atau hapus kutip "
                "pembuka dan penutupnya"
            )
            return message, number, column
        opened = _BLOCK.match(raw)
        if opened:
            key = raw.strip().removeprefix("- ").split(":", 1)[0]
            block = (indent, None, key)
    return None


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if 0 < line <= len(lines) and 0 < column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


def _walk(node: Node, loc: Loc, doc: Document) -> Any:
    pos = Position(node.start_mark.line + 1, node.start_mark.column + 1)
    doc.values[loc] = pos
    if isinstance(node, ScalarNode):
        if not node.style and node.value in _NULL_WORDS:  # plain (unquoted) only
            return None
        return node.value
    if isinstance(node, SequenceNode):
        return [_walk(item, (*loc, i), doc) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_pos = Position(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem(
                    "kunci harus berupa teks biasa, bukan daftar atau peta",
                    key_pos.line,
                    key_pos.column,
                    code=Code.YAML_NOT_MAPPING,
                )
            key = key_node.value
            if key in result:
                first = doc.keys[(*loc, key)]
                raise YamlProblem(
                    f"kunci '{key}' ditulis dua kali (pertama di baris {first.line}); "
                    "hapus salah satunya",
                    key_pos.line,
                    key_pos.column,
                    ".".join(map(str, (*loc, key))),
                    Code.YAML_DUPLICATE_KEY,
                )
            doc.keys[(*loc, key)] = key_pos
            result[key] = _walk(value_node, (*loc, key), doc)
        return result
    raise YamlProblem("jenis node YAML tidak dikenal", pos.line, pos.column)  # pragma: no cover


_UNNAMED = {"Cc": "karakter kendali", "Cs": "surrogat", "Cn": "noncharacter"}


def _char_message(char: str) -> str:
    name = unicodedata.name(char, "") or _UNNAMED.get(unicodedata.category(char), "tanpa nama")
    return (
        f"karakter tak terlihat U+{ord(char):04X} ({name}) tidak boleh ada; hapus karakter itu "
        "(biasanya terbawa saat menyalin dari dokumen lain)"
    )


def _hidden_characters(doc: Document, text: str) -> list[YamlProblem]:
    """Every forbidden character: in decoded values (escapes such as "\\u202e" included),
    in keys, and in the raw text (comments)."""
    if "\\" not in text and _FORBIDDEN.search(text) is None:
        # a decoded value holds only the raw text's characters, or what an escape wrote
        # (tags are refused): without either there is nothing to find, and nothing to walk
        return []
    found: list[YamlProblem] = []
    starts = [0]
    for raw_line in text.split("\n"):
        starts.append(starts[-1] + len(raw_line) + 1)

    def exact(pos: Position, char: str, span: int) -> tuple[int, int]:
        """Where the raw character stands, when it is written raw (not as an escape)."""
        begin = starts[pos.line - 1] + pos.column - 1
        at = text.find(char, begin, begin + span + 2)
        return line_col(text, at) if at >= 0 else (pos.line, pos.column)

    def visit(value: Any, loc: Loc) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                hit = _FORBIDDEN.search(key)
                if hit is not None:
                    line, column = exact(doc.keys[(*loc, key)], hit[0], len(key) * 2)
                    found.append(
                        YamlProblem(
                            _char_message(hit[0]),
                            line,
                            column,
                            field_path((*loc, key)),
                            Code.YAML_HIDDEN_CHARACTER,
                        )
                    )
                visit(item, (*loc, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, (*loc, index))
        elif isinstance(value, str):
            for match in _FORBIDDEN.finditer(value):
                line, column = exact(doc.values[loc], match[0], len(value) * 2)
                found.append(
                    YamlProblem(
                        _char_message(match[0]),
                        line,
                        column,
                        field_path(loc),
                        Code.YAML_HIDDEN_CHARACTER,
                    )
                )

    visit(doc.data, ())
    if found:
        return found
    for match in _FORBIDDEN.finditer(text):
        line, column = line_col(text, match.start())
        found.append(
            YamlProblem(
                _char_message(match[0]), line, column, "(komentar)", Code.YAML_HIDDEN_CHARACTER
            )
        )
    return found


def parse_yaml(text: str) -> Document:
    """Parse one YAML document strictly; raise :class:`YamlProblem` on anything refused."""
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        char = _char_at(text, line, column)
        found = _diagnose(text, line) if char != "\t" else None
        if found is not None:
            raise YamlProblem(found[0], found[1], found[2]) from None
        message = _translate(exc.problem, char)
        code = Code.YAML_TOO_BIG if "bersarang" in message else Code.YAML_SYNTAX
        raise YamlProblem(message, line, column, code=code) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(_translate(str(exc))) from None
    except RecursionError:
        raise YamlProblem(
            f"struktur bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
            code=Code.YAML_TOO_BIG,
        ) from None
    finally:
        if hasattr(loader, "dispose"):
            loader.dispose()
    doc = Document(data=None)
    if root is None:
        raise YamlProblem(
            "berkas kosong; isi berkas dengan pasangan 'kunci: nilai'",
            1,
            1,
            "(berkas)",
            Code.YAML_NOT_MAPPING,
        )
    data = _walk(root, (), doc)
    if not isinstance(data, dict):
        raise YamlProblem(
            "isi berkas harus berupa pasangan 'kunci: nilai' (peta), bukan daftar atau teks",
            1,
            1,
            code=Code.YAML_NOT_MAPPING,
        )
    result = Document(data=data, values=doc.values, keys=doc.keys)
    hidden = _hidden_characters(result, text)
    if hidden:
        hidden[0].problems = hidden
        raise hidden[0]
    return result


def _unreadable(message: str, code: Code = Code.FILE_UNREADABLE) -> YamlProblem:
    return YamlProblem(message, field="(berkas)", code=code)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file, not a symbolic link (which could point outside
    the repository), at most :data:`MAX_BYTES`; raises :class:`YamlProblem` otherwise."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            raise _unreadable(
                f"'{path.name}' adalah tautan simbolik (symlink), bukan berkas biasa; tautan "
                "bisa menunjuk ke luar repositori dan tidak dibaca. Hapus tautan itu (git rm) "
                "dan simpan isinya sebagai berkas biasa bernama sama",
                Code.SYMLINK,
            )
        if not stat.S_ISREG(info.st_mode):
            raise _unreadable(f"'{path.name}' bukan berkas biasa; ganti dengan berkas teks YAML")
        fd = os.open(
            path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        )
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise _unreadable(
            f"'{path.name}' tidak bisa dibaca: izin ditolak; beri izin baca (chmod a+r "
            f"{path.name}) lalu periksa lagi"
        ) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _unreadable(
            f"'{path.name}' tidak bisa dibaca ({reason}); pastikan berkasnya ada dan bisa "
            "dibuka, lalu periksa lagi"
        ) from None
    if len(raw) > MAX_BYTES:
        size = max(len(raw), info.st_size)
        raise YamlProblem(
            f"berkas terlalu besar ({size // 1024} KB, batas {MAX_BYTES // 1024} KB); "
            "pindahkan lampiran ke berkas PDF terpisah",
            field="(berkas)",
            code=Code.YAML_TOO_BIG,
        )
    return raw


def read_yaml(path: Path) -> tuple[Document, str]:
    """Read and parse a file; return the document and its (NFC) text for later scanning."""
    raw = _read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = line_col(prefix, len(prefix))
        raise YamlProblem(
            "berkas bukan UTF-8; simpan ulang berkas dengan pengodean UTF-8",
            line,
            column,
            "(berkas)",
            Code.YAML_ENCODING,
        ) from None
    text = text.replace("\r\n", "\n")
    return parse_yaml(text), unicodedata.normalize("NFC", text)
