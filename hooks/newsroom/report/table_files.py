"""The report's tables as files: UTF-8 CSV with a BOM (Excel opens it right) and one XLSX workbook."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence

from .figures import Table


def table_csv(table: Table) -> bytes:
    """One table as CSV bytes, starting with the UTF-8 byte order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([row.label, row.total, row.in_window])
    return buffer.getvalue().encode("utf-8-sig")


def workbook_xlsx(tables: Sequence[Table]) -> bytes:
    """All tables in one workbook, one sheet per table (sheet names cut to Excel's 31 characters)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for table in tables:
        sheet = book.create_sheet(table.title[:31])
        sheet.append(list(table.headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([row.label, row.total, row.in_window])
        sheet.column_dimensions["A"].width = max(14, *(len(r.label) + 2 for r in table.rows)) if table.rows else 14
        sheet.column_dimensions["B"].width = 10
        sheet.column_dimensions["C"].width = 20
    buffer = io.BytesIO()
    book.save(buffer)
    return _reproducible(buffer.getvalue())


_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
_FIXED_TIME = b"2000-01-01T00:00:00Z"


def _reproducible(xlsx: bytes) -> bytes:
    """The same workbook bytes for the same tables: openpyxl stamps the wall clock into the zip
    entries and into docProps/core.xml; both are replaced by one fixed time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _CORE_TIMES.sub(lambda m: m.group(1) + _FIXED_TIME + m.group(2), data)
            entry = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    return out.getvalue()
