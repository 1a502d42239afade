"""Warnings: what the build publishes but a reader would see badly.

None of them stops the build (`ContentWarning`, logged at INFO under `strict: true`); `newsroom
check` prints them and the preview's panel shows them:

- a cover or initiative photo narrower than the width the page shows it at (blown up, blurry);
- a body image taller than wide shown at the full width of the column (taller than a laptop
  screen), with the documented way to size it and caption it (`images/body_figures.py`);
- a title the share card cuts (`brand/cards.py`, remembered in `card_titles.py`);
- a description longer than listings show (`plan/lead.py`).

Widths are CSS pixels of the article column as Chromium lays the pages out in a 1280 to 1440 px
wide window (a laptop): the column is 938 px wide, a cover and a full-width body image fill it;
initiative photos share it in a grid of at most three per row (`newsroom.css`, `.nr-photos`).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

from ..content.catalog import Catalog
from ..content.errors import ContentWarning
from ..content.model import Article, Entry, Image, Initiative
from ..content.reader import KEY_LINE_RE
from ..images.body_figures import HOW_TO, body_images
from ..images.library import MediaLibrary
from ..plan.lead import LISTING_LEAD_CHARS, listing_lead
from ..plan.social import entry_card
from .card_titles import CardTitles

COLUMN_PX = 938
"""Width of the article column (cover, full-width body image) on a laptop screen."""
PHOTO_GAP_PX = 16
PHOTO_MIN_PX = 280
"""The photo grid's gap and narrowest column (0.8rem and 14rem of the theme's 20 px rem)."""
LINE_BREAK = "\n"


def photo_width(count: int) -> int:
    """The width each of `count` initiative photos is shown at (the grid fits as many as it can)."""
    per_row = max(1, min(count, (COLUMN_PX + PHOTO_GAP_PX) // (PHOTO_MIN_PX + PHOTO_GAP_PX)))
    return (COLUMN_PX - (per_row - 1) * PHOTO_GAP_PX) // per_row


def catalog_warnings(catalog: Catalog, media: MediaLibrary, root: Path, titles: CardTitles | None) -> list[ContentWarning]:
    """Every warning about the entries of `catalog` (images: those `media` processed; card titles
    only with `titles`, which needs the brand kit)."""
    warnings: list[ContentWarning] = []
    project = root.resolve()
    for entry in catalog.entries:
        lines = _Lines(root / entry.source)
        warnings += _image_warnings(entry, media, lines, (project / entry.source).parent)
        if titles is not None:
            warnings += _title_warnings(entry, titles, lines)
        warnings += _description_warnings(entry, lines)
    return warnings


class _Lines:
    """Line numbers in one content file, read only when a warning needs one."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._text: list[str] | None = None

    def _lines(self) -> list[str]:
        if self._text is None:
            try:
                self._text = self._path.read_text(encoding="utf-8").split(LINE_BREAK)
            except (OSError, UnicodeDecodeError):
                self._text = []
        return self._text

    def of_key(self, key: str) -> int | None:
        for number, line in enumerate(self._lines(), start=1):
            match = KEY_LINE_RE.match(line)
            if match and match[1].strip() == key:
                return number
        return None

    def of_text(self, text: str) -> int | None:
        first = text.split(LINE_BREAK, 1)[0]
        return next((number for number, line in enumerate(self._lines(), start=1) if first in line), None)


def _warning(entry: Entry, field: str, message: str, hint: str, line: int | None) -> ContentWarning:
    return ContentWarning(entry.source, message, field=field, line=line, hint=hint)


def _image_warnings(entry: Entry, media: MediaLibrary, lines: _Lines, folder: Path) -> list[ContentWarning]:
    found: list[ContentWarning] = []
    small = (
        "dùng ảnh gốc rộng ít nhất {px} px (ảnh chụp bằng điện thoại là đủ); "
        "ảnh lưu lại từ Zalo, Facebook hay ảnh chụp màn hình thường đã bị thu nhỏ"
    )
    if isinstance(entry, Article) and entry.cover is not None:
        size = _size(media, entry.cover)
        if size is not None and size[0] < COLUMN_PX:
            found.append(
                _warning(
                    entry,
                    "cover",
                    f"ảnh bìa '{entry.cover.asset.name}' chỉ có {size[0]}×{size[1]} px, hẹp hơn khổ hiển thị "
                    f"{COLUMN_PX} px nên bị phóng to và mờ",
                    small.format(px=COLUMN_PX),
                    lines.of_key("cover"),
                )
            )
    if isinstance(entry, Initiative):
        shown = photo_width(len(entry.images))
        for image in entry.images:
            size = _size(media, image)
            if size is not None and size[0] < shown:
                found.append(
                    _warning(
                        entry,
                        "images",
                        f"ảnh '{image.asset.name}' chỉ có {size[0]}×{size[1]} px, hẹp hơn khổ hiển thị {shown} px nên bị phóng to và mờ",
                        small.format(px=shown),
                        lines.of_text(image.asset.name) or lines.of_key("images"),
                    )
                )
    found += _tall_body_images(entry, media, lines, folder)
    return found


def _tall_body_images(entry: Entry, media: MediaLibrary, lines: _Lines, folder: Path) -> list[ContentWarning]:
    """Body images resolved as `MediaLibrary.rewrite_body` resolves them: by the file they name."""
    found = []
    assets = {str(asset.src): asset for asset in entry.assets}
    for image in body_images(entry.body):
        if image.size is not None or image.target.startswith("/") or "://" in image.target:
            continue
        # normpath, not resolve: links below articles/ are refused, so the two agree (and no syscall)
        target = unquote(image.target.split("#")[0].split("?")[0])
        asset = assets.get(os.path.normpath(os.path.join(folder, target)))
        published = media.get(asset) if asset is not None else None
        if asset is None or published is None:
            continue
        width, height = published.image.width, published.image.height
        if height <= width or width < COLUMN_PX:
            continue  # a landscape photo, or one narrower than the column (shown at its own size)
        shown_height = round(COLUMN_PX * height / width)
        found.append(
            _warning(
                entry,
                "ảnh trong bài",
                f"ảnh dọc '{asset.name}' ({width}×{height} px) hiện hết bề ngang bài, cao {shown_height} px: "
                "dài hơn một màn hình máy tính",
                "thu nhỏ ảnh và thêm chú thích: " + HOW_TO.format(name=image.target) + " (cỡ vừa: { .anh-vua })",
                lines.of_text(image.markup),
            )
        )
    return found


def _size(media: MediaLibrary, image: Image) -> tuple[int, int] | None:
    published = media.get(image.asset)
    return (published.image.width, published.image.height) if published is not None else None


def _title_warnings(entry: Entry, titles: CardTitles, lines: _Lines) -> list[ContentWarning]:
    card = entry_card(entry)
    shown = titles.cut(card.title, card.kicker, card.thumbnail is not None)
    if shown is None:
        return []
    visible = " ".join(shown)
    room = len(visible.rstrip("…"))
    return [
        _warning(
            entry,
            "title",
            f"tiêu đề quá ba dòng trên ảnh chia sẻ (Facebook, Zalo) nên bị cắt; ảnh chỉ hiện: «{visible}»",
            f"rút gọn tiêu đề còn khoảng {room} ký tự (hiện có {len(entry.title)})",
            lines.of_key("title"),
        )
    ]


def _description_warnings(entry: Entry, lines: _Lines) -> list[ContentWarning]:
    length = len(entry.description)
    if length <= LISTING_LEAD_CHARS:
        return []
    shown = listing_lead(entry.description)
    cut = entry.description[len(shown.rstrip("…")) :].lstrip(" ,;:.-–—")
    return [
        _warning(
            entry,
            "description",
            f"mô tả dài {length} ký tự; danh sách bài chỉ hiện {LISTING_LEAD_CHARS} ký tự đầu, "
            f"phần sau bị cắt: «…{_short(cut)}»",
            f"viết mô tả tối đa {LISTING_LEAD_CHARS} ký tự (một, hai câu đọc trọn ý)",
            lines.of_key("description"),
        )
    ]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"
