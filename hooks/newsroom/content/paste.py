"""Text pasted from Word or a chat app: invisible characters out, broken layout named.

Word and Zalo leave zero-width spaces inside words ("VNe\u200bID"), a byte-order mark or soft
hyphens; they are dropped from bodies and titles, since no reader sees them but search and copy
break on them. Layout that Markdown reads differently from how it looks is reported as a
`ContentWarning` with the line and the fix, and normalised where the intent is unambiguous:

- `\\t•\\tMục` or `• Mục`: a bullet character is not a Markdown list → written as `- Mục`;
- a tab-indented line after a blank line would become a monospace code box → `- Mục` for a
  tab-indented bullet or number, a warning for other text;
- lines with tabs between cells (a table pasted from Word) → a Markdown table when every row
  has the same number of cells, a warning otherwise;
- sentences on consecutive lines without a blank line between merge into one paragraph → warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INVISIBLE_RE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]")
"""Zero-width space, word joiner, BOM / zero-width no-break space, soft hyphen, Mongolian vowel separator."""

FENCE_RE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
BULLET_RE = re.compile(r"^[ \t]*[•●▪◦‣∙○■□➢➤►][ \t]*(?P<text>\S.*)$")
TAB_ITEM_RE = re.compile(r"^\t+[ \t]*(?P<marker>[-*+]|\d{1,3}[.)])[ \t]+(?P<text>\S.*)$")
TAB_TEXT_RE = re.compile(r"^(?:\t| {0,3}\t)[ \t]*\S")
LIST_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S")
SENTENCE_END_RE = re.compile(r"[.!?…:;\"”)][*_]*$")
"""A line that ends a sentence, also inside bold or italic (`**Câu dẫn.**`)."""
STRUCTURE_RE = re.compile(r"^[ \t]*(?:#|>|\||<|[-*+] |\d{1,3}[.)] |!\[|\[[^\]]*\]:|-{3,}|\*{3,}|={3,})")


def strip_invisible(text: str) -> str:
    return INVISIBLE_RE.sub("", text)


@dataclass(frozen=True)
class PasteProblem:
    """One layout problem in a body: the 0-based line index, what is wrong, how to write it."""

    index: int
    message: str
    hint: str


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip("\t ").split("\t") if cell.strip()]


def _is_table_row(line: str) -> bool:
    return "\t" in line.strip("\t ") and len(_cells(line)) >= 2


def _short(line: str) -> str:
    text = " ".join(line.split())
    return text if len(text) <= 50 else text[:47] + "..."


def tidy_body(body: str) -> tuple[str, list[PasteProblem]]:
    """`body` with invisible characters dropped and unambiguous paste layout normalised, and the problems."""
    lines = strip_invisible(body).split("\n")
    out: list[str] = []
    problems: list[PasteProblem] = []
    in_fence: str | None = None
    tab_run = False  # the line before was a tab-indented item we normalised: the run goes on
    index = 0
    while index < len(lines):
        line = lines[index]
        continuing, tab_run = tab_run, False
        fence = FENCE_RE.match(line)
        if in_fence is not None:
            out.append(line)
            if fence and fence.group(1)[0] == in_fence[0] and len(fence.group(1)) >= len(in_fence):
                in_fence = None
            index += 1
            continue
        if fence:
            in_fence = fence.group(1)
            out.append(line)
            index += 1
            continue
        previous = out[-1] if out else ""
        bullet = BULLET_RE.match(line)
        if bullet:
            if previous.strip() and not LIST_RE.match(previous):
                out.append("")  # Markdown starts a list only after a blank line
            out.append(f"- {bullet['text']}")
            if index == 0 or not BULLET_RE.match(lines[index - 1]):
                problems.append(
                    PasteProblem(
                        index,
                        f"dòng '{_short(line)}' dùng dấu '•' (dán từ Word): đã hiển thị thành danh sách",
                        f"viết mỗi mục bắt đầu bằng '- ', ví dụ: - {_short(bullet['text'])}",
                    )
                )
            index += 1
            continue
        if _is_table_row(line) and index + 1 < len(lines) and _is_table_row(lines[index + 1]):
            end = index
            while end < len(lines) and _is_table_row(lines[end]):
                end += 1
            rows = [_cells(row) for row in lines[index:end]]
            if len({len(row) for row in rows}) == 1:
                if previous.strip():
                    out.append("")
                out.append("| " + " | ".join(rows[0]) + " |")
                out.append("|" + "---|" * len(rows[0]))
                out.extend("| " + " | ".join(row) + " |" for row in rows[1:])
                problems.append(
                    PasteProblem(
                        index,
                        f"bảng dán từ Word ({len(rows)} dòng, các ô cách nhau bằng dấu tab): đã hiển thị thành bảng, dòng đầu là tiêu đề",
                        "viết bảng Markdown: | " + " | ".join(rows[0]) + " | rồi dòng |---|---| và các dòng tiếp theo",
                    )
                )
            else:
                out.extend(lines[index:end])
                problems.append(
                    PasteProblem(
                        index,
                        "các dòng có dấu tab giữa các ô (bảng dán từ Word) sẽ hiện thành chữ liền nhau",
                        "viết bảng Markdown, mỗi dòng cùng số ô: | Cột 1 | Cột 2 | rồi dòng |---|---|",
                    )
                )
            index = end
            continue
        starts_code = (not previous.strip() and not _in_list(out)) or continuing
        tab_item = TAB_ITEM_RE.match(line)
        if tab_item and starts_code:
            tab_run = True
            marker = tab_item["marker"]
            out.append(f"{marker} {tab_item['text']}")
            problems.append(
                PasteProblem(
                    index,
                    f"dòng '{_short(line)}' thụt đầu dòng bằng dấu tab nên sẽ thành khung chữ máy: đã hiển thị thành danh sách",
                    f"bỏ dấu tab ở đầu dòng: {marker} {_short(tab_item['text'])}",
                )
            )
            index += 1
            continue
        if TAB_TEXT_RE.match(line) and starts_code:
            problems.append(
                PasteProblem(
                    index,
                    f"dòng '{_short(line)}' thụt đầu dòng bằng dấu tab nên sẽ hiện trong khung chữ máy (phông chữ đều, tràn màn hình điện thoại)",
                    "bỏ dấu tab ở đầu dòng; muốn làm danh sách thì viết - ở đầu mỗi mục",
                )
            )
            while index < len(lines) and (TAB_TEXT_RE.match(lines[index]) or not lines[index].strip()):
                out.append(lines[index])
                index += 1
            continue
        out.append(line)
        index += 1
    problems.extend(_merged_paragraphs(lines))
    return "\n".join(out), sorted(problems, key=lambda p: p.index)


def _in_list(out: list[str]) -> bool:
    """Whether the last non-blank line written is a list item (a tab then continues the list)."""
    for line in reversed(out):
        if line.strip():
            return bool(LIST_RE.match(line)) or line.startswith(("\t", "    "))
    return False


def _merged_paragraphs(original: list[str]) -> list[PasteProblem]:
    """Sentences on consecutive lines, each a whole paragraph from Word, which Markdown joins."""
    problems = []
    in_fence = False
    reported_block = False
    for index in range(len(original) - 1):
        line, following = original[index], original[index + 1]
        if FENCE_RE.match(line):
            in_fence = not in_fence
        if in_fence or not line.strip():
            reported_block = False
            continue
        if (
            not reported_block
            and len(line.strip()) >= 60
            and SENTENCE_END_RE.search(line.rstrip())
            and following.strip()[:1].isupper()
            and not STRUCTURE_RE.match(line)
            and not STRUCTURE_RE.match(following)
            and not line.endswith(("  ", "\\"))
            and "\t" not in line
        ):
            problems.append(
                PasteProblem(
                    index + 1,
                    f"đoạn '{_short(following)}' nằm ngay dưới đoạn trước, không có dòng trống nên hai đoạn sẽ dính làm một",
                    "để một dòng trống giữa hai đoạn văn",
                )
            )
            reported_block = True
    return problems
