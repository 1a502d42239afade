"""Warnings that never fail the build (checks/quality.py), found by the real validation of a small project."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_kit import NOW, initiative_text, line_of, make_image, news_text, write

from newsroom.checks.quality import COLUMN_PX, photo_width
from newsroom.checks.validation import Validation, validate_site
from newsroom.content.errors import ContentWarning
from newsroom.content.taxonomy import Taxonomies

BUNDLE = "articles/news/2024/bai-anh"
LONG_TITLE = (
    '"Đoàn viên xã vùng cao hướng dẫn bà con cài đặt và sử dụng ứng dụng VNeID, dịch vụ công trực tuyến '
    'và thanh toán không dùng tiền mặt tại nhà văn hoá thôn trong tháng cao điểm chuyển đổi số"'
)


def _validate(root: Path, taxonomies: Taxonomies) -> Validation:
    checked = validate_site(root, taxonomies, NOW, root / ".cache")
    assert not checked.failed, [e.format() for e in checked.errors]
    return checked


def _on(checked: Validation, field: str) -> list[ContentWarning]:
    return [w for w in checked.warnings if w.field == field]


def _article(root: Path, body: str = "\nMở đầu.\n", **fields: str) -> tuple[str, str]:
    text = news_text(body, **fields)
    return write(root, f"{BUNDLE}/index.md", text), text


def test_quality_cover_narrower_than_the_column_is_a_warning_with_its_size_and_line(root: Path, taxonomies: Taxonomies) -> None:
    make_image(root / BUNDLE / "bia.jpg", size=(240, 320))
    rel, text = _article(root, cover="bia.jpg", cover_alt='"Ảnh bìa"')

    checked = _validate(root, taxonomies)

    (warning,) = _on(checked, "cover")
    assert isinstance(warning, ContentWarning) and warning.path == rel and warning.line == line_of(text, "cover:")
    assert "240×320 px" in warning.message and f"{COLUMN_PX} px" in warning.message
    assert warning.format().startswith(f"Cảnh báo: {rel}:{warning.line} [cover]: ") and "Gợi ý: " in warning.format()


def test_quality_cover_as_wide_as_the_column_is_fine(root: Path, taxonomies: Taxonomies) -> None:
    make_image(root / BUNDLE / "bia.jpg", size=(COLUMN_PX, 600))
    _article(root, cover="bia.jpg", cover_alt='"Ảnh bìa"')
    assert _on(_validate(root, taxonomies), "cover") == []


def test_quality_photo_width_follows_the_grid() -> None:
    assert photo_width(1) == COLUMN_PX
    assert photo_width(2) == (COLUMN_PX - 16) // 2
    assert photo_width(3) == photo_width(7) == (COLUMN_PX - 32) // 3  # at most three photos a row


def test_quality_initiative_photos_narrower_than_shown_are_warned_each(root: Path, taxonomies: Taxonomies) -> None:
    folder = root / "articles" / "initiatives" / "2024" / "so-tay"
    make_image(folder / "anh-1.jpg", size=(300, 200))
    make_image(folder / "anh-2.jpg", size=(1000, 700))
    images = '[{src: anh-1.jpg, alt: "Một"}, {src: anh-2.jpg, alt: "Hai"}]'
    write(root, "articles/initiatives/2024/so-tay/index.md", initiative_text(images=images))

    (warning,) = _on(_validate(root, taxonomies), "images")

    assert "'anh-1.jpg'" in warning.message and f"{photo_width(2)} px" in warning.message


@pytest.mark.parametrize(
    ("markup", "size", "warned"),
    [
        ("![Ảnh dọc](doc.jpg)", (1200, 1600), True),
        ('<img src="doc.jpg" alt="Ảnh dọc">', (1200, 1600), True),
        ("![Ảnh dọc](doc.jpg){ .anh-nho }", (1200, 1600), False),
        ('![Ảnh dọc](doc.jpg "Chú thích"){ .anh-vua }', (1200, 1600), False),
        ("![Ảnh ngang](doc.jpg)", (1600, 1200), False),
        ("![Ảnh dọc nhỏ](doc.jpg)", (500, 800), False),  # shown at its own size, not the column's
    ],
)
def test_quality_tall_body_image_at_full_width_is_warned_with_the_documented_fix(
    root: Path, taxonomies: Taxonomies, markup: str, size: tuple[int, int], warned: bool
) -> None:
    make_image(root / BUNDLE / "doc.jpg", size=size)
    rel, text = _article(root, body=f"\nMở đầu.\n\n{markup}\n")

    found = _on(_validate(root, taxonomies), "ảnh trong bài")

    assert bool(found) is warned
    if warned:
        (warning,) = found
        assert warning.line == line_of(text, markup[:8]) and warning.path == rel
        assert f"({size[0]}×{size[1]} px)" in warning.message and f"cao {round(COLUMN_PX * size[1] / size[0])} px" in warning.message
        assert warning.hint is not None and '![Mô tả ảnh](doc.jpg "Chú thích dưới ảnh"){ .anh-nho }' in warning.hint


def test_quality_title_cut_on_the_share_card(root: Path, taxonomies: Taxonomies) -> None:
    rel, text = _article(root, title=LONG_TITLE)

    (warning,) = _on(_validate(root, taxonomies), "title")

    assert warning.line == line_of(text, "title:") and "…»" in warning.message
    shown = warning.message.split("«")[1].rstrip("»").rstrip("…")
    assert LONG_TITLE.strip('"').startswith(shown)
    assert warning.hint is not None and f"khoảng {len(shown)} ký tự" in warning.hint


def test_quality_short_title_and_lead_give_no_warning(root: Path, taxonomies: Taxonomies) -> None:
    _article(root)
    assert _validate(root, taxonomies).warnings == ()


def test_quality_description_longer_than_listings_show(root: Path, taxonomies: Taxonomies) -> None:
    kept = "Đoàn viên hướng dẫn người dân " * 6 + "dùng dịch vụ công "  # 198 characters, a space last
    assert len(kept) == 198
    rel, text = _article(root, description=f'"{kept}Phần này bị cắt khỏi danh sách bài viết."')

    checked = _validate(root, taxonomies)

    (warning,) = _on(checked, "description")
    assert warning.line == line_of(text, "description:") and "danh sách bài chỉ hiện 200 ký tự" in warning.message
    assert "«…Phần này bị cắt" in warning.message
    assert not checked.failed  # a warning never fails the validation


def test_quality_description_of_exactly_the_limit_is_fine(root: Path, taxonomies: Taxonomies) -> None:
    _article(root, description='"' + "a" * 200 + '"')
    assert _on(_validate(root, taxonomies), "description") == []
