"""The files a brand kit lists, checked by kind (a font PIL can draw with, an SVG, a PNG logo of at
least 512 px, a banner image), and the campaign window's dates; `loader` turns each problem into a
`BrandError` naming its field."""

from __future__ import annotations

import warnings
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image, ImageFont

from .kit_model import MonthDay

MIN_LOGO_PX = 512
FONT_SUFFIXES = (".ttf", ".otf", ".woff2", ".woff")
RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


def in_window(day: MonthDay, start: MonthDay, end: MonthDay) -> bool:
    """`day` lies in the window start..end, which may run over the new year (12-20 to 01-05)."""
    if start <= end:
        return start <= day <= end
    return day >= start or day <= end


def check_file(path: Path, kind: str) -> tuple[str, str] | None:
    """None if `path` is a readable file of `kind`, else (problem, hint)."""
    suffix = path.suffix.lower()
    if kind == "font":
        if suffix not in FONT_SUFFIXES:
            return f"phông cần là {', '.join(FONT_SUFFIXES)}", "dùng tệp TTF hoặc OTF của phông"
        try:
            ImageFont.truetype(str(path), 16)
        except OSError as exc:
            return f"không đọc được phông ({exc})", "dùng tệp TTF hoặc OTF (ảnh chia sẻ được vẽ bằng phông này)"
        return None
    if kind == "svg":
        if suffix != ".svg":
            return "logo dạng vector cần là tệp .svg", "xuất logo ra SVG"
        try:
            root = ElementTree.parse(path).getroot()
        except (ElementTree.ParseError, OSError) as exc:
            return f"SVG không hợp lệ ({exc})", "mở và lưu lại tệp bằng một trình vẽ vector"
        if root.tag.rsplit("}", 1)[-1] != "svg":
            return "không phải tệp SVG (thẻ gốc không phải <svg>)", "xuất logo ra SVG"
        return None
    if kind == "png":
        size = raster_size(path, formats=("PNG",))
        if size is None:
            return "không phải ảnh PNG đọc được", "xuất logo ra PNG"
        if min(size) < MIN_LOGO_PX:
            return f"ảnh {size[0]}×{size[1]} px quá nhỏ, cần cạnh ngắn ít nhất {MIN_LOGO_PX} px", "xuất bản gốc PNG 1024×1024 px"
        return None
    if kind == "banner":
        if suffix == ".svg":
            return check_file(path, "svg")
        if suffix not in RASTER_SUFFIXES or raster_size(path) is None:
            return "không phải ảnh đọc được (PNG, JPEG, WebP hoặc SVG)", "xuất băng rôn ra PNG"
        return None
    return None


def raster_size(path: Path, formats: tuple[str, ...] = ("PNG", "JPEG", "WEBP")) -> tuple[int, int] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=list(formats)) as image:
                image.verify()
                return image.size
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
