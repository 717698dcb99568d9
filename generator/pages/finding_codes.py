"""The guide's page of finding codes (``panduan/kode-temuan/``): what each code of
``sepeda check`` means and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.base import codes, urls
from generator.base.escape import Text, text
from generator.pages import parts as v
from generator.pages.context import Page, meta


@dataclass(frozen=True)
class CodeRow:
    """One finding code on the "Kode temuan" page."""

    code: Text
    anchor: Text
    title: Text
    fix: Text


@dataclass(frozen=True)
class CodeFamily:
    """A family of finding codes (one letter)."""

    title: Text
    rows: tuple[CodeRow, ...]


@dataclass(frozen=True)
class CodesView:
    """The guide's page of finding codes."""

    meta: v.Meta
    families: tuple[CodeFamily, ...]


def finding_codes_page() -> Page:
    families = []
    for letter, title in codes.FAMILIES.items():
        rows = tuple(
            CodeRow(text(code), text(code.lower()), text(doc.title), text(doc.fix))
            for code, doc in codes.EXPLAINED.items()
            if code.startswith(letter)
        )
        families.append(CodeFamily(text(title), rows))
    page_meta = meta(
        "Kode temuan",
        "Arti setiap kode temuan sepeda check dan cara memperbaikinya.",
    )
    return Page(urls.CODES, "codes.html.j2", CodesView(page_meta, tuple(families)))
