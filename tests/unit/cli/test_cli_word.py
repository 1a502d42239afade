"""`newsroom import-word`, run in-process through main(): the bundle written, what check still asks, every refusal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import frontmatter
import pytest

from docx_kit import FILLED, SLUG, TITLE, article_docx, picture
from newsroom.cli.main import main

EPOCH = "1728536400"  # 2024-10-10 12:00 in Vietnam
TARGET = f"articles/news/2024/{SLUG}"


@pytest.fixture(autouse=True)
def pinned_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def _document(tmp_path: Path, *paragraphs: str, heading: str = "", core_title: str = "") -> Path:
    document = docx.Document()
    document.core_properties.title = core_title
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "tai-lieu.docx"
    document.save(str(path))
    return path


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cli_word_writes_the_bundle_that_check_accepts(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, "import-word", str(article_docx(tmp_path / "bai.docx")), *FILLED) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert f"Đã tạo {TARGET}/index.md từ 'bai.docx' (bản nháp, địa chỉ /bai-viet/{SLUG}/)." in out
    assert f"Tiêu đề: {TITLE}" in out
    assert "2 mục, 1 bảng, 1 liên kết, 2 ảnh (anh-1.png, anh-2.jpg)" in out
    assert "Đã xoá 1 ký tự vô hình" in out
    assert "sẽ còn hỏi" not in out
    folder = root / TARGET
    assert sorted(_tree(folder)) == ["anh-1.png", "anh-2.jpg", "index.md"]
    post = frontmatter.load(folder / "index.md")
    assert {k: str(v) for k, v in post.metadata.items()} == {
        "title": TITLE, "date": "2024-10-10 12:00", "authors": "['Nguyễn Thu Hà']", "category": "dich-vu-cong",
        "tags": "[]", "province": "ha-noi", "unit": "Thành Đoàn Hà Nội",
        "description": "Đoàn viên Đông Anh hướng dẫn người dân nộp hồ sơ trực tuyến.", "slug": SLUG, "draft": "True"}
    assert post.content.startswith("Sáng 3/10, Đoàn Thanh niên huyện Đông Anh")
    assert "# cover: anh-1.png" in (folder / "index.md").read_text(encoding="utf-8")
    assert _run(root, "check") == 0
    assert "Không có lỗi: 1 tệp nội dung (0 đã đăng, 1 bản nháp, 0 hẹn giờ), 2 ảnh đã kiểm tra" in capsys.readouterr().out


def test_cli_word_fields_the_document_does_not_hold_are_left_for_check(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(root, "import-word", str(article_docx(tmp_path / "bai.docx"))) == 0
    out = capsys.readouterr().out
    rel = f"{TARGET}/index.md"
    text = (root / rel).read_text(encoding="utf-8")
    assert "# authors: [Nguyễn Văn A]" in text and '# description: "Một, hai câu tóm tắt bài viết"' in text
    assert f"'newsroom check' sẽ còn hỏi 2 điều, sửa trong {rel}:" in out
    assert f"  - {rel} [authors]: thiếu trường bắt buộc\n    Gợi ý: authors: [Nguyễn Văn A]" in out
    assert f"  - {rel} [description]: thiếu trường bắt buộc" in out
    assert "category: hoat-dong" in text and "province: ha-noi" in text  # newsroom new's defaults
    assert _run(root, "check") == 1
    err = capsys.readouterr().err
    assert f"{rel} [authors]: thiếu trường bắt buộc" in err and f"{rel} [description]: thiếu trường bắt buộc" in err


def test_cli_word_existing_target_refused_and_left_alone(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = article_docx(tmp_path / "bai.docx")
    assert _run(root, "import-word", str(document), *FILLED) == 0
    (root / TARGET / "index.md").write_text("đã sửa", encoding="utf-8")
    before = _tree(root / "articles")
    capsys.readouterr()
    assert _run(root, "import-word", str(document), *FILLED) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"Không nhập được: đã có thư mục {TARGET} (bài nhập trước, hoặc bài khác cùng tiêu đề).\n"
                   "    Gợi ý: đặt đường dẫn khác bằng --slug ten-khac; muốn nhập lại thì xoá thư mục cũ trước\n")
    assert _tree(root / "articles") == before
    assert _run(root, "import-word", str(document), *FILLED, "--slug", "dong-anh-lan-2") == 0
    assert (root / "articles/news/2024/dong-anh-lan-2/index.md").is_file()


def test_cli_word_slug_of_another_article_refused(
    root: Path, tmp_path: Path, news: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    news("bai-cu.md", slug=SLUG)  # an older article already published at /bai-viet/<slug>/
    before = _tree(root / "articles")
    assert _run(root, "import-word", str(article_docx(tmp_path / "bai.docx")), *FILLED) == 1
    assert f"đường dẫn /bai-viet/{SLUG}/ đã thuộc về một bài khác" in capsys.readouterr().err
    assert _tree(root / "articles") == before


def test_cli_word_document_without_text_refused(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, "import-word", str(_document(tmp_path, "", "  \u200b "))) == 1
    err = capsys.readouterr().err
    assert err.startswith("Không nhập được: 'tai-lieu.docx' không có chữ nào (tài liệu trống, hoặc chỉ có ảnh).\n    Gợi ý:")
    assert _tree(root / "articles") == {}


def test_cli_word_title_from_heading_core_title_or_option(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    untitled = _document(tmp_path, "Đoạn văn không có tiêu đề.")
    assert _run(root, "import-word", str(untitled), *FILLED) == 1
    err = capsys.readouterr().err
    assert "'tai-lieu.docx' không có dòng tiêu đề." in err and "Heading 1" in err and "--title" in err
    assert _run(root, "import-word", str(untitled), *FILLED, "--title", "Hà Nội: \"ngày hội\" số") == 0
    post = frontmatter.load(root / "articles/news/2024/ha-noi-ngay-hoi-so/index.md")
    assert post["title"] == 'Hà Nội: "ngày hội" số' and post.content == "Đoạn văn không có tiêu đề."
    from_core = _document(tmp_path, "Nội dung.", core_title="Tập huấn  an toàn mạng")
    assert _run(root, "import-word", str(from_core), *FILLED) == 0
    assert frontmatter.load(root / "articles/news/2024/tap-huan-an-toan-mang/index.md")["title"] == "Tập huấn an toàn mạng"
    assert "tiêu đề lấy từ Thuộc tính của tệp" in capsys.readouterr().out
    capsys.readouterr()
    assert _run(root, "check") == 0


def test_cli_word_invisible_characters_leave_the_title_and_slug(root: Path, tmp_path: Path) -> None:
    document = _document(tmp_path, "Nội dung.", heading="Cài VNe\u200bID\ufeff cho người cao tuổi")
    assert _run(root, "import-word", str(document), *FILLED) == 0
    post = frontmatter.load(root / "articles/news/2024/cai-vneid-cho-nguoi-cao-tuoi/index.md")
    assert post["title"] == "Cài VNeID cho người cao tuổi"


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--province", "xyz", "Không nhập được: --province: 'xyz' không phải mã tỉnh, thành hợp lệ"),
        ("--category", "hoat dong", "Không nhập được: --category:"),
        ("--slug", "Tên Bài", "Không nhập được: --slug 'Tên Bài' không phải đường dẫn hợp lệ.\n"
                              "    Gợi ý: chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ: --slug ten-bai"),
    ],
)
def test_cli_word_bad_options_refused_before_reading(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, said: str
) -> None:
    assert _run(root, "import-word", str(article_docx(tmp_path / "bai.docx")), option, value) == 1
    err = capsys.readouterr().err
    assert err.startswith(said) and "Gợi ý:" in err
    assert _tree(root / "articles") == {}


def test_cli_word_missing_and_wrong_files_refused(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, "import-word", str(tmp_path / "khong-co.docx")) == 1
    assert capsys.readouterr().err.startswith(f"Không nhập được: không có tệp '{tmp_path / 'khong-co.docx'}'.")
    (tmp_path / "bai.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    assert _run(root, "import-word", str(tmp_path / "bai.doc")) == 1
    assert "'bai.doc' là tệp Word cũ (.doc), không phải tài liệu Word .docx." in capsys.readouterr().err
    assert _tree(root / "articles") == {}


def test_cli_word_pictures_without_alt_text_are_pointed_out(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = docx.Document()
    document.add_heading("Ảnh không mô tả", level=1)
    document.add_picture(picture("#1565c0", "PNG"))
    document.add_paragraph("Chú thích.")
    document.save(str(tmp_path / "anh.docx"))
    assert _run(root, "import-word", str(tmp_path / "anh.docx"), *FILLED) == 0
    assert "1 ảnh chưa có mô tả cho người khiếm thị" in capsys.readouterr().out
    assert (root / "articles/news/2024/anh-khong-mo-ta/index.md").read_text(encoding="utf-8").endswith("![](anh-1.png)\n\nChú thích.\n")
