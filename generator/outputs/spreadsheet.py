"""``inovasi.xlsx``: the open data as a workbook that opens in any Excel locale.

Written with openpyxl, then made reproducible: the document dates are the date of the
data (from Git, else a fixed epoch), and the archive is re-packed with fixed timestamps and
a fixed order, so the same catalogue gives byte-identical files. Cells hold plain values
(numbers as numbers); text that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
``@`` first) is stored as text, never as a formula.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING

_EPOCH = datetime(2020, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

Sheet = tuple[str, Sequence[str], Sequence[dict[str, Any]]]


def workbook(sheets: Sequence[Sheet], data_date: date | None) -> bytes:
    """One worksheet per ``(title, columns, rows)``, header row frozen and filterable."""
    book = Workbook()
    book.remove(book.active)
    for title, columns, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(list(columns))
        for row in rows:
            sheet.append([row.get(column, "") for column in columns])
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING  # "=1+1" stays text, never a formula
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    when = datetime(data_date.year, data_date.month, data_date.day) if data_date else _EPOCH
    book.properties.created = when
    book.properties.modified = when
    book.properties.creator = "sepeda (Katalog Inovasi Daerah)"
    raw = io.BytesIO()
    book.save(raw)
    return _repack(raw.getvalue(), when)


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _repack(data: bytes, when: datetime) -> bytes:
    """The same archive with fixed entry times and order (openpyxl stamps the clock, also
    into the document's "modified" date, which becomes the date of the data)."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in sorted(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            content = source.read(name)
            if name == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            target.writestr(info, content)
    return out.getvalue()
