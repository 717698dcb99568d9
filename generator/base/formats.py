"""Indonesian display formats for dates and numbers (fixed tables, never the locale).

Presentation leaf: every function returns :class:`~generator.base.escape.Text`, so its result can
be printed by a template or placed in a view like any other escaped value.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from generator.base.escape import Text, text
from generator.base.numbers import round2

_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def tanggal(value: date) -> Text:
    """A date in Indonesian, e.g. ``26 Januari 2021``."""
    return text(f"{value.day} {_MONTHS[value.month - 1]} {value.year}")


def _thousands(whole: str) -> str:
    return f"{int(whole):,}".replace(",", ".")


def angka(value: Decimal | int | float) -> Text:
    """A number in Indonesian notation: ``1.500``, ``12,5``."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return text(_thousands(str(int(number))))
    whole, _, frac = f"{number:f}".partition(".")
    return text(_thousands(whole) + "," + frac.rstrip("0"))


def desimal(value: float) -> Text:
    """A score with two decimals in Indonesian notation: ``35,07`` (half-up rounding)."""
    whole, _, frac = f"{round2(value):.2f}".partition(".")
    return text(_thousands(whole) + "," + frac)
