"""The article imported from a Word document, as a reader sees it in Chromium (screenshot word-import-article)."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Page

from docx_kit import ALTS, FILLED, NOW, SLUG, TITLE, article_docx, newsroom, ready_to_publish
from sitekit import build_env, make_site, mkdocs_build, screenshot

pytestmark = pytest.mark.browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def test_word_article_shows_its_table_list_link_and_both_pictures(page: Page, tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    made = newsroom(site, "import-word", str(article_docx(tmp_path / "bai.docx")), *FILLED)
    assert made.returncode == 0, made.stderr
    ready_to_publish(site / "articles" / "news" / "2025" / SLUG / "index.md")
    built = mkdocs_build(site, env=build_env(SOURCE_DATE_EPOCH=NOW))
    assert built.returncode == 0, built.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/bai-viet/{SLUG}/")
        article = page.locator("article")
        assert article.locator("h1").inner_text().strip() == TITLE
        table = article.locator("table")
        table.scroll_into_view_if_needed()
        assert table.is_visible() and table.locator("th").all_inner_texts() == ["Xã", "Số hồ sơ"]
        assert article.locator("ul li").first.is_visible()
        assert article.locator("a", has_text="Cổng Dịch vụ công quốc gia").is_visible()
        for alt in ALTS:
            image = article.locator(f'picture img[alt="{alt}"]')
            image.scroll_into_view_if_needed()
            page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle(), timeout=10000)
            box = image.bounding_box()
            assert box is not None and box["width"] > 300  # shown at the column's width, not a broken icon
        page.evaluate("window.scrollTo(0, 0)")
        screenshot(page, "word-import-article", full_page=True)
    finally:
        server.shutdown()
