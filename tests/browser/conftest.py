"""Browser tests: the project's own site, built once, served on loopback, driven in headless Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from newsroom.server.local import nginx_available, serve_with_nginx
from sitekit import PROJECT, build_env, mkdocs_build

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PINNED_NOW = "1790000000"  # 2026-09-21: the sample's scheduled article stays unpublished


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's sample content, built with the real `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("sample") / "site"
    result = mkdocs_build(PROJECT, "--site-dir", str(out), env=build_env(SOURCE_DATE_EPOCH=PINNED_NOW))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def base_url(sample_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def nginx_url(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same site served by nginx with the config the build wrote (`.server/nginx.conf`)."""
    if not nginx_available():
        pytest.fail("nginx is not installed: apt-get install nginx (the .ci/run script does it)")
    with serve_with_nginx(sample_site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is not installed: apt-get install chromium (the .ci/run script does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
