"""Generated SVG graphics: innovation covers and the per-year results chart.

A record without a photo gets a cover drawn from its own data (name, acronym, urusan,
agency) in the colour of its urusan, never a stock or invented photo. Charts are static SVG
so they cost no script on slow phones. All text is XML-escaped by
:func:`generator.base.escape.svg_text`; output is deterministic.
"""

from __future__ import annotations

import colorsys
import textwrap
from decimal import Decimal

from generator.base.escape import Html, svg_text, trusted_html
from generator.base.formats import angka

NEUTRAL = "#4a5568"


def urusan_colour(nomor: int | None) -> str:
    """A dark, saturated colour per urusan number (white text stays readable on it)."""
    if nomor is None:
        return NEUTRAL
    hue = ((nomor * 47) % 360) / 360
    red, green, blue = colorsys.hls_to_rgb(hue, 0.30, 0.55)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


def cover_svg(nama: str, singkatan: str | None, urusan: str | None, opd: str, colour: str) -> Html:
    """A 1200x630 cover card with the innovation's own words on its urusan colour."""
    title = singkatan or nama
    title_lines = textwrap.wrap(title, 18)[:3]  # 88-unit bold text: 18 characters fit
    subtitle_lines = textwrap.wrap(nama, 48)[:2] if singkatan else []
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 630" width="1200" '
        f'height="630" role="img" aria-label="{svg_text(title)}">',
        f'<rect width="1200" height="630" fill="{colour}"/>',
        '<rect x="0" y="560" width="1200" height="70" fill="#000" fill-opacity="0.25"/>',
        '<g font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" fill="#fff">',
    ]
    y = 200
    for line in title_lines:
        parts.append(
            f'<text x="80" y="{y}" font-size="88" font-weight="700">{svg_text(line)}</text>'
        )
        y += 100
    for line in subtitle_lines:
        parts.append(
            f'<text x="80" y="{y}" font-size="36" fill-opacity="0.9">{svg_text(line)}</text>'
        )
        y += 46
    if urusan:
        parts.append(
            f'<text x="80" y="90" font-size="30" fill-opacity="0.85">{svg_text(urusan)}</text>'
        )
    parts.append(f'<text x="80" y="605" font-size="30">{svg_text(opd)}</text>')
    parts.append("</g></svg>")
    return trusted_html("\n".join(parts) + "\n")


def bar_chart_svg(points: list[tuple[int, Decimal]], satuan: str, colour: str) -> Html:
    """A vertical bar chart of one value per year, labelled, scaled to the maximum.

    Drawn 300 units wide with 13-unit text, so the labels stay at least 12 pixels high on a
    360-pixel phone; wider screens cap its size by CSS.
    """
    width, height, left, bottom, top = 300, 190, 10, 28, 24
    count = max(len(points), 1)
    slot = (width - left * 2) / count
    peak = max((value for _, value in points), default=Decimal(0)) or Decimal(1)
    label = svg_text(f"Capaian per tahun ({satuan})")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="kt-grafik" role="img" aria-label="{label}">',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}" '
        'stroke="currentColor" stroke-opacity="0.4"/>',
    ]
    for index, (year, value) in enumerate(points):
        bar_height = float(value / peak) * (height - bottom - top - 20) if value > 0 else 0
        x = left + index * slot + slot * 0.15
        y = height - bottom - bar_height
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{bar_height:.1f}" '
            f'fill="{colour}"/>'
        )
        centre = x + slot * 0.35
        parts.append(
            f'<text x="{centre:.1f}" y="{y - 6:.1f}" text-anchor="middle" font-size="13" '
            f'fill="currentColor">{svg_text(angka(value).unescape())}</text>'
        )
        parts.append(
            f'<text x="{centre:.1f}" y="{height - bottom + 18}" text-anchor="middle" '
            f'font-size="13" fill="currentColor">{year}</text>'
        )
    parts.append("</svg>")
    return trusted_html("".join(parts))


def hbar_chart_svg(rows: list[tuple[str, int]], label: str, colour: str) -> Html:
    """Horizontal bars, one per row: its label above, its count at the bar's end.

    Drawn 320 units wide with 13-unit text, so that on a 360-pixel phone (about 328 pixels
    of content) the text stays at least 12 pixels high; wider screens cap it by CSS.
    """
    width, row_height, top = 320, 38, 6
    height = top + row_height * max(len(rows), 1)
    peak = max((count for _, count in rows), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="kt-grafik-batang" role="img" aria-label="{svg_text(label)}">',
    ]
    for index, (name, count) in enumerate(rows):
        y = top + index * row_height
        shown = name if len(name) <= 44 else name[:43] + "…"
        bar = max(2.0, (width - 48) * count / peak) if count else 0.0
        parts.append(
            f'<text x="0" y="{y + 12}" font-size="13" fill="currentColor">{svg_text(shown)}</text>'
        )
        parts.append(
            f'<rect x="0" y="{y + 17}" width="{bar:.1f}" height="14" rx="2" fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{bar + 6:.1f}" y="{y + 29}" font-size="13" fill="currentColor">'
            f"{svg_text(angka(count).unescape())}</text>"
        )
    parts.append("</svg>")
    return trusted_html("".join(parts))
