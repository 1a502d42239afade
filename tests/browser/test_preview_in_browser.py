"""The preview in a browser: an error never freezes it.

A real `mkdocs serve` of a copied fixture site, driven in headless Chromium: a broken article puts a
Vietnamese panel with the error on every page while the last good pages keep loading; the same
mistake saved again is shown again; a page that never built shows the errors; the fix takes the
panel away, and the open tab follows each step by itself (MkDocs' livereload).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from preview_kit import Preview
from sitekit import SITES, make_site, screenshot

EPOCH = "1733000000"
ARTICLE = "bai-viet/to-cong-nghe-so-cong-dong-huong-dan-nguoi-dan-cai-dat-vneid/"
ARTICLE_FILE = Path("articles/news/2024/to-cong-nghe-so-vneid/index.md")
ARTICLE_TITLE = "Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt VNeID"
GOOD_DATE, BAD_DATE = "date: 2024-10-03 08:30", "date: ngày mai"
NEW_FILE = Path("articles/news/2024/bai-moi-loi/index.md")
NEW_PAGE = "bai-viet/bai-moi-chua-dung/"
NEW_ARTICLE = """---
title: "Bài mới chưa dựng"
slug: bai-moi-chua-dung
date: 2024-11-01 08:00
authors: [Ban biên tập]
category: {category}
province: ha-noi
unit: Thành đoàn Hà Nội
description: "Bài mới để thử trang chưa từng dựng."
---

Nội dung bài mới.
"""
PANEL = "#nr-preview-panel[role=alert]"
"""The errors' panel; the basic fixture's tiny photos also bring a warnings-only panel (role=status)."""
ERROR_PANEL_HTML = '<aside id="nr-preview-panel" role="alert"'
PAGES = ["", ARTICLE, "bai-viet/", "chuyen-muc/to-cong-nghe-so/", "bien-tap/"]


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Preview, Path]]:
    site = make_site(tmp_path / "site", SITES / "basic")
    server = Preview(site, tmp_path / "cache", SOURCE_DATE_EPOCH=EPOCH)
    server.wait(lambda: (server.get(ARTICLE) or (0, ""))[0] == 200, "the first build")
    yield server, site
    server.stop()


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_preview_shows_errors_in_the_browser_and_keeps_the_last_good_site(preview: tuple[Preview, Path], page: Page) -> None:
    server, site = preview
    source = site / ARTICLE_FILE
    good = source.read_text(encoding="utf-8")
    assert GOOD_DATE in good
    page.goto(server.url + ARTICLE, wait_until="load")
    assert page.locator(PANEL).count() == 0

    # Break the article: the open tab reloads by itself and shows the panel after this one rebuild.
    failures = server.log().count("Bản xem trước chưa cập nhật")
    _write(source, good.replace(GOOD_DATE, BAD_DATE))
    page.locator(PANEL).wait_for(state="visible", timeout=120_000)
    assert server.log().count("Bản xem trước chưa cập nhật") == failures + 1
    panel = page.locator(PANEL)
    assert panel.get_attribute("role") == "alert"
    text = panel.inner_text()
    assert "Trang chưa cập nhật: 1 lỗi" in text
    assert f"{ARTICLE_FILE.as_posix()}:3 [date]" in text and "ngày mai" in text and "Gợi ý:" in text
    assert panel.get_by_role("link", name="Mở trang này").get_attribute("href") == "/" + ARTICLE
    assert page.locator("h1", has_text=ARTICLE_TITLE).count() == 1  # the last good page, under the panel
    box = panel.bounding_box()
    assert box is not None and box["y"] == 0 and box["height"] > 60
    screenshot(page, "preview-error-panel")
    page.screenshot(path="/tmp/h12p-panel.png")

    # Every page shows it, and the last good content still loads.
    for url in PAGES:
        status, html = server.get(url) or (0, "")
        assert status == 200 and 'id="nr-preview-panel"' in html and "Trang chưa cập nhật: 1 lỗi" in html, url
    assert ARTICLE_TITLE in server.text(ARTICLE) and ARTICLE_TITLE in server.text("")
    assert "Tìm kiếm" in server.text(ARTICLE)

    # The same mistake saved again: printed again in the terminal, still shown in the browser.
    printed = server.log().count("ngày mai")
    page.evaluate("window.nrBeforeSecondSave = true")
    _write(source, good.replace(GOOD_DATE, BAD_DATE))
    server.wait(lambda: server.log().count("Bản xem trước chưa cập nhật") == failures + 2, "the second failed build")
    assert server.log().count("ngày mai") > printed
    page.wait_for_function("!window.nrBeforeSecondSave", timeout=60_000)  # the tab reloaded itself
    page.locator(PANEL).wait_for(state="visible")
    assert "Trang chưa cập nhật: 1 lỗi" in page.locator(PANEL).inner_text()

    # A page that never built: the errors instead of a hang or a bare 404.
    _write(site / NEW_FILE, NEW_ARTICLE.format(category="khong-co-chuyen-muc"))
    server.wait(lambda: server.log().count("Bản xem trước chưa cập nhật") == failures + 3, "the build with the new file")
    new_tab = page.context.new_page()
    response = new_tab.goto(server.url + NEW_PAGE, wait_until="load")
    assert response is not None and response.status == 200
    assert new_tab.locator("h1").inner_text() == "Trang này chưa dựng được"
    new_text = new_tab.locator(PANEL).inner_text()
    assert "Trang chưa cập nhật: 2 lỗi" in new_text and f"{NEW_FILE.as_posix()}:6 [category]" in new_text

    # Fixed: the panel goes from the open tabs, the new page appears in the tab that waited for it.
    _write(source, good)
    _write(site / NEW_FILE, NEW_ARTICLE.format(category="to-cong-nghe-so"))
    page.locator(PANEL).wait_for(state="detached", timeout=120_000)
    new_tab.locator("h1", has_text="Bài mới chưa dựng").wait_for(timeout=120_000)
    assert new_tab.locator(PANEL).count() == 0
    assert "Bản xem trước đã cập nhật: hết lỗi." in server.log()
    warnings = page.locator("#nr-preview-panel[role=status]")
    assert "cảnh báo" in warnings.inner_text() and "cover.jpg" in warnings.inner_text()  # the fixture's tiny cover
    for url in [*PAGES, NEW_PAGE]:
        assert ERROR_PANEL_HTML not in server.text(url), url


def test_preview_that_starts_broken_still_serves_and_shows_the_errors(tmp_path: Path, page: Page) -> None:
    site = make_site(tmp_path / "site", SITES / "basic")
    source = site / ARTICLE_FILE
    good = source.read_text(encoding="utf-8")
    _write(source, good.replace(GOOD_DATE, BAD_DATE))
    server = Preview(site, tmp_path / "cache", SOURCE_DATE_EPOCH=EPOCH)
    try:
        server.wait(lambda: server.get("") is not None, "the server to answer")
        assert "Bản xem trước chưa dựng được: 1 lỗi" in server.log() and "Aborted with a BuildError" not in server.log()
        page.goto(server.url + ARTICLE, wait_until="load")
        assert page.locator("h1").inner_text() == "Trang này chưa dựng được"
        assert "[date]" in page.locator(PANEL).inner_text()
        _write(source, good)
        page.locator("h1", has_text=ARTICLE_TITLE).wait_for(timeout=120_000)
        assert page.locator(PANEL).count() == 0
    finally:
        server.stop()


def test_desk_in_the_browser(preview: tuple[Preview, Path], page: Page) -> None:
    server, site = preview
    page.goto(server.url + "bien-tap/", wait_until="load")  # never "networkidle": livereload polls for ever
    assert page.locator("h1").inner_text() == "Bàn biên tập"
    cards = page.locator(".nr-share img")
    assert cards.count() >= 2
    for i in range(cards.count()):  # every share card image loaded (lazy ones once scrolled to)
        cards.nth(i).scroll_into_view_if_needed()
        cards.nth(i).evaluate("(img) => img.decode()")
        assert cards.nth(i).evaluate("(img) => img.complete && img.naturalWidth") == 1200
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "preview-desk", full_page=True)
    page.screenshot(path="/tmp/h12p-desk.png", full_page=True)
