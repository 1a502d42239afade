"""The theme from the kit: palette CSS, favicons and the campaign window."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from brand_kits import KIT, fixture_kit
from PIL import Image

from newsroom.brand import (
    FAVICON_LINKS,
    Brand,
    campaign_status,
    contrast_ratio,
    load_brand,
    render_favicons,
    render_palette_css,
    web_font_files,
)

VN = timezone(timedelta(hours=7))


@pytest.fixture(scope="module")
def brand() -> Brand:
    return load_brand(KIT)


@pytest.fixture
def green(tmp_path: Path) -> Brand:
    return load_brand(fixture_kit(tmp_path / "xanh-la"))


def css_vars(css: str) -> dict[str, str]:
    return dict(re.findall(r"(--[\w-]+): ([^;]+);", css))


def test_brand_palette_css_sets_material_variables(brand: Brand) -> None:
    css = render_palette_css(brand)
    found = css_vars(css)
    assert found["--md-primary-fg-color"] == "#0b3d91"
    assert found["--md-primary-bg-color"] == "#ffffff"
    assert found["--md-accent-fg-color"] == "#da251d"
    assert found["--md-typeset-a-color"] == "#0b3d91"
    assert found["--md-default-fg-color"] == "#1a1a1a"
    assert found["--md-default-bg-color"] == "#ffffff"
    assert found["--md-text-font"] == '"Be Vietnam Pro"'
    assert found["--brand-highlight"] == "#ffcd00"
    for name in ("--md-primary-fg-color--light", "--md-primary-fg-color--dark"):
        assert re.fullmatch(r"#[0-9a-f]{6}", found[name])
    # the lighter text Material uses for metadata still meets AA
    assert contrast_ratio(found["--md-default-fg-color--light"], "#ffffff") >= 4.5


def test_brand_palette_css_self_hosts_the_font(brand: Brand) -> None:
    css = render_palette_css(brand, fonts_url="/assets/brand/fonts/")
    faces = re.findall(r"@font-face \{(.*?)\}", css, re.S)
    assert len(faces) == 2
    for face, weight, file in zip(faces, ("400", "700"), ("BeVietnamPro-Regular.ttf", "BeVietnamPro-Bold.ttf"), strict=True):
        assert 'font-family: "Be Vietnam Pro";' in face
        assert "font-display: optional;" in face  # no late swap, no layout shift (fonts are preloaded)
        assert f"font-weight: {weight};" in face
        assert f'url("/assets/brand/fonts/{file}") format("truetype")' in face
    assert "http" not in css and "googleapis" not in css


def test_brand_second_kit_changes_the_palette_css(brand: Brand, green: Brand) -> None:
    ours, theirs = css_vars(render_palette_css(brand)), css_vars(render_palette_css(green))
    assert theirs["--md-primary-fg-color"] == "#006b3f"
    assert theirs["--md-typeset-a-color"] == "#005a9c"
    assert theirs["--md-default-bg-color"] == "#fffdf5"
    assert ours["--md-primary-fg-color"] != theirs["--md-primary-fg-color"]


def test_brand_favicons_have_every_size(brand: Brand) -> None:
    files = render_favicons(brand)
    assert set(files) == {
        "favicon.ico",
        "favicon.svg",
        "favicon-16x16.png",
        "favicon-32x32.png",
        "apple-touch-icon.png",
        "icon-192.png",
        "icon-512.png",
        "site.webmanifest",
    }
    assert {link.name for link in FAVICON_LINKS} <= set(files)
    for name, size in (
        ("favicon-16x16.png", 16),
        ("favicon-32x32.png", 32),
        ("apple-touch-icon.png", 180),
        ("icon-192.png", 192),
        ("icon-512.png", 512),
    ):
        with Image.open(io.BytesIO(files[name])) as image:
            assert image.format == "PNG" and image.size == (size, size), name
    with Image.open(io.BytesIO(files["apple-touch-icon.png"])) as touch:
        assert touch.mode == "RGB"  # no transparency: iOS would paint it black
    with Image.open(io.BytesIO(files["favicon.ico"])) as ico:
        assert ico.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48)} <= set(ico.info["sizes"])
    assert files["favicon.svg"] == (KIT / "logo" / "icon.svg").read_bytes()


def test_brand_manifest_is_vietnamese_json(brand: Brand) -> None:
    manifest = json.loads(render_favicons(brand)["site.webmanifest"])
    assert manifest["name"] == "Ngày Chuyển đổi số quốc gia"
    assert manifest["short_name"] == "Chuyển đổi số"
    assert manifest["lang"] == "vi"
    assert manifest["theme_color"] == "#0b3d91"
    assert manifest["background_color"] == "#ffffff"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512", "any"}


def test_brand_favicons_are_reproducible(brand: Brand) -> None:
    assert render_favicons(brand) == render_favicons(brand)


def test_brand_second_kit_changes_every_favicon(brand: Brand, green: Brand) -> None:
    ours, theirs = render_favicons(brand), render_favicons(green)
    for name in ours:
        assert ours[name] != theirs[name], name
    assert theirs["favicon.svg"] == (green.kit_dir / "logo" / "logo.svg").read_bytes()  # no icon: the logo itself
    assert json.loads(theirs["site.webmanifest"])["theme_color"] == "#006b3f"


@pytest.mark.parametrize(
    ("now", "active", "days_left", "day"),
    [
        (datetime(2024, 9, 30, 23, 59, tzinfo=VN), False, 10, date(2024, 10, 10)),
        (datetime(2024, 9, 30, 17, 0, tzinfo=UTC), True, 9, date(2024, 10, 10)),  # 1 October 00:00 in Vietnam
        (datetime(2024, 10, 5, 8, 0, tzinfo=VN), True, 5, date(2024, 10, 10)),
        (datetime(2024, 10, 10, 23, 59, tzinfo=VN), True, 0, date(2024, 10, 10)),
        (datetime(2024, 10, 10, 17, 0, tzinfo=UTC), False, 364, date(2025, 10, 10)),  # 11 October in Vietnam
        (datetime(2025, 1, 15, 12, 0, tzinfo=VN), False, 268, date(2025, 10, 10)),
    ],
)
def test_brand_campaign_window_in_vietnam_time(brand: Brand, now: datetime, active: bool, days_left: int, day: date) -> None:
    status = campaign_status(brand, now)
    assert (status.active, status.days_left, status.day) == (active, days_left, day)


@pytest.mark.parametrize(
    ("now", "active", "days_left", "day"),
    [
        (datetime(2024, 12, 19, 12, 0, tzinfo=VN), False, 13, date(2025, 1, 1)),
        (datetime(2024, 12, 20, 0, 0, tzinfo=VN), True, 12, date(2025, 1, 1)),
        (datetime(2025, 1, 3, 12, 0, tzinfo=VN), True, 0, date(2025, 1, 1)),
        (datetime(2025, 1, 6, 12, 0, tzinfo=VN), False, 360, date(2026, 1, 1)),
    ],
)
def test_brand_campaign_window_over_the_new_year(green: Brand, now: datetime, active: bool, days_left: int, day: date) -> None:
    status = campaign_status(green, now)
    assert (status.active, status.days_left, status.day) == (active, days_left, day)


def test_brand_campaign_needs_an_aware_now(brand: Brand) -> None:
    with pytest.raises(ValueError):
        campaign_status(brand, datetime(2024, 10, 5))


def test_brand_web_fonts_are_the_files_the_css_names(brand: Brand) -> None:
    files = web_font_files(brand)
    assert set(files) == {"BeVietnamPro-Regular.ttf", "BeVietnamPro-Bold.ttf"}
    css = render_palette_css(brand)
    for name, path in files.items():
        assert f'url("fonts/{name}")' in css
        assert path.is_file()
