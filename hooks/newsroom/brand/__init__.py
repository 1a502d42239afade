"""The Digital Transformation Day brand kit: `assets/brand-kit/brand.yml` and what the build derives from it.

brand = load_brand(project / "assets" / "brand-kit")      # raises BrandErrors, every field named
css = render_palette_css(brand)                            # serve beside a fonts/ folder
icons = render_favicons(brand)                             # {name: bytes}, serve at the site root
status = campaign_status(brand, build_now())               # countdown banner inside the window
jpeg = render_social_card(brand, title, kicker, cover, cache)  # the 1200×630 JPEG card
kit = build_kit_zip(brand, brand.kit_dir)                  # the downloadable kit
"""

from __future__ import annotations

from .campaign import campaign_status, campaign_window
from .cards import CARD_VERSION, CardError, CardLayout, draw_social_card, kicker_colour, layout_card, render_social_card
from .colors import contrast_ratio, format_ratio, relative_luminance
from .errors import BrandError, BrandErrors
from .favicons import FAVICON_LINKS, FaviconLink, render_favicons, render_manifest
from .glyphs import missing_glyphs
from .kit import build_kit_zip, kit_zip_name
from .kit_model import Banner, Brand, Campaign, CampaignStatus, Colors, ContrastCheck, KitFile, Logo, Typeface
from .layout import TextBlock, TextLine, layout_text, wrap_text
from .loader import BRAND_FILE, load_brand, parse_brand
from .theme import font_dest_name, render_palette_css, web_font_files

__all__ = [
    "BRAND_FILE",
    "CARD_VERSION",
    "FAVICON_LINKS",
    "Banner",
    "Brand",
    "BrandError",
    "BrandErrors",
    "Campaign",
    "CampaignStatus",
    "CardError",
    "CardLayout",
    "Colors",
    "ContrastCheck",
    "FaviconLink",
    "KitFile",
    "Logo",
    "TextBlock",
    "TextLine",
    "Typeface",
    "build_kit_zip",
    "campaign_status",
    "campaign_window",
    "contrast_ratio",
    "draw_social_card",
    "font_dest_name",
    "format_ratio",
    "kicker_colour",
    "kit_zip_name",
    "layout_card",
    "layout_text",
    "load_brand",
    "missing_glyphs",
    "parse_brand",
    "relative_luminance",
    "render_favicons",
    "render_manifest",
    "render_palette_css",
    "render_social_card",
    "web_font_files",
    "wrap_text",
]
