"""The route table: every public URL of the site, built here and nowhere else.

URLs are site-relative, without a leading slash; a page's URL ends with '/' ('' is the home page).
Templates receive this module as `nr_routes` and print `{{ nr_routes.ALL_ARTICLES | url }}`; Python
code calls the functions. Changing a URL scheme is an edit of this file (and of the README's URL
table), never a search through modules and templates. `tests/unit/test_routes.py` fails when a
URL literal appears anywhere else.
"""

from __future__ import annotations

from typing import Literal

FeedFormat = Literal["rss", "atom", "json"]

HOME = ""
ALL_ARTICLES = "bai-viet/"
CATEGORIES = "chuyen-muc/"
PROVINCES = "tinh-thanh/"
TAGS = "the/"
ARCHIVE = "luu-tru/"
GALLERY = "vinh-danh/"
FEEDS_PAGE = "rss/"
BRAND_PAGE = "bo-nhan-dien/"
WIDGETS = "nhung/"
DESK = "bien-tap/"
"""The editor's desk: drafts, scheduled entries, warnings; built only by `mkdocs serve`."""
ADMIN = "admin/"
"""The editing desk (Decap CMS): in the preview always, in site/ only with `extra.newsroom.cms`."""
ADMIN_CONFIG = ADMIN + "config.yml"
ADMIN_SCRIPT = ADMIN + "ban-bien-tap.js"
ADMIN_DECAP = ADMIN + "decap/"
"""Decap CMS's own files (decap-cms.js and the chunks it loads beside itself), copied from node_modules."""
ADMIN_PRECHECK = ADMIN + "kiem-tra"
"""The preview's pre-save check (POST, JSON): the column's messages for a draft entry."""
SECTIONS = {"news": "bai-viet", "initiative": "vinh-danh"}
"""Entry kind -> the first URL segment of its pages."""

# Files the build writes (not pages).
BRAND_ASSETS = "assets/brand/"
BRAND_ICONS = BRAND_ASSETS + "icons/"
BRAND_KIT_FILES = BRAND_ASSETS + "kit/"
BRAND_FONTS = BRAND_ASSETS + "fonts/"
PALETTE_CSS = BRAND_ASSETS + "palette.css"
CARDS = "assets/the/"
COLUMN_FEED_KEY = "toan-chuyen-muc"
"""The feed of the whole column; its files sit at the site root (`feed.xml`, …)."""
FEED_SUFFIXES: dict[FeedFormat, str] = {"rss": ".xml", "atom": ".atom", "json": ".json"}


def entry(section: str, slug: str) -> str:
    """An article or initiative page: 'bai-viet/<slug>/', 'vinh-danh/<slug>/'."""
    return f"{section}/{slug}/"


def category(key: str) -> str:
    return f"{CATEGORIES}{key}/"


def province(unit_key: str) -> str:
    """The listing of today's unit (legacy provinces redirect here)."""
    return f"{PROVINCES}{unit_key}/"


def tag(slug: str) -> str:
    return f"{TAGS}{slug}/"


def year(value: int) -> str:
    return f"{ARCHIVE}{value}/"


def gallery(year: int | None = None) -> str:
    """The honours gallery, or its page for one campaign year."""
    return GALLERY if year is None else f"{GALLERY}nam-{year}/"


def listing_page(base: str, number: int) -> str:
    """Page `number` of a paginated listing: page 1 at `base`, page n at `<base>trang/<n>/`."""
    return base if number == 1 else f"{base}trang/{number}/"


def page_source(url: str) -> str:
    """The virtual Markdown source of a generated page ('bai-viet/x/' -> 'bai-viet/x/index.md')."""
    return f"{url}index.md"


def html_file(url: str) -> str:
    """The HTML file written for a page URL (redirect stubs are written as files)."""
    return f"{url}index.html"


def url_of_html_file(src_uri: str) -> str:
    """The page URL an HTML file is served at ('bai-viet/x/index.html' -> 'bai-viet/x/')."""
    return src_uri.removesuffix("index.html")


def feed_key(listing_url: str) -> str:
    """A feed is named by the listing it follows: 'chuyen-muc/tap-huan/' -> 'chuyen-muc/tap-huan'."""
    return listing_url.rstrip("/") or COLUMN_FEED_KEY


def feed_base(key: str) -> str:
    """Feed files without their suffix: 'feed' for the column, '<key>/feed' for the others."""
    return "feed" if key == COLUMN_FEED_KEY else f"{key}/feed"


def feed(key: str, fmt: FeedFormat) -> str:
    return feed_base(key) + FEED_SUFFIXES[fmt]


def feed_sitemap(key: str) -> str | None:
    """The small sitemap written beside a sub-folder feed (Material fetches one beside each alternate link)."""
    base = feed_base(key)
    return base.rsplit("/", 1)[0] + "/sitemap.xml" if "/" in base else None


def widget(key: str) -> str:
    """The iframe widget page of a feed."""
    return f"{WIDGETS}{key}/"


def widget_script(key: str) -> str:
    """The script widget of a feed."""
    return f"{WIDGETS}{key}/widget.js"


WIDGET_RESIZER = WIDGETS + "khung.js"
"""The script a partner page loads beside the iframe snippet: it sizes each widget frame."""


IMAGES = "anh/"
"""Content-addressed image variants: a folder's name is a hash of its files, so they never change."""


def image_folder(digest: str) -> str:
    """The folder of one image's variants, 'anh/<digest>/', shared by every page that shows it."""
    return f"{IMAGES}{digest}/"


def card(name: str) -> str:
    """A social card image; `name` is a page URL ('' for the site's default card) or a fixed name."""
    return f"{CARDS}{name.rstrip('/') or DEFAULT_CARD_NAME}.jpg"


DEFAULT_CARD_NAME = "chuyen-muc-chuyen-doi-so"
DEFAULT_CARD = card("")
STATISTICS = "thong-ke/"
NAV_PAGES = frozenset(page_source(url) for url in (HOME, STATISTICS, CATEGORIES, PROVINCES, GALLERY, ARCHIVE))
"""Generated pages that the navigation (mkdocs.yml `nav:`) lists."""


def statistics_csv(table_key: str) -> str:
    """One table of the statistics page as CSV."""
    return f"{STATISTICS}{table_key}.csv"


def statistics_svg(table_key: str) -> str:
    return f"{STATISTICS}{table_key}.svg"


STATISTICS_WORKBOOK = f"{STATISTICS}thong-ke.xlsx"
