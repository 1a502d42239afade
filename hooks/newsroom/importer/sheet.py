"""Reading the sheet: a CSV or XLSX file → its header row and data rows, numbered as the editor sees them.

Row numbers are the spreadsheet's: the header is row 1 when it is the first row, and a CSV record is
counted as one row even when a cell holds several lines (members one per line), as Excel shows it.
Any file that cannot be read raises `SheetError` with a Vietnamese message, never a traceback.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from ..content.text import nfc, strip_control

Cell = str | int | float | bool | date | datetime | None
MAX_BYTES = 50_000_000
"""A provincial submission sheet is kilobytes; anything this big is the wrong file."""
MAX_ROWS = 20_000
MAX_UNPACKED = 200_000_000
"""An XLSX is a zip: its unpacked size is checked before openpyxl reads it (a zip bomb is refused)."""
SHEET_NAMES = ("Sáng kiến", "Sang kien")
"""The data sheet of the template; other workbooks are read from their first sheet."""


class SheetError(Exception):
    """The file as a whole cannot be read: missing, not a spreadsheet, corrupt, wrong encoding."""


@dataclass(frozen=True)
class Row:
    number: int
    cells: tuple[Cell, ...]

    def is_empty(self) -> bool:
        return all(text_of(cell) == "" for cell in self.cells)


@dataclass(frozen=True)
class Sheet:
    name: str
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[Row, ...]


def text_of(cell: Cell) -> str:
    """A cell as text: NFC, control characters dropped, ends trimmed (inner newlines kept)."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "có" if cell else "không"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return f"{cell:%d/%m/%Y}" if cell.time() == time() else f"{cell:%d/%m/%Y %H:%M}"
    if isinstance(cell, date):
        return f"{cell:%d/%m/%Y}"
    text = nfc(str(cell)).replace("\r\n", "\n").replace("\r", "\n")
    return strip_control(text).strip()


def read_sheet(path: Path) -> Sheet:
    """The sheet's rows; the first non-empty row is the header."""
    if not path.exists():
        raise SheetError(f"không tìm thấy tệp '{path}'")
    if not path.is_file():
        raise SheetError(f"'{path}' không phải một tệp")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SheetError(f"tệp '{path.name}' dài {size // 1_000_000} MB, quá lớn cho một bảng sáng kiến")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        name, rows = path.name, _csv_rows(path)
    elif suffix in (".xlsx", ".xlsm"):
        name, rows = _xlsx_rows(path)
    elif suffix == ".xls":
        raise SheetError("tệp .xls (Excel 97–2003) không đọc được; trong Excel chọn Lưu thành (Save As) → Excel Workbook (.xlsx)")
    else:
        raise SheetError(f"'{path.name}' không phải bảng tính CSV hoặc XLSX; gửi tệp .csv hoặc .xlsx")
    for index, row in enumerate(rows):
        if not row.is_empty():
            headers = tuple(text_of(cell) for cell in row.cells)
            return Sheet(name, row.number, headers, tuple(rows[index + 1 :]))
    raise SheetError(f"tệp '{path.name}' không có dữ liệu (không có dòng tiêu đề)")


def _csv_rows(path: Path) -> list[Row]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SheetError(f"không đọc được tệp '{path.name}' ({exc.strerror or exc.__class__.__name__})") from exc
    encoding = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"  # utf-16: Excel's "Unicode Text"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SheetError(
            f"tệp '{path.name}' không phải UTF-8 (byte lạ ở vị trí {exc.start}): dấu tiếng Việt sẽ bị hỏng. "
            "Trong Excel chọn Lưu thành (Save As) → CSV UTF-8 (Comma delimited), hoặc gửi tệp .xlsx"
        ) from exc
    if "\x00" in text:
        raise SheetError(f"tệp '{path.name}' không phải văn bản CSV (có byte 0); gửi tệp .csv hoặc .xlsx")
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise SheetError(f"tệp '{path.name}' không đọc được như CSV ({exc})") from exc
    if len(records) > MAX_ROWS:
        raise SheetError(f"tệp có {len(records)} dòng, tối đa {MAX_ROWS}; chia thành nhiều tệp")
    return [Row(number, tuple(record)) for number, record in enumerate(records, start=1)]


def _xlsx_rows(path: Path) -> tuple[str, list[Row]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        unpacked = 0  # openpyxl says below what is wrong with the file
    if unpacked > MAX_UNPACKED:
        raise SheetError(f"tệp '{path.name}' giải nén ra {unpacked // 1_000_000} MB, quá lớn cho một bảng sáng kiến")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError, IndexError, EOFError) as exc:
        raise SheetError(
            f"tệp '{path.name}' không mở được như tệp Excel (.xlsx) ({exc.__class__.__name__}); "
            "tệp có thể bị hỏng hoặc chưa tải về hết: mở lại bằng Excel và lưu thành .xlsx"
        ) from exc
    try:
        sheet = next((book[name] for name in SHEET_NAMES if name in book.sheetnames), book.worksheets[0])
        rows: list[Row] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise SheetError(f"trang tính có hơn {MAX_ROWS} dòng; chia thành nhiều tệp")
            rows.append(Row(number, tuple(_cell(v) for v in values)))
        return str(sheet.title), rows
    except SheetError:
        raise
    except Exception as exc:  # a workbook that opens but whose sheet XML is broken
        raise SheetError(f"tệp '{path.name}' bị hỏng, không đọc được trang tính ({exc.__class__.__name__})") from exc
    finally:
        book.close()


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, (str, int, float, bool, date, datetime)):
        return value
    return str(value)  # a time, a formula error: shown as text
