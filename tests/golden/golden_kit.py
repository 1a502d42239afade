"""The golden-file kit: which built files are compared, how they are normalised, how a mismatch reads.

The golden site (tests/fixtures/sites/golden/) is built once per session with the real
`mkdocs build --strict` and a fixed SOURCE_DATE_EPOCH; each file listed in GOLDEN is compared with
its copy under tests/golden/expected/ (same path as in site/). `make golden` rewrites the copies
(`pytest -n 0 tests/golden --update-golden`); review the diff before committing it.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

EXPECTED = Path(__file__).resolve().parent / "expected"
SOURCE_DATE_EPOCH = "1760000000"
"""Thu, 09 Oct 2025 15:53:20 +0700: the golden build's "now" (the 2030 article stays scheduled)."""
PER_PAGE = 2
"""Listings of two entries, so the three published articles give `bai-viet/trang/2/`."""

GOLDEN: dict[str, str] = {
    # feeds: the column's and one category's, in each format
    "feed.xml": "RSS of the whole column",
    "feed.atom": "Atom of the whole column",
    "feed.json": "JSON Feed of the whole column",
    "chuyen-muc/hoat-dong/feed.xml": "RSS of one category",
    "chuyen-muc/hoat-dong/feed.atom": "Atom of one category",
    "chuyen-muc/hoat-dong/feed.json": "JSON Feed of one category",
    "tinh-thanh/ha-noi/feed.xml": "RSS of one province",
    # partner widgets
    "nhung/toan-chuyen-muc/index.html": "iframe widget page",
    "nhung/toan-chuyen-muc/widget.js": "script widget",
    "nhung/khung.js": "the partner page's iframe resizer",
    # one page of each kind
    "bai-viet/ngay-hoi-chuyen-doi-so/index.html": "article",
    "vinh-danh/so-tay-doan-vien-so/index.html": "initiative",
    "bai-viet/index.html": "listing, page 1",
    "bai-viet/trang/2/index.html": "listing, page 2",
    "chuyen-muc/index.html": "term index (categories)",
    "index.html": "home",
    "vinh-danh/index.html": "honours gallery",
    "thong-ke/index.html": "statistics",
    "rss/index.html": "feed directory",
    "bai-viet/doan-vien-ra-quan/index.html": "redirect stub of an alias",
    "404.html": "not found",
}
"""Site path -> what it shows (the kinds a reviewer should see change in a diff)."""

_VOLATILE: list[tuple[re.Pattern[str], str]] = [
    # Material's cache-busting names (assets/stylesheets/main.57a0d79d.min.css): they change with Material.
    (re.compile(r"(assets/(?:javascripts|stylesheets)/[\w./-]*?)\.[0-9a-f]{8}\.min\.(js|css)"), r"\1.HASH.min.\2"),
    # Image variant folders are named by a hash of the encoded bytes: they change with Pillow/libjpeg.
    (re.compile(r"\banh/[0-9a-f]{12,64}/"), "anh/HASH/"),
    # Byte sizes of the drawn cards and variants (enclosures, media:content, JSON attachments): same cause.
    (re.compile(r'\b(length|fileSize)="\d+"'), r'\1="BYTES"'),
    (re.compile(r'"size_in_bytes":\s*\d+'), '"size_in_bytes": 0'),
]


def normalise(site_path: str, text: str) -> str:
    """The built file as stored in its golden copy: volatile parts replaced, JSON pretty-printed."""
    for pattern, replacement in _VOLATILE:
        text = pattern.sub(replacement, text)
    if site_path.endswith(".json"):
        text = json.dumps(json.loads(text), ensure_ascii=False, indent=2)
    return text if text.endswith("\n") else text + "\n"


def mismatch(site_path: str, expected: str, actual: str) -> str | None:
    """None when equal; else a unified diff (golden copy → this build) with how to accept it."""
    if expected == actual:
        return None
    diff = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"tests/golden/expected/{site_path}",
        tofile=f"site/{site_path} (this build)",
        n=2,
    )
    lines = list(diff)
    shown = "".join(lines[:200]) + (f"\n… {len(lines) - 200} more diff lines\n" if len(lines) > 200 else "")
    return f"{site_path} differs from its golden copy ({GOLDEN.get(site_path, '?')}):\n{shown}\nIf the change is intended: make golden, then review and commit the diff."
