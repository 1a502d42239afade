"""Glyph coverage: which characters of a text a font cannot draw (Pillow would draw boxes)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..content.text import nfc

IGNORED_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")
"""Control and format characters are never drawn."""


@lru_cache(maxsize=8)
def font_codepoints(path: Path) -> frozenset[int]:
    """Every code point the font's best cmap maps to a glyph."""
    from fontTools.ttLib import TTFont  # imported here: only this check needs fontTools

    with TTFont(str(path), lazy=True) as font:
        cmap = font.getBestCmap() or {}
        return frozenset(int(code) for code in cmap)


def missing_glyphs(texts: Iterable[str], font_paths: Iterable[Path]) -> dict[str, tuple[str, ...]]:
    """Characters of the NFC `texts` that some font lacks: {character: names of the fonts without it}."""
    fonts = [(path.name, font_codepoints(path)) for path in font_paths]
    missing: dict[str, tuple[str, ...]] = {}
    for ch in sorted({ch for text in texts for ch in nfc(text)}):
        if ch.isspace() or unicodedata.category(ch) in IGNORED_CATEGORIES:
            continue
        lacking = tuple(name for name, codes in fonts if ord(ch) not in codes)
        if lacking:
            missing[ch] = lacking
    return missing
