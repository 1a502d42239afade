"""`mkdocs serve`: a save rebuilds what it changes, search catches up afterwards, an idle preview sleeps.

After every save MkDocs' preview reloads the config, empties its temporary site folder and builds
everything again. Through the `on_serve` event (which hands plugins the server and its builder)
the column changes three things, and nothing for `mkdocs build`:

- The watcher: watchdog's native observer (inotify on Linux) instead of MkDocs' polling, which
  lists every watched file twice a second (thousands of article files: a busy core while idle).
- The rebuilds after the first are MkDocs' own "dirty" builds: nothing is emptied, and a page whose
  `File` says it is unmodified is neither read, rendered nor written. A generated page is
  unmodified when its cache key is the one the previous build of this preview wrote; its body
  (which the feeds carry) is the one kept from then. Files the previous build wrote and this one
  does not (a deleted article) are removed.
- Pagefind runs after the rebuild, in a thread, so the edited page shows without waiting for the
  index; the log says when search has caught up.

The state lives in this module (the process), since MkDocs makes a new config, and so a new
build (engine/build.py), for every rebuild.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("newsroom")

DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass
class PreviewState:
    dirty: bool = False
    """True once the first build of this preview is written: later builds skip what did not change."""
    page_keys: dict[str, str] = field(default_factory=dict)
    """dest_uri -> cache key of the generated page the last build wrote there."""
    bodies: dict[str, str] = field(default_factory=dict)
    """src_uri -> rendered body of that page (the feeds need every body, rendered or not)."""
    written: set[str] = field(default_factory=set)
    """dest_uri of every file the last build put in the site folder."""
    search: SearchIndexer | None = None
    salt: str = ""
    """The shared salt of the last build: when templates, code or config change, everything is rebuilt."""

    def unchanged(self, dest_uri: str, key: str | None, site_dir: str) -> bool:
        return (
            self.dirty
            and key is not None
            and self.page_keys.get(dest_uri) == key
            and os.path.isfile(os.path.join(site_dir, dest_uri))
        )


STATE = PreviewState()


class _DropDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build; here dirty builds are the column's choice, checked by tests."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


class SearchIndexer:
    """Runs Pagefind over the preview's site in a thread, once more if pages changed while it ran."""

    def __init__(self, index: Callable[[], object]) -> None:
        self._index = index
        self._lock = threading.Lock()
        self._again = False
        self._running = False
        self.runs = 0

    def request(self) -> None:
        with self._lock:
            if self._running:
                self._again = True
                return
            self._running = True
        threading.Thread(target=self._loop, name="newsroom-pagefind", daemon=True).start()

    def _loop(self) -> None:
        while True:
            try:
                self._index()
                self.runs += 1
                log.info("Tìm kiếm: chỉ mục đã cập nhật theo trang mới nhất")
            except Exception as exc:  # the preview stays up; the next save tries again
                log.warning(f"Tìm kiếm: không cập nhật được chỉ mục ({exc})")
            with self._lock:
                if not self._again:
                    self._running = False
                    return
                self._again = False


def _changes_observer() -> Any:
    """watchdog's native observer, told to report changes only: inotify also reports every file the
    build opens and closes, and each of those would start another rebuild."""
    from watchdog import events
    from watchdog.observers import Observer

    changes = [
        events.FileCreatedEvent,
        events.FileModifiedEvent,
        events.FileDeletedEvent,
        events.FileMovedEvent,
        events.FileClosedEvent,
        events.DirCreatedEvent,
        events.DirDeletedEvent,
        events.DirMovedEvent,
    ]

    class ChangesObserver(Observer):  # type: ignore[misc,valid-type]
        def schedule(self, handler: Any, path: str, *, recursive: bool = False, event_filter: Any = None) -> Any:
            return super().schedule(handler, path, recursive=recursive, event_filter=event_filter or changes)

    return ChangesObserver()


def take_over(server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
    """`on_serve`: native file watching, dirty rebuilds after the first, Pagefind off the critical path."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    watched = list(getattr(server, "_watch_refs", {}))
    for path in watched:
        server.unwatch(path)
    server.observer = _changes_observer()
    for path in watched:
        server.watch(path)

    logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())
    config_file, site_dir, serve_url = config.config_file_path, config.site_dir, config.site_url
    dev_addr, strict = str(config.dev_addr), bool(config.strict)

    def rebuild(fresh: Any = None) -> None:
        logging.getLogger("mkdocs.commands.serve").info("Building documentation...")
        if fresh is None:
            fresh = load_config(config_file=config_file, site_dir=site_dir, dev_addr=dev_addr, strict=strict)
            fresh.site_url = serve_url
        build(fresh, serve_url=serve_url, dirty=STATE.dirty)

    server.builder = rebuild
    return server


def finish_build(site_dir: Path, written: set[str], page_keys: dict[str, str], bodies: dict[str, str], index: Callable[[], object]) -> None:
    """After a preview build: forget what it replaced, remove what it no longer writes, start Pagefind."""
    for dest_uri in sorted(STATE.written - written):
        with contextlib.suppress(OSError):
            (site_dir / dest_uri).unlink()
    STATE.written, STATE.page_keys, STATE.bodies = written, page_keys, bodies
    STATE.dirty = True
    if STATE.search is None:
        STATE.search = SearchIndexer(index)
    else:
        STATE.search._index = index
    STATE.search.request()
