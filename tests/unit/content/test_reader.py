"""find_sources and parse_source: which files are content, and splitting them into front matter and body."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_kit import errors_of, line_of, make_image, news_text, parse, write

from newsroom.content.errors import SourceError
from newsroom.content.reader import find_sources, parse_source


def _rels(root: Path) -> list[str]:
    sources, _errors = find_sources(root)
    return [s.rel for s in sources]


# --- find_sources -------------------------------------------------------------------------------


def test_find_sources_single_files_and_bundles(root: Path) -> None:
    write(root, "articles/news/2024/mot-bai.md", news_text())
    write(root, "articles/news/2024/bai-co-anh/index.md", news_text())
    make_image(root / "articles/news/2024/bai-co-anh/anh-bia.jpg")
    write(root, "articles/initiatives/2024/sang-kien/index.md", "x")

    sources, errors = find_sources(root)

    assert errors == []
    by_rel = {s.rel: s for s in sources}
    assert set(by_rel) == {
        "articles/news/2024/mot-bai.md",
        "articles/news/2024/bai-co-anh/index.md",
        "articles/initiatives/2024/sang-kien/index.md",
    }
    assert by_rel["articles/news/2024/mot-bai.md"].kind == "news"
    assert by_rel["articles/news/2024/mot-bai.md"].bundle is None
    assert by_rel["articles/news/2024/bai-co-anh/index.md"].bundle == root / "articles/news/2024/bai-co-anh"
    assert by_rel["articles/initiatives/2024/sang-kien/index.md"].kind == "initiative"


def test_find_sources_without_articles_folder_is_empty(tmp_path: Path) -> None:
    assert find_sources(tmp_path) == ([], [])


def test_find_sources_ignores_hidden_and_system_files(root: Path) -> None:
    for name in (".DS_Store", "Thumbs.db", ".gitkeep", "desktop.ini"):
        (root / "articles" / name).write_bytes(b"")
        (root / "articles" / "news" / name).write_bytes(b"")

    assert find_sources(root) == ([], [])


def test_find_sources_reports_a_hidden_markdown_file(root: Path) -> None:
    write(root, "articles/news/.nhap.md", news_text())

    sources, errors = find_sources(root)

    assert sources == [] and [e.path for e in errors] == ["articles/news/.nhap.md"]


def test_find_sources_md_outside_news_and_initiatives_is_an_error(root: Path) -> None:
    write(root, "articles/lac-cho.md", news_text())

    sources, errors = find_sources(root)

    assert sources == []
    assert len(errors) == 1
    assert errors[0].path == "articles/lac-cho.md"
    assert "articles/news/" in (errors[0].hint or "")


def test_find_sources_md_in_unknown_folder_is_an_error(root: Path) -> None:
    write(root, "articles/su-kien/bai.md", news_text())

    sources, errors = find_sources(root)

    assert sources == []
    assert len(errors) == 1
    # Naming the folder or the file both tell the editor where to look.
    assert errors[0].path in {"articles/su-kien", "articles/su-kien/bai.md"}
    assert "không được đăng" in errors[0].message


def test_find_sources_second_md_in_bundle_is_an_error(root: Path) -> None:
    write(root, "articles/news/2024/bai/index.md", news_text())
    write(root, "articles/news/2024/bai/ban-cu.md", news_text())
    write(root, "articles/news/2024/bai/anh/chu-thich.md", "x")

    sources, errors = find_sources(root)

    assert [s.rel for s in sources] == ["articles/news/2024/bai/index.md"]
    assert sorted(e.path for e in errors) == ["articles/news/2024/bai/anh/chu-thich.md", "articles/news/2024/bai/ban-cu.md"]
    assert all("index.md" in (e.hint or "") for e in errors)


def test_find_sources_index_md_in_kind_folder_is_a_plain_file(root: Path) -> None:
    write(root, "articles/news/index.md", news_text())
    write(root, "articles/news/khac.md", news_text())

    sources, errors = find_sources(root)

    assert errors == []
    assert sorted(s.rel for s in sources) == ["articles/news/index.md", "articles/news/khac.md"]
    assert all(s.bundle is None for s in sources)


# --- parse_source ---------------------------------------------------------------------------------


def test_parse_source_splits_meta_body_and_key_lines(root: Path) -> None:
    text = news_text(body="\nĐoạn một.\n")
    rel = write(root, "articles/news/a.md", text)

    parsed = parse_source(find_sources(root)[0][0])

    assert parsed.source.rel == rel
    assert parsed.meta["title"] == "Thanh niên Hà Nội hưởng ứng Ngày Chuyển đổi số quốc gia"
    assert parsed.meta["date"] == "2024-10-05 08:30"  # dates stay text for the schema
    assert parsed.line_of("title") == 2
    assert parsed.line_of("description") == line_of(text, "description:")
    assert parsed.body.strip() == "Đoạn một."
    closing = [n for n, line in enumerate(text.split("\n"), start=1) if line == "---"][1]
    assert parsed.body_line == closing == 7


def test_parse_source_bom_crlf_and_leading_blank_lines_keep_line_numbers(root: Path) -> None:
    text = "\n\n" + news_text()
    (root / "articles/news/a.md").write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))

    parsed = parse_source(find_sources(root)[0][0])

    assert parsed.meta["category"] == "hoat-dong"
    assert parsed.line_of("title") == line_of(text, "title:") == 4
    assert parsed.line_of("category") == line_of(text, "category:")


def test_parse_source_blank_line_after_opening_dashes_keeps_line_numbers(root: Path) -> None:
    text = news_text().replace("---\n", "---\n\n", 1)
    write(root, "articles/news/a.md", text)

    parsed = parse_source(find_sources(root)[0][0])

    assert parsed.line_of("title") == line_of(text, "title:") == 3
    assert parsed.line_of("description") == line_of(text, "description:")


def test_parse_source_no_front_matter(root: Path) -> None:
    rel = write(root, "articles/news/a.md", "# Tiêu đề\n\nNội dung không có phần đầu.\n")

    [error] = errors_of(root, rel)

    assert (error.path, error.line) == (rel, 1)
    assert "front matter" in error.message
    assert "---" in (error.hint or "")


def test_parse_source_unclosed_front_matter(root: Path) -> None:
    rel = write(root, "articles/news/a.md", "---\ntitle: Chưa đóng\ndate: 2024-10-05\n\nNội dung.\n")

    [error] = errors_of(root, rel)

    assert error.path == rel
    assert error.line == 1
    assert "---" in (error.hint or "")


def test_parse_source_front_matter_list_is_an_error(root: Path) -> None:
    rel = write(root, "articles/news/a.md", "---\n- title: A\n- date: 2024-10-05\n---\nNội dung.\n")

    [error] = errors_of(root, rel)

    assert (error.path, error.line) == (rel, 1)
    assert "list" in error.message
    assert "title:" in (error.hint or "")


def test_parse_source_front_matter_scalar_is_an_error(root: Path) -> None:
    rel = write(root, "articles/news/a.md", "---\nchỉ một dòng chữ\n---\nNội dung.\n")

    [error] = errors_of(root, rel)

    assert error.path == rel
    assert "str" in error.message


def test_parse_source_yaml_syntax_error_names_line(root: Path) -> None:
    text = news_text(extra=['tags: [chuyển đổi số, "thanh niên]'], description='"Mô tả"')
    rel = write(root, "articles/news/a.md", text)

    [error] = errors_of(root, rel)

    assert error.path == rel
    assert error.line is not None and error.line >= line_of(text, "tags:")
    assert "YAML" in error.message
    assert "ngoặc kép" in (error.hint or "")


def test_parse_source_yaml_bad_indentation_names_line(root: Path) -> None:
    text = "---\ntitle: A\ndate: 2024-10-05\n  authors: [B]\n---\nNội dung.\n"
    rel = write(root, "articles/news/a.md", text)

    [error] = errors_of(root, rel)

    assert error.path == rel
    assert error.line == line_of(text, "  authors:")
    assert "YAML" in error.message


def test_parse_source_duplicate_key_names_second_line(root: Path) -> None:
    text = news_text(extra=['title: "Tiêu đề thứ hai"'])
    rel = write(root, "articles/news/a.md", text)

    [error] = errors_of(root, rel)

    assert error.path == rel
    assert error.line == line_of(text, 'title: "Tiêu đề thứ hai"') == 7
    assert "'title'" in error.message
    assert "hai lần" in error.message


def test_parse_source_duplicate_key_inside_member_is_an_error(root: Path) -> None:
    text = news_text(extra=["unit: {ten: A, ten: B}"])
    rel = write(root, "articles/news/a.md", text)

    [error] = errors_of(root, rel)

    assert error.line == line_of(text, "unit:")
    assert "'ten'" in error.message


def test_parse_source_unhashable_key_is_a_content_error(root: Path) -> None:
    # `[tags]: x` is legal YAML (a sequence as key); it must be reported, not crash the run.
    text = news_text(extra=["[tags]: chuyển đổi số"])
    rel = write(root, "articles/news/a.md", text)

    errors = errors_of(root, rel)

    assert errors and errors[0].path == rel


def test_parse_source_non_utf8_file(root: Path) -> None:
    (root / "articles/news/cu.md").write_bytes(news_text().encode("utf-16"))

    [error] = errors_of(root, "articles/news/cu.md")

    assert error.path == "articles/news/cu.md"
    assert "UTF-8" in error.message
    assert "UTF-8" in (error.hint or "")


def test_parse_source_windows_1258_file(root: Path) -> None:
    (root / "articles/news/cu.md").write_bytes(b'---\ntitle: "Ha\xd2 N\xf4\xf2i"\n---\nN\xf4\xf2i dung\n')

    with pytest.raises(SourceError) as failure:
        parse(root, "articles/news/cu.md")

    assert failure.value.error.path == "articles/news/cu.md"
    assert "UTF-8" in failure.value.error.message
