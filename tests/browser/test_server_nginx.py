"""The built sample site served by nginx with the config the build generated: redirects, types,
caching, compression, the 404 page and the framing rules (plain HTTP on loopback, no browser)."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"
STATIC = "public, max-age=86400"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, **headers: str) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with _OPENER.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def redirect_stubs(site: Path) -> dict[str, str]:
    """Every meta-refresh stub of the build: its URL -> the site path its canonical link names."""
    stubs = {}
    for path in site.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in text:
            continue
        canonical = lxml.html.fromstring(text).xpath("//link[@rel='canonical']/@href")[0]
        stubs[path.parent.relative_to(site).as_posix() + "/"] = urlsplit(canonical).path
    return stubs


def test_nginx_every_alias_and_legacy_province_answers_301(nginx_url: str, sample_site: Path) -> None:
    stubs = redirect_stubs(sample_site)
    assert any(url.startswith("bai-viet/") for url in stubs), "the sample has an article alias"
    assert any(url.startswith("tinh-thanh/") for url in stubs), "the sample has legacy provinces"
    for url, target in stubs.items():
        for asked in (url, url + "index.html"):
            status, headers, _ = fetch(nginx_url + asked)
            assert (status, headers["Location"]) == (301, target), asked
        status, _, _ = fetch(nginx_url + target.lstrip("/"))
        assert status == 200, target


@pytest.mark.parametrize(
    ("path", "mime"),
    [
        ("feed.xml", "application/rss+xml"),
        ("feed.atom", "application/atom+xml"),
        ("feed.json", "application/feed+json"),
        ("vinh-danh/feed.xml", "application/rss+xml"),
        ("vinh-danh/feed.json", "application/feed+json"),
        ("sitemap.xml", "text/xml"),
        ("pagefind/pagefind-entry.json", "application/json"),
    ],
)
def test_nginx_feed_content_types(nginx_url: str, path: str, mime: str) -> None:
    status, headers, _ = fetch(nginx_url + path)
    assert status == 200
    assert headers.get_content_type() == mime
    assert headers.get_content_charset() == "utf-8"


def _first(site: Path, pattern: str) -> str:
    return sorted(p.relative_to(site).as_posix() for p in site.glob(pattern))[0]


def test_nginx_cache_control(nginx_url: str, sample_site: Path) -> None:
    expected = {
        _first(sample_site, "anh/*/*.webp"): IMMUTABLE,
        _first(sample_site, "assets/stylesheets/main.*.min.css"): IMMUTABLE,
        _first(sample_site, "assets/javascripts/bundle.*.min.js"): IMMUTABLE,
        _first(sample_site, "pagefind/fragment/*"): IMMUTABLE,
        "assets/stylesheets/newsroom.css": STATIC,
        _first(sample_site, "assets/brand/fonts/*"): STATIC,
        "": SHORT,
        _first(sample_site, "bai-viet/*/index.html").removesuffix("index.html"): SHORT,
        "feed.xml": SHORT,
        "vinh-danh/feed.atom": SHORT,
        "nhung/toan-chuyen-muc/": SHORT,
    }
    got = {}
    for path in expected:
        status, headers, _ = fetch(nginx_url + path)
        assert status == 200, path
        got[path] = headers["Cache-Control"]
    assert got == expected
    status, headers, _ = fetch(nginx_url + _first(sample_site, "anh/*/*.webp"))
    assert headers.get_content_type() == "image/webp"


@pytest.mark.parametrize("path", ["", "feed.xml", "feed.json", "assets/stylesheets/newsroom.css", "nhung/toan-chuyen-muc/widget.js"])
def test_nginx_sends_the_precompressed_file(nginx_url: str, sample_site: Path, path: str) -> None:
    original = (sample_site / (path or "index.html")).read_bytes() if not path.endswith("/") else b""
    status, headers, body = fetch(nginx_url + path, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in (headers["Vary"] or "")
    assert gzip.decompress(body) == original
    status, headers, body = fetch(nginx_url + path)
    assert headers["Content-Encoding"] is None
    assert body == original


def test_nginx_not_found_is_the_sites_own_page(nginx_url: str, sample_site: Path) -> None:
    for path in ("khong-co-trang-nay/", "bai-viet/khong-co/", ".server/nginx.conf"):
        status, headers, body = fetch(nginx_url + path)
        assert status == 404, path
        assert body == (sample_site / "404.html").read_bytes()
        assert headers["Cache-Control"] == "no-store"
    assert "<title>Không tìm thấy trang" in (sample_site / "404.html").read_text(encoding="utf-8")


def _csp(headers: Message) -> dict[str, str]:
    value = headers["Content-Security-Policy"] or ""
    return {part.split(" ", 1)[0]: part.split(" ", 1)[-1] for part in re.split(r";\s*", value.strip()) if part}


def test_nginx_widgets_frameable_by_any_site_the_rest_not(nginx_url: str, sample_site: Path) -> None:
    article = _first(sample_site, "bai-viet/*/index.html").removesuffix("index.html")
    for path in ("", article, "rss/", "vinh-danh/"):
        _, headers, _ = fetch(nginx_url + path)
        csp = _csp(headers)
        assert csp["frame-ancestors"] == "'self'", path
        assert headers["X-Frame-Options"] == "SAMEORIGIN"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"].split()
        assert csp["style-src-elem"] == "'self'" and csp["object-src"] == "'none'"
    for path in ("nhung/toan-chuyen-muc/", "nhung/vinh-danh/"):
        _, headers, body = fetch(nginx_url + path)
        assert _csp(headers) == {"frame-ancestors": "*"}, path
        assert headers["X-Frame-Options"] is None
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert b'http-equiv="Content-Security-Policy"' in body  # the widget restricts itself
