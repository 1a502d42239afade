"""Precompressed copies (`<file>.gz`) of the site's text files, for nginx's `gzip_static`.

Written with mtime 0 and no file name in the header, so two builds of the same site give the same
bytes. Compressing at level 9 is slow at thousands of pages, so each `.gz` is kept in the build
cache by the hash of the original and hard-linked into the site (a copy where a link cannot be
made): a rebuild compresses only what changed. A `.gz` that is not smaller than its original is
not written (the server then sends the original).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..cache import ContentCache

COMPRESSIBLE = frozenset({".html", ".css", ".js", ".mjs", ".json", ".xml", ".atom", ".svg", ".txt", ".csv", ".webmanifest", ".map", ".ttf", ".otf"})
"""Text formats worth compressing; images, fonts (WOFF2), archives and Pagefind's fragments
(`.pf_*`, gzip already) are compressed by their own format."""
MIN_SIZE = 256
"""Smaller files gain nothing a request header would not cost back."""
CACHE_VERSION = "1"


def gzip_bytes(data: bytes) -> bytes:
    """gzip at level 9, reproducible: no time stamp, no file name."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def compressible_files(site_dir: Path) -> Iterator[Path]:
    for folder, _dirs, names in os.walk(site_dir):
        for name in sorted(names):
            path = Path(folder, name)
            if path.suffix.lower() in COMPRESSIBLE and not path.is_symlink() and path.stat().st_size >= MIN_SIZE:
                yield path


def write_gzip_files(site_dir: Path, cache_dir: Path) -> int:
    """Write `<file>.gz` beside every compressible file of `site_dir`; return how many were written."""
    cache = ContentCache(cache_dir, "gzip", CACHE_VERSION)

    def compress(path: Path) -> bool:
        data = path.read_bytes()
        key = cache.key(hashlib.sha256(data).hexdigest())
        packed = cache.get(key)
        if packed is None:
            packed = gzip_bytes(data)
            cache.put(key, packed)
        if len(packed) >= len(data):
            return False
        target = path.with_name(path.name + ".gz")
        if target.exists():
            return False  # written by MkDocs itself (sitemap.xml.gz)
        if not _link_from_cache(cache, key, target):
            target.write_bytes(packed)
        return True

    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:  # zlib releases the GIL
        return sum(pool.map(compress, list(compressible_files(site_dir))))


def _link_from_cache(cache: ContentCache, key: str, target: Path) -> bool:
    source = cache.path_of(key)
    try:
        os.link(source, target)
        return True
    except OSError:
        try:
            shutil.copyfile(source, target)
            return True
        except OSError:
            return False
