"""The hostile_text fixture in Chromium: no dialog opens anywhere a reader goes, search included."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page
from test_search_in_browser import search

from live_markup import live_markup
from sitekit import SITES, make_site, mkdocs_build, screenshot
from xss_vectors import VECTORS, write_vector_site

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "bai-viet/bai-img-src-x-onerror-alert-101-duong-day-nong/",
    "vinh-danh/",
    "vinh-danh/sang-kien-svg-onload-alert-121-duong-lang-so/",
    "tinh-thanh/dak-lak/",
    "nhung/vinh-danh/",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def _serve(site_dir: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = make_site(tmp_path_factory.mktemp("hostile-browser") / "site", SITES / "hostile_text")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    server, url = _serve(site / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def vectors_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site, _ = write_vector_site(tmp_path_factory.mktemp("vectors-browser") / "site")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    server, url = _serve(site / "site")
    yield url
    server.shutdown()


def record_dialog(page: Page, dialog: Dialog, dialogs: list[str]) -> None:
    """A dialog means a script ran: note where and what, then close it so the page goes on."""
    dialogs.append(f"{page.url}: {dialog.message}")
    dialog.dismiss()


def test_browser_hostile_text_opens_no_dialog_on_any_page_or_in_search(page: Page, hostile_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: record_dialog(page, dialog, dialogs))
    for url in PAGES:
        page.goto(hostile_url + url, wait_until="networkidle")
        assert live_markup(page.content()) == [], url
    page.goto(hostile_url, wait_until="networkidle")
    # Words with đ: the match falls in the hidden đ-free block and the UI shows the description instead.
    for query in ("đường", "duong", "doan", "dak lak", "img", "onerror"):
        results = search(page, hostile_url, query)
        assert results, query
        page.wait_for_timeout(300)
        assert live_markup(page.locator("#nr-search").inner_html()) == [], query
    assert "&lt;img" in page.locator(".pagefind-ui__result-excerpt").first.inner_html()
    screenshot(page, "search-hostile-text")
    assert dialogs == []


def test_browser_no_vector_opens_a_dialog_on_its_pages_or_in_search(page: Page, vectors_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: record_dialog(page, dialog, dialogs))
    urls = ["", "bai-viet/", "vinh-danh/", "tinh-thanh/dak-lak/", "chuyen-muc/an-toan-mang/", "the/"]
    urls += [f"bai-viet/bai-{n:02d}/" for n in range(len(VECTORS))]
    urls += [f"vinh-danh/sang-kien-{n:02d}/" for n in range(len(VECTORS))]
    for url in urls:
        page.goto(vectors_url + url, wait_until="load")
        page.wait_for_timeout(30)  # onerror of a broken image fires right after load
        assert live_markup(page.content()) == [], url
    page.goto(vectors_url, wait_until="networkidle")
    for query in ("alert", "javascript", "img", "script", "dak lak", "đoạn", "doan cuoi"):
        search(page, vectors_url, query)
        page.wait_for_timeout(300)
        assert live_markup(page.locator("#nr-search").inner_html()) == [], query
    assert dialogs == []
