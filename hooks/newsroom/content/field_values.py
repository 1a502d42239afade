"""Parsers for front-matter values that need no file system: text, flags, lists, slugs, members, links.

Each takes the raw YAML value and returns the typed value or raises `FieldError`.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from .errors import FieldError
from .model import Link, Member, Tag
from .notices import Understood, flow_list
from .paste import strip_invisible
from .text import is_slug, nfc, slugify, strip_control

MEMBER_KEYS = ("name", "age", "school", "role")
PERSONAL_DATA_HINT = (
    "chỉ được ghi name, age, school, role; không đăng ngày sinh, số điện thoại, e-mail hay địa chỉ "
    "của thành viên (bảo vệ trẻ em và dữ liệu cá nhân)"
)
TITLE_MAX = 200
MAX_TAGS = 30
MAX_AUTHORS = 20
MAX_ALIASES = 20
DESCRIPTION_MAX = 300
TAG_SPLIT_RE = re.compile(r"\s*[,;]\s*")
"""`tags: a, b` or `tags: a; b`: several tags written in one string."""


def text_field(value: Any, *, min_len: int = 1, max_len: int | None = None, what: str = "văn bản") -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise FieldError(f"cần {what}, nhận được {show(value)}", "đặt giá trị trong ngoặc kép")
    text = " ".join(strip_invisible(strip_control(nfc(value))).split())
    if len(text) < min_len:
        raise FieldError(f"{what} đang để trống", "điền nội dung cho trường này hoặc xoá trường")
    if max_len is not None and len(text) > max_len:
        raise FieldError(f"dài {len(text)} ký tự, tối đa {max_len}", "rút gọn lại")
    return text


def bool_field(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError(f"cần true hoặc false, nhận được {show(value)}")
    return value


def text_list(value: Any, what: str, most: int) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise FieldError(f"cần danh sách {what}, nhận được {show(value)}", f"ví dụ: [{what} 1, {what} 2]")
    at_most(value, most, what)
    items = tuple(text_field(item, max_len=TITLE_MAX, what=what) for item in value)
    return tuple(dict.fromkeys(items))


def at_most(items: list[Any], most: int, what: str) -> None:
    if len(items) > most:
        raise FieldError(f"có {len(items)} {what}, tối đa {most}", f"giữ lại {most} {what} tiêu biểu nhất")


def slug_field(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # `slug: 2024` reads as a number in YAML
    if not isinstance(value, str) or not is_slug(value):
        suggestion = slugify(str(value)) if value is not None else ""
        hint = (
            f"chỉ dùng chữ thường không dấu, số và '-', ví dụ '{suggestion}'"
            if suggestion
            else "chỉ dùng chữ thường không dấu, số và '-'"
        )
        raise FieldError(f"'{value}' không phải slug hợp lệ", hint)
    return value


def slug_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise FieldError(f"cần danh sách slug cũ, nhận được {show(value)}", "ví dụ: [slug-cu-1, slug-cu-2]")
    at_most(value, MAX_ALIASES, "slug cũ")
    slugs = tuple(slug_field(item) for item in value)
    twice = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if twice:
        raise FieldError(f"slug cũ '{twice[0]}' được ghi hai lần", "mỗi slug cũ chỉ ghi một lần")
    return slugs


def author_list(value: Any) -> tuple[str, ...] | Understood:
    """Authors as a list; `authors: Nguyễn Văn A, Trần Thị B` is split, and said."""
    if isinstance(value, str) and TAG_SPLIT_RE.search(value):
        names = text_list([part for part in TAG_SPLIT_RE.split(value) if part.strip()], "tác giả", MAX_AUTHORS)
        return Understood(names, flow_list(names), f"{len(names)} tác giả")
    return text_list(value, "tác giả", MAX_AUTHORS)


def tag_list(value: Any) -> tuple[Tag, ...] | Understood:
    """Tags as a list; `tags: a, b` (one string with commas) is split, and said."""
    if value == []:
        return ()
    split = isinstance(value, str) and bool(TAG_SPLIT_RE.search(value))
    if split:
        value = [part for part in TAG_SPLIT_RE.split(value) if part.strip()]
    names = text_list(value, "thẻ", MAX_TAGS)
    tags: dict[str, Tag] = {}
    for name in names:
        slug = slugify(name)
        if not slug:
            raise FieldError(f"thẻ '{name}' không tạo được đường dẫn", "dùng chữ hoặc số trong thẻ")
        tags.setdefault(slug, Tag(name=name, slug=slug))
    result = tuple(tags.values())
    if split:
        return Understood(result, flow_list(tag.name for tag in result), f"{len(result)} thẻ")
    return result


def year_field(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 2000 <= value <= 2100:
        raise FieldError(f"cần năm dạng số, nhận được {show(value)}", "ví dụ: 2025")
    return value


def member_list(value: Any) -> tuple[Member, ...]:
    if not isinstance(value, list) or not value:
        raise FieldError(
            f"cần danh sách thành viên, nhận được {show(value)}", "ví dụ: - {name: Nguyễn Văn A, age: 17, role: Trưởng nhóm}"
        )
    members = []
    for number, item in enumerate(value, start=1):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise FieldError(f"thành viên thứ {number} phải có dạng {{name: ..., age: ...}}, nhận được {show(item)}")
        extra = [key for key in item if key not in MEMBER_KEYS]
        if extra:
            raise FieldError(
                f"thành viên thứ {number} có trường không được phép: {', '.join(map(str, extra))}", PERSONAL_DATA_HINT
            )
        if "name" not in item:
            raise FieldError(f"thành viên thứ {number} thiếu name")
        age = item.get("age")
        if age is not None and (not isinstance(age, int) or isinstance(age, bool) or not 5 <= age <= 100):
            raise FieldError(f"tuổi của thành viên thứ {number} phải là số nguyên từ 5 đến 100, nhận được {show(age)}")
        members.append(
            Member(
                name=text_field(item["name"], max_len=100, what="tên"),
                age=age,
                school=text_field(item["school"], max_len=200, what="tên trường") if item.get("school") is not None else None,
                role=text_field(item["role"], max_len=100, what="vai trò") if item.get("role") is not None else None,
            )
        )
    return tuple(members)


def link_list(value: Any) -> tuple[Link, ...]:
    if not isinstance(value, list):
        raise FieldError(
            f"cần danh sách liên kết, nhận được {show(value)}", "ví dụ: - {label: Trang sản phẩm, url: https://...}"
        )
    links = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict) or set(item) != {"label", "url"}:
            raise FieldError(f"liên kết thứ {number} phải có đúng hai trường label và url, nhận được {show(item)}")
        url = str(item["url"]).strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FieldError(f"liên kết thứ {number} '{url}' không phải địa chỉ http/https", "ví dụ: https://tainangviet.vn/")
        links.append(Link(label=text_field(item["label"], max_len=100, what="nhãn liên kết"), url=url))
    return tuple(links)


def show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
