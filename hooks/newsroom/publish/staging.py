"""A plain `mkdocs build -d DIR` that fails, however late, leaves DIR as it was.

MkDocs empties `site_dir` right after `on_pre_build` and then writes into it; a good deal can still
fail after that: a page that does not render, a social card, Pagefind (in `on_post_build`), and
`--strict` itself, which aborts only after every event has run if a warning was logged. So the
build writes into a staging folder beside DIR (`.DIR.staging`, same file system) and the hook puts
it in place at the end of `on_post_build`, after the last check it can see: no warning counted in
strict mode. On any error the staging folder is deleted and DIR is untouched.

Skipped under `mkdocs serve` (MkDocs builds into a temporary folder of its own) and for
`--dirty` builds (which by definition write over DIR).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

from .swap import remove, replace_folder


@dataclass(frozen=True)
class StagedSiteDir:
    final: Path
    staging: Path

    @classmethod
    def begin(cls, config: MkDocsConfig) -> StagedSiteDir:
        """Point MkDocs at a fresh staging folder beside `config.site_dir`."""
        final = Path(config.site_dir)
        staging = final.with_name(f".{final.name}.staging")
        try:
            remove(staging)  # left by a build that was killed
            staging.mkdir(parents=True)
        except OSError as exc:
            raise PluginError(
                f"Không tạo được thư mục tạm {staging} cạnh thư mục xuất {final} ({exc.strerror or exc}). "
                "Trang được dựng vào đó rồi mới thay thư mục xuất: cần quyền ghi vào thư mục chứa nó."
            ) from exc
        config.site_dir = str(staging)
        return cls(final, staging)

    def finish(self, config: MkDocsConfig) -> None:
        """The build is complete: replace the final folder with it, unless strict mode will abort."""
        if config.strict and _warnings_counted():
            return  # MkDocs aborts next; `abort` (on_build_error) deletes the staging folder
        try:
            replace_folder(self.staging, self.final)
        except OSError as exc:
            raise PluginError(f"Không thay được thư mục xuất {self.final} bằng bản vừa dựng ({exc.strerror or exc}).") from exc
        config.site_dir = str(self.final)  # for what runs after the build (gh-deploy reads it)

    def abort(self) -> None:
        """The build failed: drop what it wrote; the final folder was never touched."""
        with contextlib.suppress(OSError):  # else the next build removes it before it starts
            remove(self.staging)


def _warnings_counted() -> bool:
    """Whether MkDocs' strict-mode counter (a CountHandler on the `mkdocs` logger) saw a warning."""
    return any(isinstance(handler, CountHandler) and handler.get_counts() for handler in logging.getLogger("mkdocs").handlers)
