"""Rendered pages kept between builds: a generated page whose inputs did not change is not rendered again.

A page's HTML is a function of its spec (title, Markdown, view data), the images it shows (by the
hash of their published variants, which names their URLs), and what every page shares: the
templates (`overrides/` and the theme's version), the column's code, `mkdocs.yml`, the navigation
and the brand view (the campaign banner changes with the date). The cache key hashes all of it, so
any change is a miss, never a stale page; a hit skips Markdown, the sanitiser and Material's shell,
and gives back the final HTML and the body the feeds need.

A value the fingerprint cannot read stably (an object whose repr holds a memory address) makes the
page uncacheable rather than wrongly cached.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any

from ..cache import ContentCache
from ..content.model import Asset

PAGE_CACHE_VERSION = "2"
CACHED_TEMPLATE = "newsroom/cached.html"
"""Prints the cached HTML as it is: what a hit renders instead of Material's shell."""

_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "nh3")
_MAX_DEPTH = 40


class Uncacheable(Exception):
    """The page's inputs hold a value with no stable text form."""


Memo = dict[int, tuple[Any, str]]
"""id(frozen dataclass) -> (the object, its digest), for one build: an entry sits in its own page,
listings, feeds blocks and related lists, and is walked once. The object is held so its id stays its own."""


def _canonical(value: Any, out: list[str], asset_digest: Callable[[Asset], str], depth: int = 0, memo: Memo | None = None) -> None:
    if depth > _MAX_DEPTH:
        raise Uncacheable("nested too deep")
    if value is None or isinstance(value, (str, int, float, bool, date, datetime, time, timedelta, PurePath, enum.Enum)):
        out.append(repr(value))  # str covers Markup: its repr names the class
        return
    if isinstance(value, Asset):
        out.append(repr(value))
        out.append(asset_digest(value))
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        frozen = memo is not None and type(value).__dataclass_params__.frozen  # type: ignore[attr-defined]
        if frozen and memo is not None and id(value) in memo:
            out.append(memo[id(value)][1])
            return
        parts = [type(value).__qualname__ + "("]
        for item in dataclasses.fields(value):
            parts.append(item.name + "=")
            _canonical(getattr(value, item.name), parts, asset_digest, depth + 1, memo)
        parts.append(")")
        if frozen and memo is not None:
            digest = "#" + hashlib.sha256("\x1f".join(parts).encode("utf-8", errors="surrogatepass")).hexdigest()
            memo[id(value)] = (value, digest)
            out.append(digest)
        else:
            out.extend(parts)
        return
    if isinstance(value, (list, tuple)):
        out.append("[")
        for item in value:
            _canonical(item, out, asset_digest, depth + 1, memo)
        out.append("]")
        return
    if isinstance(value, dict):
        out.append("{")
        for key in sorted(value, key=repr):
            out.append(repr(key) + ":")
            _canonical(value[key], out, asset_digest, depth + 1, memo)
        out.append("}")
        return
    if isinstance(value, (set, frozenset)):
        out.append("{" + ",".join(sorted(repr(item) for item in value)) + "}")
        return
    text = repr(value)
    if " at 0x" in text:
        raise Uncacheable(f"no stable form for {type(value).__qualname__}")
    out.append(text)


def fingerprint(value: Any, asset_digest: Callable[[Asset], str], memo: Memo | None = None) -> str:
    """A hash of `value`'s content: dataclasses field by field, assets with their image hash.

    With a `memo`, a frozen dataclass met again is its digest: the same key for the same content,
    at a fraction of the cost when entries repeat across pages."""
    parts: list[str] = []
    _canonical(value, parts, asset_digest, 0, memo)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", errors="surrogatepass")).hexdigest()


def _tree_digest(folders: Iterable[Path], suffixes: tuple[str, ...] | None = None) -> str:
    sha = hashlib.sha256()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and (suffixes is None or path.suffix in suffixes):
                sha.update(str(path.relative_to(folder)).encode())
                sha.update(hashlib.sha256(path.read_bytes()).digest())
    return sha.hexdigest()


def shared_salt(config_file: Path, template_dirs: Iterable[Path], code_dir: Path, shared: Any) -> str:
    """What every generated page depends on besides its own spec."""
    versions = []
    for name in _PACKAGES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=?")
    try:
        config_bytes = config_file.read_bytes()
    except OSError:
        config_bytes = b""
    return hashlib.sha256(
        json.dumps(
            [
                PAGE_CACHE_VERSION,
                versions,
                hashlib.sha256(config_bytes).hexdigest(),
                _tree_digest(template_dirs),
                _tree_digest([code_dir], (".py", ".yml", ".yaml", ".json", ".csv")),
                fingerprint(shared, lambda asset: ""),
            ]
        ).encode()
    ).hexdigest()


@dataclasses.dataclass(frozen=True)
class CachedPage:
    html: str
    """The page as written to site/."""
    body: str
    """The rendered, sanitised body (what the feeds carry); '' for listings."""


class PageCache:
    """Pages by key in `.cache/trang/`; counts what it renders and what it reuses."""

    def __init__(self, cache_dir: Path, salt: str) -> None:
        self._store = ContentCache(cache_dir, "trang", PAGE_CACHE_VERSION)
        self._salt = salt
        self.rendered: list[str] = []
        """dest_uri of each generated page rendered by this build (misses)."""
        self.reused = 0
        self._memo: Memo = {}

    def key(self, spec: Any, asset_digest: Callable[[Asset], str]) -> str | None:
        try:
            return self._store.key(self._salt, fingerprint(spec, asset_digest, self._memo))
        except Uncacheable:
            return None

    def get(self, key: str) -> CachedPage | None:
        data = self._store.get(key)
        if data is None:
            return None
        try:
            raw = json.loads(data)
            page = CachedPage(html=raw["html"], body=raw["body"])
        except (ValueError, KeyError, TypeError):
            return None
        if not isinstance(page.html, str) or not isinstance(page.body, str):
            return None
        self.reused += 1
        return page

    def put(self, key: str, page: CachedPage) -> None:
        self._store.put(key, json.dumps({"html": page.html, "body": page.body}, ensure_ascii=False).encode("utf-8"))
