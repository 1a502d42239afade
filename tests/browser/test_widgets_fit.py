"""Partner pages on another origin embed both widgets exactly as /rss/ gives them, in columns of
280, 360, 640 and 800 px: every item shows (scroll heights compared), nothing is logged, and a
partner page with a strict Content-Security-Policy sees no violation."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from playwright.sync_api import Page

from sitekit import screenshot

pytestmark = pytest.mark.browser

WIDTHS = [280, 360, 640, 800]
SITE_URL = "https://chuyendoiso.tainangviet.vn/"
"""mkdocs.yml's site_url: the snippets on /rss/ name it; the test points them at the served copy."""

PARTNER_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Trang đối tác {width}px</title>
<link rel="stylesheet" href="/doi-tac.css"><script src="/doi-tac.js"></script></head>
<body class="w{width}">
<h1>Tỉnh đoàn mẫu</h1>
<div class="cot" id="cot-khung">
{iframe}
</div>
<div class="cot" id="cot-tin">
{script}
</div>
</body></html>
"""
PARTNER_CSS = "body{margin:8px;font:16px serif}" + "".join(f".w{w} .cot{{width:{w}px;margin:0 0 24px}}" for w in WIDTHS)
PARTNER_JS = """window.ccdsViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.ccdsViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def _snippets(sample_site: Path, site: str) -> tuple[str, str]:
    """The first iframe and script snippets of /rss/ (the whole column's), pointed at `site`."""
    blocks = lxml.html.parse(str(sample_site / "rss" / "index.html")).xpath("//details[contains(@class,'nr-feed')]//pre/code")
    iframe, script = (block.text_content().replace(SITE_URL, site) for block in blocks[:2])
    assert "<iframe" in iframe and "data-ccds-feed" in script
    return iframe, script


class _Partner(http.server.SimpleHTTPRequestHandler):
    csp_template = ""

    def end_headers(self) -> None:
        if self.path.startswith("/csp/"):
            self.send_header("Content-Security-Policy", self.csp_template)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def partner(nginx_url: str, sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Partner pages on 127.0.0.2 (another origin than the column's 127.0.0.1, served by nginx):
    `/thuong/<w>.html` plain, `/csp/<w>.html` under the strict CSP, `/khong-js/<w>.html` the iframe
    without its resizing script (its own height must already fit)."""
    folder = tmp_path_factory.mktemp("partner-fit")
    iframe, script = _snippets(sample_site, nginx_url)
    iframe_only = "\n".join(line for line in iframe.splitlines() if "<script" not in line)
    for name, frame in (("thuong", iframe), ("csp", iframe), ("khong-js", iframe_only)):
        (folder / name).mkdir()
        for width in WIDTHS:
            html = PARTNER_PAGE.format(width=width, iframe=frame, script=script if name != "khong-js" else "")
            (folder / name / f"{width}.html").write_text(html, encoding="utf-8")
    (folder / "doi-tac.css").write_text(PARTNER_CSS, encoding="utf-8")
    (folder / "doi-tac.js").write_text(PARTNER_JS, encoding="utf-8")
    (folder / "favicon.ico").write_bytes(b"")  # Chromium asks for one
    site = "{0.scheme}://{0.netloc}".format(urlsplit(nginx_url))
    handler = type("Partner", (_Partner,), {"csp_template": f"default-src 'self'; frame-src {site}; script-src 'self' {site}; style-src 'self'; img-src {site}"})
    server = http.server.ThreadingHTTPServer(("127.0.0.2", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.2:{server.server_address[1]}/"
    server.shutdown()


def _watch(page: Page) -> list[str]:
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: messages.append(f"uncaught: {e}"))
    return messages


def _check_iframe(page: Page, width: int, *, resized: bool) -> None:
    frame_element = page.locator("#cot-khung iframe")
    frame_element.wait_for()
    assert frame_element.evaluate("f => f.getBoundingClientRect().width") == width
    frame = frame_element.element_handle().content_frame()
    assert frame is not None
    frame.locator("li").first.wait_for()
    # Every item the snippet asks for shows, inside the frame's own height: no inner scroll bar.
    frame.wait_for_function("document.documentElement.scrollHeight <= window.innerHeight")
    if resized:  # khung.js gave the frame its content's height, titles whole
        frame.wait_for_function("Math.abs(window.innerHeight - document.getElementById('ccds').getBoundingClientRect().height) <= 1")
        assert frame.evaluate("document.getElementById('ccds').className") == "ccds"
    shown = frame.locator("li:not([hidden])")
    asked = int(frame.evaluate("new URLSearchParams(location.search).get('n')"))
    assert shown.count() == asked
    for i in range(asked):
        box = shown.nth(i).bounding_box()
        assert box is not None and box["height"] > 0
    assert frame.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _check_script_widget(page: Page, width: int) -> None:
    page.wait_for_function("document.querySelector('#cot-tin [data-ccds-feed]').shadowRoot?.querySelector('li') != null")
    measures = page.evaluate(
        """() => {
          const host = document.querySelector('#cot-tin [data-ccds-feed]');
          const box = host.shadowRoot.querySelector('.ccds');
          const items = [...box.querySelectorAll('li')];
          return {asked: +host.dataset.soBai, items: items.length,
                  visible: items.filter(li => li.getBoundingClientRect().height > 0).length,
                  sh: box.scrollHeight, ch: box.clientHeight, sw: box.scrollWidth, cw: box.clientWidth,
                  width: box.getBoundingClientRect().width};
        }"""
    )
    assert measures["items"] == measures["visible"] == measures["asked"]
    assert measures["sh"] <= measures["ch"] and measures["sw"] <= measures["cw"]
    assert measures["width"] == width


@pytest.mark.parametrize("width", WIDTHS)
def test_widgets_fit_partner_columns(page: Page, partner: str, width: int) -> None:
    messages = _watch(page)
    page.goto(f"{partner}thuong/{width}.html", wait_until="networkidle")
    _check_iframe(page, width, resized=True)
    _check_script_widget(page, width)
    screenshot(page, f"partner-{width}px", full_page=True)
    assert messages == []


@pytest.mark.parametrize("width", WIDTHS)
def test_widgets_under_a_strict_partner_csp(page: Page, partner: str, width: int) -> None:
    messages = _watch(page)
    page.goto(f"{partner}csp/{width}.html", wait_until="networkidle")
    _check_iframe(page, width, resized=True)
    _check_script_widget(page, width)
    assert page.evaluate("window.ccdsViolations") == []
    assert messages == []


@pytest.mark.parametrize("width", WIDTHS)
def test_iframe_widget_fits_without_its_script(page: Page, partner: str, width: int) -> None:
    messages = _watch(page)
    page.goto(f"{partner}khong-js/{width}.html", wait_until="networkidle")
    _check_iframe(page, width, resized=False)
    screenshot(page, f"partner-no-script-{width}px", full_page=True)
    assert messages == []
