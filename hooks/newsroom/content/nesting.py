"""How deep a Markdown body nests lists and quotes: Python-Markdown recurses once per level.

A list nested a few hundred levels deep (a few KB of text) exhausts Python's recursion limit and
would crash the build with a traceback; no article needs more than a handful of levels.
"""

from __future__ import annotations

import re

MAX_DEPTH = 20
"""Levels of lists and block quotes in one body."""
_MARKERS_RE = re.compile(r"(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)*")


def line_depth(line: str) -> int:
    """Nesting levels a line opens: its indentation (4 columns a level) plus the list and quote markers it starts with."""
    stripped = line.lstrip(" \t")
    indent = len(line[: len(line) - len(stripped)].expandtabs(4))
    markers = _MARKERS_RE.match(stripped)
    count = len(re.findall(r">|[-*+][ \t]|\d[.)][ \t]", markers.group(0))) if markers else 0
    return indent // 4 + count


def too_deep(scan: str) -> int | None:
    """The 0-based offset of the first line nested deeper than MAX_DEPTH, or None."""
    offset = 0
    for line in scan.split("\n"):
        if line_depth(line) > MAX_DEPTH:
            return offset
        offset += len(line) + 1
    return None
