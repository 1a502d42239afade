"""Checks of a Markdown body: nesting depth, unclosed HTML, and every local file it links to."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from .. import routes
from .errors import FieldError
from .field_files import FieldContext, asset_field
from .model import Asset
from .nesting import MAX_DEPTH as MAX_NESTING
from .nesting import too_deep
from .raw_html import unclosed_elements
from .reader import ParsedSource

# Relative links and images in Markdown bodies: ![alt](src), [text](href), [ref]: href, src="...".
BODY_REF_RE = re.compile(
    r"(?P<bang>!?)\[[^\]\n]*\]\(\s*(?:<(?P<angle>[^>\n]+)>|(?P<inline>[^)\s>]+))"
    r"|^[ \t]{0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*<?(?P<ref>\S+?)>?(?:\s|$)"
    r"|\b(?P<attr>src|href|srcset)\s*=\s*(?:\"(?P<html>[^\"]*)\"|'(?P<html1>[^']*)'|(?P<html2>[^\s\"'=<>`]+))",
    re.MULTILINE,
)
TAG_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# Labels of reference-style images: ![alt][label], ![label][] and ![label].
IMAGE_REF_RE = re.compile(r"!\[(?P<alt>[^\]\n]*)\](?:\[(?P<label>[^\]\n]*)\])?")
EXTERNAL_IMAGE_HINT = "tải ảnh về, đặt vào thư mục của bài và chèn bằng ![mô tả](ten-anh.jpg): trang không tải gì từ trang khác"
SRCSET_HINT = "chèn ảnh bằng ![mô tả](ten-anh.jpg); chuyên mục tự tạo các cỡ ảnh cho mọi màn hình"
FENCE_RE = re.compile(r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ \t]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)


def scan_body(body: str, parsed: ParsedSource, ctx: FieldContext, fail: Callable[..., None]) -> list[Asset]:
    """Local files the body links to; each must exist beside (or below) the content file."""
    assets: list[Asset] = []
    scan = FENCE_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)
    deep = too_deep(scan)
    if deep is not None:
        fail(
            None,
            f"danh sách hoặc trích dẫn lồng nhau quá {MAX_NESTING} tầng",
            "bớt tầng lồng nhau: tách thành các đoạn hoặc danh sách riêng",
            line=parsed.body_line + body.count("\n", 0, deep),
        )
        return assets
    for problem in unclosed_elements(scan):
        fail(None, problem.message, problem.hint, line=parsed.body_line + body.count("\n", 0, problem.offset))
    image_labels = {(m["label"] or m["alt"]).strip().lower() for m in IMAGE_REF_RE.finditer(scan)}
    for match in BODY_REF_RE.finditer(scan):
        # An attribute's value is read as the browser reads it: "&#106;avascript:" is "javascript:".
        attribute = match["html"] or match["html1"] or match["html2"] or ""
        target = match["angle"] or match["inline"] or match["ref"] or html.unescape(attribute)
        line = parsed.body_line + body.count("\n", 0, match.start())
        if match["attr"] == "srcset":
            fail(None, "ảnh trong bài không dùng thuộc tính srcset viết tay", SRCSET_HINT, line=line)
            continue
        label = (match["label"] or "").strip().lower()
        if label.startswith("^"):
            continue  # a footnote ([^1]: Theo ...), not a link definition
        parts = urlsplit(target)
        is_image = bool(match["bang"]) or label in image_labels
        if match["attr"]:
            opened = scan.rfind("<", 0, match.start())
            tag = TAG_NAME_RE.match(scan, opened + 1) if opened > scan.rfind(">", 0, match.start()) else None
            if tag is None:
                continue  # "src=" in the text ("&lt;img src=x&gt;" is words), not inside a tag
            is_image = match["attr"] == "src" and tag.group(0).lower() in ("img", "source", "input")
        if is_image and (parts.scheme or parts.netloc or target.startswith("//")):
            fail(None, f"ảnh '{target}' lấy từ trang khác", EXTERNAL_IMAGE_HINT, line=line)
            continue
        if parts.scheme or target.startswith(("/", "#", "//")) or not parts.path:
            continue
        path = unquote(parts.path)  # "anh%20bia.jpg" names the file "anh bia.jpg"
        if path.endswith(".md") or path.endswith("/"):
            fail(
                None,
                f"liên kết '{target}' trỏ tới tệp nội dung",
                f"liên kết tới bài khác bằng địa chỉ trên trang, ví dụ: /{routes.entry(routes.SECTIONS['news'], 'ten-bai')}",
                line=line,
            )
            continue
        try:
            assets.append(asset_field(path, ctx, what="tệp"))
        except FieldError as exc:
            fail(None, exc.message, exc.hint, line=line)
    return assets
