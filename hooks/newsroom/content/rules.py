"""Rules that tie several front-matter fields together (cover and its alt text, dates, consent)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from .dates import to_vn
from .model import Member
from .reader import ParsedSource

CONSENT_AGE = 16


def check_news_rules(values: dict[str, Any], parsed: ParsedSource, fail: Callable[..., None]) -> None:
    if "cover" in parsed.meta and "cover_alt" not in parsed.meta:
        fail(
            "cover_alt",
            "có ảnh bìa nhưng thiếu mô tả ảnh",
            'thêm cover_alt: "Mô tả nội dung ảnh" (cho người khiếm thị)',
            line=parsed.line_of("cover"),
        )
    if "cover_alt" in parsed.meta and "cover" not in parsed.meta:
        fail("cover_alt", "có mô tả ảnh bìa nhưng không có ảnh bìa (cover)", "thêm cover: ten-anh.jpg hoặc xoá cover_alt")
    _check_updated(values, fail)


def _check_updated(values: dict[str, Any], fail: Callable[..., None]) -> None:
    date, updated = values.get("date"), values.get("updated")
    if isinstance(date, datetime) and isinstance(updated, datetime) and updated < date:
        fail(
            "updated",
            f"ngày cập nhật {to_vn(updated):%Y-%m-%d %H:%M} sớm hơn ngày đăng {to_vn(date):%Y-%m-%d %H:%M}",
            "ngày cập nhật phải sau ngày đăng",
        )


def check_initiative_rules(values: dict[str, Any], parsed: ParsedSource, fail: Callable[..., None]) -> None:
    members: tuple[Member, ...] = values.get("members", ())
    minors = [m.name for m in members if m.age is not None and m.age < CONSENT_AGE]
    if minors and values.get("consent") is not True:
        fail(
            "consent",
            f"có thành viên dưới {CONSENT_AGE} tuổi ({', '.join(minors)}) nhưng chưa xác nhận đồng ý của người giám hộ",
            "khi đã có văn bản đồng ý của cha mẹ hoặc người giám hộ, thêm consent: true",
            line=parsed.line_of("consent") or parsed.line_of("members"),
        )
