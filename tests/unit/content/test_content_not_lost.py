"""Content that was silently lost or wrongly refused: hidden files, shared photo folders, aliases."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_kit import NOW, errors_of, make_image, news_text, only, parse_article, write

from newsroom.content.catalog import load_catalog
from newsroom.content.errors import ContentError, ContentErrors
from newsroom.content.taxonomy import Taxonomies


def _errors(root: Path, taxonomies: Taxonomies) -> list[ContentError]:
    with pytest.raises(ContentErrors) as failure:
        load_catalog(root, taxonomies, NOW)
    return failure.value.errors


@pytest.mark.parametrize("rel", ["articles/news/.bai-an.md", "articles/news/bai/.ghi-chu.md"])
def test_markdown_file_named_with_a_leading_dot_is_reported_not_skipped(root: Path, taxonomies: Taxonomies, rel: str) -> None:
    write(root, "articles/news/bai/index.md", news_text())
    write(root, rel, news_text(title='"Bài bị ẩn"'))

    (error,) = _errors(root, taxonomies)

    assert error.path == rel and "dấu chấm" in error.message
    assert Path(rel).name.lstrip(".") in (error.hint or "")


def test_shared_photo_folder_inside_articles_is_published_for_the_articles_that_use_it(root: Path, taxonomies: Taxonomies) -> None:
    make_image(root / "articles/hinh-anh/le-ra-quan.jpg")
    write(root, "articles/news/a/index.md", news_text(cover="../../hinh-anh/le-ra-quan.jpg", cover_alt='"Lễ"'))
    write(root, "articles/news/b.md", news_text(title='"Bài B"', body="\nMở.\n\n![Lễ](../hinh-anh/le-ra-quan.jpg)\n"))

    catalog = load_catalog(root, taxonomies, NOW)

    shared = (root / "articles/hinh-anh/le-ra-quan.jpg").resolve()
    assert all(any(a.src == shared for a in entry.assets) for entry in catalog.entries)


def test_unused_or_unpublishable_files_in_a_shared_folder_are_reported(root: Path, taxonomies: Taxonomies) -> None:
    make_image(root / "articles/hinh-anh/khong-dung.jpg")
    write(root, "articles/hinh-anh/trang.html", "<p>x</p>")
    write(root, "articles/news/a.md", news_text())

    errors = {e.path: e.message for e in _errors(root, taxonomies)}

    assert "không thuộc bài viết nào" in errors["articles/hinh-anh/khong-dung.jpg"]
    assert "không thuộc loại được đăng" in errors["articles/hinh-anh/trang.html"]


def test_a_folder_beside_news_holding_markdown_is_still_refused(root: Path, taxonomies: Taxonomies) -> None:
    write(root, "articles/tin-cu/bai.md", news_text())

    (error,) = _errors(root, taxonomies)

    assert error.path == "articles/tin-cu" and "ngoài hai thư mục" in error.message


def test_image_in_a_subfolder_beside_a_single_file_article(root: Path) -> None:
    make_image(root / "articles/news/anh/anh.jpg")
    write(root, "articles/news/a.md", news_text(body="\nMở.\n\n![Ảnh](anh/anh.jpg)\n"))

    article = parse_article(root, "articles/news/a.md")

    assert [a.name for a in article.assets] == ["anh/anh.jpg"]


def test_path_leaving_articles_is_still_an_error(root: Path) -> None:
    make_image(root / "anh-ngoai.jpg")
    write(root, "articles/news/a.md", news_text(body="\nMở.\n\n![Ảnh](../../anh-ngoai.jpg)\n"))

    assert "nằm ngoài thư mục articles/" in only(errors_of(root, "articles/news/a.md"), None).message


def test_alias_like_an_archive_year_is_kept(root: Path) -> None:
    write(root, "articles/news/a.md", news_text(aliases="[nam-2025]"))

    assert parse_article(root, "articles/news/a.md").aliases == ("nam-2025",)


def test_duplicate_alias_is_an_error_on_aliases(root: Path) -> None:
    # It used to fail the build with a message about docs/ pages or two images.
    write(root, "articles/news/a.md", news_text(slug="bai-moi", aliases="[cu-1, cu-1]"))

    assert "'cu-1' được ghi hai lần" in only(errors_of(root, "articles/news/a.md"), "aliases").message
