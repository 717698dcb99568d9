"""``sepeda review``'s reading of an evidence document: a PDF's title and number, and the
kind of document a title names, to warn when it does not fit its indicator."""

from __future__ import annotations

import io
import re
from pathlib import Path

PDF_READ_LIMIT = 20 * 1024 * 1024
"""Larger PDFs are not opened for their title (the media rules refuse them anyway)."""

DOCUMENT_KINDS: dict[str, tuple[str, ...]] = {
    "surat edaran": ("surat edaran",),
    "keputusan": ("keputusan", "sk "),
    "peraturan": ("peraturan", "perbup", "perda"),
    "laporan": ("laporan",),
    "linimasa": ("linimasa", "timeline", "jadwal"),
    "notulen": ("notulen", "notula"),
    "daftar hadir": ("daftar hadir",),
}
"""A document's kind, from the words its title starts with; an evidence whose kind is not
among the words of its indicator (name, parameters, expected evidence) is a warning."""


def pdf_facts(path: Path) -> tuple[str | None, str | None]:
    """A PDF's title (the first heading lines of its first page, else its metadata title)
    and its number (``Nomor ...``), when it has them; never raises."""
    try:
        if not path.is_file() or path.stat().st_size > PDF_READ_LIMIT:
            return None, None
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(path.read_bytes()))
        text = reader.pages[0].extract_text() if reader.pages else ""
        meta = reader.metadata.title if reader.metadata is not None else None
    except Exception:  # a broken PDF has its own finding; no title then
        return None, None
    lines = [" ".join(line.split()) for line in (text or "").splitlines()]
    lines = [line for line in lines if line][:12]
    number = None
    for line in lines:
        match = re.match(r"(?i)nomor\s*:?\s*(\S.{0,60})$", line)
        if match:
            number = match.group(1).strip()
            break
    heading = [line for line in lines if not re.match(r"(?i)nomor\b", line)][:3]
    title = " ".join(heading) or (str(meta) if meta else None)
    return (title[:160] if title else None), number


def document_kind(title: str) -> str | None:
    """The kind of document a title names (``surat edaran``, ``keputusan`` ...), if any."""
    folded = " " + " ".join(title.casefold().split()) + " "
    found = [
        (folded.find(word), kind)
        for kind, words in DOCUMENT_KINDS.items()
        for word in words
        if word in folded
    ]
    return min(found)[1] if found else None


def fits(kind: str, indicator_words: str) -> bool:
    folded = " " + " ".join(indicator_words.casefold().split()) + " "
    return any(word in folded for word in DOCUMENT_KINDS[kind])
