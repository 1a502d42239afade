"""YAML syntax errors of a front matter, explained in Vietnamese with the line corrected.

The parser says "mapping values are not allowed in this context"; the editor needs to hear that
`title: Hà Nội: ngày hội số` has a second ':' and should read `title: "Hà Nội: ngày hội số"`.
`explain` turns a parser error into that message, the file line and the corrected line; a case it
does not know still gets a Vietnamese message and the general hint, never the parser's English.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

KEY_VALUE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<dash>-[ \t]+)?(?P<key>[^\s:#'\"\-][^:]*?):[ \t]+(?P<value>.+?)[ \t]*$")
GENERAL_HINT = "kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép; giá trị có dấu ':' cần đặt trong ngoặc kép"


@dataclass(frozen=True)
class YamlProblem:
    message: str
    index: int
    """0-based line of the front matter text."""
    hint: str


def quoted(value: str) -> str:
    """`value` as one YAML string: double quotes, or single quotes when it starts with a double quote."""
    if value.startswith('"'):
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


def _quote_line(line: str) -> str | None:
    match = KEY_VALUE_RE.match(line)
    if match is None:
        return None
    return f"{match['indent']}{match['dash'] or ''}{match['key']}: {quoted(match['value'])}"


def _line(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _fixed(corrected: str | None, fallback: str) -> str:
    return f"sửa thành: {corrected.strip()}" if corrected else fallback


def explain(exc: yaml.MarkedYAMLError, front_matter: str) -> YamlProblem:
    """What is wrong, on which line of `front_matter`, and the corrected line where it can be written."""
    lines = front_matter.split("\n")
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    index = mark.line if mark else 0
    start = exc.context_mark.line if exc.context_mark else index
    line = _line(lines, index)

    if "mapping values are not allowed" in problem:
        previous = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
        if line[:1] in " \t" and KEY_VALUE_RE.match(previous) and not previous.rstrip().endswith(":"):
            return YamlProblem(
                f"dòng '{line.strip()}' bị thụt vào đầu dòng nên YAML hiểu là phần tiếp của dòng trên",
                index,
                f"viết các trường sát lề trái: {line.strip()}",
            )
        key = KEY_VALUE_RE.match(line)
        name = f" của '{key['key']}'" if key else ""
        return YamlProblem(
            f"giá trị{name} có dấu hai chấm ':' nên YAML hiểu nhầm là một trường mới",
            index,
            _fixed(_quote_line(line), "đặt cả giá trị trong ngoặc kép"),
        )
    if "tab" in problem:
        return YamlProblem(
            "dòng bắt đầu bằng dấu tab: YAML chỉ chấp nhận dấu cách để thụt lề",
            index,
            f"thay dấu tab bằng dấu cách: {line.replace(chr(9), '  ').strip() or line.strip()}",
        )
    if "quoted scalar" in context:
        line = _line(lines, start)
        opened = line[exc.context_mark.column] if exc.context_mark and exc.context_mark.column < len(line) else '"'
        kind = "kép" if opened == '"' else "đơn"
        text = line.strip()
        corrected = text[:-1] + opened + text[-1] if text.endswith(("]", "}")) else text + opened
        return YamlProblem(
            f"dấu ngoặc {kind} mở ở dòng này chưa được đóng",
            start,
            f"thêm dấu ngoặc {kind} đóng ({opened}): {corrected}",
        )
    if "flow sequence" in context or "flow mapping" in context:
        line = _line(lines, start)
        closing = "]" if "sequence" in context else "}"
        what = "danh sách mở bằng '['" if closing == "]" else "bảng mở bằng '{'"
        if line.count('"') % 2 == 1:
            text = line.strip()
            corrected = text[:-1] + '"' + closing if text.endswith(closing) else text + '"'
            return YamlProblem(
                f"trong {what} có dấu ngoặc kép chưa được đóng",
                start,
                f"đóng ngoặc kép cho mục đó: {corrected}",
            )
        return YamlProblem(
            f"{what} chưa được đóng, hoặc thiếu dấu phẩy giữa các mục",
            start,
            f"đóng bằng '{closing}' trên cùng dòng, các mục cách nhau bằng dấu phẩy: {line.strip()}{closing}"
            if not line.rstrip().endswith(closing)
            else "các mục cách nhau bằng dấu phẩy; mục có dấu phẩy hay ':' đặt trong ngoặc kép",
        )
    if "could not find expected ':'" in problem:
        line = _line(lines, start)
        words = line.strip().split(None, 1)
        missing = f"{words[0]}: {words[1]}" if len(words) == 2 and re.fullmatch(r"[A-Za-z_]+", words[0]) else None
        return YamlProblem(
            f"dòng '{line.strip()}' thiếu dấu hai chấm sau tên trường",
            start,
            _fixed(missing, "viết tên trường, dấu ':', một dấu cách rồi giá trị, ví dụ: date: 2025-10-05"),
        )
    if "did not find expected key" in problem or "expected <block end>" in problem:
        if line.lstrip().startswith("- ") and not line[:1].isspace():
            return YamlProblem(
                f"mục danh sách '{line.strip()}' không thuộc trường nào",
                index,
                "viết mục ngay dưới tên trường, thụt vào hai dấu cách: '  - ...'",
            )
        key = KEY_VALUE_RE.match(line)
        if key and key["value"][:1] in "\"'":
            return YamlProblem(
                f"giá trị của '{key['key']}' có chữ sau dấu ngoặc đóng",
                index,
                _fixed(_quote_line(line), "đặt cả giá trị trong một cặp ngoặc kép"),
            )
        return YamlProblem("thụt lề không đều: các trường phải thẳng hàng", index, "viết các trường sát lề trái")
    if "cannot start any token" in problem or "undefined alias" in problem or "constructor for the tag" in problem:
        first = line[mark.column] if mark and mark.column < len(line) else ""
        return YamlProblem(
            f"giá trị không được bắt đầu bằng '{first}' khi không có ngoặc kép" if first else "giá trị cần đặt trong ngoặc kép",
            index,
            _fixed(_quote_line(line), "đặt cả giá trị trong ngoặc kép"),
        )
    return YamlProblem("phần thông tin đầu bài viết sai cú pháp", index, GENERAL_HINT)
