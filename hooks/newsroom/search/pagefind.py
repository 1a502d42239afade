"""Search: Pagefind indexes the built site after MkDocs has written it.

Pagefind (the `pagefind[bin]` wheel ships its binary) reads the HTML, so it indexes exactly what
readers get: the pages marked `data-pagefind-body` (entries, hand-written pages; never listings,
drafts or scheduled entries), with filters and metadata from `data-pagefind-*` attributes. Its
index is split into fragments, so a query downloads only what it needs. Its filter files are
rewritten in a canonical order after each run (`canonical`): the same pages give the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import subprocess
import tempfile
from importlib import metadata
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from .canonical import CANONICAL_VERSION, canonicalise_index


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:  # pragma: no cover - a broken install
        raise PluginError("Thiếu gói pagefind[bin]: chạy lại 'make' để cài đặt.") from exc
    return Path(get_executable())


def index_site(site_dir: Path, cache_dir: Path | None = None) -> bool:
    """Write `site_dir/pagefind/`; raise PluginError with Pagefind's own message if it fails.

    With `cache_dir`, the index is kept there under a hash of every HTML page of the site (what
    Pagefind reads) and of its version: a build whose pages did not change links the kept index in
    instead of running Pagefind again (which reads the whole site, seconds per thousand pages).
    Returns True when Pagefind ran.
    """
    output = site_dir / "pagefind"
    if cache_dir is None:
        _run_pagefind(site_dir)
        return True
    kept = cache_dir / "pagefind" / _pages_key(site_dir)
    if kept.is_dir():
        shutil.rmtree(output, ignore_errors=True)
        _link_tree(kept, output)
        os.utime(kept)  # recently used: pruned last
        return False
    _run_pagefind(site_dir)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(dir=kept.parent, prefix=".tmp-"))
        shutil.copytree(output, scratch / "index")
        os.replace(scratch / "index", kept)
        shutil.rmtree(scratch, ignore_errors=True)
        _prune(kept.parent, keep=KEPT_INDEXES)
    except OSError:
        pass  # a read-only cache costs speed, not the build
    return True


KEPT_INDEXES = 4
"""Indexes kept in the cache: the current one and a few before it (an edit undone hits again)."""


def _run_pagefind(site_dir: Path) -> None:
    result = subprocess.run(
        [str(pagefind_executable()), "--site", str(site_dir), "--silent"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise PluginError(f"Pagefind không lập được chỉ mục tìm kiếm:\n{result.stderr or result.stdout}")
    canonicalise_index(site_dir / "pagefind")  # before it is kept: a kept index is canonical too


def _pages_key(site_dir: Path) -> str:
    sha = hashlib.sha256(f"pagefind {_pagefind_version()} canonical {CANONICAL_VERSION}".encode())
    for top, dirs, names in os.walk(site_dir):
        dirs[:] = sorted(d for d in dirs if not (top == str(site_dir) and d == "pagefind"))
        for name in sorted(names):
            if name.endswith(".html"):
                path = Path(top, name)
                sha.update(path.relative_to(site_dir).as_posix().encode() + b"\0")
                sha.update(hashlib.sha256(path.read_bytes()).digest())
    return sha.hexdigest()


def _pagefind_version() -> str:
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:  # pragma: no cover - a broken install
        return "?"


def _link_tree(source: Path, dest: Path) -> None:
    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, dest, copy_function=link)


def _prune(folder: Path, keep: int) -> None:
    kept = sorted((p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")), key=lambda p: p.stat().st_mtime)
    for old in kept[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


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
