"""Entries kept between runs: a content file whose inputs did not change is not parsed again.

Parsing and validating one file costs a few milliseconds (YAML, slugs, resolving every path it
references), which at 2,000 articles is most of `newsroom check` and seconds of every build. The
result is a function of:

- the file's bytes (by SHA-256; a stat-keyed memo lets an unchanged file go unread),
- its path and kind and, for a bundle, the bundle's file listing,
- the taxonomies, the content package's code, the parsing libraries and Python's version,
- the project root (assets hold absolute paths),
- the files the checks looked at (cover, images, files the body links to).

The first four make the key. The last ones are only known after parsing: each one's `lstat`
(type, inode, size, mtime) is stored with the entry, and a cached entry is used only while they
are all unchanged. (A folder on such a path cannot turn into a symbolic link unnoticed either:
links below `articles/` are errors of `find_sources`.)

An entry with errors is not cached: it is parsed again on every run, so its messages are exactly
those of a fresh parse. A blob that cannot be read back is a miss, never a crash.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import sys
import time
from importlib import metadata
from pathlib import Path

from ..cache import ContentCache, FileHashes, digest
from .model import Entry
from .reader import Source, parse_source
from .schema import parse_entry
from .taxonomy import Taxonomies

ENTRY_CACHE_VERSION = "1"
NAMESPACE = "danh-muc"
SETTLE_NS = 2_000_000_000
"""A file modified less than this before it was hashed may change again within the same mtime
tick (same size, same inode): its hash is not remembered, so the next run reads it again."""
_PACKAGES = ("PyYAML", "python-frontmatter", "python-slugify", "text-unidecode")

Stamp = tuple[int, int, int, int, int]


def _stamp(path: str) -> Stamp | None:
    """What `lstat` says of a path (type, device, inode, size, mtime), or None if it is gone."""
    try:
        info = os.lstat(path)
    except (OSError, ValueError):
        return None
    return (info.st_mode, info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


class SourceHashes(FileHashes):
    """FileHashes for content files, which also hands back the bytes it had to read, and remembers
    no file written in the last SETTLE_NS (a same-size edit within one mtime tick would look unchanged)."""

    def read(self, source: Path, stamp: Stamp) -> tuple[str, bytes | None]:
        """The file's hash, and its bytes when they had to be read (None: the memo knew it)."""
        name = str(source)
        known = self._known.get(name)
        if isinstance(known, list) and len(known) == 6 and tuple(known[:5]) == stamp and isinstance(known[5], str):
            self._seen[name] = known
            return known[5], None
        data = source.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if time.time_ns() - stamp[4] > SETTLE_NS:
            self._seen[name] = [*stamp, sha]
        return sha, data


def _code_version() -> str:
    """The content package's code and the libraries that parse front matter."""
    parts = [ENTRY_CACHE_VERSION, sys.version]
    for name in _PACKAGES:
        try:
            parts.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name}=?")
    for module in sorted(Path(__file__).parent.glob("*.py")):
        parts.append(module.name)
        parts.append(hashlib.sha256(module.read_bytes()).hexdigest())
    return digest(*parts)


def _decode(data: bytes) -> str:
    """The text `Path.read_text(encoding="utf-8")` would give for these bytes (universal newlines)."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()


class EntryCache:
    """Parsed entries by key in `<cache>/danh-muc/`, with the stat of every file their checks looked at."""

    def __init__(self, cache_dir: Path, root: Path, taxonomies: Taxonomies) -> None:
        self._root = root
        self._taxonomies = taxonomies
        self._store = ContentCache(cache_dir, NAMESPACE, ENTRY_CACHE_VERSION)
        articles = (root / "articles").resolve()
        self._hashes = SourceHashes.load(cache_dir / NAMESPACE / f"tep-{digest(str(root), str(articles))[:24]}.json")
        self._salt = digest(_code_version(), repr(taxonomies), str(root), str(articles))

    def read(self, source: Source) -> Entry:
        """The entry of `source`; raise SourceError or EntryErrors exactly as parsing it would."""
        stamp = _stamp(str(source.path))
        if stamp is None or not stat.S_ISREG(stamp[0]):
            return self._parse(source, None)  # parse_source reports it
        try:
            sha, data = self._hashes.read(source.path, stamp)
        except OSError:
            return self._parse(source, None)
        listing = "\n".join(map(str, source.files))  # under the bundle folder: find_sources lists nothing else
        key = self._store.key(self._salt, source.kind, source.rel, str(source.bundle), listing, sha)
        entry = self._cached(key, source)
        if entry is not None:
            return entry
        if data is None:
            data = source.path.read_bytes()
            if hashlib.sha256(data).hexdigest() != sha:  # changed under the memo's feet: do not file it under sha
                return self._parse(source, data)
        looked_at: list[Path] = []
        entry = self._parse(source, data, looked_at)
        stamps = tuple((name, _stamp(name)) for name in dict.fromkeys(str(path) for path in looked_at))
        # The checks accepted regular files only: anything else now means the file changed since.
        if all(known is not None and stat.S_ISREG(known[0]) for _, known in stamps):
            self._store.put(key, pickle.dumps((stamps, entry), protocol=pickle.HIGHEST_PROTOCOL))
        return entry

    def save(self) -> None:
        self._hashes.save()

    def _parse(self, source: Source, data: bytes | None, looked_at: list[Path] | None = None) -> Entry:
        try:
            text = None if data is None else _decode(data)
        except UnicodeDecodeError:
            text = None  # parse_source reads the file itself and says what is wrong
        parsed = parse_source(source, text)
        return parse_entry(parsed, self._root, self._taxonomies, looked_at)

    def _cached(self, key: str, source: Source) -> Entry | None:
        blob = self._store.get(key)
        if blob is None:
            return None
        try:
            stamps, entry = pickle.loads(blob)  # noqa: S301 - our own cache, written by `read`
            unchanged = all(_stamp(name) == known for name, known in stamps)
        except Exception:  # a damaged or foreign blob can raise anything while unpickling: a miss
            return None
        if not unchanged or not isinstance(entry, Entry) or entry.source != source.rel:
            return None
        return entry
