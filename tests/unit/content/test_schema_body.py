"""Local files and links in Markdown bodies: each must exist, with the body line in the error."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_kit import errors_of, line_of, make_image, news_text, only, parse, write

from newsroom.content.model import Article

BUNDLE = "articles/news/2024/ngay-hoi"


def _write(root: Path, body: str) -> tuple[str, str]:
    text = news_text(body=body)
    return write(root, f"{BUNDLE}/index.md", text), text


def test_schema_body_image_that_exists_becomes_an_asset(root: Path) -> None:
    make_image(root / BUNDLE / "anh-1.jpg")
    make_image(root / BUNDLE / "anh" / "2.png")
    rel, _ = _write(root, '\nMở đầu.\n\n![Ảnh một](anh-1.jpg)\n\n<img src="anh/2.png" alt="Ảnh hai">\n')

    article = parse(root, rel)

    assert {a.name for a in article.assets} >= {"anh-1.jpg", "anh/2.png"}


def test_schema_body_missing_image_names_body_line(root: Path) -> None:
    # No blank line after the closing '---'.
    rel, text = _write(root, "Mở đầu.\n\n![Ảnh](khong-co.jpg)\n")

    error = only(errors_of(root, rel), None)

    assert error.path == rel
    assert error.line == line_of(text, "![Ảnh]")
    assert "'khong-co.jpg'" in error.message


def test_schema_body_missing_image_after_blank_line_names_body_line(root: Path) -> None:
    # The usual layout: a blank line between the closing '---' and the first paragraph.
    rel, text = _write(root, "\nMở đầu.\n\n![Ảnh](khong-co.jpg)\n")

    error = only(errors_of(root, rel), None)

    assert error.line == line_of(text, "![Ảnh]")


def test_schema_body_missing_image_after_two_blank_lines_names_body_line(root: Path) -> None:
    rel, text = _write(root, "\n\n![Ảnh](khong-co.jpg)\n")

    error = only(errors_of(root, rel), None)

    assert error.line == line_of(text, "![Ảnh]")


def test_schema_body_missing_image_suggests_near_name(root: Path) -> None:
    make_image(root / BUNDLE / "anh-bia.jpg")
    rel, _ = _write(root, "Mở đầu.\n![Ảnh](Anh-bia.jpg)\n")

    error = only(errors_of(root, rel), None)

    assert "anh-bia.jpg" in (error.hint or "")


def test_schema_body_every_missing_file_is_reported_with_its_line(root: Path) -> None:
    body = "Mở đầu.\n\n![A](a.jpg)\n\nXem [tài liệu](tai-lieu.pdf).\n\n[ref]: so-lieu.xlsx\n\n<img src='b.png'>\n"
    rel, text = _write(root, body)

    errors = errors_of(root, rel)

    assert {(e.line, e.field) for e in errors} == {
        (line_of(text, "![A]"), None),
        (line_of(text, "Xem [tài liệu]"), None),
        (line_of(text, "[ref]:"), None),
        (line_of(text, "<img"), None),
    }


@pytest.mark.parametrize("target", ["bai-khac.md", "../bai-khac/index.md", "./bai-khac/", "bai-khac.md#muc-2"])
def test_schema_body_link_to_content_file(root: Path, target: str) -> None:
    rel, text = _write(root, f"Mở đầu.\n\nXem [bài trước]({target}).\n")

    error = only(errors_of(root, rel), None)

    assert error.path == rel
    assert error.line == line_of(text, "Xem [bài trước]")
    assert f"'{target}'" in error.message
    assert "/bai-viet/" in (error.hint or "")


def test_schema_body_file_outside_articles(root: Path) -> None:
    make_image(root / "anh.jpg")
    rel, text = _write(root, "Mở đầu.\n![Ảnh](../../../../anh.jpg)\n")

    error = only(errors_of(root, rel), None)

    assert error.line == line_of(text, "![Ảnh]")
    assert "ngoài thư mục articles/" in error.message


def test_schema_body_image_of_another_article_inside_articles_is_accepted(root: Path) -> None:
    make_image(root / "articles/news/2024/bai-khac/anh.jpg")
    rel, _ = _write(root, "Mở đầu.\n![Ảnh](../bai-khac/anh.jpg)\n")

    assert (root / "articles/news/2024/bai-khac/anh.jpg").resolve() in {a.src for a in parse(root, rel).assets}


@pytest.mark.parametrize(
    "body",
    [
        "Xem [trang](https://tainangviet.vn/) và [ảnh gốc](https://example.com/a.png).",
        "Chú thích[^1].\n\n[^1]: Theo https://example.com/a.png",
        "Liên hệ [email](mailto:a@example.com) hoặc [gọi](tel:+84123).",
        "Về [đầu trang](#dau-trang) hoặc [chuyên mục](/chuyen-muc/hoat-dong/).",
        "Địa chỉ [mạng](//example.com/x).",
        "```markdown\n![Ảnh](khong-co.jpg)\n```",
        "Ví dụ: `![Ảnh](khong-co.jpg)` là cú pháp chèn ảnh.",
        "~~~\n[tệp](bai.md)\n~~~",
    ],
)
def test_schema_body_refs_that_are_not_local_files_are_ignored(root: Path, body: str) -> None:
    rel, _ = _write(root, f"Mở đầu.\n\n{body}\n")

    assert isinstance(parse(root, rel), Article)


def test_schema_body_only_the_files_the_entry_uses_go_with_the_page(root: Path) -> None:
    make_image(root / BUNDLE / "anh-bia.jpg")
    make_image(root / BUNDLE / "khong-dung.jpg")  # in the folder, used nowhere: content/unused.py reports it
    (root / BUNDLE / "tai-lieu.pdf").write_bytes(b"%PDF-1.4\n")
    (root / BUNDLE / ".DS_Store").write_bytes(b"")
    rel, _ = _write(root, "Mở đầu.\n\n![Ảnh](anh-bia.jpg)\n\n[Tài liệu](tai-lieu.pdf)\n")

    article = parse(root, rel)

    assert sorted(a.name for a in article.assets) == ["anh-bia.jpg", "tai-lieu.pdf"]
    assert all(a.src.is_absolute() for a in article.assets)


@pytest.mark.parametrize(
    "snippet",
    [
        "![logo](https://example.com/a.png)",
        '<img src="https://example.com/pixel.gif" alt="">',
        "<img src='//example.com/pixel.gif'>",
        "![logo][l]\n\n[l]: https://example.com/a.png",
        "![logo]\n\n[logo]: http://example.com/a.png",
    ],
)
def test_schema_body_image_from_another_site_is_an_error_with_its_line(root: Path, snippet: str) -> None:
    # The site makes no third-party requests, and a remote image is a tracking pixel.
    rel, text = _write(root, f"Mở đầu.\n\n{snippet}\n")

    error = only(errors_of(root, rel), None)

    assert "lấy từ trang khác" in error.message
    assert "thư mục của bài" in (error.hint or "")
    assert error.line is not None and error.line >= line_of(text, snippet.splitlines()[0])


@pytest.mark.parametrize(
    "snippet",
    [
        '<img src="anh.jpg" srcset="javascript:alert(4) 1x">',
        '<picture><source srcset="anh.jpg 1x"><img src="anh.jpg" alt="x"></picture>',
    ],
)
def test_schema_body_hand_written_srcset_is_an_error(root: Path, snippet: str) -> None:
    make_image(root / BUNDLE / "anh.jpg")
    rel, text = _write(root, f"Mở đầu.\n\n{snippet}\n")

    error = only(errors_of(root, rel), None)

    assert "srcset" in error.message
    assert error.line == line_of(text, snippet)


@pytest.mark.parametrize(
    ("snippet", "element"),
    [
        ('<script src="https://example.com/a.js">', "<script>"),
        ("<style>p { color: red }", "<style>"),
        ("<math><style>", "<style>"),
        ("<TEXTAREA>", "<textarea>"),
        ("<!-- chưa đóng", "'<!--'"),
    ],
)
def test_schema_body_unclosed_raw_text_element_is_an_error_not_a_lost_article(root: Path, snippet: str, element: str) -> None:
    # The sanitiser would remove everything after it from the page, the feeds and the search index.
    rel, text = _write(root, f"Mở đầu.\n\n{snippet}\n\nĐoạn cuối vẫn phải được đăng.\n")

    error = only(errors_of(root, rel), None)

    assert element in error.message
    assert error.line == line_of(text, snippet)


@pytest.mark.parametrize(
    "body",
    [
        "Mở đầu.\n\n<script>alert(1)</script>\n\nCuối.",
        "Mở đầu.\n\n<!-- ghi chú của biên tập -->\n\nCuối.",
        "Mã mẫu:\n\n```html\n<script>\n```\n\nvà `<style>` trong dòng.",
    ],
)
def test_schema_body_closed_or_quoted_raw_text_elements_are_accepted(root: Path, body: str) -> None:
    rel, _ = _write(root, body + "\n")

    assert isinstance(parse(root, rel), Article)


def test_schema_body_of_only_a_comment_is_an_empty_article(root: Path) -> None:
    rel, _ = _write(root, "\n<!-- -->\n")

    error = only(errors_of(root, rel), None)

    assert "chưa có nội dung" in error.message
