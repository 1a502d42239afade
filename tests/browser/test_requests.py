"""Every page type asks only its own site for anything (no fonts, scripts or images from elsewhere),
every request succeeds and the console shows no error: served as files (Python's server) and by
nginx with the generated config, whose Content-Security-Policy would log any blocked script,
style or request as a console error."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, ViewportSize

from page_types import BROWSER_PAGE_TYPES, PageType, find_url, show

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 390, "height": 844}
LOAD_EVERY_IMAGE = """() => Promise.all([...document.images].map(img => {
  img.loading = 'eager';
  return img.complete ? null : new Promise(done => { img.addEventListener('load', done); img.addEventListener('error', done) });
}))"""


@pytest.fixture(params=["files", "nginx"])
def served_url(request: pytest.FixtureRequest) -> str:
    """The sample site's address: plain files, or nginx with the build's config and headers."""
    return str(request.getfixturevalue("base_url" if request.param == "files" else "nginx_url"))


@pytest.mark.parametrize("page_type", BROWSER_PAGE_TYPES, ids=lambda t: t.name)
def test_requests_only_to_the_site_itself(page: Page, served_url: str, sample_site: Path, page_type: PageType) -> None:
    base_url = served_url
    own = urlsplit(base_url).netloc
    requested: list[str] = []
    failed: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}"))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: errors.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))

    show(page, base_url, find_url(sample_site, page_type), page_type, wait_until="networkidle")
    # What a reader scrolling down on a phone fetches too: every lazy image, the phone layout's assets.
    page.set_viewport_size(PHONE)
    page.evaluate(LOAD_EVERY_IMAGE)
    page.wait_for_load_state("networkidle")

    elsewhere = sorted({url for url in requested if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != own})
    assert elsewhere == [], f"{page_type.name} asks another host"
    assert failed == [], f"{page_type.name} has failed requests"
    assert errors == [], f"{page_type.name} logs errors"
    assert requested[0] == base_url + find_url(sample_site, page_type)  # the recorder saw the page itself
