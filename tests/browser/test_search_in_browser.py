"""Search as a reader uses it: Vietnamese with or without tone marks, filters, nothing unpublished."""

from __future__ import annotations

import unicodedata

import pytest
from playwright.sync_api import Page

from sitekit import screenshot

pytestmark = pytest.mark.browser

DAK_LAK = "dak-lak"


def search(page: Page, base_url: str, query: str) -> list[str]:
    """Open the search dialog with "/", type `query`, return the result URLs in order."""
    if not page.url.startswith(base_url):
        page.goto(base_url, wait_until="networkidle")
    if not page.locator("#nr-search").evaluate("d => d.open"):
        page.keyboard.press("/")
    box = page.locator("#nr-search input.pagefind-ui__search-input")
    box.wait_for()
    box.fill("")
    box.fill(query)
    page.wait_for_function(
        "q => { const el = document.querySelector('.pagefind-ui__message'); return el && !/Đang|Searching/.test(el.textContent) && el.textContent.length > 0 }",
        arg=query,
    )
    page.wait_for_timeout(300)
    return [a.get_attribute("href") or "" for a in page.locator(".pagefind-ui__result-link").all()]


def result_count(page: Page) -> int:
    """The total the UI announces ("30 kết quả cho …"); the list itself shows the first five."""
    message = page.locator(".pagefind-ui__message").inner_text()
    return int(message.split()[0]) if message[:1].isdigit() else 0


def test_browser_search_without_tone_marks_finds_accented_text(page: Page, base_url: str) -> None:
    search(page, base_url, "chuyển đổi số")
    accented = result_count(page)
    search(page, base_url, "chuyen doi so")
    assert accented >= 20 and result_count(page) >= accented  # nearly every page says it
    tan_lap = "/bai-viet/to-cong-nghe-so-cong-dong-xa-tan-lap"
    assert search(page, base_url, "Tổ công nghệ số Tân Lập")[0].startswith(tan_lap)
    assert search(page, base_url, "to cong nghe so tan lap")[0].startswith(tan_lap)
    assert search(page, base_url, "Đắk Lắk")[0].count(DAK_LAK) == 1
    assert search(page, base_url, "dak lak")[0].count(DAK_LAK) == 1
    nfd = unicodedata.normalize("NFD", "Đắk Lắk")
    assert nfd != "Đắk Lắk"
    assert search(page, base_url, nfd)[0].count(DAK_LAK) == 1
    assert search(page, base_url, "nong san")  # "nông sản"
    screenshot(page, "search-dak-lak")


def test_browser_search_never_finds_drafts_or_listings(page: Page, base_url: str) -> None:
    # Words only the draft article has: not indexed (it is not even published).
    assert search(page, base_url, "Bạch Long Vĩ") == []
    assert search(page, base_url, "bach long vi") == []
    results = search(page, base_url, "tổ công nghệ số")
    assert results
    assert not any(url.startswith(("/chuyen-muc/", "/tinh-thanh/", "/the/", "/luu-tru/")) for url in results)


def test_browser_search_filters_narrow_results(page: Page, base_url: str) -> None:
    search(page, base_url, "chuyen doi so")
    everything = result_count(page)
    page.locator(".pagefind-ui__filter-name", has_text="Năm").click()
    page.locator(".pagefind-ui__filter-label", has_text="2022").click()
    page.wait_for_timeout(800)
    assert 0 < result_count(page) < everything
    page.locator(".pagefind-ui__filter-name", has_text="Tỉnh/thành").click()
    page.locator(".pagefind-ui__filter-label", has_text="Ninh Bình").click()
    page.wait_for_timeout(800)
    assert result_count(page) == 1  # Hải Minh, Nam Định (now Ninh Bình), 2022
    screenshot(page, "search-filter-2022")
