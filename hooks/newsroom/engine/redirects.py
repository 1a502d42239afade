"""Redirect pages for moved URLs (aliases, legacy provinces): static HTML, no JavaScript needed."""

from __future__ import annotations

from html import escape


def render_redirect(target: str, canonical_url: str) -> str:
    """A page that sends readers (and crawlers, via the canonical link) to `target`.

    `target` is relative to the redirect page itself, so the site works under any base path.
    """
    t, c = escape(target, quote=True), escape(canonical_url, quote=True)
    return (
        "<!doctype html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        "<title>Trang đã chuyển địa chỉ</title>\n"
        f'<link rel="canonical" href="{c}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={t}">\n'
        "</head>\n<body>\n"
        f'<p>Trang này đã chuyển đến <a href="{t}">{c}</a>.</p>\n'
        "</body>\n</html>\n"
    )
