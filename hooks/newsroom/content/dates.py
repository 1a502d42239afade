"""Time: front-matter date parsing, Vietnam time display, the build's notion of "now"."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from .vn_dates import VN_TZ, read_date

__all__ = ["VN_TZ", "build_now", "format_vn_date", "format_vn_datetime", "parse_datetime", "to_vn"]

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def parse_datetime(value: object) -> datetime:
    """Parse a front-matter date into an aware datetime; naive means Vietnam time (+07:00).

    The forms accepted (day first, 8h30...) are `vn_dates.read_date`'s."""
    return read_date(value).moment


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
