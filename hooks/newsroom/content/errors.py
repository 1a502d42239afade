"""Content errors: every problem an editor must fix, named by file, line and field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ContentError:
    """One problem in one content file.

    `path` is relative to the project root; `line` is 1-based where known.
    """

    path: str
    message: str
    field: str | None = None
    line: int | None = None
    hint: str | None = None

    def format(self) -> str:
        path = visible(self.path)
        where = path if self.line is None else f"{path}:{self.line}"
        field = f" [{visible(self.field)}]" if self.field else ""
        hint = f"\n    Gợi ý: {visible(self.hint)}" if self.hint else ""
        return f"{where}{field}: {visible(self.message)}{hint}"


@dataclass(frozen=True)
class ContentWarning(ContentError):
    """A problem that never stops the build (a blurry cover, a title cut on the share card).

    `newsroom check`, the build log and the preview's panel show it. The site config sets
    `strict: true`, under which MkDocs fails on any WARNING log record, so the build logs these
    at INFO level.
    """

    def format(self) -> str:
        return f"Cảnh báo: {super().format()}"


PROBLEM_KEY = "newsroom_problem"
"""The `extra` key under which a build log record carries its ContentError or ContentWarning.

`log.info(w.format(), extra={PROBLEM_KEY: w})`: the preview's error panel collects the objects
from the records instead of parsing log text.
"""


_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def visible(text: str) -> str:
    """`text` with control characters shown as \\xNN: a file or key name cannot start a forged log line."""
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100 else f"\\u{ord(m.group(0)):04x}", text)


class FieldError(Exception):
    """Raised by a field parser; the schema adds the file, line and field name."""

    def __init__(self, message: str, hint: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.field = field


class ContentErrors(Exception):
    """All errors found in one pass over the content, raised once."""

    def __init__(self, errors: list[ContentError], remarks: Sequence[ContentError] = ()) -> None:
        self.errors = sorted(errors, key=lambda e: (e.path, e.line or 0, e.field or ""))
        self.remarks = tuple(remarks)
        """Warnings and notices found on the way, which `check` shows beside the errors."""
        super().__init__(self.format())

    def format(self) -> str:
        count = len(self.errors)
        lines = [f"Nội dung có {count} lỗi cần sửa:"]
        lines += [f"  - {error.format()}" for error in self.errors]
        return "\n".join(lines)


class SourceError(Exception):
    """A file that cannot be read at all (encoding, missing or broken front matter)."""

    def __init__(self, error: ContentError) -> None:
        super().__init__(error.format())
        self.error = error
