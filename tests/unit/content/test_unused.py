"""Files in an article folder that no entry uses (content/unused.py): an error naming each, never published."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_kit import NOW, initiative_text, make_image, news_text, write

from newsroom.content.catalog import load_catalog
from newsroom.content.errors import ContentError, ContentErrors
from newsroom.content.taxonomy import Taxonomies

BUNDLE = "articles/news/2024/bai-anh"


def _errors(root: Path, taxonomies: Taxonomies) -> list[ContentError]:
    with pytest.raises(ContentErrors) as failure:
        load_catalog(root, taxonomies, NOW)
    return failure.value.errors


def test_unused_image_in_a_news_folder_is_named_with_how_to_use_it(root: Path, taxonomies: Taxonomies) -> None:
    make_image(root / BUNDLE / "anh thua.jpg")
    (root / BUNDLE / ".DS_Store").write_bytes(b"")  # ignored, as everywhere
    write(root, f"{BUNDLE}/index.md", news_text())

    (error,) = _errors(root, taxonomies)

    assert error.path == f"{BUNDLE}/anh thua.jpg" and error.field is None
    assert "không bài nào dùng nên sẽ không được đăng" in error.message
    assert error.hint is not None and "cover: anh thua.jpg, hoặc ![Mô tả ảnh](<anh thua.jpg>)" in error.hint
    assert error.hint.endswith("hoặc xoá tệp")


def test_unused_photo_of_an_initiative_suggests_images(root: Path, taxonomies: Taxonomies) -> None:
    folder = "articles/initiatives/2024/so-tay"
    make_image(root / folder / "anh-1.jpg")
    make_image(root / folder / "anh-2.jpg")
    write(root, f"{folder}/index.md", initiative_text())

    (error,) = _errors(root, taxonomies)

    assert error.path == f"{folder}/anh-2.jpg"
    assert error.hint is not None and 'images: [{src: anh-2.jpg, alt: "Mô tả ảnh"}]' in error.hint


def test_unused_pdf_suggests_a_link(root: Path, taxonomies: Taxonomies) -> None:
    (root / BUNDLE).mkdir(parents=True)
    (root / BUNDLE / "ke-hoach.pdf").write_bytes(b"%PDF-1.4\n")
    write(root, f"{BUNDLE}/index.md", news_text())

    (error,) = _errors(root, taxonomies)

    assert error.hint is not None and "[Tải tài liệu](ke-hoach.pdf)" in error.hint


def test_unused_file_shown_by_another_entry_is_used(root: Path, taxonomies: Taxonomies) -> None:
    make_image(root / BUNDLE / "chung.jpg")
    write(root, f"{BUNDLE}/index.md", news_text())
    write(root, "articles/news/2024/bai-khac.md", news_text(title='"Bài khác"', body="\nMở đầu.\n\n![Ảnh](bai-anh/chung.jpg)\n"))

    catalog = load_catalog(root, taxonomies, NOW)

    owner = next(e for e in catalog.entries if e.source == f"{BUNDLE}/index.md")
    other = next(e for e in catalog.entries if e.source != owner.source)
    assert owner.assets == () and [a.src.name for a in other.assets] == ["chung.jpg"]


def test_unused_files_of_a_bundle_with_errors_wait_for_its_fix(root: Path, taxonomies: Taxonomies) -> None:
    make_image(root / BUNDLE / "thua.jpg")
    write(root, f"{BUNDLE}/index.md", news_text(category="hoat-dongg"))

    errors = _errors(root, taxonomies)

    assert [e.field for e in errors] == ["category"]  # what the entry uses is unknown until it parses
