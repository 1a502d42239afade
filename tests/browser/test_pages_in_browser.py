"""Home, article and category pages as a reader's Chromium shows them."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from sitekit import screenshot

pytestmark = pytest.mark.browser


def visit(page: Page, url: str) -> dict[str, list[str]]:
    """Open `url`, wait for the network to settle; return requests elsewhere, failures and console errors."""
    seen: dict[str, list[str]] = {"foreign": [], "failed": [], "errors": []}
    own = urlsplit(url).netloc
    page.on(
        "request",
        lambda r: (
            seen["foreign"].append(r.url) if urlsplit(r.url).netloc not in (own, "") and not r.url.startswith("data:") else None
        ),
    )
    page.on("requestfailed", lambda r: seen["failed"].append(r.url))
    page.on("response", lambda r: seen["failed"].append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.goto(url, wait_until="networkidle")
    return seen


def first_article_url(page: Page) -> str:
    return str(
        page.locator("#nr-latest ~ .nr-grid .nr-card__title a, section:has(#nr-latest) .nr-card__title a").first.get_attribute(
            "href"
        )
    )


def test_browser_home_page(page: Page, base_url: str) -> None:
    seen = visit(page, base_url)
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.title() == "Chuyên mục Chuyển đổi số"
    assert page.locator(".nr-home__featured .nr-card").count() >= 1
    assert page.locator("section:has(#nr-latest) .nr-card").count() >= 4
    assert page.locator(".nr-home__block").count() >= 5
    broken = page.evaluate("[...document.images].filter(i => i.complete && i.naturalWidth === 0).map(i => i.src)")
    assert broken == []
    assert seen == {"foreign": [], "failed": [], "errors": []}
    screenshot(page, "home-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "home-phone")


def test_browser_article_page(page: Page, base_url: str) -> None:
    visit(page, base_url)
    href = first_article_url(page)
    seen = visit(page, base_url + href.lstrip("/"))
    assert page.locator("article h1").count() == 1
    meta = page.locator(".nr-article__meta time").inner_text()
    assert meta.startswith(("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"))
    assert page.locator(".nr-article__kicker a").count() == 1
    assert page.locator(".nr-article__body p").count() >= 1
    broken = page.evaluate("[...document.images].filter(i => i.complete && i.naturalWidth === 0).map(i => i.src)")
    assert broken == []
    assert seen == {"foreign": [], "failed": [], "errors": []}
    screenshot(page, "article-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "article-phone")


def test_browser_category_page_and_navigation(page: Page, base_url: str) -> None:
    seen = visit(page, base_url + "chuyen-muc/")
    assert page.locator("h1").inner_text() == "Chuyên mục"
    page.get_by_role("link", name="Tổ công nghệ số cộng đồng", exact=True).first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/chuyen-muc/to-cong-nghe-so/")
    cards = page.locator(".nr-grid .nr-card")
    assert cards.count() >= 2
    title = cards.first.locator(".nr-card__title a")
    name = title.inner_text()
    title.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").inner_text() == name
    assert seen == {"foreign": [], "failed": [], "errors": []}
    page.go_back()
    screenshot(page, "category-desktop")


def test_browser_brand_page_uses_the_kit_font_from_the_site(page: Page, base_url: str) -> None:
    seen = visit(page, base_url + "bo-nhan-dien/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Bộ nhận diện"
    assert page.evaluate("document.fonts.check('700 16px \"Be Vietnam Pro\"')")
    fonts = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Be Vietnam Pro" in family for family in fonts)
    assert page.locator(".nr-swatch").count() >= 6
    assert page.locator("a[download][href$='.zip']").count() == 1
    assert seen == {"foreign": [], "failed": [], "errors": []}
    screenshot(page, "brand-page")
