"""Colours: `#rrggbb` parsing, WCAG 2.1 relative luminance and contrast, tints and shades."""

from __future__ import annotations

import re

HEX_RE = re.compile(r"^#[0-9a-fA-F]{6}$")

RGB = tuple[int, int, int]

AA_NORMAL_TEXT = 4.5
"""WCAG 2.1 success criterion 1.4.3 (AA): contrast of normal-size text."""


def parse_hex(value: str) -> RGB:
    """`#0b3d91` -> (11, 61, 145). Raises ValueError on anything but `#rrggbb`."""
    if not HEX_RE.match(value):
        raise ValueError(f"'{value}' không phải mã màu #rrggbb")
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def to_hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _linear(channel: int) -> float:
    """sRGB channel (0-255) to linear light, as WCAG 2.1 defines it."""
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance: 0 for black, 1 for white."""
    r, g, b = parse_hex(colour)
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 to 21; the order does not matter."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def format_ratio(ratio: float) -> str:
    """'4.5:1', rounded down to one decimal so a reported ratio never overstates the real one."""
    return f"{int(ratio * 10) / 10:.1f}:1"


def mix(colour: str, other: str, amount: float) -> str:
    """`colour` moved `amount` (0..1) of the way towards `other`, in sRGB."""
    a, b = parse_hex(colour), parse_hex(other)
    r, g, bl = (round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))
    return to_hex((r, g, bl))


def rgb(colour: str) -> RGB:
    return parse_hex(colour)


def rgba_css(colour: str, alpha: float) -> str:
    r, g, b = parse_hex(colour)
    return f"rgba({r}, {g}, {b}, {alpha:g})"
