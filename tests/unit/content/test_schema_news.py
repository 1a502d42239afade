"""parse_entry on news articles: every rule of content/schema.py, each error with path, field, line and hint."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from content_kit import NEWS_FIELDS, error_on, errors_of, line_of, make_image, news_text, only, parse_article, write

from newsroom.content.model import Article
from newsroom.content.schema import NEWS_REQUIRED

VN = timezone(timedelta(hours=7))
News = Callable[..., str]


def _text(root: Path, rel: str) -> str:
    return (root / rel).read_text(encoding="utf-8")


# --- a valid article ---------------------------------------------------------------------------


def test_schema_news_minimal_article_is_typed(root: Path, news: News) -> None:
    rel = news()

    article = parse_article(root, rel)

    assert isinstance(article, Article)
    assert article.kind == "news"
    assert article.source == rel == "articles/news/2024/bai-viet.md"
    assert article.title == "Thanh niên Hà Nội hưởng ứng Ngày Chuyển đổi số quốc gia"
    assert article.slug == "thanh-nien-ha-noi-huong-ung-ngay-chuyen-doi-so-quoc-gia"
    assert article.url == f"bai-viet/{article.slug}/"
    assert article.date == datetime(2024, 10, 5, 8, 30, tzinfo=VN)
    assert article.date.utcoffset() == timedelta(hours=7)
    assert article.authors == ("Nguyễn Văn An",)
    assert article.category.key == "hoat-dong"
    assert article.category.name == "Hoạt động hưởng ứng"
    assert article.description.startswith("Hơn 500 đoàn viên")
    assert article.body.strip().startswith("Đoàn viên hướng dẫn")
    assert (article.updated, article.province, article.unit, article.cover) == (None, None, None, None)
    assert (article.featured, article.draft, article.aliases, article.tags) == (False, False, (), ())
    assert article.year == 2024


def test_schema_news_all_optional_fields(root: Path, news: News) -> None:
    make_image(root / "articles/news/2024/bai/anh-bia.jpg")
    rel = write(
        root,
        "articles/news/2024/bai/index.md",
        news_text(
            extra=[
                "updated: 2024-10-06 09:00",
                "tags: [Chuyển đổi số, Thanh niên, chuyển đổi số]",
                "province: ha-noi",
                "unit: Thành Đoàn Hà Nội",
                "cover: anh-bia.jpg",
                'cover_alt: "Đoàn viên hướng dẫn người dân"',
                "featured: true",
                "draft: false",
                "slug: ngay-hoi-so",
                "aliases: [ngay-hoi-so-2024, ngay-hoi]",
            ]
        ),
    )

    article = parse_article(root, rel)

    assert isinstance(article, Article)
    assert article.updated == datetime(2024, 10, 6, 9, 0, tzinfo=VN)
    assert [(t.name, t.slug) for t in article.tags] == [("Chuyển đổi số", "chuyen-doi-so"), ("Thanh niên", "thanh-nien")]
    assert article.province is not None and article.province.key == "ha-noi" and not article.province.is_legacy
    assert article.unit == "Thành Đoàn Hà Nội"
    assert article.cover is not None
    assert article.cover.alt == "Đoàn viên hướng dẫn người dân"
    assert article.cover.asset.name == "anh-bia.jpg"
    assert article.cover.asset.src == (root / "articles/news/2024/bai/anh-bia.jpg").resolve()
    assert article.featured is True and article.draft is False
    assert article.slug == "ngay-hoi-so"
    assert article.url == "bai-viet/ngay-hoi-so/"
    assert article.aliases == ("ngay-hoi-so-2024", "ngay-hoi")
    assert "anh-bia.jpg" in {a.name for a in article.assets}


# --- required keys ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", NEWS_REQUIRED)
def test_schema_news_missing_required_key(root: Path, news: News, key: str) -> None:
    rel = news(**{key: None})

    error = only(errors_of(root, rel), key)

    assert error.path == rel
    assert "thiếu trường bắt buộc" in error.message
    assert f"{key}:" in (error.hint or "")


def test_schema_news_required_keys_are_the_designed_ones() -> None:
    assert set(NEWS_REQUIRED) == {"title", "date", "authors", "category", "description"}


@pytest.mark.parametrize("key", ["title", "date", "authors", "category", "description", "tags", "slug"])
def test_schema_news_key_without_value(root: Path, news: News, key: str) -> None:
    rel = news(**{key: ""}) if key in NEWS_FIELDS else news(extra=[f"{key}:"])

    error = only(errors_of(root, rel), key)

    assert error.line == line_of(_text(root, rel), f"{key}:")
    assert "để trống" in error.message


# --- title and description ------------------------------------------------------------------------------


def test_schema_news_title_empty(root: Path, news: News) -> None:
    rel = news(title='""')

    error = error_on(root, rel, "title")

    assert (error.path, error.line) == (rel, 2)
    assert "trống" in error.message


def test_schema_news_title_whitespace_only(root: Path, news: News) -> None:
    rel = news(title='"   "')

    assert "trống" in error_on(root, rel, "title").message


def test_schema_news_title_200_chars_accepted(root: Path, news: News) -> None:
    title = "Đ" * 200
    rel = news(title=f'"{title}"', slug="tieu-de-dai")

    assert parse_article(root, rel).title == title


def test_schema_news_title_201_chars_rejected(root: Path, news: News) -> None:
    rel = news(title=f'"{"ệ" * 201}"')

    error = error_on(root, rel, "title")

    assert error.line == 2
    assert "201" in error.message and "200" in error.message


def test_schema_news_title_length_counts_nfc_characters(root: Path, news: News) -> None:
    # 200 letters typed decomposed (NFD) are 400+ code points but still 200 characters.
    rel = news(title='"' + "ệ" * 200 + '"', slug="tieu-de")
    write(root, rel, _text(root, rel).replace("ệ", "e\u0323\u0302"))

    assert parse_article(root, rel).title == "ệ" * 200


def test_schema_news_title_spaces_collapse_and_numbers_are_text(root: Path, news: News) -> None:
    assert parse_article(root, news(title='"  Chuyển   đổi\tsố  "')).title == "Chuyển đổi số"
    assert parse_article(root, news(name="b.md", title="2024")).title == "2024"


def test_schema_news_title_not_text(root: Path, news: News) -> None:
    error = error_on(root, news(title="[a, b]"), "title")

    assert "tiêu đề" in error.message


def test_schema_news_title_control_characters_dropped(root: Path, news: News) -> None:
    assert parse_article(root, news(title='"Xin\\x07 chào\\x00"')).title == "Xin chào"


def test_schema_news_description_300_accepted_301_rejected(root: Path, news: News) -> None:
    assert len(parse_article(root, news(name="a.md", description='"' + "a" * 300 + '"')).description) == 300

    rel = news(name="b.md", description='"' + "ô" * 301 + '"')
    error = error_on(root, rel, "description")

    assert error.line == line_of(_text(root, rel), "description:")
    assert "301" in error.message and "300" in error.message
    assert error.hint


def test_schema_news_description_empty(root: Path, news: News) -> None:
    error = error_on(root, news(description='""'), "description")

    assert "trống" in error.message


# --- dates ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ('"hôm qua"', "2024-10-05"),
        ('"2024-10-05 08:30 +07"', "2024-10-05"),
        ("2024-02-30", "2024-02-29"),
        ("2023-02-29", "2023-02-28"),
        ("2024-13-01", "2024-01-13"),
        ("2024-00-10", "2024-10-05"),
        ('"2024-10-05 24:00"', "20h30"),
        ('"2024-10-05 08:60"', "08:30"),
        ('"2024-10-05 08:30+25:00"', "+07:00"),
        ('"10/13/2024"', "13/10/2024"),
        ("20241005", "2024-10-05"),
        ("[2024, 10, 5]", "2024-10-05"),
    ],
)
def test_schema_news_bad_date(root: Path, news: News, value: str, hint: str) -> None:
    rel = news(date=value)

    error = error_on(root, rel, "date")

    assert (error.path, error.line) == (rel, 3)
    assert hint in (error.hint or "")


def test_schema_news_impossible_date_says_so(root: Path, news: News) -> None:
    error = error_on(root, news(date="2024-02-30"), "date")

    assert "'2024-02-30'" in error.message
    assert "có thật" in error.message


def test_schema_news_leap_day_accepted(root: Path, news: News) -> None:
    assert parse_article(root, news(date="2024-02-29")).date == datetime(2024, 2, 29, tzinfo=VN)


def test_schema_news_updated_before_date(root: Path, news: News) -> None:
    rel = news(date="2024-10-05 08:30", extra=["updated: 2024-10-04 23:00"])

    error = error_on(root, rel, "updated")

    assert (error.path, error.line) == (rel, line_of(_text(root, rel), "updated:"))
    assert "2024-10-04 23:00" in error.message and "2024-10-05 08:30" in error.message
    assert "sau" in (error.hint or "")


def test_schema_news_updated_before_date_compares_instants(root: Path, news: News) -> None:
    # 02:00 UTC is 09:00 in Vietnam: after the 08:30 publication, although "02:00" < "08:30".
    article = parse_article(root, news(date="2024-10-05 08:30", extra=["updated: 2024-10-05 02:00Z"]))

    assert article.updated == datetime(2024, 10, 5, 9, 0, tzinfo=VN)


def test_schema_news_updated_equal_to_date_accepted(root: Path, news: News) -> None:
    article = parse_article(root, news(date="2024-10-05 08:30", extra=["updated: 2024-10-05 08:30"]))

    assert article.updated == article.date


def test_schema_news_updated_bad_format(root: Path, news: News) -> None:
    rel = news(extra=['updated: "mai"'])

    error = error_on(root, rel, "updated")

    assert error.line == line_of(_text(root, rel), "updated:")


# --- authors, category, tags ----------------------------------------------------------------------------------


def test_schema_news_authors_single_string_accepted(root: Path, news: News) -> None:
    assert parse_article(root, news(authors="Trần Thị Bình")).authors == ("Trần Thị Bình",)


def test_schema_news_authors_list_kept_in_order_without_duplicates(root: Path, news: News) -> None:
    article = parse_article(root, news(authors="[Trần Thị Bình, Lê Văn Cường, Trần Thị Bình]"))

    assert article.authors == ("Trần Thị Bình", "Lê Văn Cường")


@pytest.mark.parametrize("value", ["[]", "{ten: A}", "true", '[""]'])
def test_schema_news_authors_bad(root: Path, news: News, value: str) -> None:
    rel = news(authors=value)

    error = error_on(root, rel, "authors")

    assert error.line == line_of(_text(root, rel), "authors:")


def test_schema_news_unknown_category_did_you_mean(root: Path, news: News) -> None:
    rel = news(category="hoat-dongg")

    error = error_on(root, rel, "category")

    assert (error.path, error.line) == (rel, line_of(_text(root, rel), "category:"))
    assert "'hoat-dongg'" in error.message
    assert "'hoat-dong'" in (error.hint or "")


def test_schema_news_unknown_category_lists_keys(root: Path, news: News) -> None:
    error = error_on(root, news(category="zzz"), "category")

    assert "tap-huan" in (error.hint or "") and "goc-nhin" in (error.hint or "")


def test_schema_news_category_must_be_text(root: Path, news: News) -> None:
    error = error_on(root, news(category="[hoat-dong]"), "category")

    assert "hoat-dong" in (error.hint or "")


def test_schema_news_tags_single_string_and_empty_list(root: Path, news: News) -> None:
    assert [t.slug for t in parse_article(root, news(name="a.md", tags="Đoàn viên")).tags] == ["doan-vien"]
    assert parse_article(root, news(name="b.md", tags="[]")).tags == ()


def test_schema_news_tag_without_letters(root: Path, news: News) -> None:
    error = error_on(root, news(tags='["🎉", ok]'), "tags")

    assert "🎉" in error.message


# --- unknown keys ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("titel", "title"),
        ("catgory", "category"),
        ("descripton", "description"),
        ("author", "authors"),
        ("cover-alt", "cover_alt"),
    ],
)
def test_schema_news_unknown_key_did_you_mean(root: Path, news: News, typo: str, meant: str) -> None:
    rel = news(extra=[f"{typo}: x"])

    error = only(errors_of(root, rel), typo)

    assert (error.path, error.line) == (rel, line_of(_text(root, rel), f"{typo}:"))
    assert "trường không có" in error.message
    assert f"'{meant}'" in (error.hint or "")


def test_schema_news_unknown_key_far_from_any_lists_valid_keys(root: Path, news: News) -> None:
    error = error_on(root, news(extra=["xyz: 1"]), "xyz")

    assert "title" in (error.hint or "") and "aliases" in (error.hint or "")


def test_schema_news_initiative_key_is_unknown(root: Path, news: News) -> None:
    error = error_on(root, news(extra=["members: [A]"]), "members")

    assert "tin bài" in error.message


def test_schema_news_misspelt_required_key_gives_both_errors(root: Path, news: News) -> None:
    text = news_text(title=None, extra=['titel: "Tiêu đề"'])
    rel = write(root, "articles/news/a.md", text)

    errors = errors_of(root, rel)

    assert "'title'" in (only(errors, "titel").hint or "")
    assert "thiếu" in only(errors, "title").message


# --- cover -------------------------------------------------------------------------------------------------------


def test_schema_news_cover_without_cover_alt(root: Path) -> None:
    make_image(root / "articles/news/bai/anh.jpg")
    text = news_text(extra=["cover: anh.jpg"])
    rel = write(root, "articles/news/bai/index.md", text)

    error = error_on(root, rel, "cover_alt")

    assert (error.path, error.line) == (rel, line_of(text, "cover:"))
    assert "cover_alt:" in (error.hint or "")


def test_schema_news_cover_alt_without_cover(root: Path, news: News) -> None:
    error = error_on(root, news(extra=['cover_alt: "Ảnh"']), "cover_alt")

    assert "cover" in (error.hint or "")


def test_schema_news_cover_alt_empty(root: Path) -> None:
    make_image(root / "articles/news/bai/anh.jpg")
    rel = write(root, "articles/news/bai/index.md", news_text(extra=["cover: anh.jpg", 'cover_alt: ""']))

    assert error_on(root, rel, "cover_alt").line == 8


def test_schema_news_cover_file_missing_suggests_near_name(root: Path) -> None:
    make_image(root / "articles/news/bai/anh-bia.jpg")
    text = news_text(extra=["cover: anh-bia.jpeg", 'cover_alt: "Ảnh bìa"'])
    rel = write(root, "articles/news/bai/index.md", text)

    error = error_on(root, rel, "cover")

    assert (error.path, error.line) == (rel, line_of(text, "cover:"))
    assert "'anh-bia.jpeg'" in error.message
    assert "'anh-bia.jpg'" in (error.hint or "")


def test_schema_news_cover_missing_and_cover_alt_missing_both_reported(root: Path, news: News) -> None:
    # Two independent problems: the file is missing and the alt text is missing. Reporting only the
    # first makes the editor fix, re-run, and meet the second (every error at once: CONTRIBUTING.md).
    rel = news(extra=["cover: khong-co.jpg"])

    errors = errors_of(root, rel)

    assert "khong-co.jpg" in only(errors, "cover").message
    assert only(errors, "cover_alt")


@pytest.mark.parametrize("path", ["../../../etc/passwd", "../../../../../../../../etc/passwd", "../../../mkdocs.yml"])
def test_schema_news_cover_outside_articles(root: Path, path: str) -> None:
    text = news_text(extra=[f"cover: {path}", 'cover_alt: "x"'])
    rel = write(root, "articles/news/bai/index.md", text)

    error = error_on(root, rel, "cover")

    assert (error.path, error.line) == (rel, line_of(text, "cover:"))
    assert "articles/" in error.message


def test_schema_news_cover_absolute_path(root: Path, news: News) -> None:
    error = error_on(root, news(extra=["cover: /etc/passwd", 'cover_alt: "x"']), "cover")

    assert "tuyệt đối" in error.message


@pytest.mark.parametrize(
    "url", ["https://example.com/anh.jpg", "http://example.com/a.png", "//cdn.example.com/a.jpg", "data:image/png;base64,AAAA"]
)
def test_schema_news_remote_cover(root: Path, news: News, url: str) -> None:
    rel = news(extra=[f'cover: "{url}"', 'cover_alt: "x"'])

    error = error_on(root, rel, "cover")

    assert error.line == line_of(_text(root, rel), "cover:")
    assert "tải ảnh về" in (error.hint or "")


def test_schema_news_cover_in_subfolder_keeps_relative_name(root: Path) -> None:
    make_image(root / "articles/news/bai/anh/bia.png")
    rel = write(root, "articles/news/bai/index.md", news_text(extra=["cover: anh/bia.png", 'cover_alt: "x"']))

    article = parse_article(root, rel)

    assert isinstance(article, Article) and article.cover is not None
    assert article.cover.asset.name == "anh/bia.png"


# --- booleans, slug, aliases, province -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["featured", "draft"])
@pytest.mark.parametrize("value", ['"true"', '"yes"', '"không"', "1", "0", "[true]"])
def test_schema_news_bool_given_non_bool(root: Path, news: News, key: str, value: str) -> None:
    rel = news(extra=[f"{key}: {value}"])

    error = only(errors_of(root, rel), key)

    assert error.line == line_of(_text(root, rel), f"{key}:")
    assert "true hoặc false" in error.message


@pytest.mark.parametrize(
    "value", ["Ngày Hội Số", "ngay_hoi", "-ngay-hoi", "ngay-hoi-", "ngay--hoi", "ngày-hội", "ngay hoi", "a/b"]
)
def test_schema_news_bad_slug(root: Path, news: News, value: str) -> None:
    rel = news(slug=f'"{value}"')

    error = error_on(root, rel, "slug")

    assert error.line == line_of(_text(root, rel), "slug:")
    assert "slug" in error.message
    assert "'ngay-hoi" in (error.hint or "") or "'a-b'" in (error.hint or "")


def test_schema_news_numeric_slug_accepted(root: Path, news: News) -> None:
    # `slug: 2024` is a valid slug that YAML reads as a number; the error today even suggests '2024'.
    assert parse_article(root, news(slug="2024")).slug == "2024"


def test_schema_news_aliases_string_or_list(root: Path, news: News) -> None:
    assert parse_article(root, news(name="a.md", extra=["aliases: slug-cu"])).aliases == ("slug-cu",)
    assert parse_article(root, news(name="b.md", extra=["aliases: [slug-cu-1, slug-cu-2]"])).aliases == ("slug-cu-1", "slug-cu-2")


@pytest.mark.parametrize("value", ["[Slug Cũ]", "{a: b}", "[ok, bad_slug]"])
def test_schema_news_bad_aliases(root: Path, news: News, value: str) -> None:
    rel = news(extra=[f"aliases: {value}"])

    error = error_on(root, rel, "aliases")

    assert error.line == line_of(_text(root, rel), "aliases:")


def test_schema_news_legacy_province_keeps_its_name(root: Path, news: News) -> None:
    article = parse_article(root, news(extra=["province: bac-giang"]))

    assert article.province is not None
    assert (article.province.key, article.province.name) == ("bac-giang", "Bắc Giang")
    assert article.province.unit.key == "bac-ninh"
    assert article.province.is_legacy


def test_schema_news_unknown_province(root: Path, news: News) -> None:
    rel = news(extra=["province: ha-noii"])

    error = error_on(root, rel, "province")

    assert (error.path, error.line) == (rel, line_of(_text(root, rel), "province:"))
    assert "'ha-noii'" in error.message
    assert "'ha-noi'" in (error.hint or "")


def test_schema_news_province_misspelt_key_suggests_key(root: Path, news: News) -> None:
    error = error_on(root, news(extra=["province: bac-giag"]), "province")

    assert "'bac-giang'" in (error.hint or "")


def test_schema_news_unit_too_long(root: Path, news: News) -> None:
    assert error_on(root, news(extra=[f'unit: "{"x" * 201}"']), "unit")


# --- body ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["", "\n", "\n\n   \n\t\n"])
def test_schema_news_empty_body(root: Path, news: News, body: str) -> None:
    rel = news(body=body)

    error = error_on(root, rel, None)

    assert error.path == rel
    assert error.line == 8  # the line after the closing '---' (line 7)
    assert "nội dung" in error.message


# --- all errors at once ----------------------------------------------------------------------------------------


def test_schema_news_three_problems_give_three_errors(root: Path, news: News) -> None:
    rel = news(title='""', category="hoat-dongg", extra=['featured: "có"'])

    errors = errors_of(root, rel)

    assert sorted(e.field or "" for e in errors) == ["category", "featured", "title"]
    assert all(e.path == rel for e in errors)
    text = _text(root, rel)
    assert {e.field: e.line for e in errors} == {
        "title": line_of(text, "title:"),
        "category": line_of(text, "category:"),
        "featured": line_of(text, "featured:"),
    }


def test_schema_news_every_problem_of_a_file_is_reported(root: Path, news: News) -> None:
    rel = news(
        date="2024-02-30",
        authors="[]",
        description=None,
        body="",
        extra=["catgory: x", "draft: 1", "cover: https://x.vn/a.jpg", "slug: Bad Slug"],
    )

    errors = errors_of(root, rel)

    assert {e.field for e in errors} >= {"date", "authors", "description", "catgory", "draft", "cover", "slug", None}
    assert len(errors) >= 8
