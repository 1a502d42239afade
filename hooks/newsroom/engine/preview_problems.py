"""`mkdocs serve`: the problems of the last (re)build, for the browser's panel and the terminal.

MkDocs' preview, left alone, goes silent on an error: the build raises, the server waits for a
build that never comes (every request hangs), and the only word is English, in the terminal. Here:

- every build of the preview runs through `guarded_build`, which never raises: a failed build
  leaves the site folder as the last good build wrote it (content errors stop the build in
  `on_pre_build`, before MkDocs touches the folder), records what went wrong and says so in
  Vietnamese, so the server reloads the browsers and they show the errors (engine/preview_panel.py);
- the problems are objects, not log text: a `ContentBuildError` carries the build's ContentErrors,
  and the warnings come from the log records that carry one under `PROBLEM_KEY`;
- MkDocs' DuplicateFilter (which drops a log message it has printed before) is emptied before each
  build, so the same mistake saved twice is printed twice.

The state lives in this module (the process): MkDocs makes a new config for every rebuild.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import DuplicateFilter

from ..content.errors import PROBLEM_KEY, ContentError, ContentErrors, ContentWarning

log = get_plugin_logger("newsroom")

EXPLAIN_FAILURE = (
    "Bản xem trước chưa cập nhật: {count} lỗi (liệt kê ở trên, và trên mọi trang trong trình duyệt)."
    " Trình duyệt vẫn hiển thị bản dựng tốt gần nhất; sửa rồi lưu tệp, trang sẽ tự tải lại."
)
EXPLAIN_FIRST_FAILURE = (
    "Bản xem trước chưa dựng được: {count} lỗi (liệt kê ở trên). Máy chủ vẫn chạy; mọi trang trong trình duyệt"
    " hiện danh sách lỗi. Sửa rồi lưu tệp, trang sẽ tự tải lại."
)
EXPLAIN_FIXED = "Bản xem trước đã cập nhật: hết lỗi."
MKDOCS_WARNING = "Cảnh báo của MkDocs (mkdocs.yml đặt strict: true nên bị coi là lỗi)"


class ContentBuildError(PluginError):
    """The build's content problems, raised once: MkDocs prints the text, the preview keeps the objects."""

    def __init__(self, problems: ContentErrors) -> None:
        super().__init__(problems.format())
        self.errors: tuple[ContentError, ...] = tuple(problems.errors)


@dataclass
class Problems:
    """What the last build of this preview found wrong; empty after a clean build."""

    errors: list[ContentError] = field(default_factory=list)
    """Problems that stopped the build: the site shown is the last good one."""
    warnings: list[ContentWarning] = field(default_factory=list)
    """Problems that did not stop it."""
    failed: bool = False
    builds: int = 0
    """Builds finished (good or not): a test waits for the next one."""
    pages: dict[str, str] = field(default_factory=dict)
    """Content file (project-relative) -> site-relative URL of its page, from the last good build."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def snapshot(self) -> tuple[tuple[ContentError, ...], tuple[ContentWarning, ...], bool, Mapping[str, str]]:
        with self.lock:
            return tuple(self.errors), tuple(self.warnings), self.failed, dict(self.pages)


PROBLEMS = Problems()


def begin_build() -> None:
    """A build starts: forget the last one's problems, let MkDocs print a repeated message again."""
    with PROBLEMS.lock:
        PROBLEMS.errors, PROBLEMS.warnings, PROBLEMS.failed = [], [], False
    reset_duplicate_filters()


def reset_duplicate_filters() -> None:
    """Empty every DuplicateFilter on MkDocs' loggers (mkdocs/__main__.py puts one on the build's logger)."""
    for name in ("mkdocs", "mkdocs.commands.build", "mkdocs.plugins", "mkdocs.plugins.newsroom"):
        for item in logging.getLogger(name).filters:
            if isinstance(item, DuplicateFilter):
                item.msgs.clear()


def record_failure(error: BaseException) -> None:
    """`on_build_error`: what stopped the build, as problems the panel can show."""
    found: list[ContentError]
    if isinstance(error, ContentBuildError | ContentErrors):
        found = list(error.errors)
    elif isinstance(error, Abort) and "strict mode" in str(error):
        found = []  # the warnings themselves were recorded by the handler below
    else:
        text = str(error) or type(error).__name__
        where = "mkdocs.yml" if isinstance(error, PluginError) and text.startswith("mkdocs.yml") else "(bản dựng)"
        found = [ContentError(path=where, message=text.removeprefix("mkdocs.yml: "))]
    with PROBLEMS.lock:
        PROBLEMS.failed = True
        PROBLEMS.errors += [e for e in found if e not in PROBLEMS.errors]


def remember_pages(pages: Mapping[str, str]) -> None:
    """After a good load: which page each content file makes (the panel links to it)."""
    with PROBLEMS.lock:
        PROBLEMS.pages = dict(pages)


class ProblemHandler(logging.Handler):
    """Collects the problems a build logs: ContentWarnings (under PROBLEM_KEY) and MkDocs' warnings,
    which `strict: true` turns into a failed build."""

    def emit(self, record: logging.LogRecord) -> None:
        problem = getattr(record, PROBLEM_KEY, None)
        with PROBLEMS.lock:
            if isinstance(problem, ContentWarning):
                if problem not in PROBLEMS.warnings:
                    PROBLEMS.warnings.append(problem)
            elif isinstance(problem, ContentError):
                if problem not in PROBLEMS.errors:
                    PROBLEMS.errors.append(problem)
            elif (
                record.levelno == logging.WARNING
                and _building.is_set()
                and record.name.startswith("mkdocs")
                and not record.name.startswith("mkdocs.livereload")  # the server's "code 404" lines
            ):
                error = ContentError(path="(MkDocs)", message=record.getMessage(), hint=MKDOCS_WARNING)
                if error not in PROBLEMS.errors:
                    PROBLEMS.errors.append(error)


_HANDLER = ProblemHandler(level=logging.INFO)


def install_handler() -> None:
    logger = logging.getLogger("mkdocs")
    if _HANDLER not in logger.handlers:
        logger.addHandler(_HANDLER)


def guarded_build(build: Callable[..., None]) -> Callable[..., None]:
    """`build` for the preview: the problems recorded, explained in Vietnamese, and never raised, so
    MkDocs' server neither exits (first build) nor stalls every request (a rebuild)."""

    def guarded(*args: Any, **kwargs: Any) -> None:
        install_handler()
        begin_build()
        was_failed = _last_failed[0]
        _building.set()
        try:
            build(*args, **kwargs)
        except (Exception, Abort) as exc:  # noqa: BLE001 - the preview must stay up whatever the build raised
            if not isinstance(exc, Abort):  # a BuildError was printed by MkDocs; anything else is a bug
                log.error("Lỗi khi dựng trang:\n" + "".join(traceback.format_exception(exc)))
                if not PROBLEMS.failed:
                    record_failure(exc)
            with PROBLEMS.lock:
                PROBLEMS.failed = True
                count = len(PROBLEMS.errors) or 1
            _last_failed[0] = True
            log.info((EXPLAIN_FAILURE if _good_builds[0] else EXPLAIN_FIRST_FAILURE).format(count=count))
        else:
            if was_failed:
                log.info(EXPLAIN_FIXED)
            _last_failed[0] = False
            _good_builds[0] += 1
        finally:
            _building.clear()
            with PROBLEMS.lock:
                PROBLEMS.builds += 1

    return guarded


_last_failed = [False]
_good_builds = [0]
_building = threading.Event()


def guard_first_build() -> None:
    """`on_startup` of `mkdocs serve`: the first build runs guarded too, so a content error at start
    does not end `mkdocs serve`; the server starts and shows the errors (mkdocs/commands/serve.py
    calls this module's `build` by name for the first build)."""
    from mkdocs.commands import serve

    first: Callable[..., None] = getattr(serve, "build")  # noqa: B009 - serve.py's import, not an export
    if not getattr(first, "_newsroom_guarded", False):
        guarded = guarded_build(first)
        setattr(guarded, "_newsroom_guarded", True)  # noqa: B010
        setattr(serve, "build", guarded)  # noqa: B010
