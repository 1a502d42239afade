"""A content-addressed build cache under `.cache/` (images, social cards, anything costly to make).

Keys are hashes of the inputs, the settings and a code-version salt, so a change in any of them is
a miss. Entries are written atomically (temporary file + rename), so a crash mid-write leaves no
half entry; an unreadable entry is a miss, never a crash.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self


def cache_dir_of(root: Path) -> Path:
    """`.cache/` beside mkdocs.yml, or NEWSROOM_CACHE_DIR (tests share one across their sites)."""
    return Path(os.environ.get("NEWSROOM_CACHE_DIR") or root / ".cache")


def digest(*parts: bytes | str) -> str:
    """A stable hex key from parts (bytes, or text encoded as UTF-8), each length-prefixed."""
    sha = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        sha.update(len(data).to_bytes(8, "big"))
        sha.update(data)
    return sha.hexdigest()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    writes: int = 0


@dataclass
class ContentCache:
    """Blobs by key, in `folder/<namespace>/<key[:2]>/<key>`.

    `version` salts every key: bump it when the code that makes the blobs changes.
    """

    folder: Path
    namespace: str
    version: str
    stats: CacheStats = field(default_factory=CacheStats)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def key(self, *parts: bytes | str) -> str:
        return digest(self.namespace, self.version, *parts)

    def _path(self, key: str) -> Path:
        return self.folder / self.namespace / key[:2] / key

    def path_of(self, key: str) -> Path:
        """Where the blob of `key` is (or would be) kept: a file the build can link into site/."""
        return self._path(key)

    def get(self, key: str) -> bytes | None:
        try:
            data = self._path(key).read_bytes()
        except OSError:
            data = None
        with self._lock:
            if data is None:
                self.stats.misses += 1
            else:
                self.stats.hits += 1
        return data

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return  # a read-only or full disk costs speed, not the build
        with self._lock:
            self.stats.writes += 1


@dataclass
class FileHashes:
    """SHA-256 of files, remembered by their stat; saved by `save` (atomically) for the next build."""

    path: Path
    _known: dict[str, list[Any]] = field(default_factory=dict)
    _seen: dict[str, list[Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Self:
        try:
            known = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        return cls(path, known if isinstance(known, dict) else {})

    def sha256(self, source: Path) -> str:
        info = source.stat()
        stamp = [info.st_size, info.st_mtime_ns, info.st_ino]
        name = str(source)
        known = self._known.get(name)
        if isinstance(known, list) and len(known) == 4 and known[:3] == stamp and isinstance(known[3], str):
            digest = known[3]
        else:
            with source.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        self._seen[name] = [*stamp, digest]
        return digest

    def save(self) -> None:
        """Keep the files seen by this build (a deleted file's record goes with it)."""
        if self._seen == self._known:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self._seen, out, separators=(",", ":"))
            os.replace(temporary, self.path)
        except OSError:
            return  # a read-only cache costs speed, not the build
