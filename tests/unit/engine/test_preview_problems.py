"""The preview's record of the last build's problems, and the guard that keeps `mkdocs serve` up."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from mkdocs.exceptions import Abort
from mkdocs.utils import DuplicateFilter

from newsroom.content.errors import PROBLEM_KEY, ContentError, ContentErrors, ContentWarning
from newsroom.engine import preview_problems
from newsroom.engine.preview_problems import PROBLEMS, ContentBuildError, guarded_build, record_failure

ERROR = ContentError("articles/news/a/index.md", "sai ngày", "date", 3, "viết 2024-10-05")


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    preview_problems.begin_build()
    yield
    preview_problems.begin_build()
    logging.getLogger("mkdocs").removeHandler(preview_problems._HANDLER)


def _failing_build(error: Exception) -> None:
    """What MkDocs' build does on a BuildError: on_build_error, log, then Abort."""
    record_failure(error)
    logging.getLogger("mkdocs.commands.build").error(str(error))
    raise Abort("Aborted with a BuildError!")


def test_a_content_build_error_carries_the_errors_and_the_text() -> None:
    error = ContentBuildError(ContentErrors([ERROR]))
    assert error.errors == (ERROR,) and "articles/news/a/index.md:3 [date]: sai ngày" in str(error)


def test_a_failed_build_is_recorded_explained_in_vietnamese_and_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    guarded_build(_failing_build)(ContentBuildError(ContentErrors([ERROR])))
    errors, warnings, failed, _pages = PROBLEMS.snapshot()
    assert errors == (ERROR,) and warnings == () and failed
    assert "Bản xem trước chưa" in caplog.text and "1 lỗi" in caplog.text


def test_a_clean_build_after_a_failure_empties_the_problems(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    guarded_build(_failing_build)(ContentBuildError(ContentErrors([ERROR])))
    guarded_build(lambda: None)()
    assert PROBLEMS.snapshot()[:3] == ((), (), False)
    assert preview_problems.EXPLAIN_FIXED in caplog.text


def test_the_same_error_saved_twice_is_logged_twice() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    duplicates = DuplicateFilter()
    logger.addFilter(duplicates)
    seen: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    collect = Collect()
    logger.addHandler(collect)
    try:
        error = ContentBuildError(ContentErrors([ERROR]))
        guarded_build(_failing_build)(error)
        guarded_build(_failing_build)(error)
    finally:
        logger.removeFilter(duplicates)
        logger.removeHandler(collect)
    assert seen.count(str(error)) == 2


def test_warnings_logged_with_the_problem_key_are_collected_and_kept_after_a_good_build(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)  # as `mkdocs serve` sets it
    warning = ContentWarning("articles/news/b/index.md", "ảnh bìa nhỏ", "cover", 9)

    def build() -> None:
        logging.getLogger("mkdocs.plugins.newsroom").info(warning.format(), extra={PROBLEM_KEY: warning})

    guarded_build(build)()
    assert PROBLEMS.snapshot()[:3] == ((), (warning,), False)


def test_a_mkdocs_warning_that_strict_mode_turns_into_a_failure_is_shown_as_an_error() -> None:
    def build() -> None:
        logging.getLogger("mkdocs.structure.pages").warning("Doc file 'a.md' contains a link 'b.md', but the target is not found")
        raise Abort("Aborted with 1 warnings in strict mode!")

    guarded_build(build)()
    errors, _warnings, failed, _pages = PROBLEMS.snapshot()
    assert failed and len(errors) == 1 and "b.md" in errors[0].message and errors[0].hint == preview_problems.MKDOCS_WARNING


def test_an_unexpected_exception_is_shown_too_and_does_not_stop_the_preview() -> None:
    def build() -> None:
        raise RuntimeError("hỏng")

    guarded_build(build)()
    errors, _warnings, failed, _pages = PROBLEMS.snapshot()
    assert failed and [e.message for e in errors] == ["hỏng"]


def test_the_server_log_lines_are_not_problems() -> None:
    def build() -> None:
        logging.getLogger("mkdocs.livereload").warning('"GET /x HTTP/1.1" code 404')

    guarded_build(build)()
    assert PROBLEMS.snapshot()[0] == ()


def test_a_config_error_names_mkdocs_yml_and_another_build_error_names_the_build() -> None:
    from mkdocs.exceptions import PluginError

    record_failure(PluginError("mkdocs.yml: cần site_url tuyệt đối"))
    record_failure(PluginError("Không vẽ được thẻ chia sẻ:\n  - x"))
    errors = PROBLEMS.snapshot()[0]
    assert [(e.path, e.message) for e in errors] == [
        ("mkdocs.yml", "cần site_url tuyệt đối"),
        ("(bản dựng)", "Không vẽ được thẻ chia sẻ:\n  - x"),
    ]
