"""Every page type of the built site, in one list: the accessibility, HTML validity, request and
Vietnamese-UI tests all run over `PAGE_TYPES`. A new page type is added here, once.

Each type knows how to find one concrete page of its kind in a built site (the first link of a
listing, say), so renaming a sample article never breaks the tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin, urlsplit

import lxml.html

from sitekit import PROJECT

if TYPE_CHECKING:  # the list is read without a browser too
    from playwright.sync_api import Page

WaitUntil = Literal["commit", "domcontentloaded", "load", "networkidle"]
"""Playwright's `wait_until` values."""

SEARCH_QUERY = "chuyen doi so"
"""What the search page type types into the open dialog (without tone marks, matches many pages)."""


def open_search(page: Page) -> None:
    """Open the search dialog with "/", type `SEARCH_QUERY`, wait for the results and their thumbnails."""
    page.keyboard.press("/")
    box = page.locator("#nr-search input.pagefind-ui__search-input")
    box.wait_for()
    box.fill(SEARCH_QUERY)
    page.locator(".pagefind-ui__result").first.wait_for()
    page.wait_for_load_state("networkidle")


def filter_gallery(page: Page) -> None:
    """Pick the first province in the gallery's filters: fewer cards, the status line says so."""
    province = page.locator("select[name=tinh]")
    province.select_option(province.locator("option").nth(1).get_attribute("value"))
    page.locator(".nr-gallery__card[hidden]").first.wait_for(state="attached")


def open_lightbox(page: Page) -> None:
    """Open the first photo of an initiative in the lightbox, as a keyboard user does."""
    page.locator("a[data-nr-lightbox]").first.focus()
    page.keyboard.press("Enter")
    page.locator("dialog.nr-lightbox[open] img").wait_for()
    page.wait_for_load_state("networkidle")


@dataclass(frozen=True)
class PageType:
    name: str
    find: Callable[[Path], str | None]
    """Built site folder → the page's site-relative URL ('bai-viet/x/'), or None if the sample has none."""
    browser: bool = True
    """False for pages a browser does not stay on (a redirect); they are only checked as HTML."""
    interact: Callable[..., None] | None = None
    """What a reader does on the page before it is checked (open the search, filter, open a photo);
    such a type is a state of another type's page, so its HTML is not checked again."""


def fixed(url: str) -> Callable[[Path], str | None]:
    """A page at a known address; None if the build did not write it."""

    def find(site: Path) -> str | None:
        return url if html_path(site, url).is_file() else None

    return find


def first_link(listing: str, pattern: str) -> Callable[[Path], str | None]:
    """The first link in the main content of `listing` whose site-relative URL matches `pattern`."""
    wanted = re.compile(pattern)

    def find(site: Path) -> str | None:
        return next((url for url in content_links(site, listing) if wanted.fullmatch(url)), None)

    return find


def first_existing(*globs: str) -> Callable[[Path], str | None]:
    """The first built page matching one of `globs` (tried in order), e.g. a listing's page 2."""

    def find(site: Path) -> str | None:
        for pattern in globs:
            found = sorted(site.glob(pattern + "/index.html"))
            if found:
                return found[0].parent.relative_to(site).as_posix() + "/"
        return None

    return find


def first_redirect(site: Path) -> str | None:
    """A redirect page (moved article, legacy province name): static HTML with a meta refresh."""
    for path in sorted(site.glob("*/*/index.html")):
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:2000]:
            return path.parent.relative_to(site).as_posix() + "/"
    return None


def hand_written_pages() -> list[PageType]:
    """One type per Markdown page under docs/ not already listed (about, plan…), found from the source."""
    listed = {"bo-nhan-dien", "rss"}
    pages = []
    for md in sorted((PROJECT / "docs").glob("*.md")):
        if md.stem not in listed and md.stem != "index":
            pages.append(PageType(f"trang-{md.stem}", fixed(f"{md.stem}/")))
    return pages


SLUG = r"(?!trang/)[^/]+/"

PAGE_TYPES: list[PageType] = [
    PageType("trang-chu", fixed("")),
    PageType("bai-viet", first_link("bai-viet/", rf"bai-viet/{SLUG}")),
    PageType("tat-ca-bai-viet", fixed("bai-viet/")),
    PageType("danh-sach-trang-2", first_existing("chuyen-muc/*/trang/2", "bai-viet/trang/2")),
    PageType("chuyen-muc", first_link("chuyen-muc/", rf"chuyen-muc/{SLUG}")),
    PageType("tinh-thanh", first_link("tinh-thanh/", rf"tinh-thanh/{SLUG}")),
    PageType("the", first_link("the/", rf"the/{SLUG}")),
    PageType("luu-tru-nam", first_link("luu-tru/", r"luu-tru/\d{4}/")),
    PageType("muc-luc-chuyen-muc", fixed("chuyen-muc/")),
    PageType("muc-luc-tinh-thanh", fixed("tinh-thanh/")),
    PageType("muc-luc-the", fixed("the/")),
    PageType("muc-luc-luu-tru", fixed("luu-tru/")),
    PageType("vinh-danh", fixed("vinh-danh/")),
    PageType("vinh-danh-loc", fixed("vinh-danh/"), interact=filter_gallery),
    PageType("vinh-danh-nam", first_link("vinh-danh/", r"vinh-danh/nam-\d{4}/")),
    PageType("sang-kien", first_link("vinh-danh/", rf"vinh-danh/(?!nam-){SLUG}")),
    PageType("sang-kien-anh-lon", first_link("vinh-danh/", rf"vinh-danh/(?!nam-){SLUG}"), interact=open_lightbox),
    PageType("thong-ke", fixed("thong-ke/")),
    PageType("bo-nhan-dien", fixed("bo-nhan-dien/")),
    PageType("rss", fixed("rss/")),
    PageType("nhung", fixed("nhung/toan-chuyen-muc/")),
    PageType("404", fixed("404.html")),
    *hand_written_pages(),
    PageType("tim-kiem", fixed(""), interact=open_search),
    PageType("chuyen-huong", first_redirect, browser=False),
]

BROWSER_PAGE_TYPES = [t for t in PAGE_TYPES if t.browser]


# --- reading the built site ---------------------------------------------------------------------


def html_path(site: Path, url: str) -> Path:
    """The file a site-relative URL is served from ('' → index.html, 'x/' → x/index.html)."""
    return site / url if url.endswith(".html") else site / url / "index.html"


@cache
def content_links(site: Path, url: str) -> list[str]:
    """Site-relative URLs of the links in the page's main content, in document order."""
    tree = lxml.html.fromstring(html_path(site, url).read_bytes())
    main = tree.xpath("//article[contains(@class, 'md-content__inner')]") or [tree]
    base = "http://site/" + url
    links = []
    for href in main[0].xpath(".//a/@href"):
        parts = urlsplit(urljoin(base, str(href)))
        if parts.netloc == "site" and not parts.query and not parts.fragment:
            links.append(parts.path.lstrip("/"))
    return links


def find_url(site: Path, page_type: PageType) -> str:
    """The page's site-relative URL; fails the test naming the type when the sample has none."""
    url = page_type.find(site)
    if url is None:
        raise AssertionError(f"the sample site has no page of type {page_type.name!r}: add one to articles/ or fix PAGE_TYPES")
    return url


# --- showing a page in the browser --------------------------------------------------------------


def show(page: Page, base_url: str, url: str, page_type: PageType, *, wait_until: WaitUntil = "load") -> None:
    """Open the page (`wait_until` "networkidle" to let it make every request it will make), then do
    what the type's reader does."""
    page.goto(base_url + url, wait_until=wait_until)
    if page_type.interact is not None:
        page_type.interact(page)
