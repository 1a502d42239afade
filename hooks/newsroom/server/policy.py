"""What any web server serving the site must send: caching, types and security headers.

The nginx config (`nginx.py`) is generated from these values and the README's table for other
servers says the same; nothing here is nginx-specific.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

IMMUTABLE = "public, max-age=31536000, immutable"
"""Files whose name changes when their bytes do: `anh/<hash>/`, Material's `*.<hash>.min.css/js`,
Pagefind's hashed index files."""
SHORT = "public, max-age=300"
"""Pages, feeds and widgets: a published article reaches readers and partner pages within 5 minutes."""
STATIC = "public, max-age=86400"
"""Files that keep their name across versions (the column's stylesheet, fonts, icons, social cards):
one day, so a new brand kit is seen the next day at the latest."""

FEED_TYPES = {".xml": "application/rss+xml", ".atom": "application/atom+xml", ".json": "application/feed+json"}
"""Content-Type of the feed files (`feed.xml`, `feed.atom`, `feed.json`); other files keep their usual type."""

SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"}
NOT_FRAMEABLE = {"X-Frame-Options": "SAMEORIGIN"}
"""For browsers without CSP `frame-ancestors`; never sent on the widgets."""
WIDGET_CSP = "frame-ancestors *"
"""The widget pages (`/nhung/`) may be framed by any site; their own `<meta>` CSP restricts the rest."""

_INLINE_SCRIPT = re.compile(rb"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPE = re.compile(rb"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.I)


def inline_script_hashes(site_dir: Path, skip: Iterable[str] = ()) -> list[str]:
    """CSP hashes ('sha256-…') of every inline script the pages run, sorted.

    Material writes a few small scripts into each page (one of them names the page's depth, so
    there are several variants), the column's templates a few more; JSON data blocks do not run
    and need no hash. `skip` names top folders (site-relative, e.g. 'nhung') not to read.
    """
    skipped = tuple(f"{name.strip('/')}/" for name in skip)
    found: set[str] = set()
    for folder, _dirs, names in os.walk(site_dir):
        for name in names:
            if not name.endswith(".html"):
                continue
            path = Path(folder, name)
            if path.relative_to(site_dir).as_posix().startswith(skipped):
                continue
            for match in _INLINE_SCRIPT.finditer(path.read_bytes()):
                attrs = match.group("attrs")
                if b"src=" in attrs or _DATA_TYPE.search(attrs):
                    continue
                found.add(csp_hash(match.group("body")))
    return sorted(found)


def csp_hash(text: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text).digest()).decode("ascii") + "'"


def site_csp(script_hashes: Iterable[str]) -> str:
    """The Content-Security-Policy of every page but the widgets: what the pages load and no more.

    Everything comes from the site itself. Scripts: the site's files, the inline scripts by hash,
    and WebAssembly for Pagefind's search. Styles: the site's stylesheets; inline `style`
    attributes only (image placeholders' colours), no inline `<style>`. Images: the site and
    `data:` (Material's icons are data-URL masks in its stylesheet). Frames: the site's own
    widgets (the preview on `/rss/`). Framed by the site itself only.
    """
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval' " + " ".join(script_hashes),
            "style-src 'self'",
            "style-src-elem 'self'",
            "style-src-attr 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    ).replace("  ", " ")
