"""A partner's page on another origin embeds the column's widgets."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from sitekit import screenshot

pytestmark = pytest.mark.browser

PARTNER_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Tỉnh đoàn mẫu</title>
<style>* {{ color: lime !important; font-size: 40px !important; }} a {{ display: none; }}</style></head>
<body>
<h1>Trang của Tỉnh đoàn (trang đối tác)</h1>
<iframe id="khung" src="{site}nhung/toan-chuyen-muc/?n=3" title="Tin chuyển đổi số" width="600" height="420"></iframe>
<div id="tin" data-ccds-feed="toan-chuyen-muc" data-so-bai="4"></div>
<script src="{site}nhung/toan-chuyen-muc/widget.js" async></script>
</body></html>
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def partner_url(base_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A plain page served from 127.0.0.2: another origin than the column's 127.0.0.1."""
    folder: Path = tmp_path_factory.mktemp("partner")
    (folder / "index.html").write_text(PARTNER_PAGE.format(site=base_url), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.2", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.2:{server.server_address[1]}/"
    server.shutdown()


def test_browser_iframe_widget_on_another_origin(page: Page, base_url: str, partner_url: str) -> None:
    page.goto(partner_url, wait_until="networkidle")
    frame = page.frame_locator("#khung")
    items = frame.locator("li")
    assert items.count() >= 3
    visible = [i for i in range(items.count()) if items.nth(i).is_visible()]
    assert len(visible) == 3  # ?n=3
    title = items.nth(0).locator("a").last.inner_text().strip()
    assert title
    screenshot(page, "partner-page")
    items.nth(0).locator("a").last.click()
    page.wait_for_url(f"{base_url}bai-viet/**")
    assert page.url.startswith(base_url + "bai-viet/")
    assert page.locator("article h1").inner_text().strip() == title


def test_browser_script_widget_on_another_origin(page: Page, base_url: str, partner_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(partner_url, wait_until="networkidle")
    links = page.locator("#tin a[href*='/bai-viet/']")
    page.wait_for_function(
        "document.querySelector('#tin').shadowRoot && document.querySelector('#tin').shadowRoot.querySelectorAll('a[href*=\"/bai-viet/\"]').length > 0"
    )
    assert links.count() >= 4
    first = links.first
    assert first.is_visible()  # the host page's `a { display: none }` does not reach into the widget
    title = first.inner_text().strip()
    assert title
    first.click()
    page.wait_for_url(f"{base_url}bai-viet/**")
    assert page.locator("article h1").inner_text().strip() == title
    assert errors == []
