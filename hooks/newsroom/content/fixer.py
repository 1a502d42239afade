"""`newsroom check --fix`: the front matter rewritten to the canonical form of what was understood.

Each `ContentNotice` names a line and the canonical text of its value; the fix replaces the value
on that line and nothing else, so comments, key order, quoting of other keys and line endings stay
as the editor left them. A value that continues on the next lines is left alone (never guessed).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError
from .notices import ContentNotice
from .reader import find_sources, parse_source
from .schema import EntryErrors, parse_entry
from .taxonomy import Taxonomies

LINE_RE = re.compile(r"^(?P<key>[^\s#:'\"-][^:]*?)(?P<colon>\s*:)(?P<rest>.*?)(?P<eol>\r?\n?)$", re.DOTALL)


@dataclass(frozen=True)
class FileFix:
    path: Path
    rel: str
    before: str
    after: str
    notices: tuple[ContentNotice, ...]

    def diff(self) -> str:
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True), f"a/{self.rel}", f"b/{self.rel}"
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)

    def write(self) -> None:
        with open(self.path, "w", encoding="utf-8", newline="") as handle:
            handle.write(self.after)


def _comment(rest: str) -> str:
    """The trailing ' # ...' of a value, outside quotes, or ''."""
    quote: str | None = None
    for index, char in enumerate(rest):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'" and not rest[:index].strip():
            quote = char
        elif char == "#" and index > 0 and rest[index - 1] in " \t":
            value_end = len(rest[:index].rstrip())
            return rest[value_end:].rstrip()
    return ""


def rewrite(text: str, notices: list[ContentNotice]) -> str:
    """`text` (a whole content file) with each notice's value replaced by its canonical text."""
    lines = text.splitlines(keepends=True)
    for notice in notices:
        if notice.line is None or not 1 <= notice.line <= len(lines) or not notice.field:
            continue
        index = notice.line - 1
        match = LINE_RE.match(lines[index])
        if match is None or match["key"].strip() != notice.field:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if following[:1] in (" ", "\t") and following.strip():
            continue  # the value goes on below: a block or folded value, not ours to rewrite
        lines[index] = f"{match['key']}: {notice.canonical}{_comment(match['rest'])}{match['eol']}"
    return "".join(lines)


def plan_fixes(root: Path, taxonomies: Taxonomies) -> list[FileFix]:
    """Every content file whose front matter has a value to rewrite, with the rewritten text."""
    fixes = []
    sources, _ = find_sources(root)
    for source in sources:
        try:
            parsed = parse_source(source)
            notices = parse_entry(parsed, root, taxonomies).notices
        except SourceError:
            continue  # `check` reports it; nothing was understood
        except EntryErrors as problems:
            notices = problems.notices
        if not notices:
            continue
        before = source.path.read_bytes().decode("utf-8")
        after = rewrite(before, list(notices))
        if after != before:
            fixes.append(FileFix(source.path, source.rel, before, after, tuple(notices)))
    return fixes
