"""The facets a reader browses and filters by: urusan, tahapan, jenis, bentuk, TPB, year.

One definition serves the browse pages (``jelajah/<facet>/<value>/``), the statistics, and
the search filters (``data-pagefind-filter``), so a count on one page is the count on the
others. A record without a value (a news record not yet classified) is counted under
:data:`UNSET`, never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from generator.base import vocab
from generator.catalogue.records import Catalogue, Innovation

UNSET = ("belum-diisi", "Belum diisi")
"""The value of a record that leaves a single-valued facet empty."""


@dataclass(frozen=True)
class Facet:
    """One way of grouping innovations.

    ``key`` is the URL part and the search filter name; ``values`` gives one record's
    values as (slug, label) pairs, in display order.
    """

    key: str
    label: str
    values: Callable[[Innovation, Catalogue], tuple[tuple[str, str], ...]]
    multiple: bool = False


def _one(value: str | None, labels: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return ((value, labels[value]),) if value else (UNSET,)


def _urusan(innovation: Innovation, catalogue: Catalogue) -> tuple[tuple[str, str], ...]:
    urusan = innovation.data.urusan
    if urusan is None:
        return (UNSET,)
    return ((urusan.utama, catalogue.reference.urusan[urusan.utama].nama),)


def _tpb(innovation: Innovation, _: Catalogue) -> tuple[tuple[str, str], ...]:
    return tuple((str(n), f"TPB {n}: {vocab.TPB[n]}") for n in sorted(innovation.data.tpb))


def _years(innovation: Innovation, _: Catalogue) -> tuple[tuple[str, str], ...]:
    years = sorted(innovation.data.tahun_laporan)
    return (
        tuple((str(y), str(y)) for y in years) if years else (("belum-diisi", "Belum dilaporkan"),)
    )


FACETS: tuple[Facet, ...] = (
    Facet("urusan", "Urusan", _urusan),
    Facet("tahapan", "Tahapan", lambda i, _: _one(i.data.tahapan, vocab.TAHAPAN)),
    Facet("jenis", "Jenis", lambda i, _: _one(i.data.jenis, vocab.JENIS_INOVASI)),
    Facet("bentuk", "Bentuk", lambda i, _: _one(i.data.bentuk, vocab.BENTUK)),
    Facet("tpb", "TPB", _tpb, multiple=True),
    Facet("tahun", "Tahun laporan", _years, multiple=True),
)
"""Every browse facet, in menu order."""


def by_key(key: str) -> Facet:
    """The facet named ``key``."""
    return next(f for f in FACETS if f.key == key)


def grouped(catalogue: Catalogue, facet: Facet) -> list[tuple[tuple[str, str], list[Innovation]]]:
    """A facet's values that have innovations, in display order, each with its records."""
    groups: dict[tuple[str, str], list[Innovation]] = defaultdict(list)
    for innovation in catalogue.innovations:
        for value in facet.values(innovation, catalogue):
            groups[value].append(innovation)
    order = _value_order(catalogue, facet)
    return sorted(groups.items(), key=lambda item: (order(item[0][0]), item[0][1]))


def _value_order(catalogue: Catalogue, facet: Facet) -> Callable[[str], tuple[int, int]]:
    known: dict[str, list[str]] = {
        "urusan": list(catalogue.reference.urusan),
        "tahapan": list(vocab.TAHAPAN),
        "jenis": list(vocab.JENIS_INOVASI),
        "bentuk": list(vocab.BENTUK),
    }

    def order(value: str) -> tuple[int, int]:
        if value == UNSET[0]:  # last, whatever its label
            return (2, 0)
        if facet.key == "tahun":
            return (0, -int(value))  # newest year first
        if facet.key == "tpb":
            return (0, int(value))
        return (0, known[facet.key].index(value))

    return order
