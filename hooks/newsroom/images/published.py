"""What a warm build knows about an image without reading it: its hash, and where its variants lie.

Two small records under `.cache/` let a build that changed no image skip every image byte:

- `FileHashes`: each source file's SHA-256 by (path, size, mtime, inode), so an unchanged file is
  not hashed again (a 2,000-article column shows thousands of photo files, many hard links of
  one another);
- `Manifests`: for each pipeline key (the hash of the source bytes and the settings), the
  variants' metadata and the hash of their bytes, which names their folder in the cache and on
  the site. With both, a hit costs one `stat` and one small read.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache import ContentCache
from .archive import image_record
from .processing import ProcessedImage, Variant


@dataclass
class FileHashes:
    """SHA-256 of files, remembered by their stat; saved by `save` (atomically) for the next build."""

    path: Path
    _known: dict[str, list[Any]] = field(default_factory=dict)
    _seen: dict[str, list[Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> FileHashes:
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
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self._seen, out, separators=(",", ":"))
            os.replace(temporary, self.path)
        except OSError:
            return  # a read-only cache costs speed, not the build


@dataclass(frozen=True)
class Manifest:
    image: ProcessedImage
    """Variants without bytes."""
    digest: str
    """Hash of the variants' bytes: their folder under the cache and on the site."""
    sizes: dict[str, int]
    """Variant name suffix -> bytes."""


@dataclass
class Manifests:
    cache: ContentCache

    def get(self, key: str, stem: str) -> Manifest | None:
        blob = self.cache.get(key)
        if blob is None:
            return None
        try:
            raw = json.loads(blob)
            variants = tuple(
                Variant(v["suffix"], int(v["width"]), int(v["height"]), str(v["mime"]), b"") for v in raw["variants"]
            )
            image = ProcessedImage(stem, int(raw["width"]), int(raw["height"]), raw["placeholder"], variants)
            sizes = {str(v["suffix"]): int(v["length"]) for v in raw["variants"]}
            return Manifest(image, str(raw["digest"]), sizes)
        except (ValueError, KeyError, TypeError):
            return None  # a damaged record is a miss

    def put(self, key: str, manifest: Manifest) -> None:
        raw = {"digest": manifest.digest, **image_record(manifest.image, manifest.sizes)}
        self.cache.put(key, json.dumps(raw, sort_keys=True).encode("utf-8"))
