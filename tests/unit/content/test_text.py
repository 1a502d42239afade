"""Vietnamese-aware slugs, NFC, "did you mean" hints; and slugs as parse_entry makes them."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from content_kit import error_on, parse

from newsroom.content.text import did_you_mean, is_slug, nfc, slugify, strip_control


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đoàn Thanh niên", "doan-thanh-nien"),
        ("đường dây nóng", "duong-day-nong"),
        ("ĐẮK LẮK", "dak-lak"),
        ("Đ", "d"),
        ("Nghệ An", "nghe-an"),
        ("Thực hiện", "thuc-hien"),
        ("Sự kiện", "su-kien"),
        ("Ẫn ự", "an-u"),
        ("Ở đâu có thanh niên", "o-dau-co-thanh-nien"),
        ("Những người trẻ", "nhung-nguoi-tre"),
        ("Chuyển đổi số: Thanh niên  tiên phong!!!", "chuyen-doi-so-thanh-nien-tien-phong"),
        ("  --Hà   Nội--  ", "ha-noi"),
        ("Quý I/2024", "quy-i-2024"),
        ("Hòa Bình – Sơn La", "hoa-binh-son-la"),
        ("“Bình dân học vụ số”", "binh-dan-hoc-vu-so"),
        ("Thanh niên_tình nguyện", "thanh-nien-tinh-nguyen"),
        ("10/10: Ngày Chuyển đổi số quốc gia", "10-10-ngay-chuyen-doi-so-quoc-gia"),
    ],
)
def test_text_slugify_vietnamese(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert is_slug(slug)


@pytest.mark.parametrize(
    "title",
    ["Đoàn viên Đắk Lắk tiên phong", "Thực hiện chuyển đổi số ở Huế", "Những sản phẩm ẫn ự Ở", "Quốc ngữ ỹ ỵ ữ"],
)
def test_text_slugify_nfd_equals_nfc(title: str) -> None:
    nfd = unicodedata.normalize("NFD", title)
    assert nfd != title
    assert slugify(nfd) == slugify(title)


@pytest.mark.parametrize("title", ["🎉🚀", "!!! ???", "—", "   "])
def test_text_slugify_without_letters_is_empty(title: str) -> None:
    assert slugify(title) == ""


@pytest.mark.parametrize("text", ["a", "ngay-hoi-so", "2024", "10-10-2024"])
def test_text_is_slug_accepts(text: str) -> None:
    assert is_slug(text)


@pytest.mark.parametrize("text", ["", "A", "ngay hoi", "ngay_hoi", "-a", "a-", "a--b", "ngày", "a/b", "a.b"])
def test_text_is_slug_refuses(text: str) -> None:
    assert not is_slug(text)


def test_text_nfc() -> None:
    assert nfc("e\u0323\u0302") == "ệ"


def test_text_strip_control_keeps_whitespace() -> None:
    assert strip_control("a\x00b\x07c\td\ne\x1b") == "abc\td\ne"


@pytest.mark.parametrize(
    ("value", "choices", "meant"),
    [
        ("hoat-dongg", ["hoat-dong", "tap-huan"], "hoat-dong"),
        ("titel", ["title", "date", "tags"], "title"),
        ("catgory", ["category", "cover", "cover_alt"], "category"),
        ("Bắc Giang", ["bac-giang", "bac-ninh", "ha-giang"], "bac-giang"),
    ],
)
def test_text_did_you_mean(value: str, choices: list[str], meant: str) -> None:
    assert did_you_mean(value, choices) == f"có phải ý bạn là '{meant}'?"


def test_text_did_you_mean_nothing_close() -> None:
    assert did_you_mean("zzzz", ["title", "date"]) is None
    assert did_you_mean("", ["title"]) is None


# --- slugs through parse_entry ------------------------------------------------------------------------


def test_text_default_slug_from_title(root: Path, news: Callable[..., str]) -> None:
    rel = news(title='"Đắk Lắk: Đoàn viên hướng dẫn Ứng dụng VNeID"')

    assert parse(root, rel).slug == "dak-lak-doan-vien-huong-dan-ung-dung-vneid"


def test_text_default_slug_nfd_title_same_as_nfc(root: Path, news: Callable[..., str]) -> None:
    title = "Thực hiện Chuyển đổi số ở Đắk Lắk"
    a = parse(root, news(name="nfc.md", title=f'"{title}"'))
    b = parse(root, news(name="nfd.md", title=f'"{unicodedata.normalize("NFD", title)}"'))

    assert a.slug == b.slug == "thuc-hien-chuyen-doi-so-o-dak-lak"
    assert a.title == b.title == title


def test_text_emoji_only_title_asks_for_slug(root: Path, news: Callable[..., str]) -> None:
    rel = news(title='"🎉🎉🎉"')

    error = error_on(root, rel, "title")

    assert (error.path, error.line) == (rel, 2)
    assert "slug" in error.message
    assert "slug:" in (error.hint or "")


def test_text_emoji_only_title_with_slug_is_fine(root: Path, news: Callable[..., str]) -> None:
    article = parse(root, news(title='"🎉🎉🎉"', slug="le-hoi"))

    assert (article.title, article.slug) == ("🎉🎉🎉", "le-hoi")


def test_text_bad_slug_hint_suggests_slugged_value(root: Path, news: Callable[..., str]) -> None:
    error = error_on(root, news(slug='"Ngày hội Đoàn viên"'), "slug")

    assert "'ngay-hoi-doan-vien'" in (error.hint or "")


def test_toc_slugify_keeps_the_letter_d() -> None:
    from newsroom.content.text import toc_slugify

    assert toc_slugify("Hướng dẫn từng bước đăng nhập", "-") == "huong-dan-tung-buoc-dang-nhap"
    assert toc_slugify("Ba điều cần nhớ", "-") == "ba-dieu-can-nho"
    assert toc_slugify("Các hoạt động chính", "_") == "cac_hoat_dong_chinh"


def test_fold_key_ignores_case_and_tone_marks() -> None:
    from newsroom.content.text import fold_key

    assert fold_key("Tập huấn") == fold_key("tập huấn") == fold_key("TAP HUAN")
    assert fold_key("Tập huấn") != fold_key("Tấp")
