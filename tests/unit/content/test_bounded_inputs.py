"""Inputs that once cost minutes, gigabytes or a traceback: each is refused fast with a clear error."""

from __future__ import annotations

import io
import resource
import time
from datetime import datetime
from pathlib import Path

import pytest
from content_kit import errors_of, make_image, news_text, only, parse_article, write
from PIL import Image

from newsroom.content.catalog import load_catalog
from newsroom.content.errors import ContentError, ContentErrors
from newsroom.content.nesting import MAX_DEPTH
from newsroom.content.taxonomy import load_taxonomies
from newsroom.images.processing import WEBP_MAX_SIDE, process_bytes
from newsroom.images.settings import ImageSettings

REL = "articles/news/bai.md"

LAUGHS = [
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    *[f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]" for prev, name in zip("abcdefgh", "bcdefghi", strict=True)],
    "tags: *i",
]


def _peak_mib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def test_yaml_alias_bomb_is_refused_before_it_expands(root: Path) -> None:
    write(root, REL, news_text(extra=LAUGHS))
    started, peak = time.monotonic(), _peak_mib()

    error = only(errors_of(root, REL), None)

    assert "bí danh YAML" in error.message and error.line == 7
    assert time.monotonic() - started < 10 and _peak_mib() - peak < 200  # was 99 s and 5.9 GB (not a timing test: a guard)


def test_a_single_yaml_alias_is_refused_too(root: Path) -> None:
    write(root, REL, news_text(authors="&ai [Nguyễn Văn An]", extra=["unit: *ai"]))

    assert "bí danh YAML" in only(errors_of(root, REL), None).message


@pytest.mark.parametrize("extra", ["x: " + "[" * 990 + "]" * 990, "x: " + "{a: " * 50 + "1" + "}" * 50])
def test_deeply_nested_front_matter_is_refused(root: Path, extra: str) -> None:
    write(root, REL, news_text(extra=[extra]))

    assert "lồng nhau quá" in only(errors_of(root, REL), None).message


def test_yaml_keys_true_and_1_are_two_keys_not_one_twice(root: Path) -> None:
    write(root, REL, news_text(extra=["true: 1", "1: 3"]))

    messages = [e.message for e in errors_of(root, REL)]

    assert messages and not any("hai lần" in m for m in messages), messages


@pytest.mark.parametrize(
    ("count", "field", "expected"),
    [(31, "tags", "có 31 thẻ, tối đa 30"), (1000, "tags", "có 1000 thẻ, tối đa 30"), (10_000, None, "có hơn 2000 giá trị")],
)
def test_too_many_tags_is_an_error_naming_the_limit(root: Path, count: int, field: str | None, expected: str) -> None:
    write(root, REL, news_text(tags="[" + ", ".join(f"thẻ {i}" for i in range(count)) + "]"))
    started = time.monotonic()

    error = only(errors_of(root, REL), field)

    assert expected in error.message and error.line == 7
    assert time.monotonic() - started < 10  # 10,000 tags once kept a build running past 7 minutes


def test_thirty_tags_are_accepted(root: Path) -> None:
    write(root, REL, news_text(tags="[" + ", ".join(f"thẻ {i}" for i in range(30)) + "]"))

    assert len(parse_article(root, REL).tags) == 30


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date", "0001-01-01 00:30+14:00"),
        ("date", "0001-01-01"),
        ("date", "9999-12-31 10:00"),
        ("updated", "9999-12-31 23:59-07:00"),
        ("date", "1999-12-31"),
    ],
)
def test_dates_outside_2000_to_2100_are_errors_not_overflows(root: Path, field: str, value: str) -> None:
    write(root, REL, news_text(**{field: value}))

    error = only(errors_of(root, REL), field)

    assert "nằm ngoài khoảng 2000–2100" in error.message


@pytest.mark.parametrize(
    "body",
    [
        "- " * 990 + "chữ",
        "> " * 990 + "chữ",
        "".join("  " * i + "- a\n" for i in range(990)),
    ],
)
def test_lists_and_quotes_nested_hundreds_deep_are_an_error_with_the_line(root: Path, body: str) -> None:
    write(root, REL, news_text(body=f"\nMở đầu.\n\n{body}\n"))

    error = only(errors_of(root, REL), None)

    assert f"lồng nhau quá {MAX_DEPTH} tầng" in error.message and error.line is not None


def test_a_list_nested_twenty_deep_is_accepted(root: Path) -> None:
    write(root, REL, news_text(body="\n" + "- " * MAX_DEPTH + "chữ\n"))

    assert parse_article(root, REL).body


def test_a_5_mb_body_is_refused_without_parsing_it(root: Path) -> None:
    write(root, REL, news_text(body="\n" + "Chuyển đổi số. " * 350_000))
    started = time.monotonic()

    error = only(errors_of(root, REL), None)

    assert "tối đa 1 MB" in error.message
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    ("cover", "expected"), [('"a\\0.jpg"', "ký tự điều khiển"), ('"' + "a" * 300 + '.jpg"', "tên tệp dài 304 byte")]
)
def test_cover_paths_with_nul_or_over_255_characters_are_errors(root: Path, cover: str, expected: str) -> None:
    write(root, REL, news_text(cover=cover, cover_alt='"Ảnh"'))

    assert expected in only(errors_of(root, REL), "cover").message


def test_an_image_name_of_250_characters_is_refused_by_name(root: Path) -> None:
    name = "anh-" + "x" * 246 + ".jpg"
    make_image(root / "articles/news/bai" / name)
    write(root, "articles/news/bai/index.md", news_text(body=f"\nMở đầu.\n\n![Ảnh](anh-{'x' * 246}.jpg)\n"))

    with pytest.raises(ContentErrors) as raised:
        load_catalog(root, load_taxonomies(), datetime.now().astimezone())

    assert any("tên tệp dài 254 byte" in e.message for e in raised.value.errors)


def test_control_characters_in_a_file_name_cannot_forge_a_log_line(root: Path) -> None:
    error = ContentError("articles/news/a\nKhông có lỗi: 0 tệp.md", "lỗi", field="k\r\x1b[2K")

    formatted = error.format()

    assert "\n" not in formatted and "\r" not in formatted and "\x1b" not in formatted
    assert "a\\x0aKhông có lỗi" in formatted


def test_a_1200_by_20000_image_gets_variants_webp_can_hold() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 20000), (200, 10, 10)).save(buffer, "JPEG")
    started, peak = time.monotonic(), _peak_mib()

    image = process_bytes(buffer.getvalue(), "dai", ImageSettings())

    assert image.variants and all(v.height <= WEBP_MAX_SIDE for v in image.variants)
    assert max(v.width for v in image.variants) < 1200
    print(f"1200x20000: {time.monotonic() - started:.1f} s, +{_peak_mib() - peak} MiB peak")
