"""Text layout for images drawn with Pillow: NFC text, word wrapping, "…" ellipsis, ink bounds.

Vietnamese NFC text is set with the kit font's precomposed glyphs; Pillow's Raqm layout engine,
when present, also positions combining marks (and kerns). Lines are placed by baseline with the
font's highest stacked mark ("Ễ") as the first line's ascent, so nothing is drawn above the box
it was laid out in, and line spacing leaves room for stacked marks.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont, features

from ..content.text import nfc

ELLIPSIS = "…"
TALLEST = "ỄỖỮẪẴẶỆỞÅ"
"""Capitals with stacked marks: the highest ink the font draws for Vietnamese text."""
DEEPEST = "gjpqyỵẠỴ,"
"""Descenders and dots below: the lowest ink."""
LINE_HEIGHT = 1.36
"""Baseline-to-baseline distance in em: room for a stacked capital under a descender."""
TRAILING = " ,;:.-–—"

Box = tuple[int, int, int, int]
"""(left, top, right, bottom) in pixels, right and bottom exclusive."""


def has_raqm() -> bool:
    return bool(features.check("raqm"))


_per_thread = threading.local()


def load_font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """The font at `size` px, with Raqm layout when Pillow has it (combining marks, kerning).

    Loaded once per thread: a FreeType face must not be shared between threads drawing at once.
    """
    fonts: dict[tuple[Path, int], ImageFont.FreeTypeFont] = _per_thread.__dict__.setdefault("fonts", {})
    font = fonts.get((path, size))
    if font is None:
        engine = ImageFont.Layout.RAQM if has_raqm() else ImageFont.Layout.BASIC
        font = fonts[(path, size)] = ImageFont.truetype(str(path), size, layout_engine=engine)
    return font


@dataclass(frozen=True)
class FontMetrics:
    ascent: int
    """Pixels from the baseline up to the top of the tallest stacked mark."""
    descent: int
    """Pixels from the baseline down to the deepest descender."""
    line_height: int


def font_metrics(font: ImageFont.FreeTypeFont) -> FontMetrics:
    top = font.getbbox(TALLEST, anchor="ls")[1]
    bottom = font.getbbox(DEEPEST, anchor="ls")[3]
    return FontMetrics(ascent=int(-top), descent=int(bottom), line_height=round(font.size * LINE_HEIGHT))


@dataclass(frozen=True)
class TextLine:
    text: str
    x: int
    baseline: int
    bbox: Box
    """The ink bounds of the drawn line, on the image."""


@dataclass(frozen=True)
class TextBlock:
    """Lines laid out in a box: draw each `line.text` at (`line.x`, `line.baseline`) with anchor "ls"."""

    lines: tuple[TextLine, ...]
    font_path: Path
    font_size: int
    truncated: bool
    box: Box
    """The box the block was laid out in (its height is the nominal height of the lines)."""

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def bbox(self) -> Box:
        """The union of the lines' ink bounds."""
        boxes = [line.bbox for line in self.lines]
        return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)

    @property
    def font(self) -> ImageFont.FreeTypeFont:
        return load_font(self.font_path, self.font_size)


def text_width(font: ImageFont.FreeTypeFont, text: str) -> int:
    """The ink width of one line, from its pen origin (what must fit in the box)."""
    if not text:
        return 0
    left, _, right, _ = font.getbbox(text, anchor="ls")
    return math.ceil(max(right, font.getlength(text)) - min(0, left))


def wrap_text(text: str, font: ImageFont.FreeTypeFont, max_width: int, max_lines: int) -> tuple[list[str], bool]:
    """Greedy word wrap into at most `max_lines` lines no wider than `max_width`; True if text was cut.

    A word wider than the line is broken between characters. A cut text ends with "…" on its
    last line, after a whole word where one fits.
    """
    lines: list[str] = []
    current = ""
    for word in nfc(text).split():
        if len(lines) > max_lines:
            break  # already cut: the rest of the text will not be shown
        candidate = f"{current} {word}" if current else word
        if text_width(font, candidate) <= max_width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while text_width(font, current) > max_width and len(current) > 1:
            cut = _longest_prefix(font, current, max_width)
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines, False
    kept = lines[:max_lines]
    kept[-1] = ellipsize(kept[-1], font, max_width, forced=True)
    return kept, True


def ellipsize(text: str, font: ImageFont.FreeTypeFont, max_width: int, forced: bool = False) -> str:
    """`text` if it fits (and not `forced`), else cut after a whole word (or character) and ended with "…"."""
    if not forced and text_width(font, text) <= max_width:
        return text
    words = text.split(" ")
    while len(words) > 1 and text_width(font, " ".join(words).rstrip(TRAILING) + ELLIPSIS) > max_width:
        words.pop()
    line = " ".join(words).rstrip(TRAILING)
    while line and text_width(font, line + ELLIPSIS) > max_width:
        line = line[:-1].rstrip(TRAILING)
    return line + ELLIPSIS


def _longest_prefix(font: ImageFont.FreeTypeFont, word: str, max_width: int) -> int:
    cut = 1
    while cut < len(word) and text_width(font, word[: cut + 1]) <= max_width:
        cut += 1
    return cut


def block_height(metrics: FontMetrics, lines: int) -> int:
    """The nominal height of `lines` lines: tallest mark of the first to deepest descender of the last."""
    return metrics.ascent + (lines - 1) * metrics.line_height + metrics.descent


def layout_text(
    text: str,
    font_path: Path,
    sizes: Sequence[int],
    box: Box,
    max_lines: int,
) -> TextBlock:
    """Lay `text` out in `box` at the largest of `sizes` that fits whole in `max_lines` lines (and in
    the box's height); if none does, at the smallest size, cut with "…". Lines start at the box's
    top-left corner.
    """
    left, top, right, bottom = box
    width = right - left
    chosen: tuple[list[str], bool, ImageFont.FreeTypeFont] | None = None
    for size in sorted(sizes, reverse=True):
        font = load_font(font_path, size)
        metrics = font_metrics(font)
        lines_allowed = max(1, min(max_lines, 1 + (bottom - top - metrics.ascent - metrics.descent) // metrics.line_height))
        lines, truncated = wrap_text(text, font, width, lines_allowed)
        chosen = (lines, truncated, font)
        if not truncated:
            break
    assert chosen is not None, "layout_text needs at least one size"
    lines, truncated, font = chosen
    metrics = font_metrics(font)
    placed = []
    for index, line in enumerate(lines):
        baseline = top + metrics.ascent + index * metrics.line_height
        x0, y0, x1, y1 = font.getbbox(line, anchor="ls")
        x = left - min(0, int(x0))
        placed.append(TextLine(line, x, baseline, (x + int(x0), baseline + int(y0), x + int(x1), baseline + int(y1))))
    return TextBlock(
        tuple(placed), font_path, int(font.size), truncated, (left, top, right, top + block_height(metrics, len(lines)))
    )


def shift_block(block: TextBlock, dy: int) -> TextBlock:
    """The same block moved down by `dy` pixels."""
    lines = tuple(
        TextLine(line.text, line.x, line.baseline + dy, (line.bbox[0], line.bbox[1] + dy, line.bbox[2], line.bbox[3] + dy))
        for line in block.lines
    )
    left, top, right, bottom = block.box
    return TextBlock(lines, block.font_path, block.font_size, block.truncated, (left, top + dy, right, bottom + dy))
