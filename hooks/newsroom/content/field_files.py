"""Front-matter values that name files (cover, images) and the files a bundle publishes.

A path is checked the way the site will serve it: inside articles/, a regular file, of a published
type; every path looked at is recorded in the context so the catalog cache knows what to watch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import FieldError, visible
from .field_values import show, text_field
from .model import Asset, Image
from .reader import ParsedSource
from .safe_files import (
    IMAGE_SUFFIXES,
    LINK_HINT,
    NAME_HINT,
    PUBLISHED_SUFFIXES,
    UNPUBLISHED_HINT,
    is_regular,
    name_problem,
)
from .taxonomy import Taxonomies
from .text import did_you_mean


@dataclass
class FieldContext:
    """What field parsers need to know about the file they read."""

    parsed: ParsedSource
    root: Path
    taxonomies: Taxonomies
    looked_at: list[Path] = field(default_factory=list)
    """Every file path the checks looked at on disk (see `parse_entry`)."""

    @property
    def folder(self) -> Path:
        return self.parsed.source.path.parent

    @property
    def articles_dir(self) -> Path:
        return self.root / "articles"


def asset_field(value: Any, ctx: FieldContext, what: str = "ảnh") -> Asset:
    if not isinstance(value, str) or not value.strip():
        raise FieldError(f"cần đường dẫn {what}, nhận được {show(value)}", "đường dẫn tính từ tệp bài viết, ví dụ: anh-bia.jpg")
    text = value.strip()
    for part in text.split("/"):
        problem = name_problem(part)
        if problem is not None:
            raise FieldError(f"'{visible(text[:80])}': {problem}", NAME_HINT)
    if urlsplit(text).scheme or text.startswith("//"):
        raise FieldError(f"'{text}' là ảnh trên trang khác", "tải ảnh về, đặt cạnh tệp bài viết và ghi tên tệp")
    if text.startswith("/"):
        raise FieldError(f"'{text}' là đường dẫn tuyệt đối", "ghi đường dẫn tính từ tệp bài viết, ví dụ: anh-bia.jpg")
    ctx.looked_at.append(ctx.folder / text)
    target = (ctx.folder / text).resolve()
    ctx.looked_at.append(target)
    articles = ctx.articles_dir.resolve()
    if not target.is_relative_to(articles):
        raise FieldError(
            f"'{text}' nằm ngoài thư mục articles/", "đặt ảnh cạnh tệp bài viết, hoặc trong thư mục ảnh dùng chung như articles/hinh-anh/"
        )
    if not target.is_file():
        raise FieldError(f"không tìm thấy tệp '{text}'", _file_hint(ctx.folder, text))
    if not is_regular(ctx.folder / text) or not is_regular(target):
        raise FieldError(f"'{text}' là liên kết tượng trưng hoặc không phải tệp thông thường", LINK_HINT)
    suffix = target.suffix.lower()
    if what == "ảnh" and suffix not in IMAGE_SUFFIXES:
        raise FieldError(f"'{text}' không phải ảnh ({suffix or 'không có đuôi tệp'})", "dùng ảnh JPG, PNG, WebP hoặc GIF")
    if suffix not in PUBLISHED_SUFFIXES:
        raise FieldError(f"tệp '{text}' không thuộc loại được đăng kèm bài", UNPUBLISHED_HINT)
    folder = ctx.folder.resolve()
    name = target.relative_to(folder).as_posix() if target.is_relative_to(folder) else target.name
    return Asset(src=target, name=name)


def _file_hint(folder: Path, text: str) -> str:
    names = [p.name for p in folder.iterdir() if p.is_file() and not p.name.endswith(".md")] if folder.is_dir() else []
    return did_you_mean(Path(text).name, names) or "kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) và vị trí đặt ảnh"


def image_list(value: Any, ctx: FieldContext) -> tuple[Image, ...]:
    if not isinstance(value, list) or not value:
        raise FieldError(f"cần ít nhất một ảnh, nhận được {show(value)}", 'ví dụ: - {src: anh-1.jpg, alt: "Mô tả ảnh"}')
    images = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict) or set(item) - {"src", "alt"} or "src" not in item:
            raise FieldError(f"ảnh thứ {number} phải có dạng {{src: ..., alt: ...}}, nhận được {show(item)}")
        if not item.get("alt"):
            raise FieldError(
                f"ảnh thứ {number} thiếu alt (mô tả ảnh cho người khiếm thị)", 'ví dụ: alt: "Nhóm tác giả trình bày sản phẩm"'
            )
        images.append(Image(asset=asset_field(item["src"], ctx), alt=text_field(item["alt"], max_len=300, what="mô tả ảnh")))
    return tuple(images)


def unique_assets(assets: list[Asset]) -> tuple[Asset, ...]:
    return tuple({asset.name: asset for asset in assets}.values())
