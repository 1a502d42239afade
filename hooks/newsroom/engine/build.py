"""One build of the column in four phases, each result frozen and handed to the next.

    BuildSetup --load--> Loaded --plan--> Planned --emit--> Emitted --render--> Rendered --finish

- `BuildSetup` (on_config): where the project is, its address, the column's settings, preview or not.
- `load` (on_pre_build, before MkDocs cleans site/): the taxonomies, the brand kit, the catalog and
  the processed images; every content problem in one PluginError, so a bad file never empties site/.
- `plan` (on_pre_build): the site plan (which pages, feeds, cards, files, redirects), pure.
- `emit` (on_files, `engine/emit.py`): the plan as MkDocs files; the social cards are submitted to
  their painter, so they are drawn while MkDocs renders the pages.
- `render` (on_env, after MkDocs rendered every body): the cards collected, the feeds and widgets
  written from the rendered bodies, the templates' globals.
- `finish` (on_post_build): the log line, then the search index and the server files, or under
  `mkdocs serve` what the next save needs (`engine/preview.py`).

Everything a build knows lives in these results, made again for every build: a `mkdocs serve`
rebuild reads the taxonomies, the kit and the content afresh and never sees the previous build's.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from .. import routes, site_constants
from ..brand import Brand
from ..brand.card_painter import CardPainter
from ..brand.site_brand import BrandView
from ..brand.widget_colours import widget_options
from ..cache import cache_dir_of
from ..checks.validation import validate_site
from ..cms.admin_page import DecapMissing, admin_files, theme_stylesheets
from ..content.catalog import Catalog
from ..content.dates import build_now
from ..content.errors import PROBLEM_KEY, ContentErrors, ContentWarning
from ..content.model import Entry
from ..content.taxonomy import Taxonomies, load_taxonomies
from ..images.library import MediaLibrary
from ..plan.column_settings import NewsroomSettings, load_settings
from ..plan.desk import add_desk_page
from ..plan.site_plan import SitePlan, build_site_plan
from ..report.page import add_stats_page
from ..server.nginx import CONFIG_FILE, Move
from ..server.server_files import write_server_files
from ..syndication.outputs import FeedDirectory, render_syndication
from . import preview
from .page_cache import PageCache
from .pages import BodyRenderer, GeneratedPage
from .preview_problems import ContentBuildError

log = get_plugin_logger("newsroom")


@dataclass(frozen=True)
class BuildSetup:
    """What the build knows from mkdocs.yml and the command, before reading any content."""

    root: Path
    """The folder of mkdocs.yml."""
    site_url: str
    """`site_url` with one trailing slash."""
    settings: NewsroomSettings
    preview: bool
    """True under `mkdocs serve`: drafts and scheduled entries are built, the preview's state is kept."""
    site_name: str = ""
    stylesheets: tuple[str, ...] = ()
    """The published page's stylesheets (Material's, then `extra_css`): the editing desk's preview style."""

    @property
    def cache_dir(self) -> Path:
        """`.cache/` beside mkdocs.yml (see `cache_dir_of`)."""
        return cache_dir_of(self.root)

    @classmethod
    def from_config(cls, config: MkDocsConfig, preview: bool) -> BuildSetup:
        if not config.site_url:
            raise PluginError(
                "mkdocs.yml: cần site_url tuyệt đối (ví dụ https://chuyendoiso.tainangviet.vn/) để tạo liên kết chia sẻ và feed"
            )
        try:
            extra: dict[str, Any] = dict(config.extra or {})
            settings = load_settings(extra.get("newsroom"))
        except ValueError as exc:
            raise PluginError(f"mkdocs.yml: {exc}") from exc
        site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        return cls(
            root=Path(config.config_file_path).parent,
            site_url=site_url,
            settings=settings,
            preview=preview,
            site_name=config.site_name,
            stylesheets=tuple(theme_stylesheets(config.theme.dirs, config.extra_css)),
        )


@dataclass(frozen=True)
class Loaded:
    """The checked inputs of this build: nothing in them comes from an earlier build."""

    setup: BuildSetup
    taxonomies: Taxonomies
    brand: Brand
    catalog: Catalog
    media: MediaLibrary
    """Every image of the catalog processed: its variants are files under `.cache/`."""
    warnings: tuple[ContentWarning, ...] = ()
    """What the build publishes but a reader would see badly (checks/quality.py): logged, never fatal."""


@dataclass(frozen=True)
class Planned:
    loaded: Loaded
    plan: SitePlan
    """Which pages, feeds, cards, copied files and redirects the site has (with /thong-ke/)."""


@dataclass(frozen=True)
class Emitted:
    """The plan as MkDocs files; what MkDocs fills in while it renders the pages is collected here."""

    planned: Planned
    files: Files
    renderer: BodyRenderer
    """Renders the generated pages' bodies and keeps them (`rendered`) for the feeds."""
    page_cache: PageCache
    """Counts the pages rendered and reused."""
    brand_view: BrandView
    painter: CardPainter
    """Draws the missing social cards in threads while MkDocs renders the pages."""
    card_files: Mapping[str, File]
    """Site path of each social card -> its file (linked from the card cache)."""
    syndication_files: Mapping[str, File]
    """Site path of each feed and widget file -> its file, written once the bodies are rendered."""
    unchanged_pages: int
    """Under `mkdocs serve`: pages the previous build of this preview wrote and this one keeps."""

    @property
    def setup(self) -> BuildSetup:
        return self.planned.loaded.setup


@dataclass(frozen=True)
class Rendered:
    emitted: Emitted
    feeds: FeedDirectory
    """The view of /rss/: every feed with its widget snippets."""


def load(setup: BuildSetup) -> Loaded:
    """Read and validate the taxonomies, the brand kit and all content; raise one PluginError listing every problem."""
    try:
        now = build_now()
    except ValueError as exc:
        raise PluginError(f"SOURCE_DATE_EPOCH phải là số giây (Unix time): {exc}") from exc
    taxonomies = load_taxonomies()  # per build: `mkdocs serve` sees an edit of content/data/
    # The same validation as `newsroom check` (checks/validation.py): one verdict, the same messages.
    checked = validate_site(setup.root, taxonomies, now, setup.cache_dir)
    for remark in [*checked.notices, *checked.warnings]:  # INFO: under `strict: true` a WARNING record would fail the build
        log.info(remark.format(), extra={PROBLEM_KEY: remark})
    if checked.failed or checked.brand is None or checked.catalog is None:
        raise ContentBuildError(ContentErrors(list(checked.errors)))  # the text for MkDocs, the objects for the preview's panel
    return Loaded(setup, taxonomies, checked.brand, checked.catalog, checked.media, checked.warnings)


def plan(loaded: Loaded) -> Planned:
    setup = loaded.setup
    site_plan = build_site_plan(loaded.catalog, loaded.taxonomies, setup.settings, setup.site_url, setup.preview)
    add_stats_page(site_plan, loaded.catalog, loaded.taxonomies, loaded.brand, setup.site_url)
    if setup.preview:  # the desk (/bien-tap/) exists only in the preview, never in site/
        add_desk_page(site_plan, loaded.catalog, setup.root, setup.site_url, loaded.warnings)
    if setup.preview or setup.settings.cms:  # /admin/: in site/ only with a repository backend
        try:
            site_plan.outputs.update(
                admin_files(
                    setup.root,
                    loaded.taxonomies,
                    setup.settings.cms,
                    setup.site_url,
                    setup.site_name,
                    setup.stylesheets,
                    setup.preview,
                )
            )
        except DecapMissing as exc:
            raise PluginError(f"mkdocs.yml: {exc}") from exc
    return Planned(loaded, site_plan)


def render(emitted: Emitted, env: Environment) -> Rendered:
    """Once MkDocs rendered every body: collect the cards, write the feeds and widgets, fill the templates' globals."""
    loaded = emitted.planned.loaded
    _escape_our_templates(env)
    unkept, problems = emitted.painter.collect()
    if problems:
        raise PluginError("Không vẽ được thẻ chia sẻ:\n  - " + "\n  - ".join(problems))
    for uri, data in unkept.items():  # a cache that cannot be written: the bytes themselves
        emitted.card_files[uri].content_bytes = data
    env.globals["newsroom_brand"] = emitted.brand_view
    env.globals["nr_routes"] = routes
    env.globals["nr_site"] = site_constants
    env.globals.update(loaded.media.template_globals())

    site_url = emitted.setup.site_url

    def card_lookup(entry: Entry) -> tuple[str, int] | None:
        card = emitted.card_files.get(routes.card(entry.url))
        if card is None:
            return None
        if card.abs_src_path is not None and os.path.isfile(card.abs_src_path):
            return card.dest_uri, os.path.getsize(card.abs_src_path)
        return (card.dest_uri, len(card.content_bytes)) if card.content_bytes else None

    def image_lookup(asset: Any) -> tuple[str, int, str]:
        uri, size, mime = loaded.media.enclosure(asset)
        return site_url + uri, size, mime

    outputs, directory = render_syndication(
        emitted.planned.plan.feeds,
        emitted.renderer.rendered,
        site_url,
        loaded.catalog.now,
        image_lookup=image_lookup,
        options=widget_options(loaded.brand),
        card_lookup=card_lookup,
    )
    for uri, data in outputs.items():
        emitted.syndication_files[uri].content_bytes = data
    env.globals["newsroom_feeds"] = directory
    return Rendered(emitted, directory)


def finish(rendered: Rendered, site_dir: Path, index: Callable[[], object]) -> None:
    """After MkDocs wrote the site: say what was rendered; then, under `mkdocs serve`, remember what
    this build wrote for the next save and start `index` in a thread (engine/preview.py); for
    `mkdocs build`, run `index` and write the web server's files."""
    emitted = rendered.emitted
    setup = emitted.setup
    cache = emitted.page_cache
    kept = f", {emitted.unchanged_pages} trang giữ nguyên" if setup.preview else ""
    log.info(f"Trang: {len(cache.rendered)} trang dựng mới, {cache.reused} trang dùng lại từ bộ nhớ đệm{kept}")
    log.debug("Trang dựng mới: " + " ".join(cache.rendered))
    if setup.preview:  # the page first, the search index right after
        files = emitted.files
        written = {f.dest_uri for f in files if f.inclusion.is_in_serve()}  # type: ignore[no-untyped-call]
        keys = {
            f.dest_uri: f.page.preview_key
            for f in files
            if isinstance(f.page, GeneratedPage) and f.page.preview_key is not None
        }
        preview.finish_build(site_dir, written, keys, dict(emitted.renderer.rendered), index)
        return
    index()
    moves = [Move(routes.url_of_html_file(r.src_uri), r.target_url) for r in emitted.planned.plan.redirects]
    count = write_server_files(site_dir, setup.cache_dir, setup.site_url, moves)
    log.info(f"Máy chủ web: cấu hình nginx {CONFIG_FILE} ({len(moves)} địa chỉ chuyển hướng 301), {count} tệp nén sẵn .gz")


def _escape_our_templates(env: Environment) -> None:
    """Autoescape the column's templates (overrides/newsroom/): they print editor text.

    MkDocs' environment escapes nothing, and Material's templates rely on that, so the switch
    is made by template name; trusted HTML (rendered bodies) is marked `| safe` where printed.
    """
    previous = env.autoescape

    def autoescape(name: str | None) -> bool:
        if name is not None and name.startswith("newsroom/"):
            return True
        return bool(previous(name) if callable(previous) else previous)

    env.autoescape = autoescape
