"""Search (issue 6): Pagefind indexes the built site after MkDocs has written it.

Pagefind (the `pagefind[bin]` wheel ships its binary) reads the HTML, so it indexes exactly what
readers get: the pages marked `data-pagefind-body` (entries, hand-written pages; never listings,
drafts or scheduled entries), with filters and metadata from `data-pagefind-*` attributes. Its
index is split into fragments, so a query downloads only what it needs.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:  # pragma: no cover - a broken install
        raise PluginError("Thiếu gói pagefind[bin]: chạy lại 'make' để cài đặt.") from exc
    return Path(get_executable())


def index_site(site_dir: Path) -> None:
    """Write `site_dir/pagefind/`; raise PluginError with Pagefind's own message if it fails."""
    result = subprocess.run(
        [str(pagefind_executable()), "--site", str(site_dir), "--silent"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise PluginError(f"Pagefind không lập được chỉ mục tìm kiếm:\n{result.stderr or result.stdout}")


ALIAS_MARKER = "nrkhongdau"
"""Starts the hidden block of đ-free spellings; the search UI swaps such excerpts for the lead."""
_TAG_RE = re.compile(r"<[^>]+>")
_D_WORD_RE = re.compile(r"\w*[đĐ]\w*")


def d_free_aliases(*texts: str) -> str:
    """The page's words that contain đ, spelled with d, as a hidden block for the index.

    Pagefind folds Vietnamese tone marks (ắ → a) but not đ, a letter of its own: without this,
    "dak lak" would not find "Đắk Lắk". The block is empty when no word has đ.
    """
    words: dict[str, None] = {}
    for text in texts:
        for word in _D_WORD_RE.findall(_TAG_RE.sub(" ", text)):
            words[word.lower().replace("đ", "d")] = None
    if not words:
        return ""
    return f'\n<p class="nr-visually-hidden" aria-hidden="true">{ALIAS_MARKER} {html.escape(" ".join(words))}</p>\n'


INDEXED_TEMPLATES = {"newsroom/article.html", "newsroom/initiative.html", "newsroom/feeds.html", "newsroom/brand.html"}
"""Templates of indexed pages; hand-written pages without a template are indexed too, listings never."""


def with_search_aliases(content: str, page: Page) -> str:
    """A page's content, plus the đ-free spellings when search indexes the page."""
    template = page.meta.get("template")
    if template is not None and template not in INDEXED_TEMPLATES:
        return content
    return content + d_free_aliases(str(page.title or ""), str(page.meta.get("description", "")), content)
