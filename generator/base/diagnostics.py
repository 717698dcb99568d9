"""Findings as data: what the checks report, and how it is printed.

A :class:`Finding` is one problem (or hint) at one place in one file. Every stage returns
findings instead of logging or raising, so that one run reports everything at once and the
same objects go to the terminal, to ``--format json``, to GitHub annotations and to tests.
This module owns the three output formats and the exit-code rule; it knows nothing of YAML
or pydantic.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum

from generator.base.codes import Code


class Severity(StrEnum):
    """How bad a finding is. Only errors stop a build."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at ``path:line:column`` in field ``field``, of kind ``code``.

    ``path`` is relative to the project root with forward slashes; ``line`` and ``column``
    are 1-based (0 when the finding concerns the whole file). ``message`` is Bahasa
    Indonesia and says what to write instead; ``code`` is stable (:mod:`generator.base.codes`).
    """

    path: str
    line: int
    column: int
    severity: Severity
    field: str
    message: str
    code: Code

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        return (
            f"{self.path}:{self.line}:{self.column}: {self.severity}: {field}{self.message}"
            f" [{self.code}]"
        )


def field_path(loc: Iterable[str | int]) -> str:
    """``('media', 0, 'berkas')`` → ``media[0].berkas``; the whole file is ``(berkas)``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(berkas)"


SPACE_MARK = "\u237d"
"""Stands for a space-like character in a message (``nama⍽``): shouldered open box, the
usual sign for a no-break space."""


def visible(text: str) -> str:
    """``text`` with every space-like character (ASCII space included) shown as ``⍽``, so
    that a key or choice with a stray no-break space is seen in a message."""
    return "".join(SPACE_MARK if char.isspace() else char for char in text)


def unusual_characters(text: str) -> str:
    """The characters of ``text`` outside printable ASCII, named (``U+00A0 NO-BREAK SPACE``),
    each once, joined with ', '; empty when there are none."""
    named = dict.fromkeys(
        f"U+{ord(c):04X} {unicodedata.name(c, 'tanpa nama')}" for c in text if not " " < c <= "~"
    )
    return ", ".join(named)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset`` in ``text``."""
    if not 0 <= offset <= len(text):
        raise ValueError(f"offset {offset} is outside the text (length {len(text)})")
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Sort by file and position (stable within a position), dropping exact duplicates."""
    unique = list(dict.fromkeys(findings))
    return sorted(unique, key=lambda f: (f.path, f.line, f.column))


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding is an error."""
    return any(f.severity is Severity.ERROR for f in findings)


def summary_line(findings: Sequence[Finding]) -> str:
    """A closing line such as ``2 galat, 1 peringatan di 2 berkas.``"""
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    files = len({f.path for f in findings if f.severity is not Severity.INFO})
    if not errors and not warnings:
        return "Tidak ada galat. Katalog siap diterbitkan."
    return f"{errors} galat, {warnings} peringatan di {files} berkas."


def format_text(findings: Sequence[Finding]) -> str:
    """Compiler-style lines, one per finding."""
    return "".join(f"{f}\n" for f in findings)


def format_json(findings: Sequence[Finding]) -> str:
    """A JSON list of objects: path, line, column, severity, field, message, code."""
    rows = [asdict(f) | {"severity": str(f.severity), "code": str(f.code)} for f in findings]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github_escape(value: str, *, prop: bool) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands (``::error file=...,line=...::message``)."""
    lines = []
    for f in findings:
        props = [f"file={_github_escape(f.path, prop=True)}"]
        if f.line:
            props.append(f"line={f.line}")
        if f.column:
            props.append(f"col={f.column}")
        title = f"{f.code} {f.field}" if f.field else str(f.code)
        props.append(f"title={_github_escape(title, prop=True)}")
        text = _github_escape(f.message, prop=False)
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{text}\n")
    return "".join(lines)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}
