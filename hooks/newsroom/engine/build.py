"""One build of the column: the per-build state the MkDocs hook keeps, and what each event does.

A fresh `ColumnBuild` is made in `on_config`, so `mkdocs serve` rebuilds never see the
previous build's entries.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import routes
from ..brand import Brand
from ..brand.site_files import BrandView, CardPainter, build_brand_files, load_site_brand, widget_options
from ..cache import ContentCache, cache_dir_of
from ..content.catalog import Catalog, load_catalog
from ..content.dates import build_now
from ..content.errors import ContentErrors
from ..content.model import Entry
from ..content.taxonomy import Taxonomies, load_taxonomies
from ..images.library import MediaLibrary
from ..plan.settings import NewsroomSettings, load_settings
from ..plan.site_plan import SitePlan, build_site_plan
from ..report.page import add_stats_page
from ..server.nginx import CONFIG_FILE, Move
from ..server.site_files import write_server_files
from ..syndication.outputs import output_uris, render_syndication
from ..syndication.widgets import resizer_source
from . import preview
from .files import GeneratedFile, LinkedFile
from .page_cache import PageCache, shared_salt
from .pages import BodyRenderer, GeneratedPage
from .redirects import render_redirect

log = get_plugin_logger("newsroom")


def _sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class ColumnBuild:
    root: Path
    site_url: str
    settings: NewsroomSettings
    preview: bool
    taxonomies: Taxonomies = field(default_factory=load_taxonomies)
    catalog: Catalog | None = None
    plan: SitePlan | None = None
    renderer: BodyRenderer | None = None
    syndication_files: dict[str, File] = field(default_factory=dict)
    brand: Brand | None = None
    brand_view: BrandView | None = None
    painter: CardPainter | None = None
    card_files: dict[str, File] = field(default_factory=dict)
    page_cache: PageCache | None = None
    files: Files | None = None
    unchanged_pages: int = 0
    media: MediaLibrary = field(init=False)

    def __post_init__(self) -> None:
        self.media = MediaLibrary(self.cache_dir, self.root)

    @property
    def cache_dir(self) -> Path:
        """`.cache/` beside mkdocs.yml (see `cache_dir_of`)."""
        return cache_dir_of(self.root)

    @classmethod
    def from_config(cls, config: MkDocsConfig, preview: bool) -> ColumnBuild:
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
        return cls(root=Path(config.config_file_path).parent, site_url=site_url, settings=settings, preview=preview)

    def load(self) -> None:
        """Read and validate the brand kit and all content; raise one PluginError listing every problem."""
        try:
            now = build_now()
        except ValueError as exc:
            raise PluginError(f"SOURCE_DATE_EPOCH phải là số giây (Unix time): {exc}") from exc
        errors = []
        try:
            self.brand = load_site_brand(self.root)
        except ContentErrors as problems:
            errors += problems.errors
        try:
            self.catalog = load_catalog(self.root, self.taxonomies, now, cache_dir=self.cache_dir)
        except ContentErrors as problems:
            errors += problems.errors
        if self.catalog is not None:
            errors += self.media.process(self.catalog.entries)
        if errors:
            raise PluginError(ContentErrors(errors).format())
        assert self.catalog is not None
        self.plan = build_site_plan(self.catalog, self.taxonomies, self.settings, self.site_url, self.preview)
        add_stats_page(self.plan, self.catalog, self.taxonomies, self.brand, self.site_url)

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.plan is not None
        clashes = []

        def add(file: File) -> None:
            if files.get_file_from_path(file.src_uri) is not None:
                clashes.append(file.src_uri)
            files.append(file)

        entry_pages = self.plan.entry_pages
        self.renderer = BodyRenderer(
            config, lambda uri, html: self.media.rewrite_body(html, entry_pages[uri]) if uri in entry_pages else html
        )
        assert self.brand is not None and self.catalog is not None
        brand_files, self.brand_view = build_brand_files(self.brand, self.catalog.now)
        salt = self._shared_salt(config)
        self.page_cache = PageCache(self.cache_dir, salt)
        self.files = files
        incremental = self.preview and preview.STATE.dirty and preview.STATE.salt == salt
        if self.preview and preview.STATE.dirty and not incremental:
            for doc in files.documentation_pages():  # templates or config changed: docs/ pages too
                doc.is_modified = lambda: True  # type: ignore[method-assign]
        preview.STATE.salt = salt
        for spec in self.plan.pages:
            inclusion = InclusionLevel.DRAFT if spec.preview_only else InclusionLevel.NOT_IN_NAV
            if spec.src_uri in routes.NAV_PAGES:
                inclusion = InclusionLevel.INCLUDED
            file = GeneratedFile.generated(config, spec.src_uri, content=spec.markdown, inclusion=inclusion)
            assert isinstance(file, GeneratedFile)
            add(file)
            page = GeneratedPage(spec, file, config, self.renderer, self.page_cache, self.media.digest_of)
            if self.preview:
                page.preview_key = self.page_cache.key(spec, self.media.digest_of) if not spec.preview_only else None
                if incremental and preview.STATE.unchanged(file.dest_uri, page.preview_key, config.site_dir):
                    file.unchanged = True
                    self.unchanged_pages += 1
                    if spec.src_uri in preview.STATE.bodies:
                        self.renderer.rendered[spec.src_uri] = preview.STATE.bodies[spec.src_uri]
        linked: set[str] = set()
        for copied in self.plan.files:
            inclusion = InclusionLevel.DRAFT if copied.preview_only else InclusionLevel.INCLUDED
            for uri, path in self.media.files_of(copied.asset, copied.folder):
                if uri in linked:  # an image shown by several entries is published once
                    continue
                linked.add(uri)
                add(LinkedFile.generated(config, uri, abs_src_path=str(path), inclusion=inclusion))
        for uri, source in brand_files.items():
            if isinstance(source, Path):
                add(File.generated(config, uri, abs_src_path=str(source)))
            else:
                add(File.generated(config, uri, content=source))
        hashes = self.media.hashes
        self.painter = CardPainter(
            self.brand,
            ContentCache(self.cache_dir, "the-chia-se", CARD_CACHE_VERSION),
            hashes.sha256 if hashes is not None else _sha256_of,
        )
        for card in self.plan.cards.values():
            path = self.painter.submit(card)
            self.card_files[card.uri] = LinkedFile.generated(config, card.uri, abs_src_path=str(path))
            add(self.card_files[card.uri])
        for feed in self.plan.feeds:
            for uri in output_uris(feed):
                self.syndication_files[uri] = File.generated(config, uri, content=b"")
                add(self.syndication_files[uri])
        for uri, content in self.plan.outputs.items():
            add(File.generated(config, uri, content=content))
        if self.plan.feeds:
            add(File.generated(config, routes.WIDGET_RESIZER, content=resizer_source()))
        for redirect in self.plan.redirects:
            depth = redirect.src_uri.count("/")
            relative = "../" * depth + redirect.target_url
            html = render_redirect(relative, self.site_url + redirect.target_url)
            add(File.generated(config, redirect.src_uri, content=html))
        if clashes:
            raise PluginError(
                "Hai tệp của trang cùng ghi vào một đường dẫn: "
                + ", ".join(sorted(set(clashes)))
                + ". Gợi ý: một trang trong docs/ trùng địa chỉ với trang tạo tự động (đổi tên tệp trong docs/"
                + " hoặc đặt slug khác), hoặc hai ảnh cùng tên khác đuôi (anh.jpg và anh.png) trong một bài: đổi tên một ảnh."
            )
        return files

    def report_pages(self) -> None:
        if self.page_cache is not None:
            rendered, reused = len(self.page_cache.rendered), self.page_cache.reused
            kept = f", {self.unchanged_pages} trang giữ nguyên" if self.preview else ""
            log.info(f"Trang: {rendered} trang dựng mới, {reused} trang dùng lại từ bộ nhớ đệm{kept}")
            log.debug("Trang dựng mới: " + " ".join(self.page_cache.rendered))

    def finish_preview(self, site_dir: Path, index: Callable[[], object]) -> None:
        """`mkdocs serve`, after a build: remember what it wrote for the next save, start Pagefind."""
        assert self.files is not None and self.renderer is not None
        written = {f.dest_uri for f in self.files if f.inclusion.is_in_serve()}  # type: ignore[no-untyped-call]
        keys = {
            f.dest_uri: f.page.preview_key
            for f in self.files
            if isinstance(f.page, GeneratedPage) and f.page.preview_key is not None
        }
        preview.finish_build(site_dir, written, keys, dict(self.renderer.rendered), index)

    def write_server_files(self, site_dir: Path) -> None:
        """The finished site's nginx config (redirects from the plan) and precompressed files."""
        assert self.plan is not None
        moves = [Move(routes.url_of_html_file(r.src_uri), r.target_url) for r in self.plan.redirects]
        written = write_server_files(site_dir, self.cache_dir, self.site_url, moves)
        log.info(f"Máy chủ web: cấu hình nginx {CONFIG_FILE} ({len(moves)} địa chỉ chuyển hướng 301), {written} tệp nén sẵn .gz")

    def _shared_salt(self, config: MkDocsConfig) -> str:
        """What every generated page's HTML depends on besides its spec (see page_cache)."""
        shared = {
            "brand": self.brand_view,
            "config": {
                key: config.get(key)
                for key in ("site_name", "site_url", "site_description", "site_author", "copyright", "repo_url")
            },
            "extra": dict(config.extra or {}),
            "nav": repr(config.nav),
            "css": [str(item) for item in config.extra_css],
            "js": [str(item) for item in config.extra_javascript],
            "preview": self.preview,
        }
        custom_dir = config.theme.custom_dir
        return shared_salt(
            Path(config.config_file_path),
            [Path(custom_dir)] if custom_dir else [],
            Path(__file__).resolve().parents[2],
            shared,
        )

    def _absolute(self, enclosure: tuple[str, int, str]) -> tuple[str, int, str]:
        uri, size, mime = enclosure
        return self.site_url + uri, size, mime

    @staticmethod
    def escape_our_templates(env: Environment) -> None:
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

    def fill_cards(self, env: Environment) -> None:
        """Collect the social cards drawn while MkDocs rendered the pages; give templates the brand."""
        assert self.painter is not None
        unkept, problems = self.painter.collect()
        if problems:
            raise PluginError("Không vẽ được thẻ chia sẻ:\n  - " + "\n  - ".join(problems))
        for uri, data in unkept.items():  # a cache that cannot be written: the bytes themselves
            self.card_files[uri].content_bytes = data
        env.globals["newsroom_brand"] = self.brand_view
        env.globals["nr_routes"] = routes
        env.globals.update(self.media.template_globals())

    def fill_syndication(self, env: Environment) -> None:
        """Once every body is rendered: write the feeds and widgets, and give /rss/ its directory."""
        assert self.plan is not None and self.catalog is not None and self.renderer is not None

        def card_lookup(entry: Entry) -> tuple[str, int] | None:
            card = self.card_files.get(routes.card(entry.url))
            if card is None:
                return None
            if card.abs_src_path is not None and os.path.isfile(card.abs_src_path):
                return card.dest_uri, os.path.getsize(card.abs_src_path)
            return (card.dest_uri, len(card.content_bytes)) if card.content_bytes else None

        outputs, directory = render_syndication(
            self.plan.feeds,
            self.renderer.rendered,
            self.site_url,
            self.catalog.now,
            image_lookup=lambda asset: self._absolute(self.media.enclosure(asset)),
            options=widget_options(self.brand) if self.brand else None,
            card_lookup=card_lookup,
        )
        for uri, data in outputs.items():
            self.syndication_files[uri].content_bytes = data
        env.globals["newsroom_feeds"] = directory


CARD_CACHE_VERSION = "1"
