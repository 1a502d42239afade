"""MkDocs hooks of the column: a thin adapter; the work lives in the `newsroom` package."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from newsroom.cms import precheck
from newsroom.engine import preview, preview_panel, preview_problems
from newsroom.engine.build import BuildSetup, Emitted, Planned, Rendered, finish, load, plan, render
from newsroom.engine.emit import emit
from newsroom.engine.material_repairs import repair_material_markup
from newsroom.engine.pages import GeneratedPage
from newsroom.publish.staging import StagedSiteDir
from newsroom.search.pagefind import index_site, with_search_aliases

Phase = BuildSetup | Planned | Emitted | Rendered
T = TypeVar("T", bound=Phase)

_preview = False
_dirty = False
_build: Phase | None = None
"""This build's latest phase result (engine/build.py); each event hands it to the next phase."""
_staged: StagedSiteDir | None = None


def _at(phase: type[T]) -> T:
    """The current build's result of `phase`, or a clear error when MkDocs' events came out of order."""
    if not isinstance(_build, phase):
        found = type(_build).__name__ if _build is not None else "nothing"
        raise PluginError(f"newsroom: các sự kiện của MkDocs đến sai thứ tự (cần {phase.__name__}, đang có {found}): lỗi của mã, không phải của nội dung")
    return _build


def on_startup(command: str, dirty: bool) -> None:
    global _preview, _dirty
    _preview, _dirty = command == "serve", dirty
    if _preview:
        preview_problems.guard_first_build()  # a first build that fails does not stop the preview


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _staged
    _build = BuildSetup.from_config(config, preview=_preview)
    # `mkdocs build` writes into a staging folder, put in place once every check passed.
    _staged = None if _preview or _dirty else StagedSiteDir.begin(config)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    # Before MkDocs cleans site/: a content error leaves the published site untouched.
    global _build
    loaded = load(_at(BuildSetup))
    if _preview:  # the panel links each problem to its page
        preview_problems.remember_pages({e.source: e.url for e in loaded.catalog.entries})
    _build = plan(loaded)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _build
    _build = emitted = emit(_at(Planned), files, config)
    return emitted.files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    global _build
    _build = render(_at(Emitted), env)
    return env


@event_priority(-100)  # after any plugin's post_build: the site is complete when it is put in place
def on_post_build(config: MkDocsConfig) -> None:
    rendered = _at(Rendered)
    site_dir, cache_dir = Path(config.site_dir), rendered.emitted.setup.cache_dir
    # Under `mkdocs serve` the page first, the search index right after (engine/preview.py).
    finish(rendered, site_dir, lambda: index_site(site_dir, cache_dir))
    if _staged is not None:
        _staged.finish(config)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    server = preview.take_over(server, config)
    server.builder = preview_problems.guarded_build(server.builder)  # a failed rebuild: panel, not a stalled server
    preview_panel.install(server)
    precheck.install(server, Path(config.config_file_path).parent)  # the editing desk's pre-save check (/admin/)
    return server


def on_build_error(error: Exception) -> None:
    if _preview:
        preview_problems.record_failure(error)
    if _staged is not None:
        _staged.abort()


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if isinstance(page, GeneratedPage) and page.cached is not None:
        return html  # the kept page is final already
    return with_search_aliases(html, page)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if isinstance(page, GeneratedPage):
        if page.cached is not None:
            return output
        output = repair_material_markup(output)
        page.keep(output)
        return output
    return repair_material_markup(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # Theme pages written without a Page: 404.html (sitemap.xml has nothing to repair).
    return repair_material_markup(output_content)
