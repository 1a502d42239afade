"""Nothing from outside articles/ is read or published: symlinks, FIFOs and devices are refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from content_kit import errors_of, make_image, news_text, parse_article, write

from newsroom.content.errors import SourceError
from newsroom.content.reader import find_sources, parse_source


def _messages(root: Path) -> dict[str, str]:
    _sources, errors = find_sources(root)
    return {e.path: e.message for e in errors}


def test_symlink_in_a_bundle_is_refused_and_not_published(root: Path) -> None:
    rel = write(root, "articles/news/2024/bai/index.md", news_text())
    os.symlink("/etc/passwd", root / "articles/news/2024/bai/passwd.txt")
    os.symlink(root / "mkdocs.yml", root / "articles/news/2024/bai/cau-hinh.yml")

    messages = _messages(root)

    assert "symlink" in messages["articles/news/2024/bai/passwd.txt"]
    assert "symlink" in messages["articles/news/2024/bai/cau-hinh.yml"]
    names = {asset.name for asset in parse_article(root, rel).assets}
    assert "passwd.txt" not in names and "cau-hinh.yml" not in names


def test_symlinked_folder_and_markdown_file_are_refused(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "bi-mat.md").write_text(news_text(), encoding="utf-8")
    os.symlink(outside, root / "articles/news/thu-muc-lien-ket")
    os.symlink(outside / "bi-mat.md", root / "articles/news/bai-lien-ket.md")

    sources, errors = find_sources(root)

    assert sources == []
    assert {e.path for e in errors} == {"articles/news/thu-muc-lien-ket", "articles/news/bai-lien-ket.md"}


def test_markdown_symlinked_to_dev_zero_is_never_read(root: Path) -> None:
    os.symlink("/dev/zero", root / "articles/news/vo-han.md")
    sources, errors = find_sources(root)
    assert sources == []
    assert [e.path for e in errors] == ["articles/news/vo-han.md"]


def test_fifo_named_md_is_never_opened(root: Path) -> None:
    os.mkfifo(root / "articles/news/ong.md")
    sources, errors = find_sources(root)
    assert sources == []
    assert [e.path for e in errors] == ["articles/news/ong.md"]
    assert "FIFO" in errors[0].message


def test_parse_source_refuses_a_fifo_without_opening_it(root: Path) -> None:
    write(root, "articles/news/bai.md", news_text())
    source = find_sources(root)[0][0]
    (root / "articles/news/bai.md").unlink()
    os.mkfifo(root / "articles/news/bai.md")
    with pytest.raises(SourceError):
        parse_source(source)


def test_symlink_loop_gives_one_error(root: Path) -> None:
    os.symlink("vong", root / "articles/news/vong")
    _sources, errors = find_sources(root)
    assert [e.path for e in errors] == ["articles/news/vong"]


def test_cover_through_a_symlink_is_refused(root: Path) -> None:
    make_image(root / "articles/news/that.jpg")
    os.symlink(root / "articles/news/that.jpg", root / "articles/news/lien-ket.jpg")
    rel = write(root, "articles/news/bai.md", news_text(extra=["cover: lien-ket.jpg", 'cover_alt: "Ảnh"']))
    errors = errors_of(root, rel)
    assert any(e.field == "cover" and "liên kết" in e.message for e in errors), [e.format() for e in errors]


@pytest.mark.parametrize("name", ["trang.html", "ve.svg", "ma.js", "ghi-chu.txt", "nhap.markdown", "index.html"])
def test_raw_files_in_a_bundle_are_reported_and_never_served(root: Path, name: str) -> None:
    rel = write(root, "articles/news/2024/bai/index.md", news_text())
    write(root, f"articles/news/2024/bai/{name}", "<svg onload=alert(1)>")
    (root / "articles/news/2024/bai/tai-lieu.pdf").write_bytes(b"%PDF-1.4\n")
    write(root, "articles/news/2024/bai/index.md", news_text(body="\nMở đầu.\n\n[Tài liệu](tai-lieu.pdf)\n"))

    messages = _messages(root)

    assert name in messages[f"articles/news/2024/bai/{name}"]
    assert "articles/news/2024/bai/tai-lieu.pdf" not in messages
    names = {asset.name for asset in parse_article(root, rel).assets}
    assert names == {"tai-lieu.pdf"}


@pytest.mark.parametrize("name", ["bia.svg", "bia.txt"])
def test_svg_or_text_cover_is_refused_as_an_image(root: Path, name: str) -> None:
    write(root, f"articles/news/{name}", "<svg onload=alert(1)>")
    rel = write(root, "articles/news/bai.md", news_text(extra=[f"cover: {name}", 'cover_alt: "Ảnh"']))
    errors = [e for e in errors_of(root, rel) if e.field == "cover"]
    assert len(errors) == 1 and "không phải ảnh" in errors[0].message, [e.format() for e in errors]


def test_body_link_to_an_html_file_is_refused(root: Path) -> None:
    write(root, "articles/news/2024/bai/index.md", news_text(body="\n[Xem](trang.html)\n"))
    write(root, "articles/news/2024/bai/trang.html", "<script>alert(1)</script>")
    errors = errors_of(root, "articles/news/2024/bai/index.md")
    assert any("trang.html" in e.message and e.line for e in errors), [e.format() for e in errors]
