"""YAML syntax errors in Vietnamese, at the right line, with the corrected line as the hint."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_kit import errors_of, write

ENGLISH = ("mapping values", "not allowed", "could not", "expected", "found", "while scanning", "token", "alias")


def _file(front_matter: str) -> str:
    return "---\n" + front_matter + "---\n\nNội dung.\n"


@pytest.mark.parametrize(
    ("front_matter", "line", "said", "hint"),
    [
        ("title: Hà Nội: ngày hội số\ndate: 2025-10-03\n", 2, "dấu hai chấm", 'title: "Hà Nội: ngày hội số"'),
        ('title: "Hà Nội\ndate: 2025-10-03\n', 2, "ngoặc kép", 'title: "Hà Nội"'),
        ("title: 'Hà Nội\ndate: 2025-10-03\n", 2, "ngoặc đơn", "title: 'Hà Nội'"),
        ('title: "Hà Nội" ngày hội\ndate: 2025-10-03\n', 2, "sau dấu ngoặc đóng", "title: '\"Hà Nội\" ngày hội'"),
        ("title: a\n\tdate: 2025-10-03\n", 3, "dấu tab", "date: 2025-10-03"),
        ("title: a\n  date: 2025-10-03\n", 3, "thụt vào", "date: 2025-10-03"),
        ("title: a\ndate 2025-10-03\nauthors: [B]\n", 3, "thiếu dấu hai chấm", "date: 2025-10-03"),
        ("title: @tinhdoan tin\n", 2, "'@'", 'title: "@tinhdoan tin"'),
        ("title: *Quan trọng* hôm nay\n", 2, "'*'", 'title: "*Quan trọng* hôm nay"'),
        ("tags: [a, b\ndate: 2025-10-03\n", 2, "'['", "tags: [a, b]"),
        ('tags: [chuyển đổi số, "thanh niên]\ndate: 2025-10-03\n', 2, "ngoặc kép", 'tags: [chuyển đổi số, "thanh niên"]'),
        ("members:\n  - {name: A, age: 17\n", 3, "'{'", "- {name: A, age: 17}"),
        ("title: a\n- b\n", 3, "không thuộc trường nào", "thụt vào hai dấu cách"),
    ],
)
def test_yaml_errors_explained_in_vietnamese_with_corrected_line(
    root: Path, front_matter: str, line: int, said: str, hint: str
) -> None:
    rel = write(root, "articles/news/a.md", _file(front_matter))

    [error] = errors_of(root, rel)

    assert (error.path, error.line) == (rel, line)
    assert error.message.startswith("lỗi cú pháp YAML: ")
    assert said in error.message
    assert hint in (error.hint or "")
    for word in ENGLISH:
        assert word not in error.message.lower() and word not in (error.hint or "").lower()


def test_yaml_errors_line_counts_leading_blank_lines(root: Path) -> None:
    rel = write(root, "articles/news/a.md", "\n\n" + _file("title: Hà Nội: ngày hội số\n"))

    [error] = errors_of(root, rel)

    assert error.line == 4
    assert error.format() == (
        f"{rel}:4: lỗi cú pháp YAML: giá trị của 'title' có dấu hai chấm ':' nên YAML hiểu nhầm là một trường mới"
        '\n    Gợi ý: sửa thành: title: "Hà Nội: ngày hội số"'
    )
