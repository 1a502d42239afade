"""Versioned publishing: `site` is a symlink to one complete build, switched with one rename.

    site -> .site-versions/20261202T154646123456Z      what the web server serves
    .site-versions/20261202T154646123456Z/             the build now published
    .site-versions/20261130T091500000000Z/             the one before it (for rollback)
    .site-versions/previous -> 20261130T091500000000Z  which one that is

`publish` builds into a new folder (MkDocs writes it in a staging folder and renames it in only
when the build passed, see `staging`), then points a new symlink at it and renames that over
`site`: rename(2) replaces a symlink atomically, so at every instant `site` is the old site or the
new one, and a build killed at any point leaves the old one served. Then every version but the
served one and the one before it is deleted. `rollback` switches `site` back to the one before
(and, run again, forward). A `site/` that is still a real folder (an older checkout, a plain
`mkdocs build`) is swapped out the same way and kept as the version before.

One publish at a time: a lock file in the versions folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from .swap import exchange, remove

PREVIOUS = "previous"
LOCK = ".lock"


class PublishError(Exception):
    """A publish or rollback that cannot go on; the message (Vietnamese) is for the user."""


def versions_dir(dest: Path) -> Path:
    """The folder of `dest`'s versions, beside it: `site` → `.site-versions`."""
    return dest.with_name(f".{dest.name}-versions")


def served_version(dest: Path) -> Path | None:
    """The version folder `dest` points at, or None (no symlink, or one that points elsewhere)."""
    if not dest.is_symlink():
        return None
    target = (dest.parent / os.readlink(dest)).resolve()
    versions = versions_dir(dest).resolve()
    return target if target.parent == versions and target.is_dir() else None


def publish(dest: Path, build: Callable[[Path], None]) -> Path:
    """Build a new version with `build(folder)` and switch `dest` to it; returns the folder.

    `build` raises when the build fails, and creates `folder` only when it succeeds; then `dest`
    is left as it was.
    """
    versions = versions_dir(dest)
    with _locked(versions):
        folder = _new_version(versions)
        build(folder)
        if not folder.is_dir():
            raise PublishError(f"Bản dựng mới không có thư mục {folder}: {dest.name} vẫn là bản đang đăng, không đổi.")
        served = served_version(dest)
        if served is not None:
            _point(versions / PREVIOUS, served.name)  # first: a kill after this still keeps the served one
        _switch(dest, folder)
        _prune(versions, keep={folder.name, _previous_name(versions)})
    return folder


def rollback(dest: Path) -> Path:
    """Switch `dest` to the version before the one it serves (again: forward); returns it."""
    versions = versions_dir(dest)
    with _locked(versions):
        served = served_version(dest)
        previous = _previous_name(versions)
        target = versions / previous if previous else None
        if target is None or not target.is_dir() or (served is not None and target.resolve() == served):
            raise PublishError(f"Không có phiên bản trước để quay lại: {dest.name} vẫn là bản đang đăng.")
        if served is not None:
            _point(versions / PREVIOUS, served.name)
        _switch(dest, target)
    return target


def _new_version(versions: Path, built: datetime | None = None) -> Path:
    """A free version name: the UTC time it was built (default now), to the microsecond."""
    stamp = (built or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    folder = versions / stamp
    number = 1
    while folder.exists():
        number += 1
        folder = versions / f"{stamp}-{number}"
    return folder


def _switch(dest: Path, folder: Path) -> None:
    """Point `dest` at `folder` in one rename; a real `dest` folder becomes the previous version."""
    link = dest.with_name(f".{dest.name}.next")
    remove(link)
    os.symlink(os.path.relpath(folder, dest.parent), link, target_is_directory=True)
    if dest.is_symlink() or not dest.exists():
        os.replace(link, dest)
        return
    # Migration: `dest` is a real folder (rename(2) cannot put a symlink over it).
    kept = _new_version(folder.parent, datetime.fromtimestamp(dest.stat().st_mtime, UTC))
    if exchange(link, dest):
        os.rename(link, kept)  # `link` now names the old folder
    else:  # no atomic exchange here: for an instant, no `dest`
        os.rename(dest, kept)
        os.replace(link, dest)
    _point(folder.parent / PREVIOUS, kept.name)


def _point(link: Path, target: str) -> None:
    """Make the symlink `link` point at `target` (relative), replacing it in one rename."""
    scratch = link.with_name(f".{link.name}.next")
    remove(scratch)
    os.symlink(target, scratch, target_is_directory=True)
    os.replace(scratch, link)


def _previous_name(versions: Path) -> str:
    link = versions / PREVIOUS
    return os.readlink(link) if link.is_symlink() else ""


def _prune(versions: Path, keep: set[str]) -> None:
    """Delete every other version, and what killed builds left (staging folders, scratch links)."""
    for entry in versions.iterdir():
        if entry.name in keep or entry.name in (PREVIOUS, LOCK):
            continue
        with contextlib.suppress(OSError):  # pruned next time
            remove(entry)


@contextlib.contextmanager
def _locked(versions: Path) -> Iterator[None]:
    try:
        versions.mkdir(parents=True, exist_ok=True)
        handle = open(versions / LOCK, "a+b")  # noqa: SIM115 - held for the whole publish
    except OSError as exc:
        raise PublishError(f"Không tạo được thư mục phiên bản {versions} ({exc.strerror or exc}).") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise PublishError(f"Đang có một lần xuất bản khác vào {versions.name}; chờ nó xong rồi chạy lại.") from exc
        yield
