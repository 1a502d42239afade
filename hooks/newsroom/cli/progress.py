"""A plain progress line on stderr for long commands (hundreds of rows or photos); no dependency.

On a terminal the line redraws itself ("\\r"); in a log (not a terminal) it prints every tenth.
Short work (under `MIN_TOTAL` steps) shows nothing.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

MIN_TOTAL = 50
WIDTH = 24


class Progress:
    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total
        self.stream = stream or sys.stderr
        self.shown = total >= MIN_TOTAL
        self.tty = self.stream.isatty()
        self.last = 0.0
        self.tenth = -1

    def __call__(self, done: int) -> None:
        if not self.shown:
            return
        if self.tty:
            now = time.monotonic()
            if now - self.last < 0.1 and done < self.total:
                return
            self.last = now
            filled = WIDTH * done // self.total
            bar = "#" * filled + "." * (WIDTH - filled)
            self.stream.write(f"\r{self.label}: [{bar}] {done}/{self.total}")
            if done >= self.total:
                self.stream.write("\n")
            self.stream.flush()
            return
        tenth = 10 * done // self.total
        if tenth != self.tenth:
            self.tenth = tenth
            print(f"{self.label}: {done}/{self.total}", file=self.stream)
