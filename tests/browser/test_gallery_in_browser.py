"""The honours gallery and an initiative's photos, as a reader uses them."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from sitekit import screenshot

pytestmark = pytest.mark.browser


def visible_cards(page: Page) -> int:
    return int(page.locator(".nr-gallery__card:visible").count())


def test_browser_gallery_filters_keep_state_in_the_url(page: Page, base_url: str) -> None:
    page.goto(base_url + "vinh-danh/", wait_until="networkidle")
    total = page.locator(".nr-gallery__card").count()
    assert total >= 10 and visible_cards(page) == total
    screenshot(page, "gallery-desktop")

    province = page.locator("select[name=tinh]")
    province.select_option(province.locator("option").nth(1).get_attribute("value"))
    after_province = visible_cards(page)
    assert 0 < after_province < total
    assert "tinh" in parse_qs(urlsplit(page.url).query)

    page.locator("select[name=giai]").select_option("nhat")
    query = parse_qs(urlsplit(page.url).query)
    assert query.get("giai") == ["nhat"] and "tinh" in query
    for card in page.locator(".nr-gallery__card:visible").all():
        assert card.get_attribute("data-giai") == "nhat"

    page.go_back()
    assert "giai" not in parse_qs(urlsplit(page.url).query)
    assert page.locator("select[name=giai]").input_value() == ""
    assert visible_cards(page) == after_province

    # A shared URL opens filtered.
    page.goto(base_url + "vinh-danh/?giai=nhat", wait_until="networkidle")
    assert 0 < visible_cards(page) < total
    assert page.locator("select[name=giai]").input_value() == "nhat"


def test_browser_gallery_without_javascript_shows_every_card(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "vinh-danh/?giai=nhat")
    assert page.locator(".nr-gallery__card:visible").count() == page.locator(".nr-gallery__card").count()
    assert not page.locator("[data-nr-gallery-filters]").is_visible()
    context.close()


def test_browser_lightbox_opens_and_closes_with_the_keyboard(page: Page, base_url: str) -> None:
    page.goto(base_url + "vinh-danh/", wait_until="networkidle")
    # An initiative with more than one photo.
    for url in [link.evaluate("a => a.href") for link in page.locator(".nr-gallery__title a").all()]:
        page.goto(url, wait_until="networkidle")
        if page.locator("a[data-nr-lightbox]").count() > 1:
            break
    photos = page.locator("a[data-nr-lightbox]")
    assert photos.count() > 1
    photos.first.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.nr-lightbox")
    assert dialog.evaluate("d => d.open")
    first_alt = dialog.locator("img").get_attribute("alt")
    assert first_alt
    assert page.evaluate("document.activeElement.closest('dialog') !== null")  # focus moved in
    page.keyboard.press("ArrowRight")
    assert dialog.locator("img").get_attribute("alt") != first_alt
    assert "Ảnh 2 /" in dialog.locator(".nr-lightbox__count").inner_text()
    screenshot(page, "lightbox")
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.hasAttribute('data-nr-lightbox')")  # focus returned
