"""load_catalog: published, draft and scheduled against a pinned now; collisions; every error at once."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from content_kit import NOW, news_text, write

from newsroom.content.catalog import Catalog, find_collisions, load_catalog
from newsroom.content.errors import ContentError, ContentErrors
from newsroom.content.model import Article, Initiative
from newsroom.content.taxonomy import Taxonomies

VN = timezone(timedelta(hours=7))
Maker = Callable[..., str]


def _errors(root: Path, taxonomies: Taxonomies) -> list[ContentError]:
    with pytest.raises(ContentErrors) as failure:
        load_catalog(root, taxonomies, NOW)
    return failure.value.errors


def _by_source(catalog: Catalog) -> dict[str, str]:
    return {e.source: catalog.status(e) for e in catalog.entries}


# --- status ---------------------------------------------------------------------------------------


def test_catalog_status_published_draft_scheduled(root: Path, taxonomies: Taxonomies, news: Maker, initiative: Maker) -> None:
    past = news("cu.md", title='"Bài đã đăng"', date="2024-10-01 08:00")
    draft = news("nhap.md", title='"Bài nháp"', date="2024-10-01 09:00", extra=["draft: true"])
    future = news("hen-gio.md", title='"Bài hẹn giờ"', date="2024-10-20 08:00")
    future_draft = news("nhap-hen-gio.md", title='"Nháp hẹn giờ"', date="2024-10-21 08:00", extra=["draft: true"])
    honoured = initiative()

    catalog = load_catalog(root, taxonomies, NOW)

    assert _by_source(catalog) == {
        past: "published",
        draft: "draft",
        future: "scheduled",
        future_draft: "draft",
        honoured: "published",
    }
    assert [e.source for e in catalog.visible(False)] == [honoured, past]
    assert {e.source for e in catalog.visible(True)} == {past, draft, future, future_draft, honoured}
    assert [a.source for a in catalog.articles()] == [past]
    assert all(isinstance(a, Article) for a in catalog.articles(include_unpublished=True))
    assert len(catalog.articles(include_unpublished=True)) == 4
    assert [i.source for i in catalog.initiatives()] == [honoured]
    assert all(isinstance(i, Initiative) for i in catalog.initiatives(True))


def test_catalog_scheduled_becomes_published_when_now_passes(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    rel = news(date="2024-10-10 12:30")

    before = load_catalog(root, taxonomies, NOW)
    at = load_catalog(root, taxonomies, datetime(2024, 10, 10, 12, 30, tzinfo=VN))
    after = load_catalog(root, taxonomies, datetime(2024, 10, 10, 5, 31, tzinfo=UTC))

    assert _by_source(before) == {rel: "scheduled"}
    assert before.articles() == []
    assert _by_source(at) == {rel: "published"}
    assert _by_source(after) == {rel: "published"}
    assert [a.source for a in after.articles()] == [rel]


def test_catalog_scheduled_compares_instants_across_offsets(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    # 05:00 UTC is 12:00 in Vietnam: the pinned now, so published; 05:01 UTC is one minute later.
    on_time = news("a.md", title='"A"', date='"2024-10-10 05:00Z"')
    later = news("b.md", title='"B"', date='"2024-10-10 05:01+00:00"')

    assert _by_source(load_catalog(root, taxonomies, NOW)) == {on_time: "published", later: "scheduled"}


def test_catalog_entries_newest_first(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    news("a.md", title='"A"', date="2024-10-01")
    news("b.md", title='"B"', date="2024-10-03")
    news("c.md", title='"C"', date="2024-10-02")

    catalog = load_catalog(root, taxonomies, NOW)

    assert [e.title for e in catalog.entries] == ["B", "C", "A"]


def test_catalog_empty_project(root: Path, taxonomies: Taxonomies, tmp_path: Path) -> None:
    assert load_catalog(root, taxonomies, NOW).entries == []
    assert load_catalog(tmp_path / "khong-co", taxonomies, NOW).entries == []


# --- collisions -----------------------------------------------------------------------------------


def test_catalog_slug_collision_names_both_files(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    first = news("2024-a.md", title='"Ngày hội số"')
    second = write(root, "articles/news/2023/ngay-hoi-so.md", news_text(title='"Ngày Hội Số!"'))

    errors = _errors(root, taxonomies)

    assert sorted(e.path for e in errors) == sorted([first, second])
    by_path = {e.path: e for e in errors}
    assert second in by_path[first].message and first in by_path[second].message
    assert "/bai-viet/ngay-hoi-so/" in by_path[first].message
    assert all(e.field == "slug" for e in errors)
    assert all("slug:" in (e.hint or "") for e in errors)


def test_catalog_given_slug_colliding_with_default_slug(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    a = news("a.md", title='"Ngày hội số"')
    b = news("b.md", title='"Một tiêu đề khác"', slug="ngay-hoi-so")

    assert sorted(e.path for e in _errors(root, taxonomies)) == [a, b]


def test_catalog_alias_colliding_with_another_slug(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    renamed = news("doi-ten.md", title='"Tên mới"', extra=["aliases: [ngay-hoi-so]"])
    other = news("khac.md", title='"Ngày hội số"')

    errors = _errors(root, taxonomies)

    by_path = {e.path: e for e in errors}
    assert set(by_path) == {renamed, other}
    assert by_path[renamed].field == "aliases"
    assert by_path[other].field == "slug"
    assert other in by_path[renamed].message and renamed in by_path[other].message


def test_catalog_alias_equal_to_own_slug_is_fine(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    news(title='"Ngày hội số"', extra=["aliases: [ngay-hoi-so, ngay-hoi]"])

    assert len(load_catalog(root, taxonomies, NOW).entries) == 1


def test_catalog_same_slug_in_news_and_initiatives_is_fine(
    root: Path, taxonomies: Taxonomies, news: Maker, initiative: Maker
) -> None:
    news(slug="so-tay-doan-vien-so")
    initiative()

    catalog = load_catalog(root, taxonomies, NOW)

    assert sorted(e.url for e in catalog.entries) == ["bai-viet/so-tay-doan-vien-so/", "vinh-danh/so-tay-doan-vien-so/"]


def test_catalog_draft_still_claims_its_slug(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    # A draft published later must not silently replace a live page.
    news("a.md", title='"Ngày hội số"')
    news("b.md", title='"Ngày hội số"', extra=["draft: true"])

    assert len(_errors(root, taxonomies)) == 2


def test_find_collisions_three_way(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    for name in ("a.md", "b.md", "c.md"):
        news(name, title='"Trùng"')

    errors = _errors(root, taxonomies)

    assert len(errors) == 3
    for error in errors:
        others = {"articles/news/2024/a.md", "articles/news/2024/b.md", "articles/news/2024/c.md"} - {error.path}
        assert all(o in error.message for o in others)


def test_find_collisions_none_for_distinct_entries() -> None:
    assert find_collisions([]) == []


# --- text normalisation ---------------------------------------------------------------------------


def test_catalog_text_is_nfc_after_nfd_input(root: Path, taxonomies: Taxonomies) -> None:
    text = news_text(
        title='"Thực hiện chuyển đổi số ở Đắk Lắk"',
        authors="[Nguyễn Thị Ánh]",
        tags="[Chuyển đổi số]",
        description='"Đoàn viên hướng dẫn người dân."',
        body="\nNội dung có dấu: ệ ự ẫ Ở.\n",
        extra=["unit: Tỉnh đoàn Đắk Lắk"],
    )
    write(root, "articles/news/nfd.md", unicodedata.normalize("NFD", text))

    [article] = load_catalog(root, taxonomies, NOW).entries

    assert isinstance(article, Article)
    for value in (article.title, article.description, article.body, article.unit or "", *article.authors, article.tags[0].name):
        assert value == unicodedata.normalize("NFC", value)
    assert article.title == "Thực hiện chuyển đổi số ở Đắk Lắk"
    assert article.authors == ("Nguyễn Thị Ánh",)
    assert article.tags[0].slug == "chuyen-doi-so"
    assert "ệ ự ẫ Ở" in article.body


def test_catalog_nfd_province_and_category_keys_resolve(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    # Keys are ASCII, so NFD changes nothing; a decomposed file must still validate.
    rel = news(extra=["province: dak-lak"])
    path = root / rel
    path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")

    [article] = load_catalog(root, taxonomies, NOW).entries

    assert article.province is not None and article.province.name == "Đắk Lắk"


# --- every error at once --------------------------------------------------------------------------


def test_catalog_gathers_errors_from_several_files(root: Path, taxonomies: Taxonomies, news: Maker, initiative: Maker) -> None:
    good = news("tot.md", title='"Bài tốt"')
    bad = news("loi.md", title='""', category="hoat-dongg", extra=['draft: "có"'])
    broken = write(root, "articles/news/2024/vo.md", "---\ntitle: [\n---\nNội dung\n")
    no_meta = write(root, "articles/news/2024/khong-co-dau.md", "Chỉ có nội dung.\n")
    child = initiative(members='[{name: "Phạm Minh Khôi", age: 14}]')
    stray = write(root, "articles/lac.md", news_text())

    errors = _errors(root, taxonomies)

    paths = [e.path for e in errors]
    assert good not in paths
    assert paths.count(bad) == 3
    assert {bad, broken, no_meta, child, stray} == set(paths)
    assert len(errors) == 7
    assert paths == sorted(paths)  # sorted by file, then line


def test_catalog_content_errors_format_names_file_line_field_and_hint(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    rel = news(category="hoat-dongg")

    with pytest.raises(ContentErrors) as failure:
        load_catalog(root, taxonomies, NOW)

    text = failure.value.format()
    assert text.startswith("Nội dung có 1 lỗi cần sửa:")
    assert f"{rel}:5 [category]: 'hoat-dongg'" in text
    assert "Gợi ý: có phải ý bạn là 'hoat-dong'?" in text
    assert str(failure.value) == text


def test_content_error_format_without_line_or_field() -> None:
    assert ContentError("articles/lac.md", "nằm ngoài").format() == "articles/lac.md: nằm ngoài"
    assert ContentError("a.md", "sai", field="date", line=3, hint="sửa").format() == "a.md:3 [date]: sai\n    Gợi ý: sửa"


# --- nothing lost: loose files ----------------------------------------------------------------------


def test_catalog_loose_file_used_by_no_entry_is_reported(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    news()
    (root / "articles" / "news" / "2024" / "ghi-chu.txt").write_text("ghi chú", encoding="utf-8")
    errors = _errors(root, taxonomies)
    assert [(e.path, e.field) for e in errors] == [("articles/news/2024/ghi-chu.txt", None)]
    assert "không thuộc bài viết nào" in errors[0].message


def test_catalog_loose_image_used_as_cover_is_fine(root: Path, taxonomies: Taxonomies, news: Maker) -> None:
    from PIL import Image

    folder = root / "articles" / "news" / "2024" / "anh"
    folder.mkdir(parents=True)
    Image.new("RGB", (8, 8)).save(folder / "bia.jpg")
    news(cover="anh/bia.jpg", cover_alt='"Ảnh bìa"')
    catalog = load_catalog(root, taxonomies, NOW)
    assert [a.name for a in catalog.entries[0].assets] == ["anh/bia.jpg"]
