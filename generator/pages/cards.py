"""Link-preview pictures (WhatsApp, Facebook, X) for innovations without a photo: a small
PNG card with the innovation's name and agency, so a shared link shows what it is about
instead of the site's one picture. Link previews take raster pictures only, so the SVG
cover cannot serve. Deterministic: the same text gives the same bytes (the font is the one
inside Pillow)."""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

SIZE = (600, 315)
"""The smallest size the large preview card of the common platforms takes (1.91:1)."""
MARGIN = 32
BACKGROUND = (0, 77, 64)
FOREGROUND = (255, 255, 255)
MUTED = (200, 230, 225)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _lines(text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def preview_card(name: str, agency: str, site: str) -> bytes:
    """The PNG card: the name (at most four lines), the agency, the catalogue's name."""
    image = Image.new("P", SIZE, 0)
    image.putpalette([*BACKGROUND, *FOREGROUND, *MUTED])
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    title = _font(30)
    lines = _lines(name, title, width)
    if len(lines) > 4:
        lines = [*lines[:3], lines[3] + " …"]
    draw.multiline_text((MARGIN, MARGIN + 20), "\n".join(lines), font=title, fill=1, spacing=8)
    small = _font(18)
    draw.text((MARGIN, SIZE[1] - MARGIN - 52), _lines(agency, small, width)[0], font=small, fill=1)
    draw.text((MARGIN, SIZE[1] - MARGIN - 24), _lines(site, small, width)[0], font=small, fill=2)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False)
    return out.getvalue()
