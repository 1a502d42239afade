"""Text pasted from Word or a chat app: invisible characters dropped, layout normalised or warned."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from content_kit import parse_article

from newsroom.content.paste import strip_invisible, tidy_body

Maker = Callable[..., str]


@pytest.mark.parametrize("char", ["\u200b", "\ufeff", "\u00ad", "\u2060"])
def test_paste_invisible_characters_stripped(char: str) -> None:
    assert strip_invisible(f"VNe{char}ID") == "VNeID"
    body, problems = tidy_body(f"\nCài ứng dụng VNe{char}ID.\n")
    assert body == "\nCài ứng dụng VNeID.\n" and problems == []


def test_paste_bullets_become_a_list_after_a_blank_line() -> None:
    body, problems = tidy_body("Các bước:\n\t•\tTải ứng dụng\n• Đăng ký tài khoản\n")

    assert body == "Các bước:\n\n- Tải ứng dụng\n- Đăng ký tài khoản\n"
    [problem] = problems  # one warning for the run of bullets
    assert problem.index == 1 and "'•'" in problem.message
    assert "- Tải ứng dụng" in problem.hint


def test_paste_tab_indented_bullet_after_blank_line_becomes_list() -> None:
    body, problems = tidy_body("Mở đầu.\n\n\t- Mục một\n\t1. Mục hai\n")

    assert body == "Mở đầu.\n\n- Mục một\n1. Mục hai\n"
    assert [p.index for p in problems] == [2, 3]
    assert "khung chữ máy" in problems[0].message


def test_paste_nested_list_with_tab_is_left_alone() -> None:
    text = "- Mục cha\n\t- Mục con\n"

    assert tidy_body(text) == (text, [])


def test_paste_tab_indented_text_warned_not_changed() -> None:
    text = "Mở đầu.\n\n\tĐoạn thụt vào bằng tab.\n\tDòng thứ hai.\n"

    body, [problem] = tidy_body(text)

    assert body == text
    assert problem.index == 2
    assert "khung chữ máy" in problem.message and "bỏ dấu tab" in problem.hint


def test_paste_tab_table_becomes_markdown_table() -> None:
    body, [problem] = tidy_body("Kết quả:\nĐơn vị\tSố người\nPhường A\t120\nPhường B\t95\n")

    assert body == "Kết quả:\n\n| Đơn vị | Số người |\n|---|---|\n| Phường A | 120 |\n| Phường B | 95 |\n"
    assert problem.index == 1 and "bảng" in problem.message


def test_paste_uneven_tab_table_is_warned() -> None:
    text = "A\tB\tC\nD\tE\n"

    body, [problem] = tidy_body(text)

    assert body == text and "mỗi dòng cùng số ô" in problem.hint


def test_paste_single_newline_paragraphs_warned() -> None:
    text = (
        "Sáng 3/10, hơn 200 đoàn viên ra quân hướng dẫn người dân cài đặt ứng dụng định danh điện tử.\n"
        "Buổi chiều, các đội hình tiếp tục hỗ trợ người cao tuổi tại nhà văn hoá các khu phố.\n"
    )

    body, [problem] = tidy_body(text)

    assert body == text
    assert problem.index == 1 and "dính làm một" in problem.message and "dòng trống" in problem.hint


def test_paste_single_newline_after_a_bold_lead_warned() -> None:
    text = (
        "**Sáng 3/10, tại nhà văn hoá phường, đoàn viên đã hướng dẫn người dân cài VNeID.**\n"
        "Hoạt động kéo dài cả buổi sáng.\n"
    )

    body, [problem] = tidy_body(text)

    assert body == text and problem.index == 1 and "Hoạt động kéo dài" in problem.message


def test_paste_code_fence_left_alone() -> None:
    text = "```\n\t•\tkhông đổi\nA\tB\nC\tD\n```\n"

    assert tidy_body(text) == (text, [])


def test_paste_ordinary_markdown_has_no_warning() -> None:
    text = "Mở đầu ngắn.\n\n- Mục một\n- Mục hai\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n## Tiêu đề\n\nĐoạn cuối.\n"

    assert tidy_body(text) == (text, [])


def test_paste_article_title_and_body_published_clean(root: Path, news: Maker) -> None:
    rel = news(title='"Cài VNe\u200bID cho người dân"', body="\nHướng dẫn cài VNe\u200bID.\n\n\t•\tBước một\n")

    article = parse_article(root, rel)

    assert article.title == "Cài VNeID cho người dân"
    assert "\u200b" not in article.body and "- Bước một" in article.body
    [warning] = article.warnings
    assert warning.path == rel and warning.line == 11  # the bullet's line in the file (---, 5 fields, ---, blank, text, blank)
    assert warning.format().startswith(f"Cảnh báo: {rel}:11: ")
