"""Process many images: cache hits first, then the misses spread over every core.

Each image is looked up by `cache.key(sha256 of its bytes, settings JSON, code version, Pillow
version)`, so changing a quality or a width, upgrading Pillow or bumping `CODE_VERSION` misses;
an unreadable or damaged entry is a miss too. Misses go to a `ProcessPoolExecutor` (started with
`spawn`: safe under `mkdocs serve`, whose watcher threads make `fork` risky), submitted early and
collected late in job order; each job ends with its own `ProcessedImage` or `ImageError`, and a
crash of a worker becomes an error of the jobs it took down, not a lost result.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import ParamSpec, TypeVar

import PIL

from ..cache import ContentCache
from . import errors
from .archive import pack_image, unpack_image
from .errors import ImageError
from .processing import CODE_VERSION, ProcessedImage, content_hash, process_bytes
from .settings import ImageSettings

Result = ProcessedImage | ImageError
P = ParamSpec("P")
T = TypeVar("T")
IN_FLIGHT_PER_WORKER = 3
"""Jobs submitted ahead per worker: enough to keep every core busy, few enough to bound memory."""


def cpu_count() -> int:
    """Cores this process may run on (the affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def encode_file(path: Path, settings: ImageSettings) -> tuple[ProcessedImage, str]:
    """Worker: read and process one file; also return the hash of the bytes actually read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise errors.missing(f"{type(exc).__name__}: {exc}") from exc
    return process_bytes(data, path.stem, settings), content_hash(data)


@dataclass(frozen=True)
class _Miss:
    key: str
    path: Path
    sha256: str


class ImagePipeline:
    """Images of one build. `encoded`, `reused` and `failed` count this instance's work."""

    def __init__(self, cache: ContentCache, settings: ImageSettings, workers: int | None = None) -> None:
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.cache = cache
        self.settings = settings
        self.workers = workers if workers is not None else cpu_count()
        self.encoded = 0
        """Images decoded and encoded (cache misses that succeeded)."""
        self.reused = 0
        """Images taken whole from the cache."""
        self.failed = 0
        """Jobs that ended in an `ImageError`."""
        self._settings_json = settings.to_json()

    def cache_key(self, sha256: str) -> str:
        return self.cache.key(sha256, self._settings_json, CODE_VERSION, f"Pillow {PIL.__version__}")

    def process_many(self, jobs: list[tuple[str, Path]]) -> dict[str, ProcessedImage | ImageError]:
        """Every job's result by job id (in job order). Variants are named after each path's stem."""
        results = dict(self.process_iter(jobs))
        return {job_id: results[job_id] for job_id, _ in jobs}

    def process_iter(self, jobs: list[tuple[str, Path]]) -> Iterator[tuple[str, ProcessedImage | ImageError]]:
        """Like `process_many`, yielding each result as soon as it is ready (hits, then misses).

        A caller that writes each image out as it comes keeps only a few images in memory.
        """
        waiting: dict[str, list[tuple[str, str]]] = {}  # key -> (job id, stem) of every job with those bytes
        misses: list[_Miss] = []
        for job_id, path in jobs:
            try:
                sha256 = _hash_file(path)
            except OSError as exc:
                self.failed += 1
                yield job_id, errors.missing(f"{type(exc).__name__}: {exc}")
                continue
            key = self.cache_key(sha256)
            if key in waiting:  # the same bytes twice: encode once
                waiting[key].append((job_id, path.stem))
                continue
            cached = self._lookup(key, path.stem)
            if cached is not None:
                self.reused += 1
                yield job_id, cached
                continue
            waiting[key] = [(job_id, path.stem)]
            misses.append(_Miss(key, path, sha256))
        yield from self._encode_all(misses, waiting)

    def _lookup(self, key: str, stem: str) -> ProcessedImage | None:
        blob = self.cache.get(key)
        if blob is None:
            return None
        try:
            return unpack_image(blob, stem)
        except ValueError:
            return None  # a damaged entry is a miss; the fresh result overwrites it

    def _encode_all(self, misses: list[_Miss], waiting: dict[str, list[tuple[str, str]]]) -> Iterator[tuple[str, Result]]:
        if not misses:
            return
        workers = min(self.workers, len(misses))
        executor: Executor = (
            _InlineExecutor()
            if workers == 1
            else ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
        )
        unexpected: list[BaseException] = []
        in_flight: deque[tuple[_Miss, Future[tuple[ProcessedImage, str]]]] = deque()
        try:
            for miss in misses:
                in_flight.append((miss, executor.submit(encode_file, miss.path, self.settings)))
                if len(in_flight) >= workers * IN_FLIGHT_PER_WORKER:
                    yield from self._finish(*in_flight.popleft(), waiting, unexpected)
            while in_flight:
                yield from self._finish(*in_flight.popleft(), waiting, unexpected)
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
        if unexpected:  # a bug, not a bad image: every other result was delivered and cached first
            raise unexpected[0]

    def _finish(
        self,
        miss: _Miss,
        future: Future[tuple[ProcessedImage, str]],
        waiting: dict[str, list[tuple[str, str]]],
        unexpected: list[BaseException],
    ) -> Iterator[tuple[str, Result]]:
        result: Result
        try:
            image, read_sha256 = future.result()
        except ImageError as exc:
            result = exc
        except BrokenProcessPool as exc:
            result = errors.failed(f"{type(exc).__name__}: {exc}")
        except Exception as exc:
            exc.add_note(f"while processing image {miss.path}")
            unexpected.append(exc)
            result = errors.failed(f"{type(exc).__name__}: {exc}")
        else:
            self.encoded += 1
            if read_sha256 == miss.sha256:  # the file did not change since it was hashed
                self.cache.put(miss.key, pack_image(image))
            result = image
        jobs = waiting.pop(miss.key)
        if isinstance(result, ImageError):
            self.failed += len(jobs)
            for job_id, _ in jobs:
                yield job_id, result
        else:
            for job_id, stem in jobs:
                yield job_id, result.with_stem(stem)


class _InlineExecutor(Executor):
    """Runs each job at submission, in this process: one core, or a single miss (no pool to start)."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def _hash_file(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
