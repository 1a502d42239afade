"""The social cards of a build, drawn in a thread pool while MkDocs renders the pages."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from ..cache import ContentCache
from ..plan.social import CardSpec
from .cards import THUMBNAIL_SIZE, CardError, card_file, card_key
from .kit_model import Brand


class CardPainter:
    """The social cards of a build, kept as files in the cache and linked into site/, never held in
    memory: a card's key (its title, kicker, kit and the key of its thumbnail's resized variant) is
    known at once; the missing ones are drawn in a thread pool, submitted early (emit) and collected
    late (render), so the drawing overlaps MkDocs' own page rendering.

    `thumbnail_of(source, box)` gives the file a cover is drawn from (an already-resized variant)
    and a key for its bytes; None when there is none (the original is then read and hashed)."""

    def __init__(
        self,
        brand: Brand,
        cache: ContentCache,
        thumbnail_of: Callable[[Path, tuple[int, int]], tuple[Path, str] | None],
        workers: int | None = None,
    ) -> None:
        self.brand = brand
        self.cache = cache
        self._thumbnail_of = thumbnail_of
        self._pool = ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1, thread_name_prefix="the-chia-se")
        self._jobs: dict[str, Future[bytes | None]] = {}
        self.paths: dict[str, Path] = {}

    def submit(self, spec: CardSpec) -> Path:
        """The file the card of `spec` is (or will be) in."""
        if spec.uri not in self.paths:
            thumbnail, thumb_key = self._thumbnail(spec.thumbnail)
            key = card_key(self.brand, spec.title, spec.kicker, thumb_key, self.cache)
            self.paths[spec.uri] = self.cache.path_of(key)
            if not self.paths[spec.uri].is_file():
                self._jobs[spec.uri] = self._pool.submit(card_file, self.brand, key, spec.title, spec.kicker, thumbnail, self.cache)
        return self.paths[spec.uri]

    def _thumbnail(self, source: Path | None) -> tuple[Path | None, str]:
        if source is None:
            return None, "-"
        found = self._thumbnail_of(source, THUMBNAIL_SIZE)
        if found is not None:
            return found
        try:
            return source, hashlib.sha256(source.read_bytes()).hexdigest()
        except OSError:
            return source, "?"  # drawing reads the file again and names the problem

    def collect(self) -> tuple[dict[str, bytes], list[str]]:
        """The cards that could not be kept as files (by site path, as bytes), and the problems (each
        naming its page) of those that could not be drawn."""
        unkept: dict[str, bytes] = {}
        problems: list[str] = []
        try:
            for uri, job in self._jobs.items():
                try:
                    data = job.result()
                except CardError as exc:
                    problems.append(f"{uri}: {exc}")
                    continue
                if data is not None:
                    unkept[uri] = data
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)
        return unkept, problems
