"""Time: front-matter date parsing, Vietnam time display, the build's notion of "now"."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta, timezone

from .errors import FieldError

VN_TZ = timezone(timedelta(hours=7), "ICT")

DATE_RE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[ T](?P<time>\d{2}:\d{2}(?::\d{2})?)(?P<offset>Z|[+-]\d{2}:?\d{2})?)?$"
)

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

FORMAT_HINT = "viết theo dạng 2024-10-05 hoặc 2024-10-05 08:30 (giờ Việt Nam), có thể thêm múi giờ như +07:00"


def parse_datetime(value: object) -> datetime:
    """Parse a front-matter date into an aware datetime; naive means Vietnam time (+07:00)."""
    if isinstance(value, datetime):
        return _in_range(value if value.tzinfo else value.replace(tzinfo=VN_TZ), value)
    if isinstance(value, date):
        return _in_range(datetime(value.year, value.month, value.day, tzinfo=VN_TZ), value)
    if not isinstance(value, str):
        raise FieldError(f"cần một ngày, nhận được {value!r}", FORMAT_HINT)
    match = DATE_RE.match(value.strip())
    if not match:
        raise FieldError(f"'{value}' không phải ngày giờ hợp lệ", FORMAT_HINT)
    text = match["date"] + "T" + (match["time"] or "00:00")
    offset = match["offset"]
    if offset:
        text += "+00:00" if offset == "Z" else offset
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise FieldError(f"'{value}' không phải ngày giờ có thật ({exc})", FORMAT_HINT) from exc
    return _in_range(parsed if parsed.tzinfo else parsed.replace(tzinfo=VN_TZ), value)


FIRST_YEAR, LAST_YEAR = 2000, 2100
"""Dates the column accepts: outside them a date is a typo (and 0001 or 9999 overflow in time zones)."""


def _in_range(moment: datetime, value: object) -> datetime:
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise FieldError(
            f"'{value}': năm {moment.year} nằm ngoài khoảng {FIRST_YEAR}–{LAST_YEAR}",
            "kiểm tra lại năm của ngày đăng, ví dụ: 2025-10-10 08:00",
        )
    return moment


def to_vn(moment: datetime) -> datetime:
    return moment.astimezone(VN_TZ)


def format_vn_datetime(moment: datetime) -> str:
    """'Thứ Hai, 03/10/2022 08:30' in Vietnam time."""
    local = to_vn(moment)
    return f"{WEEKDAYS[local.weekday()]}, {local:%d/%m/%Y %H:%M}"


def format_vn_date(moment: datetime) -> str:
    """'03/10/2022' in Vietnam time."""
    return f"{to_vn(moment):%d/%m/%Y}"


def build_now(environ: dict[str, str] | None = None) -> datetime:
    """The build's "now": SOURCE_DATE_EPOCH when set (reproducible builds), else the clock."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC).replace(microsecond=0)
