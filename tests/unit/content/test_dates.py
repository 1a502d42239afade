"""Front-matter dates, Vietnam time display and the build's "now"."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from newsroom.content.dates import build_now, format_vn_date, format_vn_datetime, parse_datetime, to_vn
from newsroom.content.errors import FieldError

VN = timezone(timedelta(hours=7))
UTC = UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-05", datetime(2024, 10, 5, 0, 0, tzinfo=VN)),
        ("2024-10-05 08:30", datetime(2024, 10, 5, 8, 30, tzinfo=VN)),
        ("2024-10-05T08:30", datetime(2024, 10, 5, 8, 30, tzinfo=VN)),
        ("2024-10-05 08:30:15", datetime(2024, 10, 5, 8, 30, 15, tzinfo=VN)),
        ("  2024-10-05 08:30  ", datetime(2024, 10, 5, 8, 30, tzinfo=VN)),
    ],
)
def test_dates_naive_is_vietnam_time(text: str, expected: datetime) -> None:
    parsed = parse_datetime(text)

    assert parsed == expected
    assert parsed.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("2024-10-05 01:30+00:00", timedelta(0)),
        ("2024-10-05 01:30Z", timedelta(0)),
        ("2024-10-05T01:30:00Z", timedelta(0)),
        ("2024-10-04 20:30-05:00", timedelta(hours=-5)),
        ("2024-10-05 10:30+09:00", timedelta(hours=9)),
        ("2024-10-05 08:30+07:00", timedelta(hours=7)),
        ("2024-10-05 08:30+0700", timedelta(hours=7)),
    ],
)
def test_dates_explicit_offset_is_the_same_instant(text: str, offset: timedelta) -> None:
    parsed = parse_datetime(text)

    assert parsed == datetime(2024, 10, 5, 8, 30, tzinfo=VN)  # same instant
    assert parsed.utcoffset() == offset  # exact offset kept for feeds
    assert to_vn(parsed) == datetime(2024, 10, 5, 8, 30, tzinfo=VN)
    assert to_vn(parsed).utcoffset() == timedelta(hours=7)


def test_dates_python_values_are_accepted() -> None:
    assert parse_datetime(date(2024, 10, 5)) == datetime(2024, 10, 5, tzinfo=VN)
    assert parse_datetime(datetime(2024, 10, 5, 8, 30)) == datetime(2024, 10, 5, 8, 30, tzinfo=VN)
    aware = datetime(2024, 10, 5, 1, 30, tzinfo=UTC)
    assert parse_datetime(aware) is aware


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("2024-02-30", "2024-02-29"),
        ("2023-02-29", "2023-02-28"),
        ("2024-04-31", "2024-04-30"),
        ("2024-13-01", "2024-01-13"),
        ("2024-10-05 24:00", "20h30"),
        ("2024-10-05 23:60", "08:30"),
        ("2024-10-05 08:30+24:00", "+07:00"),
        ("2024-10-05 08:30 ICT", "2024-10-05"),
        ("2024-10-05+07:00", "2024-10-05"),
        ("hôm nay", "2024-10-05"),
        ("", "2024-10-05"),
        (20241005, "2024-10-05"),
        (None, "2024-10-05"),
        (["2024-10-05"], "2024-10-05"),
    ],
)
def test_dates_bad_values_raise_field_error(value: object, hint: str) -> None:
    with pytest.raises(FieldError) as failure:
        parse_datetime(value)

    assert hint in (failure.value.hint or "")


def test_dates_impossible_date_message() -> None:
    with pytest.raises(FieldError) as failure:
        parse_datetime("2024-02-30")

    assert "'2024-02-30'" in failure.value.message
    assert "có thật" in failure.value.message


def test_dates_format_vn_datetime_monday() -> None:
    assert format_vn_datetime(datetime(2022, 10, 3, 8, 30, tzinfo=VN)) == "Thứ Hai, 03/10/2022 08:30"


def test_dates_format_vn_datetime_from_other_offset() -> None:
    assert format_vn_datetime(datetime(2022, 10, 3, 1, 30, tzinfo=UTC)) == "Thứ Hai, 03/10/2022 08:30"


def test_dates_format_vn_datetime_utc_crosses_midnight() -> None:
    # Sunday 2 October 2022, 17:30 UTC is Monday 3 October, 00:30 in Vietnam.
    moment = parse_datetime("2022-10-02 17:30Z")

    assert format_vn_datetime(moment) == "Thứ Hai, 03/10/2022 00:30"
    assert format_vn_date(moment) == "03/10/2022"


@pytest.mark.parametrize(
    ("day", "weekday"),
    [(3, "Thứ Hai"), (4, "Thứ Ba"), (5, "Thứ Tư"), (6, "Thứ Năm"), (7, "Thứ Sáu"), (8, "Thứ Bảy"), (9, "Chủ Nhật")],
)
def test_dates_format_vn_datetime_weekdays(day: int, weekday: str) -> None:
    assert format_vn_datetime(datetime(2022, 10, day, 12, 0, tzinfo=VN)) == f"{weekday}, {day:02d}/10/2022 12:00"


def test_dates_build_now_honours_source_date_epoch() -> None:
    now = build_now({"SOURCE_DATE_EPOCH": "1664771400"})

    assert now == datetime(2022, 10, 3, 4, 30, tzinfo=UTC)
    assert now.utcoffset() is not None
    assert format_vn_datetime(now) == "Thứ Hai, 03/10/2022 11:30"


def test_dates_build_now_without_epoch_is_aware_clock() -> None:
    before = datetime.now(tz=UTC).replace(microsecond=0)

    now = build_now({})

    assert now.tzinfo is not None
    assert before <= now <= datetime.now(tz=UTC)


def test_dates_build_now_empty_epoch_means_clock() -> None:
    assert build_now({"SOURCE_DATE_EPOCH": ""}).year >= 2024
