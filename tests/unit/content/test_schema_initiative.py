"""parse_entry on youth initiatives: every rule of content/schema.py, child protection first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from content_kit import error_on, errors_of, line_of, make_image, parse_initiative

from newsroom.content.errors import ContentError
from newsroom.content.model import Initiative, Member
from newsroom.content.schema import INITIATIVE_REQUIRED, PERSONAL_DATA_HINT

VN = timezone(timedelta(hours=7))
Maker = Callable[..., str]


def _text(root: Path, rel: str) -> str:
    return (root / rel).read_text(encoding="utf-8")


def _error(root: Path, rel: str, field: str) -> ContentError:
    return error_on(root, rel, field)


# --- a valid initiative -------------------------------------------------------------------------


def test_schema_initiative_minimal_is_typed(root: Path, initiative: Maker) -> None:
    rel = initiative()

    entry = parse_initiative(root, rel)

    assert isinstance(entry, Initiative)
    assert entry.kind == "initiative"
    assert entry.source == rel == "articles/initiatives/2024/so-tay-doan-vien/index.md"
    assert entry.slug == "so-tay-doan-vien-so"
    assert entry.url == "vinh-danh/so-tay-doan-vien-so/"
    assert entry.date == datetime(2024, 10, 10, tzinfo=VN)
    assert entry.members == (Member(name="Lê Thị Hoa", age=17, school="THPT Chu Văn An", role="Trưởng nhóm"),)
    assert entry.province is not None and entry.province.key == "bac-giang" and entry.province.unit.key == "bac-ninh"
    assert entry.field.key == "giao-duc"
    assert entry.award is None  # nominated
    assert [(i.asset.name, i.alt) for i in entry.images] == [("anh-1.jpg", "Nhóm tác giả trình bày sản phẩm")]
    assert entry.links == ()
    assert entry.consent is False
    assert entry.year == entry.campaign_year == 2024
    assert "anh-1.jpg" in {a.name for a in entry.assets}


def test_schema_initiative_all_optional_fields(root: Path, initiative: Maker) -> None:
    rel = initiative(
        extra=[
            "year: 2022",
            'team: "CLB Tin học trẻ"',
            "unit: Tỉnh đoàn Bắc Giang",
            "award: nhi",
            "links: [{label: Trang sản phẩm, url: 'https://sotay.example.vn/'}, {label: Mã nguồn, url: 'http://git.example.vn/x'}]",
            "featured: true",
            "slug: so-tay",
            "aliases: [so-tay-cu]",
        ]
    )

    entry = parse_initiative(root, rel)

    assert isinstance(entry, Initiative)
    assert entry.campaign_year == entry.year == 2022
    assert entry.team == "CLB Tin học trẻ"
    assert entry.award is not None and (entry.award.key, entry.award.name) == ("nhi", "Giải Nhì")
    assert [(link.label, link.url) for link in entry.links] == [
        ("Trang sản phẩm", "https://sotay.example.vn/"),
        ("Mã nguồn", "http://git.example.vn/x"),
    ]
    assert entry.featured is True
    assert entry.url == "vinh-danh/so-tay/"
    assert entry.aliases == ("so-tay-cu",)


def test_schema_initiative_empty_body_is_allowed(root: Path, initiative: Maker) -> None:
    assert parse_initiative(root, initiative(body="")).body == ""


# --- required keys ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", INITIATIVE_REQUIRED)
def test_schema_initiative_missing_required_key(root: Path, initiative: Maker, key: str) -> None:
    rel = initiative(**{key: None})

    error = _error(root, rel, key)

    assert error.line is None
    assert "thiếu trường bắt buộc" in error.message
    assert f"{key}:" in (error.hint or "")


def test_schema_initiative_required_keys_are_the_designed_ones() -> None:
    assert set(INITIATIVE_REQUIRED) == {"title", "date", "description", "members", "province", "field", "images"}


def test_schema_initiative_news_key_is_unknown(root: Path, initiative: Maker) -> None:
    rel = initiative(extra=["category: hoat-dong"])

    error = _error(root, rel, "category")

    assert error.line == line_of(_text(root, rel), "category:")
    assert "sáng kiến" in error.message


def test_schema_initiative_unknown_key_did_you_mean(root: Path, initiative: Maker) -> None:
    rel = initiative(extra=["memebers: []"])

    error = _error(root, rel, "memebers")

    assert "'members'" in (error.hint or "")


def test_schema_initiative_description_301(root: Path, initiative: Maker) -> None:
    assert "301" in _error(root, initiative(description='"' + "a" * 301 + '"'), "description").message


def test_schema_initiative_bad_date(root: Path, initiative: Maker) -> None:
    rel = initiative(date="2024-02-30")

    assert _error(root, rel, "date").line == line_of(_text(root, rel), "date:")


# --- year ------------------------------------------------------------------------------------------


def test_schema_initiative_year_defaults_to_vietnam_year_of_date(root: Path, initiative: Maker) -> None:
    # 20:00 UTC on 31 December is 03:00 on 1 January in Vietnam.
    assert parse_initiative(root, initiative(date='"2024-12-31 20:00Z"')).campaign_year == 2025


@pytest.mark.parametrize("value", ['"2022"', "1999", "2101", "true", "2022.5"])
def test_schema_initiative_bad_year(root: Path, initiative: Maker, value: str) -> None:
    rel = initiative(extra=[f"year: {value}"])

    error = _error(root, rel, "year")

    assert error.line == line_of(_text(root, rel), "year:")
    assert "2025" in (error.hint or "")


# --- members and personal data --------------------------------------------------------------------


@pytest.mark.parametrize("key", ["birth_date", "ngay_sinh", "phone", "dien_thoai", "email", "address", "dia_chi"])
def test_schema_initiative_member_personal_data_refused(root: Path, initiative: Maker, key: str) -> None:
    rel = initiative(members=f'[{{name: "Lê Thị Hoa", age: 17}}, {{name: "Trần Văn Nam", {key}: "x"}}]')

    error = _error(root, rel, "members")

    assert error.line == line_of(_text(root, rel), "members:")
    assert key in error.message
    assert "thứ 2" in error.message
    assert error.hint == PERSONAL_DATA_HINT
    assert "ngày sinh" in error.hint and "điện thoại" in error.hint


def test_schema_initiative_member_personal_data_in_block_style(root: Path, initiative: Maker) -> None:
    rel = initiative(members=None)
    block = "members:\n  - name: Lê Thị Hoa\n    ngay_sinh: 2008-05-01\n    so_dien_thoai: '0912345678'\n---\n"
    text = _text(root, rel).replace("\n---\n", "\n" + block, 1)
    (root / rel).write_text(text, encoding="utf-8")

    error = _error(root, rel, "members")

    assert error.line == line_of(text, "members:")
    assert "ngay_sinh" in error.message and "so_dien_thoai" in error.message
    assert error.hint == PERSONAL_DATA_HINT


@pytest.mark.parametrize("age", ['"17"', "17.5", "true", "4", "101", "[17]"])
def test_schema_initiative_member_age_not_whole_years(root: Path, initiative: Maker, age: str) -> None:
    rel = initiative(members=f'[{{name: "Lê Thị Hoa", age: {age}}}]')

    error = _error(root, rel, "members")

    assert error.line == line_of(_text(root, rel), "members:")
    assert "tuổi" in error.message


def test_schema_initiative_member_as_plain_name(root: Path, initiative: Maker) -> None:
    entry = parse_initiative(root, initiative(members="[Lê Thị Hoa, Trần Văn Nam]"))

    assert isinstance(entry, Initiative)
    assert entry.members == (Member(name="Lê Thị Hoa"), Member(name="Trần Văn Nam"))


@pytest.mark.parametrize("members", ["[]", '"Lê Thị Hoa"', "[{age: 17}]", "[[Lê Thị Hoa]]", '[{name: ""}]'])
def test_schema_initiative_bad_members(root: Path, initiative: Maker, members: str) -> None:
    rel = initiative(members=members)

    assert _error(root, rel, "members").line == line_of(_text(root, rel), "members:")


# --- consent (child protection) -------------------------------------------------------------------


def test_schema_initiative_under_16_without_consent(root: Path, initiative: Maker) -> None:
    rel = initiative(members='[{name: "Lê Thị Hoa", age: 17}, {name: "Phạm Minh Khôi", age: 14}]')

    error = _error(root, rel, "consent")

    assert error.line == line_of(_text(root, rel), "members:")
    assert "Phạm Minh Khôi" in error.message and "Lê Thị Hoa" not in error.message
    assert "16" in error.message
    assert "consent: true" in (error.hint or "")


def test_schema_initiative_under_16_with_consent_true(root: Path, initiative: Maker) -> None:
    entry = parse_initiative(root, initiative(members='[{name: "Phạm Minh Khôi", age: 14}]', extra=["consent: true"]))

    assert isinstance(entry, Initiative)
    assert entry.consent is True
    assert entry.members[0].age == 14


def test_schema_initiative_under_16_with_consent_false(root: Path, initiative: Maker) -> None:
    rel = initiative(members='[{name: "Phạm Minh Khôi", age: 14}]', extra=["consent: false"])

    error = _error(root, rel, "consent")

    assert error.line == line_of(_text(root, rel), "consent:")


def test_schema_initiative_consent_as_string_is_refused(root: Path, initiative: Maker) -> None:
    rel = initiative(members='[{name: "Phạm Minh Khôi", age: 14}]', extra=['consent: "có"'])

    errors = errors_of(root, rel)

    assert errors and all(e.field == "consent" for e in errors)
    assert any("true hoặc false" in e.message for e in errors)


@pytest.mark.parametrize("members", ['[{name: "A", age: 16}]', '[{name: "A"}]', '[{name: "A", age: 30}]'])
def test_schema_initiative_no_consent_needed_from_16(root: Path, initiative: Maker, members: str) -> None:
    assert parse_initiative(root, initiative(members=members)).consent is False


# --- images ---------------------------------------------------------------------------------------


def test_schema_initiative_several_images(root: Path, initiative: Maker) -> None:
    make_image(root / "articles/initiatives/2024/so-tay-doan-vien/anh/2.png")
    rel = initiative(images='[{src: anh-1.jpg, alt: "Một"}, {src: anh/2.png, alt: "Hai"}]')

    entry = parse_initiative(root, rel)

    assert isinstance(entry, Initiative)
    assert [(i.asset.name, i.alt) for i in entry.images] == [("anh-1.jpg", "Một"), ("anh/2.png", "Hai")]


@pytest.mark.parametrize(
    "images",
    [
        "[]",
        "anh-1.jpg",
        "[anh-1.jpg]",
        "[{src: anh-1.jpg}]",
        '[{src: anh-1.jpg, alt: ""}]',
        '[{alt: "Ảnh"}]',
        '[{src: anh-1.jpg, alt: "Ảnh", caption: "x"}]',
    ],
)
def test_schema_initiative_bad_images(root: Path, initiative: Maker, images: str) -> None:
    rel = initiative(images=images)

    error = _error(root, rel, "images")

    assert error.line == line_of(_text(root, rel), "images:")


def test_schema_initiative_image_without_alt_says_alt(root: Path, initiative: Maker) -> None:
    error = _error(root, initiative(images="[{src: anh-1.jpg}]"), "images")

    assert "alt" in error.message
    assert "alt:" in (error.hint or "")


def test_schema_initiative_image_file_missing(root: Path, initiative: Maker) -> None:
    error = _error(root, initiative(images='[{src: anh-2.jpg, alt: "Ảnh"}]'), "images")

    assert "'anh-2.jpg'" in error.message
    assert "'anh-1.jpg'" in (error.hint or "")


@pytest.mark.parametrize("src", ["https://example.com/a.jpg", "../../../../etc/passwd", "/etc/passwd"])
def test_schema_initiative_image_not_local(root: Path, initiative: Maker, src: str) -> None:
    assert _error(root, initiative(images=f'[{{src: "{src}", alt: "Ảnh"}}]'), "images")


# --- links ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "ftp://example.com/file",
        "mailto:a@example.com",
        "example.com",
        "https://",
        "data:text/html,x",
    ],
)
def test_schema_initiative_link_not_http(root: Path, initiative: Maker, url: str) -> None:
    rel = initiative(extra=[f'links: [{{label: "Sản phẩm", url: "{url}"}}]'])

    error = _error(root, rel, "links")

    assert error.line == line_of(_text(root, rel), "links:")
    assert "http/https" in error.message
    assert "https://" in (error.hint or "")


@pytest.mark.parametrize(
    "links", ['"https://example.com"', '[{url: "https://example.com"}]', '[{label: A, url: "https://a.vn", target: _blank}]']
)
def test_schema_initiative_bad_link_shape(root: Path, initiative: Maker, links: str) -> None:
    assert _error(root, initiative(extra=[f"links: {links}"]), "links")


# --- taxonomies --------------------------------------------------------------------------------------


def test_schema_initiative_unknown_field(root: Path, initiative: Maker) -> None:
    rel = initiative(field="giao-ducc")

    error = _error(root, rel, "field")

    assert error.line == line_of(_text(root, rel), "field:")
    assert "'giao-duc'" in (error.hint or "")


def test_schema_initiative_unknown_award(root: Path, initiative: Maker) -> None:
    rel = initiative(extra=["award: nhatt"])

    error = _error(root, rel, "award")

    assert error.line == line_of(_text(root, rel), "award:")
    assert "'nhat'" in (error.hint or "")


def test_schema_initiative_award_far_off_lists_keys(root: Path, initiative: Maker) -> None:
    error = _error(root, initiative(extra=["award: vang"]), "award")

    assert "khuyen-khich" in (error.hint or "") and "tieu-bieu" in (error.hint or "")


def test_schema_initiative_unknown_province(root: Path, initiative: Maker) -> None:
    rel = initiative(province="bac-giangg")

    assert "'bac-giang'" in (_error(root, rel, "province").hint or "")


# --- all errors at once ----------------------------------------------------------------------------


def test_schema_initiative_three_problems_give_three_errors(root: Path, initiative: Maker) -> None:
    rel = initiative(
        members='[{name: "Phạm Minh Khôi", age: 14, phone: "0912"}]',
        field="y-tee",
        images="[{src: anh-1.jpg}]",
    )

    errors = errors_of(root, rel)

    assert sorted(e.field or "" for e in errors) == ["field", "images", "members"]
    assert all(e.path == rel for e in errors)
