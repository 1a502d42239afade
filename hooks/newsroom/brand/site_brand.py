"""The brand kit in the built site: palette CSS, web fonts, favicons, logo, banners, the kit zip,
the campaign banner and the view of /bo-nhan-dien/.

`load_site_brand` reads and checks `assets/brand-kit/brand.yml`; `build_brand_files` derives every
file the site serves from it. Swapping the kit is a file drop plus an edit of brand.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from .. import routes
from ..content.errors import ContentErrors
from . import (
    FAVICON_LINKS,
    Brand,
    BrandErrors,
    KitFile,
    build_kit_zip,
    campaign_status,
    contrast_ratio,
    format_ratio,
    kit_zip_name,
    load_brand,
    render_favicons,
    render_palette_css,
    web_font_files,
)

KIT_DIR = "assets/brand-kit"
"""Where the kit lives in the project."""
BRAND_URL = routes.BRAND_ASSETS
"""Where the site serves what the build derives from it."""
ICONS_URL = routes.BRAND_ICONS
PALETTE_CSS = routes.PALETTE_CSS


def load_site_brand(root: Path) -> Brand:
    """The project's kit; raise ContentErrors naming brand.yml and every bad field."""
    try:
        return load_brand(root / KIT_DIR, label=f"{KIT_DIR}/brand.yml")
    except BrandErrors as problems:
        raise ContentErrors(list(problems.as_content_errors())) from None


@dataclass(frozen=True)
class Swatch:
    name: str
    field: str
    value: str
    ink: str
    """A readable text colour on this swatch."""


@dataclass(frozen=True)
class ContrastRow:
    pair: str
    ratio: str
    passes: bool


@dataclass(frozen=True)
class KitImage:
    url: str
    alt: str
    label: str


@dataclass(frozen=True)
class HeadLink:
    rel: str
    href: str
    type: str
    sizes: str | None


@dataclass(frozen=True)
class CampaignBanner:
    text: str
    days_left: int


@dataclass(frozen=True)
class BrandView:
    """What templates need: the head links, the campaign banner and the /bo-nhan-dien/ page."""

    name: str
    short_name: str
    tagline: str
    family: str
    theme_color: str
    head_links: list[HeadLink]
    fonts: list[str]
    """Web font URLs, preloaded so the kit's typeface is ready within `font-display: optional`'s window."""
    logo_url: str
    logo_png_url: str
    swatches: list[Swatch]
    contrast: list[ContrastRow]
    logos: list[KitImage]
    banners: list[KitImage]
    zip_url: str
    zip_size: str
    campaign: CampaignBanner | None


ROLES = {
    "primary": "Màu chủ đạo",
    "primary_text": "Chữ trên màu chủ đạo",
    "accent": "Màu nhấn",
    "accent_text": "Chữ trên màu nhấn",
    "text": "Màu chữ",
    "background": "Màu nền",
    "link": "Màu liên kết",
    "highlight": "Màu điểm xuyết",
    "secondary": "Màu phụ",
}


def build_brand_files(brand: Brand, now: datetime) -> tuple[dict[str, bytes | Path], BrandView]:
    """Every file the site serves from the kit (site path -> bytes or a file to copy), and the view."""
    files: dict[str, bytes | Path] = {PALETTE_CSS: render_palette_css(brand, fonts_url=routes.BRAND_FONTS.removeprefix(BRAND_URL)).encode("utf-8")}
    for name, path in web_font_files(brand).items():
        files[routes.BRAND_FONTS + name] = path
    for name, data in render_favicons(brand).items():
        files[ICONS_URL + name] = data
    files["favicon.ico"] = files[ICONS_URL + "favicon.ico"]  # where browsers look without being told
    kit_url = routes.BRAND_KIT_FILES
    for kit_file in brand.files:
        files[kit_url + kit_file.src] = kit_file.path
    zip_bytes = build_kit_zip(brand, brand.kit_dir)
    zip_url = BRAND_URL + kit_zip_name(brand)
    files[zip_url] = zip_bytes

    colours = brand.colors
    swatches = [
        Swatch(
            ROLES.get(field, field.replace("_", " ").capitalize()), field, value, _ink(value, colours.text, colours.background)
        )
        for field, value in _colour_fields(brand)
    ]
    status = campaign_status(brand, now)
    campaign = None
    if status.active:
        if status.days_left > 0:
            text = f"Còn {status.days_left} ngày đến Ngày Chuyển đổi số quốc gia {status.day:%d/%m/%Y}"
        else:
            text = f"Hôm nay, {status.day:%d/%m/%Y}, là Ngày Chuyển đổi số quốc gia"
        campaign = CampaignBanner(text, status.days_left)
    view = BrandView(
        name=brand.name,
        short_name=brand.short_name,
        tagline=brand.tagline,
        family=brand.typeface.family,
        theme_color=colours.primary,
        head_links=[HeadLink(link.rel, ICONS_URL + link.name, link.type, link.sizes) for link in FAVICON_LINKS],
        fonts=[routes.BRAND_FONTS + name for name in web_font_files(brand)],
        logo_url=kit_url + brand.logo.svg.src,
        logo_png_url=kit_url + brand.logo.png.src,
        swatches=swatches,
        contrast=[
            ContrastRow(
                f"{ROLES.get(c.foreground_field, c.foreground_field)} trên {ROLES.get(c.background_field, c.background_field).lower()}",
                format_ratio(c.ratio),
                c.ratio >= c.minimum,
            )
            for c in brand.contrast
        ],
        logos=[KitImage(kit_url + f.src, alt, PurePosixPath(f.src).suffix.lstrip(".").upper()) for f, alt in _logo_files(brand)],
        banners=[KitImage(kit_url + b.file.src, b.alt, f"{b.width}×{b.height}" if b.width else "") for b in brand.banners],
        zip_url=zip_url,
        zip_size=f"{len(zip_bytes) / 1024:.0f} KB",
        campaign=campaign,
    )
    return files, view


def _colour_fields(brand: Brand) -> list[tuple[str, str]]:
    c = brand.colors
    fields = [("primary", c.primary), ("primary_text", c.primary_text), ("accent", c.accent)]
    if c.accent_text:
        fields.append(("accent_text", c.accent_text))
    fields += [("text", c.text), ("background", c.background), ("link", c.link), *c.others]
    return fields


def _logo_files(brand: Brand) -> list[tuple[KitFile, str]]:
    logo = brand.logo
    items: list[tuple[KitFile, str]] = [
        (logo.svg, f"Biểu trưng {brand.short_name} (SVG)"),
        (logo.png, f"Biểu trưng {brand.short_name} (PNG)"),
    ]
    if logo.icon_svg:
        items.append((logo.icon_svg, "Biểu tượng (SVG)"))
    if logo.icon_png:
        items.append((logo.icon_png, "Biểu tượng (PNG)"))
    return items


def _ink(background: str, dark: str, light: str) -> str:
    return dark if contrast_ratio(dark, background) >= contrast_ratio(light, background) else light
