"""One cell's value as a sheet writes it → a typed value, or FieldError saying what to write (Vietnamese).

Dates are day-first (10/10/2025, an Excel date), ages are numbers (never a birth date), consent is
"Có"/"Không" in any case or tone marks, several values share a cell one per line or split by ';'.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit

from ..content.errors import FieldError
from ..content.text import fold_key
from .sheet import Cell, text_of

SEPARATOR_RE = re.compile(r"\s*(?:\n|;)\s*")
"""Several values in one cell: one per line (Alt+Enter in Excel) or separated by ';'."""
DATE_RE = re.compile(
    r"^(?:(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})|(?P<Y>\d{4})-(?P<M>\d{1,2})-(?P<D>\d{1,2}))"
    r"(?:[ T,]+(?P<h>\d{1,2})\s*(?:h|:|giờ)\s*(?P<min>\d{2})?)?$"
)
AGE_RE = re.compile(r"^(?P<age>\d{1,3})(?:[.,]0+)?\s*(?:tuổi)?$")
YES = frozenset({"co", "x", "dong-y", "da-dong-y", "yes", "y", "true", "1", "roi", "da-co", "co-dong-y", "ok"})
NO = frozenset({"", "khong", "no", "n", "false", "0", "chua", "chua-co", "khong-dong-y"})
AGE_RANGE = (5, 100)


def split_values(text: str) -> list[str]:
    """A cell's several values (one per line or ';'-separated), empty ones dropped."""
    return [part for part in SEPARATOR_RE.split(text.strip()) if part]


def parse_day(cell: Cell) -> datetime:
    """A date cell: an Excel date, 10/10/2025, 2025-10-10, optionally with a time (8h30, 08:30)."""
    if isinstance(cell, datetime):
        return cell
    if isinstance(cell, date):
        return datetime(cell.year, cell.month, cell.day)
    text = text_of(cell)
    match = DATE_RE.match(text)
    if not match:
        raise FieldError(f"'{text}' không phải ngày", "ghi ngày dạng 10/10/2025 (ngày/tháng/năm)")
    year, month, day = (int(match["y"]), int(match["m"]), int(match["d"])) if match["y"] else (
        int(match["Y"]), int(match["M"]), int(match["D"]))
    try:
        moment = datetime(year, month, day, int(match["h"] or 0), int(match["min"] or 0))
    except ValueError as exc:
        raise FieldError(f"'{text}' không phải ngày có thật", "ghi ngày dạng 10/10/2025 (ngày/tháng/năm)") from exc
    if not 2000 <= moment.year <= 2100:
        raise FieldError(f"năm {moment.year} nằm ngoài khoảng 2000–2100", "kiểm tra lại năm")
    return moment


def parse_year(cell: Cell) -> int:
    text = text_of(cell)
    if not re.fullmatch(r"\d{4}", text) or not 2000 <= int(text) <= 2100:
        raise FieldError(f"'{text}' không phải năm", "ghi năm bằng 4 chữ số, ví dụ 2025")
    return int(text)


def parse_age(value: str | Cell) -> int:
    if isinstance(value, (datetime, date)):
        raise FieldError("ô tuổi ghi một ngày", "ghi tuổi (số), không ghi ngày sinh: chuyên mục không đăng ngày sinh")
    text = text_of(value)
    match = AGE_RE.match(text)
    if not match:
        if DATE_RE.match(text):
            raise FieldError(f"'{text}' là ngày sinh", "ghi tuổi (số), không ghi ngày sinh: chuyên mục không đăng ngày sinh")
        raise FieldError(f"'{text}' không phải tuổi", "ghi tuổi bằng số, ví dụ 17")
    age = int(match["age"])
    if not AGE_RANGE[0] <= age <= AGE_RANGE[1]:
        raise FieldError(f"tuổi {age} không hợp lý", f"tuổi là số nguyên từ {AGE_RANGE[0]} đến {AGE_RANGE[1]}")
    return age


def parse_consent(text: str) -> bool:
    folded = fold_key(text)
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise FieldError(f"'{text}' không rõ là có hay không", "ghi Có khi đã có văn bản đồng ý của phụ huynh, để trống nếu chưa có")


def parse_links(text: str) -> list[str]:
    urls = split_values(text)
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FieldError(f"'{url}' không phải địa chỉ http/https", "ví dụ: https://tainangviet.vn/")
    return urls
