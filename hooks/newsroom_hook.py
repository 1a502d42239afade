"""MkDocs hooks of the column: a thin adapter; the work lives in the `newsroom` package."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from newsroom.engine import preview
from newsroom.engine.build import ColumnBuild
from newsroom.engine.material_repairs import repair_material_markup
from newsroom.engine.pages import GeneratedPage
from newsroom.publish.staging import StagedSiteDir
from newsroom.search.pagefind import index_site, with_search_aliases

_preview = False
_dirty = False
_build: ColumnBuild | None = None
_staged: StagedSiteDir | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _preview, _dirty
    _preview, _dirty = command == "serve", dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _staged
    _build = ColumnBuild.from_config(config, preview=_preview)
    # `mkdocs build` writes into a staging folder, put in place once every check passed.
    _staged = None if _preview or _dirty else StagedSiteDir.begin(config)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    # Before MkDocs cleans site/: a content error leaves the published site untouched.
    assert _build is not None
    _build.load()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None
    return _build.add_files(files, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    assert _build is not None
    _build.escape_our_templates(env)
    _build.fill_cards(env)
    _build.fill_syndication(env)
    return env


@event_priority(-100)  # after any plugin's post_build: the site is complete when it is put in place
def on_post_build(config: MkDocsConfig) -> None:
    assert _build is not None
    _build.report_pages()
    site_dir, cache_dir = Path(config.site_dir), _build.cache_dir
    if _preview:  # the page first, the search index right after (engine/preview.py)
        _build.finish_preview(site_dir, lambda: index_site(site_dir, cache_dir))
        return
    index_site(site_dir, cache_dir)
    _build.write_server_files(site_dir)
    if _staged is not None:
        _staged.finish(config)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    return preview.take_over(server, config)


def on_build_error(error: Exception) -> None:
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
