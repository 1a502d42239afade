"""Dates as Vietnamese editors write them: day first, hours as "8h30" or "8 giờ 30".

`read_date` accepts the canonical form (2025-10-03 08:30, ISO with an optional offset) and the
forms an editor types (03/10/2025, 3/10/2025 8h30, 3.10.2025 8 giờ 30, 2025-10-3 08:30) and says
which canonical text it understood, so `check` can print a notice and `check --fix` can write it.
A slash date is always day/month/year: 10/13/2025 is refused, with the editor's own value
rewritten (13/10/2025) as the hint. Every message is Vietnamese, never the datetime module's.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from .errors import FieldError
from .notices import Understood
from .paste import strip_invisible
from .text import nfc

VN_TZ = timezone(timedelta(hours=7), "ICT")
FIRST_YEAR, LAST_YEAR = 2000, 2100
"""Dates the column accepts: outside them a date is a typo (and 0001 or 9999 overflow in time zones)."""

FORMAT_HINT = (
    "ghi ngày/tháng/năm như 05/10/2024 hoặc 05/10/2024 8h30 (giờ Việt Nam); "
    "dạng 2024-10-05 08:30 cũng được, có thể thêm múi giờ như +07:00"
)

CANONICAL_RE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[ T](?P<time>\d{2}:\d{2}(?::\d{2})?)(?P<offset>Z|[+-]\d{2}:?\d{2})?)?$"
)
"""What the templates write and `--fix` writes back: no notice for it."""

_ISO = r"(?P<Y>\d{4})(?P<isep>[-/])(?P<M>\d{1,2})(?P=isep)(?P<D>\d{1,2})"
_DAY_FIRST = r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"
_TIME = (
    r"(?P<h>\d{1,2})\s*(?:"
    r":(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"|(?:h|g|giờ)\s*(?:(?P<mi2>\d{1,2})\s*(?:p|ph|phút)?)?"
    r")"
)
_OFFSET = r"(?P<offset>Z|[+-]\d{2}:?\d{2})"
DATE_TEXT_RE = re.compile(
    rf"^(?:ngày\s+)?(?:{_ISO}|{_DAY_FIRST})"
    rf"(?:(?:\s*[T,]\s*|\s+)(?:lúc\s+)?{_TIME}{_OFFSET}?)?$",
    re.IGNORECASE,
)
TIME_FIRST_RE = re.compile(rf"^(?:lúc\s+)?{_TIME}\s*(?:,\s*|\s+)(?:ngày\s+)?(?P<rest>.+)$", re.IGNORECASE)
"""'8h30 ngày 3/10/2025': the time before the date, as a press release writes it."""


@dataclass(frozen=True)
class DateReading:
    moment: datetime
    canonical: str | None
    """The canonical text when the editor wrote another form (for the notice and `--fix`), else None."""


def read_date(value: object) -> DateReading:
    """A front-matter date as an aware datetime (naive means Vietnam time, +07:00); raise FieldError."""
    if isinstance(value, datetime):
        return DateReading(_in_range(value if value.tzinfo else value.replace(tzinfo=VN_TZ), value), None)
    if isinstance(value, date):
        return DateReading(_in_range(datetime(value.year, value.month, value.day, tzinfo=VN_TZ), value), None)
    if not isinstance(value, str):
        raise FieldError(f"cần một ngày, nhận được {value!r}", FORMAT_HINT)
    text = " ".join(strip_invisible(nfc(value)).split())
    if not text:
        raise FieldError("chưa ghi ngày", FORMAT_HINT)
    match, time_text = _match(text)
    if match is None:
        raise FieldError(f"'{text}' không phải ngày giờ hợp lệ", FORMAT_HINT)
    day_first = match["d"] is not None
    year = int(match["y"] or match["Y"])
    month = int(match["m"] or match["M"])
    day = int(match["d"] or match["D"])
    times = time_text if time_text is not None else match
    has_time = times["h"] is not None
    hour = int(times["h"] or 0)
    minute = int(times["mi"] or times["mi2"] or 0)
    second = int(times["s"]) if times["s"] else None
    offset_text = match["offset"]
    _check_day(text, match, day_first, year, month, day)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _out_of_range(text, year)
    _check_time(text, hour, minute, second or 0)
    zone = _offset(text, offset_text) if offset_text else VN_TZ
    moment = _in_range(datetime(year, month, day, hour, minute, second or 0, tzinfo=zone), text)
    if CANONICAL_RE.match(text):
        return DateReading(moment, None)
    canonical = f"{year:04d}-{month:02d}-{day:02d}"
    if has_time:
        canonical += f" {hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
        if offset_text:
            canonical += "+00:00" if offset_text.upper() == "Z" else _colon(offset_text)
    return DateReading(moment, canonical)


def _match(text: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The date match, and the time match when the time came first."""
    match = DATE_TEXT_RE.match(text)
    if match is not None:
        return match, None
    first = TIME_FIRST_RE.match(text)
    if first is not None:
        rest = DATE_TEXT_RE.match(first["rest"])
        if rest is not None and rest["h"] is None:
            return rest, first
    return None, None


def _check_day(text: str, match: re.Match[str], day_first: bool, year: int, month: int, day: int) -> None:
    if not 1 <= month <= 12:
        order = "ngày/tháng/năm" if day_first else "năm-tháng-ngày"
        hint = FORMAT_HINT
        if 1 <= day <= 12 and 1 <= month <= 31:
            hint = f"có phải ý bạn là {_swapped(text, match, day_first)}?"
            hint += " (ngày viết trước, tháng viết sau)" if day_first else ""
        raise FieldError(f"'{text}': không có tháng {month} ({order}, tháng từ 1 đến 12)", hint)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return  # _in_range says it, with its own hint
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise FieldError(
            f"'{text}' không phải ngày có thật: tháng {month} năm {year} chỉ có {last} ngày",
            "kiểm tra lại ngày, ví dụ: " + (f"{last:02d}/{month:02d}/{year}" if day_first else f"{year}-{month:02d}-{last:02d}"),
        )


def _swapped(text: str, match: re.Match[str], day_first: bool) -> str:
    """The editor's own text with day and month exchanged."""
    if day_first:
        start, end = match.start("d"), match.end("m")
        swapped = f"{match['m']}{match['sep']}{match['d']}"
    else:
        start, end = match.start("M"), match.end("D")
        swapped = f"{match['D']}{match['isep']}{match['M']}"
    return text[:start] + swapped + text[end:]


def _check_time(text: str, hour: int, minute: int, second: int) -> None:
    if hour > 23:
        raise FieldError(f"'{text}': không có {hour} giờ (giờ từ 0 đến 23)", "ví dụ: 20h30 cho 8 giờ 30 tối")
    if minute > 59 or second > 59:
        raise FieldError(f"'{text}': phút và giây từ 00 đến 59", "ví dụ: 8h30 hoặc 08:30")


def _offset(text: str, offset: str) -> timezone:
    if offset.upper() == "Z":
        return UTC
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise FieldError(f"'{text}': múi giờ '{offset}' không có thật", "bỏ múi giờ (nghĩa là giờ Việt Nam) hoặc ghi +07:00")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _colon(offset: str) -> str:
    digits = offset[1:].replace(":", "")
    return f"{offset[0]}{digits[:2]}:{digits[2:]}"


def _in_range(moment: datetime, value: object) -> datetime:
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise _out_of_range(value, moment.year)
    return moment


def _out_of_range(value: object, year: int) -> FieldError:
    return FieldError(
        f"'{value}': năm {year} nằm ngoài khoảng {FIRST_YEAR}–{LAST_YEAR}",
        "kiểm tra lại năm của ngày đăng, ví dụ: 10/10/2025 08:00",
    )


def describe(moment: datetime) -> str:
    """'3/10/2025 08:30 giờ Việt Nam' for a notice, in Vietnam time."""
    local = moment.astimezone(VN_TZ)
    return f"ngày {local.day}/{local.month}/{local.year} lúc {local:%H:%M} giờ Việt Nam"


def date_value(value: object) -> datetime | Understood:
    """The schema's date parser: the moment, wrapped in `Understood` when written another way."""
    reading = read_date(value)
    if reading.canonical is None:
        return reading.moment
    return Understood(reading.moment, reading.canonical, describe(reading.moment))
