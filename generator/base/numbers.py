"""Small numeric helpers shared by scoring, projection and display (leaf module)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def ratio(part: int, whole: int) -> float | None:
    """``part / whole``, or ``None`` when ``whole`` is 0 (nothing to measure)."""
    return part / whole if whole else None


def round2(value: float) -> float:
    """Round half-up to 2 decimals, on the value as written (``2.675`` gives ``2.68``)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
