"""The brand kit drives the built site: palette, favicons, cards, the kit page; a bad kit fails clearly."""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from sitekit import FIXTURES, PROJECT, SITES, make_site, mkdocs_build

ARTICLE = "bai-viet/to-cong-nghe-so-cong-dong-huong-dan-nguoi-dan-cai-dat-vneid/"


def build(site: Path) -> Path:
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site / "site"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def two_kits(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("kits")
    default = build(make_site(base / "mac-dinh", SITES / "basic"))
    other = make_site(base / "xanh-la", SITES / "basic")
    shutil.rmtree(other / "assets" / "brand-kit")
    shutil.copytree(FIXTURES / "brand-kits" / "xanh-la", other / "assets" / "brand-kit")
    # The fixture kit names the same open font; it is not duplicated in the fixtures.
    shutil.copytree(PROJECT / "assets" / "brand-kit" / "fonts", other / "assets" / "brand-kit" / "fonts")
    return default, build(other)


def test_build_brand_palette_favicons_and_cards_follow_the_kit(two_kits: tuple[Path, Path]) -> None:
    default, other = two_kits
    css = (default / "assets" / "brand" / "palette.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #0b3d91;" in css and 'font-family: "Be Vietnam Pro"' in css
    assert (other / "assets" / "brand" / "palette.css").read_text(encoding="utf-8") != css
    for name in ("favicon.ico", "assets/brand/icons/favicon-32x32.png", "assets/brand/icons/apple-touch-icon.png"):
        assert digest(default / name) != digest(other / name), name
    card = f"assets/the/{ARTICLE.rstrip('/')}.jpg"
    assert digest(default / card) != digest(other / card)


def test_build_widgets_take_the_kit_colours(two_kits: tuple[Path, Path]) -> None:
    default, other = two_kits
    for name in ("nhung/toan-chuyen-muc/index.html", "nhung/toan-chuyen-muc/widget.js"):
        before = (default / name).read_text(encoding="utf-8")
        after = (other / name).read_text(encoding="utf-8")
        assert "#0b3d91" in before and "#0b3d91" not in after, name
        # the green kit's link colour and accent, and its off-white background
        assert "#005a9c" in after and "#b34700" in after and "#fffdf5" in after, name


def test_build_cards_and_link_preview_metadata(two_kits: tuple[Path, Path]) -> None:
    default, _ = two_kits
    html = (default / ARTICLE / "index.html").read_text(encoding="utf-8")
    card_url = f"https://chuyendoiso.tainangviet.vn/assets/the/{ARTICLE.rstrip('/')}.jpg"
    assert f'<meta property="og:image" content="{card_url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="article:published_time" content="2024-10-03T08:30:00+07:00">' in html
    assert (
        '<meta property="og:image:width" content="1200">' in html
        and '<meta name="twitter:card" content="summary_large_image">' in html
    )
    assert '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"' in html
    with Image.open(default / f"assets/the/{ARTICLE.rstrip('/')}.jpg") as card:
        assert card.size == (1200, 630)
    # Every listing has a card; later pages of a listing share the first page's.
    listing = (default / "chuyen-muc" / "tap-huan" / "index.html").read_text(encoding="utf-8")
    assert 'content="https://chuyendoiso.tainangviet.vn/assets/the/chuyen-muc/tap-huan.jpg"' in listing
    assert (default / "assets" / "the" / "chuyen-muc" / "tap-huan.jpg").is_file()


def test_build_favicon_links_and_manifest(two_kits: tuple[Path, Path]) -> None:
    default, _ = two_kits
    home = (default / "index.html").read_text(encoding="utf-8")
    for href in (
        "assets/brand/icons/favicon.ico",
        "assets/brand/icons/favicon.svg",
        "assets/brand/icons/apple-touch-icon.png",
        "assets/brand/icons/site.webmanifest",
    ):
        assert f'href="{href}"' in home
        assert (default / href).is_file()
    with Image.open(default / "assets" / "brand" / "icons" / "icon-512.png") as icon:
        assert icon.size == (512, 512)


def test_build_brand_page_and_zip(two_kits: tuple[Path, Path]) -> None:
    default, _ = two_kits
    page = (default / "bo-nhan-dien" / "index.html").read_text(encoding="utf-8")
    assert "#0b3d91" in page and "Đạt" in page and "Không đạt" not in page
    zip_path = default / "assets" / "brand" / "bo-nhan-dien-chuyen-doi-so.zip"
    assert 'href="../assets/brand/bo-nhan-dien-chuyen-doi-so.zip"' in page
    names = zipfile.ZipFile(io.BytesIO(zip_path.read_bytes())).namelist()
    for listed in (
        "brand.yml",
        "logo/logo.svg",
        "logo/logo.png",
        "fonts/BeVietnamPro-Regular.ttf",
        "banners/bang-ron-1200x400.png",
    ):
        assert any(name.endswith(listed) for name in names), listed


def test_build_bad_kit_fails_naming_the_field(tmp_path: Path) -> None:
    site = make_site(tmp_path / "bad-kit", SITES / "basic")
    kit = site / "assets" / "brand-kit" / "brand.yml"
    text = (
        kit.read_text(encoding="utf-8")
        .replace('accent: "#da251d"', 'accent: "#ffd0d0"')
        .replace('text: "#1a1a1a"', 'text: "xanh"')
    )
    kit.write_text(text, encoding="utf-8")
    (site / "site").mkdir()
    (site / "site" / "index.html").write_text("trang cũ", encoding="utf-8")
    result = mkdocs_build(site)
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out
    assert "assets/brand-kit/brand.yml" in out and "[colors.text]" in out and "colors.accent" in out and ":1" in out
    assert (site / "site" / "index.html").read_text(encoding="utf-8") == "trang cũ"


def test_build_campaign_banner_only_inside_the_window(tmp_path: Path) -> None:
    from sitekit import build_env

    site = make_site(tmp_path / "campaign", SITES / "basic")
    inside = mkdocs_build(site, env=build_env(SOURCE_DATE_EPOCH="1791162000"))  # 05/10/2026 08:00 in Viet Nam
    assert inside.returncode == 0, inside.stderr
    home = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "Còn 5 ngày đến Ngày Chuyển đổi số quốc gia 10/10/2026" in home
    outside = mkdocs_build(site, env=build_env(SOURCE_DATE_EPOCH="1790000000"))  # 21/09/2026
    assert outside.returncode == 0, outside.stderr
    assert "nr-campaign" not in (site / "site" / "index.html").read_text(encoding="utf-8")
