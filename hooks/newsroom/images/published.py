"""What a warm build knows about an image without reading it: its hash, and where its variants lie.

Two small records under `.cache/` let a build that changed no image skip every image byte:

- `FileHashes` (in `cache.py`): each source file's SHA-256 by (path, size, mtime, inode), so an unchanged file is
  not hashed again (a 2,000-article column shows thousands of photo files, many hard links of
  one another);
- `Manifests`: for each pipeline key (the hash of the source bytes and the settings), the
  variants' metadata and the hash of their bytes, which names their folder in the cache and on
  the site. With both, a hit costs one `stat` and one small read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..cache import ContentCache
from .archive import image_record
from .processing import ProcessedImage, Variant


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
